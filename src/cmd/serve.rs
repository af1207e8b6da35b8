//! `thidua serve`.

use crate::cli::ServeArgs;
use std::net::SocketAddr;
use std::process::ExitCode;
use thidua::build::BuildOptions;
use thidua::config::Overrides;
use thidua::serve::{serve, ServeOptions};

/// Serves until stopped; exit 1 when the server cannot start. Drafts and
/// records dated in the future are shown (marked on their pages) unless
/// `--published-only` asks for the site as `build` makes it.
pub(crate) fn run(args: &ServeArgs) -> ExitCode {
    let all = !args.published_only;
    let opts = ServeOptions {
        build: BuildOptions {
            root: args.root.clone(),
            overrides: Overrides { drafts: args.drafts || all, preview: true, ..Overrides::default() },
            future: args.future || all,
        },
        addr: SocketAddr::new(args.interface, args.port),
    };
    match serve(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", thidua::t!("error-prefix"));
            ExitCode::from(1)
        }
    }
}
