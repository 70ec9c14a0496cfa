//! The organisation a person speaks for, as the text ties them: a role
//! "of", "at" or "for" it after the person's name ("Ann Lee, chief
//! executive of Acme"), a role it possesses before or after the name
//! ("Acme's spokeswoman, Ann Lee," / "Its chair, Ann Lee," / "Ann Lee, the
//! agency's director"), its name before a role and the name ("Acme
//! chairman Ann Lee"), or a signature ("Ann Lee, Chair" on a line, "Hill
//! Residents' Association" on the next).

use crate::annotate::cursor::Cursor;
use crate::annotate::lexicon::LEXICON;
use crate::annotate::segment::{self, Token};
use crate::annotate::words::is_possessive_mark;
use crate::model::{Annotations, EntityId, EntityKind, Mention, MentionForm, Span};

/// How many tokens after a person's name its role may name an
/// organisation ("Ann Lee, director of public health at Acme").
const ROLE_REACH: usize = 15;

/// Most words of a role between an organisation's possessive and the name
/// it describes ("The union's deputy general secretary, Ann Lee").
const MAX_ROLE_WORDS: usize = 5;

/// The mentions of `ann` lying within `span`, in order.
pub fn within(ann: &Annotations, span: Span) -> impl Iterator<Item = &Mention> {
    let from = ann.mentions.partition_point(|m| m.span.start < span.start);
    ann.mentions[from..]
        .iter()
        .take_while(move |m| m.span.end <= span.end)
}

/// The organisation `speaker` speaks for, as the text of `ann` (over
/// `text`, whose tokens are `toks`) ties them at one of the speaker's name
/// mentions (see the module's doc).
pub fn speaks_for(
    text: &str,
    toks: &[Token],
    ann: &Annotations,
    speaker: EntityId,
) -> Option<EntityId> {
    tied(text, toks, ann, speaker, false)
}

/// The organisation `speaker` represents as one of its officers, as the
/// text of `ann` says with a role the organisation possesses ("Acme's
/// spokeswoman, Ann Lee," / "Its chair, Ann Lee," / "Ann Lee, the
/// agency's director") or its name before the role ("Acme chairman Ann
/// Lee"); not a mere place of work ("a professor at Acme University").
pub fn represents(
    text: &str,
    toks: &[Token],
    ann: &Annotations,
    speaker: EntityId,
) -> Option<EntityId> {
    tied(text, toks, ann, speaker, true)
}

/// [`speaks_for`], or with `officer` [`represents`].
fn tied(
    text: &str,
    toks: &[Token],
    ann: &Annotations,
    speaker: EntityId,
    officer: bool,
) -> Option<EntityId> {
    // The mentions come in text order: their tokens are found by galloping
    // on from the last one's (a binary search each over a long text's
    // tokens misses the cache).
    let mut cursor = Cursor::default();
    ann.entities[speaker]
        .mentions
        .iter()
        .map(|&k| ann.mentions[k])
        .filter(|m| m.form == MentionForm::Name)
        .find_map(|m| {
            let first = cursor.seek(toks, m.span.start, |t, at| t.start() < at);
            let after = cursor.seek(toks, m.span.end, |t, at| t.start() < at);
            role_after(text, toks, ann, (speaker, after), officer)
                .or_else(|| role_before(text, toks, ann, first))
                .or_else(|| signature(text, ann, m.span).filter(|_| !officer))
        })
}

/// The organisation mention starting at token `j`, if any.
fn organisation_at(toks: &[Token], ann: &Annotations, j: usize) -> Option<Mention> {
    let t = toks.get(j)?;
    ann.mention_at(t.start())
        .map(|o| ann.mentions[o])
        .filter(|o| {
            o.span.start == t.start() && ann.entities[o.entity].kind == EntityKind::Organization
        })
}

/// True when token `k` is a possessive "'s" (or a lone apostrophe).
fn possessive(text: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| is_possessive_mark(t.text(text)))
}

/// True for a word that names a role ("secretary", "chair").
fn is_role_noun(w: &str) -> bool {
    LEXICON.role_nouns.contains(w)
}

/// The first token at or after `from` past the mention `o`.
fn past(toks: &[Token], from: usize, o: &Mention) -> usize {
    from + toks[from..].partition_point(|t| t.start() < o.span.end)
}

