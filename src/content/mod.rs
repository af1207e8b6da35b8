//! Content: from the files under `content/` to a validated [`Site`] model.
//!
//! `discover` finds the files, `frontmatter` and `fields` read each one into a
//! typed [`record::Record`], `markdown` renders bodies, `site` assembles the
//! model with its relations and taxonomies, `routes` gives each page of the
//! model its URL (it reads only the model's types), and `validate` checks
//! what spans records (references, duplicates, links, the names `routes`
//! keeps for itself). All problems of all files are
//! collected; the caller decides whether errors stop the build.

pub(crate) mod collate;
pub(crate) mod confine;
pub mod discover;
pub(crate) mod ethnicity;
pub mod external;
pub(crate) mod fields;
pub mod frontmatter;
pub(crate) mod indicators;
pub mod load;
pub mod markdown;
pub(crate) mod preview;
pub(crate) mod record;
pub(crate) mod routes;
pub(crate) mod schema;
pub mod scheme;
pub(crate) mod site;
pub(crate) mod validate;

pub use record::{Kind, Record};
pub(crate) use site::Site;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Options that decide which records are published.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Publish {
    /// Include drafts.
    pub(crate) drafts: bool,
    /// Include records dated after today.
    pub(crate) future: bool,
}

/// The result of loading: the model (possibly partial) and every diagnostic.
pub(crate) struct Loaded {
    /// The published site.
    pub(crate) site: Site,
    /// Errors and warnings of every file.
    pub(crate) diagnostics: Diagnostics,
    /// Number of news list pages.
    pub(crate) news_pages: usize,
}

/// Loaded files kept between builds, so `serve` re-reads only what changed.
///
/// Each entry holds one file's front matter, its rendered body and its own
/// diagnostics. Bodies are rendered again when the map of source paths to URLs
/// changes, since `@/` links depend on it.
#[derive(Default)]
pub(crate) struct Cache {
    files: BTreeMap<PathBuf, Cached>,
    sources: BTreeMap<String, String>,
    /// Files [`update_bodies`] read that no load has used yet.
    fresh: BTreeSet<PathBuf>,
    /// The site paths the last load published (for link checks).
    known: BTreeSet<String>,
    /// The link diagnostics of each record of the last load, by index in `Site::records`.
    links: Vec<Vec<Diagnostic>>,
    /// The files the last walk of content/ found, while no file was created,
    /// deleted or renamed since (see [`Cache::note_changed`]).
    walked: Option<Vec<discover::SourceFile>>,
}

struct Cached {
    src: discover::SourceFile,
    pending: Option<load::Pending>,
    diags: Vec<Diagnostic>,
    body: Option<markdown::Body>,
}

impl Cache {
    /// True when `path` was read since the last load and not loaded into a site yet.
    pub(crate) fn is_fresh(&self, path: &Path) -> bool {
        self.fresh.contains(path)
    }

    /// Notes that `paths` changed. When one of them is not a file the cache
    /// knows (it was created) or is no longer a file (deleted, renamed), the
    /// next load walks content/ again; otherwise it reuses the last walk.
    pub(crate) fn note_changed(&mut self, paths: &[PathBuf]) {
        if paths.iter().any(|p| !self.files.contains_key(p) || !p.is_file()) {
            self.walked = None;
        }
    }

    /// Forgets `paths`, so the next load reads them again.
    pub(crate) fn invalidate<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        for p in paths {
            self.files.remove(p);
        }
    }
}

/// The result of [`update_bodies`]: the edits changed only record bodies, and
/// `site` now holds the new records.
pub(crate) struct BodiesUpdated {
    /// Site paths of the records whose bodies changed.
    pub(crate) urls: BTreeSet<String>,
    /// Every diagnostic of the site, as a full load would give them.
    pub(crate) diagnostics: Diagnostics,
    /// The records replaced, with their index in `site.records`, to put back
    /// with [`BodiesUpdated::revert`] if the new site cannot be used.
    replaced: Vec<(usize, Record)>,
}

impl BodiesUpdated {
    /// Puts the records replaced back into `site`.
    pub(crate) fn revert(self, site: &mut Site) {
        for (i, r) in self.replaced {
            site.records[i] = r;
        }
    }
}

