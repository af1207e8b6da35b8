//! `thidua serve` through the real binary: serves the built site from memory,
//! refuses traversal, reloads after an edit, shows errors and keeps the last
//! good site, and never writes the reload script into `build` output.

use super::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) struct Server {
    child: Child,
    pub(crate) addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _killed = self.child.kill();
        let _reaped = self.child.wait();
    }
}

pub(crate) fn start(root: &Path) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_thidua"));
    cmd.args(["serve", "--port", "0", "--root", root.to_str().unwrap()]);
    launch(cmd)
}

/// Starts `thidua serve` as `cmd` says and waits for its address.
fn launch(mut cmd: Command) -> Server {
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("start serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let addr = loop {
        assert!(Instant::now() < deadline, "serve did not start");
        let line = lines.next().expect("serve printed its address").unwrap();
        // The first address printed is the site's (in either language).
        if let Some((_, rest)) = line.split_once("http://") {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    // keep draining stdout so the server never blocks on a full pipe
    std::thread::spawn(move || for _ in lines {});
    Server { child, addr }
}

pub(crate) fn get(addr: &str, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, text)
}

/// Reads server-sent events until one of `name` arrives (or 60 s pass).
fn wait_event(stream: &mut BufReader<TcpStream>, name: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut line = String::new();
    while Instant::now() < deadline {
        line.clear();
        if stream.read_line(&mut line).unwrap_or(0) == 0 {
            return false;
        }
        if line.trim() == format!("event: {name}") {
            return true;
        }
    }
    false
}

fn events(addr: &str) -> BufReader<TcpStream> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(s, "GET /__thidua/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut r = BufReader::new(s);
    assert!(wait_line(&mut r, "retry: 1000"), "event stream opened");
    r
}

fn wait_line(r: &mut BufReader<TcpStream>, want: &str) -> bool {
    let mut line = String::new();
    for _ in 0..20 {
        line.clear();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            return false;
        }
        if line.trim() == want {
            return true;
        }
    }
    false
}

#[test]
fn serve_reloads_after_an_edit_and_keeps_the_last_good_site_on_errors() {
    let site = fixture("generator/basic");
    let server = start(site.path());
    let addr = server.addr.clone();

    let (status, home) = get(&addr, "/");
    assert_eq!(status, 200);
    assert!(home.contains("text/html; charset=utf-8"));
    assert!(home.contains("/__thidua/live.js"), "the reload script is injected");
    assert_eq!(get(&addr, "/phong-trao/alpha").0, 301);
    assert_eq!(get(&addr, "/khong-co/").0, 404);
    for bad in
        ["/../config.toml", "/%2e%2e/config.toml", "/..%2fcontent/phong-trao/alpha.md", "/a%5c..%5c..%5cconfig.toml"]
    {
        let (status, body) = get(&addr, bad);
        assert!(status == 400 || status == 404, "{bad}: {status}");
        assert!(!body.contains("base_url"), "{bad} leaked a project file");
    }
    assert_eq!(get(&addr, "/content/phong-trao/alpha.md").0, 404, "only built files are served");

    let mut stream = events(&addr);
    let news = site.path().join("content/tin-tuc/tin-mot.md");
    let text = std::fs::read_to_string(&news).unwrap();
    std::fs::write(&news, text.replace("Trao quà cho hộ nghèo", "Trao quà Tết cho hộ nghèo")).unwrap();
    assert!(wait_event(&mut stream, "reload"), "an edit sends a reload");
    let (_, campaign) = get(&addr, "/phong-trao/alpha/");
    assert!(campaign.contains("Trao quà Tết cho hộ nghèo"), "the campaign page shows the edited news");

    std::fs::write(site.path().join("content/tin-tuc/loi.md"), "+++\ntitle = \"x\"\ndate = \"2023-99-01\"\n+++\n")
        .unwrap();
    assert!(wait_event(&mut stream, "errors"), "invalid content sends an errors event");
    let (_, errors) = get(&addr, "/__thidua/errors");
    assert!(errors.contains("content/tin-tuc/loi.md:3"), "{errors}");
    let (status, campaign) = get(&addr, "/phong-trao/alpha/");
    assert_eq!(status, 200, "the last good site stays served");
    assert!(campaign.contains("Trao quà Tết cho hộ nghèo"));

    std::fs::remove_file(site.path().join("content/tin-tuc/loi.md")).unwrap();
    assert!(wait_event(&mut stream, "reload"), "fixing the file clears the errors");
    let (_, errors) = get(&addr, "/__thidua/errors");
    assert!(errors.ends_with("[]"), "{errors}");
    drop(server);

    build(site.path()).unwrap();
    let built = std::fs::read_to_string(site.path().join("public/index.html")).unwrap();
    assert!(!built.contains("__thidua"), "build output never has the reload script");
}

