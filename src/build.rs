//! The build pipeline, start to end: config → theme → content model → search
//! index → rendered pages → atomic write. `check` runs the first three stages.

use crate::config::{self, Overrides};
use crate::content::{self, Publish, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fresh;
use crate::media;
use crate::output::{self, OutputError};
use crate::output::{Content, OutputFile};
use crate::pipeline::cache::CacheDir;
use crate::pipeline::{slim, take_search_docs, Setup};
use crate::render::{self, Inputs, SearchPage};
use crate::search;
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
    /// True when nothing had changed since the previous build, whose output
    /// was intact, so it was kept as it was (see [`crate::fresh`]).
    pub unchanged: bool,
    /// True when the search index and its files were kept from the previous
    /// build, because the search documents and the glossary had not changed.
    pub search_reused: bool,
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
    load_with(opts, Setup::load(&opts.root, &opts.overrides).map_err(fail)?)
}

fn load_with(opts: &BuildOptions, setup: Setup) -> Result<Loaded, BuildError> {
    let Setup { config, theme, statics } = setup;
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
    /// Every stage (a build reports each once, as it starts).
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

/// A page of a build under way past its memory budget, or rendering for
/// longer than its time budget plus `grace`, as the error to report (public
/// for the binary, which stops the process: a template cannot be stopped from
/// inside).
pub fn page_past_budget(grace: Duration) -> Option<Diagnostic> {
    render::templates::memory_overrun().or_else(|| render::templates::overdue(grace))
}

/// Builds the site into the output folder.
pub fn run(opts: &BuildOptions) -> Result<Report, BuildError> {
    run_with_progress(opts, &|_| {})
}

/// Builds the site, calling `progress` as each stage starts.
///
/// When nothing changed since the previous build and its output is intact,
/// the output is kept and the report says so (see [`crate::fresh`]); when the
/// search documents and glossary did not change, the previous search index
/// and its files are kept.
pub fn run_with_progress(opts: &BuildOptions, progress: &dyn Fn(Stage)) -> Result<Report, BuildError> {
    let started = Instant::now();
    progress(Stage::Load);
    let config = config::load(&opts.root, &opts.overrides).map_err(fail)?;
    // Before any work: where the output goes, and what earlier builds left.
    let target = output::prepare(&config.root, &config.output)?;
    let _one_build_at_a_time = lock_output(&config.output);
    let index_dir = search::tantivy_dir_for(&config.output);
    let fingerprint = fresh::fingerprint(&config, opts.future);
    let previous = fresh::read(&config.output);
    if let (Some(f), Some(stamp)) = (&fingerprint, &previous) {
        if fresh::unchanged(&config.output, &index_dir, stamp, f) {
            let stamp = previous.expect("checked");
            return Ok(Report {
                warnings: stamp.warnings,
                records: stamp.records,
                future: stamp.future,
                pages: stamp.pages,
                files: stamp.files,
                output: config.output,
                elapsed: started.elapsed(),
                unchanged: true,
                search_reused: true,
            });
        }
    }
    let reusable = previous.and_then(|stamp| fresh::reusable_search(&config.output, &index_dir, &stamp));
    fresh::forget(&config.output);
    let mut l = load_with(opts, Setup::from_config(config).map_err(fail)?)?;
    let glossary = search::load_glossary(&l.config.root, l.config.theme_dir.as_deref())?;
    let staging = staging_dir(&index_dir);
    output::register_pending(&staging);
    let mut search_stamp = None;
    let result = output::Staging::new(&target).map_err(BuildError::from).and_then(|mut out| {
        let (pages, search) = render_and_write(&mut l, &glossary, &staging, reusable, &mut out, progress)?;
        let files = out.files();
        out.commit()?;
        if !search.reused {
            output::replace_dir(&staging, &index_dir)?;
        }
        search_stamp = search.stamp;
        Ok(Report { pages, files, search_reused: search.reused, ..report(&l, started) })
    });
    let result = result.map_err(|e| name_collision(&l, e));
    if let (Ok(r), Some(fingerprint)) = (&result, fingerprint) {
        let stamp = fresh::Stamp {
            fingerprint,
            records: r.records,
            pages: r.pages,
            files: r.files,
            warnings: r.warnings.clone(),
            future: r.future.clone(),
            output: Vec::new(),
            index: Vec::new(),
            search: search_stamp,
        };
        fresh::record(&l.config.output, &index_dir, stamp);
    }
    if result.is_err() && staging.exists() {
        // Best effort: a leftover staging folder is replaced by the next build anyway.
        let _ignored = std::fs::remove_dir_all(&staging);
    }
    output::unregister_pending(&staging);
    result
}

/// Holds the output's lock file (`<parent>/.thidua-cache/build-<name>.lock`)
/// for the whole build: a second build of the same output waits for the first
/// to finish, then compares its inputs with what the first recorded. Two
/// builds at once could otherwise swap in one output and record the other's
/// fingerprint beside it, and a later build would keep a stale site as
/// "unchanged". (std's `File::lock` is newer than the MSRV.) Best effort: where no lock file can be made (a read-only
/// parent), the build runs unlocked.
fn lock_output(output: &Path) -> Option<std::fs::File> {
    let path = fresh::stamp_path(output).with_extension("lock");
    std::fs::create_dir_all(path.parent()?).ok()?;
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).ok()?;
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: flock only takes or waits for an advisory lock on a descriptor
    // this function owns; it is released when the file is closed.
    if unsafe { libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EWOULDBLOCK) {
            return None;
        }
        eprintln!("{}", crate::t!("build-waiting-lock", output = output.display().to_string()));
        // SAFETY: as above.
        if unsafe { libc::flock(fd, libc::LOCK_EX) } != 0 {
            return None;
        }
    }
    Some(file)
}

