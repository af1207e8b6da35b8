//! The one Vietnamese analyzer, used for indexing *and* for queries.
//!
//! It is a tantivy [`TextAnalyzer`] made of one tokenizer and small filters,
//! one per file, in this order:
//!
//! 1. [`chunk`] — cuts text into whitespace/punctuation-separated chunks,
//!    keeping the inner `/ - . , '` that document numbers, thousands and
//!    ethnic names need (`263/KH-UBND`, `1.000`, `S'tiêng`);
//! 2. [`normalize`] — NFC, lowercase, `Ð`→`đ`, curly apostrophes and dashes;
//! 3. [`docnum`] — adds the whole document number `263/kh-ubnd` as a *span*;
//! 4. [`split`] — splits chunks into words (`1.000` → `1000`, `s'tiêng` →
//!    `stiêng`) and numbers the positions;
//! 5. [`tone`] — one tone placement for old and new spelling (`hòa` = `hoà`);
//! 6. [`fold`] — the indexed word is the folded form (`tiến` → `tien`); the
//!    exact form follows at the same position as `=tiến`, so exact matches can
//!    score a bonus;
//! 7. [`numbers`] — number words add their value in digits as a *span*
//!    (`mười hai` → `12`), so words and digits find each other;
//! 8. [`glossary`] — abbreviations and variant spellings add a *span* token
//!    (`dân tộc thiểu số` → `dtts`) at the position of their first word.
//!
//! The output obeys one convention that the query side relies on: at each
//! position the word comes first, then its `=exact` form, then spans
//! (position_length = number of words they cover).
//!
//! Every stage works on the whole token list of one text (texts are small),
//! which keeps each filter a plain function that is easy to test. The tables
//! the stages use ([`Tables`]) are plain data, exported into the static index
//! so that the browser client applies exactly the same rules.

pub(crate) mod chunk;
pub(crate) mod docnum;
pub(crate) mod fold;
pub(crate) mod glossary;
pub(crate) mod normalize;
pub(crate) mod numbers;
pub(crate) mod split;
pub(crate) mod tone;

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer};

pub use glossary::Glossary;

/// Prefix of the exact (diacritic-keeping) form of a word.
pub(crate) const EXACT_PREFIX: char = '=';

/// One step of the analyzer: turns the token list of one text into a new one.
pub(crate) trait Stage: Clone + Send + Sync + 'static {
    /// Applies the step.
    fn apply(&self, tokens: Vec<Token>) -> Vec<Token>;

    /// Applies the step when the original text is needed too (token offsets
    /// point into `text`); by default the text is not used.
    fn apply_to(&self, tokens: Vec<Token>, text: &str) -> Vec<Token> {
        let _unused = text;
        self.apply(tokens)
    }
}

/// Makes a tantivy [`TokenFilter`] out of a [`Stage`].
#[derive(Clone)]
pub(crate) struct StageFilter<S>(pub(crate) S);

impl<S: Stage> TokenFilter for StageFilter<S> {
    type Tokenizer<T: Tokenizer> = StageTokenizer<S, T>;

    fn transform<T: Tokenizer>(self, inner: T) -> StageTokenizer<S, T> {
        StageTokenizer { stage: self.0, inner }
    }
}

/// The tokenizer a [`StageFilter`] wraps around the previous one.
#[derive(Clone)]
pub(crate) struct StageTokenizer<S, T> {
    stage: S,
    inner: T,
}

impl<S: Stage, T: Tokenizer> Tokenizer for StageTokenizer<S, T> {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut stream = self.inner.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            // Each token is read once: move it out instead of cloning its text.
            tokens.push(std::mem::take(stream.token_mut()));
        }
        VecTokenStream::new(self.stage.apply_to(tokens, text))
    }
}

/// A token stream over a finished list of tokens.
pub(crate) struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl VecTokenStream {
    /// Streams `tokens` in order.
    pub(crate) fn new(tokens: Vec<Token>) -> Self {
        VecTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// The data the analyzer's rules use, exported as is for the browser client
/// (fields in alphabetical order: the order the meta file has always had,
/// see `search::export::format`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Tables {
    /// Extra folds beyond "remove the marks" (`đ` → `d`).
    pub(crate) fold: Vec<(char, char)>,
    /// Glossary: (analyzed words of a spelling, the span token it adds).
    pub(crate) glossary: Vec<(Vec<String>, String)>,
    /// Vowels carrying a quality mark; the tone goes on (the last of) them.
    pub(crate) marked: String,
    /// Number words that are no number alone.
    pub(crate) not_alone: Vec<String>,
    /// Number words: (spelling, role, value), see [`numbers`].
    pub(crate) numbers: Vec<(String, char, u64)>,
    /// Two-vowel open nuclei whose tone goes on the second vowel (new style).
    pub(crate) second: Vec<String>,
    /// Tone table rows: a vowel, then the same vowel with the five tones
    /// (huyền, sắc, hỏi, ngã, nặng).
    pub(crate) tones: Vec<String>,
}

impl Tables {
    /// The tables of the analyzer with this glossary.
    pub(crate) fn new(glossary: &Glossary) -> Self {
        Tables {
            tones: tone::TONE_ROWS.iter().map(|r| r.to_string()).collect(),
            marked: tone::MARKED.to_string(),
            second: tone::SECOND_VOWEL_NUCLEI.iter().map(|r| r.to_string()).collect(),
            fold: fold::EXTRA_FOLDS.to_vec(),
            glossary: glossary.entries().to_vec(),
            numbers: numbers::NUMBER_WORDS.iter().map(|&(w, r, v)| (w.to_string(), r, v)).collect(),
            not_alone: numbers::NOT_ALONE.iter().map(|w| w.to_string()).collect(),
        }
    }
}

/// The stages before the glossary, as a builder both analyzers start from.
fn base_stages() -> tantivy::tokenizer::TextAnalyzerBuilder<impl tantivy::tokenizer::Tokenizer> {
    TextAnalyzer::builder(chunk::ChunkTokenizer)
        .filter(StageFilter(normalize::Normalize))
        .filter(StageFilter(docnum::DocNumbers))
        .filter(StageFilter(split::SplitWords))
        .filter(StageFilter(tone::CanonicalTone))
        .filter(StageFilter(fold::FoldWithExact))
        .filter(StageFilter(numbers::NumberWords))
}

/// The analyzer *before* the glossary stage; used to analyze the glossary's own
/// spellings so that they are compared in the same form as the text.
pub(crate) fn base_analyzer() -> TextAnalyzer {
    base_stages().build()
}

/// The full analyzer with this glossary.
pub fn analyzer(glossary: &Glossary) -> TextAnalyzer {
    base_stages().filter(StageFilter(glossary::GlossarySpans::new(glossary))).build()
}

/// Runs an analyzer over `text` and collects its tokens.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(std::mem::take(stream.token_mut()));
    }
    out
}

