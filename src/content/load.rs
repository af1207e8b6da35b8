//! Loads every discovered file into a typed [`Record`], in parallel.
//!
//! Loading is two passes: first every file's front matter (so that the map of
//! source paths to URLs is known), then every body's Markdown, whose `@/`
//! links need that map. Each file's problems are collected, never thrown.

use super::discover::SourceFile;
use super::ethnicity;
use super::fields::Fields;
use super::frontmatter;
use super::indicators::read_indicators;
use super::markdown::{self, Body, LinkContext};
use super::record::*;
use crate::diagnostics::{display_path, Diagnostic};
use crate::msg;
use crate::text::{is_slug, nfc, slugify};
use std::path::Path;

/// A record whose body is not rendered yet.
pub struct Pending {
    /// The record with an empty body.
    pub(crate) record: Record,
    /// Body Markdown.
    body: String,
    /// File line where the body starts.
    body_line: usize,
    /// `content/`-relative path.
    pub(crate) rel: String,
    /// True for `_index.md` intros.
    pub(crate) is_intro: bool,
}

/// Reads and parses one file's front matter; `None` when it cannot be used at all.
pub(crate) fn load_front(root: &Path, src: &SourceFile) -> (Option<Pending>, Vec<Diagnostic>) {
    match std::fs::read(&src.file) {
        Ok(bytes) => load_front_bytes(root, src, bytes),
        Err(e) => {
            let path = display_path(root, &src.file);
            (None, vec![Diagnostic::error(&path, msg!("file-unreadable", error = e.to_string()))])
        }
    }
}

/// [`load_front`] on bytes already read: the whole loader without the file
/// system, so that the fuzz targets and their replay test call it directly.
pub fn load_front_bytes(root: &Path, src: &SourceFile, bytes: Vec<u8>) -> (Option<Pending>, Vec<Diagnostic>) {
    let path = display_path(root, &src.file);
    let text = match String::from_utf8(bytes) {
        Ok(t) => nfc(&t),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let good = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let (line, col) = crate::diagnostics::line_col(&good, good.len());
            let d =
                Diagnostic::error(&path, msg!("file-not-utf8")).at(&lossy, line, col).hint(msg!("file-not-utf8-hint"));
            return (None, vec![d]);
        }
    };
    let (text, nul) = normalise(text);
    let nul = nul.map(|offset| {
        Diagnostic::warning(&path, msg!("file-nul")).at_offset(&text, offset).hint(msg!("file-nul-hint"))
    });
    let parsed = match frontmatter::parse(&path, &text) {
        Ok(p) => p,
        Err(d) => return (None, std::iter::once(d).chain(nul).collect()),
    };
    let lines = parsed.key_lines();
    let key_line = |k: &str| lines.get(k).copied().unwrap_or(0);
    let mut f = Fields::new(&path, &text, &parsed.data, &key_line);
    let title = f.required_str("title", "title = \"Tên của bài\"");
    let slug = read_slug(&mut f, src);
    let mut date = f.date("date");
    let summary = f.string("summary", "summary = \"Một hai câu tóm tắt\"");
    let tags = f.string_list("tags");
    let draft = f.bool("draft");
    let sample = f.bool("sample");
    let details = read_details(&mut f, src.kind, src.is_intro);
    if let Details::Document(d) = &details {
        date = date.or(d.issued);
    }
    if src.kind == Kind::News && date.is_none() && !src.is_intro && !parsed.data.contains_key("date") {
        f.error("date", msg!("news-needs-date"), msg!("news-needs-date-hint"));
    }
    f.warn_unknown();
    let mut diags = std::mem::take(&mut f.diagnostics);
    diags.extend(nul);
    let (Some(title), Some(slug)) = (title, slug) else {
        return (None, diags);
    };
    let key_lines = parsed.data.keys().map(|k| (k.clone(), key_line(k))).collect();
    let url = url_of(src, &slug);
    if let Details::Person(p) = &details {
        if let Some(e) = p.ethnicity.as_ref().filter(|e| !e.known) {
            let line = key_line("ethnicity");
            diags.push(
                Diagnostic::warning(&path, msg!("person-unknown-ethnicity", name = e.name.as_str()))
                    .at(&text, line, 1)
                    .hint(msg!("person-unknown-ethnicity-hint")),
            );
        }
    }
    let body = parsed.body.to_owned();
    let body_line = parsed.body_line;
    let record = Record {
        kind: src.kind,
        slug,
        url,
        title,
        date,
        summary,
        tags,
        draft,
        sample,
        body: Body::default(),
        details,
        source: Source { path, file: src.file.clone(), bundle: src.bundle.clone(), text, key_lines },
    };
    (Some(Pending { record, body, body_line, rel: src.rel.clone(), is_intro: src.is_intro }), diags)
}

