//! Splits chunks into words and numbers the positions.
//!
//! - An apostrophe between letters is dropped: `s'tiêng` → `stiêng`,
//!   `m'nông` → `mnông` (ethnic names are written both ways).
//! - A `.` or `,` between digits followed by exactly three digits groups
//!   thousands and is dropped: `1.000` = `1,000` = `1000`. Any other
//!   separator between digits is a decimal mark, kept as `,`: `1.5` = `1,5`.
//! - Every other glue character (`/`, `-`, …) separates words.
//!
//! Spans (tokens with `position_length` ≥ 2, made by [`super::docnum`]) are
//! placed at the position of the first word of their chunk.

use tantivy::tokenizer::Token;

use super::chunk::is_word_char;
use super::Stage;

/// The word-splitting stage.
#[derive(Clone, Debug, Default)]
pub struct SplitWords;

/// The words of one normalised chunk as (byte start, byte end, text).
pub fn words(chunk: &str) -> Vec<(usize, usize, String)> {
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
        } else if c == '\'' && prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
            continue;
        } else if matches!(c, '.' | ',')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            if !is_thousands_group(&chars[k + 1..]) {
                word.push(',');
            }
        } else {
            flush(&mut word, start, i, &mut out);
        }
    }
    flush(&mut word, start, chunk.len(), &mut out);
    out
}

/// True when `rest` starts with exactly three digits.
fn is_thousands_group(rest: &[(usize, char)]) -> bool {
    let digits = rest.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    digits == 3
}

impl Stage for SplitWords {
    fn apply(&self, tokens: Vec<Token>) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len() * 2);
        let mut next_pos = 0;
        let mut chunk_start = 0;
        let mut chunk_words = 0;
        for t in tokens {
            if t.position_length >= 2 {
                out.push(Token { position: chunk_start, position_length: chunk_words.max(1), ..t });
                continue;
            }
            chunk_start = next_pos;
            chunk_words = 0;
            for (a, b, text) in words(&t.text) {
                out.push(Token {
                    offset_from: (t.offset_from + a).min(t.offset_to),
                    offset_to: (t.offset_from + b).min(t.offset_to),
                    position: next_pos,
                    text,
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
}
