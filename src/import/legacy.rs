//! Vietnamese typed in the pre-Unicode font encodings, converted to Unicode NFC.
//!
//! Before Unicode, Vietnamese offices typed with two families of fonts, and
//! older documents still arrive so:
//! - **TCVN3** (ABC; fonts `.VnTime`, `.VnArial`, …): every Vietnamese letter is
//!   one byte in `0xA1..=0xFE` ("Céng hoµ" is "Cộng hoà"). The capitals come
//!   from a second font of the family (`.VnTimeH`) that draws the same codes
//!   as capitals, so text in an `…H` font is upper-cased after conversion.
//! - **VNI** (`VNI-Times`, …): a base letter followed by a mark byte
//!   ("Coäng hoøa" is "Cộng hòa"), plus single bytes for ơ, ư, đ, ỉ, ĩ, ị, ỵ.
//!
//! A `.docx` says which by the run's font name; plain text only by its
//! characters, so [`detect`] weighs them: text holding any letter that only
//! Unicode Vietnamese has is never converted, and legacy text must show the
//! marks in a good share of its words. The tables below were written from the
//! encodings' published code charts; the tests pin the well-known motto lines.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A legacy encoding found and converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// TCVN3 (ABC), `.Vn…` fonts.
    Tcvn3,
    /// VNI, `VNI-…` fonts.
    Vni,
}

impl Legacy {
    /// The note for the import report.
    pub(crate) fn note(self) -> crate::i18n::Msg {
        let (name, fonts) = match self {
            Legacy::Tcvn3 => ("TCVN3 (ABC)", ".VnTime"),
            Legacy::Vni => ("VNI", "VNI-Times"),
        };
        crate::msg!("imp-legacy-encoding", encoding = name, fonts = fonts)
    }

    /// The encoding a font name belongs to: `.VnTime`, `.VnTimeH`, `VNI-Times`.
    pub(crate) fn of_font(font: &str) -> Option<(Legacy, bool)> {
        let f = font.trim();
        if f.starts_with(".Vn") || f.starts_with("Vn") && f.len() > 2 && f[2..].starts_with(char::is_uppercase) {
            return Some((Legacy::Tcvn3, f.ends_with('H')));
        }
        if f.to_ascii_uppercase().starts_with("VNI-") || f.to_ascii_uppercase().starts_with("VNI ") {
            return Some((Legacy::Vni, false));
        }
        None
    }
}

/// TCVN3 code (as the Latin-1 character it shows as) → Unicode letter.
const TCVN3: [(char, char); 67] = [
    ('µ', 'à'),
    ('¸', 'á'),
    ('¶', 'ả'),
    ('·', 'ã'),
    ('¹', 'ạ'),
    ('¨', 'ă'),
    ('»', 'ằ'),
    ('¾', 'ắ'),
    ('¼', 'ẳ'),
    ('½', 'ẵ'),
    ('Æ', 'ặ'),
    ('©', 'â'),
    ('Ç', 'ầ'),
    ('Ê', 'ấ'),
    ('È', 'ẩ'),
    ('É', 'ẫ'),
    ('Ë', 'ậ'),
    ('®', 'đ'),
    ('Ì', 'è'),
    ('Ð', 'é'),
    ('Î', 'ẻ'),
    ('Ï', 'ẽ'),
    ('Ñ', 'ẹ'),
    ('ª', 'ê'),
    ('Ò', 'ề'),
    ('Õ', 'ế'),
    ('Ó', 'ể'),
    ('Ô', 'ễ'),
    ('Ö', 'ệ'),
    ('×', 'ì'),
    ('Ý', 'í'),
    ('Ø', 'ỉ'),
    ('Ü', 'ĩ'),
    ('Þ', 'ị'),
    ('ß', 'ò'),
    ('ã', 'ó'),
    ('á', 'ỏ'),
    ('â', 'õ'),
    ('ä', 'ọ'),
    ('«', 'ô'),
    ('å', 'ồ'),
    ('è', 'ố'),
    ('æ', 'ổ'),
    ('ç', 'ỗ'),
    ('é', 'ộ'),
    ('¬', 'ơ'),
    ('ê', 'ờ'),
    ('í', 'ớ'),
    ('ë', 'ở'),
    ('ì', 'ỡ'),
    ('î', 'ợ'),
    ('ï', 'ù'),
    ('ó', 'ú'),
    ('ñ', 'ủ'),
    ('ò', 'ũ'),
    ('ô', 'ụ'),
    ('\u{ad}', 'ư'),
    ('õ', 'ừ'),
    ('ø', 'ứ'),
    ('ö', 'ử'),
    ('÷', 'ữ'),
    ('ù', 'ự'),
    ('ú', 'ỳ'),
    ('ý', 'ý'),
    ('û', 'ỷ'),
    ('ü', 'ỹ'),
    ('þ', 'ỵ'),
];

