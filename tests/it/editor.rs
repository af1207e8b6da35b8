//! The editor inside `thidua serve`, through the real binary and raw HTTP:
//! who is refused (no cookie, a foreign Host or Origin, a path as an upload
//! name), what a save keeps (comments, order, unknown keys, the body), the
//! conflict when the file changed on disk, validation before writing, the
//! bar injected into previewed pages, and `thidua new` in Vietnamese.

use super::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Editor {
    child: Child,
    addr: String,
    cookie: String,
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _killed = self.child.kill();
        let _reaped = self.child.wait();
    }
}

/// Starts serve on `root`, opens the printed editor address and keeps its cookie.
fn start(root: &Path) -> Editor {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let url = loop {
        assert!(Instant::now() < deadline, "serve printed no editor address");
        let line = lines.next().expect("a line").unwrap();
        if line.starts_with("http://") && line.contains("/__thidua/editor/") {
            break line;
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let addr = url.trim_start_matches("http://").split('/').next().unwrap().to_owned();
    let target = url.trim_start_matches("http://").trim_start_matches(addr.as_str()).to_owned();
    let (status, head, _) = request(&addr, "GET", &target, &[], b"");
    assert_eq!(status, 303, "{head}");
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("Set-Cookie: "))
        .and_then(|c| c.split(';').next())
        .expect("the printed address sets a cookie")
        .to_owned();
    Editor { child, addr, cookie }
}

/// Sends one request; returns status, head and body.
fn request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut raw = Vec::new();
    let _read = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (h, b) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = h.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, h.to_owned(), b.to_owned())
}

impl Editor {
    fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn get(&self, path: &str) -> (u16, String, String) {
        request(&self.addr, "GET", path, &[("Cookie", &self.cookie)], b"")
    }

