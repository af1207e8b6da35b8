//! Applying a submitted form to a record file without losing anything: TOML
//! front matter is edited as a document (`toml_edit`), so key order, comments
//! and unknown keys stay as they were, and a key whose form value did not
//! change is not touched at all; the body is kept byte for byte unless it was
//! edited. A YAML file is converted to TOML only when the user asked for it.

use super::http::Form;
use super::indicators::{indicators_from_form, indicators_of, write_indicators};
use crate::content::frontmatter::{self, Format};
use crate::content::schema::{self, Field, Widget};
use crate::content::Kind;
use crate::date::PartialDate;
use serde_json::Value;
use sha2::Digest;
use std::path::Path;
use toml_edit::{DocumentMut, Item, Table};

/// Why a form could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ApplyError {
    /// The file's front matter cannot be read (its diagnostic).
    Unreadable(String),
    /// A YAML file whose fields changed, without the user's agreement to convert it.
    NeedsConversion,
}

/// The hex SHA-256 of a file's bytes: the version a form was opened at.
pub(crate) fn version(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A file split around its front matter.
struct Split<'a> {
    format: Format,
    /// Up to and including the opening fence line.
    head: &'a str,
    raw: &'a str,
    /// The closing fence line.
    fence: &'a str,
    body: &'a str,
    data: serde_json::Map<String, Value>,
}

fn split<'a>(text: &'a str) -> Result<Split<'a>, ApplyError> {
    let p = frontmatter::parse(Path::new("x.md"), text).map_err(|d| ApplyError::Unreadable(d.message))?;
    let off = |s: &str| s.as_ptr() as usize - text.as_ptr() as usize;
    let (raw_start, body_start) = (off(p.raw), off(p.body));
    let raw_end = raw_start + p.raw.len();
    Ok(Split {
        format: p.format,
        head: &text[..raw_start],
        raw: p.raw,
        fence: &text[raw_end..body_start],
        body: p.body,
        data: p.data,
    })
}

/// How a value is shown in its form field (and compared with what was submitted).
pub(crate) fn form_value(widget: Widget, v: Option<&Value>) -> String {
    let Some(v) = v else { return String::new() };
    let scalar = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    match (widget, v) {
        (Widget::Date | Widget::YearOrDate, Value::String(s)) => match PartialDate::parse(s) {
            Ok(d) => d.short_vi(),
            Err(_) => s.clone(),
        },
        (Widget::Bool, Value::Bool(b)) => {
            if *b {
                "true".into()
            } else {
                String::new()
            }
        }
        (w, Value::Array(items)) if w.is_list() => items.iter().map(scalar).collect::<Vec<_>>().join("\n"),
        (_, v) => scalar(v),
    }
}

