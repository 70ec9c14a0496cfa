//! Markdown articles: plain text that reads naturally, structure over it, and
//! offsets that refer to the text `gloss text` prints.

#[path = "documents/support.rs"]
mod support;

use gloss::document::{self, BlockKind, Format, MarkKind};
use support::{assert_offsets_match, gloss, gloss_in_colour, gloss_stdin};

const SAMPLE: &str = "sample/river-treaty.md";

#[test]
fn markdown_reads_as_plain_text() {
    let out = gloss(&["text", SAMPLE]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let text = out.stdout;
    assert!(text.starts_with("Upstream and downstream nations sign river water treaty\n\n"));
    for expected in [
        // Soft line breaks join a paragraph into one line; emphasis marks go.
        "\n\nThe governments of Veranda and Lusatia signed a treaty on Tuesday that sets how much water",
        // A link keeps its text, not its URL.
        "called it a fair bargain and said",
        "\n\nWhat the treaty says\n\n",
        // Numbered items keep their numbers, each on its own line.
        ":\n\n1. share river flow equally whenever it falls below a set level;\n2. build three",
        "\n\n\"This treaty shows that neighbours can settle hard questions by talking,\" said Miriam Osei",
        "\n\n• Minimum flow: 40 cubic metres per second\n• Review period: every five years\n",
    ] {
        assert!(text.contains(expected), "expected {expected:?} in\n{text}");
    }
    for gone in ["---", "title:", "**", "](", "https://", "> ", "`", "##"] {
        assert!(!text.contains(gone), "{gone:?} should be gone from\n{text}");
    }
}

#[test]
fn blocks_and_marks_describe_the_structure() {
    let doc = document::load(SAMPLE).expect("loads");
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.byline.as_deref(), Some("gloss sample desk"));
    assert_eq!(doc.date.as_deref(), Some("2025-02-11"));
    let of = |kind: BlockKind| -> Vec<&str> {
        doc.blocks
            .iter()
            .filter(|b| b.kind == kind)
            .map(|b| b.span.slice(&doc.text))
            .collect()
    };
    assert_eq!(
        of(BlockKind::Heading { level: 2 }),
        ["What the treaty says", "Reactions"]
    );
    assert_eq!(
        of(BlockKind::ListItem { marker_len: 3 }),
        [
            "1. share river flow equally whenever it falls below a set level;",
            "2. build three monitoring stations, paid for jointly;",
            "3. refer any disagreement to a joint commission before going to court."
        ]
    );
    assert_eq!(of(BlockKind::ListItem { marker_len: 4 }).len(), 3);
    let quote = of(BlockKind::Quote);
    assert_eq!(quote.len(), 1);
    assert!(quote[0].ends_with("who mediated the final round."));
    let link = doc
        .marks
        .iter()
        .find(|m| matches!(m.kind, MarkKind::Link { .. }))
        .expect("a link");
    assert_eq!(link.span.slice(&doc.text), "a fair bargain");
    let code = doc
        .marks
        .iter()
        .find(|m| m.kind == MarkKind::Code)
        .expect("inline code");
    assert_eq!(code.span.slice(&doc.text), "40 cubic metres per second");
    // Blocks come in document order, containers first; leaves never overlap.
    assert!(
        doc.blocks
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
    assert!(
        doc.marks
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
}

#[test]
fn annotation_offsets_refer_to_the_plain_text() {
    let text = gloss(&["text", SAMPLE]).stdout;
    let out = gloss(&["annotate", SAMPLE]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["document"]["format"], "markdown");
    assert_eq!(
        json["document"]["title"],
        "Upstream and downstream nations sign river water treaty"
    );
    assert_eq!(json["document"]["chars"], text.chars().count());
    assert!(assert_offsets_match(&json, &text) > 0, "some mentions");
}

#[test]
fn markdown_on_stdin_is_known_by_its_opening_heading() {
    // Without a name there is no extension: a heading on the first line
    // tells Markdown.
    let out = gloss_stdin(&["text", "-"], b"# Title\n\nBody *text*.\n");
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "Title\n\nBody text.");
    let out = gloss_stdin(&["annotate", "-"], b"# Title\n\nBody *text*.\n");
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["document"]["format"], "markdown");
    // Anything else stays plain text, as it came.
    let out = gloss_stdin(&["text", "-"], b"Title\n\n- Body *text*.\n");
    assert_eq!(out.stdout, "Title\n\n- Body *text*.\n");
}

/// References in the text, two footnotes at its end.
const FOOTNOTES: &str = "tests/fixtures/footnotes.md";

#[test]
fn footnotes_are_numbered_and_follow_the_text() {
    let out = gloss(&["text", FOOTNOTES]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert_eq!(
        out.stdout,
        "River commission meets\n\n\
         The commission met in Geneva on Monday[1] and heard from Miriam Osei, \
         Veranda's foreign minister.[2] Lusatia sent no one.[1]\n\n\
         Both governments pledged to publish the flow data every month.\n\n\
         Footnotes\n\n\
         [1] The meeting was moved from Lusatia at short notice.\n\
         [2] Osei signed the river treaty for Veranda in February."
    );
    // The footnotes are text like any other: annotated, offsets into it.
    let json = gloss(&["annotate", "--no-sidecar", FOOTNOTES]);
    assert_eq!(json.code, 0, "stderr: {}", json.stderr);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert!(assert_offsets_match(&json, &out.stdout) > 0);
    let notes_at = out.stdout[..out.stdout.find("[1] The").unwrap()]
        .chars()
        .count() as u64;
    let osei = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Miriam Osei")
        .expect("Osei is an actor");
    assert!(
        osei["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["start"].as_u64().unwrap() > notes_at),
        "her mention in a footnote: {osei}"
    );
}

#[test]
fn footnote_references_are_marked_in_the_reader() {
    let out = gloss_in_colour(&[
        "render",
        "--no-sidecar",
        FOOTNOTES,
        "--size",
        "90x18",
        "--theme",
        "dark",
        "--color",
    ]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    // `[1]` in the theme's muted colour, #7c7f87.
    assert!(
        out.stdout.contains("\u{1b}[38;2;124;127;135m[1]"),
        "{}",
        out.stdout
    );
    insta::assert_snapshot!(out.stdout);
}
