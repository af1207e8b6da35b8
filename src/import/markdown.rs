//! Body blocks → clean Markdown.
//!
//! Official documents number their own structure: `Phần thứ nhất`, `I.`, `1.`,
//! `1.1.`, `a)`, then `-` and `+` items. That numbering, not the look of the
//! source, decides the Markdown: the kinds of numbering present are ranked and
//! mapped to `##`…`######` (so a plan with `I.` and `1.` gets `##` and `###`,
//! a report with `Phần` as well gets one level more). A numbered line that is
//! a long sentence is an item, not a heading. The official numbers stay in the
//! text because other documents cite them ("mục II.2").
//!
//! Every block is separated by a blank line (loose lists): a list item such as
//! `2. …` right under a `-` item would otherwise be read as its continuation.
//! Text is escaped so that nothing in a document can turn into a link, raw HTML
//! or an accidental heading.

use super::block::{collapse, is_upper, Block, Cell, ParaKind, Paragraph, Run};
use std::collections::BTreeMap;

/// The numbering kinds of official documents, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Numbering {
    /// `Phần thứ nhất`, `PHẦN II`.
    Part,
    /// `I.`, `IV.`.
    Roman,
    /// `1.`, `2)`.
    Arabic,
    /// `2.1.`, `2.1`.
    Dotted,
    /// `a)`, `đ)`.
    Letter,
}

/// The numbering a line starts with, if any.
///
/// ```
/// use thidua::import::markdown::{numbering, Numbering};
/// assert_eq!(numbering("II. NỘI DUNG"), Some(Numbering::Roman));
/// assert_eq!(numbering("2.1. Kết quả"), Some(Numbering::Dotted));
/// assert_eq!(numbering("48 cá nhân"), None);
/// ```
pub fn numbering(s: &str) -> Option<Numbering> {
    // only the first 9 characters ("phần thứ ") are compared: lowercasing the
    // whole line made each call O(length)
    let lower: String = s.chars().take(9).flat_map(char::to_lowercase).collect();
    if lower.starts_with("phần thứ ") || (lower.starts_with("phần ") && roman_len(&s[s.find(' ')? + 1..]) > 0) {
        return Some(Numbering::Part);
    }
    let marker_end = |rest: &str| rest.is_empty() || rest.starts_with(' ');
    let r = roman_len(s);
    if r > 0 && s[r..].starts_with(['.', ')']) && marker_end(&s[r + 1..]) && !s[r + 1..].trim().is_empty() {
        return Some(Numbering::Roman);
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        if rest.starts_with(['.', ')']) && rest.len() > 2 && marker_end(&rest[1..]) {
            return Some(Numbering::Arabic);
        }
        let dotted = rest.strip_prefix('.').map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.'));
        if rest.starts_with(".")
            && rest[1..].starts_with(|c: char| c.is_ascii_digit())
            && dotted.is_some_and(marker_end)
        {
            return Some(Numbering::Dotted);
        }
    }
    let mut cs = s.chars();
    if let (Some(c), Some(')'), Some(' ')) = (cs.next(), cs.next(), cs.next()) {
        if c.is_lowercase() && (c.is_ascii_alphabetic() || c == 'đ') {
            return Some(Numbering::Letter);
        }
    }
    None
}

/// Length in bytes of the Roman numeral at the start of `s`.
fn roman_len(s: &str) -> usize {
    s.chars().take_while(|c| matches!(c, 'I' | 'V' | 'X' | 'L')).count()
}

/// What one paragraph becomes.
#[derive(Debug, Clone, PartialEq)]
enum Out {
    Heading(Numbering, String, Vec<Run>),
    /// A numbered line that is not a heading: an item (`a)`), a numbered
    /// paragraph (`1.`) or a plain one (`1.1`).
    NumberedText(Numbering, Vec<Run>),
    SourceHeading(u8, String),
    Item {
        level: u8,
        runs: Vec<Run>,
    },
    Para(Vec<Run>),
    Table(Vec<Vec<Cell>>),
}

/// Longest numbered line (in characters) read as a heading even when it ends with a full stop.
const HEADING_SHORT: usize = 32;
/// Longest numbered line without a full stop read as a heading.
const HEADING_MAX: usize = 200;

/// A numbered line is a heading unless it reads as a sentence: one that
/// announces more (`:`), continues (`;`), or ends with a full stop (a
/// one-sentence item, "a) Mỗi xã giảm 3% hộ nghèo."), unless very short.
pub(crate) fn is_heading_text(text: &str) -> bool {
    // counted only as far as the limits: a paragraph can be megabytes long
    let n = text.chars().take(HEADING_MAX + 1).count();
    !text.ends_with([':', ';']) && n <= HEADING_MAX && (!text.ends_with('.') || n <= HEADING_SHORT)
}

