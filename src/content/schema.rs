//! The one description of each kind's front matter keys: type, whether it is
//! required, its Vietnamese label and help (message identifiers of the
//! catalogue), and allowed values. `thidua new` writes its commented template
//! from it and the editor builds its forms from it; a unit test below loads a
//! record written from it through the same reader as `thidua check`, so a key
//! the schema names and the reader does not know fails the test.

use super::record::Kind;

/// How a key's value is typed and edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Widget {
    /// One line of text.
    Text,
    /// A few lines of text.
    LongText,
    /// A full date (`dd/mm/yyyy` typed or picked; written `YYYY-MM-DD`).
    Date,
    /// A year, or a full date.
    YearOrDate,
    /// A year (a whole number).
    Year,
    /// true / false (a checkbox).
    Bool,
    /// A list of free words, suggested from the site's existing values.
    Tags,
    /// A list of campaign slugs, picked by title.
    Campaigns,
    /// A list of person slugs, picked by name.
    People,
    /// One of the 54 ethnic groups.
    Ethnicity,
    /// A district name, suggested from the site's districts.
    District,
    /// A commune name, suggested from the site's communes.
    Commune,
    /// One of fixed values.
    Choice(&'static [(&'static str, &'static str)]),
    /// The rows of a campaign's indicators.
    Indicators,
    /// A photo file beside the record.
    Photo,
    /// Files beside the record.
    Files,
    /// A list of lines (recipients).
    Lines,
}

impl Widget {
    /// True for keys whose value is a TOML array.
    pub(crate) fn is_list(self) -> bool {
        matches!(self, Widget::Tags | Widget::Campaigns | Widget::People | Widget::Files | Widget::Lines)
    }
}

/// One front matter key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// The key, as written in the file and as the form field's `name`.
    pub(crate) key: &'static str,
    /// Its type and editor.
    pub(crate) widget: Widget,
    /// A record without it is an error.
    pub(crate) required: bool,
    /// Catalogue identifier of the label.
    pub(crate) label: &'static str,
    /// Catalogue identifier of the help line.
    pub(crate) help: &'static str,
}

const fn field(key: &'static str, widget: Widget, label: &'static str, help: &'static str) -> Field {
    Field { key, widget, required: false, label, help }
}

const PERSON_KINDS: &[(&str, &str)] =
    &[("ca-nhan", "schema-person-kind-individual"), ("tap-the", "schema-person-kind-collective")];

/// A document's validity; the empty value leaves it to the dates (`effective`,
/// `expires`, `replaced_by`), and `thidua new` writes no `status` at all.
const STATUS: &[(&str, &str)] = &[
    ("", "schema-status-auto"),
    ("con-hieu-luc", "schema-status-valid"),
    ("het-hieu-luc", "schema-status-expired"),
    ("bi-thay-the", "schema-status-replaced"),
];

const TITLE: Field = Field { required: true, ..field("title", Widget::Text, "schema-title", "schema-title-help") };
const DATE: Field = field("date", Widget::Date, "schema-date", "schema-date-help");
const NEWS_DATE: Field = Field { required: true, ..DATE };
const SUMMARY: Field = field("summary", Widget::LongText, "schema-summary", "schema-summary-help");
const TAGS: Field = field("tags", Widget::Tags, "schema-tags", "schema-tags-help");
const DRAFT: Field = field("draft", Widget::Bool, "schema-draft", "schema-draft-help");
const CAMPAIGNS: Field = field("campaigns", Widget::Campaigns, "schema-campaigns", "schema-campaigns-help");

const CAMPAIGN: &[Field] = &[
    TITLE,
    DATE,
    SUMMARY,
    TAGS,
    field("start", Widget::YearOrDate, "schema-start", "schema-start-help"),
    field("end", Widget::YearOrDate, "schema-end", "schema-end-help"),
    field("launched_by", Widget::Text, "schema-launched-by", "schema-launched-by-help"),
    field("level", Widget::Text, "schema-level", "schema-level-help"),
    field("theme", Widget::LongText, "schema-theme", "schema-theme-help"),
    field("indicators", Widget::Indicators, "schema-indicators", "schema-indicators-help"),
    DRAFT,
];

