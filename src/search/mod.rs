//! Search: one Vietnamese analyzer, a tantivy index, a static index for the
//! browser — and the same answers from all of them.
//!
//! - [`analyzer`] is the one analyzer (a tantivy `TextAnalyzer` made of small
//!   filters) for indexing and for queries; its tables are plain data.
//! - [`index`] analyzes the records (in parallel) and writes them into a
//!   tantivy index kept beside the output (see [`tantivy_dir_for`]): one text
//!   field per weight class, and a field of adjacent word pairs. No positions.
//! - [`view`] reads that index back as *impacts*: for every term and record,
//!   the BM25 score of each field (tantivy's own `Bm25Weight`) times the
//!   field's weight, summed, rounded and stored as a one-byte level
//!   ([`impact`]); and, for every pair, the records where it occurs.
//! - [`query`] parses a query into slots (one per word, with its exact form,
//!   its typo and prefix alternatives and the glossary spans over it),
//!   rewrites words the site never writes (Telex/VNI left-overs decoded by
//!   [`decode`], names split in two), and scores records with integers only:
//!   graded matching (question words optional, a record lacking content
//!   words is a hit only when what it holds carries most of the query's
//!   information, and says what it lacks), the best cover of the slots by
//!   words or spans, plus a bonus for neighbouring query words that are
//!   adjacent pairs in the record; quoted phrases need all their pairs.
//! - [`hits`] runs a query on the index for `thidua search`: the filters,
//!   each hit's excerpt ([`excerpt`]) and the query words it lacks.
//! - [`export`] writes the same levels and pairs, the vocabulary, the facets
//!   and the analyzer's tables as small content-hashed JSON files;
//!   `search.js` runs the same query algorithm over them, so `thidua search`
//!   and the browser agree.
//!
//! Integer impact levels are what make the agreement exact: no floating point
//! is computed after the build, in Rust or in JavaScript.

pub mod analyzer;
pub(crate) mod decode;
pub mod excerpt;
pub(crate) mod export;
pub(crate) mod hits;
pub(crate) mod impact;
pub(crate) mod index;
pub mod query;
pub(crate) mod view;

#[cfg(test)]
mod index_tests;
#[cfg(test)]
mod reader_tests;

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub use analyzer::Glossary;
pub use hits::{Filters, Hit};

/// One record as search sees it. Built by the pipeline from the validated site model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// Site path without base path, e.g. "/van-ban/ke-hoach-263/".
    pub url: String,
    /// The record's title.
    pub title: String,
    /// "campaign" | "person" | "news" | "document" | "page".
    pub kind: String,
    /// "2022-09-16" or partial "2022-02" / "2022".
    pub date: Option<String>,
    /// The year the record belongs to.
    pub year: Option<i32>,
    /// The summary.
    pub summary: String,
    /// Plain text of the rendered Markdown.
    pub body: String,
    /// Document số ký hiệu, e.g. "263/KH-UBND".
    pub number: Option<String>,
    /// High-weight extra fields: role, award, commune, doc_type, issuer, signer…
    pub names: Vec<String>,
    /// (slug, title) of related campaigns (a campaign lists itself).
    pub campaigns: Vec<(String, String)>,
    /// (slug, canonical name), e.g. ("xtieng", "Xtiêng").
    pub ethnicity: Option<(String, String)>,
    /// (slug, name).
    pub district: Option<(String, String)>,
    /// Tags.
    pub tags: Vec<String>,
    /// A campaign's indicators as text (name, target, periods and values),
    /// searched with the body.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<String>,
}

/// What [`build`] produced for the output folder.
#[derive(Debug, Clone)]
pub struct SearchExport {
    /// Paths relative to the output root, e.g. "_search/t.3f2a9c01ab.json", and contents.
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// Site path of the file the client loads first, e.g. "/_search/meta.ab12cd34ef.json".
    pub(crate) entry: String,
}

/// What can go wrong in search.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The glossary file is not valid.
    #[error("{}", crate::t!("search-err-glossary", path = path.display().to_string(), message = message.as_str()))]
    Glossary {
        /// The glossary file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// tantivy failed.
    #[error("{}", crate::t!("search-err-index", path = path.display().to_string(), detail = source.to_string()))]
    Tantivy {
        /// The index folder.
        path: PathBuf,
        /// The cause.
        source: tantivy::TantivyError,
    },
    /// There is no index to search (no build yet).
    #[error("{}", crate::t!("search-err-no-index", path = path.display().to_string()))]
    NoIndex {
        /// Where the index was expected.
        path: PathBuf,
    },
    /// The index was written by another version or is damaged.
    #[error("{}", crate::t!("search-err-damaged", path = path.display().to_string(), message = message.as_str()))]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl SearchError {
    pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SearchError + '_ {
        move |source| SearchError::Io { path: path.to_path_buf(), source }
    }

    pub(crate) fn tantivy(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> SearchError + '_ {
        move |source| SearchError::Tantivy { path: path.to_path_buf(), source }
    }
}

/// The sort key of [`record_order`].
pub(crate) type RecordKey = (String, Vec<String>, Option<i32>, Option<String>, Option<String>, String);

