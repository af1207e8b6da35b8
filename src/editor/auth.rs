//! Who may use the editor. On loopback, opening the address `serve` prints
//! (with its `?khoa=` token) authorises a browser. On any other interface the
//! editor runs only when a password is set in the environment variable
//! [`PASSWORD_VAR`] (never in `config.toml`, which is committed with the
//! site): a login form then sets the same cookie.
//!
//! The password itself is not kept: only its SHA-256 with a random salt of
//! this process, and a submitted password is hashed the same way and compared
//! in constant time (`subtle`). Wrong passwords are answered one at a time,
//! a second each, so guessing is slow.

use super::http::{self, Reply, Request};
use super::{pages, Editor, PREFIX};
use crate::t;
use sha2::Digest;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Duration;
use subtle::ConstantTimeEq;

/// The environment variable that holds the editor's password.
pub(crate) const PASSWORD_VAR: &str = "THIDUA_EDITOR_PASSWORD";

/// How long a wrong password is answered after (one at a time).
const WRONG_DELAY: Duration = Duration::from_secs(1);

/// A password, kept as a salted hash.
pub(crate) struct Password {
    salt: [u8; 16],
    hash: [u8; 32],
    /// Held while a wrong password is answered, so guesses queue.
    wrong: Mutex<()>,
}

impl Password {
    /// The password `plain`, or `None` for an empty one (or no random source).
    pub(crate) fn new(plain: &str) -> Option<Password> {
        if plain.is_empty() {
            return None;
        }
        let mut salt = [0u8; 16];
        getrandom::getrandom(&mut salt).ok()?;
        let hash = hash(&salt, plain);
        Some(Password { salt, hash, wrong: Mutex::new(()) })
    }

    /// The password set in [`PASSWORD_VAR`], if any.
    pub(crate) fn from_env() -> Option<Password> {
        std::env::var(PASSWORD_VAR).ok().and_then(|p| Password::new(&p))
    }

    /// True when `given` is the password (compared in constant time).
    pub(crate) fn verify(&self, given: &str) -> bool {
        bool::from(hash(&self.salt, given).ct_eq(&self.hash))
    }
}

fn hash(salt: &[u8], plain: &str) -> [u8; 32] {
    let mut h = sha2::Sha256::new();
    h.update(salt);
    h.update(crate::text::nfc(plain).as_bytes());
    h.finalize().into()
}

/// The `Host` values a server at `addr` answers to: the loopback names of
/// its port, and the address itself.
pub(crate) fn hosts(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut v = vec![format!("127.0.0.1:{port}"), format!("localhost:{port}"), format!("[::1]:{port}")];
    if !v.contains(&addr.to_string()) {
        v.push(addr.to_string());
    }
    v
}

/// True when `host` is an IP address with port `port`, as a browser writes
/// it when opened at `http://<ip>:<port>/`. A DNS name is never accepted
/// this way: a name is what a DNS rebinding attack must use.
pub(crate) fn is_ip_host(host: &str, port: u16) -> bool {
    host.parse::<SocketAddr>().is_ok_and(|a| a.port() == port)
}

impl Editor {
    /// True when `host` names this server.
    pub(super) fn host_ok(&self, host: &str) -> bool {
        self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) || self.any_ip.is_some_and(|p| is_ip_host(host, p))
    }

    /// The cookie that authorises a browser.
    pub(super) fn set_cookie(&self) -> String {
        format!("{}={}; Path=/__thidua/; HttpOnly; SameSite=Strict", self.cookie, self.token)
    }

    /// The answer to a request without the cookie: the login form when a
    /// password is set (and the login itself when it is posted), else a refusal.
    pub(super) fn unauthorised(&self, req: &Request) -> Reply {
        let Some(password) = &self.password else {
            return Reply::html(403, pages::message(&t!("ed-refused"), &t!("ed-refused-cookie")));
        };
        if req.method != "POST" || req.path != format!("{PREFIX}/dang-nhap") {
            return Reply::html(401, pages::login(false));
        }
        let form = http::form(req).unwrap_or_default();
        if !self.token.is_empty() && password.verify(form.get("mat_khau")) {
            return Reply::see_other(&format!("{PREFIX}/")).with("Set-Cookie", self.set_cookie());
        }
        let _one_at_a_time = password.wrong.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        std::thread::sleep(WRONG_DELAY);
        Reply::html(401, pages::login(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_checked_by_its_salted_hash() {
        let p = Password::new("Mật khẩu 1").unwrap();
        assert!(p.verify("Mật khẩu 1"));
        assert!(!p.verify("mật khẩu 1"));
        assert!(!p.verify(""));
        assert!(Password::new("").is_none(), "an empty password is no password");
        let q = Password::new("Mật khẩu 1").unwrap();
        assert_ne!(p.hash, q.hash, "each process salts its own hash");
    }

    #[test]
    fn only_ip_addresses_with_the_port_pass_as_hosts() {
        assert!(is_ip_host("192.168.1.20:8000", 8000));
        assert!(is_ip_host("[fe80::1]:8000", 8000));
        assert!(!is_ip_host("192.168.1.20:8001", 8000));
        assert!(!is_ip_host("attacker.example:8000", 8000), "a DNS name (rebinding)");
        assert!(!is_ip_host("192.168.1.20", 8000));
    }
}
