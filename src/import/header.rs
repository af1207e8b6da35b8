//! Metadata from the document's own header and footer.
//!
//! A Vietnamese administrative document (Nghị định 30/2020/NĐ-CP) has a fixed
//! frame: the issuing body on the left and the national motto on the right,
//! then `Số: 15/KH-BDT` and `Bình Phước, ngày … tháng … năm …`, then the type
//! (`KẾ HOẠCH`) and the trích yếu; at the end `Nơi nhận:` with its list and the
//! signer's title and name. Text copies put the two columns side by side (wide
//! gaps) or one after the other, and Word files put them in tables, so the
//! header and footer blocks are first flattened into short fragments, and each
//! fragment is recognised by what it says, not where it sits.

use super::block::{collapse, is_upper, Block, Paragraph};
use crate::text::fold;

/// What the header and footer say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Số ký hiệu, "15/KH-BDT"; a blank number is kept as "…/KH-BDT".
    pub number: Option<String>,
    /// Loại văn bản, "Kế hoạch".
    pub doc_type: Option<String>,
    /// Trích yếu.
    pub title: Option<String>,
    /// Cơ quan ban hành.
    pub issuer: Option<String>,
    /// Place of issue, "Bình Phước".
    pub place: Option<String>,
    /// Ngày ban hành, "2022-02-15", "2022-02" or "2022".
    pub issued: Option<String>,
    /// The signer's name, "Nguyễn Văn Khang".
    pub signer: Option<String>,
    /// The signer's own position, "Phó trưởng ban" (under "KT. TRƯỞNG BAN").
    pub signer_title: Option<String>,
    /// Nơi nhận.
    pub recipients: Vec<String>,
}

/// The metadata, the body blocks left once header and footer are taken out,
/// and warnings about what was missing or guessed.
#[derive(Debug, Clone, Default)]
pub struct Split {
    /// Metadata.
    pub meta: Metadata,
    /// The body.
    pub body: Vec<Block>,
    /// Warnings in plain words.
    pub warnings: Vec<String>,
}

/// Document types as written in capitals, and as shown.
const DOC_TYPES: [(&str, &str); 23] = [
    ("GIẤY TRIỆU TẬP", "Giấy triệu tập"),
    ("GIẤY GIỚI THIỆU", "Giấy giới thiệu"),
    ("THÔNG CÁO", "Thông cáo"),
    ("KẾ HOẠCH", "Kế hoạch"),
    ("BÁO CÁO", "Báo cáo"),
    ("QUYẾT ĐỊNH", "Quyết định"),
    ("CÔNG VĂN", "Công văn"),
    ("CHỈ THỊ", "Chỉ thị"),
    ("THÔNG BÁO", "Thông báo"),
    ("TỜ TRÌNH", "Tờ trình"),
    ("NGHỊ QUYẾT", "Nghị quyết"),
    ("HƯỚNG DẪN", "Hướng dẫn"),
    ("CHƯƠNG TRÌNH", "Chương trình"),
    ("QUY ĐỊNH", "Quy định"),
    ("QUY CHẾ", "Quy chế"),
    ("ĐỀ ÁN", "Đề án"),
    ("PHƯƠNG ÁN", "Phương án"),
    ("BIÊN BẢN", "Biên bản"),
    ("GIẤY MỜI", "Giấy mời"),
    ("KẾT LUẬN", "Kết luận"),
    ("CÔNG ĐIỆN", "Công điện"),
    ("THÔNG TRI", "Thông tri"),
    ("THÔNG TƯ", "Thông tư"),
];

/// Type codes of số ký hiệu ("KH" in 15/KH-BDT).
const TYPE_CODES: [(&str, &str); 15] = [
    ("GM", "Giấy mời"),
    ("GTT", "Giấy triệu tập"),
    ("QC", "Quy chế"),
    ("QyĐ", "Quy định"),
    ("ĐA", "Đề án"),
    ("BB", "Biên bản"),
    ("KH", "Kế hoạch"),
    ("BC", "Báo cáo"),
    ("QĐ", "Quyết định"),
    ("CT", "Chỉ thị"),
    ("TB", "Thông báo"),
    ("TTr", "Tờ trình"),
    ("NQ", "Nghị quyết"),
    ("HD", "Hướng dẫn"),
    ("CTr", "Chương trình"),
];

