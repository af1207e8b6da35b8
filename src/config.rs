//! Reads `config.toml` and the command line into one validated [`Config`].
//!
//! Raw (as written) and validated (as used) configuration are separate types,
//! so later stages never see a half-checked value.

use crate::date::{today, PartialDate};
use crate::diagnostics::Diagnostic;
use crate::msg;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// `config.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    site: RawSite,
    #[serde(default)]
    build: RawBuild,
    /// The menu of the Vietnamese pages, in order (`[[menu]]`).
    #[serde(default)]
    menu: Vec<RawMenu>,
    /// The menu of the English pages under /en/ (`[[menu_en]]`).
    #[serde(default)]
    menu_en: Vec<RawMenu>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMenu {
    name: String,
    url: String,
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
    #[serde(default)]
    governing_body: Option<String>,
    #[serde(default)]
    responsible: Option<String>,
    #[serde(default)]
    licence: Option<String>,
    #[serde(default)]
    hotline: Option<String>,
    #[serde(default)]
    hours: Option<String>,
    #[serde(default)]
    contact_page: Option<String>,
    #[serde(default)]
    logo: Option<String>,
    #[serde(default)]
    card_image: Option<String>,
    #[serde(default)]
    organization_en: Option<String>,
    #[serde(default)]
    address_en: Option<String>,
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
    /// `serve`'s preview: a draft's errors do not stop it ([`crate::content::preview`]).
    pub preview: bool,
}

/// Who publishes the portal, as a Vietnamese state portal must show it
/// (Decree 42/2022/NĐ-CP): every line optional, shown in the footer when set.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub(crate) struct Identity {
    /// Cơ quan chủ quản: the body the organisation answers to.
    pub(crate) governing_body: Option<String>,
    /// Người chịu trách nhiệm nội dung.
    pub(crate) responsible: Option<String>,
    /// Giấy phép or decision number of the portal.
    pub(crate) licence: Option<String>,
    /// Địa chỉ.
    pub(crate) address: Option<String>,
    /// Điện thoại.
    pub(crate) phone: Option<String>,
    /// Đường dây nóng.
    pub(crate) hotline: Option<String>,
    /// Thư điện tử.
    pub(crate) email: Option<String>,
    /// Giờ làm việc.
    pub(crate) hours: Option<String>,
    /// Site path of the contact page (`/lien-he/`).
    pub(crate) contact_page: Option<String>,
    /// The organisation's name in English (English pages).
    pub(crate) organization_en: Option<String>,
    /// The address in English (English pages).
    pub(crate) address_en: Option<String>,
}

/// One entry of a configured menu.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct MenuEntry {
    /// Text.
    pub(crate) name: String,
    /// A site path (`/van-ban/`) or a full URL.
    pub(crate) url: String,
}

/// The validated configuration every later stage reads.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Config {
    /// The site folder.
    pub(crate) root: PathBuf,
    /// Where the site is written.
    pub(crate) output: PathBuf,
    /// Site title.
    pub(crate) title: String,
    /// One-line description (meta description of the home page).
    pub(crate) description: String,
    /// Organisation line shown in the footer (defaults to the title).
    pub(crate) organization: String,
    /// Contact address, phone, e-mail for the footer.
    pub(crate) contact: Vec<String>,
    /// Absolute base URL ending with `/`, or just the path when no host is known.
    pub(crate) base_url: String,
    /// The path part of `base_url`, always starting and ending with `/`.
    pub(crate) base_path: String,
    /// Content language (`vi`).
    pub(crate) language: String,
    /// Theme name.
    pub(crate) theme: String,
    /// `themes/<theme>` inside the site, when it exists; else the built-in default theme is used.
    pub(crate) theme_dir: Option<PathBuf>,
    /// Include drafts.
    pub(crate) drafts: bool,
    /// `serve`'s preview: a draft's errors are warnings ([`crate::content::preview`]).
    pub(crate) preview: bool,
    /// News items per list page.
    pub(crate) news_per_page: usize,
    /// People shown on the home page.
    pub(crate) featured_people: usize,
    /// The day the build runs (from `SOURCE_DATE_EPOCH` when set).
    pub(crate) today: PartialDate,
    /// Footer identity lines.
    pub(crate) identity: Identity,
    /// The Vietnamese menu; empty: the sections and the about page.
    pub(crate) menu: Vec<MenuEntry>,
    /// The English menu (pages under /en/).
    pub(crate) menu_en: Vec<MenuEntry>,
    /// Site path of the logo or emblem image; `None`: the built-in emblem.
    pub(crate) logo: Option<String>,
    /// Site path of the image shown in link previews of pages without their own image.
    pub(crate) card_image: Option<String>,
}

