//! Where a build's time goes: runs `thidua::build::run_with_progress` and
//! times each stage from the moment the next one starts, so the search stage's
//! share of the build can be reported (the build report gives only the total).
//!
//! ```sh
//! cargo run --release --example bench_stages -- SITE_DIR [OUTPUT_DIR]
//! ```
//!
//! Prints one JSON object of milliseconds per stage.

use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Instant;
use thidua::build::{run_with_progress, BuildOptions, Stage};
use thidua::config::Overrides;

fn key(stage: Stage) -> &'static str {
    match stage {
        Stage::Load => "load",
        Stage::Index => "search",
        Stage::Images => "images",
        Stage::Render => "render",
        Stage::Write => "write",
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let output = args.next().map(PathBuf::from);
    let opts = BuildOptions { root, overrides: Overrides { output, ..Overrides::default() }, future: false };
    let started = Instant::now();
    let marks: RefCell<Vec<(Stage, f64)>> = RefCell::new(Vec::new());
    let report = run_with_progress(&opts, &|s| marks.borrow_mut().push((s, started.elapsed().as_secs_f64() * 1000.0)))
        .unwrap_or_else(|e| {
            eprintln!("bench_stages: {e}");
            std::process::exit(1)
        });
    let total_ms = started.elapsed().as_secs_f64() * 1000.0;
    let marks = marks.into_inner();
    let mut fields = Vec::new();
    let mut search_ms = 0.0;
    for (i, (stage, at)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map_or(total_ms, |m| m.1);
        if *stage == Stage::Index {
            search_ms = end - at;
        }
        fields.push(format!("\"{}_ms\": {:.1}", key(*stage), end - at));
    }
    println!(
        "{{\"records\": {}, \"files\": {}, {}, \"total_ms\": {total_ms:.1}, \"search_share\": {:.3}}}",
        report.records,
        report.files,
        fields.join(", "),
        search_ms / total_ms
    );
}
