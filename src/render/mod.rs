//! Rendering: from the site model to the files of the portal, in memory.
//!
//! Every page is a [`Page`] of [`crate::routes`]; pages render in parallel (Tera is shared read-only)
//! and each produces one [`OutputFile`]. Templates receive view structs from
//! [`views`], never the model. Feeds, the sitemap and charts are made here too.

pub mod chart;
pub mod feeds;
pub mod format;
pub mod minify;
pub mod templates;
pub mod views;

use crate::config::Config;
use crate::content::record::{Kind, Record};
use crate::content::site::{Site, Taxonomy, Term};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::Images;
use crate::output::OutputFile;
use crate::theme::Theme;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use tera::{Context, Tera};
use views::{Card, Link, Views};
use crate::routes::{self, Page};

/// What the search stage hands to rendering.
#[derive(Debug, Clone, Default)]
pub struct SearchPage {
    /// Site path of the index entry file.
    pub entry: String,
}

/// Metadata of a page for `<head>`.
#[derive(Debug, Serialize)]
struct Meta {
    title: String,
    description: String,
    canonical: String,
    section: String,
    feed: Option<String>,
    image: Option<String>,
    og_type: &'static str,
    has_code: bool,
}

/// Everything rendering needs.
pub struct Renderer<'a> {
    views: Views<'a>,
    tera: std::borrow::Cow<'a, Tera>,
    news_pages: usize,
    search: SearchPage,
}

/// Everything rendering reads.
pub struct Inputs<'a> {
    /// The model.
    pub site: &'a Site,
    /// The configuration.
    pub config: &'a Config,
    /// Templates and static files.
    pub theme: &'a Theme,
    /// Number of news list pages.
    pub news_pages: usize,
    /// The search index entry for the search page.
    pub search: SearchPage,
    /// Processed images.
    pub images: &'a Images,
}

/// Renders the whole portal into memory.
pub fn render(inputs: Inputs) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut files = Vec::new();
    let collect = |batch: Vec<OutputFile>| {
        files.extend(batch);
        Ok::<(), std::convert::Infallible>(())
    };
    match render_streaming(inputs, usize::MAX, true, collect) {
        Ok(()) => Ok(files),
        Err(StreamError::Content(d)) => Err(d),
        Err(StreamError::Sink(never)) => match never {},
    }
}

/// Why [`render_streaming`] stopped.
#[derive(Debug)]
pub enum StreamError<E> {
    /// Template errors: all of them, from every page.
    Content(Diagnostics),
    /// The sink failed; rendering stopped at once.
    Sink(E),
}

/// Renders the whole portal like [`render`], but hands the files to `sink` in
/// batches (at most `batch` pages each, rendered in parallel) as they are
/// produced, so that only one batch of pages is held in memory at a time.
///
/// The files are those of [`render`], in the same order, except that the
/// search page is left out when `search_page` is false (a build renders it
/// with [`render_search_page`] once the search index exists). After a
/// template error the remaining pages are still rendered, so that every error
/// is reported together, but no further batch reaches `sink`.
pub fn render_streaming<E>(
    inputs: Inputs,
    batch: usize,
    search_page: bool,
    mut sink: impl FnMut(Vec<OutputFile>) -> Result<(), E>,
) -> Result<(), StreamError<E>> {
    let (site, images) = (inputs.site, inputs.images);
    let r = Renderer::new(inputs).map_err(StreamError::Content)?;
    let mut jobs = r.jobs();
    if !search_page {
        jobs.retain(|j| !matches!(j, Page::Search));
    }
    let mut diags = Diagnostics::default();
    for chunk in jobs.chunks(batch.max(1)) {
        match r.pages(chunk) {
            Ok(files) if !diags.has_errors() => sink(files).map_err(StreamError::Sink)?,
            Ok(_) => {}
            Err(d) => diags.extend(d.sorted()),
        }
    }
    if diags.has_errors() {
        return Err(StreamError::Content(diags));
    }
    sink(r.generated(&jobs)).map_err(StreamError::Sink)?;
    sink(assets(&site.records)).map_err(StreamError::Sink)?;
    sink(crate::media::output_files(&site.records, images)).map_err(StreamError::Sink)?;
    Ok(())
}

