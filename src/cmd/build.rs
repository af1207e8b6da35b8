//! `thidua build`.

use crate::cli::BuildArgs;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;
use thidua::build::{run_with_progress, BuildOptions, Stage};
use thidua::config::Overrides;
use thidua::t;

/// Builds the site and prints a one-line summary.
pub(crate) fn run(args: &BuildArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        overrides: Overrides {
            output: args.output.clone(),
            base_url: args.base_url.clone(),
            drafts: args.drafts,
            preview: false,
        },
        future: args.future,
    };
    remove_temporaries_on_interrupt();
    stop_a_page_past_its_time();
    let on_terminal = std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    let bar = on_terminal.then(stage_bar);
    let started_stages = std::cell::Cell::new(0u64);
    let progress = |stage: Stage| match &bar {
        Some(bar) => {
            // Stages done so far: the bar moves forward whatever order the build runs them in.
            bar.set_position(started_stages.replace(started_stages.get() + 1));
            bar.set_message(stage_text(stage));
        }
        None => eprintln!("[{:>6} ms] {}", started.elapsed().as_millis(), stage_text(stage)),
    };
    let result = run_with_progress(&opts, &progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(r) => {
            super::print_diagnostics(&r.warnings);
            println!(
                "{}",
                t!(
                    "build-done",
                    unchanged = if r.unchanged { "yes" } else { "no" },
                    records = r.records,
                    pages = r.pages,
                    files = r.files,
                    ms = r.elapsed.as_millis() as u64,
                    output = r.output.display().to_string(),
                    warnings = r.warnings.len()
                )
            );
            ExitCode::SUCCESS
        }
        Err(e) => super::report_failure(&e),
    }
}

/// A progress bar over the build's stages, for a terminal: a spinner that
/// keeps moving during long stages, the stage count, its name and the time.
/// The stage's progress line, from the catalogue.
fn stage_text(stage: Stage) -> String {
    match stage {
        Stage::Load => t!("stage-load"),
        Stage::Index => t!("stage-index"),
        Stage::Images => t!("stage-images"),
        Stage::Render => t!("stage-render"),
        Stage::Write => t!("stage-write"),
    }
}

fn stage_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(Stage::ALL.len() as u64);
    let style = indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {bar:20} {pos}/{len} {msg}…")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// A page whose template loops without calling `range` or writing, or builds a
/// value that grows without end, cannot be stopped from inside the template
/// engine: once it is past its time budget (and a grace period) or its memory
/// budget (checked through [`thidua::build::page_past_budget`] ten times a second), the build reports the template and the page, removes
/// its temporary folders (the previous output stays) and exits 1.
fn stop_a_page_past_its_time() {
    std::thread::spawn(|| loop {
        std::thread::sleep(Duration::from_millis(100));
        if let Some(d) = thidua::build::page_past_budget(Duration::from_secs(5)) {
            thidua::output::remove_pending();
            super::print_diagnostics(&[d]);
            eprintln!("{}: {}", t!("diag-error"), t!("build-failed-summary", errors = 1u64, warnings = 0u64));
            std::process::exit(1);
        }
    });
}

/// On Ctrl-C (SIGINT) or SIGTERM, removes the build's temporary folders at
/// once (the previous output stays as it was) and exits 130 or 143. A swap
/// under way finishes first. Without the handler, the next build still
/// removes them, so a failure to install it is only reported.
fn remove_temporaries_on_interrupt() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: {}", t!("diag-warning"), t!("build-no-interrupt-handler", error = e.to_string()));
            return;
        }
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            thidua::output::remove_pending();
            eprintln!("{}", t!("build-interrupted"));
            std::process::exit(128 + signal);
        }
    });
}
