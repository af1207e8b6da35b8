//! Skipping a build when nothing changed.
//!
//! After a successful build, a *stamp* is written to
//! `<parent of output>/.thidua-cache/build-<output folder name>.json`. It holds
//! a fingerprint of every input of the build and a manifest of what the build
//! left on disk (every file and folder of the output and of the tantivy index,
//! with its size and modification time), plus the build's report.
//!
//! The next build computes the fingerprint again first. When it equals the
//! stamp's and the output and the index still match their manifests exactly
//! (nothing added, removed, resized or touched), the previous output *is* what
//! the build would write, and the build stops there. Anything else, including
//! a stamp that cannot be read, means a full build.
//!
//! The fingerprint covers: the bytes of every file under `content/`, `static/`
//! and the theme folder, `config.toml` and `glossary.toml`; the effective
//! configuration (which holds the output path, base URL, drafts flag, theme and
//! "today", which decides future-dated records and campaign status); the
//! `--future` flag; and the identity of the `thidua` program itself (version,
//! size and modification time of the executable, which also covers the
//! built-in theme and glossary).

use crate::config::Config;
use crate::content::confine;
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// What a previous build recorded about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    /// Fingerprint of the inputs the build read.
    pub(crate) fingerprint: String,
    /// Records published.
    pub(crate) records: usize,
    /// HTML pages written.
    pub(crate) pages: usize,
    /// Files written.
    pub(crate) files: usize,
    /// Warnings of the build.
    pub(crate) warnings: Vec<Diagnostic>,
    /// Records held back as future-dated, with their dates.
    pub(crate) future: Vec<(String, String)>,
    /// The output folder as the build left it.
    pub(crate) output: Vec<Entry>,
    /// The tantivy index folder as the build left it.
    pub(crate) index: Vec<Entry>,
    /// The search files the build wrote, and what they were made from.
    #[serde(default)]
    pub(crate) search: Option<SearchStamp>,
}

/// The search index of a build: made from which documents and glossary, and
/// which files of the output hold its static export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SearchStamp {
    /// [`search_fingerprint`] of the documents and glossary indexed.
    pub(crate) fingerprint: String,
    /// Site path of the export's entry file.
    pub(crate) entry: String,
    /// Paths of the export's files under the output folder.
    pub(crate) files: Vec<String>,
}

/// One file, folder or link of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// Path relative to the manifest's folder, `/`-separated.
    pub(crate) path: String,
    /// `f` file, `d` folder, `l` symbolic link.
    pub(crate) kind: char,
    /// Size in bytes.
    pub(crate) size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub(crate) mtime: i128,
    /// Inode change time, nanoseconds since the epoch (it cannot be set back by hand).
    pub(crate) ctime: i128,
}

/// Where the stamp of the output folder `output` lives.
pub(crate) fn stamp_path(output: &Path) -> PathBuf {
    crate::cache::CacheDir::beside(output).build_stamp(output)
}

/// The fingerprint of every input of a build of `config`; `None` when an
/// input cannot be read (the build then runs and reports the problem).
pub(crate) fn fingerprint(config: &Config, future: bool) -> Option<String> {
    let mut h = Sha256::new();
    h.update(program_identity()?);
    // The configuration's fields as serde writes them, not its Debug text,
    // which a field's Debug could change (or stop showing) without a word.
    h.update(b"config ");
    h.update(serde_json::to_vec(config).ok()?);
    h.update(format!("\nfuture {future}\n"));
    let root = &config.root;
    // Only what the build may read is read here: links are followed inside the
    // site root and the theme folder alone (a link in static/ to /dev/zero or
    // to a huge file elsewhere is the build's diagnostic, never read), and
    // only regular files are read (a named pipe would block forever).
    let allowed = confine::real_dirs([Some(root.as_path()), config.theme_dir.as_deref()].into_iter().flatten());
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for name in ["config.toml", "glossary.toml"] {
        let path = root.join(name);
        match confine::resolve(&path, &allowed) {
            Ok(_) => files.push((name.to_owned(), path)),
            Err(confine::Escape::Dangling(_)) if std::fs::symlink_metadata(&path).is_err() => {
                h.update(format!("{name}: none\n"));
            }
            Err(escape) => h.update(format!("{name}: refused {escape:?}\n")),
        }
    }
    let mut trees = vec![("content", root.join("content")), ("static", root.join("static"))];
    trees.extend(config.theme_dir.clone().map(|d| ("theme", d)));
    for (tag, dir) in trees {
        if !dir.exists() {
            h.update(format!("{tag}: none\n"));
            continue;
        }
        let (entries, refused) = confine::walk(root, &dir, &allowed, |_| false);
        for d in refused {
            // A refused link still decides the build (it is a diagnostic): its
            // place and target are part of the fingerprint, its bytes are not.
            h.update(format!("{tag} refused {}\n", d.message));
        }
        for entry in entries {
            let rel = entry.path().strip_prefix(&dir).ok()?.to_string_lossy().into_owned();
            let kind = entry.file_type();
            if kind.is_dir() {
                h.update(format!("{tag} dir {rel}\n"));
            } else if kind.is_file() {
                files.push((format!("{tag}/{rel}"), entry.path().to_path_buf()));
            } else {
                h.update(format!("{tag} special {rel}\n"));
            }
        }
    }
    let hashes: Vec<Option<String>> = files.par_iter().map(|(_, path)| hash_file(path)).collect();
    for ((name, _), hash) in files.iter().zip(hashes) {
        h.update(format!("{name} {}\n", hash?));
    }
    Some(format!("{:x}", h.finalize()))
}

