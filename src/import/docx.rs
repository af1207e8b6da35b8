//! `.docx` → the [`Doc`] model, with a real zip reader (`zip`) and XML parser
//! (`quick-xml`).
//!
//! Only what an official document uses is read: paragraphs with their runs
//! (bold, italic, tabs, line breaks), Word numbering (bullets or numbers, by
//! `word/numbering.xml`), heading styles, tables (nested ones are flattened
//! into their cell), and footnotes from `word/footnotes.xml`. Text is taken
//! only from `w:t`, so field codes and deleted text never leak in.

use super::block::{Block, Cell, Doc, ParaKind, Paragraph, Run};
use super::legacy::Legacy;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::io::{Read, Seek};

/// What went wrong reading a `.docx`.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// Not a zip archive at all.
    #[error("{}", crate::t!("docx-not-zip", detail = .0.to_string()))]
    NotZip(#[source] zip::result::ZipError),
    /// A zip without the main document part.
    #[error("{}", crate::t!("docx-no-document"))]
    NoDocument,
    /// A part could not be read from the archive.
    #[error("{}", crate::t!("docx-part", part = *part, detail = message.as_str()))]
    Part {
        /// The part, e.g. `word/document.xml`.
        part: &'static str,
        /// Why.
        message: String,
    },
    /// A part larger than the importer reads: refused, never cut short.
    #[error("{}", crate::t!("docx-part-too-large", part = *part, limit = PART_LIMIT >> 20))]
    PartTooLarge {
        /// The part.
        part: &'static str,
    },
    /// A part that ends before its elements are closed (a cut-off file).
    #[error("{}", crate::t!("docx-truncated", part = *part, open = *open, first = first.as_str()))]
    Truncated {
        /// The part.
        part: &'static str,
        /// How many elements are still open.
        open: usize,
        /// The outermost open element.
        first: String,
    },
    /// Broken XML.
    #[error("{}", crate::t!("docx-xml", part = *part, offset = *offset, detail = message.as_str()))]
    Xml {
        /// The part.
        part: &'static str,
        /// Byte offset in the part.
        offset: u64,
        /// The parser's message.
        message: String,
    },
}

/// Largest XML part read, uncompressed (a 40-page document is about 1 MiB).
/// A larger part is an error: reading only its first 64 MiB silently dropped
/// the conclusion and the signature of a document.
pub const PART_LIMIT: u64 = 64 << 20;

