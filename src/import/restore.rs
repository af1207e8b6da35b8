//! Text without diacritics — typed without a Vietnamese keyboard, or the
//! hidden text a scanner's character recognition adds — given back the
//! fixed words of the administrative layout (Nghị định 30/2020, Phụ lục I)
//! that [`super::header`] reads: `So:` → `Số:`, `ngay … thang … nam` →
//! `ngày … tháng … năm`, `Kinh gui:`, `Noi nhan:`, the type line and the
//! common positions of a signature block. Names and the body's words are
//! left as they are: nothing else can be restored without guessing.
//!
//! Recognised text also confuses a few shapes, and those are read back
//! where the layout says what must stand: `ố` read as `6` (`S6 601`), `/`
//! read as `I` or `l` between a number and its codes (`601 IUBND-YT`), a
//! stray `0` before a day (`ngay024`).

use super::header::{AUTHORITY, DOC_TYPES};
use crate::text::fold;

/// Vietnamese prose has a letter with a diacritic in most words; text
/// without them (recognised from a scan without Vietnamese support, or
/// typed without a Vietnamese keyboard) has almost none.
pub(crate) fn undiacritised(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let marked = text.split_whitespace().filter(|w| w.chars().any(|c| !c.is_ascii() && c.is_alphabetic())).count();
    words >= 50 && marked * 10 < words
}

/// Lines from the top where the number and `Kính gửi` may stand.
const HEAD_LINES: usize = 40;

/// Positions of a signature block in capitals, without diacritics, and what
/// they stand for (the type lines are [`DOC_TYPES`], folded).
const POSITIONS: [(&str, &str); 15] = [
    ("BO TRUONG", "BỘ TRƯỞNG"),
    ("CHANH VAN PHONG", "CHÁNH VĂN PHÒNG"),
    ("CHU TICH", "CHỦ TỊCH"),
    ("GIAM DOC", "GIÁM ĐỐC"),
    ("HIEU TRUONG", "HIỆU TRƯỞNG"),
    ("PHO CHU TICH", "PHÓ CHỦ TỊCH"),
    ("PHO GIAM DOC", "PHÓ GIÁM ĐỐC"),
    ("PHO TRUONG BAN", "PHÓ TRƯỞNG BAN"),
    ("PHO TRUONG PHONG", "PHÓ TRƯỞNG PHÒNG"),
    ("THU TRUONG", "THỨ TRƯỞNG"),
    ("TRUONG BAN", "TRƯỞNG BAN"),
    ("TRUONG PHONG", "TRƯỞNG PHÒNG"),
    ("UY BAN NHAN DAN", "ỦY BAN NHÂN DÂN"),
    ("BAN DAN TOC", "BAN DÂN TỘC"),
    ("CHANH THANH TRA", "CHÁNH THANH TRA"),
];

/// `text` with the layout's fixed words given back their diacritics.
pub(crate) fn restore(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.lines().enumerate() {
        // the header's two columns share a line, three spaces or more apart;
        // a blank number leaves such a gap too (`So:      /KH-BDT`)
        let mut columns: Vec<String> = Vec::new();
        for column in line.split(COLUMN_GAP) {
            match columns.last_mut() {
                Some(prev) if number_head(prev) && column.trim().is_empty() => {}
                Some(prev) if number_head(prev) && column.trim_start().starts_with('/') => {
                    prev.push(' ');
                    prev.push_str(column.trim_start());
                }
                _ => columns.push(column.to_owned()),
            }
        }
        for (k, column) in columns.iter().enumerate() {
            if k > 0 {
                out.push_str(COLUMN_GAP);
            }
            out.push_str(&restore_column(column, i < HEAD_LINES));
        }
        out.push('\n');
    }
    out
}

/// What separates two columns of one line in extracted text.
const COLUMN_GAP: &str = "   ";

