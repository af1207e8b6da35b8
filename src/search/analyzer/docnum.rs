//! Document numbers (số ký hiệu) such as `263/KH-UBND`, `17/2023/QĐ-UBND`,
//! `53/BDT-VP`: the whole number is added as a *span* token right after its
//! chunk, so a query for the whole number finds it as one unit, while
//! [`super::split`] still cuts the chunk into `263`, `kh`, `ubnd` for queries
//! by part.

use tantivy::tokenizer::Token;

use super::Stage;

/// The document-number stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocNumbers;

/// The parts of a (normalised) document number, or `None` when `s` is not one:
/// a number, an optional `/year`, then `/` and letter codes joined by `-`.
pub(crate) fn parts(s: &str) -> Option<Vec<&str>> {
    let (head, rest) = s.split_once('/')?;
    if head.is_empty() || !head.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut out = vec![head];
    let mut codes = rest;
    if let Some((year, tail)) = rest.split_once('/') {
        if year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()) {
            out.push(year);
            codes = tail;
        }
    }
    let mut has_letter = false;
    for code in codes.split('-') {
        if code.is_empty() || !code.chars().all(|c| c.is_alphanumeric()) {
            return None;
        }
        has_letter |= code.chars().any(|c| c.is_alphabetic());
        out.push(code);
    }
    has_letter.then_some(out)
}

impl Stage for DocNumbers {
    fn apply(&self, tokens: Vec<Token>) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len());
        for t in tokens {
            let span = parts(&t.text).map(|p| Token { position_length: p.len(), ..t.clone() });
            out.push(t);
            out.extend(span);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_numbers() {
        assert_eq!(parts("263/kh-ubnd"), Some(vec!["263", "kh", "ubnd"]));
        assert_eq!(parts("17/2023/qđ-ubnd"), Some(vec!["17", "2023", "qđ", "ubnd"]));
        assert_eq!(parts("1719/qđ-ttg"), Some(vec!["1719", "qđ", "ttg"]));
        assert_eq!(parts("01/kh-bdt"), Some(vec!["01", "kh", "bdt"]));
    }

    #[test]
    fn rejects_dates_and_words() {
        assert_eq!(parts("16/9/2022"), None);
        assert_eq!(parts("và/hoặc"), None);
        assert_eq!(parts("kh-ubnd"), None);
        assert_eq!(parts("263/"), None);
        assert_eq!(parts("263/kh--ubnd"), None);
    }

    #[test]
    fn adds_a_span_after_the_chunk() {
        let t = super::super::test_util::tok("263/kh-ubnd", 4, 10, 21);
        let out = DocNumbers.apply(vec![t]);
        assert_eq!(out.len(), 2);
        assert_eq!((out[1].text.as_str(), out[1].position_length), ("263/kh-ubnd", 3));
    }
}