/// TCVN3 capitals with a code of their own.
const TCVN3_CAPS: [(char, char); 7] =
    [('¡', 'Ă'), ('¢', 'Â'), ('§', 'Đ'), ('£', 'Ê'), ('¤', 'Ô'), ('¥', 'Ơ'), ('¦', 'Ư')];

/// VNI marks after a base vowel: the mark and the Unicode combining marks it stands for
/// (shape first, then tone).
const VNI_MARKS: [(char, &str); 17] = [
    ('ù', "\u{301}"),
    ('ø', "\u{300}"),
    ('û', "\u{309}"),
    ('õ', "\u{303}"),
    ('ï', "\u{323}"),
    ('â', "\u{302}"),
    ('á', "\u{302}\u{301}"),
    ('à', "\u{302}\u{300}"),
    ('å', "\u{302}\u{309}"),
    ('ã', "\u{302}\u{303}"),
    ('ä', "\u{302}\u{323}"),
    ('ê', "\u{306}"),
    ('é', "\u{306}\u{301}"),
    ('è', "\u{306}\u{300}"),
    ('ú', "\u{306}\u{309}"),
    ('ü', "\u{306}\u{303}"),
    ('ë', "\u{306}\u{323}"),
];

/// VNI single-byte letters.
const VNI_SINGLE: [(char, char); 9] =
    [('ô', 'ơ'), ('ö', 'ư'), ('ñ', 'đ'), ('í', 'í'), ('ì', 'ì'), ('æ', 'ỉ'), ('ó', 'ĩ'), ('ò', 'ị'), ('î', 'ỵ')];

fn tcvn3_map() -> &'static HashMap<char, char> {
    static M: OnceLock<HashMap<char, char>> = OnceLock::new();
    M.get_or_init(|| TCVN3.iter().chain(TCVN3_CAPS.iter()).copied().collect())
}

/// Converts TCVN3 text; `caps` for text in an `…H` font.
pub(crate) fn from_tcvn3(s: &str, caps: bool) -> String {
    let m = tcvn3_map();
    let out: String = s.chars().map(|c| m.get(&c).copied().unwrap_or(c)).collect();
    let out = if caps { out.to_uppercase() } else { restore_caps(&out) };
    crate::text::nfc(&out)
}

/// Text typed in capitals in a `…H` font and saved as plain text has its
/// toned letters as small ones ("KẾ HOẠCH" reads "Kế HOạCH"): a stretch of a
/// line (up to a column gap) whose words without digits show only capital
/// Latin letters, two or more in some word, is put back in capitals.
fn restore_caps(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut rest = line;
        while !rest.is_empty() {
            let cut = rest.find("   ").map_or(rest.len(), |g| g + 3);
            let (segment, tail) = rest.split_at(cut);
            out.push_str(&if capitals_typed(segment) { segment.to_uppercase() } else { segment.to_owned() });
            rest = tail;
        }
    }
    out
}

fn capitals_typed(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().filter(|w| !w.chars().any(|c| c.is_ascii_digit())).collect();
    let ascii = |w: &&str| w.chars().filter(char::is_ascii_alphabetic).collect::<String>();
    words.iter().all(|w| !ascii(w).chars().any(|c| c.is_ascii_lowercase())) && words.iter().any(|w| ascii(w).len() >= 2)
}

/// Which of the shapes a VNI mark adds fits the base: `â` on a, e, o; `ê` (breve) only on a.
fn vni_mark(base: char, mark: char) -> Option<&'static str> {
    let lower = mark.to_lowercase().next()?;
    let (_, combining) = VNI_MARKS.iter().find(|(m, _)| *m == lower)?;
    let b = base.to_ascii_lowercase();
    let shape = combining.chars().next()?;
    let fits = match shape {
        '\u{302}' => matches!(b, 'a' | 'e' | 'o'),
        '\u{306}' => b == 'a',
        _ => matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') || matches!(base, 'ơ' | 'ư' | 'Ơ' | 'Ư'),
    };
    fits.then_some(*combining)
}

