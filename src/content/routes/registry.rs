//! The document registry's pages and the other addresses the portal pages of
//! this module publish: the registry in pages of [`PER_PAGE`] documents, one
//! static filter page (also paginated) for each document type, year of issue,
//! issuer and field, and the offline page. Filters are plain links, so they
//! work without JavaScript; one page a value keeps each page small however
//! many documents there are (a 1,000-document table was 420 KB of HTML).
//!
//! Every address made here is under [`RESERVED`], so that validation refuses
//! a record that would take one; `routes::pages` lists each page (`Page::Registry`),
//! so links to them are accepted and the sitemap holds them.

use crate::content::collate;
use crate::content::record::Record;
use crate::content::site::Site;
use crate::text::slugify;
use std::collections::BTreeMap;

/// Documents on one registry page.
pub(crate) const PER_PAGE: usize = 20;

/// The page that lists what a reader's browser saved for reading offline.
pub(crate) const OFFLINE: &str = "/ngoai-tuyen/";

/// Address prefixes of the pages of this module: no record may publish under them.
pub(crate) const RESERVED: &[&str] =
    &["/van-ban/trang/", "/van-ban/loai/", "/van-ban/nam/", "/van-ban/co-quan/", "/van-ban/linh-vuc/", OFFLINE];

/// What a filter page selects documents by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Facet {
    /// Loại văn bản.
    Type,
    /// Năm ban hành.
    Year,
    /// Cơ quan ban hành.
    Issuer,
    /// Lĩnh vực.
    Field,
}

impl Facet {
    /// Every facet, in the order the registry shows them.
    pub(crate) const ALL: [Facet; 4] = [Facet::Type, Facet::Year, Facet::Issuer, Facet::Field];

    /// The URL segment under /van-ban/.
    pub(crate) fn segment(self) -> &'static str {
        match self {
            Facet::Type => "loai",
            Facet::Year => "nam",
            Facet::Issuer => "co-quan",
            Facet::Field => "linh-vuc",
        }
    }

    /// Vietnamese name of the facet.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Facet::Type => "Loại văn bản",
            Facet::Year => "Năm ban hành",
            Facet::Issuer => "Cơ quan ban hành",
            Facet::Field => "Lĩnh vực",
        }
    }

    /// The value of a document for this facet (name as written), if it has one.
    fn value(self, r: &Record) -> Option<String> {
        let d = r.document()?;
        match self {
            Facet::Type => d.doc_type.clone(),
            Facet::Year => d.issued.map(|i| i.year.to_string()),
            Facet::Issuer => d.issuer.clone(),
            Facet::Field => d.field.clone(),
        }
    }
}

/// One filter value and the documents that have it, newest first (the order of `site.documents`).
#[derive(Debug, Clone)]
pub(crate) struct Filter {
    pub(crate) facet: Facet,
    /// URL slug of the value.
    pub(crate) slug: String,
    /// The value as written (the first spelling met).
    pub(crate) name: String,
    /// Record ids.
    pub(crate) docs: Vec<usize>,
}

impl Filter {
    /// Its first page's site path.
    pub(crate) fn path(&self) -> String {
        path(Some((self.facet, &self.slug)), 1)
    }

    /// Heading of its page: `Kế hoạch`, `Năm 2022`, `Lĩnh vực: …`.
    pub(crate) fn heading(&self) -> String {
        match self.facet {
            Facet::Type => format!("Văn bản loại {}", self.name),
            Facet::Year => format!("Văn bản ban hành năm {}", self.name),
            Facet::Issuer => format!("Văn bản của {}", self.name),
            Facet::Field => format!("Văn bản lĩnh vực {}", self.name),
        }
    }
}

/// Every filter of the site, by facet; values sorted (years newest first,
/// names in Vietnamese order).
pub(crate) fn filters(site: &Site) -> BTreeMap<Facet, Vec<Filter>> {
    let mut out = BTreeMap::new();
    for facet in Facet::ALL {
        let mut by_slug: BTreeMap<String, Filter> = BTreeMap::new();
        for &i in &site.documents {
            let Some(name) = facet.value(&site.records[i]) else { continue };
            let slug = slugify(&name);
            if slug.is_empty() {
                continue;
            }
            by_slug.entry(slug.clone()).or_insert_with(|| Filter { facet, slug, name, docs: Vec::new() }).docs.push(i);
        }
        let mut list: Vec<Filter> = by_slug.into_values().collect();
        if facet == Facet::Year {
            list.sort_by(|a, b| b.name.cmp(&a.name));
        } else {
            list.sort_by(|a, b| collate::compare(&a.name, &b.name));
        }
        out.insert(facet, list);
    }
    out
}

/// Number of pages a list of `n` documents takes (at least one).
pub(crate) fn pages(n: usize) -> usize {
    n.div_ceil(PER_PAGE).max(1)
}

/// Site path of page `page` of the registry, filtered or not.
pub(crate) fn path(filter: Option<(Facet, &str)>, page: usize) -> String {
    let base = match filter {
        None => "/van-ban/".to_owned(),
        Some((f, slug)) => format!("/van-ban/{}/{slug}/", f.segment()),
    };
    if page > 1 {
        format!("{base}trang/{page}/")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(path(None, 1), "/van-ban/");
        assert_eq!(path(None, 3), "/van-ban/trang/3/");
        assert_eq!(path(Some((Facet::Type, "ke-hoach")), 1), "/van-ban/loai/ke-hoach/");
        assert_eq!(path(Some((Facet::Year, "2022")), 2), "/van-ban/nam/2022/trang/2/");
        assert_eq!(pages(0), 1);
        assert_eq!(pages(20), 1);
        assert_eq!(pages(21), 2);
    }

    #[test]
    fn every_page_is_under_a_reserved_prefix_or_the_registry() {
        for p in [path(None, 2), path(Some((Facet::Issuer, "x")), 1), path(Some((Facet::Field, "y")), 4)] {
            assert!(RESERVED.iter().any(|r| p.starts_with(r)), "{p}");
        }
    }
}
