//! Descriptions and pronouns linked to named actors, only where the link is
//! unambiguous: "the North Korean leader" joins the one person whose role
//! is a North Korean leader; "the company" the one organization named
//! nearby; "he" / "she" the one person of that gender named in the last
//! sentences, never across a quotation boundary.

use std::sync::LazyLock;

use crate::annotate::fasthash::Map;
use crate::annotate::segment::TokenKind;
use crate::annotate::words::{
    AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, MODALS, SPEECH_VERBS, is_attribution_verb,
    is_possessive_mark, starts_upper,
};

use crate::annotate::doc::Doc;
use crate::annotate::kinds::Kind;
use crate::annotate::lexicon::{Gender, LEXICON, entries};
use crate::annotate::link::Cluster;
use crate::annotate::roles::{Qualifier, apposition_ranges, role_noun_at};
use crate::model::{MentionForm, Span};

/// A place where an actor is referred to, used as an antecedent. There is
/// one for every mention, so the indices are kept to 32 bits (tokens and
/// clusters of a text under `document::MAX_BYTES` fit).
#[derive(Clone, Copy, Debug)]
pub struct Anchor {
    /// First token of the mention.
    first: u32,
    /// One past its last token.
    past: u32,
    /// The cluster it belongs to.
    of: u32,
    /// Its sentence.
    sentence: u32,
    /// True inside quotation marks.
    quoted: bool,
}

/// `n` as `u32`, saturating.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Anchor {
    /// The anchor for the mention in tokens `tok..end` of `cluster`.
    pub fn new(doc: &Doc, tok: usize, end: usize, cluster: usize) -> Self {
        Anchor {
            first: narrow(tok),
            past: narrow(end),
            of: narrow(cluster),
            sentence: narrow(doc.toks[tok].sent()),
            quoted: doc.toks[tok].quoted(),
        }
    }

    /// First token of the mention.
    pub fn tok(self) -> usize {
        self.first as usize
    }

    /// One past its last token.
    pub fn end(self) -> usize {
        self.past as usize
    }

    /// The cluster it belongs to.
    pub fn cluster(self) -> usize {
        self.of as usize
    }

    /// Its sentence.
    fn sent(self) -> usize {
        self.sentence as usize
    }
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

/// Sentences back a description or pronoun may look for its antecedent.
const WINDOW: usize = 2;

/// Sentences back the organization an article follows is counted over
/// (see [`Named::salient`]).
const SALIENT_SENTENCES: usize = 40;

/// At most this many mentions back are counted for salience.
const MAX_SALIENT_ANCHORS: usize = 400;

/// Sentences back "the foundation" may look for a name holding the noun.
const NAMED_WINDOW: usize = 6;

/// At most this many mentions back (a bound for very long sentences).
const MAX_CANDIDATES: usize = 48;

/// Anchors of the window of sentences ending at token `tok` (exclusive).
fn window<'a>(doc: &Doc, anchors: &'a [Anchor], tok: usize) -> &'a [Anchor] {
    window_of(doc, anchors, tok, WINDOW)
}

/// Anchors of the `sentences` sentences before token `tok`, and of its own
/// sentence up to it.
fn window_of<'a>(doc: &Doc, anchors: &'a [Anchor], tok: usize, sentences: usize) -> &'a [Anchor] {
    let end = anchors.partition_point(|a| a.tok() < tok);
    let first_sent = doc.toks[tok].sent().saturating_sub(sentences);
    let start = anchors[..end].partition_point(|a| a.sent() < first_sent);
    &anchors[start.max(end.saturating_sub(MAX_CANDIDATES))..end]
}

/// Finds "the [qualifier] role" descriptions of people and organizations,
/// and "this company"-like ones of organizations ("this club", "this
/// airline": the organization a speaker stands for, as the article
/// follows it).
/// `qualifiers` maps the first token of a name or demonym to its end token
/// and the name a role may be qualified by.
pub fn descriptions(
    doc: &Doc,
    clusters: &[Cluster],
    anchors: &[Anchor],
    qualifiers_at: &Map<usize, (usize, Qualifier)>,
    out: &mut Vec<Resolved>,
) {
    let holders = role_holders(clusters);
    let named = Named::new(clusters, anchors);
    let n = doc.toks.len();
    for &i in &doc.cues.the {
        let this = matches!(doc.word(i), "this" | "This");
        // "this" only before a noun of no name's sort ("this company",
        // "this club"; "this government" may be any government).
        let reaching = || {
            THING_NOUN_KINDS
                .get(doc.word(i + 1))
                .is_some_and(|&(kind, reach)| kind == Kind::Organization && reach != Reach::Named)
        };
        if i + 2 > n || (this && !reaching()) {
            continue;
        }
        let (j, qual) = match qualifiers_at.get(&(i + 1)) {
            Some(&(e, q)) => (e, Some(q.name)),
            None => (i + 1, None),
        };
        if j >= n {
            continue;
        }
        let found = match role_noun_at(doc, j) {
            Some(e) => role_holder(doc, &holders, j, e, qual).map(|c| (e, c)),
            None if qual.is_none() => thing_described(doc, &named, j).map(|c| (j + 1, c)),
            None => None,
        };
        if let Some((e, cluster)) = found {
            out.push(Resolved {
                span: Span::new(doc.toks[i].start(), doc.toks[e - 1].end()),
                form: MentionForm::Role,
                cluster,
            });
        }
    }
}

