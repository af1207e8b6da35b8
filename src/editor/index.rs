//! What the editor knows of the site's records: every content file, read with
//! the same loader as `thidua check`, with its own diagnostics and the
//! reference checks that span records. Files are read again only when their
//! size or modification time changed, so listing a large site twice is cheap.

use crate::content::discover::{discover, SourceFile};
use crate::content::load::load_front;
use crate::content::{validate, Kind, Record};
use crate::diagnostics::Diagnostic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One content file as the editor lists it.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The file as `discover` found it.
    pub(crate) src: SourceFile,
    /// The record, when its front matter could be read.
    pub(crate) record: Option<Record>,
    /// Its problems (its own, then the references it makes).
    pub(crate) diags: Vec<Diagnostic>,
    stamp: Option<(SystemTime, u64)>,
}

impl Entry {
    /// The path under the site root: `content/tin-tuc/a.md`.
    pub(crate) fn site_path(&self) -> String {
        format!("content/{}", self.src.rel)
    }

    /// True when one of its diagnostics is an error.
    pub(crate) fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// The records of the site, kept between requests.
#[derive(Default)]
pub(crate) struct Index {
    entries: BTreeMap<PathBuf, Entry>,
    /// Problems of the walk itself (missing content/).
    pub(crate) walk_errors: Vec<Diagnostic>,
}

fn stamp(p: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(p).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl Index {
    /// Reads what changed on disk since the last call.
    pub(crate) fn refresh(&mut self, root: &Path) {
        let (files, walk) = discover(root);
        self.walk_errors = walk;
        let mut next = BTreeMap::new();
        for src in files {
            let now = stamp(&src.file);
            let entry = match self.entries.remove(&src.file) {
                Some(e) if e.stamp == now && now.is_some() && e.src == src => e,
                _ => {
                    let (pending, diags) = load_front(root, &src);
                    Entry { record: pending.map(|p| p.record), diags, stamp: now, src: src.clone() }
                }
            };
            next.insert(src.file.clone(), entry);
        }
        self.entries = next;
    }

    /// Every entry, with the reference problems (unknown campaigns or people,
    /// missing files) added to the entry they concern.
    pub(crate) fn entries(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self.entries.values().cloned().collect();
        let records: Vec<Record> = out.iter().filter_map(|e| e.record.clone()).collect();
        let refs = validate::references(&records, &BTreeSet::new()).into_iter().chain(validate::districts(&records));
        for d in refs {
            if let Some(e) = out.iter_mut().find(|e| e.record.as_ref().is_some_and(|r| r.source.path == d.path)) {
                e.diags.push(d);
            }
        }
        out
    }

    /// The entry of the page at site path `url` (`/tin-tuc/a/`).
    pub(crate) fn by_url(&self, url: &str) -> Option<&Entry> {
        self.entries.values().find(|e| e.record.as_ref().is_some_and(|r| r.url == url))
    }

    /// Every record of `kind`.
    pub(crate) fn records(&self, kind: Kind) -> impl Iterator<Item = &Record> {
        self.entries.values().filter_map(|e| e.record.as_ref()).filter(move |r| r.kind == kind)
    }

    /// The records other than the one at `file`, for checking an edited record against them.
    pub(crate) fn others(&self, file: &Path) -> Vec<Record> {
        self.entries.values().filter(|e| e.src.file != file).filter_map(|e| e.record.clone()).collect()
    }

    /// Distinct values the site uses for a text key (tags, districts, communes);
    /// districts once each whatever their unit word (`huyện Bù Đăng` is `Bù Đăng`).
    pub(crate) fn values(&self, key: &str) -> BTreeSet<String> {
        if key == "district" {
            let mut by_key: BTreeMap<String, String> = BTreeMap::new();
            for d in self.raw_values(key) {
                let k = crate::content::schema::district_key(&d);
                let bare = by_key.get(&k).is_none_or(|old| d.len() < old.len());
                if bare {
                    by_key.insert(k, d);
                }
            }
            return by_key.into_values().collect();
        }
        self.raw_values(key)
    }

    fn raw_values(&self, key: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for r in self.entries.values().filter_map(|e| e.record.as_ref()) {
            match key {
                "tags" => out.extend(r.tags.iter().cloned()),
                "district" | "commune" => {
                    if let Some(p) = r.person() {
                        let v = if key == "district" { &p.district } else { &p.commune };
                        out.extend(v.iter().cloned());
                    }
                }
                _ => {}
            }
        }
        out
    }
}