fn classify(p: &Paragraph) -> Out {
    let text = p.plain();
    match p.kind {
        ParaKind::Heading(n) => return Out::SourceHeading(n, text),
        ParaKind::ListItem { level, .. } => return Out::Item { level, runs: p.runs.clone() },
        ParaKind::Normal => {}
    }
    if let Some(kind) = numbering(&text) {
        if matches!(kind, Numbering::Part | Numbering::Roman) || is_heading_text(&text) {
            return Out::Heading(kind, text, p.runs.clone());
        }
        return Out::NumberedText(kind, p.runs.clone());
    }
    for (mark, level) in [("- ", 0), ("• ", 0), ("+ ", 1)] {
        if text.starts_with(mark) {
            return Out::Item { level, runs: strip_prefix_runs(&p.runs, mark.trim()) };
        }
    }
    Out::Para(p.runs.clone())
}

/// Removes a list mark from the start of the runs.
fn strip_prefix_runs(runs: &[Run], mark: &str) -> Vec<Run> {
    let mut out = runs.to_vec();
    for r in &mut out {
        let t = r.text.trim_start();
        if t.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix(mark) {
            r.text = rest.trim_start().to_owned();
        }
        break;
    }
    out.retain(|r| !r.text.is_empty());
    out
}

/// One decision per numbering kind within a section: a document numbers its
/// headings and its items with different kinds, so when the lines of one kind
/// (`1.`, `a)`) in one section (between `I.`/`Phần` headings) are judged
/// differently one by one (`a)` an item, `b)` a heading, because `b)` happened
/// to be short), the majority decides for all of them. A tie makes them text:
/// a heading is only claimed when most lines of the kind read as one. A
/// document may still use `1.` for headings in one section and for items in
/// the next. Parts and Roman numerals are always headings.
fn unify_kinds(outs: Vec<Out>) -> Vec<Out> {
    let section_break =
        |o: &Out| matches!(o, Out::Heading(Numbering::Part | Numbering::Roman, _, _) | Out::SourceHeading(..));
    let mut result = Vec::with_capacity(outs.len());
    let mut section: Vec<Out> = Vec::new();
    for o in outs {
        if section_break(&o) {
            result.extend(unify_section(std::mem::take(&mut section)));
            result.push(o);
        } else {
            section.push(o);
        }
    }
    result.extend(unify_section(section));
    result
}

fn unify_section(outs: Vec<Out>) -> Vec<Out> {
    let mut votes: BTreeMap<Numbering, (usize, usize)> = BTreeMap::new();
    for o in &outs {
        match o {
            Out::Heading(k, _, _) => votes.entry(*k).or_default().0 += 1,
            Out::NumberedText(k, _) => votes.entry(*k).or_default().1 += 1,
            _ => {}
        }
    }
    let heading_kind = |k: &Numbering| votes.get(k).is_some_and(|(h, t)| h > t);
    outs.into_iter()
        .map(|o| match o {
            Out::Heading(k, _, runs) if !heading_kind(&k) => Out::NumberedText(k, runs),
            Out::NumberedText(k, runs) if heading_kind(&k) => {
                let text = collapse(&runs.iter().map(|r| r.text.as_str()).collect::<String>());
                if text.chars().count() <= HEADING_MAX && !text.ends_with([':', ';']) {
                    Out::Heading(k, text, runs)
                } else {
                    Out::NumberedText(k, runs)
                }
            }
            o => o,
        })
        .collect()
}

/// Joins `Phần thứ nhất` with the all-capitals title line that follows it.
fn merge_parts(outs: Vec<Out>) -> Vec<Out> {
    let mut merged: Vec<Out> = Vec::with_capacity(outs.len());
    for o in outs {
        if let (Some(Out::Heading(Numbering::Part, head, _)), Out::Para(runs)) = (merged.last_mut(), &o) {
            let text = collapse(&runs.iter().map(|r| r.text.as_str()).collect::<String>());
            if is_upper(&text) && !head.contains(':') {
                head.push_str(": ");
                head.push_str(&text);
                continue;
            }
        }
        merged.push(o);
    }
    merged
}

/// The Markdown of a body and its footnotes.
pub(crate) fn to_markdown(blocks: &[Block], footnotes: &BTreeMap<String, Vec<Run>>) -> String {
    let outs: Vec<Out> = blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => classify(p),
            Block::Table(rows) => Out::Table(rows.clone()),
        })
        .collect();
    let outs = unify_kinds(merge_parts(outs));
    let levels = heading_levels(&outs);
    let mut notes = Notes { defined: footnotes, order: Vec::new() };
    let mut parts: Vec<String> = Vec::new();
    for o in &outs {
        let md = match o {
            Out::Heading(kind, text, _) => format!("{} {}", "#".repeat(levels[kind]), escape(text)),
            Out::NumberedText(Numbering::Letter, runs) => format!("- {}", inline(runs, &mut notes)),
            Out::NumberedText(Numbering::Arabic, runs) => inline(runs, &mut notes),
            Out::NumberedText(_, runs) => escape_start(&inline(runs, &mut notes)),
            Out::SourceHeading(n, text) => format!("{} {}", "#".repeat((*n as usize + 1).min(6)), escape(text)),
            Out::Item { level, runs } => format!("{}- {}", "  ".repeat(*level as usize), inline(runs, &mut notes)),
            Out::Para(runs) => escape_start(&inline(runs, &mut notes)),
            Out::Table(rows) => table(rows, &mut notes),
        };
        if !md.trim().is_empty() {
            parts.push(md);
        }
    }
    for (n, id) in notes.order.clone().iter().enumerate() {
        let text = inline(&footnotes[id], &mut notes);
        parts.push(format!("[^{}]: {text}", n + 1));
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// Heading level of each numbering kind present: the outermost gets `##`.
fn heading_levels(outs: &[Out]) -> BTreeMap<Numbering, usize> {
    let mut kinds: Vec<Numbering> =
        outs.iter().filter_map(|o| if let Out::Heading(k, _, _) = o { Some(*k) } else { None }).collect();
    kinds.sort();
    kinds.dedup();
    kinds.iter().enumerate().map(|(i, k)| (*k, (i + 2).min(6))).collect()
}

/// Footnotes referenced so far, numbered in order of first reference.
struct Notes<'a> {
    defined: &'a BTreeMap<String, Vec<Run>>,
    order: Vec<String>,
}

