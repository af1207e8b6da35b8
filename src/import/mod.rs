//! `thidua import`: official documents (`.docx`, `.txt`, `.md`) → `van-ban`
//! records with the original file attached.
//!
//! The stages mirror the generator's: a reader ([`docx`], [`pdf`] or [`text`]) turns
//! the file into the small [`block`] model (text without diacritics first
//! gets the layout's fixed words back, [`restore`]); [`header`] takes the metadata out
//! of the document's header and footer; [`markdown`] writes the body; and
//! [`record`] makes the front matter, picks a free slug and writes the folder.
//! Each stage returns a new value and never reaches back, so each is tested on
//! its own, and `--dry-run` is simply "stop before [`record::write`]".

pub mod batch;
pub(crate) mod block;
pub mod docx;
pub(crate) mod header;
pub mod legacy;
pub mod markdown;
pub mod pdf;
pub mod record;
pub(crate) mod restore;
pub(crate) mod text;

use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

pub use record::{plan, write, Planned};

/// Why a file could not be imported or a record not written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{}", self.full_message())]
    Read {
        /// The input file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A broken or foreign `.docx`.
    #[error("{}", self.full_message())]
    Docx {
        /// The input file.
        path: PathBuf,
        /// The cause.
        source: docx::DocxError,
    },
    /// Text that is not UTF-8.
    #[error("{}", self.full_message())]
    NotUtf8 {
        /// The input file.
        path: PathBuf,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A binary file named `.txt`.
    #[error("{}", self.full_message())]
    Binary {
        /// The input file.
        path: PathBuf,
    },
    /// Not a regular file: a device such as `/dev/zero`, a pipe or a folder.
    #[error("{}", self.full_message())]
    NotAFile {
        /// The input file.
        path: PathBuf,
    },
    /// A file larger than the importer reads.
    #[error("{}", self.full_message())]
    TooLarge {
        /// The input file.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// A broken, encrypted or oversized PDF.
    #[error("{}", self.full_message())]
    Pdf {
        /// The input file.
        path: PathBuf,
        /// The cause.
        source: pdf::PdfError,
    },
    /// A Word 97–2003 `.doc` (an OLE compound file), whatever its name says.
    #[error("{}", self.full_message())]
    LegacyDoc {
        /// The input file.
        path: PathBuf,
    },
    /// An extension the importer does not read.
    #[error("{}", self.full_message())]
    Unsupported {
        /// The input file.
        path: PathBuf,
        /// Its extension.
        ext: String,
    },
    /// A file with no text in it.
    #[error("{}", self.full_message())]
    Empty {
        /// The input file.
        path: PathBuf,
    },
    /// `--campaign` names a campaign that does not exist.
    #[error("{}", self.full_message())]
    NoCampaign {
        /// The slug given.
        slug: String,
        /// Existing campaign slugs, for the hint.
        known: Vec<String>,
    },
    /// The record could not be written.
    #[error("{}", self.full_message())]
    Write {
        /// The file or folder being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl ImportError {
    /// What went wrong, without the file (a diagnostic prints it beside).
    pub(crate) fn message(&self) -> Msg {
        match self {
            ImportError::Read { source, .. } => msg!("imp-read", error = source.to_string()),
            ImportError::Docx { source, .. } => msg!("imp-docx", detail = source.to_string()),
            ImportError::NotUtf8 { offset, .. } => msg!("imp-not-utf8", offset = *offset),
            ImportError::Binary { .. } => msg!("imp-binary"),
            ImportError::NotAFile { .. } => msg!("imp-not-a-file"),
            ImportError::TooLarge { limit, .. } => msg!("imp-too-large", limit = limit >> 20),
            ImportError::Pdf { source, .. } => source.message(),
            ImportError::LegacyDoc { .. } => msg!("imp-legacy-doc"),
            ImportError::Unsupported { ext, .. } => msg!("imp-unsupported", ext = ext.as_str()),
            ImportError::Empty { .. } => msg!("imp-empty"),
            ImportError::NoCampaign { slug, .. } => msg!("imp-no-campaign", slug = slug.as_str()),
            ImportError::Write { source, .. } => msg!("imp-write", error = source.to_string()),
        }
    }

    /// The file the error is about.
    fn path(&self) -> PathBuf {
        match self {
            ImportError::Read { path, .. }
            | ImportError::Docx { path, .. }
            | ImportError::NotUtf8 { path, .. }
            | ImportError::Binary { path }
            | ImportError::NotAFile { path }
            | ImportError::TooLarge { path, .. }
            | ImportError::Pdf { path, .. }
            | ImportError::LegacyDoc { path }
            | ImportError::Unsupported { path, .. }
            | ImportError::Empty { path }
            | ImportError::Write { path, .. } => path.clone(),
            ImportError::NoCampaign { .. } => PathBuf::from("content/phong-trao"),
        }
    }

    /// The file and the message, for `Display`.
    fn full_message(&self) -> String {
        match self {
            ImportError::NoCampaign { .. } => self.message().text(),
            _ => format!("{}: {}", self.path().display(), self.message().text()),
        }
    }

    /// What to do about it.
    fn hint(&self) -> Msg {
        match self {
            ImportError::Read { .. } => msg!("imp-read-hint"),
            ImportError::Docx { .. } => msg!("imp-docx-hint"),
            ImportError::NotUtf8 { .. } => msg!("imp-not-utf8-hint"),
            ImportError::Binary { .. } => msg!("imp-binary-hint"),
            ImportError::Unsupported { .. } => msg!("imp-unsupported-hint"),
            ImportError::NotAFile { .. } => msg!("imp-not-a-file-hint"),
            ImportError::TooLarge { .. } => msg!("imp-too-large-hint"),
            ImportError::Pdf { source, .. } => source.hint(),
            ImportError::LegacyDoc { .. } => msg!("imp-legacy-doc-hint"),
            ImportError::Empty { .. } => msg!("imp-empty-hint"),
            ImportError::NoCampaign { slug, known } => {
                let near = known
                    .iter()
                    .map(|k| (strsim::levenshtein(k, slug), k))
                    .filter(|(d, _)| *d <= 3)
                    .min()
                    .map(|(_, k)| k);
                match near {
                    Some(s) => msg!("ref-did-you-mean", slug = s, section = "phong-trao"),
                    None => msg!("imp-campaigns-are", list = known.join(", ")),
                }
            }
            ImportError::Write { .. } => msg!("imp-write-hint"),
        }
    }

    /// The error as a diagnostic with a hint, like the rest of the CLI prints.
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic::error(self.path(), self.message()).hint(self.hint())
    }
}

/// Largest text file read (`.txt`, `.md`): a long report is well under 1 MiB.
pub const TEXT_LIMIT: u64 = 16 << 20;
/// Largest `.docx` or `.pdf` read; its parts and pages have their own caps
/// ([`docx::PART_LIMIT`], [`pdf::PAGE_LIMIT`]).
pub const FILE_LIMIT: u64 = 64 << 20;

/// The extensions read, for a folder walk.
pub(crate) const EXTENSIONS: [&str; 6] = ["docx", "pdf", "txt", "md", "markdown", "text"];

/// One document, read and converted, not yet written.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The input file.
    pub source: PathBuf,
    /// The bytes read, written as the attachment: the attachment is what was
    /// read, never a second read of a file that may have changed meanwhile.
    pub original: Vec<u8>,
    /// What the header and footer say.
    pub meta: header::Metadata,
    /// The body as Markdown.
    pub body: String,
    /// What was missing or guessed, as warnings about the input file.
    pub warnings: Vec<Diagnostic>,
}

/// The cap for a file of this extension.
fn limit_for(path: &Path) -> u64 {
    match extension(path).as_str() {
        "docx" | "pdf" | "doc" => FILE_LIMIT,
        _ => TEXT_LIMIT,
    }
}

fn extension(path: &Path) -> String {
    path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default()
}

/// Reads a regular file whole, refusing devices, pipes and anything over `limit`.
/// The read itself stops at `limit + 1` bytes, so a file that grows meanwhile
/// (or lies about its size) is refused too, never truncated.
pub(crate) fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    use std::io::Read as _;
    let read_err = |source| ImportError::Read { path: path.to_owned(), source };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(ImportError::NotAFile { path: path.to_owned() });
    }
    if meta.len() > limit {
        return Err(ImportError::TooLarge { path: path.to_owned(), limit });
    }
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes).map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge { path: path.to_owned(), limit });
    }
    Ok(bytes)
}

