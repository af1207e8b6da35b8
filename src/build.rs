//! The build pipeline, start to end: config → theme → content model → search
//! index → rendered pages → atomic write. `check` runs the first three stages.

use crate::config::{self, Overrides};
use crate::content::{self, Publish, Record, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media;
use crate::output::{self, OutputError};
use crate::render::{self, Inputs, OutputFile, SearchPage};
use crate::search::{self, SearchDoc};
use crate::text::slugify;
use crate::theme;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// What a successful build or check did.
#[derive(Debug, Default)]
pub struct Report {
    /// Warnings (errors stop the build instead).
    pub warnings: Vec<Diagnostic>,
    /// Records published.
    pub records: usize,
    /// Records left out because they are dated after today, with their dates.
    pub future: Vec<(String, String)>,
    /// HTML pages written.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Where the site went.
    pub output: PathBuf,
    /// Time taken.
    pub elapsed: Duration,
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
    /// The search index could not be built.
    #[error("building the search index failed: {0}")]
    Search(#[from] search::SearchError),
}

struct Loaded {
    config: config::Config,
    theme: theme::Theme,
    statics: std::collections::BTreeMap<String, Vec<u8>>,
    site: Site,
    warnings: Diagnostics,
    news_pages: usize,
}

fn fail(d: Diagnostic) -> BuildError {
    BuildError::Content(vec![d])
}

fn load(opts: &BuildOptions) -> Result<Loaded, BuildError> {
    let config = config::load(&opts.root, &opts.overrides).map_err(fail)?;
    let theme = theme::load(&config).map_err(fail)?;
    let statics = theme::site_statics(&config.root).map_err(fail)?;
    let publish = Publish { drafts: config.drafts, future: opts.future };
    let loaded = content::load(&config, publish, &theme::static_paths(&theme, &statics));
    if loaded.diagnostics.has_errors() {
        return Err(BuildError::Content(loaded.diagnostics.sorted()));
    }
    Ok(Loaded {
        config,
        theme,
        statics,
        site: loaded.site,
        warnings: loaded.diagnostics,
        news_pages: loaded.news_pages,
    })
}

fn report(l: &Loaded, started: Instant) -> Report {
    Report {
        warnings: l.warnings.clone().sorted(),
        records: l.site.records.len(),
        future: l.site.future.iter().map(|(p, d)| (p.clone(), d.iso())).collect(),
        output: l.config.output.clone(),
        elapsed: started.elapsed(),
        ..Report::default()
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
    /// Every stage, in the order a build runs them.
    pub const ALL: [Stage; 5] = [Stage::Load, Stage::Index, Stage::Images, Stage::Render, Stage::Write];

    /// A short description.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Load => "reading and checking content",
            Stage::Index => "building the search index",
            Stage::Images => "resizing images",
            Stage::Render => "rendering pages",
            Stage::Write => "writing the output",
        }
    }
}

/// Loads and validates everything; writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Report, BuildError> {
    check_with(opts, None)
}

/// Like [`check`], and with `external` also asks every external link's
/// server (`thidua check --external`); broken external links are errors.
pub fn check_with(
    opts: &BuildOptions,
    external: Option<&content::external::ExternalOptions>,
) -> Result<Report, BuildError> {
    let started = Instant::now();
    let l = load(opts)?;
    if let Some(ext) = external {
        let mut broken = content::external::check(&l.site, ext);
        if !broken.is_empty() {
            broken.extend(l.warnings.sorted());
            return Err(BuildError::Content(broken));
        }
    }
    Ok(report(&l, started))
}

/// Builds the site into the output folder.
pub fn run(opts: &BuildOptions) -> Result<Report, BuildError> {
    run_with_progress(opts, &|_| {})
}

