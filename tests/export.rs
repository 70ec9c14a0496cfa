//! Exports through the binary: every format on the sample and on hostile
//! text, brat import and round trip, and failure paths.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod w3c_model;

const SAMPLE: &str = "sample/trump-kim-letter.txt";
const HOSTILE: &str = "tests/fixtures/hostile.txt";
const HOSTILE_ANN: &str = "tests/fixtures/hostile.ann";

fn gloss(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("gloss runs")
}

/// Runs gloss and asserts it succeeded.
fn ok(args: &[&str]) -> Output {
    let out = gloss(args);
    assert!(
        out.status.success(),
        "gloss {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(args: &[&str]) -> String {
    let out = gloss(args);
    assert!(
        out.status.success(),
        "gloss {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn hostile(format: &str) -> String {
    stdout(&[
        "export",
        HOSTILE,
        "--annotations",
        HOSTILE_ANN,
        "--format",
        format,
    ])
}

#[test]
fn markdown_escapes_hostile_text() {
    let md = hostile("markdown");
    insta::assert_snapshot!("hostile_markdown", md);
    assert!(md.contains("- **\\*Acme\\*, Inc.** (1 mention)"));
    assert!(md.contains("- **\\[Bob\\_Smith\\](x)** (1 mention)"));
    assert!(md.contains("\\<b\\>AT\\&T\\</b\\>"));
    // The tab and the line break inside the quote are folded to spaces.
    assert!(md.contains("“\"Quote, with tab\" and a line break inside it.”"));
}

/// A minimal RFC 4180 reader, to check what a spreadsheet would see.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_quotes_commas_quotes_and_tabs() {
    let csv = hostile("csv");
    assert!(csv.ends_with("\r\n"));
    assert!(
        csv.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "CRLF line ends"
    );
    let rows = parse_csv(&csv);
    assert_eq!(
        rows[0],
        [
            "entity_id",
            "entity_name",
            "kind",
            "form",
            "start",
            "end",
            "text",
            "sentence",
            "nested"
        ]
    );
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[1][..7],
        [
            "e1",
            "*Acme*, Inc.",
            "organization",
            "name",
            "0",
            "12",
            "*Acme*, Inc."
        ]
    );
    assert!(rows[1][7].contains("said \"no\" to"));
    assert_eq!(rows[1][8], "false");
    assert!(rows.iter().all(|r| r.len() == 9));
}

/// The CSV holds the mentions the JSON holds, names inside longer names
/// ("United Nations" in "United Nations General Assembly") included and
/// marked, in document order.
#[test]
fn csv_rows_are_the_json_mentions() {
    let json: Value = serde_json::from_str(&stdout(&[
        "export",
        SAMPLE,
        "--no-sidecar",
        "--format",
        "json",
    ]))
    .unwrap();
    let mut from_json: Vec<(u64, u64, String, String)> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["mentions"].as_array().unwrap().iter().map(move |m| {
                (
                    m["start"].as_u64().unwrap(),
                    m["end"].as_u64().unwrap(),
                    e["id"].as_str().unwrap().to_owned(),
                    (m["nested"] == true).to_string(),
                )
            })
        })
        .collect();
    from_json.sort_by_key(|(s, e, _, _)| (*s, std::cmp::Reverse(*e)));
    let csv = stdout(&["export", SAMPLE, "--no-sidecar", "--format", "csv"]);
    let from_csv: Vec<(u64, u64, String, String)> = parse_csv(&csv)[1..]
        .iter()
        .map(|r| {
            (
                r[4].parse().unwrap(),
                r[5].parse().unwrap(),
                r[0].clone(),
                r[8].clone(),
            )
        })
        .collect();
    assert_eq!(from_csv, from_json);
    assert!(
        from_csv.iter().any(|(s, e, _, nested)| nested == "true"
            && csv.contains(&format!(",{s},{e},United Nations,"))),
        "{csv}"
    );
}