/// A list's items as submitted: one per line (and per comma for tags).
pub(crate) fn list_items(widget: Widget, submitted: &str) -> Vec<String> {
    let seps: &[char] = if widget == Widget::Tags { &['\n', ',', ';'] } else { &['\n'] };
    let mut out: Vec<String> = Vec::new();
    for item in submitted.split(seps).map(|s| crate::text::nfc(s.trim())).filter(|s| !s.is_empty()) {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// Normalises a submitted value to the form it is compared in (and shown again).
pub(crate) fn normalise(field: &Field, submitted: &str) -> String {
    let s = submitted.replace("\r\n", "\n");
    match field.widget {
        w if w.is_list() => list_items(w, &s).join("\n"),
        Widget::Date | Widget::YearOrDate => match PartialDate::parse(s.trim()) {
            Ok(d) => d.short_vi(),
            Err(_) => s.trim().to_owned(),
        },
        Widget::Bool => {
            if s.trim().is_empty() || s.trim() == "false" {
                String::new()
            } else {
                "true".into()
            }
        }
        Widget::LongText => s.trim().to_owned(),
        _ if field.key == "title" => crate::scaffold::one_line(&s),
        _ => crate::text::nfc(s.trim()),
    }
}

/// The TOML value written for a normalised, non-empty submitted value.
fn toml_value(field: &Field, v: &str) -> toml_edit::Value {
    match field.widget {
        w if w.is_list() => {
            let mut a = toml_edit::Array::new();
            for item in v.split('\n') {
                a.push(item);
            }
            toml_edit::Value::Array(a)
        }
        Widget::Date | Widget::YearOrDate => match PartialDate::parse(v) {
            Ok(d) if d.month.is_none() && field.widget == Widget::YearOrDate => {
                toml_edit::Value::from(i64::from(d.year))
            }
            Ok(d) if d.is_full() => d
                .iso()
                .parse::<toml_edit::Datetime>()
                .map_or_else(|_| toml_edit::Value::from(d.iso()), toml_edit::Value::from),
            Ok(d) => toml_edit::Value::from(d.iso()),
            Err(_) => toml_edit::Value::from(v),
        },
        Widget::Bool => toml_edit::Value::from(true),
        Widget::Year => v.parse::<i64>().map_or_else(|_| toml_edit::Value::from(v), toml_edit::Value::from),
        _ => toml_edit::Value::from(v),
    }
}

/// Removes `key`, handing the comment lines written above it to the key that follows.
pub(super) fn remove_keeping_comments(t: &mut Table, key: &str) {
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_owned()).collect();
    let Some(i) = keys.iter().position(|k| k == key) else { return };
    let prefix = t.key(key).and_then(|k| k.leaf_decor().prefix()).and_then(|p| p.as_str()).map(str::to_owned);
    t.remove(key);
    let (Some(prefix), Some(next)) = (prefix.filter(|p| p.contains('#')), keys.get(i + 1)) else { return };
    if let Some(mut k) = t.key_mut(next) {
        let old = k.leaf_decor().prefix().and_then(|p| p.as_str()).unwrap_or("").to_owned();
        k.leaf_decor_mut().set_prefix(format!("{prefix}{old}"));
    }
}

/// Sets `key` to `value`, keeping the key's place, the comments above it and the one after its value.
pub(super) fn set_keeping_comments(t: &mut Table, key: &str, value: toml_edit::Value) {
    match t.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) => {
            let decor = old.decor().clone();
            *old = value;
            *old.decor_mut() = decor;
        }
        None => {
            t.insert(key, toml_edit::value(value));
        }
    }
}

/// The fields the form showed (listed in its hidden `_fields`), with their schema entries.
fn shown(kind: Kind, form: &Form) -> Vec<&'static Field> {
    let listed: Vec<&str> = form.get("_fields").split([',', '\n']).map(str::trim).collect();
    schema::fields(kind).iter().filter(|f| listed.contains(&f.key)).collect()
}

/// The keys whose submitted value differs from the file's.
fn changed(kind: Kind, form: &Form, data: &serde_json::Map<String, Value>) -> Vec<(&'static Field, String)> {
    shown(kind, form)
        .into_iter()
        .filter(|f| f.widget != Widget::Indicators)
        .filter_map(|f| {
            let new = normalise(f, form.get(f.key));
            let old = normalise(f, &form_value(f.widget, data.get(f.key)));
            (new != old).then_some((f, new))
        })
        .collect()
}

fn json_to_toml(v: &Value) -> Option<toml_edit::Value> {
    Some(match v {
        Value::Null => return None,
        Value::Bool(b) => toml_edit::Value::from(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml_edit::Value::from(i),
            None => toml_edit::Value::from(n.as_f64()?),
        },
        Value::String(s) => toml_edit::Value::from(s.as_str()),
        Value::Array(a) => toml_edit::Value::Array(a.iter().filter_map(json_to_toml).collect()),
        Value::Object(m) => {
            let mut t = toml_edit::InlineTable::new();
            for (k, v) in m {
                if let Some(v) = json_to_toml(v) {
                    t.insert(k, v);
                }
            }
            toml_edit::Value::InlineTable(t)
        }
    })
}

/// The TOML document a YAML front matter becomes.
fn from_yaml(data: &serde_json::Map<String, Value>) -> DocumentMut {
    let mut doc = DocumentMut::new();
    for (k, v) in data {
        if let Some(v) = json_to_toml(v) {
            doc.insert(k, toml_edit::value(v));
        }
    }
    doc
}

