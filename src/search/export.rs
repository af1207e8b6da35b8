//! The static index for the browser: small JSON files named by their content
//! hash, so a file never changes name unless its content does and every file
//! can be cached forever.
//!
//! ```text
//! _search/meta.<hash>.json      the entry: analyzer tables, scoring parameters,
//!                               vocabulary, the hashes of the term buckets and
//!                               store chunks, the record count, the facets file
//! _search/f.<hash>.json         facet labels and columns (fetched when filters are used)
//! _search/t.<n>.<hash>.json     word bucket n: {key: postings} for the words
//!                               and spans whose FNV-1a hash is n modulo the
//!                               bucket count; p.… pairs, x.… exact forms
//! _search/th.<i>.<hash>.json    the i-th large postings of words (ph.… pairs)
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
//! exact forms (`=tín`; [`SAME_AS_WORD`] when the word is always written so)
//! and pairs (`uy tin`, see [`super::index::PAIRS`]).
//! Buckets are found by hashing the key, so pairs and exact forms need no
//! listing. **Postings** are a string: the records as gaps or as a bitset
//! in base64 digits ([`encode_docs`]); then, for words and spans, the impact
//! levels ([`super::impact`]) as characters ([`encode_postings`]). An exact
//! form, always fetched with its word, is only the places in the word's
//! postings where the word is written so (0 = its first record), encoded as
//! records are: it scores as its word does ([`super::view`]), and a set
//! within a set costs a few bits a record at most. Both are
//! written so that gzip sees whole symbols (a digit, a level), not bytes cut
//! across characters. Hashes in the meta file are concatenated 6-digit
//! hex strings, one for each group of [`GROUP`] numbered files (see
//! [`numbered`]; the file's number is in its name, so two files never share
//! a name). Everything is sorted; the same records give byte-identical files.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::analyzer::{fold, Glossary, Tables, EXACT_PREFIX};
use super::excerpt::{LEAD, WINDOW};
use super::impact::RATIO_PER_MILLE;
use super::query::{
    vocabulary, HOLD_PER_MILLE, MAX_PREFIXES, MAX_QUERY_CHARS, MAX_SLOTS, MIN_PREFIX_CHARS, MIN_TYPO_CHARS,
    OPTIONAL_PAIRS, OPTIONAL_PLAIN, OPTIONAL_WORDS, PROXIMITY,
};
use super::view::{IndexView, Posting};
use super::{SearchDoc, SearchError, SearchExport, SearchStats};

/// Folder of the search files inside the output.
pub const DIR: &str = "_search";
/// The three classes of keys, each hashed into its own buckets: file
/// prefix, how many keys of the class a typical query fetches (words and
/// spans: 4–5; pairs: 2–3; exact forms: one a word, in queries typed with
/// diacritics), and from how many characters a key's postings get a file of
/// their own.
///
/// A key with a file of its own, `<class>h.<i>.<hash>.json`, is listed in the
/// meta file (a vocabulary word by a bit over the vocabulary, other keys by
/// name; then its hash), instead of weighing on every query that fetches its
/// bucket. On the 5,000-record site the words' large postings are 94% of
/// their bytes. Pairs and exact forms are not in the vocabulary, so each
/// listed one costs every query its name and hash. Pairs are only records
/// and compress well: below [`HEAVY_PAIR_CHARS`] they are cheaper in their
/// buckets (measured in Chromium on the 5,000-record site: 2.5–3 KB less for
/// most queries, none of whose pairs then has a file of its own).
pub const CLASSES: [(&str, usize, usize); 3] =
    [("t", 5, HEAVY_CHARS), ("p", 3, HEAVY_PAIR_CHARS), ("x", 3, HEAVY_CHARS)];

/// From this many characters, the postings of a word, span or exact form get a file of their own.
pub const HEAVY_CHARS: usize = 500;

/// From this many characters, the records of a pair get a file of their own.
pub const HEAVY_PAIR_CHARS: usize = 1_000;

