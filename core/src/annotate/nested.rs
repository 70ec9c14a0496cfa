//! Names inside longer names: the places in "University of Texas
//! Arlington", the person in "the Andy Warhol Museum".
//!
//! The entity stage keeps one mention per stretch of text, the longest, and
//! that is what the reader highlights. This pass finds the names inside
//! organization names, and inside place names that end in a place keyword
//! ("Chiang Kai Shek Memorial Hall"), for tools that read both layers (the
//! JSON export): [`Annotations::nested`]. An inner name is an entity the article names on its own,
//! a gazetteer entry, or a region of one ("Southern Indiana").
//! Person names are not searched: "Jordan Smith" holds no country.

use crate::annotate::fasthash::{Map, Set};
use crate::annotate::kinds::{self, Kind};
use crate::annotate::learn::tagger;
use crate::annotate::lexicon::{GazKind, LEXICON};
use crate::annotate::names;
use crate::annotate::segment::{self, Token, TokenKind};
use crate::model::{Annotations, EntityId, EntityKind, MentionForm, Nested, NestedEntity, Span};

/// The names inside the name mentions of `ann` over `text`, in order.
pub fn find(text: &str, ann: &Annotations) -> Vec<Nested> {
    let known = known_names(text, ann);
    let towns = towns(text, ann);
    let names = Names {
        known: &known,
        towns: &towns,
    };
    let mut out = Vec::new();
    for m in &ann.mentions {
        if m.form != MentionForm::Name {
            continue;
        }
        let toks = segment::tokens(text, m.span);
        if toks.len() < 2 || !holds_names(text, ann.entities[m.entity].kind, &toks) {
            continue;
        }
        let mut a = 0;
        while a < toks.len() {
            // "Art Gallery at Skidmore College": what follows "at" names a
            // place or an organization of its own; names inside it are
            // searched too ("Greensboro" in "… at the University of North
            // Carolina at Greensboro").
            if let Some((from, entity)) = after_at(text, &toks, a, &names, m.entity) {
                out.push(Nested {
                    span: Span::new(toks[from].start(), toks[toks.len() - 1].end()),
                    entity,
                });
                a = from + 1;
                continue;
            }
            let found = (a + 1..=toks.len())
                .rev()
                .filter(|&b| b - a < toks.len())
                .find_map(|b| inner(text, &toks[a..b], &names, m.entity).map(|e| (b, e)));
            match found {
                Some((b, entity)) => {
                    out.push(Nested {
                        span: Span::new(toks[a].start(), toks[b - 1].end()),
                        entity,
                    });
                    a = b;
                }
                None => a += 1,
            }
        }
    }
    out
}

/// Each name the article gives an entity on its own (the text of its name
/// mentions, and its canonical name), with that entity; `None` for a name
/// two entities share.
fn known_names<'a>(text: &'a str, ann: &'a Annotations) -> Map<&'a str, Option<EntityId>> {
    let mut known: Map<&str, Option<EntityId>> = Map::default();
    let mut note = |name: &'a str, e: EntityId| {
        known
            .entry(name)
            .and_modify(|v| {
                if *v != Some(e) {
                    *v = None;
                }
            })
            .or_insert(Some(e));
    };
    for m in &ann.mentions {
        if m.form == MentionForm::Name {
            let s = m.span.slice(text);
            let s = s.strip_prefix("the ").unwrap_or(s);
            note(s.strip_prefix("The ").unwrap_or(s), m.entity);
        }
    }
    // Canonical names of entities named by name ("Greek", the entity of a
    // demonym, is no name inside "Greek Orthodox Church").
    for (id, e) in ann.entities.iter().enumerate() {
        if e.mentions
            .iter()
            .any(|&m| ann.mentions[m].form == MentionForm::Name)
        {
            note(&e.name, id);
        }
    }
    known
}

/// What the article tells of the names that may stand inside others.
struct Names<'n, 'a> {
    /// Each name given on its own, with its entity ([`known_names`]).
    known: &'n Map<&'a str, Option<EntityId>>,
    /// Words naming a town that bodies are named after ([`towns`]).
    towns: &'n Set<&'a str>,
}

