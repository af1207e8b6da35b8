//! Where an output may go: the checks [`prepare`] makes before any work (the
//! output's place, by its path with every link resolved, and what the folder
//! holds), and the recovery after an interrupted build of the same output.

use super::MARKER;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Why thidua will not write to an output folder: nothing has been touched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::t!("refusal", path = .path.display().to_string(), reason = reason.as_str(), hint = hint.as_str()))]
pub struct Refusal {
    /// The output folder as given.
    pub(crate) path: PathBuf,
    /// What is wrong with it.
    pub(crate) reason: String,
    /// What to do.
    pub(crate) hint: String,
}

/// The hint of most refusals: write elsewhere.
fn hint_elsewhere() -> String {
    crate::t!("refusal-elsewhere-hint")
}

/// Checks where an output folder lies, by its path alone: `None` when it may
/// be written, else why not. `root` and `output` must be absolute and free of
/// links (see [`resolve`]); they are normalised lexically here.
///
/// The output may not be the root or an ancestor of it, and may not lie in
/// `content/`, `static/`, `themes/` (the sources) or in a `.thidua-cache`
/// folder (the cache).
pub fn place_refusal(root: &Path, output: &Path) -> Option<String> {
    let (root, output) = (lexical(root)?, lexical(output)?);
    if root.starts_with(&output) {
        return Some(if root == output {
            crate::t!("refusal-is-root")
        } else {
            crate::t!("refusal-holds-root", root = root.display().to_string())
        });
    }
    for folder in ["content", "static", "themes"] {
        if output.starts_with(root.join(folder)) {
            return Some(crate::t!("refusal-in-sources", folder = folder));
        }
    }
    if output.components().any(|c| c.as_os_str() == crate::cache::DIR) {
        return Some(crate::t!("refusal-in-cache"));
    }
    None
}

/// `p` with `.` and `..` folded away; `None` when it is not absolute.
fn lexical(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => out.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(n) => out.push(n),
        }
    }
    out.has_root().then_some(out)
}

/// The absolute path `p` names on disk: relative to the working folder, with
/// every symbolic link along it resolved (the last component too), as far as
/// the path exists; the rest is appended as written.
pub(crate) fn resolve(p: &Path) -> io::Result<PathBuf> {
    let mut cur = if p.is_absolute() { PathBuf::new() } else { std::env::current_dir()? };
    let mut hops = 0;
    for c in p.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => cur.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                cur.pop();
            }
            Component::Normal(n) => {
                let next = cur.join(n);
                match std::fs::symlink_metadata(&next) {
                    Ok(m) if m.file_type().is_symlink() => {
                        hops += 1;
                        if hops > 40 {
                            return Err(io::Error::other("too many symbolic links"));
                        }
                        cur = match std::fs::canonicalize(&next) {
                            Ok(real) => real,
                            // A dangling link: follow it by hand as far as it goes.
                            Err(_) => {
                                let to = std::fs::read_link(&next)?;
                                resolve(&cur.join(to))?
                            }
                        };
                    }
                    _ => cur = next,
                }
            }
        }
    }
    Ok(cur)
}

/// Decides, before any work, whether the build of `root` may replace
/// `output`, and readies it: puts back an output that an interrupted swap left
/// aside and removes what interrupted builds left beside it. Returns the
/// folder to write into (the link's target when `output` is a link).
pub(crate) fn prepare(root: &Path, output: &Path) -> Result<PathBuf, Refusal> {
    let refuse = |reason: String, hint: String| Refusal { path: output.to_path_buf(), reason, hint };
    let unreadable = |e: io::Error| refuse(crate::t!("refusal-unreadable", error = e.to_string()), hint_elsewhere());
    let dir = placed(root, output)?;
    let is_link = std::fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && !dir.is_dir() {
        return Err(refuse(
            crate::t!("refusal-dangling-link", target = dir.display().to_string()),
            crate::t!("refusal-dangling-link-hint"),
        ));
    }
    match std::fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(unreadable(e)),
        Ok(m) if !m.is_dir() => {
            return Err(refuse(crate::t!("refusal-a-file"), hint_elsewhere()));
        }
        Ok(_) => {
            if let Some(stranger) = foreign_entry(&dir, output).map_err(unreadable)? {
                return Err(refuse(
                    crate::t!("refusal-foreign", example = stranger.display().to_string()),
                    crate::t!("refusal-foreign-hint"),
                ));
            }
        }
    }
    recover_and_clean(&dir, output);
    Ok(dir)
}

