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
//! **Scoring a record.** A slot scores the word's impact, or else half the
//! best alternative's impact; plus the exact form's impact when the query word
//! had diacritics (inside quotes the exact form is then required). A record
//! must cover every slot, by its word or by a span (which scores its own
//! impact once for all the slots it covers); the best cover counts. Then each
//! pair of neighbouring slots whose words stand side by side in the record
//! adds [`PROXIMITY`]: inside a span, when the record has the span's term;
//! elsewhere, when it has their *pair* (see [`super::index::PAIRS`]). Ties go
//! to the record with the smaller ord ([`super::record_order`]). Impacts are the values of the one-byte
//! levels the static index carries ([`super::impact`]).
//!
//! **Quoted phrases** are approximated by adjacency: a record matches
//! `"a b c"` when `a b` and `b c` each stand side by side somewhere in one
//! of its texts (and, for words typed with diacritics, each word occurs in
//! its exact form). For two-word phrases, the common case, this is exact; a
//! longer phrase can match a record where its pairs occur apart. No positions
//! are exported, which keeps the browser's first query small.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{self, classify, Glossary, TokenClass};
use super::index::pair_term;
use super::view::IndexView;
use super::{excerpt, impact, SearchDoc, SearchError};

/// Longest query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words a query can have.
pub const MAX_SLOTS: usize = 10;
/// Most prefix alternatives for the last word while typing.
pub const MAX_PREFIXES: usize = 64;
/// Shortest word (in characters) that gets prefix alternatives.
pub const MIN_PREFIX_CHARS: usize = 3;
/// Shortest word (in characters) that gets typo alternatives.
pub const MIN_TYPO_CHARS: usize = 4;
/// Bonus for two neighbouring query words side by side in a record.
pub const PROXIMITY: u64 = 1_000;

/// Complete queries (the CLI, a page opened with `?q=`) or queries being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The query is complete: no prefix matching.
    Complete,
    /// The reader is still typing the last word.
    Typing,
}

/// Restricts hits to records with these facets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Kind: campaign, person, news, document, page.
    pub kind: Option<String>,
    /// Campaign slug (or title).
    pub campaign: Option<String>,
    /// Ethnicity, any spelling.
    pub ethnicity: Option<String>,
    /// District slug or name.
    pub district: Option<String>,
    /// Year.
    pub year: Option<i32>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Site path, e.g. "/van-ban/ke-hoach-263/".
    pub url: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: String,
    /// Date, if any.
    pub date: Option<String>,
    /// Year, if any.
    pub year: Option<i32>,
    /// The integer score.
    pub score: u64,
    /// A short passage of the record.
    pub excerpt: String,
    /// Matched words in the excerpt, as [start, end) character offsets.
    pub highlights: Vec<(usize, usize)>,
}

/// One query word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slot {
    /// Folded word.
    pub word: String,
    /// `=` + exact form, when typed with diacritics.
    pub exact: Option<String>,
    /// Inside a quoted phrase.
    pub quoted: bool,
    /// Typo or prefix alternatives (scored at half).
    pub alternatives: Vec<String>,
}

/// A span alternative covering `len` slots from `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First slot.
    pub start: usize,
    /// Number of slots.
    pub len: usize,
    /// The span term.
    pub term: String,
}

/// A parsed (and later resolved) query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The words.
    pub slots: Vec<Slot>,
    /// Span alternatives.
    pub spans: Vec<Span>,
    /// Quoted phrases as slot ranges [start, end).
    pub phrases: Vec<(usize, usize)>,
    /// The query ends inside its last word (no trailing space or quote).
    pub open_end: bool,
}

impl Plan {
    /// Every term whose postings the plan needs.
    pub fn terms(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for s in &self.slots {
            out.insert(s.word.clone());
            out.extend(s.exact.clone());
            out.extend(s.alternatives.iter().cloned());
        }
        out.extend(self.spans.iter().map(|s| s.term.clone()));
        out
    }

