//! The editor's side of HTTP: the whole request (head and body, capped), the
//! checks every request passes (Host, Origin, the authorisation cookie), form
//! bodies (`application/x-www-form-urlencoded` and `multipart/form-data`), and
//! answers. Every editor answer closes its connection, so a request body never
//! has to be skipped on a kept-alive connection.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The largest request body the editor reads (uploads included).
pub(crate) const MAX_BODY: usize = 40 * 1024 * 1024;
/// A request body must arrive within this time.
pub(crate) const BODY_TIMEOUT: Duration = Duration::from_secs(120);

/// A request to the editor.
#[derive(Debug, Default)]
pub(crate) struct Request {
    /// `GET` or `POST`.
    pub(crate) method: String,
    /// The decoded path (without the query).
    pub(crate) path: String,
    /// The query's parameters.
    pub(crate) query: BTreeMap<String, String>,
    /// Header names in lowercase → value (the last one wins).
    pub(crate) headers: BTreeMap<String, String>,
    pub(crate) body: Vec<u8>,
}

impl Request {
    /// A header's value.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// The value of cookie `name`.
    pub(crate) fn cookie(&self, name: &str) -> Option<&str> {
        self.header("cookie")?.split(';').find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name).then_some(v)
        })
    }
}

/// Why a request could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// Malformed: 400.
    Bad,
    /// Body over [`MAX_BODY`]: 413.
    TooLarge,
    /// The client went away or was too slow.
    Gone,
}

/// Parses `head` (request line and headers) and reads the body that follows,
/// starting with `rest` (bytes already read after the head).
pub(crate) fn read_request(stream: &mut TcpStream, head: &[u8], rest: &[u8]) -> Result<Request, ReadError> {
    let text = std::str::from_utf8(head).map_err(|_| ReadError::Bad)?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut first = lines.next().ok_or(ReadError::Bad)?.split(' ');
    let (Some(method), Some(target)) = (first.next(), first.next()) else {
        return Err(ReadError::Bad);
    };
    let mut headers = BTreeMap::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let (k, v) = line.split_once(':').ok_or(ReadError::Bad)?;
        headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
    }
    if headers.contains_key("transfer-encoding") {
        return Err(ReadError::Bad);
    }
    let (raw_path, raw_query) = target.split_once('?').unwrap_or((target, ""));
    let path = crate::text::percent_decode(raw_path).ok_or(ReadError::Bad)?;
    let length: usize = match headers.get("content-length") {
        Some(v) => v.parse().map_err(|_| ReadError::Bad)?,
        None => 0,
    };
    if length > MAX_BODY {
        return Err(ReadError::TooLarge);
    }
    let mut body = rest[..rest.len().min(length)].to_vec();
    let deadline = Instant::now() + BODY_TIMEOUT;
    let mut chunk = vec![0u8; 64 * 1024];
    while body.len() < length {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left.min(Duration::from_secs(10)))).is_err() {
            return Err(ReadError::Gone);
        }
        match stream.read(&mut chunk[..(length - body.len()).min(64 * 1024)]) {
            Ok(0) => return Err(ReadError::Gone),
            Ok(n) => body.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return Err(ReadError::Gone),
        }
    }
    Ok(Request { method: method.to_owned(), path, query: parse_urlencoded(raw_query.as_bytes()), headers, body })
}

/// Decodes `a=b&c=d` (with `+` for spaces); the last value of a name wins,
/// except that repeated names are joined with a newline.
pub(crate) fn parse_urlencoded(body: &[u8]) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let text = String::from_utf8_lossy(body);
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let dec = |s: &str| crate::text::percent_decode(&s.replace('+', " ")).unwrap_or_default();
        let (k, v) = (dec(k), dec(v));
        out.entry(k)
            .and_modify(|old| {
                old.push('\n');
                old.push_str(&v);
            })
            .or_insert(v);
    }
    out
}

/// One part of a `multipart/form-data` body.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    /// The form field's name.
    pub(crate) name: String,
    /// The file name the browser sent, for file inputs.
    pub(crate) filename: Option<String>,
    /// The bytes.
    pub(crate) data: Vec<u8>,
}

/// A submitted form: text fields and files.
#[derive(Debug, Default)]
pub(crate) struct Form {
    /// Text fields; repeated names are joined with a newline.
    pub(crate) fields: BTreeMap<String, String>,
    /// File parts that carry a file.
    pub(crate) files: Vec<Part>,
}