/// A collision met while writing, as a content error naming both sources: the
/// output stage knows the files it copies, the build knows the rest (a static
/// file of the site or theme, a record's page, a page thidua makes itself).
fn name_collision(l: &Loaded, e: BuildError) -> BuildError {
    let BuildError::Output(OutputError::Collision { path, first, second }) = e else { return e };
    let root = &l.config.root;
    let shown = |p: &Path| crate::diagnostics::display_path(root, p).display().to_string();
    let mut sources: Vec<String> = [first, second].into_iter().flatten().map(|p| shown(&p)).collect();
    let site_path = format!("/{path}");
    let mut made = Vec::new();
    if l.statics.contains_key(&site_path) {
        made.push(shown(&root.join("static").join(&path)));
    } else if l.theme.statics.contains_key(&site_path) {
        made.push(match &l.config.theme_dir {
            Some(dir) => shown(&dir.join("static").join(&path)),
            None => crate::t!("output-default-theme-file", path = path.as_str()),
        });
    }
    made.extend(
        l.site.records.iter().filter(|r| format!("{}index.html", r.url) == site_path).map(|r| shown(&r.source.path)),
    );
    made.retain(|m| !sources.contains(m));
    sources.extend(made);
    while sources.len() < 2 {
        sources.push(crate::t!("output-generated-page", path = site_path.as_str()));
    }
    let d = Diagnostic::error(
        PathBuf::from(&sources[0]),
        crate::msg!("output-collision", path = site_path.as_str(), a = sources[0].as_str(), b = sources[1].as_str()),
    )
    .hint(crate::msg!("output-collision-generated-hint"));
    BuildError::Content(vec![d])
}

/// What the search stage of a build did.
struct SearchOutcome {
    /// The previous index and its files were kept.
    reused: bool,
    /// What to record for the next build (none when it cannot be fingerprinted).
    stamp: Option<fresh::SearchStamp>,
}

/// The search index of a build: made anew (or failed), or the previous one
/// kept, with the previous output folder its files are linked from.
enum Search {
    Built(Result<search::Indexed, search::SearchError>),
    Kept(fresh::SearchStamp, PathBuf),
}

/// Pages rendered per batch: each batch is written to the staging folder and
/// dropped before the next is rendered, so memory holds one batch, not the site.
const RENDER_BATCH: usize = 512;

