//! `thidua import`: the five seed documents, a .docx made here, writing into a
//! fixture site that must then pass `check`, and every refusal.

use super::*;
use std::io::Write as _;
use std::process::Command;
use thidua::import::{import_file, plan, record, write, Imported};

fn seed(prefix: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display()))
}

fn import(prefix: &str) -> Imported {
    import_file(&seed(prefix)).expect("seed imports")
}

fn warned(imp: &Imported, words: &str) -> bool {
    imp.warnings.iter().any(|w| w.message.contains(words))
}

/// `(level, text)` of every Markdown heading.
fn headings(md: &str) -> Vec<(usize, String)> {
    md.lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            let level = l.chars().take_while(|&c| c == '#').count();
            (level, l[level..].trim().to_owned())
        })
        .collect()
}

/// A paragraph that starts in lowercase is the tail of a sentence that was
/// split at a line break; a paragraph never spans lines except in tables.
fn assert_sentences_joined(md: &str) {
    for block in md.split("\n\n") {
        if block.starts_with('|') {
            continue;
        }
        assert!(!block.trim().contains('\n'), "a line break inside a paragraph:\n{block}");
        let text = block.trim_start_matches(['-', ' ', '*', '#']);
        let first = text.chars().next().unwrap_or('X');
        let numbered = thidua::import::markdown::numbering(text).is_some();
        assert!(numbered || !first.is_lowercase(), "a paragraph starts mid-sentence:\n{block}");
    }
}

#[test]
fn seed_000_plan_with_blank_number_and_day() {
    let imp = import("000");
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("…/KH-BDT"));
    assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"));
    assert_eq!(
        m.title.as_deref(),
        Some("Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2022")
    );
    assert_eq!(m.issued.as_deref(), Some("2022-02"));
    assert!(warned(&imp, "day of issue is blank"), "{:?}", imp.warnings);
    assert!(warned(&imp, "number is blank"));
    assert_eq!(m.issuer.as_deref(), Some("Ban Dân tộc"));
    assert_eq!(m.signer.as_deref(), Some("Trưởng ban"));
    assert_eq!(m.recipients.len(), 6);
    assert_eq!(m.recipients[5], "Lưu: VT, TĐKT");
    let h = headings(&imp.body);
    assert_eq!(h.iter().filter(|(l, _)| *l == 2).count(), 3, "{h:?}");
    assert!(h.contains(&(2, "II. CHỦ ĐỀ, NỘI DUNG PHONG TRÀO THI ĐUA".into())), "{h:?}");
    assert!(h.contains(&(3, "2. Cơ quan công tác dân tộc cấp huyện".into())), "{h:?}");
    assert!(imp.body.starts_with("*Căn cứ Chỉ thị số 02/CT-UBND"), "{}", &imp.body[..200]);
    assert!(imp.body.contains("công tác giảm nghèo bền vững, rút ngắn"));
    assert!(!imp.body.contains("Nơi nhận") && !imp.body.contains("TRƯỞNG BAN"));
    assert_sentences_joined(&imp.body);
}

#[test]
fn seed_001_two_column_header_and_wrapped_lines() {
    let imp = import("001");
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("…/KH-BDT"));
    assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"));
    assert_eq!(
        m.title.as_deref(),
        Some("Triển khai thực hiện phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021- 2025")
    );
    assert_eq!(m.issuer.as_deref(), Some("Ban Dân tộc tỉnh Bình Phước"));
    assert_eq!(m.place.as_deref(), Some("Bình Phước"));
    assert_eq!(m.issued.as_deref(), Some("2022"));
    assert!(warned(&imp, "day and month of issue are blank"));
    assert_eq!(m.signer.as_deref(), Some("Trưởng ban"));
    assert_eq!(m.recipients.len(), 7);
    let h = headings(&imp.body);
    assert_eq!(h[0], (2, "I. MỤC ĐÍCH, YÊU CẦU".into()));
    assert_eq!(h[1], (3, "1. Mục đích".into()));
    assert!(h.iter().all(|(l, _)| (2..=3).contains(l)), "{h:?}");
    assert!(imp.body.contains("tinh thần chủ động sáng tạo của công chức và đồng bào dân tộc thiểu số"));
    assert_sentences_joined(&imp.body);
}