/// Builds the site, calling `progress` as each stage starts.
pub fn run_with_progress(opts: &BuildOptions, progress: &dyn Fn(Stage)) -> Result<Report, BuildError> {
    let started = Instant::now();
    progress(Stage::Load);
    let l = load(opts)?;
    let docs: Vec<SearchDoc> = l.site.records.iter().map(|r| search_doc(&l.site, r)).collect();
    let glossary = search::load_glossary(&l.config.root, l.config.theme_dir.as_deref())?;
    let index_dir = search::tantivy_dir_for(&l.config.output);
    let staging = staging_dir(&index_dir);
    let result = render_and_write(&l, &docs, &glossary, &staging, progress).and_then(|(pages, files)| {
        replace_dir(&staging, &index_dir)?;
        Ok(Report { pages, files, ..report(&l, started) })
    });
    if result.is_err() && staging.exists() {
        // Best effort: a leftover staging folder is replaced by the next build anyway.
        let _ignored = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Indexes, processes images, renders and writes; returns (HTML pages, files written).
fn render_and_write(
    l: &Loaded,
    docs: &[SearchDoc],
    glossary: &search::Glossary,
    staging: &Path,
    progress: &dyn Fn(Stage),
) -> Result<(usize, usize), BuildError> {
    progress(Stage::Index);
    let export = search::build(docs, glossary, staging)?;
    progress(Stage::Images);
    let (images, image_errors) = media::process_site(&l.site, &l.config.root.join(".thidua-cache").join("images"));
    if !image_errors.is_empty() {
        return Err(BuildError::Content(image_errors));
    }
    let search_page = SearchPage { entry: export.entry.clone() };
    progress(Stage::Render);
    let inputs = Inputs {
        site: &l.site,
        config: &l.config,
        theme: &l.theme,
        news_pages: l.news_pages,
        search: search_page,
        images: &images,
    };
    let mut files = render::render(inputs).map_err(|d| BuildError::Content(d.sorted()))?;
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    files.extend(render::statics(&l.theme, &l.statics));
    files.extend(
        export.files.into_iter().map(|(path, bytes)| OutputFile { path, content: render::Content::Bytes(bytes) }),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    progress(Stage::Write);
    output::write_all(&l.config.output, &files)?;
    Ok((pages, files.len()))
}

fn staging_dir(index_dir: &Path) -> PathBuf {
    let name = index_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    index_dir.with_file_name(format!("{name}.tmp-{}", std::process::id()))
}

fn replace_dir(from: &Path, to: &Path) -> Result<(), OutputError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| OutputError::Io { path, source }
    };
    if to.exists() {
        std::fs::remove_dir_all(to).map_err(io(to))?;
    }
    std::fs::rename(from, to).map_err(io(from))
}

/// The search view of one record.
pub fn search_doc(site: &Site, r: &Record) -> SearchDoc {
    use crate::content::record::Details;
    let mut names = Vec::new();
    let (mut ethnicity, mut district, mut number) = (None, None, None);
    match &r.details {
        Details::Person(p) => {
            names.extend([&p.role, &p.award, &p.commune, &p.district].into_iter().flatten().cloned());
            ethnicity = p.ethnicity.as_ref().map(|e| (e.slug.clone(), e.name.clone()));
            district = p.district.as_ref().map(|d| (slugify(d), d.clone()));
            if let Some(e) = &p.ethnicity {
                names.push(e.name.clone());
            }
        }
        Details::Campaign(c) => names.extend([&c.launched_by, &c.level, &c.theme].into_iter().flatten().cloned()),
        Details::Document(d) => {
            names.extend([&d.doc_type, &d.issuer, &d.signer].into_iter().flatten().cloned());
            number = d.number.clone();
        }
        Details::News(n) => names.extend(n.author.clone()),
        Details::Page => {}
    }
    let campaign_slugs: Vec<String> =
        if r.kind == content::Kind::Campaign { vec![r.slug.clone()] } else { r.campaign_refs().to_vec() };
    let campaigns =
        campaign_slugs.iter().filter_map(|s| site.campaign(s)).map(|c| (c.slug.clone(), c.title.clone())).collect();
    SearchDoc {
        url: r.url.clone(),
        title: r.title.clone(),
        kind: r.kind.name().to_owned(),
        date: r.date.map(|d| d.iso()),
        year: r.year(),
        summary: r.summary.clone().unwrap_or_default(),
        body: r.body.text.clone(),
        number,
        names,
        campaigns,
        ethnicity,
        district,
        tags: r.tags.clone(),
    }
}
