//! Roles of named people: from a title ("U.S. President Donald J. Trump"),
//! a role noun before the name ("North Korean leader Kim Jong Un") or an
//! apposition after it ("Sarah Sanders, the White House press secretary,").

use std::ops::Range;

use crate::annotate::fasthash::Map;

use crate::annotate::doc::Doc;
use crate::annotate::kinds::Kind;
use crate::annotate::lexicon::LEXICON;
use crate::annotate::link::{NameMention, Role};
use crate::annotate::segment::{TokenKind, sentence_range};

/// Honorifics: they give a gender but are not roles.
pub fn is_honorific(title: &str) -> bool {
    LEXICON.honorifics.contains(title.trim_end_matches('.'))
}

/// True for a lowercase word.
fn is_lower_word(doc: &Doc, i: usize) -> bool {
    doc.toks[i].kind() == TokenKind::Word
        && doc.word(i).chars().next().is_some_and(char::is_lowercase)
}

/// The start of a lowercase role noun ("leader", "press secretary") ending
/// just before token `e`.
pub fn role_noun_before(doc: &Doc, e: usize) -> Option<usize> {
    let lx = &*LEXICON;
    [2, 1].into_iter().find_map(|n| {
        let s = e.checked_sub(n)?;
        let same_sentence = doc.toks[s].sent() == doc.toks[e - 1].sent();
        (same_sentence
            && (s..e).all(|i| is_lower_word(doc, i))
            && lx.role_nouns.contains(doc.key(s, e).as_ref()))
        .then_some(s)
    })
}

/// The end of a lowercase role noun starting at token `s`.
pub fn role_noun_at(doc: &Doc, s: usize) -> Option<usize> {
    let lx = &*LEXICON;
    [2, 1].into_iter().find_map(|n| {
        let e = s + n;
        (e <= doc.toks.len()
            && doc.toks[e - 1].sent() == doc.toks[s].sent()
            && (s..e).all(|i| is_lower_word(doc, i))
            && lx.role_nouns.contains(doc.key(s, e).as_ref()))
        .then_some(e)
    })
}

/// What a name or demonym just before a role contributes: the qualifier a
/// description must repeat ("North Korea" for "North Korean").
#[derive(Clone, Copy, Debug)]
pub struct Qualifier {
    /// First token of the name.
    pub start: usize,
    /// The country or name it stands for.
    pub name: &'static str,
}

/// Builds a role from tokens `a..e`, its head being `head_start..e`.
pub fn role(
    doc: &Doc,
    a: usize,
    head_start: usize,
    e: usize,
    qualifier: Option<&'static str>,
) -> Role {
    Role {
        text: doc.key(a, e).into_owned(),
        head: doc.key(head_start, e).to_lowercase(),
        country: qualifier,
    }
}

/// Adds roles from role nouns before a person's name and from appositions
/// after it. `qualifiers` maps a token index to the qualifier name ending
/// there.
pub fn add_context_roles(doc: &Doc, names: &mut [NameMention], qualifiers: &Map<usize, Qualifier>) {
    for m in names.iter_mut() {
        if !matches!(m.kind, Kind::Person | Kind::Unknown) || m.canonical.is_some() || m.office {
            continue;
        }
        let lead = m.lead;
        if m.roles.is_empty()
            && let Some(rs) = role_noun_before(doc, lead)
        {
            let (a, q) = match qualifiers.get(&rs) {
                Some(q) => (q.start, Some(q.name)),
                None => (rs, None),
            };
            m.roles.push(role(doc, a, rs, lead, q));
            if m.kind == Kind::Unknown {
                m.kind = Kind::Person;
            }
        }
        for (r, _) in [
            apposition(doc, m.end, qualifiers),
            apposition_before(doc, lead, m.end, qualifiers),
        ]
        .into_iter()
        .flatten()
        {
            if !m.roles.contains(&r) {
                m.roles.push(r);
            }
        }
    }
}

/// "NAME, (the|a) [Qualifier] ... ROLE-NOUN," — the role after a name.
fn apposition(
    doc: &Doc,
    b: usize,
    qualifiers: &Map<usize, Qualifier>,
) -> Option<(Role, Range<usize>)> {
    if b + 2 >= doc.toks.len() || doc.word(b) != "," {
        return None;
    }
    let sent = doc.toks[b].sent();
    let mut a = b + 1;
    if matches!(doc.word(a), "the" | "a" | "an") {
        a += 1;
    }
    for e in a + 1..=(a + 8).min(doc.toks.len()) {
        if doc.toks[e - 1].sent() != sent || doc.toks[e - 1].kind() == TokenKind::Punct {
            return None;
        }
        let closes = e == doc.toks.len() || matches!(doc.word(e), "," | "." | ";" | ")" | "—");
        if !closes {
            continue;
        }
        // The role noun ends the phrase ("the city press secretary") or
        // heads an "of" phrase ("the mayor of Lyon").
        let (head_start, head_end) = match role_noun_before(doc, e) {
            Some(s) => (s, e),
            None => (a..e).find_map(|i| {
                role_noun_at(doc, i)
                    .filter(|&h| h < e && matches!(doc.word(h), "of" | "for" | "at"))
                    .map(|h| (i, h))
            })?,
        };
        let q = (a..=e).find_map(|i| qualifiers.get(&i).filter(|q| q.start >= a).map(|q| q.name));
        let mut r = role(doc, a, head_start, head_end, q);
        r.text = doc.key(a, e).into_owned();
        return Some((r, a..head_end));
    }
    None
}

