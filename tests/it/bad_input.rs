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

fn assert_at(d: &Diagnostic, file: &str, line: usize, message_part: &str) {
    assert!(d.path.ends_with(file), "{d}");
    assert_eq!(d.line, line, "{d}");
    assert!(d.message.contains(message_part), "{d}");
    assert!(d.hint.is_some(), "every error has a hint: {d}");
    assert!(d.source_line.is_some(), "the offending line is shown: {d}");
}

#[test]
fn malformed_toml_front_matter() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\nsummary = chưa có dấu ngoặc\n+++\n")
    });
    assert_at(only(&ds), "tin-tuc/x.md", 4, "invalid TOML");
}

#[test]
fn malformed_yaml_front_matter() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "---\ntitle: A\ndate: 2023-01-01\ntags: [a, b\n---\n"));
    let d = only(&ds);
    assert!(d.message.contains("invalid YAML"), "{d}");
    assert!(d.line >= 4, "{d}");
}

#[test]
fn missing_closing_fence() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\n"));
    assert!(only(&ds).message.contains("never closed"));
}

#[test]
fn missing_required_title() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ndate = 2023-01-01\n+++\nBody\n"));
    let d = only(&ds);
    assert!(d.message.contains("missing required key `title`"), "{d}");
    assert!(d.hint.as_ref().unwrap().contains("title ="), "{d}");
}

#[test]
fn wrong_type() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ndraft = \"có\"\n+++\n"));
    assert_at(only(&ds), "tin-tuc/x.md", 4, "`draft` must be true or false");
}

#[test]
fn invalid_date() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = \"2022-02-30\"\n+++\n"));
    assert_at(only(&ds), "tin-tuc/x.md", 3, "invalid date");
}

#[test]
fn news_without_date() {
    let ds = errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\n+++\n"));
    assert!(only(&ds).message.contains("needs `date`"));
}

#[test]
fn reference_to_a_missing_campaign() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ncampaigns = [\"alpah\"]\n+++\n")
    });
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", 4, "campaign `alpah`, which does not exist");
    assert!(d.hint.as_ref().unwrap().contains("did you mean `alpha`"), "{d}");
}

#[test]
fn reference_to_a_missing_person() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\npeople = [\"nguoi-khong-co\"]\n+++\n")
    });
    assert_at(only(&ds), "tin-tuc/x.md", 4, "person `nguoi-khong-co`");
}

#[test]
fn reference_to_a_draft_says_so() {
    let ds = errors_after(|r| {
        write(r, "phong-trao/nhap.md", "+++\ntitle = \"Nháp\"\ndraft = true\n+++\n");
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ncampaigns = [\"nhap\"]\n+++\n");
    });
    assert!(only(&ds).hint.as_ref().unwrap().contains("draft"));
}

#[test]
fn duplicate_slug() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/khac.md", "+++\ntitle = \"A\"\nslug = \"tin-mot\"\ndate = 2023-01-01\n+++\n")
    });
    let d = only(&ds);
    assert!(d.message.contains("duplicate slug"), "{d}");
    assert!(d.message.contains("tin-tuc/tin-mot") || d.path.ends_with("tin-mot.md"), "{d}");
}

#[test]
fn invalid_slug() {
    let ds =
        errors_after(|r| write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\nslug = \"Tin Một\"\ndate = 2023-01-01\n+++\n"));
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", 3, "not a URL slug");
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
    assert_at(d, "tin-tuc/x.md", 7, "nothing is published at /tin-tuc/khong-co/");
    assert_eq!(d.column, 5, "{d}");
}

#[test]
fn broken_anchor() {
    let ds = errors_after(|r| {
        write(r, "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\n+++\n[mục](/gioi-thieu/#khong-co)\n")
    });
    let d = only(&ds);
    assert_at(d, "tin-tuc/x.md", 5, "no heading with id `khong-co`");
    assert!(d.hint.as_ref().unwrap().contains("chuc-nang"), "{d}");
}

#[test]
fn missing_image() {
    let ds = errors_after(|r| std::fs::remove_file(r.join("content/dien-hinh/dieu-lam/chan-dung.jpg")).unwrap());
    assert_at(only(&ds), "dien-hinh/dieu-lam/index.md", 11, "`photo` names the file `chan-dung.jpg`");
}

#[test]
fn missing_attachment() {
    let ds = errors_after(|r| std::fs::remove_file(r.join("content/van-ban/kh-263/ke-hoach-263.pdf")).unwrap());
    assert_at(only(&ds), "van-ban/kh-263/index.md", 9, "ke-hoach-263.pdf");
}

