//! Rendering: from the site model to the files of the portal, in memory.
//!
//! Every page is a [`Job`]; jobs render in parallel (Tera is shared read-only)
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

/// What the search stage hands to rendering.
#[derive(Debug, Clone, Default)]
pub struct SearchPage {
    /// Site path of the index entry file.
    pub entry: String,
}

/// A page to render.
#[derive(Debug, Clone)]
enum Job {
    Home,
    Section(Kind),
    NewsPage(usize),
    Record(usize),
    TaxonomyIndex(Taxonomy),
    Term(Taxonomy, String),
    NotFound,
    Search,
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

/// The page numbers a news list page links to: the first and the last, and
/// the two on either side of the current one. Listing every page made each of
/// the P list pages hold P links, O(P²) in render time and output size (177 KB
/// per list page at 50,000 records).
fn page_window(current: usize, total: usize) -> Vec<usize> {
    let mut pages: Vec<usize> = [1, total].into_iter().chain(current.saturating_sub(2)..=current + 2).collect();
    pages.retain(|&n| n >= 1 && n <= total);
    pages.sort_unstable();
    pages.dedup();
    pages
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
        jobs.retain(|j| !matches!(j, Job::Search));
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
        let jobs: Vec<Job> =
            (0..site.records.len()).filter(|&i| changed.contains(&site.records[i].url)).map(Job::Record).collect();
        let campaigns: BTreeSet<usize> =
            site.campaigns.iter().copied().filter(|&c| hits(deps(site, &Job::Record(c)))).collect();
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
        let ids = &s.news[((n - 1) * per).min(s.news.len())..(n * per).min(s.news.len())];
        ids.iter().map(|&i| s.records[i].url.as_str()).collect()
    };
    // Pages (by path) that showed a changed record before the change.
    let mut showed: BTreeSet<String> = BTreeSet::new();
    let mut removed = Vec::new();
    let paths: BTreeSet<String> = all.iter().map(|j| path_of(site, j)).collect();
    if let Some((old, _)) = changes.before {
        for j in jobs(old, changes.before.map_or(1, |b| b.1)) {
            let path = path_of(old, &j);
            if !paths.contains(&path) {
                removed.push(path);
            } else if !matches!(j, Job::Section(Kind::News) | Job::NewsPage(_)) && hits(deps(old, &j)) {
                showed.insert(path);
            }
        }
        for &c in &old.campaigns {
            if site.campaign(&old.records[c].slug).is_none() {
                removed.push(format!("{}atom.xml", old.records[c].url.trim_start_matches('/')));
            }
        }
    }
    let news_intro_changed = changed.contains(&format!("/{}/", Kind::News.section()));
    // Every page's menu shows the title of the about page.
    let menu_changed = match changes.before {
        Some((old, _)) => about_title(old) != about_title(site),
        None => changed.contains(ABOUT),
    };
    let selected: Vec<Job> = all
        .iter()
        .filter(|j| match (j, changes.before) {
            _ if menu_changed => true,
            (Job::Section(Kind::News) | Job::NewsPage(_), Some((old, old_pages))) => {
                let n = if let Job::NewsPage(n) = j { *n } else { 1 };
                let now = news_slice(site, n);
                old_pages != r.news_pages
                    || news_intro_changed
                    || now != news_slice(old, n)
                    || now.iter().any(|u| changed.contains(*u))
            }
            (Job::Section(Kind::News) | Job::NewsPage(_), None) => true,
            _ => showed.contains(&path_of(site, j)) || hits(deps(site, j)),
        })
        .cloned()
        .collect();
    let campaigns: BTreeSet<usize> = site
        .campaigns
        .iter()
        .copied()
        .filter(|&c| showed.contains(&path_of(site, &Job::Record(c))) || hits(deps(site, &Job::Record(c))))
        .collect();
    let mut files = r.pages(&selected)?;
    files.extend(r.feeds(Some(&campaigns)));
    files.push(r.sitemap(&all));
    files.push(OutputFile::bytes("robots.txt", feeds::robots(r.views.config)));
    files.extend(r.syntax_css());
    if !files.iter().any(|f| f.path == "css/syntax.css") {
        removed.push("css/syntax.css".into());
    }
    Ok(Partial { files, removed })
}

/// The site path of the about page, whose title is in every page's menu (`Views::site_view` finds it by this path).
const ABOUT: &str = "/gioi-thieu/";

fn about_title(site: &Site) -> Option<&str> {
    site.pages.iter().map(|&i| &site.records[i]).find(|r| r.url == ABOUT).map(|r| r.title.as_str())
}

/// Renders the search page alone: after the search index changed (serve),
/// or last in a build. It shows the site's name, menu and taxonomy counts,
/// not the records' bodies, so it can be rendered after the bodies have been
/// dropped to make room for the search index. `templates` are reused when given.
pub fn render_search_page<'a>(inputs: Inputs<'a>, templates: Option<&'a Templates>) -> Result<OutputFile, Diagnostics> {
    let r = Renderer::reusing(inputs, templates)?;
    r.page(&Job::Search).map_err(one)
}

