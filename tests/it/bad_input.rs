//! One test per kind of bad input: the build fails with exit-code-1 errors that
//! name the file, line and what to do, and the previous output survives intact.

use super::*;
use thidua::diagnostics::Diagnostic;

/// Builds the fixture once (good), applies `edit`, builds again and returns
/// the errors, after checking that the first output was left untouched.
fn errors_after(edit: impl FnOnce(&Path)) -> Vec<Diagnostic> {
    let site = fixture("generator/basic");
    build(site.path()).expect("the fixture builds before the edit");
    let before = snapshot(&site.path().join("public"));
    edit(site.path());
    let err = build(site.path()).expect_err("the edited site must fail");
    let BuildError::Content(diags) = err else { panic!("expected content errors, got {err}") };
    assert_eq!(before, snapshot(&site.path().join("public")), "the previous output must survive");
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
    diags.into_iter().filter(|d| d.is_error()).collect()
}

fn write(root: &Path, rel: &str, text: &str) {
    std::fs::write(root.join("content").join(rel), text).unwrap();
}

fn only(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    &diags[0]
}

/// `d` is the message `id` of the catalogue, at `file:line`, and names each of `parts`.
fn assert_at(d: &Diagnostic, file: &str, line: usize, id: &str, parts: &[&str]) {
    assert!(d.path.ends_with(file), "{d}");
    assert_eq!(d.line, line, "{d}");
    assert_eq!(d.id, id, "{d}");
    for part in parts {
        assert!(d.message.contains(part), "{part}: {d}");
    }
    assert!(d.hint.is_some(), "every error has a hint: {d}");
    assert!(d.source_line.is_some(), "the offending line is shown: {d}");
}

#[test]
fn malformed_toml_front_matter() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\nsummary = chưa có dấu ngoặc\n+++\n")
    });
    assert_at(only(&ds), "tin-tuc/x.md", 4, "fm-invalid-toml", &[]);
}

#[test]
fn malformed_yaml_front_matter() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "---\ntitle: A\ndate: 2023-01-01\ntags: [a, b\n---\n"));
    let d = only(&ds);
    assert_eq!(d.id, "fm-invalid-yaml", "{d}");
    assert!(d.line >= 4, "{d}");
}

#[test]
fn missing_closing_fence() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\n"));
    assert_eq!(only(&ds).id, "fm-not-closed");
}

#[test]
fn missing_required_title() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ndate = 2023-01-01\n+++\nBody\n"));
    let d = only(&ds);
    assert_eq!(d.id, "field-missing", "{d}");
    assert!(d.message.contains("`title`"), "{d}");
    assert!(d.hint.as_ref().unwrap().contains("title ="), "{d}");
}

#[test]
fn wrong_type() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ndraft = \"có\"\n+++\n"));
    assert_at(only(&ds), "tin-tuc/x.md", 4, "field-wrong-type", &["`draft`"]);
}

#[test]
fn invalid_date() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = \"2022-02-30\"\n+++\n"));
    assert_at(only(&ds), "tin-tuc/x.md", 3, "field-bad-date", &["`date`"]);
}

#[test]
fn news_without_date() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\n+++\n"));
    assert_eq!(only(&ds).id, "news-needs-date");
}

#[test]
fn reference_to_a_missing_campaign() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ncampaigns = [\"alpah\"]\n+++\n")
    });
    let d = only(&ds);
    // The message lists the site's campaigns; the hint names the one meant.
    assert_at(d, "tin-tuc/x.md", 4, "chk-campaign-unknown", &["alpah", "alpha"]);
    assert_eq!(d.hint_id.as_deref(), Some("chk-campaign-suggest"), "{d}");
    assert!(d.hint.as_ref().unwrap().contains("alpha"), "{d}");
}

#[test]
fn reference_to_a_missing_person() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\npeople = [\"nguoi-khong-co\"]\n+++\n")
    });
    assert_at(only(&ds), "tin-tuc/x.md", 4, "ref-unknown", &["nguoi-khong-co"]);
}

#[test]
fn reference_to_a_draft_says_so() {
    let ds = errors_after(|r| {
        write(r, "phong-trao/nhap.md", "+++\ntitle = \"Nháp\"\ndraft = true\n+++\n");
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ncampaigns = [\"nhap\"]\n+++\n");
    });
    assert_eq!(only(&ds).hint_id.as_deref(), Some("ref-hidden"));
}

