//! Indicator charts as inline SVG, drawn at build time: no JavaScript, readable
//! at 360 px (one bar per row, the period written above its bar), with a
//! dashed target line when the indicator has a target.

use super::format::number;
use crate::content::markdown::escape;
use crate::content::record::Indicator;
use std::fmt::Write as _;

const ROW: f64 = 46.0;
const BAR: f64 = 18.0;
const TOP: f64 = 8.0;
/// Bars longer than this share of the width carry their value inside.
const INSIDE_FROM: f64 = 55.0;

/// An SVG bar chart of one indicator; `None` when it has no values.
///
/// Horizontal positions are percentages of the chart's width and text keeps
/// its CSS size, so labels stay legible from 360 px phones to desktops.
pub(crate) fn bar_chart(ind: &Indicator, id: &str) -> Option<String> {
    if ind.values.is_empty() {
        return None;
    }
    let max = ind.values.iter().map(|v| v.value).chain(ind.target).fold(0.0_f64, f64::max);
    let pct = |v: f64| {
        if max > 0.0 {
            (v.max(0.0) / max * 100.0).min(100.0)
        } else {
            0.0
        }
    };
    let height = TOP + ROW * ind.values.len() as f64 + if ind.target.is_some() { 22.0 } else { 4.0 };
    let unit = if ind.unit.is_empty() { String::new() } else { format!(" {}", ind.unit) };
    let mut svg = String::new();
    let desc: Vec<String> = ind.values.iter().map(|v| format!("{}: {}{unit}", v.period, number(v.value))).collect();
    write!(
        svg,
        "<svg class=\"chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape(&ind.name),
        escape(&desc.join("; "))
    ).expect("writing to a String cannot fail");
    for (i, v) in ind.values.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let w = pct(v.value);
        let w = if v.value > 0.0 { w.max(0.5) } else { w };
        let (class, dx, anchor) =
            if w > INSIDE_FROM { ("chart-value chart-value-in", -6, "end") } else { ("chart-value", 6, "start") };
        write!(
            svg,
            "<text class=\"chart-label\" x=\"0\" y=\"{:.1}\">{}</text><rect class=\"chart-bar\" x=\"0\" y=\"{:.1}\" width=\"{w:.2}%\" height=\"{BAR}\" rx=\"2\"/>\
<text class=\"{class}\" x=\"{w:.2}%\" dx=\"{dx}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}{}</text>",
            y + 12.0,
            escape(&v.period),
            y + 18.0,
            y + 31.5,
            number(v.value),
            escape(&unit)
        ).expect("writing to a String cannot fail");
    }
    if let Some(t) = ind.target {
        let x = pct(t);
        let bottom = TOP + ROW * ind.values.len() as f64;
        let anchor = if x > 50.0 { "end" } else { "start" };
        write!(
            svg,
            "<line class=\"chart-target\" x1=\"{x:.2}%\" x2=\"{x:.2}%\" y1=\"{TOP}\" y2=\"{bottom:.1}\"/>\
<text class=\"chart-label\" x=\"{x:.2}%\" y=\"{:.1}\" text-anchor=\"{anchor}\">Mục tiêu: {}{}</text>",
            bottom + 16.0,
            number(t),
            escape(&unit)
        )
        .expect("writing to a String cannot fail");
    }
    svg.push_str("</svg>");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::record::IndicatorValue;

    fn ind(values: &[(&str, f64)], target: Option<f64>) -> Indicator {
        Indicator {
            name: "Giải ngân <vốn>".into(),
            unit: "%".into(),
            target,
            values: values.iter().map(|(p, v)| IndicatorValue { period: (*p).into(), value: *v }).collect(),
        }
    }

    #[test]
    fn draws_one_bar_per_value_and_escapes_text() {
        let svg = bar_chart(&ind(&[("Quý I/2022", 18.5), ("6 tháng đầu năm 2022", 46.2)], Some(100.0)), "c1").unwrap();
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("Giải ngân &lt;vốn&gt;"));
        assert!(svg.contains("46,2 %"));
        assert!(svg.contains("chart-target"));
        assert!(svg.contains("Mục tiêu: 100 %"));
    }

    #[test]
    fn no_values_no_chart() {
        assert!(bar_chart(&ind(&[], None), "c").is_none());
    }

    #[test]
    fn bars_are_proportional_and_the_largest_fills_the_width() {
        let svg = bar_chart(&ind(&[("a", 10.0), ("b", 20.0)], None), "c").unwrap();
        assert!(svg.contains("width=\"100.00%\""), "{svg}");
        assert!(svg.contains("width=\"50.00%\""), "{svg}");
        assert!(svg.contains("chart-value-in"), "a full bar carries its value inside: {svg}");
    }
}
