//! `thidua serve`.

use crate::cli::ServeArgs;
use std::net::SocketAddr;
use std::process::ExitCode;
use thidua::build::BuildOptions;
use thidua::config::Overrides;
use thidua::serve::{serve, ServeOptions};

/// Serves until stopped; exit 1 when the server cannot start.
pub fn run(args: &ServeArgs) -> ExitCode {
    let opts = ServeOptions {
        build: BuildOptions {
            root: args.root.clone(),
            overrides: Overrides { drafts: args.drafts, ..Overrides::default() },
            future: args.future,
        },
        addr: SocketAddr::new(args.interface, args.port),
    };
    match serve(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
