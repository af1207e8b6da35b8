//! Search over the demo portal: the relevance set (recall@5 and MRR), the
//! search page, and the static index files.

use std::path::{Path, PathBuf};
use thidua::build::BuildOptions;
use thidua::config::Overrides;
use thidua::search::{self, Filters};

/// One query of `tests/fixtures/search/relevance.json`.
#[derive(serde::Deserialize)]
struct Case {
    kind: String,
    q: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    none: bool,
    #[serde(default)]
    not: Vec<String>,
}

#[derive(serde::Deserialize)]
struct RelevanceSet {
    queries: Vec<Case>,
}

fn relevance_set() -> Vec<Case> {
    let path = super::fixtures().join("search/relevance.json");
    let text = std::fs::read_to_string(&path).expect("relevance set");
    serde_json::from_str::<RelevanceSet>(&text).expect("relevance json").queries
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the demo portal into a temporary output folder.
fn build_demo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let output = tmp.path().join("public");
    let opts = BuildOptions {
        root: repo(),
        overrides: Overrides { output: Some(output.clone()), ..Overrides::default() },
        future: false,
    };
    thidua::build::run(&opts).expect("the demo builds");
    (tmp, output)
}

/// The score of one case: (found in top 5, reciprocal rank in the top 10).
fn judge(case: &Case, urls: &[String]) -> (bool, f64) {
    if case.none {
        let ok = urls.is_empty();
        return (ok, f64::from(u8::from(ok)));
    }
    if !case.not.is_empty() && urls.iter().take(5).any(|u| case.not.contains(u)) {
        return (false, 0.0);
    }
    if case.expect.is_empty() {
        return (true, 1.0);
    }
    match urls.iter().position(|u| case.expect.contains(u)) {
        Some(rank) => (rank < 5, 1.0 / (rank as f64 + 1.0)),
        None => (false, 0.0),
    }
}

/// Recall@5 and MRR of one kind of queries (or all).
#[derive(Default)]
struct Tally {
    n: usize,
    found: f64,
    rr: f64,
}

impl Tally {
    fn add(&mut self, ok: bool, rr: f64) {
        self.n += 1;
        self.found += f64::from(u8::from(ok));
        self.rr += rr;
    }
    fn recall(&self) -> f64 {
        self.found / self.n.max(1) as f64
    }
    fn mrr(&self) -> f64 {
        self.rr / self.n.max(1) as f64
    }
}

/// Every query of the relevance set, scored per kind: recall@5 and MRR
/// (over the top 10). Fails under 0.9 overall or 0.8 in any kind; a
/// negative query ("none") counts as found when nothing is returned.
#[test]
fn relevance_set_over_the_demo_portal() {
    let (_tmp, output) = build_demo();
    let dir = search::tantivy_dir_for(&output);
    let cases = relevance_set();
    assert!(cases.len() >= 40, "the relevance set has {} queries", cases.len());
    let mut all = Tally::default();
    let mut kinds: std::collections::BTreeMap<&str, Tally> = Default::default();
    let mut failures = Vec::new();
    for case in &cases {
        let hits = search::query(&dir, &case.q, &Filters::default(), 10).expect("query");
        let urls: Vec<String> = hits.into_iter().map(|h| h.url).collect();
        let (ok, r) = judge(case, &urls);
        all.add(ok, r);
        kinds.entry(case.kind.as_str()).or_default().add(ok, r);
        if !ok || r < 1.0 {
            let top: Vec<&String> = urls.iter().take(5).collect();
            failures.push(format!("[{}] {:?} → {top:?} (rr {r:.2})", case.kind, case.q));
        }
    }
    eprintln!("relevance: {} queries, recall@5 {:.3}, MRR {:.3}", all.n, all.recall(), all.mrr());
    let mut weak = Vec::new();
    for (kind, t) in &kinds {
        eprintln!("  {kind:<16} {:>3} queries  recall@5 {:.3}  MRR {:.3}", t.n, t.recall(), t.mrr());
        if t.recall() < 0.8 || t.mrr() < 0.8 {
            weak.push(format!("{kind}: recall@5 {:.3}, MRR {:.3}", t.recall(), t.mrr()));
        }
    }
    for f in &failures {
        eprintln!("  {f}");
    }
    assert!(all.recall() >= 0.9, "recall@5 {:.3} < 0.9: {failures:#?}", all.recall());
    assert!(all.mrr() >= 0.9, "MRR {:.3} < 0.9: {failures:#?}", all.mrr());
    assert!(weak.is_empty(), "kinds under 0.8: {weak:?}\n{failures:#?}");
}

