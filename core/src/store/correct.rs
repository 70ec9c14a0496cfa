//! Corrections a person makes to the automatic annotation, and applying them.
//!
//! A correction never names an entity by its id (`e3`), which changes when
//! the annotator improves: it names one of the entity's mentions by an
//! [`Anchor`] (quote, context, position), with the entity's name as a
//! fallback. Corrections apply in order on top of the annotator's output;
//! one whose mention cannot be found is skipped (and reported), never lost.

use super::anchor::Anchor;
use super::note::best_overlap;
use crate::annotate::nested;
use crate::model::{
    Annotations, Commitment, Entity, EntityId, EntityKind, Link, Mention, MentionForm, Quote, Span,
};

/// An entity, named by one of its mentions and, as a fallback, its name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EntityRef {
    /// One of its mentions.
    pub mention: Anchor,
    /// Its name when the correction was made.
    pub name: String,
}

impl EntityRef {
    /// Names entity `entity` of `ann` by its mention `at` when given (the one
    /// the reader's cursor is on), else by its first proper-name mention,
    /// else its first mention.
    pub fn new(text: &str, ann: &Annotations, entity: EntityId, at: Option<usize>) -> Option<Self> {
        let e = ann.entities.get(entity)?;
        let by_name = e.mentions.iter().copied().find(|&m| {
            ann.mentions
                .get(m)
                .is_some_and(|m| m.form == MentionForm::Name)
        });
        let m = at
            .filter(|m| e.mentions.contains(m))
            .or(by_name)
            .or_else(|| e.mentions.first().copied())?;
        Some(Self {
            mention: Anchor::new(text, ann.mentions.get(m)?.span)?,
            name: e.name.clone(),
        })
    }
}

/// One correction to the automatic annotation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Correction {
    /// Give an entity another name.
    Rename {
        /// The entity.
        entity: EntityRef,
        /// Its new name.
        name: String,
    },
    /// Change an entity's kind.
    SetKind {
        /// The entity.
        entity: EntityRef,
        /// Its new kind.
        kind: EntityKind,
    },
    /// Make two entities one: `entity`'s mentions, roles and relations move
    /// to `into`, which keeps its name and kind.
    Merge {
        /// The entity that goes away.
        entity: EntityRef,
        /// The entity that stays.
        into: EntityRef,
    },
    /// Take a mention from its entity: it becomes an entity of its own (same
    /// kind, named by its text). To drop a mention use
    /// [`Correction::RemoveMention`].
    Detach {
        /// The mention.
        mention: Anchor,
    },
    /// Remove a false mention; an entity left with no mention goes too.
    RemoveMention {
        /// The mention.
        mention: Anchor,
    },
    /// Remove a false entity with all its mentions.
    RemoveEntity {
        /// The entity.
        entity: EntityRef,
    },
    /// Add an entity from a selection. Mentions overlapping the selection
    /// give way to it. Every other whole-word occurrence of `name` (of the
    /// selected text when `name` is empty) becomes a mention too, unless a
    /// mention there reaches outside it (mentions inside it give way).
    AddEntity {
        /// The selected text.
        span: Anchor,
        /// Its kind.
        kind: EntityKind,
        /// Its name.
        name: String,
    },
}

impl Correction {
    /// The anchors this correction hangs on.
    pub fn anchors(&self) -> Vec<&Anchor> {
        match self {
            Self::Rename { entity, .. }
            | Self::SetKind { entity, .. }
            | Self::RemoveEntity { entity } => vec![&entity.mention],
            Self::Merge { entity, into } => vec![&entity.mention, &into.mention],
            Self::Detach { mention } | Self::RemoveMention { mention } => vec![mention],
            Self::AddEntity { span, .. } => vec![span],
        }
    }

    /// True when one of its anchors could not be placed in the current text.
    pub fn is_orphan(&self) -> bool {
        self.anchors().iter().any(|a| a.is_orphan())
    }

    /// A short description for the status line and lists.
    pub fn describe(&self) -> String {
        match self {
            Self::Rename { entity, name } => format!("rename “{}” to “{name}”", entity.name),
            Self::SetKind { entity, kind } => {
                format!("make “{}” a {}", entity.name, kind.as_str())
            }
            Self::Merge { entity, into } => {
                format!("merge “{}” into “{}”", entity.name, into.name)
            }
            Self::Detach { mention } => format!("detach “{}” from its actor", mention.exact),
            Self::RemoveMention { mention } => format!("remove the mention “{}”", mention.exact),
            Self::RemoveEntity { entity } => format!("remove the actor “{}”", entity.name),
            Self::AddEntity { kind, name, .. } => format!("add the {} “{name}”", kind.as_str()),
        }
    }
}

/// `auto` with `corrections` applied in order, over `text` (the text `auto`
/// and the corrections' anchors refer to).
pub fn apply(auto: &Annotations, corrections: &[Correction], text: &str) -> Annotations {
    apply_report(auto, corrections, text, &[]).0
}