/// The class of a token in the analyzer's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenClass {
    /// The folded form of a word: the first token at its position.
    Word,
    /// `=` + the exact form of the word before it.
    Exact,
    /// A span (document number, glossary entry) covering `position_length` words.
    Span,
}

/// Classifies the analyzer's output, following the module's convention.
pub(crate) fn classify(tokens: &[Token]) -> Vec<TokenClass> {
    let mut last_word_pos = usize::MAX;
    tokens
        .iter()
        .map(|t| {
            if t.text.starts_with(EXACT_PREFIX) {
                TokenClass::Exact
            } else if t.position != last_word_pos {
                last_word_pos = t.position;
                TokenClass::Word
            } else {
                TokenClass::Span
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;

    /// Makes a token for tests.
    pub(crate) fn tok(text: &str, position: usize, from: usize, to: usize) -> Token {
        Token { offset_from: from, offset_to: to, position, text: text.to_string(), position_length: 1 }
    }

    /// The texts of tokens.
    pub(crate) fn texts(tokens: &[Token]) -> Vec<String> {
        tokens.iter().map(|t| t.text.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, usize, usize)> {
        let glossary = Glossary::default_theme().unwrap();
        let mut a = analyzer(&glossary);
        tokens(&mut a, text).into_iter().map(|t| (t.text, t.position, t.position_length)).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        run(text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn folds_and_keeps_exact_form() {
        assert_eq!(texts("Người có uy tín"), ["nguoi", "=người", "ncut", "co", "=có", "uy", "tin", "=tín"]);
    }

    #[test]
    fn nfd_input_equals_nfc_input() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Điển hình tiên tiến".nfd().collect();
        assert_eq!(texts(&nfd), texts("Điển hình tiên tiến"));
    }

    #[test]
    fn old_and_new_tone_placement_meet() {
        assert_eq!(texts("hòa thủy ủy"), texts("hoà thuỷ uỷ"));
        assert_eq!(texts("quý"), ["quy", "=quý"]);
    }

    #[test]
    fn document_number_whole_and_parts() {
        let out = run("Kế hoạch 263/KH-UBND ngày");
        assert!(out.contains(&("263/kh-ubnd".to_string(), 2, 3)), "{out:?}");
        assert!(out.contains(&("263".to_string(), 2, 1)));
        assert!(out.contains(&("kh".to_string(), 3, 1)));
        assert!(out.contains(&("ubnd".to_string(), 4, 1)));
        assert_eq!(out.last().unwrap().0, "=ngày");
    }

    #[test]
    fn glossary_spans_both_ways() {
        let out = run("đồng bào dân tộc thiểu số");
        assert!(out.contains(&("dtts".to_string(), 2, 4)), "{out:?}");
        assert_eq!(texts("DTTS"), ["dtts"]);
        let out = run("người S’tiêng");
        assert!(out.contains(&("xtieng".to_string(), 1, 1)), "{out:?}");
    }

    #[test]
    fn classes_follow_the_convention() {
        let glossary = Glossary::default_theme().unwrap();
        let mut a = analyzer(&glossary);
        let toks = tokens(&mut a, "Ủy ban nhân dân 263/KH-UBND");
        let classes = classify(&toks);
        assert_eq!(classes[0], TokenClass::Word);
        assert_eq!(classes[1], TokenClass::Exact);
        let spans: Vec<&str> =
            toks.iter().zip(&classes).filter(|(_, c)| **c == TokenClass::Span).map(|(t, _)| t.text.as_str()).collect();
        assert_eq!(spans, ["ubnd", "263/kh-ubnd"]);
    }

    #[test]
    fn a_document_number_alone_keeps_the_convention() {
        // Its span follows the words of its chunk out of the splitter; the
        // glossary stage sorts it back to its first word (found when that
        // sort was skipped for texts without glossary spans).
        let out = run("32/KH-BDT");
        let texts: Vec<&str> = out.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(texts, ["32", "32/kh-bdt", "kh", "bdt"], "{out:?}");
    }

    #[test]
    fn positions_never_decrease() {
        let glossary = Glossary::default_theme().unwrap();
        let mut a = analyzer(&glossary);
        let toks = tokens(&mut a, "Theo Kế hoạch số 17/2023/QĐ-UBND, 1.000 hộ DTTS ở xã ĐBKK (KT-XH).");
        assert!(toks.windows(2).all(|w| w[0].position <= w[1].position));
    }
}
