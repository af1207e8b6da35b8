//! The stages `build` and `serve` share, so that both run the same pipeline:
//! [`Setup`] (config → theme → the site's static files), the content model
//! (`content::load`, cached by `serve`), the search documents of the model
//! ([`search_doc`], [`take_search_docs`]), images, rendering, and the one
//! cache folder they all use ([`cache`]).
//!
//! A build runs the stages once, streaming pages to the output
//! (`crate::build`); `serve` runs them into memory and then again for each
//! edit, incrementally (`crate::serve::state`, asking
//! [`crate::render::render_changed`] for what an edit can have changed).

pub(crate) mod cache;
mod search_docs;

pub(crate) use search_docs::{search_doc, slim, take_search_docs};

use crate::config::{self, Config, Overrides};
use crate::diagnostics::Diagnostic;
use crate::theme::{self, Theme};
use std::collections::BTreeMap;
use std::path::Path;

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