/// Issuer codes of số ký hiệu ("BDT" in 15/KH-BDT).
const ISSUER_CODES: [(&str, &str); 2] = [("BDT", "Ban Dân tộc"), ("UBND", "Ủy ban nhân dân")];

/// Authority prefixes of a signature block (Nghị định 30/2020, Phụ lục I):
/// on behalf of (`TM.`), deputy for (`KT.`), by order of (`TL.`, `TUQ.`), acting (`Q.`).
const AUTHORITY: [&str; 5] = ["TM.", "KT.", "TL.", "TUQ.", "Q."];

/// Words that open an annex after the signature: it never supplies the signer.
const ANNEX_HEADS: [&str; 5] = ["PHU LUC", "DANH SACH", "DANH MUC", "BIEU ", "BANG "];

/// Words kept in capitals when a capitalised line is turned into normal case.
const ACRONYMS: [&str; 8] = ["UBND", "HĐND", "MTTQ", "BDT", "DTTS", "TƯ", "KT.", "TM."];

/// How many blocks from the top may still belong to the header.
const HEADER_SPAN: usize = 16;

/// Splits a document into metadata and body, in the order of the layout:
/// header (bodies, motto, number, place and date), the type line and the
/// subject (or a letter's `V/v …`), the body, the signature block with
/// `Nơi nhận`, and annexes after it, which go back into the body.
pub fn extract(blocks: Vec<Block>) -> Split {
    let mut s = Split::default();
    let head = &blocks[..blocks.len().min(HEADER_SPAN)];
    let type_at = head.iter().position(|b| paragraph(b).is_some_and(|p| doc_type(&p.plain()).is_some()));
    let letter_at = head.iter().position(|b| fragments(std::slice::from_ref(b)).iter().any(|f| subject_line(&f.text)));
    let header_end = match (type_at, letter_at) {
        (Some(t), _) => t,
        (None, Some(v)) => v + 1,
        (None, None) => header_len(&blocks),
    };
    read_header(&blocks[..header_end], &mut s);
    let mut body_start = header_end;
    if let Some(t) = type_at {
        s.meta.doc_type = paragraph(&blocks[t]).and_then(|p| doc_type(&p.plain())).map(str::to_owned);
        let (title, end) = title_after(&blocks, t + 1);
        if title.is_some() {
            s.meta.title = title;
        }
        body_start = end;
    } else if letter_at.is_some() {
        // a letter's subject may go on under the `V/v` line
        while let Some(p) = blocks.get(body_start).and_then(paragraph) {
            let t = p.plain();
            if is_rule(&t) {
                body_start += 1;
                continue;
            }
            let goes_on = t.starts_with(char::is_lowercase) && !t.ends_with([';', ':']) && t.chars().count() < 120;
            if !goes_on || s.meta.title.is_none() {
                break;
            }
            if let Some(title) = s.meta.title.as_mut() {
                title.push(' ');
                title.push_str(&t);
            }
            body_start += 1;
        }
        if s.meta.doc_type.is_none() && s.meta.title.is_some() {
            s.meta.doc_type = Some("Công văn".to_owned());
        }
    }
    let (footer_start, footer_end) = footer_span(&blocks, body_start);
    read_footer(&blocks[footer_start..footer_end], &mut s);
    s.body = blocks[body_start..footer_start].to_vec();
    s.body.extend_from_slice(&blocks[footer_end..]);
    infer_from_number(&mut s);
    check(&mut s);
    s
}

/// "V/v tổ chức …", "V/v: …", "V/V …": a letter's subject.
fn subject_line(t: &str) -> bool {
    let f = t.trim_start();
    f.starts_with("V/v") || f.starts_with("V/V") || f.starts_with("v/v")
}

fn paragraph(b: &Block) -> Option<&Paragraph> {
    match b {
        Block::Paragraph(p) => Some(p),
        Block::Table(_) => None,
    }
}

/// A document type line ("KẾ HOẠCH", "QUYẾT ĐỊNH").
pub(crate) fn is_type_line(text: &str) -> bool {
    doc_type(text).is_some() && is_upper(text)
}

/// "KẾ HOẠCH" → "Kế hoạch".
fn doc_type(text: &str) -> Option<&'static str> {
    let t = collapse(text).to_uppercase();
    DOC_TYPES.iter().find(|(caps, _)| *caps == t).map(|(_, shown)| *shown)
}

