//! `thidua import` on many files and folders: find the documents, import each,
//! merge the copies of one document, refuse documents already in the site, and
//! make the report staff keep (a table on screen, CSV on request).
//!
//! One document is often held twice, as the `.docx` it was typed in and the
//! signed `.pdf` that was published. Two files are the same document when
//! their number and issuer agree (a blank number "…/KH-BDT" identifies
//! nothing); they become one record with both files attached, its text from
//! the richest format (`.docx`, then text, then PDF). A document whose number
//! and issuer are already in `content/van-ban/` is refused, naming the record.

use super::{import_file, record, ImportError, Imported};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The documents under `inputs`: files as given, folders walked recursively
/// (hidden entries and Word's `~$` lock files skipped, symlinks not followed),
/// in a stable order. `.doc` files are included so that they get their message.
pub fn collect(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
            .follow_links(false)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with(['.', '~']))
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .filter(|p| {
                let ext = super::extension(p);
                super::EXTENSIONS.contains(&ext.as_str()) || ext == "doc"
            })
            .collect();
        found.sort();
        out.extend(found);
    }
    out
}

/// One line of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The input file.
    pub(crate) file: String,
    /// The document type, or what happened ("lỗi", "trùng").
    pub(crate) kind: String,
    /// Số ký hiệu.
    pub(crate) number: String,
    /// Ngày ban hành.
    pub(crate) date: String,
    pub(crate) signer: String,
    pub(crate) title: String,
    /// Warnings and notes, "; "-separated.
    pub(crate) warnings: String,
}

/// A record to write: the primary document and the other copies of it.
#[derive(Debug)]
pub struct Group {
    /// The copy whose text and fields make the record.
    pub primary: Imported,
    /// Other files of the same document, attached too.
    pub copies: Vec<Imported>,
}

/// What a batch found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Records to write, in input order.
    pub groups: Vec<Group>,
    /// Files that failed, with their error.
    pub failed: Vec<(PathBuf, ImportError)>,
    /// Documents refused because the site already has them: file and record.
    pub existing: Vec<(Imported, PathBuf)>,
    /// The report, one row per input file.
    pub rows: Vec<Row>,
}

/// "number|issuer", folded, when the number identifies the document.
fn key(imp: &Imported) -> Option<String> {
    let number = imp.meta.number.as_deref()?.replace(' ', "");
    if number.starts_with('…') || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let issuer = imp.meta.issuer.as_deref().map(|i| crate::text::fold(i).to_lowercase()).unwrap_or_default();
    Some(format!("{}|{issuer}", number.to_uppercase()))
}

/// Rank of a format as the source of the record's text: lower is richer.
fn richness(imp: &Imported) -> u8 {
    match super::extension(&imp.source).as_str() {
        "docx" => 0,
        "pdf" if imp.body.trim().is_empty() => 3,
        "pdf" => 2,
        _ => 1,
    }
}

/// The keys of the records already in `content/van-ban/`.
fn existing_keys(root: &Path) -> BTreeMap<String, PathBuf> {
    #[derive(serde::Deserialize)]
    struct Fm {
        number: Option<String>,
        issuer: Option<String>,
    }
    let mut keys = BTreeMap::new();
    let dir = root.join("content/van-ban");
    for entry in walkdir::WalkDir::new(&dir).max_depth(2).into_iter().flatten() {
        let p = entry.path();
        if p.extension().is_none_or(|e| e != "md") || p.file_name().is_some_and(|n| n == "_index.md") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(p) else { continue };
        let Some(fm) = text.strip_prefix("+++\n").and_then(|t| t.split_once("\n+++").map(|(f, _)| f)) else {
            continue;
        };
        let Ok(fm) = toml::from_str::<Fm>(fm) else { continue };
        let imp = Imported {
            source: p.to_owned(),
            original: Vec::new(),
            meta: super::header::Metadata { number: fm.number, issuer: fm.issuer, ..Default::default() },
            body: String::new(),
            warnings: Vec::new(),
        };
        if let Some(k) = key(&imp) {
            keys.insert(k, p.to_owned());
        }
    }
    keys
}

