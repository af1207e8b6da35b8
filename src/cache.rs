//! Where thidua keeps what it can make again: resized images, the build
//! stamp and lock, the build's and `serve`'s search indexes. Every such path
//! is made here, from the one folder name, so that no stage spells
//! `.thidua-cache` on its own. It depends on nothing else in the crate, so
//! that every stage (output, search, freshness, the driver) may ask it.

use std::path::{Path, PathBuf};

/// The cache folder's name. The output may never lie inside a folder of this
/// name (see [`crate::output::place_refusal`]).
pub(crate) const DIR: &str = ".thidua-cache";

/// A cache folder: the site's (`<root>/.thidua-cache`), or the one beside an
/// output folder (`<parent of output>/.thidua-cache`).
#[derive(Debug, Clone)]
pub(crate) struct CacheDir(PathBuf);

impl CacheDir {
    /// The cache of the site at `root`.
    pub(crate) fn of_site(root: &Path) -> CacheDir {
        CacheDir(root.join(DIR))
    }

    /// The cache beside the output folder `output` (`.` for a bare name).
    pub(crate) fn beside(output: &Path) -> CacheDir {
        let parent = output.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
        CacheDir(parent.join(DIR))
    }

    /// Resized images, keyed by the hash of their source.
    pub(crate) fn images(&self) -> PathBuf {
        self.0.join("images")
    }

    /// The search index `serve` builds on a full rebuild.
    pub(crate) fn serve_search(&self) -> PathBuf {
        self.0.join("serve-search")
    }

    /// The search index `serve` rebuilds in the background after an edit.
    pub(crate) fn serve_search_background(&self) -> PathBuf {
        self.0.join("serve-search-background")
    }

    /// The stamp of the last build into `output` (see [`crate::fresh`]).
    pub(crate) fn build_stamp(&self, output: &Path) -> PathBuf {
        self.0.join(format!("build-{}.json", output_name(output)))
    }

    /// The lock a build of `output` holds while it runs.
    pub(crate) fn build_lock(&self, output: &Path) -> PathBuf {
        self.0.join(format!("build-{}.lock", output_name(output)))
    }

    /// The tantivy index of the builds into `output`, outside the output so
    /// that the output stays byte-deterministic and deployable.
    pub(crate) fn build_search(&self, output: &Path) -> PathBuf {
        self.0.join(format!("search-{}", output_name(output)))
    }
}

/// The output folder's name (`public` for a path without one).
fn output_name(output: &Path) -> String {
    output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "public".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_paths() {
        let site = CacheDir::of_site(Path::new("/site"));
        assert_eq!(site.images(), Path::new("/site/.thidua-cache/images"));
        assert_eq!(site.serve_search(), Path::new("/site/.thidua-cache/serve-search"));
        let out = Path::new("/site/public");
        assert_eq!(CacheDir::beside(out).build_stamp(out), Path::new("/site/.thidua-cache/build-public.json"));
        let bare = Path::new("public");
        assert_eq!(CacheDir::beside(bare).build_stamp(bare), Path::new("./.thidua-cache/build-public.json"));
        assert_eq!(CacheDir::beside(out).build_lock(out), Path::new("/site/.thidua-cache/build-public.lock"));
        assert_eq!(CacheDir::beside(out).build_search(out), Path::new("/site/.thidua-cache/search-public"));
    }
}
