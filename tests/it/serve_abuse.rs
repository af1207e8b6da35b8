//! `thidua serve` under load and abuse, on loopback only, with bounded loops:
//! many concurrent requests, traversal in every spelling we know, a huge
//! header, slow and idle clients. The server must keep answering others and
//! never send a file from outside the built site.

use super::serve::{get, start};
use super::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Text of the project files that must never be served.
const SECRETS: [&str; 4] = ["base_url", "news_per_page", "campaigns = [", "root:x:0:0"];

/// Sends `raw` as is and reads the answer (or what arrives before the server closes or 10 s pass).
fn send_raw(addr: &str, raw: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
    // the server may close before it has read everything: that is an answer too
    if s.write_all(raw).is_err() {
        return String::new();
    }
    let mut out = Vec::new();
    let _partial = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A plain request must be answered, with 200, within `secs` seconds.
fn answers_within(addr: &str, secs: u64) {
    let started = Instant::now();
    let (status, _) = get(addr, "/");
    assert_eq!(status, 200);
    assert!(started.elapsed() < Duration::from_secs(secs), "took {:?}", started.elapsed());
}

/// A fresh connection gets a 200 within 10 s: no connection waits behind
/// another one, idle or slow, while there is room for it.
fn answers_soon(addr: &str) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    let _partial = s.read_to_end(&mut raw);
    assert!(raw.starts_with(b"HTTP/1.1 200"), "no answer within 10 s: {:?}", String::from_utf8_lossy(&raw));
}

/// Reads one response (head and `Content-Length` body) from a keep-alive connection.
fn read_response(s: &mut TcpStream) -> String {
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        assert_eq!(s.read(&mut byte).expect("response head"), 1, "closed before the head ended");
        raw.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&raw).into_owned();
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("Content-Length: "))
        .and_then(|v| v.trim().parse().ok())
        .expect("Content-Length");
    let mut body = vec![0u8; len];
    s.read_exact(&mut body).expect("response body");
    head + &String::from_utf8_lossy(&body)
}

/// True when the server closes `s` (end of stream or reset) before `limit` passes;
/// whatever it sends first (a 503, say) is read and dropped.
fn closed_by_server(s: &mut TcpStream, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    let mut buf = [0u8; 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        s.set_read_timeout(Some(left)).unwrap();
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn serve_answers_320_concurrent_requests() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let paths = ["/", "/phong-trao/alpha/", "/tin-tuc/", "/khong-co/", "/css/site.css"];
    let started = Instant::now();
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..32)
            .map(|t| {
                let addr = server.addr.clone();
                scope.spawn(move || (0..10).map(|i| get(&addr, paths[(t + i) % paths.len()]).0).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("client thread")).collect()
    });
    assert_eq!(statuses.len(), 320);
    let bad: Vec<_> = statuses.iter().filter(|s| ![200, 404].contains(*s)).collect();
    assert!(bad.is_empty(), "unanswered or refused: {bad:?}");
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    answers_within(&server.addr, 5);
}

