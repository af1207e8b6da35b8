//! The site as `serve` holds it: every output file in memory, rebuilt either
//! fully (config, theme or static files changed) or incrementally (records
//! changed: only those files are read again and only the pages that show
//! those records are rendered again). A failed rebuild keeps the last good
//! files and records the diagnostics for the browser overlay.

use crate::build::BuildOptions;
use crate::config::Config;
use crate::content::{self, Publish, Site};
use crate::diagnostics::Diagnostic;
use crate::output::Content;
use crate::pipeline::cache::CacheDir;
use crate::pipeline::{search_doc, Setup};
use crate::render::{self, Inputs, SearchPage};
use crate::search;
use crate::theme::{self, Theme};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The site as the HTTP threads see it: the files and errors of the last
/// rebuild, published when it ends. Requests read this, never the [`State`],
/// so a slow rebuild never makes them wait.
#[derive(Debug, Clone, Default)]
pub struct Served {
    /// Output path → content.
    pub files: Arc<BTreeMap<String, Arc<Content>>>,
    /// The errors of the last rebuild, if it failed.
    pub errors: Arc<Vec<Diagnostic>>,
}

/// What one rebuild did, for the terminal and the reload message.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Files rendered again.
    pub rendered: usize,
    /// Time from the start of the rebuild to a servable site.
    pub elapsed: Duration,
    /// Errors (the last good site stays served).
    pub errors: Vec<Diagnostic>,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
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
    opts: BuildOptions,
    config: Option<Config>,
    theme: Theme,
    statics: BTreeMap<String, Vec<u8>>,
    cache: content::Cache,
    site: Site,
    news_pages: usize,
    search_entry: String,
    images: crate::media::Images,
    /// The theme's templates, compiled when the theme was loaded.
    templates: Option<render::Templates>,
    /// Output path (`phong-trao/a/index.html`) → content. Shared with the
    /// [`Served`] copies handed out, so publishing one is cheap; a rebuild
    /// changes its own copy of the map (the contents themselves are shared).
    pub files: Arc<BTreeMap<String, Arc<Content>>>,
    /// The errors of the last rebuild, if it failed.
    pub errors: Vec<Diagnostic>,
    /// The model a content rebuild replaced, to be dropped after the reload
    /// has been sent (freeing thousands of records takes a while).
    retired: Option<Site>,
    /// Bumped whenever `site` changes.
    version: u64,
}

fn content_error(diags: impl IntoIterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut v: Vec<Diagnostic> = diags.into_iter().collect();
    v.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    v
}

impl State {
    /// An empty state; call [`State::rebuild_all`] next.
    pub fn new(opts: BuildOptions) -> State {
        State {
            opts,
            config: None,
            theme: Theme::default(),
            statics: BTreeMap::new(),
            cache: content::Cache::default(),
            site: Site::default(),
            news_pages: 1,
            search_entry: String::new(),
            images: crate::media::Images::new(),
            templates: None,
            files: Arc::default(),
            errors: Vec::new(),
            retired: None,
            version: 0,
        }
    }

    /// The files and errors to serve now.
    pub fn served(&self) -> Served {
        Served { files: self.files.clone(), errors: Arc::new(self.errors.clone()) }
    }

    /// The file map, to change (copied first when a [`Served`] still shares it).
    fn files_mut(&mut self) -> &mut BTreeMap<String, Arc<Content>> {
        Arc::make_mut(&mut self.files)
    }

    /// Where the served site's search index lives.
    fn index_dir(&self) -> PathBuf {
        CacheDir::of_site(&self.opts.root).serve_search()
    }

    fn fail(&mut self, errors: Vec<Diagnostic>, started: Instant) -> Outcome {
        self.errors = errors.iter().filter(|d| d.is_error()).cloned().collect();
        Outcome { errors: self.errors.clone(), elapsed: started.elapsed(), ..Outcome::default() }
    }

