//! The output folder: what `build` refuses to replace (exit 2, nothing
//! touched), what interrupted builds leave and who removes it, the swap that
//! never leaves a moment without an output, and an output that is a link.
//! Kill tests run the real binary and signal it in the middle of a build.

use super::*;
use std::os::unix::fs::symlink;
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

fn thidua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).output().expect("run thidua")
}

fn build_into(root: &Path, output: &Path) -> Output {
    thidua(&["build", "--root", root.to_str().unwrap(), "--output", output.to_str().unwrap()])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` with its bytes, and every folder.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let bytes = e.file_type().is_file().then(|| std::fs::read(e.path()).expect("read"));
            (e.path().strip_prefix(dir).expect("inside").to_path_buf(), bytes)
        })
        .collect()
}

/// `output` is refused with exit 2, a message naming it, and nothing changed
/// anywhere under `watched`.
fn assert_refused(root: &Path, output: &Path, watched: &Path) {
    let before = tree(watched);
    let out = build_into(root, output);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{} must be refused: {err}", output.display());
    assert!(err.contains(&output.display().to_string()), "the message names the folder: {err}");
    assert!(err.contains("gợi ý:"), "the message says what to do: {err}");
    assert_eq!(tree(watched), before, "nothing may change when {} is refused", output.display());
}

/// Adds (or changes) one news record, so that the next build has work to do.
fn add_news(root: &Path, date: &str) {
    let text = format!("+++\ntitle = \"Mới\"\ndate = {date}\n+++\nMới.\n");
    std::fs::write(root.join("content/tin-tuc/moi.md"), text).unwrap();
}

/// A pid that no process has any more.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("spawn true");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn output_that_holds_sources_or_foreign_files_is_refused() {
    let site = fixture("generator/basic");
    let root = site.path();
    std::fs::create_dir_all(root.join("themes/rieng/templates")).unwrap();
    std::fs::write(root.join("themes/rieng/templates/x.html"), "x").unwrap();
    std::fs::create_dir_all(root.join(".thidua-cache/images")).unwrap();
    for rel in ["", "content", "content/tin-tuc", "static", "themes/rieng", "themes/moi", ".thidua-cache/images"] {
        assert_refused(root, &root.join(rel), root);
    }
    // The parent of the root, and the root through `..` and through a link.
    let parent = root.parent().unwrap().to_path_buf();
    assert_refused(root, &parent, root);
    assert_refused(root, &root.join("content/.."), root);
    let outside = tempfile::tempdir().unwrap();
    symlink(root, outside.path().join("trang")).unwrap();
    assert_refused(root, &outside.path().join("trang"), root);
    // A folder with other files (a home folder, a web root), and a file.
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join("ghi-chu.txt"), "của tôi").unwrap();
    std::fs::create_dir_all(home.path().join("Tài liệu")).unwrap();
    assert_refused(root, home.path(), home.path());
    assert_refused(root, &home.path().join("ghi-chu.txt"), home.path());
    assert!(!root.join("public").exists(), "nothing was built");
}

#[test]
fn output_that_is_absent_empty_or_thiduas_own_is_replaced() {
    let site = fixture("generator/basic");
    let root = site.path();
    let empty = tempfile::tempdir().unwrap();
    let out = build_into(root, empty.path());
    assert_eq!(out.status.code(), Some(0), "an empty folder: {}", stderr(&out));
    assert!(empty.path().join("index.html").is_file());
    add_news(root, "2023-05-01");
    let out = build_into(root, empty.path());
    assert_eq!(out.status.code(), Some(0), "its own output, again: {}", stderr(&out));
    assert!(empty.path().join("tin-tuc/moi/index.html").is_file());
    // An output written before the marker existed is known by the build stamp.
    let public = root.join("public");
    assert_eq!(build_into(root, &public).status.code(), Some(0));
    std::fs::remove_file(public.join(thidua::output::MARKER)).unwrap();
    add_news(root, "2023-05-02");
    let out = build_into(root, &public);
    assert_eq!(out.status.code(), Some(0), "an older thidua output: {}", stderr(&out));
    assert!(public.join(thidua::output::MARKER).is_file());
}

#[test]
fn search_refuses_the_same_places() {
    let site = fixture("generator/basic");
    let root = site.path().to_str().unwrap();
    let content = site.path().join("content");
    let out = thidua(&["search", "--root", root, "--output", content.to_str().unwrap(), "thi đua"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(content.to_str().unwrap()), "{}", stderr(&out));
}

#[test]
fn leftovers_of_killed_builds_are_removed_unless_a_thidua_still_runs() {
    let site = fixture("generator/basic");
    let root = site.path();
    assert_eq!(build_into(root, &root.join("public")).status.code(), Some(0));
    let dead = dead_pid();
    let cache = root.join(".thidua-cache");
    let stale = [
        root.join(format!(".public.tmp-{dead}")),
        root.join(format!(".public.old-{dead}")),
        cache.join(format!("search-public.tmp-{dead}")),
        // A live process that is not thidua: this test.
        root.join(format!(".public.tmp-{}", std::process::id())),
    ];
    for dir in &stale {
        std::fs::create_dir_all(dir.join("tin-tuc")).unwrap();
        std::fs::write(dir.join("tin-tuc/index.html"), "cũ").unwrap();
    }
    // A thidua that still runs (serve) keeps its folder.
    let mut serving = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["serve", "--root", root.to_str().unwrap(), "--port", "0"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("serve");
    let live = root.join(format!(".public.tmp-{}", serving.id()));
    std::fs::create_dir_all(&live).unwrap();
    add_news(root, "2023-05-01");
    let out = build_into(root, &root.join("public"));
    let kept = live.exists();
    serving.kill().expect("kill serve");
    serving.wait().expect("wait serve");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for dir in &stale {
        assert!(!dir.exists(), "{} must be removed", dir.display());
    }
    assert!(kept, "the folder of a running thidua is left alone");
}

/// A site big enough that a build takes a while (the kill tests stop it midway).
fn big_site() -> tempfile::TempDir {
    let site = fixture("generator/basic");
    let para = "Đồng bào các dân tộc thiểu số hưởng ứng phong trào thi đua yêu nước. ".repeat(40);
    for i in 0..600 {
        let text = format!("+++\ntitle = \"Tin số {i}\"\ndate = 2023-04-{:02}\n+++\n{para}\n\n{para}\n", i % 28 + 1);
        std::fs::write(site.path().join(format!("content/tin-tuc/tin-so-{i}.md")), text).unwrap();
    }
    site
}

/// Starts a build of `root` into `<root>/public` and waits until its
/// temporary folder exists (the build is writing pages).
fn build_until_writing(root: &Path) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["build", "--root", root.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn build");
    let tmp = root.join(format!(".public.tmp-{}", child.id()));
    let started = Instant::now();
    while !tmp.join("tin-tuc").exists() {
        assert!(child.try_wait().expect("try_wait").is_none(), "the build ended before it could be interrupted");
        assert!(started.elapsed() < Duration::from_secs(120), "the build never started writing");
        std::thread::sleep(Duration::from_millis(2));
    }
    child
}

fn signal(child: &Child, sig: libc::c_int) {
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: sends a signal to our own child process.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0, "kill");
}

fn temporaries(root: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for dir in [root.to_path_buf(), root.join(".thidua-cache")] {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.contains(".tmp-") || name.contains(".old-") {
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn sigkill_leftovers_are_removed_by_the_next_build() {
    let site = big_site();
    let root = site.path();
    assert_eq!(build_into(root, &root.join("public")).status.code(), Some(0));
    let before = snapshot(&root.join("public"));
    add_news(root, "2023-05-01");
    let mut child = build_until_writing(root);
    signal(&child, libc::SIGKILL);
    child.wait().expect("wait");
    assert_eq!(snapshot(&root.join("public")), before, "the previous output survives the kill");
    assert!(
        !temporaries(root).is_empty(),
        "a killed build leaves its temporary folder (else this test proves nothing)"
    );
    let out = build_into(root, &root.join("public"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(temporaries(root), Vec::<String>::new(), "the next build removes what the killed one left");
    assert!(root.join("public/tin-tuc/moi/index.html").is_file());
}

#[test]
fn ctrl_c_removes_temporaries_at_once_and_keeps_the_output() {
    let site = big_site();
    let root = site.path();
    assert_eq!(build_into(root, &root.join("public")).status.code(), Some(0));
    let before = snapshot(&root.join("public"));
    add_news(root, "2023-05-01");
    for sig in [libc::SIGINT, libc::SIGTERM] {
        let child = build_until_writing(root);
        signal(&child, sig);
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(128 + sig), "{}", stderr(&out));
        assert_eq!(temporaries(root), Vec::<String>::new(), "signal {sig}: nothing left behind");
        assert_eq!(snapshot(&root.join("public")), before, "signal {sig}: the previous output is kept");
    }
}

#[test]
fn output_set_aside_by_an_interrupted_swap_is_put_back() {
    let site = fixture("generator/basic");
    let root = site.path();
    let public = root.join("public");
    assert_eq!(build_into(root, &public).status.code(), Some(0));
    let before = snapshot(&public);
    // Where a kill between the two renames of a swap leaves things.
    std::fs::rename(&public, root.join(format!(".public.old-{}", dead_pid()))).unwrap();
    std::fs::write(root.join("content/tin-tuc/hong.md"), "+++\ntitle = \"Hỏng\"\ndate = \"2023-13-01\"\n+++\n")
        .unwrap();
    let out = build_into(root, &public);
    assert_eq!(out.status.code(), Some(1), "the content error still fails the build: {}", stderr(&out));
    assert_eq!(snapshot(&public), before, "the previous output is back in place");
    assert_eq!(temporaries(root), Vec::<String>::new());
}

#[test]
fn output_that_is_a_link_is_built_into_its_target_and_the_link_kept() {
    let site = fixture("generator/basic");
    let root = site.path();
    let web = tempfile::tempdir().unwrap();
    let www = web.path().join("html");
    std::fs::create_dir(&www).unwrap();
    let public = root.join("public");
    symlink(&www, &public).unwrap();
    for round in 0..2 {
        let out = build_into(root, &public);
        assert_eq!(out.status.code(), Some(0), "round {round}: {}", stderr(&out));
        assert!(std::fs::symlink_metadata(&public).unwrap().file_type().is_symlink(), "the link is kept");
        assert!(www.join("index.html").is_file(), "the web root is updated");
        add_news(root, "2023-05-01");
    }
    assert!(www.join("tin-tuc/moi/index.html").is_file());
    assert_eq!(temporaries(web.path()), Vec::<String>::new());
    // A link to a folder with other files, or to nowhere, is refused.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("index.php"), "<?php").unwrap();
    std::fs::remove_file(&public).unwrap();
    symlink(other.path(), &public).unwrap();
    assert_refused(root, &public, other.path());
    std::fs::remove_file(&public).unwrap();
    symlink(web.path().join("chua-co"), &public).unwrap();
    assert_refused(root, &public, web.path());
}
