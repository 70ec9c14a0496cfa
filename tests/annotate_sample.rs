//! The bundled sample article: its actor list, links, roles and
//! descriptions.

use gloss::annotate::annotate;
use gloss::model::{Annotations, EntityKind, LinkRel, MentionForm};

const SAMPLE: &str = include_str!("../sample/trump-kim-letter.txt");

fn entity<'a>(ann: &'a Annotations, name: &str) -> (usize, &'a gloss::model::Entity) {
    let found: Vec<_> = ann
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.name == name)
        .collect();
    assert_eq!(found.len(), 1, "exactly one entity named {name}");
    found[0]
}

fn mention_texts(ann: &Annotations, id: usize, form: MentionForm) -> Vec<&'static str> {
    ann.entities[id]
        .mentions
        .iter()
        .map(|&m| &ann.mentions[m])
        .filter(|m| m.form == form)
        .map(|m| m.span.slice(SAMPLE))
        .collect()
}

#[test]
fn every_actor_is_listed_once_and_nothing_else() {
    let ann = annotate(SAMPLE);
    let expected = [
        ("Donald J. Trump", EntityKind::Person),
        ("Kim Jong Un", EntityKind::Person),
        ("Sarah Sanders", EntityKind::Person),
        ("Mike Pompeo", EntityKind::Person),
        ("White House", EntityKind::Organization),
        ("North Korean Foreign Ministry", EntityKind::Organization),
        ("United Nations General Assembly", EntityKind::Organization),
        ("North Korea", EntityKind::Place),
        ("United States", EntityKind::Place),
        ("Singapore", EntityKind::Place),
        ("Pyongyang", EntityKind::Place),
        ("New York", EntityKind::Place),
        ("Hawaii", EntityKind::Place),
    ];
    for (name, kind) in expected {
        assert_eq!(entity(&ann, name).1.kind, kind, "{name}");
    }
    let names: Vec<&str> = ann.entities.iter().map(|e| e.name.as_str()).collect();
    for not_actor in [
        "Thursday",
        "June",
        "July",
        "Wednesday",
        "Korean War",
        "Chairman",
        "President",
    ] {
        assert!(
            !names.contains(&not_actor),
            "{not_actor} is not an actor: {names:?}"
        );
    }
    // Besides the list: the demonym entity and the peninsula (a place).
    assert!(names.len() <= expected.len() + 2, "{names:?}");
}

#[test]
fn every_trump_and_kim_joins_the_full_name() {
    let ann = annotate(SAMPLE);
    let (trump, _) = entity(&ann, "Donald J. Trump");
    let (kim, _) = entity(&ann, "Kim Jong Un");
    let trump_names = mention_texts(&ann, trump, MentionForm::Name);
    let kim_names = mention_texts(&ann, kim, MentionForm::Name);
    assert_eq!(
        trump_names.iter().filter(|t| t.contains("Trump")).count(),
        SAMPLE.matches("Trump").count()
    );
    assert_eq!(
        kim_names.iter().filter(|t| t.contains("Kim")).count(),
        SAMPLE.matches("Kim").count()
    );
    assert!(trump_names.contains(&"President Trump"));
    assert!(kim_names.contains(&"Chairman Kim Jong Un"));
    let (us, _) = entity(&ann, "United States");
    assert!(mention_texts(&ann, us, MentionForm::Name).contains(&"U.S."));
}

#[test]
fn roles_come_from_titles_and_appositions() {
    let ann = annotate(SAMPLE);
    let roles = |name| entity(&ann, name).1.roles.clone();
    assert!(roles("Donald J. Trump").contains(&"U.S. President".to_owned()));
    assert!(roles("Kim Jong Un").contains(&"North Korean leader".to_owned()));
    assert!(roles("Sarah Sanders").contains(&"White House press secretary".to_owned()));
    assert!(roles("Mike Pompeo").contains(&"U.S. Secretary of State".to_owned()));
}

#[test]
fn descriptions_demonyms_and_capitals_are_linked() {
    let ann = annotate(SAMPLE);
    let (kim, _) = entity(&ann, "Kim Jong Un");
    assert!(mention_texts(&ann, kim, MentionForm::Role).contains(&"the North Korean leader"));
    let (nk, _) = entity(&ann, "North Korea");
    let (demonym, _) = entity(&ann, "North Korean");
    assert!(!mention_texts(&ann, demonym, MentionForm::Demonym).is_empty());
    let (pyongyang, _) = entity(&ann, "Pyongyang");
    let has = |from, rel| {
        ann.links
            .iter()
            .any(|l| l.from == from && l.to == nk && l.rel == rel)
    };
    assert!(has(demonym, LinkRel::DemonymOf));
    assert!(has(pyongyang, LinkRel::CapitalOf));
}

#[test]
fn a_name_inside_a_longer_name_is_a_mention_of_its_own_in_the_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["annotate", "--no-sidecar", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(
                "Students at the University of Texas Arlington marched. \
                            Texas officials watched."
                    .as_bytes(),
            )?;
            child.wait_with_output()
        })
        .expect("gloss runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let entities = json["entities"].as_array().expect("entities");
    let texas = entities
        .iter()
        .find(|e| e["name"] == "Texas")
        .expect("Texas is an entity");
    let starts: Vec<u64> = texas["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .map(|m| m["start"].as_u64().expect("start"))
        .collect();
    // "Texas" inside the university's name, then on its own, in order; the
    // first is marked as a name inside another.
    assert_eq!(starts, [30, 55]);
    assert_eq!(texas["mentions"][0]["nested"], true);
    assert_eq!(texas["mentions"][1].get("nested"), None);
    let university = entities
        .iter()
        .find(|e| e["name"] == "University of Texas Arlington")
        .expect("the university");
    assert_eq!(university["kind"], "organization");
}