    fn inputs<'a>(&'a self, config: &'a Config, search: SearchPage) -> Inputs<'a> {
        Inputs {
            site: &self.site,
            config,
            theme: &self.theme,
            news_pages: self.news_pages,
            search,
            images: &self.images,
        }
    }

    /// Reads config, theme, static files and all content, and renders everything.
    pub fn rebuild_all(&mut self) -> Outcome {
        let started = Instant::now();
        let (config, theme, statics) = match Setup::load(&self.opts.root, &self.opts.overrides) {
            Ok(Setup { config, theme, statics }) => (config, theme, statics),
            Err(d) => return self.fail(vec![d], started),
        };
        self.cache = content::Cache::default();
        // A template that does not compile is reported by the full render below.
        self.templates = render::Templates::compile(&theme, &config).ok();
        self.config = Some(config);
        self.theme = theme;
        self.statics = statics;
        self.reload_content(None, started)
    }

    /// Reads again only the content files in `paths`, and renders only what shows them.
    pub fn rebuild_content(&mut self, paths: &[PathBuf]) -> Outcome {
        if self.config.is_none() {
            return self.rebuild_all();
        }
        let started = Instant::now();
        self.cache.note_changed(paths);
        if self.errors.is_empty() && !self.files.is_empty() {
            if let Some(outcome) = self.update_bodies(paths, started) {
                return outcome;
            }
        }
        // Files that `update_bodies` read are fresh in the cache already.
        let stale: Vec<&Path> = paths.iter().map(PathBuf::as_path).filter(|p| !self.cache.is_fresh(p)).collect();
        self.cache.invalidate(stale);
        self.reload_content(Some(paths), started)
    }

    /// The model the last content rebuild replaced, to drop outside the lock.
    pub fn take_retired(&mut self) -> Option<Site> {
        self.retired.take()
    }

    /// The fast path of an edit that changed only record bodies: the records
    /// are replaced in the model and only their own pages and the feeds that
    /// carry them are rendered again. `None` when the edit changed more.
    fn update_bodies(&mut self, paths: &[PathBuf], started: Instant) -> Option<Outcome> {
        let config = self.config.clone().expect("config loaded");
        // The image variants the records' bodies showed before (a body may show other images now).
        let before: Vec<&crate::content::Record> =
            self.site.records.iter().filter(|r| paths.contains(&r.source.file)).collect();
        let gone = crate::media::output_files(before, &self.images).into_iter().map(|f| f.path).collect();
        let mut update = content::update_bodies(&config, &mut self.cache, &mut self.site, paths)?;
        crate::serve::trace("bodies read and links checked", started);
        let diagnostics = std::mem::take(&mut update.diagnostics);
        if diagnostics.has_errors() {
            update.revert(&mut self.site);
            return Some(self.fail(content_error(diagnostics.sorted()), started));
        }
        let warnings = diagnostics.sorted();
        let changes = render::Changes { urls: &update.urls, bodies_only: true, before: None, templates: None };
        match self.render_records(paths, &changes, gone, &config) {
            Ok(rendered) => {
                self.errors.clear();
                self.version += 1;
                Some(Outcome { rendered, elapsed: started.elapsed(), errors: Vec::new(), warnings })
            }
            Err(errors) => {
                update.revert(&mut self.site);
                Some(self.fail(errors, started))
            }
        }
    }

