//! The fuzz targets' bodies, shared by the cargo-fuzz binaries in
//! `fuzz_targets/` and by the corpus replay in `tests/it/fuzz_replay.rs`, so
//! that `cargo test` runs every kept input through exactly the code that was
//! fuzzed. Each function takes raw bytes, must never panic, and checks a few
//! invariants of its own with `assert!` (a failed assert is a finding).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thidua::content::discover::SourceFile;
use thidua::content::Kind;

/// Front matter splitting and TOML/YAML parsing.
pub fn frontmatter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(p) = thidua::content::frontmatter::parse(Path::new("content/tin-tuc/x.md"), text) {
        assert!(p.body_line >= 1);
        for key in p.data.keys() {
            let line = p.key_line(key);
            assert!(line == 0 || line <= text.lines().count() + 1, "key line {line} past the end");
        }
    }
}

/// The whole record loader on one file: the first byte picks the section and
/// whether it is an intro; the rest is the file. Front matter, typed fields,
/// then the Markdown body with link rewriting.
pub fn record(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let kinds = [Kind::Campaign, Kind::Person, Kind::News, Kind::Document, Kind::Page];
    let kind = kinds[usize::from(selector) % kinds.len()];
    let is_intro = selector & 0x80 != 0;
    let dir = match kind {
        Kind::Campaign => "phong-trao",
        Kind::Person => "dien-hinh",
        Kind::News => "tin-tuc",
        Kind::Document => "van-ban",
        Kind::Page => "gioi-thieu",
    };
    let stem = if is_intro { "_index" } else { "ban-ghi" };
    let root = PathBuf::from("/nonexistent-fuzz-site");
    let src = SourceFile {
        rel: format!("{dir}/{stem}.md"),
        file: root.join("content").join(dir).join(format!("{stem}.md")),
        kind,
        dirs: if kind == Kind::Page { vec![dir.to_owned()] } else { Vec::new() },
        stem: stem.to_owned(),
        bundle: None,
        is_intro,
    };
    let (pending, diags) = thidua::content::load::load_front_bytes(&root, &src, bytes.to_vec());
    for d in &diags {
        let _text = d.to_string();
    }
    if let Some(p) = pending {
        let mut sources = BTreeMap::new();
        sources.insert("phong-trao/a.md".to_owned(), "/phong-trao/a/".to_owned());
        let ctx = thidua::content::markdown::LinkContext { base_path: "/bdt/", sources: &sources };
        let body = p.render_body(&ctx);
        for h in &body.headings {
            assert!((2..=6).contains(&h.level), "heading level {}", h.level);
        }
    }
}

/// The search query path: the input is `query\ndocument text`. The query is
/// parsed and resolved against the document's own vocabulary in both modes,
/// and an excerpt is made; highlights must lie inside the excerpt.
pub fn query(data: &[u8]) {
    use thidua::search::analyzer;
    use thidua::search::query::{self, Mode};
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (q, doc_text) = text.split_once('\n').unwrap_or((text, text));
    let glossary = glossary();
    let mut a = analyzer::analyzer(glossary);
    let words: Vec<String> = analyzer::tokens(&mut a, doc_text).into_iter().map(|t| t.text).collect();
    for t in analyzer::tokens(&mut a, doc_text) {
        assert!(t.offset_from <= t.offset_to && t.offset_to <= doc_text.len(), "token offsets out of the text");
        assert!(doc_text.is_char_boundary(t.offset_from) && doc_text.is_char_boundary(t.offset_to));
    }
    let vocab = query::vocabulary(words);
    for mode in [Mode::Complete, Mode::Typing] {
        let mut plan = query::parse(&mut a, q);
        assert!(plan.slots.len() <= query::MAX_SLOTS);
        for s in &plan.spans {
            assert!(s.len >= 1 && s.start + s.len <= query::MAX_SLOTS, "span {s:?}");
        }
        query::resolve(&mut plan, &vocab, mode);
        let doc = thidua::search::SearchDoc {
            title: q.to_owned(),
            body: doc_text.to_owned(),
            summary: doc_text.chars().take(40).collect(),
            ..Default::default()
        };
        let (terms, exact) = thidua::search::excerpt::excerpt_terms(&plan);
        let (excerpt, highlights) = thidua::search::excerpt::excerpt(&mut a, &terms, &exact, &doc);
        let n = excerpt.chars().count();
        for (from, to) in highlights {
            assert!(from <= to && to <= n, "highlight {from}..{to} outside an excerpt of {n} characters");
        }
    }
}

/// The document importer: the first byte picks `.txt` or `.docx`.
pub fn import(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let name = if selector & 1 == 0 { "van-ban.txt" } else { "van-ban.docx" };
    if let Ok(imp) = thidua::import::import_bytes(Path::new(name), bytes.to_vec()) {
        assert!(imp.meta.title.is_some(), "an imported document always has a title");
    }
}

