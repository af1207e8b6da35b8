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

use lopdf::{Document, Encoding, Object};
use std::collections::BTreeMap;

/// Most pages read: official documents run to tens of pages.
pub const PAGE_LIMIT: usize = 500;
/// Largest decompressed stream (a page's content, a font map).
pub const STREAM_LIMIT: usize = 16 << 20;
/// Most characters of text taken from one PDF.
pub const TEXT_LIMIT: usize = 8 << 20;
/// Most text-showing operations on one page.
const OPS_LIMIT: usize = 1_000_000;

/// What went wrong reading a PDF.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Not a PDF, or damaged beyond what the parser repairs.
    #[error("không đọc được tệp PDF: {0}")]
    Broken(String),
    /// Protected with a password.
    #[error("tệp PDF được bảo vệ bằng mật khẩu")]
    Encrypted,
    /// More pages than [`PAGE_LIMIT`].
    #[error("tệp PDF có {0} trang, quá mức {PAGE_LIMIT} trang mà thidua import đọc")]
    TooManyPages(usize),
    /// A stream or the text over its cap.
    #[error("tệp PDF chứa quá nhiều dữ liệu ({0}); thidua import không đọc cắt cụt")]
    TooLarge(&'static str),
}

impl PdfError {
    /// What to do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            PdfError::Broken(_) => {
                "mở tệp bằng trình đọc PDF để kiểm tra; nếu có bản .docx của văn bản, hãy nhập bản đó"
            }
            PdfError::Encrypted => "xin bản không đặt mật khẩu, hoặc nhập bản .docx của văn bản",
            PdfError::TooManyPages(_) | PdfError::TooLarge(_) => {
                "tách phụ lục dài thành tệp riêng, hoặc nhập bản .docx của văn bản"
            }
        }
    }
}

/// A PDF read.
#[derive(Debug, Clone, Default)]
pub struct Read {
    /// The text, lines rebuilt, pages one after the other.
    pub text: String,
    /// Pages in the file.
    pub pages: usize,
    /// Pages with any text.
    pub pages_with_text: usize,
    /// The digital-signature stamp, if the page showed one.
    pub stamp: Stamp,
    /// Long text with almost no Vietnamese letters: the hidden text a
    /// scanner's character recognition adds, without diacritics.
    pub undiacritised: bool,
}

/// Vietnamese prose has a letter with a diacritic in most words; recognised
/// text from a scan without Vietnamese support has almost none.
fn undiacritised(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let marked = text.split_whitespace().filter(|w| w.chars().any(|c| !c.is_ascii() && c.is_alphabetic())).count();
    words >= 50 && marked * 10 < words
}

/// What a digital-signature stamp said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    /// "Ký bởi: …".
    pub signed_by: Option<String>,
    /// "Thời gian ký: …", as written.
    pub time: Option<String>,
}

impl Stamp {
    /// Notes for the report, and the date of signing where the document's own
    /// date is blank.
    pub fn check(&self, meta: &mut super::header::Metadata) -> Vec<String> {
        let mut notes = Vec::new();
        if self.signed_by.is_none() && self.time.is_none() {
            return notes;
        }
        notes.push(format!(
            "chữ ký số trên tệp PDF: ký bởi {}, thời gian ký {} (đã bỏ khỏi nội dung)",
            self.signed_by.as_deref().unwrap_or("?"),
            self.time.as_deref().unwrap_or("?")
        ));
        if let Some(date) = self.time.as_deref().and_then(stamp_date) {
            let partial = meta.issued.as_deref().is_none_or(|d| d.len() < 10);
            let same_year = meta.issued.as_deref().is_none_or(|d| date.starts_with(&d[..4.min(d.len())]));
            if partial && same_year {
                notes.push(format!("ngày ban hành để trống; `issued` lấy ngày ký số {date}"));
                meta.issued = Some(date);
            }
        }
        notes
    }
}

