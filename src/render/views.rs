//! View structs: exactly what templates see, made from the model. Templates
//! never touch the model, so the model can change without breaking themes.
//! Every `href` here already carries the base path.

use super::chart;
use super::format::{formal, formal_value, number, period};
use crate::config::Config;
use crate::config::{Identity, MenuEntry};
use crate::content::record::{Details, Kind, PersonKind, Record};
use crate::content::site::{self, Site, Taxonomy};
use crate::routes;
use crate::text::slugify;
use serde::Serialize;

/// Site-wide values every page gets.
#[derive(Debug, Serialize)]
pub(crate) struct SiteView<'a> {
    /// Title.
    pub(crate) title: &'a str,
    /// Description.
    pub(crate) description: &'a str,
    /// Organisation (footer).
    pub(crate) organization: &'a str,
    /// Contact lines (footer).
    pub(crate) contact: &'a [String],
    /// Base path (`/` or `/portal/`).
    pub(crate) base_path: &'a str,
    /// Language code.
    pub(crate) lang: &'a str,
    /// Menu entries.
    pub(crate) menu: Vec<Link>,
    /// Footer identity (Decree 42/2022/NĐ-CP).
    pub(crate) identity: &'a Identity,
    /// Address of the logo or emblem.
    pub(crate) logo: String,
    /// Menu of the English pages.
    pub(crate) menu_en: Vec<Link>,
    /// Address of the contact page, if configured.
    pub(crate) contact_href: Option<String>,
}

/// A plain link.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Link {
    /// Text.
    pub(crate) name: String,
    /// Address.
    pub(crate) href: String,
    /// A count to show beside it, if any.
    pub(crate) count: Option<usize>,
    /// Which menu section it is (for `aria-current`).
    pub(crate) key: String,
}

/// A record in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Card {
    /// Address.
    pub(crate) href: String,
    /// Title.
    pub(crate) title: String,
    /// Kind name (css).
    pub(crate) kind: &'static str,
    /// Kind label.
    pub(crate) kind_label: &'static str,
    /// `18/01/2021`.
    pub(crate) date: Option<String>,
    /// ISO date for `<time datetime>`.
    pub(crate) date_iso: Option<String>,
    /// Summary.
    pub(crate) summary: Option<String>,
    /// Short facts (ethnicity, district, role, số ký hiệu).
    pub(crate) meta: Vec<String>,
    /// Campaign status, for campaigns; validity, for documents.
    pub(crate) status: Option<StatusView>,
    /// What the date is (`Ngày đăng`, `Ban hành`), for screen readers and the eye alike.
    pub(crate) date_label: &'static str,
    /// A small picture (person's photo, news lead image), smallest variant.
    pub(crate) thumb: Option<ImageView>,
}

/// A campaign's status.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatusView {
    /// Label.
    pub(crate) label: &'static str,
    /// CSS class suffix.
    pub(crate) class: &'static str,
}

/// A row of the document registry.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocRow {
    /// Address.
    pub(crate) href: String,
    /// Số ký hiệu.
    pub(crate) number: String,
    /// Loại.
    pub(crate) doc_type: String,
    /// `16/09/2022`.
    pub(crate) issued: String,
    /// ISO.
    pub(crate) issued_iso: String,
    /// Trích yếu.
    pub(crate) title: String,
    /// Cơ quan ban hành.
    pub(crate) issuer: String,
    /// Hiệu lực, when known.
    pub(crate) validity: Option<StatusView>,
}

/// A label/value pair for a facts table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Fact {
    /// Label.
    pub(crate) label: &'static str,
    /// Value.
    pub(crate) value: String,
    /// Optional link.
    pub(crate) href: Option<String>,
}

/// An indicator with its table and chart.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorView {
    /// Name.
    pub(crate) name: String,
    /// Unit.
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
    /// Kind label.
    pub(crate) kind_label: &'static str,
    /// Title.
    pub(crate) title: String,
    /// Summary.
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

/// An image, with its resized variants when it was processed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ImageView {
    /// Address of the fallback (largest JPEG variant, or the original).
    pub(crate) src: String,
    /// Alt text.
    pub(crate) alt: String,
    /// `srcset` of the WebP variants (empty when not processed).
    pub(crate) srcset_webp: String,
    /// `srcset` of the JPEG variants.
    pub(crate) srcset_jpeg: String,
    /// Intrinsic width of the fallback.
    pub(crate) width: Option<u32>,
    /// Intrinsic height of the fallback.
    pub(crate) height: Option<u32>,
}