    /// The spans covering the neighbouring slots `k` and `k + 1`.
    fn covering(&self, k: usize) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.start <= k && k + 1 < s.start + s.len)
    }

    /// The neighbouring slots (`k`, `k + 1`) whose adjacency a pair says:
    /// those inside no span. Inside a span, the span says it (a record has
    /// the span's term only where its words stand side by side, or where an
    /// abbreviation stands for them), so those pairs are not fetched.
    pub fn pair_slots(&self) -> Vec<usize> {
        (0..self.slots.len().saturating_sub(1)).filter(|&k| self.covering(k).next().is_none()).collect()
    }
}

/// Cuts `q` to [`MAX_QUERY_CHARS`] characters.
fn truncate(q: &str) -> &str {
    match q.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => &q[..i],
        None => q,
    }
}

/// Parses a query (see the module documentation).
pub fn parse(analyzer: &mut TextAnalyzer, q: &str) -> Plan {
    let q = truncate(q);
    let parts: Vec<&str> = q.split('"').collect();
    let quotes = parts.len() - 1;
    let mut plan =
        Plan { open_end: q.chars().last().is_some_and(|c| !c.is_whitespace() && c != '"'), ..Plan::default() };
    for (i, part) in parts.iter().enumerate() {
        let quoted = i % 2 == 1 && !(quotes % 2 == 1 && i == quotes);
        let base = plan.slots.len();
        let toks = analyzer::tokens(analyzer, part);
        for (t, class) in toks.iter().zip(classify(&toks)) {
            let slot = base + t.position;
            match class {
                TokenClass::Word => plan.slots.push(Slot { word: t.text.clone(), quoted, ..Slot::default() }),
                TokenClass::Exact => {
                    if let Some(s) = plan.slots.get_mut(slot) {
                        s.exact = Some(t.text.clone());
                    }
                }
                TokenClass::Span if !quoted => {
                    plan.spans.push(Span { start: slot, len: t.position_length, term: t.text.clone() })
                }
                TokenClass::Span => {}
            }
        }
        if quoted && plan.slots.len() - base >= 2 {
            plan.phrases.push((base, plan.slots.len()));
        }
    }
    plan.slots.truncate(MAX_SLOTS);
    plan.spans.retain(|s| s.start + s.len <= MAX_SLOTS);
    plan.phrases = plan.phrases.iter().map(|&(a, b)| (a, b.min(MAX_SLOTS))).filter(|&(a, b)| b > a + 1).collect();
    plan
}

