//! Splits chunks into words and numbers the positions.
//!
//! - An apostrophe between letters is dropped: `s'tiêng` → `stiêng`,
//!   `m'nông` → `mnông` (ethnic names are written both ways).
//! - A `.` or `,` between digits followed by exactly three digits groups
//!   thousands and is dropped: `1.000` = `1,000` = `1000`. Any other
//!   separator between digits is a decimal mark, kept as `,`: `1.5` = `1,5`.
//! - A `%` after a digit is the words it is read as: `57%` = `57 %` =
//!   `57 phần trăm`.
//! - Every other glue character (`/`, `-`, …) separates words.
//!
//! Spans (tokens with `position_length` ≥ 2, made by [`super::docnum`]) are
//! placed at the position of the first word of their chunk.

use tantivy::tokenizer::Token;

use super::chunk::is_word_char;
use super::Stage;

/// How `%` after a number is read: its words.
const PERCENT: [&str; 2] = ["phần", "trăm"];

/// The word-splitting stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct SplitWords;

/// The words of one normalised chunk as (byte start, byte end, text).
pub(crate) fn words(chunk: &str) -> Vec<(usize, usize, String)> {
    if chunk == "%" {
        // after a number and a space (see [`super::chunk`])
        return PERCENT.iter().map(|w| (0, 1, (*w).to_string())).collect();
    }
    if chunk.chars().all(is_word_char) {
        // Most chunks are one plain word: no glue to look at.
        return if chunk.is_empty() { Vec::new() } else { vec![(0, chunk.len(), chunk.to_string())] };
    }
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    let flush = |word: &mut String, start: usize, end: usize, out: &mut Vec<_>| {
        if !word.is_empty() {
            out.push((start, end, std::mem::take(word)));
        }
    };
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = word.chars().last();
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if is_word_char(c) {
            if word.is_empty() {
                start = i;
            }
            word.push(c);
        } else if c == '\''
            && prev.is_some_and(crate::text::is_alphabetic)
            && next.is_some_and(crate::text::is_alphabetic)
        {
            continue;
        } else if matches!(c, '.' | ',')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            if !is_thousands_group(&chars[k + 1..]) {
                word.push(',');
            }
        } else if c == '%' && prev.is_some_and(|p| p.is_ascii_digit()) {
            // `57%` is read "57 phần trăm", and asked for so
            flush(&mut word, start, i, &mut out);
            out.extend(PERCENT.iter().map(|w| (i, i + c.len_utf8(), (*w).to_string())));
        } else {
            flush(&mut word, start, i, &mut out);
        }
    }
    flush(&mut word, start, chunk.len(), &mut out);
    out
}

/// `i`, or the char boundary before it (offsets may point past `text` when it is not the analyzed text).
fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i > text.len() {
        return i;
    }
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// True when `rest` starts with exactly three digits.
fn is_thousands_group(rest: &[(usize, char)]) -> bool {
    let digits = rest.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    digits == 3
}

/// True when `a` and `b` have characters of the same byte lengths, one for
/// one, so that every byte offset means the same in both. Normalising most
/// text only changes case, so no [`OffsetMap`] is needed.
fn same_layout(a: &str, b: &str) -> bool {
    if a.len() == b.len() && a.is_ascii() && b.is_ascii() {
        return true;
    }
    a.len() == b.len()
        && a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).all(|(x, y)| x.len_utf8() == y.len_utf8())
}

/// Maps byte offsets of a normalised chunk back to the original chunk.
///
/// Normalisation (NFC, lowercase, `’` → `'`, `–` → `-`) can change the byte
/// length, so an offset in the normalised text is not one in the original:
/// `M’nông` is 9 bytes and `m'nông` 7, and highlights were cut short or
/// landed inside a character (found by the `query` fuzz target with NFD
/// text). The original is normalised piece by piece, each piece starting at a
/// character that does not combine with the one before; when the pieces add
/// up to the whole normalised text, offsets map exactly, piece by piece.
struct OffsetMap {
    /// (normalised offset, original offset) at each piece start, and the end.
    marks: Vec<(usize, usize)>,
}

impl OffsetMap {
    fn new(original: &str, normalised: &str) -> Option<OffsetMap> {
        use unicode_normalization::char::canonical_combining_class;
        let mut marks = Vec::new();
        let mut norm = String::with_capacity(normalised.len());
        let mut piece_start = 0;
        for (i, c) in original.char_indices().chain(std::iter::once((original.len(), ' '))) {
            let starter = canonical_combining_class(c) == 0;
            if i > piece_start && (starter || i == original.len()) {
                marks.push((norm.len(), piece_start));
                norm.push_str(&super::normalize::normalize(&original[piece_start..i]));
                piece_start = i;
            }
        }
        marks.push((norm.len(), original.len()));
        (norm == normalised).then_some(OffsetMap { marks })
    }

    /// The original offset of the piece that starts at or before `n`.
    fn floor(&self, n: usize) -> usize {
        let i = self.marks.partition_point(|&(m, _)| m <= n).saturating_sub(1);
        self.marks[i].1
    }

    /// The original offset of the first piece that starts at or after `n`.
    fn ceil(&self, n: usize) -> usize {
        let i = self.marks.partition_point(|&(m, _)| m < n);
        self.marks.get(i).map_or_else(|| self.marks.last().map_or(0, |m| m.1), |m| m.1)
    }
}