/// "10.05.2020 09:30:15 +07:00", "10/05/2020 …", "2020-05-10T…" → "2020-05-10".
fn stamp_date(t: &str) -> Option<String> {
    let first = t.split_whitespace().next()?;
    let first = first.split('T').next()?;
    let parts: Vec<&str> = first.split(['.', '/', '-']).collect();
    let nums: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    let (y, m, d) = match nums.as_slice() {
        [y, m, d] if *y > 1900 => (*y, *m, *d),
        [d, m, y] if *y > 1900 => (*y, *m, *d),
        _ => return None,
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Reads a PDF's text. A panic inside the parser on a hostile file is turned
/// into [`PdfError::Broken`]: one bad file never stops a batch.
pub fn parse(bytes: &[u8]) -> Result<Read, PdfError> {
    match std::panic::catch_unwind(|| parse_inner(bytes)) {
        Ok(r) => r,
        Err(_) => Err(PdfError::Broken("tệp hỏng (trình phân tích dừng bất thường)".into())),
    }
}

fn parse_inner(bytes: &[u8]) -> Result<Read, PdfError> {
    if !bytes.starts_with(b"%PDF") && !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(PdfError::Broken("tệp không bắt đầu bằng %PDF".into()));
    }
    let options = lopdf::LoadOptions { max_decompressed_size: Some(STREAM_LIMIT), ..Default::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(_) => PdfError::TooLarge("luồng nén"),
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
                return Err(PdfError::TooLarge("chữ"));
            }
            lines.push(line);
        }
    }
    let lines: Vec<String> = lines.iter().map(|l| place_marks(l)).collect();
    let (kept, stamp) = take_stamp(lines);
    read.stamp = stamp;
    read.text = kept.join("\n");
    read.undiacritised = undiacritised(&read.text);
    Ok(read)
}

/// A piece of text placed on the page (PDF user space, y upwards).
#[derive(Debug, Clone)]
struct Piece {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// A font's decoding and widths.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// A TCVN3 or VNI font (`ABCDEF+.VnTime`): its text is converted.
    legacy: Option<(super::legacy::Legacy, bool)>,
    two_byte: bool,
    widths: BTreeMap<u32, f64>,
    default_width: f64,
}

impl Font<'_> {
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        if self.two_byte {
            bytes.chunks(2).map(|c| c.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b))).collect()
        } else {
            bytes.iter().map(|&b| u32::from(b)).collect()
        }
    }

    fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width) / 1000.0
    }

    fn decode(&self, bytes: &[u8]) -> String {
        let text: String = match &self.encoding {
            Some(e) => e.bytes_to_string(bytes).unwrap_or_default(),
            None => bytes.iter().filter(|b| b.is_ascii_graphic() || **b == b' ').map(|&b| char::from(b)).collect(),
        };
        // glyphs without a character (a tab drawn as a box) become spaces
        let text: String = text
            .chars()
            .map(|c| if c == '\u{fffd}' || c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) { ' ' } else { c })
            .collect();
        match self.legacy {
            Some((super::legacy::Legacy::Tcvn3, caps)) => super::legacy::from_tcvn3(&text, caps),
            Some((super::legacy::Legacy::Vni, _)) => super::legacy::from_vni(&text),
            None => text,
        }
    }
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn load_font<'a>(doc: &'a Document, dict: &'a lopdf::Dictionary) -> Font<'a> {
    let encoding = dict.get_font_encoding_with_limit(doc, STREAM_LIMIT).ok();
    let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
    let mut widths = BTreeMap::new();
    let mut default_width = 500.0;
    let two_byte = subtype == b"Type0";
    let deref = |o: &'a Object| doc.dereference(o).map(|(_, o)| o).ok();
    if two_byte {
        let desc = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(deref)
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(deref)
            .and_then(|o| o.as_dict().ok());
        if let Some(desc) = desc {
            if let Some(dw) = desc.get(b"DW").ok().and_then(num) {
                default_width = dw;
            } else {
                default_width = 1000.0;
            }
            if let Some(w) = desc.get(b"W").ok().and_then(deref).and_then(|o| o.as_array().ok()) {
                cid_widths(w, &deref, &mut widths);
            }
        }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0) as u32;
        if let Some(w) = dict.get(b"Widths").ok().and_then(deref).and_then(|o| o.as_array().ok()) {
            for (i, v) in w.iter().take(256).enumerate() {
                if let Some(v) = deref(v).and_then(num) {
                    widths.insert(first + i as u32, v);
                }
            }
        }
    }
    let name = dict.get(b"BaseFont").and_then(Object::as_name).map(String::from_utf8_lossy).unwrap_or_default();
    let legacy = super::legacy::Legacy::of_font(name.split_once('+').map_or(&*name, |(_, n)| n));
    Font { encoding, legacy, two_byte, widths, default_width }
}