    fn reload_content(&mut self, changed: Option<&[PathBuf]>, started: Instant) -> Outcome {
        let config = self.config.clone().expect("config loaded");
        let publish = Publish { drafts: config.drafts, future: self.opts.future };
        let statics = theme::static_paths(&self.theme, &self.statics);
        crate::serve::trace("start", started);
        let loaded = content::load_cached(&config, publish, &statics, &mut self.cache);
        crate::serve::trace("loaded", started);
        if loaded.diagnostics.has_errors() {
            return self.fail(content_error(loaded.diagnostics.sorted()), started);
        }
        let warnings = loaded.diagnostics.sorted();
        let old = std::mem::replace(&mut self.site, loaded.site);
        let old_pages = std::mem::replace(&mut self.news_pages, loaded.news_pages);
        let result = match changed {
            Some(paths) if !self.files.is_empty() => self.render_partial(&old, old_pages, paths, &config),
            _ => self.render_full(&config),
        };
        crate::serve::trace("rendered", started);
        match result {
            Ok(rendered) => {
                self.errors.clear();
                self.retired = Some(old);
                self.version += 1;
                Outcome { rendered, elapsed: started.elapsed(), errors: Vec::new(), warnings }
            }
            Err(errors) => {
                self.site = old;
                self.news_pages = old_pages;
                self.fail(errors, started)
            }
        }
    }

    fn render_full(&mut self, config: &Config) -> Result<usize, Vec<Diagnostic>> {
        self.index_search()?;
        let search = SearchPage { entry: self.search_entry.clone() };
        self.process_images()?;
        let files = render::render(self.inputs(config, search)).map_err(|d| content_error(d.sorted()))?;
        let n = files.len();
        let statics = render::statics(&self.theme, &self.statics);
        let map = self.files_mut();
        map.retain(|p, _| p.starts_with("_search/"));
        map.extend(files.into_iter().chain(statics).map(|f| (f.path, Arc::new(f.content))));
        Ok(n)
    }

    fn render_partial(
        &mut self,
        old: &Site,
        old_pages: usize,
        paths: &[PathBuf],
        config: &Config,
    ) -> Result<usize, Vec<Diagnostic>> {
        let touched: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let of = |s: &Site| -> Vec<String> {
            let intros = s.home.iter().chain(s.intros.values());
            s.records
                .iter()
                .chain(intros)
                .filter(|r| touched.contains(r.source.file.as_path()))
                .map(|r| r.url.clone())
                .collect()
        };
        let changed: BTreeSet<String> = of(old).into_iter().chain(of(&self.site)).collect();
        // Images and bundled files of the touched records as they were.
        let before: Vec<&crate::content::Record> =
            old.records.iter().filter(|r| touched.contains(r.source.file.as_path())).collect();
        let mut gone: Vec<String> =
            crate::media::output_files(before.iter().copied(), &self.images).into_iter().map(|f| f.path).collect();
        gone.extend(render::assets(before.iter().copied()).into_iter().map(|f| f.path));
        let changes =
            render::Changes { urls: &changed, bodies_only: false, before: Some((old, old_pages)), templates: None };
        self.render_records(paths, &changes, gone, config)
    }

    /// Processes the images and bundled files of the records in `paths` and
    /// renders what `changes` asks for into the served files. Only when that
    /// succeeds are the files in `gone` (and those the render no longer makes)
    /// dropped, before the new ones are added.
    fn render_records(
        &mut self,
        paths: &[PathBuf],
        changes: &render::Changes,
        gone: Vec<String>,
        config: &Config,
    ) -> Result<usize, Vec<Diagnostic>> {
        let started = Instant::now();
        let touched: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let search = SearchPage { entry: self.search_entry.clone() };
        let touched_records: Vec<&crate::content::Record> =
            self.site.records.iter().filter(|r| touched.contains(r.source.file.as_path())).collect();
        let (images, errors) = crate::media::process_records(&touched_records, &self.image_cache());
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut new_files = crate::media::output_files(touched_records.iter().copied(), &images);
        new_files.extend(render::assets(touched_records.iter().copied()));
        self.images.extend(images);
        crate::serve::trace("render: images", started);
        let partial =
            render::render_changed(self.inputs(config, search), changes).map_err(|d| content_error(d.sorted()))?;
        crate::serve::trace("render: pages", started);
        let n = partial.files.len();
        let map = self.files_mut();
        for p in partial.removed.iter().chain(&gone) {
            map.remove(p);
        }
        map.extend(partial.files.into_iter().chain(new_files).map(|f| (f.path, Arc::new(f.content))));
        Ok(n)
    }