/// What an incremental render produced.
pub struct Partial {
    /// The pages that depend on a changed record, and the feeds and lists that show one.
    pub files: Vec<OutputFile>,
    /// Files of the previous render that the site no longer has (pages of
    /// deleted records and terms, feeds of deleted campaigns, an unused syntax stylesheet).
    pub removed: Vec<String>,
}

/// What changed since the last render, for [`render_changed`].
pub struct Changes<'a> {
    /// Site paths of the records and intros that changed, before and after the change.
    pub urls: &'a BTreeSet<String>,
    /// True when only the bodies of records published before and after changed
    /// (their front matter, and so every list, relation and taxonomy, is the
    /// same): only their own pages and the feeds that carry their bodies are
    /// rendered again.
    pub bodies_only: bool,
    /// The site before the change and its number of news pages. With it, a page
    /// that showed a changed record before the change is rendered again too,
    /// and a news list page only when its items, or the number of pages, changed.
    /// Without it, every news list page is rendered again.
    pub before: Option<(&'a Site, usize)>,
    /// The theme's templates compiled before, if they were (else compiled now).
    pub templates: Option<&'a Templates>,
}

/// Renders only what `changes` can have changed. A page is rendered again
/// when a record it shows (before or after the change) changed; news list pages
/// when their slice of the news changed; the home and taxonomy index pages,
/// the news feed and the sitemap always, except when only bodies changed.
/// Used by `serve`.
pub fn render_changed<'a>(inputs: Inputs<'a>, changes: &Changes<'a>) -> Result<Partial, Diagnostics> {
    let r = Renderer::reusing(inputs, changes.templates)?;
    let site: &'a Site = r.views.site;
    let changed = changes.urls;
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
            (Page::Section(Kind::News) | Page::NewsPage(_), Some((old, old_pages))) => {
                let n = j.news_page().unwrap_or(1);
                let now = news_slice(site, n);
                old_pages != r.news_pages
                    || news_intro_changed
                    || now != news_slice(old, n)
                    || now.iter().any(|u| changed.contains(*u))
            }
            (Page::Section(Kind::News) | Page::NewsPage(_), None) => true,
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
    files.push(OutputFile::bytes(routes::output_path(routes::ROBOTS), feeds::robots(r.views.config)));
    files.extend(r.syntax_css());
    if !files.iter().any(|f| f.path == "css/syntax.css") {
        removed.push("css/syntax.css".into());
    }
    Ok(Partial { files, removed })
}

fn about_title(site: &Site) -> Option<&str> {
    site.pages.iter().map(|&i| &site.records[i]).find(|r| r.url == routes::ABOUT).map(|r| r.title.as_str())
}

/// Renders the search page alone: after the search index changed (serve),
/// or last in a build. It shows the site's name, menu and taxonomy counts,
/// not the records' bodies, so it can be rendered after the bodies have been
/// dropped to make room for the search index. `templates` are reused when given.
pub fn render_search_page<'a>(inputs: Inputs<'a>, templates: Option<&'a Templates>) -> Result<OutputFile, Diagnostics> {
    let r = Renderer::reusing(inputs, templates)?;
    r.page(&Page::Search).map_err(one)
}

