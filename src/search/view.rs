//! Reads the tantivy index back as integer *impacts* and adjacent word
//! pairs — the one data model that both `thidua search` and the static
//! export use.
//!
//! The impact of a term on a record is, over the searchable fields in order,
//! the sum of tantivy's BM25 score for that field (`Bm25Weight`, with the
//! field's document frequency, average length and the record's quantised
//! field norm) times the field's weight; times 100, rounded, at least 1; then
//! stored as a one-byte [`impact`] level, whose value is what every scorer uses.
//! The levels of a term found in many records are made coarser
//! ([`impact::flatten`]), so that its long lists compress: BM25 gives such a
//! term little weight, and only the records where it weighs most still
//! differ.
//! An exact form (`=tiến`) scores as its word does, in the records where
//! the word is written so: a query typed with diacritics counts the word
//! twice there (the exact-diacritic bonus).
//! A pair (`"uy tin"`) is only a set of records: those where the two words
//! stand side by side in one text.

use std::path::{Path, PathBuf};

use tantivy::postings::Postings;
use tantivy::query::Bm25Weight;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, Index, ReloadPolicy, Searcher, TantivyDocument, Term, TERMINATED};

use super::analyzer::{fold, EXACT_PREFIX};
use super::impact;
use super::index::{field, EXACT, FIELDS, PAIRS};
use super::{SearchDoc, SearchError};

/// One record's entry in a term's postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Posting {
    /// The record's `ord` (rank in [`super::record_order`]).
    pub(crate) doc: u32,
    /// The impact level (see [`impact`]).
    pub(crate) level: u8,
}

/// A read-only view of a built index.
pub(crate) struct IndexView {
    searcher: Searcher,
    path: PathBuf,
    fields: Vec<(Field, f32, u32)>,
    avg_fieldnorm: Vec<f32>,
    total_docs: u64,
    /// Per segment: DocId → ord.
    ords: Vec<Vec<u32>>,
    /// ord → address.
    addresses: Vec<DocAddress>,
    stored: Field,
    pairs: Field,
    exact: Field,
    levels: [u64; 256],
}

impl IndexView {
    /// Opens a view on `index` (found at `path`, named in errors).
    pub(crate) fn new(index: &Index, path: &Path) -> Result<IndexView, SearchError> {
        let terr = |e| SearchError::tantivy(path)(e);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(terr)?;
        let searcher = reader.searcher();
        let schema = index.schema();
        let fields: Vec<(Field, f32, u32)> =
            FIELDS.iter().map(|&(name, w, base)| (field(&schema, name), w, base)).collect();
        let total_docs = searcher.num_docs();
        let mut avg_fieldnorm = Vec::new();
        for &(f, _, _) in &fields {
            let mut tokens = 0u64;
            for seg in searcher.segment_readers() {
                tokens += seg.inverted_index(f).map_err(terr)?.total_num_tokens();
            }
            avg_fieldnorm.push(tokens as f32 / total_docs.max(1) as f32);
        }
        let mut ords = Vec::new();
        let mut addresses = vec![DocAddress::new(0, 0); total_docs as usize];
        for (s, seg) in searcher.segment_readers().iter().enumerate() {
            let column = seg.fast_fields().u64("ord").map_err(terr)?;
            let mut map = Vec::with_capacity(seg.max_doc() as usize);
            for d in 0..seg.max_doc() {
                let ord = column.first(d).unwrap_or(0) as u32;
                if u64::from(ord) >= total_docs {
                    let message = format!("record {d} of segment {s} has rank {ord}, beyond the {total_docs} records");
                    return Err(SearchError::Damaged { path: path.to_path_buf(), message });
                }
                map.push(ord);
                if let Some(slot) = addresses.get_mut(ord as usize) {
                    *slot = DocAddress::new(s as u32, d);
                }
            }
            ords.push(map);
        }
        Ok(IndexView {
            stored: field(&schema, "doc"),
            pairs: field(&schema, PAIRS),
            exact: field(&schema, EXACT),
            levels: impact::table(),
            searcher,
            path: path.to_path_buf(),
            fields,
            avg_fieldnorm,
            total_docs,
            ords,
            addresses,
        })
    }

    /// Number of records.
    pub(crate) fn num_docs(&self) -> usize {
        self.total_docs as usize
    }

