//! The generator on a small fixture site: URLs, pages, relations, sorting,
//! feeds, sub-path hosting, drafts and determinism.

use super::*;

fn built() -> tempfile::TempDir {
    let site = fixture("generator/basic");
    build(site.path()).expect("the basic fixture builds");
    site
}

#[test]
fn records_are_published_at_section_slug_urls() {
    let site = built();
    let out = site.path().join("public");
    for p in [
        "index.html",
        "phong-trao/alpha/index.html",
        "phong-trao/beta/index.html",
        "dien-hinh/dieu-lam/index.html",
        "dien-hinh/dieu-lam/chan-dung.jpg",
        "dien-hinh/dieu-lam/chan-dung-480.webp",
        "tin-tuc/tin-mot/index.html",
        "van-ban/kh-263/index.html",
        "van-ban/kh-263/ke-hoach-263.pdf",
        "gioi-thieu/index.html",
        "dan-toc/xtieng/index.html",
        "dan-toc/khmer/index.html",
        "dia-ban/bu-dang/index.html",
        "nam/2023/index.html",
        "chu-de/giam-ngheo/index.html",
        "tin-tuc/trang/2/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "atom.xml",
        "phong-trao/alpha/atom.xml",
        "robots-extra.txt",
        "css/site.css",
        "tim-kiem/index.html",
    ] {
        assert!(out.join(p).is_file(), "missing {p}");
    }
}

#[test]
fn pages_are_vietnamese_and_have_landmarks() {
    let site = built();
    let doc = page(site.path(), "phong-trao/alpha/index.html");
    assert_eq!(attrs(&doc, "html", "lang"), ["vi"]);
    assert_eq!(texts(&doc, "main h1"), ["Vì người nghèo - Không để ai bị bỏ lại phía sau"]);
    for landmark in ["header", "nav", "main", "footer", "form[role=search]"] {
        assert!(!texts(&doc, landmark).is_empty(), "no {landmark}");
    }
    assert!(attrs(&doc, "link[rel=canonical]", "href")[0].ends_with("/phong-trao/alpha/"));
}

#[test]
fn campaign_page_gathers_everything() {
    let site = built();
    let doc = page(site.path(), "phong-trao/alpha/index.html");
    let facts = texts(&doc, ".facts dd");
    assert!(facts.contains(&"2021 – 2030".to_owned()), "{facts:?}");
    assert!(facts.contains(&"Chủ tịch UBND tỉnh".to_owned()));
    assert_eq!(texts(&doc, ".eyebrow .status"), ["Đang triển khai"]);
    assert_eq!(texts(&doc, ".indicator svg rect").len(), 2, "one bar per value");
    assert_eq!(texts(&doc, ".indicator tbody td"), ["640", "1.250,5"]);
    assert!(!texts(&doc, ".indicator .chart-target").is_empty());
    // documents in date order: the February plan before the September one
    assert_eq!(texts(&doc, "#s-van-ban ~ .table-wrap tbody td.c-num"), ["…/KH-BDT", "263/KH-UBND"]);
    let people = texts(&doc, ".cards-people .card-title");
    assert_eq!(people.len(), 3, "{people:?}");
    // the timeline: newest first
    assert_eq!(texts(&doc, ".timeline a"), ["Trao quà cho hộ nghèo", "Sơ kết phong trào"]);
    assert!(!texts(&doc, ".footnote-definition").is_empty(), "footnotes render");
    let feed = std::fs::read_to_string(site.path().join("public/phong-trao/alpha/atom.xml")).unwrap();
    assert!(feed.contains("<title>Trao quà cho hộ nghèo</title>"));
    assert!(feed.contains("<title>Kế hoạch tổ chức thực hiện phong trào Vì người nghèo</title>"));
}

#[test]
fn finished_campaign_status_comes_from_dates() {
    let site = built();
    let doc = page(site.path(), "phong-trao/beta/index.html");
    assert_eq!(texts(&doc, ".eyebrow .status"), ["Đã kết thúc"]);
}

#[test]
fn people_directory_groups_variants_and_sorts_by_given_name() {
    let site = built();
    let doc = page(site.path(), "dien-hinh/index.html");
    let groups = texts(&doc, ".group > h2");
    assert_eq!(groups, ["Dân tộc Khmer 1", "Dân tộc Xtiêng 3"], "S'tiêng, Stiêng and Xtiêng are one group");
    // Xtiêng group sorted by given name: Ánh (Thị Ánh), Ban Nhân dân… (collective, by title), Lâm (Điểu Lâm)
    let xtieng = texts(&doc, "#xtieng .card-title");
    assert_eq!(xtieng, ["Thị Ánh", "Ban Nhân dân ấp Bù Ka", "Điểu Lâm"]);
    let term = page(site.path(), "dan-toc/xtieng/index.html");
    assert_eq!(texts(&term, ".card-title").len(), 3);
}

