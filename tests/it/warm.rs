//! Warm builds: a build with nothing changed keeps the previous output, and
//! after any change of an input or any damage to the output, a warm build
//! writes exactly what a cold build of the same site writes.

use super::*;
use std::os::unix::fs::MetadataExt;

/// The basic fixture with the theme as a site folder (so templates can change).
fn site() -> tempfile::TempDir {
    let dir = fixture("generator/basic");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"), &dir.path().join("themes"));
    dir
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{rel} contains {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// A change, and whether the search index survives it.
type Edit = (&'static str, fn(&Path), bool);

/// Changes of every kind of input, applied one after the other.
const EDITS: [Edit; 6] = [
    ("one record", |r| edit(r, "content/tin-tuc/tin-ba.md", "Tin cũ.", "Tin cũ, đã sửa."), false),
    ("a template", |r| edit(r, "themes/default/templates/base.html", "<body", "<body data-sua=\"1\""), true),
    ("the config", |r| edit(r, "config.toml", "news_per_page = 2", "news_per_page = 3"), true),
    ("a deleted record", |r| std::fs::remove_file(r.join("content/tin-tuc/tin-ba.md")).expect("rm"), false),
    ("a new static file", |r| std::fs::write(r.join("static/moi.txt"), "mới").expect("write"), true),
    (
        "a glossary",
        |r| std::fs::write(r.join("glossary.toml"), "abbreviations = [[\"TB\", \"tin ba\"]]").expect("write"),
        false,
    ),
];

fn cold_build_with(edits: &[Edit]) -> BTreeMap<PathBuf, Vec<u8>> {
    let cold = site();
    for (_, e, _) in edits {
        e(cold.path());
    }
    let report = build(cold.path()).expect("cold build");
    assert!(!report.unchanged);
    snapshot(&cold.path().join("public"))
}

#[test]
fn nothing_changed_keeps_the_output_and_reports_the_same() {
    let s = site();
    let first = build(s.path()).expect("first build");
    assert!(!first.unchanged);
    let ino = |rel: &str| std::fs::metadata(s.path().join("public").join(rel)).expect("stat").ino();
    let before = (ino("index.html"), snapshot(&s.path().join("public")));
    let second = build(s.path()).expect("second build");
    assert!(second.unchanged, "nothing changed, so nothing is rebuilt");
    assert_eq!((second.records, second.pages, second.files), (first.records, first.pages, first.files));
    assert_eq!(second.warnings, first.warnings);
    assert_eq!(second.future, first.future);
    assert_eq!((ino("index.html"), snapshot(&s.path().join("public"))), before, "the same files, untouched");
    // The search index beside the output is kept too, and still answers.
    let hits = thidua::search::query(
        &thidua::search::tantivy_dir_for(&s.path().join("public")),
        "tin",
        &thidua::search::Filters::default(),
        10,
    )
    .expect("search after a kept build");
    assert!(!hits.is_empty());
    assert!(build(s.path()).expect("third build").unchanged, "searching does not count as a change");
}

#[test]
fn after_each_change_a_warm_build_equals_a_cold_build() {
    let warm = site();
    build(warm.path()).expect("first build");
    for (i, (what, e, keeps_search)) in EDITS.iter().enumerate() {
        e(warm.path());
        let report = build(warm.path()).unwrap_or_else(|err| panic!("warm build after {what}: {err}"));
        assert!(!report.unchanged, "{what} is a change");
        assert_eq!(report.search_reused, *keeps_search, "after {what}: search index kept?");
        let cold = cold_build_with(&EDITS[..=i]);
        assert!(snapshot(&warm.path().join("public")) == cold, "after {what}, warm and cold outputs differ");
        assert!(build(warm.path()).expect("again").unchanged, "after {what}, a second build keeps the output");
    }
}

#[test]
fn a_damaged_output_or_index_is_built_again() {
    let s = site();
    build(s.path()).expect("first build");
    let public = s.path().join("public");
    let good = snapshot(&public);
    let index = thidua::search::tantivy_dir_for(&public);
    type Damage<'a> = (&'static str, Box<dyn Fn() + 'a>);
    let search_file = || {
        let dir = public.join("_search");
        let first = std::fs::read_dir(&dir).expect("_search").flatten().find(|e| e.path().is_file()).expect("a file");
        first.path()
    };
    let damages: [Damage; 6] = [
        ("a page rewritten, same size", Box::new(|| edit(&public, "index.html", "<html", "<htmL"))),
        ("a file added", Box::new(|| std::fs::write(public.join("them.html"), "x").expect("write"))),
        ("a page removed", Box::new(|| std::fs::remove_file(public.join("404.html")).expect("rm"))),
        ("a folder added", Box::new(|| std::fs::create_dir(public.join("rong")).expect("mkdir"))),
        ("the search index removed", Box::new(|| std::fs::remove_dir_all(&index).expect("rm index"))),
        (
            "a search file rewritten",
            Box::new(|| {
                let p = search_file();
                let mut bytes = std::fs::read(&p).expect("read");
                bytes[0] ^= 1;
                std::fs::write(&p, bytes).expect("write");
            }),
        ),
    ];
    for (i, (what, damage)) in damages.iter().enumerate() {
        damage();
        // The output is checked, not trusted: a damaged output is built again.
        let report = build(s.path()).unwrap_or_else(|err| panic!("build after {what}: {err}"));
        assert!(!report.unchanged, "{what}: the output is built again");
        assert!(snapshot(&public) == good, "{what}: the output is whole again");
        assert!(index.is_dir(), "{what}: the index is there");
        // A change that leaves the search documents as they were (an empty
        // tag list) keeps the search index, unless its files were damaged.
        damage();
        edit(s.path(), "content/tin-tuc/tin-ba.md", "+++\ntitle", "+++\ntags = []\ntitle");
        let report = build(s.path()).unwrap_or_else(|err| panic!("build after {what} and an edit: {err}"));
        edit(s.path(), "content/tin-tuc/tin-ba.md", "+++\ntags = []\ntitle", "+++\ntitle");
        assert_eq!(report.search_reused, i < 4, "{what}: search index kept only when intact");
        assert!(snapshot(&public) == good, "{what} and an edit: the output is whole again");
        build(s.path()).expect("back");
    }
}

#[test]
fn a_failed_build_keeps_the_output_and_the_next_good_one_rebuilds() {
    let s = site();
    build(s.path()).expect("first build");
    let good = snapshot(&s.path().join("public"));
    edit(s.path(), "content/tin-tuc/tin-ba.md", "title = \"Tin cũ\"", "title = ");
    assert!(build(s.path()).is_err());
    assert!(snapshot(&s.path().join("public")) == good, "the failed build left the output alone");
    edit(s.path(), "content/tin-tuc/tin-ba.md", "title = ", "title = \"Tin cũ\"");
    let report = build(s.path()).expect("fixed");
    assert!(snapshot(&s.path().join("public")) == good);
    assert_eq!(report.records, build(s.path()).expect("again").records);
}