/// Without a type line, the header is the leading blocks that look like header fields.
fn header_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .take(HEADER_SPAN)
        .take_while(|b| fragments(std::slice::from_ref(b)).iter().all(|f| header_field(&f.text)))
        .count()
}

fn header_field(t: &str) -> bool {
    is_upper(t) || t.starts_with("Số") || subject_line(t) || date_of(t).is_some() || is_rule(t)
}

/// A piece of header or footer text, with the table column it came from.
#[derive(Debug, Clone)]
struct Fragment {
    text: String,
    col: Option<usize>,
}

/// Flattens blocks into fragments: paragraphs split at wide gaps, tabs and line
/// breaks; tables column by column, so each column's lines stay together.
fn fragments(blocks: &[Block]) -> Vec<Fragment> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.extend(
                split_columns(&p.runs.iter().map(|r| r.text.as_str()).collect::<String>())
                    .into_iter()
                    .map(|text| Fragment { text, col: None }),
            ),
            Block::Table(rows) => {
                let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                for c in 0..width {
                    for cell in rows.iter().filter_map(|r| r.get(c)) {
                        for p in cell {
                            let mark =
                                if matches!(p.kind, super::block::ParaKind::ListItem { .. }) { "- " } else { "" };
                            for text in split_columns(&p.runs.iter().map(|r| r.text.as_str()).collect::<String>()) {
                                out.push(Fragment { text: format!("{mark}{text}"), col: Some(c) });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Splits at tabs, line breaks and gaps of three spaces or more, except the
/// gaps a blank field leaves ("Số:      /KH", "ngày      tháng").
fn split_columns(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in s.replace(['\t', '\n'], "   ").split("   ").map(collapse) {
        if piece.is_empty() {
            continue;
        }
        // only a blank field is glued back: "Số:   /KH", "ngày   tháng"; never
        // "Nơi nhận:" to the signer's title across the page
        let glued = out.last().is_some_and(|prev| {
            (prev.starts_with("Số") && prev.ends_with([':', '/']))
                || prev.ends_with("ngày")
                || prev.ends_with("tháng")
                || prev.ends_with("năm")
        }) || piece.starts_with(['/', '-']) && out.last().is_some_and(|p| p.starts_with("Số"))
            || piece.starts_with("tháng")
            || piece.starts_with("năm")
            // "năm 20   20": a year drawn in two pieces far apart
            || (piece.len() <= 2
                && piece.chars().all(|c| c.is_ascii_digit())
                && out.last().is_some_and(|p| p.split_whitespace().rev().nth(1) == Some("năm")));
        match out.last_mut() {
            Some(prev) if glued => {
                prev.push(' ');
                prev.push_str(&piece);
            }
            _ => out.push(piece),
        }
    }
    out
}

/// An underline under a header line: "-----", "____".
fn is_rule(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '_' | '*' | '=' | ' ' | '–'))
}

fn is_motto(t: &str) -> bool {
    let f = fold(t).to_uppercase();
    f.contains("CONG HOA XA HOI") || f.starts_with("DOC LAP")
}

fn read_header(blocks: &[Block], s: &mut Split) {
    let mut bodies = Vec::new();
    // the column of a `V/v` line, while its next lines may continue it
    let mut subject_col: Option<Option<usize>> = None;
    for f in fragments(blocks) {
        let t = f.text.as_str();
        if let (Some(col), Some(title)) = (subject_col, s.meta.title.as_mut()) {
            // "V/v đề nghị báo cáo kết quả" / "chính sách …" in one table cell
            if col == f.col && t.starts_with(char::is_lowercase) && !subject_line(t) {
                title.push(' ');
                title.push_str(&collapse(t));
                continue;
            }
            subject_col = None;
        }
        // "UBND HUYỆN X CỘNG HÒA XÃ HỘI …": columns a single space apart
        if let Some(at) = ["CỘNG HÒA", "CỘNG HOÀ"].iter().filter_map(|m| t.find(m)).min().filter(|&i| i > 0) {
            let left = t[..at].trim();
            if is_upper(left) && doc_type(left).is_none() {
                bodies.push(left.to_owned());
            }
            continue;
        }
        if is_motto(t) || is_rule(t) {
            continue;
        }
        let number = number_of(t);
        if let Some(n) = &number {
            s.meta.number = Some(n.clone());
        }
        if let Some((place, date)) = date_of(t) {
            s.meta.place = place;
            s.meta.issued = Some(date.iso());
            s.warnings.extend(date.warning());
            continue;
        }
        if number.is_some() {
            continue;
        }
        if subject_line(t) {
            let rest = &t.trim_start()[3..];
            s.meta.title = Some(capitalise(&collapse(rest.trim_start_matches([':', '.', ' ']))));
            subject_col = Some(f.col);
        } else if is_upper(t) && doc_type(t).is_none() && t.chars().count() <= 80 {
            bodies.push(t.to_owned());
        }
    }
    // a body's name broken over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH
    // PHƯỚC") is one name: the second line starts with a place word
    if bodies.len() >= 2 && starts_with_place(&bodies[bodies.len() - 1]) {
        let last = bodies.pop().unwrap_or_default();
        if let Some(prev) = bodies.last_mut() {
            prev.push(' ');
            prev.push_str(&last);
        }
    }
    if let Some(body) = bodies.last() {
        s.meta.issuer = Some(issuer_name(bodies.iter().rev().nth(1).map(String::as_str), body));
    }
}

/// "Số: 15 /KH-BDT" → "15/KH-BDT"; "Số:   /KH - BDT" → "…/KH-BDT".
fn number_of(t: &str) -> Option<String> {
    let rest = t.strip_prefix("Số")?;
    let rest = match rest.trim_start().strip_prefix(':') {
        Some(r) => r,
        // "Số 15/KH-BDT": no colon, but a digit or the slash right after
        None if rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '/') => {
            rest
        }
        None => return None,
    };
    let mut joined = String::new();
    for w in rest.split_whitespace() {
        let glue = joined.is_empty() || joined.ends_with(['/', '-']) || w.starts_with(['/', '-']);
        if !glue {
            break;
        }
        joined.push_str(w);
    }
    if !joined.contains('/') {
        return None;
    }
    Some(if joined.starts_with('/') { format!("…{joined}") } else { joined })
}

/// A date whose day or month may be blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LooseDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl LooseDate {
    fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    fn warning(self) -> Option<String> {
        match (self.month, self.day) {
            (Some(_), Some(_)) => None,
            (Some(_), None) => Some(format!("the day of issue is blank; `issued` is the month {}", self.iso())),
            _ => Some(format!("the day and month of issue are blank; `issued` is the year {}", self.iso())),
        }
    }
}

/// "Bình Phước, ngày  tháng 02 năm 2022" → (Some("Bình Phước"), 2022-02).
fn date_of(t: &str) -> Option<(Option<String>, LooseDate)> {
    // "tháng11": a missing space between a word and its number
    let spaced = t.replace("tháng", " tháng ").replace("năm", " năm ").replace("ngày", "ngày ");
    let t = spaced.as_str();
    let at = t.find("ngày")?;
    let words: Vec<&str> = t[at..].split_whitespace().collect();
    let value_after = |key: &str| -> Option<Option<u16>> {
        let i = words.iter().position(|w| *w == key)?;
        Some(words.get(i + 1).and_then(|w| w.trim_end_matches(['.', ',']).parse().ok()))
    };
    // "năm 20 20": a year drawn in two pieces
    let year = {
        let i = words.iter().position(|w| *w == "năm")?;
        let mut digits = String::new();
        for w in words.iter().skip(i + 1).take(2) {
            let w = w.trim_end_matches(['.', ',']);
            if digits.len() >= 4 || w.is_empty() || !w.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            digits.push_str(w);
        }
        digits.parse::<u16>().ok().filter(|y| (1900..=2100).contains(y))?
    };
    let month = value_after("tháng")?.and_then(|m| u8::try_from(m).ok()).filter(|m| (1..=12).contains(m));
    let day = value_after("ngày")?.and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=31).contains(d));
    let place = t[..at].trim().trim_end_matches(',').trim();
    let place = (!place.is_empty()).then(|| place.to_owned());
    Some((place, LooseDate { year, month, day: day.filter(|_| month.is_some()) }))
}

