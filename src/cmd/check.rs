//! `thidua check`.

use crate::cli::CheckArgs;
use std::process::ExitCode;
use thidua::build::{check_with, BuildError, BuildOptions};
use thidua::config::Overrides;
use thidua::content::external::ExternalOptions;
use thidua::diagnostics::Diagnostic;
use thidua::t;

/// Validates the site, lists records held back for a future date, writes nothing.
pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        overrides: Overrides { drafts: args.drafts, ..Overrides::default() },
        future: args.future,
    };
    let external = args.external.then(ExternalOptions::default);
    match check_with(&opts, external.as_ref()) {
        Ok(r) => {
            if args.json {
                return print_json(&r.warnings, true);
            }
            super::print_diagnostics(&r.warnings);
            for (path, date) in &r.future {
                println!("{}", t!("check-scheduled", path = path.to_string(), date = date.to_string()));
            }
            println!("{}", t!("check-ok", records = r.records, warnings = r.warnings.len()));
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(diags)) if args.json => print_json(&diags, false),
        Err(e) => super::report_failure(&e),
    }
}

/// `--json`: `{"ok": …, "diagnostics": [...]}` on stdout, each diagnostic with
/// its catalogue identifier (`id`), for tools and tests.
fn print_json(diags: &[Diagnostic], ok: bool) -> ExitCode {
    let value = serde_json::json!({ "ok": ok, "diagnostics": diags });
    println!("{}", serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".into()));
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
