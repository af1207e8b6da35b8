//! The stages kept running between edits (what `serve` drives): the model in
//! memory, rebuilt fully (config, theme or static files changed) or
//! incrementally (records changed: only those files are read again, and only
//! the pages that show those records are rendered again). Each rebuild hands
//! back the files to replace as a [`Delta`]; a failed one leaves the model as
//! it was.

use super::incremental::{self, Before};
use super::{search_doc, trace, BuildOptions, Setup};
use crate::cache::CacheDir;
use crate::config::Config;
use crate::content::{self, Publish, Record, Site};
use crate::diagnostics::Diagnostic;
use crate::media::{self, Images};
use crate::output::{Content, OutputFile};
use crate::render::{self, Inputs, SearchPage, Selection};
use crate::search;
use crate::theme::{self, Theme};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Which files of the previous render a [`Delta`] removes before adding its own.
pub(crate) enum Removal {
    /// These paths.
    Paths(Vec<String>),
    /// Every file but the search index's (a full render).
    AllButSearch,
    /// Every file of the search index (a new index).
    Search,
}

impl Removal {
    /// True when `path`, a file of the previous render, is removed.
    pub(crate) fn covers(&self, path: &str) -> bool {
        match self {
            Removal::Paths(paths) => paths.iter().any(|p| p == path),
            Removal::AllButSearch => !is_search_file(path),
            Removal::Search => is_search_file(path),
        }
    }
}

/// True for a file of the search index (`_search/…`, an output path).
fn is_search_file(path: &str) -> bool {
    path.starts_with(crate::content::routes::SEARCH_INDEX.trim_start_matches('/'))
}

/// How the served files change after a rebuild: `remove` first, then add `files`.
pub(crate) struct Delta {
    /// The files of the previous render to drop.
    pub(crate) remove: Removal,
    /// The files to add (replacing any at the same path).
    pub(crate) files: Vec<OutputFile>,
}

/// What a successful rebuild did.
pub(crate) struct Rebuilt {
    /// Files rendered again.
    pub(crate) rendered: usize,
    /// Warnings of the content.
    pub(crate) warnings: Vec<Diagnostic>,
    /// How the files change, in order.
    pub(crate) deltas: Vec<Delta>,
}

/// The model and what was made of it, kept between rebuilds.
pub(crate) struct Live {
    opts: BuildOptions,
    config: Option<Config>,
    theme: Theme,
    statics: BTreeMap<String, Vec<u8>>,
    cache: content::Cache,
    site: Site,
    news_pages: usize,
    search_entry: String,
    images: Images,
    /// The theme's templates, compiled when the theme was loaded.
    templates: Option<render::Templates>,
    /// The model a content rebuild replaced, to be dropped after the reload
    /// has been sent (freeing thousands of records takes a while).
    retired: Option<Site>,
    /// Bumped whenever `site` changes.
    version: u64,
    /// A full render succeeded once: its files are served, and an edit can
    /// be rendered incrementally over them.
    rendered: bool,
    /// The last rebuild failed: the model and the cache's link checks may be
    /// those of an older site, so an edit is not applied to bodies alone.
    failed: bool,
}

fn sorted(diags: impl IntoIterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut v: Vec<Diagnostic> = diags.into_iter().collect();
    v.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    v
}

impl Live {
    /// Nothing loaded yet; call [`Live::rebuild_all`] next.
    pub(crate) fn new(opts: BuildOptions) -> Live {
        Live {
            opts,
            config: None,
            theme: Theme::default(),
            statics: BTreeMap::new(),
            cache: content::Cache::default(),
            site: Site::default(),
            news_pages: 1,
            search_entry: String::new(),
            images: Images::new(),
            templates: None,
            retired: None,
            version: 0,
            rendered: false,
            failed: false,
        }
    }

    fn cache_dir(&self) -> CacheDir {
        CacheDir::of_site(&self.opts.root)
    }

    fn inputs<'a>(&'a self, config: &'a Config) -> Inputs<'a> {
        Inputs {
            site: &self.site,
            config,
            theme: &self.theme,
            news_pages: self.news_pages,
            search: SearchPage { entry: self.search_entry.clone() },
            images: &self.images,
        }
    }

