//! Properties of the annotator on arbitrary text: it never panics, and its
//! mentions are well formed.

use gloss::annotate::annotate;
use proptest::prelude::*;

/// Text made of name-like words, function words, punctuation and quotes,
/// so that the name rules actually fire, plus arbitrary characters.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Kim".to_owned()),
        Just("Jong".to_owned()),
        Just("Un".to_owned()),
        Just("U.S.".to_owned()),
        Just("President".to_owned()),
        Just("the".to_owned()),
        Just("of".to_owned()),
        Just("he".to_owned()),
        Just("said".to_owned()),
        Just("North Korean".to_owned()),
        Just("Ministry".to_owned()),
        Just("(KCNA)".to_owned()),
        Just("’s".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just("\n\n".to_owned()),
        "[A-Z][a-zé]{0,6}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(word, 0..60).prop_map(|ws| ws.join(" "))
}

fn check(text: &str) {
    let ann = annotate(text);
    let mut prev_end = 0;
    for (i, m) in ann.mentions.iter().enumerate() {
        assert!(m.span.start < m.span.end, "empty mention");
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.span.end <= text.len());
        assert!(m.span.start >= prev_end, "mentions sorted and disjoint");
        prev_end = m.span.end;
        assert!(m.entity < ann.entities.len());
        assert!(
            ann.entities[m.entity].mentions.contains(&i),
            "mention {i} not in its entity"
        );
    }
    for (id, e) in ann.entities.iter().enumerate() {
        assert!(!e.mentions.is_empty());
        for &m in &e.mentions {
            assert_eq!(ann.mentions[m].entity, id);
        }
    }
    for l in &ann.links {
        assert!(l.from < ann.entities.len() && l.to < ann.entities.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn newsy_text_gives_well_formed_mentions(text in newsy()) {
        check(&text);
    }

    #[test]
    fn any_text_gives_well_formed_mentions(text in "\\PC{0,200}") {
        check(&text);
    }
}
