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
    /// The attachment's file name in `dir`.
    pub attachment: String,
    /// The original file to copy.
    pub source: PathBuf,
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
    let section = root.join("content/van-ban");
    let wanted = base_slug(imp);
    let free = |s: &str| !taken.contains(s) && !section.join(s).exists() && !section.join(format!("{s}.md")).exists();
    let slug = (1..).map(|n| if n == 1 { wanted.clone() } else { format!("{wanted}-{n}") }).find(|s| free(s));
    let slug = slug.unwrap_or_else(|| wanted.clone());
    taken.insert(slug.clone());
    let attachment = attachment_name(&imp.source);
    let m = &imp.meta;
    let fm = FrontMatter {
        title: m.title.as_deref().unwrap_or_default(),
        number: m.number.as_deref(),
        doc_type: m.doc_type.as_deref(),
        issued: m.issued.as_deref(),
        issuer: m.issuer.as_deref(),
        signer: m.signer.as_deref(),
        recipients: &m.recipients,
        campaigns: campaign.into_iter().collect(),
        attachments: vec![&attachment],
    };
    let toml = toml::to_string(&fm).unwrap_or_default();
    let index = format!("+++\n{toml}+++\n{}", imp.body);
    Planned {
        wanted: (slug != wanted).then_some(wanted),
        dir: section.join(&slug),
        slug,
        index,
        attachment,
        source: imp.source.clone(),
    }
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
pub fn attachment_name(source: &Path) -> String {
    let stem = slugify(&source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
    let stem = if stem.is_empty() || stem == "index" { "van-ban-goc".to_owned() } else { stem };
    let ext = source.extension().map(|e| slugify(&e.to_string_lossy())).unwrap_or_default();
    match ext.as_str() {
        "" => stem,
        "md" | "markdown" => format!("{stem}.{ext}.txt"),
        _ => format!("{stem}.{ext}"),
    }
}

/// Writes the folder, `index.md` and the attachment.
pub fn write(p: &Planned) -> Result<(), ImportError> {
    let werr = |path: &Path| {
        let path = path.to_owned();
        move |source| ImportError::Write { path, source }
    };
    if let Some(parent) = p.dir.parent() {
        std::fs::create_dir_all(parent).map_err(werr(parent))?;
    }
    std::fs::create_dir(&p.dir).map_err(werr(&p.dir))?;
    let index = p.dir.join("index.md");
    std::fs::write(&index, &p.index).map_err(werr(&index))?;
    let attachment = p.dir.join(&p.attachment);
    std::fs::copy(&p.source, &attachment).map_err(werr(&attachment))?;
    Ok(())
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
