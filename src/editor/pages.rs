//! The editor's HTML: plain server-rendered pages that work without
//! JavaScript (forms submit with an ordinary button); `editor.js` only adds
//! the Markdown toolbar, the live preview, picker search and file dropping.
//! Every text comes from the message catalogue.

use super::http::{esc, url_path};
use crate::content::schema::{Field, Widget};
use crate::content::Kind;
use crate::diagnostics::Diagnostic;
use crate::i18n::{tr, Lang};
use crate::t;

/// The page frame: header, navigation, `main`.
pub(crate) fn frame(title: &str, main: &str) -> String {
    let mut nav = format!("<a href=\"/__thidua/editor/\">{}</a>", esc(&t!("ed-nav-home")));
    for kind in [Kind::News, Kind::Campaign, Kind::Person, Kind::Document, Kind::Page] {
        let sec = crate::content::schema::section_name(kind);
        nav.push_str(&format!(
            "<a href=\"/__thidua/editor/new/{sec}\">{}</a>",
            esc(&t!("ed-nav-new", kind = kind_label(kind)))
        ));
    }
    nav.push_str(&format!("<a href=\"/__thidua/editor/huong-dan\">{}</a>", esc(&t!("ed-nav-guide"))));
    nav.push_str(&format!("<a href=\"/\" target=\"_blank\" rel=\"noopener\">{}</a>", esc(&t!("ed-nav-site"))));
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>{title} · {app}</title>\
<link rel=\"stylesheet\" href=\"/__thidua/editor/assets/editor.css\"><script src=\"/__thidua/editor/assets/editor.js\" defer></script>\
</head><body><header class=\"top\"><p class=\"app\">{app}</p><nav aria-label=\"{navlabel}\">{nav}</nav></header>\
<main id=\"main\">{main}</main></body></html>",
        lang = Lang::current().tag(),
        title = esc(title),
        app = esc(&t!("ed-app")),
        navlabel = esc(&t!("ed-nav-label")),
    )
}

/// The Vietnamese (or English) name of one record of `kind`.
pub(crate) fn kind_label(kind: Kind) -> String {
    tr(
        match kind {
            Kind::Campaign => "kind-campaign",
            Kind::Person => "kind-person",
            Kind::News => "kind-news",
            Kind::Document => "kind-document",
            Kind::Page => "kind-page",
        },
        &[],
    )
}

/// One diagnostic as a list item: message, line and hint.
pub(crate) fn diag_item(d: &Diagnostic) -> String {
    let class = if d.is_error() { "err" } else { "warn" };
    let what = if d.is_error() { t!("ed-error") } else { t!("ed-warning") };
    let line = if d.line > 0 { format!(" ({})", esc(&t!("ed-line", line = d.line))) } else { String::new() };
    let hint = d.hint.as_deref().map(|h| format!("<br><span class=\"hint\">{}</span>", esc(h))).unwrap_or_default();
    format!("<li class=\"{class}\"><strong>{}:</strong> {}{line}{hint}</li>", esc(&what), esc(&d.message))
}