/// The `/W` array of a CID font: `c [w1 w2 …]` or `c_first c_last w`.
fn cid_widths<'a>(w: &'a [Object], deref: &dyn Fn(&'a Object) -> Option<&'a Object>, out: &mut BTreeMap<u32, f64>) {
    let mut i = 0;
    while i < w.len() && out.len() < 70_000 {
        let Some(first) = num(&w[i]).map(|f| f as u32) else { break };
        match w.get(i + 1).and_then(deref) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(65_536) {
                    if let Some(v) = num(v) {
                        out.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(v)) = (num(o).map(|l| l as u32), w.get(i + 2).and_then(num)) else { break };
                for c in first..=last.min(first.saturating_add(65_536)) {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// A 2D affine matrix [a b c d e f].
type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn matrix(ops: &[Object]) -> Option<Matrix> {
    let v: Vec<f64> = ops.iter().map(num).collect::<Option<_>>()?;
    let m: Matrix = v.try_into().ok()?;
    m.iter().all(|x| x.is_finite()).then_some(m)
}

/// The text state of the walk over one content stream.
struct State {
    ctm: Matrix,
    stack: Vec<Matrix>,
    tm: Matrix,
    tlm: Matrix,
    leading: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    size: f64,
    font: Option<Vec<u8>>,
}

fn page_pieces(doc: &Document, page_id: lopdf::ObjectId) -> Result<Vec<Piece>, PdfError> {
    let content = doc.get_page_content_with_limit(page_id, STREAM_LIMIT).map_err(|e| match e {
        lopdf::Error::Decompress(_) => PdfError::TooLarge("nội dung trang"),
        _ => PdfError::Broken(e.to_string()),
    });
    let Ok(content) = content else {
        // a page whose content cannot be read has no text; a broken page
        // among good ones is reported by the caller as a page without text
        return content.map(|_| Vec::new()).or_else(|e| match e {
            PdfError::TooLarge(_) => Err(e),
            _ => Ok(Vec::new()),
        });
    };
    let ops = lopdf::content::Content::decode(&content).map(|c| c.operations).unwrap_or_default();
    // A simple font with both an /Encoding and a /ToUnicode map is read by
    // its map: Vietnamese in a one-byte font is only right there.
    let dicts: Vec<(Vec<u8>, lopdf::Dictionary)> = doc
        .get_page_fonts(page_id)
        .unwrap_or_default()
        .into_iter()
        .map(|(name, dict)| {
            let mut dict = dict.clone();
            let simple = dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|t| t != b"Type0");
            if simple && dict.has(b"ToUnicode") {
                dict.remove(b"Encoding");
            }
            (name, dict)
        })
        .collect();
    let fonts: BTreeMap<Vec<u8>, Font> =
        dicts.iter().map(|(name, dict)| (name.clone(), load_font(doc, dict))).collect();
    let mut s = State {
        ctm: IDENTITY,
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        leading: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        size: 1.0,
        font: None,
    };
    let mut pieces = Vec::new();
    for op in ops.iter().take(OPS_LIMIT) {
        let a = &op.operands;
        let n = |i: usize| a.get(i).and_then(num).filter(|v| v.is_finite()).unwrap_or(0.0);
        match op.operator.as_str() {
            "q" if s.stack.len() < 64 => s.stack.push(s.ctm),
            "Q" => s.ctm = s.stack.pop().unwrap_or(s.ctm),
            "cm" => {
                if let Some(m) = matrix(a) {
                    s.ctm = mul(&m, &s.ctm);
                }
            }
            "BT" => {
                s.tm = IDENTITY;
                s.tlm = IDENTITY;
            }
            "Tf" => {
                s.font = a.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                s.size = n(1);
            }
            "Tc" => s.char_space = n(0),
            "Tw" => s.word_space = n(0),
            "Tz" => s.scale = n(0) / 100.0,
            "TL" => s.leading = n(0),
            "Td" => next_line(&mut s, n(0), n(1)),
            "TD" => {
                s.leading = -n(1);
                next_line(&mut s, n(0), n(1));
            }
            "Tm" => {
                if let Some(m) = matrix(a) {
                    s.tm = m;
                    s.tlm = m;
                }
            }
            "T*" => next_row(&mut s),
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" {
                    next_row(&mut s);
                }
                if op.operator == "\"" {
                    s.word_space = n(0);
                    s.char_space = n(1);
                    next_row(&mut s);
                }
                let Some(font) = s.font.as_ref().and_then(|f| fonts.get(f)) else { continue };
                let items: &[Object] = match (op.operator.as_str(), a.last()) {
                    ("TJ", Some(Object::Array(items))) => items,
                    (_, Some(o)) => std::slice::from_ref(o),
                    _ => &[],
                };
                show(&mut s, font, items, &mut pieces);
            }
            _ => {}
        }
    }
    Ok(pieces)
}

/// `T*`: the next line, one leading down.
fn next_row(s: &mut State) {
    let leading = s.leading;
    next_line(s, 0.0, -leading);
}

fn next_line(s: &mut State, tx: f64, ty: f64) {
    s.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &s.tlm);
    s.tm = s.tlm;
}