/// Refuses `output` for the build of `root` by where it lies alone (see
/// [`place_refusal`]), after resolving links; `None` when the place is allowed.
/// Reads nothing inside the output.
pub fn refuse_place(root: &Path, output: &Path) -> Option<Refusal> {
    placed(root, output).err()
}

/// The folder `output` names on disk, when its place is allowed.
fn placed(root: &Path, output: &Path) -> Result<PathBuf, Refusal> {
    let refuse = |reason: String| Refusal { path: output.to_path_buf(), reason, hint: hint_elsewhere() };
    let unreadable = |e: io::Error| refuse(crate::t!("refusal-unreadable", error = e.to_string()));
    let real_root = std::fs::canonicalize(root).map_err(unreadable)?;
    let dir = resolve(output).map_err(unreadable)?;
    if let Some(reason) = place_refusal(&real_root, &dir) {
        if lexical(&absolute(output)).is_some_and(|given| given == dir) {
            return Err(refuse(reason));
        }
        return Err(refuse(crate::t!("refusal-via-link", reason = reason, target = dir.display().to_string())));
    }
    if dir.file_name().is_none() {
        return Err(refuse(crate::t!("refusal-no-name")));
    }
    Ok(dir)
}

fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(p)).unwrap_or_else(|_| p.to_path_buf())
    }
}

/// An entry of the existing folder `dir` showing that thidua did not write
/// it, or `None` when it is empty, carries the marker, or is the folder the
/// stamp of the previous build of `output` describes.
fn foreign_entry(dir: &Path, output: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(None);
    }
    let first = std::fs::read_dir(dir)?.next().transpose()?.map(|e| e.path());
    if first.is_none() {
        return Ok(None);
    }
    // Outputs written before the marker existed: the previous build's stamp
    // lists every file it left there.
    if let Some(stamp) = crate::fresh::read(output) {
        if stamp.output.iter().any(|e| e.path == "index.html") && dir.join("index.html").is_file() {
            return Ok(None);
        }
    }
    Ok(first)
}

/// After an interrupted build: puts a set-aside previous output back when
/// the output is missing, then removes the temporary folders of builds of the
/// same output whose process is gone. Best effort, and only thidua's names.
fn recover_and_clean(dir: &Path, output: &Path) {
    let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let parent = dir.parent().unwrap_or_else(|| Path::new("/"));
    let aside = leftovers(parent, &format!(".{name}.old-"));
    if !dir.exists() {
        let newest = aside
            .iter()
            .filter(|p| p.join(MARKER).is_file())
            .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        if let Some(old) = newest {
            // The newest complete previous output, as the killed swap left it.
            let _kept_if_it_fails = std::fs::rename(old, dir);
        }
    }
    let name_given = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let cache = crate::fresh::stamp_path(output).parent().map(Path::to_path_buf).unwrap_or_default();
    let mut stale = leftovers(parent, &format!(".{name}.old-"));
    stale.extend(leftovers(parent, &format!(".{name}.tmp-")));
    stale.extend(leftovers(&cache, &format!("search-{name_given}.tmp-")));
    stale.extend(leftovers(&cache, &format!(".search-{name_given}.old-")));
    stale.extend(leftovers(&cache, &format!("build-{name_given}.json.tmp-")));
    for p in stale {
        // What cannot be removed now is tried again by the next build.
        let _next_build_retries = remove_any(&p);
    }
}

/// Entries of `dir` named `<prefix><pid>` whose process is not a running thidua.
fn leftovers(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let pid: u32 = name.strip_prefix(prefix)?.parse().ok()?;
            (!running_thidua(pid)).then(|| e.path())
        })
        .collect()
}

/// True when `pid` may be a running thidua (ourselves included): its
/// temporary folders are then left alone. Unknown means yes.
fn running_thidua(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(id) = libc::pid_t::try_from(pid) else { return false };
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
    if unsafe { libc::kill(id, 0) } != 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH) {
        return false;
    }
    // Alive: a thidua by its name, or unknown (no /proc), which counts as one.
    std::fs::read_to_string(format!("/proc/{pid}/comm")).map_or(true, |comm| comm.trim_end().starts_with("thidua"))
}

pub(super) fn remove_any(p: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(p),
        Ok(_) => std::fs::remove_file(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