/// The role appositions of people named at `anchors` (names only, sorted
/// by token), each with the span of the name it describes: "Ann Lee,
/// director of the gallery," and "The union's general secretary, Ann
/// Lee," (see [`apposition_ranges`]). An apposition starts past a name or
/// a description of `described` ending before its role noun, with its
/// possessive mark ("the union's general secretary": "general secretary"
/// when "the union" is a description), and is left out when one covers
/// the noun.
pub fn appositions(
    doc: &Doc,
    clusters: &[Cluster],
    anchors: &[Anchor],
    described: &[Resolved],
) -> Vec<(Span, Span)> {
    // Token ranges of every name and description, by start; the longest
    // bounds how far back one may start and still overlap.
    let described: Vec<(usize, usize)> = described
        .iter()
        .map(|r| {
            let first = doc.toks.partition_point(|t| t.start() < r.span.start);
            let past = doc.toks.partition_point(|t| t.start() < r.span.end);
            (first, past)
        })
        .collect();
    let taken = sorted_union(described, anchors.iter().map(|b| (b.tok(), b.end())));
    let longest = taken.iter().map(|&(s, e)| e - s).max().unwrap_or(0);
    let mut found = Vec::new();
    for a in anchors {
        if clusters[a.cluster()].kind != Kind::Person {
            continue;
        }
        for range in apposition_ranges(doc, a.tok(), a.end()) {
            let (mut start, end) = (range.start, range.end);
            let from = start;
            let lo = taken.partition_point(|&(s, _)| s + longest < from);
            let hi = taken.partition_point(|&(s, _)| s < end);
            let taken = taken[lo..hi.max(lo)].iter().filter(|&&(_, e)| e > from);
            let mut clear = true;
            for &(_, e) in taken {
                if e < end {
                    start = start.max(e);
                } else {
                    clear = false;
                }
            }
            if start < end && is_possessive_mark(doc.word(start)) {
                start += 1;
            }
            if clear && start < end {
                let name = Span::new(doc.toks[a.tok()].start(), doc.toks[a.end() - 1].end());
                found.push((
                    Span::new(doc.toks[start].start(), doc.toks[end - 1].end()),
                    name,
                ));
            }
        }
    }
    found
}

/// The pairs of `a` and `b` together, in increasing order: merged when
/// each is in order already, as the descriptions and the names come (a
/// sort of the two one after the other cost more than the apposition
/// search it serves), else sorted.
fn sorted_union(
    a: Vec<(usize, usize)>,
    b: impl Iterator<Item = (usize, usize)> + Clone,
) -> Vec<(usize, usize)> {
    if !a.is_sorted() || !b.clone().is_sorted() {
        let mut all = a;
        all.extend(b);
        all.sort_unstable();
        return all;
    }
    let mut out = Vec::with_capacity(a.len() + b.size_hint().0);
    let mut a = a.into_iter().peekable();
    for x in b {
        while let Some(y) = a.next_if(|y| *y <= x) {
            out.push(y);
        }
        out.push(x);
    }
    out.extend(a);
    out
}

/// The one person whose role has the head in tokens `j..e` (and the
/// qualifier, if any), unless the role noun is followed by a name ("the
/// president Ann Lee") or an "of" phrase ("the president of the club").
fn role_holder(
    doc: &Doc,
    holders: &Map<&str, Vec<Holder>>,
    j: usize,
    e: usize,
    qual: Option<&'static str>,
) -> Option<usize> {
    if e < doc.toks.len() && (doc.is_cap(e) || doc.word(e) == "of") {
        return None;
    }
    let head = doc.key(j, e);
    let mut found = holders
        .get(head.as_ref())
        .into_iter()
        .flatten()
        .filter(|h| (!h.as_leader || qual.is_some()) && (qual.is_none() || h.country == qual))
        .map(|h| h.cluster);
    let first = found.next()?;
    found.all(|c| c == first).then_some(first)
}

/// The organization or place "the company"-like noun at token `j` stands
/// for, unless an "of" phrase or a name follows ("the town of X").
fn thing_described(doc: &Doc, named: &Named, j: usize) -> Option<usize> {
    let word = doc.word(j);
    let next = doc.toks.get(j + 1).map(|t| t.span().slice(doc.text));
    if next.is_some_and(|w| w == "of" || starts_upper(w)) {
        return None;
    }
    match THING_NOUN_KINDS.get(word) {
        Some(&(kind, reach)) => thing_antecedent(doc, named, j, word, kind, reach),
        // Any other noun that heads names of organizations or places:
        // strict head match only ("the trust" for "Hill Supporters' Trust",
        // "the river" for "Orun River"; not "the post" for a newspaper).
        None if heads_names(doc, j) => named.one_ending_in(j, word),
        None => None,
    }
}

/// True when the lowercase word at token `j`, capitalised, is a keyword
/// that heads organization names ("Trust", "Service") or ends place names
/// ("River", "Road").
fn heads_names(doc: &Doc, j: usize) -> bool {
    let word = doc.word(j);
    let mut chars = word.chars();
    let Some(first) = chars.next().filter(char::is_ascii_lowercase) else {
        return false;
    };
    let key = format!("{}{}", first.to_ascii_uppercase(), chars.as_str());
    LEXICON.org_keys.get(key.as_str()).is_some_and(|k| k.head)
        || LEXICON.place_keys.contains(key.as_str())
}

/// A person holding a role, as indexed by the role's head.
struct Holder {
    cluster: usize,
    country: Option<&'static str>,
    /// Indexed under "leader" for a head-of-state office: matches only a
    /// description qualified by a country.
    as_leader: bool,
}

/// People by the heads of their roles ("president" → the president).
fn role_holders(clusters: &[Cluster]) -> Map<&str, Vec<Holder>> {
    let mut out: Map<&str, Vec<Holder>> = Map::default();
    for (id, c) in clusters.iter().enumerate() {
        if c.kind != Kind::Person {
            continue;
        }
        for r in &c.roles {
            let holder = |as_leader| Holder {
                cluster: id,
                country: r.country,
                as_leader,
            };
            out.entry(r.head.as_str()).or_default().push(holder(false));
            if r.head != "leader" && LEXICON.leader_offices.contains(r.head.as_str()) {
                out.entry("leader").or_default().push(holder(true));
            }
        }
    }
    out
}

/// How far a noun of `description_nouns.txt` reaches for the organization
/// or place it stands for, beyond a name that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reach {
    /// Only a name that holds it ("the union", "the ministry").
    Named,
    /// Also the organization the article is about ("the club", "the team"
    /// for "Ashby Rovers").
    Salient,
    /// Also the one candidate of its kind nearby ("the company", "the
    /// city"), or the organization the article is about.
    Generic,
}

/// Nouns that describe an organization ("the company") or a place ("the
/// city"), each with the kind it needs and how far it reaches.
static THING_NOUN_KINDS: LazyLock<Map<&'static str, (Kind, Reach)>> = LazyLock::new(|| {
    entries(include_str!("lexicon/description_nouns.txt"))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let noun = parts.next().unwrap_or_default();
            let kind = match parts.next() {
                Some("place") => Kind::Place,
                _ => Kind::Organization,
            };
            let reach = match parts.next() {
                Some("generic") => Reach::Generic,
                Some("salient") => Reach::Salient,
                _ => Reach::Named,
            };
            (noun, (kind, reach))
        })
        .collect()
});