    /// Reads config, theme, static files and all content, and renders everything.
    pub(crate) fn rebuild_all(&mut self) -> Result<Rebuilt, Vec<Diagnostic>> {
        let result = self.load_all();
        self.failed = result.is_err();
        result
    }

    /// Reads again only the content files in `paths`, and renders only what shows them.
    pub(crate) fn rebuild_content(&mut self, paths: &[PathBuf]) -> Result<Rebuilt, Vec<Diagnostic>> {
        let result = self.load_changed(paths);
        self.failed = result.is_err();
        result
    }

    fn load_all(&mut self) -> Result<Rebuilt, Vec<Diagnostic>> {
        let started = Instant::now();
        let Setup { config, theme, statics } =
            Setup::load(&self.opts.root, &self.opts.overrides).map_err(|d| vec![d])?;
        self.cache = content::Cache::default();
        // A template that does not compile is reported by the full render below.
        self.templates = render::Templates::compile(&theme, &config).ok();
        self.config = Some(config);
        self.theme = theme;
        self.statics = statics;
        self.reload_content(None, started)
    }

    fn load_changed(&mut self, paths: &[PathBuf]) -> Result<Rebuilt, Vec<Diagnostic>> {
        if self.config.is_none() {
            return self.load_all();
        }
        let started = Instant::now();
        self.cache.note_changed(paths);
        if !self.failed && self.rendered {
            if let Some(rebuilt) = self.update_bodies(paths, started) {
                return rebuilt;
            }
        }
        // Files that `update_bodies` read are fresh in the cache already.
        let stale: Vec<&Path> = paths.iter().map(PathBuf::as_path).filter(|p| !self.cache.is_fresh(p)).collect();
        self.cache.invalidate(stale);
        self.reload_content(Some(paths).filter(|_| self.rendered), started)
    }

    /// The model the last content rebuild replaced, to drop outside the lock.
    pub(crate) fn take_retired(&mut self) -> Option<Site> {
        self.retired.take()
    }

    /// The fast path of an edit that changed only record bodies: the records
    /// are replaced in the model and only their own pages and the feeds that
    /// carry them are rendered again. `None` when the edit changed more.
    fn update_bodies(&mut self, paths: &[PathBuf], started: Instant) -> Option<Result<Rebuilt, Vec<Diagnostic>>> {
        let config = self.config.clone().expect("config loaded");
        // The image variants the records' bodies showed before (a body may show other images now).
        let before: Vec<&Record> = self.site.records.iter().filter(|r| paths.contains(&r.source.file)).collect();
        let gone = media::output_files(before, &self.images).into_iter().map(|f| f.path).collect();
        let mut update = content::update_bodies(&config, &mut self.cache, &mut self.site, paths)?;
        trace("bodies read and links checked", started);
        let diagnostics = std::mem::take(&mut update.diagnostics);
        if diagnostics.has_errors() {
            update.revert(&mut self.site);
            return Some(Err(sorted(diagnostics.sorted())));
        }
        let warnings = diagnostics.sorted();
        let selection = incremental::bodies(&self.site, &update.urls);
        match self.render_records(paths, selection, gone, &config) {
            Ok((rendered, delta)) => {
                self.version += 1;
                Some(Ok(Rebuilt { rendered, warnings, deltas: vec![delta] }))
            }
            Err(errors) => {
                update.revert(&mut self.site);
                Some(Err(errors))
            }
        }
    }