/// Every page of `site`, which has `news_pages` news list pages.
fn jobs(site: &Site, news_pages: usize) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound, Job::Search];
    jobs.extend(Kind::SECTIONS.iter().map(|k| Job::Section(*k)));
    jobs.extend((2..=news_pages).map(Job::NewsPage));
    jobs.extend((0..site.records.len()).map(Job::Record));
    for (t, terms) in &site.taxonomies {
        jobs.push(Job::TaxonomyIndex(*t));
        jobs.extend(terms.keys().map(|s| Job::Term(*t, s.clone())));
    }
    jobs
}

/// The output path of a job's page.
fn path_of(site: &Site, job: &Job) -> String {
    match job {
        Job::Home => "index.html".into(),
        Job::Section(k) => out_path(&format!("/{}/", k.section())),
        Job::NewsPage(n) => out_path(&format!("/tin-tuc/trang/{n}/")),
        Job::Record(i) => out_path(&site.records[*i].url),
        Job::TaxonomyIndex(t) => out_path(&format!("/{}/", t.segment())),
        Job::Term(t, s) => out_path(&format!("/{}/{s}/", t.segment())),
        Job::NotFound => "404.html".into(),
        Job::Search => "tim-kiem/index.html".into(),
    }
}

/// The records (site paths) a page shows, and for section pages the section's
/// own path (its intro); `None` for pages that summarise the whole site and
/// are always rendered again.
fn deps<'s>(site: &'s Site, job: &Job) -> Option<Vec<&'s str>> {
    let urls = |ids: &[usize]| ids.iter().map(|&i| site.records[i].url.as_str()).collect::<Vec<_>>();
    let by_slugs =
        |kind: Kind, slugs: &'s [String]| slugs.iter().filter_map(move |s| site.get(kind, s)).map(|r| r.url.as_str());
    let section = |k: Kind, ids: &[usize]| {
        let mut d = urls(ids);
        d.push(site.intros.get(&k).map_or("", |i| i.url.as_str()));
        Some(d)
    };
    match job {
        Job::Record(i) => {
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
            Some(d)
        }
        Job::Section(Kind::News) | Job::NewsPage(_) => section(Kind::News, &site.news),
        Job::Section(Kind::Campaign) => section(Kind::Campaign, &site.campaigns),
        Job::Section(Kind::Person) => section(Kind::Person, &site.people),
        Job::Section(k) => section(*k, &site.documents),
        Job::Term(t, slug) => Some(urls(&site.taxonomies[t][slug].records)),
        Job::Home | Job::TaxonomyIndex(_) | Job::NotFound | Job::Search => None,
    }
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