impl Form {
    /// A text field's value, or "".
    pub(crate) fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

/// The form a POST carries, whichever encoding it used; `None` when malformed.
pub(crate) fn form(req: &Request) -> Option<Form> {
    let ty = req.header("content-type").unwrap_or("");
    if ty.starts_with("multipart/form-data") {
        let boundary = ty.split(';').find_map(|p| p.trim().strip_prefix("boundary="))?.trim_matches('"');
        let parts = multipart(&req.body, boundary)?;
        let mut form = Form::default();
        for p in parts {
            match p.filename {
                Some(ref f) if !f.is_empty() || !p.data.is_empty() => form.files.push(p),
                Some(_) => {}
                None => {
                    let v = String::from_utf8_lossy(&p.data).into_owned();
                    form.fields
                        .entry(p.name)
                        .and_modify(|old| {
                            old.push('\n');
                            old.push_str(&v);
                        })
                        .or_insert(v);
                }
            }
        }
        Some(form)
    } else {
        Some(Form { fields: parse_urlencoded(&req.body), files: Vec::new() })
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Splits a multipart body at its boundary (RFC 7578).
fn multipart(body: &[u8], boundary: &str) -> Option<Vec<Part>> {
    if boundary.is_empty() || boundary.len() > 200 {
        return None;
    }
    let delim = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut pos = find(body, delim.as_bytes(), 0)? + delim.len();
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            return Some(parts);
        }
        pos += 2; // CRLF after the boundary
        let head_end = find(body, b"\r\n\r\n", pos)?;
        let head = std::str::from_utf8(&body[pos..head_end]).ok()?;
        let next = find(body, format!("\r\n{delim}").as_bytes(), head_end + 4)?;
        let data = body[head_end + 4..next].to_vec();
        let mut name = None;
        let mut filename = None;
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else { continue };
            if !k.trim().eq_ignore_ascii_case("content-disposition") {
                continue;
            }
            for param in v.split(';').skip(1) {
                let Some((pk, pv)) = param.trim().split_once('=') else { continue };
                let pv = pv.trim().trim_matches('"').to_owned();
                match pk.trim() {
                    "name" => name = Some(pv),
                    "filename" => filename = Some(pv),
                    _ => {}
                }
            }
        }
        parts.push(Part { name: name?, filename, data });
        pos = next + 2 + delim.len();
    }
}

/// An editor answer.
#[derive(Debug)]
pub(crate) struct Reply {
    /// HTTP status.
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    /// Extra headers.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Reply {
    /// An HTML page.
    pub(crate) fn html(status: u16, body: String) -> Reply {
        Reply { status, content_type: "text/html; charset=utf-8", headers: Vec::new(), body: body.into_bytes() }
    }

    /// Plain text.
    pub(crate) fn text(status: u16, body: String) -> Reply {
        Reply { status, content_type: "text/plain; charset=utf-8", headers: Vec::new(), body: body.into_bytes() }
    }

    /// A redirect to `location` after a form (303 See Other).
    pub(crate) fn see_other(location: &str) -> Reply {
        let mut r = Reply::text(303, String::new());
        r.headers.push(("Location".into(), location.to_owned()));
        r
    }

    /// Adds a header.
    pub(crate) fn with(mut self, name: &str, value: String) -> Reply {
        self.headers.push((name.to_owned(), value));
        self
    }

    /// Writes the answer and closes the connection.
    pub(crate) fn send(&self, stream: &mut TcpStream, head_only: bool) {
        let reason = match self.status {
            200 => "OK",
            303 => "See Other",
            400 => "Bad Request",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            409 => "Conflict",
            413 => "Payload Too Large",
            415 => "Unsupported Media Type",
            422 => "Unprocessable Content",
            _ => "Error",
        };
        let mut out = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nReferrer-Policy: same-origin\r\n\
Content-Security-Policy: default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; \
form-action 'self'; frame-ancestors 'none'; base-uri 'none'\r\nConnection: close\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        for (k, v) in &self.headers {
            out.push_str(&format!("{k}: {v}\r\n"));
        }
        out.push_str("\r\n");
        let _timeout = stream.set_write_timeout(Some(Duration::from_secs(30)));
        let mut sent = stream.write_all(out.as_bytes());
        if sent.is_ok() && !head_only {
            sent = stream.write_all(&self.body);
        }
        if sent.is_ok() {
            let _flushed = stream.flush();
        }
        let _closed = stream.shutdown(std::net::Shutdown::Write);
    }
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    crate::content::markdown::escape(s)
}

/// Encodes a site path for a URL (each segment percent-encoded, `/` kept).
pub(crate) fn url_path(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_multipart_body() {
        let body = b"--XY\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nTin m\xe1\xbb\x9bi\r\n--XY\r\n\
Content-Disposition: form-data; name=\"_anh\"; filename=\"../../x.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\r\n\r\n--XY--\r\n";
        let parts = multipart(body, "XY").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "title");
        assert_eq!(String::from_utf8_lossy(&parts[0].data), "Tin mới");
        assert_eq!(parts[1].filename.as_deref(), Some("../../x.jpg"));
        assert_eq!(parts[1].data, b"\xff\xd8\r\n");
        assert!(multipart(b"garbage", "XY").is_none());
    }

    #[test]
    fn decodes_url_encoded_forms() {
        let f = parse_urlencoded(b"title=Tin+m%E1%BB%9Bi&tags=a&tags=b");
        assert_eq!(f["title"], "Tin mới");
        assert_eq!(f["tags"], "a\nb");
    }
}