/// Builds views for one site.
pub(crate) struct Views<'a> {
    /// The model.
    pub(crate) site: &'a Site,
    /// The configuration.
    pub(crate) config: &'a Config,
    /// Processed images.
    pub(crate) images: &'a crate::media::Images,
    /// For each document slug, the documents whose `replaced_by` names it.
    pub(crate) replaces: std::collections::BTreeMap<&'a str, Vec<usize>>,
}

/// For each document slug, the documents that name it in `replaced_by`.
pub(crate) fn replacements(site: &Site) -> std::collections::BTreeMap<&str, Vec<usize>> {
    let mut map: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
    for &i in &site.documents {
        if let Some(by) = site.records[i].document().and_then(|d| d.replaced_by.as_deref()) {
            map.entry(by).or_default().push(i);
        }
    }
    map
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

impl<'a> Views<'a> {
    /// An address for a site path (`/phong-trao/a/` → `/portal/phong-trao/a/`).
    pub(crate) fn href(&self, path: &str) -> String {
        format!("{}{}", self.config.base_path, path.trim_start_matches('/'))
    }

    /// Site-wide values.
    pub(crate) fn site_view(&self) -> SiteView<'a> {
        let entries = |m: &[MenuEntry]| -> Vec<Link> {
            m.iter()
                .map(|e| Link {
                    name: e.name.clone(),
                    href: if e.url.starts_with('/') { self.href(&e.url) } else { e.url.clone() },
                    count: None,
                    key: e.url.trim_matches('/').to_owned(),
                })
                .collect()
        };
        let logo = self.href(self.config.logo.as_deref().unwrap_or("/favicon.svg"));
        let contact_href = self.config.identity.contact_page.as_deref().map(|p| self.href(p));
        if !self.config.menu.is_empty() {
            return SiteView {
                title: &self.config.title,
                description: &self.config.description,
                organization: &self.config.organization,
                contact: &self.config.contact,
                base_path: &self.config.base_path,
                lang: &self.config.language,
                menu: entries(&self.config.menu),
                identity: &self.config.identity,
                logo,
                menu_en: entries(&self.config.menu_en),
                contact_href,
            };
        }
        let mut menu: Vec<Link> = Kind::SECTIONS
            .iter()
            .map(|k| Link {
                name: k.section_title().into(),
                href: self.href(&routes::section_url(*k)),
                count: None,
                key: k.section().into(),
            })
            .collect();
        if let Some(about) = self.site.pages.iter().map(|&i| &self.site.records[i]).find(|r| r.url == routes::ABOUT) {
            menu.push(Link {
                name: about.title.clone(),
                href: self.href(&about.url),
                count: None,
                key: routes::ABOUT.trim_matches('/').into(),
            });
        }
        SiteView {
            title: &self.config.title,
            description: &self.config.description,
            organization: &self.config.organization,
            contact: &self.config.contact,
            base_path: &self.config.base_path,
            lang: &self.config.language,
            menu,
            identity: &self.config.identity,
            logo,
            menu_en: entries(&self.config.menu_en),
            contact_href,
        }
    }

    fn status_of(&self, r: &Record) -> Option<StatusView> {
        let c = r.campaign()?;
        let s = site::status(c.start, c.end, self.site.today?);
        Some(StatusView { label: s.label(), class: s.class() })
    }

    /// A record as a list entry.
    pub(crate) fn card(&self, r: &Record) -> Card {
        let mut meta = Vec::new();
        match &r.details {
            Details::Person(p) => {
                meta.extend(p.role.clone());
                meta.extend(p.ethnicity.as_ref().map(|e| format!("Dân tộc {}", e.name)));
                meta.extend(p.district.clone());
                meta.extend(p.year.map(|y| format!("Tuyên dương năm {y}")));
            }
            Details::Document(d) => {
                meta.extend(d.number.clone().map(|n| format!("Số {n}")));
                meta.extend(d.doc_type.clone());
            }
            Details::Campaign(c) => meta.extend(period(c.start, c.end).map(|p| format!("Thời gian: {p}"))),
            _ => {}
        }
        let status = match r.document() {
            Some(d) => d.validity(self.site.today).map(|v| StatusView { label: v.label(), class: v.class() }),
            None => self.status_of(r),
        };
        Card {
            href: self.href(&r.url),
            title: r.title.clone(),
            kind: r.kind.name(),
            kind_label: r.kind.label(),
            // A person's card shows the year honoured (in `meta`), not the record's date,
            // which readers took for a birth or award date when it stood there unlabelled.
            date: r.date.filter(|_| !matches!(r.kind, Kind::Campaign | Kind::Person)).map(|d| d.short_vi()),
            date_iso: r.date.map(|d| d.iso()),
            summary: r.summary.clone(),
            meta,
            status,
            date_label: date_label(r.kind),
            thumb: self.thumb(r),
        }
    }

    /// The smallest processed variant of a record's photo or lead image, for lists.
    pub(crate) fn thumb(&self, r: &Record) -> Option<ImageView> {
        let file = match &r.details {
            Details::Person(p) => p.photo.as_deref(),
            Details::News(n) => n.image.as_deref(),
            Details::Campaign(_) => {
                // A campaign has no picture of its own: the first of its news or people that has one.
                let links = self.site.by_campaign.get(&r.slug)?;
                return links.news.iter().chain(&links.people).find_map(|&i| {
                    let x = &self.site.records[i];
                    (x.kind != Kind::Campaign).then(|| self.thumb(x)).flatten()
                });
            }
            _ => None,
        }?;
        let path = r.source.bundle.as_ref()?.join(file);
        let set = self.images.get(&path)?;
        let small = set.variants.first()?;
        let page = self.href(&r.url);
        Some(ImageView {
            src: format!("{page}{}", crate::media::published_name(&path, small, false)),
            alt: String::new(),
            srcset_webp: format!("{page}{} {}w", crate::media::published_name(&path, small, true), small.width),
            srcset_jpeg: String::new(),
            width: Some(small.width),
            height: Some(small.height),
        })
    }

    /// Cards for record ids.
    pub(crate) fn cards(&self, ids: &[usize]) -> Vec<Card> {
        ids.iter().map(|&i| self.card(&self.site.records[i])).collect()
    }

    /// A registry row.
    pub(crate) fn doc_row(&self, r: &Record) -> DocRow {
        let d = r.document().cloned().unwrap_or_default();
        let validity = d.validity(self.site.today).map(|v| StatusView { label: v.label(), class: v.class() });
        DocRow {
            href: self.href(&r.url),
            number: d.number.unwrap_or_default(),
            doc_type: d.doc_type.unwrap_or_default(),
            issued: d.issued.map(|x| x.short_vi()).unwrap_or_default(),
            issued_iso: d.issued.map(|x| x.iso()).unwrap_or_default(),
            title: r.title.clone(),
            validity,
            issuer: d.issuer.unwrap_or_default(),
        }
    }

    fn campaign_cards(&self, slugs: &[String]) -> Vec<Card> {
        slugs.iter().filter_map(|s| self.site.campaign(s)).map(|r| self.card(r)).collect()
    }

    fn term_link(&self, t: Taxonomy, slug: &str) -> Option<String> {
        self.site.taxonomies.get(&t)?.get(slug).map(|_| self.href(&routes::term_url(t, slug)))
    }

    fn bundle_href(&self, r: &Record, file: &str) -> String {
        format!("{}{}", self.href(&r.url), file)
    }

    /// The view of an image beside record `r`.
    pub(crate) fn image(&self, r: &Record, file: &str, alt: String) -> ImageView {
        let source = r.source.bundle.as_ref().map(|d| d.join(file));
        let Some((path, set)) = source.as_ref().and_then(|p| self.images.get(p).map(|s| (p, s))) else {
            return ImageView {
                src: self.bundle_href(r, file),
                alt,
                srcset_webp: String::new(),
                srcset_jpeg: String::new(),
                width: None,
                height: None,
            };
        };
        let page = self.href(&r.url);
        let srcset = |webp: bool| crate::media::srcset(&page, path, set, webp);
        let big = set.largest();
        ImageView {
            src: self.bundle_href(r, &crate::media::published_name(path, big, false)),
            alt,
            srcset_webp: srcset(true),
            srcset_jpeg: srcset(false),
            width: Some(big.width),
            height: Some(big.height),
        }
    }

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

/// What a record's date is, in words.
fn date_label(kind: Kind) -> &'static str {
    match kind {
        Kind::News => "Ngày đăng",
        Kind::Document => "Ngày ban hành",
        Kind::Person => "Ngày cập nhật",
        _ => "Ngày",
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