#[test]
fn invalid_utf8() {
    let ds = errors_after(|r| {
        std::fs::write(r.join("content/tin-tuc/x.md"), b"+++\ntitle = \"A\"\n\xff\xfe\n+++\n").unwrap()
    });
    let d = only(&ds);
    assert!(d.message.contains("not valid UTF-8"), "{d}");
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
    assert!(report.warnings.iter().any(|w| w.message.contains("not one of Vietnam's 54 ethnic groups") && w.line == 3));
    assert!(site.path().join("public/dan-toc/sao-hoa/index.html").is_file());
}

#[test]
fn unknown_key_warns_with_a_suggestion() {
    let site = fixture("generator/basic");
    write(site.path(), "tin-tuc/x.md", "+++\ntitle = \"A\"\ndate = 2023-01-01\ncampaing = [\"alpha\"]\n+++\n");
    let report = build(site.path()).unwrap();
    let w = report.warnings.iter().find(|w| w.message.contains("unknown key `campaing`")).expect("warned");
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
    assert_at(only(&ds), "dien-hinh/dieu-lam/index.md", 11, "`photo`: the image cannot be read");
}

fn document(number: &str, extra: &str) -> String {
    format!("+++\ntitle = \"Văn bản {number}\"\nnumber = \"{number}\"\ndoc_type = \"Kế hoạch\"\nissued = \"2023-05-02\"\n{extra}+++\nNội dung.\n")
}

#[test]
fn replaced_by_names_a_document_that_does_not_exist() {
    let diags = errors_after(|root| write(root, "van-ban/kh-moi.md", &document("9/KH", "replaced_by = \"kh-26\"\n")));
    let d = only(&diags);
    assert_at(d, "kh-moi.md", 6, "`replaced_by` refers to the document `kh-26`");
    assert!(d.hint.as_deref().unwrap().contains("kh-263"), "suggests the closest slug: {d}");
}

#[test]
fn replaced_by_names_the_document_itself() {
    let diags = errors_after(|root| write(root, "van-ban/kh-moi.md", &document("9/KH", "replaced_by = \"kh-moi\"\n")));
    assert_at(only(&diags), "kh-moi.md", 6, "names this document itself");
}

#[test]
fn unknown_document_status() {
    let diags = errors_after(|root| {
        write(root, "van-ban/kh-moi.md", &document("9/KH", "status = \"con hieu luc mot phan\"\n"))
    });
    let d = only(&diags);
    assert_at(d, "kh-moi.md", 6, "is not a validity");
    assert!(d.hint.as_deref().unwrap().contains("het-hieu-luc"), "{d}");
}

#[test]
fn document_expires_before_it_takes_effect() {
    let extra = "effective = \"2023-06-01\"\nexpires = \"2023-01-31\"\n";
    let diags = errors_after(|root| write(root, "van-ban/kh-moi.md", &document("9/KH", extra)));
    assert_at(only(&diags), "kh-moi.md", 7, "is before `effective`");
}

#[test]
fn a_document_cannot_take_a_registry_filter_address() {
    let diags = errors_after(|root| {
        std::fs::create_dir_all(root.join("content/van-ban")).unwrap();
        write(root, "van-ban/loai.md", &document("9/KH", ""));
    });
    let d = only(&diags);
    assert!(d.message.contains("/van-ban/loai/ is reserved"), "{d}");
}

/// The message and hint of the one error a bad config.toml gives.
fn config_error(err: BuildError) -> String {
    let BuildError::Content(diags) = err else { panic!("expected a config error, got {err}") };
    let d = only(&diags);
    assert!(d.path.ends_with("config.toml") && d.line > 0 && d.hint.is_some(), "{d}");
    d.message.clone()
}

#[test]
fn config_logo_that_is_not_in_static() {
    let site = fixture("generator/basic");
    let config = site.path().join("config.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("theme = \"default\"", "theme = \"default\"\nlogo = \"/img/quoc-huy.svg\"");
    std::fs::write(&config, text).unwrap();
    let message = config_error(build(site.path()).expect_err("a missing logo fails the build"));
    assert!(message.contains("`logo` names `/img/quoc-huy.svg`, which is not a file in static/"), "{message}");
}

#[test]
fn config_menu_entry_without_a_portal_path() {
    let site = fixture("generator/basic");
    let config = site.path().join("config.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[[menu]]\nname = \"Văn bản\"\nurl = \"javascript:alert(1)\"\n");
    std::fs::write(&config, text).unwrap();
    let message = config_error(build(site.path()).expect_err("a bad menu address fails the build"));
    assert!(message.contains("[[menu]]") && message.contains("javascript:alert(1)"), "{message}");
}
