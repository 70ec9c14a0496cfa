//! Anchors that survive edits to the article, after the W3C
//! `TextQuoteSelector` + `TextPositionSelector` pair and Hypothesis's
//! re-anchoring: the exact quoted text, a short prefix and suffix, and the
//! position. When the text changed, every candidate place is scored by how
//! well its quote, prefix and suffix match and how near it is to the old
//! position; an anchor with no acceptable candidate becomes an orphan (kept,
//! never dropped).
//!
//! A short quote (under [`SHORT_QUOTE`] code points: "U.S.", "Kim", a
//! name) recurs too easily to stand on its own, so it is placed only where
//! its context agrees: the text just before it matches the recorded prefix,
//! or the text just after it the recorded suffix, with at least
//! [`AGREE`] similarity (three characters in four, by edit distance); an
//! empty prefix or suffix (a quote at the start or end of the article)
//! agrees only at the start or end. A note on "U.S." whose paragraph was
//! deleted becomes an orphan rather than move to another "U.S." elsewhere.
//! A longer quote found only approximately needs some context too.

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use super::fuzzy;
use crate::document::CharIndex;
use crate::model::Span;

/// Code points of context kept on each side of an anchor.
pub const CONTEXT: usize = 32;

/// Up to [`CONTEXT`] code points of `text` before and after `span`, or
/// `None` when the span lies past the end or splits a character.
pub fn context(text: &str, span: Span) -> Option<(&str, &str)> {
    let before = text.get(..span.start)?;
    let after = text.get(span.end..)?;
    let p = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let s = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    Some((&before[p..], &after[..s]))
}

/// Where an anchor stands in the current text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// Placed: a byte span into the current text.
    At(Span),
    /// Not placed: its last known code-point offsets, in the text it was
    /// last placed in (kept so that a later text can place it again).
    Orphan {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
}

/// A piece of the article a note or correction is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Anchor {
    /// The quoted text.
    pub exact: String,
    /// Up to [`CONTEXT`] code points before it.
    pub prefix: String,
    /// Up to [`CONTEXT`] code points after it.
    pub suffix: String,
    /// Where it stands now.
    pub place: Place,
}

impl Anchor {
    /// Anchors the byte span `span` of `text`. `None` when the span is empty,
    /// reversed, past the end, or splits a character.
    pub fn new(text: &str, span: Span) -> Option<Self> {
        if span.start >= span.end {
            return None;
        }
        let exact = text.get(span.start..span.end)?;
        let (prefix, suffix) = context(text, span)?;
        Some(Self {
            exact: exact.to_owned(),
            prefix: prefix.to_owned(),
            suffix: suffix.to_owned(),
            place: Place::At(span),
        })
    }

    /// The byte span it covers now, or `None` for an orphan.
    pub fn span(&self) -> Option<Span> {
        match self.place {
            Place::At(span) => Some(span),
            Place::Orphan { .. } => None,
        }
    }

    /// True when it could not be placed in the current text.
    pub fn is_orphan(&self) -> bool {
        matches!(self.place, Place::Orphan { .. })
    }

    /// The anchor as recorded in a file, with code-point offsets into `text`
    /// (the current text, indexed by `chars`).
    pub fn record(&self, text: &str, chars: &CharIndex) -> AnchorRecord {
        let (start, end, orphan) = match self.place {
            Place::At(s) => (
                chars.to_char(text, s.start),
                chars.to_char(text, s.end),
                false,
            ),
            Place::Orphan { start, end } => (start, end, true),
        };
        AnchorRecord {
            start,
            end,
            exact: self.exact.clone(),
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
            orphan,
        }
    }
}

/// An anchor as written in the sidecar: code-point offsets into the text it
/// was last placed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchorRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The quoted text.
    pub exact: String,
    /// Context before.
    #[serde(default)]
    pub prefix: String,
    /// Context after.
    #[serde(default)]
    pub suffix: String,
    /// True when it could not be placed when last saved.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphan: bool,
}

/// Places recorded anchors in the current text.
pub struct Placer<'a> {
    text: &'a str,
    chars: &'a CharIndex,
    same_text: bool,
    hay: OnceCell<Vec<char>>,
}

impl<'a> Placer<'a> {
    /// A placer for `text` (indexed by `chars`). `same_text`: the records
    /// were made on this very text (its hash matches), so their offsets are
    /// taken as they are and nothing is searched.
    pub fn new(text: &'a str, chars: &'a CharIndex, same_text: bool) -> Self {
        Self {
            text,
            chars,
            same_text,
            hay: OnceCell::new(),
        }
    }