/// Reads a `.docx` from its bytes, with the legacy encoding its text was
/// converted from, if any (by the runs' fonts, or else by the characters).
pub(crate) fn parse<R: Read + Seek>(reader: R) -> Result<(Doc, Option<Legacy>), DocxError> {
    let mut zip = zip::ZipArchive::new(reader).map_err(DocxError::NotZip)?;
    let document = read_part(&mut zip, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = match read_part(&mut zip, "word/numbering.xml")? {
        Some(xml) => parse_numbering(&xml)?,
        None => Numbering::default(),
    };
    let default_font = match read_part(&mut zip, "word/styles.xml")? {
        Some(xml) => default_font(&xml)?,
        None => None,
    };
    let fonts = Fonts { default: default_font };
    let body = parse_part(&document, "word/document.xml", &numbering, &fonts)?;
    let mut legacy = body.legacy;
    let mut doc = Doc { blocks: body.blocks, footnotes: BTreeMap::new() };
    if let Some(xml) = read_part(&mut zip, "word/footnotes.xml")? {
        let notes = parse_part(&xml, "word/footnotes.xml", &numbering, &fonts)?;
        legacy = legacy.or(notes.legacy);
        for (id, blocks) in notes.notes {
            doc.footnotes.insert(id, note_runs(blocks));
        }
    }
    if legacy.is_none() {
        legacy = convert_by_characters(&mut doc);
    }
    Ok((doc, legacy))
}

/// Text typed in a legacy encoding under a Unicode font name (the font was
/// changed afterwards): found by its characters, converted run by run.
fn convert_by_characters(doc: &mut Doc) -> Option<Legacy> {
    let mut all = String::new();
    for_each_run(doc, &mut |r| {
        all.push_str(&r.text);
        all.push(' ');
    });
    let legacy = super::legacy::detect(&all)?;
    for_each_run(doc, &mut |r| r.text = super::legacy::convert(&r.text, legacy));
    Some(legacy)
}

fn for_each_run(doc: &mut Doc, f: &mut dyn FnMut(&mut Run)) {
    let mut para = |p: &mut Paragraph| p.runs.iter_mut().for_each(&mut *f);
    for b in &mut doc.blocks {
        match b {
            Block::Paragraph(p) => para(p),
            Block::Table(rows) => rows.iter_mut().flatten().flatten().for_each(&mut para),
        }
    }
    for runs in doc.footnotes.values_mut() {
        runs.iter_mut().for_each(&mut *f);
    }
}

/// The document's default font (`w:docDefaults`, then the `Normal` style).
fn default_font(xml: &str) -> Result<Option<String>, DocxError> {
    const PART: &str = "word/styles.xml";
    let mut reader = Reader::from_str(xml);
    let (mut in_defaults, mut in_normal) = (false, false);
    let (mut defaults, mut normal) = (None, None);
    loop {
        let ev = reader.read_event().map_err(|e| xml_error(PART, &reader, e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => match local(e).as_str() {
                "docDefaults" => in_defaults = matches!(ev, Event::Start(_)),
                "style" => in_normal = attr(e, "styleId").as_deref() == Some("Normal"),
                "rFonts" if in_defaults && defaults.is_none() => defaults = font_of(e),
                "rFonts" if in_normal && normal.is_none() => normal = font_of(e),
                _ => {}
            },
            Event::End(e) => {
                let local = e.local_name();
                let name: &str = local.as_ref();
                match name {
                    "docDefaults" => in_defaults = false,
                    "style" => in_normal = false,
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(normal.or(defaults))
}

/// The font a `w:rFonts` names for Latin text.
fn font_of(e: &BytesStart<'_>) -> Option<String> {
    attr(e, "ascii").or_else(|| attr(e, "hAnsi"))
}

/// Fonts that apply where a run names none.
#[derive(Debug, Default)]
struct Fonts {
    default: Option<String>,
}

fn read_part<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, part: &'static str) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(part) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::Part { part, message: e.to_string() }),
    };
    if file.size() > PART_LIMIT {
        return Err(DocxError::PartTooLarge { part });
    }
    let mut text = String::new();
    let read = file
        .take(PART_LIMIT + 1)
        .read_to_string(&mut text)
        .map_err(|e| DocxError::Part { part, message: e.to_string() })?;
    if read as u64 > PART_LIMIT {
        return Err(DocxError::PartTooLarge { part });
    }
    Ok(Some(text))
}

/// A footnote's paragraphs as one line of runs.
fn note_runs(blocks: Vec<Block>) -> Vec<Run> {
    let mut runs = Vec::new();
    for b in blocks {
        if let Block::Paragraph(p) = b {
            if !runs.is_empty() {
                runs.push(Run::plain(" "));
            }
            runs.extend(p.runs);
        }
    }
    runs
}

/// numId → ilvl → ordered?
#[derive(Debug, Default)]
struct Numbering {
    ordered: BTreeMap<String, BTreeMap<String, bool>>,
}

impl Numbering {
    fn is_ordered(&self, num: &str, level: &str) -> bool {
        self.ordered.get(num).and_then(|l| l.get(level)).copied().unwrap_or(false)
    }
}

fn xml_error(part: &'static str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> DocxError {
    DocxError::Xml { part, offset: reader.buffer_position(), message: e.to_string() }
}

/// The value of the attribute whose local name is `name` (`w:val` → "val").
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == name).map(|a| {
        let raw: String = a.value.as_ref().to_owned();
        quick_xml::escape::unescape(&raw).map(|c| c.into_owned()).unwrap_or(raw)
    })
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

/// A `w:b`/`w:i` toggle is on unless its value says off.
fn toggle_on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off" | "none"))
}

fn parse_numbering(xml: &str) -> Result<Numbering, DocxError> {
    const PART: &str = "word/numbering.xml";
    let mut reader = Reader::from_str(xml);
    let mut abstracts: BTreeMap<String, BTreeMap<String, bool>> = BTreeMap::new();
    let mut nums: Vec<(String, String)> = Vec::new();
    let (mut cur_abstract, mut cur_level, mut cur_num) = (None::<String>, None::<String>, None::<String>);
    loop {
        let ev = reader.read_event().map_err(|e| xml_error(PART, &reader, e))?;
        match &ev {
            Event::Start(e) | Event::Empty(e) => match local(e).as_str() {
                "abstractNum" => cur_abstract = attr(e, "abstractNumId"),
                "lvl" => cur_level = attr(e, "ilvl"),
                "numFmt" => {
                    if let (Some(a), Some(l)) = (&cur_abstract, &cur_level) {
                        let ordered = !matches!(attr(e, "val").as_deref(), Some("bullet" | "none") | None);
                        abstracts.entry(a.clone()).or_default().insert(l.clone(), ordered);
                    }
                }
                "num" => cur_num = attr(e, "numId"),
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (&cur_num, attr(e, "val")) {
                        nums.push((n.clone(), a));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let ordered = nums.into_iter().filter_map(|(n, a)| abstracts.get(&a).map(|l| (n, l.clone()))).collect();
    Ok(Numbering { ordered })
}

/// Blocks of a part, and the footnotes it defines (for footnotes.xml).
#[derive(Debug, Default)]
struct Parsed {
    blocks: Vec<Block>,
    notes: Vec<(String, Vec<Block>)>,
    /// The legacy encoding a run's font named, if any.
    legacy: Option<Legacy>,
}

/// A table being read.
#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
    cell: Cell,
}

/// State of one walk over a part.
#[derive(Debug, Default)]
struct Walk {
    out: Parsed,
    note: Option<(String, Vec<Block>)>,
    tables: Vec<TableBuild>,
    para: Option<Paragraph>,
    num: (Option<String>, Option<String>),
    run: Option<Run>,
    /// The font the current run names.
    run_font: Option<String>,
    in_run_props: bool,
    in_text: bool,
    /// Elements open now: at the end of the part there must be none.
    open: Vec<String>,
}

impl Walk {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        match local(e).as_str() {
            "footnote" => {
                let separator = attr(e, "type").is_some_and(|t| t != "normal");
                if let (false, Some(id)) = (separator || empty, attr(e, "id")) {
                    self.note = Some((id, Vec::new()));
                }
            }
            "tbl" if !empty => self.tables.push(TableBuild::default()),
            "p" if !empty => {
                self.para = Some(Paragraph::default());
                self.num = (None, None);
            }
            "pStyle" => {
                if let (Some(p), Some(style)) = (self.para.as_mut(), attr(e, "val")) {
                    p.kind = style_kind(&style);
                }
            }
            "ilvl" => self.num.0 = attr(e, "val"),
            "numId" => self.num.1 = attr(e, "val").filter(|n| n != "0"),
            "r" if !empty => {
                self.run = Some(Run::default());
                self.run_font = None;
            }
            "rFonts" if self.in_run_props => self.run_font = font_of(e),
            "rPr" if self.run.is_some() => self.in_run_props = !empty,
            "b" if self.in_run_props => self.set_style(|r| r.bold = toggle_on(e)),
            "i" if self.in_run_props => self.set_style(|r| r.italic = toggle_on(e)),
            "t" if !empty => self.in_text = true,
            "tab" if self.run.is_some() => self.push_text("\t"),
            "br" | "cr" => self.push_text("\n"),
            "noBreakHyphen" => self.push_text("-"),
            "footnoteReference" => {
                if let (Some(run), Some(id)) = (self.run.as_mut(), attr(e, "id")) {
                    run.note = Some(id.clone());
                    run.text = format!("[{id}]");
                }
            }
            _ => {}
        }
    }

    fn set_style(&mut self, f: impl FnOnce(&mut Run)) {
        if let Some(r) = self.run.as_mut() {
            f(r);
        }
    }

    fn push_text(&mut self, s: &str) {
        if let Some(r) = self.run.as_mut() {
            if r.note.is_none() {
                r.text.push_str(s);
            }
        }
    }

    fn end(&mut self, name: &str, numbering: &Numbering, fonts: &Fonts) {
        match name {
            "t" => self.in_text = false,
            "rPr" => self.in_run_props = false,
            "r" => {
                let font = self.run_font.take().or_else(|| fonts.default.clone());
                let legacy = font.as_deref().and_then(Legacy::of_font);
                if let (Some(p), Some(r)) = (self.para.as_mut(), self.run.take()) {
                    if !r.text.is_empty() {
                        let text = match legacy {
                            Some((Legacy::Tcvn3, caps)) => super::legacy::from_tcvn3(&r.text, caps),
                            Some((Legacy::Vni, _)) => super::legacy::from_vni(&r.text),
                            None => crate::text::nfc(&r.text),
                        };
                        if legacy.is_some() && r.note.is_none() {
                            self.out.legacy = legacy.map(|(l, _)| l);
                        }
                        p.runs.push(Run { text, ..r });
                    }
                }
            }
            "p" => {
                if let Some(mut p) = self.para.take() {
                    if let (Some(num), level) = (&self.num.1, &self.num.0) {
                        let level = level.clone().unwrap_or_else(|| "0".to_owned());
                        let ordered = numbering.is_ordered(num, &level);
                        p.kind = ParaKind::ListItem { ordered, level: level.parse().unwrap_or(0) };
                    }
                    self.push_paragraph(p);
                }
            }
            "tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell);
                }
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            "tbl" => self.end_table(),
            "footnote" => {
                if let Some(note) = self.note.take() {
                    self.out.notes.push(note);
                }
            }
            _ => {}
        }
    }

    fn push_paragraph(&mut self, p: Paragraph) {
        if let Some(t) = self.tables.last_mut() {
            t.cell.push(p);
        } else if p.runs.iter().any(|r| !r.text.trim().is_empty()) {
            self.push_block(Block::Paragraph(p));
        }
    }

    fn push_block(&mut self, b: Block) {
        match self.note.as_mut() {
            Some((_, blocks)) => blocks.push(b),
            None => self.out.blocks.push(b),
        }
    }

    /// A finished table: a block, or (nested) its text added to the outer cell.
    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else { return };
        match self.tables.last_mut() {
            Some(outer) => outer.cell.extend(t.rows.into_iter().flatten().flatten()),
            None if !t.rows.is_empty() => self.push_block(Block::Table(t.rows)),
            None => {}
        }
    }
}

fn style_kind(style: &str) -> ParaKind {
    let lower = style.to_lowercase();
    if lower == "title" {
        return ParaKind::Heading(1);
    }
    if let Some(n) = lower.strip_prefix("heading").and_then(|n| n.trim().parse::<u8>().ok()) {
        return ParaKind::Heading(n.clamp(1, 6));
    }
    if lower.starts_with("listbullet") {
        return ParaKind::ListItem { ordered: false, level: 0 };
    }
    if lower.starts_with("listnumber") {
        return ParaKind::ListItem { ordered: true, level: 0 };
    }
    ParaKind::Normal
}

fn parse_part(xml: &str, part: &'static str, numbering: &Numbering, fonts: &Fonts) -> Result<Parsed, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut w = Walk::default();
    loop {
        let ev = reader.read_event().map_err(|e| xml_error(part, &reader, e))?;
        match ev {
            Event::Start(e) => {
                w.open.push(local(&e));
                w.start(&e, false);
            }
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => {
                w.open.pop();
                w.end(e.local_name().as_ref(), numbering, fonts);
            }
            Event::Text(t) if w.in_text => {
                let text = t.xml10_content();
                w.push_text(&text);
            }
            Event::GeneralRef(r) if w.in_text => {
                let c = match r.resolve_char_ref().map_err(|e| xml_error(part, &reader, e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name: String = r.as_ref().to_owned();
                        quick_xml::escape::unescape(&format!("&{name};"))
                            .map_err(|e| xml_error(part, &reader, e))?
                            .into_owned()
                    }
                };
                w.push_text(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(first) = w.open.first() {
        return Err(DocxError::Truncated { part, open: w.open.len(), first: first.clone() });
    }
    Ok(w.out)
}
