//! Reads a campaign's `indicators`: a list of `{ name, unit, target, values =
//! [{ period, value }] }`, checking every entry.

use super::fields::Fields;
use super::record::{Indicator, IndicatorValue};
use crate::i18n::Msg;
use crate::text::nfc;
use crate::{msg, t};
use serde_json::Value;

const EXAMPLE: &str =
    "[[indicators]] with name = \"Hộ thoát nghèo\", unit = \"hộ\", values = [{ period = \"2022\", value = 1000 }]";

/// Reads `indicators`, reporting each malformed entry.
pub(crate) fn read_indicators(f: &mut Fields) -> Vec<Indicator> {
    let Some(value) = f.value("indicators") else {
        return Vec::new();
    };
    let Value::Array(items) = value else {
        f.error("indicators", msg!("ind-not-list"), msg!("ind-example", example = EXAMPLE));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match read_one(i + 1, item) {
            Ok(ind) => out.push(ind),
            Err(message) => f.error("indicators", message, msg!("ind-example", example = EXAMPLE)),
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
pub(crate) const MAX_FIGURE: f64 = 1e12;

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

/// Checks one figure against what its unit allows; the error says which rule,
/// for the figure at `place` (the target, or a value of a period) of indicator `n`.
fn check_figure(n: usize, name: &str, place: &str, unit: &str, v: f64) -> Result<f64, Msg> {
    let unit = unit.trim().to_lowercase();
    if v.abs() > MAX_FIGURE {
        return Err(msg!("ind-too-large", n = n, name = name, place = place, value = shown(v)));
    }
    if unit == "%" && !(0.0..=1000.0).contains(&v) {
        return Err(msg!("ind-percent-range", n = n, name = name, place = place, value = v.to_string()));
    }
    if is_count_unit(&unit) && v < 0.0 {
        return Err(msg!("ind-negative-count", n = n, name = name, place = place, value = v.to_string(), unit = unit));
    }
    Ok(v)
}

/// Reads indicator number `n` (1-based).
fn read_one(n: usize, item: &Value) -> Result<Indicator, Msg> {
    let Value::Object(map) = item else {
        return Err(msg!("ind-not-table", n = n));
    };
    let name = text(map.get("name")).ok_or_else(|| msg!("ind-no-name", n = n))?;
    let unit = text(map.get("unit")).unwrap_or_default();
    let target = match map.get("target") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let t = number(v).ok_or_else(|| msg!("ind-target-not-number", n = n, name = name.as_str()))?;
            Some(check_figure(n, &name, &t!("ind-place-target"), &unit, t)?)
        }
    };
    let values = match map.get("values") {
        None => Vec::new(),
        Some(Value::Array(vs)) => vs
            .iter()
            .enumerate()
            .map(|(j, v)| {
                let Value::Object(m) = v else {
                    return Err(msg!("ind-value-not-table", n = n, name = name.as_str(), index = j + 1));
                };
                let period = text(m.get("period"))
                    .ok_or_else(|| msg!("ind-value-no-period", n = n, name = name.as_str(), index = j + 1))?;
                let value = m.get("value").and_then(number).ok_or_else(|| {
                    msg!("ind-value-not-number", n = n, name = name.as_str(), index = j + 1, period = period.as_str())
                })?;
                let place = t!("ind-place-value", index = j + 1, period = period.as_str());
                let value = check_figure(n, &name, &place, &unit, value)?;
                Ok(IndicatorValue { period, value })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(msg!("ind-values-not-list", n = n, name = name.as_str())),
    };
    Ok(Indicator { name, unit, target, values })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(v: Value, unit: &str) -> Result<Indicator, Msg> {
        read_one(1, &json!({ "name": "n", "unit": unit, "values": [{ "period": "2022", "value": v }] }))
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
        assert_eq!(one(json!(-1), "%").unwrap_err().id(), "ind-percent-range");
        assert_eq!(one(json!(5000), "%").unwrap_err().id(), "ind-percent-range");
        assert_eq!(one(json!(-2), "hộ").unwrap_err().id(), "ind-negative-count");
        assert_eq!(one(json!(2e17), "hộ").unwrap_err().id(), "ind-too-large");
        assert_eq!(one(json!("nhiều"), "hộ").unwrap_err().id(), "ind-value-not-number");
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
