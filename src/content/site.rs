//! The validated site model: the published records, ordered, with the
//! relations (campaign → documents, people, news) and taxonomies that pages
//! need, computed once here so rendering never searches.

use super::collate;
use super::record::{Kind, PersonKind, Record};
use crate::date::PartialDate;
use crate::text::slugify;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Index of a record in [`Site::records`].
pub(crate) type Id = usize;

/// Everything gathered about one campaign.
#[derive(Debug, Clone, Default)]
pub(crate) struct CampaignLinks {
    /// Its documents, oldest first.
    pub(crate) documents: Vec<Id>,
    /// The people honoured in it, in directory order.
    pub(crate) people: Vec<Id>,
    /// Its news, newest first.
    pub(crate) news: Vec<Id>,
}

/// One taxonomy term (an ethnic group, a district, a year, a tag).
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// Display name.
    pub(crate) name: String,
    /// URL segment.
    pub(crate) slug: String,
    /// Records with this term, in display order.
    pub(crate) records: Vec<Id>,
}

/// Which taxonomy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Taxonomy {
    /// `/dan-toc/<slug>/`.
    Ethnicity,
    /// `/dia-ban/<slug>/`.
    District,
    /// `/nam/<year>/`.
    Year,
    /// `/chu-de/<tag>/`.
    Tag,
}

impl Taxonomy {
    /// All four.
    pub(crate) const ALL: [Taxonomy; 4] = [Taxonomy::Ethnicity, Taxonomy::District, Taxonomy::Year, Taxonomy::Tag];

    /// URL segment.
    pub(crate) fn segment(self) -> &'static str {
        match self {
            Taxonomy::Ethnicity => "dan-toc",
            Taxonomy::District => "dia-ban",
            Taxonomy::Year => "nam",
            Taxonomy::Tag => "chu-de",
        }
    }

    /// Vietnamese title of its index page.
    pub(crate) fn title(self) -> &'static str {
        match self {
            Taxonomy::Ethnicity => "Dân tộc",
            Taxonomy::District => "Địa bàn",
            Taxonomy::Year => "Năm",
            Taxonomy::Tag => "Chủ đề",
        }
    }
}

/// The published site.
#[derive(Debug, Clone, Default)]
pub(crate) struct Site {
    /// All published records.
    pub(crate) records: Vec<Record>,
    /// The home page intro (`content/_index.md`).
    pub(crate) home: Option<Record>,
    /// Section intros (`content/<section>/_index.md`).
    pub(crate) intros: BTreeMap<Kind, Record>,
    /// Campaigns: ongoing first, then by start, newest first.
    pub(crate) campaigns: Vec<Id>,
    /// People in Vietnamese order of given name.
    pub(crate) people: Vec<Id>,
    /// News, newest first.
    pub(crate) news: Vec<Id>,
    /// Documents, newest first.
    pub(crate) documents: Vec<Id>,
    /// Plain pages, by URL.
    pub(crate) pages: Vec<Id>,
    /// Campaign slug → what belongs to it.
    pub(crate) by_campaign: BTreeMap<String, CampaignLinks>,
    /// Person slug → news that mention them, newest first.
    pub(crate) news_of_person: BTreeMap<String, Vec<Id>>,
    /// Taxonomy → term slug → term.
    pub(crate) taxonomies: BTreeMap<Taxonomy, BTreeMap<String, Term>>,
    /// Records left out because they are dated after today.
    pub(crate) future: Vec<(String, PartialDate)>,
    /// The build date.
    pub(crate) today: Option<PartialDate>,
    /// (kind, slug) → record, for lookups by reference.
    pub(crate) by_slug: BTreeMap<(Kind, String), Id>,
}

/// Status of a campaign on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// Not started yet.
    Upcoming,
    /// Running.
    Ongoing,
    /// Finished.
    Finished,
}

impl Status {
    /// Vietnamese label.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Status::Upcoming => "Sắp triển khai",
            Status::Ongoing => "Đang triển khai",
            Status::Finished => "Đã kết thúc",
        }
    }

    /// CSS class suffix.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Ongoing => "ongoing",
            Status::Finished => "finished",
        }
    }
}

/// The status of a campaign running from `start` to `end` on `today`.
pub(crate) fn status(start: Option<PartialDate>, end: Option<PartialDate>, today: PartialDate) -> Status {
    match (start, end) {
        (Some(s), _) if s.first_day() > today => Status::Upcoming,
        (_, Some(e)) if e.last_day() < today => Status::Finished,
        _ => Status::Ongoing,
    }
}

fn by_date_desc(records: &[Record]) -> impl Fn(&Id, &Id) -> Ordering + '_ {
    move |a, b| {
        let (ra, rb) = (&records[*a], &records[*b]);
        rb.date.map(|d| d.last_day()).cmp(&ra.date.map(|d| d.last_day())).then_with(|| ra.url.cmp(&rb.url))
    }
}

/// The key a person or collective sorts by.
pub(crate) fn person_sort_key(r: &Record) -> String {
    let p = r.person();
    if let Some(s) = p.and_then(|p| p.sort_name.clone()) {
        return s;
    }
    match p.map(|p| p.kind) {
        Some(PersonKind::Individual) => collate::given_name_key(&r.title),
        _ => r.title.clone(),
    }
}