/// Shows strings (and `TJ` adjustments), one piece per string.
fn show(s: &mut State, font: &Font, items: &[Object], pieces: &mut Vec<Piece>) {
    for item in items {
        match item {
            Object::String(bytes, _) => {
                let text = font.decode(bytes);
                let start = mul(&s.tm, &s.ctm);
                let mut advance = 0.0;
                for code in font.codes(bytes) {
                    let space = if !font.two_byte && code == 32 { s.word_space } else { 0.0 };
                    advance += (font.width(code) * s.size + s.char_space + space) * s.scale;
                }
                s.tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], &s.tm);
                let end = mul(&s.tm, &s.ctm);
                let size = (s.size * (start[2].powi(2) + start[3].powi(2)).sqrt()).abs().max(0.1);
                if !text.is_empty() {
                    pieces.push(Piece { x: start[4], y: start[5], end: end[4], size, text });
                }
            }
            o => {
                if let Some(adj) = num(o) {
                    let dx = -adj / 1000.0 * s.size * s.scale;
                    s.tm = mul(&[1.0, 0.0, 0.0, 1.0, dx, 0.0], &s.tm);
                }
            }
        }
    }
}

/// Pieces → lines, top to bottom; a vertical gap of more than about two lines
/// leaves an empty line.
fn rebuild_lines(mut pieces: Vec<Piece>) -> Vec<String> {
    pieces.retain(|p| p.x.is_finite() && p.y.is_finite() && p.end.is_finite() && !p.text.trim().is_empty());
    pieces.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<(f64, f64, Vec<Piece>)> = Vec::new();
    for p in pieces {
        match rows.last_mut() {
            Some((y, size, row)) if (*y - p.y).abs() <= 0.45 * size.max(p.size) => {
                *size = size.max(p.size);
                row.push(p);
            }
            _ => rows.push((p.y, p.size, vec![p])),
        }
    }
    // the text's left and right edges on this page, for centred lines
    let left = rows.iter().flat_map(|r| r.2.iter().map(|p| p.x)).fold(f64::INFINITY, f64::min);
    let right = rows.iter().flat_map(|r| r.2.iter().map(|p| p.end)).fold(f64::NEG_INFINITY, f64::max);
    let width = (right - left).max(1.0);
    let centred = |row: &[Piece]| {
        let l = row.iter().map(|p| p.x).fold(f64::INFINITY, f64::min) - left;
        let r = right - row.iter().map(|p| p.end).fold(f64::NEG_INFINITY, f64::max);
        l > 0.03 * width && (l - r).abs() < 0.05 * width
    };
    // a page number alone at the top or bottom of the page is no text
    let page_number = |row: &[Piece]| {
        let t: String = row.iter().map(|p| p.text.as_str()).collect();
        let t = t.trim().trim_matches(['-', '–', ' ']);
        !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
    };
    let last = rows.len().saturating_sub(1);
    let rows: Vec<_> = rows
        .into_iter()
        .enumerate()
        .filter(|(i, r)| !((*i == 0 || *i == last) && page_number(&r.2)))
        .map(|(_, r)| r)
        .collect();
    let mut out = Vec::new();
    let mut prev_y: Option<(f64, f64)> = None;
    let mut prev_centred = false;
    for (y, size, mut row) in rows {
        // a centred block (the type, the subject) and the text around it are
        // different paragraphs however close: two empty lines end a paragraph
        let c = centred(&row);
        if prev_y.is_some() && prev_centred && !c {
            out.extend([String::new(), String::new()]);
        } else if let Some((py, psize)) = prev_y {
            if py - y > 2.2 * psize.max(size) {
                out.push(String::new());
            }
        }
        prev_centred = c;
        prev_y = Some((y, size));
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        // a row drawn letter by letter with widths a little too wide has
        // letters overlapping: a space is a gap wider than the usual one
        let mut gaps: Vec<f64> = row.windows(2).map(|w| w[1].x - w[0].end).collect();
        gaps.sort_by(f64::total_cmp);
        let base = if gaps.len() >= 4 { gaps[gaps.len() / 2].min(0.0) } else { 0.0 };
        // the smallest gap (in ems) read as a space: letter-by-letter rows
        // are measured from their usual gap, so a smaller one is enough
        let space = if base < 0.0 { 0.08 } else { 0.1 };
        let mut line = String::new();
        let mut end: Option<f64> = None;
        for p in row {
            if let Some(e) = end {
                let gap = p.x - e - base;
                if gap > 1.5 * p.size {
                    line.push_str("     ");
                } else if gap > space * p.size && !line.ends_with(' ') && !p.text.starts_with(' ') {
                    line.push(' ');
                }
            }
            line.push_str(&p.text);
            end = Some(end.map_or(p.end, |e: f64| e.max(p.end)));
        }
        let line = line.trim_end().to_owned();
        if !line.trim().is_empty() {
            out.push(line);
        }
    }
    out
}

