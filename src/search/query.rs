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
//! as two vocabulary words joined (`kbret` → `k bret`); the query is then
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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{self, classify, fold, Glossary, TokenClass, EXACT_PREFIX};
use super::index::pair_term;
use super::view::IndexView;
use super::{decode, excerpt, impact, SearchDoc, SearchError};

/// Longest query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 400;
/// Most words a query can have.
pub const MAX_SLOTS: usize = 32;
/// A record lacking some content words is a hit when the words it holds
/// carry more than this share (per mille) of the query's information.
pub const HOLD_PER_MILLE: u64 = 500;
/// Question and function words, as typed with diacritics: optional.
pub const OPTIONAL_WORDS: [&str; 37] = [
    "bị", "các", "có", "cần", "của", "gì", "hoặc", "hãy", "hỏi", "không", "là", "làm", "muốn", "mà", "nhiêu", "nhé",
    "như", "những", "nào", "này", "rồi", "sẽ", "thì", "thế", "tìm", "tại", "và", "vậy", "về", "với", "đang", "đâu",
    "đã", "được", "ạ", "ấy", "ở",
];
/// Question and function words typed without diacritics that are optional:
/// the folded forms that are almost always such a word (not `co`, which is
/// also `cơ`, `cô`; not `the`, also `thể`).
pub const OPTIONAL_PLAIN: [&str; 16] =
    ["ai", "cac", "cho", "cua", "duoc", "gi", "hay", "khi", "khong", "la", "nao", "nhieu", "nhung", "sao", "va", "voi"];
/// Question phrases (folded): their words are optional wherever they stand
/// side by side (`bao nhiêu`, `tại sao`), though alone they are content
/// words (`báo`, `tại`).
pub const OPTIONAL_PAIRS: [&str; 7] = ["bao gio", "bao lau", "bao nhieu", "la gi", "tai sao", "the nao", "vi sao"];
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
    /// The query words the record lacks (empty for a full match).
    pub missing: Vec<String>,
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
    /// A question or function word: never excludes a record.
    pub optional: bool,
    /// A word of letters too short for typo alternatives that a vocabulary
    /// word is one typo away from: a typo, not a topic the site lacks.
    pub near: bool,
    /// Byte range of the word in the query.
    pub range: (usize, usize),
}

impl Slot {
    /// The word as the reader sees it: with diacritics when typed so.
    pub fn display(&self) -> &str {
        self.exact.as_deref().map_or(&self.word, |e| &e[EXACT_PREFIX.len_utf8()..])
    }
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
    /// A vocabulary word that joins the slots' words (`k bret` → `kbret`).
    pub joined: bool,
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
    /// Optional words need none of their own: they count only inside spans.
    pub fn terms(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for s in self.slots.iter().filter(|s| !s.optional) {
            out.insert(s.word.clone());
            out.extend(s.exact.clone());
            out.extend(s.alternatives.iter().cloned());
        }
        out.extend(self.spans.iter().map(|s| s.term.clone()));
        out
    }

