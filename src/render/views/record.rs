//! The view of one record's page: its facts, indicators with their charts,
//! attachments, relations, the side column and the share links.

use super::{date_label, Card, DocRow, ImageView, Link, StatusView, Views};
use crate::content::record::{Details, Kind, PersonKind, Record};
use crate::content::routes;
use crate::content::site::Taxonomy;
use crate::render::chart;
use crate::render::format::{formal, formal_value, number, period};
use crate::text::slugify;
use serde::Serialize;

/// A label/value pair for a facts table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Fact {
    pub(crate) label: &'static str,
    pub(crate) value: String,
    /// Optional link.
    pub(crate) href: Option<String>,
}

/// An indicator with its table and chart.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorView {
    pub(crate) name: String,
    pub(crate) unit: String,
    /// Target, formatted.
    pub(crate) target: Option<String>,
    /// (period, formatted value).
    pub(crate) values: Vec<(String, String)>,
    /// Inline SVG.
    pub(crate) chart: Option<String>,
}

/// A downloadable attachment.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Attachment {
    /// File name.
    pub(crate) name: String,
    /// Address.
    pub(crate) href: String,
    /// Upper-case extension (PDF, DOCX).
    pub(crate) format: String,
    /// Human size (`120 KB`).
    pub(crate) size: String,
    /// The button's words: `Tải văn bản (PDF, 1,2 MB)`.
    pub(crate) label: String,
}

/// The record page view: common fields plus the kind's own.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RecordView {
    /// Kind name.
    pub(crate) kind: &'static str,
    pub(crate) kind_label: &'static str,
    pub(crate) title: String,
    pub(crate) summary: Option<String>,
    /// Body HTML (trusted: made by the Markdown renderer).
    pub(crate) body: String,
    /// Date, short form.
    pub(crate) date: Option<String>,
    /// Date, long form (`ngày 18 tháng 01 năm 2021`).
    pub(crate) date_long: Option<String>,
    /// ISO date.
    pub(crate) date_iso: Option<String>,
    /// Tags as links.
    pub(crate) tags: Vec<Link>,
    /// Facts shown in the header table.
    pub(crate) facts: Vec<Fact>,
    /// Table of contents (h2 headings).
    pub(crate) toc: Vec<Link>,
    /// Campaign status.
    pub(crate) status: Option<StatusView>,
    /// Indicators (campaigns).
    pub(crate) indicators: Vec<IndicatorView>,
    /// Documents (campaigns).
    pub(crate) documents: Vec<DocRow>,
    /// People (campaigns).
    pub(crate) people: Vec<Card>,
    /// News (campaigns, people).
    pub(crate) news: Vec<Card>,
    /// Campaigns (people, news, documents).
    pub(crate) campaigns: Vec<Card>,
    /// Attachments (documents).
    pub(crate) attachments: Vec<Attachment>,
    /// Photo or lead image.
    pub(crate) image: Option<ImageView>,
    /// Feed of this campaign.
    pub(crate) feed: Option<String>,
    /// True for records whose front matter says they are sample content (`sample = true`).
    pub(crate) sample_notice: bool,
    /// What the date is (`Ngày đăng`).
    pub(crate) date_label: &'static str,
    /// Caption of the photo or lead image.
    pub(crate) caption: Option<String>,
    /// Credit of the photo or lead image.
    pub(crate) credit: Option<String>,
    /// The document that replaces this one.
    pub(crate) replaced_by: Option<Link>,
    /// The documents this one replaces.
    pub(crate) replaces: Vec<Link>,
    /// Validity of a document.
    pub(crate) validity: Option<StatusView>,
    /// Related news (news items, people).
    pub(crate) related: Vec<Card>,
    /// Side column: newest documents.
    pub(crate) side_documents: Vec<DocRow>,
    /// Side column: the first campaign's other records.
    pub(crate) side_campaign: Option<SideCampaign>,
    /// Share links.
    pub(crate) share: Vec<Link>,
}