fn vni_single(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let (_, u) = VNI_SINGLE.iter().find(|(v, _)| *v == lower)?;
    Some(if c.is_uppercase() { u.to_uppercase().next().unwrap_or(*u) } else { *u })
}

/// Converts VNI text.
pub(crate) fn from_vni(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut base: Option<char> = None;
    for c in s.chars() {
        if let Some(b) = base {
            if let Some(marks) = vni_mark(b, c) {
                out.push_str(marks);
                base = None;
                continue;
            }
        }
        let letter = vni_single(c).unwrap_or(c);
        out.push(letter);
        base = letter.is_alphabetic().then_some(letter);
    }
    crate::text::nfc(&out)
}

/// Converts `s` from `legacy`.
pub(crate) fn convert(s: &str, legacy: Legacy) -> String {
    match legacy {
        Legacy::Tcvn3 => from_tcvn3(s, false),
        Legacy::Vni => from_vni(s),
    }
}

/// A letter only Unicode Vietnamese has (precomposed or combining).
fn unicode_vietnamese(c: char) -> bool {
    matches!(c, 'Ă' | 'ă' | 'Đ' | 'đ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ')
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        || ('\u{300}'..='\u{323}').contains(&c)
}

fn legacy_char(c: char) -> bool {
    ('\u{a1}'..='\u{fe}').contains(&c)
}

/// Codes that TCVN3 text is full of and Western text almost never has.
fn tcvn3_sign(c: char) -> bool {
    matches!(
        c,
        'µ' | '¸'
            | '¶'
            | '·'
            | '¹'
            | '¨'
            | '»'
            | '¾'
            | '¼'
            | '½'
            | '©'
            | '®'
            | 'ª'
            | '«'
            | '¬'
            | '×'
            | 'Þ'
            | 'ß'
    ) || matches!(c, '\u{ad}' | '§' | '¡' | '¢' | '£' | '¤' | '¥' | '¦')
}

/// The legacy encoding `text` is in, if it reads as one: TCVN3 by its own
/// letters, VNI by marks standing after vowels, either in at least one word in
/// twenty. Text with any Unicode Vietnamese letter is never legacy.
pub(crate) fn detect(text: &str) -> Option<Legacy> {
    if text.chars().any(unicode_vietnamese) {
        return None;
    }
    let (mut tcvn3, mut vni) = (0usize, 0usize);
    let mut prev = ' ';
    for c in text.chars() {
        tcvn3 += usize::from(tcvn3_sign(c));
        vni += usize::from(legacy_char(c) && vni_mark(prev, c).is_some());
        prev = c;
    }
    let words = text.split_whitespace().count();
    let best = tcvn3.max(vni);
    if best < 3 || best * 20 < words {
        return None;
    }
    Some(if vni > tcvn3 { Legacy::Vni } else { Legacy::Tcvn3 })
}

/// Why text bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TextError {
    /// NUL bytes: a binary file.
    Binary,
    /// Neither UTF-8 nor a legacy Vietnamese encoding.
    NotUtf8 {
        /// The first invalid byte.
        offset: usize,
    },
}

/// Text bytes → Unicode: UTF-8 as it is (converted when its characters are
/// TCVN3 or VNI pasted into a Unicode file), or 8-bit TCVN3/VNI bytes.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<(String, Option<Legacy>), TextError> {
    if bytes.contains(&0) {
        return Err(TextError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => match detect(text) {
            Some(l) => Ok((convert(text, l), Some(l))),
            None => Ok((text.to_owned(), None)),
        },
        Err(e) => {
            // one byte a character: the legacy fonts' codes are Latin-1's
            let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
            match detect(&latin1) {
                Some(l) => Ok((convert(&latin1, l), Some(l))),
                None => Err(TextError::NotUtf8 { offset: e.valid_up_to() }),
            }
        }
    }
}

/// Unicode → TCVN3, for tests that need legacy documents to read.
pub fn to_tcvn3(s: &str) -> String {
    let m: HashMap<char, char> = TCVN3.iter().chain(TCVN3_CAPS.iter()).map(|&(k, v)| (v, k)).collect();
    crate::text::nfc(s).chars().map(|c| m.get(&c).copied().unwrap_or(c)).collect()
}

