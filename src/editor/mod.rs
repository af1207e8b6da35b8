//! The editor inside `thidua serve` (`/__thidua/editor/`): forms generated from
//! the content schema, saved without losing comments or unknown keys, checked
//! with the same loader as `thidua check`.
//!
//! Safety comes first, since the editor writes files:
//! - it is served only when serve listens on loopback, or elsewhere with a
//!   password ([`auth`]);
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

pub(crate) mod auth;
mod check;
mod files;
mod home;
pub(crate) mod http;
mod import;
pub(crate) mod index;
mod indicators;
pub(crate) mod pages;
mod records;
pub(crate) mod save;
pub(crate) mod upload;

use crate::content::discover::SourceFile;
use crate::content::schema::{self, section_name};
use crate::date::today;
use crate::t;
use http::{esc, Reply, Request};
use index::Index;
use std::net::{SocketAddr, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// The prefix of every editor URL.
pub(crate) const PREFIX: &str = "/__thidua/editor";

const JS: &str = include_str!("assets/editor.js");
const CSS: &str = include_str!("assets/editor.css");
const BAR_CSS: &str = include_str!("assets/bar.css");
const GUIDE: &str = include_str!("../../docs/huong-dan-bien-tap.md");

/// True when a request path belongs to the editor.
pub(crate) fn owns(target: &str) -> bool {
    target == PREFIX || target.starts_with("/__thidua/editor/") || target.starts_with("/__thidua/editor?")
}

/// The editor of one serve process.
pub(crate) struct Editor {
    root: PathBuf,
    token: String,
    cookie: String,
    /// The `Host` values this server answers to.
    hosts: Vec<String>,
    /// Bound to every interface: any IP address with this port is a `Host` of ours.
    any_ip: Option<u16>,
    /// The password of the login form ([`auth`]), when one is set.
    password: Option<auth::Password>,
    index: Mutex<Index>,
    /// Files dropped together, reviewed one after another ([`import`]).
    imports: Mutex<import::Batches>,
    /// Where the editor is printed as opened.
    addr: SocketAddr,
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
    /// The editor for the site at `root`, served at `addr`, with the password
    /// of [`auth::PASSWORD_VAR`]; `None` when `addr` is not a loopback address
    /// and no password is set (the editor is never offered to a network
    /// without one).
    pub(crate) fn new(root: &Path, addr: SocketAddr) -> Option<Editor> {
        Editor::with_password(root, addr, auth::Password::from_env())
    }

    /// [`Editor::new`] with the password given.
    pub(crate) fn with_password(root: &Path, addr: SocketAddr, password: Option<auth::Password>) -> Option<Editor> {
        if !addr.ip().is_loopback() && password.is_none() {
            return None;
        }
        Some(Editor {
            root: root.to_path_buf(),
            token: token(),
            cookie: format!("thidua_bien_tap_{}", addr.port()),
            hosts: auth::hosts(addr),
            any_ip: addr.ip().is_unspecified().then_some(addr.port()),
            password,
            index: Mutex::new(Index::default()),
            imports: Mutex::new(import::Batches::default()),
            addr,
        })
    }

    /// The line serve prints before [`Editor::address`]: how the editor is open.
    pub(crate) fn notice(&self) -> String {
        if self.addr.ip().is_loopback() {
            t!("serve-editor-open")
        } else {
            t!("serve-editor-password", addr = self.addr.to_string())
        }
    }

    /// The address that authorises a browser (printed by serve).
    pub(crate) fn address(&self) -> String {
        let host = if self.addr.ip().is_unspecified() { self.hosts[0].clone() } else { self.addr.to_string() };
        format!("http://{host}{PREFIX}/?khoa={}", self.token)
    }

    fn index(&self) -> std::sync::MutexGuard<'_, Index> {
        let mut i = self.index.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        i.refresh(&self.root);
        i
    }

    /// The bar injected into a served HTML page at `path`: a "Sửa trang này"
    /// link, and the draft or scheduled mark of its record.
    pub(crate) fn bar(&self, path: &str) -> String {
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
        if r.draft {
            let mut all = index.others(&entry.src.file);
            all.push(r.clone());
            let refs = crate::content::validate::references(&all, &Default::default());
            let errors =
                entry.diags.iter().chain(refs.iter().filter(|d| d.path == r.source.path)).filter(|d| d.is_error());
            let count = errors.count();
            if count > 0 {
                marks.push_str(&format!(
                    "<strong class=\"thidua-mark thidua-errors\">{}</strong> ",
                    esc(&t!("bar-errors", count = count))
                ));
            }
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
    pub(crate) fn connection(&self, mut stream: TcpStream, head: &[u8], rest: &[u8]) {
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

    /// Checks `Host`, `Origin` and the cookie; `Err` holds the refusal (or
    /// the login form).
    fn admit(&self, req: &Request) -> Result<Option<Reply>, Reply> {
        let host = req.header("host").unwrap_or("");
        if !self.host_ok(host) {
            return Err(Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-host"))));
        }
        match req.header("origin") {
            Some(o) if !o.eq_ignore_ascii_case(&format!("http://{host}")) => {
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
        // the stylesheet and script are the same for everybody (the login form uses them)
        let asset = matches!(req.path.strip_prefix(PREFIX), Some("/assets/editor.css" | "/assets/editor.js"));
        if asset && req.method != "POST" {
            return Ok(None);
        }
        let given = req.query.get("khoa").map(String::as_str);
        if !self.token.is_empty()
            && req.method == "GET"
            && given == Some(self.token.as_str())
            && req.path == format!("{PREFIX}/")
        {
            return Ok(Some(Reply::see_other(&format!("{PREFIX}/")).with("Set-Cookie", self.set_cookie())));
        }
        if self.token.is_empty() || req.cookie(&self.cookie) != Some(self.token.as_str()) {
            return Err(self.unauthorised(req));
        }
        Ok(None)
    }

    /// Answers one request.
    pub(crate) fn handle(&self, req: &Request) -> Reply {
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
            // signed in already (the login form was sent twice)
            "/dang-nhap" => Reply::see_other(&format!("{PREFIX}/")),
            _ => {
                if let Some(sec) = rest.strip_prefix("/new/") {
                    match schema::kind_named(sec) {
                        Some(kind) if sec == section_name(kind) => self.new_record(req, kind),
                        _ => Reply::html(
                            404,
                            pages::message(&t!("ed-not-found"), &t!("ed-unknown-section", section = sec)),
                        ),
                    }
                } else if let Some(batch) = rest.strip_prefix("/import/").filter(|_| !post) {
                    self.import_page(batch)
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
            home::Filters { q: q("q"), kind: q("loai"), state: q("trang-thai"), errors: !q("loi").is_empty() };
        let flash = match q("da").as_str() {
            "xoa" => t!("ed-deleted", path = q("tep")),
            "nhap" => t!("ed-import-all-done", total = q("so")),
            _ => String::new(),
        };
        let index = self.index();
        let mut entries = index.entries();
        entries.sort_by(|a, b| {
            let date = |e: &index::Entry| e.record.as_ref().and_then(|r| r.date);
            date(b).cmp(&date(a)).then_with(|| a.src.rel.cmp(&b.src.rel))
        });
        Reply::html(200, home::home(&entries, &filters, today(), &flash))
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
pub(crate) fn bar_css() -> &'static str {
    BAR_CSS
}