/// Reads `<root>/config.toml` and applies the overrides.
pub(crate) fn load(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostic> {
    let path = root.join("config.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Diagnostic::error(&path, msg!("config-unreadable", error = e.to_string())).hint(msg!("config-unreadable-hint"))
    })?;
    let raw: RawConfig = toml::from_str(&text).map_err(|e| {
        let d = Diagnostic::error(&path, msg!("config-invalid", detail = e.message().trim()));
        let d = match e.span() {
            Some(s) => d.at_offset(&text, s.start),
            None => d,
        };
        d.hint(msg!("config-invalid-hint"))
    })?;
    validate(root, raw, overrides, &path, &text)
}

fn validate(root: &Path, raw: RawConfig, ov: &Overrides, path: &Path, text: &str) -> Result<Config, Diagnostic> {
    let line_of = |key: &str| text.lines().position(|l| l.trim_start().starts_with(key)).map_or(0, |i| i + 1);
    let base_url = ov.base_url.clone().unwrap_or(raw.site.base_url);
    let base_path = base_path_of(&base_url).ok_or_else(|| {
        Diagnostic::error(path, msg!("config-base-url", value = base_url.as_str()))
            .at(text, line_of("base_url"), 1)
            .hint(msg!("config-base-url-hint"))
    })?;
    if raw.site.language != "vi" {
        return Err(Diagnostic::error(path, msg!("config-language", value = raw.site.language.as_str()))
            .at(text, line_of("language"), 1)
            .hint(msg!("config-language-hint")));
    }
    if raw.build.news_per_page == 0 {
        return Err(Diagnostic::error(path, msg!("config-news-per-page"))
            .at(text, line_of("news_per_page"), 1)
            .hint(msg!("config-news-per-page-hint")));
    }
    let theme_dir = root.join("themes").join(&raw.site.theme);
    let theme_dir = if theme_dir.is_dir() {
        Some(theme_dir)
    } else if raw.site.theme == "default" {
        None
    } else {
        return Err(Diagnostic::error(
            path,
            msg!("config-theme-missing", theme = raw.site.theme.as_str(), folder = theme_dir.display().to_string()),
        )
        .at(text, line_of("theme"), 1)
        .hint(msg!("config-theme-missing-hint")));
    };
    let title = crate::text::nfc(raw.site.title.trim());
    let clean = |s: Option<String>| s.map(|s| crate::text::nfc(s.trim())).filter(|s| !s.is_empty());
    let contact = [raw.site.address.clone(), raw.site.phone.clone(), raw.site.email.clone()]
        .into_iter()
        .flatten()
        .map(|s| crate::text::nfc(&s))
        .collect();
    let site_file = |key: &str, value: Option<String>| -> Result<Option<String>, Diagnostic> {
        let Some(v) = clean(value) else { return Ok(None) };
        let ok =
            v.starts_with('/') && !v.contains("..") && root.join("static").join(v.trim_start_matches('/')).is_file();
        if ok {
            Ok(Some(v))
        } else {
            Err(Diagnostic::error(path, msg!("config-static-file", key = key, value = v.as_str()))
                .at(text, line_of(key), 1)
                .hint(msg!("config-static-file-hint", key = key)))
        }
    };
    let logo = site_file("logo", raw.site.logo.clone())?;
    let card_image = site_file("card_image", raw.site.card_image.clone())?;
    let menu_of = |entries: Vec<RawMenu>, key: &str| -> Result<Vec<MenuEntry>, Diagnostic> {
        entries
            .into_iter()
            .map(|m| {
                let url = m.url.trim().to_owned();
                let ok = (url.starts_with('/') && !url.starts_with("//")) || url.starts_with("https://");
                if !ok || m.name.trim().is_empty() {
                    return Err(Diagnostic::error(path, msg!("config-menu-entry", key = key, url = url.as_str()))
                        .at(text, line_of(&format!("[[{key}]]")), 1)
                        .hint(msg!("config-menu-entry-hint")));
                }
                Ok(MenuEntry { name: crate::text::nfc(m.name.trim()), url })
            })
            .collect()
    };
    let menu = menu_of(raw.menu, "menu")?;
    let menu_en = menu_of(raw.menu_en, "menu_en")?;
    let identity = Identity {
        governing_body: clean(raw.site.governing_body),
        responsible: clean(raw.site.responsible),
        licence: clean(raw.site.licence),
        address: clean(raw.site.address),
        phone: clean(raw.site.phone),
        hotline: clean(raw.site.hotline),
        email: clean(raw.site.email),
        hours: clean(raw.site.hours),
        contact_page: clean(raw.site.contact_page),
        organization_en: clean(raw.site.organization_en),
        address_en: clean(raw.site.address_en),
    };
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
        preview: ov.preview,
        news_per_page: raw.build.news_per_page,
        featured_people: raw.build.featured_people,
        today: today(),
        identity,
        menu,
        menu_en,
        logo,
        card_image,
    })
}

impl Config {
    /// The absolute URL of a site path (`/phong-trao/a/`), for canonical links,
    /// feeds and the sitemap; only the path when `base_url` has no host.
    pub(crate) fn absolute_url(&self, path: &str) -> String {
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
pub(crate) fn base_path_of(base_url: &str) -> Option<String> {
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