/// The towns the organization and place names of `ann` are named after
/// ([`kinds::town_words`]), where a common word is one the tagger read in
/// its training text.
fn towns<'a>(text: &'a str, ann: &Annotations) -> Set<&'a str> {
    let names = ann.mentions.iter().filter_map(|m| {
        let kind = ann.entities[m.entity].kind;
        let named = m.form == MentionForm::Name
            && matches!(kind, EntityKind::Organization | EntityKind::Place);
        named.then(|| {
            segment::tokens(text, m.span)
                .iter()
                .map(|t| t.text(text))
                .skip_while(|w| matches!(*w, "The" | "the"))
                .collect()
        })
    });
    kinds::town_words(names, tagger::knows_word)
}

/// True for a name that may hold others: an organization's, or a place's
/// that ends in a place keyword ("… Memorial Hall", "… Square").
fn holds_names(text: &str, kind: EntityKind, toks: &[Token]) -> bool {
    match kind {
        EntityKind::Organization => true,
        EntityKind::Place => toks
            .last()
            .is_some_and(|t| LEXICON.place_keys.contains(t.text(text))),
        _ => false,
    }
}

/// When token `at` of the name `toks` (a mention of `outer`) is "at",
/// not first, and the rest of the name (after a "the") is a name: where it
/// starts and the entity it names. That is the entity [`inner`] finds, else
/// a new organization when one of its words is an organization keyword
/// ("Skidmore College"), else a new place ("Chapel Hill").
fn after_at(
    text: &str,
    toks: &[Token],
    at: usize,
    names: &Names,
    outer: EntityId,
) -> Option<(usize, NestedEntity)> {
    if at == 0 || toks[at].text(text) != "at" {
        return None;
    }
    let from = at + 1 + usize::from(toks.get(at + 1)?.text(text) == "the");
    let tail = toks.get(from..).filter(|t| !t.is_empty())?;
    if let Some(found) = inner(text, tail, names, outer) {
        return Some((from, found));
    }
    let words = || tail.iter().map(|t| t.text(text));
    let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let named = tail.iter().all(|t| t.kind() == TokenKind::Word)
        && words().next().is_some_and(capital)
        && words().next_back().is_some_and(capital)
        && !words().all(|w| LEXICON.org_keys.contains_key(w) || LEXICON.place_keys.contains(w));
    if !named {
        return None;
    }
    let kind = if words().any(|w| LEXICON.org_keys.contains_key(w)) {
        EntityKind::Organization
    } else {
        EntityKind::Place
    };
    let name = Span::new(tail[0].start(), tail[tail.len() - 1].end()).slice(text);
    Some((
        from,
        NestedEntity::New {
            name: name.to_owned(),
            kind,
        },
    ))
}

