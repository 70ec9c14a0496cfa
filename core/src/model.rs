//! The annotation model shared by the annotator, the reader and the exporters.
//!
//! Every span here is a **byte** range into `Document::text`; conversion to the
//! code-point offsets users see happens only at the edges (JSON, exports,
//! sidecar), through [`crate::document::CharIndex`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the document text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `byte` lies inside the span.
    pub const fn contains(self, byte: usize) -> bool {
        self.start <= byte && byte < self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// This span without the whitespace at its ends, or `None` when it
    /// covers only whitespace.
    pub fn trimmed(self, text: &str) -> Option<Span> {
        let s = self.slice(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let t = s.trim();
        (!t.is_empty()).then(|| Span::new(start, start + t.len()))
    }
}

/// Index of an entity in [`Annotations::entities`].
pub type EntityId = usize;

/// What kind of actor an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A human being.
    Person,
    /// A company, government body, party, agency, team, ...
    Organization,
    /// A country, city, region or other location.
    Place,
}

impl EntityKind {
    /// All kinds, in the order the reader lists them.
    pub const ALL: [EntityKind; 3] = [Self::Person, Self::Organization, Self::Place];

    /// The lowercase name used in JSON and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Place => "place",
        }
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A proper name, whole or part, with or without a title.
    Name,
    /// A common-noun description ("the North Korean leader").
    Role,
    /// A third-person pronoun.
    Pronoun,
    /// A demonym ("North Korean").
    Demonym,
}

impl MentionForm {
    /// The lowercase name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Role => "role",
            Self::Pronoun => "pronoun",
            Self::Demonym => "demonym",
        }
    }
}

/// One place in the text where an entity is referred to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention stands.
    pub span: Span,
    /// How it refers.
    pub form: MentionForm,
    /// The entity it belongs to.
    pub entity: EntityId,
}

/// An actor: a person, organization or place, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Its kind.
    pub kind: EntityKind,
    /// The canonical (longest, most complete) name.
    pub name: String,
    /// Roles found for it ("U.S. President"), in order of first appearance.
    pub roles: Vec<String>,
    /// Indices into [`Annotations::mentions`], in document order.
    pub mentions: Vec<usize>,
}

/// How two distinct entities are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkRel {
    /// `from` is the demonym of the place `to` ("North Korean" → North Korea).
    DemonymOf,
    /// `from` is the capital of `to` (Pyongyang → North Korea).
    CapitalOf,
    /// `from` is part of `to` (a ministry of a government).
    PartOf,
}

/// A typed relation between two entities that are not the same actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The dependent entity.
    pub from: EntityId,
    /// The entity it relates to.
    pub to: EntityId,
    /// The relation.
    pub rel: LinkRel,
}

/// Strength of a commitment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    /// Promised, pledged, vowed, agreed, committed, signed.
    Pledge,
    /// Plans, intends, aims, seeks, looks forward to, hopes.
    Intent,
    /// Demanded, urged, called on, asked someone to.
    Demand,
}

impl CommitmentKind {
    /// The lowercase name used in JSON and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pledge => "pledge",
            Self::Intent => "intent",
            Self::Demand => "demand",
        }
    }
}

/// What an actor committed to, intends, or demands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitment {
    /// Pledge, intent or demand.
    pub kind: CommitmentKind,
    /// The committing actor, when it is a known entity.
    pub actor: Option<EntityId>,
    /// The actor as written, when no entity could be given ("officials").
    pub actor_name: Option<String>,
    /// To or from whom, when known.
    pub counterpart: Option<EntityId>,
    /// The cue words ("pledged to", "look forward to").
    pub trigger: Span,
    /// The committed or demanded action.
    pub content: Span,
    /// The sentence holding the trigger.
    pub sentence: Span,
}

impl Commitment {
    /// What a reader is shown of it: its content, or its sentence when the
    /// content is empty.
    pub fn shown_span(&self) -> Span {
        if self.content.is_empty() {
            self.sentence
        } else {
            self.content
        }
    }
}

