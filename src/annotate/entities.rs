//! Named actors: the entity stage of the pipeline. Finds proper-name
//! mentions ([`super::names`]), types them ([`super::kinds`]), takes roles
//! ([`super::roles`]), links them ([`super::link`]), adds descriptions and
//! pronouns ([`super::descriptions`]) and demonym and capital entities, and
//! assembles the entity part of [`Annotations`].

use std::collections::HashMap;

use crate::annotate::descriptions::{self, Anchor, Resolved};
use crate::annotate::kinds::{self, Kind, is_acronym};
use crate::annotate::lexicon::{GazKind, Gender, LEXICON};
use crate::annotate::link::{self, Cluster, NameMention};
use crate::annotate::names::{Doc, Piece, PieceKind};
use crate::annotate::roles::{self, Qualifier, is_honorific};
use crate::model::{Annotations, Entity, Link, LinkRel, Mention, MentionForm, Span};

/// A demonym mention ("North Korean") and its country.
struct Demonym {
    start: usize,
    end: usize,
    country: &'static str,
}

/// Everything read off the capitalised runs.
#[derive(Default)]
struct Found {
    names: Vec<NameMention>,
    demonyms: Vec<Demonym>,
}

/// Turns the pieces of one run into name and demonym mentions, attaching
/// titles to the names after them.
fn collect(doc: &Doc, pieces: &[Piece], found: &mut Found) {
    let mut title: Option<(usize, usize, Gender)> = None;
    for (k, p) in pieces.iter().enumerate() {
        let adjacent_title = title.filter(|&(_, e, _)| e == p.start);
        match p.kind {
            PieceKind::Title(g) => {
                title = Some(match title {
                    // "Prime Minister" after "Deputy": one title.
                    Some((s, e, g0)) if e == p.start => {
                        (s, p.end, if g0 == Gender::Unknown { g } else { g0 })
                    }
                    _ => (p.start, p.end, g),
                });
                continue;
            }
            PieceKind::Demonym(country) => found.demonyms.push(Demonym {
                start: p.start,
                end: p.end,
                country,
            }),
            PieceKind::Gazetteer(entry) => found.names.push(NameMention {
                span: doc.span(p.start, p.end),
                lead: p.start,
                start: p.start,
                end: p.end,
                kind: Kind::of_gazetteer(entry.kind),
                canonical: Some(entry.canonical),
                country: entry.kind == GazKind::Country,
                gender: Gender::Unknown,
                roles: Vec::new(),
                acronym_of: None,
            }),
            PieceKind::Keyed(kk) => {
                found
                    .names
                    .push(plain(doc, p, Kind::of_keyed(kk), Gender::Unknown))
            }
            PieceKind::Other => {
                let (mut kind, mut gender) = kinds::classify(doc, p.start, p.end);
                if kind == Kind::Unknown && p.end - p.start >= 2 && adjacent_title.is_none() {
                    // Several words, some of them common words: a title of a
                    // work or a product, not an actor.
                    title = None;
                    continue;
                }
                let mut m;
                if let Some((ts, te, tg)) = adjacent_title {
                    kind = Kind::Person;
                    if tg != Gender::Unknown {
                        gender = tg;
                    }
                    m = plain(doc, p, kind, gender);
                    m.lead = ts;
                    m.span = Span::new(doc.toks[ts].span.start, m.span.end);
                    let title_text = doc.key(ts, te);
                    if !is_honorific(&title_text) {
                        // A qualifier right before the title: "U.S. President".
                        let q = k
                            .checked_sub(2)
                            .and_then(|i| pieces.get(i))
                            .filter(|q| q.end == ts)
                            .and_then(|q| match q.kind {
                                PieceKind::Gazetteer(g) => Some((q.start, g.canonical)),
                                PieceKind::Demonym(c) => Some((q.start, c)),
                                _ => None,
                            });
                        let a = q.map_or(ts, |(s, _)| s);
                        m.roles.push(roles::role(doc, a, ts, te, q.map(|(_, c)| c)));
                    }
                } else {
                    m = plain(doc, p, kind, gender);
                }
                found.names.push(m);
            }
        }
        title = None;
    }
}

fn plain(doc: &Doc, p: &Piece, kind: Kind, gender: Gender) -> NameMention {
    NameMention {
        span: doc.span(p.start, p.end),
        lead: p.start,
        start: p.start,
        end: p.end,
        kind,
        canonical: None,
        country: false,
        gender,
        roles: Vec::new(),
        acronym_of: None,
    }
}

/// Marks acronyms in parentheses right after a name ("Korean Central News
/// Agency (KCNA)") as defined by that name.
fn mark_acronyms(doc: &Doc, names: &mut [NameMention]) {
    for k in 1..names.len() {
        let m = &names[k];
        let (s, e) = (m.start, m.end);
        if e - s != 1 || !is_acronym(doc.word(s)) || s < 2 || e >= doc.toks.len() {
            continue;
        }
        let prev = &names[k - 1];
        if doc.word(s - 1) == "("
            && doc.word(e) == ")"
            && prev.end == s - 1
            && prev.end - prev.start >= 2
        {
            let kind = prev.kind;
            names[k].acronym_of = Some(k - 1);
            names[k].kind = kind;
            names[k].canonical = None;
        }
    }
}

