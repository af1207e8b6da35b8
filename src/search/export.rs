//! The static index for the browser: small JSON files named by their content
//! hash, so a file never changes name unless its content does and every file
//! can be cached forever.
//!
//! ```text
//! _search/meta.<hash>.json      the entry: analyzer tables, scoring parameters,
//!                               vocabulary, the hashes of the term buckets and
//!                               store chunks, facet labels and columns
//! _search/t.<n>.<hash>.json     term bucket n: {key: postings} for the keys
//!                               whose FNV-1a hash is n modulo the bucket count
//! _search/d.<n>.<hash>.json     store chunk n: url, title, kind, date, text
//! ```
//!
//! A first query costs two fetch rounds after the page has loaded: the page
//! preloads the meta file; round 1 fetches the buckets of the query's words,
//! exact forms, typo/prefix alternatives and spans (known from the
//! vocabulary) and of its adjacent word pairs; round 2 fetches the store
//! chunks of the visible hits.
//!
//! **Keys** are vocabulary words and spans (`tin`, `dtts`, `263/kh-ubnd`),
//! exact forms (`=tín`) and pairs (`uy tin`, see [`super::index::PAIRS`]).
//! Buckets are found by hashing the key, so pairs and exact forms need no
//! listing. **Postings** are a base64 string of bytes: the records, either
//! as gaps (`0`, count, first ord, then differences, all LEB128) or as a
//! bitset when denser (`1`, first ord, byte count, bits, least significant
//! first); then, except for pairs, one impact level per record
//! ([`super::impact`]). Hashes in the meta file are concatenated 6-digit
//! hex strings (the file's number is in its name, so two files never share
//! a name). Everything is sorted; the same records give byte-identical files.

use rayon::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::analyzer::{Glossary, Tables};
use super::excerpt::{LEAD, WINDOW};
use super::impact::RATIO_PER_MILLE;
use super::query::{vocabulary, MAX_PREFIXES, MAX_QUERY_CHARS, MAX_SLOTS, MIN_PREFIX_CHARS, MIN_TYPO_CHARS, PROXIMITY};
use super::view::{IndexView, Posting};
use super::{SearchDoc, SearchError, SearchExport, SearchStats};

