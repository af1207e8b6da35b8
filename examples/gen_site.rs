//! A synthetic portal of N records for benchmarks, in thidua's format and,
//! optionally, the same content as a Hugo site.
//!
//! ```sh
//! cargo run --release --example gen_site -- --records 10000 --out /tmp/site [--hugo /tmp/hugo-site]
//! ```
//!
//! The content is recombined from the demo portal (`content/**/*.md`, read at
//! run time): bodies keep the block structure of a demo record of the same
//! kind (headings, paragraphs, lists, tables) with every block drawn from the
//! pool of that kind, so lengths and vocabulary are the demo's. Front-matter
//! values (tags, ethnicities, districts, roles, awards, issuers…) are drawn
//! from the demo's occurrences, so their spread follows the demo. Proportions:
//! 3% campaigns, 25% people, 50% news, 22% documents. Every cross-reference
//! (campaign and person slugs, body links) points at a generated record, so
//! `thidua check` reports no errors. A seeded PRNG makes the output a
//! function of N (and `--seed`) only.
//!
//! With `--hugo DIR` the same records (same Markdown bodies, same values) are
//! written as a Hugo site with a minimal theme that makes comparable pages:
//! home, section lists (news paginated by 10), one page per record (a
//! campaign's page lists its people, news and documents), and taxonomies for
//! ethnicity, district, year and tag with their term lists. Pagefind indexes
//! the record pages only (`data-pagefind-body`), with the same filters as
//! thidua's search.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use thidua::text::slugify;

/// splitmix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Campaign,
    Person,
    News,
    Document,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Campaign, Kind::Person, Kind::News, Kind::Document];
    fn section(self) -> &'static str {
        match self {
            Kind::Campaign => "phong-trao",
            Kind::Person => "dien-hinh",
            Kind::News => "tin-tuc",
            Kind::Document => "van-ban",
        }
    }
    fn of_section(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.section() == s)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Block {
    Heading,
    List,
    Table,
    Para,
}

/// What the demo offers for one kind.
#[derive(Default)]
struct Pool {
    /// Block shapes of each demo body.
    shapes: Vec<Vec<Block>>,
    headings: Vec<String>,
    paras: Vec<String>,
    lists: Vec<String>,
    tables: Vec<String>,
    titles: Vec<String>,
    /// Every string value of a front-matter key (lists flattened), with repeats.
    values: BTreeMap<String, Vec<String>>,
    indicators: Vec<(String, String, Option<f64>)>,
}

impl Pool {
    fn blocks(&self, b: Block) -> &[String] {
        match b {
            Block::Heading => &self.headings,
            Block::List => &self.lists,
            Block::Table => &self.tables,
            Block::Para => &self.paras,
        }
    }
    fn value(&self, rng: &mut Rng, key: &str, fallback: &str) -> String {
        match self.values.get(key) {
            Some(v) if !v.is_empty() => rng.pick(v).clone(),
            _ => fallback.to_string(),
        }
    }
}

struct Demo {
    pools: BTreeMap<Kind, Pool>,
    photo: Vec<u8>,
    pdf: Vec<u8>,
}

fn split_front(text: &str) -> Option<(bool, &str, &str)> {
    for (delim, toml) in [("+++", true), ("---", false)] {
        if let Some(rest) = text.strip_prefix(delim) {
            let end = rest.find(&format!("\n{delim}"))?;
            let body = &rest[end + 1 + delim.len()..];
            return Some((toml, &rest[..end], body));
        }
    }
    None
}

/// Removes what cannot be moved to another record: links (kept as their
/// text), explicit heading ids, footnote references, images, raw HTML.
fn clean(block: &str) -> Option<String> {
    if block.contains("[^") || block.contains("![") || block.contains('<') || block.starts_with("```") {
        return None;
    }
    let mut out = String::with_capacity(block.len());
    let mut rest = block;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else { break };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else { break };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    if let Some(i) = out.find(" {#") {
        out.truncate(i);
    }
    Some(out.trim().to_string())
}

fn classify(block: &str) -> Block {
    let first = block.trim_start();
    if first.starts_with('#') {
        Block::Heading
    } else if first.starts_with('|') {
        Block::Table
    } else if first.starts_with("- ")
        || first.starts_with("* ")
        || first.chars().next().is_some_and(|c| c.is_ascii_digit()) && first.contains(". ") && first.lines().count() > 1
    {
        Block::List
    } else {
        Block::Para
    }
}

