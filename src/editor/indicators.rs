//! A campaign's indicators as the form edits them: each indicator's name,
//! unit and target with its rows of period and value, read from the front
//! matter, read back from the form (numbers typed the Vietnamese way), and
//! written into the TOML document table by table, keeping comments.

use super::http::Form;
use super::save::{remove_keeping_comments, set_keeping_comments};
use serde_json::Value;
use toml_edit::{DocumentMut, Item, Table};

/// One indicator as the form shows it: every number as text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct IndicatorRow {
    /// What is measured.
    pub(crate) name: String,
    pub(crate) unit: String,
    /// The target, or "".
    pub(crate) target: String,
    /// (period, value) rows.
    pub(crate) values: Vec<(String, String)>,
}

fn number_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.trim().to_owned(),
        _ => String::new(),
    }
}

/// A number typed in the form the Vietnamese way (`1.000` is a thousand,
/// `20,5` is twenty and a half), as the reader reads numbers (`1000`, `20.5`).
fn normal_number(s: &str) -> String {
    let t = s.trim().replace([' ', '\u{a0}'], "");
    let (int, frac) = t.split_once(',').unwrap_or((&t, ""));
    let groups: Vec<&str> = int.split('.').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    let plain = if thousands {
        format!("{}{}{frac}", groups.concat(), if frac.is_empty() { "" } else { "." })
    } else {
        t.replace(',', ".")
    };
    match plain.parse::<f64>() {
        Ok(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        Ok(f) => f.to_string(),
        Err(_) => t,
    }
}

/// The indicators of a front matter value.
pub(crate) fn indicators_of(v: Option<&Value>) -> Vec<IndicatorRow> {
    let Some(Value::Array(items)) = v else { return Vec::new() };
    items
        .iter()
        .filter_map(Value::as_object)
        .map(|m| IndicatorRow {
            name: m.get("name").and_then(Value::as_str).unwrap_or("").trim().to_owned(),
            unit: m.get("unit").and_then(Value::as_str).unwrap_or("").trim().to_owned(),
            target: normal_number(&number_text(m.get("target"))),
            values: match m.get("values") {
                Some(Value::Array(vs)) => vs
                    .iter()
                    .filter_map(Value::as_object)
                    .map(|r| {
                        let period = match r.get("period") {
                            Some(Value::String(s)) => s.trim().to_owned(),
                            other => number_text(other),
                        };
                        (period, normal_number(&number_text(r.get("value"))))
                    })
                    .collect(),
                _ => Vec::new(),
            },
        })
        .collect()
}

/// The indicators the form submitted (`indicators.<i>.name`, `.unit`, `.target`,
/// and repeated `.period` / `.value` rows); blank indicators and rows are dropped.
pub(crate) fn indicators_from_form(form: &Form) -> Vec<IndicatorRow> {
    let mut out = Vec::new();
    for i in 0.. {
        let key = |k: &str| format!("indicators.{i}.{k}");
        if !form.fields.contains_key(&key("name")) {
            break;
        }
        let periods: Vec<&str> = form.get(&key("period")).split('\n').collect();
        let values: Vec<&str> = form.get(&key("value")).split('\n').collect();
        let rows = periods
            .iter()
            .zip(values.iter().chain(std::iter::repeat(&"")))
            .map(|(p, v)| (p.trim().to_owned(), normal_number(v)))
            .filter(|(p, v)| !p.is_empty() || !v.is_empty())
            .collect();
        let row = IndicatorRow {
            name: crate::text::nfc(form.get(&key("name")).trim()),
            unit: crate::text::nfc(form.get(&key("unit")).trim()),
            target: normal_number(form.get(&key("target"))),
            values: rows,
        };
        if !(row.name.is_empty() && row.unit.is_empty() && row.target.is_empty() && row.values.is_empty()) {
            out.push(row);
        }
    }
    out
}

/// Rows as the JSON a front matter value would be, for showing them in a form again.
pub(crate) fn indicators_json(rows: &[IndicatorRow]) -> String {
    let items: Vec<Value> = rows
        .iter()
        .map(|r| {
            let values: Vec<Value> =
                r.values.iter().map(|(p, v)| serde_json::json!({ "period": p, "value": v })).collect();
            serde_json::json!({ "name": r.name, "unit": r.unit, "target": r.target, "values": values })
        })
        .collect();
    Value::Array(items).to_string()
}

fn number_value(s: &str) -> toml_edit::Value {
    if let Ok(i) = s.parse::<i64>() {
        return toml_edit::Value::from(i);
    }
    match s.parse::<f64>() {
        Ok(f) => toml_edit::Value::from(f),
        Err(_) => toml_edit::Value::from(s),
    }
}

/// Writes `rows` into the document's `indicators`, updating each existing
/// table in place (its comments and other keys stay) and adding or removing
/// tables at the end.
pub(super) fn write_indicators(doc: &mut DocumentMut, rows: &[IndicatorRow]) {
    let values_of = |r: &IndicatorRow| {
        let mut a = toml_edit::Array::new();
        for (p, v) in &r.values {
            let mut t = toml_edit::InlineTable::new();
            t.insert("period", toml_edit::Value::from(p.as_str()));
            t.insert("value", number_value(v));
            a.push(toml_edit::Value::InlineTable(t));
        }
        toml_edit::Value::Array(a)
    };
    let fill = |t: &mut Table, r: &IndicatorRow| {
        set_keeping_comments(t, "name", toml_edit::Value::from(r.name.as_str()));
        if r.unit.is_empty() {
            remove_keeping_comments(t, "unit");
        } else {
            set_keeping_comments(t, "unit", toml_edit::Value::from(r.unit.as_str()));
        }
        if r.target.is_empty() {
            remove_keeping_comments(t, "target");
        } else {
            set_keeping_comments(t, "target", number_value(&r.target));
        }
        set_keeping_comments(t, "values", values_of(r));
    };
    if rows.is_empty() {
        doc.remove("indicators");
        return;
    }
    match doc.get_mut("indicators") {
        Some(Item::ArrayOfTables(aot)) => {
            while aot.len() > rows.len() {
                aot.remove(aot.len() - 1);
            }
            for (i, r) in rows.iter().enumerate() {
                match aot.get_mut(i) {
                    Some(t) => fill(t, r),
                    None => {
                        let mut t = Table::new();
                        fill(&mut t, r);
                        aot.push(t);
                    }
                }
            }
        }
        _ => {
            let mut aot = toml_edit::ArrayOfTables::new();
            for r in rows {
                let mut t = Table::new();
                fill(&mut t, r);
                aot.push(t);
            }
            doc.insert("indicators", Item::ArrayOfTables(aot));
        }
    }
}
