//! What an edit can have changed, and so which pages `serve` renders again:
//! the pages that show a changed record (before or after the change, as
//! [`crate::content::routes::Page::shows`] says), the news list pages whose slice
//! changed, and the feeds, sitemap and summaries every change can touch.
//! Rendering them is [`crate::render::render_selection`]'s work; deciding
//! which is the driver's.

use crate::content::record::Kind;
use crate::content::routes::{self, Page};
use crate::content::site::Site;
use crate::render::Selection;
use std::collections::BTreeSet;
use std::path::Path;

/// The site as it was before an edit, with its number of news list pages.
#[derive(Clone, Copy)]
pub(crate) struct Before<'a> {
    /// The model before the edit.
    pub(crate) site: &'a Site,
    /// Its number of news list pages.
    pub(crate) news_pages: usize,
}

/// The site paths of the records and intros read from `touched` files.
pub(crate) fn urls_of(site: &Site, touched: &BTreeSet<&Path>) -> Vec<String> {
    let intros = site.home.iter().chain(site.intros.values());
    site.records
        .iter()
        .chain(intros)
        .filter(|r| touched.contains(r.source.file.as_path()))
        .map(|r| r.url.clone())
        .collect()
}

/// The pages and feeds to render again after an edit that changed only the
/// bodies of the records at `urls` (their front matter, and so every list,
/// relation and taxonomy, is the same): their own pages and the feeds that
/// carry their bodies.
pub(crate) fn bodies(site: &Site, urls: &BTreeSet<String>) -> Selection {
    let changed = with_replacements(urls, &[site]);
    let hits = |d: Option<Vec<&str>>| d.is_none_or(|d| d.iter().any(|u| changed.contains(*u)));
    let pages: Vec<Page> =
        (0..site.records.len()).filter(|&i| changed.contains(&site.records[i].url)).map(Page::Record).collect();
    let campaigns: BTreeSet<usize> =
        site.campaigns.iter().copied().filter(|&c| hits(Page::Record(c).shows(site))).collect();
    Selection { pages, campaigns, sitemap: None, removed: Vec::new() }
}

/// The pages and feeds to render again after an edit that changed the records
/// at `urls` (before or after the change). A page is rendered again when a
/// record it shows (before or after the change) changed; news list pages when
/// their slice of the news, or the number of pages, changed; the home and
/// taxonomy index pages, the news feed and the sitemap always. Without
/// `before`, every news list page is rendered again. Pages, terms and
/// campaign feeds the site no longer has are `removed`.
pub(crate) fn records(
    site: &Site,
    news_pages: usize,
    per_page: usize,
    urls: &BTreeSet<String>,
    before: Option<Before>,
) -> Selection {
    let sites: Vec<&Site> = std::iter::once(site).chain(before.map(|b| b.site)).collect();
    let extended = with_replacements(urls, &sites);
    let changed = &extended;
    let hits = |d: Option<Vec<&str>>| d.is_none_or(|d| d.iter().any(|u| changed.contains(*u)));
    let all = routes::pages(site, news_pages);
    // Pages (by path) that showed a changed record before the change.
    let mut showed: BTreeSet<String> = BTreeSet::new();
    let mut removed = Vec::new();
    let paths: BTreeSet<String> = all.iter().map(|j| j.output_path(site)).collect();
    if let Some(old) = before {
        for j in routes::pages(old.site, old.news_pages) {
            let path = j.output_path(old.site);
            if !paths.contains(&path) {
                removed.push(path);
            } else if !j.is_news_list() && hits(j.shows(old.site)) {
                showed.insert(path);
            }
        }
        for &c in &old.site.campaigns {
            if site.campaign(&old.site.records[c].slug).is_none() {
                removed.push(routes::output_path(&routes::campaign_feed(&old.site.records[c].url)));
            }
        }
    }
    let news_intro_changed = changed.contains(&routes::section_url(Kind::News));
    // Every page's menu shows the title of the about page.
    let menu_changed = match before {
        Some(old) => about_title(old.site) != about_title(site),
        None => changed.contains(routes::ABOUT),
    };
    let pages: Vec<Page> = all
        .iter()
        .filter(|j| match (j, before) {
            _ if menu_changed => true,
            (Page::Section(Kind::News) | Page::NewsList(_), Some(old)) => {
                let n = j.news_page().unwrap_or(1);
                let now = news_slice(site, n, per_page);
                old.news_pages != news_pages
                    || news_intro_changed
                    || now != news_slice(old.site, n, per_page)
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
    Selection { pages, campaigns, sitemap: Some(all), removed }
}

/// The site paths of the news on news list page `n`.
fn news_slice(site: &Site, n: usize, per_page: usize) -> Vec<&str> {
    routes::news_slice(site, n, per_page).iter().map(|&i| site.records[i].url.as_str()).collect()
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