/// Unicode → VNI, for tests that need legacy documents to read.
pub fn to_vni(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut out = String::new();
    let single: HashMap<char, char> = VNI_SINGLE.iter().map(|&(v, u)| (u, v)).collect();
    for c in crate::text::nfc(s).chars() {
        if let Some(v) = single.get(&c.to_lowercase().next().unwrap_or(c)) {
            out.push(if c.is_uppercase() { v.to_uppercase().next().unwrap_or(*v) } else { *v });
            continue;
        }
        let d: String = c.to_string().nfd().collect();
        let mut cs = d.chars();
        let base = cs.next().unwrap_or(c);
        let mut marks: String = cs.collect();
        // ơ, ư are single VNI letters; their horn stays on the base
        let base = if marks.starts_with('\u{31b}') {
            marks.remove(0);
            let horned: char = format!("{base}\u{31b}").nfc().next().unwrap_or(base);
            single.get(&horned.to_lowercase().next().unwrap_or(horned)).map_or(horned, |v| {
                if horned.is_uppercase() {
                    v.to_uppercase().next().unwrap_or(*v)
                } else {
                    *v
                }
            })
        } else {
            base
        };
        out.push(base);
        if marks.is_empty() {
            continue;
        }
        // NFD orders a dot below before a circumflex or breve: compare as sets
        let sorted = |s: &str| {
            let mut v: Vec<char> = s.chars().collect();
            v.sort_unstable();
            v
        };
        match VNI_MARKS.iter().find(|(_, m)| sorted(m) == sorted(&marks)) {
            Some((v, _)) => out.push(if base.is_uppercase() { v.to_uppercase().next().unwrap_or(*v) } else { *v }),
            None => out.push_str(&marks),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_motto_lines() {
        assert_eq!(from_tcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam", false), "Cộng hoà xã hội chủ nghĩa Việt Nam");
        assert_eq!(from_tcvn3("§éc lËp - Tù do - H¹nh phóc", false), "Độc lập - Tự do - Hạnh phúc");
        assert_eq!(from_tcvn3("B×nh Ph\u{ad}íc", false), "Bình Phước");
        assert_eq!(from_tcvn3("ban d©n téc", true), "BAN DÂN TỘC");
        // capitals typed in an …H font, saved as text
        assert_eq!(from_tcvn3("KÕ HO¹CH", false), "KẾ HOẠCH");
        assert_eq!(from_tcvn3("Sè: 09/KH-BDT   TR¦ëNG BAN", false), "Số: 09/KH-BDT   TRƯỞNG BAN");
        assert_eq!(from_tcvn3("KÕ ho¹ch", false), "Kế hoạch");
    }

    #[test]
    fn vni_motto_lines() {
        assert_eq!(from_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"), "Cộng hòa xã hội chủ nghĩa Việt Nam");
        assert_eq!(from_vni("Ñoäc laäp - Töï do - Haïnh phuùc"), "Độc lập - Tự do - Hạnh phúc");
        assert_eq!(from_vni("COÄNG HOØA"), "CỘNG HÒA");
        assert_eq!(from_vni("Bình Phöôùc, ngaøy"), "Bình Phước, ngày");
    }

    #[test]
    fn round_trips_and_detection() {
        let s = "Kế hoạch phát động phong trào thi đua của Ban Dân tộc tỉnh Bình Phước năm 2024, người ký";
        assert_eq!(detect(&to_tcvn3(s)), Some(Legacy::Tcvn3));
        assert_eq!(from_tcvn3(&to_tcvn3(s), false), s);
        assert_eq!(detect(&to_vni(s)), Some(Legacy::Vni));
        assert_eq!(from_vni(&to_vni(s)), s);
        assert_eq!(to_vni("Cộng hòa"), "Coäng hoøa");
    }

    #[test]
    fn unicode_and_french_are_left_alone() {
        assert_eq!(detect("Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập"), None);
        assert_eq!(detect("Le café est très bon à Paris, dit-il."), None);
        assert_eq!(decode_text("Ban Dân tộc".as_bytes()).unwrap(), ("Ban Dân tộc".to_owned(), None));
        assert_eq!(decode_text(b"Ban D\xe2n t\xf4c"), Err(TextError::NotUtf8 { offset: 5 }));
    }
}