    /// Places `rec`: where it was when the text is unchanged, else the best
    /// match by quote, context and distance, else an orphan.
    pub fn place(&self, rec: &AnchorRecord) -> Anchor {
        if self.same_text {
            if rec.orphan {
                return orphan(rec);
            }
            let here = self.byte_span(rec.start, rec.end);
            if let Some(a) = here.and_then(|s| Anchor::new(self.text, s))
                && a.exact == rec.exact
            {
                return a;
            }
        }
        let hay = self.hay.get_or_init(|| self.text.chars().collect());
        match best_place(rec, hay).and_then(|(s, e)| self.byte_span(s, e)) {
            Some(span) => Anchor::new(self.text, span).unwrap_or_else(|| orphan(rec)),
            None => orphan(rec),
        }
    }

    fn byte_span(&self, start: usize, end: usize) -> Option<Span> {
        let s = self.chars.to_byte(self.text, start)?;
        let e = self.chars.to_byte(self.text, end)?;
        (s < e).then_some(Span::new(s, e))
    }
}

fn orphan(rec: &AnchorRecord) -> Anchor {
    Anchor {
        exact: rec.exact.clone(),
        prefix: rec.prefix.clone(),
        suffix: rec.suffix.clone(),
        place: Place::Orphan {
            start: rec.start,
            end: rec.end,
        },
    }
}

/// Quotes shorter than this many code points need their context to agree
/// (see the module documentation).
pub const SHORT_QUOTE: usize = 16;

/// The similarity (0 to 1) at which a prefix or suffix agrees with the
/// text beside a candidate.
pub const AGREE: f64 = 0.75;

/// Weights of the parts of a candidate's score (Hypothesis's values).
const QUOTE_WEIGHT: f64 = 50.0;
const CONTEXT_WEIGHT: f64 = 20.0;
const POSITION_WEIGHT: f64 = 2.0;
/// Quotes longer than this are searched approximately by their head and tail.
const LONG_QUOTE: usize = 64;
/// Head and tail length for long quotes.
const PIECE: usize = 32;

/// A candidate place (code points) and how well its quote matches.
struct Candidate {
    start: usize,
    end: usize,
    quote: f64,
}

/// Approximate matches whose bounds are refined by context; the rest are
/// ranked with their bounds as found.
const REFINED: usize = 8;

/// The best acceptable place for `rec` in `hay`, in code points.
fn best_place(rec: &AnchorRecord, hay: &[char]) -> Option<(usize, usize)> {
    let exact: Vec<char> = rec.exact.chars().collect();
    if exact.is_empty() {
        return None;
    }
    let scorer = Scorer {
        prefix: rec.prefix.chars().collect(),
        suffix: rec.suffix.chars().collect(),
        hay,
        at: rec.start,
    };
    let mut cands = exact_matches(&exact, hay);
    let fuzzy = cands.is_empty();
    if fuzzy {
        // Refining bounds costs; do it for the best few only.
        let mut ranked: Vec<(Score, Candidate)> = approximate_matches(&exact, hay)
            .into_iter()
            .map(|c| (scorer.score(&c), c))
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0));
        cands = ranked.into_iter().take(REFINED).map(|(_, c)| c).collect();
        let slack = (exact.len() / 4).min(CONTEXT);
        for c in &mut cands {
            scorer.refine(c, slack);
        }
    }
    let short = exact.len() < SHORT_QUOTE;
    cands
        .iter()
        // A short quote needs one side of its context to agree.
        .filter(|c| !short || scorer.agrees(c))
        .map(|c| (scorer.score(c), c))
        // A longer exact quote stands on its own; an approximate one needs
        // some context.
        .filter(|(s, _)| !fuzzy || s.context >= 0.5)
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, c)| (c.start, c.end))
}

/// How well a candidate fits: higher is better; among equal totals, the
/// nearer to the old position.
struct Score {
    total: f64,
    context: f64,
    distance: usize,
}

impl Score {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.total
            .total_cmp(&other.total)
            .then(other.distance.cmp(&self.distance))
    }
}

/// Scores candidates against a record's context and position.
struct Scorer<'h> {
    prefix: Vec<char>,
    suffix: Vec<char>,
    hay: &'h [char],
    /// The old start, in code points.
    at: usize,
}

