//! The small intermediate model both readers produce and the later stages
//! consume: paragraphs made of styled runs, tables, and footnotes.
//!
//! `.docx` and plain text look nothing alike, but once read they carry the same
//! information. Giving them one model keeps metadata extraction ([`super::header`])
//! and Markdown writing ([`super::markdown`]) independent of the input format.

use std::collections::BTreeMap;

/// A piece of text with one style, or a footnote reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Run {
    /// The text, NFC, as written.
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    /// A footnote reference: the note's id in [`Doc::footnotes`]. `text` is
    /// the marker as written, used when the note turns out not to exist.
    pub(crate) note: Option<String>,
}

impl Run {
    /// Plain text run.
    pub(crate) fn plain(text: impl Into<String>) -> Self {
        Run { text: text.into(), ..Run::default() }
    }
}

/// What the source says a paragraph is, before any guessing from its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum ParaKind {
    /// A plain paragraph (its text may still start with "I." or "-").
    #[default]
    Normal,
    /// A heading style of the source (Word's Heading 1 → 1).
    Heading(u8),
    /// An item of a list the source numbers itself (Word numbering).
    ListItem {
        /// Decimal or letter numbering rather than bullets.
        ordered: bool,
        /// Nesting level, 0 for the outermost.
        level: u8,
    },
}

/// A paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Paragraph {
    /// Styled runs, in order.
    pub(crate) runs: Vec<Run>,
    /// What the source says it is.
    pub(crate) kind: ParaKind,
}

impl Paragraph {
    /// The text without styles, with whitespace runs collapsed and ends trimmed.
    pub(crate) fn plain(&self) -> String {
        collapse(&self.runs.iter().map(|r| r.text.as_str()).collect::<String>())
    }

    /// True when every non-blank run is bold.
    pub(crate) fn all_bold(&self) -> bool {
        let mut seen = false;
        for r in self.runs.iter().filter(|r| !r.text.trim().is_empty()) {
            if !r.bold {
                return false;
            }
            seen = true;
        }
        seen
    }
}

/// One cell: its paragraphs.
pub(crate) type Cell = Vec<Paragraph>;

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Paragraph(Paragraph),
    /// A table: rows of cells; the first row is the header.
    Table(Vec<Vec<Cell>>),
}

/// A whole document as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Doc {
    /// The blocks in order.
    pub(crate) blocks: Vec<Block>,
    /// Footnote texts by id.
    pub(crate) footnotes: BTreeMap<String, Vec<Run>>,
}

/// Collapses every whitespace run to one space and trims the ends.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `s` has letters and none of them is lowercase ("BAN DÂN TỘC").
pub(crate) fn is_upper(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_collapses_runs() {
        let p = Paragraph { runs: vec![Run::plain(" KẾ  "), Run::plain("HOẠCH ")], kind: ParaKind::Normal };
        assert_eq!(p.plain(), "KẾ HOẠCH");
    }

    #[test]
    fn upper_needs_letters() {
        assert!(is_upper("BAN DÂN TỘC"));
        assert!(!is_upper("Ban Dân tộc"));
        assert!(!is_upper("2022 - 15"));
    }
}