impl Stage for SplitWords {
    fn apply(&self, tokens: Vec<Token>) -> Vec<Token> {
        self.apply_to(tokens, "")
    }

    fn apply_to(&self, tokens: Vec<Token>, text: &str) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len() * 2);
        let mut next_pos = 0;
        let mut chunk_start = 0;
        let mut chunk_words = 0;
        for mut t in tokens {
            if t.position_length >= 2 {
                out.push(Token { position: chunk_start, position_length: chunk_words.max(1), ..t });
                continue;
            }
            chunk_start = next_pos;
            chunk_words = 0;
            let map = text
                .get(t.offset_from..t.offset_to)
                .filter(|original| !same_layout(original, &t.text))
                .and_then(|original| OffsetMap::new(original, &t.text));
            let plain = !t.text.is_empty() && t.text.chars().all(is_word_char);
            let pieces = if plain {
                // Most chunks are one plain word (as in [`words`]): its text moves on.
                let len = t.text.len();
                vec![(0, len, std::mem::take(&mut t.text))]
            } else {
                words(&t.text)
            };
            for (a, b, word) in pieces {
                let (from, to) = match &map {
                    Some(m) => (t.offset_from + m.floor(a), t.offset_from + m.ceil(b)),
                    None => (
                        floor_boundary(text, (t.offset_from + a).min(t.offset_to)),
                        floor_boundary(text, (t.offset_from + b).min(t.offset_to)),
                    ),
                };
                out.push(Token {
                    offset_from: from,
                    offset_to: to.max(from),
                    position: next_pos,
                    text: word,
                    position_length: 1,
                });
                next_pos += 1;
                chunk_words += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        words(s).into_iter().map(|(_, _, t)| t).collect()
    }

    #[test]
    fn apostrophes_inside_names_are_dropped() {
        assert_eq!(w("s'tiêng"), ["stiêng"]);
        assert_eq!(w("m'nông"), ["mnông"]);
        assert_eq!(w("'a"), ["a"]);
    }

    #[test]
    fn thousands_separators_join() {
        assert_eq!(w("1.000"), ["1000"]);
        assert_eq!(w("1,000"), ["1000"]);
        assert_eq!(w("2.500.000"), ["2500000"]);
        assert_eq!(w("1000"), ["1000"]);
    }

    #[test]
    fn decimals_keep_a_comma() {
        assert_eq!(w("1,5"), ["1,5"]);
        assert_eq!(w("1.5"), ["1,5"]);
        assert_eq!(w("12,34"), ["12,34"]);
    }

    #[test]
    fn a_percent_sign_after_a_number_is_read_as_its_words() {
        assert_eq!(w("57,36%"), ["57,36", "phần", "trăm"]);
        assert_eq!(w("(14%)"), ["14", "phần", "trăm"]);
        assert_eq!(w("%"), ["phần", "trăm"]);
        assert_eq!(w("x%"), ["x"]);
    }

    #[test]
    fn other_glue_separates() {
        assert_eq!(w("263/kh-ubnd"), ["263", "kh", "ubnd"]);
        assert_eq!(w("kt-xh"), ["kt", "xh"]);
        assert_eq!(w("2021-2025"), ["2021", "2025"]);
        assert_eq!(w("a--b"), ["a", "b"]);
        assert_eq!(w("tế-xã"), ["tế", "xã"]);
    }

    #[test]
    fn offsets_point_into_the_chunk() {
        let s = "263/kh-ubnd";
        let got: Vec<&str> = words(s).into_iter().map(|(a, b, _)| &s[a..b]).collect();
        assert_eq!(got, ["263", "kh", "ubnd"]);
    }

    #[test]
    fn stage_numbers_positions_and_places_spans() {
        use super::super::test_util::tok;
        let mut span = tok("263/kh-ubnd", 1, 3, 14);
        span.position_length = 3;
        let out =
            SplitWords.apply(vec![tok("số", 0, 0, 3), tok("263/kh-ubnd", 1, 3, 14), span, tok("ngày", 2, 15, 20)]);
        let got: Vec<(&str, usize, usize)> =
            out.iter().map(|t| (t.text.as_str(), t.position, t.position_length)).collect();
        assert_eq!(
            got,
            [("số", 0, 1), ("263", 1, 1), ("kh", 2, 1), ("ubnd", 3, 1), ("263/kh-ubnd", 1, 3), ("ngày", 4, 1)]
        );
    }

    /// Regression (fuzz target `query`): offsets point into the original text
    /// even where normalisation changes the byte length before or inside a word.
    #[test]
    fn offsets_point_into_the_original_text() {
        use unicode_normalization::UnicodeNormalization;
        let g = crate::search::Glossary::default_theme().unwrap();
        let mut a = crate::search::analyzer::analyzer(&g);
        let nfd: String = "Quý III".nfd().collect();
        for (text, words) in [
            ("Người M’nông, KH–UBND", vec!["Người", "M’nông", "KH", "UBND"]),
            (nfd.as_str(), vec![&nfd[..nfd.find(' ').unwrap()], "III"]),
        ] {
            let toks = crate::search::analyzer::tokens(&mut a, text);
            let got: Vec<&str> = toks
                .iter()
                .filter(|t| t.position_length == 1 && !t.text.starts_with('='))
                .map(|t| &text[t.offset_from..t.offset_to])
                .collect();
            assert_eq!(got, words, "{text}");
        }
    }
}
