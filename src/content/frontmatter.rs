//! Splits a record into front matter and body, and parses the front matter —
//! TOML between `+++` lines or YAML between `---` lines — into one generic tree.
//!
//! Both formats become a `serde_json` map (TOML dates become strings), so the
//! typed readers in [`super::fields`] do not care which format a file used.

use crate::diagnostics::Diagnostic;
use serde_json::{Map, Value};
use std::path::Path;

/// The front matter format a file used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `+++` fences.
    Toml,
    /// `---` fences.
    Yaml,
}

/// A parsed record file.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// Which fence the file used.
    pub format: Format,
    /// The front matter keys and values.
    pub data: Map<String, Value>,
    /// The front matter text (between the fences).
    pub raw: &'a str,
    /// 1-based file line of the first front matter line.
    pub first_line: usize,
    /// The Markdown body.
    pub body: &'a str,
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
    pub fn key_lines(&self) -> std::collections::HashMap<&'a str, usize> {
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
            return Err(Diagnostic::error(path, "the file does not start with front matter")
                .at(source, 1, 1)
                .hint("start the file with a line `+++`, then `title = \"…\"` and the other keys, then a closing `+++` line (or use `---` fences for YAML)"))
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
        return Err(Diagnostic::error(path, format!("the front matter is never closed: no second `{fence}` line"))
            .at(source, 1, 1)
            .hint(format!("add a line containing only `{fence}` after the last key")));
    };
    let raw = &src[after_open..raw_end];
    let body = &src[body_start..];
    let first_line = 2;
    let body_line = src[..body_start].matches('\n').count() + 1;
    let data = match format {
        Format::Toml => parse_toml(raw).map_err(|(msg, off)| {
            Diagnostic::error(path, format!("invalid TOML front matter: {msg}"))
                .at_offset(source, bom + after_open + off)
                .hint("values need quotes (`title = \"…\"`), lists use brackets (`tags = [\"a\", \"b\"]`)")
        })?,
        Format::Yaml => parse_yaml(raw).map_err(|(msg, line, col)| {
            Diagnostic::error(path, format!("invalid YAML front matter: {msg}"))
                .at(source, line + first_line - 1, col)
                .hint(
                    "write `key: value`, one per line; quote values that contain `:` or start with a special character",
                )
        })?,
    };
    Ok(Parsed { format, data, raw, first_line, body, body_line })
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
        _ => Err(("the front matter must be a list of `key: value` lines".into(), 1, 1)),
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
        assert!(d.message.contains("invalid TOML"));
    }

    #[test]
    fn yaml_error_points_at_the_line() {
        let y = "---\ntitle: A\ntags: [a, b\n---\n";
        let d = parse(Path::new("y.md"), y).unwrap_err();
        assert!(d.line >= 3, "{d}");
    }

    #[test]
    fn missing_fence_has_a_hint() {
        let d = parse(Path::new("x.md"), "title = \"A\"\n").unwrap_err();
        assert!(d.hint.unwrap().contains("+++"));
        let d = parse(Path::new("x.md"), "+++\ntitle = \"A\"\n").unwrap_err();
        assert!(d.message.contains("never closed"));
    }
}