#[test]
fn seed_002_full_date_and_signer_name() {
    let imp = import("002");
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("15/KH-BDT"));
    assert_eq!(m.issued.as_deref(), Some("2021-01-18"));
    assert_eq!(m.place.as_deref(), Some("Đồng Nai"));
    assert!(!warned(&imp, "of issue"));
    assert_eq!(m.signer.as_deref(), Some("Trưởng ban Nguyễn Văn Khang"));
    assert!(m.title.as_deref().unwrap().starts_with("Phát động phong trào thi đua"));
    assert!(imp.body.starts_with("Căn cứ Luật Thi đua"), "{}", &imp.body[..100]);
    // A long numbered sentence is an ordered item, a short one a heading.
    assert!(imp.body.contains("\n\n1. Tiếp tục quán triệt tư tưởng"), "{}", imp.body);
    assert!(headings(&imp.body).contains(&(3, "2. Yêu cầu".into())));
    assert!(imp.body.contains("*trước ngày 15/02/2020*"));
    assert_sentences_joined(&imp.body);
}

#[test]
fn seed_003_report_with_parts_and_footnotes() {
    let imp = import("003");
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("…/BC-BDT"));
    assert_eq!(m.doc_type.as_deref(), Some("Báo cáo"));
    assert_eq!(
        m.title.as_deref(),
        Some("Sơ kết thực hiện giao ước thi đua 06 tháng đầu năm; phương hướng, nhiệm vụ 06 tháng cuối năm 2023")
    );
    assert_eq!(m.issuer.as_deref(), Some("Ban Dân tộc tỉnh Bình Phước"));
    assert_eq!(m.issued.as_deref(), Some("2023-07"));
    let h = headings(&imp.body);
    assert_eq!(h[0], (2, "Phần thứ nhất: TÌNH HÌNH THỰC HIỆN GIAO ƯỚC THI ĐUA 06 THÁNG ĐẦU NĂM 2023".into()));
    assert_eq!(h[1], (3, "I. KHÁI QUÁT ĐẶC ĐIỂM, TÌNH HÌNH".into()));
    assert!(h.contains(&(5, "2.1. Công tác thanh tra, giải quyết khiếu nại, tố cáo".into())), "{h:?}");
    assert!(h.iter().any(|(l, t)| *l == 6 && t.starts_with("a) Phong trào thi đua đặc biệt")), "{h:?}");
    assert_eq!(h.iter().filter(|(l, _)| *l == 2).count(), 2);
    assert!(h.contains(&(4, "1. Tổ chức học tập, quán triệt, triển khai kịp thời các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước".into())) || h.iter().any(|(l, t)| *l == 4 && t.starts_with("1. Tổ chức học tập")), "{h:?}");
    assert!(imp.body.contains("còn lại NS tỉnh hỗ trợ)[^1]."));
    assert!(imp.body.contains("triển khai thực hiện[^2]."));
    assert!(imp.body.contains("\n[^1]: Ban Dân tộc đã vận động các mạnh thường quân"));
    assert!(imp.body.contains("\n[^2]: Các Quyết định: Số 03/QĐ-BDT"));
    assert!(!imp.body.contains('¹'));
    assert!(imp.body.contains("\n  - Danh hiệu:"), "`+` items nest under `-` items");
    assert_sentences_joined(&imp.body);
}

