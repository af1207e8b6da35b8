//! Excerpts: a short passage of a record around its first match, with the
//! matched words as character ranges (the caller decides how to mark them;
//! nothing here produces HTML).

use std::collections::{HashMap, HashSet};

use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{self, classify, TokenClass, EXACT_PREFIX};
use super::query::Plan;
use super::SearchDoc;

/// Length of an excerpt, in characters.
pub(crate) const WINDOW: usize = 180;
/// Characters kept before the first match.
pub(crate) const LEAD: usize = 50;

/// Byte ranges in `text` of the words and spans in `terms`. A word typed
/// with diacritics (`exact`: folded word → `=` + its exact form) is marked
/// where the text writes it so; only when the text never does, its other
/// spellings are (`đua` marks `đua`, not `đưa`, unless there is no `đua`).
pub(crate) fn matches(
    analyzer: &mut TextAnalyzer,
    text: &str,
    terms: &HashSet<&str>,
    exact: &HashMap<&str, &str>,
) -> Vec<(usize, usize)> {
    let toks = analyzer::tokens(analyzer, text);
    let classes = classify(&toks);
    let mut typed: HashSet<&str> = HashSet::new();
    let mut found: Vec<(usize, usize, &str, bool)> = Vec::new();
    for (i, (t, c)) in toks.iter().zip(&classes).enumerate() {
        if *c == TokenClass::Exact || !terms.contains(t.text.as_str()) {
            continue;
        }
        let as_typed = *c == TokenClass::Word
            && exact.get(t.text.as_str()).is_some_and(|want| {
                // The word's exact form follows it at the same position.
                let mut same_place = toks[i + 1..].iter().take_while(|n| n.position == t.position);
                same_place.find(|n| n.text.starts_with(EXACT_PREFIX)).is_some_and(|form| form.text == *want)
            });
        if as_typed {
            typed.insert(&t.text);
        }
        found.push((t.offset_from, t.offset_to, &t.text, as_typed));
    }
    let mut out: Vec<(usize, usize)> = found
        .into_iter()
        .filter(|&(_, _, w, as_typed)| as_typed || !typed.contains(w))
        .map(|(a, b, _, _)| (a, b))
        .collect();
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
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

/// The excerpt of `doc` marking `terms` (with `exact`, as in [`matches`];
/// [`excerpt_terms`] makes both from a query), with highlighted
/// character ranges.
pub fn excerpt(
    analyzer: &mut TextAnalyzer,
    terms: &HashSet<&str>,
    exact: &HashMap<&str, &str>,
    doc: &SearchDoc,
) -> (String, Vec<(usize, usize)>) {
    let sources = [doc.summary.as_str(), doc.body.as_str()];
    for text in sources {
        let found = matches(analyzer, text, terms, exact);
        if !found.is_empty() {
            return window(text, &found);
        }
    }
    let text = sources.into_iter().find(|t| !t.trim().is_empty()).unwrap_or("");
    window(text, &[])
}

/// Cuts `text` to about [`WINDOW`] characters around the first byte range.
pub(crate) fn window(text: &str, ranges: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|&(i, _)| i < byte);
    let first = ranges.first().map_or(0, |r| char_at(r.0));
    let mut start = first.saturating_sub(LEAD);
    if start > 0 {
        while start < first && !chars[start - 1].1.is_whitespace() {
            start += 1;
        }
    }
    let mut end = (start + WINDOW).min(chars.len());
    if end < chars.len() {
        let mut e = end;
        while e > first + 1 && !chars[e].1.is_whitespace() {
            e -= 1;
        }
        if e > start {
            end = e;
        }
    }
    let mut out = String::new();
    let lead = usize::from(start > 0);
    if start > 0 {
        out.push('…');
    }
    out.extend(chars[start..end].iter().map(|&(_, c)| c));
    let out = out.trim_end().to_string();
    let len = out.chars().count();
    let mut out = out;
    if end < chars.len() {
        out.push('…');
    }
    let highlights = ranges
        .iter()
        .map(|&(a, b)| (char_at(a), char_at(b)))
        .filter(|&(a, b)| a >= start && b <= end)
        .map(|(a, b)| (a - start + lead, (b - start + lead).min(len)))
        .collect();
    (out, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_folded_matches() {
        let g = analyzer::Glossary::default_theme().unwrap();
        let mut a = analyzer::analyzer(&g);
        let terms: HashSet<&str> = ["tien"].into_iter().collect();
        let text = "Điển hình tiên tiến";
        let got = matches(&mut a, text, &terms, &HashMap::new());
        let words: Vec<&str> = got.iter().map(|&(x, y)| &text[x..y]).collect();
        assert_eq!(words, ["tiên", "tiến"]);
    }

    #[test]
    fn a_word_typed_with_diacritics_marks_its_own_spelling_when_the_text_has_it() {
        let g = analyzer::Glossary::default_theme().unwrap();
        let mut a = analyzer::analyzer(&g);
        let terms: HashSet<&str> = ["dua", "thi"].into_iter().collect();
        let exact: HashMap<&str, &str> = [("dua", "=đua")].into_iter().collect();
        let marked = |a: &mut TextAnalyzer, text: &str| -> Vec<String> {
            matches(a, text, &terms, &exact).iter().map(|&(x, y)| text[x..y].to_string()).collect()
        };
        assert_eq!(marked(&mut a, "Thi đua để đưa nhanh vốn; Thi Đua"), ["Thi", "đua", "Thi", "Đua"]);
        // No "đua" in the text: its other spellings are what matched, so they are marked.
        assert_eq!(marked(&mut a, "đưa thi"), ["đưa", "thi"]);
    }

    #[test]
    fn window_cuts_long_text_at_words() {
        let text = format!("{} Người có uy tín {}", "mở đầu ".repeat(40), "kết ".repeat(80));
        let pos = text.find("uy").unwrap();
        let (ex, hl) = window(&text, &[(pos, pos + 2)]);
        assert!(ex.starts_with('…') && ex.ends_with('…'), "{ex}");
        let chars: Vec<char> = ex.chars().collect();
        let (a, b) = hl[0];
        assert_eq!(chars[a..b].iter().collect::<String>(), "uy");
        assert!(ex.chars().count() <= WINDOW + 2);
    }

    #[test]
    fn short_text_is_whole() {
        let (ex, hl) = window("Ngắn thôi", &[]);
        assert_eq!((ex.as_str(), hl.len()), ("Ngắn thôi", 0));
    }
}
