//! Typed reading of front matter keys, with a diagnostic for every missing key,
//! wrong type or bad value — each pointing at the key's line.

use crate::date::PartialDate;
use crate::diagnostics::Diagnostic;
use crate::i18n::{Lang, Msg};
use crate::msg;
use crate::text::nfc;
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

/// Unknown keys warned about one by one in a file; the rest are counted.
pub(crate) const UNKNOWN_SHOWN: usize = 10;

/// A count written the way the current language groups thousands:
/// `49.990` in Vietnamese, `49,990` in English.
fn shown_count(n: usize) -> String {
    let sep = if Lang::current() == Lang::En { ',' } else { '.' };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Reads keys from one record's front matter, collecting diagnostics.
pub(crate) struct Fields<'a> {
    path: &'a Path,
    text: &'a str,
    data: &'a Map<String, Value>,
    key_line: &'a dyn Fn(&str) -> usize,
    used: BTreeSet<&'static str>,
    /// Everything found wrong so far.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    /// A reader over `data`; `key_line` maps a key to its file line.
    pub(crate) fn new(
        path: &'a Path,
        text: &'a str,
        data: &'a Map<String, Value>,
        key_line: &'a dyn Fn(&str) -> usize,
    ) -> Self {
        Fields { path, text, data, key_line, used: BTreeSet::new(), diagnostics: Vec::new() }
    }

    fn raw(&mut self, key: &'static str) -> Option<&'a Value> {
        self.used.insert(key);
        self.data.get(key).filter(|v| !v.is_null())
    }

    /// An error at `key`'s line.
    pub(crate) fn error(&mut self, key: &str, message: Msg, hint: Msg) {
        let line = (self.key_line)(key);
        let column = self.column_of(line, key);
        self.diagnostics.push(Diagnostic::error(self.path, message).at(self.text, line, column).hint(hint));
    }

    /// A warning at `key`'s line.
    pub(crate) fn warn(&mut self, key: &str, message: Msg, hint: Msg) {
        let line = (self.key_line)(key);
        let column = self.column_of(line, key);
        self.diagnostics.push(Diagnostic::warning(self.path, message).at(self.text, line, column).hint(hint));
    }

    fn column_of(&self, line: usize, key: &str) -> usize {
        self.text.lines().nth(line.wrapping_sub(1)).and_then(|l| l.find(key)).map_or(1, |b| b + 1)
    }

    /// `expected` selects the wording in the catalogue: `text`, `list`, `bool`, `int` or `date`.
    fn wrong_type(&mut self, key: &'static str, expected: &'static str, example: &str) {
        self.error(
            key,
            msg!("field-wrong-type", key = key, expected = expected),
            msg!("field-write-like", example = example),
        );
    }

    /// A required text value.
    pub(crate) fn required_str(&mut self, key: &'static str, example: &str) -> Option<String> {
        if self.raw(key).is_none() {
            let d = Diagnostic::error(self.path, msg!("field-missing", key = key))
                .at(self.text, 1, 1)
                .hint(msg!("field-missing-hint", example = example));
            self.diagnostics.push(d);
            return None;
        }
        self.string(key, example).filter(|s| !s.is_empty()).or_else(|| {
            self.error(key, msg!("field-empty", key = key), msg!("field-empty-hint"));
            None
        })
    }

    /// An optional text value (numbers are accepted and written as text).
    pub(crate) fn string(&mut self, key: &'static str, example: &str) -> Option<String> {
        match self.raw(key)? {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(nfc(s.trim())),
            Value::Number(n) => Some(n.to_string()),
            _ => {
                self.wrong_type(key, "text", example);
                None
            }
        }
    }

    /// A list of text values; a single text value is taken as a list of one.
    pub(crate) fn string_list(&mut self, key: &'static str) -> Vec<String> {
        match self.raw(key) {
            None => Vec::new(),
            Some(Value::String(s)) => vec![nfc(s.trim())],
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        Value::String(s) => out.push(nfc(s.trim())),
                        Value::Number(n) => out.push(n.to_string()),
                        _ => {
                            self.wrong_type(key, "list", &format!("{key} = [\"a\", \"b\"]"));
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(_) => {
                self.wrong_type(key, "list", &format!("{key} = [\"a\", \"b\"]"));
                Vec::new()
            }
        }
    }

    /// A boolean, false when absent.
    pub(crate) fn bool(&mut self, key: &'static str) -> bool {
        match self.raw(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.wrong_type(key, "bool", &format!("{key} = true"));
                false
            }
        }
    }

    /// A whole number.
    pub(crate) fn int(&mut self, key: &'static str, example: &str) -> Option<i64> {
        match self.raw(key)? {
            Value::Number(n) if n.is_i64() => n.as_i64(),
            Value::String(s) if s.trim().parse::<i64>().is_ok() => s.trim().parse().ok(),
            _ => {
                self.wrong_type(key, "int", example);
                None
            }
        }
    }

    /// A whole number that must lie in `range` (a year, a count): a value
    /// outside it is an error at the key's line, never wrapped or clamped.
    pub(crate) fn int_in(
        &mut self,
        key: &'static str,
        example: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let v = self.int(key, example)?;
        if range.contains(&v) {
            return Some(v);
        }
        self.error(
            key,
            msg!("field-out-of-range", key = key, value = v, min = *range.start(), max = *range.end()),
            msg!("field-check-number", example = example),
        );
        None
    }

    /// A date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as a string, a TOML/YAML date, or a bare year number.
    pub(crate) fn date(&mut self, key: &'static str) -> Option<PartialDate> {
        let parsed = match self.raw(key)? {
            Value::String(s) => PartialDate::parse(s),
            Value::Number(n) if n.is_i64() => PartialDate::parse(&n.to_string()),
            _ => {
                self.error(key, msg!("field-wrong-type", key = key, expected = "date"), msg!("field-date-hint"));
                return None;
            }
        };
        parsed
            .map_err(|why| self.error(key, msg!("field-bad-date", key = key, why = why), msg!("field-date-hint")))
            .ok()
    }

    /// The raw value of a structured key (indicators), marking it used.
    pub(crate) fn value(&mut self, key: &'static str) -> Option<&'a Value> {
        self.raw(key)
    }

    /// Warns about keys nobody read, suggesting the closest known key; at
    /// most [`UNKNOWN_SHOWN`] of them, then one warning that counts the rest.
    pub(crate) fn warn_unknown(&mut self) {
        let unknown: Vec<&String> = self.data.keys().filter(|k| !self.used.contains(k.as_str())).collect();
        if unknown.len() > UNKNOWN_SHOWN {
            let rest = unknown.len() - UNKNOWN_SHOWN;
            let d = Diagnostic::warning(self.path, msg!("field-unknown-more", shown = shown_count(rest)))
                .hint(msg!("field-unknown-more-hint"));
            self.diagnostics.push(d);
        }
        for key in unknown.into_iter().take(UNKNOWN_SHOWN) {
            let suggestion = self.used.iter().map(|k| (strsim::levenshtein(k, key), *k)).filter(|(d, _)| *d <= 2).min();
            let hint = match suggestion {
                Some((_, k)) => msg!("field-did-you-mean", key = k),
                None => msg!("field-unknown-hint"),
            };
            self.warn(key, msg!("field-unknown", key = key.as_str()), hint);
        }
    }
}
