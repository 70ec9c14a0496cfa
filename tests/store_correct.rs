//! Corrections on top of the automatic annotation.

mod store_support;

use gloss::annotate::annotate;
use gloss::model::{
    Annotations, Commitment, CommitmentKind, Entity, EntityKind, Link, LinkRel, Mention,
    MentionForm, NestedEntity, Quote, QuoteKind, Span,
};
use gloss::store::correct::{apply, apply_report};
use gloss::store::{Anchor, Correction, EntityRef};
use proptest::prelude::*;
use store_support::{check_invariants, entity_named, find, mention_at, mention_texts, names};

const TEXT: &str = "Moon Jae-in met Kim in Pyongyang. Kim thanked Moon. The North Korean \
leader then left, and Moon Jae-in flew home. Pyongyang said Kim was pleased.";

/// Hand-made annotations: Moon (3 mentions, "Jae-in" split off as its own
/// entity at first), Kim (3), Pyongyang (2), "The North Korean" (a false
/// place), a link, a commitment and a quote.
fn auto() -> Annotations {
    let m = |text: &str, nth, form, entity| Mention {
        span: find(TEXT, text, nth),
        form,
        entity,
    };
    use MentionForm::{Name, Role};
    let mut mentions = vec![
        m("Moon", 0, Name, 0),
        m("Jae-in", 0, Name, 1),
        m("Kim", 0, Name, 2),
        m("Pyongyang", 0, Name, 3),
        m("Kim", 1, Name, 2),
        m("Moon", 1, Name, 0),
        m("The North Korean", 0, Role, 4),
        m("Moon", 2, Name, 0),
        m("Jae-in", 1, Name, 1),
        m("Pyongyang", 1, Name, 3),
        m("Kim", 2, Name, 2),
    ];
    mentions.sort_by_key(|m| m.span);
    let mut entities: Vec<Entity> = [
        ("Moon", EntityKind::Person),
        ("Jae-in", EntityKind::Person),
        ("Kim", EntityKind::Person),
        ("Pyongyang", EntityKind::Place),
        ("The North Korean", EntityKind::Place),
    ]
    .into_iter()
    .map(|(name, kind)| Entity {
        kind,
        name: name.into(),
        roles: vec![format!("role of {name}")],
        mentions: Vec::new(),
    })
    .collect();
    for (i, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(i);
    }
    Annotations {
        entities,
        mentions,
        links: vec![Link {
            from: 3,
            to: 4,
            rel: LinkRel::CapitalOf,
        }],
        commitments: vec![Commitment {
            kind: CommitmentKind::Intent,
            actor: Some(4),
            actor_name: None,
            counterpart: Some(0),
            trigger: find(TEXT, "then left", 0),
            content: find(TEXT, "left", 0),
            sentence: find(TEXT, "The North Korean leader then left", 0),
        }],
        quotes: vec![Quote {
            kind: QuoteKind::Indirect,
            speaker: Some(3),
            speaker_name: None,
            cue: Some(find(TEXT, "said", 0)),
            span: find(TEXT, "Kim was pleased", 0),
        }],
        nested: Vec::new(),
    }
}

fn entity(ann: &Annotations, name: &str) -> EntityRef {
    EntityRef::new(TEXT, ann, entity_named(ann, name), None).unwrap()
}

fn anchor(text: &str, nth: usize) -> Anchor {
    Anchor::new(TEXT, find(TEXT, text, nth)).unwrap()
}

fn corrected(c: Vec<Correction>) -> Annotations {
    let (ann, applied) = apply_report(&auto(), &c, TEXT, &[]);
    assert!(applied.iter().all(|&a| a), "not applied: {c:?}");
    check_invariants(&ann, TEXT).unwrap();
    ann
}

#[test]
fn the_fixture_is_valid_and_no_corrections_change_nothing() {
    let a = auto();
    check_invariants(&a, TEXT).unwrap();
    assert_eq!(apply(&a, &[], TEXT), a);
}

