//! One thin file per subcommand: arguments in, library calls, exit code out.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod import;
pub(crate) mod new;
pub(crate) mod search;
pub(crate) mod serve;

use std::io::Write as _;
use thidua::build::BuildError;
use thidua::diagnostics::Diagnostic;
use thidua::t;

/// Prints diagnostics to stderr, then a count line.
pub(crate) fn print_diagnostics(diags: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diags {
        let _ignored = writeln!(err, "{d}");
    }
}

/// Prints a failed build and returns its exit code (2 when the output folder
/// was refused, 1 otherwise).
pub(crate) fn report_failure(e: &BuildError) -> std::process::ExitCode {
    if let BuildError::Content(diags) = e {
        print_diagnostics(diags);
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let warnings = diags.len() - errors;
        eprintln!("{}: {}", t!("diag-error"), t!("build-failed-summary", errors = errors, warnings = warnings));
        return std::process::ExitCode::from(1);
    }
    let text = match e {
        BuildError::Output(o) => t!("build-output-failed", detail = o.to_string()),
        BuildError::Search(s) => t!("search-failed", detail = s.to_string()),
        other => other.to_string(),
    };
    eprintln!("{}: {text}", t!("diag-error"));
    // A refused output folder is a usage error, like a bad flag: nothing was done.
    std::process::ExitCode::from(if matches!(e, BuildError::Refused(_)) { 2 } else { 1 })
}
