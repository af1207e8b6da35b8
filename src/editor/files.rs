//! The trash (a record is moved to `thung-rac/` after a confirmation, never
//! removed), the body's live preview, and the photos beside records that the
//! preview shows.

use super::http::{self, Reply, Request};
use super::{pages, save, Editor, PREFIX};
use crate::content::frontmatter;
use crate::t;
use std::path::{Component, Path};

impl Editor {
    pub(super) fn delete(&self, req: &Request, path: &str) -> Reply {
        let Some(file) = self.content_file(path).filter(|f| f.is_file()) else {
            return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-bad-path", path = path)));
        };
        if req.method != "POST" {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let title = frontmatter::parse(&file, &text)
                .ok()
                .and_then(|p| p.data.get("title").and_then(|v| v.as_str()).map(str::to_owned))
                .unwrap_or_else(|| path.to_owned());
            return Reply::html(200, pages::confirm_delete(path, &title));
        }
        let Some(form) = http::form(req) else { return Reply::text(400, t!("ed-bad-request")) };
        if form.get("_xac_nhan") != "1" {
            return Reply::html(400, pages::message(&t!("ed-refused"), &t!("ed-delete-unconfirmed")));
        }
        // A folder record goes with its files.
        let what = if file.ends_with("index.md") {
            file.parent().map(Path::to_path_buf).unwrap_or(file.clone())
        } else {
            file.clone()
        };
        let rel = what.strip_prefix(&self.root).unwrap_or(&what).to_path_buf();
        let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
        let target = self.root.join("thung-rac").join(stamp.to_string()).join(&rel);
        let moved =
            target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::rename(&what, &target));
        match moved {
            Ok(()) => Reply::see_other(&format!(
                "{PREFIX}/?da=xoa&tep={}",
                http::url_path(&target.strip_prefix(&self.root).unwrap_or(&target).to_string_lossy())
            )),
            Err(e) => {
                Reply::html(500, pages::message(&t!("ed-refused"), &t!("ed-write-failed", message = e.to_string())))
            }
        }
    }

    /// The body rendered as the page will show it; photos beside the record
    /// (relative addresses) are shown through [`Editor::file`].
    pub(super) fn preview(&self, req: &Request) -> Reply {
        let form = http::form(req).unwrap_or_default();
        let body = save::submitted_body(&form);
        let sources = Default::default();
        let ctx = crate::content::markdown::LinkContext { base_path: "/", sources: &sources };
        let html = crate::content::markdown::render(&body, 1, &ctx).html;
        let base = form.get("base");
        let html = if base.starts_with("content/") && !base.contains("..") {
            let mut out = String::with_capacity(html.len());
            let mut rest = html.as_str();
            while let Some(i) = rest.find("src=\"") {
                out.push_str(&rest[..i + 5]);
                rest = &rest[i + 5..];
                if !rest.starts_with('/') && !rest.split('"').next().unwrap_or("").contains(':') {
                    out.push_str(&format!("{PREFIX}/file/{}", http::url_path(base)));
                }
            }
            out.push_str(rest);
            out
        } else {
            html
        };
        Reply::html(200, html)
    }

    /// A photo beside a record, for the preview: only image files under content/.
    pub(super) fn file(&self, path: &str) -> Reply {
        let ty = match Path::new(path).extension().map(|e| e.to_string_lossy().to_lowercase()).as_deref() {
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("png") => "image/png",
            Some("webp") => "image/webp",
            Some("gif") => "image/gif",
            _ => return Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-not-found-text"))),
        };
        let ok = path.starts_with("content/")
            && !path.contains('\\')
            && Path::new(path)
                .components()
                .all(|c| matches!(c, Component::Normal(n) if !n.to_string_lossy().starts_with('.')));
        let content = self.root.join("content").canonicalize().ok();
        let file = self.root.join(path);
        let inside = ok && file.canonicalize().ok().zip(content).is_some_and(|(f, c)| f.starts_with(c));
        match inside.then(|| std::fs::read(&file).ok()).flatten() {
            Some(bytes) => Reply { content_type: ty, headers: Vec::new(), body: bytes, status: 200 },
            None => Reply::html(404, pages::message(&t!("ed-not-found"), &t!("ed-not-found-text"))),
        }
    }
}
