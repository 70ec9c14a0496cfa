//! The built-in annotator: a fast, deterministic, rule-based pipeline.
//!
//! `segment` → `entities` (`names` → `kinds` → `roles` → `link` →
//! `descriptions`) → `quotes` →
//! `commitments`. Every stage works on byte offsets into the original text,
//! and runs in a fixed order, so the same input always gives the same output.

pub mod acts;
pub mod bits;
pub mod commitments;
pub mod cursor;
pub mod descriptions;
pub mod entities;
pub mod fasthash;
pub mod first_person;
pub mod kinds;
pub mod lexicon;
pub mod link;
pub mod names;
pub mod nested;
pub mod quotes;
pub mod roles;
pub mod segment;

use crate::model::Annotations;

/// A step of the pipeline, reported as it starts, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Sentences and tokens.
    Segmenting,
    /// Proper names: capitalised runs, gazetteers, titles.
    Names,
    /// Linking name mentions into actors.
    Linking,
    /// Descriptions ("the North Korean leader") and pronouns.
    Describing,
    /// Quotes and their speakers.
    Quotes,
    /// Commitments and their actors.
    Commitments,
}

impl Step {
    /// About how much of the whole run is done when this step starts, in
    /// percent: the share of time the steps before it take on news text
    /// (measured on 50 MB of the GUM dev articles, see benches/README.md).
    pub fn percent(self) -> u8 {
        match self {
            Step::Segmenting => 0,
            Step::Names => 9,
            Step::Linking => 42,
            Step::Describing => 50,
            Step::Quotes => 72,
            Step::Commitments => 92,
        }
    }
}

/// Annotates `text`: finds its sentences, actors and their mentions, the
/// relations between actors, quotes and commitments.
pub fn annotate(text: &str) -> Annotations {
    annotate_reporting(text, &mut |_| {})
}

/// [`annotate`], telling `report` as each [`Step`] starts.
///
/// A text over [`crate::document::MAX_BYTES`] (which gloss never loads) is
/// not annotated: the annotator's compact offsets could not hold it.
pub fn annotate_reporting(text: &str, report: &mut dyn FnMut(Step)) -> Annotations {
    if text.len() as u64 > crate::document::MAX_BYTES {
        return Annotations::default();
    }
    report(Step::Segmenting);
    let toks = segment::segment(text);
    let (mut ann, toks) = entities::find(text, toks, report);
    // The act stages take over the entity stage's tokens, so only one token
    // list is ever held.
    report(Step::Quotes);
    let prep = acts::Prepared::new(text, toks);
    ann.quotes = quotes::find(&acts::Doc::new(text, &ann, &prep));
    first_person::link(text, &prep.toks, &mut ann);
    report(Step::Commitments);
    ann.commitments = commitments::find(&acts::Doc::new(text, &ann, &prep));
    ann
}
