//! Keeps publishing inside the site: nothing outside the site root (and the
//! theme folder) is read through a symbolic link.
//!
//! Links are followed only when their target, with every link on the way
//! resolved, lies inside one of the allowed folders; a link that leads
//! outside, a dangling link and a link loop each become a diagnostic naming
//! the link and its target, and the walk does not enter them. Links inside
//! the site are followed, because sites keep shared pictures or a second
//! copy of a section that way and nothing leaks through them; a record's
//! folder (bundle) is stricter: its files must lie in that very folder, since
//! every file there is published beside the record's page.

use crate::diagnostics::{display_path, Diagnostic};
use crate::msg;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// Why a path may not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Escape {
    /// It resolves to `target`, outside every allowed folder.
    Outside(PathBuf),
    /// A link on the way points to nothing (`target` as written in the link).
    Dangling(PathBuf),
    /// Links on the way point at each other.
    Loop,
    /// A link to a folder that contains it (`target`): walking it never ends.
    LoopsBack(PathBuf),
}

/// The real path of `path` when it lies inside one of `allowed` (real paths).
pub(crate) fn resolve(path: &Path, allowed: &[PathBuf]) -> Result<PathBuf, Escape> {
    match std::fs::canonicalize(path) {
        Ok(real) if allowed.iter().any(|a| real.starts_with(a)) => Ok(real),
        Ok(real) => Err(Escape::Outside(real)),
        // ELOOP: "too many levels of symbolic links".
        Err(e) if e.raw_os_error() == Some(40) => Err(Escape::Loop),
        Err(_) => Err(Escape::Dangling(std::fs::read_link(path).unwrap_or_else(|_| path.to_path_buf()))),
    }
}

/// True when `path` is a file whose real path lies inside `dir`.
pub(crate) fn is_file_inside(dir: &Path, path: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else { return false };
    resolve(path, &[dir]).is_ok_and(|real| real.is_file())
}

/// Real paths of `dirs` that exist.
pub(crate) fn real_dirs<'a>(dirs: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
    dirs.into_iter().filter_map(|d| std::fs::canonicalize(d).ok()).collect()
}

/// The diagnostic for a link `link` that may not be followed.
pub(crate) fn diagnostic(root: &Path, link: &Path, escape: &Escape) -> Diagnostic {
    let shown = display_path(root, link);
    let link = shown.display().to_string();
    let message = match escape {
        Escape::Outside(target) => msg!("symlink-outside", link = link, target = target.display().to_string()),
        Escape::Dangling(target) => msg!("symlink-dangling", link = link, target = target.display().to_string()),
        Escape::Loop => msg!("symlink-loop", link = link),
        Escape::LoopsBack(folder) => {
            msg!("symlink-loops-back", link = link, folder = display_path(root, folder).display().to_string())
        }
    };
    Diagnostic::error(shown, message).hint(msg!("symlink-hint"))
}

fn unreadable(root: &Path, path: &Path, e: &walkdir::Error) -> Diagnostic {
    Diagnostic::error(display_path(root, path), msg!("path-unreadable", error = e.to_string()))
        .hint(msg!("path-unreadable-hint"))
}

/// Every entry under `dir`, following only links that stay inside `allowed`,
/// leaving out entries for which `skip` is true (their folders are not
/// entered). Refused links and unreadable entries are diagnostics.
pub(crate) fn walk(
    root: &Path,
    dir: &Path,
    allowed: &[PathBuf],
    skip: impl Fn(&DirEntry) -> bool,
) -> (Vec<DirEntry>, Vec<Diagnostic>) {
    let refused = RefCell::new(Vec::new());
    let mut entries = Vec::new();
    let walker = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
        if skip(e) {
            return false;
        }
        if e.path_is_symlink() || e.depth() == 0 {
            if let Err(escape) = resolve(e.path(), allowed) {
                refused.borrow_mut().push(diagnostic(root, e.path(), &escape));
                return false;
            }
        }
        true
    });
    let mut errors = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) => entries.push(e),
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                let d = if let Some(folder) = e.loop_ancestor() {
                    diagnostic(root, &path, &Escape::LoopsBack(folder.to_path_buf()))
                } else if is_link {
                    match resolve(&path, allowed) {
                        Err(escape) => diagnostic(root, &path, &escape),
                        Ok(_) => unreadable(root, &path, &e),
                    }
                } else {
                    unreadable(root, &path, &e)
                };
                errors.push(d);
            }
        }
    }
    let mut diags = refused.into_inner();
    diags.extend(errors);
    (entries, diags)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_out_dangling_and_looping_are_refused_links_inside_are_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let (site, outside) = (tmp.path().join("site"), tmp.path().join("secret"));
        std::fs::create_dir_all(site.join("static/shared")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("id_rsa"), "KEY").unwrap();
        std::fs::write(site.join("static/shared/a.css"), "a").unwrap();
        symlink(&outside, site.join("static/out")).unwrap();
        symlink(outside.join("id_rsa"), site.join("static/key")).unwrap();
        symlink(site.join("static/nothing"), site.join("static/gone")).unwrap();
        symlink(site.join("static/loop"), site.join("static/loop")).unwrap();
        symlink(site.join("static/shared"), site.join("static/also")).unwrap();
        let allowed = real_dirs([site.as_path()]);
        let (entries, diags) = walk(&site, &site.join("static"), &allowed, |_| false);
        let files: Vec<String> = entries
            .iter()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&site).unwrap().display().to_string())
            .collect();
        assert_eq!(files, ["static/also/a.css", "static/shared/a.css"]);
        let text: Vec<(String, String)> = diags.iter().map(|d| (d.id.clone(), d.message.clone())).collect();
        assert_eq!(diags.len(), 4, "{text:#?}");
        let has = |id: &str, a: &str, b: &str| text.iter().any(|(i, m)| i == id && m.contains(a) && m.contains(b));
        assert!(has("symlink-outside", "static/key", "id_rsa"), "{text:#?}");
        assert!(has("symlink-outside", "static/out", "secret"), "{text:#?}");
        assert!(has("symlink-dangling", "static/gone", "static/nothing"), "{text:#?}");
        assert!(has("symlink-loop", "static/loop", "static/loop"), "{text:#?}");
    }
}
