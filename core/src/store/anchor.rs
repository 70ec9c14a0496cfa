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

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use super::fuzzy;
use crate::document::CharIndex;
use crate::model::Span;
use crate::text::{CONTEXT, context};

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
///
/// The text is searched once per quote, not once per anchor: the exact
/// occurrences of every quote announced with [`Placer::expect`] are found
/// in one pass over the text, and a quote's approximate matches (needed
/// only when it no longer occurs exactly) are searched once and kept.
pub struct Placer<'a> {
    text: &'a str,
    chars: &'a CharIndex,
    same_text: bool,
    hay: OnceCell<Vec<char>>,
    found: RefCell<HashMap<String, Rc<Found>>>,
}

/// Where one quote occurs in the text.
#[derive(Default)]
struct Found {
    /// First code points of its exact occurrences, in order.
    exact: Vec<usize>,
    /// Its approximate matches, searched when it has no exact one.
    approximate: OnceCell<Vec<Candidate>>,
}

/// Bytes of each quote's head searched with the automaton; the rest of
/// the quote is compared where the head occurs. Keeps the automaton within
/// this many states a quote, however long the quotes.
const HEAD: usize = 32;

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
            found: RefCell::new(HashMap::new()),
        }
    }

    /// Announces the records about to be placed, so that the quotes of all
    /// that need a search are found in one pass over the text. Placing
    /// gives the same result without it, searching the text once per
    /// quote instead.
    pub fn expect<'r>(&self, recs: impl IntoIterator<Item = &'r AnchorRecord>) {
        let quotes: HashSet<&str> = recs
            .into_iter()
            .filter(|r| self.needs_search(r))
            .map(|r| r.exact.as_str())
            .collect();
        self.find(&quotes.into_iter().collect::<Vec<_>>());
    }

    /// Places `rec`: where it was when the text is unchanged, else the best
    /// match by quote, context and distance, else an orphan.
    pub fn place(&self, rec: &AnchorRecord) -> Anchor {
        if self.same_text {
            if rec.orphan {
                return orphan(rec);
            }
            if let Some(a) = self.unchanged(rec).and_then(|s| Anchor::new(self.text, s)) {
                return a;
            }
        }
        if rec.exact.is_empty() {
            return orphan(rec);
        }
        let hay = self.hay.get_or_init(|| self.text.chars().collect());
        let found = self.found(&rec.exact);
        match best_place(rec, hay, &found).and_then(|(s, e)| self.byte_span(s, e)) {
            Some(span) => Anchor::new(self.text, span).unwrap_or_else(|| orphan(rec)),
            None => orphan(rec),
        }
    }

    /// Its recorded span, when the text is the one it was made on and the
    /// quote is still there.
    fn unchanged(&self, rec: &AnchorRecord) -> Option<Span> {
        let span = self.byte_span(rec.start, rec.end)?;
        (self.text.get(span.start..span.end) == Some(rec.exact.as_str())).then_some(span)
    }

    /// True when placing `rec` searches the text.
    fn needs_search(&self, rec: &AnchorRecord) -> bool {
        !rec.exact.is_empty() && !(self.same_text && (rec.orphan || self.unchanged(rec).is_some()))
    }

    /// Where `quote` occurs, searched now if no earlier pass found it.
    fn found(&self, quote: &str) -> Rc<Found> {
        if !self.found.borrow().contains_key(quote) {
            self.find(&[quote]);
        }
        self.found.borrow().get(quote).cloned().unwrap_or_default()
    }

    /// Finds the exact occurrences of every quote in `quotes` (distinct,
    /// none empty) in one pass: an automaton over their heads, each hit
    /// checked for the whole quote. An automaton too large to build (over
    /// 2^31 states) finds nothing.
    fn find(&self, quotes: &[&str]) {
        let mut heads: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, q) in quotes.iter().enumerate() {
            let cut = (0..=HEAD.min(q.len()))
                .rev()
                .find(|&b| q.is_char_boundary(b))
                .unwrap_or(0);
            heads.entry(&q[..cut]).or_default().push(i);
        }
        let (patterns, groups): (Vec<&str>, Vec<Vec<usize>>) = heads.into_iter().unzip();
        let mut exact = vec![Vec::new(); quotes.len()];
        if let Ok(ac) = AhoCorasick::new(&patterns) {
            for m in ac.find_overlapping_iter(self.text) {
                let rest = &self.text[m.start()..];
                for &q in &groups[m.pattern().as_usize()] {
                    if rest.starts_with(quotes[q]) {
                        exact[q].push(self.chars.to_char(self.text, m.start()));
                    }
                }
            }
        }
        let mut found = self.found.borrow_mut();
        for (q, exact) in quotes.iter().zip(exact) {
            let f = Found {
                exact,
                approximate: OnceCell::new(),
            };
            found.insert((*q).to_owned(), Rc::new(f));
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
#[derive(Clone)]
struct Candidate {
    start: usize,
    end: usize,
    quote: f64,
}

/// Approximate matches whose bounds are refined by context; the rest are
/// ranked with their bounds as found.
const REFINED: usize = 8;

/// The best acceptable place for `rec` in `hay`, in code points, where
/// its quote occurs as `found` says.
fn best_place(rec: &AnchorRecord, hay: &[char], found: &Found) -> Option<(usize, usize)> {
    let exact: Vec<char> = rec.exact.chars().collect();
    let scorer = Scorer {
        prefix: rec.prefix.chars().collect(),
        suffix: rec.suffix.chars().collect(),
        hay,
        at: rec.start,
    };
    let short = exact.len() < SHORT_QUOTE;
    if !found.exact.is_empty() {
        return best_exact(&found.exact, exact.len(), &scorer, short);
    }
    // Refining bounds costs; do it for the best few only.
    let approximate = found
        .approximate
        .get_or_init(|| approximate_matches(&exact, hay));
    let mut ranked: Vec<(Score, &Candidate)> =
        approximate.iter().map(|c| (scorer.score(c), c)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0));
    let mut cands: Vec<Candidate> = ranked
        .into_iter()
        .take(REFINED)
        .map(|(_, c)| c.clone())
        .collect();
    let slack = (exact.len() / 4).min(CONTEXT);
    for c in &mut cands {
        scorer.refine(c, slack);
    }
    cands
        .iter()
        // A short quote needs one side of its context to agree.
        .filter(|c| !short || scorer.agrees(c))
        .map(|c| (scorer.score(c), c))
        // An approximate quote needs some context (a longer exact quote
        // stands on its own).
        .filter(|(s, _)| s.context >= 0.5)
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, c)| (c.start, c.end))
}

