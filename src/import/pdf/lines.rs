//! Lines rebuilt from placed pieces of text: grouped by height, joined left
//! to right with a space or a column gap, and tone marks put back on their vowels.

use super::content::Piece;

/// Pieces → lines, top to bottom; a vertical gap of more than about two lines
/// leaves an empty line.
pub(super) fn rebuild_lines(mut pieces: Vec<Piece>) -> Vec<String> {
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
pub(super) fn place_marks(line: &str) -> String {
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
