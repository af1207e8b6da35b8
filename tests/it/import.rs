//! `thidua import`: the corpus of documents written for the project in the
//! real layouts (as text, `.docx` and text PDF, some in legacy encodings) with
//! the share of fields read right; the caps on every input; folders, copies
//! and the report; writing into a fixture site that must then pass `check`;
//! and every refusal. The five seed documents in `../shared/seeds` are read
//! where that folder is present and reported as skipped where it is not.

use super::*;
use std::io::Write as _;
use std::process::Command;
use thidua::import::{import_bytes, import_file, plan, record, write, Imported};

#[path = "../fixtures/import/make.rs"]
mod make;

/// The shared folder beside the checkout (`THIDUA_SHARED` names another).
fn shared() -> PathBuf {
    std::env::var_os("THIDUA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The seed whose name starts with `prefix`, or None when the seeds are absent.
fn seed(prefix: &str) -> Option<PathBuf> {
    let dir = shared().join("seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    let found = entries
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)));
    Some(found.unwrap_or_else(|| panic!("no seed {prefix}_* in {}", dir.display())))
}

/// The seed, or: print "skipped: <test> (../shared/seeds absent)" and return.
macro_rules! seed_or_skip {
    ($test:expr, $prefix:expr) => {
        match seed($prefix) {
            Some(p) => p,
            None => {
                println!("skipped: {} (../shared/seeds absent)", $test);
                return;
            }
        }
    };
}

fn import_seed(path: &Path) -> Imported {
    import_file(path).expect("seed imports")
}

