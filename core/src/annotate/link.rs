//! Linking name mentions into entities: an entity-centric sieve after
//! Lee et al. (2013). Full names first (exact match, then the same first and
//! last word), then single words: acronyms defined in parentheses,
//! gazetteer aliases ("U.S." → United States), family names ("Trump",
//! "Kim" of "Kim Jong Un"), acronyms of longer names, unique given names,
//! and exact repeats.

use crate::annotate::fasthash::{Map, Set};

use crate::annotate::doc::Doc;
use crate::annotate::kinds::{Kind, acting_words, body_context};
use crate::annotate::lexicon::{GazKind, Gender, LEXICON};
use crate::annotate::names::PieceKind;
use crate::annotate::words::{
    DETERMINERS, is_acronym, is_connector, is_possessive_mark, starts_upper, title_case,
};
use crate::model::Span;

/// A role an entity holds, as written and as matched by descriptions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// As shown ("U.S. President", "North Korean leader").
    pub text: String,
    /// The lowercase head ("president", "leader", "press secretary").
    pub head: String,
    /// The country it is tied to, when a country or demonym qualifies it.
    pub country: Option<&'static str>,
}

/// A proper-name mention before linking.
#[derive(Clone, Debug)]
pub struct NameMention {
    /// The whole mention, title included ("President Trump").
    pub span: Span,
    /// First token of the whole mention.
    pub lead: usize,
    /// First token of the name proper (after any title).
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Its kind, as far as the name tells.
    pub kind: Kind,
    /// The gazetteer's canonical name, if it is an entry.
    pub canonical: Option<&'static str>,
    /// True for a country.
    pub country: bool,
    /// Gender implied by a title or given name.
    pub gender: Gender,
    /// Role from a title or description next to it.
    pub roles: Vec<Role>,
    /// For an acronym in parentheses, the name mention it abbreviates.
    pub acronym_of: Option<usize>,
    /// True for an office standing for its holder, with no name of its own
    /// ("the Transport Secretary", "Dear Minister,"): linked to its holder
    /// after every name is (see [`Linker::link_office`]).
    pub office: bool,
}

/// True when the acronym at token `i`, never spelled out, acts as a body of
/// people does: the subject of a speech verb or a modal ("The RMT said",
/// "UNITE will ballot"), or with members or staff ("RMT members", "members
/// of the RMT"). Three letters at least and no role ("the CEO said", "an
/// MP said", "its CFO said" name a person by office).
fn acronym_acts(doc: &Doc, i: usize) -> bool {
    let w = doc.word(i);
    let before = i.checked_sub(1).and_then(|k| doc.word_at(k)).unwrap_or("");
    let lx = &*LEXICON;
    let low = w.to_ascii_lowercase();
    if w.len() < 3
        || lx.role_nouns.contains(low.as_str())
        || lx.titles.contains_key(w)
        || (!matches!(before, "the" | "The")
            && DETERMINERS.contains(before.to_ascii_lowercase().as_str()))
        || is_possessive_mark(before)
    {
        return false;
    }
    let rest: Vec<&str> = (i + 1..i + 3).filter_map(|k| doc.word_at(k)).collect();
    acting_words(&rest) || body_context(doc, i, i + 1)
}

/// A set of mentions of one actor.
#[derive(Clone, Debug)]
pub struct Cluster {
    /// Its kind.
    pub kind: Kind,
    /// Gender, for people.
    pub gender: Gender,
    /// Canonical name.
    pub name: String,
    /// Words in the canonical name.
    name_words: usize,
    /// The gazetteer entry it stands for.
    pub canonical: Option<&'static str>,
    /// True for a country.
    pub country: bool,
    /// Roles, in order of appearance.
    pub roles: Vec<Role>,
    /// Indices of its name mentions, in order of linking.
    pub mentions: Vec<usize>,
    /// How many of its mentions sit in a place context.
    place_votes: usize,
    /// How many of its mentions sit in a person context.
    person_votes: usize,
    /// How many of its mentions sit in the context of a body of people
    /// ("members of X") or act as one ("X would ratify"), which no place
    /// does.
    body_votes: usize,
    /// True while its only mentions are single words that may not be names
    /// at all: an unexplained acronym ("VIP", "GMT"), or a common word
    /// capitalised ("Good" where "good" occurs too). Not shown as an actor.
    pub unconfirmed: bool,
}

impl Cluster {
    /// The entity of a demonym ("North Korean"), a place-kind entity of its own.
    pub fn demonym(name: String) -> Self {
        Cluster {
            kind: Kind::Place,
            gender: Gender::Unknown,
            name,
            name_words: 1,
            canonical: None,
            country: false,
            roles: Vec::new(),
            mentions: Vec::new(),
            place_votes: 0,
            person_votes: 0,
            body_votes: 0,
            unconfirmed: false,
        }
    }
}