fn one(d: Diagnostic) -> Diagnostics {
    let mut ds = Diagnostics::default();
    ds.push(d);
    ds
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

/// The theme's templates, compiled once and reused by [`render_changed`].
pub struct Templates(Tera);

impl Templates {
    /// Compiles the templates of `theme` (the theme of `config`).
    pub fn compile(theme: &Theme, config: &Config) -> Result<Templates, Diagnostics> {
        Ok(Templates(templates::compile(theme, &theme_path(config)).map_err(one)?))
    }
}

fn theme_path(config: &Config) -> PathBuf {
    config.theme_dir.clone().unwrap_or_else(|| PathBuf::from("themes/default (built in)"))
}

impl<'a> Renderer<'a> {
    fn new(i: Inputs<'a>) -> Result<Self, Diagnostics> {
        let tera = templates::compile(i.theme, &theme_path(i.config)).map_err(one)?;
        Ok(Self::with_tera(i, std::borrow::Cow::Owned(tera)))
    }

    /// A renderer with templates compiled before, or compiled now.
    fn reusing(i: Inputs<'a>, templates: Option<&'a Templates>) -> Result<Self, Diagnostics> {
        match templates {
            Some(t) => Ok(Self::with_tera(i, std::borrow::Cow::Borrowed(&t.0))),
            None => Self::new(i),
        }
    }

    fn with_tera(i: Inputs<'a>, tera: std::borrow::Cow<'a, Tera>) -> Self {
        let views = Views { site: i.site, config: i.config, images: i.images };
        Renderer { views, tera, news_pages: i.news_pages, search: i.search }
    }

    /// Renders `jobs` in parallel; all template errors together.
    fn pages(&self, jobs: &[Page]) -> Result<Vec<OutputFile>, Diagnostics> {
        let results: Vec<Result<OutputFile, Diagnostic>> = jobs.par_iter().map(|j| self.page(j)).collect();
        let mut diags = Diagnostics::default();
        let mut files = Vec::with_capacity(results.len() + 64);
        for res in results {
            match res {
                Ok(f) => files.push(f),
                Err(d) => diags.push(d),
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(files)
    }

    /// Feeds, sitemap, robots.txt and the syntax stylesheet.
    fn generated(&self, jobs: &[Page]) -> Vec<OutputFile> {
        let mut files = self.feeds(None);
        files.push(self.sitemap(jobs));
        files.push(OutputFile::bytes(routes::output_path(routes::ROBOTS), feeds::robots(self.views.config)));
        files.extend(self.syntax_css());
        files
    }

    /// The syntax stylesheet, when a record has code.
    fn syntax_css(&self) -> Option<OutputFile> {
        self.site()
            .records
            .iter()
            .any(|rec| rec.body.has_code)
            .then(|| OutputFile::bytes("css/syntax.css", syntax_css()))
    }

    fn site(&self) -> &Site {
        self.views.site
    }

    fn jobs(&self) -> Vec<Page> {
        routes::pages(self.site(), self.news_pages)
    }

    fn meta(&self, title: &str, description: Option<&str>, path: &str, section: &str) -> Meta {
        let config = self.views.config;
        Meta {
            title: title.to_owned(),
            description: description.unwrap_or(&config.description).to_owned(),
            canonical: config.absolute_url(path),
            section: section.to_owned(),
            feed: None,
            image: None,
            og_type: "website",
            has_code: false,
        }
    }

    fn context(&self, meta: &Meta) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.views.site_view());
        ctx.insert("base_path", &self.views.config.base_path);
        ctx.insert("meta", meta);
        ctx.insert("news_feed", &self.views.href(routes::NEWS_FEED));
        ctx
    }

    fn page(&self, job: &Page) -> Result<OutputFile, Diagnostic> {
        let (template, path, ctx) = match job {
            Page::Home => self.home(),
            Page::Section(k) => self.section(*k, 1),
            Page::NewsPage(n) => self.section(Kind::News, *n),
            Page::Record(i) => self.record(*i),
            Page::TaxonomyIndex(t) => self.taxonomy_index(*t),
            Page::Term(t, slug) => self.term(*t, &self.site().taxonomies[t][slug]),
            Page::NotFound => {
                let url = job.url(self.site());
                let meta = self.meta("Không tìm thấy trang", None, &url, "");
                ("404.html", job.output_path(self.site()), self.context(&meta))
            }
            Page::Search => self.search_page(),
        };
        let html = templates::render(&self.tera, template, &ctx, &path)?;
        Ok(OutputFile::bytes(path, html))
    }

    fn home(&self) -> (&'static str, String, Context) {
        let site = self.site();
        let v = &self.views;
        let meta = self.meta(&v.config.title, None, &Page::Home.url(site), "home");
        let mut ctx = self.context(&meta);
        let campaigns: Vec<usize> = site.campaigns.iter().copied().take(4).collect();
        let mut featured = site.people.clone();
        featured.sort_by_key(|&i| std::cmp::Reverse(site.records[i].person().and_then(|p| p.year)));
        featured.truncate(v.config.featured_people);
        ctx.insert("intro", &site.home.as_ref().map(|h| h.body.html.clone()));
        ctx.insert("intro_title", &site.home.as_ref().map(|h| h.title.clone()));
        ctx.insert("campaigns", &v.cards(&campaigns));
        ctx.insert("news", &v.cards(&site.news[..site.news.len().min(6)]));
        ctx.insert("people", &v.cards(&featured));
        let docs: Vec<_> = site.documents.iter().take(5).map(|&i| v.doc_row(&site.records[i])).collect();
        ctx.insert("documents", &docs);
        ctx.insert(
            "counts",
            &BTreeMap::from([
                ("campaigns", site.campaigns.len()),
                ("people", site.people.len()),
                ("news", site.news.len()),
                ("documents", site.documents.len()),
            ]),
        );
        ("home.html", "index.html".into(), ctx)
    }

    fn section(&self, kind: Kind, page: usize) -> (&'static str, String, Context) {
        let site = self.site();
        let v = &self.views;
        let url = if kind == Kind::News { routes::news_page_url(page) } else { routes::section_url(kind) };
        let title = if page > 1 {
            format!("{} – trang {page}", kind.section_title())
        } else {
            kind.section_title().to_owned()
        };
        let intro = site.intros.get(&kind);
        let mut meta = self.meta(&title, intro.and_then(|i| i.summary.as_deref()), &url, kind.section());
        if kind == Kind::News {
            meta.feed = Some(v.href(routes::NEWS_FEED));
        }
        let mut ctx = self.context(&meta);
        ctx.insert("intro", &intro.map(|i| i.body.html.clone()));
        ctx.insert("heading", kind.section_title());
        let template = match kind {
            Kind::Campaign => {
                ctx.insert("items", &v.cards(&site.campaigns));
                "campaigns.html"
            }
            Kind::Person => {
                ctx.insert("groups", &self.people_groups());
                ctx.insert("districts", &self.term_links(Taxonomy::District));
                ctx.insert("ethnicities", &self.term_links(Taxonomy::Ethnicity));
                ctx.insert("total", &site.people.len());
                "people.html"
            }
            Kind::News => {
                ctx.insert("items", &v.cards(routes::news_slice(site, page, v.config.news_per_page)));
                ctx.insert("pagination", &self.pagination(page));
                "news_list.html"
            }
            _ => {
                let rows: Vec<_> = site.documents.iter().map(|&i| v.doc_row(&site.records[i])).collect();
                ctx.insert("rows", &rows);
                "documents.html"
            }
        };
        (template, routes::output_path(&url), ctx)
    }

    fn people_groups(&self) -> Vec<Group> {
        let site = self.site();
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for &i in &site.people {
            let p = site.records[i].person();
            let (name, slug) = p
                .and_then(|p| p.ethnicity.as_ref())
                .map_or(("Chưa ghi dân tộc".to_owned(), String::new()), |e| (e.name.clone(), e.slug.clone()));
            let href = (!slug.is_empty()).then(|| self.views.href(&routes::term_url(Taxonomy::Ethnicity, &slug)));
            groups
                .entry(name.clone())
                .or_insert_with(|| Group {
                    name,
                    id: if slug.is_empty() { "khac".into() } else { slug },
                    href,
                    items: Vec::new(),
                })
                .items
                .push(self.views.card(&site.records[i]));
        }
        let mut v: Vec<Group> = groups.into_values().collect();
        v.sort_by(|a, b| crate::content::collate::compare(&a.name, &b.name));
        v
    }

    fn term_links(&self, t: Taxonomy) -> Vec<Link> {
        let mut links: Vec<Link> = self.site().taxonomies[&t]
            .values()
            .map(|term| Link {
                name: term.name.clone(),
                href: self.views.href(&routes::term_url(t, &term.slug)),
                count: Some(term.records.len()),
                key: term.slug.clone(),
            })
            .collect();
        if t == Taxonomy::Year {
            links.sort_by(|a, b| b.name.cmp(&a.name));
        } else {
            links.sort_by(|a, b| crate::content::collate::compare(&a.name, &b.name));
        }
        links
    }

    fn pagination(&self, page: usize) -> Pagination {
        let href = |n: usize| self.views.href(&routes::news_page_url(n));
        Pagination {
            current: page,
            total: self.news_pages,
            prev: (page > 1).then(|| href(page - 1)),
            next: (page < self.news_pages).then(|| href(page + 1)),
            pages: routes::page_window(page, self.news_pages)
                .into_iter()
                .map(|n| Link { name: n.to_string(), href: href(n), count: None, key: n.to_string() })
                .collect(),
        }
    }

    fn record(&self, i: usize) -> (&'static str, String, Context) {
        let rec = &self.site().records[i];
        let view = self.views.record(rec);
        let mut meta = self.meta(&rec.title, rec.summary.as_deref(), &rec.url, rec.kind.section());
        meta.og_type = "article";
        meta.feed = view.feed.clone();
        meta.has_code = rec.body.has_code;
        meta.image = view.image.as_ref().map(|img| {
            self.views.config.absolute_url(img.src.strip_prefix(&self.views.config.base_path).unwrap_or(&img.src))
        });
        if meta.description.is_empty() || rec.summary.is_none() {
            meta.description = rec.body.text.chars().take(DESCRIPTION_CHARS).collect();
        }
        let mut ctx = self.context(&meta);
        ctx.insert("record", &view);
        let template = match rec.kind {
            Kind::Campaign => "campaign.html",
            Kind::Person => "person.html",
            Kind::News => "news.html",
            Kind::Document => "document.html",
            Kind::Page => "page.html",
        };
        (template, routes::output_path(&rec.url), ctx)
    }

    fn taxonomy_index(&self, t: Taxonomy) -> (&'static str, String, Context) {
        let url = routes::taxonomy_url(t);
        let meta = self.meta(t.title(), None, &url, "");
        let mut ctx = self.context(&meta);
        ctx.insert("heading", t.title());
        ctx.insert("terms", &self.term_links(t));
        ("taxonomy.html", routes::output_path(&url), ctx)
    }

    fn term(&self, t: Taxonomy, term: &Term) -> (&'static str, String, Context) {
        let url = routes::term_url(t, &term.slug);
        let title = match t {
            Taxonomy::Ethnicity => format!("Dân tộc {}", term.name),
            Taxonomy::District => format!("Địa bàn {}", term.name),
            Taxonomy::Year => format!("Năm {}", term.name),
            Taxonomy::Tag => format!("Chủ đề: {}", term.name),
        };
        let meta = self.meta(&title, None, &url, "");
        let mut ctx = self.context(&meta);
        let mut by_kind: Vec<KindGroup> = Vec::new();
        for k in Kind::SECTIONS {
            let ids: Vec<usize> = term.records.iter().copied().filter(|&i| self.site().records[i].kind == k).collect();
            if !ids.is_empty() {
                by_kind.push(KindGroup { heading: k.section_title(), kind: k.name(), items: self.views.cards(&ids) });
            }
        }
        ctx.insert("heading", &title);
        ctx.insert(
            "parent",
            &Link {
                name: t.title().into(),
                href: self.views.href(&routes::taxonomy_url(t)),
                count: None,
                key: String::new(),
            },
        );
        ctx.insert("groups", &by_kind);
        ("term.html", routes::output_path(&url), ctx)
    }

    fn search_page(&self) -> (&'static str, String, Context) {
        let meta = self.meta("Tìm kiếm", None, routes::SEARCH, "tim-kiem");
        let mut ctx = self.context(&meta);
        ctx.insert("search_index", &self.views.href(&self.search.entry));
        let mut links = Vec::new();
        for t in Taxonomy::ALL {
            links.push(Link {
                name: t.title().into(),
                href: self.views.href(&routes::taxonomy_url(t)),
                count: Some(self.site().taxonomies[&t].len()),
                key: t.segment().into(),
            });
        }
        ctx.insert("taxonomy_links", &links);
        ("search.html", routes::output_path(routes::SEARCH), ctx)
    }

    /// The news feed and the feeds of the campaigns in `campaigns` (of every campaign with `None`).
    fn feeds(&self, campaigns: Option<&BTreeSet<usize>>) -> Vec<OutputFile> {
        let site = self.site();
        let config = self.views.config;
        let news: Vec<_> = site.news.iter().map(|&i| &site.records[i]).collect();
        let title = format!("{} – Tin tức", config.title);
        let mut files = vec![OutputFile::bytes(
            routes::output_path(routes::NEWS_FEED),
            feeds::atom(config, &title, routes::NEWS_FEED, &routes::section_url(Kind::News), &news),
        )];
        for &c in &site.campaigns {
            if campaigns.is_some_and(|set| !set.contains(&c)) {
                continue;
            }
            let rec = &site.records[c];
            let links = site.by_campaign.get(&rec.slug).cloned().unwrap_or_default();
            let mut entries: Vec<usize> = links.news.iter().chain(&links.documents).copied().collect();
            entries.sort_by(|a, b| site.records[*b].date.cmp(&site.records[*a].date).then(a.cmp(b)));
            let recs: Vec<_> = entries.iter().map(|&i| &site.records[i]).collect();
            let path = routes::campaign_feed(&rec.url);
            files.push(OutputFile::bytes(
                routes::output_path(&path),
                feeds::atom(config, &rec.title, &path, &rec.url, &recs),
            ));
        }
        files
    }

    fn sitemap(&self, jobs: &[Page]) -> OutputFile {
        let site = self.site();
        let mut paths: Vec<(String, Option<String>)> = Vec::new();
        for j in jobs.iter().filter(|j| j.in_sitemap()) {
            let date = match j {
                Page::Record(i) => site.records[*i].date.filter(|d| d.is_full()).map(|d| d.iso()),
                _ => None,
            };
            paths.push((j.url(site), date));
        }
        paths.sort();
        OutputFile::bytes(routes::output_path(routes::SITEMAP), feeds::sitemap(self.views.config, &paths))
    }
}

/// Characters of a record's body text that stand in for a missing summary
/// in its page's description.
pub const DESCRIPTION_CHARS: usize = 160;

/// The statics of the theme and the site (the site's win), as output files.
/// The theme's scripts are minified ([`minify`]); the site's own files are
/// copied as they are.
pub fn statics(theme: &Theme, site_statics: &BTreeMap<String, Vec<u8>>) -> Vec<OutputFile> {
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

#[derive(Debug, Serialize)]
struct Group {
    name: String,
    id: String,
    href: Option<String>,
    items: Vec<Card>,
}

#[derive(Debug, Serialize)]
struct KindGroup {
    heading: &'static str,
    kind: &'static str,
    items: Vec<Card>,
}

#[derive(Debug, Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<Link>,
}

/// The files beside folder records, copied next to their pages.
pub fn assets<'a>(records: impl IntoIterator<Item = &'a Record>) -> Vec<OutputFile> {
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
