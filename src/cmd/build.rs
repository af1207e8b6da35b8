//! `thidua build`.

use crate::cli::BuildArgs;
use std::process::ExitCode;
use thidua::build::{run as build, BuildOptions};
use thidua::config::Overrides;

/// Builds the site and prints a one-line summary.
pub fn run(args: &BuildArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        overrides: Overrides { output: args.output.clone(), base_url: args.base_url.clone(), drafts: args.drafts },
        future: args.future,
    };
    match build(&opts) {
        Ok(r) => {
            super::print_diagnostics(&r.warnings);
            println!(
                "built {} records into {} pages ({} files) in {} ms → {}{}",
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
