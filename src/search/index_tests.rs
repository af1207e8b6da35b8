//! Index and query tests on a small set of records.

use super::*;
use query::Mode;

fn doc(url: &str, kind: &str, title: &str, body: &str) -> SearchDoc {
    SearchDoc {
        url: url.to_string(),
        title: title.to_string(),
        kind: kind.to_string(),
        body: body.to_string(),
        ..SearchDoc::default()
    }
}

fn docs() -> Vec<SearchDoc> {
    let mut plan = doc(
        "/van-ban/ke-hoach-263/",
        "document",
        "Kế hoạch tổ chức phong trào thi đua năm 2022",
        "Ủy ban nhân dân tỉnh ban hành kế hoạch; khen thưởng 1.000 người.",
    );
    plan.number = Some("263/KH-UBND".to_string());
    plan.year = Some(2022);
    let mut person = doc(
        "/dien-hinh/dieu-thi-lan/",
        "person",
        "Điểu Thị Lan",
        "Bà là người có uy tín trong đồng bào S'tiêng ở xã Đồng Nai.",
    );
    person.names = vec!["Người có uy tín".to_string()];
    person.ethnicity = Some(("xtieng".to_string(), "Xtiêng".to_string()));
    person.district = Some(("bu-dang".to_string(), "Bù Đăng".to_string()));
    vec![
        plan,
        person,
        doc(
            "/tin-tuc/uy-ban/",
            "news",
            "Ủy ban họp bàn về tín dụng",
            "Ủy ban nhân dân huyện họp về chính sách tín dụng cho hộ nghèo.",
        ),
        doc(
            "/tin-tuc/tien-tien/",
            "news",
            "Biểu dương điển hình tiên tiến",
            "Các điển hình tiên tiến trong vùng dân tộc thiểu số được khen.",
        ),
        doc(
            "/tin-tuc/tien-von/",
            "news",
            "Giải ngân tiền vốn đầu tư",
            "Tiền vốn cho đồng bào DTTS được giải ngân sớm. Hoà thuận.",
        ),
        doc("/gioi-thieu/", "page", "Giới thiệu", "Ban Dân tộc tỉnh, hòa hợp; quý khách."),
    ]
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    export: SearchExport,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    let export = build(docs(), &Glossary::default_theme().unwrap(), &path).unwrap();
    Fixture { _dir: dir, path, export }
}

fn urls(f: &Fixture, q: &str) -> Vec<String> {
    query(&f.path, q, &Filters::default(), 10).unwrap().into_iter().map(|h| h.url).collect()
}

#[test]
fn no_diacritic_queries_find_diacritic_text() {
    let f = fixture();
    assert_eq!(urls(&f, "nguoi co uy tin")[0], "/dien-hinh/dieu-thi-lan/");
    assert_eq!(urls(&f, "dien hinh tien tien")[0], "/tin-tuc/tien-tien/");
    assert!(urls(&f, "dong bao").contains(&"/tin-tuc/tien-von/".to_string()));
}

#[test]
fn exact_diacritics_rank_first() {
    let f = fixture();
    assert_eq!(urls(&f, "tiến")[0], "/tin-tuc/tien-tien/");
    assert_eq!(urls(&f, "tiền")[0], "/tin-tuc/tien-von/");
}

#[test]
fn adjacent_words_outrank_scattered_ones() {
    let f = fixture();
    let got = urls(&f, "uy tín");
    assert_eq!(got[0], "/dien-hinh/dieu-thi-lan/", "{got:?}");
    assert!(got.contains(&"/tin-tuc/uy-ban/".to_string()));
}

#[test]
fn quoted_phrases_match_exactly() {
    let f = fixture();
    assert_eq!(urls(&f, "\"uy tín\""), ["/dien-hinh/dieu-thi-lan/"]);
    assert!(urls(&f, "\"tín uy\"").is_empty());
}

#[test]
fn glossary_works_both_ways() {
    let f = fixture();
    let dtts = urls(&f, "DTTS");
    assert!(dtts.contains(&"/tin-tuc/tien-tien/".to_string()), "{dtts:?}");
    assert!(dtts.contains(&"/tin-tuc/tien-von/".to_string()));
    assert!(urls(&f, "dân tộc thiểu số").contains(&"/tin-tuc/tien-von/".to_string()));
    assert_eq!(urls(&f, "Xtiêng"), ["/dien-hinh/dieu-thi-lan/"]);
    assert_eq!(urls(&f, "stieng"), ["/dien-hinh/dieu-thi-lan/"]);
}

#[test]
fn document_numbers_whole_and_by_parts() {
    let f = fixture();
    for q in ["263/KH-UBND", "263/kh-ubnd", "263", "kh-ubnd 263"] {
        assert_eq!(urls(&f, q)[0], "/van-ban/ke-hoach-263/", "{q}");
    }
    assert_eq!(urls(&f, "1000"), ["/van-ban/ke-hoach-263/"]);
    assert_eq!(urls(&f, "1.000"), ["/van-ban/ke-hoach-263/"]);
}