/// How many buckets a class of `bytes` encoded postings gets: about
/// √(bytes · fetched · [`GROUP`] / 10). A query pays the hash list (≈3 bytes
/// gzip a group of [`GROUP`] buckets) plus, per fetched bucket, the other
/// keys sharing it (≈0.3 · bytes / n once gzipped): the sum is smallest near
/// this n, and grows with the square root of the site.
pub fn bucket_count(bytes: usize, fetched: usize) -> usize {
    ((bytes * fetched * GROUP / 10) as f64).sqrt().ceil().max(1.0) as usize
}
/// Most store chunks; chunks grow with the site beyond this.
pub const MAX_STORE_FILES: usize = 1_250;
/// Characters of text (summary, else body) kept for excerpts in the browser.
pub const TEXT_CHARS: usize = 240;
/// Version of the file format.
pub const FORMAT: u32 = 3;
/// Hex digits of the hash in bucket and chunk names (and in the meta file's lists).
pub const SHORT_HASH: usize = 6;
/// Numbered files sharing one hash in their names (see [`numbered`]).
pub const GROUP: usize = 16;
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

/// The 64 digits of base64, also used for variable-length numbers.
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/// Impact level `q` is written as the character U+0100 + q.
pub const LEVEL_BASE: u32 = 0x100;

/// A number as base64 digits of 5 bits, least significant first, the sixth
/// bit saying "more follows" (as in source maps).
fn vlq(out: &mut String, mut v: u32) {
    loop {
        let digit = v & 31;
        v >>= 5;
        out.push(B64[(digit | if v > 0 { 32 } else { 0 }) as usize] as char);
        if v == 0 {
            break;
        }
    }
}

/// Encodes ascending record ords, as gaps or as a bitset, whichever is
/// shorter: `0`, count, first ord, differences (numbers as [`vlq`]); or `1`,
/// first ord, number of digits, then base64 digits of 6 bits each (bit i of
/// digit j is record first + 6j + i).
pub fn encode_docs(docs: &[u32]) -> String {
    let mut gaps = String::new();
    vlq(&mut gaps, 0);
    vlq(&mut gaps, docs.len() as u32);
    let mut last = 0;
    for (i, &d) in docs.iter().enumerate() {
        vlq(&mut gaps, if i == 0 { d } else { d - last });
        last = d;
    }
    let (Some(&first), Some(&end)) = (docs.first(), docs.last()) else {
        return gaps;
    };
    let ndigits = (end - first) / 6 + 1;
    if ndigits as usize >= gaps.len() {
        return gaps;
    }
    let mut digits = vec![0u8; ndigits as usize];
    for &d in docs {
        let k = (d - first) as usize;
        digits[k / 6] |= 1 << (k % 6);
    }
    let mut bits = String::new();
    vlq(&mut bits, 1);
    vlq(&mut bits, first);
    vlq(&mut bits, ndigits);
    bits.extend(digits.iter().map(|&d| B64[d as usize] as char));
    if bits.len() < gaps.len() {
        bits
    } else {
        gaps
    }
}

/// Encodes a term's postings: the records, then their impact levels as
/// characters (U+0100 + level): one such character when all are equal; two
/// (low, high) and then the places of the high ones among the records
/// ([`encode_docs`], so ASCII) when there are two levels, as for a word in
/// most records, whose levels are otherwise written a character a record
/// (gzip cannot write a symbol in less than a bit); else one a record.
pub fn encode_postings(postings: &[Posting]) -> String {
    let docs: Vec<u32> = postings.iter().map(|p| p.doc).collect();
    let mut out = encode_docs(&docs);
    let level = |l: u8| char::from_u32(LEVEL_BASE + u32::from(l)).unwrap_or('?');
    let Some(first) = postings.first().map(|p| p.level) else { return out };
    let Some(other) = postings.iter().map(|p| p.level).find(|&l| l != first) else {
        out.push(level(first));
        return out;
    };
    let (low, high) = (first.min(other), first.max(other));
    if postings.iter().all(|p| p.level == low || p.level == high) {
        let places: Vec<u32> =
            postings.iter().enumerate().filter(|(_, p)| p.level == high).map(|(k, _)| k as u32).collect();
        let two = encode_docs(&places);
        if two.len() + 2 < postings.len() {
            out.push(level(low));
            out.push(level(high));
            out.push_str(&two);
            return out;
        }
    }
    out.extend(postings.iter().map(|p| level(p.level)));
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
/// campaigns (any number per record) as one list of records per campaign,
/// in label order, each as [`vlq`] gaps (first ord + 1, then differences),
/// separated by `,`.
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
    let mut per_campaign: Vec<Vec<u32>> = vec![Vec::new(); campaigns.len()];
    for (ord, d) in docs.iter().enumerate() {
        code(&mut kind, kinds.iter().position(|k| *k == d.kind).map_or(0, |i| i + 1), kinds.len() + 1);
        let y = d.year.map_or(0, |y| (y - first_year + 1) as usize);
        code(&mut year, y, (last_year - first_year + 2) as usize);
        code(&mut district, pos(&dis, &d.district), dis.len() + 1);
        code(&mut ethnicity, pos(&eth, &d.ethnicity), eth.len() + 1);
        for p in &d.campaigns {
            if let Some(i) = campaigns.iter().position(|x| x.0 == p.0) {
                if per_campaign[i].last() != Some(&(ord as u32)) {
                    per_campaign[i].push(ord as u32);
                }
            }
        }
    }
    let campaign: Vec<String> = per_campaign
        .iter()
        .map(|ords| {
            let mut s = String::new();
            let mut last = -1i64;
            for &o in ords {
                vlq(&mut s, (i64::from(o) - last) as u32);
                last = i64::from(o);
            }
            s
        })
        .collect();
    json!({
        "kinds": kinds, "campaigns": campaigns, "ethnicities": eth, "districts": dis,
        "firstYear": first_year, "lastYear": last_year,
        "cols": {
            "kind": kind, "year": year, "district": district, "ethnicity": ethnicity, "campaign": campaign.join(","),
        },
    })
}