/// After a name of `speaker` and a comma (token `after` is past the name):
/// an organisation after "of", "at" or "for" ("chief executive of (the)
/// Acme Company"; not for an `officer`), or one whose possessive opens the
/// role ("the agency's director"); none past another person's name ("Ann
/// Lee, and Tom Hill, chief engineer of Acme": Acme is his).
fn role_after(
    text: &str,
    toks: &[Token],
    ann: &Annotations,
    (speaker, after): (EntityId, usize),
    officer: bool,
) -> Option<EntityId> {
    if toks.get(after).is_none_or(|t| t.text(text) != ",") {
        return None;
    }
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    for j in after + 1..(after + ROLE_REACH).min(toks.len()) {
        if matches!(word(j), "." | ";" | "(" | ")") || segment::opens_line(text, toks, j) {
            return None;
        }
        let other_person = ann.mention_at(toks[j].start()).is_some_and(|k| {
            let e = ann.mentions[k].entity;
            e != speaker && ann.entities[e].kind == EntityKind::Person
        });
        if other_person {
            return None;
        }
        let Some(o) = organisation_at(toks, ann, j) else {
            continue;
        };
        let linked = |w: &str| matches!(w, "of" | "at" | "for");
        let opens_role = j == after + 1 && {
            let k = past(toks, j, &o);
            possessive(text, toks, k)
                && (k + 1..(k + MAX_ROLE_WORDS).min(toks.len())).any(|r| is_role_noun(word(r)))
        };
        let after_link =
            linked(word(j - 1)) || (word(j - 1).eq_ignore_ascii_case("the") && linked(word(j - 2)));
        return ((after_link && !officer) || opens_role).then_some(o.entity);
    }
    None
}

/// Before a name (token `first` is its first): a role an organisation
/// possesses and a comma ("The union's general secretary, Ann Lee" /
/// "Its chair, Ann Lee"), or an organisation's name right before the
/// role ("Acme chairman Ann Lee").
fn role_before(text: &str, toks: &[Token], ann: &Annotations, first: usize) -> Option<EntityId> {
    // Lowercase words; "its" opens a role rather than being one of its words.
    let lower = |k: usize| {
        let w = toks[k].text(text);
        w != "its" && w.chars().all(|c| c.is_lowercase() || c == '-')
    };
    let comma = first.checked_sub(1).filter(|&k| toks[k].text(text) == ",");
    let role_end = comma.unwrap_or(first);
    // The role's words, back to the organisation or its possessive.
    let mut k = role_end;
    while k > 0 && role_end - k < MAX_ROLE_WORDS && lower(k - 1) {
        k -= 1;
    }
    if k == role_end || k == 0 || !is_role_noun(toks[role_end - 1].text(text)) {
        return None;
    }
    let possessor = if possessive(text, toks, k - 1) {
        k - 1
    } else if comma.is_none() {
        // "Acme chairman Ann Lee": the organisation's name ends right there.
        k
    } else {
        // "Its chair, Ann Lee": the possessive pronoun itself.
        return (k - 1..k)
            .filter(|&j| matches!(toks[j].text(text), "Its" | "its"))
            .find_map(|j| organisation_at(toks, ann, j))
            .map(|o| o.entity);
    };
    let end = toks[possessor - 1].end();
    let o = ann
        .mentions
        .get(ann.mentions.partition_point(|m| m.span.end < end))
        .filter(|m| m.span.end == end && ann.entities[m.entity].kind == EntityKind::Organization)?;
    // A name only, for the name-before-role shape: "the company chairman
    // Ann Lee" is left alone.
    (comma.is_some() || o.form == MentionForm::Name).then_some(o.entity)
}

/// Most lines of a signature block read after the signer's name line.
const SIGNATURE_LINES: usize = 8;

/// Longest line read as part of a signature block, in bytes.
const MAX_SIGNATURE_LINE: usize = 80;

