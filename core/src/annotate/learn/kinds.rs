//! Kinds learned from data: a logistic regression over hashed features of
//! each named entity (see [`features`]) that overrides the rules' kind when
//! it is confident, and drops a name that is no actor (a work, a law, an
//! event) when it is confident of that.
//!
//! The model is trained by `cargo run --release -p gloss-train` from the
//! GUM documents in `../shared/data/` and embedded in the binary (see
//! `core/src/annotate/models/README.md`). For measuring, the environment
//! variable `GLOSS_KINDS_MODEL` names another model file to use instead, or
//! is `off` for the rules alone.

use std::sync::LazyLock;

use super::features;
use super::model::{KINDS, Label, Model, ModelError, argmax, chosen};
use crate::annotate::descriptions::organization_noun;
use crate::annotate::kinds::acting_words;
use crate::model::{Annotations, EntityId, EntityKind, MentionForm};

/// The embedded model's file.
static EMBEDDED: &[u8] = include_bytes!("../models/kinds.bin");

/// The model the annotator uses, if any.
static ACTIVE: LazyLock<Option<Model>> =
    LazyLock::new(|| chosen("GLOSS_KINDS_MODEL", EMBEDDED, KINDS, "kind"));

/// The kind model the annotator uses, if any.
pub fn active() -> Option<&'static Model> {
    ACTIVE.as_ref()
}

/// The embedded model (tested to load, so that a broken file fails the
/// build's tests, never a reader's run).
pub fn embedded() -> Result<Model, ModelError> {
    Model::from_static(EMBEDDED, KINDS)
}

/// Decides the kinds of the named entities of `ann` with `model`: the
/// model's kind replaces the rules' when its probability reaches the
/// model's override threshold (never a person for an organization the
/// text describes as one, "the firm" (see [`described_as_a_body`]), nor
/// for a guessed lone word that shows a body, see [`shows_a_body`]), a lone word whose kind the rules only
/// guessed (no word list knows it, see [`features::rules_guessed`]: an
/// organization by default) becomes a place whenever the model finds
/// "place" most likely, or the most likely of the three actor kinds, and
/// none of its mentions acts as a subject ("moved to Basel", "drains into
/// the Lune"; not "Castra would close its mines": a country acting is a
/// body), a
/// name the rules took for a person only by its shape becomes an
/// organization when the pronouns after its mentions take it up as a
/// thing (see [`neuter_by_pronouns`]), and an entity the model takes for
/// no actor is removed when that reaches the drop threshold.
pub fn decide(text: &str, ann: &mut Annotations, model: &Model) {
    let verdicts: Vec<Option<(Vec<u32>, [f32; Label::COUNT])>> = (0..ann.entities.len())
        .map(|e| {
            let f = features::of_entity(text, ann, e);
            (!f.is_empty()).then(|| {
                let p = model.probabilities(&f);
                (f, p)
            })
        })
        .collect();
    let mut dropped = vec![false; ann.entities.len()];
    for (e, verdict) in verdicts.into_iter().enumerate() {
        let Some((f, probabilities)) = verdict else {
            continue;
        };
        let best = argmax(&probabilities);
        // The most likely of the actor kinds (all labels but the last,
        // "no actor").
        let actor = argmax(&probabilities[..Label::COUNT - 1]);
        let label = Label::ALL[best];
        let p = (probabilities[best] * 1000.0) as u16;
        let entity = &ann.entities[e];
        // A guessed lone word that shows a body of people stays one.
        let body = guessed_lone_word(&entity.name) && shows_a_body(text, ann, e);
        let is_body = entity.kind == EntityKind::Organization;
        let described_as_body = is_body && described_as_a_body(text, ann, e);
        let leans_place = (label == Label::Place || Label::ALL[actor] == Label::Place)
            && !body
            && !features::acts(text, ann, e, features::first_acts);
        let entity = &mut ann.entities[e];
        match features::kind_of(label) {
            Some(EntityKind::Place) if body && entity.kind == EntityKind::Organization => {}
            // A firm named like a person ("Halvard Brask") that the text
            // calls "the firm", or a guessed lone word acting as a body
            // ("Quell would not drop its claim"), stays one.
            Some(EntityKind::Person) if described_as_body || (body && is_body) => {}
            Some(kind) if p >= model.override_at => entity.kind = kind,
            None if p >= model.drop_at => dropped[e] = true,
            _ if entity.kind != EntityKind::Person
                && guessed_lone_word(&entity.name)
                && leans_place =>
            {
                entity.kind = EntityKind::Place;
            }
            _ if entity.kind == EntityKind::Person
                && features::rules_guessed(&entity.name)
                && neuter_by_pronouns(&f) =>
            {
                entity.kind = EntityKind::Organization;
            }
            _ => {}
        }
    }
    if dropped.contains(&true) {
        remove(ann, &dropped);
    }
}