#[test]
fn names_inside_longer_names_follow_the_corrected_entities() {
    let text = "Angela Merkel met the University of Texas. Texas voted.";
    let inner = |ann: &Annotations| -> Vec<(String, String)> {
        ann.nested
            .iter()
            .map(|n| {
                let name = match &n.entity {
                    NestedEntity::Known(e) => ann.entities[*e].name.clone(),
                    NestedEntity::New { name, .. } => name.clone(),
                };
                (n.span.slice(text).to_owned(), name)
            })
            .collect()
    };
    let a = annotate(text);
    let texas = [("Texas".to_owned(), "Texas".to_owned())];
    assert_eq!(inner(&a), texas);
    // Merkel goes: every entity after her is renumbered, and the inner
    // name still names Texas.
    let merkel = EntityRef::new(text, &a, entity_named(&a, "Angela Merkel"), None).unwrap();
    let ann = apply(&a, &[Correction::RemoveEntity { entity: merkel }], text);
    assert_eq!(ann.entities.len() + 1, a.entities.len());
    assert_eq!(inner(&ann), texas);
    // Texas goes: the inner name is one the article no longer knows.
    let gone = EntityRef::new(text, &ann, entity_named(&ann, "Texas"), None).unwrap();
    let ann = apply(&ann, &[Correction::RemoveEntity { entity: gone }], text);
    assert!(
        matches!(&ann.nested[..], [n] if matches!(n.entity, NestedEntity::New { .. })),
        "{:?}",
        ann.nested
    );
}

#[test]
fn rename() {
    let a = auto();
    let ann = corrected(vec![Correction::Rename {
        entity: entity(&a, "Kim"),
        name: "Kim Jong Un".into(),
    }]);
    let e = entity_named(&ann, "Kim Jong Un");
    assert_eq!(mention_texts(&ann, TEXT, e), ["Kim", "Kim", "Kim"]);
}

#[test]
fn set_kind() {
    let a = auto();
    let ann = corrected(vec![Correction::SetKind {
        entity: entity(&a, "Pyongyang"),
        kind: EntityKind::Organization,
    }]);
    assert_eq!(
        ann.entities[entity_named(&ann, "Pyongyang")].kind,
        EntityKind::Organization
    );
}

#[test]
fn merge_moves_mentions_roles_and_relations() {
    let a = auto();
    let ann = corrected(vec![Correction::Merge {
        entity: entity(&a, "The North Korean"),
        into: entity(&a, "Kim"),
    }]);
    assert!(!names(&ann).contains(&"The North Korean"));
    let kim = entity_named(&ann, "Kim");
    assert_eq!(
        mention_texts(&ann, TEXT, kim),
        ["Kim", "Kim", "The North Korean", "Kim"]
    );
    assert_eq!(
        ann.entities[kim].roles,
        ["role of Kim", "role of The North Korean"]
    );
    assert_eq!(ann.commitments[0].actor, Some(kim));
    assert_eq!(ann.links[0].to, kim);
}

#[test]
fn detach_makes_its_own_entity() {
    let a = auto();
    let ann = corrected(vec![Correction::Detach {
        mention: anchor("Kim", 2),
    }]);
    let kims: Vec<usize> = (0..ann.entities.len())
        .filter(|&e| ann.entities[e].name == "Kim")
        .collect();
    assert_eq!(kims.len(), 2);
    assert_eq!(mention_texts(&ann, TEXT, kims[0]), ["Kim", "Kim"]);
    assert_eq!(mention_texts(&ann, TEXT, kims[1]), ["Kim"]);
    assert!(kims[1] > kims[0]);
    // Detaching a lone mention changes nothing.
    let alone = corrected(vec![Correction::Detach {
        mention: anchor("The North Korean", 0),
    }]);
    assert_eq!(alone, a);
}

#[test]
fn remove_a_mention_and_an_entity() {
    let a = auto();
    let ann = corrected(vec![Correction::RemoveMention {
        mention: anchor("Kim", 0),
    }]);
    assert_eq!(
        mention_texts(&ann, TEXT, entity_named(&ann, "Kim")),
        ["Kim", "Kim"]
    );
    assert_eq!(ann.mentions.len(), a.mentions.len() - 1);

    // Removing the only mention removes the entity; its relations go and
    // the commitment keeps the actor's name.
    let ann = corrected(vec![Correction::RemoveMention {
        mention: anchor("The North Korean", 0),
    }]);
    assert!(!names(&ann).contains(&"The North Korean"));
    assert_eq!(ann.commitments[0].actor, None);
    assert_eq!(
        ann.commitments[0].actor_name.as_deref(),
        Some("The North Korean")
    );
    assert!(ann.links.is_empty());

    let ann = corrected(vec![Correction::RemoveEntity {
        entity: entity(&a, "Pyongyang"),
    }]);
    assert!(!names(&ann).contains(&"Pyongyang"));
    assert_eq!(ann.mentions.len(), a.mentions.len() - 2);
    assert_eq!(ann.quotes[0].speaker, None);
    assert_eq!(ann.quotes[0].speaker_name.as_deref(), Some("Pyongyang"));
}

