//! The catalogue of hostile and broken sites, beyond `bad_input`'s front matter
//! and reference errors: Unicode oddities, huge and binary files, symlink
//! loops, path tricks, markup in titles, broken themes and configs, a bad
//! output path, an empty site.
//!
//! Every case runs through [`attempt`]: the fixture is built once (good), the
//! case's edit is applied, and the site is built again in `catch_unwind`.
//! Whatever the outcome, nothing may panic and nothing may change outside the
//! output folder (and the build cache); when the build fails, it must say why
//! with a diagnostic and the previous output must be intact.

use super::*;
use std::collections::BTreeMap;
use thidua::diagnostics::Diagnostic;

/// A fixture site inside its own temporary folder (`<outer>/site`), so that
/// writes beside the site can be seen too.
struct Case {
    outer: tempfile::TempDir,
    root: PathBuf,
}

/// What a hostile build did.
enum Outcome {
    Built(Report),
    Failed(BuildError),
}

impl Case {
    fn new() -> Case {
        let outer = tempfile::tempdir().expect("tempdir");
        let root = outer.path().join("site");
        copy_tree(&fixtures().join("generator/basic"), &root);
        Case { outer, root }
    }

    fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.root.join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        let path = self.public().join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Every file under `dir` except the output and the build cache, which a build may write.
fn outside_output(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| !p.starts_with("site/public") && !p.starts_with("site/.thidua-cache"))
        .collect()
}

/// Builds the case once, applies `edit`, builds again with `opts` changed by
/// `tune`, and checks the invariants every hostile input must keep.
fn attempt_with(edit: impl FnOnce(&Case), tune: impl FnOnce(&mut BuildOptions)) -> (Case, Outcome) {
    let case = Case::new();
    build(&case.root).expect("the fixture builds before the edit");
    let before = snapshot(&case.public());
    edit(&case);
    let outside = outside_output(case.outer.path());
    let mut options = opts(&case.root);
    tune(&mut options);
    let result = std::panic::catch_unwind(|| thidua::build::run(&options));
    let result = result.unwrap_or_else(|_| panic!("the build panicked (message above)"));
    assert_eq!(outside, outside_output(case.outer.path()), "the build wrote outside its output folder");
    let leftovers: Vec<_> = walkdir::WalkDir::new(case.outer.path())
        .max_depth(2)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind: {leftovers:?}");
    let outcome = match result {
        Ok(report) => Outcome::Built(report),
        Err(e) => {
            assert_eq!(before, snapshot(&case.public()), "a failed build must leave the previous output intact");
            Outcome::Failed(e)
        }
    };
    (case, outcome)
}

fn attempt(edit: impl FnOnce(&Case)) -> (Case, Outcome) {
    attempt_with(edit, |_| {})
}

/// The errors of a build that must fail with content errors, each with a path and a hint.
fn errors(outcome: Outcome) -> Vec<Diagnostic> {
    match outcome {
        Outcome::Built(_) => panic!("the build should have failed"),
        Outcome::Failed(BuildError::Content(ds)) => {
            let errs: Vec<_> = ds.into_iter().filter(Diagnostic::is_error).collect();
            assert!(!errs.is_empty(), "a failed build names at least one error");
            for d in &errs {
                assert!(!d.path.as_os_str().is_empty() && !d.message.is_empty(), "{d}");
                assert!(d.hint.is_some(), "every error has a hint: {d}");
            }
            errs
        }
        Outcome::Failed(other) => panic!("expected content errors, got: {other}"),
    }
}

fn built(outcome: Outcome) -> Report {
    match outcome {
        Outcome::Built(r) => r,
        Outcome::Failed(e) => panic!("the build should have succeeded: {e}\n{e:?}"),
    }
}

fn one_containing<'a>(ds: &'a [Diagnostic], part: &str) -> &'a Diagnostic {
    ds.iter().find(|d| d.message.contains(part)).unwrap_or_else(|| panic!("no error mentions {part:?}: {ds:#?}"))
}

/// The first diagnostic that is the catalogue's message `id`.
fn one_with<'a>(ds: &'a [Diagnostic], id: &str) -> &'a Diagnostic {
    ds.iter().find(|d| d.id == id).unwrap_or_else(|| panic!("no {id}: {ds:#?}"))
}

const NEWS: &str = "+++\ntitle = \"Tin\"\ndate = 2023-05-01\n+++\nNội dung.\n";

