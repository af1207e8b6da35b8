//! The preview server: serves only the files of the built site, from memory,
//! never from the project folder. Paths are decoded and normalised before the
//! lookup, so `..`, encoded forms and backslashes cannot reach anything else.
//! HTML gets a small live-reload script injected here — never in `build`.

use super::Shared;
use crate::render::Content;
use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// At most this many requests are handled at once; more get 503.
const MAX_CONCURRENT: usize = 64;
/// At most this many live-reload connections stay open.
const MAX_EVENT_STREAMS: usize = 16;

const LIVE_JS: &str = include_str!("live.js");
const INJECT: &str = "<script src=\"/__thidua/live.js\" defer></script>";

/// Serves requests until the process ends.
pub fn run(server: tiny_http::Server, shared: Arc<Shared>) {
    let busy = Arc::new(AtomicUsize::new(0));
    let streams = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        if busy.fetch_add(1, Ordering::SeqCst) >= MAX_CONCURRENT {
            busy.fetch_sub(1, Ordering::SeqCst);
            respond(request, plain(503, "too many requests, try again"));
            continue;
        }
        let (shared, busy, streams) = (shared.clone(), busy.clone(), streams.clone());
        std::thread::spawn(move || {
            handle(request, &shared, &streams);
            busy.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

fn respond<R: std::io::Read>(request: Request, response: Response<R>) {
    // A client that went away is not an error of the server.
    if let Err(e) = request.respond(response) {
        if e.kind() != std::io::ErrorKind::BrokenPipe && e.kind() != std::io::ErrorKind::ConnectionReset {
            eprintln!("serve: {e}");
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn plain(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(text)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn handle(request: Request, shared: &Shared, streams: &AtomicUsize) {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return respond(request, plain(405, "only GET and HEAD"));
    }
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__thidua/live.js" => {
            respond(request, typed(LIVE_JS.as_bytes().to_vec(), "text/javascript; charset=utf-8", 200))
        }
        "/__thidua/errors" => {
            let json = shared.errors_json();
            respond(request, typed(json.into_bytes(), "application/json; charset=utf-8", 200))
        }
        "/__thidua/events" => events(request, shared, streams),
        _ => file(request, shared, path),
    }
}

fn typed(body: Vec<u8>, content_type: &str, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
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

fn inject(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{INJECT}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{INJECT}").into_bytes(),
    }
}

fn file(request: Request, shared: &Shared, path: &str) {
    let Some(rel) = resolve(path) else {
        return respond(request, plain(400, "bad path"));
    };
    let found = shared.file(&rel);
    let (rel, status, body) = match found {
        Some(b) => (rel, 200, b),
        None if shared.file(&format!("{rel}/index.html")).is_some() => {
            let location = format!("{}/", path.trim_end_matches('/'));
            let r = plain(301, "moved").with_header(header("Location", &location));
            return respond(request, r);
        }
        None if shared.has_errors() && shared.file("index.html").is_none() => {
            return respond(request, typed(error_page(), "text/html; charset=utf-8", 500));
        }
        None => match shared.file("404.html") {
            Some(b) => ("404.html".to_owned(), 404, b),
            None => return respond(request, plain(404, "not found")),
        },
    };
    let Some(bytes) = load(&body) else {
        return respond(request, plain(404, "not found"));
    };
    let ty = content_type(&rel);
    let bytes = if ty.starts_with("text/html") { inject(bytes) } else { bytes };
    respond(request, typed(bytes, ty, status));
}

/// A page listing the errors, for when no good build exists yet.
fn error_page() -> Vec<u8> {
    let body = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi nội dung</title></head>\
<body><h1>Chưa dựng được trang: nội dung có lỗi</h1><p>Sửa các lỗi bên dưới; trang sẽ tự tải lại.</p>{INJECT}</body></html>"
    );
    body.into_bytes()
}

fn events(request: Request, shared: &Shared, streams: &AtomicUsize) {
    if streams.fetch_add(1, Ordering::SeqCst) >= MAX_EVENT_STREAMS {
        streams.fetch_sub(1, Ordering::SeqCst);
        return respond(request, plain(503, "too many live-reload connections"));
    }
    let mut w = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n";
    let mut seen = shared.generation();
    let mut ok = w.write_all(head.as_bytes()).and_then(|()| w.flush()).is_ok();
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
        ok = w.write_all(msg.as_bytes()).and_then(|()| w.flush()).is_ok();
    }
    streams.fetch_sub(1, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let out = String::from_utf8(inject(b"<html><body><p>x</p></body></html>".to_vec())).unwrap();
        assert!(out.ends_with(&format!("{INJECT}</body></html>")));
    }
}