/// True for words that can have typo alternatives: ASCII letters only.
fn is_letters(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// True when `a` and `b` differ by exactly one insertion, deletion,
/// substitution or swap of neighbouring letters (ASCII words).
pub fn one_typo(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    if ra.len() == rb.len() {
        ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    } else if ra.len() > rb.len() {
        ra[1..] == *rb
    } else {
        rb[1..] == *ra
    }
}

/// Adds typo and prefix alternatives from the sorted vocabulary.
pub fn resolve(plan: &mut Plan, vocab: &[String], mode: Mode) {
    let last = plan.slots.len().wrapping_sub(1);
    let open_end = plan.open_end;
    for (i, slot) in plan.slots.iter_mut().enumerate() {
        if slot.quoted {
            continue;
        }
        let present = vocab.binary_search(&slot.word).is_ok();
        if !present && is_letters(&slot.word) && slot.word.len() >= MIN_TYPO_CHARS {
            slot.alternatives = vocab.iter().filter(|t| is_letters(t) && one_typo(&slot.word, t)).cloned().collect();
        }
        if mode == Mode::Typing && i == last && open_end && slot.word.chars().count() >= MIN_PREFIX_CHARS {
            let from = vocab.partition_point(|t| t.as_str() <= slot.word.as_str());
            let extra = vocab[from..]
                .iter()
                .take_while(|t| t.starts_with(&slot.word))
                .take(MAX_PREFIXES)
                .filter(|t| !slot.alternatives.contains(t))
                .cloned()
                .collect::<Vec<_>>();
            slot.alternatives.extend(extra);
        }
    }
}

/// What scoring reads: impact values by term and record, and the records of
/// each adjacent pair.
#[derive(Debug, Clone, Default)]
pub struct PostingMap {
    /// Term → record → impact value.
    pub terms: HashMap<String, BTreeMap<u32, u64>>,
    /// Pair term (`"uy tin"`) → records where the two words are adjacent.
    pub pairs: HashMap<String, HashSet<u32>>,
}

fn impact(map: &PostingMap, term: &str, doc: u32) -> u64 {
    map.terms.get(term).and_then(|p| p.get(&doc)).copied().unwrap_or(0)
}

/// True when the words of slots `k` and `k + 1` stand side by side in the
/// record: by a span covering both, or else by their pair.
fn adjacent(plan: &Plan, map: &PostingMap, k: usize, doc: u32) -> bool {
    let mut spans = plan.covering(k).peekable();
    if spans.peek().is_some() {
        return spans.any(|s| impact(map, &s.term, doc) > 0);
    }
    let (a, b) = (&plan.slots[k], &plan.slots[k + 1]);
    map.pairs.get(&pair_term(&a.word, &b.word)).is_some_and(|d| d.contains(&doc))
}

fn slot_score(slot: &Slot, map: &PostingMap, doc: u32) -> u64 {
    let alt = slot.alternatives.iter().map(|t| impact(map, t, doc)).max().unwrap_or(0);
    let base = impact(map, &slot.word, doc).max(alt / 2);
    if base == 0 {
        return 0;
    }
    match &slot.exact {
        None => base,
        Some(e) => {
            let bonus = impact(map, e, doc);
            if slot.quoted && bonus == 0 {
                0
            } else {
                base + bonus
            }
        }
    }
}

fn phrase_occurs(plan: &Plan, map: &PostingMap, doc: u32, (a, b): (usize, usize)) -> bool {
    (a..b - 1).all(|k| adjacent(plan, map, k, doc))
}

/// The score of one record, or `None` when it does not match.
pub fn score(plan: &Plan, map: &PostingMap, doc: u32) -> Option<u64> {
    let n = plan.slots.len();
    if n == 0 {
        return None;
    }
    let mut best: Vec<Option<u64>> = vec![None; n + 1];
    best[n] = Some(0);
    for i in (0..n).rev() {
        let s = slot_score(&plan.slots[i], map, doc);
        let mut b = if s > 0 { best[i + 1].map(|x| x + s) } else { None };
        for span in plan.spans.iter().filter(|sp| sp.start == i) {
            let s = impact(map, &span.term, doc);
            if s > 0 {
                if let Some(rest) = best[i + span.len] {
                    b = b.max(Some(rest + s));
                }
            }
        }
        best[i] = b;
    }
    let total = best[0]?;
    if !plan.phrases.iter().all(|&r| phrase_occurs(plan, map, doc, r)) {
        return None;
    }
    let bonus = (0..n - 1).filter(|&k| adjacent(plan, map, k, doc)).count() as u64 * PROXIMITY;
    Some(total + bonus)
}

/// Every matching record with its score, best first (ties: smaller ord first).
pub fn evaluate(plan: &Plan, map: &PostingMap) -> Vec<(u32, u64)> {
    let Some(first) = plan.slots.first() else {
        return Vec::new();
    };
    let mut candidates = BTreeSet::new();
    let first_terms = std::iter::once(&first.word)
        .chain(&first.alternatives)
        .chain(plan.spans.iter().filter(|s| s.start == 0).map(|s| &s.term));
    for t in first_terms {
        if let Some(p) = map.terms.get(t) {
            candidates.extend(p.keys().copied());
        }
    }
    let mut out: Vec<(u32, u64)> = candidates.into_iter().filter_map(|d| score(plan, map, d).map(|s| (d, s))).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Loads the postings of every term and pair the plan needs.
pub fn load_postings(view: &IndexView, plan: &Plan) -> Result<PostingMap, SearchError> {
    let mut map = PostingMap::default();
    for t in plan.terms() {
        let p = view.postings(&t)?;
        map.terms.insert(t, p.into_iter().map(|p| (p.doc, impact::value(p.level, view.levels()))).collect());
    }
    for k in plan.pair_slots() {
        let (a, b) = (&plan.slots[k].word, &plan.slots[k + 1].word);
        map.pairs.insert(pair_term(a, b), view.pair_docs(a, b)?.into_iter().collect());
    }
    Ok(map)
}

/// The vocabulary: every term of letters only (words and glossary spans),
/// sorted — what typo and prefix alternatives are taken from. Other terms
/// (numbers, document numbers, exact forms) are looked up directly.
pub fn vocabulary(all_terms: Vec<String>) -> Vec<String> {
    all_terms.into_iter().filter(|t| is_letters(t)).collect()
}

/// The key that matches every spelling of a facet value (`S'tiêng`,
/// `stieng`, `Xtiêng` → `xtieng`; `Chơ-ro` → `choro`).
pub fn facet_key(analyzer: &mut TextAnalyzer, value: &str) -> String {
    let toks = analyzer::tokens(analyzer, value);
    let classes = classify(&toks);
    let words: Vec<&str> =
        toks.iter().zip(&classes).filter(|(_, c)| **c == TokenClass::Word).map(|(t, _)| t.text.as_str()).collect();
    let whole = toks
        .iter()
        .zip(&classes)
        .find(|(t, c)| **c == TokenClass::Span && t.position == 0 && t.position_length == words.len());
    match whole {
        Some((t, _)) => t.text.clone(),
        None => words.concat(),
    }
}

/// True when the record passes the filters.
pub fn passes(analyzer: &mut TextAnalyzer, filters: &Filters, doc: &SearchDoc) -> bool {
    let mut key = |s: &str| facet_key(analyzer, s);
    if filters.kind.as_ref().is_some_and(|k| !k.eq_ignore_ascii_case(&doc.kind)) {
        return false;
    }
    if filters.year.is_some_and(|y| doc.year != Some(y)) {
        return false;
    }
    let pair_matches = |want: &str, pair: &(String, String), key: &mut dyn FnMut(&str) -> String| {
        let w = key(want);
        w == key(&pair.0) || w == key(&pair.1)
    };
    if let Some(c) = &filters.campaign {
        if !doc.campaigns.iter().any(|p| pair_matches(c, p, &mut key)) {
            return false;
        }
    }
    for (want, have) in [(&filters.ethnicity, &doc.ethnicity), (&filters.district, &doc.district)] {
        if let Some(w) = want {
            if !have.as_ref().is_some_and(|p| pair_matches(w, p, &mut key)) {
                return false;
            }
        }
    }
    true
}

/// Parses, resolves and evaluates `q` on the index, and makes the hits.
pub fn run(
    view: &IndexView,
    glossary: &Glossary,
    q: &str,
    filters: &Filters,
    limit: usize,
    mode: Mode,
) -> Result<Vec<Hit>, SearchError> {
    let mut analyzer = analyzer::analyzer(glossary);
    let mut plan = parse(&mut analyzer, q);
    if plan.slots.is_empty() {
        return Ok(Vec::new());
    }
    let vocab = vocabulary(view.terms()?);
    resolve(&mut plan, &vocab, mode);
    let map = load_postings(view, &plan)?;
    let mut hits = Vec::new();
    for (ord, score) in evaluate(&plan, &map) {
        if hits.len() >= limit {
            break;
        }
        let doc = view.doc(ord)?;
        if !passes(&mut analyzer, filters, &doc) {
            continue;
        }
        let (text, highlights) = excerpt::excerpt(&mut analyzer, &plan, &doc);
        hits.push(Hit {
            url: doc.url,
            title: doc.title,
            kind: doc.kind,
            date: doc.date,
            year: doc.year,
            score,
            excerpt: text,
            highlights,
        });
    }
    Ok(hits)
}
