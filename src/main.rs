//! The `thidua` command: parses the command line, calls the library, prints
//! diagnostics, and exits 0 (success), 1 (content errors) or 2 (usage errors).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc instead of glibc's allocator: glibc keeps a heap per thread and
/// rarely returns freed memory, so the build's phases (parallel loading and
/// rendering, then tantivy's threads) each grew a heap of their own. Measured
/// peak RSS of a 10,000-record build: see BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
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
