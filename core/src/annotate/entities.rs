//! Named actors: the entity stage of the pipeline. Finds proper-name
//! mentions ([`super::names`]), types them ([`super::kinds`]), takes roles
//! ([`super::roles`]), links them ([`super::link`]), adds descriptions and
//! pronouns ([`super::descriptions`]) and demonym and capital entities, and
//! assembles the entity part of [`Annotations`].

use std::borrow::Cow;

use crate::annotate::fasthash::{Map, Set};

use crate::annotate::cursor::Cursor;
use crate::annotate::descriptions::{self, Anchor, Resolved};
use crate::annotate::doc::{Doc, Handover};
use crate::annotate::kinds::{self, KeyedKind, Kind};
use crate::annotate::lexicon::{GazEntry, GazKind, Gender, LEXICON};
use crate::annotate::link::{self, Cluster, NameMention, Role};
use crate::annotate::names::{Piece, PieceKind};
use crate::annotate::roles::{self, Qualifier, is_honorific};
use crate::annotate::segment::{Token, TokenKind};
use crate::annotate::step::Step;
use crate::annotate::words::{is_acronym, is_connector, is_possessive_mark};
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

/// Names the document states firmly somewhere. People named in full with
/// firm evidence ("Ada Lovelace"), by full name and by family name, so that
/// "Lovelace Papers" and "Ada Lovelace Photographic Program" yield the
/// person only; and companies named with a designator ("Activision
/// Blizzard Inc"), by the name without it, so that "Activision Blizzard"
/// alone is the company, not a person.
#[derive(Default)]
struct KnownNames {
    full: Set<String>,
    surnames: Set<String>,
    companies: Set<String>,
}

impl KnownNames {
    fn learn(&mut self, doc: &Doc, pieces: &[Piece]) {
        for (k, p) in pieces.iter().enumerate() {
            if p.kind == PieceKind::Keyed(KeyedKind::Organization)
                && p.end - p.start >= 2
                && LEXICON
                    .org_keys
                    .get(doc.word(p.end - 1))
                    .is_some_and(|k| k.suffix)
            {
                self.companies
                    .insert(doc.key(p.start, p.end - 1).into_owned());
            }
            let titled = k > 0 && matches!(pieces[k - 1].kind, PieceKind::Title(_));
            if p.kind == PieceKind::Other
                && p.end - p.start >= 2
                && (titled || kinds::is_clearly_person(doc, p.start, p.end))
            {
                self.full.insert(doc.key(p.start, p.end).into_owned());
                self.surnames.insert(doc.word(p.end - 1).to_owned());
            }
        }
    }

    /// The end of a known person's name at the start of tokens `a..b`.
    fn prefix(&self, doc: &Doc, a: usize, b: usize) -> Option<usize> {
        (a + 2..=b.min(a + 4))
            .rev()
            .find(|&e| self.full.contains(doc.key(a, e).as_ref()))
            .or_else(|| self.surnames.contains(doc.word(a)).then_some(a + 1))
    }
}

/// A title seen just before the current piece: its tokens and gender.
type PendingTitle = Option<(usize, usize, Gender)>;

/// Turns the pieces of one run into name and demonym mentions, attaching
/// titles to the names after them.
fn collect(doc: &Doc, pieces: &[Piece], known: &KnownNames, found: &mut Found) {
    let mut title: PendingTitle = None;
    for (k, p) in pieces.iter().enumerate() {
        let adjacent_title = title.filter(|&(_, e, _)| e == p.start);
        match p.kind {
            PieceKind::Title(g) => {
                title = Some(match adjacent_title {
                    // "Prime Minister" after "Deputy": one title.
                    Some((s, _, g0)) => (s, p.end, if g0 == Gender::Unknown { g } else { g0 }),
                    None => (p.start, p.end, g),
                });
                continue;
            }
            PieceKind::Demonym(country) => found.demonyms.push(Demonym {
                start: p.start,
                end: p.end,
                country,
            }),
            // "the Amazon rainforest": a place, whatever else the name is.
            PieceKind::Gazetteer(entry)
                if entry.kind == GazKind::Organization && geographic_after(doc, p.end) =>
            {
                found
                    .names
                    .push(plain(doc, p.start, p.end, Kind::Place, Gender::Unknown));
            }
            PieceKind::Gazetteer(entry) => found
                .names
                .push(gazetteer_mention(doc, p.start, p.end, entry)),
            PieceKind::Keyed(kk) => found.names.push(plain(
                doc,
                p.start,
                p.end,
                Kind::of_keyed(kk),
                Gender::Unknown,
            )),
            PieceKind::Event => names_inside_event(doc, p, known, &mut found.names),
            PieceKind::Other => {
                let before = pieces[..k]
                    .iter()
                    .rev()
                    .find(|q| !matches!(q.kind, PieceKind::Title(_)));
                found
                    .names
                    .extend(other_name(doc, p, adjacent_title, before, known));
            }
        }
        title = None;
    }
}

/// The people and gazetteer names inside an event's name ("the Ada
/// Lovelace Prize", "the Chile Summit").
fn names_inside_event(doc: &Doc, p: &Piece, known: &KnownNames, out: &mut Vec<NameMention>) {
    let mut i = p.start;
    while i < p.end {
        if let Some(e) = known.prefix(doc, i, p.end) {
            out.push(plain(doc, i, e, Kind::Person, Gender::Unknown));
            i = e;
        } else if let Some((e, PieceKind::Gazetteer(entry))) = doc.entry_at(i, p.end) {
            out.push(gazetteer_mention(doc, i, e, entry));
            i = e;
        } else {
            i += 1;
        }
    }
}

