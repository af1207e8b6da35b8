//! The record forms: a new record's form and an existing file's, filled from
//! its front matter, and what a submitted form does (validate, then write the
//! record and its uploads, or show the form again with what was wrong).

use super::http::{self, esc, Form, Reply, Request};
use super::{pages, save, upload, write_atomic, Editor, PREFIX};
use crate::content::discover::SourceFile;
use crate::content::frontmatter::{self, Format};
use crate::content::schema::{self, section_name};
use crate::content::Kind;
use crate::date::today;
use crate::diagnostics::Diagnostic;
use crate::t;
use std::path::{Path, PathBuf};

impl Editor {
    pub(super) fn suggestions(&self, p: &mut pages::FormPage) {
        let index = self.index();
        let pairs = |k: Kind| -> Vec<(String, String)> {
            let mut v: Vec<(String, String)> = index.records(k).map(|r| (r.slug.clone(), r.title.clone())).collect();
            v.sort_by(|a, b| crate::content::collate::compare(&a.1, &b.1));
            v
        };
        p.campaigns = pairs(Kind::Campaign);
        p.people = pairs(Kind::Person);
        p.tags = index.values("tags").into_iter().collect();
        p.districts = index.values("district").into_iter().collect();
        p.communes = index.values("commune").into_iter().collect();
    }

    pub(super) fn page(
        &self,
        kind: Kind,
        action: String,
        heading: String,
        text: &str,
        version: String,
    ) -> pages::FormPage {
        let (fields, body, format) = save::values(kind, text).unwrap_or_else(|_| {
            (schema::fields(kind).iter().map(|f| (f, String::new())).collect(), text.to_owned(), Format::Toml)
        });
        let mut p = pages::FormPage {
            action,
            heading,
            fields,
            body,
            version,
            diags: Vec::new(),
            notice: None,
            campaigns: Vec::new(),
            people: Vec::new(),
            tags: Vec::new(),
            districts: Vec::new(),
            communes: Vec::new(),
            yaml: format == Format::Yaml,
            path: None,
            url: None,
            after: String::new(),
            before: String::new(),
            hidden: Vec::new(),
        };
        self.suggestions(&mut p);
        p
    }

    /// The form values as submitted, shown again (after a refusal).
    pub(super) fn refill(p: &mut pages::FormPage, form: &Form) {
        let listed: Vec<&str> = form.get("_fields").split(',').collect();
        for (f, v) in &mut p.fields {
            if listed.contains(&f.key) {
                *v = if f.widget == schema::Widget::Indicators {
                    super::indicators::indicators_json(&super::indicators::indicators_from_form(form))
                } else {
                    save::normalise(f, form.get(f.key))
                };
            }
        }
        p.body = save::submitted_body(form);
    }

    pub(super) fn new_record(&self, req: &Request, kind: Kind) -> Reply {
        let sec = section_name(kind);
        let heading = t!("ed-new-title", kind = pages::kind_label(kind));
        let template = crate::scaffold::record_text(kind, "", today());
        let action = format!("{PREFIX}/new/{sec}");
        if req.method != "POST" {
            let mut p = self.page(kind, action, heading, &template, String::new());
            p.body = String::new();
            return Reply::html(200, pages::form(&p));
        }
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        let title = crate::scaffold::one_line(form.get("title"));
        let slug = crate::text::slugify(&title);
        let refuse = |msg: String| {
            let mut p = self.page(
                kind,
                format!("{PREFIX}/new/{sec}"),
                t!("ed-new-title", kind = pages::kind_label(kind)),
                &template,
                String::new(),
            );
            Self::refill(&mut p, &form);
            self.keep_import(&mut p, &form);
            p.notice = Some((false, msg));
            Reply::html(422, pages::form(&p))
        };
        if slug.is_empty() {
            return refuse(t!("new-empty-slug", title = title));
        }
        let dir = self.root.join("content").join(kind.section());
        let file = dir.join(format!("{slug}.md"));
        if file.exists() || dir.join(&slug).join("index.md").exists() {
            return refuse(t!("ed-exists", slug = slug));
        }
        let text = crate::scaffold::record_text(kind, &title, today());
        self.save(kind, &form, file, Some(text), true)
    }

