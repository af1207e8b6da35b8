//! `thidua new`.

use crate::cli::{NewArgs, NewKind};
use std::process::ExitCode;
use thidua::content::Kind;
use thidua::date::today;
use thidua::scaffold::create;
use thidua::t;

/// Creates the record and says, in the catalogue's language, where it is and how to see it.
pub(crate) fn run(args: &NewArgs) -> ExitCode {
    let kind = match args.kind {
        NewKind::Campaign => Kind::Campaign,
        NewKind::Person => Kind::Person,
        NewKind::News => Kind::News,
        NewKind::Document => Kind::Document,
        NewKind::Page => Kind::Page,
    };
    match create(&args.root, kind, &args.title, today(), args.folder) {
        Ok(path) => {
            println!("{}", t!("new-created", path = path.display().to_string()));
            println!("{}", t!("new-draft-note"));
            let root = args.root.display().to_string();
            println!("{}", t!("new-how-to-see", root = root));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", t!("error-prefix"));
            ExitCode::from(1)
        }
    }
}
