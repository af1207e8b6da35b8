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
use crate::diagnostics::Diagnostics;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

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

/// Loads and validates the whole site. `static_files` are the site paths of
/// the theme's and the site's static files (for link checking).
pub fn load(config: &Config, publish: Publish, static_files: &BTreeSet<String>) -> Loaded {
    let mut diags = Diagnostics::default();
    let (files, walk_diags) = discover::discover(&config.root);
    diags.extend(walk_diags);
    let loaded: Vec<_> = files.par_iter().map(|f| load::load_front(&config.root, f)).collect();
    let mut pending = Vec::with_capacity(loaded.len());
    for (p, ds) in loaded {
        diags.extend(ds);
        pending.extend(p);
    }
    let sources: BTreeMap<String, String> = pending.iter().map(|p| (p.rel.clone(), p.record.url.clone())).collect();
    let rendered = load::render_bodies(pending, &config.base_path);

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
    diags.extend(validate::links(&site, &known, &sources));
    Loaded { site, diagnostics: diags, news_pages }
}
