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
        Diagnostic::error(theme_path.join("templates"), format!("a template does not compile: {}", chain(&e)))
            .hint("fix the template syntax at the place named ({{ }} for values, {% %} for tags, each {% block %} closed by {% endblock %})")
    })?;
    Ok(tera)
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
