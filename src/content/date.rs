//! Dates as official documents write them: a full date, or only a month or a
//! year when the day was left blank (`Bình Phước, ngày   tháng 02 năm 2022`).

use serde::Serialize;
use std::fmt;

/// A calendar date whose month and day may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PartialDate {
    /// Year, e.g. 2022.
    pub year: i32,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a TOML datetime's date part too).
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let date_part = s.split(['T', ' ']).next().unwrap_or(s);
        let parts: Vec<&str> = date_part.split('-').collect();
        let num = |p: &str, what: &str, len: usize| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{s}` is not a date: the {what} must have {len} digits"));
            }
            p.parse::<u32>().map_err(|e| e.to_string())
        };
        let year = num(parts.first().copied().unwrap_or(""), "year", 4)? as i32;
        let month = match parts.get(1) {
            Some(m) => Some(num(m, "month", 2)? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => Some(num(d, "day", 2)? as u8),
            None => None,
        };
        if parts.len() > 3 {
            return Err(format!("`{s}` is not a date: write YYYY-MM-DD"));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("`{s}` is not a date: month {m} does not exist"));
            }
            if let Some(d) = day {
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(format!("`{s}` is not a date: month {m} of {year} has {max} days"));
                }
            }
        }
        Ok(PartialDate { year, month, day })
    }

    /// A full date.
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year, month: Some(month), day: Some(day) }
    }

    /// True when month and day are both known.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// ISO form: `2022-09-16`, `2022-02` or `2022`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Short form for lists: `18/01/2021`, `02/2022`, `2022`.
    pub fn short_vi(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d:02}/{m:02}/{}", self.year),
            (Some(m), None) => format!("{m:02}/{}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// Long form for documents: `ngày 18 tháng 01 năm 2021`, `tháng 02 năm 2022`, `năm 2022`.
    pub fn long_vi(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("ngày {d:02} tháng {m:02} năm {}", self.year),
            (Some(m), None) => format!("tháng {m:02} năm {}", self.year),
            _ => format!("năm {}", self.year),
        }
    }

    /// The earliest full date this stands for (1 January for a bare year).
    pub fn first_day(&self) -> PartialDate {
        PartialDate::ymd(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest full date this stands for (31 December for a bare year).
    pub fn last_day(&self) -> PartialDate {
        let m = self.month.unwrap_or(12);
        PartialDate::ymd(self.year, m, self.day.unwrap_or_else(|| days_in_month(self.year, m)))
    }

    /// RFC 3339 timestamp at midnight UTC+7 (Vietnam), for feeds.
    pub fn rfc3339(&self) -> String {
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
    fn vietnamese_forms() {
        let d = PartialDate::ymd(2021, 1, 18);
        assert_eq!(d.long_vi(), "ngày 18 tháng 01 năm 2021");
        assert_eq!(d.short_vi(), "18/01/2021");
        assert_eq!(PartialDate::parse("2022-02").unwrap().long_vi(), "tháng 02 năm 2022");
    }

    #[test]
    fn partial_dates_sort_with_full_ones() {
        let y = PartialDate::parse("2022").unwrap();
        assert!(y.last_day() > PartialDate::ymd(2022, 12, 30));
        assert!(y.first_day() < PartialDate::ymd(2022, 1, 2));
    }
}
