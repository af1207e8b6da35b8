//! The typed records of a site: what every kind of record holds once its front
//! matter has been read and checked.

use super::ethnicity::Ethnicity;
use super::markdown::Body;
use crate::date::PartialDate;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The kinds of record, one per content section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// `phong-trao/`: an emulation campaign.
    Campaign,
    /// `dien-hinh/`: an exemplary person or collective.
    Person,
    /// `tin-tuc/`: a news item.
    News,
    /// `van-ban/`: an official document.
    Document,
    /// Any other Markdown file: a plain page.
    Page,
}

impl Kind {
    /// The four record sections, in menu order.
    pub(crate) const SECTIONS: [Kind; 4] = [Kind::Campaign, Kind::Person, Kind::News, Kind::Document];

    /// The kind of the content section folder `dir`.
    pub(crate) fn of_section(dir: &str) -> Kind {
        match dir {
            "phong-trao" => Kind::Campaign,
            "dien-hinh" => Kind::Person,
            "tin-tuc" => Kind::News,
            "van-ban" => Kind::Document,
            _ => Kind::Page,
        }
    }

    /// The section folder and URL segment.
    pub(crate) fn section(self) -> &'static str {
        match self {
            Kind::Campaign => "phong-trao",
            Kind::Person => "dien-hinh",
            Kind::News => "tin-tuc",
            Kind::Document => "van-ban",
            Kind::Page => "",
        }
    }

    /// English name used in front matter docs, JSON and CSS classes.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::Campaign => "campaign",
            Kind::Person => "person",
            Kind::News => "news",
            Kind::Document => "document",
            Kind::Page => "page",
        }
    }

    /// Vietnamese label of one record of this kind.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::Campaign => "Phong trào",
            Kind::Person => "Điển hình",
            Kind::News => "Tin tức",
            Kind::Document => "Văn bản",
            Kind::Page => "Trang",
        }
    }

    /// Vietnamese title of the section's list page.
    pub(crate) fn section_title(self) -> &'static str {
        match self {
            Kind::Campaign => "Phong trào thi đua",
            Kind::Person => "Điển hình tiên tiến",
            Kind::News => "Tin tức",
            Kind::Document => "Văn bản",
            Kind::Page => "Trang",
        }
    }
}

/// Where a record came from, for diagnostics and bundled files.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Source {
    /// Path relative to the site root (for messages).
    pub(crate) path: PathBuf,
    /// Absolute (or root-joined) path for reading.
    pub(crate) file: PathBuf,
    /// The folder of a `<slug>/index.md` record, whose other files are its assets.
    pub(crate) bundle: Option<PathBuf>,
    /// The whole file text (NFC), for pointing at lines.
    pub(crate) text: String,
    /// 1-based file line of each front matter key.
    pub(crate) key_lines: BTreeMap<String, usize>,
}

impl Source {
    /// The line where `key` is set, or 0.
    pub(crate) fn line_of(&self, key: &str) -> usize {
        self.key_lines.get(key).copied().unwrap_or(0)
    }
}

/// One campaign indicator: a named quantity reported over periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Indicator {
    /// What is measured.
    pub(crate) name: String,
    /// Unit ("hộ", "%", "tỷ đồng").
    pub(crate) unit: String,
    /// Target, if one was set.
    pub(crate) target: Option<f64>,
    /// Reported values in the order written.
    pub(crate) values: Vec<IndicatorValue>,
}

/// One reported value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct IndicatorValue {
    /// Free-text period ("2022", "6 tháng đầu năm 2023").
    pub(crate) period: String,
    /// The number.
    pub(crate) value: f64,
}

/// Fields of a campaign.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Campaign {
    /// Start (year or date).
    pub(crate) start: Option<PartialDate>,
    /// End (year or date).
    pub(crate) end: Option<PartialDate>,
    /// Who launched it.
    pub(crate) launched_by: Option<String>,
    /// Level ("Cấp tỉnh").
    pub(crate) level: Option<String>,
    /// Chủ đề.
    pub(crate) theme: Option<String>,
    pub(crate) indicators: Vec<Indicator>,
}

/// Individual or collective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub(crate) enum PersonKind {
    /// `ca-nhan`.
    #[default]
    Individual,
    /// `tap-the`.
    Collective,
}

