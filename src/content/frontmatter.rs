//! Splits a record into front matter and body, and parses the front matter —
//! TOML between `+++` lines or YAML between `---` lines — into one generic tree.
//!
//! Both formats become a `serde_json` map (TOML dates become strings), so the
//! typed readers in [`super::fields`] do not care which format a file used.

use crate::diagnostics::Diagnostic;
use crate::i18n::{Arg, Msg};
use serde_json::{Map, Value};
use std::path::Path;

/// The front matter format a file used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `+++` fences.
    Toml,
    /// `---` fences.
    Yaml,
}

/// A parsed record file.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// Which fence the file used.
    pub(crate) format: Format,
    /// The front matter keys and values.
    pub data: Map<String, Value>,
    /// The front matter text (between the fences).
    pub(crate) raw: &'a str,
    /// 1-based file line of the first front matter line.
    pub(crate) first_line: usize,
    /// The Markdown body.
    pub(crate) body: &'a str,
    /// 1-based file line where the body starts.
    pub body_line: usize,
}

impl Parsed<'_> {
    /// 1-based file line where `key` is set, searching top-level and nested keys; 0 if absent.
    pub fn key_line(&self, key: &str) -> usize {
        self.raw
            .lines()
            .position(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                let rest = match l.strip_prefix(key) {
                    Some(r) => r,
                    None => match l.strip_prefix("[[").and_then(|r| r.strip_prefix(key)) {
                        Some(r) => return r.starts_with("]]"),
                        None => return false,
                    },
                };
                let rest = rest.trim_start();
                rest.starts_with('=') || rest.starts_with(':')
            })
            .map_or(0, |i| i + self.first_line)
    }
}

impl<'a> Parsed<'a> {
    /// The line of every key at once, in one pass over the front matter: the
    /// first line where each is set, as [`Parsed::key_line`] finds one key.
    /// (Asking `key_line` for each of many keys is quadratic: 50,000 keys
    /// took minutes.)
    pub(crate) fn key_lines(&self) -> std::collections::HashMap<&'a str, usize> {
        let mut lines = std::collections::HashMap::new();
        for (i, l) in self.raw.lines().enumerate() {
            let l = l.trim_start().trim_start_matches("- ");
            let key = match l.strip_prefix("[[") {
                Some(r) => r.split_once("]]").map(|(k, _)| k),
                None => l.find(['=', ':']).map(|at| l[..at].trim_end()),
            };
            if let Some(key) = key.filter(|k| !k.is_empty()) {
                lines.entry(key).or_insert(i + self.first_line);
            }
        }
        lines
    }
}

