//! Watches the site's inputs and classifies each batch of file events: content
//! files can be rebuilt one by one; anything else (config, theme, static files)
//! needs a full rebuild. The output folder and caches are never watched, so a
//! rebuild cannot trigger itself.

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;
use std::time::SystemTime;

/// What a batch of file events asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    /// Only these content files changed (created, edited or removed).
    Content(Vec<PathBuf>),
    /// Config, theme or static files changed: rebuild everything.
    Full,
}

/// Classifies changed paths under `root`; `None` when nothing relevant changed.
pub(crate) fn classify(root: &Path, paths: &[PathBuf]) -> Option<Change> {
    let content = root.join("content");
    let mut files = Vec::new();
    let mut full = false;
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        if p.starts_with(&content) {
            if p.extension().is_some_and(|x| x == "md") {
                files.push(p.clone());
            } else {
                full = true;
            }
        } else if p.starts_with(root.join("static"))
            || p.starts_with(root.join("themes"))
            || *p == root.join("config.toml")
            || *p == root.join("glossary.toml")
        {
            full = true;
        }
    }
    match (full, files.is_empty()) {
        (true, _) => Some(Change::Full),
        (false, false) => {
            files.sort();
            files.dedup();
            Some(Change::Content(files))
        }
        (false, true) => None,
    }
}

/// When each watched file was last seen changed: the watcher also reports
/// reads (the rebuild's own), so an event counts only when a file's size or
/// modification time differs from what was seen before.
#[derive(Debug, Default)]
pub(crate) struct Stamps(HashMap<PathBuf, Option<(SystemTime, u64)>>);

