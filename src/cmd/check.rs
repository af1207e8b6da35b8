//! `thidua check`.

use crate::cli::CheckArgs;
use std::process::ExitCode;
use thidua::build::{check_with, BuildOptions};
use thidua::config::Overrides;
use thidua::content::external::ExternalOptions;

/// Validates the site, lists records held back for a future date, writes nothing.
pub fn run(args: &CheckArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        overrides: Overrides { drafts: args.drafts, ..Overrides::default() },
        future: args.future,
    };
    let external = args.external.then(ExternalOptions::default);
    match check_with(&opts, external.as_ref()) {
        Ok(r) => {
            super::print_diagnostics(&r.warnings);
            for (path, date) in &r.future {
                println!(
                    "scheduled: {path} is dated {date} and will be published on that day (use --future to preview)"
                );
            }
            println!("ok: {} records, no errors, {} warning(s)", r.records, r.warnings.len());
            ExitCode::SUCCESS
        }
        Err(e) => super::report_failure(&e),
    }
}