/// A bucket or chunk file: `_search/<prefix>.<n>.<short hash>.json`; returns the short hash too.
/// Names the numbered files of one list `<prefix>.<n>.<hash>.json`, where
/// `hash` is the content hash of the group of [`GROUP`] files holding file
/// `n`, adds them to `files` and returns the groups' hashes concatenated.
///
/// A name still changes whenever its file's content does (the group's hash
/// covers every file of the group, lengths included), so every file can be
/// cached forever; the meta file lists one hash a group instead of one a
/// file. A change to one file renames the other files of its group too,
/// which costs a returning reader a few small refetches.
fn numbered(prefix: &str, contents: Vec<Vec<u8>>, files: &mut Vec<(String, Vec<u8>)>) -> String {
    let mut hashes = String::new();
    let mut n = 0;
    let mut contents = contents.into_iter().peekable();
    while contents.peek().is_some() {
        let group: Vec<Vec<u8>> = contents.by_ref().take(GROUP).collect();
        let mut digest = Sha256::new();
        for c in &group {
            digest.update((c.len() as u64).to_le_bytes());
            digest.update(c);
        }
        let hash: String = digest.finalize().iter().take(SHORT_HASH.div_ceil(2)).map(|b| format!("{b:02x}")).collect();
        let hash = &hash[..SHORT_HASH];
        hashes.push_str(hash);
        for c in group {
            files.push((format!("{DIR}/{prefix}.{n}.{hash}.json"), c));
            n += 1;
        }
    }
    hashes
}

/// Sorts the files and writes a file once when it appears twice with the
/// same content. A real name collision (same name, different bytes) is kept,
/// for the output stage to report.
fn unique_files(mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    files.sort();
    files.dedup();
    files
}

/// Written instead of an exact form's postings when they equal those of its
/// folded word (the word is always fetched with it).
pub const SAME_AS_WORD: &str = "=";

/// The places in `postings` (ascending by record) of the records `subset`
/// (ascending, all among them).
fn within(postings: &[Posting], subset: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(subset.len());
    let mut k = 0;
    for &doc in subset {
        while k < postings.len() && postings[k].doc < doc {
            k += 1;
        }
        if k < postings.len() && postings[k].doc == doc {
            out.push(k as u32);
        }
    }
    out
}