/// Like [`apply`], also telling for each correction whether it applied
/// (`false`: its entity or mention was not found; it is kept all the same).
/// An added actor's other occurrences are not looked for in the `hidden`
/// spans (code, which the annotator does not read either; ordered by
/// start), though a selection there is taken as it is.
pub fn apply_report(
    auto: &Annotations,
    corrections: &[Correction],
    text: &str,
    hidden: &[Span],
) -> (Annotations, Vec<bool>) {
    if corrections.is_empty() {
        return (auto.clone(), Vec::new());
    }
    let mut work = Work::new(auto, text, hidden);
    let applied = corrections.iter().map(|c| work.apply(c)).collect();
    (work.finish(), applied)
}

/// An entity while corrections are applied.
struct Slot {
    entity: Entity,
    alive: bool,
    /// It had mentions before (an entity left with none is dropped).
    had_mentions: bool,
}

/// Annotations under correction: entity ids are slot indices, mentions stay
/// sorted and disjoint.
struct Work<'t> {
    text: &'t str,
    /// Where an added actor's other occurrences are not looked for.
    hidden: &'t [Span],
    slots: Vec<Slot>,
    mentions: Vec<Mention>,
    links: Vec<Link>,
    commitments: Vec<Commitment>,
    quotes: Vec<Quote>,
}

impl<'t> Work<'t> {
    fn new(auto: &Annotations, text: &'t str, hidden: &'t [Span]) -> Self {
        let slots = auto
            .entities
            .iter()
            .map(|e| Slot {
                had_mentions: !e.mentions.is_empty(),
                entity: Entity {
                    mentions: Vec::new(),
                    ..e.clone()
                },
                alive: true,
            })
            .collect();
        let mut mentions: Vec<Mention> = auto
            .mentions
            .iter()
            .filter(|m| m.entity < auto.entities.len())
            .copied()
            .collect();
        mentions.sort_by_key(|m| m.span);
        Self {
            text,
            hidden,
            slots,
            mentions,
            links: auto.links.clone(),
            commitments: auto.commitments.clone(),
            quotes: auto.quotes.clone(),
        }
    }

    /// The mention at (or overlapping most) `anchor`.
    fn mention(&self, anchor: &Anchor) -> Option<usize> {
        best_overlap(anchor.span()?, self.mentions.iter().map(|m| m.span))
    }

    /// The live entity `r` names.
    fn entity(&self, r: &EntityRef) -> Option<usize> {
        if let Some(m) = self.mention(&r.mention) {
            return Some(self.mentions[m].entity);
        }
        let has_mention = |s: usize| self.mentions.iter().any(|m| m.entity == s);
        (0..self.slots.len())
            .find(|&s| self.slots[s].alive && self.slots[s].entity.name == r.name && has_mention(s))
    }

    fn apply(&mut self, c: &Correction) -> bool {
        match c {
            Correction::Rename { entity, name } => self.entity(entity).is_some_and(|e| {
                self.slots[e].entity.name.clone_from(name);
                true
            }),
            Correction::SetKind { entity, kind } => self.entity(entity).is_some_and(|e| {
                self.slots[e].entity.kind = *kind;
                true
            }),
            Correction::Merge { entity, into } => match (self.entity(entity), self.entity(into)) {
                (Some(from), Some(to)) => {
                    self.merge(from, to);
                    true
                }
                _ => false,
            },
            Correction::Detach { mention } => self.mention(mention).is_some_and(|m| {
                self.detach(m);
                true
            }),
            Correction::RemoveMention { mention } => self.mention(mention).is_some_and(|m| {
                self.mentions.remove(m);
                true
            }),
            Correction::RemoveEntity { entity } => self.entity(entity).is_some_and(|e| {
                self.mentions.retain(|m| m.entity != e);
                self.slots[e].alive = false;
                true
            }),
            Correction::AddEntity { span, kind, name } => {
                // A selection's surrounding spaces are not part of the name.
                let trimmed = span.span().and_then(|s| s.trimmed(self.text));
                trimmed.is_some_and(|s| self.add(s, *kind, name))
            }
        }
    }

    fn merge(&mut self, from: usize, to: usize) {
        if from == to {
            return;
        }
        for m in &mut self.mentions {
            if m.entity == from {
                m.entity = to;
            }
        }
        let roles = std::mem::take(&mut self.slots[from].entity.roles);
        let kept = &mut self.slots[to].entity.roles;
        for r in roles {
            if !kept.contains(&r) {
                kept.push(r);
            }
        }
        self.slots[from].alive = false;
        let redirect = |id: &mut usize| {
            if *id == from {
                *id = to;
            }
        };
        for l in &mut self.links {
            redirect(&mut l.from);
            redirect(&mut l.to);
        }
        let ids = self
            .commitments
            .iter_mut()
            .flat_map(|c| [c.actor.as_mut(), c.counterpart.as_mut()])
            .chain(self.quotes.iter_mut().map(|q| q.speaker.as_mut()));
        ids.flatten().for_each(redirect);
    }

