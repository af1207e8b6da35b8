//! Markdown bodies → HTML fragments, with what validation and search need:
//! heading anchors, the links (with their lines), and the plain text.
//!
//! pulldown-cmark parses (tables, footnotes, heading attributes); this module
//! rewrites a few events: headings get ids and are shifted so a body starts at
//! `<h2>` under the page's `<h1>`; root-relative and `@/` links get the base
//! path; images are lazy; tables scroll inside a focusable region on small
//! screens; fenced code is highlighted by syntect with CSS classes.

use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// A heading of a body.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2–6 after shifting.
    pub level: u8,
    /// Anchor id.
    pub(crate) id: String,
    /// Plain text.
    pub(crate) text: String,
}

/// A link or image written in a body, as the author wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    /// The destination as written.
    pub(crate) dest: String,
    /// 1-based file line.
    pub(crate) line: usize,
    /// 1-based column.
    pub(crate) column: usize,
    /// True for `![…](…)`.
    pub(crate) is_image: bool,
    /// True when an image has no alt text.
    pub(crate) missing_alt: bool,
}

/// A rendered body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// The HTML fragment.
    pub html: String,
    /// Headings in order.
    pub headings: Vec<Heading>,
    /// Every link and image.
    pub(crate) links: Vec<Link>,
    /// Plain text for search and descriptions.
    pub(crate) text: String,
    /// True when there is highlighted code (the page then links the syntax CSS).
    pub(crate) has_code: bool,
}

/// How to rewrite link destinations.
pub struct LinkContext<'a> {
    /// Base path, `/` or `/portal/`.
    pub base_path: &'a str,
    /// `content/`-relative source path (`phong-trao/a.md`) → site path, for `@/` links.
    pub sources: &'a BTreeMap<String, String>,
}

/// A heading being read: its level, explicit id, text so far, and the index of
/// its placeholder start event.
struct OpenHeading {
    level: u8,
    id: Option<String>,
    text: String,
    at: usize,
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Rewrites a link destination for the output; the original is kept for checking.
pub(crate) fn rewrite_dest(dest: &str, ctx: &LinkContext) -> String {
    if let Some(rest) = dest.strip_prefix("@/") {
        let (file, anchor) = rest.split_once('#').map_or((rest, None), |(f, a)| (f, Some(a)));
        return match ctx.sources.get(file) {
            Some(url) => {
                let mut s = format!("{}{}", ctx.base_path, &url[1..]);
                if let Some(a) = anchor {
                    s.push('#');
                    s.push_str(a);
                }
                s
            }
            None => dest.to_owned(),
        };
    }
    match dest.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => format!("{}{rest}", ctx.base_path),
        _ => dest.to_owned(),
    }
}

/// [`rewrite_dest`], except that a destination with a scheme that is not
/// allowed ([`super::scheme`]) is never published: it becomes empty (a link
/// then points nowhere, `#`; an image is left out). The build reports it.
fn publishable_dest(dest: &str, ctx: &LinkContext) -> String {
    match super::scheme::unsafe_scheme(dest) {
        Some(_) => String::new(),
        None => rewrite_dest(dest, ctx),
    }
}

fn shift(level: HeadingLevel, by: u8) -> u8 {
    (level as u8 + by).min(6)
}

