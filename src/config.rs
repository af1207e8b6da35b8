//! Reads `config.toml` and the command line into one validated [`Config`].
//!
//! Raw (as written) and validated (as used) configuration are separate types,
//! so later stages never see a half-checked value.

use crate::content::date::{today, PartialDate};
use crate::diagnostics::Diagnostic;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// `config.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: RawSite,
    #[serde(default)]
    build: RawBuild,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSite {
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default = "default_base_url")]
    base_url: String,
    #[serde(default = "default_language")]
    language: String,
    #[serde(default = "default_theme")]
    theme: String,
    #[serde(default)]
    organization: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    phone: Option<String>,
    #[serde(default)]
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBuild {
    #[serde(default = "default_per_page")]
    news_per_page: usize,
    #[serde(default = "default_featured")]
    featured_people: usize,
}

impl Default for RawBuild {
    fn default() -> Self {
        RawBuild { news_per_page: default_per_page(), featured_people: default_featured() }
    }
}

fn default_base_url() -> String {
    "/".into()
}
fn default_language() -> String {
    "vi".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_per_page() -> usize {
    10
}
fn default_featured() -> usize {
    6
}

/// What the command line may override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--output`.
    pub output: Option<PathBuf>,
    /// `--base-url`.
    pub base_url: Option<String>,
    /// `--drafts`.
    pub drafts: bool,
}

/// The validated configuration every later stage reads.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site folder.
    pub root: PathBuf,
    /// Where the site is written.
    pub output: PathBuf,
    /// Site title.
    pub title: String,
    /// One-line description (meta description of the home page).
    pub description: String,
    /// Organisation line shown in the footer (defaults to the title).
    pub organization: String,
    /// Contact address, phone, e-mail for the footer.
    pub contact: Vec<String>,
    /// Absolute base URL ending with `/`, or just the path when no host is known.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending with `/`.
    pub base_path: String,
    /// Content language (`vi`).
    pub language: String,
    /// Theme name.
    pub theme: String,
    /// `themes/<theme>` inside the site, when it exists; else the built-in default theme is used.
    pub theme_dir: Option<PathBuf>,
    /// Include drafts.
    pub drafts: bool,
    /// News items per list page.
    pub news_per_page: usize,
    /// People shown on the home page.
    pub featured_people: usize,
    /// The day the build runs (from `SOURCE_DATE_EPOCH` when set).
    pub today: PartialDate,
}

/// Reads `<root>/config.toml` and applies the overrides.
pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostic> {
    let path = root.join("config.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Diagnostic::error(&path, format!("cannot read config.toml: {e}"))
            .hint("run thidua in the site folder, or pass --root DIR pointing at the folder that holds config.toml")
    })?;
    let raw: RawConfig = toml::from_str(&text).map_err(|e| {
        let d = Diagnostic::error(&path, format!("invalid config.toml: {}", e.message().trim()));
        let d = match e.span() {
            Some(s) => d.at_offset(&text, s.start),
            None => d,
        };
        d.hint("config.toml needs a [site] table with at least title = \"…\"; see the README for every key")
    })?;
    validate(root, raw, overrides, &path, &text)
}

fn validate(root: &Path, raw: RawConfig, ov: &Overrides, path: &Path, text: &str) -> Result<Config, Diagnostic> {
    let line_of = |key: &str| text.lines().position(|l| l.trim_start().starts_with(key)).map_or(0, |i| i + 1);
    let base_url = ov.base_url.clone().unwrap_or(raw.site.base_url);
    let base_path = base_path_of(&base_url).ok_or_else(|| {
        Diagnostic::error(path, format!("base_url `{base_url}` is not a URL or a path"))
            .at(text, line_of("base_url"), 1)
            .hint("write a full URL such as \"https://bandantoc.example.gov.vn/\" or a path such as \"/portal/\"")
    })?;
    if raw.site.language != "vi" {
        return Err(Diagnostic::error(path, format!("language `{}` is not supported", raw.site.language))
            .at(text, line_of("language"), 1)
            .hint("thidua builds Vietnamese portals: set language = \"vi\""));
    }
    if raw.build.news_per_page == 0 {
        return Err(Diagnostic::error(path, "news_per_page must be at least 1").at(text, line_of("news_per_page"), 1));
    }
    let theme_dir = root.join("themes").join(&raw.site.theme);
    let theme_dir = if theme_dir.is_dir() {
        Some(theme_dir)
    } else if raw.site.theme == "default" {
        None
    } else {
        return Err(Diagnostic::error(
            path,
            format!("theme `{}` not found at {}", raw.site.theme, theme_dir.display()),
        )
        .at(text, line_of("theme"), 1)
        .hint("create that folder with templates/ and static/, or set theme = \"default\" to use the built-in theme"));
    };
    let title = crate::text::nfc(raw.site.title.trim());
    let contact = [raw.site.address, raw.site.phone, raw.site.email]
        .into_iter()
        .flatten()
        .map(|s| crate::text::nfc(&s))
        .collect();
    Ok(Config {
        root: root.to_path_buf(),
        output: ov.output.clone().unwrap_or_else(|| root.join("public")),
        organization: raw.site.organization.map(|o| crate::text::nfc(&o)).unwrap_or_else(|| title.clone()),
        title,
        description: crate::text::nfc(raw.site.description.trim()),
        contact,
        base_url: with_trailing_slash(&base_url),
        base_path,
        language: raw.site.language,
        theme: raw.site.theme,
        theme_dir,
        drafts: ov.drafts,
        news_per_page: raw.build.news_per_page,
        featured_people: raw.build.featured_people,
        today: today(),
    })
}

impl Config {
    /// The absolute URL of a site path (`/phong-trao/a/`), for canonical links,
    /// feeds and the sitemap; only the path when `base_url` has no host.
    pub fn absolute_url(&self, path: &str) -> String {
        let base = self.base_url.trim_end_matches('/');
        let rel = path.trim_start_matches('/');
        if base.starts_with("http") {
            format!("{base}/{rel}")
        } else {
            format!("{}{rel}", self.base_path)
        }
    }
}

fn with_trailing_slash(s: &str) -> String {
    if s.ends_with('/') {
        s.to_owned()
    } else {
        format!("{s}/")
    }
}

/// The path part of a base URL: `https://x.vn/portal` → `/portal/`, `/` → `/`.
pub fn base_path_of(base_url: &str) -> Option<String> {
    let s = base_url.trim();
    let path = if let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) {
        let host_end = rest.find('/').unwrap_or(rest.len());
        if host_end == 0 {
            return None;
        }
        &rest[host_end..]
    } else if s.starts_with('/') {
        s
    } else {
        return None;
    };
    if path.contains(['?', '#', ' ', '\\']) || path.contains("..") {
        return None;
    }
    let trimmed = path.trim_matches('/');
    Some(if trimmed.is_empty() { "/".into() } else { format!("/{trimmed}/") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path_of("https://bdt.example.vn").as_deref(), Some("/"));
        assert_eq!(base_path_of("https://bdt.example.vn/portal").as_deref(), Some("/portal/"));
        assert_eq!(base_path_of("/a/b/").as_deref(), Some("/a/b/"));
        assert_eq!(base_path_of("bdt.example.vn"), None);
        assert_eq!(base_path_of("https://x.vn/../etc"), None);
    }
}
