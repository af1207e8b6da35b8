//! The tantivy index: one text field per weight class, all analyzed by the
//! one analyzer, a field of adjacent word pairs and one of exact forms, plus
//! each record stored as JSON for results.
//!
//! The texts are analyzed here, in parallel (rayon), and handed to tantivy
//! pre-tokenized: one analysis gives both the words of the weighted fields
//! and the [`PAIRS`] field, whose terms are the adjacent word pairs
//! `"<word> <word>"` of each text (the proximity and phrase data; no
//! positions are indexed). Records are added in [`super::record_order`], and each carries
//! its rank in that order (`ord`), the record number that every later stage
//! and the browser use. The glossary the analyzer was built with is saved
//! beside the index, so queries analyze exactly as the build did.

use std::path::Path;

use rayon::prelude::*;
use tantivy::schema::{
    Field, IndexRecordOption, OwnedValue, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED,
};
use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer, Token};
use tantivy::Index;

use super::analyzer::{self, classify, Glossary, TokenClass};
use super::{SearchDoc, SearchError};

/// The name the analyzer is registered under.
pub(crate) const TOKENIZER: &str = "thidua_vi";

/// Searchable fields: name, weight, and a base that keeps each field apart
/// (kept for the order of fields; positions are not indexed).
pub(crate) const FIELDS: [(&str, f32, u32); 5] = [
    ("title", 3.0, 0),
    ("names", 2.5, 10_000),
    ("number", 2.0, 20_000),
    ("summary", 1.5, 30_000),
    ("body", 1.0, 40_000),
];

/// The field of adjacent word pairs (terms `"<word> <word>"`, records only).
pub(crate) const PAIRS: &str = "pairs";

/// The field of exact forms (`=tiến`, records only: an exact form scores as
/// its word, see [`super::view`]).
pub(crate) const EXACT: &str = "exact";

/// Records analyzed per parallel batch.
const BATCH: usize = 256;

const GLOSSARY_FILE: &str = "thidua-glossary.json";

/// The schema: the searchable fields, the pairs, `ord` and the stored record `doc`.
pub(crate) fn schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(TOKENIZER).set_index_option(IndexRecordOption::WithFreqs),
    );
    for (name, _, _) in FIELDS {
        b.add_text_field(name, text.clone());
    }
    let records_only = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    b.add_text_field(PAIRS, records_only.clone());
    b.add_text_field(EXACT, records_only);
    b.add_u64_field("ord", FAST | STORED | INDEXED);
    b.add_text_field("doc", STORED);
    b.build()
}

/// A field of the schema by name.
pub(crate) fn field(schema: &Schema, name: &str) -> Field {
    schema.get_field(name).unwrap_or_else(|_| unreachable!("the schema defines {name}"))
}

/// The texts of one record for each searchable field, in [`FIELDS`] order.
pub(crate) fn field_texts(doc: &SearchDoc) -> [Vec<String>; 5] {
    let mut names = doc.names.clone();
    for extra in [&doc.ethnicity, &doc.district].into_iter().flatten() {
        if !names.contains(&extra.1) {
            names.push(extra.1.clone());
        }
    }
    let mut summary = vec![doc.summary.clone()];
    summary.extend(doc.tags.iter().cloned());
    let mut body = vec![doc.body.clone()];
    body.extend(doc.indicators.iter().cloned());
    [vec![doc.title.clone()], names, doc.number.iter().cloned().collect(), summary, body]
}

/// The term of two adjacent words.
pub(crate) fn pair_term(a: &str, b: &str) -> String {
    let mut term = String::with_capacity(a.len() + 1 + b.len());
    term.push_str(a);
    term.push(' ');
    term.push_str(b);
    term
}

/// The terms of the adjacent word pairs of an analyzed text: every two
/// words (folded forms) at neighbouring positions.
pub(crate) fn pairs(tokens: &[Token]) -> impl Iterator<Item = String> + '_ {
    let mut words = tokens.iter().zip(classify(tokens)).filter(|(_, c)| *c == TokenClass::Word).map(|(t, _)| t);
    let mut last = words.next();
    words.filter_map(move |t| {
        let before = last.replace(t)?;
        (t.position == before.position + 1).then(|| pair_term(&before.text, &t.text))
    })
}

