//! Photos and files uploaded with a record form: checked (name, type by
//! content, size), named by us (the slug of the name the browser sent, never
//! a path), and turned into Markdown (a photo with its alt text and caption)
//! or into the document's `attachments`.

use super::http::Form;
use crate::content::Kind;
use crate::t;
use std::path::Path;

/// The largest photo accepted.
pub(crate) const MAX_PHOTO: usize = 15 * 1024 * 1024;
/// The largest other file accepted.
pub(crate) const MAX_FILE: usize = 30 * 1024 * 1024;

const PHOTO_TYPES: &[&str] = &["jpg", "jpeg", "png", "webp", "gif"];
const FILE_TYPES: &[&str] = &["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "pptx", "zip", "jpg", "jpeg", "png"];

/// One checked upload, ready to be written beside the record.
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    /// The file name we chose.
    pub(crate) name: String,
    /// The bytes.
    pub(crate) data: Vec<u8>,
    /// What the body gets (a photo, or a link to a file on a record that has no `attachments`).
    pub(crate) markdown: Option<String>,
}

/// Refuses names that try to be paths (`../../x`, `a/b`, `C:\x`).
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    if name.contains('/') || name.contains('\\') || name.contains("..") || name.contains('\0') || name.trim().is_empty()
    {
        return Err(t!("up-bad-name", name = name));
    }
    Ok(())
}

fn is_photo(data: &[u8], ext: &str) -> bool {
    match ext {
        "jpg" | "jpeg" => data.starts_with(&[0xFF, 0xD8, 0xFF]),
        "png" => data.starts_with(b"\x89PNG\r\n\x1a\n"),
        "gif" => data.starts_with(b"GIF8"),
        "webp" => data.len() > 12 && &data[..4] == b"RIFF" && &data[8..12] == b"WEBP",
        _ => false,
    }
}

/// A free name in `dir` for `stem.ext`: `stem.ext`, else `stem-2.ext`, …
fn free_name(dir: &Path, stem: &str, ext: &str, taken: &[String]) -> String {
    (1..)
        .map(|i| if i == 1 { format!("{stem}.{ext}") } else { format!("{stem}-{i}.{ext}") })
        .find(|n| !dir.join(n).exists() && !taken.contains(n))
        .unwrap_or_default()
}