/// The mention for a name that is neither a gazetteer entry nor keyed:
/// typed by [`kinds::classify`] and its context, joined with the title
/// right before it (whose role takes a qualifier piece before the title,
/// `before`: "U.S. President"). `None` for a title of a work or a product.
fn other_name(
    doc: &Doc,
    p: &Piece,
    title: PendingTitle,
    before: Option<&Piece>,
    known: &KnownNames,
) -> Option<NameMention> {
    let (mut kind, mut gender) = kinds::classify(doc, p.start, p.end);
    let weak = kind != Kind::Person || !kinds::is_clearly_person(doc, p.start, p.end);
    let Some((ts, te, tg)) = title else {
        if weak && p.end - p.start >= 2 {
            // "Lovelace Papers": the known person only.
            if let Some(e) = known.prefix(doc, p.start, p.end).filter(|&e| e < p.end) {
                return Some(plain(doc, p.start, e, Kind::Person, Gender::Unknown));
            }
            // Several words, some of them common words: a title of a work
            // or a product, not an actor.
            if kind == Kind::Unknown {
                return None;
            }
        }
        // "Explorer 6", "Galaxy S9", "Expo 2020": a model, edition or
        // event, not an actor.
        let model_last = p.end - p.start >= 2 && is_model_code(doc.word(p.end - 1));
        if (kind == Kind::Unknown && numbered_after(doc, p.end))
            || (kind != Kind::Person && model_last)
        {
            return None;
        }
        // "in Mountain Vale, Oregon": a place, not a person; "from Irving,
        // Texas": a given name alone is no firm evidence against a place.
        let lone = p.end - p.start == 1;
        if (weak || lone) && kind == Kind::Person && kinds::place_context(doc, p.start, p.end) {
            kind = Kind::Place;
        }
        // "Warren Buffett's Berkshire Hathaway": what a person owns;
        // "Activision Blizzard" of "Activision Blizzard Inc".
        if weak
            && kind == Kind::Person
            && (owned_by_person(doc, p.start)
                || known.companies.contains(doc.key(p.start, p.end).as_ref()))
        {
            kind = Kind::Organization;
        }
        return Some(plain(doc, p.start, p.end, kind, gender));
    };
    if tg != Gender::Unknown {
        gender = tg;
    }
    let mut m = plain(doc, p.start, p.end, Kind::Person, gender);
    m.lead = ts;
    // After a possessive the title heads a phrase of its own, in
    // apposition to the name ("the party's Deputy Leader Ann Lee"): the
    // name stands alone; the title stays its role.
    if !possessive_before(doc, ts) {
        m.span = Span::new(doc.toks[ts].start(), m.span.end);
    }
    if !is_honorific(&doc.key(ts, te)) {
        // A qualifier right before the title: "U.S. President", "Fed Chair".
        let q = before.filter(|q| q.end == ts).and_then(|q| match q.kind {
            PieceKind::Gazetteer(g) => Some((q.start, Some(g.canonical))),
            PieceKind::Demonym(c) => Some((q.start, Some(c))),
            PieceKind::Keyed(_) | PieceKind::Other => Some((q.start, None)),
            _ => None,
        });
        let a = q.map_or(ts, |(s, _)| s);
        m.roles
            .push(roles::role(doc, a, ts, te, q.and_then(|(_, c)| c)));
    }
    Some(m)
}

/// True when token `a` follows a possessive "'s".
fn possessive_before(doc: &Doc, a: usize) -> bool {
    a > 0 && matches!(doc.word(a - 1), "'s" | "’s")
}

/// True when the name at token `a` follows a person's possessive: the
/// name before "'s" is a person's by firm evidence ("Warren Buffett's").
fn owned_by_person(doc: &Doc, a: usize) -> bool {
    if a < 2 || !possessive_before(doc, a) {
        return false;
    }
    let end = a - 1;
    let mut start = end;
    while start > 0 && end - start < 4 && doc.is_cap(start - 1) {
        start -= 1;
    }
    start < end && kinds::is_clearly_person(doc, start, end)
}

/// True when token `b` is a lowercase noun of geography ("rainforest",
/// "river", "basin"): the name before it names a place.
fn geographic_after(doc: &Doc, b: usize) -> bool {
    b < doc.toks.len() && LEXICON.geographic_nouns.contains(doc.word(b))
}

/// True when token `b` is a number or a model code ("6", "S9", "XP") in
/// the name's sentence, right after it.
fn numbered_after(doc: &Doc, b: usize) -> bool {
    let Some(t) = doc.toks.get(b) else {
        return false;
    };
    let same_sentence = b > 0 && doc.toks[b - 1].sent() == t.sent();
    let adjacent = b > 0 && doc.toks[b - 1].end() + 1 == t.start();
    same_sentence && adjacent && (t.kind() == TokenKind::Number || is_model_code(doc.word(b)))
}

/// True for a short code of letters and digits ("S9", "XP1", "A320").
fn is_model_code(w: &str) -> bool {
    w.len() <= 4
        && w.bytes().any(|c| c.is_ascii_digit())
        && w.bytes().all(|c| c.is_ascii_alphanumeric())
}

fn gazetteer_mention(doc: &Doc, a: usize, b: usize, entry: GazEntry) -> NameMention {
    NameMention {
        span: doc.span(a, b),
        lead: a,
        start: a,
        end: b,
        kind: Kind::of_gazetteer(entry.kind),
        canonical: Some(entry.canonical),
        country: entry.kind == GazKind::Country,
        gender: Gender::Unknown,
        roles: Vec::new(),
        acronym_of: None,
        office: false,
    }
}