// ---------------------------------------------------------------- Unicode

#[test]
fn nfd_title_and_file_name_are_published_as_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let title = "Trao quà Tết cho đồng bào Xtiêng";
    let nfd: String = title.nfd().collect();
    let name: String = "Tin Tết.md".nfd().collect();
    assert_ne!(nfd, title);
    let (case, outcome) =
        attempt(|c| c.write(&format!("tin-tuc/{name}"), format!("+++\ntitle = \"{nfd}\"\ndate = 2023-05-01\n+++\n")));
    built(outcome);
    let html = case.read("tin-tuc/tin-tet/index.html");
    assert!(html.contains(title), "the title is published in NFC");
    assert!(!html.contains(&nfd), "no NFD text is left in the page");
}

#[test]
fn zero_width_characters_in_a_file_name_give_a_clean_slug() {
    let (case, outcome) = attempt(|c| c.write("tin-tuc/tin\u{200b}-moi\u{200d}.md", NEWS));
    built(outcome);
    let dirs: Vec<String> = std::fs::read_dir(case.public().join("tin-tuc"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(dirs.iter().all(|d| d.is_ascii()), "every output folder name is ASCII: {dirs:?}");
    assert!(dirs.iter().any(|d| d == "tin-moi"), "{dirs:?}");
}

#[test]
fn zero_width_characters_in_a_front_matter_slug_are_rejected() {
    let ds = errors(
        attempt(|c| c.write("tin-tuc/x.md", "+++\ntitle = \"A\"\nslug = \"tin\u{200b}moi\"\ndate = 2023-05-01\n+++\n"))
            .1,
    );
    assert_eq!(one_with(&ds, "slug-invalid").line, 3);
}

#[test]
fn rtl_marks_in_a_title_and_file_name_stay_text() {
    let (case, outcome) = attempt(|c| {
        c.write(
            "tin-tuc/\u{202e}gnp.md",
            "+++\ntitle = \"Tin \u{202e}\u{200f}gnp.exe\u{202c}\"\ndate = 2023-05-01\n+++\n",
        )
    });
    built(outcome);
    let html = case.read("tin-tuc/gnp/index.html");
    assert!(html.contains("\u{202e}\u{200f}gnp.exe"), "the title is kept as written, as text");
}

#[test]
fn rtl_override_in_a_front_matter_slug_is_rejected() {
    let ds = errors(
        attempt(|c| c.write("tin-tuc/x.md", "+++\ntitle = \"A\"\nslug = \"\u{202e}cte\"\ndate = 2023-05-01\n+++\n")).1,
    );
    one_with(&ds, "slug-invalid");
}

// ---------------------------------------------------------------- files

#[test]
fn a_50_mb_markdown_file_builds_or_fails_cleanly() {
    let (case, outcome) = attempt(|c| {
        let para =
            "Đồng bào dân tộc thiểu số tham gia phong trào thi đua, xây dựng nông thôn mới, giảm nghèo bền vững.\n\n";
        let mut text = String::from("+++\ntitle = \"Rất dài\"\ndate = 2023-05-01\n+++\n");
        while text.len() < 50 * 1024 * 1024 {
            text.push_str(para);
        }
        c.write("tin-tuc/rat-dai.md", text);
    });
    match outcome {
        Outcome::Built(_) => assert!(case.public().join("tin-tuc/rat-dai/index.html").is_file()),
        Outcome::Failed(e) => {
            let ds = errors(Outcome::Failed(e));
            assert!(ds[0].path.ends_with("tin-tuc/rat-dai.md"), "{}", ds[0]);
        }
    }
}

#[test]
fn a_binary_file_named_md_is_an_error() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let ds = errors(attempt(|c| c.write("tin-tuc/anh.md", &png)).1);
    let d = one_with(&ds, "file-not-utf8");
    assert!(d.path.ends_with("tin-tuc/anh.md"), "{d}");
    assert_eq!(d.hint_id.as_deref(), Some("file-not-utf8-hint"), "{d}");
}

#[test]
fn a_file_of_nul_bytes_named_md_is_an_error() {
    let ds = errors(attempt(|c| c.write("tin-tuc/rong.md", vec![0u8; 1024])).1);
    assert!(ds[0].path.ends_with("tin-tuc/rong.md"), "{}", ds[0]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_under_content_is_an_error() {
    let ds =
        errors(attempt(|c| std::os::unix::fs::symlink("..", c.root.join("content/tin-tuc/vong")).expect("symlink")).1);
    let d = one_with(&ds, "symlink-loops-back");
    assert!(d.path.to_string_lossy().contains("vong"), "{d}");
}

#[cfg(unix)]
#[test]
fn a_symlink_to_itself_under_content_is_an_error() {
    let ds = errors(
        attempt(|c| std::os::unix::fs::symlink("chinh-no.md", c.root.join("content/tin-tuc/chinh-no.md")).unwrap()).1,
    );
    assert!(ds.iter().any(|d| d.path.to_string_lossy().contains("chinh-no")), "{ds:#?}");
}

#[test]
fn a_dotdot_slug_is_rejected_and_nothing_is_written_outside() {
    for slug in ["../../etc", "..", "/etc/passwd", "a/../../b", "..\\\\..\\\\x"] {
        let text = format!("+++\ntitle = \"A\"\nslug = \"{slug}\"\ndate = 2023-05-01\n+++\n");
        let ds = errors(attempt(|c| c.write("tin-tuc/x.md", &text)).1);
        assert_eq!(one_with(&ds, "slug-invalid").line, 3, "{slug}");
    }
}

#[test]
fn a_file_name_with_spaces_and_diacritics_gets_a_folded_slug() {
    let (case, outcome) = attempt(|c| c.write("tin-tuc/Tin Mới.md", NEWS));
    built(outcome);
    assert!(case.public().join("tin-tuc/tin-moi/index.html").is_file());
    let list = Html::parse_document(&case.read("tin-tuc/index.html"));
    assert!(attrs(&list, "a", "href").iter().any(|h| h == "/tin-tuc/tin-moi/"), "the list links to it");
}

#[test]
fn crlf_line_endings_and_a_bom_are_read() {
    let (case, outcome) = attempt(|c| {
        c.write(
            "tin-tuc/windows.md",
            "\u{feff}+++\r\ntitle = \"Từ Windows\"\r\ndate = 2023-05-01\r\n+++\r\nThân bài.\r\n",
        )
    });
    built(outcome);
    assert!(case.read("tin-tuc/windows/index.html").contains("Từ Windows"));
}

#[test]
fn an_empty_file_named_md_is_an_error() {
    let ds = errors(attempt(|c| c.write("tin-tuc/trong.md", "")).1);
    assert!(one_with(&ds, "fm-missing").path.ends_with("tin-tuc/trong.md"));
}

// ---------------------------------------------------------------- markup and nesting

#[test]
fn script_in_titles_and_summaries_is_escaped_everywhere() {
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>\" onmouseover=\"alert(3)";
    let toml_evil = evil.replace('"', "\\\"");
    let (case, outcome) = attempt(|c| {
        c.write(
            "tin-tuc/doc-hai.md",
            format!("+++\ntitle = \"{toml_evil}\"\nsummary = \"{toml_evil}\"\ndate = 2023-12-01\ntags = [\"{toml_evil}\"]\ncampaigns = [\"alpha\"]\n+++\nThân.\n"),
        );
        c.write(
            "dien-hinh/doc-hai.md",
            format!("+++\ntitle = \"{toml_evil}\"\nsummary = \"{toml_evil}\"\nrole = \"{toml_evil}\"\ndistrict = \"{toml_evil}\"\n+++\n"),
        );
    });
    built(outcome);
    let files = snapshot(&case.public());
    let mut seen_in = Vec::new();
    for (path, bytes) in &files {
        let Ok(text) = std::str::from_utf8(bytes) else { continue };
        let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        match ext.as_str() {
            "html" | "xml" | "svg" => {
                for raw in ["<script>alert", "<img src=x", "\" onmouseover=\""] {
                    assert!(!text.contains(raw), "{} contains unescaped {raw:?}", path.display());
                }
                if text.contains("alert(1)") {
                    seen_in.push(path.clone());
                }
            }
            "json" => {
                let value: serde_json::Value =
                    serde_json::from_str(text).unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
                if value.to_string().contains("alert(1)") {
                    seen_in.push(path.clone());
                }
            }
            _ => {}
        }
    }
    let seen = |part: &str| seen_in.iter().any(|p| p.to_string_lossy().contains(part));
    for part in ["tin-tuc/doc-hai/index.html", "tin-tuc/index.html", "dien-hinh/doc-hai/index.html", ".xml"] {
        assert!(seen(part), "the title should appear (escaped) in {part}: {seen_in:?}");
    }
    // the page shows the text as text
    let page = Html::parse_document(&case.read("tin-tuc/doc-hai/index.html"));
    assert!(texts(&page, "h1").iter().any(|t| t.contains("<script>alert(1)</script>")), "{:?}", texts(&page, "h1"));
    assert_eq!(texts(&page, "script").iter().filter(|t| t.contains("alert")).count(), 0);
}

#[test]
fn deeply_nested_markdown_does_not_overflow() {
    let (_case, outcome) = attempt(|c| {
        let mut body = String::new();
        body.push_str(&">".repeat(20_000));
        body.push_str(" trích\n\n");
        body.push_str(&"- ".repeat(5_000));
        body.push_str("mục\n\n");
        body.push_str(&"[".repeat(20_000));
        body.push_str(&"*".repeat(20_000));
        c.write("tin-tuc/long.md", format!("{NEWS}{body}"));
    });
    let _either = matches!(outcome, Outcome::Built(_)) || !errors(outcome).is_empty();
}

#[test]
fn deeply_nested_toml_is_an_error_not_a_crash() {
    let ds = errors(
        attempt(|c| {
            let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
            c.write("tin-tuc/x.md", format!("+++\ntitle = \"A\"\ndate = 2023-05-01\ntags = {deep}\n+++\n"));
        })
        .1,
    );
    assert!(ds[0].path.ends_with("tin-tuc/x.md"), "{}", ds[0]);
}

#[test]
fn a_yaml_alias_bomb_is_an_error_not_a_hang() {
    let mut yaml = String::from("---\ntitle: A\ndate: 2023-05-01\na0: [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        yaml.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    yaml = yaml.replace("a0: [", "a0: &a0 [");
    yaml.push_str("---\n");
    let started = std::time::Instant::now();
    let ds = errors(attempt(|c| c.write("tin-tuc/bom.md", &yaml)).1);
    assert!(ds[0].path.ends_with("tin-tuc/bom.md"), "{}", ds[0]);
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

// ---------------------------------------------------------------- theme, config, output

fn local_theme(c: &Case) -> PathBuf {
    let theme = c.root.join("themes/default");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"), &theme);
    theme
}

#[test]
fn a_syntax_error_in_base_html_names_the_template() {
    let ds = errors(
        attempt(|c| {
            let base = local_theme(c).join("templates/base.html");
            let text = std::fs::read_to_string(&base).unwrap();
            std::fs::write(&base, text.replacen("{%", "{% if %}{%", 1)).unwrap();
        })
        .1,
    );
    let d = &ds[0];
    assert!(d.path.ends_with("templates/base.html") && d.line > 0 && d.source_line.is_some(), "{d:#?}");
}

#[test]
fn an_unclosed_block_in_a_theme_template_is_an_error() {
    let ds = errors(
        attempt(|c| {
            std::fs::write(local_theme(c).join("templates/page.html"), "{% extends \"base.html\" %}{% block main %}x")
                .unwrap();
        })
        .1,
    );
    let d = &ds[0];
    assert!(d.path.ends_with("templates/page.html") && d.line == 1, "{d:#?}");
}

#[test]
fn a_config_toml_syntax_error_points_at_the_line() {
    let ds = errors(
        attempt(|c| {
            std::fs::write(c.root.join("config.toml"), "[site]\ntitle = \"A\nbase_url = \"https://x.vn/\"\n").unwrap()
        })
        .1,
    );
    let d = &ds[0];
    assert!(d.path.ends_with("config.toml"), "{d}");
    assert!(d.line >= 2, "{d}");
}

#[test]
fn a_config_toml_that_is_binary_is_an_error() {
    let ds = errors(attempt(|c| std::fs::write(c.root.join("config.toml"), b"\xff\xfe\0\0[site]").unwrap()).1);
    assert!(ds[0].path.ends_with("config.toml"), "{}", ds[0]);
}

#[test]
fn a_config_with_an_unknown_theme_is_an_error() {
    let ds = errors(
        attempt(|c| {
            let path = c.root.join("config.toml");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, text.replace("theme = \"default\"", "theme = \"../../khong-co\"")).unwrap();
        })
        .1,
    );
    assert!(ds[0].path.ends_with("config.toml") && ds[0].id == "config-theme-missing", "{}", ds[0]);
}

#[test]
fn an_output_path_that_is_a_file_is_refused() {
    let (case, outcome) = attempt_with(
        |c| std::fs::write(c.outer.path().join("la-tep"), "giữ nguyên").unwrap(),
        |o| o.overrides.output = Some(o.root.parent().unwrap().join("la-tep")),
    );
    match outcome {
        Outcome::Failed(BuildError::Refused(e)) => assert!(e.to_string().contains("la-tep"), "{e}"),
        Outcome::Failed(BuildError::Output(e)) => assert!(e.to_string().contains("la-tep"), "{e}"),
        Outcome::Failed(BuildError::Content(ds)) => assert!(ds[0].to_string().contains("la-tep"), "{}", ds[0]),
        Outcome::Failed(e) => panic!("unexpected error: {e}"),
        Outcome::Built(_) => panic!("a file in the way must not be replaced"),
    }
    assert_eq!(std::fs::read_to_string(case.outer.path().join("la-tep")).unwrap(), "giữ nguyên");
}

#[test]
fn an_empty_content_folder_builds_an_empty_portal() {
    let (case, outcome) = attempt(|c| {
        std::fs::remove_dir_all(c.root.join("content")).unwrap();
        std::fs::create_dir(c.root.join("content")).unwrap();
    });
    let report = built(outcome);
    assert_eq!(report.records, 0);
    assert!(case.public().join("index.html").is_file());
}

#[test]
fn a_missing_content_folder_is_an_error() {
    let ds = errors(attempt(|c| std::fs::remove_dir_all(c.root.join("content")).unwrap()).1);
    one_with(&ds, "content-missing");
}

// ------------------------------------------------------- what is never read

/// Builds `root` on a thread and waits at most two minutes; a build still
/// blocked by then is unblocked by opening `pipe` for writing (the reader then
/// sees its end) and the test fails.
#[cfg(unix)]
fn build_or_unblock(root: &Path, pipes: &[PathBuf]) -> Result<Report, BuildError> {
    let options = opts(root);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(thidua::build::run(&options)));
    match rx.recv_timeout(std::time::Duration::from_secs(120)) {
        Ok(result) => result,
        Err(_) => {
            for p in pipes {
                drop(std::fs::OpenOptions::new().write(true).open(p));
            }
            panic!("the build blocked reading a named pipe (the build fingerprint read it)")
        }
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo").success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_static_link_to_a_pipe_outside_the_site_is_refused_without_reading_it() {
    let case = Case::new();
    let pipe = case.outer.path().join("ngoai.pipe");
    mkfifo(&pipe);
    std::fs::create_dir_all(case.root.join("static")).unwrap();
    std::os::unix::fs::symlink(&pipe, case.root.join("static/du-lieu.bin")).unwrap();
    match build_or_unblock(&case.root, &[pipe]) {
        Err(BuildError::Content(ds)) => {
            let d = one_with(&ds, "symlink-outside");
            assert!(d.message.contains("du-lieu.bin") && d.message.contains("ngoai.pipe"), "{d}");
        }
        Err(e) => panic!("expected the link's diagnostic, got: {e}"),
        Ok(_) => panic!("a link out of the site must not build"),
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_inside_static_is_not_read_or_published() {
    let case = Case::new();
    std::fs::create_dir_all(case.root.join("static")).unwrap();
    let pipe = case.root.join("static/ong.pipe");
    mkfifo(&pipe);
    build_or_unblock(&case.root, &[pipe]).expect("builds");
    assert!(!case.public().join("ong.pipe").exists());
    // Built twice: the second build is skipped as unchanged, the pipe still unread.
    assert!(build_or_unblock(&case.root, &[case.root.join("static/ong.pipe")]).expect("builds").unchanged);
}

#[cfg(unix)]
#[test]
fn a_glossary_linked_from_outside_the_site_is_not_read() {
    let (_case, outcome) = attempt(|c| {
        let outside = c.outer.path().join("tu-dien-rieng.toml");
        std::fs::write(&outside, "abbreviations = [[\"MATKHAU\", \"bi mat ngoai trang\"]]\n").unwrap();
        std::os::unix::fs::symlink(&outside, c.root.join("glossary.toml")).unwrap();
    });
    match outcome {
        Outcome::Failed(e) => {
            let text = e.to_string();
            assert!(text.contains("glossary.toml") && text.contains("tu-dien-rieng.toml"), "{text}");
        }
        Outcome::Built(_) => panic!("a glossary outside the site must not be read into the search files"),
    }
}

#[test]
fn a_static_file_on_a_generated_path_names_both_sources() {
    let ds = errors(
        attempt(|c| {
            std::fs::create_dir_all(c.root.join("static")).unwrap();
            std::fs::write(c.root.join("static/sitemap.xml"), "<urlset/>").unwrap();
        })
        .1,
    );
    let d = one_containing(&ds, "/sitemap.xml");
    assert_eq!(d.id, "output-collision", "{d}");
    assert!(
        d.message.contains("static/sitemap.xml")
            && d.message.contains(&thidua::t!("output-generated-page", path = "/sitemap.xml")),
        "{d}"
    );
    assert_eq!(d.path, Path::new("static/sitemap.xml"), "{d}");
}

#[test]
fn nested_loops_that_never_call_range_or_write_are_stopped_by_the_page_time_budget() {
    let case = Case::new();
    build(&case.root).expect("the fixture builds");
    let before = snapshot(&case.public());
    let list: Vec<String> = (1..=50).map(|i| i.to_string()).collect();
    let loops = format!(
        "{{% set a = [{}] %}}{}{{% set x = 1 %}}{}",
        list.join(","),
        "{% for i in a %}".repeat(6),
        "{% endfor %}".repeat(6)
    );
    std::fs::write(local_theme(&case).join("templates/404.html"), loops).unwrap();
    let (status, stderr) = build_in_a_child(&case, &[]);
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("templates/404.html") && stderr.contains("404.html was stopped"), "{stderr}");
    assert_eq!(before, snapshot(&case.public()), "the previous output is intact");
    let leftovers: Vec<_> = std::fs::read_dir(&case.root)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind: {leftovers:?}");
}

#[test]
fn a_second_build_of_the_same_output_waits_for_the_first() {
    let case = Case::new();
    build(&case.root).expect("the fixture builds");
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(case.root.join(".thidua-cache/build-public.lock"))
        .expect("a build leaves its lock file beside its stamp");
    let fd = std::os::fd::AsRawFd::as_raw_fd(&lock);
    // SAFETY: an advisory lock on a descriptor this test owns.
    assert_eq!(unsafe { libc::flock(fd, libc::LOCK_EX) }, 0);
    case.write("tin-tuc/them.md", NEWS);
    let options = opts(&case.root);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(thidua::build::run(&options).map(|r| r.records)));
    assert!(
        rx.recv_timeout(std::time::Duration::from_secs(10)).is_err(),
        "the build ran while another build (this test) held the output's lock"
    );
    // SAFETY: as above.
    assert_eq!(unsafe { libc::flock(fd, libc::LOCK_UN) }, 0);
    let records = rx.recv().unwrap().expect("builds once the lock is free");
    assert!(records > 0 && case.public().join("tin-tuc/them/index.html").is_file());
}

#[test]
fn a_template_that_doubles_a_string_is_stopped_by_the_page_memory_budget() {
    // `s ~ s` forty times asks for a terabyte inside the template engine,
    // where no output or range budget sees it: without a memory budget the
    // system kills the build without a word (exit 137). The budget is set
    // low here (256 MB above the page's start) so the test stays light.
    let case = Case::new();
    build(&case.root).expect("the fixture builds");
    let before = snapshot(&case.public());
    let bomb = "{% set_global s = \"0123456789abcdef\" %}{% for i in range(end=40) %}{% set_global s = s ~ s %}{% endfor %}{{ s | length }}";
    std::fs::write(local_theme(&case).join("templates/404.html"), bomb).unwrap();
    let (status, stderr) = build_in_a_child(&case, &[("THIDUA_PAGE_MEMORY", (256u64 << 20).to_string())]);
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("templates/404.html") && stderr.contains("MB of memory"), "{stderr}");
    assert_eq!(before, snapshot(&case.public()), "the previous output is intact");
}

/// Runs `thidua build` on the case in a process of its own (a page the
/// watchdog stops ends the process), killing it after four minutes; its exit
/// status and standard error.
fn build_in_a_child(case: &Case, env: &[(&str, String)]) -> (std::process::ExitStatus, String) {
    // English, as the callers check the wording of the watchdog's messages.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["build", "--root"])
        .arg(&case.root)
        .env("THIDUA_LANG", "en")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run thidua");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(240) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the build still rendered one page after four minutes");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    (status, stderr)
}
