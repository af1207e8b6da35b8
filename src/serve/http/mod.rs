//! The preview server: serves only the files of the built site, from memory,
//! never from the project folder. Paths are decoded and normalised before the
//! lookup, so `..`, encoded forms and backslashes cannot reach anything else.
//! HTML gets a small live-reload script injected here — never in `build`.
//!
//! HTTP/1.1 is spoken by a small loop of its own over `std::net`, so that no
//! client can hold the server hostage:
//! - every connection gets its own thread at once, up to [`MAX_CONNECTIONS`];
//!   past that a new connection gets 503 and is closed, so nothing is ever
//!   queued behind a connection that is idle or slow;
//! - a connection that sends nothing for [`IDLE_TIMEOUT`] (a keep-alive
//!   connection between requests, or a fresh one) is closed;
//! - a request head must arrive whole within [`HEAD_TIMEOUT`] of its first
//!   byte, so a client that trickles bytes (slow loris) is dropped;
//! - a request head larger than [`MAX_HEAD`] bytes gets 431 and the connection
//!   is closed;
//! - a response must be written within [`WRITE_TIMEOUT`], so a client that
//!   does not read is dropped too.
//!
//! The live-reload stream (`/__thidua/events`) keeps its connection for as long
//! as the client reads; at most [`MAX_EVENT_STREAMS`] are open at once.

mod wire;

use super::Shared;
use crate::output::Content;
use std::io::{self, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use wire::{answer_and_close, parse, read_head, write_by, Bad, Head, Reply};

/// At most this many connections are open at once; more get 503 and are closed.
pub(crate) const MAX_CONNECTIONS: usize = 256;
/// At most this many live-reload streams stay open (they count as connections too).
pub(crate) const MAX_EVENT_STREAMS: usize = 16;
/// The largest request head (request line and headers) accepted; larger gets 431.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// A connection that sends no byte of a request for this long is closed.
pub(crate) const IDLE_TIMEOUT: Duration = Duration::from_secs(5);
/// A request head must be complete this long after its first byte arrived.
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// A response must be written whole within this time.
pub(crate) const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

const LIVE_JS: &str = include_str!("../live.js");
const INJECT: &str = "<script src=\"/__thidua/live.js\" defer></script>";

/// Listens on `addr` (a port of 0 picks a free one).
pub(crate) fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    TcpListener::bind(addr)
}

/// Gives its slot back when the connection's thread ends (or never starts).
struct Slot(Arc<AtomicUsize>);

