//! What `serve` renders again after an edit: the pages that show a changed
//! record (before or after the change, as [`crate::routes::Page::shows`]
//! says), the news list pages whose slice changed, and the feeds, sitemap and
//! summaries that every change can touch.

use super::{Inputs, Renderer, Templates};
use crate::content::record::Kind;
use crate::content::site::Site;
use crate::diagnostics::Diagnostics;
use crate::output::OutputFile;
use crate::routes::{self, Page};
use std::collections::BTreeSet;

/// What an incremental render produced.
pub(crate) struct Partial {
    /// The pages that depend on a changed record, and the feeds and lists that show one.
    pub(crate) files: Vec<OutputFile>,
    /// Files of the previous render that the site no longer has (pages of
    /// deleted records and terms, feeds of deleted campaigns, an unused syntax stylesheet).
    pub(crate) removed: Vec<String>,
}

/// What changed since the last render, for [`render_changed`].
pub(crate) struct Changes<'a> {
    /// Site paths of the records and intros that changed, before and after the change.
    pub(crate) urls: &'a BTreeSet<String>,
    /// True when only the bodies of records published before and after changed
    /// (their front matter, and so every list, relation and taxonomy, is the
    /// same): only their own pages and the feeds that carry their bodies are
    /// rendered again.
    pub(crate) bodies_only: bool,
    /// The site before the change and its number of news pages. With it, a page
    /// that showed a changed record before the change is rendered again too,
    /// and a news list page only when its items, or the number of pages, changed.
    /// Without it, every news list page is rendered again.
    pub(crate) before: Option<(&'a Site, usize)>,
    /// The theme's templates compiled before, if they were (else compiled now).
    pub(crate) templates: Option<&'a Templates>,
}

/// Renders only what `changes` can have changed. A page is rendered again
/// when a record it shows (before or after the change) changed; news list pages
/// when their slice of the news changed; the home and taxonomy index pages,
/// the news feed and the sitemap always, except when only bodies changed.
/// Used by `serve`.
pub(crate) fn render_changed<'a>(inputs: Inputs<'a>, changes: &Changes<'a>) -> Result<Partial, Diagnostics> {
    let r = Renderer::reusing(inputs, changes.templates)?;
    let site: &'a Site = r.views.site;
    let sites: Vec<&Site> = std::iter::once(site).chain(changes.before.map(|b| b.0)).collect();
    let extended = with_replacements(changes.urls, &sites);
    let changed = &extended;
    let hits = |d: Option<Vec<&str>>| d.is_none_or(|d| d.iter().any(|u| changed.contains(*u)));
    if changes.bodies_only {
        let jobs: Vec<Page> =
            (0..site.records.len()).filter(|&i| changed.contains(&site.records[i].url)).map(Page::Record).collect();
        let campaigns: BTreeSet<usize> =
            site.campaigns.iter().copied().filter(|&c| hits(Page::Record(c).shows(site))).collect();
        let mut files = r.pages(&jobs)?;
        files.extend(r.feeds(Some(&campaigns)));
        files.extend(r.syntax_css());
        let removed =
            if files.iter().any(|f| f.path == "css/syntax.css") { Vec::new() } else { vec!["css/syntax.css".into()] };
        return Ok(Partial { files, removed });
    }
    let all = r.jobs();
    let per = r.views.config.news_per_page;
    let news_slice = |s: &'a Site, n: usize| -> Vec<&'a str> {
        routes::news_slice(s, n, per).iter().map(|&i| s.records[i].url.as_str()).collect()
    };
    // Pages (by path) that showed a changed record before the change.
    let mut showed: BTreeSet<String> = BTreeSet::new();
    let mut removed = Vec::new();
    let paths: BTreeSet<String> = all.iter().map(|j| j.output_path(site)).collect();
    if let Some((old, _)) = changes.before {
        for j in routes::pages(old, changes.before.map_or(1, |b| b.1)) {
            let path = j.output_path(old);
            if !paths.contains(&path) {
                removed.push(path);
            } else if !j.is_news_list() && hits(j.shows(old)) {
                showed.insert(path);
            }
        }
        for &c in &old.campaigns {
            if site.campaign(&old.records[c].slug).is_none() {
                removed.push(routes::output_path(&routes::campaign_feed(&old.records[c].url)));
            }
        }
    }
    let news_intro_changed = changed.contains(&routes::section_url(Kind::News));
    // Every page's menu shows the title of the about page.
    let menu_changed = match changes.before {
        Some((old, _)) => about_title(old) != about_title(site),
        None => changed.contains(routes::ABOUT),
    };
    let selected: Vec<Page> = all
        .iter()
        .filter(|j| match (j, changes.before) {
            _ if menu_changed => true,
            (Page::Section(Kind::News) | Page::NewsList(_), Some((old, old_pages))) => {
                let n = j.news_page().unwrap_or(1);
                let now = news_slice(site, n);
                old_pages != r.news_pages
                    || news_intro_changed
                    || now != news_slice(old, n)
                    || now.iter().any(|u| changed.contains(*u))
            }
            (Page::Section(Kind::News) | Page::NewsList(_), None) => true,
            _ => showed.contains(&j.output_path(site)) || hits(j.shows(site)),
        })
        .cloned()
        .collect();
    let campaigns: BTreeSet<usize> = site
        .campaigns
        .iter()
        .copied()
        .filter(|&c| showed.contains(&Page::Record(c).output_path(site)) || hits(Page::Record(c).shows(site)))
        .collect();
    let mut files = r.pages(&selected)?;
    files.extend(r.feeds(Some(&campaigns)));
    files.push(r.sitemap(&all));
    files.push(OutputFile::bytes(routes::output_path(routes::ROBOTS), super::feeds::robots(r.views.config)));
    files.extend(r.syntax_css());
    if !files.iter().any(|f| f.path == "css/syntax.css") {
        removed.push("css/syntax.css".into());
    }
    Ok(Partial { files, removed })
}

fn about_title(site: &Site) -> Option<&str> {
    site.pages.iter().map(|&i| &site.records[i]).find(|r| r.url == routes::ABOUT).map(|r| r.title.as_str())
}

/// `changed` with the pages of the documents that changed documents name in
/// `replaced_by`, before and after the change: those pages list the
/// documents that replace them.
fn with_replacements(changed: &BTreeSet<String>, sites: &[&Site]) -> BTreeSet<String> {
    let mut out = changed.clone();
    for site in sites {
        for url in changed {
            let Some(slug) =
                url.strip_prefix("/van-ban/").map(|s| s.trim_end_matches('/').rsplit('/').next().unwrap_or(""))
            else {
                continue;
            };
            let target =
                site.get(Kind::Document, slug).and_then(|r| r.document()).and_then(|d| d.replaced_by.as_deref());
            if let Some(t) = target.and_then(|t| site.get(Kind::Document, t)) {
                out.insert(t.url.clone());
            }
        }
    }
    out
}