/// The order of records, which numbers them (`ord`): by their facets (kind,
/// campaigns, year, district, ethnicity), then URL. Records with the same
/// facets sit together, so the browser's facet columns are long runs that
/// gzip to little, and equal scores go to the smaller ord.
pub(crate) fn record_order(d: &SearchDoc) -> RecordKey {
    let slug = |p: &Option<(String, String)>| p.as_ref().map(|p| p.0.clone());
    let campaigns: Vec<String> = d.campaigns.iter().map(|c| c.0.clone()).collect();
    (d.kind.clone(), campaigns, d.year, slug(&d.district), slug(&d.ethnicity), d.url.clone())
}

/// Indexes the docs with tantivy into `tantivy_dir` (replacing what is there)
/// and exports the static browser index.
/// The documents are taken, not borrowed: they are sorted in place rather
/// than copied (every caller builds them for this call only).
pub fn build(docs: Vec<SearchDoc>, glossary: &Glossary, tantivy_dir: &Path) -> Result<SearchExport, SearchError> {
    index(docs, glossary, tantivy_dir)?.export(glossary)
}

/// A tantivy index written by [`index`], with its documents, not exported yet.
pub(crate) struct Indexed {
    index: tantivy::Index,
    dir: PathBuf,
    docs: Vec<SearchDoc>,
}

/// The first half of [`build`]: indexes the docs with tantivy into
/// `tantivy_dir` (replacing what is there). The build runs it beside the
/// rendering and exports afterwards, when the pages' memory is freed.
pub(crate) fn index(mut docs: Vec<SearchDoc>, glossary: &Glossary, tantivy_dir: &Path) -> Result<Indexed, SearchError> {
    docs.sort_by_cached_key(record_order);
    let index = index::write(&docs, glossary, tantivy_dir)?;
    Ok(Indexed { index, dir: tantivy_dir.to_path_buf(), docs })
}

impl Indexed {
    /// The second half of [`build`]: the static browser index.
    pub(crate) fn export(self, glossary: &Glossary) -> Result<SearchExport, SearchError> {
        let view = view::IndexView::new(&self.index, &self.dir)?;
        export::export(&view, &self.docs, glossary)
    }
}

/// Loads the site glossary: `<root>/glossary.toml` if it exists, else the
/// theme's (`<theme_dir>/glossary.toml`), else the default theme's built in.
pub(crate) fn load_glossary(root: &Path, theme_dir: Option<&Path>) -> Result<Glossary, SearchError> {
    let candidates = [Some(root.join("glossary.toml")), theme_dir.map(|d| d.join("glossary.toml"))];
    let allowed = crate::content::confine::real_dirs([Some(root), theme_dir].into_iter().flatten());
    for path in candidates.into_iter().flatten() {
        // A glossary linked from outside the site is not read (it is published in the search files).
        if let Err(crate::content::confine::Escape::Outside(target)) = crate::content::confine::resolve(&path, &allowed)
        {
            return Err(SearchError::io(&path)(std::io::Error::other(format!(
                "liên kết tượng trưng trỏ ra ngoài thư mục trang, tới `{}`: không đọc; chép tệp thật vào thư mục trang",
                target.display()
            ))));
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => return Glossary::from_toml(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(SearchError::io(&path)(e)),
        }
    }
    Glossary::default_theme()
}

/// Answers a query from the tantivy index the last build wrote.
pub fn query(tantivy_dir: &Path, q: &str, filters: &Filters, limit: usize) -> Result<Vec<Hit>, SearchError> {
    let (index, glossary) = index::open(tantivy_dir).map_err(as_damaged)?;
    // tantivy trusts its files: a damaged one can make it panic deep inside
    // (a slice out of bounds). That is a damaged index, not a crash.
    let answer = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let view = view::IndexView::new(&index, tantivy_dir)?;
        hits::run(&view, &glossary, q, filters, limit, query::Mode::Complete)
    }));
    let answer = answer.map(|r| r.map_err(as_damaged));
    answer.unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("a file could not be read");
        Err(SearchError::Damaged { path: tantivy_dir.to_path_buf(), message: message.to_owned() })
    })
}

/// An error met while reading a built index: tantivy's (a file it cannot
/// decode) and unreadable data mean the index is damaged, and rebuilding fixes it.
fn as_damaged(e: SearchError) -> SearchError {
    use std::io::ErrorKind::{InvalidData, UnexpectedEof};
    match e {
        SearchError::Tantivy { path, source } => SearchError::Damaged { path, message: source.to_string() },
        SearchError::Io { path, source } if matches!(source.kind(), InvalidData | UnexpectedEof) => {
            SearchError::Damaged { path, message: source.to_string() }
        }
        other => other,
    }
}

/// Where the tantivy index of an output folder lives:
/// `<parent of output>/.thidua-cache/search-<output folder name>`, outside the
/// output so that the output stays byte-deterministic and deployable.
pub fn tantivy_dir_for(output: &Path) -> PathBuf {
    crate::cache::CacheDir::beside(output).build_search(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tantivy_dir_is_beside_the_output() {
        assert_eq!(tantivy_dir_for(Path::new("/site/public")), Path::new("/site/.thidua-cache/search-public"));
    }

    #[test]
    fn site_glossary_wins_over_theme() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("glossary.toml"), "abbreviations = [[\"XYZ\", \"xa yen zui\"]]").unwrap();
        let g = load_glossary(dir.path(), None).unwrap();
        assert_eq!(g.entries().len(), 1);
        let empty = tempfile::tempdir().unwrap();
        let g = load_glossary(empty.path(), Some(empty.path())).unwrap();
        assert!(g.entries().len() > 20, "falls back to the built-in default");
    }
}
