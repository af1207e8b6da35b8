//! `thidua import`: official documents (`.docx`, `.txt`, `.md`) → `van-ban`
//! records with the original file attached.
//!
//! The stages mirror the generator's: a reader ([`docx`] or [`text`]) turns
//! the file into the small [`block`] model; [`header`] takes the metadata out
//! of the document's header and footer; [`markdown`] writes the body; and
//! [`record`] makes the front matter, picks a free slug and writes the folder.
//! Each stage returns a new value and never reaches back, so each is tested on
//! its own, and `--dry-run` is simply "stop before [`record::write`]".

pub mod block;
pub mod docx;
pub mod header;
pub mod markdown;
pub mod record;
pub mod text;

use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

pub use record::{plan, write, Planned};

/// Why a file could not be imported or a record not written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The input file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A broken or foreign `.docx`.
    #[error("{}: {source}", path.display())]
    Docx {
        /// The input file.
        path: PathBuf,
        /// The cause.
        source: docx::DocxError,
    },
    /// Text that is not UTF-8.
    #[error("{}: it is not UTF-8 text (the first invalid byte is at offset {offset})", path.display())]
    NotUtf8 {
        /// The input file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A binary file named `.txt`.
    #[error("{}: it is a binary file, not text (it contains NUL bytes)", path.display())]
    Binary {
        /// The input file.
        path: PathBuf,
    },
    /// An extension the importer does not read.
    #[error("{}: cannot import `.{ext}` files", path.display())]
    Unsupported {
        /// The input file.
        path: PathBuf,
        /// Its extension.
        ext: String,
    },
    /// A file with no text in it.
    #[error("{}: the document has no text", path.display())]
    Empty {
        /// The input file.
        path: PathBuf,
    },
    /// `--campaign` names a campaign that does not exist.
    #[error("the campaign `{slug}` does not exist in content/phong-trao/")]
    NoCampaign {
        /// The slug given.
        slug: String,
        /// Existing campaign slugs, for the hint.
        known: Vec<String>,
    },
    /// The record could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file or folder being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl ImportError {
    /// The error as a diagnostic with a hint, like the rest of the CLI prints.
    pub fn diagnostic(&self) -> Diagnostic {
        let (path, hint): (PathBuf, String) = match self {
            ImportError::Read { path, .. } => (path.clone(), "check that the file exists and can be read".into()),
            ImportError::Docx { path, .. } => {
                (path.clone(), "open it in Word or LibreOffice and save it again as .docx (Word Document)".into())
            }
            ImportError::NotUtf8 { path, .. } => {
                (path.clone(), "save the text as UTF-8 (in Notepad: Save As → Encoding: UTF-8)".into())
            }
            ImportError::Binary { path } => {
                (path.clone(), "import the original .docx, or copy the text into a UTF-8 .txt file".into())
            }
            ImportError::Unsupported { path, .. } => {
                (path.clone(), "import .docx, .txt or .md; save a .doc or .pdf as .docx first".into())
            }
            ImportError::Empty { path } => (path.clone(), "is this the right file?".into()),
            ImportError::NoCampaign { slug, known } => (
                PathBuf::from("content/phong-trao"),
                match known
                    .iter()
                    .map(|k| (strsim::levenshtein(k, slug), k))
                    .filter(|(d, _)| *d <= 3)
                    .min()
                    .map(|(_, k)| k)
                {
                    Some(s) => format!("did you mean `{s}`? the slugs are the file names in content/phong-trao/"),
                    None => format!("the slugs are the file names in content/phong-trao/: {}", known.join(", ")),
                },
            ),
            ImportError::Write { path, .. } => (path.clone(), "check the folder's permissions and free space".into()),
        };
        let message = match self {
            ImportError::NoCampaign { .. } => self.to_string(),
            _ => self.to_string().split_once(": ").map_or_else(|| self.to_string(), |(_, m)| m.to_owned()),
        };
        Diagnostic::error(path, message).hint(hint)
    }
}

/// One document, read and converted, not yet written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The input file.
    pub source: PathBuf,
    /// What the header and footer say.
    pub meta: header::Metadata,
    /// The body as Markdown.
    pub body: String,
    /// What was missing or guessed, as warnings about the input file.
    pub warnings: Vec<Diagnostic>,
}

/// Reads and converts one file.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Read { path: path.to_owned(), source })?;
    import_bytes(path, bytes)
}

/// [`import_file`] on bytes already read; `path` gives the extension (which
/// reader) and the name used in messages. The fuzz targets call this.
pub fn import_bytes(path: &Path, bytes: Vec<u8>) -> Result<Imported, ImportError> {
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let doc = match ext.as_str() {
        "docx" => docx::parse(std::io::Cursor::new(bytes))
            .map_err(|source| ImportError::Docx { path: path.to_owned(), source })?,
        "txt" | "md" | "markdown" | "text" => text::parse(&as_text(path, &bytes)?),
        _ => return Err(ImportError::Unsupported { path: path.to_owned(), ext }),
    };
    let split = header::extract(doc.blocks);
    let body = markdown::to_markdown(&split.body, &doc.footnotes);
    let mut warnings: Vec<Diagnostic> = split.warnings.into_iter().map(|w| Diagnostic::warning(path, w)).collect();
    let mut meta = split.meta;
    if body.trim().is_empty() && meta.title.is_none() {
        return Err(ImportError::Empty { path: path.to_owned() });
    }
    if meta.title.is_none() {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        warnings.push(
            Diagnostic::warning(path, format!("no trích yếu found; the title is the file name \"{stem}\""))
                .hint("edit `title` in the written index.md"),
        );
        meta.title = Some(stem);
    }
    Ok(Imported { source: path.to_owned(), meta, body, warnings })
}

/// Checks text bytes: no NUL (a binary file), valid UTF-8.
fn as_text(path: &Path, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::Binary { path: path.to_owned() });
    }
    String::from_utf8(bytes.to_vec())
        .map_err(|e| ImportError::NotUtf8 { path: path.to_owned(), offset: e.utf8_error().valid_up_to() })
}