    pub(super) fn edit(&self, req: &Request, path: &str) -> Reply {
        let Some(file) = self.content_file(path) else {
            return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
        };
        let Some(src) = self.source_of(&file) else {
            return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
        };
        if req.method != "POST" {
            let Ok(bytes) = std::fs::read(&file) else {
                return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut p = self.edit_page(&src, path, &text, save::version(&bytes));
            p.diags = self.check(&src, &text).1;
            if req.query.contains_key("da-luu") {
                let errors = p.diags.iter().any(|(_, d)| d.is_error());
                p.notice = Some((!errors, if errors { t!("ed-draft-errors-kept") } else { t!("ed-saved") }));
            }
            return Reply::html(200, pages::form(&p));
        }
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        self.save(src.kind, &form, file, None, false)
    }

    pub(super) fn edit_page(&self, src: &SourceFile, path: &str, text: &str, version: String) -> pages::FormPage {
        let title = frontmatter::parse(Path::new(path), text)
            .ok()
            .and_then(|p| p.data.get("title").and_then(|t| t.as_str()).map(str::to_owned))
            .unwrap_or_else(|| path.to_owned());
        let mut p = self.page(
            src.kind,
            format!("{PREFIX}/edit/{}", http::url_path(path)),
            t!("ed-edit-title", title = title),
            text,
            version,
        );
        p.path = Some(path.to_owned());
        p.url = self.check(src, text).0.map(|r| r.url);
        p
    }

    /// Validates, then writes `form` applied to the file (or to `template` for
    /// a new record), with uploads; answers with the form again or a redirect.
    pub(super) fn save(&self, kind: Kind, form: &Form, file: PathBuf, template: Option<String>, is_new: bool) -> Reply {
        let site_path = |f: &Path| f.strip_prefix(&self.root).unwrap_or(f).to_string_lossy().replace('\\', "/");
        let path = site_path(&file);
        let (current, current_version) = match &template {
            Some(t) => (t.clone(), String::new()),
            None => match std::fs::read(&file) {
                Ok(b) => (String::from_utf8_lossy(&b).into_owned(), save::version(&b)),
                Err(_) => {
                    return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)))
                }
            },
        };
        let action = if is_new {
            format!("{PREFIX}/new/{}", section_name(kind))
        } else {
            format!("{PREFIX}/edit/{}", http::url_path(&path))
        };
        let form_again =
            |notice: String, diags: Vec<(String, Diagnostic)>, version: String, after: String, status: u16| {
                let mut p =
                    self.page(kind, action.clone(), t!("ed-edit-title", title = form.get("title")), &current, version);
                Self::refill(&mut p, form);
                self.keep_import(&mut p, form);
                p.notice = Some((false, notice));
                p.diags = diags;
                p.after = after;
                if !is_new {
                    p.path = Some(path.clone());
                }
                Reply::html(status, pages::form(&p))
            };
        if !is_new && form.get("_version") != current_version {
            let after = format!(
                "<section class=\"conflict\"><h2>{}</h2><pre>{}</pre></section>",
                esc(&t!("ed-conflict-disk")),
                esc(&current)
            );
            return form_again(t!("ed-conflict"), Vec::new(), current_version, after, 409);
        }
        // Where the record will live: a folder record as soon as it has files.
        let has_files =
            form.files.iter().any(|p| !p.data.is_empty() || p.filename.as_deref().is_some_and(|n| !n.is_empty()));
        let src_file = if has_files && file.file_name().is_some_and(|n| n != "index.md") {
            let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            file.with_file_name(stem).join("index.md")
        } else {
            file.clone()
        };
        let dir = src_file.parent().map(Path::to_path_buf).unwrap_or_default();
        let uploads = match upload::prepare(form, kind, &dir) {
            Ok(u) => u,
            Err(msg) => return form_again(msg, Vec::new(), current_version, String::new(), 400),
        };
        let extra_body: String = uploads.iter().filter_map(|u| u.markdown.clone()).collect();
        let convert = !form.get("_chuyen_toml").is_empty();
        let mut text = match save::apply(kind, &current, form, convert, &extra_body) {
            Ok(t) => t,
            Err(save::ApplyError::NeedsConversion) => {
                return form_again(t!("ed-yaml-needs-consent"), Vec::new(), current_version, String::new(), 422)
            }
            Err(save::ApplyError::Unreadable(m)) => {
                return form_again(t!("ed-unreadable", message = m), Vec::new(), current_version, String::new(), 422)
            }
        };
        let attachments: Vec<String> =
            uploads.iter().filter(|u| u.markdown.is_none()).map(|u| u.name.clone()).collect();
        if !attachments.is_empty() {
            text = upload::add_attachments(&text, &attachments);
        }
        let src = SourceFile {
            rel: site_path(&src_file).trim_start_matches("content/").to_owned(),
            file: src_file.clone(),
            kind,
            dirs: Vec::new(),
            stem: String::new(),
            bundle: src_file.parent().map(Path::to_path_buf).filter(|_| src_file.ends_with("index.md")),
            is_intro: false,
        };
        let src = self.source_of(&file).map(|s| SourceFile { file: src_file.clone(), ..s }).unwrap_or(src);
        let src =
            if src.stem.is_empty() { SourceFile { stem: crate::text::slugify(form.get("title")), ..src } } else { src };
        let (_, diags) = self.check(&src, &text);
        let errors = diags.iter().any(|(_, d)| d.is_error());
        let draft = !form.get("draft").is_empty();
        if errors && !draft {
            return form_again(t!("ed-has-errors"), diags, current_version, String::new(), 422);
        }
        if let Err(e) = self.write(&file, &src_file, &text, &uploads) {
            return form_again(
                t!("ed-write-failed", message = e.to_string()),
                diags,
                current_version,
                String::new(),
                500,
            );
        }
        if let Some(next) = self.import_saved(form) {
            return Reply::see_other(&next);
        }
        Reply::see_other(&format!("{PREFIX}/edit/{}?da-luu=1", http::url_path(&site_path(&src_file))))
    }

    /// Writes the record (moving it into its folder when it becomes a folder
    /// record) and its uploads, each through a temporary file and a rename.
    pub(super) fn write(&self, old: &Path, new: &Path, text: &str, uploads: &[upload::Upload]) -> std::io::Result<()> {
        let dir = new.parent().ok_or_else(|| std::io::Error::other("no folder"))?;
        std::fs::create_dir_all(dir)?;
        for u in uploads {
            write_atomic(&dir.join(&u.name), &u.data)?;
        }
        write_atomic(new, text.as_bytes())?;
        if old != new && old.exists() {
            std::fs::remove_file(old)?;
        }
        Ok(())
    }
}
