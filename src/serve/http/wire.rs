//! HTTP/1.1 on the wire: reading a request head within the limits of size
//! and time, parsing what the server uses of it, and writing an answer within
//! its deadline.

use super::{HEAD_TIMEOUT, IDLE_TIMEOUT, MAX_HEAD, WRITE_TIMEOUT};
use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// How waiting for a request head ended.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Head {
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
pub(super) fn read_head(stream: &mut TcpStream, buf: &mut Vec<u8>) -> io::Result<Head> {
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
pub(super) struct Request {
    pub(super) method: String,
    pub(super) target: String,
    /// The connection may be used for another request after this one.
    pub(super) keep_alive: bool,
    /// The request announces a body (which is never read: the connection is closed after it).
    pub(super) has_body: bool,
}

/// Why a request head could not be used.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Bad {
    /// Not HTTP/1.x syntax: 400.
    Syntax,
    /// Another HTTP version: 505.
    Version,
}

pub(super) fn parse(head: &[u8]) -> Result<Request, Bad> {
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
pub(super) struct Reply {
    pub(super) status: u16,
    pub(super) content_type: &'static str,
    pub(super) location: Option<String>,
    pub(super) body: Vec<u8>,
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
    pub(super) fn typed(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
        Reply { status, content_type, location: None, body }
    }

    pub(super) fn plain(status: u16, text: &str) -> Reply {
        Reply::typed(status, "text/plain; charset=utf-8", text.as_bytes().to_vec())
    }

    /// Writes the answer (without its body for HEAD) within [`WRITE_TIMEOUT`].
    pub(super) fn send(&self, stream: &mut TcpStream, head_only: bool, keep_alive: bool) -> io::Result<()> {
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
pub(super) fn write_by(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
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
pub(super) fn answer_and_close(stream: &mut TcpStream, reply: &Reply) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

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
}