/// True when the features of an entity (see [`features::of_entity`]) say
/// that the pronouns after its mentions take it up as a thing, never as a
/// person: "it" or "which" after two of its mentions, or ", which" after
/// one ("Brightwell Appliances, which makes kettles, said it …"). A
/// person is "he" or "she"; a firm, a body or a work is "it".
fn neuter_by_pronouns(f: &[u32]) -> bool {
    let has = |h: u32| f.binary_search(&h).is_ok();
    let vote = features::Name::new("pronvote");
    has(vote.hash("neuter+")) || (has(vote.hash("neuter")) && has(features::hash("rel", "which")))
}

/// True when entity `e` of `ann` (of `text`) shows a body of people, not
/// a place: one of its mentions is the subject of a body's act (see
/// [`features::acts`] and [`acting_words`]: "Castra would ratify", "Castra
/// has asked"), or a description of an organization is linked to it ("the
/// company", "the group"). A place is where things happen; a firm or a
/// state acting as a party is who does them.
fn shows_a_body(text: &str, ann: &Annotations, e: usize) -> bool {
    features::acts(text, ann, e, acting_words) || described_as_a_body(text, ann, e)
}

/// True when a description of an organization is linked to entity `e` of
/// `ann` ("the company", "the firm", "the broker"), as no person is
/// described.
fn described_as_a_body(text: &str, ann: &Annotations, e: usize) -> bool {
    ann.entities[e]
        .mentions
        .iter()
        .map(|&m| &ann.mentions[m])
        .filter(|m| m.form == MentionForm::Role)
        .filter_map(|m| m.span.slice(text).split_whitespace().last())
        .any(|noun| organization_noun(&noun.to_lowercase()).is_some())
}

/// True for a name of one word no word list knows: the rules took it for
/// an organization by default, or read its context.
fn guessed_lone_word(name: &str) -> bool {
    !name.contains(char::is_whitespace) && features::rules_guessed(name)
}

