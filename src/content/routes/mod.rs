//! The portal's URL scheme: every kind of page, its site path, the news
//! pagination, the feeds and the names the generator keeps for itself.
//!
//! One module owns the URLs so that rendering, validation (which links lead
//! somewhere, which slugs are taken), the sitemap and `serve`'s dependency
//! tracking cannot disagree: each of them asks [`pages`] and [`Page`] instead
//! of spelling paths. Adding a kind of page means a variant here (its path,
//! the records it shows) and its builder in `render::pages`.
//!
//! The document registry's pages (paginated, and one filter page a document
//! type, year, issuer and field) have their scheme in [`registry`], beside
//! the filters they are made of.
//!
//! Site paths start and (for pages) end with `/` and do not include the
//! configured base path (`/tin-tuc/trang/2/`); output paths are relative to
//! the output folder (`tin-tuc/trang/2/index.html`).

pub(crate) mod registry;

use crate::content::record::{Kind, Record};
use crate::content::site::{Site, Taxonomy};
use std::collections::BTreeSet;

/// A page of the portal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Page {
    /// The home page, `/`.
    Home,
    /// The first list page of a section (`/phong-trao/`).
    Section(Kind),
    /// A news list page after the first (`/tin-tuc/trang/2/`).
    NewsList(usize),
    /// A record's page, by its index in [`Site::records`].
    Record(usize),
    /// The list of a taxonomy's terms (`/dan-toc/`).
    TaxonomyIndex(Taxonomy),
    /// The records of one term (`/dan-toc/tay/`).
    Term(Taxonomy, String),
    /// The page served for unknown addresses, `/404.html`.
    NotFound,
    /// The search page, `/tim-kiem/`.
    Search,
    /// A page of the document registry after the first, or of one of its
    /// filters (`/van-ban/trang/2/`, `/van-ban/loai/ke-hoach/`).
    Registry(Option<(registry::Facet, String)>, usize),
    /// The list of pages saved for reading offline.
    Offline,
}

/// The search page's site path.
pub(crate) const SEARCH: &str = "/tim-kiem/";
/// The page whose title joins the sections in every page's menu.
pub(crate) const ABOUT: &str = "/gioi-thieu/";
pub(crate) const NEWS_FEED: &str = "/atom.xml";
pub(crate) const SITEMAP: &str = "/sitemap.xml";
/// The robots file.
pub(crate) const ROBOTS: &str = "/robots.txt";
/// The folder of the static search index.
pub(crate) const SEARCH_INDEX: &str = "/_search/";
/// The page for unknown addresses.
const NOT_FOUND: &str = "/404.html";
/// Where news list pages after the first live.
const NEWS_PAGES: &str = "/tin-tuc/trang/";
/// Folders of the theme's static files.
const THEME_FOLDERS: [&str; 3] = ["/css/", "/js/", "/img/"];

impl Page {
    /// The page's site path (`/tin-tuc/trang/2/`).
    pub(crate) fn url(&self, site: &Site) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Section(k) => section_url(*k),
            Page::NewsList(n) => news_page_url(*n),
            Page::Record(i) => site.records[*i].url.clone(),
            Page::TaxonomyIndex(t) => taxonomy_url(*t),
            Page::Term(t, slug) => term_url(*t, slug),
            Page::NotFound => NOT_FOUND.into(),
            Page::Search => SEARCH.into(),
            Page::Registry(f, p) => registry::path(f.as_ref().map(|(f, s)| (*f, s.as_str())), *p),
            Page::Offline => registry::OFFLINE.into(),
        }
    }

    /// The page's file under the output folder.
    pub(crate) fn output_path(&self, site: &Site) -> String {
        output_path(&self.url(site))
    }

    /// True for pages listed in the sitemap (all but the search, 404 and offline pages).
    pub(crate) fn in_sitemap(&self) -> bool {
        !matches!(self, Page::NotFound | Page::Search | Page::Offline)
    }

    /// True for the news list pages, whose content is a slice of the news.
    pub(crate) fn is_news_list(&self) -> bool {
        matches!(self, Page::Section(Kind::News) | Page::NewsList(_))
    }

    /// The number of a news list page (1 for the section page), if it is one.
    pub(crate) fn news_page(&self) -> Option<usize> {
        match self {
            Page::Section(Kind::News) => Some(1),
            Page::NewsList(n) => Some(*n),
            _ => None,
        }
    }

    /// The records (site paths) the page shows, and for section pages the
    /// section's own path (its intro); `None` for pages that summarise the
    /// whole site and are always rendered again. `serve` renders a page again
    /// when one of these changed.
    pub(crate) fn shows<'s>(&self, site: &'s Site) -> Option<Vec<&'s str>> {
        let urls = |ids: &[usize]| ids.iter().map(|&i| site.records[i].url.as_str()).collect::<Vec<_>>();
        let by_slugs = |kind: Kind, slugs: &'s [String]| {
            slugs.iter().filter_map(move |s| site.get(kind, s)).map(|r| r.url.as_str())
        };
        let section = |k: Kind, ids: &[usize]| {
            let mut d = urls(ids);
            d.push(site.intros.get(&k).map_or("", |i| i.url.as_str()));
            Some(d)
        };
        match self {
            Page::Record(i) => {
                let r = &site.records[*i];
                let mut d = vec![r.url.as_str()];
                if let Some(l) = site.by_campaign.get(&r.slug).filter(|_| r.kind == Kind::Campaign) {
                    d.extend(urls(&l.documents));
                    d.extend(urls(&l.people));
                    d.extend(urls(&l.news));
                }
                d.extend(by_slugs(Kind::Campaign, r.campaign_refs()));
                if let Some(n) = r.news() {
                    d.extend(by_slugs(Kind::Person, &n.people));
                }
                if r.kind == Kind::Person {
                    d.extend(urls(site.news_of_person.get(&r.slug).map_or(&[], |v| v.as_slice())));
                }
                d.extend(side_deps(site, r));
                Some(d)
            }
            Page::Section(Kind::News) | Page::NewsList(_) => section(Kind::News, &site.news),
            Page::Section(Kind::Campaign) => section(Kind::Campaign, &site.campaigns),
            Page::Section(Kind::Person) => section(Kind::Person, &site.people),
            Page::Section(k) => section(*k, &site.documents),
            Page::Registry(..) => section(Kind::Document, &site.documents),
            Page::Term(t, slug) => Some(urls(&site.taxonomies[t][slug].records)),
            Page::Home | Page::TaxonomyIndex(_) | Page::NotFound | Page::Search | Page::Offline => None,
        }
    }
}