#[test]
fn w3c_has_the_required_fields_and_true_selectors() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let v: Value = serde_json::from_str(&stdout(&["export", SAMPLE, "--format", "w3c"])).unwrap();
    assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(v["type"], "AnnotationCollection");
    assert!(v["id"].as_str().unwrap().starts_with("urn:gloss:"));
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(v["total"].as_u64().unwrap() as usize, items.len());
    assert_eq!(v["first"]["type"], "AnnotationPage");
    assert!(!items.is_empty());
    for a in items {
        assert_eq!(a["type"], "Annotation");
        assert!(
            a["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("urn:gloss:"))
        );
        assert!(a["motivation"].is_string());
        assert!(a["body"].as_array().is_some_and(|b| !b.is_empty()));
        for t in a["target"].as_array().unwrap() {
            assert_eq!(
                t["source"],
                format!("file://{}/{SAMPLE}", env!("CARGO_MANIFEST_DIR"))
            );
            let sel = t["selector"].as_array().unwrap();
            assert_eq!(sel[0]["type"], "TextQuoteSelector");
            assert_eq!(sel[1]["type"], "TextPositionSelector");
            let (s, e) = (
                sel[1]["start"].as_u64().unwrap() as usize,
                sel[1]["end"].as_u64().unwrap() as usize,
            );
            let exact: String = chars[s..e].iter().collect();
            assert_eq!(sel[0]["exact"], exact.as_str());
            let prefix: String = chars[s.saturating_sub(32)..s].iter().collect();
            assert_eq!(sel[0]["prefix"], prefix.as_str());
        }
    }
    let entity = items
        .iter()
        .find(|a| a["motivation"] == "identifying")
        .unwrap();
    let purposes: Vec<&str> = entity["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes[..2], ["identifying", "classifying"]);
}

/// The entities of an annotations JSON, without their roles (brat has no
/// place for roles).
fn entities_of(json: &str) -> Vec<Value> {
    let mut v: Value = serde_json::from_str(json).unwrap();
    let mut entities = v["entities"].take();
    for e in entities.as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("roles");
    }
    entities.as_array().unwrap().clone()
}

#[test]
fn brat_round_trip_keeps_entities_mentions_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ann");
    let second = dir.path().join("second.ann");
    ok(&[
        "export",
        SAMPLE,
        "--format",
        "brat",
        "-o",
        first.to_str().unwrap(),
    ]);
    let copied = std::fs::read_to_string(dir.path().join("first.txt")).unwrap();
    assert_eq!(
        copied,
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap()
    );
    ok(&[
        "export",
        SAMPLE,
        "--annotations",
        first.to_str().unwrap(),
        "--format",
        "brat",
        "-o",
        second.to_str().unwrap(),
    ]);
    let a = std::fs::read_to_string(&first).unwrap();
    let b = std::fs::read_to_string(&second).unwrap();
    assert_eq!(a, b, "export → import → export is stable");
    let auto = stdout(&["annotate", SAMPLE]);
    let imported = stdout(&["annotate", SAMPLE, "--annotations", first.to_str().unwrap()]);
    assert_eq!(entities_of(&auto), entities_of(&imported));
    let links = |j: &str| serde_json::from_str::<Value>(j).unwrap()["links"].clone();
    assert_eq!(links(&auto), links(&imported));
}

#[test]
fn brat_never_overwrites_a_different_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.txt"), "something else").unwrap();
    let out = gloss(&[
        "export",
        SAMPLE,
        "--format",
        "brat",
        "-o",
        dir.path().join("x.ann").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exists with other text; not overwriting it")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.txt")).unwrap(),
        "something else"
    );
    assert!(!dir.path().join("x.ann").exists());
}

#[test]
fn malformed_ann_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let ann = dir.path().join("bad.ann");
    std::fs::write(&ann, "T1\tPerson 0 2\tOn\nT2\tPerson 3 x\tThursday\n").unwrap();
    let out = gloss(&["annotate", SAMPLE, "--annotations", ann.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.ann:2: `x` is not an offset"), "{err}");
}

#[cfg(unix)]
#[test]
fn output_to_a_device_or_a_link_keeps_it() {
    use std::os::unix::fs::FileTypeExt;
    ok(&["annotate", SAMPLE, "--no-sidecar", "-o", "/dev/null"]);
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.md");
    let link = dir.path().join("link.md");
    std::fs::write(&target, "old").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    ok(&[
        "export",
        SAMPLE,
        "--no-sidecar",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("# trump-kim-letter")
    );
}

#[test]
fn usage_errors_are_one_line_with_exit_code_2() {
    for args in [
        &["export", SAMPLE, "--format", "pdf"][..],
        &["annotate"],
        &["render", SAMPLE, "--size", "80"],
    ] {
        let out = gloss(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("gloss: "), "{err}");
    }
}

/// Read from standard input, the article has no file: its W3C targets
/// name it by a URN of its text, and every annotation meets the model.
#[test]
fn w3c_from_standard_input_names_the_text_by_urn() {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["export", "-", "--no-sidecar", "--format", "w3c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            std::io::Write::write_all(&mut child.stdin.take().unwrap(), &text)?;
            child.wait_with_output()
        })
        .expect("gloss runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(w3c_model::collection_problems(&v), Vec::<String>::new());
    let urn = format!("{}:text", v["id"].as_str().unwrap());
    for a in v["first"]["items"].as_array().unwrap() {
        assert_eq!(
            w3c_model::annotation_problems(a, &v["@context"]),
            Vec::<String>::new()
        );
        for t in w3c_model::values(&a["target"]) {
            assert_eq!(t["source"], urn.as_str());
        }
    }
}