    fn terr(&self) -> impl FnOnce(tantivy::TantivyError) -> SearchError + '_ {
        SearchError::tantivy(&self.path)
    }

    /// The table of impact level values.
    pub(crate) fn levels(&self) -> &[u64; 256] {
        &self.levels
    }

    /// The postings of `term` over all fields, by record. An exact form
    /// (`=tiến`) has its word's postings, restricted to the records where
    /// the form is written so.
    pub(crate) fn postings(&self, term: &str) -> Result<Vec<Posting>, SearchError> {
        if let Some(exact) = term.strip_prefix(EXACT_PREFIX) {
            let written = self.written(term)?;
            let mut word = self.postings(&fold::fold(exact))?;
            word.retain(|p| written.binary_search(&p.doc).is_ok());
            return Ok(word);
        }
        let mut out: Vec<Posting> = self
            .scores(term)?
            .into_iter()
            .map(|(doc, score)| {
                let raw = ((score * 100.0).round() as u64).max(1);
                Posting { doc, level: impact::level(raw, &self.levels) }
            })
            .collect();
        let mut levels: Vec<u8> = out.iter().map(|p| p.level).collect();
        impact::flatten(&mut levels, self.num_docs());
        out.iter_mut().zip(levels).for_each(|(p, l)| p.level = l);
        Ok(out)
    }

    /// The records (ords, ascending) where the exact form `term` (`=tiến`) is written.
    pub(crate) fn written(&self, term: &str) -> Result<Vec<u32>, SearchError> {
        self.records(self.exact, term)
    }

    /// The weighted BM25 score of `term` in each record that has it, by ord.
    fn scores(&self, term: &str) -> Result<Vec<(u32, f32)>, SearchError> {
        let mut acc: Vec<(u32, f32)> = Vec::new();
        for (i, &(f, weight, _)) in self.fields.iter().enumerate() {
            let t = Term::from_field_text(f, term);
            let df = self.searcher.doc_freq(&t).map_err(self.terr())?;
            if df == 0 {
                continue;
            }
            let bm25 = Bm25Weight::for_one_term_without_explain(df, self.total_docs, self.avg_fieldnorm[i]);
            for (s, seg) in self.searcher.segment_readers().iter().enumerate() {
                let inverted = seg.inverted_index(f).map_err(self.terr())?;
                let norms = seg.get_fieldnorms_reader(f).map_err(self.terr())?;
                let Some(mut postings) =
                    inverted.read_postings(&t, IndexRecordOption::WithFreqs).map_err(SearchError::io(&self.path))?
                else {
                    continue;
                };
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    acc.push((
                        self.ords[s][doc as usize],
                        weight * bm25.score(norms.fieldnorm_id(doc), postings.term_freq()),
                    ));
                    doc = postings.advance();
                }
            }
        }
        // Sum per record, adding in field order (as the scores were pushed) so the sum does not
        // depend on the sort.
        acc.sort_by_key(|&(doc, _)| doc);
        let mut out: Vec<(u32, f32)> = Vec::with_capacity(acc.len());
        for (doc, score) in acc {
            match out.last_mut() {
                Some(last) if last.0 == doc => last.1 += score,
                _ => out.push((doc, score)),
            }
        }
        Ok(out)
    }

    /// The records (ords, ascending) where the words `a` and `b` stand side by side.
    pub(crate) fn pair_docs(&self, a: &str, b: &str) -> Result<Vec<u32>, SearchError> {
        self.records(self.pairs, &super::index::pair_term(a, b))
    }

    /// The records (ords, ascending) that have `term` in the records-only `field`.
    fn records(&self, field: Field, term: &str) -> Result<Vec<u32>, SearchError> {
        let t = Term::from_field_text(field, term);
        let mut out = Vec::new();
        for (s, seg) in self.searcher.segment_readers().iter().enumerate() {
            let inverted = seg.inverted_index(field).map_err(self.terr())?;
            if let Some(mut postings) =
                inverted.read_postings(&t, IndexRecordOption::Basic).map_err(SearchError::io(&self.path))?
            {
                self.collect_ords(s, &mut postings, &mut out);
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    fn collect_ords(&self, segment: usize, postings: &mut impl Postings, out: &mut Vec<u32>) {
        let mut doc = postings.doc();
        while doc != TERMINATED {
            out.push(self.ords[segment][doc as usize]);
            doc = postings.advance();
        }
    }

    /// Calls `f` with every pair term (in term order) and its records
    /// (ords, ascending), streaming the term dictionaries of all segments
    /// together: one pass, nothing held but the current pair.
    pub(crate) fn for_each_pair(&self, mut f: impl FnMut(&str, &[u32])) -> Result<(), SearchError> {
        let mut readers = Vec::new();
        for seg in self.searcher.segment_readers() {
            readers.push(seg.inverted_index(self.pairs).map_err(self.terr())?);
        }
        let mut streams = Vec::new();
        for (s, inverted) in readers.iter().enumerate() {
            let mut stream = inverted.terms().stream().map_err(SearchError::io(&self.path))?;
            let live = stream.advance();
            streams.push((s, inverted, stream, live));
        }
        let mut docs = Vec::new();
        while let Some(key) = streams.iter().filter(|x| x.3).map(|x| x.2.key().to_vec()).min() {
            docs.clear();
            for (s, inverted, stream, live) in streams.iter_mut() {
                if !*live || stream.key() != key.as_slice() {
                    continue;
                }
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                    .map_err(SearchError::io(&self.path))?;
                self.collect_ords(*s, &mut postings, &mut docs);
                *live = stream.advance();
            }
            docs.sort_unstable();
            f(&String::from_utf8_lossy(&key), &docs);
        }
        Ok(())
    }

    /// Every term of the weighted fields and every exact form (not the
    /// pairs), sorted and distinct.
    pub(crate) fn terms(&self) -> Result<Vec<String>, SearchError> {
        let mut all = std::collections::BTreeSet::new();
        for f in self.fields.iter().map(|&(f, _, _)| f).chain([self.exact]) {
            for seg in self.searcher.segment_readers() {
                let inverted = seg.inverted_index(f).map_err(self.terr())?;
                let mut stream = inverted.terms().stream().map_err(SearchError::io(&self.path))?;
                while stream.advance() {
                    all.insert(String::from_utf8_lossy(stream.key()).into_owned());
                }
            }
        }
        Ok(all.into_iter().collect())
    }

    /// The stored record with this `ord`.
    pub(crate) fn doc(&self, ord: u32) -> Result<SearchDoc, SearchError> {
        let address = *self.addresses.get(ord as usize).ok_or_else(|| SearchError::Damaged {
            path: self.path.clone(),
            message: format!("no record {ord} among {}", self.addresses.len()),
        })?;
        let doc: TantivyDocument = self.searcher.doc(address).map_err(self.terr())?;
        let json = doc.get_first(self.stored).and_then(|v| v.as_str()).unwrap_or_default();
        serde_json::from_str(json)
            .map_err(|e| SearchError::Damaged { path: self.path.clone(), message: format!("record {ord}: {e}") })
    }
}