#[test]
fn person_page_links_campaigns_news_and_photo() {
    let site = built();
    let doc = page(site.path(), "dien-hinh/dieu-lam/index.html");
    assert_eq!(attrs(&doc, "img.portrait", "src"), ["/dien-hinh/dieu-lam/chan-dung-600.jpg"]);
    assert_eq!(attrs(&doc, "img.portrait", "width"), ["600"]);
    assert_eq!(attrs(&doc, "img.portrait", "height"), ["750"]);
    assert_eq!(
        attrs(&doc, ".portrait-figure picture source[type='image/webp']", "srcset"),
        ["/dien-hinh/dieu-lam/chan-dung-480.webp 480w, /dien-hinh/dieu-lam/chan-dung-600.webp 600w"]
    );
    let body_img = attrs(&doc, ".prose picture img", "srcset");
    assert_eq!(body_img, ["/dien-hinh/dieu-lam/vuon-480.jpg 480w, /dien-hinh/dieu-lam/vuon-960.jpg 960w, /dien-hinh/dieu-lam/vuon-1200.jpg 1200w"]);
    assert_eq!(attrs(&doc, ".prose picture img", "alt"), ["Vườn cây của ông Điểu Lâm"]);
    assert_eq!(attrs(&doc, ".prose picture img", "loading"), ["lazy"]);
    assert_eq!(attrs(&doc, ".prose picture img", "height"), ["600"]);
    let out = site.path().join("public/dien-hinh/dieu-lam");
    for f in ["chan-dung-480.jpg", "chan-dung-480.webp", "chan-dung-600.jpg", "chan-dung-600.webp", "vuon-960.webp"] {
        assert!(out.join(f).is_file(), "{f}");
    }
    assert_eq!(attrs(&doc, "img.portrait", "alt"), ["Ông Điểu Lâm trước nhà văn hóa ấp"]);
    assert_eq!(texts(&doc, ".portrait-figure figcaption"), ["Ông Điểu Lâm tại ấp Bù Ka Ảnh: Phòng Tuyên truyền"]);
    assert!(texts(&doc, "#s-tin-lien-quan ~ .cards .card-title").contains(&"Trao quà cho hộ nghèo".to_owned()));
    assert!(texts(&doc, ".notice")[0].contains("Dữ liệu mẫu"));
    assert_eq!(attrs(&doc, ".facts a", "href")[0], "/dan-toc/xtieng/");
}

#[test]
fn document_registry_and_document_page() {
    let site = built();
    let doc = page(site.path(), "van-ban/index.html");
    assert_eq!(
        texts(&doc, "table.registry thead th"),
        ["Trích yếu", "Số ký hiệu", "Ngày ban hành", "Loại", "Hiệu lực"]
    );
    assert_eq!(texts(&doc, "table.registry tbody td.c-date"), ["16/09/2022", "02/2022"]);
    assert_eq!(texts(&doc, "table.registry tbody td.c-valid"), ["Còn hiệu lực", "Bị thay thế"]);
    let d = page(site.path(), "van-ban/kh-263/index.html");
    // Decree 30/2020: no leading zero for September, no second "ngày" under the label.
    assert!(texts(&d, ".facts dd").contains(&"16 tháng 9 năm 2022".to_owned()), "{:?}", texts(&d, ".facts dd"));
    assert!(texts(&d, ".facts dd").contains(&"Giảm nghèo".to_owned()));
    assert_eq!(attrs(&d, ".downloads a", "href"), ["/van-ban/kh-263/ke-hoach-263.pdf"]);
    let label = &texts(&d, ".downloads a")[0];
    assert!(label.starts_with("Tải văn bản (PDF, ") && label.ends_with(" B)"), "{label}");
    assert_eq!(
        attrs(&d, ".notice-info a", "href"),
        ["/van-ban/kh-bdt/"],
        "the newer document names the one it replaces"
    );
    let partial = page(site.path(), "van-ban/kh-bdt/index.html");
    assert!(texts(&partial, ".facts dd").contains(&"tháng 02 năm 2022".to_owned()));
    assert_eq!(
        attrs(&partial, ".notice-replaced a", "href"),
        ["/van-ban/kh-263/"],
        "the replaced document links its successor"
    );
}