    fn detach(&mut self, m: usize) {
        let old = self.mentions[m].entity;
        if self.mentions.iter().filter(|x| x.entity == old).count() < 2 {
            return; // already an entity of its own
        }
        let name = self
            .text
            .get(self.mentions[m].span.start..self.mentions[m].span.end);
        self.slots.push(Slot {
            entity: Entity {
                kind: self.slots[old].entity.kind,
                name: name.unwrap_or_default().to_owned(),
                roles: Vec::new(),
                mentions: Vec::new(),
            },
            alive: true,
            had_mentions: true,
        });
        self.mentions[m].entity = self.slots.len() - 1;
    }

    fn add(&mut self, span: Span, kind: EntityKind, name: &str) -> bool {
        let Some(selected) = self.text.get(span.start..span.end) else {
            return false;
        };
        self.slots.push(Slot {
            entity: Entity {
                kind,
                name: name.to_owned(),
                roles: Vec::new(),
                mentions: Vec::new(),
            },
            alive: true,
            had_mentions: true,
        });
        let id = self.slots.len() - 1;
        self.put(span, id);
        let needle = if name.is_empty() { selected } else { name };
        let found: Vec<Span> = self
            .text
            .match_indices(needle)
            .map(|(b, _)| Span::new(b, b + needle.len()))
            .filter(|&s| !s.overlaps(span) && whole_word(self.text, s) && !self.is_hidden(s))
            .collect();
        for s in found {
            let blocked = self
                .mentions
                .iter()
                .any(|m| m.span.overlaps(s) && (m.span.start < s.start || m.span.end > s.end));
            if !blocked {
                self.put(s, id);
            }
        }
        true
    }

    /// True when `span` overlaps a hidden span (they are disjoint and
    /// ordered, so only the last to start before its end can).
    fn is_hidden(&self, span: Span) -> bool {
        let before_end = self.hidden.partition_point(|h| h.start < span.end);
        before_end > 0 && self.hidden[before_end - 1].overlaps(span)
    }

    /// Makes `span` a mention of slot `id`, removing mentions it overlaps.
    fn put(&mut self, span: Span, id: usize) {
        self.mentions.retain(|m| !m.span.overlaps(span));
        let at = self.mentions.partition_point(|m| m.span.start < span.start);
        self.mentions.insert(
            at,
            Mention {
                span,
                form: MentionForm::Name,
                entity: id,
            },
        );
    }

    /// The corrected annotations: entities renumbered by first mention,
    /// dropped ones removed from every relation.
    fn finish(self) -> Annotations {
        let mut new_id: Vec<Option<EntityId>> = vec![None; self.slots.len()];
        let mut entities: Vec<Entity> = Vec::new();
        let mut mentions = Vec::with_capacity(self.mentions.len());
        for m in &self.mentions {
            let slot = &self.slots[m.entity];
            if !slot.alive {
                continue;
            }
            let id = *new_id[m.entity].get_or_insert_with(|| {
                entities.push(slot.entity.clone());
                entities.len() - 1
            });
            entities[id].mentions.push(mentions.len());
            mentions.push(Mention { entity: id, ..*m });
        }
        // Entities that never had a mention stay, at the end.
        for (s, slot) in self.slots.iter().enumerate() {
            if slot.alive && !slot.had_mentions && new_id[s].is_none() {
                entities.push(slot.entity.clone());
                new_id[s] = Some(entities.len() - 1);
            }
        }
        let map = |id: usize| new_id.get(id).copied().flatten();
        let gone_name = |id: Option<usize>| {
            id.filter(|&i| map(i).is_none())
                .and_then(|i| self.slots.get(i))
                .map(|s| s.entity.name.clone())
        };
        let mut links: Vec<Link> = Vec::new();
        for l in &self.links {
            if let (Some(from), Some(to)) = (map(l.from), map(l.to)) {
                let link = Link { from, to, ..*l };
                if from != to && !links.contains(&link) {
                    links.push(link);
                }
            }
        }
        let commitments = self
            .commitments
            .iter()
            .map(|c| Commitment {
                actor: c.actor.and_then(map),
                actor_name: c.actor_name.clone().or_else(|| gone_name(c.actor)),
                counterpart: c.counterpart.and_then(map),
                ..c.clone()
            })
            .collect();
        let quotes = self
            .quotes
            .iter()
            .map(|q| Quote {
                speaker: q.speaker.and_then(map),
                speaker_name: q.speaker_name.clone().or_else(|| gone_name(q.speaker)),
                ..q.clone()
            })
            .collect();
        let mut ann = Annotations {
            entities,
            mentions,
            links,
            commitments,
            quotes,
            nested: Vec::new(),
        };
        ann.nested = nested::find(self.text, &ann);
        ann
    }
}

/// True when `span` of `text` is not inside a longer word.
fn whole_word(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).and_then(|t| t.chars().next_back());
    let after = text.get(span.end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}
