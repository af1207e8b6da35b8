//! The tantivy index: one text field per weight class, all analyzed by the
//! one analyzer, plus each record stored as JSON for results.
//!
//! Records are added in URL order, spread over the indexing threads, and each carries its
//! rank in that order (`ord`), the record number that every later stage and
//! the browser use. The glossary the analyzer was built with is saved beside
//! the index, so queries analyze exactly as the build did.

use std::path::Path;

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED};
use tantivy::{Index, TantivyDocument};

use super::analyzer::{self, Glossary};
use super::{SearchDoc, SearchError};

/// The name the analyzer is registered under.
pub const TOKENIZER: &str = "thidua_vi";

/// Searchable fields: name, weight, and where their positions start in the
/// record's single position space (so a phrase never spans two fields).
pub const FIELDS: [(&str, f32, u32); 5] = [
    ("title", 3.0, 0),
    ("names", 2.5, 10_000),
    ("number", 2.0, 20_000),
    ("summary", 1.5, 30_000),
    ("body", 1.0, 40_000),
];

const GLOSSARY_FILE: &str = "thidua-glossary.json";

/// Memory each indexing thread may fill before it writes a segment.
const HEAP_PER_THREAD: usize = 40_000_000;

/// Indexing threads: one per core (up to four), as `RAYON_NUM_THREADS` or
/// the machine allows. Analysis runs inside these threads, so they are what
/// makes indexing parallel. Each thread writes its own segments; every
/// number the browser and `thidua search` see (document frequencies,
/// average lengths, `ord`) is computed over all segments, so the exported
/// index does not depend on how many threads built it.
fn indexing_threads() -> usize {
    rayon::current_num_threads().clamp(1, 4)
}

/// The schema: the searchable fields, `ord` and the stored record `doc`.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    for (name, _, _) in FIELDS {
        b.add_text_field(name, text.clone());
    }
    b.add_u64_field("ord", FAST | STORED | INDEXED);
    b.add_text_field("doc", STORED);
    b.build()
}

/// A field of the schema by name.
pub fn field(schema: &Schema, name: &str) -> Field {
    schema.get_field(name).unwrap_or_else(|_| unreachable!("the schema defines {name}"))
}

/// The texts of one record for each searchable field, in [`FIELDS`] order.
pub fn field_texts(doc: &SearchDoc) -> [Vec<String>; 5] {
    let mut names = doc.names.clone();
    for extra in [&doc.ethnicity, &doc.district].into_iter().flatten() {
        if !names.contains(&extra.1) {
            names.push(extra.1.clone());
        }
    }
    let mut summary = vec![doc.summary.clone()];
    summary.extend(doc.tags.iter().cloned());
    [vec![doc.title.clone()], names, doc.number.iter().cloned().collect(), summary, vec![doc.body.clone()]]
}

/// Writes the records (already in URL order) into a new index at `dir`.
pub fn write(docs: &[SearchDoc], glossary: &Glossary, dir: &Path) -> Result<Index, SearchError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(SearchError::io(dir))?;
    }
    std::fs::create_dir_all(dir).map_err(SearchError::io(dir))?;
    let schema = schema();
    let index = Index::create_in_dir(dir, schema.clone()).map_err(SearchError::tantivy(dir))?;
    index.tokenizers().register(TOKENIZER, analyzer::analyzer(glossary));
    let threads = indexing_threads();
    let mut writer = index
        .writer_with_num_threads::<TantivyDocument>(threads, threads * HEAP_PER_THREAD)
        .map_err(SearchError::tantivy(dir))?;
    let ord = field(&schema, "ord");
    let stored = field(&schema, "doc");
    for (i, d) in docs.iter().enumerate() {
        let mut td = TantivyDocument::default();
        for ((name, _, _), texts) in FIELDS.iter().zip(field_texts(d)) {
            for t in texts.iter().filter(|t| !t.is_empty()) {
                td.add_text(field(&schema, name), t);
            }
        }
        td.add_u64(ord, i as u64);
        let json = serde_json::to_string(d).unwrap_or_default();
        td.add_text(stored, json);
        writer.add_document(td).map_err(SearchError::tantivy(dir))?;
    }
    writer.commit().map_err(SearchError::tantivy(dir))?;
    writer.wait_merging_threads().map_err(SearchError::tantivy(dir))?;
    let path = dir.join(GLOSSARY_FILE);
    let json = serde_json::to_vec(glossary.entries()).unwrap_or_default();
    std::fs::write(&path, json).map_err(SearchError::io(&path))?;
    Ok(index)
}

/// Opens the index a build wrote, with the glossary it was built with.
pub fn open(dir: &Path) -> Result<(Index, Glossary), SearchError> {
    let glossary_path = dir.join(GLOSSARY_FILE);
    if !dir.join("meta.json").exists() || !glossary_path.exists() {
        return Err(SearchError::NoIndex { path: dir.to_path_buf() });
    }
    let text = std::fs::read_to_string(&glossary_path).map_err(SearchError::io(&glossary_path))?;
    let entries: Vec<(Vec<String>, String)> = serde_json::from_str(&text)
        .map_err(|e| SearchError::Damaged { path: glossary_path.clone(), message: e.to_string() })?;
    let glossary = Glossary::from_entries(entries);
    let index = Index::open_in_dir(dir).map_err(SearchError::tantivy(dir))?;
    index.tokenizers().register(TOKENIZER, analyzer::analyzer(&glossary));
    Ok((index, glossary))
}