/// The output-path check, by path alone: the input is `root\noutput`, both
/// taken as absolute. Whatever the spelling (`.`, `..`, repeated slashes), an
/// accepted output is not the root, not an ancestor of it, and not inside
/// `content/`, `static/`, `themes/` or a `.thidua-cache` folder; and the same
/// place spelt another way gets the same verdict.
pub fn output_path(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (root, output) = text.split_once('\n').unwrap_or(("/site", text));
    if root.contains('\0') || output.contains('\0') {
        return;
    }
    let (root, output) = (PathBuf::from(format!("/{root}")), PathBuf::from(format!("/{output}")));
    let verdict = thidua::output::place_refusal(&root, &output);
    for other in [output.join("."), output.join("x/.."), PathBuf::from(format!("/.{}", output.display()))] {
        let again = thidua::output::place_refusal(&root, &other);
        assert_eq!(again.is_some(), verdict.is_some(), "{} and {} differ", output.display(), other.display());
    }
    if verdict.is_none() {
        let (r, o) = (folded(&root), folded(&output));
        assert!(
            !(o.len() <= r.len() && r[..o.len()] == o[..]),
            "accepted the root or an ancestor: {}",
            output.display()
        );
        for folder in ["content", "static", "themes"] {
            let mut inside = r.clone();
            inside.push(folder.to_owned());
            assert!(!o.starts_with(&inside), "accepted a folder inside {folder}/: {}", output.display());
        }
        assert!(!o.iter().any(|c| c == ".thidua-cache"), "accepted a folder in the cache: {}", output.display());
    }
}

/// The names of an absolute path after folding `.`, `..` and empty parts,
/// written apart from the library's own normalisation.
fn folded(p: &Path) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in p.to_string_lossy().split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            name => out.push(name.to_owned()),
        }
    }
    out
}

fn glossary() -> &'static thidua::search::Glossary {
    static G: std::sync::OnceLock<thidua::search::Glossary> = std::sync::OnceLock::new();
    G.get_or_init(|| thidua::search::Glossary::default_theme().expect("the theme's glossary parses"))
}

/// The PDF path of the importer: `import::import_bytes` on a `.pdf` (the
/// PDF parser, the text walk and line rebuilding, then the text reader and
/// the header). Caps must turn huge inputs into errors, never hangs.
pub fn import_pdf(data: &[u8]) {
    if let Ok(imp) = thidua::import::import_bytes(Path::new("van-ban.pdf"), data.to_vec()) {
        assert!(imp.meta.title.is_some(), "an imported PDF always has a title");
    }
}

// ---- link_scheme: the check that keeps script links out of pages ----------

/// The link-scheme check (`content::scheme`), two ways. First the raw input
/// as one destination: whenever a browser's URL parser would find a scheme
/// other than http, https, mailto or tel (modelled here independently:
/// leading/trailing C0 and spaces dropped, tabs and newlines removed, then
/// an ASCII letter and letters, digits, `+`, `-`, `.` up to `:`), the check
/// must refuse it. Then the input as a Markdown body: no `href` or `src` of
/// the rendered HTML may carry a refused scheme.
pub fn link_scheme(data: &[u8]) {
    use thidua::content::scheme::unsafe_scheme;
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(scheme) = browser_scheme(text) {
        if !["http", "https", "mailto", "tel"].contains(&scheme.as_str()) {
            assert!(unsafe_scheme(text).is_some(), "scheme `{scheme}` of {text:?} passed the check");
        }
    }
    let sources = BTreeMap::new();
    let ctx = thidua::content::markdown::LinkContext { base_path: "/", sources: &sources };
    for body in [text.to_owned(), format!("[a]({text}) ![b]({text}) <{text}>\n\n[r]: {text}\n[c][r]")] {
        let html = thidua::content::markdown::render(&body, 1, &ctx).html;
        for value in attribute_values(&html, &["href", "src"]) {
            assert!(unsafe_scheme(&value).is_none(), "published live: {value:?} in {html}");
        }
    }
}

fn browser_scheme(url: &str) -> Option<String> {
    let url: String =
        url.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (first_ok && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| scheme.to_ascii_lowercase())
}

/// The values of the named attributes in every tag of `html` (text escapes
/// `<`, so every `<` opens a tag), with the HTML escapes decoded.
fn attribute_values(html: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or(tag);
        for name in names {
            let needle = format!(" {name}=\"");
            for (at, _) in tag.match_indices(&needle) {
                let rest = &tag[at + needle.len()..];
                let value = rest.split('"').next().unwrap_or(rest);
                let decoded = value
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&");
                out.push(decoded);
            }
        }
    }
    out
}
