//! The glossary: abbreviations and variant spellings that mean the same thing
//! (`DTTS` ⇄ `dân tộc thiểu số`, `Xtiêng` ⇄ `S'tiêng` ⇄ `Stiêng`).
//!
//! The site owns it (`<root>/glossary.toml`); the theme ships a default. Each
//! group of spellings is named by its first spelling's folded words joined
//! (`dtts`, `xtieng`, `choro`). Wherever the words of any spelling occur, this
//! stage adds that name as a span token at the position of their first word;
//! a one-word spelling that *is* the name (`DTTS`) needs nothing. Because the
//! query goes through the same stage, `DTTS` finds the long form and the long
//! form finds `DTTS`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use tantivy::tokenizer::Token;

use super::{base_analyzer, classify, tokens, Stage, TokenClass};
use crate::search::SearchError;

/// The glossary shipped with the default theme.
pub(crate) const DEFAULT_GLOSSARY: &str = include_str!("../../../themes/default/glossary.toml");

/// The file format: any number of lists of groups.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    abbreviations: Vec<Vec<String>>,
    #[serde(default)]
    variants: Vec<Vec<String>>,
}

/// A loaded glossary: every spelling as analyzed words, with its group's name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    entries: Vec<(Vec<String>, String)>,
    source: Option<PathBuf>,
}

impl Glossary {
    /// Parses a glossary file's text; `path` names it in errors.
    pub(crate) fn from_toml(text: &str, path: &Path) -> Result<Glossary, SearchError> {
        let file: GlossaryFile = toml::from_str(text).map_err(|e| SearchError::Glossary {
            path: path.to_path_buf(),
            message: e.to_string().trim_end().to_owned(),
        })?;
        let groups = file.abbreviations.iter().chain(&file.variants);
        Ok(Glossary { entries: Self::analyze_groups(groups), source: Some(path.to_path_buf()) })
    }

    /// The default theme's glossary, built into the binary.
    pub fn default_theme() -> Result<Glossary, SearchError> {
        let mut g = Self::from_toml(DEFAULT_GLOSSARY, Path::new("themes/default/glossary.toml"))?;
        g.source = None;
        Ok(g)
    }

    /// Rebuilds a glossary from exported entries (see [`Glossary::entries`]).
    pub(crate) fn from_entries(entries: Vec<(Vec<String>, String)>) -> Glossary {
        Glossary { entries, source: None }
    }

    /// (analyzed words of a spelling, the group's name), sorted.
    pub(crate) fn entries(&self) -> &[(Vec<String>, String)] {
        &self.entries
    }

