//! `gloss annotate` on the sample article: the whole JSON against a golden
//! file, and the same bytes on every run.

use std::process::Command;

fn annotate(format: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args([
            "annotate",
            "--no-sidecar",
            "--format",
            format,
            "sample/trump-kim-letter.txt",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("gloss runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "nothing on stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn sample_annotations_match_the_golden_file() {
    let json = String::from_utf8(annotate("json")).unwrap();
    insta::assert_snapshot!("trump_kim_letter_json", json);
}

#[test]
fn output_is_deterministic() {
    assert_eq!(annotate("json"), annotate("json"));
    let line = annotate("jsonl");
    assert_eq!(
        line.iter().filter(|&&b| b == b'\n').count(),
        1,
        "one line per document"
    );
    let pretty: serde_json::Value = serde_json::from_slice(&annotate("json")).unwrap();
    let compact: serde_json::Value = serde_json::from_slice(&line).unwrap();
    assert_eq!(pretty, compact);
}