/// Every key with its encoded postings, by class ([`CLASSES`]): words and
/// spans, pairs, exact forms.
fn entries(view: &IndexView, all: &[String]) -> Result<[Vec<(String, String)>; 3], SearchError> {
    let mut exact: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for t in all.iter().filter(|t| t.starts_with(EXACT_PREFIX)) {
        exact.entry(fold::fold(&t[EXACT_PREFIX.len_utf8()..])).or_default().push(t);
    }
    let words: Vec<&String> = all.iter().filter(|t| !t.starts_with(EXACT_PREFIX)).collect();
    let groups: Vec<Vec<(String, String)>> = words
        .par_iter()
        .map(|&w| {
            let postings = view.postings(w)?;
            let mut out = vec![(w.clone(), encode_postings(&postings))];
            for &e in exact.get(w).into_iter().flatten() {
                let written = view.written(e)?;
                let enc = if written.len() == postings.len() {
                    SAME_AS_WORD.to_string()
                } else {
                    encode_docs(&within(&postings, &written))
                };
                out.push((e.clone(), enc));
            }
            Ok(out)
        })
        .collect::<Result<_, SearchError>>()?;
    let (mut words, mut exact) = (Vec::new(), Vec::new());
    for (k, v) in groups.into_iter().flatten() {
        if k.starts_with(EXACT_PREFIX) {
            exact.push((k, v))
        } else {
            words.push((k, v))
        }
    }
    let mut pairs = Vec::new();
    view.for_each_pair(|key, docs| pairs.push((key.to_string(), encode_docs(docs))))?;
    Ok([words, pairs, exact])
}

