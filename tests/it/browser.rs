//! Runs the real-browser tests (`tests/browser/`, Node's test runner driving
//! the Debian chromium through playwright-core, axe-core and the Nu HTML
//! Checker) as part of `cargo test`, handing them the `thidua` binary cargo
//! just built.

use std::path::Path;
use std::process::Command;

#[test]
fn browser_tests_pass_in_headless_chromium() {
    let repo = env!("CARGO_MANIFEST_DIR");
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        assert!(
            Path::new(repo).join("node_modules").join(package).is_dir(),
            "node_modules/{package} is missing: run npm ci (bash .ci/run does it)"
        );
    }
    let out = Command::new("node")
        .args(["--test", "tests/browser/"])
        .current_dir(repo)
        .env("THIDUA_BIN", env!("CARGO_BIN_EXE_thidua"))
        .output()
        .expect("node must be installed to run the browser tests (Debian: apt-get install nodejs)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node --test tests/browser/ failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("# fail 0"), "{stdout}");
}
