//! Vietnamese text basics shared by every stage: NFC normalisation, folding to
//! ASCII and slugs.
//!
//! Folding removes tone and vowel marks and turns `đ`/`Đ` (and the look-alike
//! `Ð`, U+00D0) into `d`; it is what makes "Điển hình" and "dien hinh" meet.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Normalises text to NFC (the form Vietnamese keyboards mostly produce).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
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
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match fold_special(c) {
            Some(d) if c.is_uppercase() => out.push(d.to_ascii_uppercase()),
            Some(d) => out.push(d),
            None => out.push(c),
        }
    }
    out
}

/// True for the apostrophes people type inside ethnic names (S'tiêng, M’nông).
pub fn is_apostrophe(c: char) -> bool {
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
pub fn is_slug(s: &str) -> bool {
    !s.is_empty() && slugify(s) == s
}

#[cfg(test)]
mod tests {
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
    fn is_slug_rejects_unfolded() {
        assert!(is_slug("vi-nguoi-ngheo"));
        assert!(!is_slug("Vì người nghèo"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
    }
}