#[test]
fn duplicate_slug() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/khac.md", "+++\ntitle = \"A\"\nslug = \"tin-mot\"\ndate = 2023-01-01\n+++\n")
    });
    let d = only(&ds);
    assert_eq!(d.id, "url-duplicate", "{d}");
    assert!(d.message.contains("tin-tuc/tin-mot") || d.path.ends_with("tin-mot.md"), "{d}");
}

#[test]
fn invalid_slug() {
    let ds =
        errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\nslug = \"Tin Một\"\ndate = 2023-01-01\n+++\n"));
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", 3, "slug-invalid", &["Tin Một"]);
    assert!(d.hint.as_ref().unwrap().contains("tin-mot"), "{d}");
}

#[test]
fn broken_internal_link() {
    let ds = errors_after(|r| {
        write(
            r,
            "tin-tuc/x.md",
            "+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\nĐoạn một.\n\nXem [bài](/tin-tuc/khong-co/).\n",
        )
    });
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", 7, "link-nothing-at", &["/tin-tuc/khong-co/"]);
    assert_eq!(d.column, 5, "{d}");
}

#[test]
fn broken_anchor() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\n[mục](/gioi-thieu/#khong-co)\n")
    });
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", 5, "link-broken-anchor", &["khong-co"]);
    assert!(d.hint.as_ref().unwrap().contains("chuc-nang"), "{d}");
}

#[test]
fn missing_image() {
    let ds = errors_after(|r| std::fs::remove_file(r.join("content/dien-hinh/dieu-lam/chan-dung.jpg")).unwrap());
    assert_at(only(&ds), "dien-hinh/dieu-lam/index.md", 11, "file-key-missing", &["`photo`", "chan-dung.jpg"]);
}

#[test]
fn missing_attachment() {
    let ds = errors_after(|r| std::fs::remove_file(r.join("content/van-ban/kh-263/ke-hoach-263.pdf")).unwrap());
    assert_at(only(&ds), "van-ban/kh-263/index.md", 9, "file-key-missing", &["ke-hoach-263.pdf"]);
}

#[test]
fn invalid_utf8() {
    let ds = errors_after(|r| {
        std::fs::write(r.join("content/tin-tuc/x.md"), b"+++\ntitle = \"A\"\n\xff\xfe\n+++\n").unwrap()
    });
    let d = only(&ds);
    assert_eq!(d.id, "file-not-utf8", "{d}");
    assert_eq!(d.line, 3, "{d}");
}

#[test]
fn all_errors_are_reported_together() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = \"hôm qua\"\n+++\n");
        write(r, "tin-tuc/y.md", "+++\ndate = 2023-01-01\n+++\n");
        write(r, "van-ban/z.md", "+++\ntitle = \"B\"\ncampaigns = [\"khong-co\"]\n+++\n[x](/khong/)\n");
    });
    assert_eq!(ds.len(), 4, "{ds:#?}");
}

#[test]
fn unknown_ethnicity_is_only_a_warning() {
    let site = fixture("generator/basic");
    write(site.path(), "dien-hinh/moi.md", "+++\ntitle = \"Người Mới\"\nethnicity = \"Sao Hỏa\"\n+++\n");
    let report = build(site.path()).expect("a warning does not stop the build");
    assert!(report.warnings.iter().any(|w| w.id == "person-unknown-ethnicity" && w.line == 3));
    assert!(site.path().join("public/dan-toc/sao-hoa/index.html").is_file());
}

#[test]
fn unknown_key_warns_with_a_suggestion() {
    let site = fixture("generator/basic");
    write(site.path(), "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ncampaing = [\"alpha\"]\n+++\n");
    let report = build(site.path()).unwrap();
    let w =
        report.warnings.iter().find(|w| w.id == "field-unknown" && w.message.contains("`campaing`")).expect("warned");
    assert_eq!(w.hint_id.as_deref(), Some("field-did-you-mean"), "{w}");
    assert!(w.hint.as_ref().unwrap().contains("campaigns"), "{w}");
}

