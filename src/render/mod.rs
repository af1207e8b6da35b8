//! Rendering: from the site model to the files of the portal, in memory.
//!
//! Every page is a [`Page`] of [`crate::content::routes`], which also says where it
//! goes; pages render in parallel (Tera is shared read-only) and each produces
//! one [`OutputFile`]. This module drives it (a whole site at once, streamed in
//! batches, or the search page alone); the work is split by job:
//! `pages` builds each kind of page from view structs ([`views`]: templates
//! never see the model), `incremental` renders what `serve` asks for again after
//! an edit, `feeds` makes the Atom feeds, the sitemap and robots.txt, `chart`
//! the inline SVG charts, `statics` the theme's and site's static files and the
//! files beside records, and `templates` compiles and runs Tera.

pub(crate) mod chart;
pub(crate) mod feeds;
pub(crate) mod format;
mod incremental;
pub(crate) mod minify;
mod pages;
mod statics;
pub(crate) mod templates;
pub(crate) mod views;

pub(crate) use incremental::{render_selection, Selection};
pub(crate) use pages::DESCRIPTION_CHARS;
pub(crate) use statics::{assets, statics};

use crate::config::Config;
use crate::content::routes::{self, registry, Page};
use crate::content::site::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::Images;
use crate::output::OutputFile;
use crate::theme::Theme;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tera::Tera;
use views::Views;

/// What the search stage hands to rendering.
#[derive(Debug, Clone, Default)]
pub(crate) struct SearchPage {
    /// Site path of the index entry file.
    pub(crate) entry: String,
}

/// Everything rendering needs.
pub(crate) struct Renderer<'a> {
    views: Views<'a>,
    tera: std::borrow::Cow<'a, Tera>,
    news_pages: usize,
    search: SearchPage,
    /// The registry's filters, made once.
    filters: BTreeMap<registry::Facet, Vec<registry::Filter>>,
}

/// Everything rendering reads.
pub(crate) struct Inputs<'a> {
    /// The model.
    pub(crate) site: &'a Site,
    /// The configuration.
    pub(crate) config: &'a Config,
    /// Templates and static files.
    pub(crate) theme: &'a Theme,
    /// Number of news list pages.
    pub(crate) news_pages: usize,
    /// The search index entry for the search page.
    pub(crate) search: SearchPage,
    /// Processed images.
    pub(crate) images: &'a Images,
}

/// Renders the whole portal into memory.
pub(crate) fn render(inputs: Inputs) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut files = Vec::new();
    let collect = |batch: Vec<OutputFile>| {
        files.extend(batch);
        Ok::<(), std::convert::Infallible>(())
    };
    match render_streaming(inputs, usize::MAX, true, collect) {
        Ok(()) => Ok(files),
        Err(StreamError::Content(d)) => Err(d),
        Err(StreamError::Sink(never)) => match never {},
    }
}

/// Why [`render_streaming`] stopped.
#[derive(Debug)]
pub(crate) enum StreamError<E> {
    /// Template errors: all of them, from every page.
    Content(Diagnostics),
    /// The sink failed; rendering stopped at once.
    Sink(E),
}