    /// Loads the content (from the cache) and renders all of it, or, with the
    /// `changed` paths, only what shows them.
    fn reload_content(&mut self, changed: Option<&[PathBuf]>, started: Instant) -> Result<Rebuilt, Vec<Diagnostic>> {
        let config = self.config.clone().expect("config loaded");
        let publish = Publish { drafts: config.drafts, future: self.opts.future };
        let statics = theme::static_paths(&self.theme, &self.statics);
        trace("start", started);
        let loaded = content::load_cached(&config, publish, &statics, &mut self.cache);
        trace("loaded", started);
        if loaded.diagnostics.has_errors() {
            return Err(sorted(loaded.diagnostics.sorted()));
        }
        let warnings = loaded.diagnostics.sorted();
        let old = std::mem::replace(&mut self.site, loaded.site);
        let old_pages = std::mem::replace(&mut self.news_pages, loaded.news_pages);
        let result = match changed {
            Some(paths) => self.render_partial(&old, old_pages, paths, &config).map(|(n, d)| (n, vec![d])),
            None => self.render_full(&config),
        };
        trace("rendered", started);
        match result {
            Ok((rendered, deltas)) => {
                self.retired = Some(old);
                self.version += 1;
                Ok(Rebuilt { rendered, warnings, deltas })
            }
            Err(errors) => {
                self.site = old;
                self.news_pages = old_pages;
                Err(errors)
            }
        }
    }

    fn render_full(&mut self, config: &Config) -> Result<(usize, Vec<Delta>), Vec<Diagnostic>> {
        let (search, entry) = self.index_search()?;
        let old_entry = std::mem::replace(&mut self.search_entry, entry);
        let rendered =
            self.process_images().and_then(|()| render::render(self.inputs(config)).map_err(|d| sorted(d.sorted())));
        let files = match rendered {
            Ok(files) => files,
            Err(errors) => {
                self.search_entry = old_entry;
                return Err(errors);
            }
        };
        self.rendered = true;
        let n = files.len();
        let statics = render::statics(&self.theme, &self.statics);
        let pages = Delta { remove: Removal::AllButSearch, files: files.into_iter().chain(statics).collect() };
        Ok((n, vec![search, pages]))
    }

    fn render_partial(
        &mut self,
        old: &Site,
        old_pages: usize,
        paths: &[PathBuf],
        config: &Config,
    ) -> Result<(usize, Delta), Vec<Diagnostic>> {
        let touched: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let changed: BTreeSet<String> =
            incremental::urls_of(old, &touched).into_iter().chain(incremental::urls_of(&self.site, &touched)).collect();
        // Images and bundled files of the touched records as they were.
        let before: Vec<&Record> = old.records.iter().filter(|r| touched.contains(r.source.file.as_path())).collect();
        let mut gone: Vec<String> =
            media::output_files(before.iter().copied(), &self.images).into_iter().map(|f| f.path).collect();
        gone.extend(render::assets(before.iter().copied()).into_iter().map(|f| f.path));
        let before = Before { site: old, news_pages: old_pages };
        let selection = incremental::records(&self.site, self.news_pages, config.news_per_page, &changed, Some(before));
        self.render_records(paths, selection, gone, config)
    }

    /// Processes the images and bundled files of the records in `paths` and
    /// renders `selection`. The delta drops the files in `gone` (and those
    /// the site no longer has) before adding the new ones.
    fn render_records(
        &mut self,
        paths: &[PathBuf],
        selection: Selection,
        mut gone: Vec<String>,
        config: &Config,
    ) -> Result<(usize, Delta), Vec<Diagnostic>> {
        let started = Instant::now();
        let touched: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let touched_records: Vec<&Record> =
            self.site.records.iter().filter(|r| touched.contains(r.source.file.as_path())).collect();
        let (images, errors) = media::process_records(&touched_records, &self.cache_dir().images());
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut new_files = media::output_files(touched_records.iter().copied(), &images);
        new_files.extend(render::assets(touched_records.iter().copied()));
        self.images.extend(images);
        trace("render: images", started);
        let partial = render::render_selection(self.inputs(config), self.templates.as_ref(), selection)
            .map_err(|d| sorted(d.sorted()))?;
        trace("render: pages", started);
        let n = partial.files.len();
        gone.splice(0..0, partial.removed);
        let files = partial.files.into_iter().chain(new_files).collect();
        Ok((n, Delta { remove: Removal::Paths(gone), files }))
    }

