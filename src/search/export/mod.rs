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
//!
//! The files' structures are types ([`format`]: the meta file, the facets
//! file, a store record), written by serde, never built as untyped trees; the
//! string encodings are in [`encode`], the facet columns in [`facets`].

use std::collections::BTreeMap;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::analyzer::{fold, Glossary, Tables, EXACT_PREFIX};
use super::excerpt::{LEAD, WINDOW};
use super::impact::RATIO_PER_MILLE;
use super::query::{
    vocabulary, HOLD_PER_MILLE, MAX_PREFIXES, MAX_QUERY_CHARS, MAX_SLOTS, MIN_PREFIX_CHARS, MIN_TYPO_CHARS,
    OPTIONAL_PAIRS, OPTIONAL_PLAIN, OPTIONAL_WORDS, PROXIMITY,
};
use super::view::{IndexView, Posting};
use super::{SearchDoc, SearchError, SearchExport};

pub(crate) mod encode;
pub(crate) mod facets;
pub(crate) mod format;

use encode::B64;
pub(crate) use encode::{content_hash, encode_docs, encode_postings, fnv1a};
use format::{Meta, Params, Store, StoreRecord, TermClass};

/// Folder of the search files inside the output.
pub(crate) const DIR: &str = "_search";
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
pub(crate) const CLASSES: [(&str, usize, usize); 3] =
    [("t", 5, HEAVY_CHARS), ("p", 3, HEAVY_PAIR_CHARS), ("x", 3, HEAVY_CHARS)];

/// From this many characters, the postings of a word, span or exact form get a file of their own.
pub(crate) const HEAVY_CHARS: usize = 500;

/// From this many characters, the records of a pair get a file of their own.
pub(crate) const HEAVY_PAIR_CHARS: usize = 1_000;

/// How many buckets a class of `bytes` encoded postings gets: about
/// √(bytes · fetched · [`GROUP`] / 10). A query pays the hash list (≈3 bytes
/// gzip a group of [`GROUP`] buckets) plus, per fetched bucket, the other
/// keys sharing it (≈0.3 · bytes / n once gzipped): the sum is smallest near
/// this n, and grows with the square root of the site.
pub(crate) fn bucket_count(bytes: usize, fetched: usize) -> usize {
    ((bytes * fetched * GROUP / 10) as f64).sqrt().ceil().max(1.0) as usize
}
/// Most store chunks; chunks grow with the site beyond this. A record a
/// chunk up to 5,000 records: the ten hits of a first query then fetch
/// their own ten records, not forty (2.7 KB gzip less on 5,000 records).
pub(crate) const MAX_STORE_FILES: usize = 5_000;
/// Characters of text (summary, else body) kept for excerpts in the browser.
pub(crate) const TEXT_CHARS: usize = 240;
/// Version of the file format.
pub(crate) const FORMAT: u32 = 4;
/// Hex digits of the hash in bucket and chunk names (and in the meta file's lists).
pub(crate) const SHORT_HASH: usize = 6;
/// Numbered files sharing one hash in their names (see [`numbered`]).
pub(crate) const GROUP: usize = 16;
/// The same for store chunks, which are many and small: their hash list in
/// the meta file stays as long as with four records a chunk.
pub(crate) const STORE_GROUP: usize = 64;

fn char_prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// One record of a store chunk: url, title, kind, date, excerpt text.
fn store_record(d: &SearchDoc) -> StoreRecord {
    let summary = d.summary.trim();
    let text = char_prefix(if summary.is_empty() { d.body.trim() } else { summary }, TEXT_CHARS);
    StoreRecord {
        url: d.url.clone(),
        title: d.title.clone(),
        kind: d.kind.clone(),
        date: d.date.clone().unwrap_or_default(),
        text,
    }
}