/// A record as tantivy receives it: (field, value) pairs, a field repeated
/// when it has several texts.
///
/// Not tantivy's own `TantivyDocument`: that one keeps its values in a
/// compact byte buffer and writes a pre-tokenized text into it as JSON, which
/// the indexing thread then parses back, token by token. Profiling a
/// 10,000-record build showed that round trip costing more than the analysis.
#[derive(Debug, Default)]
pub(crate) struct Doc(Vec<(Field, OwnedValue)>);

impl Doc {
    fn add(&mut self, field: Field, value: OwnedValue) {
        self.0.push((field, value));
    }
}

impl tantivy::Document for Doc {
    type Value<'a> = &'a OwnedValue;
    type FieldsValuesIter<'a> = std::iter::Map<
        std::slice::Iter<'a, (Field, OwnedValue)>,
        fn(&'a (Field, OwnedValue)) -> (Field, &'a OwnedValue),
    >;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.0.iter().map(|(f, v)| (*f, v))
    }
}

/// One record as a tantivy document, analyzed with `analyzer`.
///
/// The weighted fields get the words and spans; the record's exact forms
/// and pairs, which only say which records have them, go once each into
/// their own fields. Sorting them out here, on the analysis threads, spares
/// tantivy's single indexing thread a third of its tokens.
fn document(schema: &Schema, analyzer: &mut TextAnalyzer, ord: usize, d: &SearchDoc) -> Doc {
    let mut td = Doc::default();
    let (mut all_pairs, mut exact) = (Vec::new(), Vec::new());
    for ((name, _, _), texts) in FIELDS.iter().zip(field_texts(d)) {
        for t in texts.into_iter().filter(|t| !t.is_empty()) {
            let tokens = analyzer::tokens(analyzer, &t);
            all_pairs.extend(pairs(&tokens));
            let (forms, words): (Vec<Token>, Vec<Token>) =
                tokens.into_iter().partition(|t| t.text.starts_with(analyzer::EXACT_PREFIX));
            exact.extend(forms.into_iter().map(|t| t.text));
            // The text itself is not stored: the tokens are all tantivy needs.
            let words = PreTokenizedString { text: String::new(), tokens: words };
            td.add(field(schema, name), OwnedValue::PreTokStr(words));
        }
    }
    for (name, terms) in [(PAIRS, all_pairs), (EXACT, exact)] {
        if let Some(tokens) = distinct_tokens(terms) {
            td.add(field(schema, name), OwnedValue::PreTokStr(tokens));
        }
    }
    td.add(field(schema, "ord"), OwnedValue::U64(ord as u64));
    td.add(field(schema, "doc"), OwnedValue::Str(serde_json::to_string(d).unwrap_or_default()));
    td
}

/// The distinct terms as the tokens of a records-only field (no positions
/// are indexed, so theirs are only distinct), or `None` when there are none.
fn distinct_tokens(mut terms: Vec<String>) -> Option<PreTokenizedString> {
    terms.sort_unstable();
    terms.dedup();
    let tokens: Vec<Token> =
        terms.into_iter().enumerate().map(|(position, text)| Token { position, text, ..Token::default() }).collect();
    (!tokens.is_empty()).then(|| PreTokenizedString { text: String::new(), tokens })
}

/// Writes the records (already in [`super::record_order`]) into a new index at `dir`.
pub(crate) fn write(docs: &[SearchDoc], glossary: &Glossary, dir: &Path) -> Result<Index, SearchError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(SearchError::io(dir))?;
    }
    std::fs::create_dir_all(dir).map_err(SearchError::io(dir))?;
    let schema = schema();
    let index = Index::create_in_dir(dir, schema.clone()).map_err(SearchError::tantivy(dir))?;
    index.tokenizers().register(TOKENIZER, analyzer::analyzer(glossary));
    let mut writer = index.writer_with_num_threads::<Doc>(1, 50_000_000).map_err(SearchError::tantivy(dir))?;
    let base = analyzer::analyzer(glossary);
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let analyzed: Vec<Doc> = batch
            .par_iter()
            .enumerate()
            .map_init(|| base.clone(), |a, (i, d)| document(&schema, a, b * BATCH + i, d))
            .collect();
        for td in analyzed {
            writer.add_document(td).map_err(SearchError::tantivy(dir))?;
        }
    }
    writer.commit().map_err(SearchError::tantivy(dir))?;
    writer.wait_merging_threads().map_err(SearchError::tantivy(dir))?;
    let path = dir.join(GLOSSARY_FILE);
    let json = serde_json::to_vec(glossary.entries()).unwrap_or_default();
    std::fs::write(&path, json).map_err(SearchError::io(&path))?;
    Ok(index)
}

