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

use super::Shared;
use crate::output::Content;
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// At most this many connections are open at once; more get 503 and are closed.
pub const MAX_CONNECTIONS: usize = 256;
/// At most this many live-reload streams stay open (they count as connections too).
pub const MAX_EVENT_STREAMS: usize = 16;
/// The largest request head (request line and headers) accepted; larger gets 431.
pub const MAX_HEAD: usize = 16 * 1024;
/// A connection that sends no byte of a request for this long is closed.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(5);
/// A request head must be complete this long after its first byte arrived.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// A response must be written whole within this time.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

const LIVE_JS: &str = include_str!("live.js");
const INJECT: &str = "<script src=\"/__thidua/live.js\" defer></script>";

/// Listens on `addr` (a port of 0 picks a free one).
pub fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
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
pub fn run(listener: TcpListener, shared: Arc<Shared>) {
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

/// How waiting for a request head ended.
#[derive(Debug, PartialEq, Eq)]
enum Head {
    /// The first this many bytes of the buffer are a request head.
    Complete(usize),
    /// The head is longer than [`MAX_HEAD`].
    TooLarge,
    /// The client closed, went idle or was too slow: close without answering.
    Gone,
}

/// The end of the head in `buf` (just after its empty line), if it is there.
fn head_end(buf: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(off) = buf[i..].iter().position(|&b| b == b'\n') {
        let nl = i + off;
        match &buf[nl + 1..] {
            [b'\n', ..] => return Some(nl + 2),
            [b'\r', b'\n', ..] => return Some(nl + 3),
            _ => i = nl + 1,
        }
    }
    None
}

/// Reads until `buf` holds a whole request head, within the limits of size and time.
/// Bytes after the head (a pipelined request) stay in `buf`.
fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<Head> {
    let mut deadline = Instant::now() + IDLE_TIMEOUT;
    let mut started = false;
    let mut chunk = [0u8; 4096];
    loop {
        // empty lines before a request line are allowed (RFC 9112, 2.2)
        let blank = buf.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        buf.drain(..blank);
        if !started && !buf.is_empty() {
            started = true;
            deadline = Instant::now() + HEAD_TIMEOUT;
        }
        if let Some(end) = head_end(buf) {
            return Ok(if end > MAX_HEAD { Head::TooLarge } else { Head::Complete(end) });
        }
        if buf.len() > MAX_HEAD {
            return Ok(Head::TooLarge);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Head::Gone);
        }
        stream.set_read_timeout(Some(left))?;
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(Head::Gone),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => return Ok(Head::Gone),
            Err(e) => return Err(e),
        }
    }
}

/// A parsed request head: only what the server uses.
#[derive(Debug, PartialEq, Eq)]
struct Request {
    method: String,
    target: String,
    /// The connection may be used for another request after this one.
    keep_alive: bool,
    /// The request announces a body (which is never read: the connection is closed after it).
    has_body: bool,
}

/// Why a request head could not be used.
#[derive(Debug, PartialEq, Eq)]
enum Bad {
    /// Not HTTP/1.x syntax: 400.
    Syntax,
    /// Another HTTP version: 505.
    Version,
}

fn parse(head: &[u8]) -> Result<Request, Bad> {
    let text = std::str::from_utf8(head).map_err(|_| Bad::Syntax)?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut parts = lines.next().ok_or(Bad::Syntax)?.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Bad::Syntax);
    };
    if method.is_empty() || target.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Bad::Syntax);
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => return Err(Bad::Version),
        _ => return Err(Bad::Syntax),
    };
    let (mut close, mut keep, mut has_body) = (false, false, false);
    for line in lines.filter(|l| !l.is_empty()) {
        // no folded lines, no space before the colon
        let (name, value) = line.split_once(':').ok_or(Bad::Syntax)?;
        if name.is_empty() || name.bytes().any(|b| b.is_ascii_whitespace()) {
            return Err(Bad::Syntax);
        }
        let value = value.trim();
        if name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                close |= token.eq_ignore_ascii_case("close");
                keep |= token.eq_ignore_ascii_case("keep-alive");
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding")
            || (name.eq_ignore_ascii_case("content-length") && value != "0")
        {
            has_body = true;
        }
    }
    Ok(Request {
        method: method.to_owned(),
        target: target.to_owned(),
        keep_alive: !close && (http11 || keep),
        has_body,
    })
}

/// An answer, written by [`Reply::send`].
struct Reply {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: Vec<u8>,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Unknown",
    }
}

impl Reply {
    fn typed(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply { status, content_type, location: None, body }
    }

    fn plain(status: u16, text: &str) -> Reply {
        Reply::typed(status, "text/plain; charset=utf-8", text.as_bytes().to_vec())
    }