/// Finds the entities of `text`, given its sentences.
pub fn find(text: &str, sentences: Vec<Span>) -> Annotations {
    let doc = Doc::new(text, sentences);
    let mut found = Found::default();
    let mut pieces = Vec::new();
    for (a, b) in doc.runs() {
        pieces.clear();
        doc.pieces(a, b, &mut pieces);
        collect(&doc, &pieces, &mut found);
    }
    let Found {
        mut names,
        demonyms,
    } = found;
    mark_acronyms(&doc, &mut names);

    // Qualifiers: countries, demonyms and other names that may precede a role.
    let mut qual_by_end: HashMap<usize, Qualifier> = HashMap::new();
    let mut qual_by_start: HashMap<usize, (usize, Qualifier)> = HashMap::new();
    for d in &demonyms {
        let q = Qualifier {
            start: d.start,
            name: d.country,
        };
        qual_by_end.insert(d.end, q);
        qual_by_start.insert(d.start, (d.end, q));
    }
    for m in &names {
        if let Some(c) = m.canonical {
            let q = Qualifier {
                start: m.start,
                name: c,
            };
            qual_by_end.insert(m.end, q);
            qual_by_start.insert(m.start, (m.end, q));
        }
    }
    roles::add_context_roles(&doc, &mut names, &qual_by_end);

    let (mut clusters, of_mention) = link::link(&doc, &names);
    let mut anchors: Vec<Anchor> = names
        .iter()
        .zip(&of_mention)
        .map(|(m, &c)| Anchor {
            tok: m.lead,
            cluster: c,
        })
        .collect();
    let mut resolved = Vec::new();
    descriptions::descriptions(&doc, &clusters, &anchors, &qual_by_start, &mut resolved);
    for r in &resolved {
        let tok = doc.toks.partition_point(|t| t.span.start < r.span.start);
        anchors.push(Anchor {
            tok,
            cluster: r.cluster,
        });
    }
    anchors.sort_by_key(|a| a.tok);
    descriptions::pronouns(&doc, &mut clusters, &anchors, &mut resolved);

    assemble(&doc, names, of_mention, clusters, demonyms, resolved)
}

/// A mention on its way out: span, form, cluster (index into the combined
/// cluster list).
type Out = (Span, MentionForm, usize);

fn assemble(
    doc: &Doc,
    names: Vec<NameMention>,
    of_mention: Vec<usize>,
    mut clusters: Vec<Cluster>,
    demonyms: Vec<Demonym>,
    resolved: Vec<Resolved>,
) -> Annotations {
    let mut outs: Vec<Out> = Vec::with_capacity(names.len() + resolved.len() + demonyms.len());
    for (m, &c) in names.iter().zip(&of_mention) {
        outs.push((m.span, MentionForm::Name, c));
    }
    for r in &resolved {
        outs.push((r.span, r.form, r.cluster));
    }
    // Demonym entities, one per country.
    let mut demonym_cluster: HashMap<&'static str, usize> = HashMap::new();
    let mut demonym_links = Vec::new();
    for d in &demonyms {
        let id = *demonym_cluster.entry(d.country).or_insert_with(|| {
            let name = LEXICON
                .demonym_of_country
                .get(d.country)
                .map_or_else(|| doc.key(d.start, d.end).into_owned(), |s| (*s).to_owned());
            clusters.push(Cluster::demonym(name));
            demonym_links.push((clusters.len() - 1, d.country));
            clusters.len() - 1
        });
        outs.push((doc.span(d.start, d.end), MentionForm::Demonym, id));
    }
    // Sorted by start, longer first; later overlapping mentions are dropped.
    outs.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut mentions_out: Vec<Out> = Vec::with_capacity(outs.len());
    for o in outs {
        if mentions_out.last().is_none_or(|l| l.0.end <= o.0.start) {
            mentions_out.push(o);
        }
    }
    // Entities in order of first mention; only those with a mention left.
    let mut new_id = vec![usize::MAX; clusters.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(mentions_out.len());
    for (span, form, c) in mentions_out {
        if new_id[c] == usize::MAX {
            new_id[c] = entities.len();
            let cl = &clusters[c];
            entities.push(Entity {
                kind: cl.kind.entity_kind(),
                name: cl.name.clone(),
                roles: cl.roles.iter().map(|r| r.text.clone()).collect(),
                mentions: Vec::new(),
            });
        }
        let id = new_id[c];
        entities[id].mentions.push(mentions.len());
        mentions.push(Mention {
            span,
            form,
            entity: id,
        });
    }
    // Links: demonym_of and capital_of, to the country entity when present.
    let country_of: HashMap<&str, usize> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.country)
        .filter_map(|(i, c)| Some((c.canonical?, i)))
        .collect();
    let mut links = Vec::new();
    for (c, country) in demonym_links {
        if let Some(&to) = country_of.get(country) {
            push_link(&mut links, &new_id, c, to, LinkRel::DemonymOf);
        }
    }
    for (i, c) in clusters.iter().enumerate() {
        let Some(country) = c.canonical.and_then(|n| LEXICON.capitals.get(n)) else {
            continue;
        };
        if let Some(&to) = country_of.get(country) {
            push_link(&mut links, &new_id, i, to, LinkRel::CapitalOf);
        }
    }
    links.sort_by_key(|l: &Link| (l.from, l.to));
    Annotations {
        sentences: doc.sentences.clone(),
        entities,
        mentions,
        links,
        ..Annotations::default()
    }
}

fn push_link(links: &mut Vec<Link>, new_id: &[usize], from: usize, to: usize, rel: LinkRel) {
    let (from, to) = (new_id[from], new_id[to]);
    if from != usize::MAX && to != usize::MAX {
        links.push(Link { from, to, rel });
    }
}
