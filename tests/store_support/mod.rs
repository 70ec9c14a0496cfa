//! Helpers shared by the store tests.
#![allow(dead_code)]

use gloss::model::{Annotations, Entity, EntityKind, Mention, MentionForm, Span};

/// The byte span of the `nth` (0-based) occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str, nth: usize) -> Span {
    let (b, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"));
    Span::new(b, b + needle.len())
}

/// The index of the mention at `span`.
pub fn mention_at(ann: &Annotations, span: Span) -> usize {
    ann.mentions
        .iter()
        .position(|m| m.span == span)
        .unwrap_or_else(|| panic!("no mention at {span:?}"))
}

/// The entity whose name is `name`.
pub fn entity_named(ann: &Annotations, name: &str) -> usize {
    ann.entities
        .iter()
        .position(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:?}", names(ann)))
}

/// Entity names in order.
pub fn names(ann: &Annotations) -> Vec<&str> {
    ann.entities.iter().map(|e| e.name.as_str()).collect()
}

/// The mention texts of entity `e`.
pub fn mention_texts<'a>(ann: &Annotations, text: &'a str, e: usize) -> Vec<&'a str> {
    ann.entities[e]
        .mentions
        .iter()
        .map(|&m| ann.mentions[m].span.slice(text))
        .collect()
}

/// Checks every invariant of [`Annotations`]; the first broken one as text.
pub fn check_invariants(ann: &Annotations, text: &str) -> Result<(), String> {
    for w in ann.mentions.windows(2) {
        if w[0].span.start > w[1].span.start || w[0].span.overlaps(w[1].span) {
            return Err(format!("mentions out of order or overlapping: {w:?}"));
        }
    }
    for (i, m) in ann.mentions.iter().enumerate() {
        if text.get(m.span.start..m.span.end).is_none() || m.span.is_empty() {
            return Err(format!("mention {i} has a bad span {:?}", m.span));
        }
        let Some(e) = ann.entities.get(m.entity) else {
            return Err(format!("mention {i} points to no entity"));
        };
        if !e.mentions.contains(&i) {
            return Err(format!("entity {} does not list its mention {i}", m.entity));
        }
    }
    let mut firsts = Vec::new();
    for (id, e) in ann.entities.iter().enumerate() {
        if e.mentions.windows(2).any(|w| w[0] >= w[1]) {
            return Err(format!("entity {id}: mentions not in order"));
        }
        for &m in &e.mentions {
            if ann.mentions.get(m).is_none_or(|x| x.entity != id) {
                return Err(format!("entity {id} lists mention {m} of another"));
            }
        }
        firsts.push(e.mentions.first().copied().unwrap_or(usize::MAX));
    }
    if firsts.windows(2).any(|w| w[0] > w[1]) {
        return Err(format!("entities not ordered by first mention: {firsts:?}"));
    }
    let ok = |id: Option<usize>| id.is_none_or(|i| i < ann.entities.len());
    for l in &ann.links {
        if !ok(Some(l.from)) || !ok(Some(l.to)) || l.from == l.to {
            return Err(format!("bad link {l:?}"));
        }
    }
    for c in &ann.commitments {
        if !ok(c.actor) || !ok(c.counterpart) {
            return Err(format!("bad commitment {c:?}"));
        }
    }
    for q in &ann.quotes {
        if !ok(q.speaker) {
            return Err(format!("bad quote {q:?}"));
        }
    }
    Ok(())
}

/// Annotations with one person per name in `names`, each mentioned at every
/// occurrence of its name (names must not overlap one another).
pub fn by_names(text: &str, names: &[&str]) -> Annotations {
    let mut mentions: Vec<Mention> = names
        .iter()
        .enumerate()
        .flat_map(|(e, name)| {
            text.match_indices(name).map(move |(b, _)| Mention {
                span: Span::new(b, b + name.len()),
                form: MentionForm::Name,
                entity: e,
            })
        })
        .collect();
    mentions.sort_by_key(|m| m.span);
    // Number entities by first mention.
    let mut order: Vec<usize> = Vec::new();
    for m in &mentions {
        if !order.contains(&m.entity) {
            order.push(m.entity);
        }
    }
    let mut entities: Vec<Entity> = order
        .iter()
        .map(|&e| Entity {
            kind: EntityKind::Person,
            name: names[e].to_owned(),
            roles: Vec::new(),
            mentions: Vec::new(),
        })
        .collect();
    for (i, m) in mentions.iter_mut().enumerate() {
        m.entity = order.iter().position(|&e| e == m.entity).unwrap_or(0);
        entities[m.entity].mentions.push(i);
    }
    Annotations {
        entities,
        mentions,
        ..Annotations::default()
    }
}