    /// Writes the answer (without its body for HEAD) within [`WRITE_TIMEOUT`].
    fn send(&self, stream: &mut TcpStream, head_only: bool, keep_alive: bool) -> io::Result<()> {
        let mut out = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\nConnection: {}\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            if keep_alive { "keep-alive" } else { "close" },
        );
        if self.status == 405 {
            out.push_str("Allow: GET, HEAD\r\n");
        }
        if let Some(location) = &self.location {
            out.push_str(&format!("Location: {location}\r\n"));
        }
        out.push_str("\r\n");
        let deadline = Instant::now() + WRITE_TIMEOUT;
        write_by(stream, out.as_bytes(), deadline)?;
        if !head_only {
            write_by(stream, &self.body, deadline)?;
        }
        stream.flush()
    }
}

/// Writes all of `bytes` before `deadline`, or fails.
fn write_by(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        match stream.write(&bytes[..bytes.len().min(64 * 1024)]) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Sends a last answer, then reads and drops what the client is still sending
/// (up to 1 MB, 2 s) before closing, so the answer is not lost to a reset.
fn answer_and_close(stream: &mut TcpStream, reply: &Reply) {
    if reply.send(stream, false, false).is_err() {
        return;
    }
    let _closed = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + Duration::from_secs(2);
    let (mut drained, mut chunk) = (0usize, [0u8; 8192]);
    while drained < 1 << 20 {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
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

/// Decodes `%xx` escapes; `None` when the result is not UTF-8 or holds a NUL.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().filter(|s| !s.contains('\0'))
}

/// The output file a request path names, or `None` for paths that try to leave the site.
pub fn resolve(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
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
    fn finds_the_end_of_a_head() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /b"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.0\n\n"), Some(16));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: x\r"), None);
    }

    #[test]
    fn parses_requests_and_keep_alive() {
        let r = parse(b"GET /a?b HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!((r.method.as_str(), r.target.as_str(), r.keep_alive, r.has_body), ("GET", "/a?b", true, false));
        assert!(!parse(b"GET / HTTP/1.1\r\nConnection: Close\r\n\r\n").unwrap().keep_alive);
        assert!(!parse(b"GET / HTTP/1.0\r\n\r\n").unwrap().keep_alive);
        assert!(parse(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").unwrap().keep_alive);
        assert!(parse(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n").unwrap().has_body);
        assert!(parse(b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap().has_body);
        assert!(!parse(b"GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n").unwrap().has_body);
        assert_eq!(parse(b"GET / HTTP/2.0\r\n\r\n"), Err(Bad::Version));
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET  / HTTP/1.1\r\n\r\n",
            b"get / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nNo colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost : x\r\n\r\n",
            b"GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(parse(bad), Err(Bad::Syntax), "{}", String::from_utf8_lossy(bad));
        }
    }

    /// A connected pair of loopback sockets: (client, server side).
    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        (client, listener.accept().unwrap().0)
    }

    #[test]
    fn reads_pipelined_heads_one_at_a_time() {
        let (mut client, mut server) = pair();
        client.write_all(b"\r\nGET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n").unwrap();
        let mut buf = Vec::new();
        let Head::Complete(end) = read_head(&mut server, &mut buf).unwrap() else { panic!("no head") };
        assert_eq!(parse(&buf[..end]).unwrap().target, "/a");
        buf.drain(..end);
        let Head::Complete(end) = read_head(&mut server, &mut buf).unwrap() else { panic!("no second head") };
        assert_eq!(parse(&buf[..end]).unwrap().target, "/b");
        buf.drain(..end);
        drop(client);
        assert_eq!(read_head(&mut server, &mut buf).unwrap(), Head::Gone);
    }

    #[test]
    fn refuses_a_head_over_the_limit() {
        let (mut client, mut server) = pair();
        let writer = std::thread::spawn(move || {
            let big = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(MAX_HEAD));
            let _sent = client.write_all(big.as_bytes());
            client
        });
        assert_eq!(read_head(&mut server, &mut Vec::new()).unwrap(), Head::TooLarge);
        answer_and_close(&mut server, &Reply::plain(431, "too large"));
        let mut client = writer.join().unwrap();
        let mut answer = String::new();
        let _read = client.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 431 "), "{answer}");
        assert!(answer.contains("Connection: close"));
    }

    #[test]
    fn head_replies_carry_the_length_but_no_body() {
        let (mut client, mut server) = pair();
        Reply::plain(404, "not found").send(&mut server, true, false).unwrap();
        drop(server);
        let mut answer = String::new();
        client.read_to_string(&mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 404 Not Found\r\n"), "{answer}");
        assert!(answer.contains("Content-Length: 9\r\n"));
        assert!(answer.ends_with("\r\n\r\n"), "{answer}");
    }

    #[test]
    fn injects_the_reload_script_before_body_end() {
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>".to_vec(), "")).unwrap();
        assert!(out.ends_with(&format!("{INJECT}</body></html>")));
    }
}
