//! Names in code are not annotated: a Markdown (or HTML) article's code
//! blocks and inline code stay in the text `gloss text` prints, and every
//! offset still refers to it, but no mention, quote or commitment is found
//! there, in `annotate`, `export` and the reader alike.

#[path = "documents/support.rs"]
mod support;

use serde_json::Value;
use support::{assert_offsets_match, gloss, gloss_in_colour, gloss_stdin};

/// A paragraph names Angela Merkel; so do a fenced code block, an
/// indented one (with a pledge) and inline code.
const ARTICLE: &str = "tests/fixtures/code-names.md";

/// The code-point ranges of `needles` in `text`.
fn ranges(text: &str, needles: &[&str]) -> Vec<(u64, u64)> {
    needles
        .iter()
        .map(|n| {
            let at = text.find(n).unwrap_or_else(|| panic!("{n:?} in {text:?}"));
            let start = text[..at].chars().count() as u64;
            (start, start + n.chars().count() as u64)
        })
        .collect()
}

/// Every mention as (entity name, start, end, text).
fn mentions(json: &Value) -> Vec<(String, u64, u64, String)> {
    let mut all = Vec::new();
    for e in json["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            all.push((
                e["name"].as_str().expect("name").to_owned(),
                m["start"].as_u64().expect("start"),
                m["end"].as_u64().expect("end"),
                m["text"].as_str().expect("text").to_owned(),
            ));
        }
    }
    all.sort_by_key(|m| m.1);
    all
}

fn annotate(args: &[&str]) -> Value {
    let out = gloss(args);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    serde_json::from_str(&out.stdout).expect("json")
}

#[test]
fn code_yields_no_mentions_quotes_or_commitments() {
    let text = gloss(&["text", ARTICLE]).stdout;
    let code = ranges(
        &text,
        &[
            "print(\"Angela Merkel said the budget will pass\")",
            "Angela Merkel pledged to visit Paris.",
            "Angela Merkel when",
        ],
    );
    let inside_code = |s: u64, e: u64| code.iter().any(|&(a, b)| s < b && a < e);
    let json = annotate(&["annotate", "--no-sidecar", ARTICLE]);
    assert!(assert_offsets_match(&json, &text) > 0);
    let found = mentions(&json);
    for (name, s, e, t) in &found {
        assert!(!inside_code(*s, *e), "{name}: {t:?} at {s}..{e} is in code");
    }
    // Her name in the paragraph is still found.
    let paragraph = ranges(&text, &["Angela Merkel spoke"])[0];
    assert!(
        found
            .iter()
            .any(|m| m.0 == "Angela Merkel" && m.1 == paragraph.0 && m.3 == "Angela Merkel"),
        "{found:?}"
    );
    // No cue or trigger is in code, and no quote or commitment lies within
    // it (a reported clause may hold inline code).
    let within_code = |s: u64, e: u64| code.iter().any(|&(a, b)| a <= s && e <= b);
    let acts = json["commitments"].as_array().unwrap().iter();
    for act in acts.chain(json["quotes"].as_array().unwrap()) {
        for (key, whole) in [
            ("trigger", false),
            ("cue", false),
            ("content", true),
            ("span", true),
        ] {
            let Some(s) = act[key]["start"].as_u64() else {
                continue;
            };
            let e = act[key]["end"].as_u64().unwrap();
            let bad = if whole {
                within_code(s, e)
            } else {
                inside_code(s, e)
            };
            assert!(!bad, "{key} {s}..{e} in code: {act}");
        }
    }
    assert!(
        json["commitments"].as_array().unwrap().is_empty(),
        "the pledge is code: {}",
        json["commitments"]
    );

    // The same text read as plain text (no code known) finds the names in
    // the code too; outside it, the mentions are the same, at the same
    // offsets with the same texts.
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("code-names.txt");
    std::fs::write(&plain, &text).expect("write");
    let plain = annotate(&["annotate", "--no-sidecar", plain.to_str().unwrap()]);
    let (in_code, outside): (Vec<_>, Vec<_>) = mentions(&plain)
        .into_iter()
        .partition(|m| inside_code(m.1, m.2));
    assert!(in_code.iter().filter(|m| m.0 == "Angela Merkel").count() >= 3);
    assert_eq!(found, outside);
}

#[test]
fn every_front_end_leaves_code_alone() {
    // export: CSV lists every mention.
    let out = gloss(&["export", "--no-sidecar", "--format", "csv", ARTICLE]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let rows: Vec<&str> = out.stdout.lines().skip(1).collect();
    assert!(!rows.is_empty());
    assert!(!out.stdout.contains("Paris"), "{}", out.stdout);
    assert_eq!(
        rows.iter()
            .filter(|r| r.contains("Angela Merkel,Angela Merkel"))
            .count(),
        1,
        "{}",
        out.stdout
    );
    // Batch annotation (jsonl over a folder) agrees with `annotate`.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(ARTICLE, dir.path().join("a.md")).expect("copy");
    let out = gloss(
        &[
            "annotate",
            "--no-sidecar",
            "--format",
            "jsonl",
            "--jobs",
            "2",
        ]
        .into_iter()
        .chain([dir.path().to_str().unwrap()])
        .collect::<Vec<_>>(),
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let line: Value = serde_json::from_str(out.stdout.trim()).expect("a JSON line");
    let single = annotate(&["annotate", "--no-sidecar", ARTICLE]);
    assert_eq!(mentions(&line), mentions(&single));
    // The reader: `]e` from the top visits the paragraph's mentions only.
    let mut visited = Vec::new();
    for n in 1..=6 {
        let keys = "]e".repeat(n);
        let out = gloss(&[
            "render",
            "--no-sidecar",
            ARTICLE,
            "--keys",
            &keys,
            "--state",
        ]);
        assert_eq!(out.code, 0, "stderr: {}", out.stderr);
        let state: Value = serde_json::from_str(&out.stdout).expect("state");
        visited.push(state["cursor"]["start"].as_u64().expect("a cursor"));
    }
    let starts: Vec<u64> = mentions(&single).iter().map(|m| m.1).collect();
    assert!(
        visited.iter().all(|s| starts.contains(s)),
        "{visited:?} {starts:?}"
    );
}

#[test]
fn html_code_is_left_alone_too() {
    let page = b"<!DOCTYPE html><html><body><article>\
        <p>Angela Merkel spoke in Berlin on Monday.</p>\
        <pre>Olaf Scholz pledged to visit Paris.</pre>\
        <p>Type <code>Emmanuel Macron</code> to search.</p>\
        </article></body></html>";
    let out = gloss_stdin(&["annotate", "--no-sidecar", "-"], page);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).expect("json");
    let names: Vec<String> = mentions(&json).into_iter().map(|m| m.0).collect();
    assert!(names.contains(&"Angela Merkel".to_owned()), "{names:?}");
    for gone in ["Olaf Scholz", "Paris", "Emmanuel Macron"] {
        assert!(!names.iter().any(|n| n == gone), "{gone} in {names:?}");
    }
}

#[test]
fn the_reader_highlights_no_name_in_code() {
    let out = gloss_in_colour(&[
        "render",
        "--no-sidecar",
        ARTICLE,
        "--size",
        "90x16",
        "--theme",
        "dark",
        "--color",
    ]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}
