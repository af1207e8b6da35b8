//! Replays every kept fuzz input — the seed corpora in `fuzz/corpus/<target>/`
//! and the inputs that once crashed, in `fuzz/regressions/<target>/` — through
//! the very functions the cargo-fuzz targets call (`fuzz/targets.rs`). This is
//! what `.ci/run` runs instead of a fuzz campaign: seconds, on stable Rust.

#[path = "../../fuzz/targets.rs"]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir).join(target)) else { continue };
        let mut files: Vec<_> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "{} panicked (see the message above)", file.display());
            count += 1;
        }
    }
    assert!(count > 0, "no inputs for the fuzz target `{target}`");
}

#[test]
fn fuzz_corpus_frontmatter() {
    replay("frontmatter", targets::frontmatter);
}

#[test]
fn fuzz_corpus_record() {
    replay("record", targets::record);
}

#[test]
fn fuzz_corpus_query() {
    replay("query", targets::query);
}

#[test]
fn fuzz_corpus_import() {
    replay("import", targets::import);
}

#[test]
fn fuzz_corpus_import_pdf() {
    replay("import_pdf", targets::import_pdf);
}

#[test]
fn fuzz_corpus_output_path() {
    replay("output_path", targets::output_path);
}

#[test]
fn fuzz_corpus_link_scheme() {
    replay("link_scheme", targets::link_scheme);
}