fn collect_values(pool: &mut Pool, front: &serde_json::Value) {
    let Some(map) = front.as_object() else { return };
    for (k, v) in map {
        let strings: Vec<String> = match v {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
            _ => vec![],
        };
        pool.values.entry(k.clone()).or_default().extend(strings);
    }
    if let Some(serde_json::Value::String(t)) = map.get("title") {
        pool.titles.push(t.clone());
    }
    if let Some(serde_json::Value::Array(inds)) = map.get("indicators") {
        for i in inds {
            let name = i.get("name").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            let unit = i.get("unit").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            pool.indicators.push((name, unit, i.get("target").and_then(|v| v.as_f64())));
        }
    }
}

fn read_demo(dir: &Path) -> Demo {
    let mut files: Vec<PathBuf> = walk(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    files.sort();
    let mut pools: BTreeMap<Kind, Pool> = BTreeMap::new();
    let (mut photo, mut pdf) = (Vec::new(), Vec::new());
    for p in walk(dir) {
        match p.extension().and_then(|e| e.to_str()) {
            Some("jpg") if photo.is_empty() => photo = fs::read(&p).expect("read photo"),
            Some("pdf") if pdf.is_empty() => pdf = fs::read(&p).expect("read pdf"),
            _ => {}
        }
    }
    for path in files {
        let rel = path.strip_prefix(dir).unwrap();
        let Some(kind) = rel.components().next().and_then(|c| Kind::of_section(&c.as_os_str().to_string_lossy()))
        else {
            continue;
        };
        if path.file_name().is_some_and(|n| n == "_index.md") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read demo file");
        let Some((is_toml, front, body)) = split_front(&text) else { continue };
        let front: serde_json::Value = if is_toml {
            toml::from_str(front).unwrap_or(serde_json::Value::Null)
        } else {
            serde_norway::from_str(front).unwrap_or(serde_json::Value::Null)
        };
        let pool = pools.entry(kind).or_default();
        collect_values(pool, &front);
        let mut shape = Vec::new();
        for raw in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            let Some(block) = clean(raw) else { continue };
            if block.is_empty() {
                continue;
            }
            let b = classify(&block);
            shape.push(b);
            match b {
                Block::Heading => pool.headings.push(block),
                Block::List => pool.lists.push(block),
                Block::Table => pool.tables.push(block),
                Block::Para => pool.paras.push(block),
            }
        }
        if !shape.is_empty() {
            pool.shapes.push(shape);
        }
    }
    Demo { pools, photo, pdf }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// One planned record: enough to be referenced before it is written.
struct Plan {
    kind: Kind,
    slug: String,
    title: String,
    year: i64,
    folder: bool,
}

/// One generated record, rendered for both tools from the same values.
struct Rec {
    kind: Kind,
    slug: String,
    folder: bool,
    /// (key, TOML value) in order, shared by both front matters.
    fields: Vec<(&'static str, String)>,
    /// Taxonomy values for Hugo: (taxonomy, terms).
    taxa: Vec<(&'static str, Vec<String>)>,
    /// Extra Hugo-only values (the kind, for the theme).
    campaigns: Vec<String>,
    body: String,
    files: Vec<(&'static str, bool)>,
}

fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn qlist(v: &[String]) -> String {
    format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "))
}

fn date(rng: &mut Rng, year: i64) -> String {
    format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28))
}

fn replace_years(s: &str, year: i64) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let is_year = i + 4 <= b.len()
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (b[i] == b'1' || b[i] == b'2')
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit());
        if is_year {
            out.push_str(&year.to_string());
            i += 4;
        } else {
            let c = s[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

struct Gen<'a> {
    demo: &'a Demo,
    rng: Rng,
    slugs: HashSet<String>,
}

impl<'a> Gen<'a> {
    fn pool(&self, k: Kind) -> &'a Pool {
        let demo: &'a Demo = self.demo;
        &demo.pools[&k]
    }

    fn unique(&mut self, base: &str) -> String {
        // Long titles make long slugs: keep whole words up to 60 characters.
        let mut base = base.to_string();
        while base.len() > 60 {
            match base.rfind('-') {
                Some(i) => base.truncate(i),
                None => base.truncate(60),
            }
        }
        if self.slugs.insert(base.clone()) {
            return base;
        }
        let mut n = 2;
        loop {
            let s = format!("{base}-{n}");
            if self.slugs.insert(s.clone()) {
                return s;
            }
            n += 1;
        }
    }

    fn person_name(&mut self) -> String {
        let titles = &self.demo.pools[&Kind::Person].titles;
        let individuals: Vec<&String> = titles.iter().filter(|t| t.split_whitespace().count() <= 4).collect();
        let a = individuals[self.rng.below(individuals.len())];
        let b = individuals[self.rng.below(individuals.len())];
        let first = a.split_whitespace().next().unwrap_or("Nguyễn");
        let rest: Vec<&str> = b.split_whitespace().skip(1).collect();
        if rest.is_empty() {
            first.to_string()
        } else {
            format!("{first} {}", rest.join(" "))
        }
    }

    fn plan(&mut self, kind: Kind, i: usize) -> Plan {
        let year = self.rng.range(2015, 2025);
        let (title, base) = match kind {
            Kind::Person if self.rng.chance(80) => {
                let name = self.person_name();
                let base = slugify(&name);
                (name, base)
            }
            Kind::Document => {
                let t = replace_years(self.rng.pick::<String>(&self.demo.pools[&kind].titles), year);
                let num = 1 + i % 900;
                let base = format!("{}-{num}-{year}", slugify(&t).split('-').take(4).collect::<Vec<_>>().join("-"));
                (t, base)
            }
            _ => {
                let t = replace_years(self.rng.pick::<String>(&self.demo.pools[&kind].titles), year);
                let base = slugify(&t);
                (t, base)
            }
        };
        let slug = self.unique(&base);
        let folder = matches!(kind, Kind::Person | Kind::Document | Kind::News) && self.rng.chance(8);
        Plan { kind, slug, title, year, folder }
    }

    fn body(&mut self, kind: Kind, links: &[(String, String)]) -> String {
        let pool = self.pool(kind);
        let shape = self.rng.pick(&pool.shapes).clone();
        let mut out = String::new();
        let mut para_count = 0;
        for b in shape {
            let choices = self.demo.pools[&kind].blocks(b);
            let choices = if choices.is_empty() { &self.demo.pools[&kind].paras } else { choices };
            let block = self.rng.pick(choices).clone();
            out.push_str(&block);
            out.push_str("\n\n");
            if b == Block::Para {
                para_count += 1;
                if para_count == 1 && !links.is_empty() {
                    let (href, text) = &links[self.rng.below(links.len())];
                    out += &format!("Xem thêm: [{text}]({href}).\n\n");
                }
            }
        }
        out
    }

    fn pick_refs(&mut self, from: &[usize], max: usize) -> Vec<usize> {
        let n = self.rng.below(max + 1);
        let mut out: Vec<usize> = Vec::new();
        for _ in 0..n {
            if from.is_empty() {
                break;
            }
            let r = *self.rng.pick(from);
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    fn record(&mut self, p: &Plan, plans: &[Plan], campaigns: &[usize], people: &[usize]) -> Rec {
        let pool_kind = p.kind;
        let mut f: Vec<(&'static str, String)> =
            vec![("title", q(&p.title)), ("date", q(&date(&mut self.rng, p.year)))];
        let summaries = self.pool(pool_kind).values.get("summary").cloned().unwrap_or_default();
        if !summaries.is_empty() {
            f.push(("summary", q(&replace_years(self.rng.pick::<String>(&summaries), p.year))));
        }
        let tags: Vec<String> = {
            let all = self.pool(pool_kind).values.get("tags").cloned().unwrap_or_default();
            let n = self.rng.range(1, 3) as usize;
            let mut t: Vec<String> = Vec::new();
            for _ in 0..n {
                if all.is_empty() {
                    break;
                }
                let x = self.rng.pick(&all).clone();
                if !t.contains(&x) {
                    t.push(x);
                }
            }
            t
        };
        f.push(("tags", qlist(&tags)));
        let mut taxa: Vec<(&'static str, Vec<String>)> =
            vec![("tags", tags.clone()), ("nam", vec![p.year.to_string()])];
        let mut links: Vec<(String, String)> = Vec::new();
        let mut camp_refs: Vec<String> = Vec::new();
        let mut files: Vec<(&'static str, bool)> = Vec::new();
        match p.kind {
            Kind::Campaign => {
                let end = (p.year + self.rng.range(0, 4)).min(2025);
                f.push(("start", p.year.to_string()));
                f.push(("end", end.to_string()));
                for key in ["launched_by", "level", "theme"] {
                    let v = self.pool(pool_kind).value(&mut self.rng, key, "Cấp tỉnh");
                    f.push((key, q(&v)));
                }
                let inds = self.pool(pool_kind).indicators.clone();
                let mut ind_text = String::new();
                for _ in 0..self.rng.range(0, 3) {
                    if inds.is_empty() {
                        break;
                    }
                    let (name, unit, target) = self.rng.pick(&inds).clone();
                    ind_text += &format!("\n[[indicators]]\nname = {}\nunit = {}\n", q(&name), q(&unit));
                    if let Some(t) = target {
                        ind_text += &format!("target = {t}\n");
                    }
                    let base = target.unwrap_or(100.0).max(1.0);
                    let vals: Vec<String> = (p.year..=end)
                        .map(|y| {
                            let v = (base * (self.rng.range(40, 115) as f64) / 100.0 * 10.0).round() / 10.0;
                            format!("{{ period = \"{y}\", value = {v} }}")
                        })
                        .collect();
                    ind_text += &format!("values = [ {} ]\n", vals.join(", "));
                }
                if !ind_text.is_empty() {
                    f.push(("__tables", ind_text));
                }
            }
            Kind::Person => {
                let collective = p.title.split_whitespace().count() > 4 || !p.title.contains(' ');
                f.push(("kind", q(if collective { "tap-the" } else { "ca-nhan" })));
                let eth = self.pool(pool_kind).value(&mut self.rng, "ethnicity", "Xtiêng");
                let dist = self.pool(pool_kind).value(&mut self.rng, "district", "Bù Đăng");
                for (key, v) in [("ethnicity", eth.clone()), ("district", dist.clone())] {
                    f.push((key, q(&v)));
                }
                for key in ["role", "commune", "award"] {
                    let v = self.pool(pool_kind).value(&mut self.rng, key, "");
                    if !v.is_empty() {
                        f.push((key, q(&v)));
                    }
                }
                f.push(("year", p.year.to_string()));
                taxa.push(("dan-toc", vec![eth]));
                taxa.push(("dia-ban", vec![dist]));
                let refs = self.pick_refs(campaigns, 2);
                camp_refs = refs.iter().map(|&c| plans[c].slug.clone()).collect();
                if p.folder {
                    f.push(("photo", q("chan-dung.jpg")));
                    files.push(("chan-dung.jpg", true));
                }
            }
            Kind::News => {
                let v = self.pool(pool_kind).value(&mut self.rng, "author", "Ban Dân tộc");
                f.push(("author", q(&v)));
                let refs = self.pick_refs(campaigns, 2);
                camp_refs = refs.iter().map(|&c| plans[c].slug.clone()).collect();
                let ppl = self.pick_refs(people, 3);
                let ppl_slugs: Vec<String> = ppl.iter().map(|&i| plans[i].slug.clone()).collect();
                if !ppl_slugs.is_empty() {
                    f.push(("people", qlist(&ppl_slugs)));
                }
                links.extend(ppl.iter().map(|&i| (format!("/dien-hinh/{}/", plans[i].slug), plans[i].title.clone())));
            }
            Kind::Document => {
                let types = ["KH-UBND", "KH-BDT", "QĐ-UBND", "QĐ-BDT", "BC-BDT", "CT-UBND"];
                let num = format!("{}/{}", self.rng.range(1, 999), self.rng.pick(&types));
                f.push(("number", q(&num)));
                for key in ["doc_type", "issuer", "signer"] {
                    let v = self.pool(pool_kind).value(&mut self.rng, key, "");
                    if !v.is_empty() {
                        f.push((key, q(&v)));
                    }
                }
                let issued = if self.rng.chance(5) { format!("{}", p.year) } else { date(&mut self.rng, p.year) };
                f.push(("issued", q(&issued)));
                let refs = self.pick_refs(campaigns, 1);
                camp_refs = refs.iter().map(|&c| plans[c].slug.clone()).collect();
                if p.folder {
                    f.push(("attachments", qlist(&["van-ban.pdf".to_string()])));
                    files.push(("van-ban.pdf", false));
                }
            }
        }
        if !camp_refs.is_empty() {
            f.push(("campaigns", qlist(&camp_refs)));
            links.extend(camp_refs.iter().map(|s| {
                let t = plans.iter().find(|x| x.kind == Kind::Campaign && &x.slug == s).map(|x| x.title.clone());
                (format!("/phong-trao/{s}/"), t.unwrap_or_default())
            }));
        }
        let body = self.body(p.kind, &links);
        Rec { kind: p.kind, slug: p.slug.clone(), folder: p.folder, fields: f, taxa, campaigns: camp_refs, body, files }
    }
}

fn record_path(root: &Path, r: &Rec) -> PathBuf {
    let dir = root.join("content").join(r.kind.section());
    if r.folder {
        dir.join(&r.slug).join("index.md")
    } else {
        dir.join(format!("{}.md", r.slug))
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn write_thidua(root: &Path, r: &Rec, demo: &Demo) {
    let mut s = String::from("+++\n");
    let mut tables = String::new();
    for (k, v) in &r.fields {
        if *k == "__tables" {
            tables.push_str(v);
        } else {
            s += &format!("{k} = {v}\n");
        }
    }
    finish_record(root, r, demo, s, &tables);
}

/// Closes the front matter (tables last), adds the body, and writes the record
/// with its files beside it.
fn finish_record(root: &Path, r: &Rec, demo: &Demo, mut s: String, tables: &str) {
    s.push_str(tables);
    s.push_str("+++\n\n");
    s.push_str(&r.body);
    let path = record_path(root, r);
    write(&path, s.as_bytes());
    for (name, photo) in &r.files {
        write(&path.with_file_name(name), if *photo { &demo.photo } else { &demo.pdf });
    }
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Campaign => "phong trào",
        Kind::Person => "điển hình",
        Kind::News => "tin tức",
        Kind::Document => "văn bản",
    }
}

fn write_hugo(root: &Path, r: &Rec, demo: &Demo) {
    // Hugo 0.111 (Debian) keeps custom front-matter keys at the top level;
    // `kind` is renamed because Hugo pages have a kind of their own.
    let mut s = String::from("+++\n");
    let mut tables = String::new();
    for (k, v) in &r.fields {
        match *k {
            "tags" => {}
            "kind" => s += &format!("person_kind = {v}\n"),
            "__tables" => tables.push_str(v),
            _ => s += &format!("{k} = {v}\n"),
        }
    }
    for (tax, terms) in &r.taxa {
        let tax = if *tax == "tags" { "chu-de" } else { tax };
        s += &format!("{tax} = {}\n", qlist(terms));
    }
    if !r.campaigns.is_empty() {
        s += &format!("lien-quan = {}\n", qlist(&r.campaigns));
    }
    s += &format!("loai = {}\n", q(kind_name(r.kind)));
    finish_record(root, r, demo, s, &tables);
}

const THIDUA_CONFIG: &str = r#"[site]
title = "Ban Dân tộc tỉnh Bình Phước"
description = "Cổng thông tin thi đua, khen thưởng công tác dân tộc (dữ liệu tổng hợp cho đo hiệu năng)"
base_url = "https://bandantoc.binhphuoc.example"
language = "vi"
theme = "default"

[build]
news_per_page = 10
featured_people = 6
"#;

const HOME_INTRO: &str = "+++\ntitle = \"Ban Dân tộc tỉnh Bình Phước\"\n+++\n\nCổng thông tin thi đua, khen thưởng công tác dân tộc. Dữ liệu trên trang này được tổng hợp tự động để đo hiệu năng.\n";

const HUGO_CONFIG: &str = r#"baseURL = "https://bandantoc.binhphuoc.example/"
languageCode = "vi"
defaultContentLanguage = "vi"
title = "Ban Dân tộc tỉnh Bình Phước"
paginate = 10
disableKinds = ["robotsTXT"]
enableRobotsTXT = false

[taxonomies]
tag = "chu-de"
ethnicity = "dan-toc"
district = "dia-ban"
year = "nam"
campaign = "lien-quan"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML"]

[markup.goldmark.renderer]
unsafe = false
"#;

const HUGO_BASEOF: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}">
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | relURL }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav>{{ range $s := slice "phong-trao" "dien-hinh" "tin-tuc" "van-ban" }}<a href="{{ printf "/%s/" $s | relURL }}">{{ $s }}</a> {{ end }}<a href="{{ "/tim-kiem/" | relURL }}">Tìm kiếm</a></nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
"#;

const HUGO_ITEM: &str = r#"<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <small>{{ .Params.loai }} · {{ .Date.Format "02/01/2006" }}</small>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
"#;

const HUGO_HOME: &str = r#"{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ .Content }}
<h2>Phong trào</h2><ul>{{ range first 6 (where .Site.RegularPages "Section" "phong-trao") }}{{ partial "item.html" . }}{{ end }}</ul>
<h2>Tin tức</h2><ul>{{ range first 10 (where .Site.RegularPages "Section" "tin-tuc") }}{{ partial "item.html" . }}{{ end }}</ul>
<h2>Điển hình</h2><ul>{{ range first 6 (where .Site.RegularPages "Section" "dien-hinh") }}{{ partial "item.html" . }}{{ end }}</ul>
{{ end }}
"#;

const HUGO_LIST: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Section "tin-tuc" }}
<ul>{{ range (.Paginate .Pages).Pages }}{{ partial "item.html" . }}{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ else if eq .Section "dien-hinh" }}
{{ range .Pages.GroupByParam "ethnicity" }}<h2>{{ .Key }}</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> – {{ .Params.district }}</li>{{ end }}</ul>{{ end }}
{{ else if eq .Section "van-ban" }}
<table><tr><th>Số</th><th>Tên</th><th>Ngày</th></tr>{{ range .Pages }}<tr><td>{{ .Params.number }}</td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.issued }}</td></tr>{{ end }}</table>
{{ else }}
<ul>{{ range .Pages }}{{ partial "item.html" . }}{{ end }}</ul>
{{ end }}
{{ end }}
"#;