    fn analyze_groups<'a>(groups: impl Iterator<Item = &'a Vec<String>>) -> Vec<(Vec<String>, String)> {
        let mut analyzer = base_analyzer();
        let mut out = Vec::new();
        for group in groups {
            let spellings: Vec<Vec<String>> = group
                .iter()
                .map(|s| {
                    let toks = tokens(&mut analyzer, s);
                    let classes = classify(&toks);
                    toks.into_iter()
                        .zip(classes)
                        .filter(|(_, c)| *c == TokenClass::Word)
                        .map(|(t, _)| t.text)
                        .collect::<Vec<String>>()
                })
                .filter(|w| !w.is_empty())
                .collect();
            let Some(first) = spellings.first() else {
                continue;
            };
            let name = first.concat();
            for words in spellings {
                if words.len() == 1 && words[0] == name {
                    continue;
                }
                out.push((words, name.clone()));
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// The glossary stage.
#[derive(Clone, Debug)]
pub(crate) struct GlossarySpans {
    by_first_word: HashMap<String, Vec<(Vec<String>, String)>>,
}

impl GlossarySpans {
    /// The stage for this glossary.
    pub(crate) fn new(glossary: &Glossary) -> Self {
        let mut by_first_word: HashMap<String, Vec<(Vec<String>, String)>> = HashMap::new();
        for (words, name) in glossary.entries() {
            by_first_word.entry(words[0].clone()).or_default().push((words.clone(), name.clone()));
        }
        GlossarySpans { by_first_word }
    }
}

impl Stage for GlossarySpans {
    fn apply(&self, mut tokens: Vec<Token>) -> Vec<Token> {
        let classes = classify(&tokens);
        let words: Vec<&Token> =
            tokens.iter().zip(&classes).filter(|(_, c)| **c == TokenClass::Word).map(|(t, _)| t).collect();
        let mut spans = Vec::new();
        for (i, first) in words.iter().enumerate() {
            let Some(candidates) = self.by_first_word.get(&first.text) else {
                continue;
            };
            let mut names: Vec<&str> = Vec::new();
            for (seq, name) in candidates {
                let Some(run) = words.get(i..i + seq.len()) else {
                    continue;
                };
                let consecutive =
                    run.iter().enumerate().all(|(k, t)| t.position == first.position + k && t.text == seq[k]);
                if consecutive && !names.contains(&name.as_str()) {
                    names.push(name);
                    spans.push(Token {
                        offset_from: first.offset_from,
                        offset_to: run[seq.len() - 1].offset_to,
                        position: first.position,
                        text: name.clone(),
                        position_length: seq.len(),
                    });
                }
            }
        }
        // Sorted even without spans of its own: the document-number spans of
        // [`super::split`] follow the words of their chunk and move up here.
        tokens.extend(spans);
        tokens.sort_by_key(|t| t.position);
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_entries() -> Vec<(Vec<String>, String)> {
        Glossary::default_theme().unwrap().entries().to_vec()
    }

    fn has(words: &[&str], name: &str) -> bool {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        default_entries().contains(&(words, name.to_string()))
    }

    #[test]
    fn default_glossary_spellings_are_analyzed() {
        assert!(has(&["dan", "toc", "thieu", "so"], "dtts"));
        assert!(has(&["kt", "xh"], "ktxh"));
        assert!(has(&["kinh", "te", "xa", "hoi"], "ktxh"));
        assert!(has(&["stieng"], "xtieng"));
        assert!(has(&["kho", "me"], "khmer"));
        assert!(has(&["uy", "ban", "nhan", "dan"], "ubnd"));
        assert!(!has(&["dtts"], "dtts"), "a spelling that is the name needs no span");
    }

    #[test]
    fn curly_and_straight_apostrophes_are_one_spelling() {
        assert!(has(&["mnong"], "mnong") || !has(&["m'nong"], "mnong"));
        let mut a = super::super::analyzer(&Glossary::default_theme().unwrap());
        let t1: Vec<String> = tokens(&mut a, "S’tiêng").into_iter().map(|t| t.text).collect();
        let t2: Vec<String> = tokens(&mut a, "S'tiêng").into_iter().map(|t| t.text).collect();
        assert_eq!(t1, t2);
        assert!(t1.contains(&"xtieng".to_string()));
    }

    #[test]
    fn spans_need_consecutive_words() {
        let g = Glossary::default_theme().unwrap();
        let mut a = super::super::analyzer(&g);
        let texts: Vec<String> = tokens(&mut a, "dân tộc, thiểu số").into_iter().map(|t| t.text).collect();
        assert!(texts.contains(&"dtts".to_string()), "punctuation between words is not a gap");
        let texts: Vec<String> = tokens(&mut a, "dân tộc rất thiểu số").into_iter().map(|t| t.text).collect();
        assert!(!texts.contains(&"dtts".to_string()));
    }

    #[test]
    fn bad_toml_names_the_file() {
        let err = Glossary::from_toml("abbreviations = 3", Path::new("site/glossary.toml")).unwrap_err();
        assert!(err.to_string().contains("site/glossary.toml"), "{err}");
        let err = Glossary::from_toml("words = []", Path::new("g.toml")).unwrap_err();
        assert!(err.to_string().contains("words"), "{err}");
    }
}
