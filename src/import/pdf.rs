//! Text PDFs → plain text with the page's lines rebuilt, for [`super::text`].
//!
//! Most documents are now published as PDFs that Word wrote and a signing
//! tool stamped. Their text is there, but as positioned pieces, not lines: a
//! two-column header is two runs of text at the same height, a table a grid of
//! them. `lopdf` (maintained, bounded decompression, decodes the fonts'
//! `ToUnicode` maps and simple encodings) parses the file; this module walks
//! each page's content stream with the text state the PDF operators set
//! (`Tm`, `Td`, `TL`, `Tf`, `cm`, …), places every piece of text, then groups
//! pieces into lines by height and joins them left to right: a small gap is a
//! space, a wide one three or more spaces, which the text reader takes for a
//! column break exactly as in a text copy of a two-column header.
//!
//! The stamp a digital signature leaves on the page ("Ký bởi: …", "Thời gian
//! ký: …") is taken out of the text and kept as [`Stamp`] evidence.
//!
//! Caps: [`PAGE_LIMIT`] pages, [`STREAM_LIMIT`] bytes of any decompressed
//! stream, [`TEXT_LIMIT`] characters of text; more is an error, never a cut.

use crate::i18n::Msg;
use crate::msg;
use lopdf::{Document, Encoding, Object};
use std::collections::BTreeMap;

mod content;
mod lines;
mod stamp;

use content::page_pieces;
#[cfg(test)]
use content::Piece;
use lines::{place_marks, rebuild_lines};
#[cfg(test)]
use stamp::stamp_date;
use stamp::take_stamp;
pub(crate) use stamp::Stamp;

/// Most pages read: official documents run to tens of pages.
pub const PAGE_LIMIT: usize = 500;
/// Largest decompressed stream (a page's content, a font map).
pub(crate) const STREAM_LIMIT: usize = 16 << 20;
/// Most characters of text taken from one PDF.
pub(crate) const TEXT_LIMIT: usize = 8 << 20;
/// Most text-showing operations on one page.
const OPS_LIMIT: usize = 1_000_000;

/// What went wrong reading a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Not a PDF, or damaged beyond what the parser repairs.
    #[error("{}", self.message().text())]
    Broken(String),
    /// Protected with a password.
    #[error("{}", self.message().text())]
    Encrypted,
    /// More pages than [`PAGE_LIMIT`].
    #[error("{}", self.message().text())]
    TooManyPages(usize),
    /// A stream or the text over its cap.
    #[error("{}", self.message().text())]
    TooLarge(&'static str),
}

impl PdfError {
    /// What went wrong, as a catalogue message.
    pub(crate) fn message(&self) -> Msg {
        match self {
            PdfError::Broken(why) => msg!("pdf-broken", why = why.as_str()),
            PdfError::Encrypted => msg!("pdf-encrypted"),
            PdfError::TooManyPages(n) => msg!("pdf-too-many-pages", pages = *n, limit = PAGE_LIMIT),
            PdfError::TooLarge(what) => msg!("pdf-too-large", what = *what),
        }
    }

    /// What to do about it.
    pub(crate) fn hint(&self) -> Msg {
        match self {
            PdfError::Broken(_) => msg!("pdf-broken-hint"),
            PdfError::Encrypted => msg!("pdf-encrypted-hint"),
            PdfError::TooManyPages(_) | PdfError::TooLarge(_) => msg!("pdf-too-large-hint"),
        }
    }
}

/// A PDF read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Read {
    /// The text, lines rebuilt, pages one after the other.
    pub(crate) text: String,
    /// Pages in the file.
    pub(crate) pages: usize,
    /// Pages with any text.
    pub(crate) pages_with_text: usize,
    /// The digital-signature stamp, if the page showed one.
    pub(crate) stamp: Stamp,
    /// Long text with almost no Vietnamese letters: the hidden text a
    /// scanner's character recognition adds, without diacritics.
    pub(crate) undiacritised: bool,
}

/// Reads a PDF's text. A panic inside the parser on a hostile file is turned
/// into [`PdfError::Broken`]: one bad file never stops a batch.
pub(crate) fn parse(bytes: &[u8]) -> Result<Read, PdfError> {
    match std::panic::catch_unwind(|| parse_inner(bytes)) {
        Ok(r) => r,
        Err(_) => Err(PdfError::Broken(crate::t!("pdf-parser-stopped"))),
    }
}