/// "(the|a) ... ROLE-NOUN ..., NAME," — the role before a name set off by
/// commas ("A spokeswoman for the agency, Jane Roe, said").
fn apposition_before(
    doc: &Doc,
    lead: usize,
    b: usize,
    qualifiers: &Map<usize, Qualifier>,
) -> Option<(Role, Range<usize>)> {
    // The name closes the apposition: a comma, the sentence's end or the
    // line's ("… to the water minister, Petra Lowe" on a title line).
    let closed =
        b == doc.toks.len() || matches!(doc.word(b), "," | "." | ";" | ":") || doc.opens_line(b);
    if lead < 2 || !closed || doc.word(lead - 1) != "," {
        return None;
    }
    let comma = lead - 1;
    let sentence_start = sentence_range(&doc.toks, comma).start;
    // The furthest determiner back within a few words, before any
    // punctuation: "A spokeswoman for the agency".
    let mut start = None;
    for k in (sentence_start..comma).rev().take(8) {
        if doc.toks[k].kind() == TokenKind::Punct {
            break;
        }
        if matches!(
            doc.word(k),
            "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
                | "its"
                | "Its"
                | "his"
                | "His"
                | "her"
                | "Her"
                | "their"
                | "Their"
        ) {
            start = Some(k + 1);
        }
    }
    let a = start.filter(|&a| a < comma)?;
    let (head_start, head_end) =
        (a..comma).find_map(|i| role_noun_at(doc, i).filter(|&e| e <= comma).map(|e| (i, e)))?;
    let q =
        (a..=head_start).find_map(|i| qualifiers.get(&i).filter(|q| q.start >= a).map(|q| q.name));
    let mut r = role(doc, a, head_start, head_end, q);
    r.text = doc.key(a, comma).into_owned();
    Some((r, a..head_end))
}

/// The token ranges of the role appositions beside a person's name in
/// tokens `lead..end`, each from its first word after a determiner or
/// possessive pronoun to the end of its role noun: "Ann Lee, director of
/// the gallery," → "director"; "The union's general secretary, Ann Lee,"
/// → "union's general secretary".
pub fn apposition_ranges(doc: &Doc, lead: usize, end: usize) -> Vec<Range<usize>> {
    let none = Map::default();
    [
        apposition(doc, end, &none),
        apposition_before(doc, lead, end, &none),
    ]
    .into_iter()
    .flatten()
    .map(|(_, range)| range)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;

    #[test]
    fn role_nouns_are_found_on_either_side() {
        let text = "The press secretary met the leader Brandt.";
        let doc = Doc::new(text, segment(text));
        assert_eq!(role_noun_at(&doc, 1), Some(3));
        assert_eq!(role_noun_before(&doc, 3), Some(1));
        assert_eq!(role_noun_before(&doc, 6), Some(5));
        assert_eq!(role_noun_at(&doc, 4), None);
    }

    #[test]
    fn apposition_gives_a_role() {
        let text = "Sarah Brandt, the city press secretary, spoke.";
        let doc = Doc::new(text, segment(text));
        let (r, range) = apposition(&doc, 2, &Map::default()).unwrap();
        assert_eq!(r.text, "city press secretary");
        assert_eq!(r.head, "press secretary");
        assert_eq!(range, 4..7);
        let text = "Sarah Brandt, the mayor of Lyon, spoke.";
        let doc = Doc::new(text, segment(text));
        let (r, range) = apposition(&doc, 2, &Map::default()).unwrap();
        assert_eq!(r.text, "mayor of Lyon");
        assert_eq!(r.head, "mayor");
        assert_eq!(range, 4..5);
        let text = "Sarah Brandt, who spoke, left.";
        let doc = Doc::new(text, segment(text));
        assert_eq!(apposition(&doc, 2, &Map::default()), None);
        let text = "A spokeswoman for the agency, Sarah Brandt, said so.";
        let doc = Doc::new(text, segment(text));
        let (r, range) = apposition_before(&doc, 6, 8, &Map::default()).unwrap();
        assert_eq!(r.text, "spokeswoman for the agency");
        assert_eq!(r.head, "spokeswoman");
        assert_eq!(range, 1..2);
        assert_eq!(apposition_ranges(&doc, 6, 8), vec![range]);
    }

    #[test]
    fn honorifics_are_not_roles() {
        assert!(is_honorific("Mr.") && is_honorific("Ms") && !is_honorific("President"));
    }
}