    /// Posts a url-encoded form from the editor's own origin.
    fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}={}", enc(k), enc(v))).collect();
        request(
            &self.addr,
            "POST",
            path,
            &[
                ("Cookie", &self.cookie),
                ("Origin", &self.origin()),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body.join("&").as_bytes(),
        )
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The `_version` a form was opened at.
fn version(html: &str) -> String {
    let at = html.find("name=\"_version\" value=\"").expect("a version field") + 23;
    html[at..].split('"').next().unwrap().to_owned()
}

/// Waits until `path` on the served site answers 200 with `needle` in it.
fn served_soon(ed: &Editor, path: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, _, body) = request(&ed.addr, "GET", path, &[], b"");
        if status == 200 && body.contains(needle) {
            return body;
        }
        assert!(Instant::now() < deadline, "{path} never showed {needle:?}: {status}\n{body}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn editor_refuses_requests_without_the_cookie_or_from_elsewhere() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let (ok, _, _) = ed.get("/__thidua/editor/");
    assert_eq!(ok, 200);
    let (status, _, _) = request(&ed.addr, "GET", "/__thidua/editor/", &[], b"");
    assert_eq!(status, 403, "no cookie");
    let (status, _, _) = request(&ed.addr, "GET", "/__thidua/editor/?khoa=0000", &[], b"");
    assert_eq!(status, 403, "a wrong key");
    let (status, _, _) =
        request(&ed.addr, "GET", "/__thidua/editor/", &[("Host", "evil.example:80"), ("Cookie", &ed.cookie)], b"");
    assert_eq!(status, 403, "a foreign Host (DNS rebinding)");
    let form = "title=X&_fields=title&body=";
    let file = site.path().join("content/tin-tuc/tin-mot.md");
    let before = std::fs::read(&file).unwrap();
    for origin in [Some("http://evil.example"), Some("null"), None] {
        let mut h = vec![("Cookie", ed.cookie.as_str()), ("Content-Type", "application/x-www-form-urlencoded")];
        if let Some(o) = origin {
            h.push(("Origin", o));
        }
        let (status, _, _) =
            request(&ed.addr, "POST", "/__thidua/editor/edit/content/tin-tuc/tin-mot.md", &h, form.as_bytes());
        assert_eq!(status, 403, "a post from origin {origin:?}");
    }
    assert_eq!(std::fs::read(&file).unwrap(), before, "nothing was written");
    for bad in [
        "/__thidua/editor/edit/content/../config.toml",
        "/__thidua/editor/edit/config.toml",
        "/__thidua/editor/edit/content/%2e%2e/config.toml",
    ] {
        let (status, _, _) = ed.get(bad);
        assert!(status == 404 || status == 400, "{bad}: {status}");
    }
}

#[test]
fn editor_saves_keep_comments_order_unknown_keys_and_the_body() {
    let site = fixture("generator/basic");
    let file = site.path().join("content/tin-tuc/ghi-chu.md");
    let original = "+++\n# Bài của phòng Tuyên truyền\ntitle = \"Tin có ghi chú\" # tiêu đề\ndate = 2023-05-02\n\
ma_noi_bo = \"X-12\"   # khoá riêng của phòng\n# chủ đề\ntags = [\"y tế\"]\n+++\n\nThân  bài\ngiữ nguyên từng byte.   \n";
    std::fs::write(&file, original).unwrap();
    let ed = start(site.path());
    let (status, _, html) = ed.get("/__thidua/editor/edit/content/tin-tuc/ghi-chu.md");
    assert_eq!(status, 200);
    let fields = "title,date,summary,tags,campaigns,people,author,image,draft";
    let (status, head, body) = ed.post(
        "/__thidua/editor/edit/content/tin-tuc/ghi-chu.md",
        &[
            ("_version", &version(&html)),
            ("_fields", fields),
            ("title", "Tin có ghi chú, đã sửa"),
            ("date", "03/05/2023"),
            ("tags", "y tế, giảm nghèo"),
            ("campaigns", "alpha"),
            ("body", "\r\nThân  bài\r\ngiữ nguyên từng byte.   \r\n"),
        ],
    );
    assert_eq!(status, 303, "{head}\n{body}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        saved,
        "+++\n# Bài của phòng Tuyên truyền\ntitle = \"Tin có ghi chú, đã sửa\" # tiêu đề\ndate = 2023-05-03\n\
ma_noi_bo = \"X-12\"   # khoá riêng của phòng\n# chủ đề\ntags = [\"y tế\", \"giảm nghèo\"]\ncampaigns = [\"alpha\"]\n+++\n\nThân  bài\ngiữ nguyên từng byte.   \n"
    );
    served_soon(&ed, "/tin-tuc/ghi-chu/", "đã sửa");
}

#[test]
fn editor_refuses_a_save_when_the_file_changed_on_disk_and_shows_both() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let file = site.path().join("content/tin-tuc/tin-mot.md");
    let (_, _, html) = ed.get("/__thidua/editor/edit/content/tin-tuc/tin-mot.md");
    let elsewhere = std::fs::read_to_string(&file).unwrap().replace("Trao quà", "Trao quà (sửa ở nơi khác)");
    std::fs::write(&file, &elsewhere).unwrap();
    let (status, _, page) = ed.post(
        "/__thidua/editor/edit/content/tin-tuc/tin-mot.md",
        &[("_version", &version(&html)), ("_fields", "title"), ("title", "Bản của tôi"), ("body", "Thân mới")],
    );
    assert_eq!(status, 409);
    assert!(page.contains("sửa ở nơi khác"), "the version on disk is shown");
    assert!(page.contains("Bản của tôi") && page.contains("Thân mới"), "the user's version is kept in the form");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), elsewhere, "nothing was written");
}

