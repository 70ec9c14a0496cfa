//! `gloss render`: replay keys in the reader without a terminal.

use crate::cli::{Common, RenderArgs};
use crate::document::Document;

/// Replays `args.keys` on `doc` and returns the final frame or state.
pub fn run(_doc: Document, _args: &RenderArgs, _common: &Common) -> Result<String, String> {
    Err("render is not built yet".into())
}
