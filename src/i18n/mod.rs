//! The message catalogue: every text staff see comes from `locales/<lang>/thidua.ftl`
//! (Project Fluent), Vietnamese by default, English with `THIDUA_LANG=en`.
//!
//! Messages are looked up by identifier ([`tr`], or the [`t!`](crate::t) macro
//! with named arguments), so code and tests name a message, never its wording.
//! Both catalogues are compiled into the binary; a unit test holds them to the
//! same identifiers and arguments. Moving an existing English string here is
//! mechanical: add an identifier to both files and call `t!` where the string
//! was built.

pub mod cli;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese (the default).
    Vi,
    /// English (`THIDUA_LANG=en`).
    En,
}

impl Lang {
    /// The language `THIDUA_LANG` asks for: English for `en…`, otherwise Vietnamese.
    pub fn current() -> Lang {
        match std::env::var("THIDUA_LANG") {
            Ok(v) if v.trim().to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Vi,
        }
    }

    /// The BCP 47 tag (for `<html lang>`).
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
}

/// The catalogue source of `lang`.
pub(crate) fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => include_str!("../../locales/vi/thidua.ftl"),
        Lang::En => include_str!("../../locales/en/thidua.ftl"),
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static VI: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("a valid language tag");
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks: the texts go to terminals and plain HTML.
        b.set_use_isolating(false);
        let res = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(r, _)| r);
        if let Err(errors) = b.add_resource(res) {
            eprintln!("thidua: message catalogue {}: {errors:?}", lang.tag());
        }
        b
    })
}

/// An argument value of a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text.
    Str(String),
    /// A number (Fluent picks plural forms from it).
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Str(s.clone())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(impl From<$t> for Arg { fn from(n: $t) -> Arg { Arg::Num(n as f64) } })*};
}
num_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The message `id` in `lang` with `args`; the identifier itself when the
/// catalogue lacks it (a unit test makes sure none is missing).
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        match v {
            Arg::Str(s) => fa.set(*k, FluentValue::from(s.clone())),
            Arg::Num(n) => fa.set(*k, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fa), &mut errors).into_owned()
}

/// True when the catalogue has the message `id`.
pub fn has(id: &str) -> bool {
    bundle(Lang::Vi).has_message(id)
}

/// The message `id` in the current language.
pub fn tr(id: &str, args: &[(&str, Arg)]) -> String {
    tr_in(Lang::current(), id, args)
}

/// A message of the catalogue not yet put into words: its identifier and
/// arguments. Diagnostics are built from these (never from free text), so
/// every message a staff member reads has an identifier that tests and tools
/// can name, and its wording lives only in the catalogue.
#[derive(Debug, Clone)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// The message `id` with `args` (use [`msg!`](crate::msg)).
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        debug_assert!(has(id), "`{id}` is not in the message catalogue");
        Msg { id, args }
    }

    /// The catalogue identifier.
    pub(crate) fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `lang`.
    pub(crate) fn text_in(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        tr_in(lang, self.id, &args)
    }

    /// The text in the current language.
    pub(crate) fn text(&self) -> String {
        self.text_in(Lang::current())
    }
}

/// `msg!("id")` or `msg!("id", name = value, …)`: a [`Msg`] (identifier and
/// arguments), for diagnostics.
#[macro_export]
macro_rules! msg {
    ($id:literal) => { $crate::i18n::Msg::new($id, Vec::new()) };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::Msg::new($id, vec![$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

/// `t!("id")` or `t!("id", name = value, …)`: a message of the current language.
#[macro_export]
macro_rules! t {
    ($id:expr) => { $crate::i18n::tr($id, &[]) };
    ($id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

/// `t_in!(lang, "id", name = value, …)`: a message of `lang`.
#[macro_export]
macro_rules! t_in {
    ($lang:expr, $id:expr) => { $crate::i18n::tr_in($lang, $id, &[]) };
    ($lang:expr, $id:expr, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::tr_in($lang, $id, &[$((stringify!($k), $crate::i18n::Arg::from($v))),+])
    };
}

/// The identifiers and variable names of a catalogue, for the consistency test.
#[cfg(test)]
fn shape(lang: Lang) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    use fluent_syntax::ast;
    let res = fluent_syntax::parser::parse(source(lang)).unwrap_or_else(|(_, e)| panic!("{lang:?}: {e:?}"));
    let mut out = std::collections::BTreeMap::new();
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let text = m.value.as_ref().map(|p| format!("{p:?}")).unwrap_or_default();
            let vars = text
                .split("VariableReference { id: Identifier { name: \"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .map(str::to_owned)
                .collect();
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_have_the_same_messages_and_arguments() {
        let (vi, en) = (shape(Lang::Vi), shape(Lang::En));
        let only_vi: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
        let only_en: Vec<_> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
        assert!(only_vi.is_empty() && only_en.is_empty(), "only vi: {only_vi:?}; only en: {only_en:?}");
        for (id, vars) in &vi {
            assert_eq!(vars, &en[id], "{id}: the two languages take different arguments");
        }
        assert!(vi.len() > 50);
    }

    /// The identifiers written in the code as `msg!("…")` or `t!("…")`.
    fn ids_in_code() -> Vec<(String, String)> {
        let mut out = Vec::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![src];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for mac in ["msg!(", "t!("] {
                        for (at, _) in text.match_indices(mac) {
                            let before = text[..at].chars().next_back();
                            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                            let in_comment = text[line_start..at].trim_start().starts_with("//");
                            if in_comment || before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"') {
                                continue; // a comment, a string, or another macro such as `format_t!(`
                            }
                            let rest = text[at + mac.len()..].trim_start();
                            if let Some(lit) = rest.strip_prefix('"') {
                                let id = lit.split('"').next().unwrap_or("");
                                out.push((id.to_owned(), path.display().to_string()));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Every message the code names is in both catalogues (a diagnostic can
    /// only be built from a [`Msg`], so this covers every diagnostic whose
    /// identifier is written in the code; the others are checked when built).
    #[test]
    fn every_message_named_in_the_code_is_in_both_catalogues() {
        let (vi, en) = (shape(Lang::Vi), shape(Lang::En));
        let found = ids_in_code();
        assert!(found.len() > 200, "the scan found only {} messages", found.len());
        let missing: Vec<_> = found.iter().filter(|(id, _)| !vi.contains_key(id) || !en.contains_key(id)).collect();
        assert!(missing.is_empty(), "not in the catalogue: {missing:?}");
    }

    #[test]
    fn a_message_keeps_its_identifier_and_speaks_either_language() {
        let m = crate::msg!("field-missing", key = "title");
        assert_eq!(m.id(), "field-missing");
        assert_eq!(m.text_in(Lang::Vi), "thiếu khoá bắt buộc `title`");
        assert_eq!(m.text_in(Lang::En), "missing required key `title`");
    }

    #[test]
    fn messages_resolve_with_arguments_in_both_languages() {
        let vi = t_in!(Lang::Vi, "date-no-such-day", day = "31", month = "02", year = "2023", max = 28u8);
        let en = t_in!(Lang::En, "date-no-such-day", day = "31", month = "02", year = "2023", max = 28u8);
        assert!(vi.contains("ngày 31 tháng 02 năm 2023 không tồn tại"), "{vi}");
        assert!(en.contains("day 31 of month 02 of 2023 does not exist"), "{en}");
        assert_eq!(tr_in(Lang::Vi, "no-such-message-id", &[]), "no-such-message-id");
    }
}