/// The noun of an office's lowercase head: its last word before "of" or
/// "for" ("secretary" of "transport secretary" and of "secretary of
/// state").
fn office_noun(head: &str) -> &str {
    let head = [" of ", " for "]
        .iter()
        .filter_map(|w| head.find(w))
        .min()
        .map_or(head, |k| &head[..k]);
    head.rsplit(' ').next().unwrap_or(head)
}

struct Linker<'d, 'a> {
    doc: &'d Doc<'a>,
    clusters: Vec<Cluster>,
    by_key: Map<String, usize>,
    by_surname: Map<String, Vec<usize>>,
    by_given: Map<String, Vec<usize>>,
    by_acronym: Map<String, usize>,
    by_alias: Map<String, Vec<usize>>,
    by_tail: Map<String, Vec<usize>>,
    /// Organizations of two or more words by their first word, when their
    /// last word never stands alone in the text ("Tidemark" of "Tidemark
    /// Orrell", not of "Pask Orrell" beside a lone "Orrell": two firms'
    /// names run together).
    by_first: Map<String, Vec<usize>>,
    /// The words that stand alone as names somewhere in the text.
    alone: Set<&'a str>,
    /// Family names of five letters or more with one letter left out, for
    /// finding a misspelt one.
    by_variant: Map<String, Vec<usize>>,
    /// Words naming the town institutions are named after ("Kestle" of
    /// "Kestle Gazette" and "Kestle Town Council";
    /// [`crate::annotate::kinds::town_words`]): never one of them for short.
    towns: Set<&'a str>,
    of_mention: Vec<usize>,
}

/// The words of a name, without a leading "The".
fn name_words<'a>(doc: &Doc<'a>, m: &NameMention) -> (usize, usize) {
    let a = if m.end - m.start >= 2 && doc.word(m.start) == "The" {
        m.start + 1
    } else {
        m.start
    };
    (a, m.end)
}

impl<'d, 'a> Linker<'d, 'a> {
    fn key(&self, m: &NameMention) -> String {
        if let Some(c) = m.canonical {
            return c.to_owned();
        }
        let (a, b) = name_words(self.doc, m);
        let key = self.doc.key(a, b);
        if self.doc.is_dateline(m.start) {
            // "HARWICK — …" is the Harwick of the story.
            return title_case(&key);
        }
        key.into_owned()
    }

    fn new_cluster(&mut self, mi: usize, m: &NameMention, key: String) -> usize {
        let id = self.clusters.len();
        let (a, b) = name_words(self.doc, m);
        self.clusters.push(Cluster {
            kind: m.kind,
            gender: m.gender,
            // The key: the canonical name, else the words of the name, a
            // dateline's in title case ("Harwick" of "HARWICK —").
            name: key.clone(),
            name_words: b - a,
            canonical: m.canonical,
            country: m.country,
            roles: Vec::new(),
            mentions: Vec::new(),
            place_votes: 0,
            person_votes: 0,
            body_votes: 0,
            unconfirmed: self.is_doubtful(m),
        });
        self.by_key.insert(key, id);
        self.register(id, m);
        self.add(id, mi, m);
        id
    }

    /// True for a single-word name that may be no name at all.
    fn is_doubtful(&self, m: &NameMention) -> bool {
        let w = self.doc.word(m.start);
        m.canonical.is_none()
            && m.acronym_of.is_none()
            && m.end - m.start == 1
            && !self.doc.is_dateline(m.start)
            && ((is_acronym(w) && !acronym_acts(self.doc, m.start))
                || (m.kind == Kind::Unknown && self.doc.seen_lowercase(w)))
    }

    /// Shorter names an organization goes by: the part before "of"/"for"
    /// ("Comic Guild" of "Comic Guild of Canada"), the first word before a
    /// keyword ("Freedom" of "Freedom Magazine"), the name without its
    /// company designator, or its first word ("Acme" of "Acme Widgets
    /// Inc."), the name without a leading place ("Home Office" of "United
    /// Kingdom Home Office").
    fn org_aliases(&self, a: usize, b: usize) -> Vec<String> {
        let doc = self.doc;
        let mut out = Vec::new();
        if let Some(c) = (a + 1..b).find(|&i| matches!(doc.word(i), "of" | "for" | "at" | "on")) {
            out.push(doc.key(a, c).into_owned());
            // "Acme" of "Church of Acme", unless a place:
            // "University of Texas" is not Texas.
            if doc.word(c) == "of" && c + 2 == b && doc.entry_at(c + 1, b).is_none() {
                out.push(doc.word(c + 1).to_owned());
            }
        }
        match LEXICON.org_keys.get(doc.word(b - 1)) {
            // "the Gazette" of "Carrow Gazette", where "Carrow" is the town.
            Some(k) if k.paper => out.push(doc.word(b - 1).to_owned()),
            // "Acme" of "Acme Corporation".
            Some(k) if k.end && b - a == 2 => out.push(doc.word(a).to_owned()),
            _ => {}
        }
        // "Acme Widgets" and "Acme" of "Acme Widgets Inc.".
        if b - a >= 3
            && LEXICON
                .org_keys
                .get(doc.word(b - 1))
                .is_some_and(|k| k.suffix)
        {
            out.push(doc.key(a, b - 1).into_owned());
            out.push(doc.word(a).to_owned());
        }
        if let Some((e, PieceKind::Gazetteer(g))) = doc.entry_at(a, b)
            && g.kind != GazKind::Organization
            && e + 1 < b
        {
            out.push(doc.key(e, b).into_owned());
        }
        out
    }

