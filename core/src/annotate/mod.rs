//! The built-in annotator: a fast, deterministic, rule-based pipeline.
//!
//! `segment` → `entities` (`names` → `kinds` → `roles` → `link` →
//! `descriptions`) → `quotes` → `capitals` → `voice` →
//! `commitments`. Every stage works on byte offsets into the original text,
//! and runs in a fixed order, so the same input always gives the same output.

pub(crate) mod acts;
pub(crate) mod affiliation;
pub(crate) mod appositions;
pub(crate) mod bits;
pub(crate) mod capitals;
pub(crate) mod commitments;
pub(crate) mod cursor;
pub(crate) mod descriptions;
pub(crate) mod doc;
pub mod entities;
pub(crate) mod fasthash;
pub(crate) mod first_person;
pub(crate) mod kinds;
pub mod learn;
pub(crate) mod lexicon;
pub(crate) mod link;
pub(crate) mod names;
pub mod nested;
pub(crate) mod quotations;
pub(crate) mod quotes;
pub(crate) mod roles;
pub mod segment;
pub(crate) mod step;
pub(crate) mod voice;
pub(crate) mod words;

use std::sync::Arc;

pub use acts::Prepared;
pub use segment::Sentences;
pub use step::Step;

use crate::document::Document;
use crate::model::{Annotations, Span};

/// Annotates `doc` as [`annotate`] does its text, but with its code (code
/// blocks and inline code) out of sight: no mention, quote or commitment is
/// found in code, and every offset still refers to `doc.text`. Its headings
/// are not mined for commitments. Every front end annotates an article
/// through this (or [`annotate_hiding`]).
///
/// When nothing else holds `doc.text`, the annotator reads it blanked in
/// place: the text is moved into a string whose code is blanked, and put
/// back (code and all) once the annotator is done, so that an article with
/// code takes no more memory to annotate than one without.
pub fn annotate_document(doc: &mut Document) -> Annotations {
    let code = doc.code_spans();
    let headings = doc.heading_spans();
    if code.is_empty() || Arc::strong_count(&doc.text) > 1 {
        return annotate_hiding(&doc.text, &code, &headings, &mut |_| {});
    }
    let mut text = String::from(&*std::mem::replace(&mut doc.text, Arc::from("")));
    let code = blank(&mut text, &code);
    let ann = annotate_outlined(&text, &headings, &mut |_| {});
    for (start, piece) in code {
        text.replace_range(start..start + piece.len(), &piece);
    }
    doc.text = Arc::from(text);
    ann
}

/// [`annotate_reporting`] of `text` with the `hidden` byte spans (ordered by
/// start; they may overlap) blanked (see [`blank`]), so that the annotator
/// sees nothing there and offsets stay the same, and with the `headings`
/// (byte spans) not mined for commitments. The text is copied only when
/// something is hidden.
pub fn annotate_hiding(
    text: &str,
    hidden: &[Span],
    headings: &[Span],
    report: &mut dyn FnMut(Step),
) -> Annotations {
    if hidden.is_empty() {
        return annotate_outlined(text, headings, report);
    }
    let mut copy = text.to_owned();
    blank(&mut copy, hidden);
    annotate_outlined(&copy, headings, report)
}

