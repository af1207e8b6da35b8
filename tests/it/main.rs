//! One integration-test binary: fixture sites are copied to a temporary folder,
//! built through the library or the real binary, and the produced HTML parsed.

mod bad_input;
mod browser;
mod cli;
mod editor;
mod fuzz_replay;
mod generator;
mod hostile;
mod import;
mod js;
mod output_safety;
mod reproducible;
mod runtime_faults;
mod search;
mod serve;
mod serve_abuse;
mod warm;

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thidua::build::{BuildError, BuildOptions, Report};
use thidua::config::Overrides;

/// The folder of fixture sites.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh copy of `tests/fixtures/<name>` in a temporary folder.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_tree(&fixtures().join(name), dir.path());
    dir
}

/// Copies a folder recursively.
pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk fixture");
        let dest = to.join(e.path().strip_prefix(from).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

/// Options for building `root` into `<root>/public`.
pub fn opts(root: &Path) -> BuildOptions {
    BuildOptions { root: root.to_path_buf(), overrides: Overrides::default(), future: false }
}

/// Builds `root` with default options.
pub fn build(root: &Path) -> Result<Report, BuildError> {
    thidua::build::run(&opts(root))
}

/// Parses an output file.
pub fn page(root: &Path, rel: &str) -> Html {
    let path = root.join("public").join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

/// Texts of the elements matching `css`.
pub fn texts(doc: &Html, css: &str) -> Vec<String> {
    let sel = Selector::parse(css).expect("selector");
    doc.select(&sel).map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

/// Values of `attr` on the elements matching `css`.
pub fn attrs(doc: &Html, css: &str, attr: &str) -> Vec<String> {
    let sel = Selector::parse(css).expect("selector");
    doc.select(&sel).filter_map(|e| e.value().attr(attr).map(str::to_owned)).collect()
}

/// Every file of a folder with its bytes, for before/after comparisons.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).expect("inside").to_path_buf(), std::fs::read(e.path()).expect("read")))
        .collect()
}
