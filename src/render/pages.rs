//! The builders of each kind of page: the template, the output path and the
//! context (view structs and the page's `<head>` metadata) of every [`Page`].

use super::templates;
use super::views::{Card, Link};
use super::Renderer;
use crate::content::record::Kind;
use crate::content::routes::{self, registry, Page};
use crate::content::site::{Taxonomy, Term};
use crate::diagnostics::Diagnostic;
use crate::output::OutputFile;
use serde::Serialize;
use std::collections::BTreeMap;
use tera::Context;

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
    /// `en` for the English pages under /en/, else the site's language.
    lang: &'static str,
    /// Where the page sits: home, then its parents (the page itself is the title).
    crumbs: Vec<Link>,
    /// The page's date, for the print header.
    date: Option<String>,
}

/// Characters of a record's body text that stand in for a missing summary
/// in its page's description.
pub(crate) const DESCRIPTION_CHARS: usize = 160;

impl Renderer<'_> {
    fn meta(&self, title: &str, description: Option<&str>, path: &str, section: &str) -> Meta {
        let config = self.views.config;
        Meta {
            title: title.to_owned(),
            description: description.unwrap_or(&config.description).to_owned(),
            canonical: config.absolute_url(path),
            section: section.to_owned(),
            feed: None,
            image: config.card_image.as_deref().map(|p| config.absolute_url(p)),
            og_type: "website",
            has_code: false,
            lang: if path.starts_with("/en/") { "en" } else { "vi" },
            crumbs: self.crumbs(path),
            date: None,
        }
    }

    /// Home, then each parent page of `path` that the portal publishes:
    /// a section, a taxonomy, the registry; never the page itself.
    fn crumbs(&self, path: &str) -> Vec<Link> {
        let link = |name: &str, p: &str| Link {
            name: name.to_owned(),
            href: self.views.href(p),
            count: None,
            key: String::new(),
        };
        if path == "/" || path == "/404.html" {
            return Vec::new();
        }
        if path.starts_with("/en/") {
            return if path == "/en/" { Vec::new() } else { vec![link("Home", "/en/")] };
        }
        let mut out = vec![link("Trang chủ", "/")];
        let first = path.trim_matches('/').split('/').next().unwrap_or("");
        let section = Kind::SECTIONS.iter().find(|k| k.section() == first);
        let depth = path.trim_matches('/').split('/').count();
        if let Some(k) = section {
            if depth > 1 {
                out.push(link(k.section_title(), &format!("/{first}/")));
            }
            if *k == Kind::Document && depth > 3 {
                let facet =
                    registry::Facet::ALL.iter().find(|f| path.starts_with(&format!("/van-ban/{}/", f.segment())));
                if let (Some(f), Some(slug)) = (facet, path.trim_matches('/').split('/').nth(2)) {
                    if let Some(flt) = self.filters.get(f).and_then(|l| l.iter().find(|x| x.slug == slug)) {
                        out.push(link(&flt.name, &flt.path()));
                    }
                }
            }
        } else if let Some(t) = Taxonomy::ALL.iter().find(|t| t.segment() == first) {
            if depth > 1 {
                out.push(link(t.title(), &format!("/{first}/")));
            }
        }
        out
    }

    fn context(&self, meta: &Meta) -> Context {
        let mut ctx = Context::new();
        ctx.insert("site", &self.views.site_view());
        ctx.insert("base_path", &self.views.config.base_path);
        ctx.insert("meta", meta);
        ctx.insert("news_feed", &self.views.href(routes::NEWS_FEED));
        ctx
    }

    pub(super) fn page(&self, job: &Page) -> Result<OutputFile, Diagnostic> {
        let (template, path, ctx) = match job {
            Page::Home => self.home(),
            Page::Section(k) => self.section(*k, 1),
            Page::NewsList(n) => self.section(Kind::News, *n),
            Page::Record(i) => self.record(*i),
            Page::TaxonomyIndex(t) => self.taxonomy_index(*t),
            Page::Term(t, slug) => self.term(*t, &self.site().taxonomies[t][slug]),
            Page::NotFound => {
                let url = job.url(self.site());
                let meta = self.meta("Không tìm thấy trang", None, &url, "");
                ("404.html", job.output_path(self.site()), self.context(&meta))
            }
            Page::Search => self.search_page(),
            Page::Registry(f, p) => self.registry(f.as_ref().map(|(f, s)| (*f, s.as_str())), *p),
            Page::Offline => {
                let meta = self.meta("Đã lưu để đọc khi mất mạng", None, registry::OFFLINE, "");
                ("offline.html", routes::output_path(registry::OFFLINE), self.context(&meta))
            }
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
            _ => return self.registry(None, 1),
        };
        (template, routes::output_path(&url), ctx)
    }

    /// Page `page` of the document registry, or of one of its filters.
    fn registry(&self, filter: Option<(registry::Facet, &str)>, page: usize) -> (&'static str, String, Context) {
        let site = self.site();
        let v = &self.views;
        let filters = &self.filters;
        let chosen = filter.and_then(|(f, slug)| filters.get(&f)?.iter().find(|x| x.slug == slug));
        let ids: &[usize] = chosen.map_or(&site.documents, |f| &f.docs);
        let total = registry::pages(ids.len());
        let base = filter.map(|(f, s)| (f, s.to_owned()));
        let url = registry::path(filter, page);
        let heading = chosen.map_or_else(|| Kind::Document.section_title().to_owned(), |f| f.heading());
        let title = if page > 1 { format!("{heading} – trang {page}") } else { heading.clone() };
        let intro = site.intros.get(&Kind::Document).filter(|_| filter.is_none() && page == 1);
        let mut meta = self.meta(&title, intro.and_then(|i| i.summary.as_deref()), &url, Kind::Document.section());
        if filter.is_none() && page == 1 {
            meta.crumbs.truncate(1);
        }
        let mut ctx = self.context(&meta);
        ctx.insert("intro", &intro.map(|i| i.body.html.clone()));
        ctx.insert("heading", &heading);
        ctx.insert("filtered", &chosen.is_some());
        ctx.insert("count", &ids.len());
        let slice = &ids[((page - 1) * registry::PER_PAGE).min(ids.len())..(page * registry::PER_PAGE).min(ids.len())];
        let rows: Vec<_> = slice.iter().map(|&i| v.doc_row(&site.records[i])).collect();
        ctx.insert("rows", &rows);
        let facets: Vec<FacetView> = registry::Facet::ALL
            .iter()
            .filter_map(|f| {
                let list = filters.get(f)?;
                (!list.is_empty()).then(|| FacetView {
                    title: f.title(),
                    key: f.segment(),
                    links: list
                        .iter()
                        .map(|x| Link {
                            name: x.name.clone(),
                            href: v.href(&x.path()),
                            count: Some(x.docs.len()),
                            key: if chosen.is_some_and(|c| c.facet == x.facet && c.slug == x.slug) {
                                "current".into()
                            } else {
                                String::new()
                            },
                        })
                        .collect(),
                })
            })
            .collect();
        ctx.insert("facets", &facets);
        ctx.insert("all_href", &v.href("/van-ban/"));
        let href = |n: usize| v.href(&registry::path(base.as_ref().map(|(f, s)| (*f, s.as_str())), n));
        let pagination = Pagination {
            current: page,
            total,
            prev: (page > 1).then(|| href(page - 1)),
            next: (page < total).then(|| href(page + 1)),
            pages: routes::page_window(page, total)
                .into_iter()
                .map(|n| Link { name: n.to_string(), href: href(n), count: None, key: n.to_string() })
                .collect(),
        };
        ctx.insert("pagination", &pagination);
        ("documents.html", routes::output_path(&url), ctx)
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
        let section = match rec.kind {
            Kind::Page => rec.url.trim_matches('/'),
            k => k.section(),
        };
        let mut meta = self.meta(&rec.title, rec.summary.as_deref(), &rec.url, section);
        meta.og_type = "article";
        meta.feed = view.feed.clone();
        meta.has_code = rec.body.has_code;
        if let Some(img) = view.image.as_ref() {
            meta.image = Some(
                self.views.config.absolute_url(img.src.strip_prefix(&self.views.config.base_path).unwrap_or(&img.src)),
            );
        }
        meta.date = view.date_long.clone();
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
}

#[derive(Debug, Serialize)]
struct Group {
    name: String,
    id: String,
    href: Option<String>,
    items: Vec<Card>,
}

#[derive(Debug, Serialize)]
struct FacetView {
    title: &'static str,
    key: &'static str,
    links: Vec<Link>,
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