fn derive(name: &str, allowed: &[&str]) -> Result<(String, String), String> {
    check_name(name)?;
    let p = Path::new(name);
    let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !allowed.contains(&ext.as_str()) {
        return Err(t!("up-bad-type", name = name, allowed = allowed.join(", ")));
    }
    let stem = crate::text::slugify(&p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
    let stem = if stem.is_empty() { "tep".to_owned() } else { stem };
    Ok((stem, if ext == "jpeg" { "jpg".into() } else { ext }))
}

/// Checks the form's uploads (`_anh` with `_anh_alt` and `_anh_chu_thich`, `_tep`)
/// and names them for folder `dir`.
pub(crate) fn prepare(form: &Form, kind: Kind, dir: &Path) -> Result<Vec<Upload>, String> {
    let mut out: Vec<Upload> = Vec::new();
    for part in &form.files {
        let name = part.filename.clone().unwrap_or_default();
        let taken: Vec<String> = out.iter().map(|u| u.name.clone()).collect();
        match part.name.as_str() {
            "_anh" => {
                let (stem, ext) = derive(&name, PHOTO_TYPES)?;
                if part.data.len() > MAX_PHOTO {
                    return Err(t!("up-too-large", name = name, mb = MAX_PHOTO / (1024 * 1024)));
                }
                if !is_photo(&part.data, &ext) {
                    return Err(t!("up-not-a-photo", name = name));
                }
                let alt = crate::scaffold::one_line(form.get("_anh_alt"));
                if alt.is_empty() {
                    return Err(t!("up-alt-required", name = name));
                }
                let caption = crate::scaffold::one_line(form.get("_anh_chu_thich")).replace('"', "'");
                let file = free_name(dir, &stem, &ext, &taken);
                let alt = alt.replace(['[', ']'], "");
                let md = if caption.is_empty() {
                    format!("\n![{alt}]({file})\n")
                } else {
                    format!("\n![{alt}]({file} \"{caption}\")\n")
                };
                out.push(Upload { name: file, data: part.data.clone(), markdown: Some(md) });
            }
            "_tep" => {
                let (stem, ext) = derive(&name, FILE_TYPES)?;
                if part.data.len() > MAX_FILE {
                    return Err(t!("up-too-large", name = name, mb = MAX_FILE / (1024 * 1024)));
                }
                let file = free_name(dir, &stem, &ext, &taken);
                let md = (kind != Kind::Document).then(|| format!("\n[{file}]({file})\n"));
                out.push(Upload { name: file, data: part.data.clone(), markdown: md });
            }
            _ => return Err(t!("up-bad-name", name = name)),
        }
    }
    Ok(out)
}

/// `text` with `names` added to its `attachments` list (a document's files).
pub(crate) fn add_attachments(text: &str, names: &[String]) -> String {
    let Ok(p) = crate::content::frontmatter::parse(Path::new("x.md"), text) else { return text.to_owned() };
    if p.format != crate::content::frontmatter::Format::Toml {
        return text.to_owned();
    }
    let start = p.raw.as_ptr() as usize - text.as_ptr() as usize;
    let end = start + p.raw.len();
    let Ok(mut doc) = p.raw.parse::<toml_edit::DocumentMut>() else { return text.to_owned() };
    let list = doc.entry("attachments").or_insert(toml_edit::value(toml_edit::Array::new()));
    if let Some(a) = list.as_array_mut() {
        for n in names {
            if !a.iter().any(|v| v.as_str() == Some(n)) {
                a.push(n.as_str());
            }
        }
    }
    let mut raw = doc.to_string();
    if !raw.ends_with('\n') {
        raw.push('\n');
    }
    format!("{}{raw}{}", &text[..start], &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::http::Part;

    fn with(name: &str, field: &str, data: &[u8], alt: &str) -> Form {
        let mut f = Form::default();
        f.fields.insert("_anh_alt".into(), alt.into());
        f.files.push(Part { name: field.into(), filename: Some(name.into()), data: data.to_vec() });
        f
    }

    #[test]
    fn refuses_path_names_whatever_the_spelling() {
        for bad in ["../../x", "../../x.jpg", "a/b.jpg", "..\\x.jpg", "C:\\x.jpg"] {
            assert!(
                prepare(&with(bad, "_anh", b"\xff\xd8\xff", "Ảnh"), Kind::News, Path::new("/nowhere")).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn names_photos_itself_and_needs_alt_text() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("le-hoi.jpg"), b"x").unwrap();
        let u =
            prepare(&with("Lễ Hội.JPEG", "_anh", b"\xff\xd8\xff\xe0", "Múa xoang"), Kind::News, dir.path()).unwrap();
        assert_eq!(u[0].name, "le-hoi-2.jpg");
        assert_eq!(u[0].markdown.as_deref(), Some("\n![Múa xoang](le-hoi-2.jpg)\n"));
        assert!(prepare(&with("a.jpg", "_anh", b"\xff\xd8\xff", " "), Kind::News, dir.path()).is_err());
        assert!(
            prepare(&with("a.jpg", "_anh", b"<html>", "x"), Kind::News, dir.path()).is_err(),
            "content must be a photo"
        );
        assert!(prepare(&with("a.exe", "_tep", b"MZ", "x"), Kind::Document, dir.path()).is_err());
    }

    #[test]
    fn attachments_are_appended_keeping_the_rest() {
        let t = "+++\ntitle = \"A\" # c\nattachments = [\"a.pdf\"]\n+++\nBody\n";
        let out = add_attachments(t, &["b.pdf".into()]);
        assert_eq!(out, "+++\ntitle = \"A\" # c\nattachments = [\"a.pdf\", \"b.pdf\"]\n+++\nBody\n");
    }
}
