//! Import by dropping files: each `.docx` or `.txt` dropped (or chosen) is
//! read by `thidua import` and shown as a new document's form with the
//! fields it found, to correct and save. Files dropped together form a batch
//! that the editor keeps in memory: the first file's form answers the drop,
//! saving it opens the next file's form, and a list above each form shows
//! every file of the batch (saved, being reviewed, unreadable) with a link to
//! review any of them.

use super::http::{self, esc, Form, Reply, Request};
use super::{pages, save, upload, Editor, PREFIX};
use crate::content::Kind;
use crate::date::{today, PartialDate};
use crate::diagnostics::Diagnostic;
use crate::t;
use std::collections::BTreeMap;
use std::path::Path;

/// At most this many batches are kept (the oldest goes first).
const KEPT_BATCHES: usize = 16;

/// One dropped file, read.
struct Item {
    /// The name the browser sent.
    name: String,
    /// The record text its fields make, and the importer's notes; or why it could not be read.
    read: Result<(String, Vec<Diagnostic>), String>,
    /// Saved as a record.
    done: bool,
}

/// The batches of dropped files, by number.
#[derive(Default)]
pub(crate) struct Batches {
    next: u64,
    open: BTreeMap<u64, Vec<Item>>,
}

/// The text of a new document made from what the importer found in `name`.
fn read(name: &str, data: Vec<u8>) -> Result<(String, Vec<Diagnostic>), String> {
    upload::check_name(name)?;
    let imported = crate::import::import_bytes(Path::new(name), data).map_err(|e| e.diagnostic().message)?;
    let kind = Kind::Document;
    let meta = &imported.meta;
    let text = crate::scaffold::record_text(kind, meta.title.as_deref().unwrap_or(""), today());
    let mut f = Form::default();
    let mut set = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            f.fields.insert(k.to_owned(), v);
        }
    };
    set("number", meta.number.clone());
    set("doc_type", meta.doc_type.clone());
    set("issuer", meta.issuer.clone());
    set("signer", meta.signer.clone());
    set("signer_title", meta.signer_title.clone());
    set("issued", meta.issued.as_deref().and_then(|d| PartialDate::parse(d).ok()).map(|d| d.short_vi()));
    set("recipients", Some(meta.recipients.join("\n")));
    // a date the document does not give stays blank for the reader to fill
    // in from the paper, never today's (the new record's default)
    f.fields.entry("issued".to_owned()).or_default();
    let listed = f.fields.keys().map(String::as_str).collect::<Vec<_>>().join(",");
    f.fields.insert("_fields".into(), listed);
    f.fields.insert("body".into(), imported.body.clone());
    f.fields.insert("draft".into(), "true".into());
    let text = save::apply(kind, &text, &f, false, "").unwrap_or(text);
    Ok((text, imported.warnings))
}

impl Editor {
    fn batches(&self) -> std::sync::MutexGuard<'_, Batches> {
        self.imports.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Reads every dropped file into a new batch and shows the first one's form.
    pub(super) fn import(&self, req: &Request) -> Reply {
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        let items: Vec<Item> = form
            .files
            .iter()
            .filter(|p| p.name == "_nhap" && p.filename.as_deref().is_some_and(|n| !n.is_empty()))
            .map(|p| {
                let name = p.filename.clone().unwrap_or_default();
                Item { read: read(&name, p.data.clone()), name, done: false }
            })
            .collect();
        if items.is_empty() {
            return Reply::html(400, pages::message(&t!("ed-refused"), &t!("ed-import-none")));
        }
        let id = {
            let mut b = self.batches();
            let id = b.next;
            b.next += 1;
            b.open.insert(id, items);
            while b.open.len() > KEPT_BATCHES {
                b.open.pop_first();
            }
            id
        };
        self.import_item(id, 0)
    }