#[test]
fn registry_filter_pages_list_exactly_the_matching_documents() {
    let site = built();
    let by_type = page(site.path(), "van-ban/loai/ke-hoach/index.html");
    assert_eq!(texts(&by_type, "table.registry tbody td.c-num"), ["263/KH-UBND", "…/KH-BDT"]);
    let by_field = page(site.path(), "van-ban/linh-vuc/giam-ngheo/index.html");
    assert_eq!(texts(&by_field, "table.registry tbody td.c-num"), ["263/KH-UBND"]);
    let by_issuer = page(site.path(), "van-ban/co-quan/ban-dan-toc/index.html");
    assert_eq!(texts(&by_issuer, "table.registry tbody td.c-num"), ["…/KH-BDT"]);
    let by_year = page(site.path(), "van-ban/nam/2022/index.html");
    assert_eq!(texts(&by_year, "table.registry tbody td.c-num").len(), 2);
    // Every filter is a plain link on the registry page.
    let all = page(site.path(), "van-ban/index.html");
    let links = attrs(&all, ".facets a", "href");
    for href in [
        "/van-ban/loai/ke-hoach/",
        "/van-ban/linh-vuc/giam-ngheo/",
        "/van-ban/co-quan/ubnd-tinh/",
        "/van-ban/nam/2022/",
    ] {
        assert!(links.contains(&href.to_owned()), "{href} in {links:?}");
    }
}

#[test]
fn sample_notice_only_on_records_that_say_so_regression_every_person_marked_fictional() {
    let site = built();
    let marked = page(site.path(), "dien-hinh/dieu-lam/index.html");
    assert_eq!(texts(&marked, ".notice").len(), 1);
    for unmarked in ["dien-hinh/thi-anh/index.html", "dien-hinh/an-binh/index.html"] {
        let doc = page(site.path(), unmarked);
        assert!(texts(&doc, ".notice").is_empty(), "{unmarked}");
        assert!(!std::fs::read_to_string(site.path().join("public").join(unmarked)).unwrap().contains("minh họa"));
    }
}

#[test]
fn every_page_has_an_og_image_and_breadcrumbs() {
    let site = fixture("generator/basic");
    std::fs::create_dir_all(site.path().join("static/img")).unwrap();
    std::fs::write(site.path().join("static/img/the.png"), b"\x89PNG").unwrap();
    let config = site.path().join("config.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("theme = \"default\"", "theme = \"default\"\ncard_image = \"/img/the.png\"");
    std::fs::write(&config, text).unwrap();
    build(site.path()).unwrap();
    for p in ["index.html", "tin-tuc/tin-mot/index.html", "van-ban/index.html", "gioi-thieu/index.html"] {
        let doc = page(site.path(), p);
        assert_eq!(attrs(&doc, "meta[property='og:image']", "content"), ["https://bdt.example.vn/img/the.png"], "{p}");
    }
    let person = page(site.path(), "dien-hinh/dieu-lam/index.html");
    assert_eq!(
        attrs(&person, "meta[property='og:image']", "content"),
        ["https://bdt.example.vn/dien-hinh/dieu-lam/chan-dung-600.jpg"]
    );
    assert_eq!(texts(&person, ".breadcrumb li"), ["Trang chủ", "Điển hình tiên tiến", "Điểu Lâm"]);
}

#[test]
fn news_is_paginated_newest_first_and_drafts_and_future_are_left_out() {
    let site = built();
    let p1 = page(site.path(), "tin-tuc/index.html");
    assert_eq!(texts(&p1, ".cards .card-title"), ["Trao quà cho hộ nghèo", "Sơ kết phong trào"]);
    assert_eq!(texts(&p1, ".card time")[0], "10/03/2023");
    let p2 = page(site.path(), "tin-tuc/trang/2/index.html");
    assert_eq!(texts(&p2, ".cards .card-title"), ["Tin cũ"]);
    let out = site.path().join("public");
    assert!(!out.join("tin-tuc/ban-nhap").exists());
    assert!(!out.join("tin-tuc/tuong-lai").exists());

    let mut o = opts(site.path());
    o.overrides.drafts = true;
    o.future = true;
    thidua::build::run(&o).unwrap();
    assert!(out.join("tin-tuc/ban-nhap/index.html").is_file());
    assert!(out.join("tin-tuc/tuong-lai/index.html").is_file());
}

