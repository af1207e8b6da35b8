//! `thidua` turns a folder of Markdown records into the static public portal of a
//! provincial Ethnic Affairs Committee.
//!
//! The pipeline flows one way: [`config`] reads `config.toml` and the command
//! line into a validated [`config::Config`]; [`content`] discovers the records,
//! parses their front matter and validates them into a [`content::Site`] model
//! (every problem becomes a [`diagnostics::Diagnostic`], all reported at once);
//! [`render`] turns the model into pages, feeds and charts (a build streams them
//! to the output in batches; `serve` keeps them in memory);
//! [`search`] indexes the records and exports a static index for the browser;
//! [`output`] writes everything into a temporary folder and swaps it into place
//! only when the whole build succeeded, so a failed build never damages the
//! previous output. [`media`] resizes the photos records name, between the
//! model and rendering. [`fresh`] fingerprints a build's inputs and output so
//! that a build with nothing changed stops early.
//!
//! `content::routes` owns the URL scheme every stage asks; [`pipeline`] is the
//! driver both `build` and `serve` run, and [`cache`] names the paths of the
//! cache folder. No module imports one that imports it back
//! (`scripts/module-cycles`).
//!
//! Only what tests, fuzz targets, examples and the binary use is public, item
//! by item: everything else is `pub(crate)`, so `pub` marks the surface. The
//! editor, rendering, media, freshness and theme modules are the crate's own.
//!
//! Around the pipeline: [`serve`] keeps the rendered site in memory and
//! re-renders only the pages a changed record appears on; [`import`] turns
//! official documents into records; [`scaffold`] writes new ones.

pub mod build;
pub(crate) mod cache;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostics;
pub(crate) mod editor;
pub(crate) mod fresh;
pub mod i18n;
pub mod import;
pub(crate) mod media;
pub mod output;
pub(crate) mod pipeline;
pub(crate) mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod text;
pub(crate) mod theme;