/// Exports the static index from the view of the records `docs` (in ord order).
pub fn export(view: &IndexView, docs: &[SearchDoc], glossary: &Glossary) -> Result<SearchExport, SearchError> {
    let all = view.terms()?;
    let vocab = vocabulary(all.clone());
    let mut files = Vec::new();
    let mut term_hashes = serde_json::Map::new();
    let mut nb = 0;
    for ((prefix, fetched, heavy_chars), entries) in CLASSES.into_iter().zip(entries(view, &all)?) {
        let (heavy, light): (Vec<_>, Vec<_>) = entries.into_iter().partition(|(_, v)| v.chars().count() >= heavy_chars);
        // Vocabulary words first, in vocabulary order, marked there; then the others by name.
        let (mut in_vocab, mut named): (Vec<_>, Vec<_>) =
            heavy.into_iter().partition(|(k, _)| vocab.binary_search(k).is_ok());
        in_vocab.sort();
        named.sort();
        let mut flags = vec![0u8; vocab.len().div_ceil(6)];
        for (k, _) in &in_vocab {
            let i = vocab.binary_search(k).unwrap_or_default();
            flags[i / 6] |= 1 << (i % 6);
        }
        let flags: String =
            if in_vocab.is_empty() { String::new() } else { flags.iter().map(|&d| B64[d as usize] as char).collect() };
        let heavy = in_vocab.into_iter().chain(named);
        let total: usize = light.iter().map(|(k, v)| k.len() + v.len() + 6).sum();
        let n = bucket_count(total, fetched);
        nb += n;
        let mut buckets: Vec<serde_json::Map<String, Value>> = vec![serde_json::Map::new(); n];
        for (k, v) in light {
            buckets[fnv1a(&k) as usize % n].insert(k, Value::String(v));
        }
        let bucket_files = buckets.iter().map(|b| serde_json::to_vec(b).unwrap_or_default()).collect();
        let hashes = numbered(prefix, bucket_files, &mut files);
        let (mut keys, mut heavy_files) = (Vec::new(), Vec::new());
        for (k, v) in heavy {
            heavy_files.push(serde_json::to_vec(&Value::String(v)).unwrap_or_default());
            if vocab.binary_search(&k).is_err() {
                keys.push(k);
            }
        }
        let heavy_hashes = numbered(&format!("{prefix}h"), heavy_files, &mut files);
        term_hashes.insert(prefix.to_string(), json!([hashes, keys.join("\n"), heavy_hashes, flags, n]));
    }
    let chunk = docs.len().div_ceil(MAX_STORE_FILES).max(1);
    let chunks = docs
        .chunks(chunk)
        .map(|records| {
            serde_json::to_vec(&records.iter().map(store_record).collect::<Vec<Value>>()).unwrap_or_default()
        })
        .collect();
    let store = numbered("d", chunks, &mut files);
    // Facets are a file of their own, fetched only when the reader opens the
    // filters or comes with a filter in the address: most queries never need them.
    let facet_bytes = serde_json::to_vec(&facets(docs)).unwrap_or_default();
    let facet_path = format!("{DIR}/f.{}.json", content_hash(&facet_bytes));
    let facet_name = facet_path[DIR.len() + 1..].to_string();
    files.push((facet_path, facet_bytes));
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
            "holdPerMille": HOLD_PER_MILLE,
            "optionalWords": OPTIONAL_WORDS.as_slice(),
            "optionalPlain": OPTIONAL_PLAIN.as_slice(),
            "optionalPairs": OPTIONAL_PAIRS.as_slice(),
            "impactRatio": RATIO_PER_MILLE,
            "window": WINDOW,
            "lead": LEAD,
            "group": GROUP,
        },
        "vocab": vocab,
        "terms": term_hashes,
        "records": docs.len(),
        "facets": facet_name,
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
        let mut a = Vec::new();
        numbered("t", vec![b"{}".to_vec()], &mut a);
        let files = vec![a[0].clone(), a[0].clone()];
        assert_eq!(unique_files(files).len(), 1);
    }

    #[test]
    fn a_true_name_collision_is_kept_for_the_output_stage_to_report() {
        let files =
            vec![("_search/t.x.json".to_string(), b"a".to_vec()), ("_search/t.x.json".to_string(), b"b".to_vec())];
        assert_eq!(unique_files(files).len(), 2);
    }

    #[test]
    fn a_changed_file_renames_its_group_and_no_other() {
        let contents: Vec<Vec<u8>> = (0..GROUP * 2 + 3).map(|i| format!("[{i}]").into_bytes()).collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let ha = numbered("d", contents.clone(), &mut a);
        let mut changed = contents;
        changed[GROUP + 1] = b"[0]".to_vec();
        let hb = numbered("d", changed, &mut b);
        assert_eq!((ha.len(), a.len()), (3 * SHORT_HASH, GROUP * 2 + 3));
        for (n, (x, y)) in a.iter().zip(&b).enumerate() {
            assert!(x.0.starts_with(&format!("{DIR}/d.{n}.")), "{}", x.0);
            assert_eq!(x.0 == y.0, n / GROUP != 1, "{} / {}", x.0, y.0);
        }
        assert_eq!(ha[..SHORT_HASH], hb[..SHORT_HASH]);
        assert_ne!(ha[SHORT_HASH..2 * SHORT_HASH], hb[SHORT_HASH..2 * SHORT_HASH]);
    }

    #[test]
    fn numbers_are_base64_digits_of_five_bits() {
        let mut s = String::new();
        for v in [0, 31, 32, 1000] {
            vlq(&mut s, v);
        }
        // 32 → digits 0|32, 1; 1000 = 8 + 31·32 → digits 8|32, 31.
        assert_eq!(s, "AfgBof");
    }

    #[test]
    fn sparse_records_are_gaps_dense_ones_a_bitset() {
        assert_eq!(encode_docs(&[2, 5, 300]), "ADCDnJ");
        let dense: Vec<u32> = (10..40).filter(|d| d % 3 != 0).collect();
        // 1, first 10, 5 digits; bits 0,1,3,4 of the first digit (10, 11, 13, 14) = 27.
        assert_eq!(&encode_docs(&dense)[..4], "BKFb");
        assert_eq!(encode_docs(&[]), "AA");
    }

    #[test]
    fn postings_carry_one_level_per_record_or_one_for_all() {
        let p = [Posting { doc: 1, level: 9 }, Posting { doc: 4, level: 200 }];
        assert_eq!(encode_postings(&p), "ACBD\u{109}\u{1c8}");
        let flat = [Posting { doc: 1, level: 7 }, Posting { doc: 4, level: 7 }];
        assert_eq!(encode_postings(&flat), "ACBD\u{107}");
    }

    #[test]
    fn two_levels_are_the_low_one_the_high_one_and_the_places_of_the_high_ones() {
        let p: Vec<Posting> =
            (0..40).map(|d| Posting { doc: d, level: if d == 3 || d == 30 { 90 } else { 20 } }).collect();
        let enc = encode_postings(&p);
        let docs = encode_docs(&(0..40).collect::<Vec<u32>>());
        assert_eq!(enc, format!("{docs}\u{114}\u{15a}{}", encode_docs(&[3, 30])));
        // Too few records to gain: one level a record.
        let few = [Posting { doc: 1, level: 9 }, Posting { doc: 4, level: 200 }, Posting { doc: 5, level: 9 }];
        assert!(encode_postings(&few).ends_with("\u{109}\u{1c8}\u{109}"));
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
