//! Exports of an article with the reader's notes: golden files for every
//! format on the sample article, and the escaping of hostile note text.

use std::path::{Path, PathBuf};
use std::process::Command;

use gloss::model::Span;
use gloss::store::{Options, Origin, Store, Target};

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
    let text = std::fs::read_to_string(path).unwrap();
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
        let out = export(dir.path(), name, format);
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
