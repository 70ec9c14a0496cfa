//! Re-anchoring notes and corrections when the article text changes.

mod store_support;

use gloss::document::CharIndex;
use gloss::model::Span;
use gloss::store::anchor::{Anchor, AnchorRecord, Placer};
use proptest::prelude::*;
use store_support::find;

const OLD: &str = "The summit in Singapore ended early. Trump and Kim signed a short \
statement. Officials said the talks would continue in the spring, and Kim \
promised to return the remains of soldiers.";

/// Anchors `span` of `old`, then places it in `new` as if the text changed.
fn moved(old: &str, span: Span, new: &str) -> Anchor {
    let rec = record(old, span);
    let chars = CharIndex::new(new);
    Placer::new(new, &chars, false).place(&rec)
}

fn record(text: &str, span: Span) -> AnchorRecord {
    Anchor::new(text, span)
        .unwrap()
        .record(text, &CharIndex::new(text))
}

fn placed_text<'a>(a: &Anchor, text: &'a str) -> &'a str {
    a.span().expect("placed").slice(text)
}

#[test]
fn insertion_before_shifts_the_anchor() {
    let span = find(OLD, "signed a short statement", 0);
    let new = format!("BREAKING — updated 10:42. {OLD}");
    let a = moved(OLD, span, &new);
    assert_eq!(a.span(), Some(find(&new, "signed a short statement", 0)));
    assert!(!a.is_orphan());
}

#[test]
fn insertion_inside_keeps_the_anchor_fuzzily() {
    let span = find(OLD, "signed a short statement", 0);
    let new = OLD.replace("a short statement", "a very short statement");
    let a = moved(OLD, span, &new);
    assert_eq!(placed_text(&a, &new), "signed a very short statement");
    // The anchor now records the text as it stands.
    assert_eq!(a.exact, "signed a very short statement");
}

#[test]
fn insertion_after_changes_nothing() {
    let span = find(OLD, "Trump", 0);
    let new = format!("{OLD} More to follow.");
    let a = moved(OLD, span, &new);
    assert_eq!(a.span(), Some(span));
}

#[test]
fn deletion_before_and_around() {
    let span = find(OLD, "talks would continue", 0);
    let new = OLD.replace("The summit in Singapore ended early. ", "");
    let a = moved(OLD, span, &new);
    assert_eq!(a.span(), Some(find(&new, "talks would continue", 0)));
    // Deleting a word inside: found approximately.
    let new = OLD.replace("talks would continue", "talks will continue");
    let a = moved(OLD, span, &new);
    assert_eq!(placed_text(&a, &new), "talks will continue");
}

#[test]
fn deleted_text_becomes_an_orphan_and_keeps_its_record() {
    let span = find(
        OLD,
        "Officials said the talks would continue in the spring",
        0,
    );
    let rec = record(OLD, span);
    let new = OLD.replace(
        "Officials said the talks would continue in the spring, and ",
        "",
    );
    let chars = CharIndex::new(&new);
    let a = Placer::new(&new, &chars, false).place(&rec);
    assert!(a.is_orphan());
    assert_eq!(a.span(), None);
    let again = a.record(&new, &chars);
    assert!(again.orphan);
    assert_eq!((again.start, again.end), (rec.start, rec.end));
    assert_eq!(again.exact, rec.exact);
    // When the text comes back, so does the anchor.
    let back = Placer::new(OLD, &CharIndex::new(OLD), false).place(&again);
    assert_eq!(back.span(), Some(span));
}

#[test]
fn a_twice_occurring_quote_is_told_apart_by_context() {
    // "Kim" occurs twice; anchor the second.
    let span = find(OLD, "Kim", 1);
    let new = format!(
        "Note: {}",
        OLD.replace("Trump and Kim signed", "Trump and Kim quickly signed")
    );
    let a = moved(OLD, span, &new);
    assert_eq!(a.span(), Some(find(&new, "Kim", 1)));
    // And the first one stays the first, even with the text shifted.
    let a = moved(OLD, find(OLD, "Kim", 0), &new);
    assert_eq!(a.span(), Some(find(&new, "Kim", 0)));
}

#[test]
fn identical_contexts_are_told_apart_by_position() {
    let old = "He said yes. Then a long pause. He said yes.";
    let new = "Well. He said yes. Then a long pause. He said yes.";
    let a = moved(old, find(old, "yes", 1), new);
    assert_eq!(a.span(), Some(find(new, "yes", 1)));
    let a = moved(old, find(old, "yes", 0), new);
    assert_eq!(a.span(), Some(find(new, "yes", 0)));
}