/// Splits and parses `source` (the whole file), reporting problems against `path`.
pub fn parse<'a>(path: &Path, source: &'a str) -> Result<Parsed<'a>, Diagnostic> {
    let src = source.strip_prefix('\u{feff}').unwrap_or(source);
    let bom = source.len() - src.len();
    let first = src.lines().next().unwrap_or("").trim_end();
    let (format, fence) = match first {
        "+++" => (Format::Toml, "+++"),
        "---" => (Format::Yaml, "---"),
        _ => {
            return Err(Diagnostic::error(path, crate::msg!("fm-missing"))
                .at(source, 1, 1)
                .hint(crate::msg!("fm-missing-hint")))
        }
    };
    let after_open = src.find('\n').map_or(src.len(), |i| i + 1);
    let mut offset = after_open;
    let mut close = None;
    for line in src[after_open..].split_inclusive('\n') {
        if line.trim_end() == fence {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((raw_end, body_start)) = close else {
        return Err(Diagnostic::error(path, crate::msg!("fm-not-closed", fence = fence))
            .at(source, 1, 1)
            .hint(crate::msg!("fm-not-closed-hint", fence = fence)));
    };
    let raw = &src[after_open..raw_end];
    let body = &src[body_start..];
    let first_line = 2;
    let body_line = src[..body_start].matches('\n').count() + 1;
    let parsed = match format {
        Format::Toml => parse_toml(raw).map_err(|(msg, off)| {
            Diagnostic::error(path, crate::msg!("fm-invalid-toml", detail = msg))
                .at_offset(source, bom + after_open + off)
                .hint(crate::msg!("fm-invalid-toml-hint"))
        }),
        Format::Yaml => parse_yaml(raw).map_err(|(msg, line, col)| {
            Diagnostic::error(path, crate::msg!("fm-invalid-yaml", detail = msg))
                .at(source, line + first_line - 1, col)
                .hint(crate::msg!("fm-invalid-yaml-hint"))
        }),
    };
    let data = match parsed {
        Ok(d) => d,
        Err(general) => return Err(explain_typing(path, source, raw, format, first_line).unwrap_or(general)),
    };
    Ok(Parsed { format, data, raw, first_line, body, body_line })
}

/// The characters a word processor types that front matter cannot take, each
/// with the message and hint (catalogue identifiers) that name it.
const TYPED: [(char, &str, &str); 6] = [
    ('\u{201C}', "fm-curly-quote", "fm-curly-quote-hint"),
    ('\u{201D}', "fm-curly-quote", "fm-curly-quote-hint"),
    ('\u{201E}', "fm-curly-quote", "fm-curly-quote-hint"),
    ('\u{2018}', "fm-curly-apostrophe", "fm-curly-apostrophe-hint"),
    ('\u{2019}', "fm-curly-apostrophe", "fm-curly-apostrophe-hint"),
    ('\u{00A0}', "fm-nbsp", "fm-nbsp-hint"),
];

/// When front matter that failed to parse holds something a word processor
/// typed (Word's curly quotes, a non-breaking space, a tab in YAML, a date
/// written 30/12/2023 without quotes in TOML), the error that names it and
/// says how to fix it.
fn explain_typing(path: &Path, source: &str, raw: &str, format: Format, first_line: usize) -> Option<Diagnostic> {
    for (i, line) in raw.lines().enumerate() {
        let n = i + first_line;
        let code = line.split(" #").next().unwrap_or(line);
        // Outside a string only: before the first straight quote of the line.
        let unquoted = code.split(['"', '\'']).next().unwrap_or(code);
        let found = TYPED.iter().find(|(c, _, _)| unquoted.contains(*c));
        let (message, hint) = if let Some(&(c, id, hint)) = found {
            let col = code.chars().position(|x| x == c).unwrap_or(0) + 1;
            let args = vec![("line", Arg::from(n)), ("code", Arg::from(format!("U+{:04X}", c as u32)))];
            let d = Diagnostic::error(path, Msg::new(id, args)).at(source, n, col).hint(Msg::new(hint, Vec::new()));
            return Some(d);
        } else if format == Format::Yaml
            && line.starts_with(['\t', ' '])
            && line.trim_start_matches(' ').starts_with('\t')
        {
            (crate::msg!("fm-yaml-tab", line = n), crate::msg!("fm-yaml-tab-hint"))
        } else if format == Format::Toml && bare_vietnamese_date(code) {
            (crate::msg!("fm-bare-date", line = n), crate::msg!("fm-bare-date-hint"))
        } else {
            continue;
        };
        return Some(Diagnostic::error(path, message).at(source, n, 1).hint(hint));
    }
    None
}

/// `key = 30/12/2023` (or with `-` or `.`): a date in day-month-year order without quotes.
fn bare_vietnamese_date(line: &str) -> bool {
    let Some((_, value)) = line.split_once('=') else { return false };
    let v = value.trim();
    let parts: Vec<&str> = v.split(['/', '-', '.']).collect();
    parts.len() == 3
        && parts[0].len() <= 2
        && parts[2].len() == 4
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn parse_toml(raw: &str) -> Result<Map<String, Value>, (String, usize)> {
    let table: toml::Table = toml::from_str(raw).map_err(|e| {
        let off = e.span().map_or(0, |s| s.start);
        (e.message().trim().to_owned(), off)
    })?;
    Ok(table.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => float(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}

/// A float of the front matter. JSON has no NaN or infinity: they stay as
/// their text ("NaN", "inf"), which every typed reader refuses with an error
/// at the key, instead of becoming null (read as "not given").
fn float(f: f64) -> Value {
    serde_json::Number::from_f64(f).map_or_else(|| Value::String(f.to_string()), Value::Number)
}

fn parse_yaml(raw: &str) -> Result<Map<String, Value>, (String, usize, usize)> {
    if raw.trim().is_empty() {
        return Ok(Map::new());
    }
    let value: serde_norway::Value = serde_norway::from_str(raw).map_err(|e| {
        let (line, col) = e.location().map_or((1, 0), |l| (l.line(), l.column()));
        (e.to_string(), line, col)
    })?;
    match yaml_to_json(value) {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err((crate::t!("fm-yaml-not-mapping"), 1, 1)),
    }
}

fn yaml_to_json(v: serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else {
                n.as_f64().map_or(Value::Null, float)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(s) => Value::Array(s.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Y::String(s) => s,
                        other => serde_norway::to_string(&other).unwrap_or_default().trim().to_owned(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_typed_character_has_its_message_and_hint() {
        for (_, id, hint) in TYPED {
            assert!(crate::i18n::has(id) && crate::i18n::has(hint), "{id}, {hint}");
        }
    }

    #[test]
    fn toml_and_yaml_give_the_same_tree() {
        let t = "+++\ntitle = \"Đồng bào\"\ndate = 2022-09-16\ntags = [\"a\"]\n+++\nBody";
        let y = "---\ntitle: Đồng bào\ndate: 2022-09-16\ntags: [a]\n---\nBody";
        let pt = parse(Path::new("t.md"), t).unwrap();
        let py = parse(Path::new("y.md"), y).unwrap();
        assert_eq!(pt.data, py.data);
        assert_eq!(pt.body, "Body");
        assert_eq!(pt.body_line, 6);
    }

    #[test]
    fn key_lines_are_file_lines() {
        let t = "+++\ntitle = \"A\"\ncampaigns = [\"x\"]\n[[indicators]]\nname = \"n\"\n+++\n";
        let p = parse(Path::new("t.md"), t).unwrap();
        assert_eq!(p.key_line("title"), 2);
        assert_eq!(p.key_line("campaigns"), 3);
        assert_eq!(p.key_line("indicators"), 4);
        assert_eq!(p.key_line("missing"), 0);
        let all = p.key_lines();
        for key in ["title", "campaigns", "indicators", "name"] {
            assert_eq!(all[key], p.key_line(key), "{key}");
        }
    }

    #[test]
    fn toml_error_points_at_the_line() {
        let t = "+++\ntitle = \"A\"\ndate = hôm nay\n+++\n";
        let d = parse(Path::new("t.md"), t).unwrap_err();
        assert_eq!(d.line, 3, "{d}");
        assert_eq!(d.id, "fm-invalid-toml", "{d}");
    }

    #[test]
    fn yaml_error_points_at_the_line() {
        let y = "---\ntitle: A\ntags: [a, b\n---\n";
        let d = parse(Path::new("y.md"), y).unwrap_err();
        assert!(d.line >= 3, "{d}");
    }

    #[test]
    fn word_typing_gets_its_own_message() {
        use crate::i18n::{tr_in, Arg, Lang};
        let both = |id: &str, line: usize, code: &str| {
            let args: Vec<(&str, Arg)> = vec![("line", line.into()), ("code", code.into())];
            [tr_in(Lang::Vi, id, &args), tr_in(Lang::En, id, &args)]
        };
        let cases = [
            ("+++\ntitle = \u{201C}Lễ hội\u{201D}\n+++\n", "fm-curly-quote", 2, "U+201C"),
            ("+++\ntitle = \u{2018}Lễ hội\u{2019}\n+++\n", "fm-curly-apostrophe", 2, "U+2018"),
            ("+++\ntitle = \"A\"\ndate\u{00A0}= 2024-01-02\n+++\n", "fm-nbsp", 3, "U+00A0"),
        ];
        for (text, id, line, code) in cases {
            let d = parse(Path::new("t.md"), text).unwrap_err();
            assert!(both(id, line, code).contains(&d.message), "{id}: {}", d.message);
            assert_eq!(d.line, line);
            assert!(d.hint.is_some());
        }
        let d = parse(Path::new("y.md"), "---\ntitle: A\ntags:\n\t- a\n---\n").unwrap_err();
        let args: Vec<(&str, Arg)> = vec![("line", 4usize.into())];
        assert!(
            [tr_in(Lang::Vi, "fm-yaml-tab", &args), tr_in(Lang::En, "fm-yaml-tab", &args)].contains(&d.message),
            "{}",
            d.message
        );
        let d = parse(Path::new("t.md"), "+++\ntitle = \"A\"\ndate = 30/12/2023\n+++\n").unwrap_err();
        let args: Vec<(&str, Arg)> = vec![("line", 3usize.into())];
        assert!(
            [tr_in(Lang::Vi, "fm-bare-date", &args), tr_in(Lang::En, "fm-bare-date", &args)].contains(&d.message),
            "{}",
            d.message
        );
        // inside a properly quoted value, curly quotes are text
        assert!(parse(Path::new("t.md"), "+++\ntitle = \"Lễ \u{201C}hội\u{201D}\"\n+++\n").is_ok());
    }

    #[test]
    fn missing_fence_has_a_hint() {
        let d = parse(Path::new("x.md"), "title = \"A\"\n").unwrap_err();
        assert_eq!(d.id, "fm-missing", "{d}");
        assert!(d.hint.unwrap().contains("+++"));
        let d = parse(Path::new("x.md"), "+++\ntitle = \"A\"\n").unwrap_err();
        assert_eq!(d.id, "fm-not-closed", "{d}");
    }
}