#[test]
fn editor_new_records_are_validated_and_saved_as_drafts_with_errors() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let (status, _, form) = ed.get("/__thidua/editor/new/tin-tuc");
    assert_eq!(status, 200);
    for key in ["title", "date", "summary", "tags", "campaigns", "people", "body"] {
        assert!(form.contains(&format!("name=\"{key}\"")), "the form has a field named {key}");
    }
    let fields = "title,date,summary,tags,campaigns,people,author,image,draft";
    // a valid one in Vietnamese date order
    let (status, head, _) = ed.post(
        "/__thidua/editor/new/tin-tuc",
        &[
            ("_fields", fields),
            ("title", "Trao học bổng"),
            ("date", "30/12/2023"),
            ("campaigns", "alpha"),
            ("body", "Tin **mới**."),
        ],
    );
    assert_eq!(status, 303, "{head}");
    let text = std::fs::read_to_string(site.path().join("content/tin-tuc/trao-hoc-bong.md")).unwrap();
    assert!(text.contains("date = 2023-12-30") && text.contains("campaigns = [\"alpha\"]"), "{text}");
    served_soon(&ed, "/tin-tuc/trao-hoc-bong/", "<strong>mới</strong>");
    // published, with a date that does not exist: refused, nothing written
    let (status, _, page) = ed.post(
        "/__thidua/editor/new/tin-tuc",
        &[("_fields", fields), ("title", "Hội nghị tổng kết"), ("date", "31/02/2024"), ("body", "Nội dung.")],
    );
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("id=\"e-date\""), "the error is shown beside the date field");
    let file = site.path().join("content/tin-tuc/hoi-nghi-tong-ket.md");
    assert!(!file.exists());
    // as a draft it is saved, errors and all
    let (status, _, _) = ed.post(
        "/__thidua/editor/new/tin-tuc",
        &[
            ("_fields", fields),
            ("title", "Hội nghị tổng kết"),
            ("date", "31/02/2024"),
            ("draft", "true"),
            ("body", "Nội dung."),
        ],
    );
    assert_eq!(status, 303);
    assert!(std::fs::read_to_string(&file).unwrap().contains("date = \"31/02/2024\""));
}

