//! The built-in annotator: a fast, deterministic, rule-based pipeline.
//!
//! `segment` → `entities` (`names` → `kinds` → `roles` → `link` →
//! `descriptions`) → `quotes` →
//! `commitments`. Every stage works on byte offsets into the original text,
//! and runs in a fixed order, so the same input always gives the same output.

pub mod acts;
pub mod commitments;
pub mod cursor;
pub mod descriptions;
pub mod entities;
pub mod fasthash;
pub mod kinds;
pub mod lexicon;
pub mod link;
pub mod names;
pub mod quotes;
pub mod roles;
pub mod segment;

use crate::model::Annotations;

/// Annotates `text`: finds its sentences, actors and their mentions, the
/// relations between actors, quotes and commitments.
pub fn annotate(text: &str) -> Annotations {
    let (mut ann, seg) = entities::find(text, segment::segment(text));
    // The act stages take over the entity stage's tokens (converted in
    // place), so only one token list is ever held.
    let prep = acts::Prepared::new(text, seg);
    ann.quotes = quotes::find(&acts::Doc::new(text, &ann, &prep));
    ann.commitments = commitments::find(&acts::Doc::new(text, &ann, &prep));
    ann
}
