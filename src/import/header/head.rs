//! The header of an administrative document: its blocks flattened into
//! fragments (columns split apart), and in them the issuing body and its
//! parent, the number, the place and date of issue; then the type line's
//! trích yếu.

use super::*;

/// A piece of header or footer text, with the table column it came from.
#[derive(Debug, Clone)]
pub(super) struct Fragment {
    pub(super) text: String,
    pub(super) col: Option<usize>,
}

/// Flattens blocks into fragments: paragraphs split at wide gaps, tabs and line
/// breaks; tables column by column, so each column's lines stay together.
pub(super) fn fragments(blocks: &[Block]) -> Vec<Fragment> {
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
                            let mark = if matches!(p.kind, crate::import::block::ParaKind::ListItem { .. }) {
                                "- "
                            } else {
                                ""
                            };
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
pub(super) fn split_columns(s: &str) -> Vec<String> {
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
pub(super) fn is_rule(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '_' | '*' | '=' | ' ' | '–'))
}

pub(super) fn is_motto(t: &str) -> bool {
    let f = fold(t).to_uppercase();
    f.contains("CONG HOA XA HOI") || f.starts_with("DOC LAP")
}

pub(super) fn read_header(blocks: &[Block], s: &mut Split) {
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
pub(super) fn number_of(t: &str) -> Option<String> {
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
pub(super) struct LooseDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

impl LooseDate {
    pub(super) fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    pub(super) fn warning(self) -> Option<Msg> {
        match (self.month, self.day) {
            (Some(_), Some(_)) => None,
            (Some(_), None) => Some(msg!("imp-day-blank", issued = self.iso())),
            _ => Some(msg!("imp-day-month-blank", issued = self.iso())),
        }
    }
}

/// "Bình Phước, ngày  tháng 02 năm 2022" → (Some("Bình Phước"), 2022-02).
pub(super) fn date_of(t: &str) -> Option<(Option<String>, LooseDate)> {
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

/// "BAN DÂN TỘC" under "UBND TỈNH BÌNH PHƯỚC" → "Ban Dân tộc tỉnh Bình Phước".
pub(super) fn issuer_name(parent: Option<&str>, body: &str) -> String {
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

/// The trích yếu: the first paragraph after the type line, and the bold ones
/// that continue it. Returns it and the index where the body starts.
pub(super) fn title_after(blocks: &[Block], from: usize) -> (Option<String>, usize) {
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
        if !continues || crate::import::markdown::numbering(&text).is_some() || text.starts_with("Căn cứ") {
            break;
        }
        parts.push(text);
        i += 1;
    }
    let title = collapse(&parts.join(" "));
    ((!title.is_empty()).then_some(title), i)
}