#[test]
fn add_an_entity_links_its_other_occurrences() {
    // Select "Moon Jae-in" (first occurrence): it swallows "Moon" and
    // "Jae-in" there, and the second "Moon Jae-in" follows; the lone "Moon"
    // in "thanked Moon" stays with the old Moon entity.
    let ann = corrected(vec![Correction::AddEntity {
        span: anchor("Moon Jae-in", 0),
        kind: EntityKind::Person,
        name: "Moon Jae-in".into(),
    }]);
    let moon = entity_named(&ann, "Moon Jae-in");
    assert_eq!(moon, 0);
    assert_eq!(
        mention_texts(&ann, TEXT, moon),
        ["Moon Jae-in", "Moon Jae-in"]
    );
    assert_eq!(
        mention_texts(&ann, TEXT, entity_named(&ann, "Moon")),
        ["Moon"]
    );
    assert!(!names(&ann).contains(&"Jae-in"));

    // Other occurrences of the name are linked, not of the selected text.
    let ann = corrected(vec![Correction::AddEntity {
        span: anchor("North Korean leader", 0),
        kind: EntityKind::Person,
        name: "Kim".into(),
    }]);
    let e = entity_named(&ann, "Kim");
    let texts = mention_texts(&ann, TEXT, e);
    assert_eq!(texts, ["Kim", "Kim", "North Korean leader", "Kim"]);
    // "The North Korean" overlapped the selection and gave way.
    assert!(!names(&ann).contains(&"The North Korean"));

    // A selection named otherwise: its text is not looked for elsewhere.
    let ann = corrected(vec![Correction::AddEntity {
        span: anchor("Moon", 1),
        kind: EntityKind::Person,
        name: "President Moon".into(),
    }]);
    let e = entity_named(&ann, "President Moon");
    assert_eq!(mention_texts(&ann, TEXT, e), ["Moon"]);
    assert_eq!(
        mention_texts(&ann, TEXT, entity_named(&ann, "Moon")),
        ["Moon", "Moon"]
    );
}

#[test]
fn an_added_actor_is_not_looked_for_in_code() {
    let add = [Correction::AddEntity {
        span: anchor("Moon Jae-in", 0),
        kind: EntityKind::Person,
        name: "Moon Jae-in".into(),
    }];
    let code = find(TEXT, "and Moon Jae-in flew", 0);
    let (ann, applied) = apply_report(&auto(), &add, TEXT, &[Span::new(0, 1), code]);
    assert_eq!(applied, [true]);
    let moon = entity_named(&ann, "Moon Jae-in");
    assert_eq!(mention_texts(&ann, TEXT, moon), ["Moon Jae-in"]);
    assert_eq!(
        ann.mentions[ann.entities[moon].mentions[0]].span,
        find(TEXT, "Moon Jae-in", 0)
    );
}

/// Found by the `sidecar` fuzz target: a selection with a space before it
/// became a mention starting with the space, which brat export then trimmed.
#[test]
fn an_added_entity_leaves_the_spaces_around_its_selection_out() {
    let at = find(TEXT, " Pyongyang. ", 0);
    let ann = corrected(vec![Correction::AddEntity {
        span: Anchor::new(TEXT, at).unwrap(),
        kind: EntityKind::Place,
        name: "Pyongyang".into(),
    }]);
    let e = entity_named(&ann, "Pyongyang");
    assert_eq!(mention_texts(&ann, TEXT, e), ["Pyongyang.", "Pyongyang"]);

    let blank = find(TEXT, " ", 0);
    let (_, applied) = apply_report(
        &auto(),
        &[Correction::AddEntity {
            span: Anchor::new(TEXT, blank).unwrap(),
            kind: EntityKind::Place,
            name: String::new(),
        }],
        TEXT,
        &[],
    );
    assert_eq!(applied, [false], "a blank selection adds nothing");
}

#[test]
fn corrections_chain_and_survive_new_entity_ids() {
    let a = auto();
    let cs = vec![
        Correction::AddEntity {
            span: anchor("Moon Jae-in", 0),
            kind: EntityKind::Person,
            name: "Moon Jae-in".into(),
        },
        Correction::Merge {
            entity: EntityRef {
                mention: anchor("Moon", 1),
                name: "Moon".into(),
            },
            into: EntityRef {
                mention: anchor("Moon Jae-in", 1),
                name: "Moon Jae-in".into(),
            },
        },
        Correction::Rename {
            entity: entity(&a, "Kim"),
            name: "Kim Jong Un".into(),
        },
    ];
    let ann = corrected(cs.clone());
    let moon = entity_named(&ann, "Moon Jae-in");
    assert_eq!(
        mention_texts(&ann, TEXT, moon),
        ["Moon Jae-in", "Moon", "Moon Jae-in"]
    );
    // The annotator improves: a new entity appears first, shifting every id.
    let mut better = a.clone();
    let extra = Mention {
        span: find(TEXT, "met", 0),
        form: MentionForm::Name,
        entity: 5,
    };
    better.mentions.insert(1, extra);
    better.entities.push(Entity {
        kind: EntityKind::Organization,
        name: "met".into(),
        roles: Vec::new(),
        mentions: Vec::new(),
    });
    // Rebuild the entity lists (indices moved).
    for e in &mut better.entities {
        e.mentions.clear();
    }
    for (i, m) in better.mentions.iter().enumerate() {
        better.entities[m.entity].mentions.push(i);
    }
    let (ann, applied) = apply_report(&better, &cs, TEXT, &[]);
    assert_eq!(applied, [true, true, true]);
    check_invariants(&ann, TEXT).unwrap();
    assert!(names(&ann).contains(&"Kim Jong Un"));
    assert!(names(&ann).contains(&"met"));
}