#[test]
fn a_short_quote_with_a_changed_context_is_an_orphan() {
    let old = "Yesterday Kim met the delegation at the border village.";
    let new = "A different story entirely, about Kim and the weather today.";
    assert!(moved(old, find(old, "Kim", 0), new).is_orphan());
}

#[test]
fn unchanged_text_takes_offsets_as_they_are() {
    let span = find(OLD, "Kim", 1);
    let rec = record(OLD, span);
    let chars = CharIndex::new(OLD);
    assert_eq!(
        Placer::new(OLD, &chars, true).place(&rec).span(),
        Some(span)
    );
    // A recorded orphan stays an orphan on the text it was saved with.
    let orphan = AnchorRecord {
        orphan: true,
        ..rec.clone()
    };
    assert!(Placer::new(OLD, &chars, true).place(&orphan).is_orphan());
    // Offsets that do not match the quote are searched for.
    let off = AnchorRecord {
        start: 0,
        end: 3,
        ..rec
    };
    assert_eq!(
        Placer::new(OLD, &chars, true).place(&off).span(),
        Some(span)
    );
}

#[test]
fn long_quotes_survive_small_edits() {
    let long = "Officials said the talks would continue in the spring, and Kim promised to return the remains of soldiers";
    let span = find(OLD, long, 0);
    let new = OLD
        .replace("in the spring", "in the early spring")
        .replace("remains of soldiers", "remains of fallen soldiers");
    let a = moved(OLD, span, &new);
    let got = placed_text(&a, &new);
    assert!(got.starts_with("Officials said"), "{got}");
    assert!(got.ends_with("fallen soldiers"), "{got}");
}

proptest! {
    #[test]
    fn reanchoring_unchanged_text_returns_the_same_place(
        text in "[a-c ]{0,60}[x-zé€ ]{1,20}[a-c ]{0,60}",
        a in 0usize..200,
        b in 0usize..200,
    ) {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let (a, b) = (a % chars.len(), b % chars.len());
        let (lo, hi) = (a.min(b), a.max(b) + 1);
        let start = chars[lo].0;
        let end = chars.get(hi).map_or(text.len(), |c| c.0);
        let span = Span::new(start, end);
        let rec = record(&text, span);
        let index = CharIndex::new(&text);
        // Even when told the text changed, it lands where it was.
        let placed = Placer::new(&text, &index, false).place(&rec);
        prop_assert_eq!(placed.span(), Some(span));
    }
}

/// Two paragraphs that both say "U.S.", with nothing else in common.
const TWO_US: &str = "Negotiators met on the river. The U.S. delegation left the \
talks early on Friday.\n\nFarmers downstream, who rely on the water, said the U.S. \
would have to pay for any damage to the fields.";

#[test]
fn a_short_quote_does_not_move_to_an_occurrence_with_other_context() {
    // The note is on the first "U.S."; its paragraph is deleted. The other
    // "U.S." shares no context with it: the note is an orphan.
    let span = find(TWO_US, "U.S.", 0);
    let new = &TWO_US[TWO_US.find("Farmers").unwrap()..];
    let a = moved(TWO_US, span, new);
    assert!(
        a.is_orphan(),
        "moved to {:?}",
        a.span().map(|s| s.slice(new))
    );
    // The second one, whose context survives, is still found.
    let a = moved(TWO_US, find(TWO_US, "U.S.", 1), new);
    assert_eq!(a.span(), Some(find(new, "U.S.", 0)));
}

#[test]
fn a_short_quote_follows_when_one_side_of_its_context_agrees() {
    // A word changed just before it: the suffix still agrees.
    let span = find(TWO_US, "U.S.", 0);
    let new = TWO_US.replace("on the river. The U.S.", "on the shore; the U.S.");
    let a = moved(TWO_US, span, &new);
    assert_eq!(a.span(), Some(find(&new, "U.S.", 0)));
    // A word changed just after it: the prefix still agrees.
    let new = TWO_US.replace("U.S. delegation left", "U.S. team walked out of");
    let a = moved(TWO_US, span, &new);
    assert_eq!(a.span(), Some(find(&new, "U.S.", 0)));
}

#[test]
fn an_empty_context_agrees_only_at_the_edge_of_the_text() {
    // A note on the article's first word: its prefix is empty.
    let old = "Kim arrived in the morning and met the press at noon.";
    let new = "Reporters waited for hours. Kim never came to the border post.";
    assert!(moved(old, find(old, "Kim", 0), new).is_orphan());
    let new = "Kim arrived in the morning and met reporters.";
    assert_eq!(
        moved(old, find(old, "Kim", 0), new).span(),
        Some(find(new, "Kim", 0))
    );
}