#[test]
fn editor_uploads_refuse_path_names_and_make_a_folder_record() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let (_, _, html) = ed.get("/__thidua/editor/edit/content/tin-tuc/tin-mot.md");
    let multipart = |filename: &str, alt: &str| {
        let mut b = Vec::new();
        let mut field = |name: &str, value: &str| {
            b.extend_from_slice(
                format!("--BB\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        };
        field("_version", &version(&html));
        field("_fields", "title");
        field("title", "Trao quà cho hộ nghèo");
        field("_anh_alt", alt);
        field("body", "Thân.");
        b.extend_from_slice(format!("--BB\r\nContent-Disposition: form-data; name=\"_anh\"; filename=\"{filename}\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
        b.extend_from_slice(&std::fs::read(site.path().join("content/dien-hinh/dieu-lam/vuon.png")).unwrap());
        b.extend_from_slice(b"\r\n--BB--\r\n");
        b
    };
    let h = |ed: &Editor| {
        vec![
            ("Cookie".to_owned(), ed.cookie.clone()),
            ("Origin".to_owned(), ed.origin()),
            ("Content-Type".to_owned(), "multipart/form-data; boundary=BB".to_owned()),
        ]
    };
    let headers = h(&ed);
    let headers: Vec<(&str, &str)> = headers.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let path = "/__thidua/editor/edit/content/tin-tuc/tin-mot.md";
    let (status, _, _) = request(&ed.addr, "POST", path, &headers, &multipart("../../x.png", "Vườn điều"));
    assert_eq!(status, 400, "a path as a file name");
    assert!(!site.path().join("x.png").exists() && !site.path().join("content/x.png").exists());
    let (status, _, page) = request(&ed.addr, "POST", path, &headers, &multipart("vuon.png", ""));
    assert_eq!(status, 400, "a photo without alt text");
    assert!(page.contains("_anh_alt"));
    let (status, head, _) = request(&ed.addr, "POST", path, &headers, &multipart("Vườn điều.png", "Vườn điều"));
    assert_eq!(status, 303, "{head}");
    let dir = site.path().join("content/tin-tuc/tin-mot");
    assert!(dir.join("vuon-dieu.png").is_file(), "the photo is named by us, beside the record");
    let text = std::fs::read_to_string(dir.join("index.md")).unwrap();
    assert!(text.contains("![Vườn điều](vuon-dieu.png)"), "{text}");
    assert!(!site.path().join("content/tin-tuc/tin-mot.md").exists(), "the record moved into its folder");
    served_soon(&ed, "/tin-tuc/tin-mot/", "alt=\"Vườn điều\"");
}

#[test]
fn serve_shows_drafts_marked_with_an_edit_link_that_build_never_writes() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let page = served_soon(&ed, "/tin-tuc/ban-nhap/", "thidua-bar");
    assert!(page.contains("BẢN NHÁP") || page.contains("DRAFT"));
    assert!(page.contains("/__thidua/editor/edit/content/tin-tuc/ban-nhap.md"));
    let future = served_soon(&ed, "/tin-tuc/tuong-lai/", "thidua-bar");
    assert!(future.contains("01/01/2099"), "the scheduled date is shown");
    build(site.path()).unwrap();
    for e in walkdir::WalkDir::new(site.path().join("public")).into_iter().flatten().filter(|e| e.file_type().is_file())
    {
        let bytes = std::fs::read(e.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__thidua") && !text.contains("thidua-bar"), "{} holds editor code", e.path().display());
    }
    assert!(!site.path().join("public/tin-tuc/ban-nhap").exists(), "build leaves drafts out");
}

#[test]
fn new_takes_vietnamese_section_names_and_makes_folder_records() {
    let site = fixture("generator/basic");
    let root = site.path().to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["new", "--root", root, "tin-tuc", "Ngày hội \"Đại đoàn kết\"\n+++", "--thu-muc"])
        .env_remove("THIDUA_LANG")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    let file = site.path().join("content/tin-tuc/ngay-hoi-dai-doan-ket/index.md");
    assert!(file.is_file(), "{said}");
    assert!(said.contains("Đã tạo bài mới") && said.contains("thidua serve"), "{said}");
    let en = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["new", "--root", root, "van-ban", "Kế hoạch 5"])
        .env("THIDUA_LANG", "en")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&en.stdout).contains("Created a new record"));
    let check =
        Command::new(env!("CARGO_BIN_EXE_thidua")).args(["check", "--root", root, "--drafts"]).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

/// Regression: serve stayed on the error of a file that an editor created and
/// deleted within tens of milliseconds (a temporary file), and showed no later
/// edit until restarted. The served site must follow the disk once it is quiet.
#[test]
fn serve_follows_the_disk_after_files_created_and_deleted_at_once() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let dir = site.path().join("content/tin-tuc");
    let mot = std::fs::read_to_string(dir.join("tin-mot.md")).unwrap();
    for round in 0..12u64 {
        for (i, text) in
            ["+++\ntitle = \"tạm\n", "+++\ntitle = \"Tạm\"\ndate = 2023-01-01\n+++\nx\n", ""].iter().enumerate()
        {
            let tmp = dir.join(format!("tam-{i}.md"));
            std::fs::write(&tmp, text).unwrap();
            std::thread::sleep(Duration::from_millis(round * 7 % 40));
            std::fs::remove_file(&tmp).unwrap();
        }
        let title = format!("Trao quà lần {round}");
        std::fs::write(dir.join("tin-mot.md"), mot.replace("Trao quà cho hộ nghèo", &title)).unwrap();
        served_soon(&ed, "/tin-tuc/tin-mot/", &title);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, _, errors) = request(&ed.addr, "GET", "/__thidua/errors", &[], b"");
        if errors.trim() == "[]" {
            break;
        }
        assert!(Instant::now() < deadline, "serve kept errors of files that no longer exist: {errors}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn editor_deletes_only_after_confirmation_into_the_trash_folder() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let file = site.path().join("content/tin-tuc/tin-ba.md");
    let (status, _, page) = ed.get("/__thidua/editor/delete/content/tin-tuc/tin-ba.md");
    assert_eq!(status, 200);
    assert!(page.contains("_xac_nhan"), "a confirmation is asked");
    assert!(file.exists(), "asking deletes nothing");
    let (status, _, _) = ed.post("/__thidua/editor/delete/content/tin-tuc/tin-ba.md", &[]);
    assert_eq!(status, 400, "a post without the confirmation");
    assert!(file.exists());
    let (status, head, _) = ed.post("/__thidua/editor/delete/content/tin-tuc/tin-ba.md", &[("_xac_nhan", "1")]);
    assert_eq!(status, 303, "{head}");
    assert!(!file.exists());
    let trashed: Vec<_> = walkdir::WalkDir::new(site.path().join("thung-rac"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "tin-ba.md")
        .collect();
    assert_eq!(trashed.len(), 1, "the record is in thung-rac/, inside the site");
}

#[test]
fn editor_writes_the_indicators_table() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let (_, _, html) = ed.get("/__thidua/editor/edit/content/phong-trao/beta.md");
    assert!(html.contains("name=\"indicators.0.name\""));
    let (status, head, page) = ed.post(
        "/__thidua/editor/edit/content/phong-trao/beta.md",
        &[
            ("_version", &version(&html)),
            ("_fields", "indicators"),
            ("indicators.0.name", "Người được tiêm"),
            ("indicators.0.unit", "người"),
            ("indicators.0.target", "1.000"),
            ("indicators.0.period", "2021"),
            ("indicators.0.period", "2022"),
            ("indicators.0.value", "250"),
            ("indicators.0.value", "1.200,5"),
            ("body", "Phong trào đã kết thúc.\n"),
        ],
    );
    assert_eq!(status, 422, "beta.md is YAML: changing its fields needs the user's consent to convert it");
    assert!(page.contains("_chuyen_toml"), "{head}");
    let (status, head, page) = ed.post(
        "/__thidua/editor/edit/content/phong-trao/beta.md",
        &[
            ("_version", &version(&html)),
            ("_fields", "indicators"),
            ("_chuyen_toml", "1"),
            ("indicators.0.name", "Người được tiêm"),
            ("indicators.0.unit", "người"),
            ("indicators.0.target", "1.000"),
            ("indicators.0.period", "2021"),
            ("indicators.0.period", "2022"),
            ("indicators.0.value", "250"),
            ("indicators.0.value", "1.200,5"),
            ("body", "Phong trào đã kết thúc.\n"),
        ],
    );
    assert_eq!(status, 303, "{head}\n{page}");
    let text = std::fs::read_to_string(site.path().join("content/phong-trao/beta.md")).unwrap();
    assert!(text.starts_with("+++\n") && text.contains("launched_by = \"Trưởng Ban Dân tộc\""), "{text}");
    assert!(text.contains("[[indicators]]") && text.contains("target = 1000"), "{text}");
    assert!(text.contains("{ period = \"2022\", value = 1200.5 }"), "{text}");
    served_soon(&ed, "/phong-trao/beta/", "Người được tiêm");
}

#[test]
fn editor_warns_about_a_district_close_to_an_existing_one() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let fields =
        "title,date,summary,tags,kind,ethnicity,role,commune,district,year,award,campaigns,photo,sort_name,draft";
    let (status, head, _) = ed.post(
        "/__thidua/editor/new/dien-hinh",
        &[("_fields", fields), ("title", "Điểu Thị Hoa"), ("district", "huyện Bù Đăg"), ("body", "Chị Hoa.")],
    );
    assert_eq!(status, 303, "{head}");
    let (_, _, page) = ed.get("/__thidua/editor/edit/content/dien-hinh/dieu-thi-hoa.md");
    let warning = page.split("id=\"e-district\"").nth(1).expect("a note beside the district field");
    assert!(warning.contains("Bù Đăng"), "{warning}");
    let (status, head, _) = ed.post(
        "/__thidua/editor/new/dien-hinh",
        &[("_fields", fields), ("title", "Điểu Văn Tư"), ("district", "huyện Bù Đăng"), ("body", "Anh Tư.")],
    );
    assert_eq!(status, 303, "{head}");
    let (_, _, page) = ed.get("/__thidua/editor/edit/content/dien-hinh/dieu-van-tu.md");
    assert!(!page.contains("id=\"e-district\""), "'huyện Bù Đăng' is Bù Đăng");
}