#[test]
fn tone_placement_is_one_word() {
    let f = fixture();
    let a = urls(&f, "hòa");
    assert_eq!(a, urls(&f, "hoà"));
    assert_eq!(a.len(), 2);
    assert_eq!(urls(&f, "quý"), ["/gioi-thieu/"]);
}

#[test]
fn one_typo_is_forgiven_but_not_two() {
    let f = fixture();
    assert_eq!(urls(&f, "nguoj co uy tin")[0], "/dien-hinh/dieu-thi-lan/");
    assert!(urls(&f, "ngxoj").is_empty());
}

#[test]
fn no_prefix_matching_unless_typing() {
    let f = fixture();
    assert!(urls(&f, "ho").iter().all(|u| u != "/van-ban/ke-hoach-263/"));
    let (index, glossary) = index::open(&f.path).unwrap();
    let view = view::IndexView::new(&index, &f.path).unwrap();
    // The record's missing words, or None when it is no hit.
    let typing = |q: &str| -> Option<Vec<String>> {
        hits::run(&view, &glossary, q, &Filters::default(), 10, Mode::Typing)
            .unwrap()
            .into_iter()
            .find(|h| h.url == "/van-ban/ke-hoach-263/")
            .map(|h| h.missing)
    };
    assert_eq!(typing("ke hoa"), Some(vec![]), "hoa… completes to hoach while typing");
    // Found, if at all, only as lacking the word: a prefix under 3 letters or one ended by a space matches nothing.
    assert!(typing("ke ho").is_none_or(|m| m == ["ho"]));
    assert!(typing("ke hoa ").is_none_or(|m| m == ["hoa"]));
}

#[test]
fn filters_restrict_hits() {
    let f = fixture();
    let with = |filters: Filters| -> Vec<String> {
        query(&f.path, "uy tin", &filters, 10).unwrap().into_iter().map(|h| h.url).collect()
    };
    assert_eq!(with(Filters { kind: Some("news".into()), ..Filters::default() }), ["/tin-tuc/uy-ban/"]);
    assert_eq!(with(Filters { ethnicity: Some("S'tiêng".into()), ..Filters::default() }), ["/dien-hinh/dieu-thi-lan/"]);
    assert_eq!(with(Filters { district: Some("Bù Đăng".into()), ..Filters::default() }), ["/dien-hinh/dieu-thi-lan/"]);
    assert!(with(Filters { year: Some(1999), ..Filters::default() }).is_empty());
}

#[test]
fn bad_input_gives_clear_answers() {
    let f = fixture();
    assert!(urls(&f, "").is_empty());
    assert!(urls(&f, "!!! ... ???").is_empty());
    assert!(urls(&f, "<script>alert(1)</script>").is_empty());
    let long = "người ".repeat(2_000);
    assert!(query(&f.path, &long, &Filters::default(), 10).is_ok());
    assert_eq!(urls(&f, "\"uy tín")[0], "/dien-hinh/dieu-thi-lan/");
}

#[test]
fn excerpts_carry_highlights_not_html() {
    let f = fixture();
    let hits = query(&f.path, "uy tín", &Filters::default(), 10).unwrap();
    let h = &hits[0];
    assert!(!h.excerpt.contains('<'));
    let chars: Vec<char> = h.excerpt.chars().collect();
    let marked: Vec<String> = h.highlights.iter().map(|&(a, b)| chars[a..b].iter().collect()).collect();
    assert!(marked.contains(&"uy".to_string()) && marked.contains(&"tín".to_string()), "{marked:?}");
}

#[test]
fn export_is_deterministic_and_hashed() {
    let a = fixture();
    let b = fixture();
    assert_eq!(a.export.files, b.export.files);
    assert_eq!(a.export.entry, b.export.entry);
    assert!(a.export.entry.starts_with("/_search/meta."));
    for (path, bytes) in &a.export.files {
        // The entry and the facets are named by their own hash; numbered files by their group's.
        let name = path.rsplit('/').next().unwrap_or_default();
        let parts: Vec<&str> = name.split('.').collect();
        match parts.as_slice() {
            [_, hash, "json"] => assert_eq!(*hash, export::content_hash(bytes), "{path}"),
            [_, n, hash, "json"] => {
                assert!(n.parse::<usize>().is_ok() && hash.len() == export::SHORT_HASH, "{path}")
            }
            _ => panic!("{path}"),
        }
    }
    let meta: serde_json::Value =
        serde_json::from_slice(&index_file(&a.export, &a.export.entry[export::DIR.len() + 2..])).unwrap();
    assert_eq!(meta["records"], 6);
}

/// The files of one index, by name inside `_search/`.
fn index_file(export: &SearchExport, name: &str) -> Vec<u8> {
    let path = format!("{}/{name}", export::DIR);
    export.files.iter().find(|(p, _)| *p == path).map(|(_, b)| b.clone()).unwrap_or_else(|| panic!("{path}"))
}