const PERSON: &[Field] = &[
    TITLE,
    DATE,
    SUMMARY,
    TAGS,
    field("kind", Widget::Choice(PERSON_KINDS), "schema-person-kind", "schema-person-kind-help"),
    field("ethnicity", Widget::Ethnicity, "schema-ethnicity", "schema-ethnicity-help"),
    field("role", Widget::Text, "schema-role", "schema-role-help"),
    field("commune", Widget::Commune, "schema-commune", "schema-commune-help"),
    field("district", Widget::District, "schema-district", "schema-district-help"),
    field("year", Widget::Year, "schema-year", "schema-year-help"),
    field("award", Widget::Text, "schema-award", "schema-award-help"),
    CAMPAIGNS,
    field("photo", Widget::Photo, "schema-photo", "schema-photo-help"),
    field("photo_alt", Widget::Text, "schema-photo-alt", "schema-photo-alt-help"),
    field("photo_caption", Widget::Text, "schema-photo-caption", "schema-photo-caption-help"),
    field("photo_credit", Widget::Text, "schema-photo-credit", "schema-photo-credit-help"),
    field("sort_name", Widget::Text, "schema-sort-name", "schema-sort-name-help"),
    DRAFT,
];

const NEWS: &[Field] = &[
    TITLE,
    NEWS_DATE,
    SUMMARY,
    TAGS,
    CAMPAIGNS,
    field("people", Widget::People, "schema-people", "schema-people-help"),
    field("author", Widget::Text, "schema-author", "schema-author-help"),
    field("image", Widget::Photo, "schema-image", "schema-image-help"),
    field("image_alt", Widget::Text, "schema-image-alt", "schema-image-alt-help"),
    field("image_caption", Widget::Text, "schema-image-caption", "schema-image-caption-help"),
    field("image_credit", Widget::Text, "schema-image-credit", "schema-image-credit-help"),
    DRAFT,
];

const DOCUMENT: &[Field] = &[
    TITLE,
    field("number", Widget::Text, "schema-number", "schema-number-help"),
    field("doc_type", Widget::Text, "schema-doc-type", "schema-doc-type-help"),
    field("issued", Widget::Date, "schema-issued", "schema-issued-help"),
    field("issuer", Widget::Text, "schema-issuer", "schema-issuer-help"),
    field("signer", Widget::Text, "schema-signer", "schema-signer-help"),
    field("signer_title", Widget::Text, "schema-signer-title", "schema-signer-title-help"),
    field("recipients", Widget::Lines, "schema-recipients", "schema-recipients-help"),
    field("field", Widget::Text, "schema-field", "schema-field-help"),
    SUMMARY,
    TAGS,
    CAMPAIGNS,
    field("attachments", Widget::Files, "schema-attachments", "schema-attachments-help"),
    field("status", Widget::Choice(STATUS), "schema-status", "schema-status-help"),
    field("effective", Widget::Date, "schema-effective", "schema-effective-help"),
    field("expires", Widget::Date, "schema-expires", "schema-expires-help"),
    field("replaced_by", Widget::Text, "schema-replaced-by", "schema-replaced-by-help"),
    DRAFT,
];

const PAGE: &[Field] = &[TITLE, DATE, SUMMARY, TAGS, DRAFT];

/// The keys of `kind`, in the order forms and templates show them.
pub(crate) fn fields(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Campaign => CAMPAIGN,
        Kind::Person => PERSON,
        Kind::News => NEWS,
        Kind::Document => DOCUMENT,
        Kind::Page => PAGE,
    }
}

/// The key `key` of `kind`, if the schema knows it.
pub(crate) fn find(kind: Kind, key: &str) -> Option<&'static Field> {
    fields(kind).iter().find(|f| f.key == key)
}

/// The kind a section folder or kind name stands for: the Vietnamese section
/// names (`tin-tuc`, `dien-hinh`, `phong-trao`, `van-ban`, `trang`) and the
/// English kind names alike.
pub(crate) fn kind_named(name: &str) -> Option<Kind> {
    match name.trim().to_lowercase().as_str() {
        "phong-trao" | "campaign" => Some(Kind::Campaign),
        "dien-hinh" | "person" => Some(Kind::Person),
        "tin-tuc" | "tin" | "news" => Some(Kind::News),
        "van-ban" | "document" => Some(Kind::Document),
        "trang" | "page" => Some(Kind::Page),
        _ => None,
    }
}