/// A fixture document written to `dir` as `<name>.<ext>`.
fn fixture_file(dir: &Path, name: &str, ext: &str) -> PathBuf {
    let text = make::text_of(name);
    let bytes = match ext {
        "txt" => text.into_bytes(),
        "docx" => make::docx(&text, make::Encoding::Unicode),
        "pdf" => make::pdf(&text, None, false),
        _ => unreachable!(),
    };
    let path = dir.join(format!("{name}.{ext}"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `imp` has a warning that is the catalogue's message `id` and names `part`.
fn warned(imp: &Imported, id: &str, part: &str) -> bool {
    imp.warnings.iter().any(|w| w.id == id && w.message.contains(part))
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
    let imp = import_seed(&seed_or_skip!("seed_000_plan_with_blank_number_and_day", "000"));
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("…/KH-BDT"));
    assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"));
    assert_eq!(
        m.title.as_deref(),
        Some("Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ công tác dân tộc năm 2022")
    );
    assert_eq!(m.issued.as_deref(), Some("2022-02"));
    assert!(warned(&imp, "imp-day-blank", ""), "{:?}", imp.warnings);
    assert!(warned(&imp, "imp-number-blank", ""));
    assert_eq!(m.issuer.as_deref(), Some("Ban Dân tộc"));
    assert_eq!((m.signer.as_deref(), m.signer_title.as_deref()), (None, Some("Trưởng ban")));
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
    let imp = import_seed(&seed_or_skip!("seed_001_two_column_header_and_wrapped_lines", "001"));
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
    assert!(warned(&imp, "imp-day-month-blank", ""));
    assert_eq!((m.signer.as_deref(), m.signer_title.as_deref()), (None, Some("Trưởng ban")));
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
    let imp = import_seed(&seed_or_skip!("seed_002_full_date_and_signer_name", "002"));
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("15/KH-BDT"));
    assert_eq!(m.issued.as_deref(), Some("2021-01-18"));
    assert_eq!(m.place.as_deref(), Some("Đồng Nai"));
    assert!(!warned(&imp, "imp-day-blank", "") && !warned(&imp, "imp-day-month-blank", ""));
    assert_eq!((m.signer.as_deref(), m.signer_title.as_deref()), (Some("Nguyễn Văn Khang"), Some("Trưởng ban")));
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
    let imp = import_seed(&seed_or_skip!("seed_003_report_with_parts_and_footnotes", "003"));
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
    let imp = import_seed(&seed_or_skip!("seed_004_task_table_becomes_a_markdown_table", "004"));
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
    assert_eq!((m.signer.as_deref(), m.signer_title.as_deref()), (Some("Thị Hồng Nhung"), Some("Phó trưởng ban")));
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
    let mut files = vec![
        fixture_file(dir.path(), "01-ke-hoach-thi-dua", "txt"),
        fixture_file(dir.path(), "03-quyet-dinh-khen-thuong", "docx"),
        fixture_file(dir.path(), "04-cong-van-vv", "pdf"),
        fixture_file(dir.path(), "02-bao-cao-so-ket", "txt"),
    ];
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
    let unknown: Vec<_> = report.warnings.iter().filter(|w| w.id == "field-unknown").collect();
    assert!(unknown.is_empty(), "{unknown:?}");
    build(site.path()).unwrap_or_else(|e| panic!("{e:?}"));
    let doc = page(site.path(), "van-ban/ke-hoach-12-kh-bdt-2024/index.html");
    let facts = texts(&doc, "body").join(" ");
    assert!(facts.contains("12/KH-BDT") && facts.contains("Điểu Minh Tâm"), "{facts}");
    assert!(facts.contains("Hội đồng TĐKT tỉnh"), "recipients are shown");
    let hrefs = attrs(&doc, "a[download]", "href");
    assert!(hrefs.iter().any(|h| h.ends_with("01-ke-hoach-thi-dua.txt")), "{hrefs:?}");
    let letter = page(site.path(), "van-ban/cong-van-145-bdt-vp-2024/index.html");
    assert!(texts(&letter, "body").join(" ").contains("Hoàng Văn Thạch"));
}

#[test]
fn a_document_already_in_the_site_is_refused_and_left_untouched() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    let file = fixture_file(dir.path(), "01-ke-hoach-thi-dua", "txt");
    let out = thidua(&["import", "--root", root_str(&site), file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let first = site.path().join("content/van-ban/ke-hoach-12-kh-bdt-2024/index.md");
    std::fs::write(&first, std::fs::read_to_string(&first).unwrap() + "\nSửa tay.\n").unwrap();
    let before = snapshot(site.path());
    // the same document again, now as its PDF
    let pdf = fixture_file(dir.path(), "01-ke-hoach-thi-dua", "pdf");
    let out = thidua(&["import", "--root", root_str(&site), pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("đã có trong trang") && err.contains("ke-hoach-12-kh-bdt-2024"), "{err}");
    assert_eq!(snapshot(site.path()), before, "nothing written, the edited record untouched");
}

#[test]
fn two_documents_with_the_same_slug_in_one_run_get_two_slugs() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    // a blank number identifies nothing: two such documents are two records
    let f = fixture_file(dir.path(), "08-ke-hoach-ngay-trong", "txt");
    let out = thidua(&["import", "--root", root_str(&site), f.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let base = site.path().join("content/van-ban/tuyen-truyen-chinh-sach-dan-toc-tren-cong-thong-tin-dien-tu");
    assert!(base.join("index.md").is_file(), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(base.with_file_name(format!("{}-2", base.file_name().unwrap().to_str().unwrap())).is_dir());
}

#[test]
fn dry_run_writes_nothing_and_shows_the_record_and_the_report() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    let before = snapshot(site.path());
    let f = fixture_file(dir.path(), "02-bao-cao-so-ket", "txt");
    let out =
        thidua_en(&["import", "--root", root_str(&site), "--dry-run", "--campaign", "alpha", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(snapshot(site.path()), before);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("would write content/van-ban/so-ket-cong-tac-dan-toc"), "{stdout}");
    assert!(stdout.contains("campaigns = [\"alpha\"]"), "{stdout}");
    assert!(stdout.contains("## I. KẾT QUẢ THỰC HIỆN"), "{stdout}");
    let row = stdout.lines().find(|l| l.starts_with("02-bao-cao-so-ket.txt")).unwrap_or_default();
    assert!(stdout.contains("tệp ") && row.contains("| Báo cáo ") && row.contains("| Trần Thị Lan Anh"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("warning: the day of issue is blank"), "{stderr}");
}

/// Runs the binary in its default language (Vietnamese).
fn thidua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).env_remove("THIDUA_LANG").output().expect("run thidua")
}

/// Runs the binary in English, for the tests that check the wording.
fn thidua_en(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).env("THIDUA_LANG", "en").output().expect("run thidua")
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
    let good = fixture_file(dir.path(), "06-to-trinh", "txt");
    let before = snapshot(site.path());
    let args = [&fake, &binary, &latin1, &no_doc, &good].map(|p| p.to_str().unwrap().to_owned());
    let mut all = vec!["import", "--root", root_str(&site)];
    all.extend(args.iter().map(String::as_str));
    let out = thidua_en(&all);
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
    let dir = tempfile::tempdir().unwrap();
    let f = fixture_file(dir.path(), "01-ke-hoach-thi-dua", "txt");
    let before = snapshot(site.path());
    let out = thidua_en(&["import", "--root", root_str(&site), "--campaign", "alpah", f.to_str().unwrap()]);
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

// ------------------------------------------------------------ the corpus

/// A field's value as read, for comparison with the table: case, spacing and
/// Unicode form do not count; everything else does.
fn norm(s: &str) -> String {
    thidua::text::nfc(s).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field<'a>(imp: &'a Imported, name: &str) -> Option<&'a str> {
    let m = &imp.meta;
    match name {
        "number" => m.number.as_deref(),
        "doc_type" => m.doc_type.as_deref(),
        "issued" => m.issued.as_deref(),
        "issuer" => m.issuer.as_deref(),
        "signer" => m.signer.as_deref(),
        "signer_title" => m.signer_title.as_deref(),
        "title" => m.title.as_deref(),
        _ => unreachable!(),
    }
}

/// Every fixture document in every form it is tested in: its text, `.docx`
/// and PDF (every other one drawn word by word, some with a signing stamp),
/// and the legacy encodings: 16 and 17 in TCVN3 (text bytes and `.VnTime`
/// runs), 18 in VNI.
fn corpus_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for (i, e) in make::expected().iter().enumerate() {
        let text = make::text_of(&e.name);
        let legacy = match e.name.as_str() {
            n if n.starts_with("16-") || n.starts_with("17-") => Some(make::Encoding::Tcvn3),
            n if n.starts_with("18-") => Some(make::Encoding::Vni),
            _ => None,
        };
        let txt = match legacy {
            Some(make::Encoding::Tcvn3) => tcvn3_file(&text),
            Some(make::Encoding::Vni) => latin1(&thidua::import::legacy::to_vni(&text)),
            _ => text.clone().into_bytes(),
        };
        let stamp = make::Stamp { by: "Điểu Minh Tâm", time: "15.01.2024 08:12:30 +07:00" };
        let forms: Vec<(&str, Vec<u8>)> = vec![
            ("txt", txt),
            ("docx", make::docx(&text, legacy.unwrap_or(make::Encoding::Unicode))),
            ("pdf", make::pdf(&text, (i % 3 == 0).then_some(&stamp), i % 2 == 0)),
        ];
        for (ext, bytes) in forms {
            let path = dir.join(format!("{}.{ext}", e.name));
            std::fs::write(&path, bytes).unwrap();
            out.push((e.name.clone(), path));
        }
    }
    out
}

/// TCVN3 text as an old editor saved it: its capitals came from a second
/// font drawing the small letters' codes, so in the file a capital with a tone
/// is its small letter ("KẾ HOẠCH" is "kÕ ho¹ch"); only Ă Â Đ Ê Ô Ơ Ư have codes.
fn tcvn3_file(text: &str) -> Vec<u8> {
    let encoded: String = text
        .chars()
        .map(|c| {
            // a character has a code when it is ASCII or the table maps it;
            // "Ò" is no TCVN3 capital (its byte is "ề")
            let t = thidua::import::legacy::to_tcvn3(&c.to_string());
            if c.is_ascii() || t != c.to_string() {
                t
            } else {
                thidua::import::legacy::to_tcvn3(&c.to_lowercase().to_string())
            }
        })
        .collect();
    latin1(&encoded)
}

/// Legacy text as the 8-bit file an old editor saved: one byte a character.
fn latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| u8::try_from(u32::from(c)).expect("a legacy code is one byte")).collect()
}