/// Words that name a place in a body's name, in capitals.
const PLACE_WORDS: [&str; 6] = ["TỈNH ", "HUYỆN ", "THÀNH PHỐ ", "THỊ XÃ ", "QUẬN ", "XÃ "];

fn starts_with_place(t: &str) -> bool {
    PLACE_WORDS.iter().any(|w| t.starts_with(w))
}

/// "BAN DÂN TỘC" under "UBND TỈNH BÌNH PHƯỚC" → "Ban Dân tộc tỉnh Bình Phước".
fn issuer_name(parent: Option<&str>, body: &str) -> String {
    let known =
        [("BAN DÂN TỘC", "Ban Dân tộc"), ("ỦY BAN DÂN TỘC", "Ủy ban Dân tộc"), ("UỶ BAN DÂN TỘC", "Ủy ban Dân tộc")];
    let mut name = known
        .iter()
        .find(|(caps, _)| *caps == body)
        .map_or_else(|| sentence_case(body), |(_, shown)| (*shown).to_owned());
    let place = parent.and_then(|p| {
        PLACE_WORDS.iter().find_map(|w| p.split_once(w).map(|(_, place)| (w.trim().to_lowercase(), place)))
    });
    let body_has_place = PLACE_WORDS.iter().any(|w| body.contains(w.trim()));
    if let (Some((word, place)), false) = (place, body_has_place) {
        name.push_str(&format!(" {word} {}", title_case(place)));
    }
    name
}

