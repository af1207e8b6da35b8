//! Writes the rendered files without ever damaging the previous output, and
//! never writes where it could destroy anything else.
//!
//! **Where.** Before any work, [`prepare`] decides whether the output may be
//! replaced: only when it is absent, empty, or a folder thidua wrote itself
//! (it holds the [`MARKER`] file, or the build stamp of [`crate::fresh`] names
//! it). It may never be the site root or one of its ancestors, nor lie inside
//! `content/`, `static/`, `themes/` or a `.thidua-cache` folder. Paths are
//! compared after resolving every symbolic link, so a link cannot smuggle the
//! output into a source folder. An output that is itself a link (`public` → a
//! web root) is built *into the link's target*, under the same rules, and the
//! link is kept: the web server keeps serving the folder it was told to.
//!
//! **How.** Everything goes into a fresh temporary folder beside the output
//! (`.<name>.tmp-<pid>`); only when every file is written is it swapped in. On
//! Linux the swap is one `renameat2(RENAME_EXCHANGE)`, so there is no moment
//! without an output; elsewhere (or on a file system without it) the old
//! output is first moved aside (`.<name>.old-<pid>`), and a build that finds
//! the output missing beside such a copy puts it back before anything else.
//!
//! **Leftovers.** The temporary folders of a build are registered while they
//! exist; [`remove_pending`] (called by the binary on Ctrl-C or SIGTERM)
//! removes them at once. Those of builds that were killed outright are removed
//! by the next build of the same output, once their process is gone.

mod file;
mod place;

pub use file::Content;
pub(crate) use file::OutputFile;
pub(crate) use place::prepare;
use place::remove_any;
pub use place::{place_refusal, refuse_place, Refusal};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// The file every output carries, by which thidua recognises a folder it wrote.
pub const MARKER: &str = ".thidua-output";

/// What the marker file says, to whoever finds it.
const MARKER_TEXT: &str = "thidua\nThư mục này do thidua viết; mỗi lần build, toàn bộ nội dung của nó được thay mới.\n\
Đừng đặt tệp nào khác vào đây.\n";

/// Errors while writing the output.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// An I/O failure on a path.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// Two files of the build would land on the same path: each named by
    /// the file it is copied from, or `None` for one the build made (a page,
    /// a static file read into memory), which the build then names.
    #[error("{}", crate::t!("output-collision", path = path.as_str(), a = origin(.first), b = origin(.second)))]
    Collision {
        /// The output path, relative to the output folder.
        path: String,
        /// Where the file written first comes from.
        first: Option<PathBuf>,
        /// Where the second one comes from.
        second: Option<PathBuf>,
    },
    /// A path would escape the output folder.
    #[error("{}", crate::t!("output-escape", path = .0.as_str()))]
    Escape(String),
    /// The output path is not usable.
    #[error("{}", crate::t!("output-unusable", path = .0.display().to_string(), why = .1.as_str()))]
    BadOutput(PathBuf, String),
}

fn origin(source: &Option<PathBuf>) -> String {
    match source {
        Some(p) => p.display().to_string(),
        None => crate::t!("output-generated-file"),
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// Temporary folders of this process that exist right now: what an
/// interruption must remove. Held locked while a swap renames folders, so
/// that an interruption never removes half of a swap.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set on interruption: writers stop creating files and folders.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn interrupted(path: &Path) -> Result<(), OutputError> {
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Err(OutputError::Io { path: path.to_path_buf(), source: io::Error::from(io::ErrorKind::Interrupted) });
    }
    Ok(())
}

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Registers a temporary folder to remove if the build is interrupted.
pub(crate) fn register_pending(p: &Path) {
    pending().push(p.to_path_buf());
}

/// Forgets a temporary folder registered with [`register_pending`].
pub(crate) fn unregister_pending(p: &Path) {
    pending().retain(|q| q != p);
}

/// Removes every temporary folder of this process now (on Ctrl-C or SIGTERM).
/// Waits for a swap under way to finish, and keeps the lock: no later swap
/// starts, so the caller should exit right after.
pub fn remove_pending() {
    INTERRUPTED.store(true, Ordering::SeqCst);
    let guard = pending();
    // A writer that checked the flag just before it was set may still create
    // one file or folder: a second pass, a moment later, removes it.
    for pass in 0..2 {
        if pass > 0 {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        for p in guard.iter() {
            // Whatever fails here is removed by the next build.
            let _next_build_retries = remove_any(p);
        }
    }
    std::mem::forget(guard);
}

/// Replaces the folder `to` with the folder `from` (registered as pending),
/// atomically where the system allows it; the previous `to` is removed after.
pub(crate) fn replace_dir(from: &Path, to: &Path) -> Result<(), OutputError> {
    let aside = to.with_file_name(format!(
        ".{}.old-{}",
        to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        std::process::id()
    ));
    swap(to, from, &aside)
}

/// Checks that `rel` is a plain relative path that stays inside the output.
fn safe_rel(rel: &str) -> Result<&Path, OutputError> {
    let p = Path::new(rel);
    if rel.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(OutputError::Escape(rel.to_owned()));
    }
    Ok(p)
}