#[test]
fn corpus_fields_are_read_right_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let expected = make::expected();
    assert!(expected.len() >= 25, "the corpus has {} documents", expected.len());
    let (mut right, mut total) = (0usize, 0usize);
    let mut by_ext: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (name, path) in corpus_files(dir.path()) {
        let e = expected.iter().find(|e| e.name == name).unwrap();
        let imp = import_file(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let ext = path.extension().unwrap().to_string_lossy().into_owned();
        for (f, want) in &e.fields {
            let got = field(&imp, f);
            let ok = got.map(norm) == want.as_deref().map(norm);
            total += 1;
            right += usize::from(ok);
            let slot = by_ext.entry(ext.clone()).or_default();
            slot.0 += usize::from(ok);
            slot.1 += 1;
            if !ok {
                misses
                    .push(format!("{}: {f}: got {got:?}, want {want:?}", path.file_name().unwrap().to_string_lossy()));
            }
        }
    }
    let share = right as f64 / total as f64;
    println!("import corpus: {right}/{total} fields right ({:.1}%)", share * 100.0);
    for (ext, (r, t)) in &by_ext {
        println!("  .{ext}: {r}/{t} ({:.1}%)", *r as f64 * 100.0 / *t as f64);
    }
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(share >= 0.95, "{right}/{total} fields right:\n{}", misses.join("\n"));
}