/// Imports every file and groups the copies of each document.
pub fn run(root: &Path, files: &[PathBuf]) -> Outcome {
    let existing = existing_keys(root);
    let mut out = Outcome::default();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for file in files {
        let imp = match import_file(file) {
            Ok(i) => i,
            Err(e) => {
                out.rows.push(Row {
                    file: file.display().to_string(),
                    kind: "lỗi".into(),
                    warnings: e.message().text(),
                    ..Row::default()
                });
                out.failed.push((file.clone(), e));
                continue;
            }
        };
        let mut row = row_of(&imp);
        let k = key(&imp);
        if let Some(record) = k.as_ref().and_then(|k| existing.get(k)) {
            row.kind = "trùng".into();
            row.warnings = crate::t!("imp-row-existing", record = record.display().to_string());
            out.rows.push(row);
            out.existing.push((imp, record.clone()));
            continue;
        }
        match k.as_ref().and_then(|k| by_key.get(k)) {
            Some(&g) => {
                let group = &mut out.groups[g];
                row.warnings = crate::t!("imp-row-merged", primary = group.primary.source.display().to_string());
                if richness(&imp) < richness(&group.primary) {
                    let old = std::mem::replace(&mut group.primary, imp);
                    group.copies.push(old);
                } else {
                    group.copies.push(imp);
                }
            }
            None => {
                if let Some(k) = k {
                    by_key.insert(k, out.groups.len());
                }
                out.groups.push(Group { primary: imp, copies: Vec::new() });
            }
        }
        out.rows.push(row);
    }
    out
}

fn row_of(imp: &Imported) -> Row {
    let m = &imp.meta;
    Row {
        file: imp.source.display().to_string(),
        kind: m.doc_type.clone().unwrap_or_default(),
        number: m.number.clone().unwrap_or_default(),
        date: m.issued.clone().unwrap_or_default(),
        signer: m.signer.clone().or_else(|| m.signer_title.clone()).unwrap_or_default(),
        title: m.title.clone().unwrap_or_default(),
        warnings: imp.warnings.iter().map(|w| w.message.clone()).collect::<Vec<_>>().join("; "),
    }
}

/// The column names, in Vietnamese for the staff's records.
pub(crate) const COLUMNS: [&str; 7] = ["tệp", "loại", "số", "ngày", "người ký", "trích yếu", "cảnh báo"];

impl Row {
    fn cells(&self) -> [&str; 7] {
        [&self.file, &self.kind, &self.number, &self.date, &self.signer, &self.title, &self.warnings]
    }
}

/// The report as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel
/// shows Vietnamese), one row per file.
pub fn csv(rows: &[Row]) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_owned()
        }
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.map(field).join(","));
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.cells().map(field).join(","));
        out.push_str("\r\n");
    }
    out
}

/// The report as a text table for the terminal; long cells are cut with "…".
pub fn table(rows: &[Row]) -> String {
    const WIDTHS: [usize; 7] = [28, 12, 16, 10, 20, 40, 60];
    let cut = |s: &str, w: usize| {
        let s = crate::text::nfc(s).replace(['\n', '\r', '\t'], " ");
        let n = s.chars().count();
        if n <= w {
            format!("{s}{}", " ".repeat(w - n))
        } else {
            format!("{}…", s.chars().take(w - 1).collect::<String>())
        }
    };
    let line = |cells: [&str; 7]| {
        let parts: Vec<String> = cells.iter().zip(WIDTHS).map(|(c, w)| cut(c, w)).collect();
        format!("{}\n", parts.join(" | ").trim_end())
    };
    let mut out = line(COLUMNS);
    out.push_str(&format!("{}\n", WIDTHS.map(|w| "-".repeat(w)).join("-+-")));
    for r in rows {
        let file = Path::new(&r.file).file_name().map_or(r.file.clone(), |n| n.to_string_lossy().into_owned());
        let mut cells = r.cells();
        cells[0] = &file;
        out.push_str(&line(cells));
    }
    out
}

/// The record of a group, planned (see [`record::plan`]) with every copy attached.
pub fn plan(
    root: &Path,
    g: &Group,
    campaign: Option<&str>,
    taken: &mut std::collections::BTreeSet<String>,
) -> record::Planned {
    let copies: Vec<&Imported> = g.copies.iter().collect();
    record::plan_with_copies(root, &g.primary, &copies, campaign, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        let r = Row { file: "a.docx".into(), title: "Về việc \"A\", B".into(), ..Row::default() };
        let out = csv(&[r]);
        assert!(out.starts_with("\u{feff}tệp,loại,số"));
        assert!(out.contains("a.docx,,,,,\"Về việc \"\"A\"\", B\",\r\n"), "{out}");
    }
}
