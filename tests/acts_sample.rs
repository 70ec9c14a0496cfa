//! Commitments and quotes on the reference article, sample/trump-kim-letter.txt.

use gloss::annotate::annotate;
use gloss::model::{Annotations, CommitmentKind, QuoteKind, Span};

const TEXT: &str = include_str!("../sample/trump-kim-letter.txt");

/// The name of an agent: its entity's name, else the words as written.
fn who(ann: &Annotations, entity: Option<usize>, name: &Option<String>) -> String {
    entity
        .and_then(|e| ann.entities.get(e))
        .map(|e| e.name.clone())
        .or_else(|| name.clone())
        .unwrap_or_default()
}

fn covers(span: Span, words: &str) -> bool {
    span.slice(TEXT).contains(words)
}

#[test]
fn north_korea_pledges_denuclearization() {
    let ann = annotate(TEXT);
    let c = ann
        .commitments
        .iter()
        .find(|c| {
            c.trigger.slice(TEXT) == "commitment"
                && covers(
                    c.content,
                    "toward the complete denuclearization of the Korean Peninsula",
                )
        })
        .expect("the denuclearization commitment");
    assert_eq!(c.kind, CommitmentKind::Pledge);
    assert_eq!(who(&ann, c.actor, &c.actor_name), "North Korea");
    assert!(c.content.slice(TEXT).starts_with("work "));
}

#[test]
fn trump_looks_forward_to_seeing_kim() {
    let ann = annotate(TEXT);
    let c = ann
        .commitments
        .iter()
        .find(|c| covers(c.content, "seeing you soon"))
        .expect("the look-forward intent");
    assert_eq!(c.kind, CommitmentKind::Intent);
    assert_eq!(c.trigger.slice(TEXT), "look forward to");
    assert!(who(&ann, c.actor, &c.actor_name).contains("Trump"));
}

#[test]
fn the_letter_aims_at_advancing_the_singapore_commitments() {
    let ann = annotate(TEXT);
    let c = ann
        .commitments
        .iter()
        .find(|c| covers(c.content, "advancing the commitments made"))
        .expect("the letter's aim");
    assert_eq!(c.kind, CommitmentKind::Intent);
    assert_eq!(c.trigger.slice(TEXT), "aimed at");
    // The letter is Kim's: "a new letter from North Korean leader Kim Jong Un".
    assert!(who(&ann, c.actor, &c.actor_name).contains("Kim"));
}

#[test]
fn trump_and_the_ministry_are_quoted() {
    let ann = annotate(TEXT);
    let direct = |words: &str| {
        ann.quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Direct && covers(q.span, words))
            .unwrap_or_else(|| panic!("a direct quote with {words:?}"))
    };
    let trump = direct("I look forward to seeing you soon");
    assert!(who(&ann, trump.speaker, &trump.speaker_name).contains("Trump"));
    assert_eq!(trump.cue.map(|c| c.slice(TEXT)), Some("added"));
    let ministry = direct("Chairman Kim Jong Un expressed his expectation");
    assert!(who(&ann, ministry.speaker, &ministry.speaker_name).contains("Foreign Ministry"));
    assert_eq!(ministry.cue.map(|c| c.slice(TEXT)), Some("noted"));
}

#[test]
fn sanders_confirms_indirectly() {
    let ann = annotate(TEXT);
    let q = ann
        .quotes
        .iter()
        .find(|q| q.cue.is_some_and(|c| c.slice(TEXT) == "confirmed"))
        .expect("Sanders' confirmation");
    assert_eq!(q.kind, QuoteKind::Indirect);
    assert!(q.span.slice(TEXT).starts_with("the letter was"));
    assert_eq!(who(&ann, q.speaker, &q.speaker_name), "Sarah Sanders");
}

#[test]
fn scare_quotes_are_not_quotes() {
    let ann = annotate(TEXT);
    for words in ["unilateral disarmament", "complete denuclearization"] {
        assert!(
            !ann.quotes
                .iter()
                .any(|q| q.kind == QuoteKind::Direct && q.span.slice(TEXT) == words),
            "{words} is not a quote"
        );
    }
}