/// Blanks the `spans` (ordered by start) of `text` in place, byte for byte,
/// so that the annotator sees nothing of them while every offset stays; a
/// span off the text or off its character boundaries is left as it is.
/// Returns what was blanked: each piece with its start.
fn blank(text: &mut String, spans: &[Span]) -> Vec<(usize, String)> {
    let mut blanked = Vec::new();
    // Bytes of `text` dealt with so far (a character boundary).
    let mut done = 0;
    for span in spans {
        let (start, end) = (span.start.max(done), span.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let word = placeholder(text, start, end);
        let filler: String = word
            .chars()
            .chain(std::iter::repeat_n(' ', end - start - word.len()))
            .collect();
        blanked.push((start, text[start..end].to_owned()));
        text.replace_range(start..end, &filler);
        done = end;
    }
    blanked
}

/// What stands at the start of the blanked `start..end` of `text` (spaces
/// fill the rest). Whole lines (a code block) become spaces. Code within a
/// line is read as a word, `x`, so that the sentence around it keeps its
/// grammar ("Merkel said `make` would run" keeps its speaker), with a space
/// before it so that it joins no word beside it; and since a name is never
/// joined across a lowercase word, no name reaches into it. Code of one or
/// two bytes glued to the text beside it ("Kim`a`Paris", "Kim.`,` Kim")
/// becomes `|`, which stands alone and stops a name as well (an `x` would
/// join "Kim." into one word).
fn placeholder(text: &str, start: usize, end: usize) -> &'static str {
    let line_start = start == 0 || text[..start].ends_with('\n');
    let line_end = end == text.len() || text[end..].starts_with('\n');
    let glued = text[..start].ends_with(|c: char| !c.is_whitespace())
        || text[end..].starts_with(|c: char| !c.is_whitespace());
    match end - start {
        _ if line_start && line_end => "",
        3.. => " x",
        _ if glued => "|",
        _ => "x",
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
    annotate_outlined(text, &[], report)
}

/// [`annotate_reporting`], with the `headings` a document's structure names
/// (byte spans, any order) not mined for commitments, besides the lines
/// shaped like headlines (see [`acts::headings`]).
fn annotate_outlined(text: &str, headings: &[Span], report: &mut dyn FnMut(Step)) -> Annotations {
    if text.len() as u64 > crate::document::MAX_BYTES {
        return Annotations::default();
    }
    let (mut ann, mut prep, found) = stages_until_links(text, learn::active(), report);
    prep.add_headings(headings);
    learn::links::apply(text, &prep, &mut ann);
    appositions::add(&mut ann, &found);
    capitals::link(text, &prep.toks, &mut ann);
    voice::apply(text, &mut prep, &mut ann);
    report(Step::Commitments);
    ann.commitments = commitments::find(&acts::Doc::new(text, &ann, &prep));
    ann.nested = nested::find(text, &ann);
    ann
}

/// The stages of [`annotate_reporting`] before the learned links, with
/// `kinds` as the kind model: the annotations so far (quotes included) and
/// the act stages' preparation of `text`. Training runs the same stages
/// with a model trained without the documents it scores.
pub fn until_links(
    text: &str,
    kinds: Option<&learn::model::Model>,
    report: &mut dyn FnMut(Step),
) -> (Annotations, acts::Prepared) {
    let (ann, prep, _) = stages_until_links(text, kinds, report);
    (ann, prep)
}

/// [`until_links`], and the role appositions of people the entity stage
/// found (each with the span of the name it describes), which join the
/// mentions after the learned links: the models are trained and run
/// without them.
fn stages_until_links(
    text: &str,
    kinds: Option<&learn::model::Model>,
    report: &mut dyn FnMut(Step),
) -> (Annotations, acts::Prepared, Vec<(Span, Span)>) {
    report(Step::Segmenting);
    let toks = segment::segment(text);
    let (mut ann, handover) = entities::find(text, toks, report);
    if let Some(model) = kinds {
        learn::decide(text, &mut ann, model);
    }
    // The act stages take over the entity stage's tokens and quotations, so
    // only one token list is ever held, and quotations are found once.
    report(Step::Quotes);
    let prep = acts::Prepared::new(text, handover.toks, handover.quotations);
    ann.quotes = quotes::find(&acts::Doc::new(text, &ann, &prep));
    first_person::link(text, &prep.toks, &mut ann);
    (ann, prep, handover.appositions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn no_mention_lies_in_markdown_code(
            md in "(Angela Merkel|Kim|said|pledged|Paris|“|”|`|```\n|\n|    |\n\n|, |\\.|\"| ){0,40}"
        ) {
            let mut doc = crate::document::load_bytes(md.into_bytes(), "a.md").expect("loads");
            let code = doc.code_spans();
            let text = Arc::clone(&doc.text);
            // Shared: annotated in a copy.
            let ann = annotate_document(&mut doc);
            let original = text.to_string();
            drop(text);
            // Alone: blanked in place and put back.
            prop_assert_eq!(&annotate_document(&mut doc), &ann);
            prop_assert_eq!(&*doc.text, original.as_str());
            for m in &ann.mentions {
                prop_assert!(m.span.end <= doc.text.len());
                prop_assert!(
                    !code.iter().any(|c| c.overlaps(m.span)),
                    "{:?} in code {:?} of {:?}", m.span, code, doc.text
                );
            }
            let cues = ann.commitments.iter().map(|c| c.trigger)
                .chain(ann.quotes.iter().filter_map(|q| q.cue));
            for cue in cues {
                prop_assert!(!code.iter().any(|c| c.overlaps(cue)), "cue {:?} in code", cue);
            }
        }
    }

    #[test]
    fn code_after_a_full_stop_joins_no_name() {
        // Found by the proptest below: blanked to `x`, the code made
        // "Kim.x" one word and a name ran across it. The name after it
        // keeps the test from passing on an article with no names.
        let text = b"\n\nKim.`,` KimKim met Angela Merkel.";
        let mut doc = crate::document::load_bytes(text.to_vec(), "a.md").expect("loads");
        let code = doc.code_spans();
        let ann = annotate_document(&mut doc);
        assert!(!ann.mentions.is_empty());
        for m in &ann.mentions {
            assert!(!code.iter().any(|c| c.overlaps(m.span)), "{:?}", m.span);
        }
    }

    #[test]
    fn blanking_keeps_every_offset() {
        let text = "Ask Angela Merkel now.\n\nöl é KimaParis\nlet x = 1;\nend";
        let at = |s: &str| text.find(s).expect("in the text");
        let line = at("let");
        let spans = [
            Span::new(at("Angela"), at(" now")),
            Span::new(at("é"), at("é") + 2),
            Span::new(at("aParis"), at("aParis") + 1),
            // A line of its own; nested, then overlapping spans.
            Span::new(line, line + 10),
            Span::new(line + 1, line + 3),
            Span::new(line + 5, text.len() + 5),
        ];
        let mut blanked = text.to_owned();
        let pieces = blank(&mut blanked, &spans);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(
            blanked,
            format!(
                "Ask  x{} now.\n\nöl x  Kim|Paris\n{} x  ",
                " ".repeat(11),
                " ".repeat(10)
            )
        );
        // What was blanked, to put back.
        for (start, piece) in pieces {
            blanked.replace_range(start..start + piece.len(), &piece);
        }
        assert_eq!(blanked, text);
        // Not on a character boundary ("é" is two bytes): left as it is.
        let inside = Span::new(at("é") + 1, at("é") + 2);
        let mut copy = text.to_owned();
        assert!(blank(&mut copy, &[inside]).is_empty());
        assert_eq!(copy, text);
    }
}
