//! Notes: add, edit, delete, undo/redo, refs and JSON (in-memory store).

mod store_support;

use gloss::model::{
    Annotations, Commitment, CommitmentKind, Entity, EntityKind, Mention, MentionForm, Quote,
    QuoteKind, Span,
};
use gloss::store::{Change, ChangeError, Ref, Saved, Store, Target, TargetKind};
use store_support::find;

const TEXT: &str = "President Trump wrote to Kim. Trump said “we will meet”. Kim agreed to talks.";

/// Hand-made annotations over TEXT: Trump (2 mentions), Kim (2), a quote
/// and a commitment.
fn annotations() -> Annotations {
    let t1 = find(TEXT, "Trump", 0);
    let k1 = find(TEXT, "Kim", 0);
    let t2 = find(TEXT, "Trump", 1);
    let k2 = find(TEXT, "Kim", 1);
    let m = |span, entity| Mention {
        span,
        form: MentionForm::Name,
        entity,
    };
    Annotations {
        entities: vec![
            Entity {
                kind: EntityKind::Person,
                name: "Trump".into(),
                roles: vec!["President".into()],
                mentions: vec![0, 2],
            },
            Entity {
                kind: EntityKind::Person,
                name: "Kim".into(),
                roles: Vec::new(),
                mentions: vec![1, 3],
            },
        ],
        mentions: vec![m(t1, 0), m(k1, 1), m(t2, 0), m(k2, 1)],
        links: Vec::new(),
        commitments: vec![Commitment {
            kind: CommitmentKind::Pledge,
            actor: Some(1),
            actor_name: None,
            counterpart: None,
            trigger: find(TEXT, "agreed to", 0),
            content: find(TEXT, "talks", 0),
            sentence: find(TEXT, "Kim agreed to talks.", 0),
        }],
        quotes: vec![Quote {
            kind: QuoteKind::Direct,
            speaker: Some(0),
            speaker_name: None,
            cue: Some(find(TEXT, "said", 0)),
            span: find(TEXT, "we will meet", 0),
        }],
        nested: Vec::new(),
    }
}

#[test]
fn add_edit_delete_notes() {
    let mut store = Store::in_memory(TEXT);
    let target = Target::span(TEXT, find(TEXT, "wrote to", 0)).unwrap();
    let (id, saved) = store
        .add_note(target, "first\nsecond line", vec!["x".into()])
        .unwrap();
    assert_eq!(id, "n1");
    assert!(matches!(saved, Saved::Off));
    assert!(store.is_dirty());
    let (id2, _) = store
        .add_note(
            Target::span(TEXT, find(TEXT, "Kim", 1)).unwrap(),
            "b",
            vec![],
        )
        .unwrap();
    assert_eq!(id2, "n2");
    let n1 = store.note("n1").unwrap();
    assert_eq!(n1.body, "first\nsecond line");
    assert_eq!(n1.target.anchor.exact, "wrote to");
    assert_eq!(n1.created.len(), "2026-01-01T00:00:00Z".len());
    assert!(n1.created.ends_with('Z'));

    store.edit_note("n1", "changed", vec!["y".into()]).unwrap();
    assert_eq!(store.note("n1").unwrap().body, "changed");
    assert_eq!(store.note("n1").unwrap().tags, ["y"]);

    store.delete_note("n1").unwrap();
    assert!(store.note("n1").is_none());
    assert_eq!(store.notes().len(), 1);
    assert_eq!(
        store.delete_note("n1").unwrap_err(),
        ChangeError::NoSuchNote("n1".into())
    );
    assert!(store.edit_note("n9", "x", vec![]).is_err());
    // A new note never reuses a live id.
    let (id3, _) = store
        .add_note(
            Target::span(TEXT, find(TEXT, "Trump", 0)).unwrap(),
            "c",
            vec![],
        )
        .unwrap();
    assert_eq!(id3, "n3");
}

#[test]
fn undo_and_redo_walk_the_history() {
    let mut store = Store::in_memory(TEXT);
    assert_eq!(store.undo().unwrap_err(), ChangeError::NothingToUndo);
    let target = Target::span(TEXT, find(TEXT, "Kim", 0)).unwrap();
    store.add_note(target, "one", vec![]).unwrap();
    store.edit_note("n1", "two", vec![]).unwrap();
    store.delete_note("n1").unwrap();
    assert!(store.notes().is_empty());

    assert_eq!(store.undo().unwrap().0, "delete note n1");
    assert_eq!(store.note("n1").unwrap().body, "two");
    assert_eq!(store.undo().unwrap().0, "edit note n1");
    assert_eq!(store.note("n1").unwrap().body, "one");
    let (undone, _) = store.undo().unwrap(); // add
    assert_eq!(undone, "add note n1");
    assert!(store.notes().is_empty());
    assert!(!store.can_undo());

    assert_eq!(store.redo().unwrap().0, "add note n1");
    assert_eq!(store.note("n1").unwrap().body, "one");
    store.redo().unwrap();
    assert_eq!(store.note("n1").unwrap().body, "two");
    assert!(store.can_redo());
    // A new change drops what could be redone.
    store.edit_note("n1", "three", vec![]).unwrap();
    assert!(!store.can_redo());
    assert_eq!(store.redo().unwrap_err(), ChangeError::NothingToRedo);
    store.undo().unwrap();
    assert_eq!(store.note("n1").unwrap().body, "two");
}

