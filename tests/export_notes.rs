//! Exports of an article with the reader's notes: golden files for every
//! format on the sample article, the escaping of hostile note text, and the
//! W3C export checked against the Web Annotation Data Model.

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::model::Span;
use gloss::store::{Options, Origin, Store, Target};
use serde_json::Value;

mod w3c_model;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Copies `fixture` into a fresh folder and returns the folder and the copy.
fn copy(fixture: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(fixture).file_name().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(Path::new(ROOT).join(fixture), &path).unwrap();
    (dir, path)
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    Span::new(start, start + needle.len())
}

/// Adds notes through the store, as the reader does, then pins their
/// creation times so the exports are byte-for-byte stable.
fn with_notes(path: &Path, notes: impl FnOnce(&str, &mut Store)) {
    let doc = gloss::document::load(path.to_str().unwrap()).unwrap();
    let text = doc.text.to_string();
    let options = Options {
        enabled: true,
        data_dir: None,
    };
    let (mut store, messages) =
        Store::open(&Origin::File(path.to_path_buf()), text.as_str(), &options);
    assert!(messages.is_empty(), "{messages:?}");
    notes(&text, &mut store);
    let sidecar = gloss::store::disk::beside(path);
    let toml = std::fs::read_to_string(&sidecar).unwrap();
    let pinned: Vec<String> = toml
        .lines()
        .map(|l| {
            if l.starts_with("created = ") {
                "created = \"2026-11-26T12:00:00Z\"".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&sidecar, pinned.join("\n") + "\n").unwrap();
}

fn export(dir: &Path, file: &str, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["export", file, "--format", format])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_format_on_the_sample_with_notes() {
    let (dir, path) = copy("sample/trump-kim-letter.txt");
    with_notes(&path, |text, store| {
        let t = Target::span(text, span_of(text, "reached an agreement")).unwrap();
        store
            .add_note(
                t,
                "What did the agreement say?\nCheck the joint statement.",
                vec!["follow-up".into()],
            )
            .unwrap();
        let auto = gloss::annotate::annotate(text);
        let kim = auto
            .mention_at(span_of(text, "Kim Jong Un").start)
            .expect("Kim Jong Un is a mention");
        let t = Target::entity(text, &auto, auto.mentions[kim].entity, Some(kim)).unwrap();
        store
            .add_note(
                t,
                "Leader of North Korea since 2011.",
                vec!["actor".into(), "background".into()],
            )
            .unwrap();
    });
    let name = "trump-kim-letter.txt";
    for format in ["markdown", "json", "w3c", "brat", "csv"] {
        // The W3C target names the article by its absolute file: URL.
        let out = export(dir.path(), name, format).replace(
            &file_url(&dir.path().canonicalize().unwrap()),
            "file:///DIR",
        );
        insta::assert_snapshot!(format!("sample_notes_{format}"), out);
        if format != "csv" {
            assert!(
                out.contains("Check the joint statement"),
                "{format} holds the note body"
            );
        }
    }
}

#[test]
fn hostile_note_text_is_escaped() {
    let (dir, path) = copy("tests/fixtures/hostile.txt");
    with_notes(&path, |text, store| {
        let t = Target::span(text, span_of(text, "[Bob_Smith](x)")).unwrap();
        let body = "# not a heading\n- not a list\t*not bold* <script>\n\nsecond, \"para\"";
        store
            .add_note(t, body, vec!["a,b".into(), "<tag>".into()])
            .unwrap();
    });
    let md = export(dir.path(), "hostile.txt", "markdown");
    assert!(md.contains("> \\[Bob\\_Smith\\](x)\n"), "{md}");
    assert!(
        md.contains(
            "\\# not a heading\\\n\\- not a list \\*not bold\\* \\<script\\>\n\nsecond, \"para\"\n"
        ),
        "{md}"
    );
    assert!(md.contains("Tags: a,b, \\<tag\\>"), "{md}");
    let brat = export(dir.path(), "hostile.txt", "brat");
    let note = brat.lines().find(|l| l.starts_with('#')).unwrap();
    assert_eq!(
        note.matches('\t').count(),
        2,
        "the body's tab is folded: {note:?}"
    );
    assert!(note.ends_with("[tags: a,b, <tag>]"), "{note}");
    let w3c: serde_json::Value =
        serde_json::from_str(&export(dir.path(), "hostile.txt", "w3c")).unwrap();
    let items = w3c["first"]["items"].as_array().unwrap();
    let note = items
        .iter()
        .find(|a| a["motivation"] == "commenting")
        .unwrap();
    assert_eq!(
        note["body"][0]["value"],
        "# not a heading\n- not a list\t*not bold* <script>\n\nsecond, \"para\""
    );
    assert_eq!(note["body"][1]["purpose"], "tagging");
    assert_eq!(note["target"]["selector"][0]["exact"], "[Bob_Smith](x)");
    let json: serde_json::Value =
        serde_json::from_str(&export(dir.path(), "hostile.txt", "json")).unwrap();
    assert_eq!(json["notes"][0]["target"]["exact"], "[Bob_Smith](x)");
    assert_eq!(
        json["notes"][0]["tags"],
        serde_json::json!(["a,b", "<tag>"])
    );
}

/// Adds a note with tags on a passage and one on each kind of item (the
/// first actor, commitment and quote) of the article at `path`; returns
/// how many notes it added.
fn notes_on_everything(path: &Path) -> usize {
    let mut added = 0;
    with_notes(path, |text, store| {
        let auto = gloss::annotate::annotate(text);
        let passage = Span::new(0, text.find(char::is_whitespace).unwrap_or(text.len()));
        let mut targets = vec![Target::span(text, passage)];
        targets.push(Target::entity(text, &auto, 0, None));
        targets.push(Target::commitment(text, &auto, 0));
        targets.push(Target::quote(text, &auto, 0));
        for (i, t) in targets.into_iter().flatten().enumerate() {
            store
                .add_note(
                    t,
                    &format!("note {i}"),
                    vec!["check".into(), format!("t{i}")],
                )
                .unwrap();
            added += 1;
        }
    });
    added
}

/// The `file:` URL of an absolute path, as RFC 3986 spells it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Every annotation of the W3C export of a text, a Markdown and an HTML
/// article, with notes and tags, meets the Web Annotation Data Model
/// (`w3c_model`), and the export keeps its content: an identifying
/// annotation per actor, a classifying one per commitment and quote, a
/// commenting one per note with a tagging body per tag, and targets whose
/// quote and position selectors agree with the article's text.
#[test]
fn w3c_export_meets_the_web_annotation_model() {
    for fixture in [
        "sample/trump-kim-letter.txt",
        "sample/river-treaty.md",
        "tests/fixtures/news-page.html",
    ] {
        let (dir, path) = copy(fixture);
        let notes = notes_on_everything(&path);
        assert!(
            notes >= 2,
            "{fixture}: notes on a passage and an actor at least"
        );
        let name = path.file_name().unwrap().to_str().unwrap();
        // A relative name, as a person types it: the target's source is
        // still the article's absolute file: URL.
        let w3c: Value = serde_json::from_str(&export(dir.path(), name, "w3c")).unwrap();
        let json: Value = serde_json::from_str(&export(dir.path(), name, "json")).unwrap();
        let doc = gloss::document::load(path.to_str().unwrap()).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        let mut problems = w3c_model::collection_problems(&w3c);
        let items = w3c["first"]["items"].as_array().unwrap();
        let mut failing = 0;
        for a in items {
            let found = w3c_model::annotation_problems(a, &w3c["@context"]);
            failing += usize::from(!found.is_empty());
            problems.extend(found);
            for t in w3c_model::values(&a["target"]) {
                assert_eq!(
                    t["source"],
                    file_url(&path.canonicalize().unwrap()),
                    "{fixture}"
                );
                let (quote, position) = (&t["selector"][0], &t["selector"][1]);
                let (start, end) = (
                    position["start"].as_u64().unwrap() as usize,
                    position["end"].as_u64().unwrap() as usize,
                );
                let exact: String = chars[start..end].iter().collect();
                assert_eq!(quote["exact"], exact, "{fixture}: {}", a["id"]);
            }
        }
        assert!(
            problems.is_empty(),
            "{fixture}: {failing} of {} annotations fail the model:\n{}",
            items.len(),
            problems.join("\n")
        );
        let motivated = |m: &str| items.iter().filter(|a| a["motivation"] == m).count();
        let listed = |k: &str| json[k].as_array().unwrap().len();
        let own_entities = json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                e["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m["nested"] != true)
            })
            .count();
        assert_eq!(motivated("identifying"), own_entities, "{fixture}");
        assert_eq!(
            motivated("classifying"),
            listed("commitments") + listed("quotes"),
            "{fixture}"
        );
        assert_eq!(motivated("commenting"), notes, "{fixture}");
        for a in items.iter().filter(|a| a["motivation"] == "commenting") {
            let purposes: Vec<&Value> = a["body"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| &b["purpose"])
                .collect();
            assert_eq!(purposes, ["commenting", "tagging", "tagging"], "{fixture}");
        }
        // An agent is referred to as a Specific Resource whose source is
        // its entity's annotation.
        let ids: Vec<&Value> = items.iter().map(|a| &a["id"]).collect();
        for a in items.iter().filter(|a| a["motivation"] == "classifying") {
            for b in a["body"].as_array().unwrap() {
                if b["type"] == "SpecificResource" {
                    assert!(ids.contains(&&b["source"]), "{fixture}: {b}");
                    assert!(b["schema:roleName"].is_string(), "{fixture}: {b}");
                }
            }
        }
    }
}

/// Notes go through brat and come back: export with notes, import the
/// `.ann` (without the sidecar, so the notes come from the file alone),
/// export again: the same `AnnotatorNotes`. Importing into the article
/// whose sidecar already holds them adds none twice and writes nothing.
#[test]
fn notes_round_trip_through_brat() {
    let (dir, path) = copy("sample/trump-kim-letter.txt");
    let notes = notes_on_everything(&path);
    assert_eq!(notes, 4, "a passage, an actor, a commitment and a quote");
    let gloss = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let name = "trump-kim-letter.txt";
    gloss(&["export", name, "--format", "brat", "-o", "first.ann"]);
    let first = std::fs::read_to_string(dir.path().join("first.ann")).unwrap();
    let note_lines = |ann: &str| -> Vec<String> {
        ann.lines()
            .filter(|l| l.starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(note_lines(&first).len(), notes, "{first}");
    let again = gloss(&[
        "export",
        name,
        "--no-sidecar",
        "--annotations",
        "first.ann",
        "--format",
        "brat",
    ]);
    assert_eq!(note_lines(&again), note_lines(&first));
    assert_eq!(again, first, "export → import → export is stable");
    let sidecar = gloss::store::disk::beside(&path);
    let before = std::fs::read(&sidecar).unwrap();
    let json: Value = serde_json::from_str(&gloss(&[
        "export",
        name,
        "--annotations",
        "first.ann",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["notes"].as_array().unwrap().len(), notes);
    assert_eq!(std::fs::read(&sidecar).unwrap(), before);
}
