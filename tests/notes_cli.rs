//! Notes and corrections made in the reader, driven through the binary with
//! `gloss render --keys` on a copy of the sample article in a temporary
//! folder, and checked with `gloss annotate` (which reads the sidecar the
//! reader wrote). Expectations are taken from the annotator's own JSON, so
//! they follow the annotator as it improves.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const SAMPLE: &str = "sample/trump-kim-letter.txt";

/// A temporary folder holding `a.txt`, a copy of the sample.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
        std::fs::copy(sample, dir.path().join("a.txt")).unwrap();
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn sidecar(&self) -> PathBuf {
        self.path("a.txt.gloss.toml")
    }

    fn gloss(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .env_remove("NO_COLOR")
            .env("GLOSS_DATA_DIR", self.path("data"))
            .current_dir(self.dir.path())
            .output()
            .expect("gloss runs")
    }

    /// Replays `keys` (with `extra` options) and returns the reader's state.
    fn keys_with(&self, keys: &str, extra: &[&str]) -> Value {
        let mut args = vec![
            "render", "a.txt", "--size", "120x40", "--keys", keys, "--state",
        ];
        args.extend(extra);
        let out = self.gloss(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("state is JSON")
    }

    fn keys(&self, keys: &str) -> Value {
        self.keys_with(keys, &[])
    }

    fn annotate(&self) -> Value {
        let out = self.gloss(&["annotate", "a.txt"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// Every mention the reader shows, in text order: (start, end, entity id, text).
fn mentions(ann: &Value) -> Vec<(u64, u64, String, String)> {
    let mut out = Vec::new();
    for e in ann["entities"].as_array().unwrap() {
        // The reader walks the outer names, not the names inside them.
        for m in e["mentions"].as_array().unwrap() {
            if m["nested"] == true {
                continue;
            }
            out.push((
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
                e["id"].as_str().unwrap().to_owned(),
                m["text"].as_str().unwrap().to_owned(),
            ));
        }
    }
    out.sort();
    out
}

/// The keys that put the cursor on mention `i` (0-based, in text order).
fn to_mention(i: usize) -> String {
    "]e".repeat(i + 1)
}

fn entity<'a>(ann: &'a Value, id: &str) -> &'a Value {
    ann["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap()
}

/// The entity with a mention at `start`.
fn entity_at(ann: &Value, start: u64) -> Option<Value> {
    mentions(ann)
        .into_iter()
        .find(|m| m.0 == start)
        .map(|m| entity(ann, &m.2).clone())
}

#[test]
fn a_selection_note_is_saved_in_the_sidecar() {
    let f = Folder::new();
    let state = f.keys("/received<CR>veaCheck the date<CR>second line<Tab>follow-up, date<C-s>");
    assert_eq!(state["popup"], Value::Null);
    assert!(
        state["message"]
            .as_str()
            .unwrap()
            .starts_with("added note n1 · notes: a.txt.gloss.toml"),
        "{state}"
    );
    assert!(f.sidecar().exists());
    let notes = f.annotate()["notes"].clone();
    assert_eq!(notes.as_array().unwrap().len(), 1);
    let n = &notes[0];
    assert_eq!(n["target"]["exact"], "received a");
    assert_eq!(n["target"]["type"], "span");
    assert_eq!(n["body"], "Check the date\nsecond line");
    assert_eq!(n["tags"], serde_json::json!(["follow-up", "date"]));
}

#[test]
fn a_line_motion_extends_the_selection_over_the_next_line() {
    let f = Folder::new();
    let state = f.keys("/received<CR>vjj");
    let text = state["visual"]["text"].as_str().unwrap();
    assert!(text.starts_with("received"), "{text}");
    assert!(text.chars().count() > 100, "{text}");
    let back = f.keys("/received<CR>vb");
    assert_eq!(back["visual"]["text"], "had received");
}

#[test]
fn a_note_on_an_actor_refers_to_its_entity() {
    let f = Folder::new();
    let ann = f.annotate();
    let first = mentions(&ann)[0].clone();
    f.keys(&format!("{}aaThe first actor<C-s>", to_mention(0)));
    let notes = f.annotate()["notes"].clone();
    let n = &notes[0];
    assert_eq!(n["target"]["type"], "entity");
    assert_eq!(n["target"]["ref"], first.2.as_str());
    assert_eq!(n["target"]["exact"], first.3.as_str());
}

#[test]
fn notes_are_edited_and_deleted_from_the_notes_tab() {
    let f = Folder::new();
    f.keys("/received<CR>vafirst<C-s>");
    f.keys("4<Tab><CR> more<C-s>");
    assert_eq!(f.annotate()["notes"][0]["body"], "first more");
    let kept = f.keys("4<Tab>dn");
    assert_eq!(kept["notes"], 1);
    let gone = f.keys("4<Tab>dy");
    assert_eq!(gone["notes"], 0);
    assert!(
        gone["message"]
            .as_str()
            .unwrap()
            .starts_with("deleted note n1")
    );
    assert_eq!(f.annotate()["notes"].as_array().unwrap().len(), 0);
}

#[test]
fn next_and_previous_note_walk_the_notes_in_text_order() {
    let f = Folder::new();
    f.keys("/Pompeo<CR>vasecond<C-s>");
    f.keys("/received<CR>vafirst<C-s>");
    let first = f.keys("]n");
    assert_eq!(first["cursor"]["text"], "received");
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .starts_with("note 1/2 · n2")
    );
    let second = f.keys("]n]n");
    assert_eq!(second["cursor"]["text"], "Pompeo");
    assert!(
        second["message"]
            .as_str()
            .unwrap()
            .starts_with("note 2/2 · n1")
    );
    let wrapped = f.keys("]n]n]n");
    assert!(wrapped["message"].as_str().unwrap().starts_with("note 1/2"));
    assert!(wrapped["message"].as_str().unwrap().ends_with("wrapped"));
    let back = f.keys("[n");
    assert!(back["message"].as_str().unwrap().starts_with("note 2/2"));
}

#[test]
fn undo_and_redo_reach_the_sidecar() {
    let f = Folder::new();
    let undone = f.keys("/received<CR>vanote<C-s>u");
    assert_eq!(undone["message"], "undid: add note n1");
    assert_eq!(f.annotate()["notes"].as_array().unwrap().len(), 0);
    f.keys("/received<CR>vanote<C-s>u<C-r>");
    assert_eq!(f.annotate()["notes"].as_array().unwrap().len(), 1);

    let ann = f.annotate();
    let m = mentions(&ann)[0].clone();
    let renamed = f.keys(&format!("{}Cr<C-u>Someone Else<CR>u", to_mention(0)));
    assert!(
        renamed["message"]
            .as_str()
            .unwrap()
            .starts_with("undid: rename")
    );
    assert_eq!(
        entity_at(&f.annotate(), m.0).unwrap()["name"],
        ann_name(&ann, m.0)
    );
    f.keys(&format!("{}Cr<C-u>Someone Else<CR>u<C-r>", to_mention(0)));
    assert_eq!(
        entity_at(&f.annotate(), m.0).unwrap()["name"],
        "Someone Else"
    );
}

fn ann_name(ann: &Value, start: u64) -> Value {
    entity_at(ann, start).unwrap()["name"].clone()
}

/// The first mention (index in text order) of an entity with several mentions.
fn shared_mention(ann: &Value) -> usize {
    let ms = mentions(ann);
    ms.iter()
        .position(|m| ms.iter().filter(|o| o.2 == m.2).count() > 1)
        .expect("an actor with two mentions")
}

#[test]
fn rename_and_kind_corrections_reach_annotate() {
    let f = Folder::new();
    let ann = f.annotate();
    let ms = mentions(&ann);
    let i = shared_mention(&ann);
    let id = ms[i].2.clone();
    let n = entity(&ann, &id)["mentions"].as_array().unwrap().len();
    let kind = entity(&ann, &id)["kind"].as_str().unwrap().to_owned();
    let (key, new_kind) = if kind == "place" {
        ('p', "person")
    } else {
        ('l', "place")
    };
    f.keys(&format!("{}Cr<C-u>Renamed Actor<CR>", to_mention(i)));
    f.keys(&format!("{}Ck{key}", to_mention(i)));
    let after = f.annotate();
    let e = entity_at(&after, ms[i].0).unwrap();
    assert_eq!(e["name"], "Renamed Actor");
    assert_eq!(e["kind"], new_kind);
    assert_eq!(e["mentions"].as_array().unwrap().len(), n);
}

#[test]
fn merge_picks_the_target_from_a_filtered_list() {
    let f = Folder::new();
    let ann = f.annotate();
    let ms = mentions(&ann);
    // Into the most mentioned actor (first in the picker), from the first other one.
    let ents = ann["entities"].as_array().unwrap();
    let into = ents
        .iter()
        .max_by_key(|e| e["mentions"].as_array().unwrap().len())
        .unwrap();
    let i = ms.iter().position(|m| m.2 != into["id"]).unwrap();
    let into_name = into["name"].as_str().unwrap();
    let into_start = into["mentions"][0]["start"].as_u64().unwrap();
    f.keys(&format!("{}Cm{into_name}<CR>", to_mention(i)));
    let after = f.annotate();
    let a = entity_at(&after, ms[i].0).unwrap();
    let b = entity_at(&after, into_start).unwrap();
    assert_eq!(a["id"], b["id"]);
    assert_eq!(b["name"], into_name);
    assert_eq!(after["entities"].as_array().unwrap().len(), ents.len() - 1);
}

#[test]
fn detach_and_remove_corrections_reach_annotate() {
    let f = Folder::new();
    let ann = f.annotate();
    let ms = mentions(&ann);
    let i = shared_mention(&ann);
    let id = &ms[i].2;
    let second = ms.iter().rposition(|m| &m.2 == id).unwrap();
    f.keys(&format!("{}Cd", to_mention(second)));
    let after = f.annotate();
    assert_ne!(
        entity_at(&after, ms[second].0).unwrap()["id"],
        entity_at(&after, ms[i].0).unwrap()["id"]
    );

    let f = Folder::new();
    f.keys(&format!("{}Cx", to_mention(second)));
    assert!(entity_at(&f.annotate(), ms[second].0).is_none());
    assert!(entity_at(&f.annotate(), ms[i].0).is_some());

    let f = Folder::new();
    let state = f.keys(&format!("{}CX", to_mention(i)));
    assert_eq!(state["popup"], "confirm", "X asks first: {state}");
    assert!(f.annotate()["entities"] == ann["entities"]);
    f.keys(&format!("{}CXy", to_mention(i)));
    let after = f.annotate();
    assert!(entity_at(&after, ms[i].0).is_none());
    assert!(entity_at(&after, ms[second].0).is_none());
}

#[test]
fn c_corrects_the_actor_under_the_cursor_not_the_selected_one() {
    let f = Folder::new();
    let ann = f.annotate();
    let ms = mentions(&ann);
    // Trump selected, then the cursor on a search match on "Hawaii".
    let trump = ms.iter().find(|m| m.3 == "Trump").unwrap().2.clone();
    let hawaii = ms.iter().find(|m| m.3 == "Hawaii").unwrap();
    let state = f.keys("/Trump<CR><CR>/Hawaii<CR>CXy");
    assert_eq!(state["selected"]["id"], trump.as_str(), "{state}");
    assert!(
        state["message"]
            .as_str()
            .unwrap()
            .starts_with("remove the actor “Hawaii”"),
        "{state}"
    );
    let after = f.annotate();
    assert!(entity_at(&after, hawaii.0).is_none());
    assert_eq!(
        entity(&after, &trump)["mentions"],
        entity(&ann, &trump)["mentions"]
    );
}

#[test]
fn an_entity_added_from_a_selection_links_its_other_occurrences() {
    let f = Folder::new();
    let state = f.keys("/letter<CR>vCap<CR>");
    assert!(
        state["message"]
            .as_str()
            .unwrap()
            .starts_with("add the person “letter”")
    );
    let after = f.annotate();
    let e = after["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "letter")
        .expect("the new entity");
    assert_eq!(e["kind"], "person");
    let ms = e["mentions"].as_array().unwrap();
    assert!(ms.len() > 1);
    assert!(ms.iter().all(|m| m["text"] == "letter"));
}

#[test]
fn export_writes_beside_the_article_and_never_replaces_without_asking() {
    let f = Folder::new();
    let state = f.keys("em<CR>");
    assert_eq!(state["message"], "exported to a.md");
    let md = std::fs::read_to_string(f.path("a.md")).unwrap();
    assert!(md.starts_with('#'));
    std::fs::write(f.path("a.md"), "mine").unwrap();
    let refused = f.keys("em<CR>n");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("not exported")
    );
    assert_eq!(std::fs::read_to_string(f.path("a.md")).unwrap(), "mine");
    let asked = f.keys("em<CR>");
    assert_eq!(asked["popup"], "confirm");
    f.keys("em<CR>y");
    assert!(
        std::fs::read_to_string(f.path("a.md"))
            .unwrap()
            .starts_with('#')
    );

    f.keys("ej<CR>");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(f.path("a.json")).unwrap()).unwrap();
    assert!(json["entities"].is_array());
    let brat = f.keys("eb<CR>");
    assert!(
        brat["message"]
            .as_str()
            .unwrap()
            .starts_with("exported to a.ann")
    );
    assert!(f.path("a.ann").exists());
    f.keys("ec<C-u>sub.csv<CR>");
    assert!(
        std::fs::read_to_string(f.path("sub.csv"))
            .unwrap()
            .contains("start")
    );
}

#[test]
fn no_sidecar_writes_nothing() {
    let f = Folder::new();
    let state = f.keys_with("/received<CR>vanote<C-s>", &["--no-sidecar"]);
    assert_eq!(state["notes"], 1);
    assert!(state["message"].as_str().unwrap().contains("--no-sidecar"));
    let names: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["a.txt"]);
}

#[test]
fn a_broken_sidecar_is_reported_and_left_alone() {
    let f = Folder::new();
    let broken = b"schema = \"gloss.sidecar/1\"\n[[notes]\nid = 3\n";
    std::fs::write(f.sidecar(), broken).unwrap();
    let opened = f.keys("");
    let msg = opened["message"].as_str().unwrap();
    assert!(msg.contains("a.txt.gloss.toml:2:"), "{msg}");
    let after = f.keys("/received<CR>vanote<C-s>");
    assert!(
        after["message"].as_str().unwrap().contains("not saved"),
        "{after}"
    );
    assert_eq!(std::fs::read(f.sidecar()).unwrap(), broken);
}
