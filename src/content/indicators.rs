//! Reads a campaign's `indicators`: a list of `{ name, unit, target, values =
//! [{ period, value }] }`, checking every entry.

use super::fields::Fields;
use super::record::{Indicator, IndicatorValue};
use crate::text::nfc;
use serde_json::Value;

const EXAMPLE: &str =
    "[[indicators]] with name = \"Hộ thoát nghèo\", unit = \"hộ\", values = [{ period = \"2022\", value = 1000 }]";

/// Reads `indicators`, reporting each malformed entry.
pub fn read_indicators(f: &mut Fields) -> Vec<Indicator> {
    let Some(value) = f.value("indicators") else {
        return Vec::new();
    };
    let Value::Array(items) = value else {
        f.error("indicators", "`indicators` must be a list of tables".into(), EXAMPLE);
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match read_one(item) {
            Ok(ind) => out.push(ind),
            Err(msg) => f.error("indicators", format!("indicator {} {msg}", i + 1), EXAMPLE),
        }
    }
    out
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(nfc(s.trim())),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }
}

fn read_one(item: &Value) -> Result<Indicator, String> {
    let Value::Object(map) = item else {
        return Err("is not a table".into());
    };
    let name = text(map.get("name")).ok_or("has no `name`")?;
    let unit = text(map.get("unit")).unwrap_or_default();
    let target = match map.get("target") {
        None | Some(Value::Null) => None,
        Some(v) => Some(number(v).ok_or(format!("(`{name}`): `target` must be a number"))?),
    };
    let values = match map.get("values") {
        None => Vec::new(),
        Some(Value::Array(vs)) => vs
            .iter()
            .enumerate()
            .map(|(j, v)| {
                let Value::Object(m) = v else {
                    return Err(format!("(`{name}`): value {} is not {{ period, value }}", j + 1));
                };
                let period = text(m.get("period")).ok_or(format!("(`{name}`): value {} has no `period`", j + 1))?;
                let value = m
                    .get("value")
                    .and_then(number)
                    .ok_or(format!("(`{name}`): value {} (`{period}`) needs a number in `value`", j + 1))?;
                Ok(IndicatorValue { period, value })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("(`{name}`): `values` must be a list of {{ period, value }}")),
    };
    Ok(Indicator { name, unit, target, values })
}
