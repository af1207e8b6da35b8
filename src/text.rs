//! Vietnamese text basics shared by every stage: NFC normalisation, folding to
//! ASCII and slugs.
//!
//! Folding removes tone and vowel marks and turns `đ`/`Đ` (and the look-alike
//! `Ð`, U+00D0) into `d`; it is what makes "Điển hình" and "dien hinh" meet.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Normalises text to NFC (the form Vietnamese keyboards mostly produce).
pub fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        // Most text is NFC already; the quick check is far cheaper than recomposing.
        return s.to_string();
    }
    s.nfc().collect()
}

/// `c.is_alphabetic()`, answered without Unicode tables for ASCII and the
/// Latin letters Vietnamese is written with (Latin-1, Extended-A and -B,
/// Extended Additional): the analyzer asks it of every character it indexes.
pub(crate) fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Folds one character's letter variants that decomposition does not cover.
fn fold_special(c: char) -> Option<char> {
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' => Some('d'),
        _ => None,
    }
}

/// Removes diacritics and folds `đ` to `d`, keeping case and everything else.
///
/// ```
/// assert_eq!(thidua::text::fold("Đồng bào S'tiêng"), "Dong bao S'tieng");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Nothing to decompose and no đ: ASCII folds to itself.
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    // Each character decomposed on its own: the marks are dropped, so the
    // canonical reordering a full NFD pass would do cannot change the result.
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |c| {
            if is_combining_mark(c) {
                return;
            }
            match fold_special(c) {
                Some(d) if c.is_uppercase() => out.push(d.to_ascii_uppercase()),
                Some(d) => out.push(d),
                None => out.push(c),
            }
        });
    }
    out
}

/// True for the apostrophes people type inside ethnic names (S'tiêng, M’nông).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | '´')
}

/// ASCII slug of a Vietnamese phrase: folded, lowercase, apostrophes dropped,
/// every other run of non-alphanumerics turned into one hyphen.
///
/// ```
/// assert_eq!(thidua::text::slugify("Điển hình tiên tiến"), "dien-hinh-tien-tien");
/// assert_eq!(thidua::text::slugify("S'tiêng"), "stieng");
/// ```
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_hyphen = false;
    for c in fold(s).chars() {
        if is_apostrophe(c) {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// True when `s` is already a valid slug (what `slugify` would produce).
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

/// Decodes the `%xx` escapes of a URL path or query; `None` when the result is not UTF-8 or holds a NUL.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_alphabetic_agrees_with_unicode() {
        for c in (0..0x2100u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", u32::from(c));
        }
    }

    use super::*;

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(slugify("Điển hình tiên tiến"), "dien-hinh-tien-tien");
        assert_eq!(slugify("S'tiêng"), "stieng");
        assert_eq!(slugify("M’nông"), "mnong");
        assert_eq!(slugify("  Chơ Ro -- Bù Đăng! "), "cho-ro-bu-dang");
        assert_eq!(slugify("Ðồng"), "dong");
        assert_eq!(slugify("../../etc"), "etc");
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        let nfd: String = "Người có uy tín".nfd().collect();
        assert_eq!(slugify(&nfd), "nguoi-co-uy-tin");
        assert_eq!(nfc(&nfd), "Người có uy tín");
    }

    #[test]
    fn fast_paths_match_full_normalisation() {
        let reference_fold = |s: &str| -> String {
            s.nfd()
                .filter(|c| !is_combining_mark(*c))
                .map(|c| match fold_special(c) {
                    Some(d) if c.is_uppercase() => d.to_ascii_uppercase(),
                    Some(d) => d,
                    None => c,
                })
                .collect()
        };
        let mut samples: Vec<String> = ('\0'..='\u{24f}').chain('\u{1e00}'..='\u{1eff}').map(String::from).collect();
        samples.extend(
            ["Người Đồng bào", "Ngu\u{31b}\u{300}o\u{31b}i", "a\u{323}\u{302}", "S'tiêng 263/KH"].map(String::from),
        );
        for s in &samples {
            assert_eq!(fold(s), reference_fold(s), "{s:?}");
            assert_eq!(nfc(s), s.nfc().collect::<String>(), "{s:?}");
        }
    }

    #[test]
    fn is_slug_rejects_unfolded() {
        assert!(is_slug("vi-nguoi-ngheo"));
        assert!(!is_slug("Vì người nghèo"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
    }
}
