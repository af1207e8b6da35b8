//! The editor's home: the import drop zone, then every record by kind with
//! its state and problems, filtered by words, kind, state and errors.

use super::http::{esc, url_path};
use super::index::Entry;
use super::pages::{diag_item, frame, kind_label};
use crate::content::Kind;
use crate::t;

/// Filters of the home page.
#[derive(Debug, Default)]
pub(crate) struct Filters {
    /// Words to find in titles and paths.
    pub(crate) q: String,
    /// Only this section (`tin-tuc`…), or all.
    pub(crate) kind: String,
    /// `nhap` (drafts only), `dang` (published only) or all.
    pub(crate) state: String,
    /// Only records with errors.
    pub(crate) errors: bool,
}

fn fold(s: &str) -> String {
    crate::text::slugify(s).replace('-', " ")
}

/// The editor's home: the import drop zone, then the records by kind, filtered.
pub(crate) fn home(entries: &[Entry], f: &Filters, today: crate::date::PartialDate, flash: &str) -> String {
    let mut m = format!("<h1>{}</h1>", esc(&t!("ed-home-title")));
    if !flash.is_empty() {
        m.push_str(&format!("<p class=\"flash\" role=\"status\">{}</p>", esc(flash)));
    }
    m.push_str(&format!(
        "<form class=\"drop\" method=\"post\" action=\"/__thidua/editor/import\" enctype=\"multipart/form-data\" data-drop>\
<h2>{}</h2><p>{}</p><label for=\"import-files\">{}</label> <input id=\"import-files\" type=\"file\" name=\"_nhap\" multiple accept=\".docx,.pdf,.txt,.md\" required> \
<button type=\"submit\">{}</button></form>",
        esc(&t!("ed-import-title")),
        esc(&t!("ed-import-help")),
        esc(&t!("ed-import-choose")),
        esc(&t!("ed-import-button"))
    ));
    let opt = |v: &str, label: String, cur: &str| {
        format!("<option value=\"{v}\"{}>{}</option>", if v == cur { " selected" } else { "" }, esc(&label))
    };
    let mut kinds = opt("", t!("ed-filter-all"), &f.kind);
    for k in [Kind::News, Kind::Campaign, Kind::Person, Kind::Document, Kind::Page] {
        let sec = crate::content::schema::section_name(k);
        kinds.push_str(&opt(sec, kind_label(k), &f.kind));
    }
    let states = [
        opt("", t!("ed-filter-all"), &f.state),
        opt("nhap", t!("ed-state-draft"), &f.state),
        opt("dang", t!("ed-state-published"), &f.state),
    ]
    .concat();
    m.push_str(&format!(
        "<form class=\"filters\" method=\"get\" action=\"/__thidua/editor/\" role=\"search\">\
<label>{} <input type=\"search\" name=\"q\" value=\"{}\"></label> <label>{} <select name=\"loai\">{kinds}</select></label> \
<label>{} <select name=\"trang-thai\">{states}</select></label> <label><input type=\"checkbox\" name=\"loi\" value=\"1\"{}> {}</label> \
<button type=\"submit\">{}</button></form>",
        esc(&t!("ed-filter-search")),
        esc(&f.q),
        esc(&t!("ed-filter-kind")),
        esc(&t!("ed-filter-state")),
        if f.errors { " checked" } else { "" },
        esc(&t!("ed-filter-errors")),
        esc(&t!("ed-filter-button"))
    ));
    let q = fold(&f.q);
    for kind in [Kind::News, Kind::Campaign, Kind::Person, Kind::Document, Kind::Page] {
        let sec = crate::content::schema::section_name(kind);
        if !f.kind.is_empty() && f.kind != sec {
            continue;
        }
        let rows: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.src.kind == kind && !e.src.is_intro)
            .filter(|e| !f.errors || e.has_errors())
            .filter(|e| {
                let draft = e.record.as_ref().is_some_and(|r| r.draft);
                match f.state.as_str() {
                    "nhap" => draft,
                    "dang" => !draft,
                    _ => true,
                }
            })
            .filter(|e| {
                q.is_empty() || {
                    let title = e.record.as_ref().map_or("", |r| r.title.as_str());
                    fold(&format!("{title} {}", e.src.rel)).contains(&q)
                }
            })
            .collect();
        m.push_str(&format!(
            "<section><h2>{} <span class=\"count\">({})</span></h2><p><a class=\"button\" href=\"/__thidua/editor/new/{sec}\">{}</a></p>",
            esc(&kind_label(kind)),
            rows.len(),
            esc(&t!("ed-nav-new", kind = kind_label(kind)))
        ));
        if rows.is_empty() {
            m.push_str(&format!("<p>{}</p></section>", esc(&t!("ed-none"))));
            continue;
        }
        m.push_str(&format!(
            "<table class=\"list\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            esc(&t!("ed-col-title")),
            esc(&t!("ed-col-date")),
            esc(&t!("ed-col-state")),
            esc(&t!("ed-col-problems"))
        ));
        for e in rows {
            let (title, date, state) = match &e.record {
                Some(r) => (
                    r.title.clone(),
                    r.date.map(|d| d.short_vi()).unwrap_or_default(),
                    if r.draft {
                        t!("ed-state-draft")
                    } else if r.date.is_some_and(|d| d.first_day() > today) {
                        t!("ed-state-scheduled")
                    } else {
                        t!("ed-state-published")
                    },
                ),
                None => (e.src.rel.clone(), String::new(), t!("ed-state-broken")),
            };
            let problems: String = e.diags.iter().map(diag_item).collect();
            m.push_str(&format!(
                "<tr><td><a href=\"/__thidua/editor/edit/{}\">{}</a><br><small>{}</small></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                url_path(&e.site_path()),
                esc(&title),
                esc(&e.site_path()),
                esc(&date),
                esc(&state),
                if problems.is_empty() { String::new() } else { format!("<ul class=\"problems\">{problems}</ul>") }
            ));
        }
        m.push_str("</tbody></table></section>");
    }
    frame(&t!("ed-home-title"), &m)
}