const HUGO_SINGLE: &str = r#"{{ define "main" }}
<article data-pagefind-body>
<h1>{{ .Title }}</h1>
<p><span data-pagefind-filter="kind">{{ .Params.loai }}</span> · {{ .Date.Format "02/01/2006" }}
{{ with .Params.number }} · {{ . }}{{ end }}
{{ range .GetTerms "dan-toc" }} · <a href="{{ .RelPermalink }}" data-pagefind-filter="ethnicity">{{ .LinkTitle }}</a>{{ end }}
{{ range .GetTerms "dia-ban" }} · <a href="{{ .RelPermalink }}" data-pagefind-filter="district">{{ .LinkTitle }}</a>{{ end }}
<span data-pagefind-filter="year">{{ .Date.Year }}</span></p>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.campaigns }}<p>Phong trào: {{ range . }}<a href="{{ printf "/phong-trao/%s/" . | relURL }}" data-pagefind-filter="campaign">{{ . }}</a> {{ end }}</p>{{ end }}
{{ .Content }}
{{ range .Params.indicators }}<table><caption>{{ .name }} ({{ .unit }})</caption>{{ range .values }}<tr><td>{{ .period }}</td><td>{{ .value }}</td></tr>{{ end }}</table>{{ end }}
{{ if eq .Section "phong-trao" }}
{{ $slug := .File.ContentBaseName }}
{{ with index .Site.Taxonomies "lien-quan" }}{{ with index . $slug }}
<h2>Liên quan</h2><ul>{{ range .Pages }}{{ partial "item.html" . }}{{ end }}</ul>
{{ end }}{{ end }}
{{ end }}
{{ range .Params.attachments }}<a href="{{ . }}">{{ . }}</a>{{ end }}
{{ with .Params.photo }}<img src="{{ . }}" alt="">{{ end }}
</article>
{{ end }}
"#;

