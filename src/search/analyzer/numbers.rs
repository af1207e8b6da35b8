//! Numbers written in words: `sáu` = `6`, `mười hai` = `12`, `một nghìn` =
//! `1.000` (which [`super::split`] already makes `1000`). A run of number
//! words adds a *span* whose text is the number in digits, at the position
//! of its first word, so a query in digits finds the words and a query in
//! words finds the digits.
//!
//! Words are read by their exact spelling (`sáu`, not `sau` "after"): a word
//! written without diacritics is a number only when its spelling has none
//! (`hai`, `ba`). A lone `một` ("a", "one") or `năm` ("year", "five") is
//! too often not a number to count; inside a run (`năm mươi`, `một trăm`)
//! it is one. Digits followed by a scale word count too (`5 triệu`).

use tantivy::tokenizer::Token;

use super::{classify, Stage, TokenClass, EXACT_PREFIX};

/// Number words: spelling, role, value. Roles: `d` a digit, `D` a digit
/// only after `mươi`/`mười` (`mốt`, `tư`, `lăm`), `t` ten (`mười`), `x` times
/// ten (`mươi`), `h` hundred, `z` a filler zero (`linh`, `lẻ`), `s` a scale.
pub(crate) const NUMBER_WORDS: [(&str, char, u64); 25] = [
    ("ba", 'd', 3),
    ("bảy", 'd', 7),
    ("bẩy", 'd', 7),
    ("bốn", 'd', 4),
    ("chín", 'd', 9),
    ("hai", 'd', 2),
    ("lăm", 'D', 5),
    ("linh", 'z', 0),
    ("lẻ", 'z', 0),
    ("mươi", 'x', 10),
    ("mười", 't', 10),
    ("mốt", 'D', 1),
    ("một", 'd', 1),
    ("nghìn", 's', 1_000),
    ("ngàn", 's', 1_000),
    ("nhăm", 'D', 5),
    ("năm", 'd', 5),
    ("sáu", 'd', 6),
    ("triệu", 's', 1_000_000),
    ("trăm", 'h', 100),
    ("tám", 'd', 8),
    ("tư", 'D', 4),
    ("tỉ", 's', 1_000_000_000),
    ("tỷ", 's', 1_000_000_000),
    ("vạn", 's', 10_000),
];

/// Number words that are not numbers when they stand alone (`năm` never
/// ends a number, see [`read_number`]).
pub(crate) const NOT_ALONE: [&str; 1] = ["một"];

/// The number stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct NumberWords;

fn word_role(spelling: &str) -> Option<(char, u64)> {
    if !spelling.is_empty() && spelling.len() <= 4 && spelling.bytes().all(|b| b.is_ascii_digit()) {
        return spelling.parse().ok().filter(|&v| v > 0).map(|v| ('n', v));
    }
    NUMBER_WORDS.iter().find(|(w, _, _)| *w == spelling).map(|&(_, r, v)| (r, v))
}

/// The value of the longest number at the start of `words` (spellings)
/// and how many words it takes, or `None`. `năm` never ends a number
/// but after `linh`/`lẻ` (`mười năm` is "ten years"; fifteen is `mười
/// lăm`; `một trăm linh năm` is 105), and digits count
/// only before a scale word.
pub(crate) fn read_number(words: &[&str]) -> Option<(u64, usize)> {
    let (mut total, mut group, mut unit): (u64, u64, Option<u64>) = (0, 0, None);
    let (mut after_ten, mut after_zero, mut best) = (false, false, None);
    for (i, w) in words.iter().enumerate() {
        let Some((role, v)) = word_role(w) else { break };
        let next_is_scale = words.get(i + 1).and_then(|n| word_role(n)).is_some_and(|r| r.0 == 's');
        let small = unit.is_some_and(|u| u < 10);
        let ok = match role {
            'n' => i == 0 && next_is_scale,
            'd' => unit.is_none(),
            'D' => unit.is_none() && after_ten,
            't' => unit.is_none() && group % 100 == 0 && !after_ten,
            'x' => small && group % 100 == 0,
            'h' => small && group == 0,
            'z' => unit.is_none() && group > 0 && group % 100 == 0,
            _ => unit.is_some() || group > 0,
        };
        if !ok {
            break;
        }
        match role {
            'n' | 'd' | 'D' => unit = Some(v),
            't' => group += v,
            'x' | 'h' => group += unit.take().unwrap_or(0) * v,
            's' => {
                total += (group + unit.take().unwrap_or(0)) * v;
                group = 0;
            }
            _ => {}
        }
        if !matches!(role, 'z' | 'n') && (*w != "năm" || after_zero) {
            best = Some((total + group + unit.unwrap_or(0), i + 1));
        }
        after_ten = matches!(role, 't' | 'x');
        after_zero = role == 'z';
    }
    let (value, used) = best.filter(|&(v, _)| v > 0)?;
    if used == 1 && NOT_ALONE.contains(&words[0]) {
        return None;
    }
    Some((value, used))
}

