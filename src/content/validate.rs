//! Cross-record validation: duplicate URLs, references to campaigns and people
//! that do not exist, missing photos and attachments, broken internal links and
//! anchors. Every problem points at the line that caused it.

use super::record::{Details, Kind, Record};
use super::site::Site;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn at_key(r: &Record, key: &str, message: Msg, hint: Msg) -> Diagnostic {
    let line = r.source.line_of(key);
    let col = r.source.text.lines().nth(line.wrapping_sub(1)).and_then(|l| l.find(key)).map_or(1, |b| b + 1);
    Diagnostic::error(&r.source.path, message).at(&r.source.text, line, col).hint(hint)
}

fn closest<'a>(wanted: &str, options: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    options.map(|o| (strsim::levenshtein(o, wanted), o)).filter(|(d, _)| *d <= 3).min().map(|(_, o)| o)
}

/// Two records that publish at the same URL.
pub(crate) fn duplicates(records: &[Record]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<&str, &Record> = BTreeMap::new();
    let mut out = Vec::new();
    for r in records {
        if let Some(reserved) = crate::content::routes::reserved_prefix(&r.url) {
            out.push(at_key(
                r,
                "slug",
                msg!("url-reserved", url = r.url.as_str(), pages = reserved.trim_matches('/')),
                msg!("url-reserved-hint"),
            ));
            continue;
        }
        match seen.get(r.url.as_str()) {
            Some(first) => out.push(at_key(
                r,
                "slug",
                msg!("url-duplicate", url = r.url.as_str(), other = first.source.path.display().to_string()),
                msg!("url-duplicate-hint"),
            )),
            None => {
                seen.insert(&r.url, r);
            }
        }
    }
    out
}

/// References to campaigns and people, and files a record names (photo, image, attachments).
pub(crate) fn references(records: &[Record], hidden: &BTreeSet<String>) -> Vec<Diagnostic> {
    let slugs =
        |k: Kind| -> BTreeSet<String> { records.iter().filter(|r| r.kind == k).map(|r| r.slug.clone()).collect() };
    let (campaigns, people) = (slugs(Kind::Campaign), slugs(Kind::Person));
    let titles = campaign_titles(records);
    let mut out = Vec::new();
    let mut check = |r: &Record, key: &str, list: &[String], known: &BTreeSet<String>, kind: Kind| {
        for slug in list {
            if known.contains(slug) {
                continue;
            }
            if kind == Kind::Campaign && !hidden.contains(&format!("/{}/{slug}/", kind.section())) {
                out.push(unknown_campaign(r, key, slug, &titles));
                continue;
            }
            let what = if kind == Kind::Campaign { "campaign" } else { "person" };
            let section = kind.section();
            let hint = if hidden.contains(&format!("/{section}/{slug}/")) {
                msg!("ref-hidden", slug = slug)
            } else {
                match closest(slug, known.iter()) {
                    Some(c) => msg!("ref-did-you-mean", slug = c, section = section),
                    None => msg!("ref-use-slug", section = section),
                }
            };
            out.push(at_key(r, key, msg!("ref-unknown", key = key, what = what, slug = slug), hint));
        }
    };
    for r in records {
        match &r.details {
            Details::Person(p) => check(r, "campaigns", &p.campaigns, &campaigns, Kind::Campaign),
            Details::Document(d) => check(r, "campaigns", &d.campaigns, &campaigns, Kind::Campaign),
            Details::News(n) => {
                check(r, "campaigns", &n.campaigns, &campaigns, Kind::Campaign);
                check(r, "people", &n.people, &people, Kind::Person);
            }
            _ => {}
        }
    }
    for r in records {
        out.extend(files(r));
        out.extend(bundle_links(r));
    }
    out.extend(documents(records, hidden));
    out
}

/// The campaigns' (slug, title), sorted by slug: what a wrong reference is
/// shown and suggested from.
pub(crate) fn campaign_titles(records: &[Record]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> =
        records.iter().filter(|r| r.kind == Kind::Campaign).map(|r| (r.slug.clone(), r.title.clone())).collect();
    v.sort();
    v
}