/// The body as submitted, with the browser's line ends made `\n`.
pub(crate) fn submitted_body(form: &Form) -> String {
    form.get("body").replace("\r\n", "\n")
}

/// The new text of a record file: `text` with the form's changes applied.
/// `extra_body` (Markdown for uploaded photos) is appended to the body.
pub(crate) fn apply(
    kind: Kind,
    text: &str,
    form: &Form,
    convert: bool,
    extra_body: &str,
) -> Result<String, ApplyError> {
    let s = split(text)?;
    let edits = changed(kind, form, &s.data);
    let indicators = shown(kind, form)
        .iter()
        .any(|f| f.widget == Widget::Indicators)
        .then(|| indicators_from_form(form))
        .filter(|new| *new != indicators_of(s.data.get("indicators")));
    let new_body = submitted_body(form) + extra_body;
    let body = if new_body == s.body.replace("\r\n", "\n") { s.body.to_owned() } else { new_body };
    let (head, raw, fence) = match s.format {
        Format::Yaml if edits.is_empty() && indicators.is_none() => {
            return Ok(format!("{}{}{}{body}", s.head, s.raw, s.fence))
        }
        Format::Yaml if !convert => return Err(ApplyError::NeedsConversion),
        Format::Yaml => ("+++\n".to_owned(), from_yaml(&s.data).to_string(), "+++\n".to_owned()),
        Format::Toml => (s.head.to_owned(), s.raw.to_owned(), s.fence.to_owned()),
    };
    if edits.is_empty() && indicators.is_none() {
        return Ok(format!("{head}{raw}{fence}{body}"));
    }
    let mut doc: DocumentMut =
        raw.parse().map_err(|e: toml_edit::TomlError| ApplyError::Unreadable(e.message().to_owned()))?;
    for (f, value) in edits {
        if value.is_empty() {
            remove_keeping_comments(doc.as_table_mut(), f.key);
        } else {
            set_keeping_comments(doc.as_table_mut(), f.key, toml_value(f, &value));
        }
    }
    if let Some(rows) = &indicators {
        write_indicators(&mut doc, rows);
    }
    let mut raw = doc.to_string();
    if !raw.is_empty() && !raw.ends_with('\n') {
        raw.push('\n');
    }
    Ok(format!("{head}{raw}{fence}{body}"))
}