#[test]
fn search_page_and_static_index() {
    let (_tmp, output) = build_demo();
    let html = std::fs::read_to_string(output.join("tim-kiem/index.html")).expect("search page");
    let doc = scraper::Html::parse_document(&html);
    let entry = super::attrs(&doc, "#search-app", "data-index");
    assert_eq!(entry.len(), 1, "the page names its index");
    assert!(entry[0].starts_with("/_search/meta."), "{entry:?}");
    assert!(output.join(entry[0].trim_start_matches('/')).is_file(), "the entry file exists");
    assert_eq!(super::attrs(&doc, "ol#search-results", "id").len(), 1);
    // The analyzer, the scoring and the engine first, then the page that drives them (deferred
    // scripts run in order).
    let scripts: Vec<String> =
        super::attrs(&doc, "script[src]", "src").into_iter().filter(|s| s.contains("js/search")).collect();
    let order = ["js/search-text.js", "js/search-query.js", "js/search-engine.js", "js/search.js"];
    assert!(scripts.len() == order.len() && scripts.iter().zip(order).all(|(s, o)| s.ends_with(o)), "{scripts:?}");
    for file in order.iter().copied().chain(["css/search.css"]) {
        assert!(output.join(file).is_file(), "{file}");
    }
    let noscript_links = super::attrs(&doc, "noscript a", "href");
    assert!(noscript_links.is_empty() || noscript_links.iter().all(|h| h.starts_with('/')));
    assert!(html.contains("<noscript>"), "a no-JavaScript fallback");
    // Few or no results: the script shows did-you-mean and the query without blocking words in this
    // list, above links to browse the sections (rendered here, hidden until then).
    assert_eq!(super::attrs(&doc, "#search-suggest[hidden] ul#search-suggest-list", "id").len(), 1);
    let sections = super::attrs(&doc, "#search-suggest nav a", "href");
    assert!(sections.iter().any(|h| h.ends_with("/phong-trao/")) && sections.len() >= 4, "{sections:?}");
    assert_eq!(super::attrs(&doc, "#search-q", "maxlength"), ["400"], "32 words fit");
}

#[test]
fn static_index_is_deterministic() {
    let (_a, out_a) = build_demo();
    let (_b, out_b) = build_demo();
    assert_eq!(super::snapshot(&out_a.join("_search")), super::snapshot(&out_b.join("_search")));
}

#[test]
fn cli_json_has_the_contract_fields() {
    let (_tmp, output) = build_demo();
    let bin = env!("CARGO_BIN_EXE_thidua");
    let out = std::process::Command::new(bin)
        .args(["search", "--json", "--limit", "3", "--output"])
        .arg(&output)
        .args(["--kind", "person", "nguoi", "co", "uy", "tin"])
        .output()
        .expect("run thidua search");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    assert!(!hits.is_empty());
    for h in &hits {
        for key in ["url", "title", "kind", "score", "excerpt", "missing"] {
            assert!(h.get(key).is_some(), "{key} in {h}");
        }
        assert_eq!(h["kind"], "person");
        assert!(h["missing"].is_array(), "{h}");
    }
    let missing = std::process::Command::new(bin)
        .args(["search", "--output"])
        .arg(Path::new(&output).join("nowhere"))
        .arg("x")
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("thidua build"));
}

fn urls_and_missing(dir: &Path, q: &str) -> Vec<(String, Vec<String>)> {
    let hits = search::query(dir, q, &Filters::default(), 10).expect("query");
    hits.into_iter().map(|h| (h.url, h.missing)).collect()
}

/// A word the site lacks as typed (`chiếu`: the site writes only `chiều`,
/// `chiêu`) is information the site does not have: no partial hit rests on
/// the other words, while a wrong tone mark in a query the site otherwise
/// holds in full still finds it, a typo of a short word still counts as one,
/// and question phrases (`bao nhiêu`) stay optional.
#[test]
fn a_word_the_site_lacks_leaves_no_partial_hits() {
    let (_tmp, output) = build_demo();
    let dir = search::tantivy_dir_for(&output);
    assert_eq!(urls_and_missing(&dir, "thủ tục cấp hộ chiếu"), vec![], "a topic the site does not cover");
    assert_eq!(urls_and_missing(&dir, "tôi muốn biết giá vàng"), vec![]);
    let tone = urls_and_missing(&dir, "văn hóa công sớ");
    assert!(tone.iter().take(3).any(|(u, m)| u == "/phong-trao/van-hoa-cong-so/" && m.is_empty()), "{tone:?}");
    let typo = urls_and_missing(&dir, "tiem vac sin");
    assert!(typo.iter().take(5).any(|(u, _)| u == "/tin-tuc/gia-lang-van-dong-tiem-vac-xin/"), "{typo:?}");
    let question = urls_and_missing(&dir, "bao nhiêu hộ thoát nghèo");
    assert!(question.iter().all(|(_, m)| !m.iter().any(|w| w == "bao" || w == "nhiêu")), "{question:?}");
    assert_eq!(question.first(), urls_and_missing(&dir, "hộ thoát nghèo").first(), "the question phrase is optional");
}
