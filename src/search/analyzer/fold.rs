//! Folding: every word is indexed in its folded form (marks removed, `đ` →
//! `d`, see [`crate::text::fold`]), so `dong bao` finds `đồng bào`. When the
//! exact form differs, it follows at the same position as `=` + the exact
//! form, so a query typed with diacritics can rank exact matches first
//! (`tiến` above `tiền`). Spans are folded and get no exact form.

use tantivy::tokenizer::Token;

use super::{Stage, EXACT_PREFIX};

/// Folds that removing combining marks does not do.
pub(crate) const EXTRA_FOLDS: [(char, char); 1] = [('đ', 'd')];

/// The folding stage.
#[derive(Clone, Debug, Default)]
pub(crate) struct FoldWithExact;

/// The folded form of a normalised word.
pub(crate) fn fold(s: &str) -> String {
    crate::text::fold(s)
}

impl Stage for FoldWithExact {
    fn apply(&self, tokens: Vec<Token>) -> Vec<Token> {
        let mut out = Vec::with_capacity(tokens.len() * 2);
        for mut t in tokens {
            if t.text.is_ascii() {
                // Folds to itself: no exact form (a span's ASCII text included).
                out.push(t);
                continue;
            }
            let folded = fold(&t.text);
            if t.position_length > 1 || folded == t.text {
                t.text = folded;
                out.push(t);
                continue;
            }
            let mut exact = String::with_capacity(t.text.len() + EXACT_PREFIX.len_utf8());
            exact.push(EXACT_PREFIX);
            exact.push_str(&t.text);
            let exact = Token { text: exact, ..t };
            t.text = folded;
            out.push(t);
            out.push(exact);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{texts, tok};
    use super::*;

    #[test]
    fn d_with_stroke_folds_to_d() {
        assert_eq!(fold("đồng"), "dong");
        assert_eq!(fold("điển"), "dien");
    }

    #[test]
    fn exact_form_follows_when_different() {
        let out = FoldWithExact.apply(vec![tok("tiến", 0, 0, 6), tok("uy", 1, 7, 9)]);
        assert_eq!(texts(&out), ["tien", "=tiến", "uy"]);
        assert_eq!(out[1].position, 0);
    }

    #[test]
    fn spans_are_folded_without_exact_form() {
        let mut span = tok("12/qđ-ubnd", 0, 0, 12);
        span.position_length = 3;
        assert_eq!(texts(&FoldWithExact.apply(vec![span])), ["12/qd-ubnd"]);
    }
}