    /// The glossary spans (not joined ones) covering the neighbouring slots `k` and `k + 1`.
    fn covering(&self, k: usize) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| !s.joined && s.start <= k && k + 1 < s.start + s.len)
    }

    /// The joined spans covering the neighbouring slots `k` and `k + 1`.
    fn joining(&self, k: usize) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| s.joined && s.start <= k && k + 1 < s.start + s.len)
    }

    /// The neighbouring slots (`k`, `k + 1`) whose adjacency a pair says:
    /// those inside no span. Inside a span, the span says it (a record has
    /// the span's term only where its words stand side by side, or where an
    /// abbreviation stands for them), so those pairs are not fetched.
    ///
    /// Nor are the pairs of a question or function word: what stands beside
    /// `là` or `nào` says little, and a question's pairs would cost its
    /// first fetch a bucket each.
    pub fn pair_slots(&self) -> Vec<usize> {
        (0..self.slots.len().saturating_sub(1))
            .filter(|&k| self.covering(k).next().is_none() && !self.slots[k].optional && !self.slots[k + 1].optional)
            .collect()
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
    let mut at = 0;
    for (i, part) in parts.iter().enumerate() {
        let quoted = i % 2 == 1 && !(quotes % 2 == 1 && i == quotes);
        let base = plan.slots.len();
        let toks = analyzer::tokens(analyzer, part);
        for (t, class) in toks.iter().zip(classify(&toks)) {
            let slot = base + t.position;
            match class {
                TokenClass::Word => plan.slots.push(Slot {
                    word: t.text.clone(),
                    quoted,
                    range: (at + t.offset_from, at + t.offset_to),
                    ..Slot::default()
                }),
                TokenClass::Exact => {
                    if let Some(s) = plan.slots.get_mut(slot) {
                        s.exact = Some(t.text.clone());
                    }
                }
                TokenClass::Span if !quoted => {
                    plan.spans.push(Span { start: slot, len: t.position_length, term: t.text.clone(), joined: false })
                }
                TokenClass::Span => {}
            }
        }
        at += part.len() + 1;
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

/// The query with its words that the vocabulary lacks replaced by what
/// they stand for: Telex or VNI decoded (`nguwowif` → `người`), else, when
/// no vocabulary word is one typo away, two vocabulary words joined
/// (`kbret` → `k bret`). `None` when nothing is replaced.
pub fn rewrite(plan: &Plan, q: &str, vocab: &[String]) -> Option<String> {
    let q = truncate(q);
    let known = |w: &str| vocab.binary_search_by(|t| t.as_str().cmp(w)).is_ok();
    let mut out = String::with_capacity(q.len() + 8);
    let mut at = 0;
    for slot in plan.slots.iter().filter(|s| !s.quoted && !known(&s.word)) {
        let Some(with) = replacement(slot, vocab, &known) else { continue };
        out.push_str(&q[at..slot.range.0]);
        out.push_str(&with);
        at = slot.range.1;
    }
    if at == 0 {
        return None;
    }
    out.push_str(&q[at..]);
    Some(out)
}

fn replacement(slot: &Slot, vocab: &[String], known: &dyn Fn(&str) -> bool) -> Option<String> {
    if let Some(d) = decode::decode(slot.display()) {
        if known(&fold::fold(&d)) {
            return Some(d);
        }
    }
    let w = &slot.word;
    if !is_letters(w) || w.len() < 3 || vocab.iter().any(|t| is_letters(t) && one_typo(w, t)) {
        return None;
    }
    (1..w.len()).find(|&i| known(&w[..i]) && known(&w[i..])).map(|i| format!("{} {}", &w[..i], &w[i..]))
}

/// Adds what the vocabulary says about the slots: optional words, joined
/// spans, typo and prefix alternatives.
pub fn resolve(plan: &mut Plan, vocab: &[String], mode: Mode) {
    let known = |w: &str| vocab.binary_search_by(|t| t.as_str().cmp(w)).is_ok();
    for s in plan.slots.iter_mut().filter(|s| !s.quoted) {
        s.optional = match &s.exact {
            Some(e) => OPTIONAL_WORDS.contains(&&e[EXACT_PREFIX.len_utf8()..]),
            None => OPTIONAL_PLAIN.contains(&s.word.as_str()),
        };
    }
    for k in 1..plan.slots.len() {
        let (a, b) = (&plan.slots[k - 1], &plan.slots[k]);
        if !a.quoted && !b.quoted && OPTIONAL_PAIRS.contains(&pair_term(&a.word, &b.word).as_str()) {
            plan.slots[k - 1].optional = true;
            plan.slots[k].optional = true;
        }
    }
    if plan.slots.iter().all(|s| s.optional) {
        plan.slots.iter_mut().for_each(|s| s.optional = false);
    }
    let n = plan.slots.len();
    for len in [2, 3] {
        for k in 0..(n + 1).saturating_sub(len) {
            let run = &plan.slots[k..k + len];
            if run.iter().any(|s| s.quoted || !is_letters(&s.word)) {
                continue;
            }
            let term: String = run.iter().map(|s| s.word.as_str()).collect();
            if known(&term) && !plan.spans.iter().any(|sp| sp.start == k && sp.len == len && sp.term == term) {
                plan.spans.push(Span { start: k, len, term, joined: true });
            }
        }
    }
    let last = n.wrapping_sub(1);
    let open_end = plan.open_end;
    for (i, slot) in plan.slots.iter_mut().enumerate() {
        if slot.quoted {
            continue;
        }
        let present = known(&slot.word);
        if !present && is_letters(&slot.word) && slot.word.len() >= MIN_TYPO_CHARS {
            slot.alternatives = vocab.iter().filter(|t| is_letters(t) && one_typo(&slot.word, t)).cloned().collect();
        } else if !present && is_letters(&slot.word) {
            slot.near = vocab.iter().any(|t| is_letters(t) && one_typo(&slot.word, t));
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

/// What scoring reads: impact values by term and record, the records of
/// each adjacent pair, and the number of records.
#[derive(Debug, Clone, Default)]
pub struct PostingMap {
    /// Term → record → impact value.
    pub terms: HashMap<String, BTreeMap<u32, u64>>,
    /// Pair term (`"uy tin"`) → records where the two words are adjacent.
    pub pairs: HashMap<String, HashSet<u32>>,
    /// Records in the index.
    pub records: u64,
}

fn impact(map: &PostingMap, term: &str, doc: u32) -> u64 {
    map.terms.get(term).and_then(|p| p.get(&doc)).copied().unwrap_or(0)
}

fn count(map: &PostingMap, term: &str) -> u64 {
    map.terms.get(term).map_or(0, |p| p.len() as u64)
}

/// True when the words of slots `k` and `k + 1` stand side by side in the
/// record: by a glossary span covering both, or else by their pair or a
/// joined span.
fn adjacent(plan: &Plan, map: &PostingMap, k: usize, doc: u32) -> bool {
    let mut spans = plan.covering(k).peekable();
    if spans.peek().is_some() {
        return spans.any(|s| impact(map, &s.term, doc) > 0);
    }
    let (a, b) = (&plan.slots[k], &plan.slots[k + 1]);
    map.pairs.get(&pair_term(&a.word, &b.word)).is_some_and(|d| d.contains(&doc))
        || plan.joining(k).any(|s| impact(map, &s.term, doc) > 0)
}

/// The information a slot held by `df` of `records` records carries: 8 ×
/// log2(records / df) + 8, in integers (a piecewise linear log2 with eight
/// steps an octave). A word no record has weighs as one held by one record.
pub fn information(df: u64, records: u64) -> u64 {
    let x = records.max(1) * 256 / df.max(1);
    let x = x.max(256);
    let b = 63 - u64::from(x.leading_zeros());
    let frac = (x >> (b - 3)) - 8;
    8 * (b - 8) + frac + 8
}

/// What the query knows once the postings are loaded: for each slot whether
/// its exact form is required (typed with diacritics, written so somewhere)
/// and its information weight (0 for optional words).
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// The slot's exact form is required.
    pub strict: Vec<bool>,
    /// Information weight of each slot.
    pub weight: Vec<u64>,
    /// The site lacks the slot's word as typed: no record has it (nor an
    /// alternative or span over it) and it is no typo of a vocabulary word,
    /// or it was typed with diacritics that no record writes. Such a slot
    /// weighs as much as all the others together, so a record lacking it
    /// is never a partial hit, and one holding it through another spelling
    /// only in a full match.
    pub uncovered: Vec<bool>,
}

/// The [`Weights`] of the plan's slots over the loaded postings.
pub fn weights(plan: &Plan, map: &PostingMap) -> Weights {
    let mut w = Weights::default();
    for (i, s) in plan.slots.iter().enumerate() {
        let strict = s.exact.as_ref().is_some_and(|e| count(map, e) > 0);
        let mut df = if strict { count(map, s.exact.as_deref().unwrap_or_default()) } else { count(map, &s.word) };
        for t in s
            .alternatives
            .iter()
            .chain(plan.spans.iter().filter(|sp| sp.start <= i && i < sp.start + sp.len).map(|sp| &sp.term))
        {
            df = df.max(count(map, t));
        }
        w.strict.push(strict);
        w.weight.push(if s.optional { 0 } else { information(df, map.records) });
        w.uncovered.push(!s.optional && ((df == 0 && !s.near) || (s.exact.is_some() && !strict)));
    }
    let covered: u64 = w.weight.iter().zip(&w.uncovered).filter(|(_, &u)| !u).map(|(x, _)| x).sum();
    for (x, _) in w.weight.iter_mut().zip(&w.uncovered).filter(|(_, &u)| u) {
        *x = (*x).max(covered);
    }
    w
}

fn slot_score(slot: &Slot, strict: bool, map: &PostingMap, doc: u32) -> u64 {
    let alt = slot.alternatives.iter().map(|t| impact(map, t, doc)).max().unwrap_or(0);
    let base = impact(map, &slot.word, doc).max(alt / 2);
    if base == 0 {
        return 0;
    }
    match &slot.exact {
        None => base,
        Some(e) => {
            let bonus = impact(map, e, doc);
            if (slot.quoted || strict) && bonus == 0 {
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

/// A matching record: its ord, score and the slots it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The record's ord.
    pub doc: u32,
    /// The score.
    pub score: u64,
    /// The content slots the record does not hold.
    pub missing: Vec<usize>,
}

/// The score of one record and the content slots it lacks, or `None` when
/// it is no hit.
pub fn score(plan: &Plan, w: &Weights, map: &PostingMap, doc: u32) -> Option<(u64, Vec<usize>)> {
    let n = plan.slots.len();
    if n == 0 {
        return None;
    }
    let mut best = vec![0u64; n + 1];
    let mut held = vec![false; n];
    for i in (0..n).rev() {
        let s = slot_score(&plan.slots[i], w.strict[i], map, doc);
        held[i] |= s > 0;
        let mut b = best[i + 1] + s;
        for span in plan.spans.iter().filter(|sp| sp.start == i) {
            let v = impact(map, &span.term, doc);
            if v > 0 {
                held[i..i + span.len].iter_mut().for_each(|h| *h = true);
                b = b.max(best[i + span.len] + v);
            }
        }
        best[i] = b;
    }
    // An uncovered slot held through another spelling counts only for a
    // full match (a wrong tone mark): a partial hit never rests on it.
    let (mut total, mut kept, mut lacked) = (0, 0, 0);
    let mut missing = Vec::new();
    for (i, s) in plan.slots.iter().enumerate() {
        if s.quoted && !held[i] {
            return None;
        }
        total += w.weight[i];
        if held[i] && w.uncovered[i] {
            lacked += w.weight[i];
        } else if held[i] {
            kept += w.weight[i];
        } else if !s.optional {
            missing.push(i);
        }
    }
    if missing.is_empty() {
        kept += lacked;
    }
    if kept == 0 || (!missing.is_empty() && kept * 1000 <= total * HOLD_PER_MILLE) {
        return None;
    }
    if !plan.phrases.iter().all(|&r| phrase_occurs(plan, map, doc, r)) {
        return None;
    }
    let bonus = (0..n - 1).filter(|&k| adjacent(plan, map, k, doc)).count() as u64 * PROXIMITY;
    Some((best[0] + bonus, missing))
}

/// The terms whose records can be hits: those of the heaviest slots,
/// enough that a record holding none of them cannot hold more than half
/// of the query's information.
fn candidate_terms<'a>(plan: &'a Plan, w: &Weights) -> Vec<&'a str> {
    let total: u64 = w.weight.iter().sum();
    let mut order: Vec<usize> = (0..plan.slots.len()).filter(|&i| !plan.slots[i].optional).collect();
    order.sort_by(|&a, &b| w.weight[b].cmp(&w.weight[a]).then(a.cmp(&b)));
    let mut rest = total;
    let mut out = Vec::new();
    for i in order {
        if rest * 1000 <= total * HOLD_PER_MILLE {
            break;
        }
        rest -= w.weight[i];
        let s = &plan.slots[i];
        out.push(s.word.as_str());
        out.extend(s.alternatives.iter().map(String::as_str));
        out.extend(plan.spans.iter().filter(|sp| sp.start <= i && i < sp.start + sp.len).map(|sp| sp.term.as_str()));
    }
    out
}

/// Every hit with its score, fewest missing slots first, then best score
/// (ties: smaller ord first).
pub fn evaluate(plan: &Plan, map: &PostingMap) -> Vec<Scored> {
    if plan.slots.is_empty() {
        return Vec::new();
    }
    let w = weights(plan, map);
    let mut candidates = BTreeSet::new();
    for t in candidate_terms(plan, &w) {
        if let Some(p) = map.terms.get(t) {
            candidates.extend(p.keys().copied());
        }
    }
    let mut out: Vec<Scored> = candidates
        .into_iter()
        .filter_map(|doc| score(plan, &w, map, doc).map(|(score, missing)| Scored { doc, score, missing }))
        .collect();
    out.sort_by(|a, b| a.missing.len().cmp(&b.missing.len()).then(b.score.cmp(&a.score)).then(a.doc.cmp(&b.doc)));
    out
}

/// Loads the postings of every term and pair the plan needs.
pub fn load_postings(view: &IndexView, plan: &Plan) -> Result<PostingMap, SearchError> {
    let mut map = PostingMap { records: view.num_docs() as u64, ..PostingMap::default() };
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

/// The terms an excerpt marks for this plan: every word (but the optional
/// ones), alternative and span, and the exact form of each word typed with
/// diacritics.
pub fn excerpt_terms(plan: &Plan) -> (HashSet<&str>, HashMap<&str, &str>) {
    let mut terms: HashSet<&str> = HashSet::new();
    let mut exact: HashMap<&str, &str> = HashMap::new();
    for s in plan.slots.iter().filter(|s| !s.optional) {
        terms.insert(&s.word);
        terms.extend(s.alternatives.iter().map(String::as_str));
        if let Some(e) = &s.exact {
            exact.insert(&s.word, e);
        }
    }
    terms.extend(plan.spans.iter().map(|s| s.term.as_str()));
    (terms, exact)
}

/// Parses `q`, rewrites what the vocabulary lacks, and resolves the plan.
pub fn plan(analyzer: &mut TextAnalyzer, q: &str, vocab: &[String], mode: Mode) -> Plan {
    let mut plan = parse(analyzer, q);
    if let Some(again) = rewrite(&plan, q, vocab) {
        plan = parse(analyzer, &again);
    }
    resolve(&mut plan, vocab, mode);
    plan
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
    if parse(&mut analyzer, q).slots.is_empty() {
        return Ok(Vec::new());
    }
    let vocab = vocabulary(view.terms()?);
    let plan = plan(&mut analyzer, q, &vocab, mode);
    let map = load_postings(view, &plan)?;
    let (terms, exact) = excerpt_terms(&plan);
    let mut hits = Vec::new();
    for scored in evaluate(&plan, &map) {
        if hits.len() >= limit {
            break;
        }
        let doc = view.doc(scored.doc)?;
        if !passes(&mut analyzer, filters, &doc) {
            continue;
        }
        let (text, highlights) = excerpt::excerpt(&mut analyzer, &terms, &exact, &doc);
        hits.push(Hit {
            url: doc.url,
            title: doc.title,
            kind: doc.kind,
            date: doc.date,
            year: doc.year,
            score: scored.score,
            excerpt: text,
            highlights,
            missing: scored.missing.iter().map(|&i| plan.slots[i].display().to_string()).collect(),
        });
    }
    Ok(hits)
}
