//! Content: from the files under `content/` to a validated [`Site`] model.
//!
//! `discover` finds the files, `frontmatter` and `fields` read each one into a
//! typed [`record::Record`], `markdown` renders bodies, `validate` checks what
//! spans records (references, duplicates, links), and `site` assembles the
//! model with its relations and taxonomies. All problems of all files are
//! collected; the caller decides whether errors stop the build.

pub mod collate;
pub mod date;
pub mod discover;
pub mod ethnicity;
pub mod external;
pub mod fields;
pub mod frontmatter;
pub mod indicators;
pub mod load;
pub mod markdown;
pub mod record;
pub mod site;
pub mod validate;

pub use record::{Kind, Record};
pub use site::Site;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Options that decide which records are published.
#[derive(Debug, Clone, Copy, Default)]
pub struct Publish {
    /// Include drafts.
    pub drafts: bool,
    /// Include records dated after today.
    pub future: bool,
}

/// The result of loading: the model (possibly partial) and every diagnostic.
pub struct Loaded {
    /// The published site.
    pub site: Site,
    /// Errors and warnings of every file.
    pub diagnostics: Diagnostics,
    /// Number of news list pages.
    pub news_pages: usize,
}

/// Loaded files kept between builds, so `serve` re-reads only what changed.
///
/// Each entry holds one file's front matter, its rendered body and its own
/// diagnostics. Bodies are rendered again when the map of source paths to URLs
/// changes, since `@/` links depend on it.
#[derive(Default)]
pub struct Cache {
    files: BTreeMap<PathBuf, Cached>,
    sources: BTreeMap<String, String>,
}

struct Cached {
    pending: Option<load::Pending>,
    diags: Vec<Diagnostic>,
    body: Option<markdown::Body>,
}

impl Cache {
    /// Forgets `paths`, so the next load reads them again.
    pub fn invalidate<'a>(&mut self, paths: impl IntoIterator<Item = &'a Path>) {
        for p in paths {
            self.files.remove(p);
        }
    }
}

/// Loads and validates the whole site. `static_files` are the site paths of
/// the theme's and the site's static files (for link checking).
pub fn load(config: &Config, publish: Publish, static_files: &BTreeSet<String>) -> Loaded {
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
    finish(config, publish, static_files, rendered, diags, &sources)
}

/// Like [`load`], reusing what `cache` holds for files not invalidated since.
pub fn load_cached(config: &Config, publish: Publish, static_files: &BTreeSet<String>, cache: &mut Cache) -> Loaded {
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
    finish(config, publish, static_files, rendered, diags, &cache.sources)
}

/// Brings `cache` up to date with the files under `content/`: front matter of
/// new files read, bodies rendered where missing. Returns the walk's diagnostics.
fn fill(config: &Config, cache: &mut Cache) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let (files, walk_diags) = discover::discover(&config.root);
    diags.extend(walk_diags);
    let present: BTreeSet<&Path> = files.iter().map(|f| f.file.as_path()).collect();
    cache.files.retain(|p, _| present.contains(p.as_path()));
    let fresh: Vec<(PathBuf, Cached)> = files
        .par_iter()
        .filter(|f| !cache.files.contains_key(&f.file))
        .map(|f| {
            let (pending, diags) = load::load_front(&config.root, f);
            (f.file.clone(), Cached { pending, diags, body: None })
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
    diags
}

fn finish(
    config: &Config,
    publish: Publish,
    static_files: &BTreeSet<String>,
    rendered: Vec<(Record, bool)>,
    mut diags: Diagnostics,
    sources: &BTreeMap<String, String>,
) -> Loaded {
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
    diags.extend(validate::duplicates(&records));
    diags.extend(validate::references(&records, &hidden));
    let mut site = Site::assemble(records, home, intros, config.today);
    site.future = future;
    let news_pages = site.news.len().div_ceil(config.news_per_page).max(1);
    let known = validate::known_urls(&site, static_files, news_pages);
    diags.extend(validate::links(&site, &known, sources));
    Loaded { site, diagnostics: diags, news_pages }
}