#[test]
fn editor_suggests_a_missing_campaign_by_its_title() {
    let site = fixture("generator/basic");
    let ed = start(site.path());
    let fields = "title,date,summary,tags,campaigns,people,author,image,draft";
    let (status, _, page) = ed.post(
        "/__thidua/editor/new/tin-tuc",
        &[
            ("_fields", fields),
            ("title", "Tin gõ tay"),
            ("date", "01/02/2024"),
            ("campaigns", "vi-nguoi-ngheo"),
            ("body", "x"),
        ],
    );
    assert_eq!(status, 422, "an unknown campaign is an error");
    let note = page.split("id=\"e-campaigns\"").nth(1).expect("a note beside the campaigns field");
    let note = note.split("</ul>").next().unwrap();
    assert!(note.contains("alpha (Vì người nghèo") && note.contains("beta ("), "the valid slugs are listed: {note}");
    assert!(note.contains("(alpha)?") || note.contains("(alpha)? "), "a suggestion by title: {note}");
}

/// Starts serve with `args` and, when given, the editor password in the
/// environment; returns the child, the loopback address to connect to and
/// the editor address serve printed, if it printed one.
fn spawn(root: &Path, args: &[&str], password: Option<&str>) -> (Child, String, Option<String>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_thidua"));
    cmd.args(["serve", "--port", "0", "--root", root.to_str().unwrap()]).args(args);
    cmd.env_remove("THIDUA_EDITOR_PASSWORD");
    if let Some(p) = password {
        cmd.env("THIDUA_EDITOR_PASSWORD", p);
    }
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("start serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut port = None;
    let mut editor = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.starts_with("http://") && line.contains("/__thidua/editor/") {
            editor = Some(line);
            break;
        } else if let Some(at) = line.find("http://").filter(|_| port.is_none()) {
            // The preview's address, whatever the language of the line around it.
            let rest = &line[at + "http://".len()..];
            port = rest.split('/').next().and_then(|a| a.rsplit(':').next()).map(str::to_owned);
            if password.is_none() {
                break;
            }
        }
    }
    std::thread::spawn(move || for _ in lines {});
    (child, format!("127.0.0.1:{}", port.expect("serve printed its address")), editor)
}