#[test]
fn serve_started_inside_the_site_without_root_reloads_after_an_edit() {
    let site = fixture("generator/basic");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_thidua"));
    cmd.args(["serve", "--port", "0"]).current_dir(site.path());
    let server = launch(cmd);
    let mut stream = events(&server.addr);
    let news = site.path().join("content/tin-tuc/tin-mot.md");
    let text = std::fs::read_to_string(&news).unwrap();
    std::fs::write(&news, text.replace("Trao quà cho hộ nghèo", "Trao quà Tết cho hộ nghèo")).unwrap();
    assert!(wait_event(&mut stream, "reload"), "an edit sends a reload");
    let (_, campaign) = get(&server.addr, "/phong-trao/alpha/");
    assert!(campaign.contains("Trao quà Tết cho hộ nghèo"), "the campaign page shows the edited news");
}

/// The served files as bytes (copied files read from disk).
fn served(state: &thidua::serve::state::State) -> BTreeMap<String, Vec<u8>> {
    state
        .files
        .iter()
        .map(|(p, c)| {
            let bytes = match &**c {
                thidua::output::Content::Bytes(b) => b.clone(),
                thidua::output::Content::Copy(f) => std::fs::read(f).unwrap(),
            };
            (p.clone(), bytes)
        })
        .collect()
}

/// Runs what the background re-indexer does after a content rebuild.
fn reindex(state: &mut thidua::serve::state::State) {
    let job = state.search_job().unwrap().expect("config loaded");
    let export = thidua::search::build(job.docs, &job.glossary, &job.dir).unwrap();
    state.apply_search(export).unwrap();
}

/// Asserts that the incrementally rebuilt site equals a fresh build of the same content, file by file.
fn assert_same_as_fresh(state: &mut thidua::serve::state::State, root: &Path, step: &str) {
    reindex(state);
    let mut fresh = thidua::serve::state::State::new(opts(root));
    let outcome = fresh.rebuild_all();
    assert!(outcome.errors.is_empty(), "{step}: fresh build failed: {:?}", outcome.errors);
    let (got, want) = (served(state), served(&fresh));
    let extra: Vec<&String> = got.keys().filter(|p| !want.contains_key(*p)).collect();
    let missing: Vec<&String> = want.keys().filter(|p| !got.contains_key(*p)).collect();
    assert!(extra.is_empty() && missing.is_empty(), "{step}: extra {extra:?}, missing {missing:?}");
    let differ: Vec<&String> = want.keys().filter(|p| got[*p] != want[*p]).collect();
    assert!(differ.is_empty(), "{step}: these files differ from a fresh build: {differ:?}");
}