/// For a lowercase `noun` that describes an organization ("company",
/// "union", "board"): whether it is generic, fit for any organization
/// ("company", "group") rather than one whose name holds it ("union").
pub fn organization_noun(noun: &str) -> Option<bool> {
    THING_NOUN_KINDS
        .get(noun)
        .filter(|&&(kind, _)| kind == Kind::Organization)
        .map(|&(_, reach)| reach == Reach::Generic)
}

/// The organization or place a "the company"-like noun at token `j`
/// refers to: the most recent one in the window whose name holds the noun
/// ("the foundation" → "Acme Foundation"), or the one named earlier whose
/// name ends in it; else for a generic or salient noun the organization
/// the article is about ("the company", "the club": see
/// [`Named::salient`]); else for a generic noun the only one of its kind
/// nearby ("the country": the only country named nearby).
fn thing_antecedent(
    doc: &Doc,
    named: &Named,
    j: usize,
    noun: &str,
    kind: Kind,
    reach: Reach,
) -> Option<usize> {
    let Named {
        clusters, anchors, ..
    } = *named;
    let holding = window_of(doc, anchors, j, NAMED_WINDOW)
        .iter()
        .rev()
        .find(|a| {
            let c = &clusters[a.cluster()];
            c.kind != Kind::Person && c.name.split(' ').any(|w| w.eq_ignore_ascii_case(noun))
        });
    if let Some(a) = holding {
        return Some(a.cluster());
    }
    // Strict head match, however far back: "the union" for the one
    // organization or place named earlier whose name ends in "Union".
    if let Some(c) = named.one_ending_in(j, noun) {
        return Some(c);
    }
    if reach == Reach::Named {
        return None;
    }
    // The organization the article is about, before any nearby: "the
    // company" after an analyst's firm named once is still the company
    // the story follows.
    if kind == Kind::Organization
        && let Some(c) = named.salient(doc, j, noun)
    {
        return Some(c);
    }
    if reach == Reach::Salient {
        return None;
    }
    let win = window(doc, anchors, j);
    let fits = |c: &Cluster| match noun {
        "country" | "nation" => c.country,
        "city" | "town" => c.kind == Kind::Place && !c.country,
        _ => c.kind == kind,
    };
    let unique = |fits: &dyn Fn(&Cluster) -> bool| {
        let mut ids = win
            .iter()
            .rev()
            .map(|a| a.cluster())
            .filter(|&c| fits(&clusters[c]));
        let first = ids.next()?;
        ids.all(|c| c == first).then_some(first)
    };
    // "the company": a name with a company designator ("Acme Inc.") first.
    let company = |c: &Cluster| {
        c.kind == Kind::Organization
            && c.name
                .rsplit(' ')
                .next()
                .is_some_and(|w| LEXICON.org_keys.get(w).is_some_and(|k| k.suffix))
    };
    if matches!(noun, "company" | "firm")
        && let Some(c) = unique(&company)
    {
        return Some(c);
    }
    // Then the one organization nearby whose name may be a company's:
    // "the company" is not the "Product Safety Office" named beside it.
    if matches!(noun, "company" | "firm") {
        return unique(&|c: &Cluster| c.kind == kind && name_fits_noun(&c.name, noun));
    }
    unique(&fits)
}

/// True when the word at token `k` (or after one auxiliary or adverb) is a
/// speech verb: the mention ending at `k` is its subject ("Acme said",
/// "Acme has announced").
fn speaks(doc: &Doc, k: usize) -> bool {
    let n = doc.toks.len();
    let verb_at = |k: usize| k < n && is_attribution_verb(doc.word(k));
    verb_at(k) || (k < n && BETWEEN_SUBJECT_AND_VERB.contains(doc.word(k)) && verb_at(k + 1))
}

/// True when an organization named `name` may be described by `noun`: no
/// word of its name is another organization noun or a keyword heading
/// names of organizations of a sort ("Teachers' Union" is "the union", not
/// "the company"), except that a company designator or a generic noun
/// fits a generic noun ("Acme Ltd." and "Acme Group" are "the company").
fn name_fits_noun(name: &str, noun: &str) -> bool {
    let generic = organization_noun(noun) == Some(true);
    name.split(' ').all(|w| {
        let bare = w.trim_end_matches(['\'', '’']);
        let lower = bare.to_lowercase();
        let key = LEXICON.org_keys.get(bare);
        if lower == noun || (generic && key.is_some_and(|k| k.suffix)) {
            return true;
        }
        match organization_noun(&lower) {
            Some(other_generic) => generic && other_generic,
            None => key.is_none_or(|k| !k.head),
        }
    })
}

/// The named actors a "the company"-like noun may stand for: the clusters,
/// the anchors of their names in text order, and the organizations and
/// places indexed by the last word of their names for strict head match.
struct Named<'a> {
    clusters: &'a [Cluster],
    anchors: &'a [Anchor],
    /// Organizations and places whose names have two or more words, by
    /// their last word lowercased ("union" → "Harbour Workers' Union"),
    /// each with the token where it is first named, in text order.
    by_last_word: Map<String, Vec<(usize, usize)>>,
}

impl<'a> Named<'a> {
    /// Indexes the clusters named at `anchors` (sorted by token).
    fn new(clusters: &'a [Cluster], anchors: &'a [Anchor]) -> Self {
        let mut seen = vec![false; clusters.len()];
        let mut by_last_word: Map<String, Vec<(usize, usize)>> = Map::default();
        for a in anchors {
            let c = a.cluster();
            if std::mem::replace(&mut seen[c], true) || clusters[c].kind == Kind::Person {
                continue;
            }
            if let Some((_, last)) = clusters[c].name.rsplit_once(' ') {
                by_last_word
                    .entry(last.to_ascii_lowercase())
                    .or_default()
                    .push((a.tok(), c));
            }
        }
        Named {
            clusters,
            anchors,
            by_last_word,
        }
    }