/// At most this many campaigns are listed in the message of a wrong reference.
const LISTED_CAMPAIGNS: usize = 12;

/// A reference to a campaign that does not exist: the message lists the
/// site's campaigns (there are few), the hint names the one meant, found by
/// slug or by title with the same function the editor uses
/// ([`super::schema::suggest_campaign`]).
fn unknown_campaign(r: &Record, key: &str, slug: &str, campaigns: &[(String, String)]) -> Diagnostic {
    let mut valid: Vec<String> = campaigns.iter().take(LISTED_CAMPAIGNS).map(|(s, t)| format!("{s} ({t})")).collect();
    if campaigns.len() > LISTED_CAMPAIGNS {
        valid.push("…".into());
    }
    let valid = if valid.is_empty() { crate::t!("chk-campaign-none") } else { valid.join("; ") };
    let hint = match super::schema::suggest_campaign(slug, campaigns) {
        Some((s, t)) => crate::msg!("chk-campaign-suggest", key = key, slug = s.as_str(), title = t.as_str()),
        None => crate::msg!("chk-campaign-pick", key = key),
    };
    at_key(r, key, crate::msg!("chk-campaign-unknown", key = key, slug = slug, valid = valid), hint)
}

/// Person records whose district is written a little differently from a
/// district more records use (`Bù Đăn` beside `Bù Đăng`): a warning on each,
/// naming the other spelling. Names that differ only by the unit word
/// (`huyện Bù Đăng`) are the same district and are not reported.
pub(crate) fn districts(records: &[Record]) -> Vec<Diagnostic> {
    let mut counts: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for d in records.iter().filter_map(|r| r.person()?.district.as_ref()) {
        let e = counts.entry(super::schema::district_key(d)).or_insert((0, d.clone()));
        e.0 += 1;
    }
    let mut out = Vec::new();
    for r in records {
        let Some(name) = r.person().and_then(|p| p.district.as_ref()) else { continue };
        let key = super::schema::district_key(name);
        let mine = counts.get(&key).map_or(0, |c| c.0);
        // the spelling fewer records use is the slip; with as many, each names the other
        let others: Vec<&String> =
            counts.iter().filter(|(k, (n, _))| **k != key && *n >= mine).map(|(_, (_, shown))| shown).collect();
        if let Some(near) = super::schema::near_district(name, others) {
            let line = r.source.line_of("district");
            out.push(
                Diagnostic::warning(
                    &r.source.path,
                    crate::msg!("chk-district-near", name = name.as_str(), near = near.as_str()),
                )
                .at(&r.source.text, line, 1)
                .hint(crate::msg!("chk-district-near-hint", near = near.as_str())),
            );
        }
    }
    out
}

/// The validity keys of documents: `replaced_by` names another published
/// document, and `expires` is not before `effective`.
fn documents(records: &[Record], hidden: &BTreeSet<String>) -> Vec<Diagnostic> {
    let docs: BTreeSet<&String> = records.iter().filter(|r| r.kind == Kind::Document).map(|r| &r.slug).collect();
    let mut out = Vec::new();
    for r in records {
        let Some(d) = r.document() else { continue };
        if let Some(slug) = &d.replaced_by {
            if slug == &r.slug {
                out.push(at_key(r, "replaced_by", msg!("doc-replaced-by-self"), msg!("doc-replaced-by-self-hint")));
            } else if !docs.contains(slug) {
                let hint = if hidden.contains(&format!("/van-ban/{slug}/")) {
                    msg!("ref-hidden", slug = slug)
                } else {
                    match closest(slug, docs.iter().copied()) {
                        Some(c) => msg!("ref-did-you-mean", slug = c, section = "van-ban"),
                        None => msg!("ref-use-slug", section = "van-ban"),
                    }
                };
                out.push(at_key(r, "replaced_by", msg!("doc-replaced-by-unknown", slug = slug), hint));
            }
        }
        if let (Some(from), Some(to)) = (d.effective, d.expires) {
            if to.last_day() < from.first_day() {
                out.push(at_key(
                    r,
                    "expires",
                    msg!("doc-expires-before-effective", expires = to.short_vi(), effective = from.short_vi()),
                    msg!("doc-expires-before-effective-hint"),
                ));
            }
        }
    }
    out
}