    /// The organization that goes by `key` as a shorter name (of several,
    /// the most mentioned).
    fn org_alias(&self, key: &str) -> Option<usize> {
        self.by_alias.get(key).and_then(|ids| self.best(ids))
    }

    /// Indexes a multi-word name by its family name, given name and acronym.
    fn register(&mut self, id: usize, m: &NameMention) {
        let (a, b) = name_words(self.doc, m);
        let words: Vec<&str> = (a..b).map(|i| self.doc.word(i)).collect();
        // An office's words are no one's names.
        if words.len() < 2 || m.office {
            return;
        }
        if m.kind == Kind::Person {
            let lx = &*LEXICON;
            let surname = if lx.east_asian_surnames.contains(words[0])
                && !lx.first_names.contains_key(words[0])
                && words.len() <= 3
            {
                words[0]
            } else {
                words[words.len() - 1]
            };
            self.by_surname
                .entry(surname.to_owned())
                .or_default()
                .push(id);
            if surname.chars().count() >= 5 {
                for v in variants(surname) {
                    let ids = self.by_variant.entry(v).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            // "Ann Lee" of "Physicist Ann Lee".
            for k in a + 1..b.saturating_sub(1) {
                let tail = self.doc.key(k, b).into_owned();
                let ids = self.by_tail.entry(tail).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            // Given names, and middle names that may stand alone ("Lula" of
            // "Luiz Inácio Lula da Silva").
            // Middle names only of a clear person: a known given name or a
            // title.
            let clear = lx.first_names.contains_key(words[0]) || !m.roles.is_empty();
            let middle = words.len().saturating_sub(1);
            for (i, w) in words[..middle].iter().enumerate() {
                let usable = *w != surname
                    && starts_upper(w)
                    && !w.ends_with('.')
                    && (i == 0 || (clear && words.len() >= 3));
                if usable {
                    let ids = self.by_given.entry((*w).to_owned()).or_default();
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        } else if m.canonical.is_none() {
            if m.kind == Kind::Organization
                && starts_upper(words[0])
                && !self.alone.contains(words[words.len() - 1])
            {
                let ids = self.by_first.entry(words[0].to_owned()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            for alias in self.org_aliases(a, b) {
                let ids = self.by_alias.entry(alias).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let acronym: String = words
                .iter()
                .filter(|w| !is_connector(w) && starts_upper(w))
                .filter_map(|w| w.chars().next())
                .collect();
            if acronym.chars().count() >= 2 {
                self.by_acronym.entry(acronym).or_insert(id);
            }
        }
    }

    fn add(&mut self, id: usize, mi: usize, m: &NameMention) {
        let doubtful = self.is_doubtful(m);
        let c = &mut self.clusters[id];
        if c.unconfirmed && !c.mentions.is_empty() && !doubtful {
            c.unconfirmed = false;
        }
        if c.kind == Kind::Unknown
            || (c.kind != m.kind && m.kind == Kind::Person && c.name_words < 2)
        {
            c.kind = m.kind;
        }
        if c.gender == Gender::Unknown {
            c.gender = m.gender;
        }
        let (a, b) = name_words(self.doc, m);
        if !m.office && m.canonical.is_none() && c.canonical.is_none() && b - a > c.name_words {
            c.name = self.doc.key(a, b).into_owned();
            c.name_words = b - a;
        }
        for r in &m.roles {
            // "President" adds nothing to "U.S. President".
            let known = c
                .roles
                .iter()
                .any(|k| k.head == r.head && (r.country.is_none() || k.country == r.country));
            if !known {
                c.roles.push(r.clone());
            }
        }
        // Votes decide only a kind still unknown at the end, and a known
        // kind never becomes unknown again.
        if c.kind == Kind::Unknown {
            if crate::annotate::kinds::place_context(self.doc, m.start, m.end) {
                c.place_votes += 1;
            }
            if crate::annotate::kinds::body_context(self.doc, m.start, m.end)
                || crate::annotate::kinds::acting_subject(self.doc, m.start, m.end)
            {
                c.body_votes += 1;
            }
            if crate::annotate::kinds::person_context(self.doc, m.end)
                || crate::annotate::kinds::citation_context(self.doc, m.end)
            {
                c.person_votes += 1;
            }
        }
        c.mentions.push(mi);
        self.of_mention[mi] = id;
    }

    /// The one person whose family name `w` misspells (see [`misspelt`]),
    /// if only one: found through the names with a letter left out.
    fn misspelt_surname(&self, w: &str) -> Option<usize> {
        let mut found = None;
        for v in std::iter::once(w.to_owned()).chain(variants(w)) {
            for &id in self.by_variant.get(&v).into_iter().flatten() {
                let close = self.clusters[id]
                    .name
                    .split(' ')
                    .any(|part| misspelt(part, w));
                match found {
                    _ if !close => {}
                    None => found = Some(id),
                    Some(f) if f != id => return None,
                    Some(_) => {}
                }
            }
        }
        found
    }

    /// The person a lone place name of the gazetteer (`m`, its name words
    /// `a..b`) stands for when it is the family name of a person named
    /// before ("Sydney" after "Anna Sydney": "Sydney had played well"), not
    /// after a preposition ("in Sydney", "to Sydney"); never a country,
    /// which is mostly itself.
    fn surname_not_place(&self, m: &NameMention, a: usize, b: usize) -> Option<usize> {
        let before = a.checked_sub(1).map_or("", |k| self.doc.word(k));
        if m.kind != Kind::Place
            || m.country
            || b - a != 1
            || matches!(
                before,
                "in" | "at" | "to" | "from" | "of" | "near" | "into" | "via" | "outside" | "across"
            )
        {
            return None;
        }
        self.best(self.by_surname.get(self.doc.word(a))?)
    }

    /// Among candidate clusters, the one most mentioned so far (ties: the
    /// most recently mentioned).
    fn best(&self, cands: &[usize]) -> Option<usize> {
        cands.iter().copied().max_by_key(|&c| {
            let cl = &self.clusters[c];
            (cl.mentions.len(), cl.mentions.last().copied().unwrap_or(0))
        })
    }

    /// Links the office `mentions[mi]` (see [`NameMention::office`]) to its
    /// holder: the person named beside it, between commas ("the Transport
    /// Secretary, Imogen Harcourt"; "Delphine Ware, Minister for Roads and
    /// Ports"); else the person who holds that office by a role, the same
    /// office first ("the Minister for Housing"), then one of its kind
    /// ("Minister" of "Environment Minister"), the one mentioned last before
    /// it; else the earlier mention of the same office; else a person of its
    /// own, named by the office.
    fn link_office(&mut self, mi: usize, mentions: &[NameMention]) {
        let (doc, m) = (self.doc, &mentions[mi]);
        let person = |id: usize| id != usize::MAX && self.clusters[id].kind != Kind::Place;
        let comma = |i: usize| i < doc.toks.len() && doc.word(i) == ",";
        // A name after the office is its holder only after "the" ("the
        // Transport Secretary, Imogen Harcourt"): one addressed opens a
        // sentence of its own ("Chair, Megan Ashworth wrote …").
        let definite = m.lead > 0 && matches!(doc.word(m.lead - 1), "the" | "The");
        let next = mentions
            .get(mi + 1)
            .filter(|n| {
                definite
                    && !n.office
                    && comma(m.end)
                    && n.lead == m.end + 1
                    && n.kind == Kind::Person
            })
            .map(|_| self.of_mention[mi + 1]);
        let prev = mi
            .checked_sub(1)
            .map(|p| (p, &mentions[p]))
            .filter(|(_, p)| {
                !p.office
                    && m.lead > 0
                    && comma(m.lead - 1)
                    && p.end + 1 == m.lead
                    && p.kind == Kind::Person
            })
            .map(|(p, _)| self.of_mention[p]);
        if let Some(id) = next.or(prev).filter(|&id| person(id)) {
            self.add(id, mi, m);
            return;
        }
        let role = &m.roles[0];
        let text = role.text.to_lowercase();
        let noun = office_noun(&role.head);
        let holds = |c: &Cluster, same: bool| {
            c.kind == Kind::Person
                && c.roles.iter().any(|r| {
                    if same {
                        r.text.to_lowercase() == text
                    } else {
                        office_noun(&r.head) == noun
                    }
                })
        };
        for same in [true, false] {
            let holders = self
                .clusters
                .iter()
                .enumerate()
                .filter(|(_, c)| holds(c, same));
            // The holder mentioned last before the office (any such one
            // ranks above none), else the first after it.
            let found = holders
                .max_by_key(|(_, c)| {
                    let last_before = c.mentions.iter().copied().filter(|&k| k < mi).max();
                    (last_before, std::cmp::Reverse(c.mentions.first().copied()))
                })
                .map(|(id, _)| id);
            if let Some(id) = found {
                self.add(id, mi, m);
                return;
            }
        }
        let key = self.key(m);
        match self.by_key.get(&key) {
            Some(&id) => self.add(id, mi, m),
            None => {
                self.new_cluster(mi, m, key);
            }
        }
    }

    fn link_single(&mut self, mi: usize, m: &NameMention) {
        if let Some(def) = m.acronym_of {
            let id = self.of_mention[def];
            if id != usize::MAX {
                self.clusters[id].unconfirmed = false;
                self.by_acronym
                    .insert(self.doc.word(m.start).to_owned(), id);
                self.add(id, mi, m);
                return;
            }
        }
        let key = self.key(m);
        let (a, b) = name_words(self.doc, m);
        if let Some(id) = self.surname_not_place(m, a, b) {
            self.add(id, mi, m);
            return;
        }
        if m.canonical.is_some() {
            // "Home Office" after "United Kingdom Home Office".
            let known = self.by_key.get(&key).copied().or_else(|| {
                (m.kind == Kind::Organization)
                    .then(|| self.org_alias(&key))
                    .flatten()
            });
            match known {
                Some(id) => self.add(id, mi, m),
                None => {
                    self.new_cluster(mi, m, key);
                }
            }
            return;
        }
        let w = self.doc.word(a);
        let personal = b - a == 1 && matches!(m.kind, Kind::Person | Kind::Unknown);
        if personal && let Some(cands) = self.by_surname.get(w) {
            // No gender test: a lone given name may be a family name too
            // ("Warren" of "Elizabeth Warren").
            if let Some(id) = self.best(cands) {
                self.add(id, mi, m);
                return;
            }
        }
        // A family name misspelt by one letter ("Water" for "Waters"), when
        // it is no word of the text and only one person has a name that close.
        if personal
            && w.chars().count() >= 5
            && !self.by_key.contains_key(&key)
            && !self.doc.seen_lowercase(w)
            && let Some(id) = self.misspelt_surname(w)
        {
            self.add(id, mi, m);
            return;
        }
        // Initials name a longer name mentioned before them; two letters
        // ("SE", "AP") only then, as they stand for many names.
        if b - a == 1
            && is_acronym(w)
            && let Some(&id) = self.by_acronym.get(w)
            && (w.len() >= 3 || self.clusters[id].mentions.first().is_some_and(|&f| f < mi))
        {
            self.add(id, mi, m);
            return;
        }
        // A town's name is no given name, though a name of its institutions
        // opens with it ("Carrow" after "Carrow General" and "Carrow
        // Gazette").
        if personal
            && !self.by_key.contains_key(&key)
            && !self.towns.contains(w)
            && let Some(&[id]) = self.by_given.get(w).map(Vec::as_slice)
        {
            self.add(id, mi, m);
            return;
        }
        if let Some(&id) = self.by_key.get(&key) {
            self.add(id, mi, m);
        } else if !matches!(m.kind, Kind::Person | Kind::Place)
            && !self.towns.contains(w)
            && let Some(id) = self.org_alias(&key)
        {
            self.add(id, mi, m);
        } else if m.kind == Kind::Organization
            && b - a == 1
            && !self.towns.contains(w)
            && let Some(&[id]) = self.by_first.get(w).map(Vec::as_slice)
        {
            // A firm named by its first word ("Tidemark" of "Tidemark
            // Orrell"), known a firm by the document's evidence.
            self.add(id, mi, m);
        } else {
            self.new_cluster(mi, m, key);
        }
    }

    fn link_multi(&mut self, mi: usize, m: &NameMention) {
        let key = self.key(m);
        if let Some(&id) = self.by_key.get(&key) {
            self.add(id, mi, m);
            return;
        }
        let (a, b) = name_words(self.doc, m);
        if m.kind == Kind::Person {
            // "Donald Trump" and "Donald J. Trump": same first and last word.
            let first = self.doc.word(a);
            let last = self.doc.word(b - 1);
            let same = self.by_surname.get(last).and_then(|cands| {
                cands.iter().copied().find(|&c| {
                    let cl = &self.clusters[c];
                    cl.kind == Kind::Person
                        && cl
                            .name
                            .split(' ')
                            .next()
                            .is_some_and(|f| f == first || misspelt(f, first))
                })
            });
            // "Physicist Ann Lee" and "Ann Lee".
            let tail = (a + 1..b - 1).find_map(|k| {
                self.by_key
                    .get(self.doc.key(k, b).as_ref())
                    .copied()
                    .filter(|&c| self.clusters[c].kind == Kind::Person)
            });
            let longer = match self.by_tail.get(&key).map(Vec::as_slice) {
                Some(&[id]) => Some(id),
                _ => None,
            };
            if let Some(id) = same {
                self.by_key.insert(key, id);
                self.add(id, mi, m);
                return;
            }
            // The name proper, without the leading descriptor, names the
            // entity.
            if let Some(id) = tail {
                let kept = (self.clusters[id].name.clone(), self.clusters[id].name_words);
                self.by_key.insert(key, id);
                self.add(id, mi, m);
                (self.clusters[id].name, self.clusters[id].name_words) = kept;
                return;
            }
            if let Some(id) = longer {
                self.by_key.insert(key.clone(), id);
                self.add(id, mi, m);
                self.clusters[id].name = key;
                self.clusters[id].name_words = b - a;
                return;
            }
        } else if m.canonical.is_none() {
            // "Home Office" and "United Kingdom Home Office", either order.
            let shorter = self.org_alias(&key).or_else(|| {
                self.org_aliases(a, b).iter().find_map(|alias| {
                    self.by_key
                        .get(alias)
                        .copied()
                        .filter(|&c| self.clusters[c].kind != Kind::Person)
                })
            });
            if let Some(id) = shorter {
                self.by_key.insert(key, id);
                self.register(id, m);
                self.add(id, mi, m);
                return;
            }
        }
        self.new_cluster(mi, m, key);
    }
}

/// `word` with one letter left out, at each place.
fn variants(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(|(i, c)| {
        let mut v = String::with_capacity(word.len());
        v.push_str(&word[..i]);
        v.push_str(&word[i + c.len_utf8()..]);
        v
    })
}

/// True when two different names of at least five letters differ by one
/// letter left out, added, changed or two neighbours swapped ("Kristin" and
/// "Kristen", "Mauer" and "Maurer"): one name misspelt.
fn misspelt(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[same_start..], &b[same_start..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
    }
}

/// Links name mentions into clusters; returns the clusters and, for every
/// mention, its cluster.
pub fn link(doc: &Doc, mentions: &[NameMention]) -> (Vec<Cluster>, Vec<usize>) {
    let mut l = Linker {
        doc,
        clusters: Vec::new(),
        by_key: Map::default(),
        by_surname: Map::default(),
        by_given: Map::default(),
        by_acronym: Map::default(),
        by_alias: Map::default(),
        by_tail: Map::default(),
        by_first: Map::default(),
        alone: mentions
            .iter()
            .filter(|m| m.end - m.start == 1)
            .map(|m| doc.word(m.start))
            .collect(),
        by_variant: Map::default(),
        towns: Set::default(),
        of_mention: vec![usize::MAX; mentions.len()],
    };
    let is_multi = |m: &NameMention| {
        let (a, b) = name_words(doc, m);
        !m.office && m.canonical.is_none() && m.acronym_of.is_none() && b - a >= 2
    };
    for (mi, m) in mentions.iter().enumerate() {
        if is_multi(m) {
            l.link_multi(mi, m);
        }
    }
    let names = mentions.iter().filter(|m| is_multi(m)).map(|m| {
        let (a, b) = name_words(doc, m);
        (a..b).map(|i| doc.word(i)).collect()
    });
    l.towns = crate::annotate::kinds::town_words(names, |w| doc.seen_lowercase(w));
    for (mi, m) in mentions.iter().enumerate() {
        if !is_multi(m) && !m.office {
            l.link_single(mi, m);
        }
    }
    for (mi, m) in mentions.iter().enumerate() {
        if m.office {
            l.link_office(mi, mentions);
        }
    }
    for c in &mut l.clusters {
        c.mentions.sort_unstable();
        if c.kind == Kind::Unknown {
            c.kind = if c.person_votes > 0 && c.person_votes >= c.place_votes {
                Kind::Person
            } else if c.place_votes * 2 > c.mentions.len()
                || (c.place_votes > 0 && c.body_votes == 0)
            {
                Kind::Place
            } else {
                Kind::Organization
            };
        }
    }
    (l.clusters, l.of_mention)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;

    #[test]
    fn misspelt_means_one_letter_off_in_names_of_five_letters_or_more() {
        assert!(misspelt("Kristin", "Kristen"));
        assert!(misspelt("Maurer", "Mauer"));
        assert!(misspelt("Water", "Waters"));
        assert!(misspelt("Thomson", "Thmoson"));
        assert!(!misspelt("Waters", "Waters"));
        assert!(!misspelt("Jon", "John"));
        assert!(!misspelt("Daniel", "Danielle"));
        assert!(!misspelt("Bauchtman", "Buchtmann"));
    }

    /// The names of the entities of `text`, each with its name mentions'
    /// texts.
    fn actors(text: &str) -> Vec<(String, Vec<&str>)> {
        let ann = annotate(text);
        ann.entities
            .iter()
            .map(|e| {
                let texts = e
                    .mentions
                    .iter()
                    .map(|&m| &ann.mentions[m])
                    .filter(|m| m.form == crate::model::MentionForm::Name)
                    .map(|m| m.span.slice(text));
                (e.name.clone(), texts.collect())
            })
            .collect()
    }

    #[test]
    fn a_place_name_that_is_a_persons_surname_is_that_person() {
        let text = "Marta Kostyuk beat Anna Sydney in Basel. Later Sydney said she had \
                    played well, and flew home to Sydney.";
        let got = actors(text);
        let anna = got
            .iter()
            .find(|(n, _)| n == "Anna Sydney")
            .expect("Anna Sydney");
        assert_eq!(anna.1, ["Anna Sydney", "Sydney"], "{got:?}");
        assert!(
            got.iter().any(|(n, m)| n == "Sydney" && m == &["Sydney"]),
            "{got:?}"
        );
        // No person of that name: the place.
        let got = actors("Anna Lowe met him in Sydney. Sydney has grown fast.");
        assert!(
            got.iter().any(|(n, m)| n == "Sydney" && m.len() == 2),
            "{got:?}"
        );
    }

    #[test]
    fn an_acronym_acting_as_a_body_is_one_unexplained() {
        let text = "The RMT said on Monday that its members would strike. UNITE will ballot \
                    staff. The CEO said little, an MP said less, and the VIP lounge shut.";
        let names: Vec<String> = actors(text).into_iter().map(|(n, _)| n).collect();
        assert!(names.iter().any(|n| n == "RMT"), "{names:?}");
        assert!(names.iter().any(|n| n == "UNITE"), "{names:?}");
        for role in ["CEO", "MP", "VIP"] {
            assert!(!names.iter().any(|n| n == role), "{role}: {names:?}");
        }
    }

    /// The kind the rules alone (no learned model) give the entity named
    /// `name` in `text`.
    fn rules_kind(text: &str, name: &str) -> Option<crate::model::EntityKind> {
        let segmented = crate::annotate::segment::segment(text);
        let (ann, _) = crate::annotate::entities::find(text, segmented, &mut |_| {});
        ann.entities.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    #[test]
    fn a_town_is_neither_its_paper_nor_its_hospital() {
        let text = "The Pellby Gazette reported that a nurse at Pellby General had quit. \
                    She told the Gazette that shops in Pellby were shut.";
        let got = actors(text);
        assert!(
            got.contains(&("Pellby Gazette".into(), vec!["Pellby Gazette", "Gazette"])),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(n, m)| n == "Pellby" && m == &["Pellby"]),
            "{got:?}"
        );
        assert_eq!(
            rules_kind(text, "Pellby General"),
            Some(crate::model::EntityKind::Place)
        );
    }

    #[test]
    fn an_office_is_known_by_its_noun() {
        assert_eq!(office_noun("transport secretary"), "secretary");
        assert_eq!(office_noun("secretary of state"), "secretary");
        assert_eq!(office_noun("minister for roads and ports"), "minister");
        assert_eq!(office_noun("chair"), "chair");
    }

    #[test]
    fn an_office_alone_names_its_holder() {
        // Apposed after "the", or after the holder's name.
        let got = actors(
            "An open letter to the Transport Secretary, Imogen Harcourt. \
             Dear Secretary of State, we write about the bridge.",
        );
        assert!(
            got.contains(&(
                "Imogen Harcourt".to_owned(),
                vec![
                    "Transport Secretary",
                    "Imogen Harcourt",
                    "Secretary of State"
                ]
            )),
            "{got:?}"
        );
        let got = actors("Speaking: Delphine Ware, Minister for Roads and Ports, and others.");
        assert_eq!(
            got[0],
            (
                "Delphine Ware".to_owned(),
                vec!["Delphine Ware", "Minister for Roads and Ports"]
            )
        );
        // By the role the holder was given, the nearest before.
        let got = actors(
            "Environment Minister Petra Calloway spoke first. Later the Minister said the plan was fair.",
        );
        assert_eq!(
            got[0],
            (
                "Petra Calloway".to_owned(),
                vec!["Environment Minister Petra Calloway", "Minister"]
            )
        );
        // No holder named: a person of its own, whose mentions link.
        let got = actors("The Chancellor refused to comment. Thank you, Chancellor.");
        assert_eq!(
            got,
            vec![("Chancellor".to_owned(), vec!["Chancellor", "Chancellor"])]
        );
    }

    #[test]
    fn an_office_names_no_one_where_it_is_no_name() {
        // An honorific alone; a post at a body on an address line; an office
        // addressed before another person's name is not that person.
        assert!(actors("Dear Sir, we write about the bridge.").is_empty());
        let got = actors("To: Mrs. Evelyn Strachan, Chair, Northfell Health\nFrom: the doctors\n");
        assert!(got.iter().all(|(n, _)| n != "Chair"), "{got:?}");
        let got = actors("Chair, Megan Ashworth ended her letter with a question.");
        assert!(
            got.contains(&("Chair".to_owned(), vec!["Chair"]))
                && got.contains(&("Megan Ashworth".to_owned(), vec!["Megan Ashworth"])),
            "{got:?}"
        );
    }

    #[test]
    fn a_word_opening_two_names_is_their_place_not_either_for_short() {
        let text = "The Brisley Gazette asked Brisley Town Council about the bridge. \
                    Traders said Brisley needs it open.";
        let got = actors(text);
        let gazette = got
            .iter()
            .find(|(n, _)| n == "Brisley Gazette")
            .expect("the paper");
        assert_eq!(gazette.1, ["Brisley Gazette"], "{got:?}");
        assert!(
            got.iter()
                .any(|(n, ms)| n == "Brisley" && ms == &["Brisley"]),
            "{got:?}"
        );
        // One name and its longer form share a second word: the lone first
        // word is still the organization for short.
        let text = "Acme Widgets said Acme Widgets Trust would pay. Acme said so.";
        let got = actors(text);
        assert!(
            got.iter()
                .any(|(n, ms)| n == "Acme Widgets" && ms.contains(&"Acme")),
            "{got:?}"
        );
    }

    #[test]
    fn a_dateline_names_its_place_in_title_case() {
        let text = "ORVENHAM — Orvenham Town Council voted on Monday to shut the depot.";
        let ann = annotate(text);
        let town = ann.entities.iter().find(|e| e.name == "Orvenham");
        let town = town.expect("the dateline's place is named in title case");
        // The town inside the council's name is the dateline's town.
        let inner = ann.nested.iter().find(|n| n.span.slice(text) == "Orvenham");
        let id = ann.entities.iter().position(|e| e.name == "Orvenham");
        assert!(
            matches!(inner.map(|n| &n.entity), Some(crate::model::NestedEntity::Known(e)) if Some(*e) == id),
            "{:?}",
            ann.nested
        );
        assert_eq!(town.kind, crate::model::EntityKind::Place);
    }

    #[test]
    fn a_lone_name_once_in_a_place_context_is_a_place_unless_it_has_members() {
        use crate::model::EntityKind;
        let text = "Dorrel has a market. Dorrel grew fast. She was born in Dorrel.";
        assert_eq!(rules_kind(text, "Dorrel"), Some(EntityKind::Place));
        let text = "Pellam grew fast. Pellam members left. Pellam wrote to us. \
                    The talks in Pellam ended.";
        assert_eq!(rules_kind(text, "Pellam"), Some(EntityKind::Organization));
        // A given name alone is no firm evidence against a place.
        let text = "The boy came from Quentin, Texas, last year.";
        assert_eq!(rules_kind(text, "Quentin"), Some(EntityKind::Place));
    }

    #[test]
    fn a_lone_name_acting_as_a_party_is_a_body_not_a_place() {
        use crate::model::EntityKind;
        let text = "Dorrel's president met the press. Dorrel would ratify the treaty, \
                    officials said. Boats came from Dorrel.";
        assert_eq!(rules_kind(text, "Dorrel"), Some(EntityKind::Organization));
        // A speaker quoted may make a town act; the place stays a place.
        let text = "She grew up in Pellam. \"Pellam will not accept this,\" she said.";
        assert_eq!(rules_kind(text, "Pellam"), Some(EntityKind::Place));
    }

    #[test]
    fn a_plural_trade_noun_ends_a_firms_name() {
        use crate::model::EntityKind;
        let text = "Harrowby Coaches cut three routes, and Ostley Estates raised rents.";
        assert_eq!(
            rules_kind(text, "Harrowby Coaches"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            rules_kind(text, "Ostley Estates"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn a_lone_name_cited_as_an_author_is_a_person() {
        use crate::model::EntityKind;
        let text = "The effect is known (Dorrel, 2004; Pellam et al., 2011). \
                    Dorrel found it small.";
        assert_eq!(rules_kind(text, "Dorrel"), Some(EntityKind::Person));
        assert_eq!(rules_kind(text, "Pellam"), Some(EntityKind::Person));
    }

    #[test]
    fn a_name_misspelt_by_one_letter_is_the_same_person() {
        let text = "Kristin Wilkins curated the show. Kristen Wilkins said it sold out. \
                    Gallery head Kathryn Waters agreed, and Water added that more would come.";
        let got = actors(text);
        let of = |name: &str| got.iter().find(|(n, _)| n == name).map(|(_, m)| m.clone());
        assert_eq!(
            of("Kristin Wilkins"),
            Some(vec!["Kristin Wilkins", "Kristen Wilkins"]),
            "{got:?}"
        );
        assert_eq!(
            of("Kathryn Waters"),
            Some(vec!["Kathryn Waters", "Water"]),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_close_to_two_people_joins_neither() {
        let text = "Anna Waters and Brian Walter met, and Water added nothing.";
        let got = actors(text);
        assert!(got.iter().any(|(_, m)| m == &["Water"]), "{got:?}");
    }
}
