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
use crate::i18n::Msg;
use crate::msg;
use crate::text::fold;

mod footer;
mod head;

pub(crate) use footer::is_name;
pub(super) use footer::AUTHORITY;
use footer::{footer_span, read_footer};
use head::{date_of, fragments, is_rule, read_header, title_after};
#[cfg(test)]
use head::{issuer_name, number_of, split_columns};

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
pub(crate) struct Split {
    /// Metadata.
    pub(crate) meta: Metadata,
    pub(crate) body: Vec<Block>,
    /// Warnings, as catalogue messages.
    pub(crate) warnings: Vec<Msg>,
}

/// Document types as written in capitals, and as shown.
pub(super) const DOC_TYPES: [(&str, &str); 23] = [
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

/// Words kept in capitals when a capitalised line is turned into normal case.
const ACRONYMS: [&str; 8] = ["UBND", "HĐND", "MTTQ", "BDT", "DTTS", "TƯ", "KT.", "TM."];

/// How many blocks from the top may still belong to the header.
const HEADER_SPAN: usize = 16;

/// Splits a document into metadata and body, in the order of the layout:
/// header (bodies, motto, number, place and date), the type line and the
/// subject (or a letter's `V/v …`), the body, the signature block with
/// `Nơi nhận`, and annexes after it, which go back into the body.
pub(crate) fn extract(blocks: Vec<Block>) -> Split {
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

/// Words that name a place in a body's name, in capitals.
const PLACE_WORDS: [&str; 6] = ["TỈNH ", "HUYỆN ", "THÀNH PHỐ ", "THỊ XÃ ", "QUẬN ", "XÃ "];

fn starts_with_place(t: &str) -> bool {
    PLACE_WORDS.iter().any(|w| t.starts_with(w))
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

/// Fills the type and issuer from the number's codes when the text has none.
fn infer_from_number(s: &mut Split) {
    let Some(number) = s.meta.number.clone() else { return };
    let number = number.replace(' ', "");
    let Some((_, codes)) = number.split_once('/') else { return };
    let codes: Vec<&str> = codes.split('-').collect();
    if s.meta.doc_type.is_none() {
        let found = codes.first().and_then(|c| TYPE_CODES.iter().find(|(code, _)| code == c));
        let shown = found.map_or("Công văn", |(_, t)| *t);
        s.warnings.push(msg!("imp-type-from-number", doc_type = shown, number = number.as_str()));
        s.meta.doc_type = Some(shown.to_owned());
    }
    if s.meta.issuer.is_none() {
        if let Some((code, name)) = codes.last().and_then(|c| ISSUER_CODES.iter().find(|(code, _)| code == c)) {
            s.warnings.push(msg!("imp-issuer-from-number", issuer = *name, code = *code));
            s.meta.issuer = Some((*name).to_owned());
        }
    }
}

/// Warnings for what is still missing.
fn check(s: &mut Split) {
    let m = &s.meta;
    let mut missing = Vec::new();
    match &m.number {
        None => missing.push("number"),
        Some(n) if n.starts_with('…') => {
            s.warnings.push(msg!("imp-number-blank", number = n.as_str()));
        }
        Some(_) => {}
    }
    for (value, what) in [
        (m.doc_type.is_some(), "type"),
        (m.title.is_some(), "title"),
        (m.issuer.is_some(), "issuer"),
        (m.issued.is_some(), "date"),
        (m.signer.is_some() || m.signer_title.is_some(), "signer"),
    ] {
        if !value {
            missing.push(what);
        }
    }
    for what in missing {
        s.warnings.push(msg!("imp-not-found", what = what));
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
        assert_eq!(d.warning().unwrap().id(), "imp-day-blank");
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
