//! Notes: a person's text attached to a span, a mention, an entity, a
//! commitment or a quote of the article.

use serde::{Deserialize, Serialize};

use super::anchor::Anchor;
use crate::model::{Annotations, EntityId, Span};

/// A note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Its id: `n1`, `n2`, ... (unique within one sidecar).
    pub id: String,
    /// The text, possibly several lines.
    pub body: String,
    /// Free-form tags ("follow-up").
    pub tags: Vec<String>,
    /// When it was made, RFC 3339 in UTC.
    pub created: String,
    /// What it is attached to.
    pub target: Target,
}

impl Note {
    /// True when its anchor could not be placed in the current text.
    pub fn is_orphan(&self) -> bool {
        self.target.anchor.is_orphan()
    }
}

/// A note read from elsewhere (a brat file's `AnnotatorNotes`), before
/// the store gives it an id and a time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNote {
    /// What it is attached to.
    pub target: Target,
    /// The text.
    pub body: String,
    /// Tags.
    pub tags: Vec<String>,
}

/// What a note is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A stretch of text.
    Span,
    /// One mention of an entity.
    Mention,
    /// An entity: the note shows at each of its mentions.
    Entity,
    /// A commitment.
    Commitment,
    /// A quote.
    Quote,
}

impl TargetKind {
    /// The lowercase name used in JSON and the sidecar.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Span => "span",
            Self::Mention => "mention",
            Self::Entity => "entity",
            Self::Commitment => "commitment",
            Self::Quote => "quote",
        }
    }
}

/// A note's target: its kind and the piece of text that identifies it. An
/// entity is anchored at one of its mentions, a commitment at the text from
/// its trigger to the end of its content, a quote at its span. The item
/// itself is found again from the anchor ([`Target::resolve`]), so notes
/// follow their item when the annotator's ids change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// What kind of thing the note is on.
    pub kind: TargetKind,
    /// Where it is.
    pub anchor: Anchor,
}

/// The annotation item a note refers to, in some [`Annotations`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    /// An entity (for entity and mention notes).
    Entity(EntityId),
    /// A commitment, by index.
    Commitment(usize),
    /// A quote, by index.
    Quote(usize),
}

impl Ref {
    /// The public id: `e2`, `c1`, `q1`.
    pub fn key(self) -> String {
        match self {
            Self::Entity(e) => Annotations::entity_key(e),
            Self::Commitment(c) => format!("c{}", c + 1),
            Self::Quote(q) => format!("q{}", q + 1),
        }
    }
}

/// The span a commitment note is anchored at: trigger through content.
pub fn commitment_span(ann: &Annotations, index: usize) -> Option<Span> {
    let c = ann.commitments.get(index)?;
    Some(Span::new(
        c.trigger.start.min(c.content.start),
        c.trigger.end.max(c.content.end),
    ))
}

impl Target {
    /// A note on the byte span `span` of `text`.
    pub fn span(text: &str, span: Span) -> Option<Self> {
        Self::at(TargetKind::Span, text, span)
    }

    /// A note on mention `mention` of `ann`.
    pub fn mention(text: &str, ann: &Annotations, mention: usize) -> Option<Self> {
        Self::at(TargetKind::Mention, text, ann.mentions.get(mention)?.span)
    }

    /// A note on entity `entity`, anchored at its mention `at` when given
    /// (the one the reader's cursor is on), else at its first mention.
    pub fn entity(
        text: &str,
        ann: &Annotations,
        entity: EntityId,
        at: Option<usize>,
    ) -> Option<Self> {
        let e = ann.entities.get(entity)?;
        let m = at
            .filter(|m| e.mentions.contains(m))
            .or_else(|| e.mentions.first().copied())?;
        Self::at(TargetKind::Entity, text, ann.mentions.get(m)?.span)
    }

    /// A note on commitment `index`.
    pub fn commitment(text: &str, ann: &Annotations, index: usize) -> Option<Self> {
        Self::at(TargetKind::Commitment, text, commitment_span(ann, index)?)
    }

    /// A note on quote `index`.
    pub fn quote(text: &str, ann: &Annotations, index: usize) -> Option<Self> {
        Self::at(TargetKind::Quote, text, ann.quotes.get(index)?.span)
    }

    fn at(kind: TargetKind, text: &str, span: Span) -> Option<Self> {
        Some(Self {
            kind,
            anchor: Anchor::new(text, span)?,
        })
    }

    /// The item of `ann` this target refers to now: for a mention or entity
    /// note, the entity of the mention at (or overlapping most) the anchor;
    /// for a commitment or quote, the one overlapping the anchor most. `None`
    /// for span notes, orphans, and items no longer found.
    pub fn resolve(&self, ann: &Annotations) -> Option<Ref> {
        let span = self.anchor.span()?;
        match self.kind {
            TargetKind::Span => None,
            TargetKind::Mention | TargetKind::Entity => {
                let m = best_overlap(span, ann.mentions.iter().map(|m| m.span))?;
                Some(Ref::Entity(ann.mentions[m].entity))
            }
            TargetKind::Commitment => {
                let spans = (0..ann.commitments.len()).filter_map(|i| commitment_span(ann, i));
                best_overlap(span, spans).map(Ref::Commitment)
            }
            TargetKind::Quote => {
                best_overlap(span, ann.quotes.iter().map(|q| q.span)).map(Ref::Quote)
            }
        }
    }
}

/// The index of the span in `spans` equal to `span`, else the one sharing
/// the most bytes with it (the first among equals), else `None`.
pub(crate) fn best_overlap(span: Span, spans: impl Iterator<Item = Span>) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, s) in spans.enumerate() {
        if s == span {
            return Some(i);
        }
        let shared = s.end.min(span.end).saturating_sub(s.start.max(span.start));
        if shared > 0 && best.is_none_or(|(_, b)| shared > b) {
            best = Some((i, shared));
        }
    }
    best.map(|(i, _)| i)
}
