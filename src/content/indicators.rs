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

/// The largest magnitude an indicator figure may have: a thousand billion.
/// Below it every figure with two decimals is held exactly by an `f64` and
/// published as written; above it is a typing slip (or `1e400`).
pub const MAX_FIGURE: f64 = 1e12;

/// Units whose figures count things: never negative. (Not always whole: a
/// half-year report may average, `1250,5 hộ`.) A unit that lists several
/// (`thôn, ấp`, `tin, bài`) counts when each of them does.
const COUNT_UNITS: [&str; 30] = [
    "hộ",
    "hộ gia đình",
    "người",
    "lượt",
    "lượt người",
    "xã",
    "thôn",
    "ấp",
    "bản",
    "buôn",
    "sóc",
    "làng",
    "học sinh",
    "công trình",
    "căn",
    "lớp",
    "buổi",
    "suất",
    "hội nghị",
    "cuộc",
    "đợt",
    "tin",
    "bài",
    "mô hình",
    "tập thể",
    "cá nhân",
    "hồ sơ",
    "văn bản",
    "cơ sở",
    "trường",
];

fn is_count_unit(unit: &str) -> bool {
    !unit.is_empty() && unit.split(',').all(|part| COUNT_UNITS.contains(&part.trim()))
}

/// The figure as the error shows it: huge ones in exponent form (`1e300`),
/// not three hundred digits.
fn shown(v: f64) -> String {
    if v.abs() > MAX_FIGURE {
        format!("{v:e}")
    } else {
        v.to_string()
    }
}

/// A figure as written: a number, or text with `,` or `.` before decimals.
/// Text that Rust would read as `NaN` or `inf` is no figure.
fn number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', ".").parse().ok(),
        _ => None,
    }?;
    n.is_finite().then_some(n)
}

/// Checks one figure against what its unit allows; the error says which rule.
fn check_figure(what: &str, unit: &str, v: f64) -> Result<f64, String> {
    let unit = unit.trim().to_lowercase();
    if v.abs() > MAX_FIGURE {
        return Err(format!("{what} = {} lớn quá mức cho phép (tối đa 1.000.000.000.000; figure too large)", shown(v)));
    }
    if unit == "%" && !(0.0..=1000.0).contains(&v) {
        return Err(format!("{what} = {v}% nằm ngoài 0–1000% (percentage out of range)"));
    }
    if is_count_unit(&unit) && v < 0.0 {
        return Err(format!("{what} = {v} {unit}: số đếm không thể âm (a count is never negative)"));
    }
    Ok(v)
}

fn read_one(item: &Value) -> Result<Indicator, String> {
    let Value::Object(map) = item else {
        return Err("is not a table".into());
    };
    let name = text(map.get("name")).ok_or("has no `name`")?;
    let unit = text(map.get("unit")).unwrap_or_default();
    let target = match map.get("target") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let t = number(v).ok_or(format!("(`{name}`): `target` must be a finite number"))?;
            Some(check_figure(&format!("(`{name}`): `target`"), &unit, t)?)
        }
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
                    .ok_or(format!("(`{name}`): value {} (`{period}`) needs a finite number in `value`", j + 1))?;
                let value = check_figure(&format!("(`{name}`): value {} (`{period}`)", j + 1), &unit, value)?;
                Ok(IndicatorValue { period, value })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("(`{name}`): `values` must be a list of {{ period, value }}")),
    };
    Ok(Indicator { name, unit, target, values })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(v: Value, unit: &str) -> Result<Indicator, String> {
        read_one(&json!({ "name": "n", "unit": unit, "values": [{ "period": "2022", "value": v }] }))
    }

    #[test]
    fn non_finite_and_huge_figures_are_refused_not_shown_as_zero_or_saturated() {
        for v in [json!("NaN"), json!("inf"), json!("-inf"), json!("1e400"), json!(2e17), json!("184467440737095516")] {
            assert!(one(v.clone(), "tỷ đồng").is_err(), "{v}");
        }
        assert_eq!(one(json!("46,25"), "tỷ đồng").unwrap().values[0].value, 46.25);
        assert_eq!(one(json!(-3.5), "tỷ đồng").unwrap().values[0].value, -3.5);
    }

    #[test]
    fn percentages_and_counts_keep_to_their_meaning() {
        assert!(one(json!(-1), "%").is_err());
        assert!(one(json!(5000), "%").is_err());
        assert!(one(json!(104.5), "%").is_ok());
        assert!(one(json!(-2), "hộ").is_err());
        assert!(one(json!(2.5), "người").is_ok());
        assert!(one(json!(1200), "Hộ").is_ok());
        assert!(one(json!(-3), "lớp").is_err());
        assert!(one(json!(-3), "thôn, ấp").is_err());
        assert!(one(json!(7), "tin, bài").is_ok());
        assert!(one(json!(-3.5), "tỷ đồng").is_ok());
    }
}