impl Slot {
    /// Takes one of `limit` slots, or `None` when all are taken.
    fn take(count: &Arc<AtomicUsize>, limit: usize) -> Option<Slot> {
        if count.fetch_add(1, Ordering::SeqCst) >= limit {
            count.fetch_sub(1, Ordering::SeqCst);
            return None;
        }
        Some(Slot(count.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Accepts connections and serves each on a thread of its own until the process ends.
pub(crate) fn run(listener: TcpListener, shared: Arc<Shared>) {
    let open = Arc::new(AtomicUsize::new(0));
    let streams = Arc::new(AtomicUsize::new(0));
    for conn in listener.incoming() {
        let stream = match conn {
            Ok(s) => s,
            Err(e) => {
                // out of file descriptors and the like: wait a little rather than spin
                eprintln!("serve: {}", crate::t!("serve-accept-failed", error = e.to_string()));
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
        };
        let Some(slot) = Slot::take(&open, MAX_CONNECTIONS) else {
            refuse(stream);
            continue;
        };
        let (shared, streams) = (shared.clone(), streams.clone());
        let spawned = std::thread::Builder::new().name("serve-conn".to_owned()).spawn(move || {
            let _slot = slot;
            connection(stream, &shared, &streams);
        });
        if let Err(e) = spawned {
            eprintln!("serve: {}", crate::t!("serve-thread-failed", error = e.to_string()));
        }
    }
}

/// Answers 503 on a connection there is no room for, without reading it.
fn refuse(mut stream: TcpStream) {
    let _timeout = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let _unsent = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 28\r\n\
Retry-After: 1\r\nConnection: close\r\n\r\ntoo many connections, retry",
    );
    let _closed = stream.shutdown(Shutdown::Write);
}

/// Serves the requests of one connection until it closes, idles or misbehaves.
fn connection(mut stream: TcpStream, shared: &Shared, streams: &Arc<AtomicUsize>) {
    let _nodelay = stream.set_nodelay(true);
    let mut buf = Vec::with_capacity(2048);
    loop {
        let end = match read_head(&mut stream, &mut buf) {
            Ok(Head::Complete(end)) => end,
            Ok(Head::TooLarge) => {
                return answer_and_close(&mut stream, &Reply::plain(431, "request header fields too large"));
            }
            Ok(Head::Gone) | Err(_) => return,
        };
        let request = match parse(&buf[..end]) {
            Ok(r) => r,
            Err(Bad::Syntax) => return answer_and_close(&mut stream, &Reply::plain(400, "bad request")),
            Err(Bad::Version) => return answer_and_close(&mut stream, &Reply::plain(505, "HTTP/1.1 only")),
        };
        if crate::editor::owns(&request.target) {
            if let Some(editor) = &shared.editor {
                return editor.connection(stream, &buf[..end], &buf[end..]);
            }
        }
        buf.drain(..end);
        let head_only = request.method == "HEAD";
        if !head_only && request.method != "GET" {
            return answer_and_close(&mut stream, &Reply::plain(405, "only GET and HEAD"));
        }
        let path = request.target.split(['?', '#']).next().unwrap_or("/").to_owned();
        if path == "/__thidua/events" {
            return events(stream, shared, streams);
        }
        // a body is never read, so the connection cannot carry another request
        let keep_alive = request.keep_alive && !request.has_body;
        if route(&path, shared).send(&mut stream, head_only, keep_alive).is_err() || !keep_alive {
            return;
        }
    }
}

fn route(path: &str, shared: &Shared) -> Reply {
    match path {
        "/__thidua/live.js" => Reply::typed(200, "text/javascript; charset=utf-8", LIVE_JS.as_bytes().to_vec()),
        "/__thidua/errors" => Reply::typed(200, "application/json; charset=utf-8", shared.errors_json().into_bytes()),
        "/__thidua/bar.css" => {
            Reply::typed(200, "text/css; charset=utf-8", crate::editor::bar_css().as_bytes().to_vec())
        }
        _ => file(shared, path),
    }
}

/// The output file a request path names, or `None` for paths that try to leave the site.
pub(crate) fn resolve(path: &str) -> Option<String> {
    let decoded = crate::text::percent_decode(path)?;
    if decoded.contains('\\') || !decoded.starts_with('/') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let mut rel = parts.join("/");
    if decoded.ends_with('/') || rel.is_empty() {
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str("index.html");
    }
    Some(rel)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "pdf" => "application/pdf",
        "ico" => "image/x-icon",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    }
}

fn load(content: &Content) -> Option<Vec<u8>> {
    match content {
        Content::Bytes(b) => Some(b.clone()),
        Content::Copy(p) => std::fs::read(p).ok(),
    }
}

/// Adds the reload script, and `bar` (the editor's "Sửa trang này" bar), before `</body>`.
fn inject(html: Vec<u8>, bar: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{bar}{INJECT}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{bar}{INJECT}").into_bytes(),
    }
}

fn file(shared: &Shared, path: &str) -> Reply {
    let Some(rel) = resolve(path) else {
        return Reply::plain(400, "bad path");
    };
    let (rel, status, body) = match shared.file(&rel) {
        Some(b) => (rel, 200, b),
        None if shared.file(&format!("{rel}/index.html")).is_some() => {
            return Reply { location: Some(folder_location(path)), ..Reply::plain(301, "moved") };
        }
        None if shared.has_errors() && shared.file("index.html").is_none() => {
            return Reply::typed(500, "text/html; charset=utf-8", error_page());
        }
        None => match shared.file("404.html") {
            Some(b) => ("404.html".to_owned(), 404, b),
            None => return Reply::plain(404, "not found"),
        },
    };
    let Some(bytes) = load(&body) else {
        return Reply::plain(404, "not found");
    };
    let ty = content_type(&rel);
    let bytes = if ty.starts_with("text/html") {
        let bar = shared
            .editor
            .as_ref()
            .map(|e| e.bar(&format!("/{}", rel.trim_end_matches("index.html"))))
            .unwrap_or_default();
        inject(bytes, &bar)
    } else {
        bytes
    };
    Reply::typed(status, ty, bytes)
}

/// The path-only `Location` of the folder `path` names: empty and `.`
/// segments dropped, so it starts with exactly one `/` and can never be read
/// as scheme-relative (`//host/`) and send the browser to another origin.
fn folder_location(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
    format!("/{}/", segments.join("/"))
}

/// A page listing the errors, for when no good build exists yet.
fn error_page() -> Vec<u8> {
    let body = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi nội dung</title></head>\
<body><h1>Chưa dựng được trang: nội dung có lỗi</h1><p>Sửa các lỗi bên dưới; trang sẽ tự tải lại.</p>{INJECT}</body></html>"
    );
    body.into_bytes()
}

/// Holds the connection as a server-sent event stream: `reload` or `errors`
/// after each rebuild, a comment every 15 s, until the client goes away.
fn events(mut stream: TcpStream, shared: &Shared, streams: &Arc<AtomicUsize>) {
    let Some(_slot) = Slot::take(streams, MAX_EVENT_STREAMS) else {
        return answer_and_close(&mut stream, &Reply::plain(503, "too many live-reload connections"));
    };
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";
    let mut seen = shared.generation();
    let mut ok = write_by(&mut stream, head.as_bytes(), Instant::now() + WRITE_TIMEOUT).is_ok();
    while ok {
        let (generation, failed) = shared.wait_change(seen, Duration::from_secs(15));
        let msg = if generation == seen {
            ": keep-alive\n\n".to_owned()
        } else if failed {
            format!("event: errors\ndata: {generation}\n\n")
        } else {
            format!("event: reload\ndata: {generation}\n\n")
        };
        seen = generation;
        ok = write_by(&mut stream, msg.as_bytes(), Instant::now() + WRITE_TIMEOUT).is_ok();
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_redirects_stay_on_the_same_origin() {
        assert_eq!(folder_location("/tin-tuc"), "/tin-tuc/");
        assert_eq!(folder_location("//tin-tuc"), "/tin-tuc/");
        assert_eq!(folder_location("///evil.example//a/./b"), "/evil.example/a/b/");
    }

    #[test]
    fn resolves_site_paths() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/phong-trao/a/").as_deref(), Some("phong-trao/a/index.html"));
        assert_eq!(resolve("/css/site.css").as_deref(), Some("css/site.css"));
        assert_eq!(resolve("/t%E1%BB%AB/").as_deref(), Some("từ/index.html"));
    }

    #[test]
    fn refuses_traversal_in_every_spelling() {
        for bad in
            ["/../etc/passwd", "/a/../../x", "/%2e%2e/x", "/%2E%2E%2Fx", "/a%5c..%5cx", "/a\\b", "/%00", "/%zz", "x"]
        {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn injects_the_reload_script_before_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>".to_vec(), "")).unwrap();
        assert!(out.ends_with(&format!("{INJECT}</body></html>")));
    }
}