/// Processes images, renders, indexes, and writes everything into `out` as it
/// is produced; returns the number of HTML pages.
///
/// The search index is built on a thread of its own *while* the pages are
/// rendered: tantivy's indexing thread is serial, and alone it would leave a
/// core idle; beside the rendering, both cores stay busy. Its static export,
/// which holds every search file in memory, waits until the pages are done
/// (and their memory freed), keeping the peak down. Pages are rendered
/// (and written) in batches, so memory holds one batch, not the site; once
/// they are written, what only pages needed (body HTML, headings, links, file
/// text) is dropped. The search page, which names the index's entry file, is
/// rendered last.
fn render_and_write(
    l: &mut Loaded,
    glossary: &search::Glossary,
    staging: &Path,
    reusable: Option<fresh::SearchStamp>,
    out: &mut output::Staging,
    progress: &dyn Fn(Stage),
) -> Result<(usize, SearchOutcome), BuildError> {
    progress(Stage::Images);
    let (images, image_errors) = media::process_site(&l.site, &CacheDir::of_site(&l.config.root).images());
    if !image_errors.is_empty() {
        return Err(BuildError::Content(image_errors));
    }
    let docs = take_search_docs(&mut l.site);
    let fingerprint = fresh::search_fingerprint(&docs, glossary);
    let previous = out.previous().map(Path::to_path_buf);
    let kept = reusable.filter(|s| fingerprint.as_ref() == Some(&s.fingerprint)).zip(previous);
    let (pages, search) = std::thread::scope(|scope| {
        let indexing = match kept {
            Some(kept) => {
                drop(docs);
                Err(kept)
            }
            None => Ok(scope.spawn(|| search::index(docs, glossary, staging))),
        };
        progress(Stage::Render);
        let mut pages = 0;
        let sink = |files: Vec<OutputFile>| {
            pages += files.iter().filter(|f| f.path.ends_with(".html")).count();
            out.write(&files)
        };
        let rendered = render::render_streaming(inputs(l, &images, String::new()), RENDER_BATCH, false, sink);
        // Freed while the index may still be in the making.
        slim(&mut l.site);
        progress(Stage::Index);
        // Joined before any error is returned: the scope would wait for it anyway.
        let search = match indexing {
            Ok(t) => Search::Built(t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))),
            Err((stamp, previous)) => Search::Kept(stamp, previous),
        };
        rendered.map_err(|e| match e {
            render::StreamError::Content(d) => BuildError::Content(d.sorted()),
            render::StreamError::Sink(e) => BuildError::Output(e),
        })?;
        Ok::<_, BuildError>((pages, search))
    })?;
    let (entry, reused, paths) = match search {
        Search::Built(indexed) => {
            let export = indexed?.export(glossary)?;
            let files: Vec<OutputFile> = export
                .files
                .into_iter()
                .map(|(path, bytes)| OutputFile { path, content: Content::Bytes(bytes) })
                .collect();
            out.write(&files)?;
            (export.entry, false, files.into_iter().map(|f| f.path).collect())
        }
        Search::Kept(stamp, previous) => {
            // The same documents and glossary: the previous files, linked, and the
            // previous tantivy index, left in place.
            let files: Vec<OutputFile> = stamp
                .files
                .iter()
                .map(|p| OutputFile { path: p.clone(), content: Content::Copy(previous.join(p)) })
                .collect();
            out.write(&files)?;
            (stamp.entry, true, stamp.files)
        }
    };
    progress(Stage::Write);
    let stamp = fingerprint.map(|fingerprint| fresh::SearchStamp { fingerprint, entry: entry.clone(), files: paths });
    let search_page =
        render::render_search_page(inputs(l, &images, entry), None).map_err(|d| BuildError::Content(d.sorted()))?;
    let pages = pages + 1;
    out.write(&[search_page])?;
    out.write(&render::statics(&l.theme, &l.statics))?;
    Ok((pages, SearchOutcome { reused, stamp }))
}

fn inputs<'a>(l: &'a Loaded, images: &'a media::Images, entry: String) -> Inputs<'a> {
    Inputs {
        site: &l.site,
        config: &l.config,
        theme: &l.theme,
        news_pages: l.news_pages,
        search: SearchPage { entry },
        images,
    }
}

fn staging_dir(index_dir: &Path) -> PathBuf {
    let name = index_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    index_dir.with_file_name(format!("{name}.tmp-{}", std::process::id()))
}