fn files(r: &Record) -> Vec<Diagnostic> {
    let named: Vec<(&str, &String)> = match &r.details {
        Details::Person(p) => p.photo.iter().map(|f| ("photo", f)).collect(),
        Details::News(n) => n.image.iter().map(|f| ("image", f)).collect(),
        Details::Document(d) => d.attachments.iter().map(|f| ("attachments", f)).collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (key, file) in named {
        if let Some(scheme) = super::scheme::unsafe_scheme(file) {
            out.push(at_key(
                r,
                key,
                msg!("file-key-unsafe-scheme", key = key, scheme = scheme),
                msg!("link-unsafe-hint"),
            ));
            continue;
        }
        let ok = match &r.source.bundle {
            Some(dir) => is_inside_file(dir, file),
            None => false,
        };
        if !ok {
            let hint = match &r.source.bundle {
                Some(dir) => msg!("file-put-beside", file = file, folder = dir.display().to_string()),
                None => msg!("file-make-folder", file = file, section = r.kind.section(), slug = r.slug.as_str()),
            };
            out.push(at_key(r, key, msg!("file-key-missing", key = key, file = file), hint));
        }
    }
    out
}

/// Files that would be written to one output path, each error naming both
/// sources: a record's page or a file in its folder against a file of the
/// site's `static/`, and a file in a record's folder named `index.html`
/// against the record's own page. (The output stage refuses any collision,
/// but can name only the path.)
pub(crate) fn collisions(records: &[Record], static_files: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in records {
        let page = format!("{}index.html", r.url);
        let mut published = vec![(page.clone(), r.source.path.clone())];
        if let Some(dir) = &r.source.bundle {
            let rel_dir = r.source.path.parent().map_or_else(|| dir.clone(), Path::to_path_buf);
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.ends_with(".md"))
                .collect();
            names.sort();
            for name in names {
                let path = format!("{}{name}", r.url);
                if path == page {
                    out.push(collision(r, &page, &rel_dir.join(&name), &r.source.path));
                }
                published.push((path, rel_dir.join(name)));
            }
        }
        for (path, file) in published {
            if static_files.contains(&path) {
                out.push(collision(r, &path, &file, Path::new(&format!("static{path}"))));
            }
        }
    }
    out
}

fn collision(r: &Record, path: &str, a: &Path, b: &Path) -> Diagnostic {
    let (a, b) = (a.display(), b.display());
    let (a, b) = (a.to_string(), b.to_string());
    Diagnostic::error(&r.source.path, msg!("output-collision", path = path, a = a.as_str(), b = b.as_str())).hint(msg!(
        "output-collision-hint",
        a = a,
        b = b
    ))
}

/// True when `name` is a plain file name (no `..`, no absolute path) of a file
/// inside `dir`, also once links are resolved (a link beside a record that
/// leads elsewhere is no file of the record: [`super::confine`]).
pub(crate) fn is_inside_file(dir: &Path, name: &str) -> bool {
    let p = Path::new(name);
    p.components().all(|c| matches!(c, std::path::Component::Normal(_)))
        && super::confine::is_file_inside(dir, &dir.join(p))
}

/// The links in a record's folder that lead out of it to elsewhere in the
/// site: each an error naming the link and its target (their files are not
/// published). Links leading out of the site, dangling or looping are
/// reported once, by the walk of content/ ([`super::discover`]).
pub(crate) fn bundle_links(r: &Record) -> Vec<Diagnostic> {
    let Some(dir) = &r.source.bundle else { return Vec::new() };
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let allowed = super::confine::real_dirs([dir.as_path()]);
    let root = r.source.file.ancestors().nth(r.source.path.components().count()).unwrap_or(Path::new(""));
    let mut links: Vec<_> =
        entries.flatten().filter(|e| e.file_type().is_ok_and(|t| t.is_symlink())).map(|e| e.path()).collect();
    links.sort();
    let site = super::confine::real_dirs([root]);
    links
        .into_iter()
        .filter(|p| super::confine::resolve(p, &site).is_ok())
        .filter_map(|p| super::confine::resolve(&p, &allowed).err().map(|e| super::confine::diagnostic(root, &p, &e)))
        .map(|d| d.hint(msg!("bundle-link-hint")))
        .collect()
}

