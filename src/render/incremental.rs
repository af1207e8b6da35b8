//! Renders what `serve` asks for after an edit: a [`Selection`] of pages and
//! feeds, which the driver works out (`crate::pipeline::incremental`).

use super::{Inputs, Renderer, Templates};
use crate::content::routes::{self, Page};
use crate::diagnostics::Diagnostics;
use crate::output::OutputFile;
use std::collections::BTreeSet;

/// What to render again after an edit.
pub(crate) struct Selection {
    /// The pages to render again.
    pub(crate) pages: Vec<Page>,
    /// The campaigns whose feeds to render again (the news feed always is).
    pub(crate) campaigns: BTreeSet<usize>,
    /// Every page of the site, when the sitemap (and robots.txt) are to be
    /// written again: the edit may have added or removed pages.
    pub(crate) sitemap: Option<Vec<Page>>,
    /// Files of the previous render that the site no longer has (pages of
    /// deleted records and terms, feeds of deleted campaigns).
    pub(crate) removed: Vec<String>,
}

/// What an incremental render produced.
pub(crate) struct Partial {
    /// The pages selected, and the feeds and lists that go with them.
    pub(crate) files: Vec<OutputFile>,
    /// Files of the previous render that the site no longer has: those of the
    /// selection, and the syntax stylesheet when no record needs it any more.
    pub(crate) removed: Vec<String>,
}

/// Renders the pages and feeds of `selection`, with the templates compiled
/// before when given (else compiled now).
pub(crate) fn render_selection<'a>(
    inputs: Inputs<'a>,
    templates: Option<&'a Templates>,
    selection: Selection,
) -> Result<Partial, Diagnostics> {
    let r = Renderer::reusing(inputs, templates)?;
    let mut files = r.pages(&selection.pages)?;
    files.extend(r.feeds(Some(&selection.campaigns)));
    if let Some(all) = &selection.sitemap {
        files.push(r.sitemap(all));
        files.push(OutputFile::bytes(routes::output_path(routes::ROBOTS), super::feeds::robots(r.views.config)));
    }
    files.extend(r.syntax_css());
    let mut removed = selection.removed;
    if !files.iter().any(|f| f.path == "css/syntax.css") {
        removed.push("css/syntax.css".into());
    }
    Ok(Partial { files, removed })
}