/// Names the numbered files of one list `<prefix>.<n>.<hash>.json`, where
/// `hash` is the content hash of the group of `group` files ([`GROUP`],
/// [`STORE_GROUP`]) holding file `n`, adds them to `files` and returns the
/// groups' hashes concatenated.
///
/// A name still changes whenever its file's content does (the group's hash
/// covers every file of the group, lengths included), so every file can be
/// cached forever; the meta file lists one hash a group instead of one a
/// file. A change to one file renames the other files of its group too,
/// which costs a returning reader a few small refetches.
fn numbered(prefix: &str, group: usize, contents: Vec<Vec<u8>>, files: &mut Vec<(String, Vec<u8>)>) -> String {
    let mut hashes = String::new();
    let mut n = 0;
    let mut contents = contents.into_iter().peekable();
    while contents.peek().is_some() {
        let members: Vec<Vec<u8>> = contents.by_ref().take(group).collect();
        let mut digest = Sha256::new();
        for c in &members {
            digest.update((c.len() as u64).to_le_bytes());
            digest.update(c);
        }
        let hash: String = digest.finalize().iter().take(SHORT_HASH.div_ceil(2)).map(|b| format!("{b:02x}")).collect();
        let hash = &hash[..SHORT_HASH];
        hashes.push_str(hash);
        for c in members {
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
pub(crate) const SAME_AS_WORD: &str = "=";

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
pub(crate) fn export(view: &IndexView, docs: &[SearchDoc], glossary: &Glossary) -> Result<SearchExport, SearchError> {
    let all = view.terms()?;
    let vocab = vocabulary(all.clone());
    let mut files = Vec::new();
    let mut terms = BTreeMap::new();
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
        let mut buckets: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); n];
        for (k, v) in light {
            buckets[fnv1a(&k) as usize % n].insert(k, v);
        }
        let bucket_files = buckets.iter().map(|b| serde_json::to_vec(b).unwrap_or_default()).collect();
        let hashes = numbered(prefix, GROUP, bucket_files, &mut files);
        let (mut keys, mut heavy_files) = (Vec::new(), Vec::new());
        for (k, v) in heavy {
            heavy_files.push(serde_json::to_vec(&v).unwrap_or_default());
            if vocab.binary_search(&k).is_err() {
                keys.push(k);
            }
        }
        let heavy_hashes = numbered(&format!("{prefix}h"), GROUP, heavy_files, &mut files);
        let class = TermClass { buckets: hashes, named: keys.join("\n"), heavy: heavy_hashes, flags, count: n };
        terms.insert(prefix.to_string(), class);
    }
    let chunk = docs.len().div_ceil(MAX_STORE_FILES).max(1);
    let chunks = docs
        .chunks(chunk)
        .map(|records| {
            serde_json::to_vec(&records.iter().map(store_record).collect::<Vec<StoreRecord>>()).unwrap_or_default()
        })
        .collect();
    let store = numbered("d", STORE_GROUP, chunks, &mut files);
    // Facets are a file of their own, fetched only when the reader opens the
    // filters or comes with a filter in the address: most queries never need them.
    let facet_bytes = serde_json::to_vec(&facets::facets(docs)).unwrap_or_default();
    let facet_path = format!("{DIR}/f.{}.json", content_hash(&facet_bytes));
    let facet_name = facet_path[DIR.len() + 1..].to_string();
    files.push((facet_path, facet_bytes));
    let strings = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
    let meta = Meta {
        facets: facet_name,
        format: FORMAT,
        params: Params {
            group: GROUP,
            hold_per_mille: HOLD_PER_MILLE,
            impact_ratio: RATIO_PER_MILLE,
            lead: LEAD,
            max_prefixes: MAX_PREFIXES,
            max_query_chars: MAX_QUERY_CHARS,
            max_slots: MAX_SLOTS,
            min_prefix_chars: MIN_PREFIX_CHARS,
            min_typo_chars: MIN_TYPO_CHARS,
            optional_pairs: strings(&OPTIONAL_PAIRS),
            optional_plain: strings(&OPTIONAL_PLAIN),
            optional_words: strings(&OPTIONAL_WORDS),
            proximity: PROXIMITY,
            window: WINDOW,
        },
        records: docs.len(),
        store: Store { chunk, group: STORE_GROUP, files: store },
        tables: Tables::new(glossary),
        terms,
        vocab,
    };
    let meta_bytes = serde_json::to_vec(&meta).unwrap_or_default();
    let meta_path = format!("{DIR}/meta.{}.json", content_hash(&meta_bytes));
    let entry = format!("/{meta_path}");
    files.push((meta_path, meta_bytes));
    let files = unique_files(files);
    Ok(SearchExport { files, entry })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_listed_twice_is_written_once() {
        let mut a = Vec::new();
        numbered("t", GROUP, vec![b"{}".to_vec()], &mut a);
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
        let ha = numbered("d", GROUP, contents.clone(), &mut a);
        let mut changed = contents;
        changed[GROUP + 1] = b"[0]".to_vec();
        let hb = numbered("d", GROUP, changed, &mut b);
        assert_eq!((ha.len(), a.len()), (3 * SHORT_HASH, GROUP * 2 + 3));
        for (n, (x, y)) in a.iter().zip(&b).enumerate() {
            assert!(x.0.starts_with(&format!("{DIR}/d.{n}.")), "{}", x.0);
            assert_eq!(x.0 == y.0, n / GROUP != 1, "{} / {}", x.0, y.0);
        }
        assert_eq!(ha[..SHORT_HASH], hb[..SHORT_HASH]);
        assert_ne!(ha[SHORT_HASH..2 * SHORT_HASH], hb[SHORT_HASH..2 * SHORT_HASH]);
    }
}
