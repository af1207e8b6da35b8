//! Dates as official documents write them: a full date, or only a month or a
//! year when the day was left blank (`Bình Phước, ngày   tháng 02 năm 2022`).

use serde::Serialize;
use std::fmt;

/// A calendar date whose month and day may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PartialDate {
    /// Year, e.g. 2022.
    pub(crate) year: i32,
    /// Month 1–12, if known.
    pub(crate) month: Option<u8>,
    /// Day 1–31, if known (only with a month).
    pub(crate) day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a TOML datetime's date part
    /// too), and the Vietnamese day-month-year order: `30/12/2023`,
    /// `30-12-2023`, `30.12.2023`, `12/2023`. A wrong date says what was
    /// understood ("ngày 31 tháng 02 năm 2023 không tồn tại"), in the
    /// catalogue's language.
    pub(crate) fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let date_part = s.split(['T', ' ']).next().unwrap_or(s);
        let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
        let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
        if parts.len() > 3 || !parts.iter().all(|p| digits(p)) {
            return Err(crate::t!("date-not-a-date", value = s));
        }
        let n = |p: &str| p.parse::<u32>().unwrap_or(0);
        // The year comes first (ISO) when the first part has four digits, else last (Vietnamese order).
        let iso = parts[0].len() == 4;
        let (year, month, day) = match (iso, parts.as_slice()) {
            (true, [y]) => (*y, None, None),
            (true, [y, m]) => (*y, Some(*m), None),
            (true, [y, m, d]) => (*y, Some(*m), Some(*d)),
            (false, [m, y]) => (*y, Some(*m), None),
            (false, [d, m, y]) => (*y, Some(*m), Some(*d)),
            _ => return Err(crate::t!("date-not-a-date", value = s)),
        };
        let too_long = |p: Option<&str>| p.is_some_and(|p| p.len() > 2);
        if year.len() != 4
            || too_long(month)
            || too_long(day)
            || (iso && (month.is_some_and(|m| m.len() != 2) || day.is_some_and(|d| d.len() != 2)))
        {
            return Err(crate::t!("date-year-digits", value = s));
        }
        let year = n(year) as i32;
        let month = month.map(|m| n(m) as u8);
        let day = day.map(|d| n(d) as u8);
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(crate::t!("date-no-such-month", value = s, month = format!("{m:02}")));
            }
            if let Some(d) = day {
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(crate::t!(
                        "date-no-such-day",
                        day = format!("{d:02}"),
                        month = format!("{m:02}"),
                        year = year.to_string(),
                        max = max
                    ));
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// A full date.
    pub(crate) fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day) }
    }

    /// True when month and day are both known.
    pub(crate) fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// ISO form: `2022-09-16`, `2022-02` or `2022`.
    pub(crate) fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Short form for lists: `18/01/2021`, `02/2022`, `2022`.
    pub(crate) fn short_vi(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None) => format!("{m:02}/{}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// The earliest full date this stands for (1 January for a bare year).
    pub(crate) fn first_day(&self) -> PartialDate {
        PartialDate::ymd(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest full date this stands for (31 December for a bare year).
    pub(crate) fn last_day(&self) -> PartialDate {
        let m = self.month.unwrap_or(12);
        PartialDate::ymd(self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }

    /// RFC 3339 timestamp at midnight UTC+7 (Vietnam), for feeds.
    pub(crate) fn rfc3339(&self) -> String {
        let d = self.first_day();
        format!("{}T00:00:00+07:00", d.iso())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Today's date: from `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock, in Vietnam's time zone.
pub fn today() -> PartialDate {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp());
    let t = time::OffsetDateTime::from_unix_timestamp(secs + 7 * 3600).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    PartialDate::ymd(t.year(), u8::from(t.month()), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_and_partial() {
        assert_eq!(PartialDate::parse("2022-09-16").unwrap(), PartialDate::ymd(2022, 9, 16));
        let feb = PartialDate::parse("2022-02").unwrap();
        assert_eq!((feb.month, feb.day), (Some(2), None));
        assert_eq!(PartialDate::parse("2022").unwrap().iso(), "2022");
        assert_eq!(PartialDate::parse("2022-09-16T08:00:00").unwrap().iso(), "2022-09-16");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(PartialDate::parse("2022-02-30").is_err());
        assert!(PartialDate::parse("2022-13").is_err());
        assert!(PartialDate::parse("22-01-01").is_err());
        assert!(PartialDate::parse("hôm qua").is_err());
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn vietnamese_day_month_order_is_accepted() {
        for s in ["30/12/2023", "30-12-2023", "30.12.2023", "30/12/2023 08:00", "2023-12-30"] {
            assert_eq!(PartialDate::parse(s).unwrap(), PartialDate::ymd(2023, 12, 30), "{s}");
        }
        assert_eq!(PartialDate::parse("5/1/2024").unwrap(), PartialDate::ymd(2024, 1, 5));
        assert_eq!(PartialDate::parse("02/2022").unwrap().iso(), "2022-02");
    }

    #[test]
    fn a_wrong_date_says_what_was_understood() {
        use crate::i18n::{tr_in, Arg, Lang};
        let err = PartialDate::parse("31/02/2023").unwrap_err();
        let args = |d: &str| -> Vec<(&str, Arg)> {
            vec![("day", d.into()), ("month", "02".into()), ("year", "2023".into()), ("max", 28u8.into())]
        };
        let (vi, en) =
            (tr_in(Lang::Vi, "date-no-such-day", &args("31")), tr_in(Lang::En, "date-no-such-day", &args("31")));
        assert!(err == vi || err == en, "{err}");
        assert!(vi.contains("ngày 31 tháng 02"), "{vi}");
        let four = PartialDate::parse("32/01/2023").unwrap_err();
        assert!(!four.contains("4") || four.contains("32"), "a four-digit year is never blamed: {four}");
        assert!(PartialDate::parse("30/13/2023").is_err());
        assert!(PartialDate::parse("30/12/23").is_err());
    }

    #[test]
    fn vietnamese_forms() {
        let d = PartialDate::ymd(2021, 1, 18);
        assert_eq!(d.short_vi(), "18/01/2021");
        assert_eq!(PartialDate::parse("2022-02").unwrap().short_vi(), "02/2022");
    }

    #[test]
    fn partial_dates_sort_with_full_ones() {
        let y = PartialDate::parse("2022").unwrap();
        assert!(y.last_day() > PartialDate::ymd(2022, 12, 30));
        assert!(y.first_day() < PartialDate::ymd(2022, 1, 2));
    }
}
