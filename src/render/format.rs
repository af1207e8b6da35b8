//! Numbers and periods written the Vietnamese way: `1.000`, `46,2`, `2021 – 2025`.

use crate::content::date::PartialDate;

/// Formats a number with `.` between thousands and `,` before decimals (at most 2).
///
/// ```
/// assert_eq!(thidua::render::format::number(1000.0), "1.000");
/// assert_eq!(thidua::render::format::number(46.25), "46,25");
/// assert_eq!(thidua::render::format::number(-1234567.5), "-1.234.567,5");
/// ```
pub fn number(v: f64) -> String {
    let neg = v < 0.0;
    let rounded = (v.abs() * 100.0).round() as u64;
    let (int, frac) = (rounded / 100, rounded % 100);
    let digits = int.to_string();
    let mut out = String::new();
    if neg && rounded != 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if frac != 0 {
        let f = format!("{frac:02}");
        out.push(',');
        out.push_str(f.trim_end_matches('0'));
    }
    out
}

/// A campaign's period: `2021 – 2025`, `từ 2022`, `đến 2025`.
pub fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(s.short_vi()),
        (Some(s), Some(e)) => Some(format!("{} – {}", s.short_vi(), e.short_vi())),
        (Some(s), None) => Some(format!("từ {}", s.short_vi())),
        (None, Some(e)) => Some(format!("đến {}", e.short_vi())),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(999.0), "999");
        assert_eq!(number(12345.6), "12.345,6");
        assert_eq!(number(0.05), "0,05");
    }

    #[test]
    fn periods() {
        let y = |s: &str| Some(PartialDate::parse(s).unwrap());
        assert_eq!(period(y("2021"), y("2025")).unwrap(), "2021 – 2025");
        assert_eq!(period(y("2022-03-01"), None).unwrap(), "từ 01/03/2022");
        assert_eq!(period(y("2022"), y("2022")).unwrap(), "2022");
    }
}