/// Each schema key with the value its form field shows.
pub(crate) type FieldValues = Vec<(&'static Field, String)>;

/// The values a form shows for `text`: each schema key's form value, and the body.
pub(crate) fn values(kind: Kind, text: &str) -> Result<(FieldValues, String, Format), ApplyError> {
    let s = split(text)?;
    let fields = schema::fields(kind).iter().map(|f| (f, form_value(f.widget, s.data.get(f.key)))).collect();
    Ok((fields, s.body.to_owned(), s.format))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Form {
        let mut f = Form::default();
        for (k, v) in pairs {
            f.fields.insert((*k).to_owned(), (*v).to_owned());
        }
        f
    }

    const NEWS: &str = "+++\n# Tin của phòng Tuyên truyền\ntitle = \"Tin cũ\" # tiêu đề\ndate = 2024-05-20\nextra = \"giữ\"   # khoá lạ\n# ghi chú trước tags\ntags = [\"a\"]\ndraft = true\n+++\n\nThân  bài\r\ngiữ nguyên.\n";

    #[test]
    fn an_unchanged_form_gives_the_same_bytes() {
        let f = form(&[
            ("_fields", "title,date,tags,draft,summary"),
            ("title", "Tin cũ"),
            ("date", "20/05/2024"),
            ("tags", "a"),
            ("draft", "true"),
            ("body", "\nThân  bài\r\ngiữ nguyên.\n"),
        ]);
        assert_eq!(apply(Kind::News, NEWS, &f, false, "").unwrap(), NEWS);
    }

    #[test]
    fn edits_keep_order_comments_and_unknown_keys() {
        let f = form(&[
            ("_fields", "title,date,tags,draft,summary"),
            ("title", "Tin mới"),
            ("date", "21/05/2024"),
            ("tags", "a, b"),
            ("draft", ""),
            ("summary", "Tóm tắt"),
            ("body", "\nThân  bài\r\ngiữ nguyên.\n"),
        ]);
        let out = apply(Kind::News, NEWS, &f, false, "").unwrap();
        assert!(out.contains("# Tin của phòng Tuyên truyền\ntitle = \"Tin mới\" # tiêu đề\n"), "{out}");
        assert!(out.contains("date = 2024-05-21\n"), "{out}");
        assert!(out.contains("extra = \"giữ\"   # khoá lạ\n# ghi chú trước tags\ntags = [\"a\", \"b\"]"), "{out}");
        assert!(!out.contains("draft"), "{out}");
        assert!(out.contains("summary = \"Tóm tắt\""), "{out}");
        assert!(out.ends_with("+++\n\nThân  bài\r\ngiữ nguyên.\n"), "{out}");
    }

    #[test]
    fn a_removed_key_hands_its_comment_on() {
        let f = form(&[("_fields", "tags"), ("tags", ""), ("body", "\nThân  bài\ngiữ nguyên.\n")]);
        let out = apply(Kind::News, NEWS, &f, false, "").unwrap();
        assert!(out.contains("# ghi chú trước tags\ndraft = true"), "{out}");
    }

    #[test]
    fn indicators_are_edited_in_place_keeping_their_comments() {
        let t = "+++\ntitle = \"P\"\n\n# chỉ tiêu chính\n[[indicators]] # một\nname = \"Hộ thoát nghèo\"\nunit = \"hộ\" # đơn vị\nvalues = [{ period = \"2022\", value = 12 }]\n+++\nB\n";
        let same = form(&[
            ("_fields", "indicators"),
            ("indicators.0.name", "Hộ thoát nghèo"),
            ("indicators.0.unit", "hộ"),
            ("indicators.0.target", ""),
            ("indicators.0.period", "2022\n"),
            ("indicators.0.value", "12\n"),
            ("indicators.1.name", ""),
            ("body", "B\n"),
        ]);
        assert_eq!(apply(Kind::Campaign, t, &same, false, "").unwrap(), t, "unchanged rows touch nothing");
        let more = form(&[
            ("_fields", "indicators"),
            ("indicators.0.name", "Hộ thoát nghèo"),
            ("indicators.0.unit", "hộ"),
            ("indicators.0.target", "1.000"),
            ("indicators.0.period", "2022\n2023"),
            ("indicators.0.value", "12\n20,5"),
            ("indicators.1.name", "Nhà văn hoá"),
            ("indicators.1.unit", "nhà"),
            ("indicators.1.period", "2023"),
            ("indicators.1.value", "3"),
            ("body", "B\n"),
        ]);
        let out = apply(Kind::Campaign, t, &more, false, "").unwrap();
        assert!(
            out.contains("# chỉ tiêu chính\n[[indicators]] # một\nname = \"Hộ thoát nghèo\"\nunit = \"hộ\" # đơn vị\n"),
            "{out}"
        );
        assert!(
            out.contains("values = [{ period = \"2022\", value = 12 }, { period = \"2023\", value = 20.5 }]"),
            "{out}"
        );
        assert!(out.contains("target = 1000"), "{out}");
        assert!(out.contains("name = \"Nhà văn hoá\""), "{out}");
        let parsed = crate::content::frontmatter::parse(Path::new("x.md"), &out).unwrap();
        assert_eq!(indicators_of(parsed.data.get("indicators")).len(), 2);
    }

    #[test]
    fn yaml_is_converted_only_when_asked() {
        let y = "---\ntitle: Trang\n---\nThân\n";
        let same = form(&[("_fields", "title"), ("title", "Trang"), ("body", "Thân\r\nmới\n")]);
        assert_eq!(apply(Kind::Page, y, &same, false, "").unwrap(), "---\ntitle: Trang\n---\nThân\nmới\n");
        let edit = form(&[("_fields", "title"), ("title", "Trang khác"), ("body", "Thân\n")]);
        assert_eq!(apply(Kind::Page, y, &edit, false, ""), Err(ApplyError::NeedsConversion));
        assert_eq!(apply(Kind::Page, y, &edit, true, "").unwrap(), "+++\ntitle = \"Trang khác\"\n+++\nThân\n");
    }
}