    /// The organization the article is about when a generic or salient
    /// `noun` ("the company", "the club") names none nearby: of the
    /// organizations named in the last [`SALIENT_SENTENCES`] sentences
    /// before token `j` that `noun` may describe
    /// ([`name_fits_noun`]), the one that speaks most often ("Acme said",
    /// "Acme has announced": the subject of a speech verb), more often than
    /// any other, and at least twice unless no other of them is named in
    /// the last sentences.
    fn salient(&self, doc: &Doc, j: usize, noun: &str) -> Option<usize> {
        let end = self.anchors.partition_point(|a| a.tok() < j);
        let first_sent = doc.toks[j].sent().saturating_sub(SALIENT_SENTENCES);
        let start = self.anchors[..end].partition_point(|a| a.sent() < first_sent);
        let before = &self.anchors[start.max(end.saturating_sub(MAX_SALIENT_ANCHORS))..end];
        // Each organization's count, or None when its name does not fit.
        let mut counts: Map<usize, Option<usize>> = Map::default();
        for a in before {
            let c = &self.clusters[a.cluster()];
            if c.kind != Kind::Organization {
                continue;
            }
            let n = counts
                .entry(a.cluster())
                .or_insert_with(|| name_fits_noun(&c.name, noun).then_some(0));
            if let Some(n) = n {
                *n += usize::from(speaks(doc, a.end()));
            }
        }
        let mut ranked: Vec<(usize, usize)> =
            counts.iter().filter_map(|(&c, &n)| Some((n?, c))).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        let &[(n, c), ref rest @ ..] = ranked.as_slice() else {
            return None;
        };
        let alone = || {
            window(doc, self.anchors, j)
                .iter()
                .all(|a| a.cluster() == c || !matches!(counts.get(&a.cluster()), Some(Some(_))))
        };
        let clear = rest.first().is_none_or(|r| r.0 < n);
        (clear && (n >= 2 || (n == 1 && alone()))).then_some(c)
    }

    /// The one organization or place named before token `j` whose name
    /// ends in `noun` ("Harbour Workers' Union" for "the union"), if
    /// exactly one is.
    fn one_ending_in(&self, j: usize, noun: &str) -> Option<usize> {
        let firsts = self.by_last_word.get(noun.to_ascii_lowercase().as_str())?;
        match firsts[..firsts.partition_point(|&(tok, _)| tok < j)] {
            [(_, c)] => Some(c),
            _ => None,
        }
    }
}

/// True when tokens `from..to` are a short verb group a subject ending at
/// `from` governs: one to three auxiliaries, adverbs of time, inflected
/// verbs or a verb after a modal ("is holding", "bases", "would close").
fn verb_group(doc: &Doc, from: usize, to: usize) -> bool {
    from < to
        && to - from <= 3
        && (from..to).all(|k| {
            let w = doc.word(k);
            let after_modal = k > from && MODALS.contains(&doc.word(k - 1));
            doc.toks[k].kind() == TokenKind::Word
                && w.starts_with(|c: char| c.is_lowercase())
                && (AUXILIARIES.contains(w)
                    || after_modal
                    || is_attribution_verb(w)
                    || matches!(w, "also" | "now" | "still")
                    || (w.len() > 3
                        && (w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"))
                        && !matches!(w, "across" | "towards" | "during" | "regarding")))
        })
}

/// Most tokens of a relative clause between commas after a subject.
const MAX_RELATIVE: usize = 16;

/// Past a relative clause between commas that opens at token `k` (", which
/// employs 300 people,"), before token `limit`: the token after its
/// closing comma; else `k`.
fn past_relative(doc: &Doc, k: usize, limit: usize) -> usize {
    if k + 1 >= limit || doc.word(k) != "," || !matches!(doc.word(k + 1), "which" | "who") {
        return k;
    }
    (k + 2..limit.min(k + MAX_RELATIVE))
        .find(|&c| doc.word(c) == ",")
        .map_or(k, |c| c + 1)
}

/// Links "he"/"she" pronouns to a person named in the same or the previous
/// sentences: the only person of agreeing gender there, or else (outside
/// quotations only) the first such person of the nearest sentence naming
/// one, a possessor only when nobody else fits there; with nobody named
/// nearby, the article's main person of that gender. A byline's writer is
/// never an antecedent.
/// A pronoun outside quotations looks only at names outside them; one
/// inside a quotation never refers to its speaker.
/// Gender learnt from a link is kept for later pronouns.
pub fn pronouns(
    doc: &Doc,
    clusters: &mut [Cluster],
    anchors: &[Anchor],
    quotations: &[Quotation],
    out: &mut Vec<Resolved>,
) {
    let protagonist = protagonist(clusters);
    let addressed = addressees(doc, clusters.len(), anchors);
    for &i in &doc.cues.pronouns {
        let t = &doc.toks[i];
        let Some(g) = Gender::of_pronoun(t.span().slice(doc.text)) else {
            continue;
        };
        let win = window(doc, anchors, i);
        // Inside a quotation, "he" is not its speaker.
        let speaker = t
            .quoted()
            .then(|| quotation_at(quotations, i).and_then(|q| q.speaker))
            .flatten();
        // A byline's writer is no antecedent of the story's pronouns.
        let agrees = |a: &&Anchor| {
            let c = &clusters[a.cluster()];
            c.kind == Kind::Person
                && c.gender.agrees(g)
                && (t.quoted() || !a.quoted)
                && Some(a.cluster()) != speaker
                && !doc.in_byline(a.tok())
                && !addressed[a.cluster()]
        };
        // People known to be of this gender come before those of unknown gender.
        let known = win
            .iter()
            .any(|a| agrees(&a) && clusters[a.cluster()].gender == g);
        let fits = |a: &&Anchor| agrees(a) && (!known || clusters[a.cluster()].gender == g);
        let Some(last) = win.iter().rev().find(fits) else {
            // Nobody named nearby: the article's main person, if of this gender.
            if let Some(p) = protagonist
                && clusters[p].gender == g
            {
                out.push(Resolved {
                    span: t.span(),
                    form: MentionForm::Pronoun,
                    cluster: p,
                });
            }
            continue;
        };
        let unique = win
            .iter()
            .filter(fits)
            .all(|a| a.cluster() == last.cluster());
        let chosen = if unique {
            last.cluster()
        } else if t.quoted() {
            continue;
        } else {
            // The first person of that sentence, passing over a possessor
            // ("Lee's lawyer, Tom Park, said he ..." is Park).
            let sent = doc.toks[last.tok()].sent();
            let mut here = win.iter().filter(fits).filter(|a| a.sent() == sent);
            let first = here.clone().next();
            match here.find(|a| !is_possessor(doc, a)).or(first) {
                Some(a) => a.cluster(),
                None => continue,
            }
        };
        if clusters[chosen].gender == Gender::Unknown {
            clusters[chosen].gender = g;
        }
        out.push(Resolved {
            span: t.span(),
            form: MentionForm::Pronoun,
            cluster: chosen,
        });
    }
}

/// Per cluster, true when the text only addresses it: one of its mentions
/// is a vocative and every other one outside quotations opens its sentence
/// set off by a comma, as a vocative does (see
/// [`crate::annotate::first_person::vocative_shape`]).
fn addressees(doc: &Doc, n: usize, anchors: &[Anchor]) -> Vec<bool> {
    let mut vocative = vec![false; n];
    let mut other = vec![false; n];
    for a in anchors.iter().filter(|a| !a.quoted) {
        let c = a.cluster();
        if c >= n {
            continue;
        }
        match crate::annotate::first_person::vocative_shape(doc.text, &doc.toks, a.tok(), a.end()) {
            Some(true) => vocative[c] = true,
            Some(false) => {}
            None => other[c] = true,
        }
    }
    vocative
        .iter()
        .zip(&other)
        .map(|(&v, &o)| v && !o)
        .collect()
}

/// True when the mention of `a` is a possessor ("Lee's", "the Parks'").
fn is_possessor(doc: &Doc, a: &Anchor) -> bool {
    let last = doc.word(a.end() - 1);
    let next = doc.toks.get(a.end()).map(|t| t.span().slice(doc.text));
    next.is_some_and(is_possessive_mark) || last.ends_with("'s") || last.ends_with("’s")
}

/// The person named clearly more often than any other (at least three
/// times, and more than anyone else), if any.
fn protagonist(clusters: &[Cluster]) -> Option<usize> {
    let mut people: Vec<(usize, usize)> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == Kind::Person)
        .map(|(i, c)| (c.mentions.len(), i))
        .collect();
    people.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    match people.as_slice() {
        [(n, p), rest @ ..] if *n >= 3 && rest.first().is_none_or(|r| r.0 < *n) => Some(*p),
        _ => None,
    }
}

