//! Writes the rendered files without ever damaging the previous output.
//!
//! Everything goes into a fresh temporary folder beside the output
//! (`.<name>.tmp-<pid>`); only when every file is written is the old output
//! moved aside and the new one renamed into place, then the old one removed.
//! A failure at any point leaves the previous output exactly as it was.

use crate::render::{Content, OutputFile};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Component, Path, PathBuf};

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
    /// Two files of the build would land on the same path.
    #[error("two files would be written to {0}")]
    Collision(String),
    /// A path would escape the output folder.
    #[error("refusing to write outside the output folder: {0}")]
    Escape(String),
    /// The output path is not usable.
    #[error("the output folder {0} is not usable: {1}")]
    BadOutput(PathBuf, String),
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io { path: path.to_path_buf(), source }
}

/// Checks that `rel` is a plain relative path that stays inside the output.
fn safe_rel(rel: &str) -> Result<&Path, OutputError> {
    let p = Path::new(rel);
    if rel.is_empty() || !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(OutputError::Escape(rel.to_owned()));
    }
    Ok(p)
}

/// Writes `files` as the new content of `output`, atomically replacing it.
pub fn write_all(output: &Path, files: &[OutputFile]) -> Result<(), OutputError> {
    let mut staging = Staging::new(output)?;
    staging.write(files)?;
    staging.commit()
}

/// A new output being written: files go into a temporary folder beside the
/// output as they are produced, in any number of batches, and [`Staging::commit`]
/// swaps it in. Dropping a `Staging` without committing removes the temporary
/// folder and leaves the previous output exactly as it was.
///
/// Paths are checked across all batches (no `..`, no file written twice), so
/// streaming the output in batches fails the same way writing it at once did.
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    previous: Option<PathBuf>,
    seen: BTreeSet<String>,
    dirs: BTreeSet<PathBuf>,
    files: usize,
    committed: bool,
}

impl Staging {
    /// Starts a new output for `output` (which need not exist yet).
    pub fn new(output: &Path) -> Result<Staging, OutputError> {
        let name = output
            .file_name()
            .ok_or_else(|| OutputError::BadOutput(output.to_path_buf(), "it has no folder name".into()))?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        if output.exists() && !output.is_dir() {
            return Err(OutputError::BadOutput(output.to_path_buf(), "a file (not a folder) is in the way".into()));
        }
        let tmp = parent.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
        let old = parent.join(format!(".{}.old-{}", name.to_string_lossy(), std::process::id()));
        remove_if_exists(&tmp)?;
        std::fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
        let mut dirs = BTreeSet::new();
        dirs.insert(tmp.clone());
        Ok(Staging {
            output: output.to_path_buf(),
            tmp,
            old,
            previous: output.is_dir().then(|| output.to_path_buf()),
            seen: BTreeSet::new(),
            dirs,
            files: 0,
            committed: false,
        })
    }

    /// Writes one batch of files (in parallel). Files whose bytes equal the
    /// previous output's at the same path are hard-linked from it.
    pub fn write(&mut self, files: &[OutputFile]) -> Result<(), OutputError> {
        for f in files {
            safe_rel(&f.path)?;
            if !self.seen.insert(f.path.clone()) {
                return Err(OutputError::Collision(f.path.clone()));
            }
        }
        for f in files {
            if let Some(d) = Path::new(&f.path).parent().map(|p| self.tmp.join(p)) {
                if !self.dirs.contains(&d) {
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
    pub fn files(&self) -> usize {
        self.files
    }

    /// The previous output, when there is one (it stays untouched until [`Staging::commit`]).
    pub fn previous(&self) -> Option<&Path> {
        self.previous.as_deref()
    }

    /// Replaces the output with what was written, then removes the previous output.
    pub fn commit(mut self) -> Result<(), OutputError> {
        self.committed = true;
        let result = swap(&self.output, &self.tmp, &self.old);
        if result.is_err() {
            let _cleanup = std::fs::remove_dir_all(&self.tmp);
        }
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover folder would be replaced by the next build anyway.
            let _cleanup = std::fs::remove_dir_all(&self.tmp);
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

fn swap(output: &Path, tmp: &Path, old: &Path) -> Result<(), OutputError> {
    let had_old = output.exists();
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
    if had_old {
        std::fs::remove_dir_all(old).map_err(io_err(old))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(p: &str, s: &str) -> OutputFile {
        OutputFile { path: p.into(), content: Content::Bytes(s.as_bytes().to_vec()) }
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
        assert!(matches!(err, OutputError::Collision(_)));
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
}
