//! Atom feeds (news, and one per campaign), sitemap.xml and robots.txt.
//! Timestamps come from the records' dates, never from the clock, so two
//! builds of the same content are byte-identical.

use super::Renderer;
use crate::config::Config;
use crate::content::markdown::escape;
use crate::content::record::{Kind, Record};
use crate::content::routes::{self, Page};
use crate::output::OutputFile;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// An Atom feed of `entries` (newest first), published at `self_path`.
pub(crate) fn atom(config: &Config, title: &str, self_path: &str, alt_path: &str, entries: &[&Record]) -> String {
    let updated = entries
        .iter()
        .filter_map(|r| r.date)
        .max()
        .map_or_else(|| "2000-01-01T00:00:00+07:00".to_owned(), |d| d.rfc3339());
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n",
    );
    writeln!(x, "  <title>{}</title>", escape(title)).expect("writing to a String cannot fail");
    writeln!(x, "  <id>{}</id>", escape(&config.absolute_url(self_path))).expect("writing to a String cannot fail");
    writeln!(
        x,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&config.absolute_url(self_path))
    )
    .expect("writing to a String cannot fail");
    writeln!(x, "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>", escape(&config.absolute_url(alt_path)))
        .expect("writing to a String cannot fail");
    writeln!(x, "  <updated>{updated}</updated>").expect("writing to a String cannot fail");
    writeln!(x, "  <author><name>{}</name></author>", escape(&config.organization))
        .expect("writing to a String cannot fail");
    for r in entries.iter().take(50) {
        let url = config.absolute_url(&r.url);
        let date = r.date.map_or_else(|| updated.clone(), |d| d.rfc3339());
        writeln!(x, "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{date}</updated>", escape(&r.title), escape(&url), escape(&url)).expect("writing to a String cannot fail");
        if let Some(s) = &r.summary {
            writeln!(x, "    <summary>{}</summary>", escape(s)).expect("writing to a String cannot fail");
        }
        writeln!(x, "    <content type=\"html\">{}</content>\n  </entry>", escape(&r.body.html))
            .expect("writing to a String cannot fail");
    }
    x.push_str("</feed>\n");
    x
}

/// sitemap.xml listing `paths` (site paths) with optional last-modified dates.
pub(crate) fn sitemap(config: &Config, paths: &[(String, Option<String>)]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (p, lastmod) in paths {
        write!(x, "  <url><loc>{}</loc>", escape(&config.absolute_url(p))).expect("writing to a String cannot fail");
        if let Some(d) = lastmod {
            write!(x, "<lastmod>{d}</lastmod>").expect("writing to a String cannot fail");
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// robots.txt pointing at the sitemap.
pub(crate) fn robots(config: &Config) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", config.absolute_url(crate::content::routes::SITEMAP))
}

impl Renderer<'_> {
    /// Feeds, sitemap, robots.txt and the syntax stylesheet.
    pub(super) fn generated(&self, jobs: &[Page]) -> Vec<OutputFile> {
        let mut files = self.feeds(None);
        files.push(self.sitemap(jobs));
        files.push(OutputFile::bytes(routes::output_path(routes::ROBOTS), robots(self.views.config)));
        files.extend(self.syntax_css());
        files
    }

    /// The news feed and the feeds of the campaigns in `campaigns` (of every campaign with `None`).
    pub(super) fn feeds(&self, campaigns: Option<&BTreeSet<usize>>) -> Vec<OutputFile> {
        let site = self.site();
        let config = self.views.config;
        let news: Vec<_> = site.news.iter().map(|&i| &site.records[i]).collect();
        let title = format!("{} – Tin tức", config.title);
        let mut files = vec![OutputFile::bytes(
            routes::output_path(routes::NEWS_FEED),
            atom(config, &title, routes::NEWS_FEED, &routes::section_url(Kind::News), &news),
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
            files.push(OutputFile::bytes(routes::output_path(&path), atom(config, &rec.title, &path, &rec.url, &recs)));
        }
        files
    }

    pub(super) fn sitemap(&self, jobs: &[Page]) -> OutputFile {
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
        OutputFile::bytes(routes::output_path(routes::SITEMAP), sitemap(self.views.config, &paths))
    }
}