#[test]
fn the_index_files_read_back_as_their_types_with_the_same_bytes() {
    use export::format::{Facets, Meta, StoreRecord};
    use export::{GROUP, SHORT_HASH};
    let f = fixture();
    let meta_bytes = index_file(&f.export, &f.export.entry[export::DIR.len() + 2..]);
    let meta: Meta = serde_json::from_slice(&meta_bytes).unwrap();
    // The types write what they read: fields in the files' own (alphabetical) order.
    assert_eq!(serde_json::to_vec(&meta).unwrap(), meta_bytes);
    let as_tree: serde_json::Value = serde_json::from_slice(&meta_bytes).unwrap();
    assert_eq!(serde_json::to_vec(&as_tree).unwrap(), meta_bytes, "keys in serde_json's map order");
    assert_eq!((meta.format, meta.records, meta.params.max_slots), (export::FORMAT, 6, query::MAX_SLOTS));
    assert!(meta.vocab.windows(2).all(|w| w[0] < w[1]), "{:?}", meta.vocab);
    let facet_bytes = index_file(&f.export, &meta.facets);
    let facets: Facets = serde_json::from_slice(&facet_bytes).unwrap();
    assert_eq!(serde_json::to_vec(&facets).unwrap(), facet_bytes);
    assert_eq!(facets.cols.kind.len(), 6, "one kind code a record");
    // Every bucket the meta file names is there, and holds strings.
    let named = |prefix: &str, hashes: &str, n: usize, group: usize| {
        format!("{prefix}.{n}.{}.json", &hashes[n / group * SHORT_HASH..][..SHORT_HASH])
    };
    for (prefix, class) in &meta.terms {
        assert_eq!(class.buckets.len(), class.count.div_ceil(GROUP) * SHORT_HASH, "{prefix}");
        for n in 0..class.count {
            let bucket: std::collections::BTreeMap<String, String> =
                serde_json::from_slice(&index_file(&f.export, &named(prefix, &class.buckets, n, GROUP))).unwrap();
            assert!(bucket.keys().all(|k| fnv1a_bucket(k, class.count) == n), "{prefix}.{n}: {bucket:?}");
        }
    }
    let chunks = meta.records.div_ceil(meta.store.chunk);
    let mut urls: Vec<String> = (0..chunks)
        .flat_map(|n| {
            let chunk: Vec<StoreRecord> =
                serde_json::from_slice(&index_file(&f.export, &named("d", &meta.store.files, n, meta.store.group)))
                    .unwrap();
            chunk.into_iter().map(|r| r.url)
        })
        .collect();
    let mut want: Vec<String> = docs().into_iter().map(|d| d.url).collect();
    urls.sort();
    want.sort();
    assert_eq!(urls, want);
}

fn fnv1a_bucket(key: &str, count: usize) -> usize {
    export::fnv1a(key) as usize % count
}

#[test]
fn missing_index_says_build_first() {
    let dir = tempfile::tempdir().unwrap();
    let err = query(&dir.path().join("nope"), "x", &Filters::default(), 5).unwrap_err();
    assert!(err.to_string().contains("thidua build"), "{err}");
}

#[test]
fn a_glossary_span_stands_for_the_pairs_inside_it() {
    let glossary = Glossary::default_theme().unwrap();
    let mut analyzer = analyzer::analyzer(&glossary);
    let plan = query::parse(&mut analyzer, "dân tộc thiểu số");
    assert!(plan.pair_slots().is_empty(), "{plan:?}");
    let plan = query::parse(&mut analyzer, "đồng bào dân tộc thiểu số");
    assert_eq!(plan.pair_slots(), [0, 1]);
    // Spelled out or abbreviated, the words count as side by side.
    let f = fixture();
    let hits = query(&f.path, "dân tộc thiểu số", &Filters::default(), 10).unwrap();
    for url in ["/tin-tuc/tien-tien/", "/tin-tuc/tien-von/"] {
        let hit = hits.iter().find(|h| h.url == url).unwrap_or_else(|| panic!("{url}: {hits:?}"));
        assert!(hit.score >= 3 * query::PROXIMITY, "{url}: {}", hit.score);
    }
}

#[test]
fn an_exact_form_scores_as_its_word_where_it_is_written() {
    let f = fixture();
    let (index, _) = index::open(&f.path).unwrap();
    let view = view::IndexView::new(&index, &f.path).unwrap();
    let word = view.postings("tien").unwrap();
    let exact = view.postings("=tiền").unwrap();
    assert!(!exact.is_empty() && exact.len() < word.len(), "{exact:?} {word:?}");
    assert!(exact.iter().all(|p| word.contains(p)), "{exact:?} {word:?}");
}

#[test]
fn an_index_of_another_schema_asks_for_a_new_build() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    std::fs::create_dir_all(&path).unwrap();
    let mut b = tantivy::schema::Schema::builder();
    b.add_text_field("title", tantivy::schema::TEXT);
    tantivy::Index::create_in_dir(&path, b.build()).unwrap();
    std::fs::write(path.join("thidua-glossary.json"), "[]").unwrap();
    let err = query(&path, "x", &Filters::default(), 5).unwrap_err();
    let other_version = crate::t!("search-err-other-version");
    assert!(matches!(&err, SearchError::Damaged { message, .. } if *message == other_version), "{err}");
    assert!(err.to_string().contains("thidua build"), "{err}");
}
