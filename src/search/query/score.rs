//! Scoring with integers only: the information weight of each slot, graded
//! matching, the best cover of the slots by words or spans, and the
//! proximity bonus. See [`super`].

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::{Plan, Slot, HOLD_PER_MILLE, PROXIMITY};
use crate::search::index::pair_term;
use crate::search::view::IndexView;
use crate::search::{impact, SearchError};

/// What scoring reads: impact values by term and record, the records of
/// each adjacent pair, and the number of records.
#[derive(Debug, Clone, Default)]
pub(crate) struct PostingMap {
    /// Term → record → impact value.
    pub(crate) terms: HashMap<String, BTreeMap<u32, u64>>,
    /// Pair term (`"uy tin"`) → records where the two words are adjacent.
    pub(crate) pairs: HashMap<String, HashSet<u32>>,
    /// Records in the index.
    pub(crate) records: u64,
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
pub(crate) fn information(df: u64, records: u64) -> u64 {
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
pub(crate) struct Weights {
    /// The slot's exact form is required.
    pub(crate) strict: Vec<bool>,
    /// Information weight of each slot.
    pub(crate) weight: Vec<u64>,
    /// The site lacks the slot's word as typed: no record has it (nor an
    /// alternative or span over it) and it is no typo of a vocabulary word,
    /// or it was typed with diacritics that no record writes. Such a slot
    /// weighs as much as all the others together, so a record lacking it
    /// is never a partial hit, and one holding it through another spelling
    /// only in a full match.
    pub(crate) uncovered: Vec<bool>,
}

/// The [`Weights`] of the plan's slots over the loaded postings.
pub(crate) fn weights(plan: &Plan, map: &PostingMap) -> Weights {
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
        // A typo no record holds in any form (`near`, not an alternative) says nothing of the
        // topic: it weighs nothing, so it never keeps the other words' records out.
        w.weight.push(if s.optional || (df == 0 && s.near) { 0 } else { information(df, map.records) });
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
pub(crate) struct Scored {
    /// The record's ord.
    pub(crate) doc: u32,
    pub(crate) score: u64,
    /// The content slots the record does not hold.
    pub(crate) missing: Vec<usize>,
}

/// The score of one record and the content slots it lacks, or `None` when
/// it is no hit.
pub(crate) fn score(plan: &Plan, w: &Weights, map: &PostingMap, doc: u32) -> Option<(u64, Vec<usize>)> {
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
pub(crate) fn evaluate(plan: &Plan, map: &PostingMap) -> Vec<Scored> {
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
pub(crate) fn load_postings(view: &IndexView, plan: &Plan) -> Result<PostingMap, SearchError> {
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
