//! Minified JavaScript for the theme's scripts: comments and whitespace
//! dropped, local names shortened (oxc's parser, mangler and code generator).
//! Readers on slow links download the search client before their first
//! results, so every kilobyte counts; the theme keeps the readable source.
//!
//! Only local names are renamed: top-level and global names, properties and
//! strings are kept, so the script behaves as its source does. A script that
//! does not parse is left as it is.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// The minified form of the classic (non-module) script `source`, or `None`
/// when it does not parse.
pub(crate) fn javascript(source: &str) -> Option<String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, source, SourceType::cjs()).parse();
    if parsed.panicked || !parsed.errors.is_empty() {
        return None;
    }
    let mut program = parsed.program;
    let options = MinifierOptions { mangle: Some(MangleOptions::default()), compress: None };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    let code =
        Codegen::new().with_options(CodegenOptions::minify()).with_scoping(minified.scoping).build(&program).code;
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_and_shortens_locals_but_keeps_globals_and_strings() {
        let src = "/* header */\nfunction outer(longParameterName) {\n  // note\n  var localCounter = longParameterName + 1;\n  return localCounter + ' // not a comment';\n}\nwindow.Thing = outer;\n";
        let out = javascript(src).unwrap();
        assert!(!out.contains("header") && !out.contains("note"), "{out}");
        assert!(!out.contains("localCounter") && !out.contains("longParameterName"), "{out}");
        assert!(out.contains(" // not a comment"), "{out}");
        assert!(out.contains("window.Thing") && out.contains("function outer"), "{out}");
        assert!(out.len() < src.len() / 2);
    }

    #[test]
    fn a_script_that_does_not_parse_is_refused() {
        assert_eq!(javascript("function ( {"), None);
    }
}