    /// `GET /import/<batch>/<n>`: the form of file `n` (from 1) of a batch.
    pub(super) fn import_page(&self, rest: &str) -> Reply {
        let mut parts = rest.split('/').map(str::parse::<usize>);
        match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(b)), Some(Ok(n)), None) if n >= 1 => self.import_item(b as u64, n - 1),
            _ => Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-import-gone"))),
        }
    }

    fn import_item(&self, batch: u64, i: usize) -> Reply {
        let (name, read, nav, total) = {
            let b = self.batches();
            let Some(item) = b.open.get(&batch).and_then(|items| items.get(i)) else {
                return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-import-gone")));
            };
            let items = &b.open[&batch];
            (item.name.clone(), item.read.clone(), queue_nav(batch, i, items), items.len())
        };
        let (text, notes) = match read {
            Ok(r) => r,
            Err(message) => {
                let body = format!(
                    "{nav}<h1>{}</h1><p>{}</p>",
                    esc(&t!("ed-import-failed")),
                    esc(&format!("{name}: {message}"))
                );
                return Reply::html(422, pages::frame(&t!("ed-import-failed"), &body));
            }
        };
        let heading = t!("ed-import-review", file = name.as_str());
        let mut p = self.page(Kind::Document, format!("{PREFIX}/new/van-ban"), heading, &text, String::new());
        p.notice = Some((true, t!("ed-import-found", count = notes.len())));
        p.diags = notes.into_iter().map(|d| (String::new(), d)).collect();
        if total > 1 {
            p.before = nav;
        }
        p.hidden = vec![("_nhap_lo".into(), batch.to_string()), ("_nhap_so".into(), (i + 1).to_string())];
        Reply::html(200, pages::form(&p))
    }

    /// A form shown again after a refused save keeps its place in its batch.
    pub(super) fn keep_import(&self, p: &mut pages::FormPage, form: &Form) {
        let (Ok(batch), Ok(n)) = (form.get("_nhap_lo").parse::<u64>(), form.get("_nhap_so").parse::<usize>()) else {
            return;
        };
        let b = self.batches();
        let Some(items) = b.open.get(&batch).filter(|items| (1..=items.len()).contains(&n)) else { return };
        if items.len() > 1 {
            p.before = queue_nav(batch, n - 1, items);
        }
        p.hidden = vec![("_nhap_lo".into(), batch.to_string()), ("_nhap_so".into(), n.to_string())];
    }

    /// After an imported file was saved: where to go next. The next file of
    /// its batch not saved yet; when every file of a batch of several is
    /// saved, the home page saying so; `None` for a batch of one (its saved
    /// record is shown, as for any new record).
    pub(super) fn import_saved(&self, form: &Form) -> Option<String> {
        let batch = form.get("_nhap_lo").parse::<u64>().ok()?;
        let n = form.get("_nhap_so").parse::<usize>().ok()?;
        let mut b = self.batches();
        let items = b.open.get_mut(&batch)?;
        items.get_mut(n.checked_sub(1)?)?.done = true;
        let total = items.len();
        let next = (n..total).chain(0..n).find(|&k| !items[k].done && items[k].read.is_ok());
        match next {
            Some(k) => Some(format!("{PREFIX}/import/{batch}/{}", k + 1)),
            None => {
                b.open.remove(&batch);
                (total > 1).then(|| format!("{PREFIX}/?da=nhap&so={total}"))
            }
        }
    }
}

/// The list of a batch's files above each form: saved, being reviewed (the
/// current one), or unreadable; each a link to its form.
fn queue_nav(batch: u64, current: usize, items: &[Item]) -> String {
    let mut out = format!("<nav class=\"queue\" aria-label=\"{}\"><ol>", esc(&t!("ed-import-queue-label")));
    for (k, item) in items.iter().enumerate() {
        let label = t!("ed-import-queue", n = k + 1, total = items.len(), file = item.name.as_str());
        let state = match (&item.read, item.done) {
            (Err(m), _) => format!(" — {}", t!("ed-import-queue-failed", message = m.as_str())),
            (Ok(_), true) => format!(" — {}", t!("ed-import-queue-done")),
            _ => String::new(),
        };
        let here = if k == current { " aria-current=\"page\"" } else { "" };
        out.push_str(&format!(
            "<li><a href=\"{PREFIX}/import/{batch}/{}\"{here}>{}</a>{}</li>",
            k + 1,
            esc(&label),
            esc(&state)
        ));
    }
    out.push_str("</ol></nav>");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_document_without_a_date_gets_a_blank_date_not_today() {
        let undated = "BAN DÂN TỘC\nSố: 15/KH-BDT\n\nKẾ HOẠCH\nTổ chức hội nghị\n\nNội dung của kế hoạch.\n";
        let (text, warnings) = super::read("ke-hoach.txt", undated.as_bytes().to_vec()).unwrap();
        assert!(!text.contains("issued ="), "{text}");
        assert!(
            warnings.iter().any(|w| w.id == "imp-not-found" && w.message.contains("ngày ban hành")),
            "{warnings:?}"
        );
        let dated = undated.replace("Số: 15/KH-BDT", "Số: 15/KH-BDT     Bình Phước, ngày 5 tháng 4 năm 2024");
        let (text, _) = super::read("ke-hoach.txt", dated.into_bytes()).unwrap();
        assert!(text.contains("issued = 2024-04-05"), "{text}");
    }
}