fn restore_column(column: &str, head: bool) -> String {
    whole_line(column)
        .or_else(|| head.then(|| number_line(column)).flatten())
        .or_else(|| head.then(|| opening(column, "kinh g", "Kính gửi:")).flatten())
        .or_else(|| opening(column, "noi nhan", "Nơi nhận:"))
        .or_else(|| date_line(column))
        .unwrap_or_else(|| column.to_owned())
}

/// A type line or a position in capitals: `THONG TU .` → `THÔNG TƯ`,
/// `KT. CHU TICH` → `KT. CHỦ TỊCH`.
fn whole_line(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches(['.', ':', ' ']);
    if t.is_empty() || t.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let (prefix, rest) = match AUTHORITY.iter().find_map(|a| t.strip_prefix(a).map(|r| (*a, r.trim()))) {
        Some((a, r)) => (format!("{a} "), r),
        None => (String::new(), t),
    };
    let folded = fold(rest).to_uppercase().split_whitespace().collect::<Vec<_>>().join(" ");
    let types = DOC_TYPES.iter().map(|(caps, _)| (fold(caps), *caps));
    let shown = POSITIONS
        .iter()
        .map(|(plain, shown)| ((*plain).to_owned(), *shown))
        .chain(types)
        .find(|(plain, _)| *plain == folded)?
        .1;
    Some(format!("{prefix}{shown}"))
}

/// `S`, `So:`, `S6`: the number's word alone, its number blank.
fn number_head(column: &str) -> bool {
    let t = column.trim();
    t.starts_with('S') && t.chars().count() <= 3 && t.chars().skip(1).all(|c| "oôố60:.".contains(c))
}

/// `So: 15/KH-BDT`, `So 15/KH`, and recognised `S6601 IUBND-YT` → `Số: 601/UBND-YT`.
fn number_line(line: &str) -> Option<String> {
    let t = line.trim_start();
    let mut cs = t.chars();
    if cs.next() != Some('S') {
        return None;
    }
    // the vowel, or recognised as a digit, or lost (`S /2018/TT`)
    let after = cs.as_str();
    let rest = match after.strip_prefix(['o', 'ô', 'ố', '6', '0']) {
        Some(r) => r.trim_start(),
        None if after.starts_with(' ') && after.trim_start().starts_with('/') => after.trim_start(),
        None => return None,
    };
    let rest = match rest.strip_prefix([':', '.']) {
        Some(r) => r.trim_start(),
        // without a colon, the number must follow
        None if rest.starts_with(|c: char| c.is_ascii_digit() || c == '/') => rest,
        None => return None,
    };
    if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '/' || c == '…') {
        return None;
    }
    Some(format!("Số: {}", slash_back(rest)))
}

/// `601 IUBND-YT` → `601/UBND-YT`: an `I`, `l` or `|` between a number and
/// its letter codes is the slash.
fn slash_back(s: &str) -> String {
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return s.to_owned();
    }
    let (num, rest) = s.split_at(digits);
    let r = rest.trim_start();
    match r.strip_prefix(['I', 'l', '|']) {
        Some(codes) if codes.trim_start().chars().take(2).filter(|c| c.is_ascii_uppercase()).count() == 2 => {
            format!("{num}/{}", codes.trim_start())
        }
        _ => s.to_owned(),
    }
}

/// A line that opens with `words` (folded, spaces ignored) up to its colon
/// takes `shown` instead: `Kinh giri:` → `Kính gửi:`.
fn opening(line: &str, words: &str, shown: &str) -> Option<String> {
    let (before, after) = line.split_once(':')?;
    let f: String = fold(before).to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    let want: String = words.chars().filter(|c| !c.is_whitespace()).collect();
    // `kinh g` + up to three letters recognised for `ửi`
    let ok = f.starts_with(&want) && f.len() <= want.len() + 3 && f.chars().all(|c| c.is_ascii_alphabetic());
    ok.then(|| format!("{shown}{after}"))
}