impl Scorer<'_> {
    fn prefix_fit(&self, start: usize) -> f64 {
        let from = start.saturating_sub(self.prefix.len());
        fuzzy::similarity(&self.prefix, &self.hay[from..start])
    }

    fn suffix_fit(&self, end: usize) -> f64 {
        let to = (end + self.suffix.len()).min(self.hay.len());
        fuzzy::similarity(&self.suffix, &self.hay[end..to])
    }

    /// True when the recorded prefix or suffix agrees with the text beside
    /// `c` (similarity [`AGREE`] or more); an empty one agrees only at the
    /// edge of the text.
    fn agrees(&self, c: &Candidate) -> bool {
        let side = |recorded: &[char], at_edge: bool, fit: f64| {
            if recorded.is_empty() {
                at_edge
            } else {
                fit >= AGREE
            }
        };
        side(&self.prefix, c.start == 0, self.prefix_fit(c.start))
            || side(
                &self.suffix,
                c.end == self.hay.len(),
                self.suffix_fit(c.end),
            )
    }

    fn score(&self, c: &Candidate) -> Score {
        let context = self.prefix_fit(c.start) + self.suffix_fit(c.end);
        let distance = c.start.abs_diff(self.at);
        let near = 1.0 - distance as f64 / self.hay.len().max(1) as f64;
        Score {
            total: QUOTE_WEIGHT * c.quote
                + CONTEXT_WEIGHT * context
                + POSITION_WEIGHT * near.max(0.0),
            context,
            distance,
        }
    }

    /// Moves the bounds of an approximate match by up to `slack` code points
    /// to where the text before and after agree best with the recorded
    /// context (an edit near a bound makes the match's own bounds
    /// unreliable).
    fn refine(&self, c: &mut Candidate, slack: usize) {
        let best =
            |range: std::ops::RangeInclusive<usize>, at: usize, fit: &dyn Fn(usize) -> f64| {
                range
                    .map(|p| (fit(p), usize::MAX - p.abs_diff(at), p))
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
                    .map_or(at, |(_, _, p)| p)
            };
        let start = best(
            c.start.saturating_sub(slack)..=(c.start + slack).min(c.end - 1),
            c.start,
            &|p| self.prefix_fit(p),
        );
        let end = best(
            c.end.saturating_sub(slack).max(start + 1)..=(c.end + slack).min(self.hay.len()),
            c.end,
            &|p| self.suffix_fit(p),
        );
        c.start = start;
        c.end = end;
    }
}

/// Every occurrence of `exact`, overlapping ones included.
fn exact_matches(exact: &[char], hay: &[char]) -> Vec<Candidate> {
    let m = exact.len();
    let Some(&first) = exact.first() else {
        return Vec::new();
    };
    (0..hay.len().saturating_sub(m - 1))
        .filter(|&i| hay[i] == first && hay[i..i + m] == *exact)
        .map(|start| Candidate {
            start,
            end: start + m,
            quote: 1.0,
        })
        .collect()
}

/// Places where `exact` matches with at most a quarter of its length edited.
fn approximate_matches(exact: &[char], hay: &[char]) -> Vec<Candidate> {
    let m = exact.len();
    let max_errors = m / 4;
    if max_errors == 0 {
        return Vec::new();
    }
    if m <= LONG_QUOTE {
        return fuzzy::search(exact, hay, max_errors)
            .into_iter()
            .map(|h| Candidate {
                start: h.start,
                end: h.end,
                quote: 1.0 - h.errors as f64 / m as f64,
            })
            .collect();
    }
    // A long quote: find its head and tail, pair those of a plausible length.
    let piece_errors = PIECE / 4;
    let heads = fuzzy::search(&exact[..PIECE], hay, piece_errors);
    let tails = fuzzy::search(&exact[m - PIECE..], hay, piece_errors);
    let mut out = Vec::new();
    for h in &heads {
        for t in tails.iter().filter(|t| t.end > h.start) {
            let len = t.end - h.start;
            if len.abs_diff(m) <= max_errors {
                let found = &hay[h.start..t.end];
                let quote = if m <= 1000 {
                    fuzzy::similarity(exact, found)
                } else {
                    1.0 - (h.errors + t.errors) as f64 / (2 * PIECE) as f64
                };
                if quote >= 0.75 {
                    out.push(Candidate {
                        start: h.start,
                        end: t.end,
                        quote,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_refuse_bad_spans() {
        let text = "a€b";
        assert!(Anchor::new(text, Span::new(1, 2)).is_none());
        assert!(Anchor::new(text, Span::new(2, 2)).is_none());
        assert!(Anchor::new(text, Span::new(0, 9)).is_none());
        let a = Anchor::new(text, Span::new(1, 4)).unwrap();
        assert_eq!(
            (a.prefix.as_str(), a.exact.as_str(), a.suffix.as_str()),
            ("a", "€", "b")
        );
    }

    #[test]
    fn context_stops_at_char_boundaries_and_the_limit() {
        let text = "“Ünïcode” before Kim after";
        let start = text.find("Kim").unwrap();
        assert_eq!(
            context(text, Span::new(start, start + 3)),
            Some(("“Ünïcode” before ", " after"))
        );
        let long = "x".repeat(100) + "Kim" + &"y".repeat(100);
        let (p, s) = context(&long, Span::new(100, 103)).unwrap();
        assert_eq!((p.len(), s.len()), (CONTEXT, CONTEXT));
        assert_eq!(context("€", Span::new(1, 1)), None);
    }
}
