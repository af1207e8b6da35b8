//! The record an import writes: `content/van-ban/<slug>/index.md` with TOML
//! front matter, and the original file beside it as the attachment.
//!
//! Front matter is serialised by the `toml` crate, so quotes and backslashes
//! in a title can never break it. The slug comes from the type, number and
//! year ("ke-hoach-15-kh-bdt-2021"), or from the trích yếu when the number is
//! blank. An existing record is never overwritten: the importer takes the next
//! free slug (`-2`, `-3`, …) and says so, and the folder is created with
//! `create_dir`, which fails rather than reuse a folder that appeared meanwhile.

use super::{ImportError, Imported};
use crate::text::slugify;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A record ready to be written (or shown by `--dry-run`).
#[derive(Debug, Clone)]
pub struct Planned {
    /// The slug chosen.
    pub slug: String,
    /// The slug wanted, when it was taken and another was chosen.
    pub wanted: Option<String>,
    /// `<root>/content/van-ban/<slug>`.
    pub dir: PathBuf,
    /// The whole `index.md`: front matter and body.
    pub index: String,
    /// The (first) attachment's file name in `dir`.
    pub attachment: String,
    /// Every attachment: its name in `dir` and the bytes that were read.
    pub files: Vec<(String, Vec<u8>)>,
}

#[derive(Serialize)]
struct FrontMatter<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    signer_title: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    recipients: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    campaigns: Vec<&'a str>,
    attachments: Vec<&'a str>,
}

/// Fails unless `content/phong-trao/<slug>` exists (as a file or a folder record).
pub fn check_campaign(root: &Path, slug: &str) -> Result<(), ImportError> {
    let dir = root.join("content/phong-trao");
    if dir.join(format!("{slug}.md")).is_file() || dir.join(slug).join("index.md").is_file() {
        return Ok(());
    }
    let mut known: Vec<String> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md").map(str::to_owned);
            if e.path().is_dir() {
                Some(name)
            } else {
                stem
            }
        })
        .filter(|s| !s.starts_with('_'))
        .collect();
    known.sort();
    Err(ImportError::NoCampaign { slug: slug.to_owned(), known })
}

/// Chooses the slug and file names and renders `index.md`. `taken` holds the
/// slugs planned earlier in the same run, so two files never share one.
pub fn plan(root: &Path, imp: &Imported, campaign: Option<&str>, taken: &mut BTreeSet<String>) -> Planned {
    plan_with_copies(root, imp, &[], campaign, taken)
}

/// [`plan`] for a document held in several files: `copies` are attached too.
pub(crate) fn plan_with_copies(
    root: &Path,
    imp: &Imported,
    copies: &[&Imported],
    campaign: Option<&str>,
    taken: &mut BTreeSet<String>,
) -> Planned {
    let section = root.join("content/van-ban");
    let wanted = base_slug(imp);
    let free = |s: &str| !taken.contains(s) && !section.join(s).exists() && !section.join(format!("{s}.md")).exists();
    let slug = (1..).map(|n| if n == 1 { wanted.clone() } else { format!("{wanted}-{n}") }).find(|s| free(s));
    let slug = slug.unwrap_or_else(|| wanted.clone());
    taken.insert(slug.clone());
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in std::iter::once(imp).chain(copies.iter().copied()) {
        let mut name = attachment_name(&i.source);
        let mut n = 2;
        while files.iter().any(|(f, _)| *f == name) {
            let base = attachment_name(&i.source);
            name = match base.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}-{n}.{ext}"),
                None => format!("{base}-{n}"),
            };
            n += 1;
        }
        files.push((name, i.original.clone()));
    }
    let m = &imp.meta;
    let fm = FrontMatter {
        title: m.title.as_deref().unwrap_or_default(),
        number: m.number.as_deref(),
        doc_type: m.doc_type.as_deref(),
        issued: m.issued.as_deref(),
        issuer: m.issuer.as_deref(),
        signer: m.signer.as_deref(),
        signer_title: m.signer_title.as_deref(),
        recipients: &m.recipients,
        campaigns: campaign.into_iter().collect(),
        attachments: files.iter().map(|(f, _)| f.as_str()).collect(),
    };
    let toml = toml::to_string(&fm).unwrap_or_default();
    let index = format!("+++\n{}{toml}+++\n{}", notes(imp), imp.body);
    Planned {
        wanted: (slug != wanted).then_some(wanted),
        dir: section.join(&slug),
        slug,
        index,
        attachment: files[0].0.clone(),
        files,
    }
}

