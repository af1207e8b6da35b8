//! The editor inside `thidua serve` (`/__thidua/editor/`): forms generated from
//! the content schema, saved without losing comments or unknown keys, checked
//! with the same loader as `thidua check`.
//!
//! Safety comes first, since the editor writes files:
//! - it is served only when serve listens on loopback;
//! - every request must name this server in `Host` (no DNS rebinding) and,
//!   when it carries an `Origin`, come from this server too; a POST without an
//!   `Origin` is refused (no cross-site form posts);
//! - every page and action needs the cookie that opening the address printed
//!   by `serve` sets (a random token, `HttpOnly`, `SameSite=Strict`);
//! - files are written only under `content/`, with names derived here, through
//!   a temporary file and a rename; a deleted record is moved to `thung-rac/`
//!   after a confirmation, never removed.
//!
//! Nothing of the editor reaches a built site: it lives only in serve's HTTP
//! handling, and the "Sửa trang này" bar is injected into served pages there.

pub mod http;
pub mod index;
pub mod pages;
pub mod save;
pub mod upload;

use crate::content::date::{today, PartialDate};
use crate::content::discover::SourceFile;
use crate::content::frontmatter::{self, Format};
use crate::content::schema::{self, section_name};
use crate::content::{Kind, Record};
use crate::diagnostics::Diagnostic;
use crate::t;
use http::{esc, Form, Reply, Request};
use index::Index;
use std::net::{SocketAddr, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The prefix of every editor URL.
pub const PREFIX: &str = "/__thidua/editor";

const JS: &str = include_str!("assets/editor.js");
const CSS: &str = include_str!("assets/editor.css");
const BAR_CSS: &str = include_str!("assets/bar.css");
const GUIDE: &str = include_str!("../../docs/huong-dan-bien-tap.md");

/// True when a request path belongs to the editor.
pub fn owns(target: &str) -> bool {
    target == PREFIX || target.starts_with("/__thidua/editor/") || target.starts_with("/__thidua/editor?")
}

/// The editor of one serve process.
pub struct Editor {
    root: PathBuf,
    token: String,
    cookie: String,
    hosts: Vec<String>,
    index: Mutex<Index>,
}

fn token() -> String {
    let mut bytes = [0u8; 24];
    if getrandom::getrandom(&mut bytes).is_err() {
        // No random source: no token anybody could guess either; the editor stays locked.
        return String::new();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Editor {
    /// The editor for the site at `root`, served at `addr`; `None` when `addr`
    /// is not a loopback address (the editor is never offered to a network).
    pub fn new(root: &Path, addr: SocketAddr) -> Option<Editor> {
        if !addr.ip().is_loopback() {
            return None;
        }
        let port = addr.port();
        let hosts =
            vec![format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}"), addr.to_string()];
        Some(Editor {
            root: root.to_path_buf(),
            token: token(),
            cookie: format!("thidua_bien_tap_{port}"),
            hosts,
            index: Mutex::new(Index::default()),
        })
    }

    /// The address that authorises a browser (printed by serve).
    pub fn address(&self) -> String {
        format!("http://{}{PREFIX}/?khoa={}", self.hosts[0], self.token)
    }

    fn index(&self) -> std::sync::MutexGuard<'_, Index> {
        let mut i = self.index.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        i.refresh(&self.root);
        i
    }

    /// The bar injected into a served HTML page at `path`: a "Sửa trang này"
    /// link, and the draft or scheduled mark of its record.
    pub fn bar(&self, path: &str) -> String {
        let index = self.index();
        let Some(entry) = index.by_url(path) else { return String::new() };
        let Some(r) = &entry.record else { return String::new() };
        let mut marks = String::new();
        if r.draft {
            marks.push_str(&format!("<strong class=\"thidua-mark\">{}</strong> ", esc(&t!("bar-draft"))));
        }
        if let Some(d) = r.date.filter(|d| d.first_day() > today()) {
            marks.push_str(&format!(
                "<strong class=\"thidua-mark\">{}</strong> ",
                esc(&t!("bar-scheduled", date = d.short_vi()))
            ));
        }
        format!(
            "<link rel=\"stylesheet\" href=\"/__thidua/bar.css\"><div class=\"thidua-bar\" role=\"region\" aria-label=\"{}\">{marks}<a href=\"{PREFIX}/edit/{}\">{}</a></div>",
            esc(&t!("bar-label")),
            http::url_path(&entry.site_path()),
            esc(&t!("bar-edit"))
        )
    }

    /// Serves one request of `stream` whose head is `head` (with `rest`, the
    /// bytes read after it), then closes the connection.
    pub fn connection(&self, mut stream: TcpStream, head: &[u8], rest: &[u8]) {
        let reply = match http::read_request(&mut stream, head, rest) {
            Ok(req) => {
                let head_only = req.method == "HEAD";
                let reply = self.handle(&req);
                reply.send(&mut stream, head_only);
                return;
            }
            Err(http::ReadError::TooLarge) => Reply::text(413, t!("ed-too-large")),
            Err(http::ReadError::Bad) => Reply::text(400, t!("ed-bad-request")),
            Err(http::ReadError::Gone) => return,
        };
        reply.send(&mut stream, false);
    }

    /// Checks `Host`, `Origin` and the cookie; `Err` holds the refusal.
    fn admit(&self, req: &Request) -> Result<Option<Reply>, Reply> {
        let host = req.header("host").unwrap_or("");
        if !self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return Err(Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-host"))));
        }
        match req.header("origin") {
            Some(o) if !self.hosts.iter().any(|h| o.eq_ignore_ascii_case(&format!("http://{h}"))) => {
                return Err(Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-origin"))));
            }
            None if req.method == "POST" => {
                return Err(Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-origin"))));
            }
            _ => {}
        }
        if req.header("sec-fetch-site").is_some_and(|s| s == "cross-site") {
            return Err(Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-origin"))));
        }
        let given = req.query.get("khoa").map(String::as_str);
        if !self.token.is_empty()
            && req.method == "GET"
            && given == Some(self.token.as_str())
            && req.path == format!("{PREFIX}/")
        {
            let cookie = format!("{}={}; Path=/__thidua/; HttpOnly; SameSite=Strict", self.cookie, self.token);
            return Ok(Some(Reply::see_other(&format!("{PREFIX}/")).with("Set-Cookie", cookie)));
        }
        if self.token.is_empty() || req.cookie(&self.cookie) != Some(self.token.as_str()) {
            return Err(Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-cookie"))));
        }
        Ok(None)
    }

    /// Answers one request.
    pub fn handle(&self, req: &Request) -> Reply {
        match self.admit(req) {
            Err(refusal) => return refusal,
            Ok(Some(login)) => return login,
            Ok(None) => {}
        }
        let rest = req.path.strip_prefix(PREFIX).unwrap_or("");
        let post = req.method == "POST";
        if !matches!(req.method.as_str(), "GET" | "HEAD" | "POST") {
            return Reply::text(405, t!("ed-bad-method"));
        }
        match rest {
            "" => Reply::see_other(&format!("{PREFIX}/")),
            "/" if !post => self.home(req),
            "/assets/editor.js" => {
                Reply { content_type: "text/javascript; charset=utf-8", ..Reply::text(200, JS.to_owned()) }
            }
            "/assets/editor.css" => {
                Reply { content_type: "text/css; charset=utf-8", ..Reply::text(200, CSS.to_owned()) }
            }
            "/huong-dan" => Reply::html(200, pages::frame(&t!("ed-nav-guide"), &guide_html())),
            "/preview" if post => self.preview(req),
            "/import" if post => self.import(req),
            _ => {
                if let Some(sec) = rest.strip_prefix("/new/") {
                    match schema::kind_named(sec) {
                        Some(kind) if sec == section_name(kind) => self.new_record(req, kind),
                        _ => Reply::html(
                            404,
                            pages::message(&t!("ed-not-found"), &t!("ed-unknown-section", section = sec)),
                        ),
                    }
                } else if let Some(path) = rest.strip_prefix("/edit/") {
                    self.edit(req, path)
                } else if let Some(path) = rest.strip_prefix("/file/") {
                    self.file(path)
                } else if let Some(path) = rest.strip_prefix("/delete/") {
                    self.delete(req, path)
                } else {
                    Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-not-found-text")))
                }
            }
        }
    }

    fn home(&self, req: &Request) -> Reply {
        let q = |k: &str| req.query.get(k).cloned().unwrap_or_default();
        let filters =
            pages::Filters { q: q("q"), kind: q("loai"), state: q("trang-thai"), errors: !q("loi").is_empty() };
        let flash = match q("da").as_str() {
            "xoa" => t!("ed-deleted", path = q("tep")),
            _ => String::new(),
        };
        let index = self.index();
        let mut entries = index.entries();
        entries.sort_by(|a, b| {
            let date = |e: &index::Entry| e.record.as_ref().and_then(|r| r.date);
            date(b).cmp(&date(a)).then_with(|| a.src.rel.cmp(&b.src.rel))
        });
        Reply::html(200, pages::home(&entries, &filters, today(), &flash))
    }

    /// A site path (`content/tin-tuc/a.md`) as a file under the root, if it
    /// names a Markdown file inside `content/` by plain names only.
    fn content_file(&self, path: &str) -> Option<PathBuf> {
        let p = Path::new(path);
        if !path.starts_with("content/") || !path.ends_with(".md") || path.contains('\\') {
            return None;
        }
        if !p.components().all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().starts_with('.'))) {
            return None;
        }
        let file = self.root.join(p);
        // no symbolic link may lead outside content/
        let content = self.root.join("content").canonicalize().ok()?;
        let parent = file.parent()?.canonicalize().ok()?;
        parent.starts_with(&content).then_some(file)
    }

    fn source_of(&self, file: &Path) -> Option<SourceFile> {
        let (files, _) = crate::content::discover::discover(&self.root);
        files.into_iter().find(|s| s.file == file)
    }

    fn suggestions(&self, p: &mut pages::FormPage) {
        let index = self.index();
        let pairs = |k: Kind| -> Vec<(String, String)> {
            let mut v: Vec<(String, String)> = index.records(k).map(|r| (r.slug.clone(), r.title.clone())).collect();
            v.sort_by(|a, b| crate::content::collate::compare(&a.1, &b.1));
            v
        };
        p.campaigns = pairs(Kind::Campaign);
        p.people = pairs(Kind::Person);
        p.tags = index.values("tags").into_iter().collect();
        p.districts = index.values("district").into_iter().collect();
        p.communes = index.values("commune").into_iter().collect();
    }

    fn page(&self, kind: Kind, action: String, heading: String, text: &str, version: String) -> pages::FormPage {
        let (fields, body, format) = save::values(kind, text).unwrap_or_else(|_| {
            (schema::fields(kind).iter().map(|f| (f, String::new())).collect(), text.to_owned(), Format::Toml)
        });
        let mut p = pages::FormPage {
            kind,
            action,
            heading,
            fields,
            body,
            version,
            diags: Vec::new(),
            notice: None,
            campaigns: Vec::new(),
            people: Vec::new(),
            tags: Vec::new(),
            districts: Vec::new(),
            communes: Vec::new(),
            yaml: format == Format::Yaml,
            path: None,
            url: None,
            after: String::new(),
        };
        self.suggestions(&mut p);
        p
    }

    /// The form values as submitted, shown again (after a refusal).
    fn refill(p: &mut pages::FormPage, form: &Form) {
        let listed: Vec<&str> = form.get("_fields").split(',').collect();
        for (f, v) in &mut p.fields {
            if listed.contains(&f.key) {
                *v = if f.widget == schema::Widget::Indicators {
                    save::indicators_json(&save::indicators_from_form(form))
                } else {
                    save::normalise(f, form.get(f.key))
                };
            }
        }
        p.body = save::submitted_body(form);
    }

    fn new_record(&self, req: &Request, kind: Kind) -> Reply {
        let sec = section_name(kind);
        let heading = t!("ed-new-title", kind = pages::kind_label(kind));
        let template = crate::scaffold::record_text(kind, "", today());
        let action = format!("{PREFIX}/new/{sec}");
        if req.method != "POST" {
            let mut p = self.page(kind, action, heading, &template, String::new());
            p.body = String::new();
            return Reply::html(200, pages::form(&p));
        }
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        let title = crate::scaffold::one_line(form.get("title"));
        let slug = crate::text::slugify(&title);
        let refuse = |msg: String| {
            let mut p = self.page(
                kind,
                format!("{PREFIX}/new/{sec}"),
                t!("ed-new-title", kind = pages::kind_label(kind)),
                &template,
                String::new(),
            );
            Self::refill(&mut p, &form);
            p.notice = Some((false, msg));
            Reply::html(422, pages::form(&p))
        };
        if slug.is_empty() {
            return refuse(t!("new-empty-slug", title = title));
        }
        let dir = self.root.join("content").join(kind.section());
        let file = dir.join(format!("{slug}.md"));
        if file.exists() || dir.join(&slug).join("index.md").exists() {
            return refuse(t!("ed-exists", slug = slug));
        }
        let text = crate::scaffold::record_text(kind, &title, today());
        self.save(kind, &form, file, Some(text), true)
    }

    fn edit(&self, req: &Request, path: &str) -> Reply {
        let Some(file) = self.content_file(path) else {
            return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
        };
        let Some(src) = self.source_of(&file) else {
            return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
        };
        if req.method != "POST" {
            let Ok(bytes) = std::fs::read(&file) else {
                return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut p = self.edit_page(&src, path, &text, save::version(&bytes));
            p.diags = self.check(&src, &text).1;
            if req.query.contains_key("da-luu") {
                let errors = p.diags.iter().any(|(_, d)| d.is_error());
                p.notice = Some((!errors, if errors { t!("ed-saved-with-errors") } else { t!("ed-saved") }));
            }
            return Reply::html(200, pages::form(&p));
        }
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        self.save(src.kind, &form, file, None, false)
    }

    fn edit_page(&self, src: &SourceFile, path: &str, text: &str, version: String) -> pages::FormPage {
        let title = frontmatter::parse(Path::new(path), text)
            .ok()
            .and_then(|p| p.data.get("title").and_then(|t| t.as_str()).map(str::to_owned))
            .unwrap_or_else(|| path.to_owned());
        let mut p = self.page(
            src.kind,
            format!("{PREFIX}/edit/{}", http::url_path(path)),
            t!("ed-edit-title", title = title),
            text,
            version,
        );
        p.path = Some(path.to_owned());
        p.url = self.check(src, text).0.map(|r| r.url);
        p
    }

    /// The record `text` makes and its diagnostics by key, as `thidua check` gives them.
    fn check(&self, src: &SourceFile, text: &str) -> (Option<Record>, Vec<(String, Diagnostic)>) {
        let (pending, mut diags) = crate::content::load::load_front_bytes(&self.root, src, text.as_bytes().to_vec());
        let record = pending.map(|p| p.record);
        if let Some(r) = &record {
            let mut all = self.index().others(&src.file);
            all.push(r.clone());
            let refs = crate::content::validate::references(&all, &Default::default());
            // unknown campaigns get the editor's own message below (valid slugs, a suggestion by title)
            let campaign_line = frontmatter::parse(Path::new("x.md"), text).map_or(0, |p| p.key_line("campaigns"));
            diags.extend(
                refs.into_iter().filter(|d| d.path == r.source.path && (campaign_line == 0 || d.line != campaign_line)),
            );
        }
        if let Some(district) = record.as_ref().and_then(|r| r.person()).and_then(|p| p.district.clone()) {
            let others = self.index().others(&src.file);
            let known: std::collections::BTreeSet<String> =
                others.iter().filter_map(|r| r.person().and_then(|p| p.district.clone())).collect();
            if let Some(near) = schema::near_district(&district, known.iter()) {
                let path = record.as_ref().map(|r| r.source.path.clone()).unwrap_or_default();
                let line = frontmatter::parse(Path::new("x.md"), text).map_or(0, |p| p.key_line("district"));
                diags.push(
                    Diagnostic::warning(
                        path,
                        crate::msg!("ed-district-near", name = district.as_str(), near = near.as_str()),
                    )
                    .at(text, line.max(1), 1)
                    .hint(crate::msg!("ed-district-near-hint", near = near.as_str())),
                );
            }
        }
        if let Some(r) = &record {
            let campaigns: Vec<(String, String)> =
                self.index().records(Kind::Campaign).map(|c| (c.slug.clone(), c.title.clone())).collect();
            let line = frontmatter::parse(Path::new("x.md"), text).map_or(0, |p| p.key_line("campaigns"));
            for slug in r.campaign_refs().iter().filter(|s| !campaigns.iter().any(|c| &c.0 == *s)) {
                let valid: Vec<String> = campaigns.iter().map(|(s, t)| format!("{s} ({t})")).collect();
                let hint = match schema::suggest_campaign(slug, &campaigns) {
                    Some((s, t)) => crate::msg!("ed-campaign-suggest", slug = s.as_str(), title = t.as_str()),
                    None => crate::msg!("ed-campaign-pick"),
                };
                diags.push(
                    Diagnostic::error(
                        &r.source.path,
                        crate::msg!("ed-campaign-unknown", slug = slug.as_str(), valid = valid.join("; ")),
                    )
                    .at(text, line.max(1), 1)
                    .hint(hint),
                );
            }
        }
        let parsed = frontmatter::parse(Path::new("x.md"), text).ok();
        let keyed = diags
            .into_iter()
            .map(|d| {
                let key = parsed
                    .as_ref()
                    .and_then(|p| {
                        schema::fields(src.kind)
                            .iter()
                            .find(|f| d.line > 0 && p.key_line(f.key) == d.line)
                            .map(|f| f.key.to_owned())
                    })
                    .or_else(|| {
                        // a missing required key names the key in its message
                        schema::fields(src.kind)
                            .iter()
                            .find(|f| d.line <= 1 && d.message.contains(&format!("`{}`", f.key)))
                            .map(|f| f.key.to_owned())
                    })
                    .unwrap_or_default();
                (key, d)
            })
            .collect();
        (record, keyed)
    }

    /// Validates, then writes `form` applied to the file (or to `template` for
    /// a new record), with uploads; answers with the form again or a redirect.
    fn save(&self, kind: Kind, form: &Form, file: PathBuf, template: Option<String>, is_new: bool) -> Reply {
        let site_path = |f: &Path| f.strip_prefix(&self.root).unwrap_or(f).to_string_lossy().replace('\\', "/");
        let path = site_path(&file);
        let (current, current_version) = match &template {
            Some(t) => (t.clone(), String::new()),
            None => match std::fs::read(&file) {
                Ok(b) => (String::from_utf8_lossy(&b).into_owned(), save::version(&b)),
                Err(_) => {
                    return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)))
                }
            },
        };
        let action = if is_new {
            format!("{PREFIX}/new/{}", section_name(kind))
        } else {
            format!("{PREFIX}/edit/{}", http::url_path(&path))
        };
        let form_again =
            |notice: String, diags: Vec<(String, Diagnostic)>, version: String, after: String, status: u16| {
                let mut p =
                    self.page(kind, action.clone(), t!("ed-edit-title", title = form.get("title")), &current, version);
                Self::refill(&mut p, form);
                p.notice = Some((false, notice));
                p.diags = diags;
                p.after = after;
                if !is_new {
                    p.path = Some(path.clone());
                }
                Reply::html(status, pages::form(&p))
            };
        if !is_new && form.get("_version") != current_version {
            let after = format!(
                "<section class=\"conflict\"><h2>{}</h2><pre>{}</pre></section>",
                esc(&t!("ed-conflict-disk")),
                esc(&current)
            );
            return form_again(t!("ed-conflict"), Vec::new(), current_version, after, 409);
        }
        // Where the record will live: a folder record as soon as it has files.
        let has_files =
            form.files.iter().any(|p| !p.data.is_empty() || p.filename.as_deref().is_some_and(|n| !n.is_empty()));
        let src_file = if has_files && file.file_name().is_some_and(|n| n != "index.md") {
            let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            file.with_file_name(stem).join("index.md")
        } else {
            file.clone()
        };
        let dir = src_file.parent().map(Path::to_path_buf).unwrap_or_default();
        let uploads = match upload::prepare(form, kind, &dir) {
            Ok(u) => u,
            Err(msg) => return form_again(msg, Vec::new(), current_version, String::new(), 400),
        };
        let extra_body: String = uploads.iter().filter_map(|u| u.markdown.clone()).collect();
        let convert = !form.get("_chuyen_toml").is_empty();
        let mut text = match save::apply(kind, &current, form, convert, &extra_body) {
            Ok(t) => t,
            Err(save::ApplyError::NeedsConversion) => {
                return form_again(t!("ed-yaml-needs-consent"), Vec::new(), current_version, String::new(), 422)
            }
            Err(save::ApplyError::Unreadable(m)) => {
                return form_again(t!("ed-unreadable", message = m), Vec::new(), current_version, String::new(), 422)
            }
        };
        let attachments: Vec<String> =
            uploads.iter().filter(|u| u.markdown.is_none()).map(|u| u.name.clone()).collect();
        if !attachments.is_empty() {
            text = upload::add_attachments(&text, &attachments);
        }
        let src = SourceFile {
            rel: site_path(&src_file).trim_start_matches("content/").to_owned(),
            file: src_file.clone(),
            kind,
            dirs: Vec::new(),
            stem: String::new(),
            bundle: src_file.parent().map(Path::to_path_buf).filter(|_| src_file.ends_with("index.md")),
            is_intro: false,
        };
        let src = self.source_of(&file).map(|s| SourceFile { file: src_file.clone(), ..s }).unwrap_or(src);
        let src =
            if src.stem.is_empty() { SourceFile { stem: crate::text::slugify(form.get("title")), ..src } } else { src };
        let (_, diags) = self.check(&src, &text);
        let errors = diags.iter().any(|(_, d)| d.is_error());
        let draft = !form.get("draft").is_empty();
        if errors && !draft {
            return form_again(t!("ed-has-errors"), diags, current_version, String::new(), 422);
        }
        if let Err(e) = self.write(&file, &src_file, &text, &uploads) {
            return form_again(
                t!("ed-write-failed", message = e.to_string()),
                diags,
                current_version,
                String::new(),
                500,
            );
        }
        Reply::see_other(&format!("{PREFIX}/edit/{}?da-luu=1", http::url_path(&site_path(&src_file))))
    }

    /// Writes the record (moving it into its folder when it becomes a folder
    /// record) and its uploads, each through a temporary file and a rename.
    fn write(&self, old: &Path, new: &Path, text: &str, uploads: &[upload::Upload]) -> std::io::Result<()> {
        let dir = new.parent().ok_or_else(|| std::io::Error::other("no folder"))?;
        std::fs::create_dir_all(dir)?;
        for u in uploads {
            write_atomic(&dir.join(&u.name), &u.data)?;
        }
        write_atomic(new, text.as_bytes())?;
        if old != new && old.exists() {
            std::fs::remove_file(old)?;
        }
        Ok(())
    }

    fn delete(&self, req: &Request, path: &str) -> Reply {
        let Some(file) = self.content_file(path).filter(|f| f.is_file()) else {
            return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
        };
        if req.method != "POST" {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let title = frontmatter::parse(&file, &text)
                .ok()
                .and_then(|p| p.data.get("title").and_then(|v| v.as_str()).map(str::to_owned))
                .unwrap_or_else(|| path.to_owned());
            return Reply::html(200, pages::confirm_delete(path, &title));
        }
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        if form.get("_xac_nhan") != "1" {
            return Reply::html(400, pages::message(&t!("ed-refused"), &t!("ed-delete-unconfirmed")));
        }
        // A folder record goes with its files.
        let what = if file.ends_with("index.md") {
            file.parent().map(Path::to_path_buf).unwrap_or(file.clone())
        } else {
            file.clone()
        };
        let rel = what.strip_prefix(&self.root).unwrap_or(&what).to_path_buf();
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let target = self.root.join("thung-rac").join(stamp.to_string()).join(&rel);
        let moved =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::rename(&what, &target));
        match moved {
            Ok(()) => Reply::see_other(&format!(
                "{PREFIX}/?da=xoa&tep={}",
                http::url_path(&target.strip_prefix(&self.root).unwrap_or(&target).to_string_lossy())
            )),
            Err(e) => {
                Reply::html(500, pages::message(&t!("ed-refused"), &t!("ed-write-failed", message = e.to_string())))
            }
        }
    }

    /// The body rendered as the page will show it; photos beside the record
    /// (relative addresses) are shown through [`Editor::file`].
    fn preview(&self, req: &Request) -> Reply {
        let form = http::form(req).unwrap_or_default();
        let body = save::submitted_body(&form);
        let sources = Default::default();
        let ctx = crate::content::markdown::LinkContext { base_path: "/", sources: &sources };
        let html = crate::content::markdown::render(&body, 1, &ctx).html;
        let base = form.get("base");
        let html = if base.starts_with("content/") && !base.contains("..") {
            let mut out = String::with_capacity(html.len());
            let mut rest = html.as_str();
            while let Some(i) = rest.find("src=\"") {
                out.push_str(&rest[..i + 5]);
                rest = &rest[i + 5..];
                if !rest.starts_with('/') && !rest.split('"').next().unwrap_or("").contains(':') {
                    out.push_str(&format!("{PREFIX}/file/{}", http::url_path(base)));
                }
            }
            out.push_str(rest);
            out
        } else {
            html
        };
        Reply::html(200, html)
    }

    /// A photo beside a record, for the preview: only image files under content/.
    fn file(&self, path: &str) -> Reply {
        let ty = match Path::new(path).extension().map(|e| e.to_string_lossy().to_lowercase()).as_deref() {
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("png") => "image/png",
            Some("webp") => "image/webp",
            Some("gif") => "image/gif",
            _ => return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-not-found-text"))),
        };
        let ok = path.starts_with("content/")
            && !path.contains('\\')
            && Path::new(path)
                .components()
                .all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().starts_with('.')));
        let content = self.root.join("content").canonicalize().ok();
        let file = self.root.join(path);
        let inside = ok && file.canonicalize().ok().zip(content).is_some_and(|(f, c)| f.starts_with(c));
        match inside.then(|| std::fs::read(&file).ok()).flatten() {
            Some(bytes) => Reply { content_type: ty, headers: Vec::new(), body: bytes, status: 200 },
            None => Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-not-found-text"))),
        }
    }

    fn import(&self, req: &Request) -> Reply {
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        let Some(part) = form.files.iter().find(|p| p.name == "_nhap") else {
            return Reply::html(400, pages::message(&t!("ed-refused"), &t!("ed-import-none")));
        };
        let name = part.filename.clone().unwrap_or_default();
        if let Err(msg) = upload::check_name(&name) {
            return Reply::html(400, pages::message(&t!("ed-refused"), &msg));
        }
        let imported = match crate::import::import_bytes(Path::new(&name), part.data.clone()) {
            Ok(i) => i,
            Err(e) => {
                let d = e.diagnostic();
                return Reply::html(422, pages::message(&t!("ed-import-failed"), &format!("{}: {}", name, d.message)));
            }
        };
        let kind = Kind::Document;
        let meta = &imported.meta;
        let mut text = crate::scaffold::record_text(kind, meta.title.as_deref().unwrap_or(""), today());
        let mut f = Form::default();
        let mut set = |k: &str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
                f.fields.insert(k.to_owned(), v);
            }
        };
        set("number", meta.number.clone());
        set("doc_type", meta.doc_type.clone());
        set("issuer", meta.issuer.clone());
        set("signer", meta.signer.clone());
        set("issued", meta.issued.as_deref().and_then(|d| PartialDate::parse(d).ok()).map(|d| d.short_vi()));
        set("recipients", Some(meta.recipients.join("\n")));
        let keys: Vec<&str> = f.fields.keys().map(String::as_str).collect::<Vec<_>>();
        let listed = keys.join(",");
        f.fields.insert("_fields".into(), listed);
        f.fields.insert("body".into(), imported.body.clone());
        f.fields.insert("draft".into(), "true".into());
        if let Ok(t) = save::apply(kind, &text, &f, false, "") {
            text = t;
        }
        let mut p =
            self.page(kind, format!("{PREFIX}/new/van-ban"), t!("ed-import-review", file = name), &text, String::new());
        p.notice = Some((true, t!("ed-import-found", count = imported.warnings.len())));
        p.diags = imported.warnings.iter().map(|d| (String::new(), d.clone())).collect();
        Reply::html(200, pages::form(&p))
    }
}

/// Writes `bytes` to `path` through a hidden temporary file beside it and a rename.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.thidua-{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _cleanup = std::fs::remove_file(&tmp);
    })
}

/// The staff guide as HTML.
fn guide_html() -> String {
    let sources = Default::default();
    let ctx = crate::content::markdown::LinkContext { base_path: "/", sources: &sources };
    crate::content::markdown::render(GUIDE, 1, &ctx).html
}

/// The stylesheet of the injected bar (public: served pages link it).
pub fn bar_css() -> &'static str {
    BAR_CSS
}