/// Opens the index a build wrote, with the glossary it was built with.
pub(crate) fn open(dir: &Path) -> Result<(Index, Glossary), SearchError> {
    let glossary_path = dir.join(GLOSSARY_FILE);
    if !dir.join("meta.json").exists() || !glossary_path.exists() {
        return Err(SearchError::NoIndex { path: dir.to_path_buf() });
    }
    let text = std::fs::read_to_string(&glossary_path).map_err(SearchError::io(&glossary_path))?;
    let entries: Vec<(Vec<String>, String)> = serde_json::from_str(&text)
        .map_err(|e| SearchError::Damaged { path: glossary_path.clone(), message: e.to_string() })?;
    let glossary = Glossary::from_entries(entries);
    let directory = ReadOnly::open(dir)?;
    let index = Index::open(directory).map_err(|e| damaged(dir, e))?;
    if index.schema() != schema() {
        let message = crate::t!("search-err-other-version");
        return Err(SearchError::Damaged { path: dir.to_path_buf(), message });
    }
    index.tokenizers().register(TOKENIZER, analyzer::analyzer(&glossary));
    Ok((index, glossary))
}

/// A tantivy error met while opening a built index: the index is damaged
/// (truncated, overwritten, from another version), and rebuilding fixes it.
fn damaged(dir: &Path, e: tantivy::TantivyError) -> SearchError {
    SearchError::Damaged { path: dir.to_path_buf(), message: e.to_string() }
}

/// The index folder, for reading only: tantivy's lock files are not written
/// (no writer ever shares a finished index with `thidua search`), so a copy
/// of the index on read-only storage answers queries too. Every write fails.
#[derive(Debug, Clone)]
struct ReadOnly(tantivy::directory::MmapDirectory);

impl ReadOnly {
    fn open(dir: &Path) -> Result<ReadOnly, SearchError> {
        let mmap = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| SearchError::Damaged { path: dir.to_path_buf(), message: e.to_string() })?;
        Ok(ReadOnly(mmap))
    }
}

fn read_only_error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the search index is opened for reading only")
}

impl tantivy::Directory for ReadOnly {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> Result<std::sync::Arc<dyn tantivy::directory::FileHandle>, tantivy::directory::error::OpenReadError> {
        self.0.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), tantivy::directory::error::DeleteError> {
        Err(tantivy::directory::error::DeleteError::IoError {
            io_error: std::sync::Arc::new(read_only_error()),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, tantivy::directory::error::OpenReadError> {
        self.0.exists(path)
    }

    fn open_write(
        &self,
        path: &Path,
    ) -> Result<tantivy::directory::WritePtr, tantivy::directory::error::OpenWriteError> {
        Err(tantivy::directory::error::OpenWriteError::IoError {
            io_error: std::sync::Arc::new(read_only_error()),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, tantivy::directory::error::OpenReadError> {
        self.0.atomic_read(path)
    }

    fn atomic_write(&self, _path: &Path, _data: &[u8]) -> std::io::Result<()> {
        Err(read_only_error())
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        Ok(())
    }

    /// No lock is taken: nothing writes to a finished index while it is read.
    fn acquire_lock(
        &self,
        _lock: &tantivy::directory::Lock,
    ) -> Result<tantivy::directory::DirectoryLock, tantivy::directory::error::LockError> {
        Ok(tantivy::directory::DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: tantivy::directory::WatchCallback) -> tantivy::Result<tantivy::directory::WatchHandle> {
        Ok(tantivy::directory::WatchHandle::empty())
    }
}