    /// Resizes the images records name (cached: unchanged images cost one hash).
    fn process_images(&mut self) -> Result<(), Vec<Diagnostic>> {
        let (images, errors) = media::process_site(&self.site, &self.cache_dir().images());
        if !errors.is_empty() {
            return Err(errors);
        }
        self.images = images;
        Ok(())
    }

    /// The glossary and the background re-indexer's own index folder (never
    /// the one full rebuilds use); `None` before the config is loaded.
    pub(crate) fn search_setup(&self) -> Result<Option<(search::Glossary, PathBuf)>, Vec<Diagnostic>> {
        let Some(config) = self.config.as_ref() else { return Ok(None) };
        let glossary = search::load_glossary(&config.root, config.theme_dir.as_deref())
            .map_err(|e| vec![Diagnostic::error(&config.root, crate::msg!("search-failed", detail = e.to_string()))])?;
        Ok(Some((glossary, self.cache_dir().serve_search_background())))
    }

    /// The records from index `from`, at most `count` of them, as search sees
    /// them: the re-indexer takes them a slice at a time, so that it never
    /// holds the state long enough to delay a rebuild.
    pub(crate) fn search_docs(&self, from: usize, count: usize) -> Vec<search::SearchDoc> {
        let records = self.site.records.get(from..).unwrap_or_default();
        records.iter().take(count).map(|r| search_doc(&self.site, r)).collect()
    }

    /// The number of published records.
    pub(crate) fn record_count(&self) -> usize {
        self.site.records.len()
    }

    /// Changes whenever the model changes (slices of search documents taken
    /// at the same version belong together).
    pub(crate) fn version(&self) -> u64 {
        self.version
    }

    /// A search index built in the background, and the search page when the
    /// index's entry file changed, as the files to serve.
    pub(crate) fn apply_search(&mut self, export: search::SearchExport) -> Result<Option<Delta>, Vec<Diagnostic>> {
        let Some(config) = self.config.clone() else { return Ok(None) };
        let changed_entry = export.entry != self.search_entry;
        let (mut delta, entry) = search_files(export);
        let old_entry = std::mem::replace(&mut self.search_entry, entry);
        if changed_entry {
            let page = render::render_search_page(self.inputs(&config), self.templates.as_ref());
            match page {
                Ok(page) => delta.files.push(page),
                Err(d) => {
                    self.search_entry = old_entry;
                    return Err(sorted(d.sorted()));
                }
            }
        }
        Ok(Some(delta))
    }

    /// Builds the search index of the whole model into `serve`'s own folder:
    /// its files, and the site path of its entry file.
    fn index_search(&self) -> Result<(Delta, String), Vec<Diagnostic>> {
        let config = self.config.as_ref().expect("config loaded");
        let as_diag = |e: search::SearchError| {
            vec![Diagnostic::error(&config.root, crate::msg!("search-failed", detail = e.to_string()))]
        };
        let glossary = search::load_glossary(&config.root, config.theme_dir.as_deref()).map_err(as_diag)?;
        let docs: Vec<_> = self.site.records.iter().map(|r| search_doc(&self.site, r)).collect();
        let export = search::build(docs, &glossary, &self.cache_dir().serve_search()).map_err(as_diag)?;
        Ok(search_files(export))
    }
}

/// The files of a search index, replacing the previous index's, and its entry file.
fn search_files(export: search::SearchExport) -> (Delta, String) {
    let files = export.files.into_iter().map(|(path, b)| OutputFile { path, content: Content::Bytes(b) }).collect();
    (Delta { remove: Removal::Search, files }, export.entry)
}

#[cfg(test)]
mod tests {
    use super::Removal;

    #[test]
    fn a_full_render_keeps_the_search_index_and_a_new_index_keeps_the_pages() {
        let (page, index) = ("tin-tuc/index.html", "_search/entry-1.json");
        assert!(Removal::AllButSearch.covers(page) && !Removal::AllButSearch.covers(index));
        assert!(Removal::Search.covers(index) && !Removal::Search.covers(page));
        let paths = Removal::Paths(vec![page.to_owned()]);
        assert!(paths.covers(page) && !paths.covers("tin-tuc/a/index.html"));
    }
}