/// A new output being written: files go into a temporary folder beside the
/// output as they are produced, in any number of batches, and [`Staging::commit`]
/// swaps it in. Dropping a `Staging` without committing removes the temporary
/// folder and leaves the previous output exactly as it was.
///
/// Paths are checked across all batches (no `..`, no file written twice), so
/// streaming the output in batches fails the same way writing it at once did.
#[derive(Debug)]
pub(crate) struct Staging {
    output: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    previous: Option<PathBuf>,
    /// Every path written so far, with the file it was copied from.
    seen: BTreeMap<String, Option<PathBuf>>,
    dirs: BTreeSet<PathBuf>,
    files: usize,
    committed: bool,
}

impl Staging {
    /// Starts a new output for `output` (which need not exist yet; it should
    /// have passed [`prepare`], which also resolves a link to its target).
    pub(crate) fn new(output: &Path) -> Result<Staging, OutputError> {
        let name = output
            .file_name()
            .ok_or_else(|| OutputError::BadOutput(output.to_path_buf(), crate::t!("refusal-no-name")))?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        if output.exists() && !output.is_dir() {
            return Err(OutputError::BadOutput(output.to_path_buf(), crate::t!("refusal-a-file")));
        }
        let tmp = parent.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
        let old = parent.join(format!(".{}.old-{}", name.to_string_lossy(), std::process::id()));
        remove_if_exists(&tmp)?;
        register_pending(&tmp);
        let staging = Staging {
            output: output.to_path_buf(),
            tmp: tmp.clone(),
            old,
            previous: output.is_dir().then(|| output.to_path_buf()),
            seen: BTreeMap::from([(MARKER.to_owned(), None)]),
            dirs: BTreeSet::from([tmp.clone()]),
            files: 0,
            committed: false,
        };
        std::fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let marker = tmp.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(io_err(&marker))?;
        Ok(staging)
    }

    /// Writes one batch of files (in parallel). Files whose bytes equal the
    /// previous output's at the same path are hard-linked from it.
    pub(crate) fn write(&mut self, files: &[OutputFile]) -> Result<(), OutputError> {
        for f in files {
            safe_rel(&f.path)?;
            let source = match &f.content {
                Content::Copy(p) => Some(p.clone()),
                Content::Bytes(_) => None,
            };
            if let Some(first) = self.seen.insert(f.path.clone(), source.clone()) {
                return Err(OutputError::Collision { path: f.path.clone(), first, second: source });
            }
        }
        for f in files {
            if let Some(d) = Path::new(&f.path).parent().map(|p| self.tmp.join(p)) {
                if !self.dirs.contains(&d) {
                    interrupted(&d)?;
                    std::fs::create_dir_all(&d).map_err(io_err(&d))?;
                    self.dirs.insert(d);
                }
            }
        }
        let (tmp, previous) = (&self.tmp, self.previous.as_deref());
        files.par_iter().try_for_each(|f| write_one(&tmp.join(&f.path), f, previous))?;
        self.files += files.len();
        Ok(())
    }

    /// Files written so far.
    pub(crate) fn files(&self) -> usize {
        self.files
    }

    /// The previous output, when there is one (it stays untouched until [`Staging::commit`]).
    pub(crate) fn previous(&self) -> Option<&Path> {
        self.previous.as_deref()
    }

    /// Replaces the output with what was written, then removes the previous output.
    pub(crate) fn commit(mut self) -> Result<(), OutputError> {
        self.committed = true;
        let result = swap(&self.output, &self.tmp, &self.old);
        if result.is_err() {
            let _cleanup = std::fs::remove_dir_all(&self.tmp);
            unregister_pending(&self.tmp);
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover folder is removed by the next build.
            let _cleanup = std::fs::remove_dir_all(&self.tmp);
            unregister_pending(&self.tmp);
        }
    }
}

fn remove_if_exists(p: &Path) -> Result<(), OutputError> {
    match std::fs::remove_dir_all(p) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(OutputError::Io { path: p.to_path_buf(), source: e }),
        _ => Ok(()),
    }
}

/// True when `old` holds exactly `bytes`.
fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(old).is_ok_and(|b| b == bytes)
}

/// Writes one file; when the previous output has the same bytes at the same
/// path, hard-links that file instead. Unchanged files then cost no write, and
/// removing the previous output afterwards only drops names, not data.
fn write_one(dest: &Path, f: &OutputFile, previous: Option<&Path>) -> Result<(), OutputError> {
    interrupted(dest)?;
    let bytes = match &f.content {
        Content::Bytes(b) => std::borrow::Cow::Borrowed(b.as_slice()),
        Content::Copy(src) => std::borrow::Cow::Owned(std::fs::read(src).map_err(io_err(src))?),
    };
    if let Some(old) = previous.map(|p| p.join(&f.path)) {
        if same_bytes(&old, &bytes) && std::fs::hard_link(&old, dest).is_ok() {
            return Ok(());
        }
    }
    std::fs::write(dest, &bytes).map_err(io_err(dest))
}

