//! The theme: Tera templates and static files, read from `themes/<name>/` in
//! the site, or from the default theme compiled into the binary.

use crate::config::Config;
use crate::content::confine;
use crate::diagnostics::{display_path, Diagnostic};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// A loaded theme.
#[derive(Debug, Clone, Default)]
pub(crate) struct Theme {
    /// Template name (`base.html`) → source.
    pub(crate) templates: BTreeMap<String, String>,
    /// Static file site path (`/css/site.css`) → bytes.
    pub(crate) statics: BTreeMap<String, Vec<u8>>,
}

/// Loads the theme the config names.
pub(crate) fn load(config: &Config) -> Result<Theme, Diagnostic> {
    let mut theme = Theme::default();
    match &config.theme_dir {
        Some(dir) => {
            for (rel, bytes) in read_tree(&config.root, dir)? {
                theme.add(&rel, bytes, &config.root.join(dir).join(&rel))?;
            }
        }
        None => {
            for (rel, bytes) in embedded::FILES {
                theme.add(rel, bytes.to_vec(), Path::new(rel))?;
            }
        }
    }
    Ok(theme)
}

impl Theme {
    fn add(&mut self, rel: &str, bytes: Vec<u8>, path: &Path) -> Result<(), Diagnostic> {
        if let Some(name) = rel.strip_prefix("templates/") {
            let text = String::from_utf8(bytes).map_err(|_| {
                Diagnostic::error(path, crate::msg!("tpl-file-not-utf8")).hint(crate::msg!("tpl-file-not-utf8-hint"))
            })?;
            self.templates.insert(name.to_owned(), text);
        } else if let Some(file) = rel.strip_prefix("static/") {
            self.statics.insert(format!("/{file}"), bytes);
        }
        Ok(())
    }
}

/// Every file under `dir` as (`/`-separated relative path, bytes), sorted.
/// Links are followed only inside the site root and the theme folder
/// ([`crate::content::confine`]); the first link that leads elsewhere, dangles
/// or loops is the error.
pub(crate) fn read_tree(root: &Path, dir: &Path) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let allowed = confine::real_dirs([root, dir]);
    let (entries, diags) = confine::walk(root, dir, &allowed, |_| false);
    if let Some(d) = diags.into_iter().next() {
        return Err(d);
    }
    for entry in entries {
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).expect("walk stays inside dir");
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let bytes = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::error(display_path(root, entry.path()), crate::msg!("path-unreadable", error = e.to_string()))
                .hint(crate::msg!("path-unreadable-hint"))
        })?;
        out.push((rel, bytes));
    }
    Ok(out)
}

/// The site's own `static/` files as (site path, bytes).
pub(crate) fn site_statics(root: &Path) -> Result<BTreeMap<String, Vec<u8>>, Diagnostic> {
    Ok(read_tree(root, &root.join("static"))?.into_iter().map(|(rel, b)| (format!("/{rel}"), b)).collect())
}

/// The site paths of all static files (theme and site).
pub(crate) fn static_paths(theme: &Theme, site: &BTreeMap<String, Vec<u8>>) -> BTreeSet<String> {
    theme.statics.keys().chain(site.keys()).cloned().collect()
}
