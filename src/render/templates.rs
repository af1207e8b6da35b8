//! Tera set-up: the theme's templates, auto-escaping on, and the few filters
//! the templates need. A template error names the template file and line.

use crate::diagnostics::Diagnostic;
use crate::theme::Theme;
use std::error::Error as _;
use tera::Tera;

/// Compiles every template of the theme.
pub fn compile(theme: &Theme, theme_path: &std::path::Path) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    let templates: Vec<(&str, &str)> = theme.templates.iter().map(|(n, s)| (n.as_str(), s.as_str())).collect();
    tera.add_raw_templates(templates).map_err(|e| {
        let message = chain(&e);
        let d = match parse_error_place(&message) {
            Some((name, line, column)) if theme.templates.contains_key(name) => {
                let source = &theme.templates[name];
                Diagnostic::error(theme_path.join("templates").join(name), format!("a template does not compile: {message}"))
                    .at(source, line, column)
            }
            _ => Diagnostic::error(theme_path.join("templates"), format!("a template does not compile: {message}")),
        };
        d.hint("fix the template syntax at the place named ({{ }} for values, {% %} for tags, each {% block %} closed by {% endblock %})")
    })?;
    Ok(tera)
}

/// The template, line and column of a Tera syntax error: Tera reports them only
/// in its message, as `Failed to parse 'base.html':  --> 6:14`.
fn parse_error_place(message: &str) -> Option<(&str, usize, usize)> {
    let rest = message.split_once("Failed to parse '")?.1;
    let (name, rest) = rest.split_once('\'')?;
    let place = rest.split_once("--> ")?.1;
    let (line, rest) = place.split_once(':')?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((name, line.trim().parse().ok()?, column.parse().ok()?))
}

/// A Tera error with its causes, on one line.
pub fn chain(e: &tera::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}