#[test]
fn a_template_error_names_the_template_and_keeps_the_output() {
    let site = fixture("generator/basic");
    build(site.path()).unwrap();
    let before = snapshot(&site.path().join("public"));
    let theme = site.path().join("themes/default");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"), &theme);
    std::fs::write(
        theme.join("templates/news.html"),
        "{% extends \"record.html\" %}{% block record_bottom %}{{ record.khong_co.x }}{% endblock record_bottom %}",
    )
    .unwrap();
    let err = build(site.path()).expect_err("a broken template fails");
    let BuildError::Content(ds) = err else { panic!() };
    assert!(ds[0].path.ends_with("templates/news.html"), "{}", ds[0]);
    assert_eq!(before, snapshot(&site.path().join("public")));
}

#[test]
fn unreadable_image() {
    let ds =
        errors_after(|r| std::fs::write(r.join("content/dien-hinh/dieu-lam/chan-dung.jpg"), b"not a photo").unwrap());
    assert_at(only(&ds), "dien-hinh/dieu-lam/index.md", 11, "img-failed-key", &["`photo`"]);
}

// ---- Issue 14: input safety ------------------------------------------------
// Classes: links leading outside the site (static/, content/, record folders),
// dangling and looping links; script and local link schemes (body links,
// autolinks, images, reference definitions, entity and case tricks, front
// matter file keys); figures out of their range (NaN, infinity, huge,
// percentages, counts, years); diagnostics that cannot drive the terminal or
// flood it (control characters, 10 MB lines, many unknown keys); NUL bytes
// and CR-only line endings; two files on one output path.

fn one_containing<'a>(ds: &'a [Diagnostic], part: &str) -> &'a Diagnostic {
    ds.iter().find(|d| d.message.contains(part)).unwrap_or_else(|| panic!("no error with {part:?}: {ds:#?}"))
}

/// A folder outside the site's root with a private key and a record in it
/// (kept until the returned guard is dropped), and its real path.
#[cfg(unix)]
fn outside() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("id_rsa"), "-----BEGIN PRIVATE KEY-----").unwrap();
    std::fs::write(dir.path().join("bi-mat.md"), "+++\ntitle = \"Bí mật\"\ndate = 2023-01-01\n+++\nKhông được đăng.\n")
        .unwrap();
    let real = std::fs::canonicalize(dir.path()).unwrap();
    (dir, real)
}

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

#[cfg(unix)]
#[test]
fn a_link_in_static_to_a_private_file_outside_the_site_is_refused() {
    let (_guard, dir) = outside();
    let target = dir.join("id_rsa");
    let ds = errors_after(|r| link(&target, &r.join("static/id_rsa")));
    let d = only(&ds);
    assert!(d.message.contains("static/id_rsa") && d.message.contains(&*target.to_string_lossy()), "{d}");
    assert!(d.hint.is_some(), "{d}");
}