/// A record without what may change without changing any other page: its body
/// and the text of its file. Two records with equal keys are listed, related
/// and published the same way. The record's own fields are compared (it was
/// their `Debug` text, which a field's `Debug` could change without a word).
#[derive(PartialEq)]
struct ListingKey(Record);

fn listing_key(r: &Record) -> ListingKey {
    let mut bare = Record { body: markdown::Body::default(), ..r.clone() };
    bare.source.text.clear();
    ListingKey(bare)
}

/// Applies edits of `paths` to `site` in place when they changed only the
/// bodies of published records (front matter, URL and file set unchanged),
/// which is what saving a record usually does. The site must be the result of
/// the last successful load with `cache`. Then nothing else is read, cloned or
/// assembled again: the edited files are read into the cache, their records
/// replaced, and only the links of the edited records and of the records that
/// link to them (to headings that may have changed) are checked again; the
/// other records' link diagnostics are kept from the last load. Returns `None` when the edit changed more;
/// the cache then already holds the edited files for [`load_cached`].
pub(crate) fn update_bodies(
    config: &Config,
    cache: &mut Cache,
    site: &mut Site,
    paths: &[PathBuf],
) -> Option<BodiesUpdated> {
    let mut found = Vec::with_capacity(paths.len());
    for path in paths {
        let index = site.records.iter().position(|r| r.source.file == *path)?;
        let src = cache.files.get(path)?.src.clone();
        found.push((index, src));
    }
    let mut updated = Vec::with_capacity(found.len());
    let mut ok = true;
    for (index, src) in found {
        let (pending, diags) = load::load_front(&config.root, &src);
        let same_url = pending.as_ref().is_some_and(|p| cache.sources.get(&p.rel) == Some(&p.record.url));
        let usable = same_url && !diags.iter().any(Diagnostic::is_error);
        let body = match pending.as_ref().filter(|_| usable) {
            Some(p) => {
                let ctx = markdown::LinkContext { base_path: &config.base_path, sources: &cache.sources };
                Some(p.render_body(&ctx))
            }
            None => None,
        };
        if let (Some(p), Some(b)) = (&pending, &body) {
            let record = Record { body: b.clone(), ..p.record.clone() };
            if listing_key(&record) == listing_key(&site.records[index]) {
                updated.push((index, record));
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        cache.fresh.insert(src.file.clone());
        cache.files.insert(src.file.clone(), Cached { src, pending, diags, body });
    }
    if !ok {
        return None;
    }
    cache.fresh.clear();
    if cache.links.len() != site.records.len() {
        return None;
    }
    let mut urls = BTreeSet::new();
    let mut replaced = Vec::with_capacity(updated.len());
    for (index, record) in updated {
        urls.insert(record.url.clone());
        replaced.push((index, std::mem::replace(&mut site.records[index], record)));
    }
    // Links are checked again in the edited records, and in the records that
    // link to them (their headings may have changed); the others' stand.
    let sources = &cache.sources;
    let targets = |r: &'_ Record| -> Vec<String> {
        r.body.links.iter().filter_map(|l| validate::link_target(r, &l.dest, sources)).map(str::to_owned).collect()
    };
    let affected: Vec<usize> = (0..site.records.len())
        .filter(|&i| {
            let r = &site.records[i];
            urls.contains(&r.url)
                || r.body
                    .links
                    .iter()
                    .any(|l| validate::link_target(r, &l.dest, sources).is_some_and(|t| urls.contains(t)))
        })
        .collect();
    let wanted: BTreeSet<String> = affected.iter().flat_map(|&i| targets(&site.records[i])).collect();
    let anchors: BTreeMap<&str, BTreeSet<&str>> = site
        .records
        .iter()
        .filter(|r| wanted.contains(&r.url))
        .map(|r| (r.url.as_str(), r.body.headings.iter().map(|h| h.id.as_str()).collect()))
        .collect();
    for &i in &affected {
        cache.links[i] = validate::record_links(&site.records[i], &cache.known, sources, &anchors);
    }
    let mut diags = Diagnostics::default();
    for c in cache.files.values() {
        diags.extend(c.diags.iter().cloned());
    }
    diags.extend(cache.links.iter().flatten().cloned());
    if config.preview && config.drafts {
        let drafts = draft_paths(config, cache);
        let mut demoted = Diagnostics::default();
        demoted.extend(preview::demote(diags.sorted(), &drafts));
        diags = demoted;
    }
    Some(BodiesUpdated { urls, diagnostics: diags, replaced })
}

/// Loads and validates the whole site. `static_files` are the site paths of
/// the theme's and the site's static files (for link checking).
pub(crate) fn load(config: &Config, publish: Publish, static_files: &BTreeSet<String>) -> Loaded {
    let mut cache = Cache::default();
    let mut diags = fill(config, &mut cache);
    let sources = std::mem::take(&mut cache.sources);
    // The cache is consumed, not cloned: each record and its body are moved
    // out, and the file's Markdown is dropped as soon as its record is taken,
    // so the whole site is never held twice (this is the build's path; serve
    // keeps its cache and uses `load_cached`).
    let mut rendered = Vec::with_capacity(cache.files.len());
    for c in std::mem::take(&mut cache.files).into_values() {
        diags.extend(c.diags);
        if let (Some(p), Some(body)) = (c.pending, c.body) {
            let is_intro = p.is_intro;
            let mut record = p.record;
            record.body = body;
            rendered.push((record, is_intro));
        }
    }
    finish(config, publish, static_files, rendered, diags, &sources, None).0
}

/// Like [`load`], reusing what `cache` holds for files not invalidated since.
pub(crate) fn load_cached(
    config: &Config,
    publish: Publish,
    static_files: &BTreeSet<String>,
    cache: &mut Cache,
) -> Loaded {
    let mut diags = fill(config, cache);
    let mut rendered = Vec::with_capacity(cache.files.len());
    for c in cache.files.values() {
        diags.extend(c.diags.iter().cloned());
        if let (Some(p), Some(body)) = (&c.pending, &c.body) {
            let mut record = p.record.clone();
            record.body = body.clone();
            rendered.push((record, p.is_intro));
        }
    }
    let drafts = (config.preview && publish.drafts).then(|| draft_paths(config, cache));
    let (loaded, known, links) = finish(config, publish, static_files, rendered, diags, &cache.sources, drafts);
    (cache.known, cache.links) = (known, links);
    loaded
}

/// The files of the drafts `cache` holds, as diagnostics name them: records
/// marked `draft = true`, and files that could not be made a record but say so
/// (see [`preview`]).
fn draft_paths(config: &Config, cache: &Cache) -> BTreeSet<PathBuf> {
    cache
        .files
        .values()
        .filter(|c| match &c.pending {
            Some(p) => p.record.draft,
            None => c.diags.iter().any(Diagnostic::is_error) && preview::is_draft_file(&c.src),
        })
        .map(|c| crate::diagnostics::display_path(&config.root, &c.src.file))
        .collect()
}

/// Brings `cache` up to date with the files under `content/`: front matter of
/// new files read, bodies rendered where missing. Returns the walk's diagnostics.
fn fill(config: &Config, cache: &mut Cache) -> Diagnostics {
    let mut diags = Diagnostics::default();
    cache.fresh.clear();
    let mut walk_failed = false;
    if cache.walked.is_none() {
        let (files, walk_diags) = discover::discover(&config.root);
        walk_failed = !walk_diags.is_empty();
        diags.extend(walk_diags);
        cache.walked = Some(files);
    }
    let files = cache.walked.as_ref().expect("walked just now or before");
    let present: BTreeSet<&Path> = files.iter().map(|f| f.file.as_path()).collect();
    cache.files.retain(|p, _| present.contains(p.as_path()));
    let fresh: Vec<(PathBuf, Cached)> = files
        .par_iter()
        .filter(|f| !cache.files.contains_key(&f.file))
        .map(|f| {
            let (pending, diags) = load::load_front(&config.root, f);
            (f.file.clone(), Cached { src: f.clone(), pending, diags, body: None })
        })
        .collect();
    cache.files.extend(fresh);
    let sources: BTreeMap<String, String> = cache
        .files
        .values()
        .filter_map(|c| c.pending.as_ref())
        .map(|p| (p.rel.clone(), p.record.url.clone()))
        .collect();
    if sources != cache.sources {
        cache.files.values_mut().for_each(|c| c.body = None);
        cache.sources = sources;
    }
    let ctx = markdown::LinkContext { base_path: &config.base_path, sources: &cache.sources };
    cache.files.par_iter_mut().for_each(|(_, c)| {
        if let (None, Some(p)) = (&c.body, &c.pending) {
            c.body = Some(p.render_body(&ctx));
        }
    });
    if walk_failed {
        // A walk with problems is done again next time (they may be fixed by then).
        cache.walked = None;
    }
    diags
}

fn finish(
    config: &Config,
    publish: Publish,
    static_files: &BTreeSet<String>,
    rendered: Vec<(Record, bool)>,
    mut diags: Diagnostics,
    sources: &BTreeMap<String, String>,
    drafts: Option<BTreeSet<PathBuf>>,
) -> (Loaded, BTreeSet<String>, Vec<Vec<Diagnostic>>) {
    let mut home = None;
    let mut intros = BTreeMap::new();
    let mut records = Vec::with_capacity(rendered.len());
    let mut hidden = BTreeSet::new();
    let mut future = Vec::new();
    for (r, is_intro) in rendered {
        if is_intro {
            match r.kind {
                Kind::Page if r.url == "/" => home = Some(r),
                Kind::Page => {}
                k => {
                    intros.insert(k, r);
                }
            }
            continue;
        }
        let is_future = r.date.is_some_and(|d| d.first_day() > config.today);
        if (r.draft && !publish.drafts) || (is_future && !publish.future) {
            if is_future {
                future.push((r.source.path.display().to_string(), r.date.expect("dated")));
            }
            hidden.insert(r.url.clone());
            continue;
        }
        records.push(r);
    }
    if drafts.is_some() {
        diags.extend(preview::set_aside(&mut records, static_files, &mut hidden));
    }
    diags.extend(validate::duplicates(&records));
    diags.extend(validate::references(&records, &hidden));
    diags.extend(validate::districts(&records));
    diags.extend(validate::collisions(&records, static_files));
    let mut site = Site::assemble(records, home, intros, config.today);
    site.future = future;
    let news_pages = crate::content::routes::news_pages(site.news.len(), config.news_per_page);
    let known = crate::content::routes::known_urls(&site, static_files, news_pages);
    let anchors = validate::anchors(&site);
    let mut links: Vec<Vec<Diagnostic>> =
        site.records.iter().map(|r| validate::record_links(r, &known, sources, &anchors)).collect();
    drop(anchors);
    if let Some(drafts) = &drafts {
        for l in &mut links {
            *l = preview::demote(std::mem::take(l), drafts);
        }
        let mut demoted = Diagnostics::default();
        demoted.extend(preview::demote(diags.sorted(), drafts));
        diags = demoted;
    }
    diags.extend(links.iter().flatten().cloned());
    (Loaded { site, diagnostics: diags, news_pages }, known, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str, body: &str) -> Record {
        let src = discover::SourceFile {
            rel: "tin-tuc/a.md".into(),
            file: PathBuf::from("/site/content/tin-tuc/a.md"),
            kind: Kind::News,
            dirs: Vec::new(),
            stem: "a".into(),
            bundle: None,
            is_intro: false,
        };
        let (pending, diags) = load::load_front_bytes(Path::new("/site"), &src, text.as_bytes().to_vec());
        assert!(diags.is_empty(), "{diags:?}");
        let sources = BTreeMap::new();
        let ctx = markdown::LinkContext { base_path: "/", sources: &sources };
        let mut r = pending.expect("a record").record;
        r.body = markdown::render(body, 1, &ctx);
        r
    }

    #[test]
    fn listing_key_ignores_the_body_and_compares_every_other_field() {
        let front = "+++\ntitle = \"A\"\ndate = 2024-05-01\n+++\n";
        let a = record(front, "Một.");
        assert!(listing_key(&a) == listing_key(&record(front, "Hai, khác hẳn.")), "body only");
        let retitled = record("+++\ntitle = \"B\"\ndate = 2024-05-01\n+++\n", "Một.");
        assert!(listing_key(&a) != listing_key(&retitled), "title");
        let redated = record("+++\ntitle = \"A\"\ndate = 2024-05-02\n+++\n", "Một.");
        assert!(listing_key(&a) != listing_key(&redated), "date");
    }
}