#[test]
fn serve_incremental_rebuilds_match_a_fresh_build_after_every_edit() {
    let site = fixture("generator/basic");
    let root = site.path();
    let mut state = thidua::serve::state::State::new(opts(root));
    assert!(state.rebuild_all().errors.is_empty());
    let content = root.join("content");
    let edit = |state: &mut thidua::serve::state::State, rel: &str, text: Option<&str>| {
        let p = content.join(rel);
        match text {
            Some(t) => {
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, t).unwrap();
            }
            None => std::fs::remove_file(&p).unwrap(),
        }
        state.rebuild_content(&[p])
    };
    let read = |rel: &str| std::fs::read_to_string(content.join(rel)).unwrap();
    let ok = |o: thidua::serve::state::Outcome, step: &str| assert!(o.errors.is_empty(), "{step}: {:?}", o.errors);

    let mot = read("tin-tuc/tin-mot.md");
    ok(edit(&mut state, "tin-tuc/tin-mot.md", Some(&format!("{mot}\n## Phần mới\n\nĐoạn thêm.\n"))), "body");
    assert_same_as_fresh(&mut state, root, "edit a body");

    let lam = read("dien-hinh/dieu-lam/index.md");
    let without_image = lam.replace("![Vườn cây của ông Điểu Lâm](vuon.png)", "Ông trồng điều.");
    ok(edit(&mut state, "dien-hinh/dieu-lam/index.md", Some(&without_image)), "image");
    assert_same_as_fresh(&mut state, root, "remove an image from a body (its resized variants go)");
    ok(edit(&mut state, "dien-hinh/dieu-lam/index.md", Some(&lam)), "image back");
    assert_same_as_fresh(&mut state, root, "show the image again");

    let hai = read("tin-tuc/tin-hai.md");
    ok(edit(&mut state, "tin-tuc/tin-hai.md", Some(&hai.replace("Sơ kết phong trào", "Tổng kết phong trào"))), "t");
    assert_same_as_fresh(&mut state, root, "edit a news title");

    let an = read("dien-hinh/an-binh.md");
    ok(edit(&mut state, "dien-hinh/an-binh.md", Some(&an.replace("Lâm Văn Ân", "Lâm Văn Yên"))), "person");
    assert_same_as_fresh(&mut state, root, "edit a title that changes the people's order");

    let ba = read("tin-tuc/tin-ba.md");
    ok(edit(&mut state, "tin-tuc/tin-ba.md", Some(&ba.replace("2021-01-18", "2024-02-01"))), "date");
    assert_same_as_fresh(&mut state, root, "move a news item from the last list page to the first");

    let hai = read("tin-tuc/tin-hai.md");
    let hai_fewer = hai.replace("campaigns = [\"alpha\", \"beta\"]", "campaigns = [\"beta\"]\ntags = [\"y tế\"]");
    ok(edit(&mut state, "tin-tuc/tin-hai.md", Some(&hai_fewer)), "refs");
    assert_same_as_fresh(&mut state, root, "drop a campaign reference, add a tag");

    let ba = read("tin-tuc/tin-ba.md");
    ok(edit(&mut state, "tin-tuc/tin-ba.md", Some(&format!("{ba}\n## Mục\n"))), "heading");
    assert_same_as_fresh(&mut state, root, "add a heading");

    let new = "+++\ntitle = \"Tin mới\"\ndate = 2023-06-01\ncampaigns = [\"alpha\"]\ntags = [\"giảm nghèo\"]\n+++\nXem [tin cũ](/tin-tuc/tin-ba/#muc).\n";
    ok(edit(&mut state, "tin-tuc/tin-moi.md", Some(new)), "add");
    assert_same_as_fresh(&mut state, root, "add a record that links to the heading");

    let o = edit(&mut state, "tin-tuc/tin-ba.md", Some(&ba));
    assert!(
        o.errors.iter().any(|d| d.to_string().contains("tin-moi.md") && d.to_string().contains("muc")),
        "removing a heading breaks the anchor that links to it: {:?}",
        o.errors
    );
    let o = edit(&mut state, "tin-tuc/tin-ba.md", None);
    assert!(
        o.errors.iter().any(|d| d.to_string().contains("tin-moi.md")),
        "deleting a record breaks the links to it: {:?}",
        o.errors
    );
    ok(edit(&mut state, "tin-tuc/tin-moi.md", Some(&new.replace("(/tin-tuc/tin-ba/#muc)", "(/tin-tuc/)"))), "fix");
    assert_same_as_fresh(&mut state, root, "delete a record and fix the link to it");

    ok(edit(&mut state, "tin-tuc/_index.md", Some("+++\ntitle = \"Tin tức\"\n+++\nTin của Ban.\n")), "intro");
    assert_same_as_fresh(&mut state, root, "add a section intro");

    let about = read("gioi-thieu.md");
    ok(edit(&mut state, "gioi-thieu.md", Some(&about.replacen("title = \"", "title = \"Về ", 1))), "about");
    assert_same_as_fresh(&mut state, root, "rename the about page, which every page's menu shows");

    let o = edit(&mut state, "tin-tuc/tin-mot.md", Some("+++\ntitle = \"Trao quà\"\ndate = 2023-99-10\n+++\nx\n"));
    assert!(!o.errors.is_empty(), "broken front matter is an error");
    ok(edit(&mut state, "tin-tuc/tin-mot.md", Some(&mot.replace("Trao quà cho hộ nghèo", "Trao quà"))), "fixed");
    assert_same_as_fresh(&mut state, root, "break, then fix the front matter");
}
