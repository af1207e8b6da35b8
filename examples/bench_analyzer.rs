//! Throughput of the search analyzer on one thread: analyzes the text of
//! every Markdown file under `SITE_DIR/content` a few times and prints tokens
//! and MB per second, and a digest of every token (text, offsets, position,
//! span length) so that a faster analyzer can be checked to give the same
//! output.
//!
//! ```sh
//! cargo run --release --example bench_analyzer -- SITE_DIR [ROUNDS]
//! ```

use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Instant;
use thidua::search::analyzer::{analyzer, tokens};
use thidua::search::Glossary;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let texts: Vec<String> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let glossary = Glossary::default_theme().unwrap_or_else(|e| panic!("glossary: {e}"));
    let mut a = analyzer(&glossary);
    let mut best = f64::MAX;
    let mut count = 0;
    for _ in 0..rounds {
        let started = Instant::now();
        count = texts.iter().map(|t| tokens(&mut a, t).len()).sum::<usize>();
        best = best.min(started.elapsed().as_secs_f64());
    }
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    for t in &texts {
        for tok in tokens(&mut a, t) {
            (tok.text, tok.offset_from, tok.offset_to, tok.position, tok.position_length).hash(&mut digest);
        }
    }
    let digest = digest.finish();
    println!(
        "{{\"files\": {}, \"mb\": {:.1}, \"tokens\": {count}, \"best_s\": {best:.3}, \"mb_per_s\": {:.1}, \"ns_per_token\": {:.0}, \"digest\": \"{digest:016x}\"}}",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        best * 1e9 / count as f64
    );
}
