//! The browser index format as types: what the meta file, the facets file
//! and the store chunks hold, written by [`super::export`] and read back by
//! its tests. `search.js` reads the same fields.
//!
//! serde writes a struct's fields in the order they are declared; the fields
//! are declared in alphabetical order, the order in which the files have
//! always listed their keys, so the files keep their bytes (and hashes).
//! Postings and buckets are strings and maps of strings ([`super::encode`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::search::analyzer::Tables;

/// The entry file, `_search/meta.<hash>.json`: what a first query needs
/// before it fetches the postings of its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Meta {
    /// Name of the facets file in the index folder, `f.<hash>.json`.
    pub(crate) facets: String,
    /// Version of the format ([`super::FORMAT`]).
    pub(crate) format: u32,
    /// Scoring and parsing parameters, the same constants `thidua search` uses.
    pub(crate) params: Params,
    /// Number of records.
    pub(crate) records: usize,
    /// Where the result data of a record is.
    pub(crate) store: Store,
    /// The analyzer's tables.
    pub(crate) tables: Tables,
    /// The buckets and large postings of each class of keys, by prefix
    /// (`t` words and spans, `p` pairs, `x` exact forms; see [`super::CLASSES`]).
    pub(crate) terms: BTreeMap<String, TermClass>,
    /// Every term of letters only, sorted.
    pub(crate) vocab: Vec<String>,
}

/// The query constants the client needs (see `search::query`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Params {
    /// Numbered files sharing one hash ([`super::GROUP`]).
    pub(crate) group: usize,
    /// Share of the query's information a partial hit must hold, per mille.
    pub(crate) hold_per_mille: u64,
    /// Ratio between neighbouring impact levels, per mille.
    pub(crate) impact_ratio: u64,
    /// Characters of an excerpt before its first match.
    pub(crate) lead: usize,
    /// Most prefix alternatives of the last word while typing.
    pub(crate) max_prefixes: usize,
    /// Longest query read, in characters.
    pub(crate) max_query_chars: usize,
    /// Most words a query can have.
    pub(crate) max_slots: usize,
    /// Shortest word with prefix alternatives.
    pub(crate) min_prefix_chars: usize,
    /// Shortest word with typo alternatives.
    pub(crate) min_typo_chars: usize,
    /// Question phrases, folded.
    pub(crate) optional_pairs: Vec<String>,
    /// Question and function words typed without diacritics.
    pub(crate) optional_plain: Vec<String>,
    /// Question and function words typed with diacritics.
    pub(crate) optional_words: Vec<String>,
    /// Bonus for neighbouring query words side by side in a record.
    pub(crate) proximity: u64,
    /// Length of an excerpt, in characters.
    pub(crate) window: usize,
}

/// One class of keys: its buckets and the keys with files of their own.
/// Written as an array, `[buckets, named, heavy, flags, count]`, to keep the
/// meta file small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TermClassArray", into = "TermClassArray")]
pub(crate) struct TermClass {
    /// The hashes of the bucket files, one of [`super::SHORT_HASH`] hex
    /// digits for each group of [`super::GROUP`] buckets, concatenated.
    pub(crate) buckets: String,
    /// Keys with files of their own that are not in the vocabulary, one a
    /// line, in the order of their files after the vocabulary's.
    pub(crate) named: String,
    /// The hashes of the files of large postings (`<class>h.<i>.<hash>.json`), as `buckets`.
    pub(crate) heavy: String,
    /// Which vocabulary words have files of their own: a bit per word,
    /// six a base64 digit (empty when none has).
    pub(crate) flags: String,
    /// Number of buckets: a key is in bucket `fnv1a(key) % count`.
    pub(crate) count: usize,
}

type TermClassArray = (String, String, String, String, usize);

impl From<TermClassArray> for TermClass {
    fn from((buckets, named, heavy, flags, count): TermClassArray) -> Self {
        TermClass { buckets, named, heavy, flags, count }
    }
}

impl From<TermClass> for TermClassArray {
    fn from(c: TermClass) -> Self {
        (c.buckets, c.named, c.heavy, c.flags, c.count)
    }
}

/// The store chunks: record `ord` is entry `ord % chunk` of chunk `ord / chunk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Store {
    /// Records a chunk.
    pub(crate) chunk: usize,
    /// The chunks' group hashes, as [`TermClass::buckets`].
    pub(crate) files: String,
    /// Chunks sharing one hash ([`super::STORE_GROUP`]).
    pub(crate) group: usize,
}

/// One record of a store chunk, written as an array `[url, title, kind, date, text]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoreArray", into = "StoreArray")]
pub(crate) struct StoreRecord {
    /// Site path.
    pub(crate) url: String,
    pub(crate) title: String,
    pub(crate) kind: String,
    /// Date, empty when none.
    pub(crate) date: String,
    /// The first characters of the summary, else of the body ([`super::TEXT_CHARS`]).
    pub(crate) text: String,
}

type StoreArray = (String, String, String, String, String);

impl From<StoreArray> for StoreRecord {
    fn from((url, title, kind, date, text): StoreArray) -> Self {
        StoreRecord { url, title, kind, date, text }
    }
}

impl From<StoreRecord> for StoreArray {
    fn from(r: StoreRecord) -> Self {
        (r.url, r.title, r.kind, r.date, r.text)
    }
}

/// The facets file, `_search/f.<hash>.json`: labels and one column a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Facets {
    /// (slug, title) of every campaign, sorted.
    pub(crate) campaigns: Vec<(String, String)>,
    pub(crate) cols: Columns,
    /// (slug, name) of every district, sorted.
    pub(crate) districts: Vec<(String, String)>,
    /// (slug, name) of every ethnicity, sorted.
    pub(crate) ethnicities: Vec<(String, String)>,
    /// The first year of a record (0 when none has one).
    pub(crate) first_year: i32,
    /// Every kind, sorted.
    pub(crate) kinds: Vec<String>,
    /// The last year of a record.
    pub(crate) last_year: i32,
}

/// Facet columns (see [`super::facets`]): a fixed-width code a record for
/// one-valued facets, lists of records for campaigns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Columns {
    /// For each campaign, its records as gaps, separated by `,`.
    pub(crate) campaign: String,
    /// District codes.
    pub(crate) district: String,
    /// Ethnicity codes.
    pub(crate) ethnicity: String,
    /// Kind codes.
    pub(crate) kind: String,
    /// Year codes (year − first year + 1).
    pub(crate) year: String,
}