    /// Resizes the images records name (cached: unchanged images cost one hash).
    fn process_images(&mut self) -> Result<(), Vec<Diagnostic>> {
        let (images, errors) = crate::media::process_site(&self.site, &self.image_cache());
        if !errors.is_empty() {
            return Err(errors);
        }
        self.images = images;
        Ok(())
    }

    fn image_cache(&self) -> PathBuf {
        CacheDir::of_site(&self.opts.root).images()
    }

    /// What the background re-indexer needs: the records as search sees them,
    /// the glossary, and its own index folder (never the one full rebuilds use).
    pub fn search_job(&self) -> Result<Option<SearchJob>, Vec<Diagnostic>> {
        let Some((glossary, dir)) = self.search_setup()? else { return Ok(None) };
        let docs = self.search_docs(0, self.site.records.len());
        Ok(Some(SearchJob { docs, glossary, dir }))
    }

    /// The glossary and the background re-indexer's own index folder (never
    /// the one full rebuilds use); `None` before the config is loaded.
    pub fn search_setup(&self) -> Result<Option<(search::Glossary, PathBuf)>, Vec<Diagnostic>> {
        let Some(config) = self.config.as_ref() else { return Ok(None) };
        let glossary = search::load_glossary(&config.root, config.theme_dir.as_deref())
            .map_err(|e| vec![Diagnostic::error(&config.root, crate::msg!("search-failed", detail = e.to_string()))])?;
        Ok(Some((glossary, CacheDir::of_site(&self.opts.root).serve_search_background())))
    }

    /// The records from index `from`, at most `count` of them, as search sees
    /// them: the re-indexer takes them a slice at a time, so that it never
    /// holds the state long enough to delay a rebuild.
    pub fn search_docs(&self, from: usize, count: usize) -> Vec<search::SearchDoc> {
        let records = self.site.records.get(from..).unwrap_or_default();
        records.iter().take(count).map(|r| search_doc(&self.site, r)).collect()
    }

    /// The number of published records.
    pub fn record_count(&self) -> usize {
        self.site.records.len()
    }

    /// Changes whenever the model changes (slices of search documents taken
    /// at the same version belong together).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Serves a search index built in the background, and the pages that name it.
    pub fn apply_search(&mut self, export: search::SearchExport) -> Result<(), Vec<Diagnostic>> {
        let Some(config) = self.config.clone() else { return Ok(()) };
        let changed_entry = export.entry != self.search_entry;
        self.set_search(export);
        if changed_entry {
            let search = SearchPage { entry: self.search_entry.clone() };
            let page = render::render_search_page(self.inputs(&config, search), self.templates.as_ref())
                .map_err(|d| content_error(d.sorted()))?;
            self.files_mut().insert(page.path, Arc::new(page.content));
        }
        Ok(())
    }

    fn set_search(&mut self, export: search::SearchExport) {
        let map = self.files_mut();
        map.retain(|p, _| !p.starts_with("_search/"));
        map.extend(export.files.into_iter().map(|(p, b)| (p, Arc::new(Content::Bytes(b)))));
        self.search_entry = export.entry;
    }

    fn index_search(&mut self) -> Result<(), Vec<Diagnostic>> {
        let config = self.config.as_ref().expect("config loaded");
        let as_diag = |e: search::SearchError| {
            vec![Diagnostic::error(&config.root, crate::msg!("search-failed", detail = e.to_string()))]
        };
        let glossary = search::load_glossary(&config.root, config.theme_dir.as_deref()).map_err(as_diag)?;
        let docs: Vec<_> = self.site.records.iter().map(|r| search_doc(&self.site, r)).collect();
        let export = search::build(docs, &glossary, &self.index_dir()).map_err(as_diag)?;
        self.set_search(export);
        Ok(())
    }
}