impl Notes<'_> {
    /// The label of a reference, or None when the note does not exist.
    fn label(&mut self, id: &str) -> Option<usize> {
        if !self.defined.contains_key(id) {
            return None;
        }
        let pos = self.order.iter().position(|x| x == id).unwrap_or_else(|| {
            self.order.push(id.to_owned());
            self.order.len() - 1
        });
        Some(pos + 1)
    }
}

/// Runs → inline Markdown on one line.
fn inline(runs: &[Run], notes: &mut Notes<'_>) -> String {
    let mut out = String::new();
    for r in runs {
        if let Some(id) = &r.note {
            match notes.label(id) {
                Some(n) => out.push_str(&format!("[^{n}]")),
                None => out.push_str(&escape(&r.text)),
            }
            continue;
        }
        let core = collapse(&r.text);
        if core.is_empty() {
            out.push(' ');
            continue;
        }
        if r.text.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        let mark = match (r.bold, r.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        out.push_str(mark);
        out.push_str(&escape(&core));
        out.push_str(mark);
        if r.text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
    collapse(&out)
}

/// Escapes the characters Markdown would read as syntax.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '~' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Keeps a paragraph starting with "- " or "3. " from becoming a list.
fn escape_start(s: &str) -> String {
    if s.starts_with(['-', '+', '=']) {
        return format!("\\{s}");
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    s.to_owned()
}

/// A Markdown table; the first row is the header.
fn table(rows: &[Vec<Cell>], notes: &mut Notes<'_>) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut lines = Vec::with_capacity(rows.len() + 1);
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> =
            (0..width).map(|c| row.get(c).map_or(String::new(), |cell| cell_md(cell, notes))).collect();
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines.join("\n")
}

fn cell_md(cell: &Cell, notes: &mut Notes<'_>) -> String {
    cell.iter().map(|p| inline(&p.runs, notes)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::parse;

    fn md(text: &str) -> String {
        let doc = parse(text);
        to_markdown(&doc.blocks, &doc.footnotes)
    }

    #[test]
    fn numbering_kinds() {
        assert_eq!(numbering("Phần thứ nhất"), Some(Numbering::Part));
        assert_eq!(numbering("I. MỤC ĐÍCH"), Some(Numbering::Roman));
        assert_eq!(numbering("1. Mục đích"), Some(Numbering::Arabic));
        assert_eq!(numbering("a) Phong trào"), Some(Numbering::Letter));
        assert_eq!(numbering("V/v triển khai"), None);
        assert_eq!(numbering("2022. Năm"), None);
        assert_eq!(numbering("Ban Dân tộc"), None);
    }

    #[test]
    fn structure_becomes_headings_and_lists() {
        let out = md("I. MỤC ĐÍCH\n1. Mục đích\n- Một việc.\n+ Việc con.\na) Mục nhỏ\n");
        assert_eq!(out, "## I. MỤC ĐÍCH\n\n### 1. Mục đích\n\n- Một việc.\n\n  - Việc con.\n\n#### a) Mục nhỏ\n");
    }

    #[test]
    fn parts_add_a_level_and_take_their_title() {
        let out = md("Phần thứ nhất\n\nTÌNH HÌNH CHUNG\n\nI. KHÁI QUÁT\n\nNội dung.");
        assert!(out.starts_with("## Phần thứ nhất: TÌNH HÌNH CHUNG\n\n### I. KHÁI QUÁT"), "{out}");
    }

    #[test]
    fn long_numbered_sentence_is_not_a_heading() {
        let long = format!("1. {}.", "Tiếp tục quán triệt tư tưởng của Chủ tịch Hồ Chí Minh về thi đua ".repeat(3));
        assert!(!md(&long).starts_with('#'));
    }

    #[test]
    fn syntax_in_text_is_escaped() {
        assert_eq!(md("Xem [mục 2] <script> a_b"), "Xem \\[mục 2\\] \\<script\\> a\\_b\n");
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let out = md("Một³ và hai¹.\n\n¹ Chú thích một.\n\n³ Chú thích ba.");
        assert!(out.contains("Một[^1] và hai[^2]."), "{out}");
        assert!(out.contains("[^1]: Chú thích ba.\n\n[^2]: Chú thích một."), "{out}");
    }
}