/// "TRƯỞNG BAN" → "Trưởng ban"; acronyms stay in capitals; a place name
/// after "TỈNH", "HUYỆN", … keeps its capitals ("tỉnh Bình Phước").
fn sentence_case(s: &str) -> String {
    let all: Vec<&str> = s.split_whitespace().collect();
    // index of the first word of a place name, after its place word
    let name_from = (1..all.len()).find_map(|i| {
        let rest = all[i..].join(" ") + " ";
        PLACE_WORDS.iter().find(|w| rest.starts_with(*w)).map(|w| i + w.split_whitespace().count())
    });
    let words: Vec<String> = s
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            if name_from.is_some_and(|from| i >= from) {
                capitalise(&w.to_lowercase())
            } else if ACRONYMS.contains(&w) {
                w.to_owned()
            } else if i == 0 || s.split_whitespace().nth(i - 1).is_some_and(|p| p.ends_with('.')) {
                capitalise(&w.to_lowercase())
            } else {
                w.to_lowercase()
            }
        })
        .collect();
    words.join(" ")
}

/// "BÌNH PHƯỚC" → "Bình Phước".
fn title_case(s: &str) -> String {
    s.split_whitespace().map(|w| capitalise(&w.to_lowercase())).collect::<Vec<_>>().join(" ")
}

fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    cs.next().map_or_else(String::new, |c| c.to_uppercase().chain(cs).collect())
}

/// The trích yếu: the first paragraph after the type line, and the bold ones
/// that continue it. Returns it and the index where the body starts.
fn title_after(blocks: &[Block], from: usize) -> (Option<String>, usize) {
    let mut parts: Vec<String> = Vec::new();
    let mut i = from;
    while let Some(p) = blocks.get(i).and_then(paragraph) {
        let text = p.plain();
        if is_rule(&text) {
            i += 1;
            if parts.is_empty() {
                continue;
            }
            break;
        }
        // a line in capitals after the subject is the deciding authority
        // ("GIÁM ĐỐC SỞ …" in a decision), not more of the subject
        let continues = parts.is_empty() || (p.all_bold() && !is_upper(&text) && text.chars().count() <= 200);
        if !continues || super::markdown::numbering(&text).is_some() || text.starts_with("Căn cứ") {
            break;
        }
        parts.push(text);
        i += 1;
    }
    let title = collapse(&parts.join(" "));
    ((!title.is_empty()).then_some(title), i)
}

/// The signature block and `Nơi nhận`, as a span of blocks: it starts at the
/// `Nơi nhận` block (or, without one, at the last authority or position line
/// followed by a name), moved back over the signer lines just before it, and
/// ends where an annex starts, or at a table or long paragraph once the name
/// has been read.
fn footer_span(blocks: &[Block], body_start: usize) -> (usize, usize) {
    let rest = &blocks[body_start..];
    let has = |b: &Block, f: &dyn Fn(&str) -> bool| fragments(std::slice::from_ref(b)).iter().any(|x| f(&x.text));
    let annex = rest.iter().position(|b| paragraph(b).is_some_and(|p| annex_head(&p.plain()))).unwrap_or(rest.len());
    let anchor = match rest[..annex].iter().position(|b| has(b, &is_recipients_head)) {
        Some(i) => Some(i),
        None => (0..annex).rev().find(|&i| {
            has(&rest[i], &|t: &str| authority_line(t) || position_line(t))
                && rest[i..annex.min(i + 6)].iter().any(|b| has(b, &is_name))
        }),
    };
    let Some(anchor) = anchor else { return (blocks.len(), blocks.len()) };
    let mut start = body_start + anchor;
    while start > body_start && paragraph(&blocks[start - 1]).is_some_and(|p| signer_line(&p.plain())) {
        start -= 1;
    }
    let mut end = start;
    let mut named = false;
    while end < body_start + annex {
        let b = &blocks[end];
        if named {
            let long = paragraph(b).is_some_and(|p| {
                let t = p.plain();
                t.chars().count() > 120 && !t.starts_with(['-', '+', '•'])
            });
            if matches!(b, Block::Table(_)) && !has(b, &is_name) || long {
                break;
            }
        }
        named |= has(b, &is_name);
        end += 1;
    }
    (start, end)
}

