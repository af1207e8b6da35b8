//! `thidua build`.

use crate::cli::BuildArgs;
use std::io::IsTerminal;
use std::process::ExitCode;
use thidua::build::{run_with_progress, BuildOptions, Stage};
use thidua::config::Overrides;

/// Builds the site and prints a one-line summary.
pub fn run(args: &BuildArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        overrides: Overrides { output: args.output.clone(), base_url: args.base_url.clone(), drafts: args.drafts },
        future: args.future,
    };
    let on_terminal = std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    let progress = |stage: Stage| {
        let ms = started.elapsed().as_millis();
        if on_terminal {
            // One line, rewritten in place: a quiet progress display.
            eprint!("\r\x1b[2K[{ms:>6} ms] {}…", stage.label());
        } else {
            eprintln!("[{ms:>6} ms] {}", stage.label());
        }
    };
    let result = run_with_progress(&opts, &progress);
    if on_terminal {
        eprint!("\r\x1b[2K");
    }
    match result {
        Ok(r) => {
            super::print_diagnostics(&r.warnings);
            println!(
                "{} {} records into {} pages ({} files) in {} ms → {}{}",
                if r.unchanged { "nothing changed since the last build, kept" } else { "built" },
                r.records,
                r.pages,
                r.files,
                r.elapsed.as_millis(),
                r.output.display(),
                if r.warnings.is_empty() { String::new() } else { format!(", {} warning(s)", r.warnings.len()) }
            );
            ExitCode::SUCCESS
        }
        Err(e) => super::report_failure(&e),
    }
}