/// A signature: the name opening its line (`name`), alone or followed by a
/// comma and the signer's role ("Ann Lee, Chair"), and the one
/// organisation the block of short lines from there names as a signer's
/// body: a name filling a line ("Hill Residents' Association" under "Ann
/// Lee, Chair" and "Tom Hill, Secretary") or closing it after a comma
/// ("Ann Lee, Chair, Hill Trust"). None when the block names several
/// (a coalition's signers, each for their own body) or only a place of
/// work ("on behalf of 40 doctors at Hill Hospital (list attached)").
fn signature(text: &str, ann: &Annotations, name: Span) -> Option<EntityId> {
    let line_start = text[..name.start].rfind('\n').map_or(0, |n| n + 1);
    let rest = text[name.end..]
        .find('\n')
        .map_or(text.len(), |n| name.end + n);
    let after = text[name.end..rest].trim();
    if !text[line_start..name.start].trim().is_empty()
        || !(after.is_empty() || after.starts_with(','))
        || rest - line_start > MAX_SIGNATURE_LINE
    {
        return None;
    }
    let mut end = rest;
    let mut at = (rest + 1).min(text.len());
    for line in text[at..].split_inclusive('\n').take(SIGNATURE_LINES) {
        let body = line.trim();
        if body.is_empty() || body.len() > MAX_SIGNATURE_LINE {
            break;
        }
        at += line.len();
        end = at;
    }
    let mut bodies = within(ann, Span::new(name.end, end)).filter(|o| {
        let before = text[..o.span.start].trim_end_matches([' ', '\t']);
        let after = text[o.span.end..].trim_start_matches([' ', '\t', '.']);
        ann.entities[o.entity].kind == EntityKind::Organization
            && (before.is_empty() || before.ends_with(['\n', ',']))
            && (after.is_empty() || after.starts_with(['\n', '\r']))
    });
    let first = bodies.next()?.entity;
    bodies.all(|o| o.entity == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use crate::annotate::annotate;
    use crate::annotate::segment::segment;

    /// The organisation the person named `person` in `text` speaks for.
    fn employer(text: &str, person: &str) -> Option<String> {
        let ann = annotate(text);
        let toks = segment(text);
        let p = ann.entities.iter().position(|e| e.name == person)?;
        let o = super::speaks_for(text, &toks, &ann, p)?;
        Some(ann.entities[o].name.clone())
    }

    #[test]
    fn roles_tie_people_to_organisations() {
        for text in [
            "Ann Lee, chief executive of Dunmore Shipping Company, said prices would rise.",
            "Dunmore Shipping Company cut prices. The company's finance director, Ann Lee, said so.",
            "Dunmore Shipping Company cut prices. Its finance director, Ann Lee, said so.",
            "Dunmore Shipping Company chairman Ann Lee said prices would rise.",
        ] {
            assert_eq!(
                employer(text, "Ann Lee").as_deref(),
                Some("Dunmore Shipping Company"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_place_of_work_makes_no_officer() {
        let ann_of = |text: &str| {
            let ann = annotate(text);
            let toks = segment(text);
            let p = ann.entities.iter().position(|e| e.name == "Ann Lee")?;
            super::represents(text, &toks, &ann, p).map(|o| ann.entities[o].name.clone())
        };
        let text = "Ann Lee, a professor at Dunmore University, said so.";
        assert_eq!(
            employer(text, "Ann Lee").as_deref(),
            Some("Dunmore University")
        );
        assert_eq!(ann_of(text), None);
        let text = "Dunmore Shipping Company cut prices. Its chair, Ann Lee, said so.";
        assert_eq!(ann_of(text).as_deref(), Some("Dunmore Shipping Company"));
    }

    #[test]
    fn no_role_no_tie() {
        for text in [
            "Ann Lee, who visited Dunmore Shipping Company, said prices would rise.",
            "Dunmore Shipping Company cut prices, Ann Lee said.",
            "Ann Lee said prices would rise.",
        ] {
            assert_eq!(employer(text, "Ann Lee"), None, "{text}");
        }
    }

    #[test]
    fn a_role_after_another_persons_name_is_theirs() {
        let text = "Speaking: Ann Lee, and Tom Hill, chief engineer of Dunmore Shipping Company.";
        assert_eq!(employer(text, "Ann Lee"), None);
        assert_eq!(
            employer(text, "Tom Hill").as_deref(),
            Some("Dunmore Shipping Company")
        );
    }
}