#[test]
fn legacy_encodings_are_converted_with_a_note_and_unicode_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = make::text_of("16-ke-hoach-tcvn3");
    let tcvn3 = dir.path().join("tcvn3.txt");
    std::fs::write(&tcvn3, tcvn3_file(&text)).unwrap();
    let imp = import_file(&tcvn3).unwrap();
    assert!(warned(&imp, "imp-legacy-encoding", "TCVN3"), "{:?}", imp.warnings);
    assert!(imp.body.contains("Rà soát hộ đồng bào thiếu đất sản xuất"), "{}", imp.body);
    let vni = dir.path().join("vni.docx");
    std::fs::write(&vni, make::docx(&make::text_of("18-bao-cao-vni"), make::Encoding::Vni)).unwrap();
    let imp = import_file(&vni).unwrap();
    assert!(warned(&imp, "imp-legacy-encoding", "VNI"), "{:?}", imp.warnings);
    assert!(imp.body.contains("Hỗ trợ giống cây trồng cho 430 hộ nghèo"), "{}", imp.body);
    let unicode = fixture_file(dir.path(), "01-ke-hoach-thi-dua", "docx");
    let imp = import_file(&unicode).unwrap();
    assert!(!warned(&imp, "imp-legacy-encoding", ""), "{:?}", imp.warnings);
}

#[test]
fn body_numbering_is_consistent_and_annexes_stay_in_the_body() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["txt", "docx", "pdf"] {
        let imp = import_file(&fixture_file(dir.path(), "01-ke-hoach-thi-dua", ext)).unwrap();
        let md = &imp.body;
        // a) and b) are items alike, never one an item and one a heading
        assert!(md.contains("\n- a) Mỗi xã vùng") && md.contains("\n- b) Không phát sinh"), "{ext}: {md}");
        assert!(headings(md).contains(&(3, "1. Thi đua hoàn thành chỉ tiêu giảm nghèo".into())), "{ext}: {md}");
        assert!(md.starts_with("Căn cứ Luật Thi đua"), "{ext}: the subject stops before the body: {md}");
        assert!(!md.contains("Nơi nhận") && !md.contains("(Đã ký)"), "{ext}: {md}");
        let imp = import_file(&fixture_file(dir.path(), "24-bao-cao-phu-luc", ext)).unwrap();
        assert_eq!(imp.meta.signer.as_deref(), Some("Điểu Minh Tâm"), "{ext}: the annex supplies no signer");
        assert!(imp.body.contains("PHỤ LỤC") && imp.body.contains("Lâm Văn Brôl"), "{ext}: {}", imp.body);
        assert!(!imp.meta.recipients.iter().any(|r| r.contains("TRƯỞNG")), "{ext}: {:?}", imp.meta.recipients);
    }
}

#[test]
fn a_signed_pdf_loses_its_stamp_text_but_keeps_it_as_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let text = make::text_of("21-to-trinh-quyen");
    let stamp = make::Stamp { by: "Lâm Thị Thu", time: "12.08.2025 14:05:09 +07:00" };
    let path = dir.path().join("ky-so.pdf");
    std::fs::write(&path, make::pdf(&text, Some(&stamp), true)).unwrap();
    let imp = import_file(&path).unwrap();
    assert!(!imp.body.contains("Ký bởi") && !imp.body.contains("Thời gian ký"), "{}", imp.body);
    assert!(warned(&imp, "pdf-stamp", "Lâm Thị Thu"), "{:?}", imp.warnings);
    // the document's day is blank: the day of signing fills it, with a note
    assert_eq!(imp.meta.issued.as_deref(), Some("2025-08-12"));
    assert!(warned(&imp, "pdf-issued-from-stamp", "2025-08-12"));
}

