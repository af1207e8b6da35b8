//! Queries: parsing into slots, resolving against the vocabulary, scoring.
//!
//! `search.js` implements exactly this algorithm over the exported files; the
//! conformance test holds the two together. All scores are integers.
//!
//! **Parsing.** The query is cut to [`MAX_QUERY_CHARS`]. Text between a pair
//! of `"` is a quoted phrase; an unpaired `"` is ignored. Each part goes
//! through the analyzer; every word becomes a *slot* (its folded form, and
//! its exact form when typed with diacritics); spans from unquoted parts
//! (glossary names, whole document numbers) become alternatives covering
//! their slots. At most [`MAX_SLOTS`] slots are kept.
//!
//! **Resolving.** A slot's word of letters that is not in the vocabulary
//! (words of letters only), has 4+ letters and is not quoted gets *typo
//! alternatives*: every vocabulary word at Damerau distance 1. While typing
//! ([`Mode::Typing`]), the last slot of 3+ characters, when the query does not
//! end in a space, also gets *prefix alternatives* (up to [`MAX_PREFIXES`]
//! vocabulary words, so words of letters). No other prefix matching happens:
//! `ho` never matches `hoạch`.
//!
//! **Rewriting.** Before that, a word the vocabulary lacks is tried as
//! Telex or VNI typed without the input method ([`super::decode`]:
//! `nguwowif` → `người`) and, failing that and without a word one typo away,
//! as two vocabulary words joined, which must then stand side by side
//! (`kbret` → `"k bret"`, a quoted phrase; `visa` is not `vi` … `sa`); the query is then
//! parsed again with the words so replaced. Neighbouring words whose joined
//! form is a vocabulary word (`k bret` → `kbret`) get it as a *joined* span.
//!
//! **Graded matching.** Question and function words ([`OPTIONAL_WORDS`])
//! are optional (unless quoted): they never exclude (unless the query has
//! nothing else), and count only inside glossary spans (`người có uy tín`):
//! their own postings and pairs are not fetched (a question's words are
//! among the most common of the site, so a question's first fetch stays small). Every other slot has an information weight
//! ([`information`]: about 8 × log2(records / records holding it) + 8). A
//! slot is *held* by a record that has its word, an alternative or a span
//! over it; a slot typed with diacritics whose exact form the site writes
//! somewhere is held only where it is written so (typed diacritics are
//! evidence; a wrong tone mark that the site never writes falls back to
//! the letters). A record is a hit when it holds every content slot, or
//! when the slots it holds carry more than half of the query's information
//! ([`HOLD_PER_MILLE`]); quoted words are always required. A word the site
//! lacks as typed (no record has it, it is no typo of a vocabulary word, or
//! its diacritics are written nowhere) is information the site does not
//! have: it weighs as much as all the other words together, and a record
//! holding it only through another spelling counts it only in a full match,
//! so a query about something the site does not cover returns nothing.
//! Question phrases ([`OPTIONAL_PAIRS`]) are optional like question words. Hits are ordered
//! by the number of content slots they lack, then by score.
//!
//! **Scoring a record.** A slot scores the word's impact, or else half the
//! best alternative's impact; plus the exact form's impact when the query word
//! had diacritics. The best cover of the slots by words or spans counts
//! (a span scores its own impact once for all the slots it covers; a slot
//! not held scores nothing). Then each
//! pair of neighbouring slots whose words stand side by side in the record
//! adds [`PROXIMITY`]: inside a glossary span, when the record has the span's term;
//! elsewhere, when it has their *pair* (see [`super::index::PAIRS`]) or
//! their joined span. Ties go
//! to the record with the smaller ord ([`super::record_order`]). Impacts are the values of the one-byte
//! levels the static index carries ([`super::impact`]).
//!
//! **Quoted phrases** are approximated by adjacency: a record matches
//! `"a b c"` when `a b` and `b c` each stand side by side somewhere in one
//! of its texts (and, for words typed with diacritics, each word occurs in
//! its exact form). For two-word phrases, the common case, this is exact; a
//! longer phrase can match a record where its pairs occur apart. No positions
//! are exported, which keeps the browser's first query small.

mod parse;
mod score;

pub(crate) use parse::plan;
pub use parse::{parse, resolve, vocabulary, Mode, Plan, Slot, Span};
pub(crate) use score::{evaluate, load_postings};

/// Longest query read, in characters; the rest is ignored.
pub(crate) const MAX_QUERY_CHARS: usize = 400;
/// Most words a query can have.
pub const MAX_SLOTS: usize = 32;
/// A record lacking some content words is a hit when the words it holds
/// carry more than this share (per mille) of the query's information.
pub(crate) const HOLD_PER_MILLE: u64 = 500;
/// Question and function words, as typed with diacritics: optional.
pub(crate) const OPTIONAL_WORDS: [&str; 37] = [
    "bị", "các", "có", "cần", "của", "gì", "hoặc", "hãy", "hỏi", "không", "là", "làm", "muốn", "mà", "nhiêu", "nhé",
    "như", "những", "nào", "này", "rồi", "sẽ", "thì", "thế", "tìm", "tại", "và", "vậy", "về", "với", "đang", "đâu",
    "đã", "được", "ạ", "ấy", "ở",
];
/// Question and function words typed without diacritics that are optional:
/// the folded forms that are almost always such a word (not `co`, which is
/// also `cơ`, `cô`; not `the`, also `thể`).
pub(crate) const OPTIONAL_PLAIN: [&str; 16] =
    ["ai", "cac", "cho", "cua", "duoc", "gi", "hay", "khi", "khong", "la", "nao", "nhieu", "nhung", "sao", "va", "voi"];
/// Question phrases (folded): their words are optional wherever they stand
/// side by side (`bao nhiêu`, `tại sao`), though alone they are content
/// words (`báo`, `tại`).
pub(crate) const OPTIONAL_PAIRS: [&str; 7] =
    ["bao gio", "bao lau", "bao nhieu", "la gi", "tai sao", "the nao", "vi sao"];
/// Most prefix alternatives for the last word while typing.
pub(crate) const MAX_PREFIXES: usize = 64;
/// Shortest word (in characters) that gets prefix alternatives.
pub(crate) const MIN_PREFIX_CHARS: usize = 3;
/// Shortest word (in characters) that gets every typo alternative (one letter
/// shorter: only the words with one more letter).
pub(crate) const MIN_TYPO_CHARS: usize = 4;
/// Bonus for two neighbouring query words side by side in a record.
pub(crate) const PROXIMITY: u64 = 1_000;