/// Makes a file's text safe to parse and publish: a line ending of a lone CR
/// (old Mac editors) becomes LF, so the fences and keys are found and line
/// numbers count as the editor shows them; a NUL character becomes U+FFFD,
/// so it never reaches the HTML. Returns the byte offset of the first NUL.
fn normalise(text: String) -> (String, Option<usize>) {
    let lone_cr = text.match_indices('\r').any(|(i, _)| text.as_bytes().get(i + 1) != Some(&b'\n'));
    if !lone_cr && !text.contains('\0') {
        return (text, None);
    }
    let mut out = String::with_capacity(text.len() + 2);
    let mut first_nul = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            '\0' => {
                first_nul.get_or_insert(out.len());
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    (out, first_nul)
}

/// The years a person can have been honoured in: the province's records
/// start after 1900; anything past 2100 is a typing slip.
pub(crate) const YEARS: std::ops::RangeInclusive<i64> = 1900..=2100;

fn read_slug(f: &mut Fields, src: &SourceFile) -> Option<String> {
    if let Some(s) = f.string("slug", "slug = \"vi-nguoi-ngheo\"") {
        if is_slug(&s) {
            return Some(s);
        }
        let suggestion = slugify(&s);
        f.error("slug", msg!("slug-invalid", slug = s.as_str()), msg!("slug-invalid-hint", suggestion = suggestion));
        return None;
    }
    if src.is_intro || is_slug(&src.stem) {
        return Some(src.stem.clone());
    }
    let folded = slugify(&src.stem);
    if folded.is_empty() {
        f.error("title", msg!("slug-from-file-empty", name = src.stem.as_str()), msg!("slug-from-file-empty-hint"));
        return None;
    }
    Some(folded)
}

fn url_of(src: &SourceFile, slug: &str) -> String {
    let mut url = String::from("/");
    if src.kind != Kind::Page {
        url.push_str(src.kind.section());
        url.push('/');
    }
    for d in &src.dirs {
        url.push_str(&slugify(d));
        url.push('/');
    }
    if !src.is_intro {
        url.push_str(slug);
        url.push('/');
    }
    url
}

fn read_details(f: &mut Fields, kind: Kind, is_intro: bool) -> Details {
    if is_intro {
        return Details::Page;
    }
    match kind {
        Kind::Campaign => Details::Campaign(Campaign {
            start: f.date("start"),
            end: f.date("end"),
            launched_by: f.string("launched_by", "launched_by = \"Chủ tịch UBND tỉnh\""),
            level: f.string("level", "level = \"Cấp tỉnh\""),
            theme: f.string("theme", "theme = \"…\""),
            indicators: read_indicators(f),
        }),
        Kind::Person => Details::Person(Person {
            kind: match f.string("kind", "kind = \"ca-nhan\"").as_deref() {
                None | Some("ca-nhan") => PersonKind::Individual,
                Some("tap-the") => PersonKind::Collective,
                Some(other) => {
                    f.error("kind", msg!("person-kind-invalid", value = other), msg!("person-kind-invalid-hint"));
                    PersonKind::Individual
                }
            },
            ethnicity: f.string("ethnicity", "ethnicity = \"Xtiêng\"").map(|e| ethnicity::resolve(&e)),
            role: f.string("role", "role = \"Người có uy tín\""),
            commune: f.string("commune", "commune = \"Xã Bom Bo\""),
            district: f.string("district", "district = \"Bù Đăng\"").map(|d| super::schema::district_name(&d)),
            year: f.int_in("year", "year = 2023", YEARS).and_then(|y| i32::try_from(y).ok()),
            award: f.string("award", "award = \"Bằng khen của Chủ tịch UBND tỉnh\""),
            sort_name: f.string("sort_name", "sort_name = \"Lợi Điểu Văn\""),
            campaigns: f.string_list("campaigns"),
            photo: f.string("photo", "photo = \"chan-dung.jpg\""),
            photo_alt: f.string("photo_alt", "photo_alt = \"Ông Điểu Brai trong vườn điều\""),
            photo_caption: f.string("photo_caption", "photo_caption = \"Ông Điểu Brai tại buổi lễ tuyên dương\""),
            photo_credit: f.string("photo_credit", "photo_credit = \"Ảnh: Phòng Tuyên truyền\""),
        }),
        Kind::News => Details::News(News {
            campaigns: f.string_list("campaigns"),
            people: f.string_list("people"),
            image: f.string("image", "image = \"anh.jpg\""),
            image_alt: f.string("image_alt", "image_alt = \"Già làng trao quà cho học sinh\""),
            image_caption: f.string("image_caption", "image_caption = \"Quang cảnh hội nghị\""),
            image_credit: f.string("image_credit", "image_credit = \"Ảnh: Phòng Tuyên truyền\""),
            author: f.string("author", "author = \"Phòng Tuyên truyền\""),
        }),
        Kind::Document => Details::Document(Document {
            number: f.string("number", "number = \"15/KH-BDT\""),
            doc_type: f.string("doc_type", "doc_type = \"Kế hoạch\""),
            issued: f.date("issued"),
            issuer: f.string("issuer", "issuer = \"Ban Dân tộc tỉnh\""),
            signer: f.string("signer", "signer = \"…\""),
            signer_title: f.string("signer_title", "signer_title = \"Trưởng ban\""),
            recipients: f.string_list("recipients"),
            campaigns: f.string_list("campaigns"),
            attachments: f.string_list("attachments"),
            field: f.string("field", "field = \"Công tác dân tộc\""),
            status: read_validity(f),
            effective: f.date("effective"),
            expires: f.date("expires"),
            replaced_by: f.string("replaced_by", "replaced_by = \"ke-hoach-32-kh-bdt-2022\""),
        }),
        Kind::Page => Details::Page,
    }
}

/// `status` of a document: one of [`Validity::KEYS`].
fn read_validity(f: &mut Fields) -> Option<Validity> {
    let written = f.string("status", "status = \"con-hieu-luc\"")?;
    let v = Validity::parse(&written);
    if v.is_none() {
        f.error("status", msg!("doc-status-invalid", value = written.as_str()), msg!("doc-status-invalid-hint"));
    }
    v
}

impl Pending {
    /// Renders the body Markdown with the given link context.
    pub fn render_body(&self, ctx: &LinkContext) -> Body {
        markdown::render(&self.body, self.body_line, ctx)
    }
}