/// Folder of the search files inside the output.
pub const DIR: &str = "_search";
/// Target size of a term bucket (encoded postings, before gzip): the number
/// of buckets is the total size over this.
pub const BUCKET_BYTES: usize = 6_000;
/// Most store chunks; chunks grow with the site beyond this.
pub const MAX_STORE_FILES: usize = 1_250;
/// Characters of text (summary, else body) kept for excerpts in the browser.
pub const TEXT_CHARS: usize = 240;
/// Version of the file format.
pub const FORMAT: u32 = 2;
/// Hex digits of the hash in bucket and chunk names (and in the meta file's lists).
pub const SHORT_HASH: usize = 6;
/// The 64 characters of facet column codes.
pub const CODES: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Hex content hash used in file names.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// 32-bit FNV-1a of the UTF-8 bytes of `key`: which bucket holds it.
pub fn fnv1a(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn leb128(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Encodes ascending record ords, as gaps or as a bitset, whichever is shorter.
pub fn encode_docs(docs: &[u32]) -> Vec<u8> {
    let mut gaps = vec![0u8];
    leb128(&mut gaps, docs.len() as u32);
    let mut last = 0;
    for (i, &d) in docs.iter().enumerate() {
        leb128(&mut gaps, if i == 0 { d } else { d - last });
        last = d;
    }
    let (Some(&first), Some(&end)) = (docs.first(), docs.last()) else {
        return gaps;
    };
    let nbytes = ((end - first) / 8 + 1) as usize;
    if nbytes + 3 >= gaps.len() {
        return gaps;
    }
    let mut bits = vec![1u8];
    leb128(&mut bits, first);
    leb128(&mut bits, nbytes as u32);
    let at = bits.len();
    bits.resize(at + nbytes, 0);
    for &d in docs {
        let k = (d - first) as usize;
        bits[at + k / 8] |= 1 << (k % 8);
    }
    if bits.len() < gaps.len() {
        bits
    } else {
        gaps
    }
}

/// Encodes a term's postings: records, then one impact level each.
pub fn encode_postings(postings: &[Posting]) -> Vec<u8> {
    let docs: Vec<u32> = postings.iter().map(|p| p.doc).collect();
    let mut out = encode_docs(&docs);
    out.extend(postings.iter().map(|p| p.level));
    out
}

/// Standard base64 without padding.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n =
            (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..=c.len() {
            out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

fn char_prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The JSON of one store record: url, title, kind, date, excerpt text.
fn store_record(d: &SearchDoc) -> Value {
    let summary = d.summary.trim();
    let text = char_prefix(if summary.is_empty() { d.body.trim() } else { summary }, TEXT_CHARS);
    json!([d.url, d.title, d.kind, d.date.clone().unwrap_or_default(), text])
}

/// A fixed-width code of `v` in a column of values below `n`.
fn code(out: &mut String, v: usize, n: usize) {
    let mut width = 1;
    while 64usize.pow(width) < n {
        width += 1;
    }
    for k in (0..width).rev() {
        out.push(CODES[v / 64usize.pow(k) % 64] as char);
    }
}

fn labels(mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.sort();
    v.dedup_by(|a, b| a.0 == b.0);
    v
}

/// Facet labels and columns: for each record, in ord order, a fixed-width
/// code (0 = none, i + 1 = the i-th label; year: year − first year + 1);
/// campaigns list any number of codes per record, records separated by `.`.
fn facets(docs: &[SearchDoc]) -> Value {
    let mut kinds: Vec<String> = docs.iter().map(|d| d.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let campaigns = labels(docs.iter().flat_map(|d| d.campaigns.clone()).collect());
    let eth = labels(docs.iter().filter_map(|d| d.ethnicity.clone()).collect());
    let dis = labels(docs.iter().filter_map(|d| d.district.clone()).collect());
    let years: Vec<i32> = docs.iter().filter_map(|d| d.year).collect();
    let first_year = years.iter().min().copied().unwrap_or(0);
    let last_year = years.iter().max().copied().unwrap_or(0);
    let pos = |list: &[(String, String)], p: &Option<(String, String)>| {
        p.as_ref().and_then(|p| list.iter().position(|x| x.0 == p.0)).map_or(0, |i| i + 1)
    };
    let (mut kind, mut year, mut district, mut ethnicity) =
        (String::new(), String::new(), String::new(), String::new());
    let mut campaign = Vec::new();
    for d in docs {
        code(&mut kind, kinds.iter().position(|k| *k == d.kind).map_or(0, |i| i + 1), kinds.len() + 1);
        let y = d.year.map_or(0, |y| (y - first_year + 1) as usize);
        code(&mut year, y, (last_year - first_year + 2) as usize);
        code(&mut district, pos(&dis, &d.district), dis.len() + 1);
        code(&mut ethnicity, pos(&eth, &d.ethnicity), eth.len() + 1);
        let mut c = String::new();
        for p in &d.campaigns {
            if let Some(i) = campaigns.iter().position(|x| x.0 == p.0) {
                code(&mut c, i + 1, campaigns.len() + 1);
            }
        }
        campaign.push(c);
    }
    json!({
        "kinds": kinds, "campaigns": campaigns, "ethnicities": eth, "districts": dis, "firstYear": first_year,
        "lastYear": last_year,
        "cols": { "kind": kind, "year": year, "district": district, "ethnicity": ethnicity, "campaign": campaign.join(".") },
    })
}

/// A bucket or chunk file: `_search/<prefix>.<n>.<short hash>.json`; returns the short hash too.
fn numbered(prefix: &str, n: usize, bytes: Vec<u8>) -> (String, String, Vec<u8>) {
    let hash = content_hash(&bytes)[..SHORT_HASH].to_string();
    (hash.clone(), format!("{DIR}/{prefix}.{n}.{hash}.json"), bytes)
}

/// Sorts the files and writes a file once when it appears twice with the
/// same content. A real name collision (same name, different bytes) is kept,
/// for the output stage to report.
fn unique_files(mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    files.sort();
    files.dedup();
    files
}

/// Every key with its encoded postings: words and spans, exact forms, pairs.
fn entries(view: &IndexView, all: &[String]) -> Result<Vec<(String, String)>, SearchError> {
    let mut out: Vec<(String, String)> = all
        .par_iter()
        .map(|t| Ok((t.clone(), base64(&encode_postings(&view.postings(t)?)))))
        .collect::<Result<_, SearchError>>()?;
    view.for_each_pair(|key, docs| out.push((key.to_string(), base64(&encode_docs(docs)))))?;
    Ok(out)
}

/// Exports the static index from the view of the records `docs` (in ord order).
pub fn export(view: &IndexView, docs: &[SearchDoc], glossary: &Glossary) -> Result<SearchExport, SearchError> {
    let all = view.terms()?;
    let entries = entries(view, &all)?;
    let total: usize = entries.iter().map(|(k, v)| k.len() + v.len() + 6).sum();
    let nb = total.div_ceil(BUCKET_BYTES).max(1);
    let mut buckets: Vec<serde_json::Map<String, Value>> = vec![serde_json::Map::new(); nb];
    for (k, v) in entries {
        buckets[fnv1a(&k) as usize % nb].insert(k, Value::String(v));
    }
    let mut files = Vec::new();
    let mut term_hashes = String::new();
    for (n, b) in buckets.into_iter().enumerate() {
        let (hash, path, bytes) = numbered("t", n, serde_json::to_vec(&b).unwrap_or_default());
        term_hashes.push_str(&hash);
        files.push((path, bytes));
    }
    let chunk = docs.len().div_ceil(MAX_STORE_FILES).max(1);
    let mut store = String::new();
    for (n, records) in docs.chunks(chunk).enumerate() {
        let arr: Vec<Value> = records.iter().map(store_record).collect();
        let (hash, path, bytes) = numbered("d", n, serde_json::to_vec(&arr).unwrap_or_default());
        store.push_str(&hash);
        files.push((path, bytes));
    }
    let vocab = vocabulary(all);
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
            "impactRatio": RATIO_PER_MILLE,
            "window": WINDOW,
            "lead": LEAD,
        },
        "vocab": vocab,
        "terms": term_hashes,
        "facets": facets(docs),
        "store": { "chunk": chunk, "files": store },
    });
    let meta_bytes = serde_json::to_vec(&meta).unwrap_or_default();
    let meta_path = format!("{DIR}/meta.{}.json", content_hash(&meta_bytes));
    let entry = format!("/{meta_path}");
    files.push((meta_path, meta_bytes));
    let files = unique_files(files);
    let stats = SearchStats {
        docs: docs.len(),
        terms: vocab.len(),
        shards: nb,
        bytes: files.iter().map(|(_, b)| b.len()).sum(),
    };
    Ok(SearchExport { files, entry, stats })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_listed_twice_is_written_once() {
        let a = numbered("t", 3, b"{}".to_vec());
        let files = vec![(a.1.clone(), a.2.clone()), (a.1.clone(), a.2.clone())];
        assert_eq!(unique_files(files).len(), 1);
    }

    #[test]
    fn a_true_name_collision_is_kept_for_the_output_stage_to_report() {
        let files =
            vec![("_search/t.x.json".to_string(), b"a".to_vec()), ("_search/t.x.json".to_string(), b"b".to_vec())];
        assert_eq!(unique_files(files).len(), 2);
    }

    #[test]
    fn sparse_records_are_gaps_dense_ones_a_bitset() {
        assert_eq!(encode_docs(&[2, 5, 300]), [0, 3, 2, 3, 0xa7, 0x02]);
        let dense: Vec<u32> = (10..40).filter(|d| d % 3 != 0).collect();
        let enc = encode_docs(&dense);
        assert_eq!(&enc[..3], &[1, 10, 4]);
        assert_eq!(enc[3], 0b1101_1011);
        assert_eq!(encode_docs(&[]), [0, 0]);
    }

    #[test]
    fn postings_carry_one_level_per_record() {
        let p = [Posting { doc: 1, level: 9 }, Posting { doc: 4, level: 200 }];
        assert_eq!(encode_postings(&p), [0, 2, 1, 3, 9, 200]);
    }

    #[test]
    fn base64_matches_the_standard_alphabet_unpadded() {
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE");
        assert_eq!(base64(b"M"), "TQ");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8");
    }

    #[test]
    fn fnv1a_is_the_standard_32_bit_hash() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn codes_widen_with_the_number_of_values() {
        let mut s = String::new();
        code(&mut s, 5, 10);
        code(&mut s, 65, 100);
        assert_eq!(s, "511");
    }

    #[test]
    fn hash_is_short_hex() {
        let h = content_hash(b"abc");
        assert_eq!(h.len(), 10);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