fn plain(doc: &Doc, a: usize, b: usize, kind: Kind, gender: Gender) -> NameMention {
    NameMention {
        span: doc.span(a, b),
        lead: a,
        start: a,
        end: b,
        kind,
        canonical: None,
        country: false,
        gender,
        roles: Vec::new(),
        acronym_of: None,
        office: false,
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

/// The names and demonyms of `doc`: each capitalised run split into
/// pieces, the names the document states firmly learnt from all of them,
/// then each run's names collected with that knowledge.
fn names_in(doc: &Doc) -> Found {
    let mut found = Found::default();
    let mut pieces = Vec::new();
    // Each run's pieces and its end token, as u32s: a long text has a
    // run for every few words.
    let mut bounds: Vec<[u32; 3]> = Vec::new();
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    for (a, b) in doc.runs() {
        let from = pieces.len();
        doc.pieces(a, b, &mut pieces);
        bounds.push([small(from), small(pieces.len()), small(b)]);
    }
    let mut known = KnownNames::default();
    for &[from, to, _] in &bounds {
        known.learn(doc, &pieces[from as usize..to as usize]);
    }
    for &[from, to, b] in &bounds {
        let (from, to) = (from as usize, to as usize);
        found
            .names
            .extend(office_named(doc, &pieces[from..to], b as usize));
        collect(doc, &pieces[from..to], &known, &mut found);
    }
    found
}

/// True when the words from token `a` to the end of its line are a name
/// alone, as on an address line: capitalised, or the small words and
/// marks inside names ("of", "and", "the", "Farmers' Network").
fn names_rest_of_line(doc: &Doc, a: usize) -> bool {
    let line_ends = |k: usize| k == doc.toks.len() || doc.opens_line(k);
    doc.is_cap(a)
        && (a + 1..=doc.toks.len())
            .find(|&k| line_ends(k))
            .is_some_and(|end| {
                (a..end).all(|k| {
                    let w = doc.word(k);
                    doc.is_cap(k) || is_connector(w) || is_possessive_mark(w) || w == "&"
                })
            })
}

/// The person a run names by an office alone, when the run is nothing but
/// that office and its portfolio ("the Transport Secretary", "the Minister
/// for Housing", "Secretary of State"; the run ends at token `b`) and it
/// stands where English uses a title as a name: after "the" or "Dear", or
/// addressed or apposed between a comma and the end of a phrase ("Thank
/// you, Minister.", "Delphine Ware, Minister for Roads and Ports,"), or
/// opening a sentence as its addressee ("Chair, I rise …"). An honorific
/// alone ("Dear Sir,") names no one.
fn office_named(doc: &Doc, pieces: &[Piece], b: usize) -> Option<NameMention> {
    let [first, rest @ ..] = pieces else {
        return None;
    };
    let PieceKind::Title(gender) = first.kind else {
        return None;
    };
    // "Deputy" + "Prime Minister": one office.
    let mut end = first.end;
    for p in rest {
        match p.kind {
            PieceKind::Title(_) if p.start == end => end = p.end,
            _ => return None,
        }
    }
    let portfolio = end < b && matches!(doc.word(end), "for" | "of");
    if (end < b && !portfolio) || is_honorific(&doc.key(first.start, end)) {
        return None;
    }
    let a = first.start;
    let before = a.checked_sub(1).map(|i| doc.word(i));
    let after = doc.toks.get(b).map(|_| doc.word(b));
    // "Chair, Northfell Health" on an address line is a post at a body,
    // not its holder addressed ("Chair, Megan Ashworth ended her letter").
    let body_after = after == Some(",") && b + 1 < doc.toks.len() && names_rest_of_line(doc, b + 1);
    let phrase_ends =
        !body_after && matches!(after, None | Some("," | "." | "!" | "?" | ";" | ":"));
    let opens_sentence = a == 0 || doc.toks[a - 1].sent() != doc.toks[a].sent();
    let named = match before {
        Some("the" | "The" | "Dear") => true,
        Some(",") => phrase_ends,
        _ => opens_sentence && after == Some(",") && !body_after,
    };
    if !named {
        return None;
    }
    let mut m = plain(doc, a, b, Kind::Person, gender);
    m.office = true;
    m.roles.push(Role {
        text: doc.key(a, b).into_owned(),
        head: doc.key(a, end).to_lowercase(),
        country: None,
    });
    Some(m)
}

/// The qualifiers that may precede a role (countries, demonyms and other
/// names with a canonical name), by their end token and by their start
/// token (with their end).
fn qualifiers(
    demonyms: &[Demonym],
    names: &[NameMention],
) -> (Map<usize, Qualifier>, Map<usize, (usize, Qualifier)>) {
    let mut qual_by_end: Map<usize, Qualifier> = Map::default();
    let mut qual_by_start: Map<usize, (usize, Qualifier)> = Map::default();
    let demonyms = demonyms.iter().map(|d| (d.start, d.end, d.country));
    let names = (names.iter()).filter_map(|m| Some((m.start, m.end, m.canonical?)));
    for (start, end, name) in demonyms.chain(names) {
        let q = Qualifier { start, name };
        qual_by_end.insert(end, q);
        qual_by_start.insert(start, (end, q));
    }
    (qual_by_end, qual_by_start)
}

/// Finds the entities of `text`, given its tokens (from
/// [`crate::annotate::segment`]), and hands the tokens on, flagged, with
/// the document's paragraphs and quotations, to the later stages. Tells
/// `report` as each of its steps starts.
pub fn find(text: &str, toks: Vec<Token>, report: &mut dyn FnMut(Step)) -> (Annotations, Handover) {
    report(Step::Names);
    let doc = Doc::new(text, toks);
    let Found {
        mut names,
        demonyms,
    } = names_in(&doc);
    mark_acronyms(&doc, &mut names);
    by_document(&doc, &mut names, &|w| {
        descriptions::organization_noun(w).is_some()
    });
    let (qual_by_end, qual_by_start) = qualifiers(&demonyms, &names);
    roles::add_context_roles(&doc, &mut names, &qual_by_end);

    report(Step::Linking);
    let (mut clusters, of_mention) = link::link(&doc, &names);
    let mut anchors: Vec<Anchor> = names
        .iter()
        .zip(&of_mention)
        .map(|(m, &c)| Anchor::new(&doc, m.lead, m.end, c))
        .collect();
    let mut resolved = Vec::new();
    report(Step::Describing);
    descriptions::descriptions(&doc, &clusters, &anchors, &qual_by_start, &mut resolved);
    let appositions = descriptions::appositions(&doc, &clusters, &anchors, &resolved);
    // Resolved mentions come mostly in document order: seek, don't search.
    let (mut starts, mut ends) = (Cursor::default(), Cursor::default());
    let mut anchor_of = |r: &Resolved| {
        let tok = starts.seek(&doc.toks, r.span.start, |t, b| t.start() < b);
        let end = ends.seek(&doc.toks, r.span.end, |t, b| t.start() < b);
        Anchor::new(&doc, tok, end, r.cluster)
    };
    anchors.extend(resolved.iter().map(&mut anchor_of));
    anchors.sort_by_key(|a| a.tok());
    let described = resolved.len();
    let quotations = descriptions::quotations(&doc, &clusters, &anchors);
    descriptions::pronouns(&doc, &mut clusters, &anchors, &quotations, &mut resolved);
    descriptions::possessive_it(&doc, &clusters, &anchors, &mut resolved);
    descriptions::reported_it(&doc, &clusters, &anchors, &mut resolved);
    // Speakers named by pronoun count too ("“...,” he said").
    anchors.extend(resolved[described..].iter().map(anchor_of));
    anchors.sort_by_key(|a| a.tok());
    let quotations = descriptions::quotations(&doc, &clusters, &anchors);
    descriptions::first_person(&doc, &quotations, &mut resolved);
    drop((anchors, quotations));
    let ann = assemble(&doc, names, of_mention, clusters, demonyms, resolved);
    (ann, doc.into_handover(appositions))
}

/// Retypes, from the evidence of all their mentions in the document, the
/// names the rules typed by their shape alone (no given name, initial or
/// title: "Tidemark Orrell" a person for being two unknown capitalised
/// words, a lone unknown word undecided). The mentions of one name vote
/// (see `kinds::Votes`); no person evidence and
/// - a body's evidence at least as often as a place's: an organization
///   ("Tidemark Orrell's chief executive", "the retailer Pask");
/// - else a place's evidence, for a name of several words: a place ("at
///   the shed in Carrow Fold");
/// - else "it" or ", which" after two mentions of a name of several words:
///   an organization;
/// - a name of several words whose first word, alone, is an organization
///   so: a firm's full name ("Tidemark Orrell" beside "Tidemark's board"),
///   or two firms' names run together ("Pask Orrell");
/// - a name opening with a given name (a firm named after its founder)
///   only with a body's evidence and one more (a body's or "it"), and no
///   person's.
///
/// A lone word of no word list with a place's evidence and no other (no
/// act, nothing a body or a person has) is a place ("in Tolver"), unless
/// it opens an organization's name ("Skyvale" of "Skyvale Airways").
/// "Tolver" of "Tolver Town Council" and "Tolver Gazette" names the town
/// (see [`kinds::town_words`]).
/// A lone given name that is no word of a person's full name in the
/// document is a place when its mentions read as a place's more often than
/// as a person's ("Hadley" of "the mayor of Hadley").
/// A lone word that is part of a clear person's name ("Orrell" of "Ann
/// Orrell") is left to the linker. Runs before the linker, so that a firm
/// named like a person lends no family name to lone words and is described
/// as a firm. `org_noun` tells a noun naming an organization ("firm",
/// "broker"; the describer's list).
fn by_document(doc: &Doc, names: &mut [NameMention], org_noun: &dyn Fn(&str) -> bool) {
    let span = |m: &NameMention| {
        let a = if m.end - m.start >= 2 && doc.word(m.start) == "The" {
            m.start + 1
        } else {
            m.start
        };
        (a, m.end)
    };
    // How the rules typed a mention: `None` by more than its shape (a
    // title, a role, a keyword, the gazetteer, an initial), `Some(false)`
    // by its shape alone, `Some(true)` by a given name opening it.
    let typed_by = |m: &NameMention| -> Option<bool> {
        let (a, b) = span(m);
        let plain = m.canonical.is_none()
            && !m.office
            && m.acronym_of.is_none()
            && m.lead == m.start
            && m.roles.is_empty()
            && matches!(m.kind, Kind::Person | Kind::Unknown | Kind::Place)
            && !doc.is_dateline(m.start);
        if !plain {
            return None;
        }
        if !kinds::is_clearly_person(doc, a, b) {
            return Some(false);
        }
        let given_only = LEXICON.first_names.contains_key(doc.word(a))
            && !(a..b).any(|i| kinds::is_initial(doc.word(i)));
        given_only.then_some(true)
    };
    // Words of the names of two words or more the rules take for people's:
    // a lone given name among them is that person ("Joel" of "Joel Sanna").
    let in_full_names: Set<&str> = names
        .iter()
        .filter(|m| m.kind == Kind::Person && m.end - m.start >= 2)
        .flat_map(|m| (m.start..m.end).map(|i| doc.word(i)))
        .collect();
    // First words of organizations' names ("Skyvale" of "Skyvale
    // Airways"), which go by them, unless they name a town because the
    // text names its institutions after it ("Tolver Town Council").
    let multi = || names.iter().map(span).filter(|&(a, b)| b - a >= 2);
    let towns = kinds::town_words(
        multi().map(|(a, b)| (a..b).map(|i| doc.word(i)).collect()),
        |w| doc.seen_lowercase(w),
    );
    let firm_openers: Set<&str> = names
        .iter()
        .filter(|m| m.kind == Kind::Organization)
        .map(span)
        .filter(|&(a, b)| b - a >= 2)
        .map(|(a, _)| doc.word(a))
        .filter(|w| !towns.contains(w))
        .collect();
    // Each name's votes, whether every mention of it is typed by its
    // shape or a given name, and whether a given name opens it.
    let mut names_votes: Map<Cow<'_, str>, (kinds::Votes, bool, bool)> = Map::default();
    // Words of the names of people known by more than their shape.
    let mut personal: Set<&str> = Set::default();
    for m in names.iter() {
        let (a, b) = span(m);
        let typed = typed_by(m);
        if typed != Some(false) && m.kind == Kind::Person {
            personal.extend((a..b).map(|i| doc.word(i)));
        }
        let entry =
            names_votes
                .entry(doc.key(a, b))
                .or_insert((kinds::Votes::default(), true, false));
        entry.1 &= typed.is_some();
        entry.2 |= typed == Some(true);
        if typed.is_some() {
            kinds::vote(doc, a, b, org_noun, &mut entry.0);
            if m.kind == Kind::Place {
                entry.0.place += 1;
            }
        }
    }
    let lone_body = |w: &str| {
        !personal.contains(w)
            && names_votes.get(w).is_some_and(|&(v, shaped, _)| {
                shaped && v.person == 0 && v.body > 0 && v.body >= v.place
            })
    };
    let decided: Map<Cow<'_, str>, Kind> = names_votes
        .iter()
        .filter(|(_, (_, shaped, _))| *shaped)
        .filter_map(|(key, &(v, _, given))| {
            let words: Vec<&str> = key.split(' ').collect();
            let kind = if words.len() == 1 && given {
                // A given name that never opens or ends a person's full
                // name, read more often as a place than as a person
                // ("the mayor of Hadley", "the people of Hadley"): a town.
                (!in_full_names.contains(key.as_ref()) && v.place > v.person && v.place >= v.body)
                    .then_some(Kind::Place)?
            } else if words.len() == 1 {
                if lone_body(key) {
                    Kind::Organization
                } else {
                    // "in Tolver", "the people of Tolver", and no act nor
                    // anything a body or a person has: a place.
                    (v.place > 0
                        && v.person + v.body + v.acts == 0
                        && !firm_openers.contains(key.as_ref()))
                    .then_some(Kind::Place)?
                }
            } else if v.person > 0 {
                return None;
            } else if given {
                // A firm named after its founder ("Ottilie Vance"): only
                // a body's evidence and another besides.
                (v.body > 0 && v.body + v.neuter >= 2).then_some(Kind::Organization)?
            } else if v.body > 0 && v.body >= v.place {
                Kind::Organization
            } else if v.place > 0 {
                Kind::Place
            } else if v.neuter >= 2 || lone_body(words[0]) {
                Kind::Organization
            } else {
                return None;
            };
            Some((key.clone(), kind))
        })
        .collect();
    for m in names.iter_mut() {
        let (a, b) = span(m);
        if let Some(&kind) = decided.get(doc.key(a, b).as_ref()) {
            m.kind = kind;
        }
    }
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
    // Collected in place over the names' buffer, which is larger.
    let mut outs: Vec<Out> = names
        .into_iter()
        .zip(of_mention)
        .map(|(m, c)| (m.span, MentionForm::Name, c))
        .collect();
    outs.reserve(resolved.len() + demonyms.len());
    outs.extend(resolved.into_iter().map(|r| (r.span, r.form, r.cluster)));
    let demonym_links = demonym_entities(doc, &demonyms, &mut clusters, &mut outs);
    // Sorted by start, longer first; later overlapping mentions are dropped.
    outs.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    outs.retain(|o| !clusters[o.2].unconfirmed);
    outs.dedup_by(|o, kept| o.0.start < kept.0.end);
    let (entities, mentions, new_id) = number_entities(&clusters, outs);
    let links = country_links(&clusters, demonym_links, &new_id);
    Annotations {
        entities,
        mentions,
        links,
        ..Annotations::default()
    }
}

/// Adds the demonyms' mentions to `outs`, with one entity (a cluster added
/// to `clusters`) per country; gives each such cluster with its country.
fn demonym_entities(
    doc: &Doc,
    demonyms: &[Demonym],
    clusters: &mut Vec<Cluster>,
    outs: &mut Vec<Out>,
) -> Vec<(usize, &'static str)> {
    let mut demonym_cluster: Map<&'static str, usize> = Map::default();
    let mut demonym_links = Vec::new();
    for d in demonyms {
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
    demonym_links
}

/// The entities and mentions of the mentions `outs` (in order): entities
/// numbered in order of first mention, only those with a mention left;
/// with each cluster's entity (`usize::MAX` for none).
fn number_entities(
    clusters: &[Cluster],
    outs: Vec<Out>,
) -> (Vec<Entity>, Vec<Mention>, Vec<usize>) {
    let mut new_id = vec![usize::MAX; clusters.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(outs.len());
    for (span, form, c) in outs {
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
    (entities, mentions, new_id)
}

/// The links demonym_of (from each demonym's entity, `demonym_links`) and
/// capital_of, to the country entity when there is one; `new_id` gives each
/// cluster's entity.
fn country_links(
    clusters: &[Cluster],
    demonym_links: Vec<(usize, &'static str)>,
    new_id: &[usize],
) -> Vec<Link> {
    let country_of: Map<&str, usize> = clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.country)
        .filter_map(|(i, c)| Some((c.canonical?, i)))
        .collect();
    let mut links = Vec::new();
    for (c, country) in demonym_links {
        if let Some(&to) = country_of.get(country) {
            push_link(&mut links, new_id, c, to, LinkRel::DemonymOf);
        }
    }
    for (i, c) in clusters.iter().enumerate() {
        let Some(country) = c.canonical.and_then(|n| LEXICON.capitals.get(n)) else {
            continue;
        };
        if let Some(&to) = country_of.get(country) {
            push_link(&mut links, new_id, i, to, LinkRel::CapitalOf);
        }
    }
    links.sort_by_key(|l: &Link| (l.from, l.to));
    links
}

fn push_link(links: &mut Vec<Link>, new_id: &[usize], from: usize, to: usize, rel: LinkRel) {
    let (from, to) = (new_id[from], new_id[to]);
    if from != usize::MAX && to != usize::MAX {
        links.push(Link { from, to, rel });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment;
    use crate::model::EntityKind;

    fn run(text: &str) -> Annotations {
        find(text, segment::segment(text), &mut |_| {}).0
    }

    /// (entity name, mention texts) in entity order.
    fn groups(text: &str) -> Vec<(String, Vec<String>)> {
        let ann = run(text);
        ann.entities
            .iter()
            .map(|e| {
                let ms = e
                    .mentions
                    .iter()
                    .map(|&m| ann.mentions[m].span.slice(text).to_owned())
                    .collect();
                (e.name.clone(), ms)
            })
            .collect()
    }

    fn group_of(text: &str, name: &str) -> Vec<String> {
        groups(text)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, ms)| ms)
            .unwrap_or_default()
    }

    #[test]
    fn surnames_and_titles_join_the_full_name() {
        let text = "Senator Maria Delgado spoke on Monday. Delgado said the vote was close. \
                    Later, Senator Delgado left.";
        assert_eq!(
            group_of(text, "Maria Delgado"),
            ["Senator Maria Delgado", "Delgado", "Senator Delgado"]
        );
    }

    #[test]
    fn family_name_first_is_the_short_form() {
        let text = "The talks with Xi Jinping went on. Officials said Xi wanted more time.";
        assert_eq!(group_of(text, "Xi Jinping"), ["Xi Jinping", "Xi"]);
    }

    #[test]
    fn acronyms_in_parentheses_join_their_name() {
        let text = "The Grain Export Authority (GEA) said prices rose. GEA later denied it.";
        assert_eq!(
            group_of(text, "Grain Export Authority"),
            ["Grain Export Authority", "GEA", "GEA"]
        );
    }

    #[test]
    fn aliases_of_countries_join_one_place() {
        let text = "Ships left the U.S. on Friday. The United States said more would follow.";
        let ann = run(text);
        let us: Vec<_> = ann
            .entities
            .iter()
            .filter(|e| e.name == "United States")
            .collect();
        assert_eq!(us.len(), 1);
        assert_eq!(us[0].kind, EntityKind::Place);
        assert_eq!(us[0].mentions.len(), 2);
    }

    #[test]
    fn a_company_name_before_a_noun_of_geography_is_a_place() {
        let text = "Deforestation in the Amazon rainforest fell. The Amazon Fund paid. \
                    Environment Minister Marina Silva spoke.";
        let ann = run(text);
        let kind_of = |name: &str| ann.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind_of("Amazon"), Some(EntityKind::Place));
        assert_eq!(kind_of("Amazon Fund"), Some(EntityKind::Organization));
        assert_eq!(group_of(text, "Amazon"), ["Amazon"]);
        // A portfolio title, not an organization called "Environment".
        assert_eq!(
            group_of(text, "Marina Silva"),
            ["Environment Minister Marina Silva"]
        );
        assert!(kind_of("Environment").is_none());
    }

    #[test]
    fn a_company_named_without_its_designator_is_the_company() {
        let text = "Northwind agrees to buy Quillmark Sendry. Northwind said it would buy \
                    Quillmark Sendry Inc for cash.\n\nREDMOND, Wash. — Shares rose.";
        let ann = run(text);
        assert_eq!(
            group_of(text, "Quillmark Sendry Inc"),
            ["Quillmark Sendry", "Quillmark Sendry Inc"]
        );
        let kind_of = |name: &str| ann.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        // The state after a dateline's city.
        assert_eq!(kind_of("Wash"), Some(EntityKind::Place));
    }

    #[test]
    fn world_bodies_are_known_by_their_initials() {
        let text = "FIFA said it would review the match. UEFA agreed.";
        let ann = run(text);
        let names: Vec<&str> = ann.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Fédération Internationale de Football Association",
                "Union of European Football Associations"
            ]
        );
    }

    #[test]
    fn local_court_reporting() {
        let text = "Daniel Hart, of Harehills, appeared at Leeds Magistrates' Court on Monday. \
                    The victim is at Leeds General Infirmary.";
        let ann = run(text);
        let kind_of = |name: &str| ann.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind_of("Harehills"), Some(EntityKind::Place));
        assert_eq!(
            kind_of("Leeds Magistrates' Court"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of("Leeds General Infirmary"),
            Some(EntityKind::Organization)
        );
        assert_eq!(kind_of("Daniel Hart"), Some(EntityKind::Person));
        assert_eq!(ann.entities.len(), 4, "{:?}", ann.entities);
    }

    #[test]
    fn a_name_at_the_very_end_of_the_text() {
        for text in [
            "Officials met in Boston",
            "Boston",
            "the Magistrates'",
            "Teachers' Union",
        ] {
            let ann = run(text);
            assert!(
                ann.mentions.iter().all(|m| m.span.end <= text.len()),
                "{text}"
            );
        }
    }

    #[test]
    fn what_a_person_owns_is_an_organization() {
        let text = "Warren Buffett's Berkshire Hathaway bought shares. \
                    Northwind's Sundar Pichai spoke.";
        let ann = run(text);
        let kind_of = |name: &str| ann.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(
            kind_of("Berkshire Hathaway"),
            Some(EntityKind::Organization)
        );
        assert_eq!(kind_of("Warren Buffett"), Some(EntityKind::Person));
        // An organization's person stays a person.
        assert_eq!(kind_of("Sundar Pichai"), Some(EntityKind::Person));
    }

    #[test]
    fn a_name_with_a_model_number_is_no_actor() {
        let text = "Users of Explorer 6 and Galaxy S9 phones met at Expo 2020. \
                    Acme said the Zorblat 3 sold well.";
        let names: Vec<String> = run(text).entities.into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Acme"]);
        // A known organization or a person keeps its name.
        let text = "Boeing 737 jets flew. Ann Lee 2 said so.";
        let names: Vec<String> = run(text).entities.into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Boeing", "Ann Lee"]);
    }

    #[test]
    fn a_dateline_in_capitals_names_a_place() {
        let text = "FLOODS HIT CITY, THOUSANDS FLEE\n\nPORT ELLERY (Reuters) - The council \
                    voted on Tuesday.\n\nBERGEN, Norway — Fishermen protested.";
        let ann = run(text);
        let kind_of = |name: &str| ann.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind_of("Port Ellery"), Some(EntityKind::Place));
        assert_eq!(kind_of("Bergen"), Some(EntityKind::Place));
        assert_eq!(kind_of("Norway"), Some(EntityKind::Place));
        // An all-capitals headline is no dateline.
        assert!(ann.entities.iter().all(|e| !e.name.contains("FLOODS")));
    }

    #[test]
    fn a_dateline_is_the_place_the_story_names() {
        let text = "Storm closes schools\n\nPORT ELLERY — The council met on Tuesday. \
                    Ferries to Port Ellery stopped.";
        let groups = groups(text);
        let port = groups
            .iter()
            .find(|(_, ms)| ms.contains(&"PORT ELLERY".to_owned()));
        assert_eq!(
            port.map(|(_, ms)| ms.clone()),
            Some(vec!["PORT ELLERY".to_owned(), "Port Ellery".to_owned()]),
            "{groups:?}"
        );
    }

    #[test]
    fn an_adjective_of_a_named_place_is_no_actor() {
        let text = "Talks between Marenia and Kestria stalled. The Kestrian president, \
                    Ivo Dran, met his Marenian counterpart.";
        let names: Vec<String> = run(text).entities.into_iter().map(|e| e.name).collect();
        assert!(!names.iter().any(|n| n.ends_with("ian")), "{names:?}");
        assert!(names.contains(&"Kestria".to_owned()), "{names:?}");
        // Before a verb it is a name: "Brennan" beside "Brenna".
        let text = "The chair, Brenna Lowe, spoke. Later, Brennan said the vote was close \
                    and Brennan has left.";
        let names: Vec<String> = run(text).entities.into_iter().map(|e| e.name).collect();
        assert!(names.contains(&"Brennan".to_owned()), "{names:?}");
    }

    #[test]
    fn a_byline_names_its_writer_not_the_desk() {
        let text = "Storm Closes Schools Across The Valley\n\n\
                    By Marta Wisniewska, Weather Correspondent\n\nThe council met on Tuesday.";
        let names: Vec<String> = run(text).entities.into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Marta Wisniewska"]);
        // A desk named like an organization is still the writer's desk.
        let text = "Storm Closes Schools Across The Valley\n\n\
                    By Marta Wisniewska, Labour Correspondent\n\nThe council met on Tuesday.";
        let names: Vec<String> = run(text).entities.into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Marta Wisniewska"]);
        // A headline opening with "By" and a function word is no byline.
        let text = "By The Numbers Jobs Rise Again\n\nThe council met on Tuesday.";
        assert!(run(text).entities.is_empty(), "{:?}", run(text).entities);
    }

    #[test]
    fn two_letter_initials_name_only_a_name_before_them() {
        // "SE" comes first: it is not Sun Energy's.
        let text = "The phone SE model sold well. Later, Sun Energy said prices rose.";
        assert_eq!(group_of(text, "Sun Energy"), ["Sun Energy"]);
        // After the name, the initials are its own.
        let text = "Sun Energy said prices rose. Later, SE said sales fell.";
        assert_eq!(group_of(text, "Sun Energy"), ["Sun Energy", "SE"]);
        // Three letters are rare enough to link either way.
        let text = "GEA said prices rose. The Grain Export Authority confirmed it.";
        assert_eq!(
            group_of(text, "Grain Export Authority"),
            ["GEA", "Grain Export Authority"]
        );
    }

    #[test]
    fn state_abbreviations_in_datelines_are_their_states() {
        let text = "NASHVILLE, Tenn. — The firm, based in Cupertino, Calif., hired staff \
                    in California and in Newark, N.J.";
        let ann = run(text);
        let kind_of = |name: &str| {
            ann.entities
                .iter()
                .find(|e| e.name == name)
                .map(|e| (e.kind, e.mentions.len()))
        };
        assert_eq!(kind_of("Tennessee"), Some((EntityKind::Place, 1)));
        assert_eq!(kind_of("California"), Some((EntityKind::Place, 2)));
        assert_eq!(kind_of("New Jersey"), Some((EntityKind::Place, 1)));
        assert!(
            ann.entities
                .iter()
                .all(|e| e.kind != EntityKind::Organization)
        );
    }

    #[test]
    fn weekdays_and_months_are_not_actors() {
        let names: Vec<String> = groups("On Friday in March, Omar Haddad met reporters in Cairo.")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names, ["Omar Haddad", "Cairo"]);
    }

    #[test]
    fn organizations_go_by_shorter_names() {
        let text = "The Comic Guild of Ontario met. Members of the Comic Guild voted.";
        assert_eq!(
            group_of(text, "Comic Guild of Ontario"),
            ["Comic Guild of Ontario", "Comic Guild"]
        );
    }

    #[test]
    fn role_descriptions_need_a_unique_holder() {
        let text = "Chilean leader Rosa Ibarra arrived. Crowds cheered the Chilean leader.";
        assert_eq!(
            group_of(text, "Rosa Ibarra"),
            ["Rosa Ibarra", "the Chilean leader"]
        );
        let two = "Mayor Ana Ruiz and Mayor Luis Soto met. The mayor spoke first.";
        assert!(!group_of(two, "Ana Ruiz").contains(&"The mayor".to_owned()));
        assert!(!group_of(two, "Luis Soto").contains(&"The mayor".to_owned()));
    }

    #[test]
    fn pronouns_agree_in_gender_and_respect_quotes() {
        let text = "Maria Delgado met Omar Haddad. She said the deal was done.";
        assert_eq!(group_of(text, "Maria Delgado"), ["Maria Delgado", "She"]);
        let quoted = "Omar Haddad met Paul Brant and John Reyes. “He is wrong,” a source said.";
        let ann = run(quoted);
        assert!(ann.mentions.iter().all(|m| m.span.slice(quoted) != "He"));
    }

    #[test]
    fn demonyms_and_capitals_are_linked_entities() {
        let text = "Chilean officials met in Santiago. Chile said talks would go on.";
        let ann = run(text);
        let id = |n: &str| ann.entities.iter().position(|e| e.name == n).unwrap();
        let chile = id("Chile");
        assert!(ann.links.contains(&Link {
            from: id("Chilean"),
            to: chile,
            rel: LinkRel::DemonymOf
        }));
        assert!(ann.links.contains(&Link {
            from: id("Santiago"),
            to: chile,
            rel: LinkRel::CapitalOf
        }));
    }

    #[test]
    fn context_types_unknown_names() {
        let text = "She grew up in Mountain Vale, Oregon, near the town of Brackley.";
        let ann = run(text);
        let kind = |n: &str| ann.entities.iter().find(|e| e.name == n).map(|e| e.kind);
        assert_eq!(kind("Mountain Vale"), Some(EntityKind::Place));
        assert_eq!(kind("Brackley"), Some(EntityKind::Place));
        assert!(
            ann.mentions
                .iter()
                .all(|m| m.span.slice(text) != "the town")
        );
    }

    #[test]
    fn sentence_initial_titles_and_company_descriptions() {
        let text = "Prime Minister Ann Holt visited Acme Widgets Inc. on Monday. \
                    The prime minister said the company would grow.";
        assert_eq!(
            group_of(text, "Ann Holt"),
            ["Prime Minister Ann Holt", "The prime minister"]
        );
        assert_eq!(
            group_of(text, "Acme Widgets Inc."),
            ["Acme Widgets Inc.", "the company"]
        );
    }

    #[test]
    fn a_title_after_a_possessive_stays_out_of_the_name() {
        let text = "The union's Chief Executive Ravi Mehta said no. Later, Mayor \
                    Lena Ortiz's Press Secretary Tom Baird wrote. Mehta agreed.";
        assert_eq!(group_of(text, "Ravi Mehta"), ["Ravi Mehta", "Mehta"]);
        assert_eq!(group_of(text, "Lena Ortiz"), ["Mayor Lena Ortiz"]);
        assert_eq!(group_of(text, "Tom Baird"), ["Tom Baird"]);
        let ann = run(text);
        let mehta = ann
            .entities
            .iter()
            .find(|e| e.name == "Ravi Mehta")
            .unwrap();
        assert_eq!(mehta.roles, ["Chief Executive"]);
    }

    #[test]
    fn particles_party_tags_and_qualified_titles() {
        let text = "Sen. Ana de la Cruz (D-Ariz.) met Senate Leader Tom Ruiz. Cruz said \
                    she agreed with Ruiz.";
        let names: Vec<String> = groups(text).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["Ana de la Cruz", "Senate", "Tom Ruiz"]);
        assert_eq!(
            group_of(text, "Ana de la Cruz"),
            ["Sen. Ana de la Cruz", "Cruz", "she"]
        );
        let ann = run(text);
        let ruiz = ann.entities.iter().find(|e| e.name == "Tom Ruiz").unwrap();
        assert_eq!(ruiz.roles, ["Senate Leader"]);
    }

    #[test]
    fn teams_possessive_organizations_and_neighborhoods() {
        let text = "The Denver Comets beat the Boston Celtics in the Elmwood neighborhood. \
                    The Kane County State's Attorney's Office filed charges.";
        let ann = run(text);
        let kind = |n: &str| ann.entities.iter().find(|e| e.name == n).map(|e| e.kind);
        assert_eq!(kind("Denver Comets"), Some(EntityKind::Organization));
        assert_eq!(kind("Boston Celtics"), Some(EntityKind::Organization));
        assert_eq!(kind("Elmwood"), Some(EntityKind::Place));
        assert_eq!(
            kind("Kane County State's Attorney's Office"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn a_quoted_pronoun_is_not_the_speaker() {
        let text = "Paul Brant met Omar Haddad. Haddad said: “He lied to me.”";
        assert_eq!(group_of(text, "Paul Brant"), ["Paul Brant", "He"]);
        assert_eq!(
            group_of(text, "Omar Haddad"),
            ["Omar Haddad", "Haddad", "me"]
        );
    }

    #[test]
    fn a_leading_descriptor_is_not_part_of_the_name() {
        for text in [
            "Physicist Ann Lee spoke. Later Ann Lee left.",
            "Ann Lee spoke. Physicist Ann Lee left.",
        ] {
            let names: Vec<String> = groups(text).into_iter().map(|(n, _)| n).collect();
            assert_eq!(names, ["Ann Lee"], "{text}");
        }
    }

    #[test]
    fn companies_go_by_their_first_word() {
        let text = "Brandtwerk Widgets Inc. grew. Shares of Brandtwerk rose.";
        assert_eq!(
            group_of(text, "Brandtwerk Widgets Inc."),
            ["Brandtwerk Widgets Inc.", "Brandtwerk"]
        );
    }

    #[test]
    fn a_middle_name_may_stand_alone() {
        let text = "President Luiz Inácio Lula da Silva arrived. Lula spoke first.";
        assert_eq!(
            group_of(text, "Luiz Inácio Lula da Silva"),
            ["President Luiz Inácio Lula da Silva", "Lula"]
        );
    }

    #[test]
    fn first_person_in_a_quote_is_the_speaker() {
        let text = "“I will stay,” Omar Haddad said.";
        assert_eq!(group_of(text, "Omar Haddad"), ["I", "Omar Haddad"]);
    }
}