/// The side column's block about a record's campaign.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SideCampaign {
    /// The campaign.
    pub(crate) campaign: Link,
    /// Its other records (news and people), at most five.
    pub(crate) items: Vec<Card>,
}

impl Views<'_> {
    /// The full view of one record's page.
    pub(crate) fn record(&self, r: &Record) -> RecordView {
        let mut v = RecordView {
            kind: r.kind.name(),
            kind_label: r.kind.label(),
            title: r.title.clone(),
            summary: r.summary.clone(),
            body: crate::media::rewrite_body(&r.body.html, r, self.images, &self.href(&r.url)),
            date: r.date.map(|d| d.short_vi()),
            date_long: r.date.map(formal),
            date_iso: r.date.map(|d| d.iso()),
            tags: r
                .tags
                .iter()
                .map(|t| Link {
                    name: t.clone(),
                    href: self.href(&routes::term_url(Taxonomy::Tag, &slugify(t))),
                    count: None,
                    key: String::new(),
                })
                .collect(),
            facts: Vec::new(),
            toc: r
                .body
                .headings
                .iter()
                .filter(|h| h.level == 2)
                .map(|h| Link { name: h.text.clone(), href: format!("#{}", h.id), count: None, key: String::new() })
                .collect(),
            status: self.status_of(r),
            indicators: Vec::new(),
            documents: Vec::new(),
            people: Vec::new(),
            news: Vec::new(),
            campaigns: Vec::new(),
            attachments: Vec::new(),
            image: None,
            feed: None,
            sample_notice: r.sample,
            date_label: date_label(r.kind),
            caption: None,
            credit: None,
            replaced_by: None,
            replaces: Vec::new(),
            validity: None,
            related: Vec::new(),
            side_documents: Vec::new(),
            side_campaign: None,
            share: self.share_links(r),
        };
        let fact =
            |label: &'static str, value: &Option<String>| value.clone().map(|value| Fact { label, value, href: None });
        match &r.details {
            Details::Campaign(c) => {
                v.facts.extend(period(c.start, c.end).map(|value| Fact { label: "Thời gian", value, href: None }));
                v.facts.extend(fact("Phát động", &c.launched_by));
                v.facts.extend(fact("Cấp", &c.level));
                v.facts.extend(fact("Chủ đề", &c.theme));
                v.indicators = c
                    .indicators
                    .iter()
                    .enumerate()
                    .map(|(i, ind)| IndicatorView {
                        name: ind.name.clone(),
                        unit: ind.unit.clone(),
                        target: ind.target.map(number),
                        values: ind.values.iter().map(|x| (x.period.clone(), number(x.value))).collect(),
                        chart: chart::bar_chart(ind, &format!("chi-tieu-{}", i + 1)),
                    })
                    .collect();
                if let Some(links) = self.site.by_campaign.get(&r.slug) {
                    v.documents = links.documents.iter().map(|&i| self.doc_row(&self.site.records[i])).collect();
                    v.people = self.cards(&links.people);
                    v.news = self.cards(&links.news);
                }
                v.feed = Some(self.href(&routes::campaign_feed(&r.url)));
            }
            Details::Person(p) => {
                v.facts.push(Fact {
                    label: "Loại",
                    value: if p.kind == PersonKind::Collective { "Tập thể" } else { "Cá nhân" }.into(),
                    href: None,
                });
                v.facts.extend(fact("Danh hiệu, vai trò", &p.role));
                if let Some(e) = &p.ethnicity {
                    v.facts.push(Fact {
                        label: "Dân tộc",
                        value: e.name.clone(),
                        href: self.term_link(Taxonomy::Ethnicity, &e.slug),
                    });
                }
                v.facts.extend(fact("Xã, phường", &p.commune));
                if let Some(d) = &p.district {
                    v.facts.push(Fact {
                        label: "Huyện, thị xã",
                        value: d.clone(),
                        href: self.term_link(Taxonomy::District, &slugify(d)),
                    });
                }
                if let Some(y) = p.year {
                    v.facts.push(Fact {
                        label: "Năm tuyên dương",
                        value: y.to_string(),
                        href: self.term_link(Taxonomy::Year, &y.to_string()),
                    });
                }
                v.facts.extend(fact("Khen thưởng", &p.award));
                v.campaigns = self.campaign_cards(&p.campaigns);
                v.news = self.site.news_of_person.get(&r.slug).map(|ids| self.cards(ids)).unwrap_or_default();
                v.image =
                    p.photo.as_ref().map(|f| self.image(r, f, p.photo_alt.clone().unwrap_or_else(|| r.title.clone())));
                v.caption = p.photo_caption.clone();
                v.credit = p.photo_credit.clone();
                v.related = self.related_news(r, &p.campaigns, &v.news);
            }
            Details::News(n) => {
                v.facts.extend(fact("Tác giả", &n.author));
                v.campaigns = self.campaign_cards(&n.campaigns);
                v.people = n.people.iter().filter_map(|s| self.site.person(s)).map(|p| self.card(p)).collect();
                v.image = n.image.as_ref().map(|f| {
                    self.image(
                        r,
                        f,
                        n.image_alt.clone().or_else(|| n.image_caption.clone()).unwrap_or_else(|| r.title.clone()),
                    )
                });
                v.caption = n.image_caption.clone();
                v.credit = n.image_credit.clone();
                v.related = self.related_news(r, &n.campaigns, &[]);
            }
            Details::Document(d) => {
                v.facts.extend(fact("Số ký hiệu", &d.number));
                v.facts.extend(fact("Loại văn bản", &d.doc_type));
                v.facts.extend(d.issued.map(|i| Fact { label: "Ngày ban hành", value: formal_value(i), href: None }));
                v.facts.extend(fact("Cơ quan ban hành", &d.issuer));
                v.facts.extend(fact("Người ký", &d.signer));
                v.facts.extend(fact("Chức vụ người ký", &d.signer_title));
                v.facts.extend(fact("Lĩnh vực", &d.field));
                v.facts.extend(d.effective.map(|i| Fact {
                    label: "Ngày có hiệu lực",
                    value: formal_value(i),
                    href: None,
                }));
                v.facts.extend(d.expires.map(|i| Fact {
                    label: "Ngày hết hiệu lực",
                    value: formal_value(i),
                    href: None,
                }));
                v.validity = d.validity(self.site.today).map(|s| StatusView { label: s.label(), class: s.class() });
                v.replaced_by =
                    d.replaced_by.as_deref().and_then(|s| self.site.get(Kind::Document, s)).map(|x| self.doc_link(x));
                v.replaces = self
                    .replaces
                    .get(r.slug.as_str())
                    .map(|ids| ids.iter().map(|&i| self.doc_link(&self.site.records[i])).collect())
                    .unwrap_or_default();
                if !d.recipients.is_empty() {
                    v.facts.push(Fact { label: "Nơi nhận", value: d.recipients.join("; "), href: None });
                }
                v.campaigns = self.campaign_cards(&d.campaigns);
                v.attachments = d
                    .attachments
                    .iter()
                    .enumerate()
                    .map(|(i, f)| attachment(r, f, self.bundle_href(r, f), i == 0))
                    .collect();
            }
            Details::Page => {}
        }
        if r.kind != Kind::Page {
            v.side_documents = self
                .site
                .documents
                .iter()
                .map(|&i| &self.site.records[i])
                .filter(|d| d.url != r.url)
                .take(5)
                .map(|d| self.doc_row(d))
                .collect();
            v.side_campaign = self.side_campaign(r);
        }
        v
    }

    /// A link to a document, named by its number and title.
    fn doc_link(&self, d: &Record) -> Link {
        let number = d.document().and_then(|x| x.number.clone());
        Link {
            name: match number {
                Some(n) => format!("{n}: {}", d.title),
                None => d.title.clone(),
            },
            href: self.href(&d.url),
            count: None,
            key: d.slug.clone(),
        }
    }

    /// Up to four other news items: those of the same campaigns, newest first,
    /// then the newest news, leaving out the record itself and `shown`.
    fn related_news(&self, r: &Record, campaigns: &[String], shown: &[Card]) -> Vec<Card> {
        let mut ids: Vec<usize> = Vec::new();
        for c in campaigns {
            if let Some(links) = self.site.by_campaign.get(c) {
                ids.extend(&links.news);
            }
        }
        ids.sort_by(|a, b| self.site.records[*b].date.cmp(&self.site.records[*a].date).then(a.cmp(b)));
        ids.extend(self.site.news.iter().take(8));
        let mut seen = std::collections::BTreeSet::new();
        let own = self.href(&r.url);
        let mut out = Vec::new();
        for i in ids {
            let rec = &self.site.records[i];
            let href = self.href(&rec.url);
            if href == own || shown.iter().any(|c| c.href == href) || !seen.insert(i) {
                continue;
            }
            out.push(self.card(rec));
            if out.len() == 4 {
                break;
            }
        }
        out
    }

    /// The first campaign of a record, with up to five of its other records.
    fn side_campaign(&self, r: &Record) -> Option<SideCampaign> {
        let c = self.site.campaign(r.campaign_refs().first()?)?;
        let links = self.site.by_campaign.get(&c.slug)?;
        let items: Vec<Card> = links
            .news
            .iter()
            .chain(&links.people)
            .map(|&i| &self.site.records[i])
            .filter(|x| x.url != r.url)
            .take(5)
            .map(|x| self.card(x))
            .collect();
        Some(SideCampaign {
            campaign: Link { name: c.title.clone(), href: self.href(&c.url), count: None, key: c.slug.clone() },
            items,
        })
    }

    /// Plain share links (no third-party script): Zalo and Facebook.
    fn share_links(&self, r: &Record) -> Vec<Link> {
        let url = self.config.absolute_url(&r.url);
        if !url.starts_with("http") {
            return Vec::new();
        }
        let enc = percent(&url);
        vec![
            Link {
                name: "Zalo".into(),
                href: format!("https://sp.zalo.me/share_inline?url={enc}"),
                count: None,
                key: "zalo".into(),
            },
            Link {
                name: "Facebook".into(),
                href: format!("https://www.facebook.com/sharer/sharer.php?u={enc}"),
                count: None,
                key: "facebook".into(),
            },
        ]
    }
}