/// Links "its" to the only organization or place named in its sentence
/// before it or in the sentence before.
pub fn possessive_it(doc: &Doc, clusters: &[Cluster], anchors: &[Anchor], out: &mut Vec<Resolved>) {
    for &i in &doc.cues.pronouns {
        let t = &doc.toks[i];
        if !matches!(t.span().slice(doc.text), "its" | "Its") {
            continue;
        }
        let win = window(doc, anchors, i);
        let first_sent = t.sent().saturating_sub(1);
        let mut ids = win
            .iter()
            .rev()
            .take_while(|a| a.sent() >= first_sent)
            .filter(|a| clusters[a.cluster()].kind != Kind::Person && a.quoted == t.quoted())
            .map(|a| a.cluster());
        let Some(first) = ids.next() else { continue };
        let only = ids.all(|c| c == first).then_some(first);
        // Else the subject of its verb: "USI bases its exhibit", "the
        // gallery is holding its show", "Acme would close its plant" (a
        // name, then only a verb group), passing over a relative clause
        // between commas ("Acme, which employs 300 people, said its").
        let subject = || {
            let a = win
                .iter()
                .rev()
                .take_while(|a| a.sent() == t.sent())
                .filter(|a| a.tok() < i && a.quoted == t.quoted())
                .find(|a| verb_group(doc, past_relative(doc, a.end(), i), i))?;
            (clusters[a.cluster()].kind != Kind::Person).then_some(a.cluster())
        };
        if let Some(cluster) = only.or_else(subject) {
            out.push(Resolved {
                span: t.span(),
                form: MentionForm::Pronoun,
                cluster,
            });
        }
    }
}

/// Most words of a phrase between a speech verb and "that" ("said in a
/// statement on Thursday that it …").
const MAX_PHRASE_BEFORE_THAT: usize = 6;

/// Links "it" opening the clause a speech verb reports to the organization
/// or place named right before the verb, its subject: "Acme said it would
/// appeal", "the council announced that it had", "Acme said in a statement
/// on Thursday that it welcomed …", "the office has promised us that it
/// will" (only words between the verb and "that": no comma, quotation
/// mark or name; any speech verb before "that"; an auxiliary or adverb
/// or two may stand between the subject and the verb; `anchors` sorted by
/// token).
pub fn reported_it(doc: &Doc, clusters: &[Cluster], anchors: &[Anchor], out: &mut Vec<Resolved>) {
    for &i in &doc.cues.pronouns {
        let t = &doc.toks[i];
        if i < 2 || t.span().slice(doc.text) != "it" {
            continue;
        }
        let verb = if is_attribution_verb(doc.word(i - 1)) {
            Some(i - 1)
        } else if doc.word(i - 1) == "that" {
            let from = (i - 1).saturating_sub(MAX_PHRASE_BEFORE_THAT + 1);
            (from..i - 1)
                .rev()
                .take_while(|&k| doc.toks[k].kind() == TokenKind::Word)
                .find(|&k| {
                    is_attribution_verb(doc.word(k)) || SPEECH_VERBS.contains_key(doc.word(k))
                })
                .filter(|&v| {
                    let named = anchors.partition_point(|a| a.tok() <= v);
                    anchors.get(named).is_none_or(|a| a.tok() >= i)
                })
        } else {
            None
        };
        let Some(v) = verb.filter(|&v| v > 0) else {
            continue;
        };
        // The subject, before the verb or an auxiliary or adverb or two
        // ("Acme has told us that it", "Acme has also said it").
        let mut s = v;
        while s > 0 && v - s < 2 && BETWEEN_SUBJECT_AND_VERB.contains(doc.word(s - 1)) {
            s -= 1;
        }
        let k = anchors.partition_point(|a| a.tok() < s);
        let subject = anchors[..k].iter().rev().take(3).find(|a| a.end() == s);
        if let Some(a) = subject
            && clusters[a.cluster()].kind != Kind::Person
        {
            out.push(Resolved {
                span: t.span(),
                form: MentionForm::Pronoun,
                cluster: a.cluster(),
            });
        }
    }
}

/// Longest quotation, in tokens, whose speaker is looked for.
const MAX_QUOTE_TOKENS: usize = 400;

/// A quotation (token indices of its marks) and the person named as its
/// speaker next to a speech verb, if any.
#[derive(Clone, Copy, Debug)]
pub struct Quotation {
    /// The opening mark.
    pub open: usize,
    /// The closing mark.
    pub close: usize,
    /// The speaker's cluster.
    pub speaker: Option<usize>,
}