const HUGO_TERMS: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
"#;

const HUGO_TERM: &str = r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}{{ partial "item.html" . }}{{ end }}</ul>
{{ end }}
"#;

const HUGO_SEARCH: &str = r##"{{ define "main" }}
<h1>Tìm kiếm</h1>
<link href="{{ "pagefind/pagefind-ui.css" | relURL }}" rel="stylesheet">
<script src="{{ "pagefind/pagefind-ui.js" | relURL }}"></script>
<div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => { new PagefindUI({ element: "#search", showSubResults: false }); });</script>
{{ end }}
"##;

fn write_hugo_site(root: &Path) {
    write(&root.join("config.toml"), HUGO_CONFIG.as_bytes());
    let l = root.join("layouts");
    write(&l.join("_default/baseof.html"), HUGO_BASEOF.as_bytes());
    write(&l.join("index.html"), HUGO_HOME.as_bytes());
    write(&l.join("_default/list.html"), HUGO_LIST.as_bytes());
    write(&l.join("_default/single.html"), HUGO_SINGLE.as_bytes());
    write(&l.join("_default/terms.html"), HUGO_TERMS.as_bytes());
    write(&l.join("_default/term.html"), HUGO_TERM.as_bytes());
    write(&l.join("_default/search.html"), HUGO_SEARCH.as_bytes());
    write(&l.join("partials/item.html"), HUGO_ITEM.as_bytes());
    write(&l.join("404.html"), "{{ define \"main\" }}<h1>Không tìm thấy trang</h1>{{ end }}\n".as_bytes());
    write(&root.join("content/_index.md"), HOME_INTRO.as_bytes());
    write(&root.join("content/tim-kiem.md"), "+++\ntitle = \"Tìm kiếm\"\nlayout = \"search\"\n+++\n".as_bytes());
}