/// What a record form needs besides the values.
pub(crate) struct FormPage {
    /// Where the form posts.
    pub(crate) action: String,
    /// The page heading.
    pub(crate) heading: String,
    /// Each schema key with the value to show.
    pub(crate) fields: Vec<(&'static Field, String)>,
    pub(crate) body: String,
    /// The file version the form was opened at.
    pub(crate) version: String,
    /// Diagnostics by key ("" for the whole file).
    pub(crate) diags: Vec<(String, Diagnostic)>,
    /// A message at the top (saved, refused…).
    pub(crate) notice: Option<(bool, String)>,
    /// Suggestions: campaigns and people (slug, title), tags, districts, communes.
    pub(crate) campaigns: Vec<(String, String)>,
    /// People (slug, name).
    pub(crate) people: Vec<(String, String)>,
    /// Existing tags.
    pub(crate) tags: Vec<String>,
    /// Existing districts.
    pub(crate) districts: Vec<String>,
    /// Existing communes.
    pub(crate) communes: Vec<String>,
    /// The file is YAML: offer the conversion.
    pub(crate) yaml: bool,
    /// The site path of the file being edited (for delete and view links), if it exists.
    pub(crate) path: Option<String>,
    /// The record's URL on the previewed site.
    pub(crate) url: Option<String>,
    /// Extra HTML after the form (the other version in a conflict).
    pub(crate) after: String,
    /// Extra HTML before the form (the files of an import batch).
    pub(crate) before: String,
    /// Hidden fields the form sends back (an imported file's place in its batch).
    pub(crate) hidden: Vec<(String, String)>,
}

fn datalist(id: &str, items: &[String]) -> String {
    let opts: String = items.iter().map(|v| format!("<option value=\"{}\">", esc(v))).collect();
    format!("<datalist id=\"{id}\">{opts}</datalist>")
}

fn picker(key: &str, chosen: &str, items: &[(String, String)], label: &str) -> String {
    let chosen: Vec<&str> = chosen.split('\n').map(str::trim).filter(|s| !s.is_empty()).collect();
    let mut out = format!(
        "<input type=\"search\" class=\"picker-filter\" data-filter=\"{key}\" placeholder=\"{}\" aria-label=\"{}\"><ul class=\"picker\" id=\"picker-{key}\">",
        esc(&t!("ed-picker-search")),
        esc(&t!("ed-picker-search-label", what = label))
    );
    let mut known: Vec<&str> = Vec::new();
    for (slug, title) in items {
        known.push(slug);
        let on = if chosen.contains(&slug.as_str()) { " checked" } else { "" };
        out.push_str(&format!(
            "<li><label><input type=\"checkbox\" name=\"{key}\" value=\"{}\"{on}> {} <small>({})</small></label></li>",
            esc(slug),
            esc(title),
            esc(slug)
        ));
    }
    for slug in chosen.iter().filter(|s| !known.contains(s)) {
        out.push_str(&format!(
            "<li><label><input type=\"checkbox\" name=\"{key}\" value=\"{}\" checked> {} <small>({})</small></label></li>",
            esc(slug),
            esc(slug),
            esc(&t!("ed-picker-unknown"))
        ));
    }
    out.push_str("</ul>");
    out
}

fn widget(p: &FormPage, f: &Field, value: &str, described: &str) -> String {
    let id = format!("f-{}", f.key);
    let req = if f.required { " required" } else { "" };
    let v = esc(value);
    let label = tr(f.label, &[]);
    match f.widget {
        Widget::Text | Widget::Photo => format!("<input id=\"{id}\" name=\"{}\" value=\"{v}\"{req}{described}>", f.key),
        Widget::LongText | Widget::Lines | Widget::Files => {
            format!("<textarea id=\"{id}\" name=\"{}\" rows=\"3\"{req}{described}>\n{v}</textarea>", f.key)
        }
        Widget::Date => format!(
            "<input id=\"{id}\" name=\"{}\" value=\"{v}\" placeholder=\"dd/mm/yyyy\" inputmode=\"numeric\" data-date{req}{described}>",
            f.key
        ),
        Widget::YearOrDate => format!(
            "<input id=\"{id}\" name=\"{}\" value=\"{v}\" placeholder=\"yyyy {} dd/mm/yyyy\" inputmode=\"numeric\"{req}{described}>",
            f.key,
            esc(&t!("ed-or"))
        ),
        Widget::Year => format!("<input id=\"{id}\" name=\"{}\" value=\"{v}\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}\"{req}{described}>", f.key),
        Widget::Bool => format!(
            "<input id=\"{id}\" type=\"checkbox\" name=\"{}\" value=\"true\"{}{described}>",
            f.key,
            if value == "true" { " checked" } else { "" }
        ),
        Widget::Tags => format!(
            "<input id=\"{id}\" name=\"{}\" value=\"{}\" list=\"dl-tags\" data-tags{described}>{}",
            f.key,
            esc(&value.replace('\n', ", ")),
            datalist("dl-tags", &p.tags)
        ),
        Widget::Campaigns => picker(f.key, value, &p.campaigns, &label),
        Widget::People => picker(f.key, value, &p.people, &label),
        Widget::Ethnicity => {
            let groups: Vec<String> = crate::content::ethnicity::groups().map(|(n, _)| n.to_owned()).collect();
            format!("<input id=\"{id}\" name=\"{}\" value=\"{v}\" list=\"dl-eth\"{described}>{}", f.key, datalist("dl-eth", &groups))
        }
        Widget::District => format!("<input id=\"{id}\" name=\"{}\" value=\"{v}\" list=\"dl-district\"{described}>{}", f.key, datalist("dl-district", &p.districts)),
        Widget::Commune => format!("<input id=\"{id}\" name=\"{}\" value=\"{v}\" list=\"dl-commune\"{described}>{}", f.key, datalist("dl-commune", &p.communes)),
        Widget::Choice(values) => {
            let opts: String = values
                .iter()
                .map(|(val, label)| format!("<option value=\"{val}\"{}>{}</option>", if *val == value { " selected" } else { "" }, esc(&tr(label, &[]))))
                .collect();
            format!("<select id=\"{id}\" name=\"{}\"{described}>{opts}</select>", f.key)
        }
        Widget::Indicators => indicators(value),
    }
}

/// The indicators table: each indicator's name, unit and target, and its
/// rows of period and value, with one blank indicator and two blank rows to fill.
fn indicators(value: &str) -> String {
    let parsed: Option<serde_json::Value> = serde_json::from_str(value).ok();
    let mut rows = super::indicators::indicators_of(parsed.as_ref());
    rows.push(super::indicators::IndicatorRow::default());
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let n = i + 1;
        let input = |k: &str, v: &str, label: String, extra: &str| {
            format!(
                "<div class=\"field\"><label for=\"ind-{i}-{k}\">{}</label><input id=\"ind-{i}-{k}\" name=\"indicators.{i}.{k}\" value=\"{}\"{extra}></div>",
                esc(&label),
                esc(v)
            )
        };
        out.push_str(&format!("<fieldset class=\"indicator\"><legend>{}</legend>", esc(&t!("ed-ind-legend", n = n))));
        out.push_str(&input("name", &r.name, t!("ed-ind-name"), ""));
        out.push_str(&input("unit", &r.unit, t!("ed-ind-unit"), ""));
        out.push_str(&input("target", &r.target, t!("ed-ind-target"), " inputmode=\"decimal\""));
        out.push_str(&format!(
            "<table class=\"rows\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            esc(&t!("ed-ind-rows")),
            esc(&t!("ed-ind-period")),
            esc(&t!("ed-ind-value"))
        ));
        let blank = (String::new(), String::new());
        for (j, (p, v)) in r.values.iter().chain([&blank, &blank]).enumerate() {
            out.push_str(&format!(
                "<tr><td><input name=\"indicators.{i}.period\" value=\"{}\" aria-label=\"{}\"></td>\
<td><input name=\"indicators.{i}.value\" value=\"{}\" inputmode=\"decimal\" aria-label=\"{}\"></td></tr>",
                esc(p),
                esc(&t!("ed-ind-period-row", n = n, row = j + 1)),
                esc(v),
                esc(&t!("ed-ind-value-row", n = n, row = j + 1))
            ));
        }
        out.push_str("</tbody></table></fieldset>");
    }
    out
}