impl Stage for NumberWords {
    fn apply(&self, mut tokens: Vec<Token>) -> Vec<Token> {
        let classes = classify(&tokens);
        // The spelling of each word: its exact form, or the word itself when it has none.
        let mut words: Vec<(usize, &str)> = Vec::new();
        for (i, (t, c)) in tokens.iter().zip(&classes).enumerate() {
            match c {
                TokenClass::Word => words.push((i, t.text.as_str())),
                TokenClass::Exact => {
                    if let Some(last) = words.last_mut() {
                        last.1 = &t.text[EXACT_PREFIX.len_utf8()..];
                    }
                }
                TokenClass::Span => {}
            }
        }
        let mut spans = Vec::new();
        let mut k = 0;
        while k < words.len() {
            // A run of neighbouring positions only, and of number words only:
            // `read_number` stops at the first other word, so looking further
            // would only make a long text quadratic (a 50 MB body is one run).
            let mut run = vec![words[k].1];
            while k + run.len() < words.len()
                && tokens[words[k + run.len()].0].position == tokens[words[k].0].position + run.len()
                && word_role(words[k + run.len()].1).is_some()
            {
                run.push(words[k + run.len()].1);
            }
            match read_number(&run) {
                Some((value, len)) => {
                    let (first, last) = (&tokens[words[k].0], &tokens[words[k + len - 1].0]);
                    spans.push(Token {
                        offset_from: first.offset_from,
                        offset_to: last.offset_to,
                        position: first.position,
                        text: value.to_string(),
                        position_length: len,
                    });
                    k += len;
                }
                None => k += 1,
            }
        }
        if spans.is_empty() {
            return tokens;
        }
        tokens.extend(spans);
        tokens.sort_by_key(|t| t.position);
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(u64, usize)> {
        let words: Vec<&str> = s.split(' ').collect();
        read_number(&words)
    }

    #[test]
    fn digits_tens_and_scales() {
        assert_eq!(num("sáu"), Some((6, 1)));
        assert_eq!(num("mười"), Some((10, 1)));
        assert_eq!(num("mười hai"), Some((12, 2)));
        assert_eq!(num("mười lăm"), Some((15, 2)));
        assert_eq!(num("hai mươi"), Some((20, 2)));
        assert_eq!(num("hai mươi mốt"), Some((21, 3)));
        assert_eq!(num("ba mươi tư"), Some((34, 3)));
        assert_eq!(num("năm mươi"), Some((50, 2)));
        assert_eq!(num("một trăm"), Some((100, 2)));
        assert_eq!(num("một trăm linh năm"), Some((105, 4)));
        assert_eq!(num("hai trăm ba mươi"), Some((230, 4)));
        assert_eq!(num("một nghìn"), Some((1000, 2)));
        assert_eq!(num("một ngàn hai trăm"), Some((1200, 4)));
        assert_eq!(num("năm triệu"), Some((5_000_000, 2)));
        assert_eq!(num("5 triệu"), Some((5_000_000, 2)));
        assert_eq!(num("hai tỷ"), Some((2_000_000_000, 2)));
    }

    #[test]
    fn words_that_are_not_numbers_here() {
        assert_eq!(num("một"), None, "'một' alone is mostly 'a'");
        assert_eq!(num("năm"), None, "'năm' alone is mostly 'year'");
        assert_eq!(num("năm 2023"), None);
        assert_eq!(num("sau"), None, "'sau' is 'after'");
        assert_eq!(num("lăm"), None);
        assert_eq!(num("trăm"), None);
        assert_eq!(num("nghìn"), None);
        assert_eq!(num("2023"), None, "digits stay digits");
        assert_eq!(num("hai ba"), Some((2, 1)), "two numbers side by side are two");
        assert_eq!(num("mười năm"), Some((10, 1)), "ten years");
        assert_eq!(num("hai mươi năm"), Some((20, 2)));
        assert_eq!(num("một nghìn năm"), Some((1000, 2)));
    }
}