/// Size and SHA-256 of a regular file, read in pieces (never whole into
/// memory); `"none"` when it is gone, `None` when it cannot be read.
fn hash_file(path: &Path) -> Option<String> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => return Some("special".to_owned()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some("none".to_owned()),
        Err(_) => return None,
    }
    let mut file = std::fs::File::open(path).ok()?;
    let mut h = Sha256::new();
    let len = std::io::copy(&mut file, &mut h).ok()?;
    Some(format!("{len} {:x}", h.finalize()))
}

fn program_identity() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(&exe).ok()?;
    let modified = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some(format!("thidua {} exe {} {modified}\n", env!("CARGO_PKG_VERSION"), meta.len()))
}

/// The fingerprint of what the search index is made from: every search
/// document (in URL order), the glossary, and the program. Two builds with the
/// same one write the same search files and the same tantivy index.
pub(crate) fn search_fingerprint(
    docs: &[crate::search::SearchDoc],
    glossary: &crate::search::Glossary,
) -> Option<String> {
    let mut h = Sha256::new();
    h.update(program_identity()?);
    h.update(format!("glossary {glossary:?}\n"));
    let mut hashes: Vec<(&str, Option<String>)> = docs
        .par_iter()
        .map(|d| (d.url.as_str(), serde_json::to_vec(d).ok().map(|b| format!("{:x}", Sha256::digest(&b)))))
        .collect();
    hashes.sort();
    for (url, hash) in hashes {
        h.update(format!("{url} {}\n", hash?));
    }
    Some(format!("{:x}", h.finalize()))
}

/// The previous build's stamp of `output`, if there is a readable one.
pub(crate) fn read(output: &Path) -> Option<Stamp> {
    serde_json::from_slice(&std::fs::read(stamp_path(output)).ok()?).ok()
}

/// The previous build's search index, when its files in `output` and the
/// tantivy folder `index` are exactly as that build left them, so that they
/// can be kept if this build's [`search_fingerprint`] is the same. Must be
/// asked before anything links to the previous output's files.
pub(crate) fn reusable_search(output: &Path, index: &Path, stamp: &Stamp) -> Option<SearchStamp> {
    let search = stamp.search.clone()?;
    if manifest(index).ok()? != stamp.index {
        return None;
    }
    let recorded: std::collections::HashMap<&str, &Entry> = stamp.output.iter().map(|e| (e.path.as_str(), e)).collect();
    for file in &search.files {
        let now = entry(output, &output.join(file)).ok()?;
        if recorded.get(file.as_str()) != Some(&&now) {
            return None;
        }
    }
    Some(search)
}

fn entry(dir: &Path, path: &Path) -> std::io::Result<Entry> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::symlink_metadata(path)?;
    let rel = path.strip_prefix(dir).map_err(std::io::Error::other)?;
    let kind = if meta.is_dir() {
        'd'
    } else if meta.file_type().is_symlink() {
        'l'
    } else {
        'f'
    };
    let nanos = |s: i64, ns: i64| i128::from(s) * 1_000_000_000 + i128::from(ns);
    Ok(Entry {
        path: rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        kind,
        size: if kind == 'd' { 0 } else { meta.len() },
        mtime: nanos(meta.mtime(), meta.mtime_nsec()),
        ctime: nanos(meta.ctime(), meta.ctime_nsec()),
    })
}

/// Every file, folder and link under `dir` (not following links), sorted by path.
pub(crate) fn manifest(dir: &Path) -> std::io::Result<Vec<Entry>> {
    let mut out = Vec::new();
    for e in WalkDir::new(dir).sort_by_file_name() {
        let e = e.map_err(std::io::Error::other)?;
        out.push(entry(dir, e.path())?);
    }
    Ok(out)
}

