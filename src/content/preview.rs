//! Drafts in `serve`'s preview. `serve` shows drafts, and a draft is work in
//! progress: the editor saves a record with errors as a draft on purpose. So
//! when the configuration is a preview ([`Config::preview`]) and drafts are
//! shown, the errors of a draft's file are warnings (the rest of the site
//! still previews; the editor and the draft's bar show them), and a draft
//! that would publish at a URL another record or a static file takes is left
//! out. `thidua build` and `thidua check` are no preview: for them nothing
//! here applies, and a draft's errors stay errors as before.
//!
//! [`Config::preview`]: crate::config::Config::preview

use super::discover::SourceFile;
use super::record::Record;
use super::{frontmatter, validate};
use crate::diagnostics::{Diagnostic, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// True when the file of `src`, which could not be made a record, still says
/// `draft = true` in a front matter that parses (its errors are a draft's).
pub(crate) fn is_draft_file(src: &SourceFile) -> bool {
    let Ok(text) = std::fs::read_to_string(&src.file) else { return false };
    frontmatter::parse(&src.file, &text).is_ok_and(|p| p.data.get("draft") == Some(&serde_json::Value::Bool(true)))
}

/// A draft's errors made warnings: every diagnostic about a file of `drafts`
/// (paths as diagnostics write them).
pub(crate) fn demote(diags: impl IntoIterator<Item = Diagnostic>, drafts: &BTreeSet<PathBuf>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .map(
            |d| {
                if d.is_error() && drafts.contains(&d.path) {
                    Diagnostic { severity: Severity::Warning, ..d }
                } else {
                    d
                }
            },
        )
        .collect()
}

/// Takes out of `records` the drafts whose page another record publishes too,
/// or that a static file would overwrite (the output can hold one file a
/// path), adding their URLs to `hidden`; returns the problems, for
/// [`demote`] to make warnings.
pub(crate) fn set_aside(
    records: &mut Vec<Record>,
    static_files: &BTreeSet<String>,
    hidden: &mut BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let e = first.entry(r.url.as_str()).or_insert(i);
        // a published record wins its URL over a draft
        if records[*e].draft && !r.draft {
            *e = i;
        }
    }
    let mut out = Vec::new();
    let mut aside = BTreeSet::new();
    for (i, r) in records.iter().enumerate().filter(|(_, r)| r.draft) {
        let owner = first[r.url.as_str()];
        if owner != i {
            out.extend(
                validate::duplicates(&[records[owner].clone(), r.clone()])
                    .into_iter()
                    .filter(|d| d.path == r.source.path),
            );
            aside.insert(i);
        } else {
            let clash = validate::collisions(std::slice::from_ref(r), static_files);
            if !clash.is_empty() {
                out.extend(clash);
                aside.insert(i);
            }
        }
    }
    let mut i = 0;
    records.retain(|r| {
        let keep = !aside.contains(&i);
        i += 1;
        if !keep {
            hidden.insert(r.url.clone());
        }
        keep
    });
    out
}