fn cookie_of(head: &str) -> Option<String> {
    head.lines().find_map(|l| l.strip_prefix("Set-Cookie: ")).and_then(|c| c.split(';').next()).map(str::to_owned)
}

#[test]
fn editor_on_another_interface_needs_a_password_and_a_login() {
    let site = fixture("generator/basic");
    let (child, addr, printed) = spawn(site.path(), &["--interface", "0.0.0.0"], None);
    let off = Editor { child, addr, cookie: String::new() };
    assert!(printed.is_none(), "no password, no editor address");
    let (status, _, _) = request(&off.addr, "GET", "/__thidua/editor/", &[], b"");
    assert_eq!(status, 404, "no password: no editor on a network interface");
    drop(off);

    let password = "Mật khẩu của phòng 7";
    let (child, addr, printed) = spawn(site.path(), &["--interface", "0.0.0.0"], Some(password));
    let mut ed = Editor { child, addr, cookie: String::new() };
    assert!(printed.is_some_and(|p| p.contains("?khoa=")), "the address that unlocks this machine's browser");
    let (status, _, page) = request(&ed.addr, "GET", "/__thidua/editor/", &[], b"");
    assert_eq!(status, 401);
    assert!(page.contains("name=\"mat_khau\"") && page.contains("type=\"password\""), "{page}");
    let login = |body: &str, origin: Option<&str>| {
        let mut h = vec![("Content-Type", "application/x-www-form-urlencoded")];
        if let Some(o) = origin {
            h.push(("Origin", o));
        }
        request(&ed.addr, "POST", "/__thidua/editor/dang-nhap", &h, body.as_bytes())
    };
    let origin = format!("http://{}", ed.addr);
    let (status, head, _) = login("mat_khau=sai", Some(&origin));
    assert_eq!(status, 401, "a wrong password");
    assert!(cookie_of(&head).is_none());
    let right = format!("mat_khau={}", enc(password));
    let (status, _, _) = login(&right, None);
    assert_eq!(status, 403, "a login post without Origin");
    let (status, _, _) = login(&right, Some("http://evil.example"));
    assert_eq!(status, 403, "a login post from elsewhere");
    let (status, head, _) = login(&right, Some(&origin));
    assert_eq!(status, 303, "{head}");
    ed.cookie = cookie_of(&head).expect("the login sets the editor's cookie");
    let (status, _, _) = ed.get("/__thidua/editor/");
    assert_eq!(status, 200, "signed in");
    let port = ed.addr.rsplit(':').next().unwrap().to_owned();
    for (host, why) in [
        (format!("evil.example:{port}"), "a DNS name (rebinding)"),
        (format!("192.0.2.7:{}", port.parse::<u16>().unwrap() ^ 1), "another port"),
    ] {
        let (status, _, _) =
            request(&ed.addr, "GET", "/__thidua/editor/", &[("Host", &host), ("Cookie", &ed.cookie)], b"");
        assert_eq!(status, 403, "{why}");
    }
    let (status, _, _) = request(
        &ed.addr,
        "GET",
        "/__thidua/editor/",
        &[("Host", &format!("192.0.2.7:{port}")), ("Cookie", &ed.cookie)],
        b"",
    );
    assert_eq!(status, 200, "the machine's address on the network, as another computer's browser writes it");
}