/// The heading ids of every record, by site path.
pub(crate) fn anchors(site: &Site) -> BTreeMap<&str, BTreeSet<&str>> {
    site.records.iter().map(|r| (r.url.as_str(), r.body.headings.iter().map(|h| h.id.as_str()).collect())).collect()
}

/// The site path a link of `r` leads to, when it leads to a page (not to a
/// file beside the record or outside the site).
pub(crate) fn link_target<'a>(r: &'a Record, dest: &'a str, sources: &'a BTreeMap<String, String>) -> Option<&'a str> {
    let dest = dest.split('?').next().unwrap_or(dest);
    let path = dest.split('#').next().unwrap_or(dest);
    if path.is_empty() {
        Some(&r.url)
    } else if let Some(file) = path.strip_prefix("@/") {
        sources.get(file).map(String::as_str)
    } else {
        path.starts_with('/').then_some(path)
    }
}

/// [`links`] of one record, with the heading ids of the records it may link to.
pub(crate) fn record_links(
    r: &Record,
    known: &BTreeSet<String>,
    sources: &BTreeMap<String, String>,
    anchors: &BTreeMap<&str, BTreeSet<&str>>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for link in &r.body.links {
        let problem = match super::scheme::unsafe_scheme(&link.dest) {
            Some(scheme) => Some(unsafe_link(&scheme)),
            None => check_link(r, &link.dest, known, sources, anchors),
        };
        let located = |d: Diagnostic| d.at(&r.source.text, link.line, link.column);
        if let Some((message, hint)) = problem {
            out.push(located(Diagnostic::error(&r.source.path, message)).hint(hint));
        }
        if link.missing_alt {
            out.push(located(Diagnostic::warning(&r.source.path, msg!("img-no-alt"))).hint(msg!("img-no-alt-hint")));
        }
    }
    out
}

/// The message and hint for a link whose scheme may not be published.
fn unsafe_link(scheme: &str) -> (Msg, Msg) {
    (msg!("link-unsafe-scheme", scheme = scheme), msg!("link-unsafe-hint"))
}