fn stamp(p: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(p).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl Stamps {
    /// Records every file under the watched folders as it is now.
    pub(crate) fn prime(root: &Path) -> Stamps {
        let mut map = HashMap::new();
        // Links are followed inside the site only, as the build does: a link
        // to `/` must not make the watcher walk the whole machine.
        let allowed = crate::content::confine::real_dirs([root]);
        for dir in ["content", "static", "themes"] {
            let (entries, _refused_links_are_the_builds_diagnostics) =
                crate::content::confine::walk(root, &root.join(dir), &allowed, |_| false);
            for e in entries {
                if e.file_type().is_file() {
                    map.insert(e.path().to_path_buf(), stamp(e.path()));
                }
            }
        }
        for f in ["config.toml", "glossary.toml"] {
            let p = root.join(f);
            map.insert(p.clone(), stamp(&p));
        }
        Stamps(map)
    }

    /// Keeps the paths whose file really changed (created, written, removed).
    ///
    /// An event on a Markdown file that is gone always counts, even when the
    /// file was already gone the last time we looked: it was created and
    /// deleted within one batch (an editor's temporary file, often under the
    /// same name each time), and a rebuild that ran meanwhile may have found it
    /// on its walk of content/. Dropping the event left that rebuild's error
    /// (or record) in place until some other file was created or deleted.
    pub(crate) fn changed(&mut self, paths: Vec<PathBuf>) -> Vec<PathBuf> {
        paths
            .into_iter()
            .filter(|p| !p.is_dir())
            .filter(|p| {
                let now = stamp(p);
                let before = self.0.insert(p.clone(), now);
                let absent_md = now.is_none() && p.extension().is_some_and(|x| x == "md");
                absent_md || before.flatten() != now
            })
            .collect()
    }
}

/// A path the watcher reports (always absolute) as the site knows it: under
/// `root` as given (`.` by default). Without this, a relative root matched no
/// event, and serve never reloaded.
fn as_given(root: &Path, absolute_root: &Path, path: PathBuf) -> PathBuf {
    match path.strip_prefix(absolute_root) {
        Ok(inside) => root.join(inside),
        Err(_) => path,
    }
}

/// Starts watching; batches arrive on `tx` (the watcher lives as long as the returned value).
pub(crate) fn start(
    root: &Path,
    tx: Sender<Change>,
) -> notify_debouncer_mini::notify::Result<Debouncer<impl notify_debouncer_mini::notify::Watcher>> {
    let root_owned = root.to_path_buf();
    let absolute_root = std::path::absolute(root).map_err(notify_debouncer_mini::notify::Error::io)?;
    let mut stamps = Stamps::prime(root);
    let mut debouncer = new_debouncer(Duration::from_millis(30), move |res: DebounceEventResult| match res {
        Ok(events) => {
            let paths = events.into_iter().map(|e| as_given(&root_owned, &absolute_root, e.path)).collect();
            let paths = stamps.changed(paths);
            if let Some(change) = classify(&root_owned, &paths) {
                // The receiver is gone only when serve is stopping.
                if tx.send(change).is_err() {
                    eprintln!("serve: {}", crate::t!("serve-rebuild-stopped"));
                }
            }
        }
        Err(e) => eprintln!("serve: {}", crate::t!("serve-watch-failed", error = e.to_string())),
    })?;
    for dir in ["content", "static", "themes"] {
        let p = root.join(dir);
        if p.is_dir() {
            debouncer.watcher().watch(&p, RecursiveMode::Recursive)?;
        }
    }
    debouncer.watcher().watch(root, RecursiveMode::NonRecursive)?;
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes() {
        let root = Path::new("/s");
        let md = PathBuf::from("/s/content/tin-tuc/a.md");
        assert_eq!(classify(root, std::slice::from_ref(&md)), Some(Change::Content(vec![md.clone()])));
        assert_eq!(
            classify(root, &[md.clone(), PathBuf::from("/s/themes/default/templates/base.html")]),
            Some(Change::Full)
        );
        assert_eq!(classify(root, &[PathBuf::from("/s/config.toml")]), Some(Change::Full));
        assert_eq!(classify(root, &[PathBuf::from("/s/content/dien-hinh/a/anh.jpg")]), Some(Change::Full));
        assert_eq!(classify(root, &[PathBuf::from("/s/public/index.html")]), None);
        assert_eq!(classify(root, &[PathBuf::from("/s/content/tin-tuc/.a.md.swp")]), None);
    }

    #[test]
    fn reported_paths_are_put_under_the_root_as_given() {
        let abs = Path::new("/home/ban/cong-thong-tin");
        let got = as_given(Path::new("."), abs, PathBuf::from("/home/ban/cong-thong-tin/content/tin-tuc/a.md"));
        assert_eq!(got, Path::new("./content/tin-tuc/a.md"));
        assert_eq!(classify(Path::new("."), std::slice::from_ref(&got)), Some(Change::Content(vec![got])));
        let elsewhere = PathBuf::from("/tmp/x.md");
        assert_eq!(as_given(Path::new("."), abs, elsewhere.clone()), elsewhere);
    }

    #[test]
    fn reads_are_not_changes() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("content/a.md");
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(&f, "one").unwrap();
        let mut stamps = Stamps::prime(dir.path());
        assert!(stamps.changed(vec![f.clone(), dir.path().join("content")]).is_empty(), "nothing was written");
        std::fs::write(&f, "three").unwrap();
        assert_eq!(stamps.changed(vec![f.clone()]), vec![f.clone()]);
        std::fs::remove_file(&f).unwrap();
        assert_eq!(stamps.changed(vec![f.clone()]), vec![f]);
    }

    #[test]
    fn a_markdown_file_created_and_deleted_within_a_batch_counts() {
        let dir = tempfile::tempdir().unwrap();
        let mut stamps = Stamps::prime(dir.path());
        let gone = dir.path().join("content/tam.md");
        assert_eq!(stamps.changed(vec![gone.clone()]), vec![gone.clone()]);
        assert_eq!(stamps.changed(vec![gone.clone()]), vec![gone], "the same temporary name again");
        assert!(stamps.changed(vec![dir.path().join("content/.tam.swp")]).is_empty());
    }
}
