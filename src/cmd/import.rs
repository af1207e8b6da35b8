//! `thidua import`.

use crate::cli::ImportArgs;
use std::collections::BTreeSet;
use std::process::ExitCode;
use thidua::diagnostics::display_path;
use thidua::import::{import_file, plan, record, write, Planned};

/// Lines of the body shown by `--dry-run`.
const PREVIEW_LINES: usize = 12;

/// Imports every file; a file that fails is reported and the others go on.
pub fn run(args: &ImportArgs) -> ExitCode {
    if let Some(slug) = &args.campaign {
        if let Err(e) = record::check_campaign(&args.root, slug) {
            super::print_diagnostics(&[e.diagnostic()]);
            return ExitCode::from(1);
        }
    }
    let mut taken = BTreeSet::new();
    let (mut done, mut failed) = (0, 0);
    for file in &args.files {
        let imported = match import_file(file) {
            Ok(i) => i,
            Err(e) => {
                super::print_diagnostics(&[e.diagnostic()]);
                failed += 1;
                continue;
            }
        };
        super::print_diagnostics(&imported.warnings);
        let planned = plan(&args.root, &imported, args.campaign.as_deref(), &mut taken);
        if let Some(wanted) = &planned.wanted {
            println!("note: content/van-ban/{wanted} already exists; using the slug `{}` instead", planned.slug);
        }
        if args.dry_run {
            preview(args, &planned);
        } else if let Err(e) = write(&planned) {
            super::print_diagnostics(&[e.diagnostic()]);
            failed += 1;
            continue;
        } else {
            let shown = display_path(&args.root, &planned.dir);
            println!("wrote {}/index.md and {}/{}", shown.display(), shown.display(), planned.attachment);
        }
        done += 1;
    }
    let verb = if args.dry_run { "would import" } else { "imported" };
    println!("{verb} {done} document(s), {failed} failed");
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn preview(args: &ImportArgs, p: &Planned) {
    let shown = display_path(&args.root, &p.dir);
    println!("would write {}/index.md and {}/{}:", shown.display(), shown.display(), p.attachment);
    let mut lines = p.index.lines();
    let mut fences = 0;
    for line in lines.by_ref() {
        println!("    {line}");
        fences += usize::from(line == "+++");
        if fences == 2 {
            break;
        }
    }
    for line in lines.take(PREVIEW_LINES) {
        println!("    {line}");
    }
    println!("    …");
}