/// Fields of a person or collective.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Person {
    /// Individual or collective.
    pub(crate) kind: PersonKind,
    /// Ethnic group, resolved against the official list.
    pub(crate) ethnicity: Option<Ethnicity>,
    /// Role ("Người có uy tín").
    pub(crate) role: Option<String>,
    pub(crate) commune: Option<String>,
    pub(crate) district: Option<String>,
    /// Year honoured.
    pub(crate) year: Option<i32>,
    pub(crate) award: Option<String>,
    /// Name used for sorting, when the given-name rule does not fit.
    pub(crate) sort_name: Option<String>,
    /// Campaign slugs.
    pub(crate) campaigns: Vec<String>,
    /// Photo file beside the record, or a site path.
    pub(crate) photo: Option<String>,
    /// What the photo shows, for readers who cannot see it (`photo_alt`).
    pub(crate) photo_alt: Option<String>,
    /// Caption under the photo (`photo_caption`).
    pub(crate) photo_caption: Option<String>,
    /// Who took or owns the photo (`photo_credit`).
    pub(crate) photo_credit: Option<String>,
}

/// Fields of a news item.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct News {
    /// Campaign slugs.
    pub(crate) campaigns: Vec<String>,
    /// Person slugs.
    pub(crate) people: Vec<String>,
    /// Lead image.
    pub(crate) image: Option<String>,
    /// What the lead image shows (`image_alt`).
    pub(crate) image_alt: Option<String>,
    /// Caption under the lead image (`image_caption`).
    pub(crate) image_caption: Option<String>,
    /// Who took or owns the lead image (`image_credit`).
    pub(crate) image_credit: Option<String>,
    pub(crate) author: Option<String>,
}

/// Fields of an official document.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Document {
    /// Số ký hiệu ("15/KH-BDT").
    pub(crate) number: Option<String>,
    /// Loại văn bản ("Kế hoạch").
    pub(crate) doc_type: Option<String>,
    /// Ngày ban hành, possibly partial.
    pub(crate) issued: Option<PartialDate>,
    /// Cơ quan ban hành.
    pub(crate) issuer: Option<String>,
    /// Người ký.
    pub(crate) signer: Option<String>,
    /// The signer's position ("Phó trưởng ban").
    pub(crate) signer_title: Option<String>,
    /// Nơi nhận: who the document was sent to.
    pub(crate) recipients: Vec<String>,
    /// Campaign slugs.
    pub(crate) campaigns: Vec<String>,
    /// Attached files beside the record.
    pub(crate) attachments: Vec<String>,
    /// Lĩnh vực ("Công tác dân tộc").
    pub(crate) field: Option<String>,
    /// Validity as written (`status`); see [`Document::validity`] for the one shown.
    pub(crate) status: Option<Validity>,
    /// Ngày có hiệu lực.
    pub(crate) effective: Option<PartialDate>,
    /// Ngày hết hiệu lực.
    pub(crate) expires: Option<PartialDate>,
    /// Slug of the document that replaces this one.
    pub(crate) replaced_by: Option<String>,
}

/// Whether a document is in force (`status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) enum Validity {
    /// `con-hieu-luc`: còn hiệu lực.
    InForce,
    /// `het-hieu-luc`: hết hiệu lực.
    Expired,
    /// `bi-thay-the`: bị thay thế.
    Replaced,
}

impl Validity {
    /// Reads `con-hieu-luc`, `het-hieu-luc`, `bi-thay-the` (or the same words with diacritics).
    pub(crate) fn parse(s: &str) -> Option<Validity> {
        match crate::text::slugify(s).as_str() {
            "con-hieu-luc" => Some(Validity::InForce),
            "het-hieu-luc" => Some(Validity::Expired),
            "bi-thay-the" => Some(Validity::Replaced),
            _ => None,
        }
    }

    /// Vietnamese label.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Validity::InForce => "Còn hiệu lực",
            Validity::Expired => "Hết hiệu lực",
            Validity::Replaced => "Bị thay thế",
        }
    }

    /// CSS class suffix.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Validity::InForce => "in-force",
            Validity::Expired => "expired",
            Validity::Replaced => "replaced",
        }
    }
}