struct Args {
    records: usize,
    out: PathBuf,
    hugo: Option<PathBuf>,
    demo: PathBuf,
    seed: u64,
}

fn parse_args() -> Args {
    let mut a = Args {
        records: 1000,
        out: PathBuf::from("bench/out/site"),
        hugo: None,
        demo: Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        seed: 2026,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--records" => a.records = val().parse().unwrap_or_else(|_| usage("--records takes a number")),
            "--out" => a.out = PathBuf::from(val()),
            "--hugo" => a.hugo = Some(PathBuf::from(val())),
            "--demo" => a.demo = PathBuf::from(val()),
            "--seed" => a.seed = val().parse().unwrap_or_else(|_| usage("--seed takes a number")),
            _ => usage(&format!("unknown argument {flag}")),
        }
    }
    a
}

fn usage(msg: &str) -> ! {
    eprintln!("gen_site: {msg}\nusage: gen_site --records N --out DIR [--hugo DIR] [--demo CONTENT_DIR] [--seed S]");
    std::process::exit(2)
}

/// How many records of each kind: 3% campaigns (at least 1), 25% people,
/// 22% documents, the rest news.
fn counts(n: usize) -> [(Kind, usize); 4] {
    let c = (n * 3 / 100).max(1);
    let p = n * 25 / 100;
    let d = n * 22 / 100;
    [(Kind::Campaign, c), (Kind::Person, p), (Kind::Document, d), (Kind::News, n.saturating_sub(c + p + d))]
}

