//! Normalisation: NFC, lowercase, `Ð` (U+00D0, the Icelandic eth that looks
//! like `Đ`) to `đ`, every apostrophe to `'` and every dash to `-`.
//!
//! Offsets still point into the original text; only the token text changes.

use tantivy::tokenizer::Token;
use unicode_normalization::UnicodeNormalization;

use super::Stage;

/// The normalising stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct Normalize;

/// Normalises one piece of text.
pub(crate) fn normalize(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_string();
        normalize_ascii(&mut out);
        return out;
    }
    let mut out = String::with_capacity(s.len());
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        for c in s.chars() {
            push_normalized(&mut out, c);
        }
    } else {
        for c in s.nfc() {
            push_normalized(&mut out, c);
        }
    }
    out
}

/// Normalises ASCII text in place: ASCII is NFC already, so only case and
/// the backtick apostrophe change.
fn normalize_ascii(s: &mut String) {
    s.make_ascii_lowercase();
    if s.contains('`') {
        *s = s.replace('`', "'");
    }
}

/// Appends the normalised form of one NFC character.
fn push_normalized(out: &mut String, c: char) {
    match c {
        // Most characters even of Vietnamese words.
        '`' => out.push('\''),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        'Ð' | 'ð' | 'Đ' => out.push('đ'),
        c if crate::text::is_apostrophe(c) => out.push('\''),
        '‐' | '‑' | '–' | '—' => out.push('-'),
        c => out.extend(c.to_lowercase()),
    }
}

impl Stage for Normalize {
    fn apply(&self, mut tokens: Vec<Token>) -> Vec<Token> {
        for t in &mut tokens {
            if t.text.is_ascii() {
                normalize_ascii(&mut t.text);
            } else {
                t.text = normalize(&t.text);
            }
        }
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_becomes_nfc() {
        let nfd: String = "Người Đồng".nfd().collect();
        assert_eq!(normalize(&nfd), "người đồng");
    }

    #[test]
    fn eth_and_d_with_stroke_meet() {
        assert_eq!(normalize("Ðồng"), normalize("Đồng"));
        assert_eq!(normalize("ðồng"), "đồng");
    }

    #[test]
    fn ascii_fast_path_matches_the_general_rule() {
        for s in ["ABC-xyz", "S`tieng", "M'Nong 263/KH-UBND", "1.000,5"] {
            let general: String =
                s.nfc().map(|c| if crate::text::is_apostrophe(c) { '\'' } else { c.to_ascii_lowercase() }).collect();
            assert_eq!(normalize(s), general, "{s}");
        }
        assert_eq!(normalize("S`Tiêng"), "s'tiêng");
    }

    #[test]
    fn curly_apostrophes_and_dashes() {
        assert_eq!(normalize("M’nông"), "m'nông");
        assert_eq!(normalize("S‘tiêng"), "s'tiêng");
        assert_eq!(normalize("KH–UBND"), "kh-ubnd");
    }

    #[test]
    fn stage_keeps_offsets() {
        let t = super::super::test_util::tok("ĐỒNG", 0, 3, 9);
        let out = Normalize.apply(vec![t]);
        assert_eq!((out[0].text.as_str(), out[0].offset_from), ("đồng", 3));
    }
}
