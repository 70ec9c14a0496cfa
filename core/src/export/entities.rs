//! The entities as the JSON and CSV exports list them: the annotations'
//! own, with the names inside longer names ([`Annotations::nested`]) added to their
//! entities' mentions, and entities named only inside longer names after
//! the others.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::{Annotations, EntityKind, MentionForm, NestedEntity, Span};

/// An entity with every mention the exports show.
pub struct Listed<'a> {
    /// Its kind.
    pub kind: EntityKind,
    /// Its canonical name.
    pub name: Cow<'a, str>,
    /// Its roles (none for an entity named only inside longer names).
    pub roles: &'a [String],
    /// Its mentions, in document order (an outer mention before the
    /// names inside it).
    pub mentions: Vec<ListedMention>,
}

/// One mention of a [`Listed`] entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListedMention {
    /// Where it stands (bytes).
    pub span: Span,
    /// How it names the entity.
    pub form: MentionForm,
    /// True for a name inside a longer name mention.
    pub nested: bool,
}

/// The entities of `ann`; entity `i` of `ann` is entry `i`
/// (its id is [`Annotations::entity_key`] of its index). Names inside
/// longer names join their entities' lists (the name mentions of `ann`
/// never overlap; these lie inside them), and entities named only inside
/// longer names follow the others, in order of first mention.
pub fn list(ann: &Annotations) -> Vec<Listed<'_>> {
    let mut out: Vec<Listed<'_>> = ann
        .entities
        .iter()
        .map(|e| Listed {
            kind: e.kind,
            name: Cow::Borrowed(&e.name),
            roles: &e.roles,
            mentions: e
                .mentions
                .iter()
                .map(|&m| ListedMention {
                    span: ann.mentions[m].span,
                    form: ann.mentions[m].form,
                    nested: false,
                })
                .collect(),
        })
        .collect();
    // Entities named only inside longer names, by name and kind.
    let mut new_ids: HashMap<(&str, EntityKind), usize> = HashMap::new();
    let mut grown = vec![false; out.len()];
    for inner in &ann.nested {
        let id =
            match &inner.entity {
                &NestedEntity::Known(e) => e,
                NestedEntity::New { name, kind } => *new_ids
                    .entry((name, *kind))
                    .or_insert_with_key(|&(name, kind)| {
                        out.push(Listed {
                            kind,
                            name: Cow::Borrowed(name),
                            roles: &[],
                            mentions: Vec::new(),
                        });
                        grown.push(false);
                        out.len() - 1
                    }),
            };
        out[id].mentions.push(ListedMention {
            span: inner.span,
            form: MentionForm::Name,
            nested: true,
        });
        grown[id] = true;
    }
    for (e, grew) in out.iter_mut().zip(grown) {
        if grew {
            e.mentions
                .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        }
    }
    out
}