#[test]
fn serve_previews_the_site_while_a_draft_has_errors() {
    let site = fixture("generator/basic");
    let draft = site.path().join("content/tin-tuc/nhap-co-loi.md");
    std::fs::write(
        &draft,
        "+++\ntitle = \"Nháp có lỗi\"\ndate = \"31/02/2024\"\ncampaigns = [\"khong-co\"]\ndraft = true\n+++\n\
Nội dung có [liên kết hỏng](/khong-co-trang/).\n",
    )
    .unwrap();
    let ed = start(site.path());
    let (status, _, errors) = request(&ed.addr, "GET", "/__thidua/errors", &[], b"");
    assert_eq!((status, errors.trim()), (200, "[]"), "no error overlay for a draft's errors");
    served_soon(&ed, "/tin-tuc/tin-mot/", "thidua-bar");
    let page = served_soon(&ed, "/tin-tuc/nhap-co-loi/", "thidua-errors");
    assert!(page.contains("/__thidua/editor/edit/content/tin-tuc/nhap-co-loi.md"), "the bar links to the editor");
    let (_, _, form) = ed.get("/__thidua/editor/edit/content/tin-tuc/nhap-co-loi.md");
    assert!(form.contains("id=\"e-date\"") && form.contains("id=\"e-campaigns\""), "the errors, beside their fields");
    // an edit of a published record is still previewed
    let mot = site.path().join("content/tin-tuc/tin-mot.md");
    let text = std::fs::read_to_string(&mot).unwrap();
    std::fs::write(&mot, format!("{text}\nĐoạn thêm sau khi có bản nháp lỗi.\n")).unwrap();
    served_soon(&ed, "/tin-tuc/tin-mot/", "Đoạn thêm sau khi có bản nháp lỗi.");
    // thidua check is no preview: the draft's errors are still errors
    let out = Command::new(env!("CARGO_BIN_EXE_thidua"))
        .args(["check", "--root", site.path().to_str().unwrap()])
        .output()
        .unwrap();
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success() && said.contains("nhap-co-loi.md"), "{said}");
}
