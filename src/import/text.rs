//! Plain text (`.txt`, `.md`) → the [`Doc`] model.
//!
//! Text copied out of a PDF or a Word file keeps the page's line breaks, often
//! with a blank line after every line, so blank lines say nothing about where a
//! paragraph ends. Lines are therefore joined by what they say: a line ending a
//! sentence (`.`, `;`, `:`), a line that opens a numbered item or a list, an
//! all-capitals line, or a short numbered heading ends the paragraph; anything
//! else continues it (an open quotation or bold span always continues it).
//!
//! Lines with tabs between cells are table rows (the seed `004` writes a task
//! table so, with `<b>`/`<i>` tags); consecutive rows make one table. A line
//! starting with a superscript number (`¹ …`) is a footnote; a superscript
//! after a word is a reference to it. `**bold**`, `*italic*` and `#` heading
//! marks of Markdown-ish text are read as styles, not kept as characters.

use super::block::{collapse, is_upper, Block, Doc, ParaKind, Paragraph, Run};
use super::markdown;

/// Reads text that has already been checked to be UTF-8.
pub(crate) fn parse(text: &str) -> Doc {
    let text = crate::text::nfc(text.trim_start_matches('\u{feff}'));
    let mut doc = Doc::default();
    let mut para: Option<Para> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut blanks = 0;
    // the paragraph being read is the subject under a type line ("KẾ HOẠCH")
    let mut subject = false;
    for raw in text.lines() {
        let line = strip_heading_marks(raw.trim_end());
        if line.trim().is_empty() {
            blanks += 1;
            continue;
        }
        if std::mem::take(&mut blanks) >= 2 {
            flush_para(&mut doc, &mut para);
        }
        if is_row(line) {
            flush_para(&mut doc, &mut para);
            rows.push(line.split('\t').map(|c| c.trim().to_owned()).collect());
            continue;
        }
        flush_table(&mut doc, &mut rows);
        let line = line.trim();
        // the subject goes on only with lines that do not start with a capital:
        // a capital after it is the body's first paragraph
        let body_starts = subject && line.starts_with(char::is_uppercase);
        match para.as_mut() {
            Some(cur) if !body_starts && !starts_new(cur, line) => cur.push(line),
            _ => {
                subject = para.as_ref().is_some_and(|p| super::header::is_type_line(&p.plain));
                flush_para(&mut doc, &mut para);
                para = Some(Para::new(line));
            }
        }
    }
    flush_para(&mut doc, &mut para);
    flush_table(&mut doc, &mut rows);
    doc
}

/// Drops Markdown `#` heading marks: the importer finds the structure itself.
fn strip_heading_marks(line: &str) -> &str {
    let t = line.trim_start();
    let rest = t.trim_start_matches('#');
    if rest.len() < t.len() && rest.starts_with(' ') {
        rest
    } else {
        line
    }
}

/// A table row has a tab after some text (leading tabs are only indentation).
fn is_row(line: &str) -> bool {
    line.trim_start().contains('\t')
}

/// The paragraph being joined, with what [`starts_new`] asks of it kept up to
/// date line by line: asking it of the whole text at every line made joining
/// n lines cost O(n²) (5,000 one-word lines took seconds).
struct Para {
    /// The trimmed lines joined with a space.
    raw: String,
    /// `strip_markup(raw)`.
    plain: String,
    /// `“` and `”` in `plain`.
    quotes: (usize, usize),
    /// `**` in `raw`.
    stars: usize,
    /// `has_columns(raw)`.
    columns: bool,
    /// Whether `plain` has letters, and lowercase ones (for `is_upper`).
    letters: bool,
    lower: bool,
}

impl Para {
    fn new(line: &str) -> Para {
        let mut p = Para {
            raw: String::new(),
            plain: String::new(),
            quotes: (0, 0),
            stars: 0,
            columns: false,
            letters: false,
            lower: false,
        };
        p.push(line);
        p
    }

    /// Appends a trimmed, non-empty line.
    fn push(&mut self, line: &str) {
        // A tag can only be read across the join when a `<` is among the last
        // characters (`<b` + `r>` reads as `<b r>`): then read the whole again.
        let tag_across = self.raw.chars().rev().take(10).any(|c| c == '<');
        if !self.raw.is_empty() {
            self.raw.push(' ');
        }
        self.raw.push_str(line);
        self.stars += line.matches("**").count();
        self.columns |= has_columns(line);
        if tag_across {
            self.plain = strip_markup(&self.raw);
            self.quotes = (0, 0);
            self.letters = false;
            self.lower = false;
            let plain = std::mem::take(&mut self.plain);
            self.count(&plain);
            self.plain = plain;
        } else {
            let more = strip_markup(line);
            self.count(&more);
            if !more.is_empty() && !self.plain.is_empty() {
                self.plain.push(' ');
            }
            self.plain.push_str(&more);
        }
    }

