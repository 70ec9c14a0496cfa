//! "I", "me" and "my" in a direct quote, linked to its speaker once the
//! quote stage has found the speakers.
//!
//! The entity stage links first-person words only in quotations whose
//! speaker it can see next to the marks ("…,” Lowe said). The quote stage
//! knows more speakers: one named with an apposition before the quote
//! ("Ann Lee, a professor of art, said, “I …”"), or one carried over to the
//! next quoted paragraph. This pass adds the first-person words of those
//! quotes, for speakers that are people.

use crate::annotate::segment::Token;
use crate::model::{Annotations, EntityKind, Mention, MentionForm, QuoteKind};

/// True for a first-person singular word ("I", "me", "my", "myself",
/// "mine").
pub fn is_first_person(w: &str) -> bool {
    matches!(w, "I" | "me" | "my" | "myself" | "mine")
}

/// Adds a pronoun mention of the speaker for each first-person word in the
/// direct quotes of `ann` (over `text`, whose tokens are `toks`) that is
/// not yet a mention.
pub fn link(text: &str, toks: &[Token], ann: &mut Annotations) {
    let mut added = Vec::new();
    for q in &ann.quotes {
        let Some(speaker) = q.speaker else { continue };
        if q.kind != QuoteKind::Direct || ann.entities[speaker].kind != EntityKind::Person {
            continue;
        }
        let from = toks.partition_point(|t| t.start() < q.span.start);
        for t in toks[from..].iter().take_while(|t| t.end() <= q.span.end) {
            if is_first_person(t.text(text))
                && ann.mention_at(t.start()).is_none()
                && ann.mention_at(t.end() - 1).is_none()
            {
                added.push(Mention {
                    span: t.span(),
                    form: MentionForm::Pronoun,
                    entity: speaker,
                });
            }
        }
    }

    if added.is_empty() {
        return;
    }
    let mut mentions = std::mem::take(&mut ann.mentions);
    merge(&mut mentions, added);
    set(ann, mentions);
}

/// Merges `added` into `mentions` (sorted by start), keeping them sorted,
/// in place: the new mentions go to the end and the two lists are merged
/// from the back, so a long list is moved once instead of sorted.
pub(crate) fn merge(mentions: &mut Vec<Mention>, mut added: Vec<Mention>) {
    added.sort_unstable_by_key(|m| m.span.start);
    let mut old = mentions.len();
    mentions.reserve_exact(added.len());
    mentions.extend_from_slice(&added);
    let mut at = mentions.len();
    while let Some(&last) = added.last() {
        at -= 1;
        match old.checked_sub(1).map(|k| mentions[k]) {
            Some(m) if m.span.start > last.span.start => {
                mentions[at] = m;
                old -= 1;
            }
            _ => {
                mentions[at] = last;
                added.pop();
            }
        }
    }
}

/// Makes `mentions` (which never overlap, in text order: every caller
/// builds them in order) the mentions of `ann`, with every entity's list
/// rebuilt in order.
pub fn set(ann: &mut Annotations, mentions: Vec<Mention>) {
    debug_assert!(mentions.is_sorted_by_key(|m| m.span.start));
    ann.mentions = mentions;
    for e in &mut ann.entities {
        e.mentions.clear();
    }
    for (i, m) in ann.mentions.iter().enumerate() {
        ann.entities[m.entity].mentions.push(i);
    }
}

#[cfg(test)]
mod tests {
    use super::merge;
    use crate::annotate::annotate;
    use crate::model::{Mention, MentionForm, Span};

    #[test]
    fn merged_mentions_keep_their_order() {
        let at = |start: usize| Mention {
            span: Span::new(start, start + 1),
            form: MentionForm::Pronoun,
            entity: start,
        };
        let mut mentions: Vec<Mention> = [2, 5, 9].map(at).to_vec();
        merge(&mut mentions, [10, 0, 6].map(at).to_vec());
        let starts: Vec<usize> = mentions.iter().map(|m| m.span.start).collect();
        assert_eq!(starts, [0, 2, 5, 6, 9, 10]);
        let mut none = Vec::new();
        merge(&mut none, vec![at(3)]);
        assert_eq!(none, [at(3)]);
    }

    #[test]
    fn a_speaker_named_with_an_apposition_is_the_quotes_i() {
        let text = "Hilary Braysmith, a professor of art history, said, \
                    \"I think his photographs matter.\" Then she left.";
        let ann = annotate(text);
        let i = ann
            .mention_at(text.find("I think").unwrap())
            .expect("I is a mention");
        let m = &ann.mentions[i];
        assert_eq!(m.form, MentionForm::Pronoun);
        assert_eq!(ann.entities[m.entity].name, "Hilary Braysmith");
        // Mentions stay sorted, and every entity lists its own.
        assert!(
            ann.mentions
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start)
        );
        for (id, e) in ann.entities.iter().enumerate() {
            assert!(e.mentions.iter().all(|&k| ann.mentions[k].entity == id));
        }
    }
}
