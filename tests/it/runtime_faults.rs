//! Faults at run time that used to crash or stall: templates that call
//! themselves or do too much for one page, a damaged or read-only search
//! index, and `serve` answering while a rebuild runs. Everything that could
//! crash runs in the real binary, so a regression fails the test instead of
//! aborting the test process.

use super::serve::{get, start};
use super::*;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn thidua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).output().expect("run thidua")
}

/// The fixture site with a copy of the default theme beside it, to edit.
fn site_with_theme() -> tempfile::TempDir {
    let site = fixture("generator/basic");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"), &site.path().join("themes/default"));
    site
}

fn template(site: &Path, name: &str) -> PathBuf {
    site.join("themes/default/templates").join(name)
}

/// Puts `extra` at the start of the 404 page's main block.
fn add_to_404(site: &Path, extra: &str) {
    let path = template(site, "404.html");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("{% block main %}", &format!("{{% block main %}}{extra}"))).unwrap();
}

/// Builds `site` with the binary, its address space capped at 3 GB so that a
/// runaway template fails fast instead of taking the machine's memory.
fn build_capped(site: &Path) -> Output {
    use std::os::unix::process::CommandExt as _;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_thidua"));
    cmd.args(["build", "--root", site.to_str().unwrap()]);
    // English: the callers check the wording of the template messages.
    cmd.env("THIDUA_LANG", "en");
    // SAFETY: setrlimit is async-signal-safe and only reads the struct given.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: 3 << 30, rlim_max: 3 << 30 };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    cmd.output().expect("run thidua build")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_macro_that_calls_itself_is_reported_not_a_stack_overflow() {
    let site = site_with_theme();
    let macros = template(site.path(), "macros.html");
    let mut text = std::fs::read_to_string(&macros).unwrap();
    text.push_str("\n{% macro again(n) %}{{ self::again(n=n) }}{% endmacro again %}\n");
    std::fs::write(&macros, text).unwrap();
    let page = template(site.path(), "404.html");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = text.replacen(
        "{% extends \"base.html\" %}",
        "{% extends \"base.html\" %}\n{% import \"macros.html\" as m2 %}",
        1,
    );
    std::fs::write(&page, text).unwrap();
    add_to_404(site.path(), "{{ m2::again(n=1) }}");
    let out = build_capped(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit {:?}: {err}", out.status);
    assert!(err.contains("macros.html") && err.contains("macro again"), "{err}");
    assert!(err.contains("call themselves"), "{err}");
    assert!(!site.path().join("public").exists(), "a failed build wrote output");
}

#[test]
fn templates_that_include_each_other_are_reported_not_a_stack_overflow() {
    let site = site_with_theme();
    std::fs::write(template(site.path(), "loop-a.html"), "<p>a</p>\n{% include \"loop-b.html\" %}\n").unwrap();
    std::fs::write(template(site.path(), "loop-b.html"), "<p>b</p>\n{% include \"loop-a.html\" %}\n").unwrap();
    add_to_404(site.path(), r#"{% include "loop-a.html" %}"#);
    let out = build_capped(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit {:?}: {err}", out.status);
    assert!(
        err.contains("loop-a.html → loop-b.html → loop-a.html")
            || err.contains("loop-b.html → loop-a.html → loop-b.html"),
        "{err}"
    );
    assert!(err.contains(":2"), "the line of the include is named: {err}");
}

#[test]
fn a_huge_range_is_stopped_with_a_diagnostic_naming_template_and_page() {
    let site = site_with_theme();
    add_to_404(site.path(), "{% for i in range(end=200000000) %}{{ i }}{% endfor %}");
    let out = build_capped(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit {:?}: {err}", out.status);
    assert!(err.contains("404.html") && err.contains("was stopped") && err.contains("range("), "{err}");
}

#[test]
fn a_page_that_grows_past_the_output_budget_is_stopped() {
    let site = site_with_theme();
    // 800,000 × 100 bytes: 80 MB of output, each range within its cap
    let line = "x".repeat(99);
    add_to_404(site.path(), &format!("{{% for i in range(end=800000) %}}{line}\n{{% endfor %}}"));
    let out = build_capped(site.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit {:?}: {err}", out.status);
    assert!(err.contains("404.html") && err.contains("was stopped") && err.contains("MB"), "{err}");
}

/// The tantivy index the fixture's build wrote.
fn built_index() -> (tempfile::TempDir, PathBuf) {
    let site = fixture("generator/basic");
    build(site.path()).expect("the fixture builds");
    let dir = thidua::search::tantivy_dir_for(&site.path().join("public"));
    assert!(dir.join("meta.json").is_file(), "no index at {}", dir.display());
    (site, dir)
}

fn search_in(site: &Path) -> Output {
    thidua(&["search", "--root", site.to_str().unwrap(), "phong", "trào"])
}

/// One way of damaging a file of the index.
type Damage = fn(&[u8]) -> Vec<u8>;

#[test]
fn a_damaged_search_index_says_to_rebuild_and_never_panics() {
    let (site, dir) = built_index();
    let pristine = snapshot(&dir);
    let damages: [(&str, Damage); 4] = [
        ("truncated to half", |b| b[..b.len() / 2].to_vec()),
        ("emptied", |_| Vec::new()),
        ("last bytes cut", |b| b[..b.len().saturating_sub(9)].to_vec()),
        ("bytes flipped", |b| b.iter().enumerate().map(|(i, x)| if i % 7 == 3 { !x } else { *x }).collect()),
    ];
    let mut checked = 0;
    for (file, bytes) in &pristine {
        for (how, damage) in &damages {
            // every file back as built, then one damaged
            for (f, b) in &pristine {
                std::fs::write(dir.join(f), b).unwrap();
            }
            std::fs::write(dir.join(file), damage(bytes)).unwrap();
            let out = search_in(site.path());
            let err = stderr(&out);
            let what = format!("{} {how}", file.display());
            assert_ne!(out.status.code(), Some(101), "{what}: panicked: {err}");
            assert!(!err.contains("panicked"), "{what}: {err}");
            if !out.status.success() {
                assert_eq!(out.status.code(), Some(1), "{what}: {err}");
                assert!(err.contains("thidua build"), "{what}: the error does not say to rebuild: {err}");
            }
            checked += 1;
        }
    }
    assert!(checked >= 12, "only {checked} damaged indexes tried");
}

#[test]
fn search_reads_a_read_only_index_without_writing_to_it() {
    use std::os::unix::fs::PermissionsExt as _;
    let (site, dir) = built_index();
    // a copy as one would make it for read-only storage: the index files, not tantivy's lock files
    for e in std::fs::read_dir(&dir).unwrap() {
        let e = e.unwrap();
        if e.file_name().to_string_lossy().starts_with(".tantivy-") {
            std::fs::remove_file(e.path()).unwrap();
        }
    }
    let old = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(946_684_800);
    std::fs::File::open(&dir).unwrap().set_modified(old).unwrap();
    let files: Vec<PathBuf> = snapshot(&dir).into_keys().collect();
    for f in &files {
        std::fs::set_permissions(dir.join(f), std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let out = search_in(site.path());
    let modified = std::fs::metadata(&dir).unwrap().modified().unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(out.status.success(), "exit {:?}: {}", out.status, stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("phong trào"), "no hit");
    // (checked by time too: as root the permissions above do not stop a write)
    assert_eq!(modified, old, "searching created or removed a file in the index folder");
    assert_eq!(snapshot(&dir).into_keys().collect::<Vec<_>>(), files);
}

/// The head of a raw answer to `GET path`.
fn raw_head(addr: &str, path: &str) -> String {
    use std::io::{Read as _, Write as _};
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    text.split("\r\n\r\n").next().unwrap_or("").to_owned()
}

#[test]
fn serve_redirects_stay_on_the_same_origin() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    for path in ["/tin-tuc", "//tin-tuc", "///tin-tuc", "/./tin-tuc", "//./tin-tuc"] {
        let head = raw_head(&server.addr, path);
        assert!(head.starts_with("HTTP/1.1 301"), "{path}: {head}");
        let location = head.lines().find_map(|l| l.strip_prefix("Location: ")).unwrap_or_default();
        assert_eq!(location, "/tin-tuc/", "{path}: {head}");
    }
}

#[test]
fn serve_answers_from_the_last_site_while_a_slow_rebuild_runs() {
    let site = site_with_theme();
    let server = start(site.path());
    assert_eq!(get(&server.addr, "/").0, 200);
    // a rebuild that takes seconds (ten million loop turns in one page), then fails
    add_to_404(
        site.path(),
        "{% for i in range(end=1000000) %}{% for j in range(end=8) %}{% endfor %}{% endfor %}{{ no_such_value.x }}",
    );
    let edited = Instant::now();
    // the watcher waits 30 ms for a quiet disk: by now the rebuild runs
    std::thread::sleep(Duration::from_millis(800));
    let asked = Instant::now();
    let (status, body) = get(&server.addr, "/");
    let answered = asked.elapsed();
    assert_eq!(status, 200);
    assert!(body.contains("<html"), "{body}");
    // the rebuild was still running when the answer came, and ended in errors
    let mut ended = None;
    while edited.elapsed() < Duration::from_secs(240) {
        if get(&server.addr, "/__thidua/errors").1.contains("404.html") {
            ended = Some(edited.elapsed());
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let ended = ended.expect("the slow rebuild never ended");
    let answered_at = asked.duration_since(edited) + answered;
    assert!(
        // a request that waited would be answered as the rebuild ends, and the
        // errors polled every 50 ms would show the end within a few ms after
        ended > answered_at + Duration::from_millis(300),
        "the request waited for the rebuild: answered {answered:?} after asking, {answered_at:?} after the edit; \
         the rebuild ended {ended:?} after the edit"
    );
}