/// True when `stamp`'s fingerprint is `fingerprint` and the output folder
/// `output` and the index folder `index` are exactly as that build left them.
pub(crate) fn unchanged(output: &Path, index: &Path, stamp: &Stamp, fingerprint: &str) -> bool {
    stamp.fingerprint == fingerprint
        && manifest(output).is_ok_and(|m| m == stamp.output)
        && manifest(index).is_ok_and(|m| m == stamp.index)
}

/// Removes the stamp of `output` (before a build changes the output).
pub(crate) fn forget(output: &Path) {
    // A stamp that cannot be removed is harmless: its manifest no longer
    // matches the output once the build has replaced it.
    let _ignored = std::fs::remove_file(stamp_path(output));
}

/// Records a finished build: `stamp` with the manifests of `output` and `index`
/// taken now. Best effort: without a stamp the next build is simply a full one.
pub(crate) fn record(output: &Path, index: &Path, mut stamp: Stamp) {
    let (Ok(out), Ok(idx)) = (manifest(output), manifest(index)) else { return };
    stamp.output = out;
    stamp.index = idx;
    let path = stamp_path(output);
    let Ok(json) = serde_json::to_vec(&stamp) else { return };
    let tmp = path.with_extension(format!("json.tmp-{}", std::process::id()));
    let written = path.parent().is_some_and(|p| std::fs::create_dir_all(p).is_ok())
        && std::fs::write(&tmp, json).is_ok()
        && std::fs::rename(&tmp, &path).is_ok();
    if !written {
        let _ignored = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_sees_added_removed_and_rewritten_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/x.html"), "x").unwrap();
        let before = manifest(dir.path()).unwrap();
        assert_eq!(
            before.iter().map(|e| (e.path.as_str(), e.kind)).collect::<Vec<_>>(),
            [("", 'd'), ("a", 'd'), ("a/x.html", 'f')]
        );
        assert_eq!(manifest(dir.path()).unwrap(), before, "stable when nothing changes");
        std::fs::write(dir.path().join("a/x.html"), "y").unwrap();
        assert_ne!(manifest(dir.path()).unwrap(), before, "same size, rewritten");
        let rewritten = manifest(dir.path()).unwrap();
        std::fs::write(dir.path().join("a/y.html"), "y").unwrap();
        assert_ne!(manifest(dir.path()).unwrap(), rewritten, "added");
        std::fs::remove_file(dir.path().join("a/y.html")).unwrap();
        std::fs::remove_file(dir.path().join("a/x.html")).unwrap();
        assert_ne!(manifest(dir.path()).unwrap(), rewritten, "removed");
    }

    #[test]
    fn fingerprint_follows_the_content_the_config_today_and_the_future_flag() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "[site]\ntitle = \"T\"\n").unwrap();
        std::fs::create_dir_all(dir.path().join("content/tin-tuc")).unwrap();
        std::fs::write(dir.path().join("content/tin-tuc/a.md"), "+++\ntitle = \"A\"\n+++\n").unwrap();
        let config = crate::config::load(dir.path(), &crate::config::Overrides::default()).unwrap();
        let base = fingerprint(&config, false).unwrap();
        assert_eq!(fingerprint(&config, false).unwrap(), base, "stable");
        assert_ne!(fingerprint(&config, true).unwrap(), base, "--future");
        let mut tomorrow = config.clone();
        tomorrow.today = crate::date::PartialDate::ymd(2031, 1, 2);
        assert_ne!(fingerprint(&tomorrow, false).unwrap(), base, "today decides what is published");
        let mut per_page = config.clone();
        per_page.news_per_page += 1;
        assert_ne!(fingerprint(&per_page, false).unwrap(), base, "every configured value counts");
        let mut menu = config.clone();
        menu.menu.push(crate::config::MenuEntry { name: "Văn bản".into(), url: "/van-ban/".into() });
        assert_ne!(fingerprint(&menu, false).unwrap(), base, "nested values count too");
        std::fs::write(dir.path().join("content/tin-tuc/a.md"), "+++\ntitle = \"B\"\n+++\n").unwrap();
        assert_ne!(fingerprint(&config, false).unwrap(), base, "content");
        std::fs::write(dir.path().join("content/tin-tuc/a.md"), "+++\ntitle = \"A\"\n+++\n").unwrap();
        assert_eq!(fingerprint(&config, false).unwrap(), base, "content bytes, not times");
        std::fs::create_dir_all(dir.path().join("static")).unwrap();
        assert_ne!(fingerprint(&config, false).unwrap(), base, "a new folder");
    }

    #[test]
    fn stamp_is_beside_the_search_index() {
        assert_eq!(stamp_path(Path::new("/site/public")), Path::new("/site/.thidua-cache/build-public.json"));
    }
}