/// Some fonts draw a tone mark after the final consonant ("hoc̣", "thuôc̣"):
/// a combining mark never stands on a consonant in Vietnamese, so it goes
/// back onto the last vowel of its word before the text is composed (NFC).
fn place_marks(line: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let vowel = |c: char| c.nfd().next().is_some_and(|b| "aeiouyAEIOUY".contains(b));
    let mut out: Vec<char> = Vec::with_capacity(line.len());
    for c in line.nfd() {
        let mark = ('\u{300}'..='\u{323}').contains(&c);
        let after_consonant = out.last().is_some_and(|p| p.is_ascii_alphabetic() && !vowel(*p));
        if mark && after_consonant {
            let word_start = out.iter().rposition(|p| !p.is_alphabetic() && !('\u{300}'..='\u{36f}').contains(p));
            let from = word_start.map_or(0, |i| i + 1);
            if let Some(v) = out[from..].iter().rposition(|p| vowel(*p)) {
                // after the vowel and the marks it already has
                let mut at = from + v + 1;
                while out.get(at).is_some_and(|p| ('\u{300}'..='\u{36f}').contains(p)) {
                    at += 1;
                }
                out.insert(at, c);
                continue;
            }
        }
        out.push(c);
    }
    crate::text::nfc(&out.into_iter().collect::<String>())
}

/// The lines a signature stamp puts on the page, and what they say.
const STAMP_KEYS: [&str; 6] = ["Ký bởi", "Người ký", "Email", "Cơ quan", "Thời gian ký", "Ngày ký"];

/// Takes the signature stamp's lines out: from "Ký bởi:" through "Thời gian
/// ký:", only lines that are stamp fields.
fn take_stamp(lines: Vec<String>) -> (Vec<String>, Stamp) {
    let mut stamp = Stamp::default();
    let mut kept = Vec::with_capacity(lines.len());
    let mut in_stamp = false;
    for line in lines {
        let t = crate::text::nfc(line.trim());
        let key = STAMP_KEYS.iter().find(|k| t.starts_with(*k) && t[k.len()..].trim_start().starts_with(':'));
        let value = |k: &str| t[k.len()..].trim_start()[1..].trim().to_owned();
        match key {
            Some(&k @ ("Ký bởi" | "Người ký")) => {
                in_stamp = true;
                stamp.signed_by = Some(value(k));
            }
            Some(&k @ ("Thời gian ký" | "Ngày ký")) if in_stamp || stamp.signed_by.is_some() => {
                stamp.time = Some(value(k));
                in_stamp = false;
            }
            Some(_) if in_stamp => {}
            _ => {
                in_stamp = false;
                kept.push(line);
            }
        }
    }
    (kept, stamp)
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