/// The entity named by exactly `toks` (part of a mention of `outer`), if
/// they are a name: capitalised at both ends, and known, in the gazetteer,
/// a region of a gazetteer place, or the town two names are named after
/// ([`towns`]).
fn inner(text: &str, toks: &[Token], names: &Names, outer: EntityId) -> Option<NestedEntity> {
    let known = names.known;
    let (first, last) = (toks.first()?, toks.last()?);
    let capital = |t: &Token| {
        t.kind() == TokenKind::Word && t.text(text).starts_with(|c: char| c.is_uppercase())
    };
    if !capital(first) || !capital(last) {
        return None;
    }
    // "University" in "University of Southern Indiana" names the outer
    // organization again, whatever the article calls "the University".
    let keyword = |t: &Token| {
        let w = t.text(text);
        LEXICON.org_keys.contains_key(w) || LEXICON.place_keys.contains(w) || w == "The"
    };
    if toks.iter().all(keyword) {
        return None;
    }
    let name = Span::new(first.start(), last.end()).slice(text);
    let existing = |n: &str| known.get(n).copied().flatten().filter(|&e| e != outer);
    if let Some(e) = existing(name) {
        return Some(NestedEntity::Known(e));
    }
    let place = |n: &str| {
        LEXICON
            .gazetteer
            .get(n)
            .filter(|g| g.kind != GazKind::Organization)
    };
    let (canonical, kind) = if let Some(g) = LEXICON.gazetteer.get(name) {
        (g.canonical, Kind::of_gazetteer(g.kind).entity_kind())
    } else if (toks.len() == 1 && names.towns.contains(name))
        || (toks.len() == 2
            && names::opens_region(first.text(text))
            && place(last.text(text)).is_some())
    {
        (name, EntityKind::Place)
    } else {
        return None;
    };
    // The gazetteer's name of an entity the article knows ("US" for the
    // "United States" named elsewhere), unless it is the outer one.
    match known.get(canonical).copied().flatten() {
        Some(e) if e == outer => None,
        Some(e) => Some(NestedEntity::Known(e)),
        None => Some(NestedEntity::New {
            name: canonical.to_owned(),
            kind,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;

    /// (inner text, entity name) for `text`.
    fn inner_names(text: &str) -> Vec<(String, String)> {
        let ann = annotate(text);
        find(text, &ann)
            .into_iter()
            .map(|i| {
                let name = match i.entity {
                    NestedEntity::Known(e) => ann.entities[e].name.clone(),
                    NestedEntity::New { name, .. } => name,
                };
                (i.span.slice(text).to_owned(), name)
            })
            .collect()
    }

    #[test]
    fn a_word_opening_two_body_names_is_the_place_inside_them() {
        let text = "The Quorvel Herald said Quorvel Water broke its permits. \
                    The National Trust and the National Gallery agreed.";
        let got = inner_names(text);
        let quorvel: Vec<_> = got.iter().filter(|(t, _)| t == "Quorvel").collect();
        assert_eq!(quorvel.len(), 2, "{got:?}");
        assert!(quorvel.iter().all(|(_, n)| n == "Quorvel"), "{got:?}");
        // "National" is a word the tagger read: no place.
        assert!(got.iter().all(|(t, _)| t != "National"), "{got:?}");
    }

    #[test]
    fn places_and_people_inside_organization_names() {
        let text = "Students at the University of Texas Arlington protested. \
                    The Andy Warhol Foundation gave prints. Andy Warhol died in 1987. \
                    The University of Southern Indiana took some.";
        assert_eq!(
            inner_names(text),
            [
                ("Texas".into(), "Texas".into()),
                ("Andy Warhol".into(), "Andy Warhol".into()),
                ("Southern Indiana".into(), "Southern Indiana".into()),
            ]
        );
    }

    #[test]
    fn what_follows_at_in_an_organization_name_is_a_name() {
        let text = "The Weatherspoon Art Museum at the University of North Carolina \
                    at Greensboro lent prints.";
        assert_eq!(
            inner_names(text),
            [
                (
                    "University of North Carolina at Greensboro".into(),
                    "University of North Carolina at Greensboro".into()
                ),
                ("North Carolina".into(), "North Carolina".into()),
                ("Greensboro".into(), "Greensboro".into()),
            ]
        );
        let ann = annotate(text);
        let kinds: Vec<_> = find(text, &ann)
            .into_iter()
            .filter_map(|i| match i.entity {
                NestedEntity::New { kind, .. } => Some(kind),
                NestedEntity::Known(_) => None,
            })
            .collect();
        assert_eq!(kinds.first(), Some(&EntityKind::Organization), "{kinds:?}");
        assert_eq!(kinds.last(), Some(&EntityKind::Place), "{kinds:?}");
    }

    #[test]
    fn an_inner_name_joins_the_entity_named_elsewhere() {
        let text = "The U.S. Army said it was ready. The United States sent troops.";
        let ann = annotate(text);
        let inner = find(text, &ann);
        assert_eq!(inner.len(), 1, "{inner:?}");
        assert_eq!(inner[0].span.slice(text), "U.S.");
        let NestedEntity::Known(e) = inner[0].entity else {
            panic!("{inner:?}")
        };
        assert_eq!(ann.entities[e].name, "United States");
    }

    #[test]
    fn demonyms_and_keywords_are_no_inner_names() {
        let text = "Greek officials met the Greek Orthodox Church. The University \
                    said the University of Southern Indiana would help.";
        assert_eq!(
            inner_names(text),
            [("Southern Indiana".into(), "Southern Indiana".into())]
        );
    }

    #[test]
    fn person_and_plain_place_names_hold_no_names() {
        for text in [
            "Jordan Smith met reporters in New South Wales on Friday.",
            "Officials in New York said so.",
        ] {
            assert_eq!(inner_names(text), Vec::<(String, String)>::new(), "{text}");
        }
    }
}
