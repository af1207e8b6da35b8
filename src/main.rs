//! The `thidua` command: parses the command line, calls the library, prints
//! diagnostics, and exits 0 (success), 1 (content errors) or 2 (usage errors).

mod cli;
mod cmd;

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: glibc keeps a heap per thread and
/// rarely returns freed memory, so the build's phases (parallel loading and
/// rendering, then tantivy's threads) each grew a heap of their own. Measured
/// peak RSS of a 10,000-record build: see BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Help texts come from the message catalogue (Vietnamese unless THIDUA_LANG=en).
    let command = thidua::i18n::cli::localize(cli::Cli::command(), thidua::i18n::Lang::current());
    let parsed = command.try_get_matches().and_then(|m| cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _printed = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        cli::Command::Build(a) => cmd::build::run(&a),
        cli::Command::Check(a) => cmd::check::run(&a),
        cli::Command::Search(a) => cmd::search::run(&a),
        cli::Command::New(a) => cmd::new::run(&a),
        cli::Command::Serve(a) => cmd::serve::run(&a),
        cli::Command::Import(a) => cmd::import::run(&a),
    }
}