#[test]
fn unresolvable_corrections_are_skipped_and_reported() {
    let a = auto();
    let mut gone = anchor("Kim", 0);
    gone.place = gloss::store::Place::Orphan { start: 1, end: 2 };
    let cs = vec![
        Correction::RemoveMention {
            mention: gone.clone(),
        },
        // Orphan mention, but the name still finds the entity.
        Correction::Rename {
            entity: EntityRef {
                mention: gone,
                name: "Kim".into(),
            },
            name: "Kim Jong Un".into(),
        },
        // A mention place with no mention there.
        Correction::Detach {
            mention: Anchor::new(TEXT, find(TEXT, "thanked", 0)).unwrap(),
        },
    ];
    let (ann, applied) = apply_report(&a, &cs, TEXT, &[]);
    assert_eq!(applied, [false, true, false]);
    check_invariants(&ann, TEXT).unwrap();
    assert!(names(&ann).contains(&"Kim Jong Un"));
}

#[test]
fn entity_refs_prefer_the_given_mention_then_a_name() {
    let a = auto();
    let kim = entity_named(&a, "Kim");
    let at = mention_at(&a, find(TEXT, "Kim", 2));
    let r = EntityRef::new(TEXT, &a, kim, Some(at)).unwrap();
    assert_eq!(r.mention.span(), Some(find(TEXT, "Kim", 2)));
    let r = EntityRef::new(TEXT, &a, kim, None).unwrap();
    assert_eq!(r.mention.span(), Some(find(TEXT, "Kim", 0)));
    assert!(EntityRef::new(TEXT, &a, 99, None).is_none());
}

/// One random correction over `ann`, built from numbers.
fn pick(
    ann: &Annotations,
    text: &str,
    op: u8,
    x: usize,
    y: usize,
    len: usize,
) -> Option<Correction> {
    let ne = ann.entities.len();
    let nm = ann.mentions.len();
    let ent = |i: usize| EntityRef::new(text, ann, i % ne.max(1), None);
    let men = |i: usize| Anchor::new(text, ann.mentions.get(i % nm.max(1))?.span);
    Some(match op % 7 {
        0 => Correction::Rename {
            entity: ent(x)?,
            name: format!("N{y}"),
        },
        1 => Correction::SetKind {
            entity: ent(x)?,
            kind: EntityKind::ALL[y % 3],
        },
        2 => Correction::Merge {
            entity: ent(x)?,
            into: ent(y)?,
        },
        3 => Correction::Detach { mention: men(x)? },
        4 => Correction::RemoveMention { mention: men(x)? },
        5 => Correction::RemoveEntity { entity: ent(x)? },
        _ => {
            let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            let s = starts.get(x % starts.len().max(1)).copied()?;
            let e = starts
                .get(x % starts.len() + 1 + len % 12)
                .copied()
                .unwrap_or(text.len());
            let span = Span::new(s, e);
            Correction::AddEntity {
                span: Anchor::new(text, span)?,
                kind: EntityKind::ALL[y % 3],
                name: span.slice(text).trim().to_owned(),
            }
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn corrections_keep_every_invariant(
        words in proptest::collection::vec("(Kim|Moon|Seoul|the|met|said|Él|and|\\.)", 5..60),
        ops in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<usize>(), any::<usize>()), 1..8),
    ) {
        let text = words.join(" ");
        let auto = annotate(&text);
        prop_assume!(check_invariants(&auto, &text).is_ok());
        let mut cs = Vec::new();
        let mut ann = auto.clone();
        for (op, x, y, len) in ops {
            // Each correction is made against the annotations as the
            // reader shows them: the previous corrections applied.
            if let Some(c) = pick(&ann, &text, op, x, y, len) {
                cs.push(c);
                ann = apply(&auto, &cs, &text);
                prop_assert!(check_invariants(&ann, &text).is_ok(), "{:?}", check_invariants(&ann, &text));
            }
        }
    }
}
