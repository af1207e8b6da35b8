//! Numbers, dates and periods written the Vietnamese way: `1.000`, `46,2`,
//! `2021 – 2025`, and the formal date of Decree 30/2020/NĐ-CP (`ngày 30 tháng 9 năm 2022`).

use crate::date::PartialDate;

/// Formats a number with `.` between thousands and `,` before decimals (at most 2).
///
/// `1000.0` → `1.000`, `46.25` → `46,25`, `-1234567.5` → `-1.234.567,5`
/// (tested below).
pub(crate) fn number(v: f64) -> String {
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

/// A day or month number as Decree 30/2020/NĐ-CP writes it in a formal date:
/// a leading zero for days below 10 (`05`), and for months only for 1 and 2
/// (`01`, `02`, but `9`), so that nobody can add a digit in front.
fn day2(d: u8) -> String {
    format!("{d:02}")
}
fn month2(m: u8) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

/// The formal date without the word `ngày`, for a value under a label that
/// already says it is a day (`Ngày ban hành: 30 tháng 9 năm 2022`):
/// `30 tháng 9 năm 2022`, `tháng 02 năm 2022`, `năm 2022`.
///
/// `2022-09-30` → `30 tháng 9 năm 2022`, `2021-01-05` → `05 tháng 01 năm 2021`
/// (tested below).
pub(crate) fn formal_value(d: PartialDate) -> String {
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} tháng {} năm {}", day2(day), month2(m), d.year),
        (Some(m), None) => format!("tháng {} năm {}", month2(m), d.year),
        _ => format!("năm {}", d.year),
    }
}

/// The formal date as a sentence writes it: `ngày 30 tháng 9 năm 2022`
/// (`tháng 02 năm 2022`, `năm 2022` when the day or month is unknown).
pub(crate) fn formal(d: PartialDate) -> String {
    if d.day.is_some() {
        format!("ngày {}", formal_value(d))
    } else {
        formal_value(d)
    }
}

/// A date with a word saying how precise it is, for periods whose two ends
/// differ in precision: `ngày 13/06/2022`, `tháng 06/2022`, `năm 2025`.
fn worded(d: PartialDate) -> String {
    match (d.month, d.day) {
        (Some(_), Some(_)) => format!("ngày {}", d.short_vi()),
        (Some(_), None) => format!("tháng {}", d.short_vi()),
        _ => format!("năm {}", d.year),
    }
}

/// A campaign's period, both ends in one form: `2021 – 2025`,
/// `13/06/2022 – 31/12/2025`, and when the ends differ in precision
/// `từ ngày 13/06/2022 đến năm 2025` (never `13/06/2022 – 2025`).
pub(crate) fn period(start: Option<PartialDate>, end: Option<PartialDate>) -> Option<String> {
    let same =
        |a: PartialDate, b: PartialDate| a.month.is_some() == b.month.is_some() && a.day.is_some() == b.day.is_some();
    match (start, end) {
        (Some(s), Some(e)) if s == e => Some(s.short_vi()),
        (Some(s), Some(e)) if same(s, e) => Some(format!("{} – {}", s.short_vi(), e.short_vi())),
        (Some(s), Some(e)) => Some(format!("từ {} đến {}", worded(s), worded(e))),
        (Some(s), None) => Some(format!("từ {}", worded(s))),
        (None, Some(e)) => Some(format!("đến {}", worded(e))),
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
        assert_eq!(period(y("2022-03-01"), None).unwrap(), "từ ngày 01/03/2022");
        assert_eq!(period(y("2022"), y("2022")).unwrap(), "2022");
        assert_eq!(period(y("2022-06-13"), y("2022-12-31")).unwrap(), "13/06/2022 – 31/12/2022");
    }

    #[test]
    fn periods_never_mix_a_date_with_a_bare_year_regression_13_06_2022_to_2025() {
        let y = |s: &str| Some(PartialDate::parse(s).unwrap());
        assert_eq!(period(y("2022-06-13"), y("2025")).unwrap(), "từ ngày 13/06/2022 đến năm 2025");
        assert_eq!(period(y("2022"), y("2025-06")).unwrap(), "từ năm 2022 đến tháng 06/2025");
    }

    #[test]
    fn formal_dates_follow_decree_30_2020_regression_ngay_30_thang_09() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(formal(d("2022-09-30")), "ngày 30 tháng 9 năm 2022");
        assert_eq!(formal(d("2021-10-29")), "ngày 29 tháng 10 năm 2021");
        assert_eq!(formal(d("2021-01-18")), "ngày 18 tháng 01 năm 2021");
        assert_eq!(formal(d("2023-02-05")), "ngày 05 tháng 02 năm 2023");
        assert_eq!(formal(d("2023-12-09")), "ngày 09 tháng 12 năm 2023");
        assert_eq!(formal(d("2022-03")), "tháng 3 năm 2022");
        assert_eq!(formal(d("2022-02")), "tháng 02 năm 2022");
        assert_eq!(formal(d("2022")), "năm 2022");
        assert_eq!(formal_value(d("2021-10-29")), "29 tháng 10 năm 2021", "no second `ngày` under a label");
    }
}

#[cfg(test)]
mod doc_examples {
    use super::{formal_value, number};
    use crate::date::PartialDate;

    #[test]
    fn numbers_use_vietnamese_separators() {
        assert_eq!(number(1000.0), "1.000");
        assert_eq!(number(46.25), "46,25");
        assert_eq!(number(-1234567.5), "-1.234.567,5");
    }

    #[test]
    fn formal_dates_follow_decree_30() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(formal_value(d("2022-09-30")), "30 tháng 9 năm 2022");
        assert_eq!(formal_value(d("2021-01-05")), "05 tháng 01 năm 2021");
    }
}
