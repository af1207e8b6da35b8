//! Parsing a query into slots and spans, rewriting the words the site
//! never writes, and resolving the plan against the vocabulary (optional
//! words, joined spans, typo and prefix alternatives). See [`super`].

use std::collections::BTreeSet;

use tantivy::tokenizer::TextAnalyzer;

use super::{
    MAX_PREFIXES, MAX_QUERY_CHARS, MAX_SLOTS, MIN_PREFIX_CHARS, MIN_TYPO_CHARS, OPTIONAL_PAIRS, OPTIONAL_PLAIN,
    OPTIONAL_WORDS,
};
use crate::search::analyzer::{self, classify, fold, TokenClass, EXACT_PREFIX};
use crate::search::decode;
use crate::search::index::pair_term;

/// Complete queries (the CLI, a page opened with `?q=`) or queries being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The query is complete: no prefix matching.
    Complete,
    /// The reader is still typing the last word.
    Typing,
}

/// One query word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slot {
    /// Folded word.
    pub(crate) word: String,
    /// `=` + exact form, when typed with diacritics.
    pub(crate) exact: Option<String>,
    /// Inside a quoted phrase.
    pub(crate) quoted: bool,
    /// Typo or prefix alternatives (scored at half).
    pub(crate) alternatives: Vec<String>,
    /// A question or function word: never excludes a record.
    pub(crate) optional: bool,
    /// A word of letters, with a vowel, too short for typo alternatives that
    /// a vocabulary word is one typo away from: a typo, not a topic the site
    /// lacks (it weighs nothing when no record holds it in any form).
    pub(crate) near: bool,
    /// Byte range of the word in the query.
    pub(crate) range: (usize, usize),
}

impl Slot {
    /// The word as the reader sees it: with diacritics when typed so.
    pub(crate) fn display(&self) -> &str {
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
    pub(crate) term: String,
    /// A vocabulary word that joins the slots' words (`k bret` → `kbret`).
    pub(crate) joined: bool,
}

/// A parsed (and later resolved) query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The words.
    pub slots: Vec<Slot>,
    /// Span alternatives.
    pub spans: Vec<Span>,
    /// Quoted phrases as slot ranges [start, end).
    pub(crate) phrases: Vec<(usize, usize)>,
    /// The query ends inside its last word (no trailing space or quote).
    pub(crate) open_end: bool,
}

impl Plan {
    /// Every term whose postings the plan needs.
    /// Optional words need none of their own: they count only inside spans.
    pub(crate) fn terms(&self) -> BTreeSet<String> {
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
    pub(super) fn covering(&self, k: usize) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |s| !s.joined && s.start <= k && k + 1 < s.start + s.len)
    }

    /// The joined spans covering the neighbouring slots `k` and `k + 1`.
    pub(super) fn joining(&self, k: usize) -> impl Iterator<Item = &Span> {
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
    pub(crate) fn pair_slots(&self) -> Vec<usize> {
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
pub(crate) fn one_typo(a: &str, b: &str) -> bool {
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
/// no vocabulary word is one typo away, two vocabulary words joined, as a
/// quoted phrase (`kbret` → `"k bret"`). `None` when nothing is replaced.
pub(crate) fn rewrite(plan: &Plan, q: &str, vocab: &[String]) -> Option<String> {
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
    // quoted: the two words stand side by side where they stand for the
    // joined word (`kbret` → `"k bret"`, written "K'Brết"); apart, they are
    // two other words (`visa` is not `vi` … `sa`), and a site that never
    // writes them together lacks what was asked
    (1..w.len()).find(|&i| known(&w[..i]) && known(&w[i..])).map(|i| format!("\"{} {}\"", &w[..i], &w[i..]))
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
        let unknown = !known(&slot.word) && is_letters(&slot.word);
        let long = slot.word.len() >= MIN_TYPO_CHARS;
        // A long word gets every vocabulary word one typo away; a word one letter shorter, with
        // a vowel, only the words one letter longer (a letter dropped, the commonest slip: `cog`
        // → `cong`; without a vowel, the vowel is what is missing, and any would do). A short
        // word with a vowel and a near word is a typo; without a vowel, a fragment or an
        // abbreviation the site lacks (`chn`).
        let vowel = slot.word.bytes().any(|b| b"aeiouy".contains(&b));
        if unknown && (long || (slot.word.len() + 1 == MIN_TYPO_CHARS && vowel)) {
            slot.alternatives = vocab
                .iter()
                .filter(|t| is_letters(t) && (long || t.len() == slot.word.len() + 1) && one_typo(&slot.word, t))
                .cloned()
                .collect();
        }
        if unknown && !long && vowel {
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

/// Parses `q`, rewrites what the vocabulary lacks, and resolves the plan.
pub(crate) fn plan(analyzer: &mut TextAnalyzer, q: &str, vocab: &[String], mode: Mode) -> Plan {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Glossary;

    fn resolved(q: &str, vocab: &[&str]) -> Plan {
        let glossary = Glossary::default_theme().unwrap();
        let vocab: Vec<String> = vocab.iter().map(|w| w.to_string()).collect();
        plan(&mut analyzer::analyzer(&glossary), q, &vocab, Mode::Complete)
    }

    #[test]
    fn a_three_letter_word_lacking_a_letter_gets_the_longer_words_only() {
        let p = resolved("cog so", &["co", "cog", "con", "cong", "coi", "so"]);
        assert!(p.slots[0].alternatives.is_empty(), "cog is a vocabulary word here");
        let p = resolved("cog so", &["co", "con", "cong", "coi", "so"]);
        assert_eq!(p.slots[0].alternatives, ["cong"], "not co, con or coi: a letter was dropped");
        assert!(p.slots[0].near);
        // Without a vowel, the vowel is what is missing: no alternative, and no typo.
        let p = resolved("chn", &["chan", "chin", "chon"]);
        assert!(p.slots[0].alternatives.is_empty() && !p.slots[0].near);
        // Four letters and more: every word one typo away.
        let p = resolved("truog", &["trung", "truong", "tuong"]);
        assert_eq!(p.slots[0].alternatives, ["trung", "truong"]);
    }
}
