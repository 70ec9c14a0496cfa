//! The quote and commitment stages never panic and always return spans on
//! character boundaries inside the text, whatever the input.

use gloss::annotate::annotate;
use gloss::model::Span;
use proptest::prelude::*;

/// Pieces that exercise the act rules: cue words, pronouns, names, quotation
/// marks of every kind, punctuation and paragraph breaks.
const PIECES: &[&str] = &[
    "said",
    "told",
    "according to",
    "that",
    "he",
    "she",
    "they",
    "we",
    "I",
    "will",
    "pledged to",
    "urged",
    "to",
    "a commitment by",
    "the statement",
    "Smith",
    "Anna Lee",
    "North Korea",
    "not",
    "if",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "«",
    "»",
    ",",
    ".",
    ":",
    "?",
    "\n",
    "\n\n",
    " ",
    "é",
    "日本",
    "—",
    "'s",
    "(",
    ")",
];

fn valid(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn acts_never_panic_and_spans_are_valid(
        parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)
    ) {
        let text = parts.join(" ");
        let ann = annotate(&text);
        for q in &ann.quotes {
            prop_assert!(valid(&text, q.span));
            prop_assert!(q.cue.is_none_or(|c| valid(&text, c)));
            prop_assert!(q.speaker.is_none_or(|e| e < ann.entities.len()));
        }
        for c in &ann.commitments {
            prop_assert!(valid(&text, c.trigger) && valid(&text, c.content));
            prop_assert!(valid(&text, c.sentence));
            prop_assert!(c.actor.is_none_or(|e| e < ann.entities.len()));
        }
    }

    #[test]
    fn arbitrary_text_gives_valid_spans(text in "\\PC{0,300}") {
        let ann = annotate(&text);
        prop_assert!(ann.quotes.iter().all(|q| valid(&text, q.span)));
        prop_assert!(ann.commitments.iter().all(|c| valid(&text, c.content)));
    }
}

#[test]
fn unbalanced_and_cross_paragraph_quotes() {
    for text in [
        "“He said.\n\n“She said",
        "”Backwards“ said Smith.",
        "\"\"\"\"",
        "Smith said: “\n\n",
        "“A,” he said, “B\n“C,” she said.",
    ] {
        let ann = annotate(text);
        assert!(ann.quotes.iter().all(|q| valid(text, q.span)), "{text:?}");
    }
}

/// Found by the annotate_export fuzz target: a quotation whose opening and
/// closing marks fall in one token (mis-decoded bytes around `="…">`) made
/// the first-person pass slice its tokens backwards and panic.
#[test]
fn a_quotation_inside_one_token_does_not_panic() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["annotate", "--no-sidecar", "--format", "json"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/fuzz-quotation-inside-one-token.txt"
        ))
        .output()
        .expect("gloss runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["entities"].is_array());
}