fn check_link(
    r: &Record,
    dest: &str,
    known: &BTreeSet<String>,
    sources: &BTreeMap<String, String>,
    anchors: &BTreeMap<&str, BTreeSet<&str>>,
) -> Option<(Msg, Msg)> {
    let dest = dest.split('?').next().unwrap_or(dest);
    if dest.is_empty() || dest.split('/').next().is_some_and(|first| first.contains(':')) || dest.starts_with("//") {
        return None;
    }
    let (path, anchor) = dest.split_once('#').map_or((dest, None), |(p, a)| (p, Some(a)));
    let target = if path.is_empty() {
        r.url.clone()
    } else if let Some(file) = path.strip_prefix("@/") {
        match sources.get(file) {
            Some(u) => u.clone(),
            None => return Some((msg!("link-no-content-file", file = file), msg!("link-no-content-file-hint"))),
        }
    } else if path.starts_with('/') {
        if !known.contains(path) {
            let with_slash = format!("{path}/");
            let hint = if known.contains(&with_slash) {
                msg!("link-add-slash", address = with_slash)
            } else {
                msg!("link-check-address")
            };
            return Some((msg!("link-nothing-at", address = path), hint));
        }
        path.to_owned()
    } else {
        let ok = r.source.bundle.as_deref().is_some_and(|dir| is_inside_file(dir, path));
        if !ok {
            return Some((msg!("link-not-beside", file = path), msg!("link-not-beside-hint")));
        }
        return None;
    };
    match (anchor, anchors.get(target.as_str())) {
        (Some(a), Some(ids)) if !a.is_empty() && !ids.contains(a) => {
            let list: Vec<&str> = ids.iter().copied().take(8).collect();
            let hint = if list.is_empty() {
                msg!("link-no-headings")
            } else {
                msg!("link-headings-are", list = list.join(", "))
            };
            Some((msg!("link-broken-anchor", address = target.as_str(), anchor = a), hint))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::discover::SourceFile;
    use crate::content::load::load_front_bytes;

    fn record(rel: &str, front: &str) -> Record {
        let (section, stem) = rel.rsplit_once('/').unwrap();
        let src = SourceFile {
            rel: rel.to_owned(),
            file: Path::new("/site/content").join(rel),
            kind: Kind::of_section(section),
            dirs: Vec::new(),
            stem: stem.trim_end_matches(".md").to_owned(),
            bundle: None,
            is_intro: false,
        };
        let text = format!("+++\n{front}\n+++\nThân bài.\n");
        let (pending, diags) = load_front_bytes(Path::new("/site"), &src, text.into_bytes());
        pending.unwrap_or_else(|| panic!("{rel}: {diags:?}")).record
    }

    fn campaigns() -> Vec<Record> {
        vec![
            record("phong-trao/alpha.md", "title = \"Vì người nghèo - Không để ai bị bỏ lại phía sau\""),
            record("phong-trao/beta.md", "title = \"Phòng, chống dịch Covid-19\""),
        ]
    }

    #[test]
    fn an_unknown_campaign_lists_the_campaigns_and_is_suggested_by_title() {
        let mut all = campaigns();
        all.push(record("tin-tuc/a.md", "title = \"A\"\ndate = 2024-05-01\ncampaigns = [\"vi-nguoi-ngheo\"]"));
        let d = references(&all, &BTreeSet::new());
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].is_error());
        assert_eq!(d[0].line, 4, "at the campaigns line");
        assert!(d[0].message.contains("alpha (Vì người nghèo") && d[0].message.contains("beta ("), "{}", d[0].message);
        let hint = d[0].hint.as_deref().unwrap();
        assert!(hint.contains("\"alpha\"") && hint.contains("Vì người nghèo"), "by title: {hint}");
    }

    #[test]
    fn an_unknown_campaign_is_suggested_by_slug_too() {
        let mut all = campaigns();
        all.push(record("dien-hinh/b.md", "title = \"B\"\ncampaigns = [\"alhpa\"]"));
        let d = references(&all, &BTreeSet::new());
        assert!(d[0].hint.as_deref().unwrap().contains("\"alpha\""), "{d:?}");
        let mut none = campaigns();
        none.push(record("dien-hinh/c.md", "title = \"C\"\ncampaigns = [\"xay-dung-nong-thon-moi\"]"));
        let d = references(&none, &BTreeSet::new());
        assert!(!d[0].hint.as_deref().unwrap().contains("\"alpha\""), "nothing close: {d:?}");
    }

    #[test]
    fn districts_with_and_without_the_unit_word_are_one_and_slips_are_warned() {
        let person = |rel: &str, district: &str| record(rel, &format!("title = \"X\"\ndistrict = \"{district}\""));
        let same = vec![person("dien-hinh/a.md", "Bù Đăng"), person("dien-hinh/b.md", "huyện Bù Đăng")];
        assert_eq!(same[1].person().unwrap().district.as_deref(), Some("Bù Đăng"), "the unit word is dropped");
        assert!(districts(&same).is_empty());
        let mut slip = same.clone();
        slip.push(person("dien-hinh/c.md", "huyện Bù Đăg"));
        let d = districts(&slip);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(!d[0].is_error(), "a warning");
        assert_eq!(d[0].path, Path::new("content/dien-hinh/c.md"));
        assert!(d[0].message.contains("Bù Đăng") && d[0].message.contains("Bù Đăg"), "{}", d[0].message);
        let far = vec![person("dien-hinh/a.md", "Bù Đăng"), person("dien-hinh/d.md", "Lộc Ninh")];
        assert!(districts(&far).is_empty(), "two districts far apart");
    }
}