#[test]
fn seed_004_task_table_becomes_a_markdown_table() {
    let imp = import("004");
    assert_eq!(imp.meta.title.as_deref(), Some("Triển khai thực hiện công tác thi đua, khen thưởng năm 2022"));
    assert_eq!(imp.meta.issued.as_deref(), Some("2022"));
    let lines: Vec<&str> = imp.body.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(lines[0], "| Số TT | Nội dung công việc | Cơ quan thực hiện | Thời gian thực hiện |");
    assert_eq!(lines[1], "| --- | --- | --- | --- |");
    assert_eq!(lines.len(), 2 + 23, "one table: header, separator and the 23 rows of the seed");
    assert!(lines.iter().all(|l| l.matches(" | ").count() == 3), "every row has four cells");
    assert!(lines.contains(&"| **I** | **Tổ chức phát động phong trào thi đua** |  |  |"));
    assert!(imp.body.contains("*Theo Kế hoạch số 39/KH-BDT ngày 29/10/2021 của Ban Dân tộc*"));
    assert!(!imp.body.contains("<b>") && !imp.body.contains("<i>"));
    assert!(imp.body.contains("\n\nTrưởng ban giao Văn phòng ban chủ trì"));
    // The table renders as a table.
    let html = render(&imp.body);
    assert!(html.contains("<th>Nội dung công việc</th>"), "{html}");
}

fn render(md: &str) -> String {
    let mut html = String::new();
    let opts = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_FOOTNOTES;
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(md, opts));
    html
}

const CT: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#;

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}