/// The quotations of `doc` (closed ones, from the one quotation pass) and
/// their speakers: a person named (or referred to by a linked pronoun)
/// next to a speech verb right after the
/// quotation ("“...,” Lowe said", "“...,” said Lowe") or right before it
/// ("Lowe said: “...”").
pub fn quotations(doc: &Doc, clusters: &[Cluster], anchors: &[Anchor]) -> Vec<Quotation> {
    let person_at = |tok: usize| {
        let i = anchors.partition_point(|a| a.tok() < tok);
        anchors
            .get(i)
            .filter(|a| a.tok() == tok && clusters[a.cluster()].kind == Kind::Person)
            .copied()
    };
    let person_ending_at = |end: usize| {
        let i = anchors.partition_point(|a| a.tok() < end);
        anchors[..i]
            .iter()
            .rev()
            .take(3)
            .find(|a| a.end() == end && clusters[a.cluster()].kind == Kind::Person)
            .copied()
    };
    let n = doc.toks.len();
    let mut out = Vec::new();
    for m in &doc.quotations.marks {
        let (Some(opened), Some(i)) = (m.open_tok, m.close_tok) else {
            continue;
        };
        // Marks standing in one token hold no word, and a stray mark would
        // pair with one far away: neither is a quotation.
        if i <= opened || i - opened > MAX_QUOTE_TOKENS {
            continue;
        }
        let mut k = i + 1;
        if k < n && doc.word(k) == "," {
            k += 1;
        }
        let after = if k < n && is_attribution_verb(doc.word(k)) {
            person_at(k + 1)
        } else {
            person_at(k).filter(|a| a.end() < n && is_attribution_verb(doc.word(a.end())))
        };
        let before = (opened >= 2 && matches!(doc.word(opened - 1), ":" | ","))
            .then(|| opened - 2)
            .filter(|&v| is_attribution_verb(doc.word(v)))
            .and_then(person_ending_at);
        out.push(Quotation {
            open: opened,
            close: i,
            speaker: after.or(before).map(|a| a.cluster()),
        });
    }
    out
}

/// The quotation holding token `i`, if any.
fn quotation_at(quotations: &[Quotation], i: usize) -> Option<&Quotation> {
    let k = quotations.partition_point(|q| q.close < i);
    quotations.get(k).filter(|q| q.open < i)
}