fn out_path(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
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
    fn pages(&self, jobs: &[Job]) -> Result<Vec<OutputFile>, Diagnostics> {
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
    fn generated(&self, jobs: &[Job]) -> Vec<OutputFile> {
        let mut files = self.feeds(None);
        files.push(self.sitemap(jobs));
        files.push(OutputFile::bytes("robots.txt", feeds::robots(self.views.config)));
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

    fn jobs(&self) -> Vec<Job> {
        jobs(self.site(), self.news_pages)
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
        ctx.insert("news_feed", &self.views.href("/atom.xml"));
        ctx
    }

    fn page(&self, job: &Job) -> Result<OutputFile, Diagnostic> {
        let (template, path, ctx) = match job {
            Job::Home => self.home(),
            Job::Section(k) => self.section(*k, 1),
            Job::NewsPage(n) => self.section(Kind::News, *n),
            Job::Record(i) => self.record(*i),
            Job::TaxonomyIndex(t) => self.taxonomy_index(*t),
            Job::Term(t, slug) => self.term(*t, &self.site().taxonomies[t][slug]),
            Job::NotFound => {
                let meta = self.meta("Không tìm thấy trang", None, "/404.html", "");
                ("404.html", "404.html".to_owned(), self.context(&meta))
            }
            Job::Search => self.search_page(),
        };
        let html = templates::render(&self.tera, template, &ctx, &path)?;
        Ok(OutputFile::bytes(path, html))
    }

    fn home(&self) -> (&'static str, String, Context) {
        let site = self.site();
        let v = &self.views;
        let meta = self.meta(&v.config.title, None, "/", "home");
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
        let url = if page > 1 { format!("/tin-tuc/trang/{page}/") } else { format!("/{}/", kind.section()) };
        let title = if page > 1 {
            format!("{} – trang {page}", kind.section_title())
        } else {
            kind.section_title().to_owned()
        };
        let intro = site.intros.get(&kind);
        let mut meta = self.meta(&title, intro.and_then(|i| i.summary.as_deref()), &url, kind.section());
        if kind == Kind::News {
            meta.feed = Some(v.href("/atom.xml"));
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
                let per = v.config.news_per_page;
                let ids = &site.news[((page - 1) * per).min(site.news.len())..(page * per).min(site.news.len())];
                ctx.insert("items", &v.cards(ids));
                ctx.insert("pagination", &self.pagination(page));
                "news_list.html"
            }
            _ => {
                let rows: Vec<_> = site.documents.iter().map(|&i| v.doc_row(&site.records[i])).collect();
                ctx.insert("rows", &rows);
                "documents.html"
            }
        };
        (template, out_path(&url), ctx)
    }

    fn people_groups(&self) -> Vec<Group> {
        let site = self.site();
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for &i in &site.people {
            let p = site.records[i].person();
            let (name, slug) = p
                .and_then(|p| p.ethnicity.as_ref())
                .map_or(("Chưa ghi dân tộc".to_owned(), String::new()), |e| (e.name.clone(), e.slug.clone()));
            let href = (!slug.is_empty()).then(|| self.views.href(&format!("/dan-toc/{slug}/")));
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
                href: self.views.href(&format!("/{}/{}/", t.segment(), term.slug)),
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
        let href = |n: usize| {
            if n == 1 {
                self.views.href("/tin-tuc/")
            } else {
                self.views.href(&format!("/tin-tuc/trang/{n}/"))
            }
        };
        Pagination {
            current: page,
            total: self.news_pages,
            prev: (page > 1).then(|| href(page - 1)),
            next: (page < self.news_pages).then(|| href(page + 1)),
            pages: page_window(page, self.news_pages)
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
        (template, out_path(&rec.url), ctx)
    }

    fn taxonomy_index(&self, t: Taxonomy) -> (&'static str, String, Context) {
        let url = format!("/{}/", t.segment());
        let meta = self.meta(t.title(), None, &url, "");
        let mut ctx = self.context(&meta);
        ctx.insert("heading", t.title());
        ctx.insert("terms", &self.term_links(t));
        ("taxonomy.html", out_path(&url), ctx)
    }

    fn term(&self, t: Taxonomy, term: &Term) -> (&'static str, String, Context) {
        let url = format!("/{}/{}/", t.segment(), term.slug);
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
                href: self.views.href(&format!("/{}/", t.segment())),
                count: None,
                key: String::new(),
            },
        );
        ctx.insert("groups", &by_kind);
        ("term.html", out_path(&url), ctx)
    }

    fn search_page(&self) -> (&'static str, String, Context) {
        let meta = self.meta("Tìm kiếm", None, "/tim-kiem/", "tim-kiem");
        let mut ctx = self.context(&meta);
        ctx.insert("search_index", &self.views.href(&self.search.entry));
        let mut links = Vec::new();
        for t in Taxonomy::ALL {
            links.push(Link {
                name: t.title().into(),
                href: self.views.href(&format!("/{}/", t.segment())),
                count: Some(self.site().taxonomies[&t].len()),
                key: t.segment().into(),
            });
        }
        ctx.insert("taxonomy_links", &links);
        ("search.html", "tim-kiem/index.html".into(), ctx)
    }

    /// The news feed and the feeds of the campaigns in `campaigns` (of every campaign with `None`).
    fn feeds(&self, campaigns: Option<&BTreeSet<usize>>) -> Vec<OutputFile> {
        let site = self.site();
        let config = self.views.config;
        let news: Vec<_> = site.news.iter().map(|&i| &site.records[i]).collect();
        let mut files = vec![OutputFile::bytes(
            "atom.xml",
            feeds::atom(config, &format!("{} – Tin tức", config.title), "/atom.xml", "/tin-tuc/", &news),
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
            let path = format!("{}atom.xml", rec.url);
            files.push(OutputFile::bytes(
                path.trim_start_matches('/'),
                feeds::atom(config, &rec.title, &path, &rec.url, &recs),
            ));
        }
        files
    }

    fn sitemap(&self, jobs: &[Job]) -> OutputFile {
        let site = self.site();
        let mut paths: Vec<(String, Option<String>)> = Vec::new();
        for j in jobs {
            let entry = match j {
                Job::Home => ("/".to_owned(), None),
                Job::Section(k) => (format!("/{}/", k.section()), None),
                Job::NewsPage(n) => (format!("/tin-tuc/trang/{n}/"), None),
                Job::Record(i) => {
                    let r = &site.records[*i];
                    (r.url.clone(), r.date.filter(|d| d.is_full()).map(|d| d.iso()))
                }
                Job::TaxonomyIndex(t) => (format!("/{}/", t.segment()), None),
                Job::Term(t, s) => (format!("/{}/{s}/", t.segment()), None),
                Job::NotFound | Job::Search => continue,
            };
            paths.push(entry);
        }
        paths.sort();
        OutputFile::bytes("sitemap.xml", feeds::sitemap(self.views.config, &paths))
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

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn news_pagination_links_a_window_not_every_page_regression_quadratic_at_50000_records() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 3), [1, 2, 3]);
        assert_eq!(page_window(1, 2500), [1, 2, 3, 2500]);
        assert_eq!(page_window(1000, 2500), [1, 998, 999, 1000, 1001, 1002, 2500]);
        assert_eq!(page_window(2500, 2500), [1, 2498, 2499, 2500]);
    }
}
