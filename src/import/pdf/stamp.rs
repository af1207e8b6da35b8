//! The stamp a digital signature leaves on a page ("Ký bởi: …", "Thời gian
//! ký: …"): taken out of the text and kept as evidence, and its date used
//! where the document's own date of issue is blank.

use crate::i18n::Msg;
use crate::msg;

/// What a digital-signature stamp said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// "Ký bởi: …".
    pub(crate) signed_by: Option<String>,
    /// "Thời gian ký: …", as written.
    pub(crate) time: Option<String>,
}

impl Stamp {
    /// Notes for the report, and the date of signing where the document's own
    /// date is blank.
    pub(crate) fn check(&self, meta: &mut crate::import::header::Metadata) -> Vec<Msg> {
        let mut notes = Vec::new();
        if self.signed_by.is_none() && self.time.is_none() {
            return notes;
        }
        notes.push(msg!(
            "pdf-stamp",
            signer = self.signed_by.as_deref().unwrap_or("?"),
            time = self.time.as_deref().unwrap_or("?")
        ));
        if let Some(date) = self.time.as_deref().and_then(stamp_date) {
            let partial = meta.issued.as_deref().is_none_or(|d| d.len() < 10);
            let same_year = meta.issued.as_deref().is_none_or(|d| date.starts_with(&d[..4.min(d.len())]));
            if partial && same_year {
                notes.push(msg!("pdf-issued-from-stamp", date = date.as_str()));
                meta.issued = Some(date);
            }
        }
        notes
    }
}

/// "10.05.2020 09:30:15 +07:00", "10/05/2020 …", "2020-05-10T…" → "2020-05-10".
pub(super) fn stamp_date(t: &str) -> Option<String> {
    let first = t.split_whitespace().next()?;
    let first = first.split('T').next()?;
    let parts: Vec<&str> = first.split(['.', '/', '-']).collect();
    let nums: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let (y, m, d) = match nums.as_slice() {
        [y, m, d] if *y > 1900 => (*y, *m, *d),
        [d, m, y] if *y > 1900 => (*y, *m, *d),
        _ => return None,
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The lines a signature stamp puts on the page, and what they say.
const STAMP_KEYS: [&str; 6] = ["Ký bởi", "Người ký", "Email", "Cơ quan", "Thời gian ký", "Ngày ký"];

/// Takes the signature stamp's lines out: from "Ký bởi:" through "Thời gian
/// ký:", only lines that are stamp fields.
pub(super) fn take_stamp(lines: Vec<String>) -> (Vec<String>, Stamp) {
    let mut stamp = Stamp::default();
    let mut kept = Vec::with_capacity(lines.len());
    let mut in_stamp = false;
    for line in lines {
        let t = crate::text::nfc(line.trim());
        let key = STAMP_KEYS.iter().find(|k| t.starts_with(*k) && t[k.len()..].trim_start().starts_with(':'));
        let value = |k: &str| t[k.len()..].trim_start()[1..].trim().to_owned();
        match key {
            Some(&k @ ("Ký bởi" | "Người ký")) => {
                in_stamp = true;
                stamp.signed_by = Some(value(k));
            }
            Some(&k @ ("Thời gian ký" | "Ngày ký")) if in_stamp || stamp.signed_by.is_some() => {
                stamp.time = Some(value(k));
                in_stamp = false;
            }
            Some(_) if in_stamp => {}
            _ => {
                in_stamp = false;
                kept.push(line);
            }
        }
    }
    (kept, stamp)
}