/// A record form, generated from the kind's schema.
pub(crate) fn form(p: &FormPage) -> String {
    let mut m = format!("<h1>{}</h1>", esc(&p.heading));
    if let Some((ok, text)) = &p.notice {
        let class = if *ok { "flash" } else { "refused" };
        m.push_str(&format!(
            "<p class=\"{class}\" role=\"{}\">{}</p>",
            if *ok { "status" } else { "alert" },
            esc(text)
        ));
    }
    if let Some(url) = &p.url {
        m.push_str(&format!(
            "<p><a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a></p>",
            esc(url),
            esc(&t!("ed-view-page"))
        ));
    }
    m.push_str(&p.before);
    let general: String = p.diags.iter().filter(|(k, _)| k.is_empty()).map(|(_, d)| diag_item(d)).collect();
    if !general.is_empty() {
        m.push_str(&format!("<ul class=\"problems\" aria-label=\"{}\">{general}</ul>", esc(&t!("ed-col-problems"))));
    }
    let keys: Vec<&str> = p.fields.iter().map(|(f, _)| f.key).collect();
    m.push_str(&format!(
        "<form method=\"post\" action=\"{}\" enctype=\"multipart/form-data\" class=\"record\">\
<input type=\"hidden\" name=\"_version\" value=\"{}\"><input type=\"hidden\" name=\"_fields\" value=\"{}\">",
        esc(&p.action),
        esc(&p.version),
        keys.join(",")
    ));
    for (k, v) in &p.hidden {
        m.push_str(&format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">", esc(k), esc(v)));
    }
    m.push_str("<div class=\"fields\">");
    for (f, value) in &p.fields {
        let errs: Vec<&Diagnostic> = p.diags.iter().filter(|(k, _)| k == f.key).map(|(_, d)| d).collect();
        let help_id = format!("h-{}", f.key);
        let err_id = format!("e-{}", f.key);
        let mut described = format!(
            " aria-describedby=\"{help_id}{}\"",
            if errs.is_empty() { String::new() } else { format!(" {err_id}") }
        );
        if errs.iter().any(|d| d.is_error()) {
            described.push_str(" aria-invalid=\"true\"");
        }
        let label = tr(f.label, &[]);
        let star = if f.required {
            format!(" <abbr title=\"{0}\" class=\"req\">*</abbr>", esc(&t!("ed-required")))
        } else {
            String::new()
        };
        let control = widget(p, f, value, &described);
        let errors: String = errs.iter().map(|d| diag_item(d)).collect();
        let group = matches!(f.widget, Widget::Campaigns | Widget::People | Widget::Indicators);
        let (open, close) = if group {
            (
                format!("<fieldset class=\"field\" id=\"field-{0}\"><legend>{1}{star}</legend>", f.key, esc(&label)),
                "</fieldset>",
            )
        } else {
            (
                format!(
                    "<div class=\"field\" id=\"field-{0}\"><label for=\"f-{0}\">{1}{star}</label>",
                    f.key,
                    esc(&label)
                ),
                "</div>",
            )
        };
        m.push_str(&format!(
            "{open}{control}<p class=\"help\" id=\"{help_id}\">{}</p>{}{close}",
            esc(&tr(f.help, &[])),
            if errors.is_empty() {
                String::new()
            } else {
                format!("<ul class=\"problems\" id=\"{err_id}\">{errors}</ul>")
            }
        ));
    }
    m.push_str("</div>");
    // Body with toolbar and preview.
    m.push_str(&format!(
        "<div class=\"body-edit\"><div class=\"body-col\"><label for=\"f-body\">{}</label>\
<div class=\"toolbar\" role=\"toolbar\" aria-label=\"{}\" hidden></div>\
<textarea id=\"f-body\" name=\"body\" rows=\"18\" data-preview=\"preview\" data-base=\"{}\">\n{}</textarea></div>\
<div class=\"preview-col\"><h2 id=\"preview-h\">{}</h2><div id=\"preview\" class=\"preview\" aria-labelledby=\"preview-h\" aria-live=\"polite\"></div></div></div>",
        esc(&t!("ed-body")),
        esc(&t!("ed-toolbar")),
        esc(&p.path.as_deref().map(|f| f.rsplit_once('/').map_or(String::new(), |(d, _)| format!("{d}/"))).unwrap_or_default()),
        esc(&p.body),
        esc(&t!("ed-preview"))
    ));
    // Photos and files.
    m.push_str(&format!(
        "<fieldset class=\"upload\"><legend>{}</legend><p class=\"help\">{}</p>\
<div class=\"field\"><label for=\"u-photo\">{}</label><input id=\"u-photo\" type=\"file\" name=\"_anh\" accept=\"image/jpeg,image/png,image/webp,image/gif\"></div>\
<div class=\"field\"><label for=\"u-alt\">{}</label><input id=\"u-alt\" name=\"_anh_alt\"><p class=\"help\">{}</p></div>\
<div class=\"field\"><label for=\"u-caption\">{}</label><input id=\"u-caption\" name=\"_anh_chu_thich\"></div>\
<div class=\"field\"><label for=\"u-file\">{}</label><input id=\"u-file\" type=\"file\" name=\"_tep\"></div></fieldset>",
        esc(&t!("ed-upload-title")),
        esc(&t!("ed-upload-help")),
        esc(&t!("ed-upload-photo")),
        esc(&t!("ed-upload-alt")),
        esc(&t!("ed-upload-alt-help")),
        esc(&t!("ed-upload-caption")),
        esc(&t!("ed-upload-file"))
    ));
    if p.yaml {
        m.push_str(&format!(
            "<p class=\"yaml\"><label><input type=\"checkbox\" name=\"_chuyen_toml\" value=\"1\"> {}</label></p>",
            esc(&t!("ed-yaml-convert"))
        ));
    }
    m.push_str(&format!("<p class=\"actions\"><button type=\"submit\">{}</button>", esc(&t!("ed-save"))));
    if let Some(path) = &p.path {
        m.push_str(&format!(
            " <a class=\"danger\" href=\"/__thidua/editor/delete/{}\">{}</a>",
            url_path(path),
            esc(&t!("ed-delete"))
        ));
    }
    m.push_str("</p></form>");
    m.push_str(&p.after);
    frame(&p.heading, &m)
}