/// "PHỤ LỤC I", "Phụ lục", "DANH SÁCH …": an annex begins.
fn annex_head(t: &str) -> bool {
    let f = fold(t).to_uppercase();
    ANNEX_HEADS.iter().any(|h| f.starts_with(h)) && (is_upper(t) || f.starts_with("PHU LUC"))
}

fn is_recipients_head(t: &str) -> bool {
    fold(t).to_lowercase().starts_with("noi nhan")
}

/// "KT. TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN".
fn authority_line(t: &str) -> bool {
    let t = t.trim();
    is_upper(t) && AUTHORITY.iter().any(|a| t.starts_with(a) || t.starts_with(&a.replace('.', " .")))
}

/// A short position in capitals: "TRƯỞNG BAN", "PHÓ CHỦ TỊCH".
fn position_line(t: &str) -> bool {
    is_upper(t) && t.chars().count() <= 60 && !is_motto(t) && !is_rule(t)
}

/// "(Đã ký)", "(Ký, đóng dấu)", "(Ký số)", "(ký, ghi rõ họ tên)".
fn signature_mark(t: &str) -> bool {
    let f = fold(t).to_lowercase();
    f.starts_with('(') && f.ends_with(')') && f.contains("ky") && f.len() < 50
}

/// A line of the signature block: a short title in capitals, a name, "(đã ký)".
fn signer_line(t: &str) -> bool {
    position_line(t) || is_name(t) || signature_mark(t) || (t.starts_with('(') && t.ends_with(')') && t.len() < 40)
}

/// "Nguyễn Văn Khang", "H' Hen Niê": two to six capitalised words of letters.
pub(crate) fn is_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| (c.is_lowercase() && c.is_alphabetic()) || matches!(c, '\'' | '’' | '-'))
        })
}

fn read_footer(blocks: &[Block], s: &mut Split) {
    let mut in_recipients: Option<Option<usize>> = None;
    let mut titles: Vec<String> = Vec::new();
    let mut name: Option<String> = None;
    for f in fragments(blocks) {
        let t = f.text.as_str();
        if is_recipients_head(t) {
            in_recipients = Some(f.col);
            let rest = collapse(t.split_once(':').map_or("", |(_, r)| r));
            s.meta.recipients.extend(recipient(&rest));
            continue;
        }
        if signature_mark(t) {
            continue;
        }
        // "(Đã ký) Nguyễn Văn A" on one line: the mark, then the name
        let t = match t.split_once(')') {
            Some((mark, rest)) if signature_mark(&format!("{mark})")) => rest.trim(),
            _ => t,
        };
        let dashed = t.starts_with(['-', '+', '•']);
        if let Some(col) = in_recipients {
            if dashed || (col.is_some() && col == f.col && !is_upper(t) && !is_name(t)) {
                s.meta.recipients.extend(recipient(t));
                continue;
            }
        }
        if name.is_none() && position_line(t) {
            titles.push(t.to_owned());
        } else if name.is_none() && is_name(t) {
            name = Some(t.to_owned());
        }
    }
    // the signer's own position is the last line in capitals; an authority
    // line alone ("TM. BAN CHỈ ĐẠO") is kept whole
    let title = titles.last().map(|t| sentence_case(t));
    s.meta.signer_title = title.clone();
    s.meta.signer = name.clone();
    if let (Some(t), None) = (title, name) {
        s.warnings.push(format!("không thấy tên người ký; chỉ biết chức vụ \"{t}\" (`signer_title`)"));
    }
}