/// The records a record page shows besides its own relations
/// (`render::views::Views::record`): the side column (newest documents, the
/// first campaign's news and people), related news (news of its campaigns, the
/// newest news) and the document it is replaced by. The documents that a
/// document replaces are added to the changed set by `serve` (see
/// `render::incremental`).
fn side_deps<'s>(site: &'s Site, r: &'s Record) -> Vec<&'s str> {
    let urls = |ids: &[usize]| ids.iter().map(|&i| site.records[i].url.as_str()).collect::<Vec<_>>();
    let mut d = Vec::new();
    if r.kind == Kind::Page {
        return d;
    }
    d.extend(urls(&site.documents[..site.documents.len().min(6)]));
    d.extend(urls(&site.news[..site.news.len().min(9)]));
    for c in r.campaign_refs() {
        if let Some(l) = site.by_campaign.get(c) {
            d.extend(urls(&l.news));
            d.extend(urls(&l.people));
        }
    }
    if let Some(by) = r.document().and_then(|x| x.replaced_by.as_deref()).and_then(|s| site.get(Kind::Document, s)) {
        d.push(by.url.as_str());
    }
    d
}

/// Every page of `site`, which has `news_pages` news list pages, in the
/// order they are rendered.
pub(crate) fn pages(site: &Site, news_pages: usize) -> Vec<Page> {
    let mut pages = vec![Page::Home, Page::NotFound, Page::Search, Page::Offline];
    pages.extend(Kind::SECTIONS.iter().map(|k| Page::Section(*k)));
    pages.extend((2..=news_pages).map(Page::NewsList));
    pages.extend((2..=registry::pages(site.documents.len())).map(|p| Page::Registry(None, p)));
    for list in registry::filters(site).into_values() {
        for f in list {
            let n = registry::pages(f.docs.len());
            pages.extend((1..=n).map(|p| Page::Registry(Some((f.facet, f.slug.clone())), p)));
        }
    }
    pages.extend((0..site.records.len()).map(Page::Record));
    for (t, terms) in &site.taxonomies {
        pages.push(Page::TaxonomyIndex(*t));
        pages.extend(terms.keys().map(|s| Page::Term(*t, s.clone())));
    }
    pages
}

/// The file under the output folder of a site path (`/a/` → `a/index.html`,
/// `/404.html` → `404.html`).
pub(crate) fn output_path(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if url.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    }
}

/// A section's first list page (`/phong-trao/`).
pub(crate) fn section_url(kind: Kind) -> String {
    format!("/{}/", kind.section())
}

/// News list page `n` (the section page for 1).
pub(crate) fn news_page_url(n: usize) -> String {
    if n == 1 {
        section_url(Kind::News)
    } else {
        format!("{NEWS_PAGES}{n}/")
    }
}

/// A taxonomy's list of terms (`/dan-toc/`).
pub(crate) fn taxonomy_url(t: Taxonomy) -> String {
    format!("/{}/", t.segment())
}

/// One term's page (`/dan-toc/tay/`).
pub(crate) fn term_url(t: Taxonomy, slug: &str) -> String {
    format!("/{}/{slug}/", t.segment())
}

