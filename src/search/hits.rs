//! From a query to the hits `thidua search` shows: the plan evaluated on the
//! index ([`query`]), the filters, each hit's excerpt ([`excerpt`]) and the
//! query words it lacks.

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use super::analyzer::{self, classify, Glossary, TokenClass};
use super::excerpt::{self, excerpt_terms};
use super::query::{self, Mode};
use super::view::IndexView;
use super::{SearchDoc, SearchError};

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
    pub(crate) year: Option<i32>,
    /// The integer score.
    pub score: u64,
    /// A short passage of the record.
    pub excerpt: String,
    /// Matched words in the excerpt, as [start, end) character offsets.
    pub highlights: Vec<(usize, usize)>,
    /// The query words the record lacks (empty for a full match).
    pub missing: Vec<String>,
}

/// The key that matches every spelling of a facet value (`S'tiêng`,
/// `stieng`, `Xtiêng` → `xtieng`; `Chơ-ro` → `choro`).
pub(crate) fn facet_key(analyzer: &mut TextAnalyzer, value: &str) -> String {
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
pub(crate) fn passes(analyzer: &mut TextAnalyzer, filters: &Filters, doc: &SearchDoc) -> bool {
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
pub(crate) fn run(
    view: &IndexView,
    glossary: &Glossary,
    q: &str,
    filters: &Filters,
    limit: usize,
    mode: Mode,
) -> Result<Vec<Hit>, SearchError> {
    let mut analyzer = analyzer::analyzer(glossary);
    if query::parse(&mut analyzer, q).slots.is_empty() {
        return Ok(Vec::new());
    }
    let vocab = query::vocabulary(view.terms()?);
    let plan = query::plan(&mut analyzer, q, &vocab, mode);
    let map = query::load_postings(view, &plan)?;
    let (terms, exact) = excerpt_terms(&plan);
    let mut hits = Vec::new();
    for scored in query::evaluate(&plan, &map) {
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