// ------------------------------------------------------------ caps and refusals

/// Runs `import` on one file into a fresh site: exit code, stderr, and
/// whether any record was written.
fn import_one(file: &Path) -> (Option<i32>, String, bool) {
    let site = fixture("generator/basic");
    let before = snapshot(site.path());
    let out = thidua(&["import", "--root", root_str(&site), file.to_str().unwrap()]);
    let wrote = snapshot(site.path()) != before;
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned(), wrote)
}

#[test]
fn a_device_named_txt_is_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    let (code, err, wrote) = import_one(&link);
    assert_eq!(code, Some(1));
    assert!(err.contains("không phải một tệp thông thường") && err.contains("zero.txt"), "{err}");
    assert!(!wrote);
}

#[test]
fn an_input_over_its_size_cap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, cap) in [("lon.txt", thidua::import::TEXT_LIMIT), ("lon.pdf", thidua::import::FILE_LIMIT)] {
        let path = dir.path().join(name);
        let f = std::fs::File::create(&path).unwrap();
        f.set_len(cap + 1).unwrap(); // sparse: no disk used
        let (code, err, wrote) = import_one(&path);
        assert_eq!(code, Some(1), "{name}");
        assert!(err.contains(&format!("tệp lớn hơn {} MiB", cap >> 20)) && err.contains(name), "{err}");
        assert!(!wrote, "{name}");
    }
    // bytes handed over directly (the fuzz path) are capped too
    let big = vec![b'a'; thidua::import::TEXT_LIMIT as usize + 1];
    assert!(matches!(import_bytes(Path::new("x.txt"), big), Err(thidua::import::ImportError::TooLarge { .. })));
}

/// A `.docx` whose `document.xml` is `xml`.
fn docx_with_document(xml: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(xml.len() > u32::MAX as usize / 2);
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(xml).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_docx_part_over_the_cap_is_refused_never_cut_short() {
    // the conclusion and the signer come after 64 MiB of text: reading only the
    // first 64 MiB used to import it without them, exit 0
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut xml = format!(r#"<?xml version="1.0"?><w:document {w}><w:body><w:p><w:r><w:t>"#).into_bytes();
    xml.resize(xml.len() + (thidua::import::docx::PART_LIMIT as usize), b'a');
    xml.extend_from_slice(
        b"</w:t></w:r></w:p><w:p><w:r><w:t>TR\xc6\xaf\xe1\xbb\x9eNG BAN</w:t></w:r></w:p></w:body></w:document>",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qua-lon.docx");
    std::fs::write(&path, docx_with_document(&xml)).unwrap();
    drop(xml);
    let (code, err, wrote) = import_one(&path);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("word/document.xml giải nén ra hơn 64 MiB") && err.contains("qua-lon.docx"), "{err}");
    assert!(!wrote);
}

#[test]
fn an_unclosed_document_xml_is_refused() {
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let xml = format!(
        r#"<?xml version="1.0"?><w:document {w}><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p><w:p><w:r><w:t>Nội dung bị cắt"#
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cat-cut.docx");
    std::fs::write(&path, docx_with_document(xml.as_bytes())).unwrap();
    let (code, err, wrote) = import_one(&path);
    assert_eq!(code, Some(1));
    assert!(err.contains("bị cắt cụt") && err.contains("<document>") && err.contains("cat-cut.docx"), "{err}");
    assert!(!wrote);
}

#[test]
fn a_pdf_over_the_page_cap_is_refused() {
    // a small file with many empty pages
    let n = thidua::import::pdf::PAGE_LIMIT + 1;
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
    ];
    objects.extend((0..n).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_owned()));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nhieu-trang.pdf");
    std::fs::write(&path, out).unwrap();
    let (code, err, wrote) = import_one(&path);
    assert_eq!(code, Some(1));
    assert!(err.contains(&format!("có {n} trang")) && err.contains("nhieu-trang.pdf"), "{err}");
    assert!(!wrote);
}

#[test]
fn a_scanned_pdf_is_attached_with_a_message_and_a_doc_is_told_to_be_saved_as_docx() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("ban-quet.pdf");
    std::fs::write(&scan, make::scanned_pdf()).unwrap();
    let doc = dir.path().join("cu.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let out = thidua(&["import", "--root", root_str(&site), scan.to_str().unwrap(), doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không có lớp chữ") && err.contains("ban-quet.pdf"), "{err}");
    assert!(err.contains("Word 97–2003 (.doc)") && err.contains("lưu lại thành .docx"), "{err}");
    let record = site.path().join("content/van-ban/ban-quet");
    assert_eq!(std::fs::read(record.join("ban-quet.pdf")).unwrap(), make::scanned_pdf(), "the scan is attached");
    let index = std::fs::read_to_string(record.join("index.md")).unwrap();
    assert!(index.contains("# - tệp PDF này (1 trang) không có lớp chữ"), "a note in the record: {index}");
}

