//! `thidua search`: answers a query from the index the last build wrote.

use crate::cli::SearchArgs;
use std::io::Write as _;
use std::process::ExitCode;
use thidua::search::{self, Filters, Hit};

/// Runs the query and prints the hits (a JSON array with `--json`).
pub(crate) fn run(args: &SearchArgs) -> ExitCode {
    let output = args.output.clone().unwrap_or_else(|| args.root.join("public"));
    // The same places are refused as for `build`: such an --output is a mistake.
    if let Some(refusal) = thidua::output::refuse_place(&args.root, &output) {
        eprintln!("{}: {refusal}", thidua::t!("diag-error"));
        return ExitCode::from(2);
    }
    let dir = search::tantivy_dir_for(&output);
    let filters = Filters {
        kind: args.kind.clone(),
        campaign: args.campaign.clone(),
        ethnicity: args.ethnicity.clone(),
        district: args.district.clone(),
        year: args.year,
    };
    let q = args.query.join(" ");
    // A damaged index is reported as such (the query turns tantivy's panics
    // into an error), so the panic's own message would only be noise.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let answer = search::query(&dir, &q, &filters, args.limit);
    std::panic::set_hook(hook);
    match answer {
        Ok(hits) => print_hits(&hits, &q, args.json),
        Err(e) => {
            eprintln!("{}: {e}", thidua::t!("diag-error"));
            ExitCode::from(1)
        }
    }
}

fn print_hits(hits: &[Hit], q: &str, json: bool) -> ExitCode {
    let text = if json {
        serde_json::to_string_pretty(hits).unwrap_or_else(|_| "[]".to_string())
    } else if hits.is_empty() {
        thidua::t!("search-no-results", query = q)
    } else {
        hits.iter().enumerate().map(|(i, h)| human(i + 1, h)).collect::<Vec<_>>().join("\n")
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {}", thidua::t!("diag-error"), thidua::t!("search-write-failed", error = e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// One hit for people: rank, title, kind, date, URL, excerpt with [matches].
fn human(rank: usize, h: &Hit) -> String {
    let mut excerpt = String::new();
    for (i, c) in h.excerpt.chars().enumerate() {
        if h.highlights.iter().any(|&(_, b)| b == i) {
            excerpt.push(']');
        }
        if h.highlights.iter().any(|&(a, _)| a == i) {
            excerpt.push('[');
        }
        excerpt.push(c);
    }
    if h.highlights.iter().any(|&(_, b)| b == h.excerpt.chars().count()) {
        excerpt.push(']');
    }
    let date = h.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
    let missing = if h.missing.is_empty() {
        String::new()
    } else {
        format!("\n   {}", thidua::t!("search-missing", words = h.missing.join(", ")))
    };
    format!("{rank}. {} ({}{date}) score {}\n   {}\n   {excerpt}{missing}", h.title, h.kind, h.score, h.url)
}