/// Words for the download button of a file: `Tải văn bản (PDF, 1,2 MB)` for a
/// document's first file (the document itself), `Tải tệp kèm (…)` for the
/// others (annexes, forms), so two buttons never say the same thing.
pub(crate) fn download_label(first: bool, format: &str, size: &str) -> String {
    let what = if first { "Tải văn bản" } else { "Tải tệp kèm" };
    if format.is_empty() {
        format!("{what} ({size})")
    } else {
        format!("{what} ({format}, {size})")
    }
}

/// Percent-encodes everything but unreserved characters, for a URL inside a query.
fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn attachment(r: &Record, name: &str, href: String, first: bool) -> Attachment {
    let size = r.source.bundle.as_ref().and_then(|d| std::fs::metadata(d.join(name)).ok()).map_or(0, |m| m.len());
    let format = std::path::Path::new(name).extension().map(|e| e.to_string_lossy().to_uppercase()).unwrap_or_default();
    let size = human_size(size);
    Attachment { name: name.to_owned(), href, label: download_label(first, &format, &size), format, size }
}

/// `1536` → `1,5 KB`.
pub(crate) fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{} KB", number((b as f64 / 1024.0 * 10.0).round() / 10.0)),
        b => format!("{} MB", number((b as f64 / 1048576.0 * 10.0).round() / 10.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::download_label;

    #[test]
    fn the_first_file_is_the_document_and_the_others_are_attachments() {
        assert_eq!(download_label(true, "PDF", "1,2 MB"), "Tải văn bản (PDF, 1,2 MB)");
        assert_eq!(download_label(false, "DOCX", "40 KB"), "Tải tệp kèm (DOCX, 40 KB)");
        assert_eq!(download_label(true, "", "3 B"), "Tải văn bản (3 B)");
    }
}
