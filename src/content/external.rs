//! External links (`http://`, `https://`), checked only on request:
//! `thidua check --external`. The portal's builders are often offline, so a
//! normal build never goes to the network.
//!
//! Each distinct address is asked once (HEAD, then GET when a server does not
//! answer HEAD properly), by a few threads at a time, with a timeout; every
//! place that links to an address that fails gets its own diagnostic with the
//! file, line and column of the link.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use super::site::Site;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;

/// How to check.
#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// Longest wait for one address (connect, headers and redirects together).
    pub(crate) timeout: Duration,
    /// Addresses asked at the same time.
    pub(crate) parallel: usize,
}

impl Default for ExternalOptions {
    fn default() -> Self {
        ExternalOptions { timeout: Duration::from_secs(15), parallel: 8 }
    }
}

/// Why an address failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The server answered with an error status.
    Status(u16),
    /// No answer: the host is unknown, refused the connection, or timed out.
    Unreachable(String),
}

/// True for the links this module checks.
pub(crate) fn is_external(dest: &str) -> bool {
    let lower = dest.get(..8).unwrap_or(dest).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Checks every external link of the site; one error per link that fails,
/// in file and line order.
pub(crate) fn check(site: &Site, opts: &ExternalOptions) -> Vec<Diagnostic> {
    // Address (without #fragment) → where it is linked from: (record index, link index).
    let mut places: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (ri, r) in site.records.iter().enumerate() {
        for (li, link) in r.body.links.iter().enumerate() {
            if is_external(&link.dest) {
                let address = link.dest.split('#').next().unwrap_or(&link.dest).to_string();
                places.entry(address).or_default().push((ri, li));
            }
        }
    }
    let addresses: Vec<&String> = places.keys().collect();
    let failures = probe_all(&addresses, opts);
    let mut out = Vec::new();
    for (address, failure) in failures {
        for &(ri, li) in &places[address] {
            let r = &site.records[ri];
            let link = &r.body.links[li];
            let (message, hint) = describe(address, &failure);
            out.push(Diagnostic::error(&r.source.path, message).at(&r.source.text, link.line, link.column).hint(hint));
        }
    }
    // In the order of the files and lines, whatever the addresses sort as.
    out.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    out
}

fn describe(address: &str, failure: &Failure) -> (Msg, Msg) {
    match failure {
        Failure::Status(code) => (
            msg!("ext-status", code = *code, address = address),
            if *code == 404 || *code == 410 { msg!("ext-gone-hint") } else { msg!("ext-status-hint") },
        ),
        Failure::Unreachable(why) => {
            (msg!("ext-unreachable", address = address, why = why.as_str()), msg!("ext-unreachable-hint"))
        }
    }
}

/// Asks every address, `opts.parallel` at a time; returns the failures in address order.
fn probe_all<'a>(addresses: &[&'a String], opts: &ExternalOptions) -> Vec<(&'a String, Failure)> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .http_status_as_error(false)
        .user_agent(concat!("thidua/", env!("CARGO_PKG_VERSION"), " (link check)"))
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..opts.parallel.clamp(1, 32).min(addresses.len()) {
            scope.spawn(|| {
                while let Some(&address) = addresses.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(f) = probe(&agent, address) {
                        failures.lock().unwrap_or_else(|e| e.into_inner()).push((address, f));
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap_or_else(|e| e.into_inner());
    failures.sort_by(|a, b| a.0.cmp(b.0));
    failures
}

/// One address: HEAD, and GET when HEAD is refused or not allowed.
fn probe(agent: &ureq::Agent, address: &str) -> Result<(), Failure> {
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| match r {
        Ok(resp) => Ok(resp.status().as_u16()),
        Err(e) => Err(Failure::Unreachable(short_error(&e))),
    };
    let head = status(agent.head(address).call())?;
    let code = if head >= 400 { status(agent.get(address).call())? } else { head };
    if code >= 400 {
        Err(Failure::Status(code))
    } else {
        Ok(())
    }
}

fn short_error(e: &ureq::Error) -> String {
    match e {
        ureq::Error::HostNotFound => crate::t!("ext-host-not-found"),
        ureq::Error::Timeout(_) => crate::t!("ext-timed-out"),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => crate::t!("ext-refused"),
        ureq::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_links_are_external() {
        assert!(is_external("https://ubdt.gov.vn/"));
        assert!(is_external("HTTP://example.com"));
        assert!(!is_external("/phong-trao/a/"));
        assert!(!is_external("@/tin-tuc/a.md"));
        assert!(!is_external("mailto:bdt@binhphuoc.gov.vn"));
        assert!(!is_external("anh.jpg"));
    }

    #[test]
    fn messages_say_what_to_do() {
        let (m, h) = describe("https://x.vn/a", &Failure::Status(404));
        assert_eq!((m.id(), h.id()), ("ext-status", "ext-gone-hint"));
        assert!(m.text().contains("404") && m.text().contains("https://x.vn/a"));
        let (m, h) = describe("https://x.vn/a", &Failure::Status(500));
        assert_eq!((m.id(), h.id()), ("ext-status", "ext-status-hint"));
        let (m, h) = describe("https://x.vn/a", &Failure::Unreachable("host not found".into()));
        assert_eq!((m.id(), h.id()), ("ext-unreachable", "ext-unreachable-hint"));
        assert!(m.text().contains("host not found"));
    }
}
