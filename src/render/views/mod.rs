//! View structs: exactly what templates see, made from the model. Templates
//! never touch the model, so the model can change without breaking themes.
//! Every `href` here already carries the base path.

mod record;

use super::format::period;
use crate::config::Config;
use crate::config::{Identity, MenuEntry};
use crate::content::record::{Details, Kind, Record};
use crate::content::routes;
use crate::content::site::{self, Site, Taxonomy};
use serde::Serialize;

/// Site-wide values every page gets.
#[derive(Debug, Serialize)]
pub(crate) struct SiteView<'a> {
    pub(crate) title: &'a str,
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
    pub(crate) title: String,
    /// Kind name (css).
    pub(crate) kind: &'static str,
    pub(crate) kind_label: &'static str,
    /// `18/01/2021`.
    pub(crate) date: Option<String>,
    /// ISO date for `<time datetime>`.
    pub(crate) date_iso: Option<String>,
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
