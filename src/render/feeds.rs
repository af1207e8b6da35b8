//! Atom feeds (news, and one per campaign), sitemap.xml and robots.txt.
//! Timestamps come from the records' dates, never from the clock, so two
//! builds of the same content are byte-identical.

use crate::config::Config;
use crate::content::markdown::escape;
use crate::content::record::Record;
use std::fmt::Write as _;

/// An Atom feed of `entries` (newest first), published at `self_path`.
pub fn atom(config: &Config, title: &str, self_path: &str, alt_path: &str, entries: &[&Record]) -> String {
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
pub fn sitemap(config: &Config, paths: &[(String, Option<String>)]) -> String {
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
pub fn robots(config: &Config) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", config.absolute_url(crate::routes::SITEMAP))
}
