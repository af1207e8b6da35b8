//! Files published as they are, or nearly: the static files of the theme
//! (scripts minified) and of the site, the files beside folder records, and the
//! syntax-highlighting stylesheet when a record has code.

use super::minify;
use super::Renderer;
use crate::content::record::Record;
use crate::output::OutputFile;
use crate::theme::Theme;
use std::collections::BTreeMap;

/// The statics of the theme and the site (the site's win), as output files.
/// The theme's scripts are minified ([`minify`]); the site's own files are
/// copied as they are.
pub(crate) fn statics(theme: &Theme, site_statics: &BTreeMap<String, Vec<u8>>) -> Vec<OutputFile> {
    let mut all: BTreeMap<&String, Vec<u8>> = theme.statics.iter().map(|(p, b)| (p, theme_static(p, b))).collect();
    all.extend(site_statics.iter().map(|(p, b)| (p, b.clone())));
    all.into_iter().map(|(p, b)| OutputFile::bytes(p.trim_start_matches('/'), b)).collect()
}

/// A static file of the theme as it is published: scripts minified.
fn theme_static(path: &str, bytes: &[u8]) -> Vec<u8> {
    let script = path.ends_with(".js") && !path.ends_with(".min.js");
    match std::str::from_utf8(bytes).ok().filter(|_| script).and_then(minify::javascript) {
        Some(code) => code.into_bytes(),
        None => bytes.to_vec(),
    }
}

/// The files beside folder records, copied next to their pages.
pub(crate) fn assets<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for rec in records {
        let Some(dir) = &rec.source.bundle else {
            continue;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        // Only files that are really in the folder: a link leading out of it
        // is reported by `validate::bundle_links` and never copied.
        let mut names: Vec<_> =
            entries.flatten().map(|e| e.path()).filter(|p| crate::content::confine::is_file_inside(dir, p)).collect();
        names.sort();
        for p in names {
            if p.extension().is_some_and(|x| x == "md") {
                continue;
            }
            let name = p.file_name().expect("file").to_string_lossy();
            files.push(OutputFile::copy(format!("{}{name}", rec.url.trim_start_matches('/')), p.clone()));
        }
    }
    files
}

impl Renderer<'_> {
    /// The syntax stylesheet, when a record has code.
    pub(super) fn syntax_css(&self) -> Option<OutputFile> {
        self.site()
            .records
            .iter()
            .any(|rec| rec.body.has_code)
            .then(|| OutputFile::bytes("css/syntax.css", syntax_css()))
    }
}

fn syntax_css() -> String {
    use syntect::highlighting::ThemeSet;
    use syntect::html::{css_for_theme_with_class_style, ClassStyle};
    let themes = ThemeSet::load_defaults();
    themes
        .themes
        .get("InspiredGitHub")
        .and_then(|t| css_for_theme_with_class_style(t, ClassStyle::SpacedPrefixed { prefix: "hl-" }).ok())
        .unwrap_or_default()
}
