//! Which link destinations may be published live: `http`, `https`, `mailto`,
//! `tel`, and addresses with no scheme (relative, root-relative, `@/`, `#`).
//!
//! Everything else (`javascript:`, `data:`, `vbscript:`, `file:`, unknown
//! schemes) would run script or reach the reader's own machine, so it is an
//! error and never reaches an `href` or `src`. The check reads a destination
//! the way a browser's URL parser does: entities are already decoded by the
//! Markdown parser; leading and trailing control characters and spaces are
//! dropped, tabs and newlines anywhere are removed, and the scheme is
//! compared without regard to case. Anything that has a `:` before its first
//! `/`, `?` or `#` counts as a scheme, even one a browser would not take
//! (`1x:`), so nothing the browser might read as a scheme slips through.

/// The schemes a link may use.
pub(crate) const ALLOWED: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of `dest` when it is not allowed (lowercased, as the browser
/// reads it); `None` for a safe destination.
pub fn unsafe_scheme(dest: &str) -> Option<String> {
    let trimmed = dest.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    let (scheme, _) = cleaned[..end].split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    (!ALLOWED.contains(&scheme.as_str())).then_some(scheme)
}

#[cfg(test)]
mod tests {
    use super::unsafe_scheme;

    #[test]
    fn safe_destinations_pass() {
        for d in [
            "https://dantoc.gov.vn/",
            "HTTP://x",
            "mailto:bdt@binhphuoc.gov.vn",
            "tel:+842713879",
            "/tin-tuc/a/",
            "anh.jpg",
            "#muc-1",
            "@/phong-trao/a.md",
            "",
            "a/b:c",
            "?q=a:b",
        ] {
            assert_eq!(unsafe_scheme(d), None, "{d}");
        }
    }

    #[test]
    fn script_and_local_schemes_are_caught_through_tricks() {
        for (d, s) in [
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            ("  javascript:alert(1)", "javascript"),
            ("\u{1}javascript:x", "javascript"),
            ("java\tscript:x", "javascript"),
            ("java\nscript:x", "javascript"),
            ("data:text/html,<script>", "data"),
            ("vbscript:msgbox", "vbscript"),
            ("file:///etc/passwd", "file"),
            ("x-unknown:1", "x-unknown"),
        ] {
            assert_eq!(unsafe_scheme(d).as_deref(), Some(s), "{d:?}");
        }
    }
}
