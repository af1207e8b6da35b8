//! The `thidua` command: parses the command line, calls the library, prints
//! diagnostics, and exits 0 (success), 1 (content errors) or 2 (usage errors).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

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
