//! `thidua import`.

use crate::cli::ImportArgs;
use std::collections::BTreeSet;
use std::process::ExitCode;
use thidua::diagnostics::{display_path, Diagnostic};
use thidua::import::{batch, record, write, Planned};
use thidua::{msg, t};

/// Lines of the body shown by `--dry-run`.
const PREVIEW_LINES: usize = 12;

/// Imports every file (folders walked); a file that fails is reported and the
/// others go on; the report table ends the run.
pub(crate) fn run(args: &ImportArgs) -> ExitCode {
    if let Some(slug) = &args.campaign {
        if let Err(e) = record::check_campaign(&args.root, slug) {
            super::print_diagnostics(&[e.diagnostic()]);
            return ExitCode::from(1);
        }
    }
    let files = batch::collect(&args.files);
    let outcome = batch::run(&args.root, &files);
    let mut failed = outcome.failed.len();
    for (_, e) in &outcome.failed {
        super::print_diagnostics(&[e.diagnostic()]);
    }
    for (imp, existing) in &outcome.existing {
        let shown = display_path(&args.root, existing);
        super::print_diagnostics(&[Diagnostic::warning(
            &imp.source,
            msg!("imp-existing", record = shown.display().to_string()),
        )
        .hint(msg!("imp-existing-hint"))]);
    }
    let mut taken = BTreeSet::new();
    let mut done = 0;
    for g in &outcome.groups {
        super::print_diagnostics(&g.primary.warnings);
        let planned = batch::plan(&args.root, g, args.campaign.as_deref(), &mut taken);
        if let Some(wanted) = &planned.wanted {
            println!("{}", t!("imp-slug-taken", wanted = wanted.as_str(), slug = planned.slug.as_str()));
        }
        if args.dry_run {
            preview(args, &planned);
        } else if let Err(e) = write(&planned) {
            super::print_diagnostics(&[e.diagnostic()]);
            failed += 1;
            continue;
        } else {
            let shown = display_path(&args.root, &planned.dir);
            let names: Vec<String> = planned.files.iter().map(|(n, _)| format!("{}/{n}", shown.display())).collect();
            println!("{}", t!("imp-wrote", dir = shown.display().to_string(), files = names.join(", ")));
        }
        done += 1;
    }
    println!();
    print!("{}", batch::table(&outcome.rows));
    if let Some(path) = &args.report {
        if let Err(e) = std::fs::write(path, batch::csv(&outcome.rows)) {
            eprintln!(
                "{}: {}",
                t!("diag-error"),
                t!("imp-report-failed", path = path.display().to_string(), error = e.to_string())
            );
            failed += 1;
        } else {
            println!("{}", t!("imp-report", path = path.display().to_string()));
        }
    }
    let merged: usize = outcome.groups.iter().map(|g| g.copies.len()).sum();
    println!(
        "{}",
        t!(
            "imp-summary",
            dry_run = if args.dry_run { "yes" } else { "no" },
            done = done,
            failed = failed,
            merged = merged,
            existing = outcome.existing.len()
        )
    );
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn preview(args: &ImportArgs, p: &Planned) {
    let shown = display_path(&args.root, &p.dir);
    println!("{}", t!("imp-would-write", dir = shown.display().to_string(), attachment = p.attachment.as_str()));
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