/// The section name of `kind` as the editor's URLs write it (`trang` for pages).
pub(crate) fn section_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Page => "trang",
        k => k.section(),
    }
}

/// The unit words a district name may start with (`huyện Bù Đăng` is `Bù
/// Đăng`), longest first so that `thị xã` is not read as `xã`.
const DISTRICT_UNITS: [&str; 10] =
    ["thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "xã", "tp.", "tx.", "tt."];

/// A district name without its unit word, as the site shows and groups it:
/// `huyện Bù Đăng`, `Huyện  Bù Đăng` and `Bù Đăng` are all `Bù Đăng`.
pub(crate) fn district_name(name: &str) -> String {
    let n = crate::text::nfc(name.trim());
    let lower = n.to_lowercase();
    let unit = DISTRICT_UNITS.iter().find(|u| {
        lower.strip_prefix(**u).is_some_and(|rest| u.ends_with('.') || rest.starts_with([' ', '.', '\u{a0}']))
    });
    match unit {
        Some(u) => {
            let rest: String = n.chars().skip(u.chars().count()).collect();
            let bare = rest.trim_start_matches(['.', ' ', '\u{a0}']).split_whitespace().collect::<Vec<_>>().join(" ");
            if bare.is_empty() {
                n
            } else {
                bare
            }
        }
        None => n.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// A district name as a key for comparing names: the slug of [`district_name`].
pub(crate) fn district_key(name: &str) -> String {
    crate::text::slugify(&district_name(name))
}

/// When `name` is a district the site does not have yet but is close to one
/// it has (a typing slip), that one.
pub(crate) fn near_district<'a>(name: &str, known: impl IntoIterator<Item = &'a String>) -> Option<&'a String> {
    let key = district_key(name);
    if key.is_empty() {
        return None;
    }
    let mut best = None;
    for k in known {
        let other = district_key(k);
        if other == key {
            return None;
        }
        let d = strsim::levenshtein(&other, &key);
        if d <= 2 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// The campaign (slug, title) a reference that matches no slug most likely
/// means, judged by its slug and by its title: `vi-nguoi-ngheo` finds the
/// campaign `alpha` titled "Vì người nghèo - Không để ai bị bỏ lại phía sau".
pub(crate) fn suggest_campaign<'a>(wanted: &str, campaigns: &'a [(String, String)]) -> Option<&'a (String, String)> {
    let want = crate::text::slugify(wanted);
    if want.is_empty() {
        return None;
    }
    campaigns
        .iter()
        .filter_map(|c| {
            let title = crate::text::slugify(&c.1);
            let by_title = if title.starts_with(&want) || (want.len() >= 6 && title.contains(&want)) {
                0
            } else {
                strsim::levenshtein(&title, &want)
            };
            let d = strsim::levenshtein(&c.0, &want).min(by_title);
            (d <= 3.max(want.len() / 4)).then_some((d, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::discover::SourceFile;
    use crate::content::load::load_front_bytes;
    use std::path::Path;

    fn sample(w: Widget) -> &'static str {
        match w {
            Widget::Date => "\"2024-05-20\"",
            Widget::YearOrDate | Widget::Year => "2024",
            Widget::Bool => "true",
            Widget::Choice(values) if values.iter().any(|v| v.0 == "bi-thay-the") => "\"bi-thay-the\"",
            Widget::Choice(_) => "\"ca-nhan\"",
            Widget::Ethnicity => "\"Xtiêng\"",
            Widget::Indicators => {
                "[{ name = \"Hộ thoát nghèo\", unit = \"hộ\", values = [{ period = \"2024\", value = 3 }] }]"
            }
            w if w.is_list() => "[]",
            _ => "\"Chữ\"",
        }
    }

    fn source(kind: Kind) -> SourceFile {
        SourceFile {
            rel: format!("{}/mau.md", section_name(kind)),
            file: Path::new("content").join(section_name(kind)).join("mau.md"),
            kind,
            dirs: Vec::new(),
            stem: "mau".into(),
            bundle: None,
            is_intro: false,
        }
    }

    #[test]
    fn every_schema_key_is_known_to_the_reader_of_thidua_check() {
        for kind in [Kind::Campaign, Kind::Person, Kind::News, Kind::Document, Kind::Page] {
            let mut text = String::from("+++\n");
            for f in fields(kind).iter().filter(|f| !matches!(f.widget, Widget::Photo)) {
                text.push_str(&format!("{} = {}\n", f.key, sample(f.widget)));
            }
            text.push_str("+++\nThân bài.\n");
            let (pending, diags) = load_front_bytes(Path::new("."), &source(kind), text.into_bytes());
            assert!(pending.is_some(), "{kind:?}: {diags:?}");
            assert!(diags.is_empty(), "{kind:?}: the schema names keys the reader rejects: {diags:?}");
        }
    }

    #[test]
    fn required_keys_are_required_by_the_reader_too() {
        for kind in [Kind::Campaign, Kind::Person, Kind::News, Kind::Document, Kind::Page] {
            for req in fields(kind).iter().filter(|f| f.required) {
                let mut text = String::from("+++\n");
                for f in fields(kind).iter().filter(|f| f.key != req.key && f.widget == Widget::Text) {
                    text.push_str(&format!("{} = \"Chữ\"\n", f.key));
                }
                text.push_str("+++\n");
                let (_, diags) = load_front_bytes(Path::new("."), &source(kind), text.into_bytes());
                assert!(diags.iter().any(|d| d.is_error()), "{kind:?} without {}: no error", req.key);
            }
        }
    }

    #[test]
    fn district_names_match_with_or_without_the_unit_word() {
        assert_eq!(district_key("huyện Bù Đăng"), district_key("Bù Đăng"));
        assert_eq!(district_key("Huyện Bù Đăng"), "bu-dang");
        assert_eq!(district_key("thị xã Phước Long"), "phuoc-long");
        assert_eq!(district_key("TP. Đồng Xoài"), "dong-xoai");
        assert_eq!(district_key("thị trấn Đức Phong"), "duc-phong");
        assert_eq!(district_name("Thị xã  Bình Long"), "Bình Long");
        assert_eq!(district_name("huyện Bù Đăng"), "Bù Đăng");
        assert_eq!(district_name("Xã"), "Xã", "a name that is only a unit word stays");
        assert_eq!(district_name("Xuân Lộc"), "Xuân Lộc", "a name beginning like a unit word stays");
        let known = vec!["Bù Đăng".to_owned(), "Lộc Ninh".to_owned()];
        assert_eq!(near_district("huyện Bù Đăng", &known), None, "the same district");
        assert_eq!(near_district("Bù Đăn", &known), Some(&known[0]));
        assert_eq!(near_district("Chơn Thành", &known), None, "a new district far from the others");
    }

    #[test]
    fn campaign_references_are_suggested_by_title_and_by_slug() {
        let c = vec![
            ("alpha".to_owned(), "Vì người nghèo - Không để ai bị bỏ lại phía sau".to_owned()),
            ("beta".to_owned(), "Phòng, chống dịch Covid-19".to_owned()),
        ];
        assert_eq!(suggest_campaign("vi-nguoi-ngheo", &c).map(|x| x.0.as_str()), Some("alpha"));
        assert_eq!(suggest_campaign("Phòng chống dịch", &c).map(|x| x.0.as_str()), Some("beta"));
        assert_eq!(suggest_campaign("alhpa", &c).map(|x| x.0.as_str()), Some("alpha"));
        assert_eq!(suggest_campaign("xay-dung-nong-thon-moi", &c), None);
    }

    #[test]
    fn vietnamese_and_english_names_give_the_same_kind() {
        assert_eq!(kind_named("tin-tuc"), Some(Kind::News));
        assert_eq!(kind_named("news"), Some(Kind::News));
        assert_eq!(kind_named("trang"), Some(Kind::Page));
        assert_eq!(kind_named("Van-Ban"), Some(Kind::Document));
        assert_eq!(kind_named("x"), None);
    }
}