    fn count(&mut self, plain: &str) {
        for c in plain.chars() {
            self.quotes.0 += usize::from(c == '“');
            self.quotes.1 += usize::from(c == '”');
            if c.is_alphabetic() {
                self.letters = true;
                self.lower |= c.is_lowercase();
            }
        }
    }

    /// An open “quotation” or `**bold**` span: the paragraph cannot end here.
    fn open_span(&self) -> bool {
        self.quotes.0 > self.quotes.1 || self.stars % 2 == 1
    }

    /// `is_upper(plain)`.
    fn is_upper(&self) -> bool {
        self.letters && !self.lower
    }
}

fn flush_para(doc: &mut Doc, para: &mut Option<Para>) {
    let Some(Para { raw: text, .. }) = para.take() else { return };
    if let Some((id, rest)) = footnote_definition(&text) {
        doc.footnotes.insert(id, parse_runs(rest));
    } else {
        doc.blocks.push(Block::Paragraph(Paragraph { runs: parse_runs(&text), kind: ParaKind::Normal }));
    }
}

fn flush_table(doc: &mut Doc, rows: &mut Vec<Vec<String>>) {
    if rows.is_empty() {
        return;
    }
    let cells = rows
        .drain(..)
        .map(|r| r.iter().map(|c| vec![Paragraph { runs: parse_runs(c), kind: ParaKind::Normal }]).collect())
        .collect();
    doc.blocks.push(Block::Table(cells));
}

/// `¹ - Ban Dân tộc …` → ("1", "Ban Dân tộc …").
fn footnote_definition(text: &str) -> Option<(String, &str)> {
    let digits: String = text.chars().map_while(superscript_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let rest = text[text.char_indices().nth(digits.chars().count()).map_or(text.len(), |(i, _)| i)..].trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest);
    Some((digits, rest))
}

/// The digit a superscript character stands for.
pub(crate) fn superscript_digit(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => char::from_digit(c as u32 - '⁴' as u32 + 4, 10),
        _ => None,
    }
}

/// Whether `line` begins a new paragraph after the paragraph `cur`.
/// Costs O(length of `line`), whatever the length of `cur`.
fn starts_new(cur: &Para, line: &str) -> bool {
    let (cur_p, line_p) = (&cur.plain, strip_markup(line));
    if is_rule_line(&line_p) || is_rule_line(cur_p) || signature_mark(cur_p) || signature_mark(&line_p) {
        return true;
    }
    // the signer's name under the last recipient ("- Lưu: VT" has no full stop)
    if cur_p.starts_with(['-', '+']) && super::header::is_name(&line_p) {
        return true;
    }
    if cur.open_span() {
        return false;
    }
    if starts_block(&line_p) || cur.columns || has_columns(line) || cur_p.starts_with("Số:") {
        return true;
    }
    if trailing_stars(&cur.raw) != line.chars().take_while(|&c| c == '*').count() {
        return true;
    }
    let line_lower_start = line_p.chars().next().is_some_and(char::is_lowercase);
    if line_lower_start && cur_p.ends_with([';', ',']) {
        return false;
    }
    if ends_sentence(cur_p) || cur.is_upper() || is_upper(&line_p) {
        return true;
    }
    let line_upper_start = line_p.chars().next().is_some_and(char::is_uppercase);
    line_upper_start && markdown::numbering(cur_p).is_some() && markdown::is_heading_text(cur_p)
}

/// "(Đã ký)", "(Ký, đóng dấu)": a line of its own in a signature block.
fn signature_mark(s: &str) -> bool {
    s.starts_with('(') && s.ends_with(')') && s.chars().count() < 40
}

/// A separator under a header line or the subject ("_____", "-----"): it
/// stands alone, so it never joins the subject to the first paragraph.
fn is_rule_line(s: &str) -> bool {
    s.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && s.chars().all(|c| c.is_whitespace() || matches!(c, '-' | '_' | '=' | '*' | '–' | '—' | '.'))
}

/// Beginnings that always start a block: list marks, header fields, and the
/// words that open a preamble paragraph ("Căn cứ Luật …", "Thực hiện Kế hoạch …").
const BLOCK_STARTS: [&str; 7] = ["Số:", "Số :", "Nơi nhận", "V/v", "Kính gửi", "Căn cứ ", "Thực hiện "];

/// How many `*` end the line: a change of emphasis between lines ends a paragraph.
fn trailing_stars(s: &str) -> usize {
    s.trim_end().chars().rev().take_while(|&c| c == '*').count()
}

