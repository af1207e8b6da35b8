//! Where a build's time goes: runs the stages of `thidua::build::run` one by
//! one through the public library API and times each, so the search stage's
//! share of the build can be reported (there is no flag to build without
//! search, and the build report gives only the total).
//!
//! ```sh
//! cargo run --release --example bench_stages -- SITE_DIR [OUTPUT_DIR]
//! ```
//!
//! Prints one JSON object of milliseconds per stage. The stages and their
//! order are those of `src/build.rs`; if that pipeline changes, this must
//! follow.

use std::path::PathBuf;
use std::time::Instant;
use thidua::build::search_doc;
use thidua::config::{self, Overrides};
use thidua::content::{self, Publish};
use thidua::render::{self, OutputFile, SearchPage};
use thidua::{output, search, theme};

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let output_dir = args.next().map(PathBuf::from);
    let mut times: Vec<(&str, f64)> = Vec::new();
    let mut t = Instant::now();
    let mut lap = |name: &'static str, times: &mut Vec<(&str, f64)>| {
        times.push((name, t.elapsed().as_secs_f64() * 1000.0));
        t = Instant::now();
    };
    let total = Instant::now();

    let overrides = Overrides { output: output_dir, ..Overrides::default() };
    let config = config::load(&root, &overrides).unwrap_or_else(|d| fail(&format!("{d:?}")));
    let theme = theme::load(&config).unwrap_or_else(|d| fail(&format!("{d:?}")));
    let statics = theme::site_statics(&config.root).unwrap_or_else(|d| fail(&format!("{d:?}")));
    let loaded = content::load(&config, Publish::default(), &theme::static_paths(&theme, &statics));
    if loaded.diagnostics.has_errors() {
        fail("the site has content errors; run `thidua check`");
    }
    let site = loaded.site;
    lap("load", &mut times);

    let docs: Vec<_> = site.records.iter().map(|r| search_doc(&site, r)).collect();
    let glossary =
        search::load_glossary(&config.root, config.theme_dir.as_deref()).unwrap_or_else(|e| fail(&e.to_string()));
    let index_dir = search::tantivy_dir_for(&config.output);
    let export = search::build(&docs, &glossary, &index_dir).unwrap_or_else(|e| fail(&e.to_string()));
    lap("search", &mut times);

    let mut files =
        render::render(&site, &config, &theme, loaded.news_pages, SearchPage { entry: export.entry.clone() })
            .unwrap_or_else(|_| fail("rendering failed"));
    files.extend(render::statics(&theme, &statics));
    let search_files = export.files.len();
    files.extend(
        export.files.into_iter().map(|(path, bytes)| OutputFile { path, content: render::Content::Bytes(bytes) }),
    );
    files.sort_by(|a, b| a.path.cmp(&b.path));
    lap("render", &mut times);

    output::write_all(&config.output, &files).unwrap_or_else(|e| fail(&e.to_string()));
    lap("write", &mut times);

    let total_ms = total.elapsed().as_secs_f64() * 1000.0;
    let fields: Vec<String> = times.iter().map(|(k, v)| format!("\"{k}_ms\": {v:.1}")).collect();
    println!(
        "{{\"records\": {}, \"files\": {}, \"search_files\": {search_files}, {}, \"total_ms\": {total_ms:.1}, \"search_share\": {:.3}}}",
        site.records.len(),
        files.len(),
        fields.join(", "),
        times.iter().find(|(k, _)| *k == "search").map_or(0.0, |(_, v)| v / total_ms)
    );
}

fn fail(msg: &str) -> ! {
    eprintln!("bench_stages: {msg}");
    std::process::exit(1)
}
