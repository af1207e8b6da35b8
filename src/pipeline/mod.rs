//! The driver: the stages of a site, run the same way by `build` and `serve`.
//!
//! [`Setup`] reads the config, the theme and the site's static files;
//! [`Model::load`] reads and validates the content into the site model (from a
//! [`content::Cache`] kept between rebuilds, for `serve`); then come the
//! search documents ([`search_doc`], [`take_search_docs`]), the images, the
//! rendering and the search index. The cache folder they use is named in one
//! place, [`crate::cache`].
//!
//! Two ways through the same stages:
//! - [`stream::write_site`] runs them once, streaming the pages into the
//!   output in batches while the search index is built beside them (what
//!   `crate::build` calls, with the output's lock and stamp around it);
//! - [`live::Live`] keeps the model in memory and, after an edit, works out
//!   what changed and which pages show it ([`incremental`]), and renders only
//!   those; it hands back the files to replace as a [`live::Delta`], which
//!   `crate::serve::state` applies to the files it serves.

pub(crate) mod incremental;
pub(crate) mod live;
mod search_docs;
pub(crate) mod stream;

pub(crate) use search_docs::{search_doc, slim, take_search_docs};

use crate::config::{self, Config, Overrides};
use crate::content::{self, Publish, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::Images;
use crate::output::{self, OutputError};
use crate::render::{Inputs, SearchPage};
use crate::search;
use crate::theme::{self, Theme};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Command-line overrides of the config.
    pub overrides: Overrides,
    /// Include records dated after today.
    pub future: bool,
}

/// The first stage: what every later stage reads besides the content.
pub(crate) struct Setup {
    /// The validated configuration.
    pub(crate) config: Config,
    /// Templates and static files of the theme.
    pub(crate) theme: Theme,
    /// The site's own static files, by site path.
    pub(crate) statics: BTreeMap<String, Vec<u8>>,
}

impl Setup {
    /// Reads `config.toml` under `root` (with the command line's overrides),
    /// then the theme and the static files it names.
    pub(crate) fn load(root: &Path, overrides: &Overrides) -> Result<Setup, Diagnostic> {
        Setup::from_config(config::load(root, overrides)?)
    }

    /// Reads the theme and static files of an already loaded `config`.
    pub(crate) fn from_config(config: Config) -> Result<Setup, Diagnostic> {
        let theme = theme::load(&config)?;
        let statics = theme::site_statics(&config.root)?;
        Ok(Setup { config, theme, statics })
    }
}

/// The second stage: the setup and the validated site model.
pub(crate) struct Model {
    /// The validated configuration.
    pub(crate) config: Config,
    /// Templates and static files of the theme.
    pub(crate) theme: Theme,
    /// The site's own static files, by site path.
    pub(crate) statics: BTreeMap<String, Vec<u8>>,
    /// The published records with their relations.
    pub(crate) site: Site,
    /// The warnings of the content (errors stop at [`Model::load`]).
    pub(crate) warnings: Diagnostics,
    /// The number of news list pages.
    pub(crate) news_pages: usize,
}

impl Model {
    /// Reads and validates the content under the setup's root, reusing what
    /// `cache` holds of files not changed since (`serve`), or reading every
    /// file (a build, which keeps nothing). Any error stops here, with every
    /// diagnostic sorted by file and line.
    pub(crate) fn load(
        setup: Setup,
        future: bool,
        cache: Option<&mut content::Cache>,
    ) -> Result<Model, Vec<Diagnostic>> {
        let Setup { config, theme, statics } = setup;
        let publish = Publish { drafts: config.drafts, future };
        let paths = theme::static_paths(&theme, &statics);
        let loaded = match cache {
            Some(cache) => content::load_cached(&config, publish, &paths, cache),
            None => content::load(&config, publish, &paths),
        };
        if loaded.diagnostics.has_errors() {
            return Err(loaded.diagnostics.sorted());
        }
        Ok(Model {
            config,
            theme,
            statics,
            site: loaded.site,
            warnings: loaded.diagnostics,
            news_pages: loaded.news_pages,
        })
    }

    /// What rendering reads of the model, with the resized `images` and the
    /// search index's `entry` file.
    pub(crate) fn inputs<'a>(&'a self, images: &'a Images, entry: String) -> Inputs<'a> {
        Inputs {
            site: &self.site,
            config: &self.config,
            theme: &self.theme,
            news_pages: self.news_pages,
            search: SearchPage { entry },
            images,
        }
    }
}

/// The stages of a build, reported as they start (for a progress display).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and validating content.
    Load,
    /// Building the search index.
    Index,
    /// Resizing images.
    Images,
    /// Rendering pages.
    Render,
    /// Writing the output.
    Write,
}

impl Stage {
    /// Every stage (a build reports each once, as it starts).
    pub const ALL: [Stage; 5] = [Stage::Load, Stage::Index, Stage::Images, Stage::Render, Stage::Write];
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Content errors: all of them, sorted by file and line, with warnings too.
    #[error("{} error(s) in the content", .0.iter().filter(|d| d.is_error()).count())]
    Content(Vec<Diagnostic>),
    /// The output could not be written (the previous output is intact).
    #[error("writing the output failed (the previous output is intact): {0}")]
    Output(#[from] OutputError),
    /// The output folder may not be written (see [`output::prepare`]);
    /// nothing was done.
    #[error("{0}")]
    Refused(#[from] output::Refusal),
    /// The search index could not be built.
    #[error("building the search index failed: {0}")]
    Search(#[from] search::SearchError),
}

/// With `THIDUA_TRACE` set, prints on stderr how long a rebuild has taken so
/// far at the stage `label` (for profiling serve's latency).
pub(crate) fn trace(label: &str, since: Instant) {
    if std::env::var_os("THIDUA_TRACE").is_some() {
        eprintln!("trace {label}: {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
}
