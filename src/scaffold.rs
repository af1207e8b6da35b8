//! `thidua new`: writes a new record with the front matter of its kind, today's
//! date, and a commented hint for every key, so staff start from a valid file.

use crate::content::record::Kind;
use crate::content::schema::{self, Field, Widget};
use crate::date::PartialDate;
use crate::text::{nfc, slugify};
use std::path::{Path, PathBuf};

/// Why a record could not be created.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The title gives no usable slug.
    #[error("{}", crate::t!("new-empty-slug", title = .0))]
    EmptySlug(String),
    /// The file exists already.
    #[error("{}", crate::t!("new-exists", path = .0.display().to_string()))]
    Exists(PathBuf),
    /// Writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// A TOML string literal of `s` (quotes, backslashes and control characters escaped).
fn quoted(s: &str) -> String {
    toml_edit::Value::from(s).to_string().trim().to_owned()
}

/// A title on one line: line breaks, tabs and repeated spaces become one space.
pub(crate) fn one_line(title: &str) -> String {
    nfc(title).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value `thidua new` starts a key with, or `None` for a key written as a comment.
fn default_value(f: &Field, title: &str, today: PartialDate) -> Option<String> {
    let year = today.year;
    Some(match f.widget {
        _ if f.key == "title" => quoted(title),
        // the record's own date; optional dates (`effective`, `expires`) are
        // never guessed: a document written today has not expired today
        Widget::Date if f.required || matches!(f.key, "date" | "issued") => today.iso(),
        Widget::Date => return None,
        Widget::YearOrDate if f.key == "end" => (year + 4).to_string(),
        Widget::YearOrDate | Widget::Year => year.to_string(),
        Widget::Bool => "true".to_owned(),
        // a choice whose first value is empty (a document's `status`) is left to the program
        Widget::Choice(values) if values.first().is_none_or(|v| v.0.is_empty()) => return None,
        Widget::Choice(values) => quoted(values.first().map_or("", |v| v.0)),
        Widget::Photo | Widget::Indicators => return None,
        Widget::Files => return None,
        w if w.is_list() => "[]".to_owned(),
        _ if f.key == "sort_name" => return None,
        _ => "\"\"".to_owned(),
    })
}

/// The text of a new record of `kind` titled `title`, dated `today`: every
/// key of the kind's schema with its help as a comment, in the language of
/// the catalogue (`THIDUA_LANG`).
pub(crate) fn record_text(kind: Kind, title: &str, today: PartialDate) -> String {
    let title = one_line(title);
    let mut out = String::from("+++\n");
    let mut line = |key: &str, value: &str, help: &str, commented: bool| {
        let code = format!("{}{key} = {value}", if commented { "# " } else { "" });
        let pad = 28usize.saturating_sub(code.chars().count()).max(1);
        out.push_str(&format!("{code}{} # {help}\n", " ".repeat(pad)));
    };
    for f in schema::fields(kind) {
        let help = crate::i18n::tr(f.help, &[]);
        match default_value(f, &title, today) {
            Some(v) => line(f.key, &v, &help, false),
            None => match f.widget {
                Widget::Indicators => {}
                Widget::Files => line(f.key, "[\"van-ban.pdf\"]", &help, true),
                Widget::Photo => line(f.key, "\"anh.jpg\"", &help, true),
                _ => line(f.key, "\"\"", &help, true),
            },
        }
        if f.key == "title" {
            line("slug", "\"\"", &crate::i18n::tr("new-slug-help", &[]), true);
        }
    }
    if schema::find(kind, "indicators").is_some() {
        out.push_str(&format!(
            "\n# {}\n# [[indicators]]\n# name = \"Hộ thoát nghèo\"\n# unit = \"hộ\"\n# target = 1000\n\
             # values = [ {{ period = \"{}\", value = 0 }} ]\n",
            crate::i18n::tr("schema-indicators-help", &[]),
            today.year
        ));
    }
    out.push_str("+++\n\n");
    out.push_str(&crate::i18n::tr("new-body-hint", &[]));
    out.push('\n');
    out
}

/// Writes `content/<section>/<slug>.md` for a new record (or
/// `content/<section>/<slug>/index.md` with `folder`, a record that keeps its
/// photos and files beside it); returns its path.
pub fn create(root: &Path, kind: Kind, title: &str, today: PartialDate, folder: bool) -> Result<PathBuf, NewError> {
    let slug = slugify(&one_line(title));
    if slug.is_empty() {
        return Err(NewError::EmptySlug(title.to_owned()));
    }
    let section = root.join("content").join(kind.section());
    let (dir, path) = if folder {
        (section.join(&slug), section.join(&slug).join("index.md"))
    } else {
        (section.clone(), section.join(format!("{slug}.md")))
    };
    for taken in [section.join(format!("{slug}.md")), section.join(&slug).join("index.md")] {
        if taken.exists() {
            return Err(NewError::Exists(taken));
        }
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Io { path, source }
    };
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            NewError::Exists(path.clone())
        } else {
            NewError::Io { path: path.clone(), source: e }
        }
    })?;
    std::io::Write::write_all(&mut file, record_text(kind, title, today).as_bytes()).map_err(io(&path))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frontmatter;

    #[test]
    fn every_kind_parses_and_is_a_draft() {
        for kind in Kind::SECTIONS {
            let text = record_text(kind, "Tiêu đề \"có\" dấu", PartialDate::ymd(2026, 11, 22));
            let parsed = frontmatter::parse(Path::new("x.md"), &text).unwrap_or_else(|d| panic!("{kind:?}: {d}"));
            assert_eq!(parsed.data["title"], "Tiêu đề \"có\" dấu");
            assert_eq!(parsed.data["draft"], true);
            let date = if kind == Kind::Document { "issued" } else { "date" };
            assert_eq!(parsed.data[date], "2026-11-22");
        }
    }

    #[test]
    fn a_new_document_sets_no_optional_date_and_no_status() {
        let text = record_text(Kind::Document, "Kế hoạch", PartialDate::ymd(2026, 11, 22));
        let parsed = frontmatter::parse(Path::new("x.md"), &text).unwrap();
        for key in ["effective", "expires", "status", "replaced_by"] {
            assert!(parsed.data.get(key).is_none_or(|v| v == ""), "{key} is set: {text}");
        }
        for key in ["effective", "expires", "status"] {
            assert!(text.contains(&format!("# {key} = ")), "{key} is offered as a comment: {text}");
        }
        assert_eq!(parsed.data["issued"], "2026-11-22");
    }

    /// Whatever the title holds, what `new` writes parses and loads with no error.
    fn loads_cleanly(kind: Kind, title: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = create(dir.path(), kind, title, PartialDate::ymd(2026, 11, 22), false).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = frontmatter::parse(Path::new("x.md"), &text).unwrap_or_else(|d| panic!("{title:?}: {d}\n{text}"));
        let (files, _) = crate::content::discover::discover(dir.path());
        let (pending, diags) = crate::content::load::load_front(dir.path(), &files[0]);
        assert!(pending.is_some() && !diags.iter().any(|d| d.is_error()), "{title:?}: {diags:?}\n{text}");
        parsed.data["title"].as_str().unwrap().to_owned()
    }

    #[test]
    fn a_title_with_a_double_quote_parses() {
        assert_eq!(loads_cleanly(Kind::News, "Lễ \"Ngày hội\" đại đoàn kết"), "Lễ \"Ngày hội\" đại đoàn kết");
    }

    #[test]
    fn a_title_with_a_newline_parses_on_one_line() {
        assert_eq!(loads_cleanly(Kind::Document, "Kế hoạch\nthi đua\r\n2026"), "Kế hoạch thi đua 2026");
    }

    #[test]
    fn a_title_with_a_fence_parses() {
        assert_eq!(loads_cleanly(Kind::Campaign, "+++\nPhong trào +++ mới\n---"), "+++ Phong trào +++ mới ---");
        assert_eq!(loads_cleanly(Kind::Person, "Ông A \\ bà B # 'c'"), "Ông A \\ bà B # 'c'");
        assert_eq!(loads_cleanly(Kind::Page, "Giới thiệu"), "Giới thiệu");
    }

    #[test]
    fn a_folder_record_is_an_index_in_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let p = create(dir.path(), Kind::News, "Tin có ảnh", PartialDate::ymd(2026, 1, 2), true).unwrap();
        assert!(p.ends_with("content/tin-tuc/tin-co-anh/index.md"), "{}", p.display());
    }

    #[test]
    fn refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = create(dir.path(), Kind::News, "Hội nghị biểu dương", PartialDate::ymd(2026, 1, 2), false).unwrap();
        assert!(p.ends_with("content/tin-tuc/hoi-nghi-bieu-duong.md"));
        let again = create(dir.path(), Kind::News, "Hội nghị  biểu dương!", PartialDate::ymd(2026, 1, 2), true);
        assert!(matches!(again, Err(NewError::Exists(_))));
        assert!(matches!(
            create(dir.path(), Kind::News, "!!!", PartialDate::ymd(2026, 1, 2), false),
            Err(NewError::EmptySlug(_))
        ));
    }
}
