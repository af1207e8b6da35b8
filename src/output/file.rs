//! The unit of output: one file of the portal, by its path under the output
//! folder, with bytes made by the build or a file copied as it is.
//!
//! It lives here, with the writer, rather than with rendering: rendering,
//! images, the search export and `serve` all produce or consume these files,
//! and none of them should have to import another to name one.

use std::path::PathBuf;

/// What a file of the output holds.
#[derive(Debug, Clone)]
pub enum Content {
    /// Bytes made by the build.
    Bytes(Vec<u8>),
    /// A file copied as is.
    Copy(PathBuf),
}

/// One file of the output.
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    /// Path under the output folder, `/`-separated (`phong-trao/a/index.html`).
    pub(crate) path: String,
    pub(crate) content: Content,
}

impl OutputFile {
    /// A file of bytes made by the build.
    pub(crate) fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile { path: path.into(), content: Content::Bytes(bytes.into()) }
    }

    /// A file copied as is from `from`.
    pub(crate) fn copy(path: impl Into<String>, from: PathBuf) -> Self {
        OutputFile { path: path.into(), content: Content::Copy(from) }
    }
}
