//! The footer of an administrative document: where the signature block and
//! `Nơi nhận` lie, and the signer, their position and the recipients in it.

use super::head::is_motto;
use super::*;

/// Authority prefixes of a signature block (Nghị định 30/2020, Phụ lục I):
/// on behalf of (`TM.`), deputy for (`KT.`), by order of (`TL.`, `TUQ.`), acting (`Q.`).
pub(crate) const AUTHORITY: [&str; 5] = ["TM.", "KT.", "TL.", "TUQ.", "Q."];

/// Words that open an annex after the signature: it never supplies the signer.
pub(super) const ANNEX_HEADS: [&str; 5] = ["PHU LUC", "DANH SACH", "DANH MUC", "BIEU ", "BANG "];

/// The signature block and `Nơi nhận`, as a span of blocks: it starts at the
/// `Nơi nhận` block (or, without one, at the last authority or position line
/// followed by a name), moved back over the signer lines just before it, and
/// ends where an annex starts, or at a table or long paragraph once the name
/// has been read.
pub(super) fn footer_span(blocks: &[Block], body_start: usize) -> (usize, usize) {
    let rest = &blocks[body_start..];
    let has = |b: &Block, f: &dyn Fn(&str) -> bool| fragments(std::slice::from_ref(b)).iter().any(|x| f(&x.text));
    let annex = rest.iter().position(|b| paragraph(b).is_some_and(|p| annex_head(&p.plain()))).unwrap_or(rest.len());
    let anchor = match rest[..annex].iter().position(|b| has(b, &is_recipients_head)) {
        Some(i) => Some(i),
        None => (0..annex).rev().find(|&i| {
            has(&rest[i], &|t: &str| authority_line(t) || position_line(t))
                && rest[i..annex.min(i + 6)].iter().any(|b| has(b, &is_name))
        }),
    };
    let Some(anchor) = anchor else { return (blocks.len(), blocks.len()) };
    let mut start = body_start + anchor;
    while start > body_start && paragraph(&blocks[start - 1]).is_some_and(|p| signer_line(&p.plain())) {
        start -= 1;
    }
    let mut end = start;
    let mut named = false;
    while end < body_start + annex {
        let b = &blocks[end];
        if named {
            let long = paragraph(b).is_some_and(|p| {
                let t = p.plain();
                t.chars().count() > 120 && !t.starts_with(['-', '+', '•'])
            });
            if matches!(b, Block::Table(_)) && !has(b, &is_name) || long {
                break;
            }
        }
        named |= has(b, &is_name);
        end += 1;
    }
    (start, end)
}

/// "PHỤ LỤC I", "Phụ lục", "DANH SÁCH …": an annex begins.
pub(super) fn annex_head(t: &str) -> bool {
    let f = fold(t).to_uppercase();
    ANNEX_HEADS.iter().any(|h| f.starts_with(h)) && (is_upper(t) || f.starts_with("PHU LUC"))
}

pub(super) fn is_recipients_head(t: &str) -> bool {
    fold(t).to_lowercase().starts_with("noi nhan")
}

/// "KT. TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN".
pub(super) fn authority_line(t: &str) -> bool {
    let t = t.trim();
    is_upper(t) && AUTHORITY.iter().any(|a| t.starts_with(a) || t.starts_with(&a.replace('.', " .")))
}

/// A short position in capitals: "TRƯỞNG BAN", "PHÓ CHỦ TỊCH".
pub(super) fn position_line(t: &str) -> bool {
    is_upper(t) && t.chars().count() <= 60 && !is_motto(t) && !is_rule(t)
}

/// "(Đã ký)", "(Ký, đóng dấu)", "(Ký số)", "(ký, ghi rõ họ tên)".
pub(super) fn signature_mark(t: &str) -> bool {
    let f = fold(t).to_lowercase();
    f.starts_with('(') && f.ends_with(')') && f.contains("ky") && f.len() < 50
}

/// A line of the signature block: a short title in capitals, a name, "(đã ký)".
pub(super) fn signer_line(t: &str) -> bool {
    position_line(t) || is_name(t) || signature_mark(t) || (t.starts_with('(') && t.ends_with(')') && t.len() < 40)
}

/// "Nguyễn Văn Khang", "H' Hen Niê": two to six capitalised words of letters,
/// none a lone letter ("Chương I" is a chapter).
pub(crate) fn is_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            w.chars().count() >= 2
                && cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| (c.is_lowercase() && c.is_alphabetic()) || matches!(c, '\'' | '’' | '-'))
        })
}

pub(super) fn read_footer(blocks: &[Block], s: &mut Split) {
    let mut in_recipients: Option<Option<usize>> = None;
    let mut titles: Vec<String> = Vec::new();
    let mut name: Option<String> = None;
    for f in fragments(blocks) {
        let t = f.text.as_str();
        if is_recipients_head(t) {
            in_recipients = Some(f.col);
            let rest = collapse(t.split_once(':').map_or("", |(_, r)| r));
            s.meta.recipients.extend(recipient(&rest));
            continue;
        }
        if signature_mark(t) {
            continue;
        }
        // "(Đã ký) Nguyễn Văn A" on one line: the mark, then the name
        let t = match t.split_once(')') {
            Some((mark, rest)) if signature_mark(&format!("{mark})")) => rest.trim(),
            _ => t,
        };
        let dashed = t.starts_with(['-', '+', '•']);
        if let Some(col) = in_recipients {
            if dashed || (col.is_some() && col == f.col && !is_upper(t) && !is_name(t)) {
                s.meta.recipients.extend(recipient(t));
                continue;
            }
        }
        if name.is_none() && position_line(t) {
            titles.push(t.to_owned());
        } else if name.is_none() && is_name(t) {
            name = Some(t.to_owned());
        }
    }
    // the signer's own position is the last line in capitals; an authority
    // line alone ("TM. BAN CHỈ ĐẠO") is kept whole
    let title = titles.last().map(|t| sentence_case(t));
    s.meta.signer_title = title.clone();
    s.meta.signer = name.clone();
    if let (Some(t), None) = (title, name) {
        s.warnings.push(msg!("imp-no-signer-name", title = t));
    }
}

/// "- Ban TĐKT tỉnh;" → "Ban TĐKT tỉnh".
pub(super) fn recipient(t: &str) -> Option<String> {
    let t = t.trim_start_matches(['-', '+', '•', ' ']).trim_end_matches([';', '.', ',', ' ']);
    let t = collapse(t);
    (!t.is_empty()).then_some(t)
}
