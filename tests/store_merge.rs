//! The three-way merge of sidecar states, case by case.

use gloss::model::{EntityKind, Span};
use gloss::store::merge::{CONFLICT_TAG, merge};
use gloss::store::{Anchor, Correction, Note, State, Target};

const TEXT: &str = "Kim met Moon in Panmunjom and they talked for an hour.";

fn note(id: &str, body: &str) -> Note {
    Note {
        id: id.into(),
        body: body.into(),
        tags: Vec::new(),
        created: "2026-01-01T00:00:00Z".into(),
        target: Target::span(TEXT, Span::new(0, 3)).unwrap(),
    }
}

fn state(notes: &[(&str, &str)], corrections: &[&str]) -> State {
    State {
        notes: notes
            .iter()
            .map(|(id, body)| note(id, body).into())
            .collect(),
        corrections: corrections.iter().map(|name| correction(name)).collect(),
    }
}

/// A distinct correction per name.
fn correction(name: &str) -> Correction {
    Correction::AddEntity {
        span: Anchor::new(TEXT, Span::new(15, 24)).unwrap(),
        kind: EntityKind::Place,
        name: name.into(),
    }
}

fn bodies(s: &State) -> Vec<(String, String)> {
    s.notes
        .iter()
        .map(|n| (n.id.clone(), n.body.clone()))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn one_sided_changes_are_taken() {
    let base = state(&[("n1", "a"), ("n2", "b"), ("n3", "c")], &[]);
    let ours = state(&[("n1", "a2"), ("n2", "b"), ("n4", "ours")], &[]);
    let theirs = state(&[("n1", "a"), ("n3", "c3"), ("n5", "theirs")], &[]);
    let (out, report) = merge(&base, &ours, &theirs);
    // n1 edited by us; n2 deleted by them; n3 deleted by us but edited by
    // them (the edit stays); n4 and n5 new on each side.
    assert_eq!(
        bodies(&out),
        pairs(&[("n1", "a2"), ("n3", "c3"), ("n4", "ours"), ("n5", "theirs")])
    );
    assert!(report.conflicts.is_empty());
}

#[test]
fn both_sides_editing_keeps_both() {
    let base = state(&[("n1", "a")], &[]);
    let ours = state(&[("n1", "ours")], &[]);
    let theirs = state(&[("n1", "theirs"), ("n2", "x")], &[]);
    let (out, report) = merge(&base, &ours, &theirs);
    assert_eq!(
        bodies(&out),
        pairs(&[("n1", "theirs"), ("n2", "x"), ("n3", "ours")])
    );
    assert_eq!(out.notes[2].tags, [CONFLICT_TAG]);
    assert_eq!(report.conflicts, [("n1".to_string(), "n3".to_string())]);
}

#[test]
fn the_same_new_id_on_both_sides_keeps_both_notes() {
    let base = State::default();
    let ours = state(&[("n1", "ours"), ("n2", "same")], &[]);
    let theirs = state(&[("n1", "theirs"), ("n2", "same")], &[]);
    let (out, report) = merge(&base, &ours, &theirs);
    assert_eq!(
        bodies(&out),
        pairs(&[("n1", "theirs"), ("n2", "same"), ("n3", "ours")])
    );
    assert!(out.notes[2].tags.is_empty());
    assert!(report.conflicts.is_empty());
}

#[test]
fn deleted_on_both_sides_stays_deleted() {
    let base = state(&[("n1", "a")], &[]);
    let (out, _) = merge(&base, &State::default(), &State::default());
    assert!(out.notes.is_empty());
}

#[test]
fn corrections_merge_as_ordered_sets() {
    let base = state(&[], &["A", "B", "C"]);
    let ours = state(&[], &["A", "C", "D", "E"]); // took back B, added D, E
    let theirs = state(&[], &["B", "C", "E", "F"]); // took back A, added E, F
    let (out, _) = merge(&base, &ours, &theirs);
    let want: Vec<Correction> = ["C", "E", "F", "D"].iter().map(|n| correction(n)).collect();
    assert_eq!(out.corrections, want);
}
