//! Writing exports to files, for both front ends (the `export` command and
//! the reader's export menu): the core renders the bytes, this writes them.

use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::export::brat;
use crate::store::disk::OpenFiles;

/// A file that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing it failed.
    #[error("{path}: {error}", path = .0.display(), error = .1)]
    Io(PathBuf, std::io::Error),
    /// A text file beside a brat export that holds another text.
    #[error("{path}: exists with other text; not overwriting it", path = .0.display())]
    OtherText(PathBuf),
}

/// Writes brat standoff `ann_text` for `out`, with the text beside it,
/// atomically, to the pair of files [`brat::files`] names. An existing text
/// file is kept when it holds the same text and never overwritten when it
/// differs; neither file may be one of the `open` files (the article, its
/// sidecar), except a text file that already holds the text (the article
/// itself, for a UTF-8 `.txt` article), which is left as it is. Returns
/// the `.ann` path written, or what went wrong with which file.
pub fn brat(
    out: &Path,
    doc: &Document,
    ann_text: &str,
    open: &OpenFiles,
) -> Result<PathBuf, WriteError> {
    let brat::Files {
        ann: (ann_path, ann_bytes),
        text: (txt_path, text),
    } = brat::files(out, doc, ann_text);
    let failed = |path: &Path, e| WriteError::Io(path.to_path_buf(), e);
    match std::fs::read(&txt_path) {
        Ok(existing) if existing == text.as_bytes() => {}
        Ok(_) => {
            open.check(&txt_path).map_err(|e| failed(&txt_path, e))?;
            return Err(WriteError::OtherText(txt_path));
        }
        Err(_) => open
            .write(&txt_path, false, |w| w.write_all(text.as_bytes()))
            .map_err(|e| failed(&txt_path, e))?,
    }
    open.write(&ann_path, true, |w| w.write_all(ann_bytes.as_bytes()))
        .map_err(|e| failed(&ann_path, e))?;
    Ok(ann_path)
}
