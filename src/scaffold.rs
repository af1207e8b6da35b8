//! `thidua new`: writes a new record with the front matter of its kind, today's
//! date, and a commented hint for every key, so staff start from a valid file.

use crate::content::date::PartialDate;
use crate::content::record::Kind;
use crate::text::{nfc, slugify};
use std::path::{Path, PathBuf};

/// Why a record could not be created.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The title gives no usable slug.
    #[error("the title `{0}` gives no URL slug: write a title with letters or digits")]
    EmptySlug(String),
    /// The file exists already.
    #[error("{0} already exists; nothing was written (choose another title, or edit that file)")]
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

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The front matter lines of one kind (after title, slug hint, date, summary, tags, draft).
fn kind_lines(kind: Kind, today: &str, year: i32) -> String {
    match kind {
        Kind::Campaign => format!(
            "start = {year}                # năm hoặc ngày bắt đầu (YYYY hoặc YYYY-MM-DD)\n\
             end = {}                  # năm hoặc ngày kết thúc\n\
             launched_by = \"Chủ tịch UBND tỉnh\"   # ai phát động\n\
             level = \"Cấp tỉnh\"          # cấp phát động\n\
             theme = \"\"                  # chủ đề của phong trào\n\n\
             # Chỉ tiêu: lặp lại khối [[indicators]] cho mỗi chỉ tiêu.\n\
             # [[indicators]]\n\
             # name = \"Hộ thoát nghèo\"\n\
             # unit = \"hộ\"\n\
             # target = 1000             # không bắt buộc\n\
             # values = [ {{ period = \"{year}\", value = 0 }} ]\n",
            year + 4
        ),
        Kind::Person => "kind = \"ca-nhan\"            # \"ca-nhan\" (cá nhân) hoặc \"tap-the\" (tập thể)\n\
             ethnicity = \"\"              # dân tộc, ví dụ \"Xtiêng\", \"Mnông\", \"Khmer\"\n\
             role = \"Người có uy tín\"     # danh hiệu, vai trò\n\
             commune = \"\"                # xã, phường\n\
             district = \"\"               # huyện, thị xã, thành phố\n\
             year = YEAR                 # năm được tuyên dương\n\
             award = \"\"                  # hình thức khen thưởng\n\
             campaigns = []              # slug các phong trào, ví dụ [\"vi-nguoi-ngheo\"]\n\
             # sort_name = \"\"            # chỉ khi cần xếp khác tên gọi\n\
             # photo = \"chan-dung.jpg\"   # ảnh đặt cạnh index.md (bản ghi dạng thư mục)\n"
            .replace("YEAR", &year.to_string()),
        Kind::News => "campaigns = []              # slug các phong trào liên quan\n\
             people = []                 # slug các điển hình được nhắc đến\n\
             author = \"\"                 # tác giả, đơn vị viết bài\n\
             # image = \"anh.jpg\"         # ảnh đầu bài, đặt cạnh index.md (bản ghi dạng thư mục)\n"
            .to_owned(),
        Kind::Document => format!(
            "number = \"\"                 # số ký hiệu, ví dụ \"15/KH-BDT\"\n\
             doc_type = \"Kế hoạch\"       # Kế hoạch, Báo cáo, Quyết định, Công văn…\n\
             issued = {today}         # ngày ban hành; \"YYYY-MM\" nếu để trống ngày\n\
             issuer = \"\"                 # cơ quan ban hành\n\
             signer = \"\"                 # người ký\n\
             campaigns = []              # slug các phong trào liên quan\n\
             # attachments = [\"van-ban.pdf\"]   # tệp đặt cạnh index.md (bản ghi dạng thư mục)\n"
        ),
        Kind::Page => String::new(),
    }
}

/// The text of a new record of `kind` titled `title`, dated `today`.
pub fn record_text(kind: Kind, title: &str, today: PartialDate) -> String {
    let day = today.iso();
    format!(
        "+++\n\
         title = {}\n\
         # slug = \"\"                 # địa chỉ trang; mặc định là tên tệp\n\
         date = {day}\n\
         summary = \"\"                # một hai câu tóm tắt, hiện trong danh sách và khi chia sẻ\n\
         tags = []                   # chủ đề, ví dụ [\"giảm nghèo\"]\n\
         draft = true                # đổi thành false (hoặc xoá dòng) khi sẵn sàng đăng\n\
         {}+++\n\n\
         Viết nội dung ở đây bằng Markdown.\n\n\
         ## Tiêu đề mục\n\n\
         Liên kết đến trang khác viết dạng `[tên trang](/phong-trao/slug-cua-phong-trao/)`.\n",
        quoted(&nfc(title)),
        kind_lines(kind, &day, today.year)
    )
}

/// Writes `content/<section>/<slug>.md` for a new record; returns its path.
pub fn create(root: &Path, kind: Kind, title: &str, today: PartialDate) -> Result<PathBuf, NewError> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(NewError::EmptySlug(title.to_owned()));
    }
    let dir = root.join("content").join(kind.section());
    let path = dir.join(format!("{slug}.md"));
    if path.exists() || dir.join(&slug).join("index.md").exists() {
        return Err(NewError::Exists(path));
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
            assert_eq!(parsed.data["date"], "2026-11-22");
        }
    }

    #[test]
    fn refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = create(dir.path(), Kind::News, "Hội nghị biểu dương", PartialDate::ymd(2026, 1, 2)).unwrap();
        assert!(p.ends_with("content/tin-tuc/hoi-nghi-bieu-duong.md"));
        let again = create(dir.path(), Kind::News, "Hội nghị  biểu dương!", PartialDate::ymd(2026, 1, 2));
        assert!(matches!(again, Err(NewError::Exists(_))));
        assert!(matches!(
            create(dir.path(), Kind::News, "!!!", PartialDate::ymd(2026, 1, 2)),
            Err(NewError::EmptySlug(_))
        ));
    }
}
