//! Diagnostics: every problem found in a site, with its file, line, column, the
//! offending line and a hint in plain words.
//!
//! Every message and hint comes from the catalogue ([`crate::i18n`]): the
//! constructors take a [`Msg`] (identifier and arguments), never free text, and
//! the diagnostic keeps the identifier (`id`) beside the words, so tests and
//! tools (`thidua check --json`) name a problem whatever the language.
//!
//! Content errors are collected, never thrown one at a time, so a build reports
//! *all* of them together (like rustc) and exits with code 1.

use crate::i18n::Msg;
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub(crate) enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; the message is printed.
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub(crate) severity: Severity,
    /// The catalogue identifier of the message (`fm-curly-quote`, `ref-unknown`…).
    #[serde(default)]
    pub id: String,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// What is wrong, in the current language.
    pub message: String,
    /// What to do about it, in the current language.
    pub hint: Option<String>,
    /// The catalogue identifier of the hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint_id: Option<String>,
    /// The offending line, as written.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error about `path` as a whole.
    pub(crate) fn error(path: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            id: message.id().to_owned(),
            path: path.into(),
            line: 0,
            column: 0,
            message: message.text(),
            hint: None,
            hint_id: None,
            source_line: None,
        }
    }

    /// A warning about `path` as a whole.
    pub fn warning(path: impl Into<PathBuf>, message: Msg) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, message) }
    }

    /// Points the diagnostic at a line and column of `source` (the whole file text).
    pub(crate) fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = source.lines().nth(line.saturating_sub(1)).filter(|_| line > 0).map(str::to_owned);
        self
    }

    /// Points the diagnostic at a byte offset of `source`.
    pub(crate) fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at(source, line, column)
    }

    /// Adds a hint.
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint.text());
        self.hint_id = Some(hint.id().to_owned());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => crate::t!("diag-error"),
            Severity::Warning => crate::t!("diag-warning"),
        };
        writeln!(f, "{label}: {}", printable(&self.message))?;
        let path = printable(&self.path.display().to_string());
        match (self.line, self.column) {
            (0, _) => writeln!(f, "  --> {path}")?,
            (l, 0) => writeln!(f, "  --> {path}:{l}")?,
            (l, c) => writeln!(f, "  --> {path}:{l}:{c}")?,
        }
        if let Some(src) = &self.source_line {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let (shown, caret_at, width) = window(src, self.column.max(1) - 1);
            writeln!(f, "{pad} |")?;
            writeln!(f, "{num} | {shown}")?;
            writeln!(f, "{pad} | {}{}", " ".repeat(caret_at), "^".repeat(width.max(1)))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = {}: {}", crate::t!("diag-hint"), printable(hint))?;
        }
        Ok(())
    }
}

/// Characters of a source line shown on each side of the column.
const WINDOW: usize = 60;

/// `s` with every control character written as a visible escape (`\u{1b}`),
/// so that a file cannot send terminal control sequences (clear the screen,
/// set the window title) through a diagnostic. Tabs stay tabs.
pub(crate) fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() && c != '\t' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// The part of `src` shown under a diagnostic: at most [`WINDOW`] characters
/// on each side of the 0-based character column `at`, cut with `…` and made
/// [`printable`]; with the caret's column and width in the shown text.
fn window(src: &str, at: usize) -> (String, usize, usize) {
    let chars: Vec<char> = src.chars().collect();
    let at = at.min(chars.len());
    let start = at.saturating_sub(WINDOW);
    let end = (at + WINDOW).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let before: String = chars[start..at].iter().collect();
    shown.push_str(&printable(&before));
    let caret_at = shown.chars().count();
    let word: String = chars[at..end].iter().take_while(|c| !c.is_whitespace()).collect();
    let word = printable(&word);
    let width = word.chars().count();
    shown.push_str(&printable(&chars[at..end].iter().collect::<String>()));
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret_at, width)
}

/// A growing list of diagnostics.
#[derive(Debug, Default, Clone)]
pub(crate) struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds many.
    pub(crate) fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// True when at least one is an error.
    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// All of them, sorted by file then line so output is stable.
    pub(crate) fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        self.items
    }
}

/// Makes `path` relative to `root` for display, when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).map(Path::to_path_buf).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "title = \"Đồng bào\"\nbad = ";
        assert_eq!(line_col(src, src.find("bad").unwrap()), (2, 1));
        assert_eq!(line_col(src, src.find("bào").unwrap()), (1, 15));
    }

    #[test]
    fn display_shows_line_and_marker() {
        let src = "+++\ntitle = 3\n+++\n";
        let d = Diagnostic::error("content/a.md", crate::msg!("field-wrong-type", key = "title", expected = "text"))
            .at(src, 2, 9)
            .hint(crate::msg!("field-write-like", example = "title = \"Lễ hội\""));
        assert_eq!((d.id.as_str(), d.hint_id.as_deref()), ("field-wrong-type", Some("field-write-like")));
        let text = d.to_string();
        assert!(text.contains("content/a.md:2:9"), "{text}");
        assert!(text.contains("2 | title = 3"), "{text}");
        assert!(text.contains(&format!("{}: {}", crate::t!("diag-hint"), d.hint.as_deref().unwrap())), "{text}");
        assert!(text.contains("title = \"Lễ hội\""), "{text}");
    }

    #[test]
    fn control_characters_are_escaped_not_sent_to_the_terminal() {
        let src = "+++\ntitle = \"\u{1b}]0;pwned\u{7}\u{1b}[2J\"\n+++\n";
        let d = Diagnostic::error("content/a.md", crate::msg!("fm-invalid-toml", detail = "bad \u{1b}[31m"))
            .at(src, 2, 9)
            .hint(crate::msg!("field-write-like", example = "x\u{9b}y"));
        let text = d.to_string();
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
        assert!(text.contains("\\u{1b}]0;pwned\\u{7}"), "{text}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("{}BAD {}", "a ".repeat(5_000_000), "b ".repeat(5_000_000));
        let d = Diagnostic::error("a.md", crate::msg!("fm-missing")).at(&line, 1, 10_000_001);
        let text = d.to_string();
        assert!(text.len() < 1_000, "{} bytes", text.len());
        assert!(text.contains("…") && text.contains("BAD"), "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let src_line = lines.iter().find(|l| l.contains("BAD")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        assert_eq!(src_line.chars().position(|c| c == 'B'), caret.chars().position(|c| c == '^'));
        assert_eq!(caret.matches('^').count(), 3);
    }
}