#[test]
fn serve_never_serves_a_file_outside_the_site() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let targets = [
        "/../config.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/config.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/config.toml",
        "/%2e./config.toml",
        "/%252e%252e/config.toml",
        "/%25%32%65%25%32%65/config.toml",
        "/..%2fconfig.toml",
        "/..%2Fcontent%2Ftin-tuc%2Ftin-mot.md",
        "/..\\config.toml",
        "/%5c..%5cconfig.toml",
        "/..%5cconfig.toml",
        "/%c0%ae%c0%ae/config.toml",
        "/%c0%2e%c0%2e/config.toml",
        "/%e0%80%ae%e0%80%ae/config.toml",
        "/%uff0e%uff0e/config.toml",
        "/\u{ff0e}\u{ff0e}/config.toml",
        "/..;/config.toml",
        "/....//config.toml",
        "/./.././config.toml",
        "//etc/passwd",
        "///../config.toml",
        "/config.toml",
        "/content/tin-tuc/tin-mot.md",
        "/.thidua-cache/",
        "/public/index.html",
        "http://x/../config.toml",
        "http://127.0.0.1/../../config.toml",
        "../config.toml",
        "config.toml",
        "*",
        "/%00../config.toml",
        "/index.html%00.txt",
        "/%",
        "/%2",
    ];
    for target in targets {
        let answer =
            send_raw(&server.addr, format!("GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes());
        for secret in SECRETS {
            assert!(!answer.contains(secret), "{target:?} leaked a project file");
        }
        let status = answer.lines().next().unwrap_or("");
        assert!(!status.starts_with("HTTP/1.1 200"), "{target:?}: {status}");
    }
    answers_within(&server.addr, 5);
}

#[test]
fn serve_survives_a_huge_header_and_slow_clients() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let addr = server.addr.clone();

    // a 1 MB header: refused or answered, but the server goes on
    let huge = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "a".repeat(1 << 20));
    let answer = send_raw(&addr, huge.as_bytes());
    assert!(answer.is_empty() || answer.starts_with("HTTP/1."), "{}", &answer[..answer.len().min(80)]);
    answers_within(&addr, 5);

    // 100 header lines of 10 kB each
    let mut many = String::from("GET / HTTP/1.1\r\nHost: x\r\n");
    for i in 0..100 {
        many.push_str(&format!("X-H{i}: {}\r\n", "b".repeat(10_000)));
    }
    many.push_str("Connection: close\r\n\r\n");
    let _answer = send_raw(&addr, many.as_bytes());
    answers_within(&addr, 5);

    // 80 slow clients (more than the 64 handler slots): each sends part of a
    // request line and waits; 40 more send a complete request and never read
    let mut idle = Vec::new();
    for i in 0..80 {
        let mut s = TcpStream::connect(&addr).unwrap();
        s.write_all(if i % 2 == 0 { b"GET /ph" } else { b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " }).unwrap();
        idle.push(s);
    }
    for _ in 0..40 {
        let mut s = TcpStream::connect(&addr).unwrap();
        s.write_all(b"GET /tin-tuc/ HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        idle.push(s);
    }
    answers_soon(&addr);
    // one byte every 300 ms from a few of them does not change that
    for _ in 0..3 {
        for s in idle.iter_mut().take(10) {
            let _gone = s.write_all(b"a");
        }
        std::thread::sleep(Duration::from_millis(300));
        answers_soon(&addr);
    }
    drop(idle);
    answers_within(&addr, 5);
}

#[test]
fn serve_answers_a_new_client_while_others_idle_on_keep_alive() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let addr = server.addr.clone();

    // a keep-alive client asks twice on one connection, then sits idle
    let mut idle = TcpStream::connect(&addr).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    for path in ["/", "/css/site.css"] {
        write!(idle, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let answer = read_response(&mut idle);
        assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{path}: {}", &answer[..answer.len().min(80)]);
    }
    // two requests sent at once (pipelined) are answered in order
    idle.write_all(b"GET /css/site.css HTTP/1.1\r\nHost: x\r\n\r\nGET /khong-co/ HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    assert!(read_response(&mut idle).starts_with("HTTP/1.1 200 "));
    assert!(read_response(&mut idle).starts_with("HTTP/1.1 404 "));
    // and connections that never send a byte
    let silent: Vec<TcpStream> = (0..8).map(|_| TcpStream::connect(&addr).unwrap()).collect();

    // none of them holds up a new client
    for _ in 0..3 {
        answers_soon(&addr);
    }
    // nor does a keep-alive connection that just went idle, with a new client
    // arriving right behind it, again and again
    let mut more_idle = Vec::new();
    for _ in 0..8 {
        let mut s = TcpStream::connect(&addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(b"GET /css/site.css HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert!(read_response(&mut s).starts_with("HTTP/1.1 200 "));
        more_idle.push(s);
        answers_soon(&addr);
    }
    // the idle connections are closed by the server, not kept forever
    assert!(closed_by_server(&mut idle, Duration::from_secs(30)), "an idle keep-alive connection stays open");
    for mut s in silent {
        assert!(closed_by_server(&mut s, Duration::from_secs(30)), "a silent connection stays open");
    }
    answers_soon(&addr);
}

#[test]
fn serve_refuses_a_64_kb_header_with_431() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let addr = server.addr.clone();

    // a header of 15 kB is still fine
    let fine = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\nConnection: close\r\n\r\n", "a".repeat(15_000));
    assert!(send_raw(&addr, fine.as_bytes()).starts_with("HTTP/1.1 200 "));

    for big in [
        format!("GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(64 * 1024)),
        format!("GET / HTTP/1.1\r\nHost: x\r\n{}\r\n", "X-Many: b\r\n".repeat(64 * 1024 / 11)),
        format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "c".repeat(64 * 1024)),
    ] {
        let answer = send_raw(&addr, big.as_bytes());
        // 431, or a close without an answer: never the page
        assert!(answer.is_empty() || answer.starts_with("HTTP/1.1 431 "), "{}", &answer[..answer.len().min(80)]);
        assert!(!answer.contains("<html"), "a 64 kB head was served");
    }
    answers_within(&addr, 5);
}

#[test]
fn serve_drops_slow_clients_and_keeps_answering() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let addr = server.addr.clone();

    // 300 slow-loris clients, more than the server's 256 connections: each
    // starts a request and then trickles one header byte a second
    let mut slow: Vec<TcpStream> = (0..300)
        .map(|i| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.set_write_timeout(Some(Duration::from_secs(1))).unwrap();
            let _refused = s.write_all(if i % 3 == 0 { b"GET /ph" } else { b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " });
            s
        })
        .collect();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let trickle = {
        let mut handles: Vec<TcpStream> = slow.iter().map(|s| s.try_clone().unwrap()).collect();
        let done = done.clone();
        std::thread::spawn(move || {
            // bounded: at most 60 rounds
            for _ in 0..60 {
                if done.load(std::sync::atomic::Ordering::SeqCst) {
                    break;
                }
                for s in &mut handles {
                    let _gone = s.write_all(b"a");
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        })
    };

    // a normal client is answered: at once if there is room, or once the slow
    // ones are dropped (a 503 in between is allowed); 60 s only detects a hang
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut statuses = Vec::new();
    loop {
        let answer = send_raw(&addr, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let status = answer.lines().next().unwrap_or("").to_owned();
        if status.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(status.is_empty() || status.starts_with("HTTP/1.1 503"), "{status}");
        statuses.push(status);
        assert!(Instant::now() < deadline, "no 200 within 60 s among slow clients: {statuses:?}");
        std::thread::sleep(Duration::from_millis(500));
    }
    // every slow client is dropped by the server, though it keeps sending
    for s in &mut slow {
        assert!(closed_by_server(s, Duration::from_secs(40)), "a slow-loris client was kept");
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    trickle.join().unwrap();
    answers_within(&addr, 5);
}