/// A page with one message and a link home.
pub(crate) fn message(status_title: &str, text: &str) -> String {
    frame(
        status_title,
        &format!(
            "<h1>{}</h1><p>{}</p><p><a href=\"/__thidua/editor/\">{}</a></p>",
            esc(status_title),
            esc(text),
            esc(&t!("ed-back-home"))
        ),
    )
}

/// The confirmation before a record goes to the trash folder.
pub(crate) fn confirm_delete(path: &str, title: &str) -> String {
    frame(
        &t!("ed-delete"),
        &format!(
            "<h1>{}</h1><p>{}</p><form method=\"post\" action=\"/__thidua/editor/delete/{}\">\
<input type=\"hidden\" name=\"_xac_nhan\" value=\"1\"><p><button type=\"submit\" class=\"danger\">{}</button> \
<a href=\"/__thidua/editor/edit/{}\">{}</a></p></form>",
            esc(&t!("ed-delete-title", title = title)),
            esc(&t!("ed-delete-explain", path = path)),
            url_path(path),
            esc(&t!("ed-delete-confirm")),
            url_path(path),
            esc(&t!("ed-cancel"))
        ),
    )
}

/// The login form, shown for every editor page when a password is set and
/// the browser has no cookie yet; `wrong` after a wrong password.
pub(crate) fn login(wrong: bool) -> String {
    let alert = if wrong {
        format!("<p class=\"refused\" role=\"alert\">{}</p>", esc(&t!("ed-login-wrong")))
    } else {
        String::new()
    };
    frame(
        &t!("ed-login-title"),
        &format!(
            "<h1>{}</h1>{alert}<p>{}</p><form method=\"post\" action=\"/__thidua/editor/dang-nhap\" class=\"login\">\
<div class=\"field\"><label for=\"mat-khau\">{}</label><input id=\"mat-khau\" type=\"password\" name=\"mat_khau\" \
autocomplete=\"current-password\" required autofocus></div><p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
            esc(&t!("ed-login-title")),
            esc(&t!("ed-login-explain")),
            esc(&t!("ed-login-password")),
            esc(&t!("ed-login-button"))
        ),
    )
}
