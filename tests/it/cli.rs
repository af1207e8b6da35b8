//! The real binary: exit codes 0 / 1 / 2 and what it prints.

use super::*;
use std::process::Command;
use thidua::i18n::Lang;
use thidua::t_in;

/// Runs the binary in its default language (Vietnamese).
fn thidua(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).env_remove("THIDUA_LANG").output().expect("run thidua")
}

/// Runs the binary with `THIDUA_LANG=en`.
fn thidua_en(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).env("THIDUA_LANG", "en").output().expect("run thidua")
}

/// The errors of `thidua check --json`, as (id, message) pairs.
fn check_json(out: &std::process::Output) -> Vec<(String, String)> {
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    v["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter(|d| d["severity"] == "Error")
        .map(|d| (d["id"].as_str().unwrap_or("").to_owned(), d["message"].as_str().unwrap_or("").to_owned()))
        .collect()
}

#[test]
fn build_succeeds_with_exit_0() {
    let site = fixture("generator/basic");
    let out = thidua(&["build", "--root", site.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("đã dựng "), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(site.path().join("public/index.html").is_file());
    std::fs::write(site.path().join("content/tin-tuc/moi.md"), "+++\ntitle = \"Mới\"\ndate = 2023-01-01\n+++\n")
        .unwrap();
    let en = thidua_en(&["build", "--root", site.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&en.stdout).contains("built "), "{}", String::from_utf8_lossy(&en.stdout));
}

#[test]
fn output_flag_is_honoured() {
    let site = fixture("generator/basic");
    let dest = site.path().join("elsewhere/site");
    let out = thidua(&["build", "--root", site.path().to_str().unwrap(), "--output", dest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(dest.join("index.html").is_file());
}

#[test]
fn content_errors_exit_1_and_show_file_line_and_hint() {
    let site = fixture("generator/basic");
    std::fs::write(site.path().join("content/tin-tuc/x.md"), "+++\ntitle = \"A\"\ndate = \"2023-13-01\"\n+++\n")
        .unwrap();
    let out = thidua(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("content/tin-tuc/x.md:3"), "{err}");
    assert!(err.contains("3 | date = \"2023-13-01\""), "{err}");
    assert!(err.contains("gợi ý:"), "{err}");
}

/// Diagnostics are Vietnamese by default and English with THIDUA_LANG=en,
/// both from the catalogue; `check --json` names each by its identifier.
#[test]
fn diagnostics_speak_vietnamese_by_default_and_english_on_request() {
    let site = fixture("generator/basic");
    std::fs::write(
        site.path().join("content/tin-tuc/x.md"),
        "+++\ntitle = \"A\"\ndate = 2023-01-01\ndraft = \"có\"\n+++\n",
    )
    .unwrap();
    let root = site.path().to_str().unwrap();
    let json = thidua(&["check", "--root", root, "--json"]);
    assert_eq!(json.status.code(), Some(1));
    let diags = check_json(&json);
    assert_eq!(diags.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["field-wrong-type"], "{diags:?}");
    let words = |lang| t_in!(lang, "field-wrong-type", key = "draft", expected = "bool");
    assert_eq!(diags[0].1, words(Lang::Vi));
    let vi = String::from_utf8_lossy(&thidua(&["check", "--root", root]).stderr).into_owned();
    let en = String::from_utf8_lossy(&thidua_en(&["check", "--root", root]).stderr).into_owned();
    assert_ne!(words(Lang::Vi), words(Lang::En));
    assert!(vi.contains(&format!("lỗi: {}", words(Lang::Vi))) && vi.contains("gợi ý:"), "{vi}");
    assert!(en.contains(&format!("error: {}", words(Lang::En))) && en.contains("hint:"), "{en}");
    assert!(!vi.contains(&words(Lang::En)) && !en.contains(&words(Lang::Vi)));
}

/// `--help` of the program and of each subcommand is Vietnamese by default
/// and English with THIDUA_LANG=en.
#[test]
fn help_speaks_vietnamese_by_default_and_english_on_request() {
    for (lang, run) in [(Lang::Vi, thidua as fn(&[&str]) -> std::process::Output), (Lang::En, thidua_en)] {
        let top = String::from_utf8_lossy(&run(&["--help"]).stdout).into_owned();
        assert!(top.contains(&t_in!(lang, "help-about")) && top.contains(&t_in!(lang, "help-serve")), "{top}");
        assert!(top.contains(&t_in!(lang, "help-usage")), "{top}");
        for (sub, arg) in
            [("build", "help-build-output"), ("import", "help-import-report"), ("search", "help-search-limit")]
        {
            let help = String::from_utf8_lossy(&run(&[sub, "--help"]).stdout).into_owned();
            assert!(help.contains(&t_in!(lang, arg)) && help.contains(&t_in!(lang, "help-flag-help")), "{help}");
        }
    }
    let vi = String::from_utf8_lossy(&thidua(&["build", "--help"]).stdout).into_owned();
    assert!(!vi.contains("Where to write the site") && !vi.contains("Print help"), "no English left: {vi}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(thidua(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(thidua(&["frobnicate"]).status.code(), Some(2));
    let missing = thidua(&["build", "--root", "/nonexistent/site"]);
    assert_eq!(missing.status.code(), Some(1), "a missing config is reported like content errors");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("config.toml"));
}

#[test]
fn check_lists_scheduled_records() {
    let site = fixture("generator/basic");
    let out = thidua(&["check", "--root", site.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("hẹn đăng: ") && said.contains("tuong-lai.md") && said.contains("2099-01-01"), "{said}");
}

#[test]
fn new_writes_a_valid_draft_and_refuses_to_overwrite() {
    let site = fixture("generator/basic");
    let root = site.path().to_str().unwrap();
    for (kind, title) in
        [("campaign", "Phong trào Mới"), ("person", "Điểu Thị Nở"), ("news", "Hội nghị"), ("document", "Kế hoạch số 1")]
    {
        let out = thidua(&["new", "--root", root, kind, title]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(site.path().join("content/dien-hinh/dieu-thi-no.md").is_file());
    let check = thidua(&["check", "--root", root, "--drafts"]);
    assert_eq!(check.status.code(), Some(0), "new records are valid: {}", String::from_utf8_lossy(&check.stderr));
    let again = thidua(&["new", "--root", root, "news", "Hội nghị"]);
    assert_eq!(again.status.code(), Some(1));
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains("already exists") || said.contains("đã có"), "{said}");
    assert_eq!(thidua(&["new", "--root", root, "khac", "x"]).status.code(), Some(2));
}

/// A tiny HTTP server on loopback: `/ok` answers 200, HEAD on `/no-head` 405
/// (GET 200), anything else 404. Returns its port.
fn link_server() -> u16 {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let status = match line.split_whitespace().take(2).collect::<Vec<_>>()[..] {
                [_, "/ok"] | ["GET", "/no-head"] => "200 OK",
                ["HEAD", "/no-head"] => "405 Method Not Allowed",
                _ => "404 Not Found",
            };
            let _closed = write!(&stream, "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    port
}

#[test]
fn check_external_reports_broken_external_links_with_file_and_line() {
    let site = fixture("generator/basic");
    let port = link_server();
    // A port that refuses connections: bind one, note it, free it.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let page = format!(
        "+++\ntitle = \"Liên kết\"\n+++\n\nXem [trang tốt](http://127.0.0.1:{port}/ok) và \
         [không HEAD](http://127.0.0.1:{port}/no-head).\n\nTrang [đã mất](http://127.0.0.1:{port}/mat#phan-2).\n\n\
         Máy [tắt](http://127.0.0.1:{closed}/x).\n"
    );
    std::fs::write(site.path().join("content/lien-ket.md"), page).unwrap();
    let root = site.path().to_str().unwrap();

    let offline = thidua(&["check", "--root", root]);
    assert_eq!(offline.status.code(), Some(0), "without --external nothing is asked");

    let json = thidua(&["check", "--root", root, "--external", "--json"]);
    let ids: Vec<String> = check_json(&json).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["ext-status", "ext-unreachable"], "{ids:?}");
    let out = thidua_en(&["check", "--root", root, "--external"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("external link answers 404: http://127.0.0.1:{port}/mat")), "{err}");
    assert!(err.contains("content/lien-ket.md:7"), "{err}");
    assert!(err.contains(&format!("does not answer: http://127.0.0.1:{closed}/x")), "{err}");
    assert!(err.contains("content/lien-ket.md:9"), "{err}");
    assert!(!err.contains("/ok"), "a working link is not reported: {err}");
    assert!(!err.contains("no-head"), "a server that refuses HEAD is asked with GET: {err}");
}