fn r(text: &str, props: &str) -> String {
    format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn numbered(text: &str, num: &str) -> String {
    p(&format!(r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{}"#, r(text, "")))
}

fn cell(text: &str) -> String {
    format!("<w:tc>{}</w:tc>", p(&r(text, "")))
}

/// A small Word document: a header table, a bold heading, a numbered and a
/// bulleted list, a table, a footnote, and the signature block.
fn docx_bytes() -> Vec<u8> {
    let header = format!(
        "<w:tbl><w:tr><w:tc>{}{}</w:tc><w:tc>{}{}</w:tc></w:tr><w:tr>{}{}</w:tr></w:tbl>",
        p(&r("UBND TỈNH BÌNH PHƯỚC", "")),
        p(&r("BAN DÂN TỘC", "<w:b/>")),
        p(&r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<w:b/>")),
        p(&r("Độc lập - Tự do - Hạnh phúc", "")),
        cell("Số: 27/QĐ-BDT"),
        cell("Bình Phước, ngày 05 tháng 3 năm 2024"),
    );
    let body = [
        header,
        p(&r("QUYẾT ĐỊNH", "<w:b/>")),
        p(&r("Về việc khen thưởng &amp; biểu dương &quot;Già làng&quot;", "<w:b/>")),
        p(&format!(
            "{}{}{}",
            r("Căn cứ ", ""),
            r("Luật Thi đua", "<w:i/>"),
            r("", "").replace("<w:t xml:space=\"preserve\"></w:t>", "<w:footnoteReference w:id=\"2\"/>")
        )),
        p(&r("I. MỤC ĐÍCH", "<w:b/>")),
        numbered("Khen thưởng kịp thời.", "1"),
        numbered("Nêu gương người tốt.", "1"),
        numbered("Một ý gạch đầu dòng", "2"),
        format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell("Họ và tên"),
            cell("Dân tộc"),
            cell("Điểu Lâm"),
            cell("S'tiêng | Xtiêng")
        ),
        p(&r("Nơi nhận:", "<w:b/><w:i/>")),
        p(&r("- Như Điều 3;", "")),
        p(&r("- Lưu: VT.", "")),
        p(&r("KT. TRƯỞNG BAN", "<w:b/>")),
        p(&r("PHÓ TRƯỞNG BAN", "<w:b/>")),
        p(&r("Thị Hồng Nhung", "<w:b/>")),
    ]
    .concat();
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2">{}</w:footnote></w:footnotes>"#,
        p(&format!(r#"<w:r><w:footnoteRef/></w:r>{}"#, r(" Luật số 15/2003/QH11.", "")))
    );
    let numbering = format!(
        r#"<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("[Content_Types].xml", CT.to_owned()),
        ("word/document.xml", document),
        ("word/footnotes.xml", footnotes),
        ("word/numbering.xml", numbering),
    ] {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn write_docx(dir: &Path) -> PathBuf {
    let path = dir.join("Quyết định 27.docx");
    std::fs::write(&path, docx_bytes()).unwrap();
    path
}

#[test]
fn docx_with_heading_list_table_and_footnote() {
    let dir = tempfile::tempdir().unwrap();
    let imp = import_file(&write_docx(dir.path())).expect("docx imports");
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("27/QĐ-BDT"));
    assert_eq!(m.doc_type.as_deref(), Some("Quyết định"));
    assert_eq!(m.title.as_deref(), Some("Về việc khen thưởng & biểu dương \"Già làng\""));
    assert_eq!(m.issuer.as_deref(), Some("Ban Dân tộc tỉnh Bình Phước"));
    assert_eq!(m.issued.as_deref(), Some("2024-03-05"));
    assert_eq!(m.signer.as_deref(), Some("Phó trưởng ban Thị Hồng Nhung"));
    assert_eq!(m.recipients, ["Như Điều 3", "Lưu: VT"]);
    let md = &imp.body;
    assert!(md.contains("Căn cứ *Luật Thi đua*[^1]"), "{md}");
    assert!(md.contains("\n\n## I. MỤC ĐÍCH\n\n"), "{md}");
    assert!(md.contains("- Khen thưởng kịp thời.\n\n- Nêu gương người tốt.\n\n- Một ý gạch đầu dòng"), "{md}");
    assert!(md.contains("| Họ và tên | Dân tộc |\n| --- | --- |\n| Điểu Lâm | S'tiêng \\| Xtiêng |"), "{md}");
    assert!(md.trim_end().ends_with("[^1]: Luật số 15/2003/QH11."), "{md}");
    let html = render(md);
    assert!(html.contains("<td>S'tiêng | Xtiêng</td>"), "{html}");
}

fn root_str(site: &tempfile::TempDir) -> &str {
    site.path().to_str().unwrap()
}

#[test]
fn imported_records_pass_check() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = ["000", "001", "002", "003", "004"].iter().map(|s| seed(s)).collect();
    files.push(write_docx(dir.path()));
    let mut taken = Default::default();
    for f in &files {
        let imp = import_file(f).unwrap();
        let planned = plan(site.path(), &imp, Some("alpha"), &mut taken);
        write(&planned).unwrap();
        let written = std::fs::read(planned.dir.join(&planned.attachment)).unwrap();
        assert_eq!(written, std::fs::read(f).unwrap(), "the original is attached unchanged");
    }
    let report = thidua::build::check(&opts(site.path())).unwrap_or_else(|e| panic!("{e:?}"));
    let unknown: Vec<_> = report.warnings.iter().filter(|w| w.message.contains("unknown key")).collect();
    assert!(unknown.is_empty(), "{unknown:?}");
    build(site.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let doc = page(site.path(), "van-ban/ke-hoach-15-kh-bdt-2021/index.html");
    let facts = texts(&doc, "body").join(" ");
    assert!(facts.contains("15/KH-BDT") && facts.contains("Nguyễn Văn Khang"), "{facts}");
    assert!(facts.contains("Khối Thi đua 3"), "recipients are shown");
    let hrefs = attrs(&doc, "a[download]", "href");
    assert!(hrefs.iter().any(|h| h.ends_with("002-9ede70dfb1e7e7b3.txt")), "{hrefs:?}");
}

#[test]
fn an_existing_record_is_never_overwritten() {
    let site = fixture("generator/basic");
    let file = seed("002");
    let before = snapshot(site.path());
    let out = thidua(&["import", "--root", root_str(&site), file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let first = site.path().join("content/van-ban/ke-hoach-15-kh-bdt-2021/index.md");
    std::fs::write(&first, std::fs::read_to_string(&first).unwrap() + "\nSửa tay.\n").unwrap();
    let edited = std::fs::read(&first).unwrap();
    let out = thidua(&["import", "--root", root_str(&site), file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("already exists; using the slug `ke-hoach-15-kh-bdt-2021-2`"), "{stdout}");
    assert_eq!(std::fs::read(&first).unwrap(), edited, "the first record is untouched");
    assert!(site.path().join("content/van-ban/ke-hoach-15-kh-bdt-2021-2/index.md").is_file());
    assert_eq!(snapshot(site.path()).len(), before.len() + 4);
}

#[test]
fn two_files_with_the_same_slug_in_one_run_get_two_slugs() {
    let site = fixture("generator/basic");
    let f = seed("004");
    let out = thidua(&["import", "--root", root_str(&site), f.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let base = site.path().join("content/van-ban/trien-khai-thuc-hien-cong-tac-thi-dua-khen-thuong-nam-2022");
    assert!(base.join("index.md").is_file());
    assert!(base.with_file_name(format!("{}-2", base.file_name().unwrap().to_str().unwrap())).is_dir());
}

#[test]
fn dry_run_writes_nothing_and_shows_the_record() {
    let site = fixture("generator/basic");
    let before = snapshot(site.path());
    let f = seed("000");
    let out = thidua(&["import", "--root", root_str(&site), "--dry-run", "--campaign", "alpha", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(snapshot(site.path()), before);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("would write content/van-ban/phat-dong-phong-trao"), "{stdout}");
    assert!(stdout.contains("campaigns = [\"alpha\"]"), "{stdout}");
    assert!(stdout.contains("## I. MỤC ĐÍCH, YÊU CẦU"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: the day of issue is blank"), "{stderr}");
}

fn thidua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).output().expect("run thidua")
}

#[test]
fn unreadable_inputs_are_errors_naming_the_file() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("gia-mao.docx");
    std::fs::write(&fake, "chỉ là chữ, không phải zip").unwrap();
    let binary = dir.path().join("nhi-phan.txt");
    std::fs::write(&binary, [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]).unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Ban D\xe2n t\xf4c").unwrap();
    let no_doc = dir.path().join("khong-co-noi-dung.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&no_doc).unwrap());
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(b"hi").unwrap();
    zip.finish().unwrap();
    let good = seed("002");
    let before = snapshot(site.path());
    let args = [&fake, &binary, &latin1, &no_doc, &good].map(|p| p.to_str().unwrap().to_owned());
    let mut all = vec!["import", "--root", root_str(&site)];
    all.extend(args.iter().map(String::as_str));
    let out = thidua(&all);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for (name, what) in [
        ("gia-mao.docx", "not a zip archive"),
        ("nhi-phan.txt", "binary file"),
        ("latin1.txt", "not UTF-8"),
        ("khong-co-noi-dung.docx", "without word/document.xml"),
    ] {
        let at = err.find(what).unwrap_or_else(|| panic!("no `{what}` in {err}"));
        assert!(err[at..].lines().nth(1).is_some_and(|l| l.contains(name)), "{name}: {err}");
    }
    assert!(err.contains("hint:"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 1 document(s), 4 failed"));
    assert_eq!(snapshot(site.path()).len(), before.len() + 2, "the good file is still imported");
}

#[test]
fn unknown_campaign_is_an_error_and_usage_errors_exit_2() {
    let site = fixture("generator/basic");
    let f = seed("000");
    let before = snapshot(site.path());
    let out = thidua(&["import", "--root", root_str(&site), "--campaign", "alpah", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the campaign `alpah` does not exist") && err.contains("did you mean `alpha`?"), "{err}");
    assert_eq!(snapshot(site.path()), before, "nothing is written");
    assert_eq!(thidua(&["import", "--root", root_str(&site)]).status.code(), Some(2));
    assert_eq!(thidua(&["import", "--bogus", f.to_str().unwrap()]).status.code(), Some(2));
}

#[test]
fn campaign_check_accepts_existing_slugs() {
    let site = fixture("generator/basic");
    assert!(record::check_campaign(site.path(), "alpha").is_ok());
    assert!(record::check_campaign(site.path(), "khong-co").is_err());
}
