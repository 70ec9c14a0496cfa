//! Properties of the offsets users see: in the annotations JSON every
//! mention's `text` is exactly its code-point slice of the document text,
//! and every other span lies inside the text.

use gloss::annotate::annotate;
use gloss::document::{Document, Format};
use gloss::export::json;
use proptest::prelude::*;
use serde_json::Value;

/// Text that looks enough like news to produce mentions: capitalised names,
/// punctuation, curly quotes, accents, wide characters and line breaks.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Kim".to_owned()),
        Just("Jong Un".to_owned()),
        Just("Trump".to_owned()),
        Just("U.S.".to_owned()),
        Just("said".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just("\n".to_owned()),
        Just("Zürich".to_owned()),
        Just("東京".to_owned()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

fn slice(chars: &[char], v: &Value) -> Option<String> {
    let (s, e) = (v["start"].as_u64()? as usize, v["end"].as_u64()? as usize);
    (s <= e && e <= chars.len()).then(|| chars[s..e].iter().collect())
}

proptest! {
    #[test]
    fn mention_text_is_its_slice(text in newsy()) {
        let doc = Document::new(text.clone(), "p.txt", Format::Text);
        let ann = annotate(&doc.text);
        let v: Value = serde_json::from_str(&json::to_string(&doc, &ann, Vec::new())).unwrap();
        let chars: Vec<char> = text.chars().collect();
        prop_assert_eq!(v["document"]["chars"].as_u64().unwrap() as usize, chars.len());
        for e in v["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                prop_assert_eq!(slice(&chars, m), m["text"].as_str().map(str::to_owned));
            }
        }
        for c in v["commitments"].as_array().unwrap() {
            for k in ["trigger", "content", "sentence"] {
                prop_assert!(slice(&chars, &c[k]).is_some());
            }
        }
        for q in v["quotes"].as_array().unwrap() {
            prop_assert!(slice(&chars, &q["span"]).is_some());
        }
    }
}
