//! `thidua build` and `thidua check`: the stages of [`crate::pipeline`] run
//! once, around what only a build into a folder needs: the output's place
//! checked and locked, the stamp of the previous build compared (a build with
//! nothing changed stops at once, see [`crate::fresh`]) and the new one
//! recorded, the search index swapped in after the output. `check` runs the
//! stages up to the validated model.

use crate::cache::CacheDir;
use crate::config;
use crate::content;
use crate::diagnostics::Diagnostic;
use crate::fresh;
use crate::output::{self, OutputError};
use crate::pipeline::stream::{self, Written};
use crate::pipeline::{Model, Setup};
use crate::render;
use crate::search;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::pipeline::{BuildError, BuildOptions, Stage};

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

fn fail(d: Diagnostic) -> BuildError {
    BuildError::Content(vec![d])
}

fn load(opts: &BuildOptions, setup: Setup) -> Result<Model, BuildError> {
    Model::load(setup, opts.future, None).map_err(BuildError::Content)
}

fn report(l: &Model, started: Instant) -> Report {
    Report {
        warnings: l.warnings.clone().sorted(),
        records: l.site.records.len(),
        future: l.site.future.iter().map(|(p, d)| (p.clone(), d.iso())).collect(),
        output: l.config.output.clone(),
        elapsed: started.elapsed(),
        ..Report::default()
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
    let l = load(opts, Setup::load(&opts.root, &opts.overrides).map_err(fail)?)?;
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
    let index_dir = CacheDir::beside(&config.output).build_search(&config.output);
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
    let mut l = load(opts, Setup::from_config(config).map_err(fail)?)?;
    let glossary = search::load_glossary(&l.config.root, l.config.theme_dir.as_deref())?;
    let staging = staging_dir(&index_dir);
    output::register_pending(&staging);
    let mut search_stamp = None;
    let result = output::Staging::new(&target).map_err(BuildError::from).and_then(|mut out| {
        let Written { pages, search } = stream::write_site(&mut l, &glossary, &staging, reusable, &mut out, progress)?;
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
    let path = CacheDir::beside(output).build_lock(output);
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
fn name_collision(l: &Model, e: BuildError) -> BuildError {
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

fn staging_dir(index_dir: &Path) -> PathBuf {
    let name = index_dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    index_dir.with_file_name(format!("{name}.tmp-{}", std::process::id()))
}