impl Site {
    /// Assembles the model from published records (validation already done).
    pub(crate) fn assemble(
        records: Vec<Record>,
        home: Option<Record>,
        intros: BTreeMap<Kind, Record>,
        today: PartialDate,
    ) -> Site {
        let by_slug = records.iter().enumerate().map(|(i, r)| ((r.kind, r.slug.clone()), i)).collect();
        let mut site = Site { records, home, intros, today: Some(today), by_slug, ..Site::default() };
        let ids_of = |k: Kind| -> Vec<Id> {
            site.records.iter().enumerate().filter(|(_, r)| r.kind == k).map(|(i, _)| i).collect()
        };
        let (mut campaigns, mut people, mut news, mut documents, mut pages) = (
            ids_of(Kind::Campaign),
            ids_of(Kind::Person),
            ids_of(Kind::News),
            ids_of(Kind::Document),
            ids_of(Kind::Page),
        );
        let recs = &site.records;
        let keys: BTreeMap<Id, String> = people.iter().map(|&i| (i, person_sort_key(&recs[i]))).collect();
        people.sort_by(|a, b| collate::compare(&keys[a], &keys[b]).then_with(|| recs[*a].url.cmp(&recs[*b].url)));
        news.sort_by(by_date_desc(recs));
        documents.sort_by(by_date_desc(recs));
        pages.sort_by(|a, b| recs[*a].url.cmp(&recs[*b].url));
        campaigns.sort_by(|a, b| {
            let (ca, cb) = (recs[*a].campaign(), recs[*b].campaign());
            let st = |c: Option<&super::record::Campaign>| c.map(|c| status(c.start, c.end, today) != Status::Ongoing);
            let start = |c: Option<&super::record::Campaign>| c.and_then(|c| c.start);
            st(ca).cmp(&st(cb)).then_with(|| start(cb).cmp(&start(ca))).then_with(|| recs[*a].url.cmp(&recs[*b].url))
        });
        site.by_campaign = campaign_links(recs, &campaigns, &people, &news, &documents);
        site.news_of_person = news_of_person(recs, &news);
        site.taxonomies = taxonomies(recs, &people, &news, &documents, &campaigns);
        (site.campaigns, site.people, site.news, site.documents, site.pages) =
            (campaigns, people, news, documents, pages);
        site
    }

    /// The campaign record with this slug.
    pub(crate) fn campaign(&self, slug: &str) -> Option<&Record> {
        self.get(Kind::Campaign, slug)
    }

    /// The record of `kind` with this slug.
    pub(crate) fn get(&self, kind: Kind, slug: &str) -> Option<&Record> {
        self.by_slug.get(&(kind, slug.to_owned())).map(|&i| &self.records[i])
    }

    /// The person record with this slug.
    pub(crate) fn person(&self, slug: &str) -> Option<&Record> {
        self.get(Kind::Person, slug)
    }
}

fn campaign_links(
    recs: &[Record],
    campaigns: &[Id],
    people: &[Id],
    news: &[Id],
    documents: &[Id],
) -> BTreeMap<String, CampaignLinks> {
    let mut map: BTreeMap<String, CampaignLinks> =
        campaigns.iter().map(|&i| (recs[i].slug.clone(), CampaignLinks::default())).collect();
    let mut add = |ids: &[Id], pick: fn(&mut CampaignLinks) -> &mut Vec<Id>| {
        for &i in ids {
            for slug in recs[i].campaign_refs() {
                if let Some(links) = map.get_mut(slug) {
                    pick(links).push(i);
                }
            }
        }
    };
    add(people, |l| &mut l.people);
    add(news, |l| &mut l.news);
    let mut docs_oldest_first = documents.to_vec();
    docs_oldest_first.reverse();
    add(&docs_oldest_first, |l| &mut l.documents);
    map
}

fn news_of_person(recs: &[Record], news: &[Id]) -> BTreeMap<String, Vec<Id>> {
    let mut map: BTreeMap<String, Vec<Id>> = BTreeMap::new();
    for &i in news {
        for slug in recs[i].news().map(|n| n.people.as_slice()).unwrap_or(&[]) {
            map.entry(slug.clone()).or_default().push(i);
        }
    }
    map
}

fn taxonomies(
    recs: &[Record],
    people: &[Id],
    news: &[Id],
    documents: &[Id],
    campaigns: &[Id],
) -> BTreeMap<Taxonomy, BTreeMap<String, Term>> {
    let mut tax: BTreeMap<Taxonomy, BTreeMap<String, Term>> =
        Taxonomy::ALL.iter().map(|t| (*t, BTreeMap::new())).collect();
    let mut add = |t: Taxonomy, name: &str, slug: String, id: Id| {
        if slug.is_empty() {
            return;
        }
        let terms = tax.get_mut(&t).expect("all taxonomies present");
        let term =
            terms.entry(slug.clone()).or_insert_with(|| Term { name: name.to_owned(), slug, records: Vec::new() });
        if term.records.last() != Some(&id) {
            term.records.push(id);
        }
    };
    for &i in campaigns.iter().chain(people).chain(news).chain(documents) {
        let r = &recs[i];
        if let Some(p) = r.person() {
            if let Some(e) = &p.ethnicity {
                add(Taxonomy::Ethnicity, &e.name, e.slug.clone(), i);
            }
            if let Some(d) = &p.district {
                add(Taxonomy::District, d, slugify(d), i);
            }
        }
        if let Some(y) = r.year() {
            add(Taxonomy::Year, &y.to_string(), y.to_string(), i);
        }
        for tag in &r.tags {
            add(Taxonomy::Tag, tag, slugify(tag), i);
        }
    }
    tax
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_from_dates() {
        let today = PartialDate::ymd(2026, 11, 22);
        let y = |s: &str| Some(PartialDate::parse(s).unwrap());
        assert_eq!(status(y("2021"), y("2025"), today), Status::Finished);
        assert_eq!(status(y("2022"), y("2026"), today), Status::Ongoing);
        assert_eq!(status(y("2027-01"), None, today), Status::Upcoming);
        assert_eq!(status(None, None, today), Status::Ongoing);
    }
}
