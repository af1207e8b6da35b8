//! A build's run of the stages: images, then the pages rendered in batches
//! and written as they come while the search index is built beside them,
//! then the search files, the search page and the static files.

use super::{slim, take_search_docs, BuildError, Model, Stage};
use crate::cache::CacheDir;
use crate::fresh;
use crate::media;
use crate::output::{self, Content, OutputFile};
use crate::render;
use crate::search;
use std::path::{Path, PathBuf};

/// What the search stage of a build did.
pub(crate) struct SearchOutcome {
    /// The previous index and its files were kept.
    pub(crate) reused: bool,
    /// What to record for the next build (none when it cannot be fingerprinted).
    pub(crate) stamp: Option<fresh::SearchStamp>,
}

/// What [`write_site`] wrote.
pub(crate) struct Written {
    /// HTML pages written.
    pub(crate) pages: usize,
    /// What the search stage did.
    pub(crate) search: SearchOutcome,
}

/// The search index of a build: made anew (or failed), or the previous one
/// kept, with the previous output folder its files are linked from.
enum Search {
    Built(Result<search::Indexed, search::SearchError>),
    Kept(fresh::SearchStamp, PathBuf),
}

/// Pages rendered per batch: each batch is written to the staging folder and
/// dropped before the next is rendered, so memory holds one batch, not the site.
const RENDER_BATCH: usize = 512;

/// Processes images, renders, indexes, and writes everything into `out` as it
/// is produced. The tantivy index goes to `staging` (unless the previous
/// build's, `reusable`, fits the same search documents and glossary).
///
/// The search index is built on a thread of its own *while* the pages are
/// rendered: tantivy's indexing thread is serial, and alone it would leave a
/// core idle; beside the rendering, both cores stay busy. Its static export,
/// which holds every search file in memory, waits until the pages are done
/// (and their memory freed), keeping the peak down. Pages are rendered
/// (and written) in batches, so memory holds one batch, not the site; once
/// they are written, what only pages needed (body HTML, headings, links, file
/// text) is dropped. The search page, which names the index's entry file, is
/// rendered last.
pub(crate) fn write_site(
    m: &mut Model,
    glossary: &search::Glossary,
    staging: &Path,
    reusable: Option<fresh::SearchStamp>,
    out: &mut output::Staging,
    progress: &dyn Fn(Stage),
) -> Result<Written, BuildError> {
    progress(Stage::Images);
    let (images, image_errors) = media::process_site(&m.site, &CacheDir::of_site(&m.config.root).images());
    if !image_errors.is_empty() {
        return Err(BuildError::Content(image_errors));
    }
    let docs = take_search_docs(&mut m.site);
    let fingerprint = fresh::search_fingerprint(&docs, glossary);
    let previous = out.previous().map(Path::to_path_buf);
    let kept = reusable.filter(|s| fingerprint.as_ref() == Some(&s.fingerprint)).zip(previous);
    let (pages, search) = std::thread::scope(|scope| {
        let indexing = match kept {
            Some(kept) => {
                drop(docs);
                Err(kept)
            }
            None => Ok(scope.spawn(|| search::index(docs, glossary, staging))),
        };
        progress(Stage::Render);
        let mut pages = 0;
        let sink = |files: Vec<OutputFile>| {
            pages += files.iter().filter(|f| f.path.ends_with(".html")).count();
            out.write(&files)
        };
        let rendered = render::render_streaming(m.inputs(&images, String::new()), RENDER_BATCH, false, sink);
        // Freed while the index may still be in the making.
        slim(&mut m.site);
        progress(Stage::Index);
        // Joined before any error is returned: the scope would wait for it anyway.
        let search = match indexing {
            Ok(t) => Search::Built(t.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))),
            Err((stamp, previous)) => Search::Kept(stamp, previous),
        };
        rendered.map_err(|e| match e {
            render::StreamError::Content(d) => BuildError::Content(d.sorted()),
            render::StreamError::Sink(e) => BuildError::Output(e),
        })?;
        Ok::<_, BuildError>((pages, search))
    })?;
    let (entry, reused, paths) = match search {
        Search::Built(indexed) => {
            let export = indexed?.export(glossary)?;
            let files: Vec<OutputFile> = export
                .files
                .into_iter()
                .map(|(path, bytes)| OutputFile { path, content: Content::Bytes(bytes) })
                .collect();
            out.write(&files)?;
            (export.entry, false, files.into_iter().map(|f| f.path).collect())
        }
        Search::Kept(stamp, previous) => {
            // The same documents and glossary: the previous files, linked, and the
            // previous tantivy index, left in place.
            let files: Vec<OutputFile> = stamp
                .files
                .iter()
                .map(|p| OutputFile { path: p.clone(), content: Content::Copy(previous.join(p)) })
                .collect();
            out.write(&files)?;
            (stamp.entry, true, stamp.files)
        }
    };
    progress(Stage::Write);
    let stamp = fingerprint.map(|fingerprint| fresh::SearchStamp { fingerprint, entry: entry.clone(), files: paths });
    let search_page =
        render::render_search_page(m.inputs(&images, entry), None).map_err(|d| BuildError::Content(d.sorted()))?;
    out.write(&[search_page])?;
    out.write(&render::statics(&m.theme, &m.statics))?;
    Ok(Written { pages: pages + 1, search: SearchOutcome { reused, stamp } })
}