/// Lines that always start a block: numbering, list marks, footnotes, header fields.
fn starts_block(line: &str) -> bool {
    let first = line.chars().next();
    if let Some(rest) = ["- ", "+ ", "• "].iter().find_map(|m| line.strip_prefix(m)) {
        // "kinh tế\n- xã hội": a dash before a lowercase word is a broken phrase, not an item.
        return !rest.trim_start().starts_with(char::is_lowercase);
    }
    markdown::numbering(line).is_some()
        || BLOCK_STARTS.iter().any(|p| line.starts_with(p))
        || line.contains(", ngày ")
        || first.and_then(superscript_digit).is_some()
}

/// Two page columns side by side ("UBND TỈNH …      CỘNG HÒA …").
pub(crate) fn has_columns(s: &str) -> bool {
    s.trim().contains("   ")
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', ';', ':', '!', '?', '…'])
}

#[cfg(test)]
thread_local! {
    /// Bytes given to [`strip_markup`] on this thread, for the test that joining is linear.
    static MARKUP_SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The text without `*` emphasis marks and `<…>` tags.
fn strip_markup(s: &str) -> String {
    #[cfg(test)]
    MARKUP_SCANNED.with(|n| n.set(n.get() + s.len()));
    collapse(&parse_runs(s).iter().map(|r| r.text.as_str()).collect::<String>())
}

/// Splits text into styled runs: `**`/`*` and `<b>`/`<i>` toggle styles;
/// superscript numbers after a word become footnote references.
pub(crate) fn parse_runs(s: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut cur = Run::default();
    let (mut bold, mut italic) = (false, false);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '<' {
            if let Some((len, tag)) = html_tag(&chars[i..]) {
                match tag.as_str() {
                    "b" | "strong" => bold = true,
                    "/b" | "/strong" => bold = false,
                    "i" | "em" => italic = true,
                    "/i" | "/em" => italic = false,
                    "br" | "br/" => cur.text.push(' '),
                    _ => {}
                }
                i += len;
                continue;
            }
        }
        if c == '*' {
            let n = chars[i..].iter().take_while(|&&x| x == '*').count();
            let prev_space = i == 0 || chars[i - 1].is_whitespace();
            let next_space = chars.get(i + n).is_none_or(|x| x.is_whitespace());
            if !(prev_space && next_space) {
                if n >= 2 {
                    bold = !bold;
                }
                if n % 2 == 1 {
                    italic = !italic;
                }
                i += n;
                continue;
            }
        }
        if superscript_digit(c).is_some() && i > 0 && !chars[i - 1].is_whitespace() {
            let marker: String = chars[i..].iter().take_while(|x| superscript_digit(**x).is_some()).collect();
            let id: String = marker.chars().filter_map(superscript_digit).collect();
            push_run(&mut runs, std::mem::take(&mut cur));
            i += marker.chars().count();
            runs.push(Run { text: marker, note: Some(id), ..Run::default() });
            continue;
        }
        if (cur.bold, cur.italic) != (bold, italic) {
            push_run(&mut runs, std::mem::take(&mut cur));
            cur.bold = bold;
            cur.italic = italic;
        }
        cur.text.push(c);
        i += 1;
    }
    push_run(&mut runs, cur);
    runs
}

fn push_run(runs: &mut Vec<Run>, run: Run) {
    if !run.text.is_empty() {
        runs.push(run);
    }
}