/// Exchanges two existing paths in one step (Linux `renameat2` with
/// `RENAME_EXCHANGE`): at no moment is either name missing.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both pointers are NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Puts the folder `tmp` (registered as pending) in the place of `output`.
/// With an exchange, `tmp` then holds the previous output, which is removed;
/// else the previous output goes aside to `old` between two renames, and a
/// build that finds `output` missing puts `old` back (see [`prepare`]).
fn swap(output: &Path, tmp: &Path, old: &Path) -> Result<(), OutputError> {
    let mut guard = pending();
    let had_old = output.exists();
    if had_old && exchange(tmp, output).is_ok() {
        drop(guard);
        // The previous output, now under the temporary name (still pending):
        // what cannot be removed now goes with the next build's leftovers.
        let _next_build_retries = std::fs::remove_dir_all(tmp);
        unregister_pending(tmp);
        return Ok(());
    }
    if had_old {
        remove_if_exists(old)?;
        std::fs::rename(output, old).map_err(io_err(output))?;
    }
    if let Err(e) = std::fs::rename(tmp, output) {
        if had_old {
            std::fs::rename(old, output).map_err(io_err(old))?;
        }
        return Err(OutputError::Io { path: output.to_path_buf(), source: e });
    }
    guard.retain(|p| p != tmp);
    if had_old {
        guard.push(old.to_path_buf());
        drop(guard);
        let _next_build_retries = std::fs::remove_dir_all(old);
        unregister_pending(old);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str, s: &str) -> OutputFile {
        OutputFile { path: p.into(), content: Content::Bytes(s.as_bytes().to_vec()) }
    }

    /// Writes `files` as the new content of `output` in one batch.
    fn write_all(output: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
        let mut staging = Staging::new(output)?;
        staging.write(files)?;
        staging.commit()
    }

    #[test]
    fn replaces_output_and_keeps_it_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_all(&out, &[file("a/index.html", "one")]).unwrap();
        write_all(&out, &[file("b/index.html", "two")]).unwrap();
        assert!(!out.join("a").exists());
        assert_eq!(std::fs::read_to_string(out.join("b/index.html")).unwrap(), "two");
        let err = write_all(&out, &[file("../escape.html", "x")]).unwrap_err();
        assert!(matches!(err, OutputError::Escape(_)));
        let err = write_all(&out, &[file("c.html", "x"), file("c.html", "y")]).unwrap_err();
        assert!(matches!(err, OutputError::Collision { .. }));
        assert_eq!(std::fs::read_to_string(out.join("b/index.html")).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary folders left");
    }

    #[test]
    fn unchanged_files_are_linked_and_changed_ones_written() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_all(&out, &[file("a.html", "same"), file("b.html", "old")]).unwrap();
        let ino = |p: &str| std::fs::metadata(out.join(p)).unwrap().ino();
        let (a, b) = (ino("a.html"), ino("b.html"));
        write_all(&out, &[file("a.html", "same"), file("b.html", "new")]).unwrap();
        assert_eq!(ino("a.html"), a, "unchanged: the same file, linked");
        assert_ne!(ino("b.html"), b);
        assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "new");
    }

    #[test]
    fn places_of_the_sources_and_the_cache_are_refused() {
        let root = Path::new("/srv/site");
        for bad in [
            "/srv/site",
            "/srv/site/.",
            "/srv",
            "/",
            "/srv/site/content",
            "/srv/site/content/tin-tuc",
            "/srv/site/public/../static",
            "/srv/site/themes/default",
            "/srv/site/.thidua-cache/images",
            "/srv/.thidua-cache/x",
        ] {
            assert!(place_refusal(root, Path::new(bad)).is_some(), "{bad} must be refused");
        }
        for good in ["/srv/site/public", "/srv/site/contents", "/var/www/html", "/srv/site/content/../public"] {
            assert_eq!(place_refusal(root, Path::new(good)), None, "{good} is allowed");
        }
    }

    #[test]
    fn output_is_written_with_the_marker_and_never_missing_during_a_swap() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_all(&out, &[file("index.html", "0")]).unwrap();
        assert!(out.join(MARKER).is_file());
        let done = std::sync::atomic::AtomicBool::new(false);
        let missing = std::thread::scope(|s| {
            let watcher = s.spawn(|| {
                let mut missing = 0;
                while !done.load(Ordering::SeqCst) {
                    missing += usize::from(std::fs::symlink_metadata(&out).is_err());
                }
                missing
            });
            for i in 0..200 {
                write_all(&out, &[file("index.html", &i.to_string())]).unwrap();
            }
            done.store(true, Ordering::SeqCst);
            watcher.join().unwrap()
        });
        if cfg!(target_os = "linux") {
            assert_eq!(missing, 0, "the output was missing {missing} times");
        }
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "199");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary folders left");
    }
}