/// Direct (quoted words) or indirect (reported clause).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// The words between quotation marks.
    Direct,
    /// A reported clause ("said that ...").
    Indirect,
}

impl QuoteKind {
    /// The lowercase name used in JSON and on screen.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Indirect => "indirect",
        }
    }
}

/// Who said what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker, when it is a known entity.
    pub speaker: Option<EntityId>,
    /// The speaker as written, when no entity could be given ("researchers").
    pub speaker_name: Option<String>,
    /// The speech verb or "according to", if any.
    pub cue: Option<Span>,
    /// The quoted or reported words.
    pub span: Span,
}

/// A name inside a longer name mention: the place in "University of
/// Texas Arlington", the person in "the Andy Warhol Museum". The reader
/// highlights the longer name; the JSON and CSV exports list both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nested {
    /// Where it stands: strictly inside a name mention of
    /// [`Annotations::mentions`].
    pub span: Span,
    /// The entity it names.
    pub entity: NestedEntity,
}

/// The entity a [`Nested`] name names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NestedEntity {
    /// An entity of the annotations.
    Known(EntityId),
    /// One named only inside longer names: its name and kind.
    New {
        /// The canonical name.
        name: String,
        /// Its kind.
        kind: EntityKind,
    },
}

/// Everything the annotator found in one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Entities, ordered by their first mention.
    pub entities: Vec<Entity>,
    /// All mentions, sorted by start and never overlapping.
    pub mentions: Vec<Mention>,
    /// Relations between entities.
    pub links: Vec<Link>,
    /// Commitments, in document order of their trigger.
    pub commitments: Vec<Commitment>,
    /// Quotes, in document order.
    pub quotes: Vec<Quote>,
    /// Names inside the name mentions, in document order; made from the
    /// rest by the annotator, and again after corrections or an import
    /// (`annotate::nested::find`).
    pub nested: Vec<Nested>,
}

impl Annotations {
    /// The index of the mention covering `byte`, if any.
    pub fn mention_at(&self, byte: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.span.end <= byte);
        (i < self.mentions.len() && self.mentions[i].span.contains(byte)).then_some(i)
    }

    /// The name of an act's agent: entity `id`'s, else `fallback`, the
    /// name as the text gives it ("a spokeswoman").
    pub fn agent_name<'a>(
        &'a self,
        id: Option<EntityId>,
        fallback: &'a Option<String>,
    ) -> Option<&'a str> {
        id.map(|i| self.entities[i].name.as_str())
            .or(fallback.as_deref())
    }

    /// True when entity `id` is an actor a reader lists: not one whose every
    /// mention is a demonym ("North Korean", linked to its country).
    pub fn is_actor(&self, id: EntityId) -> bool {
        self.entities[id]
            .mentions
            .iter()
            .any(|&m| self.mentions[m].form != MentionForm::Demonym)
    }

    /// The public id of entity `id` ("e1" for the first).
    pub fn entity_key(id: EntityId) -> String {
        format!("e{}", id + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demonym_entities_are_not_actors() {
        let mention = |start, form, entity| Mention {
            span: Span::new(start, start + 1),
            form,
            entity,
        };
        let entity = |mentions| Entity {
            kind: EntityKind::Place,
            name: String::new(),
            roles: vec![],
            mentions,
        };
        let ann = Annotations {
            entities: vec![entity(vec![0]), entity(vec![1, 2])],
            mentions: vec![
                mention(0, MentionForm::Demonym, 0),
                mention(2, MentionForm::Name, 1),
                mention(4, MentionForm::Demonym, 1),
            ],
            ..Annotations::default()
        };
        assert!(!ann.is_actor(0));
        assert!(ann.is_actor(1));
        assert_eq!(ann.mention_at(2), Some(1));
        assert_eq!(ann.mention_at(3), None);
    }
}
