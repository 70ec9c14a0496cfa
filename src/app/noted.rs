//! What carries a note, worked out once each time the notes, the
//! corrections or the annotations change (in [`super::notes::refresh`]),
//! so that drawing a frame only looks it up.

use std::collections::BTreeSet;

use crate::model::{Annotations, EntityId, Span};
use crate::store::{Ref, Store, TargetKind};

/// The text with a note and the actors with a note.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Noted {
    /// The noted parts of the text: a note's own passage, or for a note on
    /// an actor, each of its mentions; overlapping and touching ones joined,
    /// so they are apart and in text order.
    spans: Vec<Span>,
    /// The entities that have a note, or a mention of which has one.
    actors: BTreeSet<EntityId>,
}

impl Noted {
    /// What the notes of `store` mark in `ann`.
    pub fn new(store: &Store, ann: &Annotations) -> Self {
        let mut spans = Vec::new();
        let mut actors = BTreeSet::new();
        for note in store.notes() {
            let target = note.target.resolve(ann);
            match (note.target.kind, target) {
                (TargetKind::Entity, Some(Ref::Entity(e))) => spans.extend(
                    ann.entities[e]
                        .mentions
                        .iter()
                        .map(|&m| ann.mentions[m].span),
                ),
                _ => spans.extend(note.target.anchor.span()),
            }
            if let (TargetKind::Entity | TargetKind::Mention, Some(Ref::Entity(e))) =
                (note.target.kind, target)
            {
                actors.insert(e);
            }
        }
        Self {
            spans: joined(spans),
            actors,
        }
    }

    /// The noted parts of the text, apart and in text order.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// The index in [`Noted::spans`] of the first noted part that ends
    /// after byte `pos`: where a line starting at `pos` looks first.
    pub fn first_after(&self, pos: usize) -> usize {
        self.spans.partition_point(|s| s.end <= pos)
    }

    /// True when entity `e` or one of its mentions has a note.
    pub fn actor(&self, e: EntityId) -> bool {
        self.actors.contains(&e)
    }
}

/// `spans` sorted, empty ones dropped, overlapping and touching ones joined.
fn joined(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans.into_iter().filter(|s| !s.is_empty()) {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_spans_are_apart_and_cover_the_same_bytes() {
        let spans = vec![
            Span::new(10, 20),
            Span::new(0, 3),
            Span::new(12, 15),
            Span::new(20, 22),
            Span::new(5, 5),
            Span::new(30, 40),
            Span::new(2, 4),
        ];
        let j = joined(spans.clone());
        assert_eq!(
            j,
            vec![Span::new(0, 4), Span::new(10, 22), Span::new(30, 40)]
        );
        for pos in 0..45 {
            assert_eq!(
                spans.iter().any(|s| s.contains(pos)),
                j.iter().any(|s| s.contains(pos)),
                "{pos}"
            );
        }
    }
}