// ------------------------------------------------------------ folders and the report

#[test]
fn a_folder_is_imported_whole_copies_merge_and_the_report_is_written() {
    let site = fixture("generator/basic");
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("2024/quy-1");
    std::fs::create_dir_all(&inner).unwrap();
    fixture_file(&inner, "01-ke-hoach-thi-dua", "docx");
    fixture_file(&inner, "01-ke-hoach-thi-dua", "pdf");
    fixture_file(dir.path(), "04-cong-van-vv", "txt");
    std::fs::write(inner.join("~$ke-hoach.docx"), b"lock").unwrap();
    std::fs::write(dir.path().join("ghi-chu.odt"), b"not read").unwrap();
    let csv = dir.path().join("bao-cao.csv");
    let out =
        thidua(&["import", "--root", root_str(&site), "--report", csv.to_str().unwrap(), dir.path().to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let summary = thidua::t_in!(
        thidua::i18n::Lang::Vi,
        "imp-summary",
        dry_run = "no",
        done = 2usize,
        failed = 0usize,
        merged = 1usize,
        existing = 0usize
    );
    assert!(stdout.contains(&summary), "{summary}: {stdout}");
    let record = site.path().join("content/van-ban/ke-hoach-12-kh-bdt-2024");
    let index = std::fs::read_to_string(record.join("index.md")).unwrap();
    assert!(index.contains(r#"attachments = ["01-ke-hoach-thi-dua.docx", "01-ke-hoach-thi-dua.pdf"]"#), "{index}");
    assert!(record.join("01-ke-hoach-thi-dua.pdf").is_file());
    let report = std::fs::read_to_string(&csv).unwrap();
    assert!(report.starts_with("\u{feff}tệp,loại,số,ngày,người ký,trích yếu,cảnh báo\r\n"), "{report}");
    assert_eq!(report.lines().count(), 4, "a row per file: {report}");
    assert!(report.contains(",Công văn,145/BDT-VP,2024-04-03,Hoàng Văn Thạch,"), "{report}");
    assert!(report.contains("gộp thành một bản ghi"), "{report}");
    build(site.path()).unwrap_or_else(|e| panic!("{e:?}"));
}

/// Regenerates the seed corpus of the `import_pdf` fuzz target from the
/// fixture generator: `cargo test --test it write_import_pdf_fuzz_seeds -- --ignored`.
#[test]
#[ignore]
fn write_import_pdf_fuzz_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import_pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let stamp = make::Stamp { by: "Điểu Minh Tâm", time: "15.01.2024 08:12:30 +07:00" };
    std::fs::write(
        dir.join("seed-ke-hoach-per-word.pdf"),
        make::pdf(&make::text_of("01-ke-hoach-thi-dua"), Some(&stamp), true),
    )
    .unwrap();
    std::fs::write(dir.join("seed-cong-van-lines.pdf"), make::pdf(&make::text_of("04-cong-van-vv"), None, false))
        .unwrap();
    std::fs::write(dir.join("seed-phu-luc-table.pdf"), make::pdf(&make::text_of("24-bao-cao-phu-luc"), None, false))
        .unwrap();
    std::fs::write(dir.join("seed-scan.pdf"), make::scanned_pdf()).unwrap();
}

/// The real PDFs in `../shared/import-samples`, where present: every text PDF
/// gives its type, title, year, issuer and signer; the scans say they have no
/// text layer and are still attached; the scans with a recognised (OCR) text
/// layer are reported as unreliable. Only file names are named here.
#[test]
fn real_sample_pdfs_where_present() {
    let dir = shared().join("import-samples");
    if !dir.is_dir() {
        println!("skipped: real_sample_pdfs_where_present (../shared/import-samples absent)");
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "{} PDFs", files.len());
    let mut read = 0;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let imp = import_file(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imp.original, std::fs::read(f).unwrap(), "{name}: attached as read");
        if name.starts_with("03-") || name.starts_with("10-") {
            assert!(warned(&imp, "pdf-scanned", ""), "{name}: {:?}", imp.warnings);
        } else if name.starts_with("01-") || name.starts_with("11-") {
            assert!(warned(&imp, "pdf-undiacritised", ""), "{name}: {:?}", imp.warnings);
        } else {
            let m = &imp.meta;
            let ok = m.doc_type.is_some()
                && m.title.as_deref().is_some_and(|t| !name.starts_with(t))
                && m.issued.as_deref().is_some_and(|d| d.starts_with("2020"))
                && m.issuer.is_some()
                && m.signer.is_some()
                && m.signer_title.is_some();
            assert!(ok, "{name}: {m:?}");
            read += 1;
        }
    }
    println!("real samples: {read} text PDFs read with all fields found");
}

#[test]
fn a_letters_subject_goes_on_in_its_header_cell() {
    // Word puts a letter's "V/v" lines in the header table under "Số:"
    let dir = tempfile::tempdir().unwrap();
    for ext in ["docx", "txt", "pdf"] {
        let imp = import_file(&fixture_file(dir.path(), "23-cong-van-dai", ext)).unwrap();
        assert_eq!(
            imp.meta.title.as_deref(),
            Some("Phối hợp xác minh nội dung đơn phản ánh của công dân tại xã Đăk Ơ, huyện Bù Gia Mập"),
            "{ext}"
        );
        assert_eq!(imp.meta.doc_type.as_deref(), Some("Công văn"), "{ext}");
        assert!(imp.body.starts_with("Kính gửi: Ủy ban nhân dân huyện Bù Gia Mập."), "{ext}: {}", imp.body);
    }
}

#[test]
fn a_letter_typed_without_diacritics_gets_its_layout_words_back() {
    // typed without a Vietnamese keyboard: the header's fixed words are read,
    // names and the body stay as typed, and a warning says so
    let text = "UY BAN NHAN DAN TINH BINH PHUOC\nBAN DAN TOC\n\
                So: 27/KH-BDT     Binh Phuoc, ngay 5 thang 4 nam 2024\n\nKE HOACH\n\
                To chuc hoi nghi bieu duong nguoi co uy tin nam 2024\n\n\
                Thuc hien chi dao cua Uy ban nhan dan tinh ve cong tac dan toc, Ban Dan toc xay dung ke hoach \
                to chuc hoi nghi bieu duong nguoi co uy tin tieu bieu trong dong bao dan toc thieu so nam 2024 \
                voi cac noi dung cu the nhu sau day de cac don vi phoi hop thuc hien dung thoi gian.\n\n\
                Noi nhan:\n- UBND tinh;\n- Luu: VT.\n\nKT. TRUONG BAN\nPHO TRUONG BAN\n\nDieu Van Khanh\n";
    let imp = import_bytes(Path::new("ke-hoach-khong-dau.txt"), text.as_bytes().to_vec()).expect("imported");
    let m = &imp.meta;
    assert_eq!(m.number.as_deref(), Some("27/KH-BDT"), "{m:?}");
    assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"), "{m:?}");
    assert_eq!(m.issued.as_deref(), Some("2024-04-05"), "{m:?}");
    assert_eq!(m.signer_title.as_deref(), Some("Phó trưởng ban"), "{m:?}");
    assert_eq!(m.signer.as_deref(), Some("Dieu Van Khanh"), "{m:?}");
    assert!(m.title.as_deref().is_some_and(|t| t.starts_with("To chuc hoi nghi")), "{m:?}");
    assert!(warned(&imp, "imp-undiacritised", ""), "{:?}", imp.warnings);
}
