//! The interactive reader: terminal setup and restore, and the event loop.

use crate::cli::Common;
use crate::document::Document;

/// Opens the reader on `doc` until the user quits.
pub fn run(_doc: Document, _common: &Common) -> std::io::Result<()> {
    Err(std::io::Error::other("the reader is not built yet"))
}