/// A known inline tag at the start of `chars`: its length and lowercase name.
fn html_tag(chars: &[char]) -> Option<(usize, String)> {
    let end = chars.iter().take(10).position(|&c| c == '>')?;
    let name: String = chars[1..end].iter().collect::<String>().trim().to_lowercase().replace(' ', "");
    let known = ["b", "/b", "strong", "/strong", "i", "/i", "em", "/em", "u", "/u", "br", "br/", "p", "/p"];
    known.contains(&name.as_str()).then_some((end + 1, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(doc: &Doc) -> Vec<String> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.plain()),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn joins_lines_broken_inside_a_sentence() {
        let doc = parse("- Đẩy mạnh tuyên truyền của \n\ncông chức và đồng bào. \n\n- Tổ chức phong trào");
        assert_eq!(paras(&doc), ["- Đẩy mạnh tuyên truyền của công chức và đồng bào.", "- Tổ chức phong trào"]);
    }

    #[test]
    fn a_dash_before_a_lowercase_word_is_not_an_item() {
        let doc = parse("phát triển kinh tế \n\n- xã hội vùng đồng bào.");
        assert_eq!(paras(&doc), ["phát triển kinh tế - xã hội vùng đồng bào."]);
    }

    #[test]
    fn short_numbered_heading_ends_before_a_capital() {
        let doc = parse("2. Yêu cầu\n\nPhong trào thi đua phải gắn\n\nvới nhiệm vụ.");
        assert_eq!(paras(&doc), ["2. Yêu cầu", "Phong trào thi đua phải gắn với nhiệm vụ."]);
    }

    #[test]
    fn two_blank_lines_and_emphasis_changes_end_a_paragraph() {
        let doc = parse("Tiêu đề giai đoạn 2021\n\n \n\nBan Dân tộc xây dựng\n**Đậm**\n*Nghiêng*");
        assert_eq!(paras(&doc), ["Tiêu đề giai đoạn 2021", "Ban Dân tộc xây dựng", "Đậm", "Nghiêng"]);
    }

    #[test]
    fn open_quote_keeps_a_dash_line_inside() {
        let doc = parse("Triển khai phong trào “Vì người nghèo\n\n- Không để ai bị bỏ lại phía sau” giai đoạn 2021");
        assert_eq!(paras(&doc).len(), 1);
    }

    #[test]
    fn styles_and_tags_become_runs() {
        let runs = parse_runs("**Đậm** thường *nghiêng* <b>b</b> <i>i</i>");
        let bold: Vec<&str> = runs.iter().filter(|r| r.bold).map(|r| r.text.as_str()).collect();
        let italic: Vec<&str> = runs.iter().filter(|r| r.italic).map(|r| r.text.as_str()).collect();
        assert_eq!(bold, ["Đậm", "b"]);
        assert_eq!(italic, ["nghiêng", "i"]);
        assert!(runs.iter().all(|r| !r.text.contains(['*', '<'])));
    }

    #[test]
    fn superscripts_are_footnotes() {
        let doc = parse("Tổng kinh phí 405 triệu đồng¹.\n\n¹ - Ban Dân tộc đã vận động.");
        assert_eq!(doc.footnotes["1"][0].text, "Ban Dân tộc đã vận động.");
        let Block::Paragraph(p) = &doc.blocks[0] else { panic!() };
        assert_eq!(p.runs[1].note.as_deref(), Some("1"));
    }

    #[test]
    fn joining_lines_reads_each_line_a_bounded_number_of_times() {
        // 20,000 one-word lines make one paragraph; asking about the whole
        // paragraph at every line read ~200 MB here (quadratic), 9 s for 10 kB
        for text in [
            "a\n".repeat(20_000),
            "- mục\n\n".repeat(5_000),
            format!("1. {}\n{}", "x ".repeat(150), "Abc\n".repeat(10_000)),
        ] {
            MARKUP_SCANNED.with(|n| n.set(0));
            let doc = parse(&text);
            assert_eq!(doc.blocks.len(), 1);
            let scanned = MARKUP_SCANNED.with(std::cell::Cell::get);
            assert!(scanned <= 4 * text.len(), "{scanned} bytes scanned for {} bytes of text", text.len());
        }
    }

    #[test]
    fn the_joined_paragraph_state_matches_the_whole_text() {
        let mut lines: Vec<String> = Vec::new();
        for seed in 1..=5 {
            let path = format!("{}/fuzz/corpus/import/seed-txt-{seed}", env!("CARGO_MANIFEST_DIR"));
            let bytes = std::fs::read(&path).unwrap();
            lines.extend(String::from_utf8_lossy(&bytes[1..]).lines().map(|l| l.trim().to_owned()));
        }
        let tricky = [
            "x <b",
            "r> y",
            "<",
            "i>",
            "a</",
            "b> “mở",
            "đóng” **đậm",
            "** *",
            "CHỮ   HOA",
            "Σ",
            "ΑΣ",
            "¹ ghi",
            "<br/>",
        ];
        lines.extend(tricky.iter().map(|s| (*s).to_owned()));
        lines.extend(tricky.iter().rev().map(|s| (*s).to_owned()));
        let lines: Vec<String> = lines.into_iter().filter(|l| !l.is_empty()).collect();
        for window in lines.chunks(37) {
            let mut para = Para::new(&window[0]);
            for line in &window[1..] {
                para.push(line);
                let plain = strip_markup(&para.raw);
                assert_eq!(para.plain, plain, "after {line:?}");
                let open =
                    plain.matches('“').count() > plain.matches('”').count() || para.raw.matches("**").count() % 2 == 1;
                assert_eq!(para.open_span(), open, "{:?}", para.raw);
                assert_eq!(para.is_upper(), is_upper(&plain), "{:?}", para.raw);
                assert_eq!(para.columns, has_columns(&para.raw), "{:?}", para.raw);
            }
        }
    }

    #[test]
    fn tab_rows_make_one_table_across_blank_lines() {
        let doc = parse("A\tB\n1\tx\n\n2\ty\nSau bảng.");
        assert!(matches!(&doc.blocks[0], Block::Table(rows) if rows.len() == 3));
        assert_eq!(paras(&doc), ["Sau bảng."]);
    }
}
