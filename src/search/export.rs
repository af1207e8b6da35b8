//! The static index for the browser: small JSON files named by their content
//! hash, so a file never changes name unless its content does and every file
//! can be cached forever.
//!
//! ```text
//! _search/meta.<hash>.json   the entry: analyzer tables, scoring parameters,
//!                            vocabulary, shard map, facets of every record,
//!                            store map
//! _search/t.<hash>.json      a term shard: postings of a run of vocabulary words
//! _search/d.<hash>.json      a store chunk: url, title, kind, date, text of records
//! ```
//!
//! A first query costs two fetch rounds after the page has loaded: the page
//! preloads the meta file; round 1 fetches the term shards of the query's
//! words (and of their typo/prefix alternatives, known from the vocabulary);
//! round 2 fetches the store chunks of the visible hits.
//!
//! A term entry is a flat integer array — for each record: ord delta, impact,
//! number of positions, position deltas — followed, when the word was written
//! with diacritics, by an object mapping each exact form (`=tiến`) to its own
//! array of (ord delta, impact). Everything is sorted; the same records give
//! byte-identical files.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::analyzer::{fold, Glossary, Tables, EXACT_PREFIX};
use super::excerpt::{LEAD, WINDOW};
use super::query::{
    vocabulary, MAX_DISTANCE, MAX_PREFIXES, MAX_QUERY_CHARS, MAX_SLOTS, MIN_PREFIX_CHARS, MIN_TYPO_CHARS, PROXIMITY,
};
use super::view::{IndexView, Posting};
use super::{SearchDoc, SearchError, SearchExport, SearchStats};

/// Folder of the search files inside the output.
pub const DIR: &str = "_search";
/// A term shard is closed once its JSON reaches this many bytes.
pub const SHARD_BYTES: usize = 8_000;
/// Most records per store chunk list entries in the meta file (chunks grow
/// with the site so that the meta file stays small).
pub const MAX_STORE_FILES: usize = 512;
/// Characters of summary kept for excerpts in the browser.
pub const SUMMARY_CHARS: usize = 240;
/// Characters of summary and body together kept for excerpts.
pub const TEXT_CHARS: usize = 400;
/// Version of the file format.
pub const FORMAT: u32 = 1;

/// Hex content hash used in file names.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

fn named(prefix: &str, bytes: Vec<u8>) -> (String, String, Vec<u8>) {
    let hash = content_hash(&bytes);
    (hash.clone(), format!("{DIR}/{prefix}.{hash}.json"), bytes)
}

/// Encodes postings as a flat array: ord delta, impact, [count, position deltas].
pub fn encode(postings: &[Posting], with_positions: bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut last_doc = 0;
    for p in postings {
        out.push(p.doc - last_doc);
        last_doc = p.doc;
        out.push(p.impact);
        if with_positions {
            out.push(p.positions.len() as u32);
            let mut last = 0;
            for &pos in &p.positions {
                out.push(pos - last);
                last = pos;
            }
        }
    }
    out
}

fn char_prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The JSON of one store record: url, title, kind, date, summary, body head.
fn store_record(d: &SearchDoc) -> Value {
    let summary = char_prefix(d.summary.trim(), SUMMARY_CHARS);
    let body = char_prefix(d.body.trim(), TEXT_CHARS.saturating_sub(summary.chars().count()));
    json!([d.url, d.title, d.kind, d.date.clone().unwrap_or_default(), summary, body])
}

/// Facet labels and each record's facets as indices.
#[derive(Serialize, Default)]
struct Facets {
    kinds: Vec<String>,
    campaigns: Vec<(String, String)>,
    ethnicities: Vec<(String, String)>,
    districts: Vec<(String, String)>,
}

fn index_of<T: PartialEq + Clone>(list: &mut Vec<T>, item: &T) -> usize {
    if let Some(i) = list.iter().position(|x| x == item) {
        return i;
    }
    list.push(item.clone());
    list.len() - 1
}

fn facets(docs: &[SearchDoc]) -> (Facets, Vec<Value>) {
    let mut f = Facets::default();
    // Collect the labels first, sorted, so indices do not depend on record order.
    let mut kinds: Vec<String> = docs.iter().map(|d| d.kind.clone()).collect();
    let mut campaigns: Vec<(String, String)> = docs.iter().flat_map(|d| d.campaigns.clone()).collect();
    let mut eth: Vec<(String, String)> = docs.iter().filter_map(|d| d.ethnicity.clone()).collect();
    let mut dis: Vec<(String, String)> = docs.iter().filter_map(|d| d.district.clone()).collect();
    for v in [&mut campaigns, &mut eth, &mut dis] {
        v.sort();
        v.dedup_by(|a, b| a.0 == b.0);
    }
    kinds.sort();
    kinds.dedup();
    (f.kinds, f.campaigns, f.ethnicities, f.districts) = (kinds, campaigns, eth, dis);
    let rows = docs
        .iter()
        .map(|d| {
            let opt = |list: &mut Vec<(String, String)>, p: &Option<(String, String)>| -> i64 {
                p.as_ref().and_then(|p| list.iter().position(|x| x.0 == p.0)).map_or(-1, |i| i as i64)
            };
            let cs: Vec<usize> =
                d.campaigns.iter().filter_map(|c| f.campaigns.iter().position(|x| x.0 == c.0)).collect();
            json!([
                index_of(&mut f.kinds, &d.kind),
                d.year.unwrap_or(0),
                opt(&mut f.districts, &d.district),
                opt(&mut f.ethnicities, &d.ethnicity),
                cs
            ])
        })
        .collect();
    (f, rows)
}