/// `Ha Noi, ngay 12 thang 3 nam 2024`, and recognised `ngay024 thcing 8nam
/// 2018` → `…, ngày 24 tháng 8 năm 2018`; a day or month that cannot be
/// read stays blank, as in a document dated by hand.
fn date_line(line: &str) -> Option<String> {
    if !line.is_ascii() {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let at = lower.find("ngay")?;
    let rest = &lower[at + 4..];
    let day: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
    let rest = rest.trim_start()[day.len()..].trim_start();
    // the month's word, recognised any way: "thang", "thcing", "thong"
    let word_end = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
    if !rest.starts_with("th") || !(4..=7).contains(&word_end) {
        return None;
    }
    let rest = &rest[word_end..];
    let nam = rest.find("nam")?;
    let month_part = rest[..nam].trim();
    let year: String = rest[nam + 3..].trim_start().chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 || month_part.len() > 4 {
        return None;
    }
    let number = |s: &str, max: u32| {
        let s = s.trim_start_matches('0');
        s.parse::<u32>().ok().filter(|v| (1..=max).contains(v)).map(|v| v.to_string()).unwrap_or_default()
    };
    // "024": a zero recognised before a two-digit day
    let day = number(&day, 31);
    let month = number(month_part, 12);
    let place = line[..at].trim_end();
    let sep = if place.is_empty() { "" } else { " " };
    Some(format!("{place}{sep}ngày {day} tháng {month} năm {year}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_typed_layout_words_get_their_diacritics() {
        let text = "UY BAN NHAN DAN\nSo: 15/KH-BDT\nBinh Phuoc, ngay 12 thang 3 nam 2024\nKE HOACH\n\
                    Kinh gui: Cac so\nNoi nhan:\nKT. CHU TICH\nPHO CHU TICH\nNguyen Van A\n";
        assert_eq!(
            restore(text),
            "ỦY BAN NHÂN DÂN\nSố: 15/KH-BDT\nBinh Phuoc, ngày 12 tháng 3 năm 2024\nKẾ HOẠCH\n\
             Kính gửi: Cac so\nNơi nhận:\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyen Van A\n"
        );
    }

    #[test]
    fn recognised_shapes_are_read_where_the_layout_says_what_stands() {
        assert_eq!(number_line("S6601 IUBND-YT").as_deref(), Some("Số: 601/UBND-YT"));
        assert_eq!(number_line("S /2018/TT-BGDDT").as_deref(), Some("Số: /2018/TT-BGDDT"));
        assert_eq!(date_line("Ha N0i, ngay024 thcing 8nam 2018").as_deref(), Some("Ha N0i, ngày 24 tháng 8 năm 2018"));
        assert_eq!(
            date_line("Hiep Hoa, ngay 01thang .lfnam 2020").as_deref(),
            Some("Hiep Hoa, ngày 1 tháng  năm 2020")
        );
        assert_eq!(opening("Kinh giri:", "kinh g", "Kính gửi:").as_deref(), Some("Kính gửi:"));
        assert_eq!(whole_line("THONG TU .").as_deref(), Some("THÔNG TƯ"));
    }

    #[test]
    fn columns_of_one_line_are_restored_each() {
        assert_eq!(
            restore("S6 601 IUBND- YT     Hiep Hoa, ngay 01 thang .lfnam 2020"),
            "Số: 601/UBND- YT     Hiep Hoa, ngày 1 tháng  năm 2020\n"
        );
    }

    #[test]
    fn a_blank_number_is_not_a_column_gap() {
        assert_eq!(restore("S      /2018/TT-BGDDT"), "Số: /2018/TT-BGDDT\n");
        assert_eq!(restore("So:     /KH-BDT     Song Be"), "Số: /KH-BDT     Song Be\n");
    }

    #[test]
    fn body_lines_are_left_alone() {
        for line in [
            "So voi cung ky nam truoc",
            "Song Be, 12 thang 3",
            "Kinh phi: 20 trieu dong",
            "Thong tu nay co hieu luc",
            "Chu tich UBND tinh",
        ] {
            assert_eq!(restore(line), format!("{line}\n"), "{line}");
        }
    }
}