/// Renders `body` (which starts at file line `first_line` of a file).
pub fn render(body: &str, first_line: usize, ctx: &LinkContext) -> Body {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH;
    let min_level = Parser::new_ext(body, opts)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let by = 2u8.saturating_sub(min_level);

    let mut out = Body::default();
    let mut events: Vec<Event> = Vec::new();
    let mut used_ids = HashSet::new();
    let mut heading: Option<OpenHeading> = None;
    let mut image: Option<(String, String, String)> = None;
    let mut code: Option<(String, String)> = None;
    let mut table = TableCells::default();

    let lines = LineIndex::new(body, first_line);
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        if let Some(h) = heading.as_mut() {
            if let Event::Text(t) | Event::Code(t) = &event {
                h.text.push_str(t);
            }
        }
        if let Some((_, _, alt)) = image.as_mut() {
            match &event {
                Event::Text(t) | Event::Code(t) => {
                    alt.push_str(t);
                    continue;
                }
                Event::End(TagEnd::Image) => {}
                _ => continue,
            }
        }
        if let Some((_, buf)) = code.as_mut() {
            if let Event::Text(t) = &event {
                buf.push_str(t);
                out.text.push_str(t);
                continue;
            }
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading = Some(OpenHeading {
                    level: shift(level, by),
                    id: id.map(|i| i.to_string()),
                    text: String::new(),
                    at: events.len(),
                });
                events.push(Event::Text(CowStr::Borrowed("")));
            }
            Event::End(TagEnd::Heading(_)) => {
                let OpenHeading { level, id, text, at } = heading.take().expect("heading start");
                let base = id.unwrap_or_else(|| {
                    let s = crate::text::slugify(&text);
                    if s.is_empty() {
                        "muc".into()
                    } else {
                        s
                    }
                });
                let mut id = base.clone();
                let mut n = 1;
                while !used_ids.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                events[at] = Event::Html(format!("<h{level} id=\"{id}\">").into());
                events.push(Event::Html(format!("</h{level}>\n").into()));
                out.text.push('\n');
                out.headings.push(Heading { level, id, text });
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                if !matches!(link_type, LinkType::Email) {
                    let (line, column) = lines.line_col(range.start);
                    out.links.push(Link {
                        dest: dest_url.to_string(),
                        line,
                        column,
                        is_image: false,
                        missing_alt: false,
                    });
                }
                let dest = publishable_dest(&dest_url, ctx);
                events.push(Event::Start(Tag::Link { link_type, dest_url: dest.into(), title, id }));
            }
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                let (line, column) = lines.line_col(range.start);
                out.links.push(Link { dest: dest_url.to_string(), line, column, is_image: true, missing_alt: false });
                image = Some((publishable_dest(&dest_url, ctx), title.to_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                let (src, title, alt) = image.take().expect("image start");
                if alt.trim().is_empty() {
                    if let Some(l) = out.links.last_mut() {
                        l.missing_alt = true;
                    }
                }
                if src.is_empty() {
                    // A destination with a forbidden scheme: the words stay, the image does not.
                    events.push(Event::Text(alt.into()));
                    continue;
                }
                let title_attr =
                    if title.is_empty() { String::new() } else { format!(" title=\"{}\"", escape(&title)) };
                events.push(Event::Html(
                    format!(
                        "<img src=\"{}\" alt=\"{}\"{title_attr} loading=\"lazy\" decoding=\"async\">",
                        escape(&src),
                        escape(&alt)
                    )
                    .into(),
                ));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.split([' ', ',']).next().unwrap_or("").to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                let (lang, src) = code.take().expect("code start");
                out.has_code = true;
                events.push(Event::Html(highlight(&lang, &src).into()));
            }
            Event::Start(Tag::Table(a)) => {
                events.push(Event::Html(
                    "<div class=\"table-wrap\" role=\"region\" aria-label=\"Bảng\" tabindex=\"0\">".into(),
                ));
                events.push(Event::Start(Tag::Table(vec![Alignment::None; a.len()])));
                table = TableCells { align: a, ..TableCells::default() };
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                table.head = matches!(event, Event::Start(Tag::TableHead));
                table.column = 0;
                events.push(event);
            }
            Event::Start(Tag::TableCell) => events.push(Event::Html(table.open().into())),
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>".into()));
            }
            Event::Text(t) => {
                out.text.push_str(&t);
                events.push(Event::Text(t));
            }
            Event::Code(t) => {
                out.text.push_str(&t);
                events.push(Event::Code(t));
            }
            Event::SoftBreak | Event::HardBreak => {
                out.text.push(' ');
                events.push(event);
            }
            Event::End(TagEnd::TableCell) => {
                out.text.push(' ');
                events.push(Event::Html(table.close().into()));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                out.text.push('\n');
                events.push(event);
            }
            Event::Html(h) | Event::InlineHtml(h) => events.push(Event::Text(h)),
            other => events.push(other),
        }
    }
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out.text = out.text.split_whitespace().collect::<Vec<_>>().join(" ");
    out
}

/// File line and column of body offsets, by binary search over the line
/// starts. (Counting newlines from the start for every event made a large body
/// quadratic: the 50 MB file of tests/it/hostile.rs took many minutes.)
struct LineIndex<'a> {
    body: &'a str,
    starts: Vec<usize>,
    first_line: usize,
}

impl<'a> LineIndex<'a> {
    fn new(body: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0).chain(body.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { body, starts, first_line }
    }

    /// 1-based file line and column (in characters) of `offset`.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let i = self.starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let start = self.starts[i];
        let (line, column) = crate::diagnostics::line_col(&self.body[start..], offset - start);
        (i + line + self.first_line - 1, column)
    }
}

/// Table cells written by hand: pulldown-cmark aligns columns with `style`
/// attributes, which a strict Content-Security-Policy (`style-src 'self'`)
/// blocks; the theme's site.css has `align-*` classes instead.
#[derive(Default)]
struct TableCells {
    align: Vec<Alignment>,
    head: bool,
    column: usize,
}