/// The JSON entry of one vocabulary word.
fn term_entry(postings: &[Posting], variants: &BTreeMap<String, Vec<Posting>>) -> Value {
    let mut arr: Vec<Value> = encode(postings, true).into_iter().map(Value::from).collect();
    if !variants.is_empty() {
        let obj: serde_json::Map<String, Value> =
            variants.iter().map(|(k, v)| (k.clone(), json!(encode(v, false)))).collect();
        arr.push(Value::Object(obj));
    }
    Value::Array(arr)
}

/// Sorts the files and writes a content-hashed file once when two shards
/// have the same content (and so the same name): on large sites, two runs of
/// rare words can encode to identical postings. A real hash collision
/// (same name, different bytes) is kept, for the output stage to report.
fn unique_files(mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    files.sort();
    files.dedup();
    files
}

/// Exports the static index from the view of the records `docs` (in ord order).
pub fn export(view: &IndexView, docs: &[SearchDoc], glossary: &Glossary) -> Result<SearchExport, SearchError> {
    let all = view.terms()?;
    let mut variants: BTreeMap<String, BTreeMap<String, Vec<Posting>>> = BTreeMap::new();
    for t in all.iter().filter(|t| t.starts_with(EXACT_PREFIX)) {
        let word = fold::fold(&t[EXACT_PREFIX.len_utf8()..]);
        variants.entry(word).or_default().insert(t.clone(), view.postings(t)?);
    }
    let vocab = vocabulary(all);
    let mut files = Vec::new();
    let mut shards: Vec<(usize, String)> = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    let mut current_start = 0;
    let mut current_bytes = 0;
    let empty = BTreeMap::new();
    for (i, term) in vocab.iter().enumerate() {
        let entry = term_entry(&view.postings(term)?, variants.get(term).unwrap_or(&empty));
        current_bytes += entry.to_string().len() + 1;
        current.push(entry);
        if current_bytes >= SHARD_BYTES || i + 1 == vocab.len() {
            let bytes = serde_json::to_vec(&current).unwrap_or_default();
            let (hash, path, bytes) = named("t", bytes);
            shards.push((current_start, hash));
            files.push((path, bytes));
            current.clear();
            current_bytes = 0;
            current_start = i + 1;
        }
    }
    let chunk = docs.len().div_ceil(MAX_STORE_FILES).max(1);
    let mut store = Vec::new();
    for records in docs.chunks(chunk) {
        let arr: Vec<Value> = records.iter().map(store_record).collect();
        let (hash, path, bytes) = named("d", serde_json::to_vec(&arr).unwrap_or_default());
        store.push(hash);
        files.push((path, bytes));
    }
    let (facet_labels, rows) = facets(docs);
    let meta = json!({
        "format": FORMAT,
        "tables": Tables::new(glossary),
        "params": {
            "maxQueryChars": MAX_QUERY_CHARS,
            "maxSlots": MAX_SLOTS,
            "maxPrefixes": MAX_PREFIXES,
            "minPrefixChars": MIN_PREFIX_CHARS,
            "minTypoChars": MIN_TYPO_CHARS,
            "proximity": PROXIMITY,
            "maxDistance": MAX_DISTANCE,
            "window": WINDOW,
            "lead": LEAD,
        },
        "vocab": vocab,
        "shards": shards,
        "facets": facet_labels,
        "docs": rows,
        "store": { "chunk": chunk, "files": store },
    });
    let (_, meta_path, meta_bytes) = named("meta", serde_json::to_vec(&meta).unwrap_or_default());
    let entry = format!("/{meta_path}");
    files.push((meta_path, meta_bytes));
    let files = unique_files(files);
    let stats = SearchStats {
        docs: docs.len(),
        terms: vocab.len(),
        shards: shards.len(),
        bytes: files.iter().map(|(_, b)| b.len()).sum(),
    };
    Ok(SearchExport { files, entry, stats })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_shards_are_written_once_regression_10000_records() {
        // A generated 10,000-record site failed to build with "two files would be
        // written to _search/t.<hash>.json": two term shards had the same content.
        let shard = named("t", b"[[0,5,1,3]]".to_vec());
        let other = named("t", b"[[1,5,1,3]]".to_vec());
        let files = vec![
            (shard.1.clone(), shard.2.clone()),
            (other.1.clone(), other.2.clone()),
            (shard.1.clone(), shard.2.clone()),
        ];
        let out = unique_files(files);
        assert_eq!(out.len(), 2);
        assert!(out.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_true_name_collision_is_kept_for_the_output_stage_to_report() {
        let files =
            vec![("_search/t.x.json".to_string(), b"a".to_vec()), ("_search/t.x.json".to_string(), b"b".to_vec())];
        assert_eq!(unique_files(files).len(), 2);
    }

    #[test]
    fn encodes_deltas() {
        let p = vec![
            Posting { doc: 2, impact: 10, positions: vec![3, 7] },
            Posting { doc: 5, impact: 4, positions: vec![40_001] },
        ];
        assert_eq!(encode(&p, true), [2, 10, 2, 3, 4, 3, 4, 1, 40_001]);
        assert_eq!(encode(&p, false), [2, 10, 3, 4]);
    }

    #[test]
    fn hash_is_short_hex() {
        let h = content_hash(b"abc");
        assert_eq!(h.len(), 10);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
