//! Finds the record files under `content/`: `<section>/<slug>.md`,
//! `<section>/<slug>/index.md` (a bundle with its files beside it), plain pages
//! and the optional `_index.md` intros. Walk errors (unreadable folders,
//! symlink loops, links leading outside the site: see [`super::confine`])
//! become diagnostics; nothing is skipped silently.

use super::record::Kind;
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// One Markdown file to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path under `content/` with `/` separators: `phong-trao/a.md`.
    pub rel: String,
    /// Path to read.
    pub file: PathBuf,
    /// Kind, from the first folder.
    pub kind: Kind,
    /// Folders between `content/` and the file, for pages (`["gioi-thieu"]`), empty for records.
    pub dirs: Vec<String>,
    /// The slug the file name gives (stem, or folder for `index.md`).
    pub stem: String,
    /// The bundle folder for `index.md` records.
    pub bundle: Option<PathBuf>,
    /// True for `_index.md` (an intro of the home page or of a section).
    pub is_intro: bool,
}

/// Every `.md` file under `<root>/content`, sorted by path.
pub(crate) fn discover(root: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let content = root.join("content");
    let mut files = Vec::new();
    let mut diags = Vec::new();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(root.join("content"), crate::msg!("content-missing"))
                .hint(crate::msg!("content-missing-hint")),
        );
        return (files, diags);
    }
    let allowed = super::confine::real_dirs([root]);
    let hidden = |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let (entries, walk_diags) = super::confine::walk(root, &content, &allowed, hidden);
    diags.extend(walk_diags);
    for entry in entries {
        if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "md") {
            continue;
        }
        if let Some(f) = classify(&content, entry.path()) {
            files.push(f);
        }
    }
    (files, diags)
}

fn classify(content: &Path, path: &Path) -> Option<SourceFile> {
    let rel_path = path.strip_prefix(content).ok()?;
    let parts: Vec<String> = rel_path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let rel = parts.join("/");
    let file_name = parts.last()?.clone();
    let file_stem = file_name.trim_end_matches(".md").to_owned();
    let is_intro = file_stem == "_index";
    let kind = if parts.len() > 1 { Kind::of_section(&parts[0]) } else { Kind::Page };
    let is_bundle = file_stem == "index" && parts.len() >= 2 && !(kind != Kind::Page && parts.len() == 2);
    let (stem, bundle, dir_parts) = if is_bundle {
        let folder = parts[parts.len() - 2].clone();
        (folder, path.parent().map(Path::to_path_buf), &parts[..parts.len() - 2])
    } else {
        (file_stem, None, &parts[..parts.len() - 1])
    };
    let dirs = if kind == Kind::Page { dir_parts.to_vec() } else { dir_parts.get(1..).unwrap_or(&[]).to_vec() };
    Some(SourceFile { rel, file: path.to_path_buf(), kind, dirs, stem, bundle, is_intro })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(p: &str) -> SourceFile {
        classify(Path::new("/s/content"), &Path::new("/s/content").join(p)).unwrap()
    }

    #[test]
    fn classifies_records_bundles_and_pages() {
        let a = c("phong-trao/vi-nguoi-ngheo.md");
        assert_eq!((a.kind, a.stem.as_str(), a.bundle.is_none()), (Kind::Campaign, "vi-nguoi-ngheo", true));
        let b = c("dien-hinh/dieu-lam/index.md");
        assert_eq!((b.kind, b.stem.as_str()), (Kind::Person, "dieu-lam"));
        assert_eq!(b.bundle.as_deref(), Some(Path::new("/s/content/dien-hinh/dieu-lam")));
        let p = c("gioi-thieu.md");
        assert_eq!((p.kind, p.stem.as_str(), p.dirs.len()), (Kind::Page, "gioi-thieu", 0));
        assert!(c("_index.md").is_intro);
        assert!(c("tin-tuc/_index.md").is_intro);
        let q = c("huong-dan/dang-ky/index.md");
        assert_eq!((q.kind, q.stem.as_str(), q.dirs.clone()), (Kind::Page, "dang-ky", vec!["huong-dan".to_owned()]));
    }
}