/// "- Ban TĐKT tỉnh;" → "Ban TĐKT tỉnh".
fn recipient(t: &str) -> Option<String> {
    let t = t.trim_start_matches(['-', '+', '•', ' ']).trim_end_matches([';', '.', ',', ' ']);
    let t = collapse(t);
    (!t.is_empty()).then_some(t)
}

/// Fills the type and issuer from the number's codes when the text has none.
fn infer_from_number(s: &mut Split) {
    let Some(number) = s.meta.number.clone() else { return };
    let number = number.replace(' ', "");
    let Some((_, codes)) = number.split_once('/') else { return };
    let codes: Vec<&str> = codes.split('-').collect();
    if s.meta.doc_type.is_none() {
        let found = codes.first().and_then(|c| TYPE_CODES.iter().find(|(code, _)| code == c));
        let shown = found.map_or("Công văn", |(_, t)| *t);
        s.warnings.push(format!("no document type line; `doc_type` \"{shown}\" is taken from the number {number}"));
        s.meta.doc_type = Some(shown.to_owned());
    }
    if s.meta.issuer.is_none() {
        if let Some((code, name)) = codes.last().and_then(|c| ISSUER_CODES.iter().find(|(code, _)| code == c)) {
            s.warnings.push(format!(
                "the header names no issuing body; `issuer` \"{name}\" is taken from the code {code} of the number"
            ));
            s.meta.issuer = Some((*name).to_owned());
        }
    }
}

/// Warnings for what is still missing.
fn check(s: &mut Split) {
    let m = &s.meta;
    let mut missing = Vec::new();
    match &m.number {
        None => missing.push("the number (`Số: …`)"),
        Some(n) if n.starts_with('…') => {
            s.warnings.push(format!("the number is blank in the document; `number` is \"{n}\""));
        }
        Some(_) => {}
    }
    for (value, what) in [
        (m.doc_type.is_some(), "the document type (KẾ HOẠCH, BÁO CÁO, …)"),
        (m.title.is_some(), "the trích yếu (title)"),
        (m.issuer.is_some(), "the issuing body"),
        (m.issued.is_some(), "the date (`…, ngày … tháng … năm …`)"),
        (m.signer.is_some() || m.signer_title.is_some(), "the signer"),
    ] {
        if !value {
            missing.push(what);
        }
    }
    for what in missing {
        s.warnings.push(format!("could not find {what}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_of("Số: 15 /KH-BDT").as_deref(), Some("15/KH-BDT"));
        assert_eq!(number_of("Số:          /KH - BDT").as_deref(), Some("…/KH-BDT"));
        assert_eq!(number_of("Số: /BC-BDT").as_deref(), Some("…/BC-BDT"));
        assert_eq!(number_of("Số lượng: 15"), None);
    }

    #[test]
    fn dates_may_be_partial() {
        let (place, d) = date_of("Bình Phước, ngày tháng 02 năm 2022").unwrap();
        assert_eq!((place.as_deref(), d.iso().as_str()), (Some("Bình Phước"), "2022-02"));
        assert!(d.warning().unwrap().contains("day"));
        assert_eq!(date_of("Đồng Nai, ngày 18 tháng 01 năm 2021").unwrap().1.iso(), "2021-01-18");
        assert_eq!(date_of("Bình Phước, ngày tháng năm 2022").unwrap().1.iso(), "2022");
    }

    #[test]
    fn issuer_under_its_parent() {
        assert_eq!(issuer_name(Some("UBND TỈNH BÌNH PHƯỚC"), "BAN DÂN TỘC"), "Ban Dân tộc tỉnh Bình Phước");
        assert_eq!(issuer_name(None, "SỞ NỘI VỤ"), "Sở nội vụ");
        assert_eq!(sentence_case("KT. TRƯỞNG BAN"), "KT. Trưởng ban");
    }

    #[test]
    fn columns_split_but_blank_fields_stay_whole() {
        let line =
            "   Số:          /KH - BDT                                Bình Phước, ngày         tháng       năm 2022 ";
        assert_eq!(split_columns(line), ["Số: /KH - BDT", "Bình Phước, ngày tháng năm 2022"]);
        assert_eq!(number_of(&split_columns(line)[0]).as_deref(), Some("…/KH-BDT"));
    }

    #[test]
    fn names() {
        assert!(is_name("Nguyễn Văn Khang"));
        assert!(!is_name("TRƯỞNG BAN"));
        assert!(!is_name("Lưu: VT, TĐKT."));
    }
}