impl TableCells {
    fn tag(&self) -> &'static str {
        if self.head {
            "th"
        } else {
            "td"
        }
    }

    fn open(&mut self) -> String {
        let class = match self.align.get(self.column) {
            Some(Alignment::Left) => " class=\"align-left\"",
            Some(Alignment::Center) => " class=\"align-center\"",
            Some(Alignment::Right) => " class=\"align-right\"",
            _ => "",
        };
        self.column += 1;
        format!("<{}{class}>", self.tag())
    }

    fn close(&self) -> String {
        format!("</{}>", self.tag())
    }
}

fn highlight(lang: &str, src: &str) -> String {
    let set = syntaxes();
    let syntax = set.find_syntax_by_token(lang).unwrap_or_else(|| set.find_syntax_plain_text());
    let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, set, ClassStyle::SpacedPrefixed { prefix: "hl-" });
    for line in LinesWithEndings::from(src) {
        if gen.parse_html_for_line_which_includes_newline(line).is_err() {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(src));
        }
    }
    format!("<pre class=\"code\"><code>{}</code></pre>\n", gen.finalize())
}

/// Escapes text for HTML text and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx_render(md: &str) -> Body {
        let sources = BTreeMap::from([("phong-trao/a.md".to_owned(), "/phong-trao/a/".to_owned())]);
        render(md, 10, &LinkContext { base_path: "/portal/", sources: &sources })
    }

    #[test]
    fn table_alignment_uses_classes_not_style_attributes_blocked_by_csp() {
        let b =
            ctx_render("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\nx style=\"text-align: right\"\n");
        assert!(b.html.contains("<th class=\"align-left\">a</th><th class=\"align-center\">b</th>"), "{}", b.html);
        assert!(b.html.contains("<th class=\"align-right\">c</th><th>d</th>"), "{}", b.html);
        assert!(
            b.html.contains("<td class=\"align-center\">2</td><td class=\"align-right\">3</td><td>4</td>"),
            "{}",
            b.html
        );
        assert!(!b.html.contains("<td style") && !b.html.contains("<th style"), "{}", b.html);
        assert!(b.html.contains("<p>x style=\"text-align: right\"</p>"), "text stays as written: {}", b.html);
        assert_eq!(b.text, "a b c d 1 2 3 4 x style=\"text-align: right\"");
    }

    #[test]
    fn headings_get_ids_and_start_at_h2() {
        let b = ctx_render("# Mục đích\n\ntext\n\n## Yêu cầu\n\n# Mục đích\n");
        assert!(b.html.contains("<h2 id=\"muc-dich\">Mục đích</h2>"), "{}", b.html);
        assert!(b.html.contains("<h3 id=\"yeu-cau\">"), "{}", b.html);
        assert!(b.html.contains("id=\"muc-dich-1\""), "{}", b.html);
    }

    #[test]
    fn links_are_rewritten_and_located() {
        let b = ctx_render("Xem [phong trào](/phong-trao/a/) và [tệp](@/phong-trao/a.md#x).\n\n![](anh.jpg)");
        assert!(b.html.contains("href=\"/portal/phong-trao/a/\""), "{}", b.html);
        assert!(b.html.contains("href=\"/portal/phong-trao/a/#x\""), "{}", b.html);
        assert_eq!(b.links[0].line, 10);
        assert_eq!(b.links[0].dest, "/phong-trao/a/");
        assert!(b.links[2].missing_alt);
        assert!(b.html.contains("loading=\"lazy\""));
    }

    #[test]
    fn script_links_are_never_published_live() {
        let b = ctx_render(
            "[a](javascript:alert(1)) <JavaScript:alert(2)> ![c](data:text/html,x) [d][r]\n\n[r]: &#106;avascript:alert(3)\n",
        );
        assert_eq!(b.html.matches("href=\"\"").count(), 3, "{}", b.html);
        assert!(!b.html.contains("src="), "{}", b.html);
        assert_eq!(b.links.len(), 4, "every one is kept for the check: {:?}", b.links);
        assert!(b.links.iter().all(|l| crate::content::scheme::unsafe_scheme(&l.dest).is_some()), "{:?}", b.links);
    }

    #[test]
    fn raw_html_is_escaped() {
        let b = ctx_render("<script>alert(1)</script>\n\nChữ <b>đậm</b>");
        assert!(!b.html.contains("<script>"), "{}", b.html);
        assert!(b.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn tables_footnotes_and_code() {
        let b = ctx_render(
            "| A | B |\n|---|---|\n| 1 | 2 |\n\nCâu[^1].\n\n[^1]: Chú thích.\n\n```rust\nfn main() {}\n```\n",
        );
        assert!(b.html.contains("class=\"table-wrap\""));
        assert!(b.html.contains("footnote-definition"), "{}", b.html);
        assert!(b.html.contains("hl-"), "{}", b.html);
        assert!(b.has_code);
        assert!(b.text.contains("Chú thích"));
    }
}
