//! The search documents of the model: what search indexes of each record.
//! A build moves the bodies' text into them ([`take_search_docs`]) and then
//! drops what only the pages needed ([`slim`]); `serve` copies ([`search_doc`]).

use crate::content::{self, Record, Site};
use crate::render;
use crate::search::SearchDoc;
use crate::text::slugify;

/// The search documents of every record, made before the pages are
/// rendered. Each record's body text moves into its document instead of being
/// copied: the pages only need its first [`render::DESCRIPTION_CHARS`]
/// characters, which stay.
pub(crate) fn take_search_docs(site: &mut Site) -> Vec<SearchDoc> {
    let texts: Vec<String> = site
        .records
        .iter_mut()
        .map(|r| {
            let text = std::mem::take(&mut r.body.text);
            r.body.text = text.chars().take(render::DESCRIPTION_CHARS).collect();
            text
        })
        .collect();
    site.records.iter().zip(texts).map(|(r, body)| SearchDoc { body, ..search_doc(site, r) }).collect()
}

/// Drops what only pages needed (body HTML, headings, links, file text)
/// once every page is written.
pub(crate) fn slim(site: &mut Site) {
    for r in &mut site.records {
        r.body.html = String::new();
        r.body.headings = Vec::new();
        r.body.links = Vec::new();
        r.source.text = String::new();
        r.source.key_lines = Default::default();
    }
}

/// The search view of one record.
pub(crate) fn search_doc(site: &Site, r: &Record) -> SearchDoc {
    use crate::content::record::Details;
    let mut names = Vec::new();
    let (mut ethnicity, mut district, mut number) = (None, None, None);
    let mut indicators = Vec::new();
    match &r.details {
        Details::Person(p) => {
            names.extend([&p.role, &p.award, &p.commune, &p.district].into_iter().flatten().cloned());
            ethnicity = p.ethnicity.as_ref().map(|e| (e.slug.clone(), e.name.clone()));
            district = p.district.as_ref().map(|d| (slugify(d), d.clone()));
            if let Some(e) = &p.ethnicity {
                names.push(e.name.clone());
            }
        }
        Details::Campaign(c) => {
            names.extend([&c.launched_by, &c.level, &c.theme].into_iter().flatten().cloned());
            indicators = c.indicators.iter().map(indicator_text).collect();
        }
        Details::Document(d) => {
            names.extend([&d.doc_type, &d.issuer, &d.signer].into_iter().flatten().cloned());
            number = d.number.clone();
        }
        Details::News(n) => names.extend(n.author.clone()),
        Details::Page => {}
    }
    let campaign_slugs: Vec<String> =
        if r.kind == content::Kind::Campaign { vec![r.slug.clone()] } else { r.campaign_refs().to_vec() };
    let campaigns =
        campaign_slugs.iter().filter_map(|s| site.campaign(s)).map(|c| (c.slug.clone(), c.title.clone())).collect();
    SearchDoc {
        url: r.url.clone(),
        title: r.title.clone(),
        kind: r.kind.name().to_owned(),
        date: r.date.map(|d| d.iso()),
        year: r.year(),
        summary: r.summary.clone().unwrap_or_default(),
        body: r.body.text.clone(),
        number,
        names,
        campaigns,
        ethnicity,
        district,
        tags: r.tags.clone(),
        indicators,
    }
}

/// An indicator as searchable text: its name, target and each period with
/// its value, numbers written as on the page (`1.012`, `57,36`).
fn indicator_text(i: &crate::content::record::Indicator) -> String {
    use crate::render::format::number;
    let mut text = i.name.clone();
    if let Some(t) = i.target {
        text.push_str(&format!(". Mục tiêu: {} {}", number(t), i.unit));
    }
    for v in &i.values {
        text.push_str(&format!(". {}: {} {}", v.period, number(v.value), i.unit));
    }
    text
}
