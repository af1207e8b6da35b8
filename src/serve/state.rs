//! The site as `serve` holds it: every output file in memory, changed by the
//! [`Delta`]s the driver's [`Live`] hands back after each rebuild (see
//! [`crate::pipeline::live`] for what is read and rendered again after an
//! edit). A failed rebuild keeps the last good files and records the
//! diagnostics for the browser overlay.

use crate::build::BuildOptions;
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::output::Content;
use crate::pipeline::live::{Delta, Live, Rebuilt, Removal};
use crate::search;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The site as the HTTP threads see it: the files and errors of the last
/// rebuild, published when it ends. Requests read this, never the [`State`],
/// so a slow rebuild never makes them wait.
#[derive(Debug, Clone, Default)]
pub(crate) struct Served {
    /// Output path → content.
    pub(crate) files: Arc<BTreeMap<String, Arc<Content>>>,
    /// The errors of the last rebuild, if it failed.
    pub(crate) errors: Arc<Vec<Diagnostic>>,
}

/// What one rebuild did, for the terminal and the reload message.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Files rendered again.
    pub(crate) rendered: usize,
    /// Time from the start of the rebuild to a servable site.
    pub(crate) elapsed: Duration,
    /// Errors (the last good site stays served).
    pub errors: Vec<Diagnostic>,
    pub(crate) warnings: Vec<Diagnostic>,
}

/// Inputs of a search index build that runs without holding the state.
pub struct SearchJob {
    /// The records as search sees them.
    pub docs: Vec<search::SearchDoc>,
    /// The glossary.
    pub glossary: search::Glossary,
    /// The index folder to write.
    pub dir: PathBuf,
}

/// The served site.
pub struct State {
    live: Live,
    /// Output path (`phong-trao/a/index.html`) → content. Shared with the
    /// [`Served`] copies handed out, so publishing one is cheap; a rebuild
    /// changes its own copy of the map (the contents themselves are shared).
    pub files: Arc<BTreeMap<String, Arc<Content>>>,
    /// The errors of the last rebuild, if it failed.
    pub(crate) errors: Vec<Diagnostic>,
}

impl State {
    /// An empty state; call [`State::rebuild_all`] next.
    pub fn new(opts: BuildOptions) -> State {
        State { live: Live::new(opts), files: Arc::default(), errors: Vec::new() }
    }

    /// The files and errors to serve now.
    pub(crate) fn served(&self) -> Served {
        Served { files: self.files.clone(), errors: Arc::new(self.errors.clone()) }
    }

    /// Reads config, theme, static files and all content, and renders everything.
    pub fn rebuild_all(&mut self) -> Outcome {
        let started = Instant::now();
        let result = self.live.rebuild_all();
        self.settle(result, started)
    }

    /// Reads again only the content files in `paths`, and renders only what shows them.
    pub fn rebuild_content(&mut self, paths: &[PathBuf]) -> Outcome {
        let started = Instant::now();
        let result = self.live.rebuild_content(paths);
        self.settle(result, started)
    }

    /// Applies a rebuild's files, or keeps the last good ones and its errors.
    fn settle(&mut self, result: Result<Rebuilt, Vec<Diagnostic>>, started: Instant) -> Outcome {
        match result {
            Ok(Rebuilt { rendered, warnings, deltas }) => {
                deltas.into_iter().for_each(|d| self.apply(d));
                self.errors.clear();
                Outcome { rendered, elapsed: started.elapsed(), errors: Vec::new(), warnings }
            }
            Err(errors) => {
                self.errors = errors.iter().filter(|d| d.is_error()).cloned().collect();
                Outcome { errors: self.errors.clone(), elapsed: started.elapsed(), ..Outcome::default() }
            }
        }
    }

    /// Changes the served files (copied first when a [`Served`] still shares them).
    fn apply(&mut self, delta: Delta) {
        let map = Arc::make_mut(&mut self.files);
        match &delta.remove {
            Removal::Paths(paths) => paths.iter().for_each(|p| drop(map.remove(p))),
            every => map.retain(|p, _| !every.covers(p)),
        }
        map.extend(delta.files.into_iter().map(|f| (f.path, Arc::new(f.content))));
    }

    /// The model the last content rebuild replaced, to drop outside the lock.
    pub(crate) fn take_retired(&mut self) -> Option<Site> {
        self.live.take_retired()
    }

    /// What the background re-indexer needs: the records as search sees them,
    /// the glossary, and its own index folder (never the one full rebuilds use).
    pub fn search_job(&self) -> Result<Option<SearchJob>, Vec<Diagnostic>> {
        let Some((glossary, dir)) = self.search_setup()? else { return Ok(None) };
        let docs = self.search_docs(0, self.record_count());
        Ok(Some(SearchJob { docs, glossary, dir }))
    }

    /// The glossary and the background re-indexer's own index folder (never
    /// the one full rebuilds use); `None` before the config is loaded.
    pub(crate) fn search_setup(&self) -> Result<Option<(search::Glossary, PathBuf)>, Vec<Diagnostic>> {
        self.live.search_setup()
    }

    /// The records from index `from`, at most `count` of them, as search sees
    /// them: the re-indexer takes them a slice at a time, so that it never
    /// holds the state long enough to delay a rebuild.
    pub(crate) fn search_docs(&self, from: usize, count: usize) -> Vec<search::SearchDoc> {
        self.live.search_docs(from, count)
    }

    /// The number of published records.
    pub(crate) fn record_count(&self) -> usize {
        self.live.record_count()
    }

    /// Changes whenever the model changes (slices of search documents taken
    /// at the same version belong together).
    pub(crate) fn version(&self) -> u64 {
        self.live.version()
    }

    /// Serves a search index built in the background, and the pages that name it.
    pub fn apply_search(&mut self, export: search::SearchExport) -> Result<(), Vec<Diagnostic>> {
        if let Some(delta) = self.live.apply_search(export)? {
            self.apply(delta);
        }
        Ok(())
    }
}