/// The feed of a campaign, beside its page (`/phong-trao/a/atom.xml`).
pub(crate) fn campaign_feed(campaign_url: &str) -> String {
    format!("{campaign_url}atom.xml")
}

/// The number of news list pages for `news` items, `per_page` a page (at least one).
pub(crate) fn news_pages(news: usize, per_page: usize) -> usize {
    news.div_ceil(per_page).max(1)
}

/// The news items (indices into the records) on news list page `n`.
pub(crate) fn news_slice(site: &Site, n: usize, per_page: usize) -> &[usize] {
    let len = site.news.len();
    &site.news[((n - 1) * per_page).min(len)..(n * per_page).min(len)]
}

/// The page numbers a news list page links to: the first and the last, and
/// the two on either side of the current one. Listing every page made each of
/// the P list pages hold P links, O(P²) in render time and output size (177 KB
/// per list page at 50,000 records).
pub(crate) fn page_window(current: usize, total: usize) -> Vec<usize> {
    let mut pages: Vec<usize> = [1, total].into_iter().chain(current.saturating_sub(2)..=current + 2).collect();
    pages.retain(|&n| n >= 1 && n <= total);
    pages.sort_unstable();
    pages.dedup();
    pages
}

/// Site paths the generator itself publishes under; a record may not take them.
pub(crate) fn reserved() -> Vec<String> {
    let mut names = vec![SEARCH.to_owned()];
    names.extend(Taxonomy::ALL.iter().map(|t| taxonomy_url(*t)));
    names.push(SEARCH_INDEX.to_owned());
    names.extend(THEME_FOLDERS.iter().map(|f| (*f).to_owned()));
    names.extend(registry::RESERVED.iter().map(|f| (*f).to_owned()));
    names
}

/// The reserved name a record's site path `url` falls under (or is, without
/// its final slash), if any.
pub(crate) fn reserved_prefix(url: &str) -> Option<String> {
    reserved().into_iter().find(|p| url.starts_with(p.as_str()) || url == p.trim_end_matches('/'))
}

/// Every site path the build publishes besides records' bundled files and
/// images: the pages, the feeds, the sitemap, robots.txt and `static_files`.
pub(crate) fn known_urls(site: &Site, static_files: &BTreeSet<String>, news_pages: usize) -> BTreeSet<String> {
    let mut urls: BTreeSet<String> = pages(site, news_pages).iter().map(|p| p.url(site)).collect();
    urls.extend([NEWS_FEED, SITEMAP, ROBOTS].map(String::from));
    urls.extend(site.campaigns.iter().map(|&c| campaign_feed(&site.records[c].url)));
    urls.extend(static_files.iter().cloned());
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_pagination_links_a_window_not_every_page_regression_quadratic_at_50000_records() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 3), [1, 2, 3]);
        assert_eq!(page_window(1, 2500), [1, 2, 3, 2500]);
        assert_eq!(page_window(1000, 2500), [1, 998, 999, 1000, 1001, 1002, 2500]);
        assert_eq!(page_window(2500, 2500), [1, 2498, 2499, 2500]);
    }

    #[test]
    fn paths_of_pages_and_their_files() {
        assert_eq!(news_page_url(1), "/tin-tuc/");
        assert_eq!(news_page_url(3), "/tin-tuc/trang/3/");
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/tin-tuc/trang/3/"), "tin-tuc/trang/3/index.html");
        assert_eq!(output_path(NOT_FOUND), "404.html");
        assert_eq!(output_path(SEARCH), "tim-kiem/index.html");
        assert_eq!(news_pages(0, 20), 1);
        assert_eq!(news_pages(41, 20), 3);
    }

    #[test]
    fn reserved_names_are_the_generators_own_folders() {
        let r = reserved();
        for name in ["/tim-kiem/", "/dan-toc/", "/dia-ban/", "/nam/", "/chu-de/", "/_search/", "/css/", "/js/", "/img/"]
        {
            assert!(r.iter().any(|x| x == name), "{name} in {r:?}");
        }
        assert_eq!(r.len(), 9 + registry::RESERVED.len());
        assert_eq!(reserved_prefix("/van-ban/nam/2020/").as_deref(), Some("/van-ban/nam/"));
        assert_eq!(reserved_prefix("/tim-kiem").as_deref(), Some("/tim-kiem/"));
        assert_eq!(reserved_prefix("/van-ban/a/"), None);
    }

    #[test]
    fn known_urls_hold_every_page_feed_and_static_file() {
        let site = Site::default();
        let statics = BTreeSet::from(["/css/site.css".to_owned()]);
        let known = known_urls(&site, &statics, 2);
        for url in ["/", "/tim-kiem/", "/404.html", "/atom.xml", "/sitemap.xml", "/robots.txt", "/tin-tuc/"] {
            assert!(known.contains(url), "{url}");
        }
        assert!(known.contains("/tin-tuc/trang/2/") && known.contains("/css/site.css"));
    }
}