#[test]
fn sub_path_base_url_prefixes_every_internal_link() {
    let site = fixture("generator/basic");
    let mut o = opts(site.path());
    o.overrides.base_url = Some("https://bdt.example.vn/portal/".into());
    thidua::build::run(&o).unwrap();
    for rel in ["index.html", "phong-trao/alpha/index.html", "dien-hinh/index.html", "tin-tuc/trang/2/index.html"] {
        let doc = page(site.path(), rel);
        for href in
            attrs(&doc, "a", "href").into_iter().chain(attrs(&doc, "link", "href")).chain(attrs(&doc, "img", "src"))
        {
            let internal = !href.starts_with("http") && !href.starts_with('#');
            assert!(!internal || href.starts_with("/portal/"), "{rel}: {href}");
        }
    }
    let doc = page(site.path(), "phong-trao/alpha/index.html");
    assert!(attrs(&doc, ".prose a", "href").contains(&"/portal/van-ban/kh-263/#noi-dung".to_owned()));
    let sitemap = std::fs::read_to_string(site.path().join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://bdt.example.vn/portal/phong-trao/alpha/</loc>"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = built();
    let first = snapshot(&site.path().join("public"));
    build(site.path()).unwrap();
    assert_eq!(first, snapshot(&site.path().join("public")));
}

#[test]
fn check_writes_nothing() {
    let site = fixture("generator/basic");
    let report = thidua::build::check(&opts(site.path())).unwrap();
    assert!(report.records > 5);
    assert_eq!(report.future.len(), 1, "check lists the future-dated record");
    assert!(!site.path().join("public").exists());
}

#[test]
fn text_is_normalised_to_nfc() {
    let site = fixture("generator/basic");
    let nfd_title = "title = \"Ngu\u{031b}o\u{031b}\u{0300}i co\u{0301} uy ti\u{0301}n\"";
    std::fs::write(
        site.path().join("content/tin-tuc/nfd.md"),
        format!("+++\n{nfd_title}\ndate = 2023-01-02\n+++\nx\n"),
    )
    .unwrap();
    build(site.path()).unwrap();
    let doc = page(site.path(), "tin-tuc/nfd/index.html");
    assert_eq!(texts(&doc, "main h1"), ["Người có uy tín"]);
}

#[test]
fn demo_portal_builds_without_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut o = opts(root);
    o.overrides.output = Some(tmp.path().join("public"));
    let report = thidua::build::run(&o).expect("the demo portal builds");
    assert!(report.records >= 66, "{}", report.records);
    let doc = Html::parse_document(
        &std::fs::read_to_string(tmp.path().join("public/phong-trao/giai-ngan-von-dau-tu-cong/index.html")).unwrap(),
    );
    assert!(!texts(&doc, ".indicator svg").is_empty());
    let css = std::fs::metadata(tmp.path().join("public/css/site.css")).unwrap().len();
    for p in snapshot(&tmp.path().join("public")).keys().filter(|p| p.extension().is_some_and(|x| x == "html")) {
        let size = std::fs::metadata(tmp.path().join("public").join(p)).unwrap().len() + css;
        assert!(size <= 60_000, "{} with its CSS is {size} bytes", p.display());
    }
}

#[test]
fn registry_is_paginated_and_so_are_its_filter_pages() {
    let site = fixture("generator/basic");
    for n in 1..=23 {
        let text = format!(
            "+++\ntitle = \"Công văn số {n}\"\nnumber = \"{n}/BDT-VP\"\ndoc_type = \"Công văn\"\nissued = \"2023-01-{:02}\"\nissuer = \"Ban Dân tộc\"\n+++\nNội dung.\n",
            n
        );
        std::fs::write(site.path().join(format!("content/van-ban/cv-{n}.md")), text).unwrap();
    }
    build(site.path()).unwrap();
    let first = page(site.path(), "van-ban/index.html");
    assert_eq!(texts(&first, "table.registry tbody tr").len(), 20);
    assert_eq!(attrs(&first, ".pagination a[rel=next]", "href"), ["/van-ban/trang/2/"]);
    let second = page(site.path(), "van-ban/trang/2/index.html");
    assert_eq!(texts(&second, "table.registry tbody tr").len(), 5, "25 documents: 20 + 5");
    let letters = page(site.path(), "van-ban/loai/cong-van/trang/2/index.html");
    assert_eq!(texts(&letters, "table.registry tbody td.c-num"), ["3/BDT-VP", "2/BDT-VP", "1/BDT-VP"]);
    assert_eq!(texts(&letters, ".breadcrumb li")[..3], ["Trang chủ", "Văn bản", "Công văn"]);
    let sitemap = std::fs::read_to_string(site.path().join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("/van-ban/loai/cong-van/trang/2/</loc>"));
}