#[cfg(unix)]
#[test]
fn a_link_in_static_to_a_folder_outside_the_site_is_refused() {
    let (_guard, dir) = outside();
    let ds = errors_after(|r| link(&dir, &r.join("static/khoa")));
    assert!(only(&ds).message.contains("static/khoa"), "{ds:#?}");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_static_names_its_target() {
    let ds = errors_after(|r| link(Path::new("/khong/co/tep-nay"), &r.join("static/mat.txt")));
    let d = only(&ds);
    assert!(d.message.contains("static/mat.txt") && d.message.contains("/khong/co/tep-nay"), "{d}");
}

#[cfg(unix)]
#[test]
fn a_link_loop_in_static_is_a_diagnostic() {
    let ds = errors_after(|r| link(&r.join("static/vong"), &r.join("static/vong")));
    let d = only(&ds);
    assert!(d.id == "symlink-loop" && d.message.contains("static/vong"), "{d}");
}

#[cfg(unix)]
#[test]
fn a_link_in_content_to_a_record_outside_the_site_is_refused() {
    let (_guard, dir) = outside();
    let ds = errors_after(|r| link(&dir.join("bi-mat.md"), &r.join("content/tin-tuc/bi-mat.md")));
    let d = only(&ds);
    assert!(d.message.contains("tin-tuc/bi-mat.md") && d.message.contains(&*dir.to_string_lossy()), "{d}");
}

#[cfg(unix)]
#[test]
fn a_linked_section_folder_outside_the_site_is_not_walked() {
    let (_guard, dir) = outside();
    let ds = errors_after(|r| link(&dir, &r.join("content/tin-tuc/ngoai")));
    assert!(only(&ds).message.contains(&*dir.to_string_lossy()), "{ds:#?}");
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_content_names_its_target() {
    let ds = errors_after(|r| link(Path::new("../khong-co.md"), &r.join("content/tin-tuc/mat.md")));
    let d = only(&ds);
    assert!(d.message.contains("tin-tuc/mat.md") && d.message.contains("../khong-co.md"), "{d}");
}

#[cfg(unix)]
#[test]
fn etc_passwd_linked_beside_a_record_is_never_published() {
    let ds = errors_after(|r| link(Path::new("/etc/passwd"), &r.join("content/dien-hinh/dieu-lam/passwd")));
    let d = only(&ds);
    assert!(d.message.contains("dieu-lam/passwd") && d.message.contains("/etc/passwd"), "{d}");
}

#[cfg(unix)]
#[test]
fn a_record_folder_file_linked_from_elsewhere_in_the_site_is_not_copied() {
    let ds = errors_after(|r| {
        link(&r.join("content/van-ban/kh-263/ke-hoach-263.pdf"), &r.join("content/dien-hinh/dieu-lam/kh.pdf"))
    });
    let d = only(&ds);
    assert!(d.message.contains("dieu-lam/kh.pdf") && d.message.contains("ke-hoach-263.pdf"), "{d}");
}

#[cfg(unix)]
#[test]
fn a_photo_linked_to_a_file_outside_the_site_is_not_read() {
    let (_guard, dir) = outside();
    let ds = errors_after(|r| {
        std::fs::copy(r.join("content/dien-hinh/dieu-lam/vuon.png"), dir.join("anh.jpg")).unwrap();
        std::fs::remove_file(r.join("content/dien-hinh/dieu-lam/chan-dung.jpg")).unwrap();
        link(&dir.join("anh.jpg"), &r.join("content/dien-hinh/dieu-lam/chan-dung.jpg"));
    });
    assert!(one_containing(&ds, "chan-dung.jpg").message.contains("anh.jpg"), "{ds:#?}");
    assert!(ds.iter().any(|d| d.id == "file-key-missing" && d.message.contains("`photo`")), "{ds:#?}");
}

fn script_link_error(body: &str, line: usize) {
    let text = format!("+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\nMở đầu.\n\n{body}\n");
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", &text));
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", line, "link-unsafe-scheme", &[]);
}

#[test]
fn a_javascript_link_is_an_error_at_its_line() {
    script_link_error("[bấm vào](javascript:alert(1))", 7);
}

#[test]
fn a_javascript_autolink_is_an_error() {
    script_link_error("Xem <JavaScript:alert(document.cookie)>", 7);
}

#[test]
fn a_javascript_image_is_an_error() {
    script_link_error("![ảnh](javascript:alert(1))", 7);
}

#[test]
fn a_data_url_link_is_an_error() {
    script_link_error("[tệp](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", 7);
}

#[test]
fn an_entity_encoded_script_link_in_a_reference_definition_is_an_error() {
    script_link_error("[xem][r]\n\n[r]: &#106;ava&#x09;script:alert(1)", 7);
}

#[test]
fn vbscript_and_file_links_are_errors() {
    let text = "+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\n[a](VBScript:msgbox)\n\n[b](file:///etc/passwd)\n";
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", text));
    assert_eq!(ds.len(), 2, "{ds:#?}");
    assert_at(&ds[0], "tin-tuc/x.md", 5, "link-unsafe-scheme", &["vbscript:"]);
    assert_at(&ds[1], "tin-tuc/x.md", 7, "link-unsafe-scheme", &["file:"]);
}

#[test]
fn a_script_link_in_a_front_matter_file_key_is_an_error_at_the_key() {
    let ds = errors_after(|r| {
        let path = r.join("content/dien-hinh/dieu-lam/index.md");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("photo = \"chan-dung.jpg\"", "photo = \" JAVASCRIPT:alert(1)\"")).unwrap();
    });
    assert_at(only(&ds), "dien-hinh/dieu-lam/index.md", 11, "file-key-unsafe-scheme", &["javascript:"]);
}

#[test]
fn a_data_url_attachment_is_an_error_at_the_key() {
    let ds =
        errors_after(|r| {
            let path = r.join("content/van-ban/kh-263/index.md");
            let text = std::fs::read_to_string(&path).unwrap();
            let line = text.lines().position(|l| l.starts_with("attachments")).unwrap();
            let edited: Vec<String> =
                text.lines()
                    .enumerate()
                    .map(|(i, l)| {
                        if i == line {
                            "attachments = [\"data:text/html,<b>x</b>\"]".to_owned()
                        } else {
                            l.to_owned()
                        }
                    })
                    .collect();
            std::fs::write(&path, edited.join("\n")).unwrap();
        });
    assert_at(only(&ds), "van-ban/kh-263/index.md", 9, "file-key-unsafe-scheme", &["data:"]);
}

fn campaign_with(indicator: &str) -> Vec<Diagnostic> {
    let text = format!(
        "+++\ntitle = \"Phong trào số liệu\"\nstart = 2022\n\n[[indicators]]\nname = \"Chỉ tiêu\"\n{indicator}\n+++\nNội dung.\n"
    );
    errors_after(|r| write(r, "phong-trao/so-lieu.md", &text))
}

#[test]
fn an_indicator_value_nan_is_an_error_not_zero() {
    let ds = campaign_with("unit = \"tỷ đồng\"\nvalues = [{ period = \"2022\", value = \"NaN\" }]");
    assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-value-not-number", &[]);
}

#[test]
fn an_indicator_value_inf_or_1e400_is_an_error() {
    for v in ["\"inf\"", "\"-inf\"", "\"1e400\"", "inf"] {
        let ds = campaign_with(&format!("unit = \"tỷ đồng\"\nvalues = [{{ period = \"2022\", value = {v} }}]"));
        assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-value-not-number", &[]);
    }
}

#[test]
fn an_indicator_value_too_large_to_publish_exactly_is_an_error() {
    let ds = campaign_with("unit = \"đồng\"\nvalues = [{ period = \"2022\", value = 2e17 }]");
    assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-too-large", &[]);
}

#[test]
fn an_indicator_target_nan_is_an_error_not_left_out() {
    let ds = campaign_with("unit = \"hộ\"\ntarget = nan\nvalues = [{ period = \"2022\", value = 5 }]");
    assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-target-not-number", &[]);
}

#[test]
fn a_percentage_out_of_range_is_an_error() {
    let ds = campaign_with("unit = \"%\"\nvalues = [{ period = \"2022\", value = 4500 }]");
    assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-percent-range", &["4500"]);
}

#[test]
fn a_negative_count_is_an_error() {
    let ds = campaign_with("unit = \"hộ\"\nvalues = [{ period = \"2022\", value = -40 }]");
    assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-negative-count", &[]);
}

#[test]
fn a_year_that_overflows_is_an_error_not_wrapped_to_2000() {
    let ds = errors_after(|r| write(r, "dien-hinh/nam-lon.md", "+++\ntitle = \"Người A\"\nyear = 4294969296\n+++\n"));
    assert_at(only(&ds), "dien-hinh/nam-lon.md", 3, "field-out-of-range", &[]);
}

#[test]
fn a_negative_year_is_an_error() {
    let ds = errors_after(|r| write(r, "dien-hinh/nam-am.md", "+++\ntitle = \"Người B\"\nyear = -5\n+++\n"));
    assert_at(only(&ds), "dien-hinh/nam-am.md", 3, "field-out-of-range", &[]);
}

#[test]
fn terminal_control_sequences_in_a_file_are_escaped_in_diagnostics() {
    let ds = errors_after(|r| {
        write(
            r,
            "tin-tuc/x.md",
            "+++\ntitle = \"A\"\ndate = 2023-01-01\ndraft = \"\u{1b}]0;pwned\u{7}\u{1b}[2J\"\n+++\n",
        )
    });
    let text = only(&ds).to_string();
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    assert!(text.contains("\\u{1b}]0;pwned"), "{text}");
}

#[test]
fn a_10_mb_line_gives_a_short_diagnostic() {
    let ds = errors_after(|r| {
        let long = format!("+++\ntitle = \"A\"\ndate = 2023-01-01\nsummary = \"{}\" x\n+++\n", "a".repeat(10 << 20));
        write(r, "tin-tuc/x.md", &long)
    });
    let text = only(&ds).to_string();
    assert!(text.len() < 4_000, "{} bytes of diagnostic", text.len());
    assert!(text.contains("tin-tuc/x.md:4"), "{text}");
}

#[test]
fn many_unknown_keys_give_ten_warnings_and_a_count() {
    let site = fixture("generator/basic");
    let keys: String = (0..2000).map(|i| format!("khoa_{i} = {i}\n")).collect();
    write(site.path(), "tin-tuc/x.md", &format!("+++\ntitle = \"A\"\ndate = 2023-01-01\n{keys}+++\n"));
    let report = build(site.path()).unwrap();
    let mine: Vec<&Diagnostic> = report.warnings.iter().filter(|w| w.path.ends_with("tin-tuc/x.md")).collect();
    assert_eq!(mine.len(), 11, "{mine:#?}");
    assert!(mine.iter().any(|w| w.id == "field-unknown-more" && w.message.contains("1.990")), "{mine:#?}");
}

#[test]
fn a_nul_byte_in_a_body_is_never_published_and_is_reported() {
    let site = fixture("generator/basic");
    write(site.path(), "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\nChữ\0 hỏng.\n");
    let report = build(site.path()).unwrap();
    assert!(report.warnings.iter().any(|w| w.id == "file-nul" && w.line == 5), "{:#?}", report.warnings);
    let html = std::fs::read(site.path().join("public/tin-tuc/x/index.html")).unwrap();
    assert!(!html.contains(&0), "a NUL byte was published");
}

#[test]
fn cr_only_line_endings_are_read_as_lines() {
    let site = fixture("generator/basic");
    write(site.path(), "tin-tuc/x.md", "+++\rtitle = \"Dòng Mac cũ\"\rdate = 2023-01-01\r+++\rNội dung.\r");
    build(site.path()).expect("a file with CR-only line endings builds");
    let doc = page(site.path(), "tin-tuc/x/index.html");
    assert_eq!(texts(&doc, "h1"), ["Dòng Mac cũ"]);
}

#[test]
fn two_files_on_one_output_path_are_both_named() {
    let ds = errors_after(|r| {
        std::fs::create_dir_all(r.join("static/tin-tuc/tin-mot")).unwrap();
        std::fs::write(r.join("static/tin-tuc/tin-mot/index.html"), "<p>tĩnh</p>").unwrap();
    });
    let d = only(&ds);
    assert!(d.message.contains("tin-tuc/tin-mot.md") && d.message.contains("static/tin-tuc/tin-mot/index.html"), "{d}");
}

#[test]
fn an_index_html_beside_a_record_collides_with_its_page() {
    let ds = errors_after(|r| std::fs::write(r.join("content/dien-hinh/dieu-lam/index.html"), "<p>x</p>").unwrap());
    let d = only(&ds);
    assert!(d.message.contains("dieu-lam/index.html") && d.message.contains("dieu-lam/index.md"), "{d}");
}

#[cfg(unix)]
#[test]
fn a_link_in_the_theme_static_folder_to_outside_is_refused() {
    let (_guard, dir) = outside();
    let ds = errors_after(|r| {
        let theme = r.join("themes/default");
        copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"), &theme);
        link(&dir.join("id_rsa"), &theme.join("static/khoa.txt"));
    });
    let d = only(&ds);
    assert!(d.message.contains("khoa.txt") && d.message.contains(&*dir.to_string_lossy()), "{d}");
}

fn document(number: &str, extra: &str) -> String {
    format!("+++\ntitle = \"Văn bản {number}\"\nnumber = \"{number}\"\ndoc_type = \"Kế hoạch\"\nissued = \"2023-05-02\"\n{extra}+++\nNội dung.\n")
}

#[test]
fn replaced_by_names_a_document_that_does_not_exist() {
    let diags = errors_after(|root| write(root, "van-ban/kh-moi.md", &document("9/KH", "replaced_by = \"kh-26\"\n")));
    let d = only(&diags);
    assert_at(d, "kh-moi.md", 6, "doc-replaced-by-unknown", &["kh-26"]);
    assert!(d.hint.as_deref().unwrap().contains("kh-263"), "suggests the closest slug: {d}");
}

#[test]
fn replaced_by_names_the_document_itself() {
    let diags = errors_after(|root| write(root, "van-ban/kh-moi.md", &document("9/KH", "replaced_by = \"kh-moi\"\n")));
    assert_at(only(&diags), "kh-moi.md", 6, "doc-replaced-by-self", &[]);
}

#[test]
fn unknown_document_status() {
    let diags = errors_after(|root| {
        write(root, "van-ban/kh-moi.md", &document("9/KH", "status = \"con hieu luc mot phan\"\n"))
    });
    let d = only(&diags);
    assert_at(d, "kh-moi.md", 6, "doc-status-invalid", &[]);
    assert!(d.hint.as_deref().unwrap().contains("het-hieu-luc"), "{d}");
}

#[test]
fn document_expires_before_it_takes_effect() {
    let extra = "effective = \"2023-06-01\"\nexpires = \"2023-01-31\"\n";
    let diags = errors_after(|root| write(root, "van-ban/kh-moi.md", &document("9/KH", extra)));
    assert_at(only(&diags), "kh-moi.md", 7, "doc-expires-before-effective", &[]);
}

#[test]
fn a_document_cannot_take_a_registry_filter_address() {
    let diags = errors_after(|root| {
        std::fs::create_dir_all(root.join("content/van-ban")).unwrap();
        write(root, "van-ban/loai.md", &document("9/KH", ""));
    });
    let d = only(&diags);
    assert!(d.id == "url-reserved" && d.message.contains("/van-ban/loai/"), "{d}");
}

/// The identifier and message of the one error a bad config.toml gives.
fn config_error(err: BuildError) -> (String, String) {
    let BuildError::Content(diags) = err else { panic!("expected a config error, got {err}") };
    let d = only(&diags);
    assert!(d.path.ends_with("config.toml") && d.line > 0 && d.hint.is_some(), "{d}");
    (d.id.clone(), d.message.clone())
}

#[test]
fn config_logo_that_is_not_in_static() {
    let site = fixture("generator/basic");
    let config = site.path().join("config.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("theme = \"default\"", "theme = \"default\"\nlogo = \"/img/quoc-huy.svg\"");
    std::fs::write(&config, text).unwrap();
    let (id, message) = config_error(build(site.path()).expect_err("a missing logo fails the build"));
    assert_eq!(id, "config-static-file", "{message}");
    assert!(message.contains("`logo`") && message.contains("`/img/quoc-huy.svg`"), "{message}");
}

#[test]
fn config_menu_entry_without_a_portal_path() {
    let site = fixture("generator/basic");
    let config = site.path().join("config.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[[menu]]\nname = \"Văn bản\"\nurl = \"javascript:alert(1)\"\n");
    std::fs::write(&config, text).unwrap();
    let (id, message) = config_error(build(site.path()).expect_err("a bad menu address fails the build"));
    assert_eq!(id, "config-menu-entry", "{message}");
    assert!(message.contains("[[menu]]") && message.contains("javascript:alert(1)"), "{message}");
}

#[test]
fn a_negative_count_in_any_count_unit_the_demo_uses_is_an_error() {
    for unit in ["lớp", "buổi", "suất", "hội nghị", "tin, bài", "thôn, ấp"] {
        let ds = campaign_with(&format!("unit = \"{unit}\"\nvalues = [{{ period = \"2022\", value = -3 }}]"));
        assert_at(only(&ds), "phong-trao/so-lieu.md", 5, "ind-negative-count", &[]);
    }
}

#[test]
fn a_huge_target_is_shown_in_exponent_form_not_three_hundred_digits() {
    let ds = campaign_with("unit = \"tỷ đồng\"\ntarget = 1e300\nvalues = [{ period = \"2022\", value = 1 }]");
    let d = only(&ds);
    assert_at(d, "phong-trao/so-lieu.md", 5, "ind-too-large", &["1e300"]);
    assert!(d.message.len() < 300, "{d}");
}