/// Links "I", "me", "my" inside a quotation to its speaker.
pub fn first_person(doc: &Doc, quotations: &[Quotation], out: &mut Vec<Resolved>) {
    for q in quotations {
        let Some(speaker) = q.speaker else { continue };
        for t in &doc.toks[q.open + 1..q.close] {
            if crate::annotate::first_person::is_first_person(t.span().slice(doc.text)) {
                out.push(Resolved {
                    span: t.span(),
                    form: MentionForm::Pronoun,
                    cluster: speaker,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_union_is_the_sort_of_both() {
        let sorted = |mut v: Vec<(usize, usize)>| {
            v.sort_unstable();
            v
        };
        for (a, b) in [
            (
                vec![(0, 2), (3, 4), (3, 5), (9, 9)],
                vec![(1, 1), (3, 4), (8, 9)],
            ),
            (vec![], vec![(1, 2), (2, 3)]),
            (vec![(5, 6)], vec![]),
            // Out of order: sorted rather than merged.
            (vec![(4, 5), (0, 1)], vec![(3, 3), (1, 9)]),
        ] {
            let both = sorted(a.iter().chain(&b).copied().collect());
            assert_eq!(sorted_union(a, b.into_iter()), both);
        }
    }

    #[test]
    fn leader_indexes_heads_of_state() {
        let mut c = Cluster::demonym("Ann Lee".to_owned());
        c.kind = Kind::Person;
        c.roles.push(crate::annotate::link::Role {
            text: "Chilean President".to_owned(),
            head: "president".to_owned(),
            country: Some("Chile"),
        });
        let h = role_holders(std::slice::from_ref(&c));
        assert!(!h["president"][0].as_leader);
        assert!(h["leader"][0].as_leader);
        assert_eq!(h["leader"][0].country, Some("Chile"));
    }

    #[test]
    fn thing_nouns_load_with_their_kind_and_genericity() {
        assert_eq!(
            THING_NOUN_KINDS.get("company"),
            Some(&(Kind::Organization, Reach::Generic))
        );
        assert_eq!(
            THING_NOUN_KINDS.get("ministry"),
            Some(&(Kind::Organization, Reach::Named))
        );
        assert_eq!(
            THING_NOUN_KINDS.get("club"),
            Some(&(Kind::Organization, Reach::Salient))
        );
        assert_eq!(
            THING_NOUN_KINDS.get("city"),
            Some(&(Kind::Place, Reach::Generic))
        );
        assert_eq!(
            THING_NOUN_KINDS.get("island"),
            Some(&(Kind::Place, Reach::Named))
        );
        assert_eq!(THING_NOUN_KINDS.len(), 67);
    }

    #[test]
    fn its_goes_to_the_subject_of_its_verb_among_several_organizations() {
        use crate::annotate::annotate;
        let text = "The Pace Gallery at Northfield University is holding its show.";
        let ann = annotate(text);
        let its = ann
            .mention_at(text.find("its").unwrap())
            .expect("its is linked");
        assert_eq!(
            ann.entities[ann.mentions[its].entity].name,
            "Northfield University"
        );
        // A preposition between: no guess.
        let text = "The Pace Gallery spoke with Northfield University about its show.";
        let ann = annotate(text);
        assert!(ann.mention_at(text.find("its").unwrap()).is_none());
    }

    #[test]
    fn thing_nouns_have_kinds() {
        let kind = |w: &str| THING_NOUN_KINDS.get(w).copied();
        assert_eq!(kind("company"), Some((Kind::Organization, Reach::Generic)));
        assert_eq!(kind("mosque"), Some((Kind::Place, Reach::Named)));
        assert_eq!(kind("president"), None);
    }

    #[test]
    fn trade_nouns_and_the_bloc_name_the_only_organization_nearby() {
        use crate::annotate::annotate;
        for (text, name, description) in [
            (
                "Toyota Motor said profits rose. The carmaker expects sales to grow.",
                "Toyota Motor",
                "The carmaker",
            ),
            (
                "European Union leaders met on Thursday, as the bloc seeks to cut revenues.",
                "European Union",
                "the bloc",
            ),
        ] {
            let ann = annotate(text);
            let e = ann.entities.iter().find(|e| e.name == name).expect(name);
            let forms: Vec<&str> = e
                .mentions
                .iter()
                .map(|&m| ann.mentions[m].span.slice(text))
                .collect();
            assert!(forms.contains(&description), "{text}: {forms:?}");
        }
        // Two organizations nearby: no guess.
        let text = "Toyota and Honda said profits rose. The carmaker expects sales to grow.";
        let ann = annotate(text);
        assert!(
            ann.mentions
                .iter()
                .all(|m| m.span.slice(text) != "The carmaker")
        );
    }

    #[test]
    fn a_head_noun_finds_the_one_name_it_ends_however_far_back() {
        let far = " The weather was mild. Buses ran late. Shops stayed open.".repeat(3);
        let text = format!(
            "The Harbour Workers' Union called a strike on Monday.{far} \
             Talks resumed, and the union said it would wait."
        );
        assert_eq!(
            antecedent(&text, "the union", 0).as_deref(),
            Some("Harbour Workers' Union")
        );
        // Two names ending in the noun: no guess.
        let text = format!(
            "The Harbour Workers' Union and the Teachers' Union met.{far} \
             Talks resumed, and the union said it would wait."
        );
        assert_eq!(antecedent(&text, "the union", 0), None);
    }

    #[test]
    fn a_noun_heading_organization_names_finds_the_one_it_heads() {
        let text = "The Selwood Supporters' Trust met on Sunday. Fans cheered. \
                    Later the trust wrote to the board.";
        assert_eq!(
            antecedent(text, "the trust", 0).as_deref(),
            Some("Selwood Supporters' Trust")
        );
        // "post" ends newspapers' names but heads none: no link.
        let text = "The Selwood Post reported the fire. Fans cheered. \
                    Later she left the post in May.";
        assert_eq!(antecedent(text, "the post", 0), None);
    }

    #[test]
    fn it_after_a_speech_verb_is_the_organization_before_it() {
        let text = "Talks failed on Monday. Dunmore Shipping Company said it would appeal.";
        assert_eq!(
            antecedent(text, "it", 0).as_deref(),
            Some("Dunmore Shipping Company")
        );
        // A person before the verb: "it" is no actor of theirs.
        let text = "Talks failed on Monday. Ann Lee said it would rain.";
        assert_eq!(antecedent(text, "it", 0), None);
    }

    #[test]
    fn a_trade_word_ending_a_name_makes_a_company_that_it_refers_to() {
        // "Components", "Appliances": a company, not a person named
        // "Korrel Components", so "it" and "the company" may be its.
        for (text, name) in [
            (
                "Talks failed. Korrel Components said it would appeal.",
                "Korrel Components",
            ),
            (
                "Talks failed. Ashby Appliances said it would appeal.",
                "Ashby Appliances",
            ),
            // A water company ("Thames Water" is how such are named).
            (
                "Talks failed. Tarnley Water said it would appeal.",
                "Tarnley Water",
            ),
        ] {
            assert_eq!(antecedent(text, "it", 0).as_deref(), Some(name), "{text}");
        }
    }

    #[test]
    fn it_after_a_speech_verb_and_that_is_the_organization_before_the_verb() {
        let text = "Talks failed. Dunmore Shipping Company said in a statement on Friday \
                    that it would appeal.";
        assert_eq!(
            antecedent(text, "it", 0).as_deref(),
            Some("Dunmore Shipping Company")
        );
        let text = "Talks failed. Dunmore Shipping Company announced that it had won.";
        assert_eq!(
            antecedent(text, "it", 0).as_deref(),
            Some("Dunmore Shipping Company")
        );
        // A name between the verb and "that": it may be the subject, so the
        // rule leaves "it" to the learned ranker (which may take either).
        let text = "Talks failed. Dunmore Shipping Company told Velland Rail \
                    on Friday that it would appeal.";
        assert_eq!(rule_antecedent(text, "it"), None);
        // A comma between: another clause.
        let text = "Talks failed. Dunmore Shipping Company said, after a pause, \
                    that it would appeal.";
        assert_eq!(antecedent(text, "it", 0), None);
        // "that" of a noun's clause, too far from any speech verb.
        let text = "Talks failed. Dunmore Shipping Company said nothing about the \
                    long and bitter dispute over the fact that it was owed money.";
        assert_eq!(antecedent(text, "it", 0), None);
    }

    #[test]
    fn a_generic_noun_passes_over_a_body_its_name_does_not_fit() {
        // The office and the company are both nearby; only the company's
        // name may be "the company".
        let text = "Rain fell. The Safety Office told Ashby Appliances on Monday to \
                    recall a heater, and demanded that the company stop selling it.";
        assert_eq!(
            rule_antecedent(text, "the company").as_deref(),
            Some("Ashby Appliances")
        );
        // Two companies nearby: no guess.
        let text = "Rain fell. Pellor Foods told Ashby Appliances on Monday to \
                    recall a heater, and demanded that the company stop selling it.";
        assert_eq!(rule_antecedent(text, "the company"), None);
    }

    #[test]
    fn a_generic_noun_is_the_organization_that_speaks_most() {
        // An analysts' firm named once, nearby, is not "the company".
        let text = "Corvane Foods said on Monday it would close a plant in Drayford. \
                    Corvane said about 200 jobs would go. Analysts at Pellor \
                    Securities Ltd. were surprised by the scale. The company said \
                    it expects profits to rise next year.";
        assert_eq!(
            antecedent(text, "The company", 0).as_deref(),
            Some("Corvane Foods")
        );
        // Two organizations that speak as often, both nearby: no guess.
        let text = "Corvane Foods said profits fell, and Pellor Mining Group said \
                    costs rose. The company said it would pay a dividend.";
        assert_eq!(antecedent(text, "The company", 0), None);
        // A union is "the union", never "the company".
        let text = "The Harbour Workers' Union said it would strike. Members voted \
                    on Monday. Buses ran late. Later the company said it would reply.";
        assert_eq!(antecedent(text, "the company", 0), None);
    }

    #[test]
    fn a_team_noun_is_the_organization_the_article_follows() {
        let text = "Corvane Racing Ltd. said on Sunday it would enter two cars. \
                    Drivers were pleased. Fans were not. Later the team said a \
                    third car was ready.";
        assert_eq!(
            antecedent(text, "the team", 0).as_deref(),
            Some("Corvane Racing Ltd.")
        );
        // A club of supporters is no team, and "the team" needs someone
        // who speaks: nothing to link.
        let text = "The Lowbury Supporters' Club said it was worried. Drivers were \
                    pleased. Fans were not. Later the team said a third car was ready.";
        assert_eq!(antecedent(text, "the team", 0), None);
    }

    #[test]
    fn names_fit_the_nouns_of_their_sort() {
        assert!(name_fits_noun("Brightwell Foods", "company"));
        assert!(name_fits_noun("Acme Group", "company"));
        assert!(name_fits_noun("Acme Ltd.", "company"));
        assert!(!name_fits_noun("Teachers' Union", "company"));
        assert!(!name_fits_noun("Lowbury Supporters' Club", "team"));
        assert!(name_fits_noun("Lowbury Supporters' Club", "club"));
    }

    #[test]
    fn it_after_an_auxiliary_and_a_speech_verb_with_that_is_the_subject() {
        let text = "Talks failed. The Velland Rail Authority has told us that it will \
                    inspect the line.";
        assert_eq!(
            antecedent(text, "it", 0).as_deref(),
            Some("Velland Rail Authority")
        );
        let text = "Talks failed. The Velland Rail Authority has promised me that it \
                    will pay.";
        assert_eq!(
            antecedent(text, "it", 0).as_deref(),
            Some("Velland Rail Authority")
        );
        // A noun between the subject and the verb: no subject known.
        let text = "Talks failed. The Velland Rail Authority report has promised me \
                    that it will pay.";
        assert_eq!(antecedent(text, "it", 0), None);
    }

    #[test]
    fn its_after_a_modal_or_a_relative_clause_is_the_subjects() {
        let text = "Dunmore Shipping Company and Velland Rail Authority met. Dunmore \
                    Shipping Company would close its depot.";
        assert_eq!(
            antecedent(text, "its", 0).as_deref(),
            Some("Dunmore Shipping Company")
        );
        let text = "Dunmore Shipping Company and Velland Rail Authority met. Dunmore \
                    Shipping Company, which owns the Velland Rail Authority, said its \
                    profits rose.";
        assert_eq!(
            antecedent(text, "its", 0).as_deref(),
            Some("Dunmore Shipping Company")
        );
    }

    #[test]
    fn a_relative_clause_ends_at_its_comma() {
        use crate::annotate::segment::segment;
        let text = "Acme, which employs 300 people, said its profits rose.";
        let doc = Doc::new(text, segment(text));
        let n = doc.toks.len();
        let said = (0..n).find(|&k| doc.word(k) == "said").unwrap();
        assert_eq!(past_relative(&doc, 1, n), said);
        // No closing comma before the limit, or no relative word: stay.
        assert_eq!(past_relative(&doc, 1, said - 1), 1);
        assert_eq!(past_relative(&doc, 0, n), 0);
    }

    #[test]
    fn role_appositions_join_the_person_they_describe() {
        let text = "Talks resumed. Ann Lee, director of the gallery, said so.";
        assert_eq!(antecedent(text, "director", 0).as_deref(), Some("Ann Lee"));
        let text = "Talks resumed. Its finance director, Ann Lee, said so.";
        assert_eq!(
            antecedent(text, "finance director", 0).as_deref(),
            Some("Ann Lee")
        );
        // A name inside the apposition stays a name of its own.
        let text = "Talks resumed. Ann Lee, the Velland Rail Authority spokeswoman, said so.";
        assert_eq!(
            antecedent(text, "Velland Rail Authority", 0).as_deref(),
            Some("Velland Rail Authority")
        );
        // No role noun, no apposition.
        let text = "Talks resumed. Ann Lee, who left in May, said so.";
        assert_eq!(antecedent(text, "who", 0), None);
    }

    #[test]
    fn a_broadcast_or_legal_role_is_its_holders_description() {
        // "presenter", "barrister": roles, so "the presenter" later is the
        // one person who holds it.
        let text = "Asked by presenter Sam Whitby whether it would end, Ann Lee said no. \
                    The presenter also asked about pay.";
        assert_eq!(
            antecedent(text, "The presenter", 0).as_deref(),
            Some("Sam Whitby")
        );
    }

    #[test]
    fn this_company_is_the_company_the_article_follows() {
        let text = "Corvane Foods said on Monday it would close a plant. Corvane said \
                    200 jobs would go. “This company has a future,” a worker said.";
        assert_eq!(
            antecedent(text, "This company", 0).as_deref(),
            Some("Corvane Foods")
        );
        // "this" before any other noun is no description, nor before a
        // noun a name must hold.
        let text = "Corvane Foods said on Monday it would close a plant. Corvane said \
                    200 jobs would go. This plant has a future.";
        assert_eq!(antecedent(text, "This plant", 0), None);
        let text = "The Dunmore Town Council met. Ann Lee said this council had failed.";
        assert_eq!(antecedent(text, "this council", 0), None);
    }

    /// The name of the entity the pronoun at the `nth` (0-based) occurrence
    /// of `pronoun` in `text` joins, if any.
    fn antecedent(text: &str, pronoun: &str, nth: usize) -> Option<String> {
        linked(text, pronoun, nth, &crate::annotate::annotate(text))
    }

    /// The entity the rules alone link the first `pronoun` of `text` to,
    /// before the learned link ranker.
    fn rule_antecedent(text: &str, pronoun: &str) -> Option<String> {
        let model = crate::annotate::learn::active();
        let (ann, _) = crate::annotate::until_links(text, model, &mut |_| {});
        linked(text, pronoun, 0, &ann)
    }

    /// The entity `ann` links the `nth` whole-word `pronoun` of `text` to.
    fn linked(
        text: &str,
        pronoun: &str,
        nth: usize,
        ann: &crate::model::Annotations,
    ) -> Option<String> {
        let at = text
            .match_indices(pronoun)
            .filter(|(k, _)| {
                let before = text[..*k].chars().next_back();
                let after = text[k + pronoun.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .nth(nth)?
            .0;
        let m = ann.mention_at(at)?;
        Some(ann.entities[ann.mentions[m].entity].name.clone())
    }

    #[test]
    fn a_bylines_writer_is_no_antecedent() {
        let text = "Council votes to close the depot\n\nBy Peter Marsh, City Reporter\n\n\
                    A councillor accused of leaking plans said on Monday that his \
                    colleagues had misled voters.";
        assert_ne!(antecedent(text, "his", 0).as_deref(), Some("Peter Marsh"));
    }

    #[test]
    fn a_possessor_gives_way_to_the_subject_it_qualifies() {
        let text = "Walter Brandt was charged in May. \
                    Brandt's lawyer, Thomas Greene, told the court that his client was innocent.";
        assert_eq!(antecedent(text, "his", 0).as_deref(), Some("Thomas Greene"));
    }
}
