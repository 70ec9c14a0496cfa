//! Descriptions and pronouns linked to named actors, only where the link is
//! unambiguous: "the North Korean leader" joins the one person whose role
//! is a North Korean leader; "the company" the one organization named
//! nearby; "he" / "she" the one person of that gender named in the last
//! sentences, never across a quotation boundary.

use std::collections::HashMap;

use crate::annotate::kinds::Kind;
use crate::annotate::lexicon::Gender;
use crate::annotate::link::Cluster;
use crate::annotate::names::{Doc, starts_upper};
use crate::annotate::roles::{Qualifier, role_noun_at};
use crate::model::{MentionForm, Span};

/// A place where an actor is referred to, used as an antecedent.
#[derive(Clone, Copy, Debug)]
pub struct Anchor {
    /// First token of the mention.
    pub tok: usize,
    /// The cluster it belongs to.
    pub cluster: usize,
}

/// A resolved description or pronoun.
#[derive(Clone, Copy, Debug)]
pub struct Resolved {
    /// Where it stands.
    pub span: Span,
    /// Role or pronoun.
    pub form: MentionForm,
    /// The cluster it joins.
    pub cluster: usize,
}

/// Nouns that describe an organization ("the company").
const ORG_NOUNS: [&str; 22] = [
    "organization",
    "organisation",
    "company",
    "firm",
    "group",
    "agency",
    "ministry",
    "foundation",
    "church",
    "university",
    "party",
    "team",
    "gallery",
    "museum",
    "network",
    "newspaper",
    "council",
    "committee",
    "department",
    "bank",
    "club",
    "college",
];

/// Nouns so generic that they need a single candidate in the window.
fn is_generic_org_noun(w: &str) -> bool {
    matches!(
        w,
        "organization" | "organisation" | "company" | "firm" | "group"
    )
}

/// Sentences back a description or pronoun may look for its antecedent.
const WINDOW: usize = 2;

/// Anchors of the window of sentences ending at token `tok` (exclusive).
fn window<'a>(doc: &Doc, anchors: &'a [Anchor], tok: usize) -> &'a [Anchor] {
    let end = anchors.partition_point(|a| a.tok < tok);
    let first_sent = doc.toks[tok].sent.saturating_sub(WINDOW);
    let start = anchors[..end].partition_point(|a| doc.toks[a.tok].sent < first_sent);
    &anchors[start..end]
}

/// Finds "the [qualifier] role" descriptions of people and organizations.
/// `qualifiers` maps the first token of a name or demonym to its end token
/// and the name a role may be qualified by.
pub fn descriptions(
    doc: &Doc,
    clusters: &[Cluster],
    anchors: &[Anchor],
    qualifiers_at: &HashMap<usize, (usize, Qualifier)>,
    out: &mut Vec<Resolved>,
) {
    let n = doc.toks.len();
    for i in 0..n {
        if !matches!(doc.word(i), "the" | "The") || i + 2 > n {
            continue;
        }
        let mut j = i + 1;
        let mut qual = None;
        if let Some(&(e, q)) = qualifiers_at.get(&j) {
            j = e;
            qual = Some(q.name);
        }
        if j >= n {
            continue;
        }
        let word = doc.word(j);
        let (e, head) = if let Some(e) = role_noun_at(doc, j) {
            (e, doc.key(j, e).into_owned())
        } else if qual.is_none() && ORG_NOUNS.contains(&word) {
            if let Some(c) = org_antecedent(doc, clusters, anchors, j, word)
                && doc
                    .toks
                    .get(j + 1)
                    .is_none_or(|t| !starts_upper(t.span.slice(doc.text)))
            {
                out.push(Resolved {
                    span: Span::new(doc.toks[i].span.start, doc.toks[j].span.end),
                    form: MentionForm::Role,
                    cluster: c,
                });
            }
            continue;
        } else {
            continue;
        };
        if e < n && (doc.is_cap(e) || doc.word(e) == "of") {
            continue;
        }
        let mut found = clusters.iter().enumerate().filter(|(_, c)| {
            c.kind == Kind::Person
                && c.roles
                    .iter()
                    .any(|r| r.head == head && (qual.is_none() || r.country == qual))
        });
        if let (Some((id, _)), None) = (found.next(), found.next()) {
            out.push(Resolved {
                span: Span::new(doc.toks[i].span.start, doc.toks[e - 1].span.end),
                form: MentionForm::Role,
                cluster: id,
            });
        }
    }
}

/// The organization a "the company"-like noun at token `j` refers to: the
/// most recent one in the window whose name holds the noun ("the
/// foundation" → "Acme Foundation"), or for a generic noun the only one.
fn org_antecedent(
    doc: &Doc,
    clusters: &[Cluster],
    anchors: &[Anchor],
    j: usize,
    noun: &str,
) -> Option<usize> {
    let win = window(doc, anchors, j);
    let orgs = || {
        win.iter()
            .rev()
            .filter(|a| clusters[a.cluster].kind == Kind::Organization)
    };
    let named = orgs().find(|a| {
        clusters[a.cluster]
            .name
            .split(' ')
            .any(|w| w.eq_ignore_ascii_case(noun))
    });
    if let Some(a) = named {
        return Some(a.cluster);
    }
    if !is_generic_org_noun(noun) {
        return None;
    }
    let mut ids = orgs().map(|a| a.cluster);
    let first = ids.next()?;
    ids.all(|c| c == first).then_some(first)
}

/// Gender of a third-person singular pronoun.
fn pronoun_gender(w: &str) -> Option<Gender> {
    match w {
        "he" | "him" | "his" | "himself" | "He" | "His" | "Him" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" | "She" | "Her" => Some(Gender::Female),
        _ => None,
    }
}

/// Links "he"/"she" pronouns outside quotations to a person named in the
/// same or the previous sentences: the only person of agreeing gender
/// there, or else the first such person of the nearest sentence naming one.
/// Gender learnt from a link is kept for later pronouns.
pub fn pronouns(doc: &Doc, clusters: &mut [Cluster], anchors: &[Anchor], out: &mut Vec<Resolved>) {
    for (i, t) in doc.toks.iter().enumerate() {
        if t.quoted {
            continue;
        }
        let Some(g) = pronoun_gender(t.span.slice(doc.text)) else {
            continue;
        };
        let win = window(doc, anchors, i);
        let fits = |a: &&Anchor| {
            let c = &clusters[a.cluster];
            c.kind == Kind::Person && c.gender.agrees(g) && !doc.toks[a.tok].quoted
        };
        let Some(last) = win.iter().rev().find(fits) else {
            continue;
        };
        let unique = win.iter().filter(fits).all(|a| a.cluster == last.cluster);
        let chosen = if unique {
            last.cluster
        } else {
            let sent = doc.toks[last.tok].sent;
            match win
                .iter()
                .filter(fits)
                .find(|a| doc.toks[a.tok].sent == sent)
            {
                Some(a) => a.cluster,
                None => continue,
            }
        };
        if clusters[chosen].gender == Gender::Unknown {
            clusters[chosen].gender = g;
        }
        out.push(Resolved {
            span: t.span,
            form: MentionForm::Pronoun,
            cluster: chosen,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronoun_genders() {
        assert_eq!(pronoun_gender("his"), Some(Gender::Male));
        assert_eq!(pronoun_gender("Her"), Some(Gender::Female));
        assert_eq!(pronoun_gender("it"), None);
    }

    #[test]
    fn generic_nouns() {
        assert!(is_generic_org_noun("company") && !is_generic_org_noun("museum"));
    }
}