/// What the import guessed or could not find, as TOML comments at the top of
/// the front matter, for the editor or a person to check against the original.
fn notes(imp: &Imported) -> String {
    let mut out = String::new();
    if imp.warnings.is_empty() {
        return out;
    }
    let name = imp.source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    out.push_str(&format!("# thidua import từ {}: cần kiểm tra với bản gốc\n", one_line(&name)));
    for w in &imp.warnings {
        out.push_str(&format!("# - {}\n", one_line(&w.message)));
    }
    out
}

/// Text safe in a TOML comment: one line, no control characters.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Longest slug made from a title.
const SLUG_MAX: usize = 60;

/// "ke-hoach-15-kh-bdt-2021", or the folded trích yếu when the number is blank.
fn base_slug(imp: &Imported) -> String {
    let m = &imp.meta;
    let year = m.issued.as_deref().map(|d| &d[..4.min(d.len())]).unwrap_or_default();
    if let Some(number) = m.number.as_deref().filter(|n| n.starts_with(|c: char| c.is_ascii_digit())) {
        let slug = slugify(&format!("{} {number} {year}", m.doc_type.as_deref().unwrap_or("van ban")));
        if !slug.is_empty() {
            return slug;
        }
    }
    let title = slugify(m.title.as_deref().unwrap_or_default());
    let mut slug = String::new();
    for word in title.split('-') {
        if !slug.is_empty() && slug.len() + word.len() + 1 > SLUG_MAX {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        "van-ban".to_owned()
    } else {
        slug
    }
}

/// The original's name, slugified, keeping its extension. A `.md` original
/// becomes `.md.txt`: a `.md` beside `index.md` would be read as a record.
pub(crate) fn attachment_name(source: &Path) -> String {
    let stem = slugify(&source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
    let stem = if stem.is_empty() || stem == "index" { "van-ban-goc".to_owned() } else { stem };
    let ext = source.extension().map(|e| slugify(&e.to_string_lossy())).unwrap_or_default();
    match ext.as_str() {
        "" => stem,
        "md" | "markdown" => format!("{stem}.{ext}.txt"),
        _ => format!("{stem}.{ext}"),
    }
}

/// Writes the folder, `index.md` and the attachments: all into a hidden
/// folder beside it first, renamed into place only once complete, so an
/// interrupted import never leaves a half-written record.
pub fn write(p: &Planned) -> Result<(), ImportError> {
    let werr = |path: &Path| {
        let path = path.to_owned();
        move |source| ImportError::Write { path, source }
    };
    let parent = p.dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(werr(parent))?;
    if p.dir.exists() {
        return Err(ImportError::Write {
            path: p.dir.clone(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, crate::t!("imp-folder-exists")),
        });
    }
    let tmp = parent.join(format!(".{}.import-{}", p.slug, std::process::id()));
    let result = (|| {
        std::fs::create_dir(&tmp).map_err(werr(&tmp))?;
        let index = tmp.join("index.md");
        std::fs::write(&index, &p.index).map_err(werr(&p.dir.join("index.md")))?;
        for (name, bytes) in &p.files {
            std::fs::write(tmp.join(name), bytes).map_err(werr(&p.dir.join(name)))?;
        }
        std::fs::rename(&tmp, &p.dir).map_err(werr(&p.dir))
    })();
    if result.is_err() {
        let _cleanup = std::fs::remove_dir_all(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_keep_the_extension() {
        assert_eq!(attachment_name(Path::new("/x/Kế hoạch 15.DOCX")), "ke-hoach-15.docx");
        assert_eq!(attachment_name(Path::new("a/000_5db8.txt")), "000-5db8.txt");
        assert_eq!(attachment_name(Path::new("index.md")), "van-ban-goc.md.txt");
    }
}
