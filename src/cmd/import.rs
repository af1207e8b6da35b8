//! `thidua import`.

use crate::cli::ImportArgs;
use std::collections::BTreeSet;
use std::process::ExitCode;
use thidua::diagnostics::{display_path, Diagnostic};
use thidua::import::{batch, record, write, Planned};

/// Lines of the body shown by `--dry-run`.
const PREVIEW_LINES: usize = 12;

/// Imports every file (folders walked); a file that fails is reported and the
/// others go on; the report table ends the run.
pub fn run(args: &ImportArgs) -> ExitCode {
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
            format!("văn bản này đã có trong trang ({}), cùng số và cơ quan ban hành; không nhập lại", shown.display()),
        )
        .hint("sửa bản ghi đã có nếu cần; muốn nhập lại thì xóa thư mục của nó trước")]);
    }
    let mut taken = BTreeSet::new();
    let mut done = 0;
    for g in &outcome.groups {
        super::print_diagnostics(&g.primary.warnings);
        let planned = batch::plan(&args.root, g, args.campaign.as_deref(), &mut taken);
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
            let names: Vec<String> = planned.files.iter().map(|(n, _)| format!("{}/{n}", shown.display())).collect();
            println!("wrote {}/index.md and {}", shown.display(), names.join(", "));
        }
        done += 1;
    }
    println!();
    print!("{}", batch::table(&outcome.rows));
    if let Some(path) = &args.report {
        if let Err(e) = std::fs::write(path, batch::csv(&outcome.rows)) {
            eprintln!("error: {}: cannot write the report: {e}", path.display());
            failed += 1;
        } else {
            println!("report: {}", path.display());
        }
    }
    let verb = if args.dry_run { "would import" } else { "imported" };
    let merged: usize = outcome.groups.iter().map(|g| g.copies.len()).sum();
    let mut tail = String::new();
    if merged > 0 {
        tail.push_str(&format!(", {merged} copy(ies) merged"));
    }
    if !outcome.existing.is_empty() {
        tail.push_str(&format!(", {} already in the site", outcome.existing.len()));
    }
    println!("{verb} {done} document(s), {failed} failed{tail}");
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
