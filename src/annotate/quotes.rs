//! Quotes: direct speech between quotation marks and reported speech, each
//! attributed to a speaker.

use crate::model::{Annotations, Quote};

/// Finds the quotes of `text`, given its sentences and entities.
pub fn find(_text: &str, _ann: &Annotations) -> Vec<Quote> {
    Vec::new()
}