/// Reads and converts one file.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    if extension(path) == "doc" {
        return Err(ImportError::LegacyDoc { path: path.to_owned() });
    }
    let bytes = read_capped(path, limit_for(path))?;
    import_bytes(path, bytes)
}

/// The magic number of an OLE compound file (Word 97–2003 `.doc`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// [`import_file`] on bytes already read; `path` gives the extension (which
/// reader) and the name used in messages. The fuzz targets call this.
pub fn import_bytes(path: &Path, bytes: Vec<u8>) -> Result<Imported, ImportError> {
    let ext = extension(path);
    if bytes.len() as u64 > limit_for(path) {
        return Err(ImportError::TooLarge { path: path.to_owned(), limit: limit_for(path) });
    }
    if bytes.starts_with(&OLE_MAGIC) || ext == "doc" {
        return Err(ImportError::LegacyDoc { path: path.to_owned() });
    }
    let mut notes: Vec<Msg> = Vec::new();
    let mut pdf_evidence = None;
    let doc = match ext.as_str() {
        "docx" => {
            let (doc, legacy) = docx::parse(std::io::Cursor::new(bytes.as_slice()))
                .map_err(|source| ImportError::Docx { path: path.to_owned(), source })?;
            notes.extend(legacy.map(|l| l.note()));
            doc
        }
        "pdf" => {
            let read = pdf::parse(&bytes).map_err(|source| ImportError::Pdf { path: path.to_owned(), source })?;
            if read.pages_with_text == 0 {
                return Ok(scanned(path, bytes, read.pages));
            }
            pdf_evidence = Some(read.stamp);
            if read.undiacritised {
                notes.push(msg!("pdf-undiacritised"));
                text::parse(&restore::restore(&read.text))
            } else {
                text::parse(&read.text)
            }
        }
        "txt" | "md" | "markdown" | "text" => {
            let (text, legacy) = legacy::decode_text(&bytes).map_err(|e| match e {
                legacy::TextError::Binary => ImportError::Binary { path: path.to_owned() },
                legacy::TextError::NotUtf8 { offset } => ImportError::NotUtf8 { path: path.to_owned(), offset },
            })?;
            notes.extend(legacy.map(|l| l.note()));
            if restore::undiacritised(&text) {
                notes.push(msg!("imp-undiacritised"));
                text::parse(&restore::restore(&text))
            } else {
                text::parse(&text)
            }
        }
        _ => return Err(ImportError::Unsupported { path: path.to_owned(), ext }),
    };
    let split = header::extract(doc.blocks);
    let body = markdown::to_markdown(&split.body, &doc.footnotes);
    let mut warnings: Vec<Diagnostic> = notes.into_iter().map(|n| Diagnostic::warning(path, n)).collect();
    warnings.extend(split.warnings.into_iter().map(|w| Diagnostic::warning(path, w)));
    let mut meta = split.meta;
    if let Some(stamp) = pdf_evidence {
        warnings.extend(stamp.check(&mut meta).into_iter().map(|w| Diagnostic::warning(path, w)));
    }
    if body.trim().is_empty() && meta.title.is_none() {
        return Err(ImportError::Empty { path: path.to_owned() });
    }
    if meta.title.is_none() {
        let stem = stem(path);
        warnings.push(
            Diagnostic::warning(path, msg!("imp-title-from-file", name = stem.as_str()))
                .hint(msg!("imp-title-from-file-hint")),
        );
        meta.title = Some(stem);
    }
    Ok(Imported { source: path.to_owned(), original: bytes, meta, body, warnings })
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A PDF without a text layer (a scan): a record with the file attached, the
/// file name as its title and an empty body, and a warning that says so.
fn scanned(path: &Path, bytes: Vec<u8>, pages: usize) -> Imported {
    let stem = stem(path);
    let warning = Diagnostic::warning(path, msg!("pdf-scanned", pages = pages)).hint(msg!("pdf-scanned-hint"));
    let meta = header::Metadata { title: Some(stem), ..header::Metadata::default() };
    Imported { source: path.to_owned(), original: bytes, meta, body: String::new(), warnings: vec![warning] }
}