fn main() {
    let args = parse_args();
    let demo = read_demo(&args.demo);
    for k in Kind::ALL {
        if demo.pools.get(&k).is_none_or(|p| p.shapes.is_empty() || p.titles.is_empty()) {
            usage(&format!("the demo content in {} has no {} records", args.demo.display(), k.section()));
        }
    }
    let mut g = Gen {
        demo: &demo,
        rng: Rng(args.seed ^ (args.records as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)),
        slugs: HashSet::new(),
    };
    let mut plans = Vec::with_capacity(args.records);
    for (kind, n) in counts(args.records) {
        for i in 0..n {
            plans.push(g.plan(kind, i));
        }
    }
    let campaigns: Vec<usize> = (0..plans.len()).filter(|&i| plans[i].kind == Kind::Campaign).collect();
    let people: Vec<usize> = (0..plans.len()).filter(|&i| plans[i].kind == Kind::Person).collect();
    for dir in std::iter::once(&args.out).chain(args.hugo.as_ref()) {
        if dir.join("content").exists() {
            fs::remove_dir_all(dir.join("content")).expect("clear old content");
        }
    }
    write(&args.out.join("config.toml"), THIDUA_CONFIG.as_bytes());
    write(&args.out.join("content/_index.md"), HOME_INTRO.as_bytes());
    if let Some(h) = &args.hugo {
        write_hugo_site(h);
    }
    let mut bytes = 0usize;
    for p in &plans {
        let r = g.record(p, &plans, &campaigns, &people);
        bytes += r.body.len();
        write_thidua(&args.out, &r, &demo);
        if let Some(h) = &args.hugo {
            write_hugo(h, &r, &demo);
        }
    }
    let summary: Vec<String> = counts(args.records).iter().map(|(k, n)| format!("{n} {}", k.section())).collect();
    println!(
        "generated {} records ({}), {:.1} MB of Markdown bodies → {}{}",
        plans.len(),
        summary.join(", "),
        bytes as f64 / 1e6,
        args.out.display(),
        args.hugo.as_ref().map(|h| format!(" and {} (Hugo)", h.display())).unwrap_or_default()
    );
}
