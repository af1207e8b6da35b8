//! The tokenizer: cuts text into *chunks*.
//!
//! A chunk is a run of word characters (letters, digits, combining marks) and
//! the glue characters that may stand inside a Vietnamese token — `/ - . , '`
//! and their typographic variants — trimmed of glue at both ends; a `%`
//! right after a digit ends the chunk, and one after a number and a space
//! is a chunk of its own. Keeping the
//! glue lets the later stages see `263/KH-UBND`, `1.000` and `S'tiêng` whole;
//! [`super::split`] cuts chunks into words.

use tantivy::tokenizer::{Token, Tokenizer};

use super::VecTokenStream;

#[derive(Clone, Debug, Default)]
pub(crate) struct ChunkTokenizer;

/// True for characters that make up words.
pub(crate) fn is_word_char(c: char) -> bool {
    match u32::from(c) {
        // Most characters of any text: answered without Unicode tables.
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F | 0x1E00..=0x1EFF => crate::text::is_alphabetic(c),
        _ => c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c),
    }
}

/// True for characters that may join words inside one chunk.
pub(crate) fn is_glue(c: char) -> bool {
    matches!(c, '/' | '-' | '.' | ',' | '‐' | '‑' | '–' | '—') || crate::text::is_apostrophe(c)
}

/// The chunks of `text` as (byte start, byte end) ranges.
pub(crate) fn chunks(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_word_end = 0;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            last_word_end = i + c.len_utf8();
        } else if c == '%' && start.is_some() && last_word_end == i && text[..i].ends_with(|p: char| p.is_ascii_digit())
        {
            // `57%`: the sign is read, see [`super::split`]
            last_word_end = i + 1;
        } else if is_glue(c) && start.is_some() {
            continue;
        } else if let Some(s) = start.take() {
            out.push((s, last_word_end));
        } else if c == '%' && text[..i].trim_end_matches([' ', '\u{a0}']).ends_with(|p: char| p.is_ascii_digit()) {
            // `96,8 %`: the sign alone, after a number and a space
            out.push((i, i + 1));
        }
    }
    if let Some(s) = start {
        out.push((s, last_word_end));
    }
    out
}

impl Tokenizer for ChunkTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let tokens = chunks(text)
            .into_iter()
            .enumerate()
            .map(|(position, (from, to))| Token {
                offset_from: from,
                offset_to: to,
                position,
                text: text[from..to].to_string(),
                position_length: 1,
            })
            .collect();
        VecTokenStream::new(tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percent_sign_after_a_digit_stays_in_its_chunk() {
        let text = "đạt 57,36%, tăng 5 %; x% 10%-20% a %";
        let got: Vec<&str> = chunks(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["đạt", "57,36%", "tăng", "5", "%", "x", "10%-20%", "a"]);
    }

    #[test]
    fn fast_word_chars_agree_with_unicode() {
        for c in (0..0x2100u32).filter_map(char::from_u32) {
            let general = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
            assert_eq!(is_word_char(c), general, "U+{:04X}", u32::from(c));
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        chunks(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn keeps_inner_glue_and_trims_outer() {
        assert_eq!(
            texts("Theo (263/KH-UBND), có 1.000 hộ S'tiêng."),
            ["Theo", "263/KH-UBND", "có", "1.000", "hộ", "S'tiêng"]
        );
    }

    #[test]
    fn combining_marks_stay_inside_words() {
        let nfd = "Ngu\u{31b}\u{300}o\u{31b}i";
        assert_eq!(texts(nfd), [nfd]);
    }

    #[test]
    fn punctuation_only_gives_nothing() {
        assert!(texts("!!! ... --- \"\" <>").is_empty());
        assert!(texts("").is_empty());
    }

    #[test]
    fn script_tags_are_just_words() {
        assert_eq!(texts("<script>alert(1)</script>"), ["script", "alert", "1", "script"]);
    }
}
