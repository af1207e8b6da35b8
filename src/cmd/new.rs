//! `thidua new`.

use crate::cli::{NewArgs, NewKind};
use std::process::ExitCode;
use thidua::content::date::today;
use thidua::content::Kind;
use thidua::scaffold::create;

/// Creates the record and says where it is.
pub fn run(args: &NewArgs) -> ExitCode {
    let kind = match args.kind {
        NewKind::Campaign => Kind::Campaign,
        NewKind::Person => Kind::Person,
        NewKind::News => Kind::News,
        NewKind::Document => Kind::Document,
    };
    match create(&args.root, kind, &args.title, today()) {
        Ok(path) => {
            println!("created {}", path.display());
            println!("it is a draft (draft = true): fill in the keys, then remove that line to publish");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
