//! Runs the JavaScript tests (Node's built-in test runner) as part of
//! `cargo test`, handing them the `thidua` binary cargo just built.

use std::process::Command;

#[test]
fn javascript_client_tests_pass_under_node() {
    let repo = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("node")
        .args(["--test", "tests/js/"])
        .current_dir(repo)
        .env("THIDUA_BIN", env!("CARGO_BIN_EXE_thidua"))
        .output()
        .expect("node must be installed to run the JavaScript tests (Debian: apt-get install nodejs)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "node --test failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("# fail 0"), "{stdout}");
}