/// The best of a quote's exact occurrences (`starts`, in order; the quote
/// is `len` code points long): the highest score, among equals the nearest
/// to the old position, and among those the later. Occurrences are visited
/// from the old position outwards, and the visit stops once no farther one
/// could score higher, so that an anchor whose context still agrees costs
/// a few comparisons however often its quote occurs.
fn best_exact(
    starts: &[usize],
    len: usize,
    scorer: &Scorer,
    short: bool,
) -> Option<(usize, usize)> {
    // With no context recorded, a short quote agrees only at an edge of
    // the text: only the first or last occurrence can.
    let edges: Vec<usize>;
    let starts = if short && scorer.prefix.is_empty() && scorer.suffix.is_empty() {
        edges = match starts {
            [first, .., last] => vec![*first, *last],
            _ => starts.to_vec(),
        };
        &edges
    } else {
        starts
    };
    let at = scorer.at;
    // The next occurrences to visit: `starts[before - 1]` and `starts[after]`.
    let mut before = starts.partition_point(|&s| s < at);
    let mut after = before;
    let mut best: Option<(Score, usize)> = None;
    loop {
        let left = before.checked_sub(1).map(|i| starts[i]);
        let right = starts.get(after).copied();
        let start = match (left, right) {
            (Some(l), Some(r)) if at - l <= r - at => {
                before -= 1;
                l
            }
            (_, Some(r)) => {
                after += 1;
                r
            }
            (Some(l), None) => {
                before -= 1;
                l
            }
            (None, None) => break,
        };
        if let Some((b, _)) = &best
            && b.total > scorer.ceiling(start.abs_diff(at))
        {
            break;
        }
        let c = Candidate {
            start,
            end: start + len,
            quote: 1.0,
        };
        if short && !scorer.agrees(&c) {
            continue;
        }
        let score = scorer.score(&c);
        if best
            .as_ref()
            .is_none_or(|(b, s)| score.cmp(b).then(start.cmp(s)).is_gt())
        {
            best = Some((score, start));
        }
    }
    best.map(|(_, start)| (start, start + len))
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
        let side = |recorded: &[char], at_edge: bool, fit: &dyn Fn() -> f64| {
            if recorded.is_empty() {
                at_edge
            } else {
                fit() >= AGREE
            }
        };
        side(&self.prefix, c.start == 0, &|| self.prefix_fit(c.start))
            || side(&self.suffix, c.end == self.hay.len(), &|| {
                self.suffix_fit(c.end)
            })
    }

    fn score(&self, c: &Candidate) -> Score {
        let context = self.prefix_fit(c.start) + self.suffix_fit(c.end);
        let distance = c.start.abs_diff(self.at);
        Score {
            total: QUOTE_WEIGHT * c.quote
                + CONTEXT_WEIGHT * context
                + POSITION_WEIGHT * self.near(distance),
            context,
            distance,
        }
    }

    /// The position part of a score: 1 at the old position, 0 a whole text
    /// away.
    fn near(&self, distance: usize) -> f64 {
        (1.0 - distance as f64 / self.hay.len().max(1) as f64).max(0.0)
    }

    /// More than the total of any exact candidate `distance` code points
    /// from the old position can reach (a perfect quote and context; the
    /// margin covers rounding).
    fn ceiling(&self, distance: usize) -> f64 {
        QUOTE_WEIGHT + 2.0 * CONTEXT_WEIGHT + POSITION_WEIGHT * self.near(distance) + 1e-9
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
    use proptest::prelude::*;

    /// The rule for a quote that occurs exactly, as it reads: every
    /// occurrence scored, the best taken (the last of equals).
    fn every_occurrence_scored(rec: &AnchorRecord, hay: &[char]) -> Option<(usize, usize)> {
        let exact: Vec<char> = rec.exact.chars().collect();
        let scorer = Scorer {
            prefix: rec.prefix.chars().collect(),
            suffix: rec.suffix.chars().collect(),
            hay,
            at: rec.start,
        };
        let m = exact.len();
        (0..(hay.len() + 1).saturating_sub(m))
            .filter(|&i| hay[i..i + m] == exact[..])
            .map(|start| Candidate {
                start,
                end: start + m,
                quote: 1.0,
            })
            .filter(|c| m >= SHORT_QUOTE || scorer.agrees(c))
            .map(|c| (scorer.score(&c), c))
            .max_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, c)| (c.start, c.end))
    }

    /// Spans of `old` as records, placed in `new` one by one and after
    /// announcing them all, in code points.
    fn placed_both_ways(
        old: &str,
        new: &str,
        spans: &[(usize, usize)],
    ) -> [Vec<Option<(usize, usize)>>; 2] {
        let (old_chars, chars) = (CharIndex::new(old), CharIndex::new(new));
        let recs: Vec<AnchorRecord> = spans
            .iter()
            .filter_map(|&(s, e)| {
                let span = Span::new(old_chars.to_byte(old, s)?, old_chars.to_byte(old, e)?);
                Some(Anchor::new(old, span)?.record(old, &old_chars))
            })
            .collect();
        let at = |a: Anchor| {
            a.span()
                .map(|s| (chars.to_char(new, s.start), chars.to_char(new, s.end)))
        };
        let alone: Vec<_> = recs
            .iter()
            .map(|r| at(Placer::new(new, &chars, false).place(r)))
            .collect();
        let placer = Placer::new(new, &chars, false);
        placer.expect(&recs);
        let together = recs.iter().map(|r| at(placer.place(r))).collect();
        [alone, together]
    }

    proptest! {
        #[test]
        fn exact_quotes_are_placed_as_if_every_occurrence_were_scored(
            old in "[ab é]{0,90}",
            cut in 0usize..100,
            insert in "[ab é]{0,6}",
            spans in prop::collection::vec((0usize..100, 1usize..24), 1..6),
        ) {
            let old_len = old.chars().count();
            let cut = cut.min(old_len);
            let new: String = old.chars().take(cut).chain(insert.chars()).chain(old.chars().skip(cut)).collect();
            let spans: Vec<(usize, usize)> = spans
                .into_iter()
                .map(|(s, l)| (s.min(old_len), (s + l).min(old_len)))
                .collect();
            let [alone, together] = placed_both_ways(&old, &new, &spans);
            prop_assert_eq!(&alone, &together);
            let hay: Vec<char> = new.chars().collect();
            let old_chars = CharIndex::new(&old);
            let mut placed = alone.iter();
            for &(s, e) in &spans {
                let (Some(bs), Some(be)) = (old_chars.to_byte(&old, s), old_chars.to_byte(&old, e)) else { continue };
                let Some(a) = Anchor::new(&old, Span::new(bs, be)) else { continue };
                let rec = a.record(&old, &old_chars);
                let got = placed.next().unwrap();
                if new.contains(&rec.exact) {
                    prop_assert_eq!(*got, every_occurrence_scored(&rec, &hay), "{:?}", rec);
                }
            }
        }
    }

    #[test]
    fn a_quote_without_context_is_placed_only_at_an_edge() {
        let text = "Kim and Kim and Kim";
        let chars = CharIndex::new(text);
        let rec = |start| AnchorRecord {
            start,
            end: start + 3,
            exact: "Kim".into(),
            prefix: String::new(),
            suffix: String::new(),
            orphan: false,
        };
        let placer = Placer::new(text, &chars, false);
        placer.expect([&rec(8), &rec(16)]);
        // Nearest to where it was, among the two at an edge.
        assert_eq!(placer.place(&rec(6)).span(), Some(Span::new(0, 3)));
        assert_eq!(placer.place(&rec(12)).span(), Some(Span::new(16, 19)));
        let inside = "The Kim and Kim.";
        let chars = CharIndex::new(inside);
        assert!(
            Placer::new(inside, &chars, false)
                .place(&rec(4))
                .is_orphan()
        );
    }

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
}