impl Document {
    /// The validity shown to readers: `status` when written; else replaced when
    /// `replaced_by` is set, expired when `expires` is before `today`, in force
    /// when `effective` is on or before `today`; unknown otherwise.
    pub(crate) fn validity(&self, today: Option<PartialDate>) -> Option<Validity> {
        if self.status.is_some() {
            return self.status;
        }
        if self.replaced_by.is_some() {
            return Some(Validity::Replaced);
        }
        let today = today?;
        if self.expires.is_some_and(|e| e.last_day() < today) {
            return Some(Validity::Expired);
        }
        self.effective.filter(|e| e.first_day() <= today).map(|_| Validity::InForce)
    }
}

/// The kind-specific part of a record.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Details {
    /// A campaign.
    Campaign(Campaign),
    /// A person or collective.
    Person(Person),
    /// A news item.
    News(News),
    /// A document.
    Document(Document),
    /// A plain page.
    Page,
}

/// One record, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Kind (from the section folder).
    pub(crate) kind: Kind,
    /// URL slug.
    pub(crate) slug: String,
    /// Site path without base path: `/phong-trao/vi-nguoi-ngheo/`.
    pub(crate) url: String,
    pub(crate) title: String,
    /// Date (documents fall back to `issued`).
    pub(crate) date: Option<PartialDate>,
    pub(crate) summary: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) draft: bool,
    /// Sample content made up for a demonstration (`sample = true`): its page says so.
    pub(crate) sample: bool,
    pub(crate) body: Body,
    /// Kind-specific fields.
    pub(crate) details: Details,
    /// Origin.
    pub(crate) source: Source,
}

impl Record {
    /// The campaign slugs this record refers to (a campaign refers to none).
    pub(crate) fn campaign_refs(&self) -> &[String] {
        match &self.details {
            Details::Person(p) => &p.campaigns,
            Details::News(n) => &n.campaigns,
            Details::Document(d) => &d.campaigns,
            _ => &[],
        }
    }

    /// The person fields, if this is a person.
    pub(crate) fn person(&self) -> Option<&Person> {
        match &self.details {
            Details::Person(p) => Some(p),
            _ => None,
        }
    }

    /// The campaign fields, if this is a campaign.
    pub(crate) fn campaign(&self) -> Option<&Campaign> {
        match &self.details {
            Details::Campaign(c) => Some(c),
            _ => None,
        }
    }

    /// The document fields, if this is a document.
    pub(crate) fn document(&self) -> Option<&Document> {
        match &self.details {
            Details::Document(d) => Some(d),
            _ => None,
        }
    }

    /// The news fields, if this is news.
    pub(crate) fn news(&self) -> Option<&News> {
        match &self.details {
            Details::News(n) => Some(n),
            _ => None,
        }
    }

    /// Year used by the `/nam/<year>/` taxonomy: honoured year for people, else the date's year.
    pub(crate) fn year(&self) -> Option<i32> {
        match &self.details {
            Details::Person(p) if p.year.is_some() => p.year,
            Details::Campaign(c) => c.start.map(|d| d.year).or(self.date.map(|d| d.year)),
            _ => self.date.map(|d| d.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validity_written_wins_then_replacement_then_dates() {
        let d = |s: &str| PartialDate::parse(s).ok();
        let today = d("2024-06-01");
        let mut doc = Document { effective: d("2023-01-01"), ..Document::default() };
        assert_eq!(doc.validity(today), Some(Validity::InForce));
        doc.expires = d("2023-12");
        assert_eq!(doc.validity(today), Some(Validity::Expired));
        doc.replaced_by = Some("moi".into());
        assert_eq!(doc.validity(today), Some(Validity::Replaced));
        doc.status = Some(Validity::InForce);
        assert_eq!(doc.validity(today), Some(Validity::InForce), "what the record says wins");
        let future = Document { effective: d("2025"), ..Document::default() };
        assert_eq!(future.validity(today), None, "not yet in force: nothing is claimed");
        assert_eq!(Document::default().validity(today), None);
        assert_eq!(Validity::parse("Còn hiệu lực"), Some(Validity::InForce));
        assert_eq!(Validity::parse("bi-thay-the"), Some(Validity::Replaced));
        assert_eq!(Validity::parse("tạm ngưng"), None);
    }
}