/// Removes the entities marked in `dropped`, with their mentions and links;
/// acts whose agent was one of them lose it.
fn remove(ann: &mut Annotations, dropped: &[bool]) {
    let mut next = 0;
    let new_id: Vec<Option<EntityId>> = dropped
        .iter()
        .map(|&d| {
            (!d).then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    let map = |id: Option<EntityId>| id.and_then(|i| new_id[i]);
    let mut kept = 0;
    let new_mention: Vec<Option<usize>> = ann
        .mentions
        .iter()
        .map(|m| {
            new_id[m.entity].map(|_| {
                kept += 1;
                kept - 1
            })
        })
        .collect();
    ann.mentions
        .retain_mut(|m| new_id[m.entity].map(|id| m.entity = id).is_some());
    let mut e = 0;
    ann.entities.retain(|_| {
        e += 1;
        !dropped[e - 1]
    });
    for entity in &mut ann.entities {
        entity.mentions = entity
            .mentions
            .iter()
            .filter_map(|&m| new_mention[m])
            .collect();
    }
    ann.links
        .retain_mut(|l| match (new_id[l.from], new_id[l.to]) {
            (Some(from), Some(to)) => {
                (l.from, l.to) = (from, to);
                true
            }
            _ => false,
        });
    for c in &mut ann.commitments {
        c.actor = map(c.actor);
        c.counterpart = map(c.counterpart);
    }
    for q in &mut ann.quotes {
        q.speaker = map(q.speaker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Link, LinkRel, Mention, MentionForm, Span};

    /// Annotations of `text` with one entity of `kind` for each of `names`,
    /// each with one mention: its first occurrence.
    fn one_mention_each(text: &str, names: &[&str], kind: EntityKind) -> Annotations {
        let mut ann = Annotations::default();
        for (i, n) in names.iter().enumerate() {
            let start = text.find(n).expect("in the text");
            ann.mentions.push(Mention {
                span: Span::new(start, start + n.len()),
                form: MentionForm::Name,
                entity: i,
            });
            ann.entities.push(Entity {
                kind,
                name: (*n).to_owned(),
                roles: Vec::new(),
                mentions: vec![i],
            });
        }
        ann
    }

    /// Links the description `phrase` of `text` (its first occurrence) to
    /// entity `e` as a role mention.
    fn link_description(text: &str, ann: &mut Annotations, phrase: &str, e: usize) {
        let start = text.find(phrase).expect("in the text");
        ann.entities[e].mentions.push(ann.mentions.len());
        ann.mentions.push(Mention {
            span: Span::new(start, start + phrase.len()),
            form: MentionForm::Role,
            entity: e,
        });
    }

    /// A model weight row: `weight` for `label` on the feature `key` of
    /// `arg` ("first" word of a name), nothing for the other labels.
    fn row(key: &str, arg: &str, label: Label, weight: f64) -> (u32, [f64; Label::COUNT]) {
        let mut w = [0.0; Label::COUNT];
        w[label.index()] = weight;
        (features::hash(key, arg), w)
    }

    #[test]
    fn the_embedded_model_loads() {
        let model = embedded().expect("the embedded kind model loads");
        assert!(model.override_at > 0);
    }

    #[test]
    fn an_unlisted_lone_word_becomes_a_place_when_the_model_leans_so() {
        let text = "Zorvath left Mirelbo and France.";
        let mut ann = one_mention_each(
            text,
            &["Zorvath", "Mirelbo", "France"],
            EntityKind::Organization,
        );
        // A weak lean: far below the override threshold.
        let lean = |name: &str, label: Label| row("first", name, label, 0.5);
        let weights = vec![
            lean("zorvath", Label::Person),
            lean("mirelbo", Label::Place),
            lean("france", Label::Place),
        ];
        decide(text, &mut ann, &Model::new(weights, 900, 1001));
        let kinds: Vec<_> = ann.entities.iter().map(|e| e.kind).collect();
        // Only a guessed word turns, and only to a place; "France" is
        // listed, so the rules' kind stands.
        assert_eq!(
            kinds,
            [
                EntityKind::Organization,
                EntityKind::Place,
                EntityKind::Organization
            ]
        );
        assert!(!guessed_lone_word("Mirelbo Town"));
    }

    #[test]
    fn a_confident_model_overrides_kinds_and_drops_non_actors() {
        let text = "Anna Sydney met the Clean Air Act and Acme.";
        let mut ann = one_mention_each(
            text,
            &["Anna Sydney", "Clean Air Act", "Acme"],
            EntityKind::Place,
        );
        ann.links.push(Link {
            from: 2,
            to: 0,
            rel: LinkRel::PartOf,
        });
        let w = |name: &str, label: Label| row("first", name, label, 5.0);
        let weights = vec![
            w("anna", Label::Person),
            w("clean", Label::NotActor),
            w("acme", Label::Organization),
        ];
        decide(text, &mut ann, &Model::new(weights, 800, 800));
        let kinds: Vec<_> = ann
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Anna Sydney", EntityKind::Person),
                ("Acme", EntityKind::Organization)
            ]
        );
        assert_eq!(ann.mentions.len(), 2);
        assert_eq!(ann.mentions[1].entity, 1);
        assert_eq!(ann.entities[1].mentions, [1]);
        assert_eq!((ann.links[0].from, ann.links[0].to), (1, 0));
    }

    #[test]
    fn a_shaped_person_taken_up_as_it_is_an_organization() {
        let text = "Quorrel Fittings, which makes taps, said it would pay. \
                    Brandt Lowe said he agreed. Quorrel Fittings grew. It hired.";
        let mut ann = Annotations::default();
        for (i, n) in ["Quorrel Fittings", "Brandt Lowe"].iter().enumerate() {
            let spans: Vec<usize> = text.match_indices(n).map(|(s, _)| s).collect();
            for &start in &spans {
                ann.mentions.push(Mention {
                    span: Span::new(start, start + n.len()),
                    form: MentionForm::Name,
                    entity: i,
                });
            }
            let first = ann.mentions.len() - spans.len();
            ann.entities.push(Entity {
                kind: EntityKind::Person,
                name: (*n).to_owned(),
                roles: Vec::new(),
                mentions: (first..ann.mentions.len()).collect(),
            });
        }
        // A model that knows nothing and never overrides.
        decide(text, &mut ann, &Model::new(Vec::new(), 1001, 1001));
        let kinds: Vec<_> = ann.entities.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EntityKind::Organization, EntityKind::Person]);
    }

    #[test]
    fn a_confident_person_never_replaces_a_body_described_or_acting_as_one() {
        let text = "Tarrow Quist cut jobs. The firm said so. Tarrow Quist hired.";
        let mut ann = one_mention_each(text, &["Tarrow Quist"], EntityKind::Organization);
        link_description(text, &mut ann, "The firm", 0);
        let weights = vec![row("first", "tarrow", Label::Person, 5.0)];
        decide(text, &mut ann, &Model::new(weights, 800, 1001));
        assert_eq!(ann.entities[0].kind, EntityKind::Organization);
        // A guessed lone word acting as a body stays one too.
        let text = "Vardel would not drop its claim.";
        let mut ann = one_mention_each(text, &["Vardel"], EntityKind::Organization);
        let weights = vec![row("first", "vardel", Label::Person, 5.0)];
        decide(text, &mut ann, &Model::new(weights, 800, 1001));
        assert_eq!(ann.entities[0].kind, EntityKind::Organization);
    }

    #[test]
    fn a_confident_place_never_replaces_a_guessed_body() {
        let text = "Zorvath would ratify it. Mirelbo grew. Quellin hired. The company grew.";
        let mut ann = one_mention_each(
            text,
            &["Zorvath", "Mirelbo", "Quellin"],
            EntityKind::Organization,
        );
        link_description(text, &mut ann, "The company", 2);
        let sure = |name: &str| row("first", name, Label::Place, 5.0);
        let weights = vec![sure("zorvath"), sure("mirelbo"), sure("quellin")];
        decide(text, &mut ann, &Model::new(weights, 800, 1001));
        let kinds: Vec<_> = ann.entities.iter().map(|e| e.kind).collect();
        // A state acting and a firm described as a company stay bodies.
        assert_eq!(
            kinds,
            [
                EntityKind::Organization,
                EntityKind::Place,
                EntityKind::Organization
            ]
        );
    }

    #[test]
    fn a_lone_word_that_acts_stays_an_organization() {
        let text = "Water drains into Mirelbo. Zorvath would close its mines.";
        let mut ann = one_mention_each(text, &["Mirelbo", "Zorvath"], EntityKind::Organization);
        // "No actor" most likely, then "place": below every threshold.
        let weights = vec![
            row("first", "mirelbo", Label::NotActor, 0.6),
            row("first", "zorvath", Label::NotActor, 0.6),
            row("bias", "", Label::Place, 0.3),
        ];
        decide(text, &mut ann, &Model::new(weights, 900, 1001));
        let kinds: Vec<_> = ann.entities.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [EntityKind::Place, EntityKind::Organization]);
    }
}
