//! `thidua import`: official documents (`.docx`, `.txt`, `.md`) → `van-ban`
//! records with the original file attached.
//!
//! The stages mirror the generator's: a reader ([`docx`] or [`text`]) turns
//! the file into the small [`block`] model; [`header`] takes the metadata out
//! of the document's header and footer; [`markdown`] writes the body; and
//! [`record`] makes the front matter, picks a free slug and writes the folder.
//! Each stage returns a new value and never reaches back, so each is tested on
//! its own, and `--dry-run` is simply "stop before [`record::write`]".

pub mod batch;
pub mod block;
pub mod docx;
pub mod header;
pub mod legacy;
pub mod markdown;
pub mod pdf;
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
    /// Not a regular file: a device such as `/dev/zero`, a pipe or a folder.
    #[error("{}: không phải một tệp thông thường (thiết bị, ống dẫn hay thư mục)", path.display())]
    NotAFile {
        /// The input file.
        path: PathBuf,
    },
    /// A file larger than the importer reads.
    #[error("{}: tệp lớn hơn {} MiB, mức tối đa mà thidua import đọc", path.display(), limit >> 20)]
    TooLarge {
        /// The input file.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// A broken, encrypted or oversized PDF.
    #[error("{}: {source}", path.display())]
    Pdf {
        /// The input file.
        path: PathBuf,
        /// The cause.
        source: pdf::PdfError,
    },
    /// A Word 97–2003 `.doc` (an OLE compound file), whatever its name says.
    #[error("{}: đây là tệp Word 97–2003 (.doc), thidua không đọc được định dạng cũ này", path.display())]
    LegacyDoc {
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
                (path.clone(), "import .docx, .pdf, .txt or .md files, or a folder of them".into())
            }
            ImportError::NotAFile { path } => {
                (path.clone(), "hãy chỉ ra chính tệp văn bản (.docx, .pdf, .txt, .md) hoặc thư mục chứa chúng".into())
            }
            ImportError::TooLarge { path, .. } => (
                path.clone(),
                "một văn bản hành chính hiếm khi quá vài MiB: kiểm tra đúng tệp chưa, hoặc tách phụ lục thành tệp riêng"
                    .into(),
            ),
            ImportError::Pdf { path, source } => (path.clone(), source.hint().into()),
            ImportError::LegacyDoc { path } => {
                (path.clone(), "mở tệp bằng Word hoặc LibreOffice và lưu lại thành .docx (Word Document), rồi nhập tệp .docx".into())
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

/// Largest text file read (`.txt`, `.md`): a long report is well under 1 MiB.
pub const TEXT_LIMIT: u64 = 16 << 20;
/// Largest `.docx` or `.pdf` read; its parts and pages have their own caps
/// ([`docx::PART_LIMIT`], [`pdf::PAGE_LIMIT`]).
pub const FILE_LIMIT: u64 = 64 << 20;

/// The extensions read, for a folder walk.
pub const EXTENSIONS: [&str; 6] = ["docx", "pdf", "txt", "md", "markdown", "text"];

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
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
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
    let mut notes: Vec<String> = Vec::new();
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
                notes.push(
                    "chữ trong tệp PDF gần như không có dấu tiếng Việt: có lẽ là chữ nhận dạng (OCR) từ bản quét, \
                     các trường đọc được không đáng tin; hãy nhập bản .docx hoặc bản PDF xuất từ Word"
                        .to_owned(),
                );
            }
            text::parse(&read.text)
        }
        "txt" | "md" | "markdown" | "text" => {
            let (text, legacy) = legacy::decode_text(&bytes).map_err(|e| match e {
                legacy::TextError::Binary => ImportError::Binary { path: path.to_owned() },
                legacy::TextError::NotUtf8 { offset } => ImportError::NotUtf8 { path: path.to_owned(), offset },
            })?;
            notes.extend(legacy.map(|l| l.note()));
            text::parse(&text)
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
            Diagnostic::warning(path, format!("no trích yếu found; the title is the file name \"{stem}\""))
                .hint("edit `title` in the written index.md"),
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
    let warning = Diagnostic::warning(
        path,
        format!("tệp PDF này ({pages} trang) không có lớp chữ (là bản quét): chỉ đính kèm tệp gốc, nội dung để trống"),
    )
    .hint("gõ lại số, ngày, người ký, trích yếu vào index.md, hoặc nhập bản .docx/.pdf có chữ của văn bản này");
    let meta = header::Metadata { title: Some(stem), ..header::Metadata::default() };
    Imported { source: path.to_owned(), original: bytes, meta, body: String::new(), warnings: vec![warning] }
}
