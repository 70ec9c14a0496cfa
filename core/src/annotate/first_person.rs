//! "I", "me" and "my" in a direct quote, linked to its speaker once the
//! quote stage has found the speakers.
//!
//! The entity stage links first-person words only in quotations whose
//! speaker it can see next to the marks ("…,” Lowe said). The quote stage
//! knows more speakers: one named with an apposition before the quote
//! ("Ann Lee, a professor of art, said, “I …”"), or one carried over to the
//! next quoted paragraph. This pass adds the first-person words of those
//! quotes, for speakers that are people, and their "we", "us" and "our"
//! for the organisation a speaker represents as one of its officers. The
//! words a reported clause quotes ("said the deal was “fair to our
//! staff”") count too, and there an organisation's "we" is its own.

use crate::annotate::affiliation;
use crate::annotate::segment::Token;
use crate::annotate::words::{PRONOUNS, PronounClass};
use crate::model::{Annotations, EntityId, EntityKind, Mention, MentionForm, QuoteKind};

/// True for a first-person singular word, whatever its case ("I", "me",
/// "My", "myself", "mine"; not a lowercase "i").
pub fn is_first_person(w: &str) -> bool {
    w == "I"
        || ["me", "my", "myself", "mine"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
}

/// True for a first-person plural word, whatever its case ("we", "Us",
/// "our", "ours", "ourselves"; not "US", the country).
pub fn is_first_person_plural(w: &str) -> bool {
    w != "US"
        && ["we", "us", "our", "ours", "ourselves"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
}

/// How the name at tokens `first..past` of `toks` (over `text`) stands:
/// None unless it opens its sentence set off by a comma ("Madam Speaker,
/// …", "Ms Lund, …"); then whether the clause after the comma speaks in
/// the first person, as after a vocative ("Madam Speaker, I rise …").
/// The one addressed is "you", never "he" or "she".
pub fn vocative_shape(text: &str, toks: &[Token], first: usize, past: usize) -> Option<bool> {
    let sent = toks.get(first)?.sent();
    let opens = first == 0 || toks[first - 1].sent() != sent;
    if !opens || toks.get(past).is_none_or(|t| t.text(text) != ",") {
        return None;
    }
    Some(
        toks[past + 1..]
            .iter()
            .take_while(|t| t.sent() == sent && t.text(text) != ",")
            .any(|t| {
                let w = t.text(text).to_lowercase();
                PRONOUNS.get(w.as_str()) == Some(&PronounClass::Speaker)
            }),
    )
}

/// True when the "us" at token `i` is people at large, after a quantifier
/// and "of" ("many of us", "all of us").
fn anyone_of_us(text: &str, toks: &[Token], i: usize) -> bool {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.text(text));
    word(i.checked_sub(1)) == "of"
        && matches!(
            word(i.checked_sub(2)).to_ascii_lowercase().as_str(),
            "many" | "most" | "all" | "some" | "each" | "few" | "none" | "both" | "any" | "one"
        )
}

/// Adds a pronoun mention for each first-person word in the direct quotes
/// of `ann` (over `text`, whose tokens are `toks`), and in the quotation
/// marks of its reported clauses, that is not yet a mention: "I", "me",
/// "my" of a speaking person, "we", "us", "our" of the organisation the
/// person represents (see [`affiliation::represents`]) or of the speaking
/// organisation.
pub fn link(text: &str, toks: &[Token], ann: &mut Annotations) {
    let mut added = Vec::new();
    // Each speaker's organisation, found once.
    let mut orgs: Vec<(EntityId, Option<EntityId>)> = Vec::new();
    for q in &ann.quotes {
        let Some(speaker) = q.speaker else { continue };
        // A reported clause counts only for the words it quotes ("said the
        // deal was “fair to our staff”"), whose speaker may be an
        // organisation: its "we" is itself.
        let person = ann.entities[speaker].kind == EntityKind::Person;
        let direct = q.kind == QuoteKind::Direct;
        if direct && !person {
            continue;
        }
        let org = if !person {
            Some(speaker)
        } else {
            match orgs.iter().find(|o| o.0 == speaker) {
                Some(o) => o.1,
                None => {
                    let org = affiliation::represents(text, toks, ann, speaker);
                    orgs.push((speaker, org));
                    org
                }
            }
        };
        let from = toks.partition_point(|t| t.start() < q.span.start);
        for (i, t) in toks.iter().enumerate().skip(from) {
            if t.end() > q.span.end {
                break;
            }
            if !direct && !t.quoted() {
                continue;
            }
            let w = t.text(text);
            let entity = if is_first_person(w) {
                person.then_some(speaker)
            } else if is_first_person_plural(w) && !anyone_of_us(text, toks, i) {
                org
            } else {
                None
            };
            if let Some(entity) = entity
                && ann.mention_at(t.start()).is_none()
                && ann.mention_at(t.end() - 1).is_none()
            {
                added.push(Mention {
                    span: t.span(),
                    form: MentionForm::Pronoun,
                    entity,
                });
            }
        }
    }
    add(ann, added);
}

/// Adds `added` (none overlapping a mention of `ann`) to the mentions of
/// `ann`, keeping them in text order.
pub(crate) fn add(ann: &mut Annotations, added: Vec<Mention>) {
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

    /// The name of the entity of the mention at `word`'s first occurrence
    /// after `after` in `text`.
    fn entity_of(text: &str, after: &str, word: &str) -> Option<String> {
        let from = text.find(after).expect("in the text");
        let at = from + text[from..].find(word).expect("in the text");
        let ann = annotate(text);
        let m = ann.mention_at(at)?;
        Some(ann.entities[ann.mentions[m].entity].name.clone())
    }

    #[test]
    fn first_person_words_whatever_their_case() {
        for w in ["I", "me", "Me", "my", "My", "MY", "myself", "Mine"] {
            assert!(super::is_first_person(w), "{w}");
        }
        for w in ["i", "mean", "Myers", "we"] {
            assert!(!super::is_first_person(w), "{w}");
        }
        for w in ["we", "We", "WE", "us", "Us", "Our", "ours", "Ourselves"] {
            assert!(super::is_first_person_plural(w), "{w}");
        }
        for w in ["US", "use", "I"] {
            assert!(!super::is_first_person_plural(w), "{w}");
        }
        // "My" opening a quotation is its speaker's.
        let text = "Owen Pryde spoke at a rally. \"My members are angry,\" Pryde said.";
        assert_eq!(entity_of(text, "\"My", "My").as_deref(), Some("Owen Pryde"));
    }

    #[test]
    fn we_in_a_quote_is_the_organisation_its_speaker_speaks_for() {
        let text = "The Tarn Valley Rail Union called a strike. Its general secretary, \
                    Owen Pryde, spoke at a rally. \"We have waited long enough, and our \
                    members are angry,\" Pryde said. \"I will not back down.\"";
        let union = Some("Tarn Valley Rail Union".to_owned());
        assert_eq!(entity_of(text, "\"We", "We"), union);
        assert_eq!(entity_of(text, "\"We", "our"), union);
        assert_eq!(entity_of(text, "\"I", "I").as_deref(), Some("Owen Pryde"));
        // "many of us" is people at large.
        let text = "The Tarn Valley Rail Union called a strike. Its general secretary, \
                    Owen Pryde, spoke. \"Many of us take the train,\" Pryde said.";
        assert_eq!(entity_of(text, "Many", "us"), None);
        // A speaker tied to no organisation: "we" stays unlinked.
        let text = "Owen Pryde spoke at a rally. \"We have waited long enough,\" Pryde said.";
        assert_eq!(entity_of(text, "\"We", "We"), None);
    }

    #[test]
    fn first_person_words_quoted_in_a_reported_clause_are_its_speakers() {
        // An organisation's "our" in the words its reported clause quotes.
        let text = "Talks ended on Monday. Carrow Freight said the deal was \"fair to \
                    our staff\" and would last.";
        assert_eq!(
            entity_of(text, "fair", "our").as_deref(),
            Some("Carrow Freight")
        );
        // A person's "my" there is the person's.
        let text = "Talks ended on Monday. Owen Pryde said the deal was \"fair to \
                    my members\" and would last.";
        assert_eq!(entity_of(text, "fair", "my").as_deref(), Some("Owen Pryde"));
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
