//! A record's diagnostics as the editor shows them: the loader's and the
//! cross-record checks of `thidua check`, each tied to the form field of the
//! key it is about.

use super::Editor;
use crate::content::discover::SourceFile;
use crate::content::frontmatter;
use crate::content::schema;
use crate::content::Record;
use crate::diagnostics::Diagnostic;
use std::path::Path;

impl Editor {
    /// The record `text` makes and its diagnostics by key, as `thidua check` gives them.
    pub(super) fn check(&self, src: &SourceFile, text: &str) -> (Option<Record>, Vec<(String, Diagnostic)>) {
        let (pending, mut diags) = crate::content::load::load_front_bytes(&self.root, src, text.as_bytes().to_vec());
        let record = pending.map(|p| p.record);
        if let Some(r) = &record {
            let mut all = self.index().others(&src.file);
            all.push(r.clone());
            let refs = crate::content::validate::references(&all, &Default::default());
            let districts = crate::content::validate::districts(&all);
            diags.extend(refs.into_iter().chain(districts).filter(|d| d.path == r.source.path));
        }
        let parsed = frontmatter::parse(Path::new("x.md"), text).ok();
        let keyed = diags
            .into_iter()
            .map(|d| {
                let key = parsed
                    .as_ref()
                    .and_then(|p| {
                        schema::fields(src.kind)
                            .iter()
                            .find(|f| d.line > 0 && p.key_line(f.key) == d.line)
                            .map(|f| f.key.to_owned())
                    })
                    .or_else(|| {
                        // a missing required key names the key in its message
                        schema::fields(src.kind)
                            .iter()
                            .find(|f| d.line <= 1 && d.message.contains(&format!("`{}`", f.key)))
                            .map(|f| f.key.to_owned())
                    })
                    .unwrap_or_default();
                (key, d)
            })
            .collect();
        (record, keyed)
    }
}