/// Renders the whole portal like [`render`], but hands the files to `sink` in
/// batches (at most `batch` pages each, rendered in parallel) as they are
/// produced, so that only one batch of pages is held in memory at a time.
///
/// The files are those of [`render`], in the same order, except that the
/// search page is left out when `search_page` is false (a build renders it
/// with [`render_search_page`] once the search index exists). After a
/// template error the remaining pages are still rendered, so that every error
/// is reported together, but no further batch reaches `sink`.
pub(crate) fn render_streaming<E>(
    inputs: Inputs,
    batch: usize,
    search_page: bool,
    mut sink: impl FnMut(Vec<OutputFile>) -> Result<(), E>,
) -> Result<(), StreamError<E>> {
    let (site, images) = (inputs.site, inputs.images);
    let r = Renderer::new(inputs).map_err(StreamError::Content)?;
    let mut jobs = r.jobs();
    if !search_page {
        jobs.retain(|j| !matches!(j, Page::Search));
    }
    let mut diags = Diagnostics::default();
    for chunk in jobs.chunks(batch.max(1)) {
        match r.pages(chunk) {
            Ok(files) if !diags.has_errors() => sink(files).map_err(StreamError::Sink)?,
            Ok(_) => {}
            Err(d) => diags.extend(d.sorted()),
        }
    }
    if diags.has_errors() {
        return Err(StreamError::Content(diags));
    }
    sink(r.generated(&jobs)).map_err(StreamError::Sink)?;
    sink(assets(&site.records)).map_err(StreamError::Sink)?;
    sink(crate::media::output_files(&site.records, images)).map_err(StreamError::Sink)?;
    Ok(())
}

/// Renders the search page alone: after the search index changed (serve),
/// or last in a build. It shows the site's name, menu and taxonomy counts,
/// not the records' bodies, so it can be rendered after the bodies have been
/// dropped to make room for the search index. `templates` are reused when given.
pub(crate) fn render_search_page<'a>(
    inputs: Inputs<'a>,
    templates: Option<&'a Templates>,
) -> Result<OutputFile, Diagnostics> {
    let r = Renderer::reusing(inputs, templates)?;
    r.page(&Page::Search).map_err(one)
}

fn one(d: Diagnostic) -> Diagnostics {
    let mut ds = Diagnostics::default();
    ds.push(d);
    ds
}

/// The theme's templates, compiled once and reused by [`render_selection`].
pub(crate) struct Templates(Tera);

impl Templates {
    /// Compiles the templates of `theme` (the theme of `config`).
    pub(crate) fn compile(theme: &Theme, config: &Config) -> Result<Templates, Diagnostics> {
        Ok(Templates(templates::compile(theme, &theme_path(config)).map_err(one)?))
    }
}

fn theme_path(config: &Config) -> PathBuf {
    config.theme_dir.clone().unwrap_or_else(|| PathBuf::from("themes/default (built in)"))
}

impl<'a> Renderer<'a> {
    pub(super) fn new(i: Inputs<'a>) -> Result<Self, Diagnostics> {
        let tera = templates::compile(i.theme, &theme_path(i.config)).map_err(one)?;
        Ok(Self::with_tera(i, std::borrow::Cow::Owned(tera)))
    }

    /// A renderer with templates compiled before, or compiled now.
    pub(super) fn reusing(i: Inputs<'a>, templates: Option<&'a Templates>) -> Result<Self, Diagnostics> {
        match templates {
            Some(t) => Ok(Self::with_tera(i, std::borrow::Cow::Borrowed(&t.0))),
            None => Self::new(i),
        }
    }

    fn with_tera(i: Inputs<'a>, tera: std::borrow::Cow<'a, Tera>) -> Self {
        let views = Views { site: i.site, config: i.config, images: i.images, replaces: views::replacements(i.site) };
        let filters = registry::filters(i.site);
        Renderer { views, tera, news_pages: i.news_pages, search: i.search, filters }
    }

    /// Renders `jobs` in parallel; all template errors together.
    pub(super) fn pages(&self, jobs: &[Page]) -> Result<Vec<OutputFile>, Diagnostics> {
        let results: Vec<Result<OutputFile, Diagnostic>> = jobs.par_iter().map(|j| self.page(j)).collect();
        let mut diags = Diagnostics::default();
        let mut files = Vec::with_capacity(results.len() + 64);
        for res in results {
            match res {
                Ok(f) => files.push(f),
                Err(d) => diags.push(d),
            }
        }
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(files)
    }

    pub(super) fn site(&self) -> &Site {
        self.views.site
    }

    pub(super) fn jobs(&self) -> Vec<Page> {
        routes::pages(self.site(), self.news_pages)
    }
}