fn parse_inner(bytes: &[u8]) -> Result<Read, PdfError> {
    if !bytes.starts_with(b"%PDF") && !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::Broken(crate::t!("pdf-no-header")));
    }
    let options = lopdf::LoadOptions { max_decompressed_size: Some(STREAM_LIMIT), ..Default::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(_) => PdfError::TooLarge("stream"),
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
        e => PdfError::Broken(e.to_string()),
    })?;
    if doc.is_encrypted() && doc.encryption_state.is_none() {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.len() > PAGE_LIMIT {
        return Err(PdfError::TooManyPages(pages.len()));
    }
    let mut read = Read { pages: pages.len(), ..Read::default() };
    let mut lines: Vec<String> = Vec::new();
    let mut chars = 0usize;
    for (_, page_id) in pages {
        let pieces = page_pieces(&doc, page_id)?;
        if pieces.iter().any(|p| !p.text.trim().is_empty()) {
            read.pages_with_text += 1;
        }
        for line in rebuild_lines(pieces) {
            chars += line.len();
            if chars > TEXT_LIMIT {
                return Err(PdfError::TooLarge("text"));
            }
            lines.push(line);
        }
    }
    let lines: Vec<String> = lines.iter().map(|l| place_marks(l)).collect();
    let (kept, stamp) = take_stamp(lines);
    read.stamp = stamp;
    read.text = kept.join("\n");
    read.undiacritised = crate::import::restore::undiacritised(&read.text);
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamp_lines_are_evidence_not_body() {
        let lines = [
            "Nội dung.",
            "Ký bởi: Nguyễn Văn A",
            "Email: a@x.vn",
            "Cơ quan: Ban Dân tộc",
            "Thời gian ký: 10.05.2024 09:30:15 +07:00",
            "Nơi nhận:",
        ];
        let (kept, stamp) = take_stamp(lines.iter().map(|s| (*s).to_owned()).collect());
        assert_eq!(kept, ["Nội dung.", "Nơi nhận:"]);
        assert_eq!(stamp.signed_by.as_deref(), Some("Nguyễn Văn A"));
        assert_eq!(stamp_date(stamp.time.as_deref().unwrap()).as_deref(), Some("2024-05-10"));
    }

    #[test]
    fn pieces_on_one_height_make_one_line_with_a_column_gap() {
        let p = |x: f64, y: f64, w: f64, t: &str| Piece { x, y, end: x + w, size: 12.0, text: t.into() };
        let lines = rebuild_lines(vec![
            p(300.0, 800.0, 100.0, "CỘNG HÒA"),
            p(50.0, 800.5, 80.0, "BAN DÂN TỘC"),
            p(50.0, 785.0, 30.0, "Số:"),
            p(82.0, 785.0, 30.0, "15/KH"),
        ]);
        assert_eq!(lines, ["BAN DÂN TỘC     CỘNG HÒA", "Số: 15/KH"]);
    }

    #[test]
    fn a_row_drawn_letter_by_letter_keeps_its_spaces() {
        // widths a little too wide: letters overlap by 1 pt, words are 0.3 pt apart
        let mut pieces = Vec::new();
        let mut x = 100.0;
        for word in ["VÀ", "ĐÀO", "TẠO"] {
            for c in word.chars() {
                pieces.push(Piece { x, y: 700.0, end: x + 8.4, size: 13.0, text: c.to_string() });
                x += 7.4;
            }
            x += 1.3;
        }
        assert_eq!(rebuild_lines(pieces), ["VÀ ĐÀO TẠO"]);
    }

    #[test]
    fn a_tone_mark_after_the_consonant_goes_onto_the_vowel() {
        assert_eq!(place_marks("năm hoc\u{323} trưc\u{323} thuôc\u{323}"), "năm học trực thuộc");
        assert_eq!(place_marks("Việt Nam"), "Việt Nam");
    }

    #[test]
    fn not_a_pdf_is_an_error() {
        assert!(matches!(parse(b"hello"), Err(PdfError::Broken(_))));
        assert!(matches!(parse(b"%PDF-1.4\n garbage"), Err(PdfError::Broken(_))));
    }
}