#[test]
fn undo_covers_corrections_too() {
    let ann = annotations();
    let mut store = Store::in_memory(TEXT);
    let kim = gloss::store::EntityRef::new(TEXT, &ann, 1, None).unwrap();
    let c = gloss::store::Correction::Rename {
        entity: kim,
        name: "Kim Jong Un".into(),
    };
    assert_eq!(c.describe(), "rename “Kim” to “Kim Jong Un”");
    store.correct(c.clone()).unwrap();
    assert_eq!(store.annotations(&ann).entities[1].name, "Kim Jong Un");
    assert_eq!(store.annotations_report(&ann).1, [true]);
    assert_eq!(
        store.apply(Change::AddCorrection(c)).unwrap_err(),
        ChangeError::DuplicateCorrection
    );
    let (undone, _) = store.undo().unwrap();
    assert_eq!(undone, "rename “Kim” to “Kim Jong Un”");
    assert_eq!(store.annotations(&ann).entities[1].name, "Kim");
    store.redo().unwrap();
    assert_eq!(store.annotations(&ann).entities[1].name, "Kim Jong Un");
}

#[test]
fn placed_notes_come_in_text_order() {
    let mut store = Store::in_memory(TEXT);
    for needle in ["Kim agreed", "wrote", "said"] {
        let t = Target::span(TEXT, find(TEXT, needle, 0)).unwrap();
        store.add_note(t, needle, vec![]).unwrap();
    }
    let order: Vec<&str> = store
        .placed_notes()
        .iter()
        .map(|(_, n)| n.body.as_str())
        .collect();
    assert_eq!(order, ["wrote", "said", "Kim agreed"]);
}

#[test]
fn targets_resolve_to_their_items() {
    let ann = annotations();
    let mut store = Store::in_memory(TEXT);
    let targets = [
        Target::span(TEXT, find(TEXT, "wrote", 0)).unwrap(),
        Target::mention(TEXT, &ann, 3).unwrap(),
        Target::entity(TEXT, &ann, 0, Some(2)).unwrap(),
        Target::commitment(TEXT, &ann, 0).unwrap(),
        Target::quote(TEXT, &ann, 0).unwrap(),
    ];
    assert_eq!(targets[2].anchor.span(), Some(find(TEXT, "Trump", 1)));
    assert_eq!(targets[3].anchor.exact, "agreed to talks");
    for t in targets {
        store.add_note(t, "b", vec![]).unwrap();
    }
    assert_eq!(
        store.note_refs(&ann),
        [
            None,
            Some(Ref::Entity(1)),
            Some(Ref::Entity(0)),
            Some(Ref::Commitment(0)),
            Some(Ref::Quote(0)),
        ]
    );
    assert!(Target::mention(TEXT, &ann, 99).is_none());
    assert!(Target::span(TEXT, Span::new(5, 5)).is_none());
}

#[test]
fn entity_notes_show_at_every_mention() {
    let ann = annotations();
    let mut store = Store::in_memory(TEXT);
    let on_trump = Target::entity(TEXT, &ann, 0, None).unwrap();
    store.add_note(on_trump, "entity", vec![]).unwrap();
    let on_second = Target::mention(TEXT, &ann, 2).unwrap();
    store.add_note(on_second, "mention", vec![]).unwrap();
    let bodies = |m: usize| -> Vec<String> {
        store
            .notes_at_mention(&ann, m)
            .iter()
            .map(|n| n.body.clone())
            .collect()
    };
    assert_eq!(bodies(0), ["entity"]);
    assert_eq!(bodies(2), ["entity", "mention"]);
    assert!(bodies(1).is_empty());
    assert!(bodies(99).is_empty());
}

#[test]
fn notes_json_matches_the_design() {
    let text = "Der Präsident Trump schrieb an Kim.";
    let mut store = Store::in_memory(text);
    let span = find(text, "Trump", 0);
    let ann = Annotations {
        entities: vec![Entity {
            kind: EntityKind::Person,
            name: "Trump".into(),
            roles: Vec::new(),
            mentions: vec![0],
        }],
        mentions: vec![Mention {
            span,
            form: MentionForm::Name,
            entity: 0,
        }],
        ..Annotations::default()
    };
    let target = Target::entity(text, &ann, 0, None).unwrap();
    assert_eq!(target.kind, TargetKind::Entity);
    store
        .add_note(target, "who?", vec!["follow-up".into()])
        .unwrap();
    let json = serde_json::to_value(store.notes_json(&ann)).unwrap();
    let note = &json[0];
    assert_eq!(note["id"], "n1");
    assert_eq!(note["body"], "who?");
    assert_eq!(note["tags"][0], "follow-up");
    assert_eq!(note["orphan"], false);
    let t = &note["target"];
    assert_eq!(t["type"], "entity");
    assert_eq!(t["ref"], "e1");
    // Code points: "Der Präsident " is 14 code points (15 bytes).
    assert_eq!(t["start"], 14);
    assert_eq!(t["end"], 19);
    assert_eq!(t["exact"], "Trump");
    assert_eq!(t["prefix"], "Der Präsident ");
    assert_eq!(t["suffix"], " schrieb an Kim.");
    assert!(note["created"].as_str().unwrap().ends_with('Z'));
}
