//! Typing names (ANNIE-style rules): gazetteer entries and keywords come
//! typed from [`super::names`]; other names are people when a title, a given
//! name, an initial or a family-name-first pattern says so, acronyms are
//! organizations, and a lone unknown word is decided by its links and its
//! context.

use crate::annotate::doc::Doc;
use crate::annotate::fasthash::{Map, Set};
use crate::annotate::lexicon::{GazKind, Gender, LEXICON};
use crate::annotate::words::{MODALS, SPEECH_VERBS, is_acronym};
use crate::model::EntityKind;

/// The kind a keyword gives a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyedKind {
    /// "Foreign Ministry", "Acme Inc.".
    Organization,
    /// "Hudson River".
    Place,
}

/// The kind of a name, possibly not known yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A place.
    Place,
    /// Not decided by the name alone.
    Unknown,
}

impl Kind {
    /// The entity kind; an undecided name is taken for an organization.
    pub fn entity_kind(self) -> EntityKind {
        match self {
            Kind::Person => EntityKind::Person,
            Kind::Place => EntityKind::Place,
            Kind::Organization | Kind::Unknown => EntityKind::Organization,
        }
    }

    /// The kind of a gazetteer entry.
    pub fn of_gazetteer(kind: GazKind) -> Self {
        match kind {
            GazKind::Country | GazKind::Place => Kind::Place,
            GazKind::Organization => Kind::Organization,
        }
    }

    /// The kind a keyword gives.
    pub fn of_keyed(kind: KeyedKind) -> Self {
        match kind {
            KeyedKind::Organization => Kind::Organization,
            KeyedKind::Place => Kind::Place,
        }
    }
}

/// The words that name a town because a text names its institutions after
/// it: the first word of two names of organizations or places that go on
/// with different second words ("Kestle Gazette", "Kestle Town Council"),
/// or of a local council's name ("Harwick City Council"). `names` are the
/// names' words without a leading "The". A club goes by its town's name
/// ("Castlebridge won"), so a word opening a club's name is none; nor is a
/// word shorter than three letters, initials, a word a word list knows (a
/// keyword, title or given name) or a common word (`common`: "National" of
/// "National Trust" and "National Gallery").
pub fn town_words<'t>(
    names: impl IntoIterator<Item = Vec<&'t str>>,
    common: impl Fn(&str) -> bool,
) -> Set<&'t str> {
    let lx = &*LEXICON;
    // first word -> (the second word after it, seen going on differently,
    // opens a club's name, opens a council's name)
    let mut seen: Map<&str, (&str, bool, bool, bool)> = Map::default();
    for words in names {
        let [first, second, ..] = words[..] else {
            continue;
        };
        let last = words[words.len() - 1];
        let club = lx.club_words.contains_key(last);
        let council = words.len() >= 3
            && matches!(
                second,
                "Town" | "County" | "City" | "Borough" | "District" | "Parish"
            )
            && lx.org_keys.contains_key(last);
        let entry = seen.entry(first).or_insert((second, false, false, false));
        entry.1 |= entry.0 != second;
        entry.2 |= club;
        entry.3 |= council;
    }
    seen.into_iter()
        .filter(|&(w, (_, differs, club, council))| {
            (differs || council)
                && !club
                && w.chars().count() >= 3
                && w.starts_with(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && !is_acronym(w)
                && !lx.org_keys.contains_key(w)
                && !lx.place_keys.contains(w)
                && !lx.place_prefixes.contains(w)
                && !lx.club_words.contains_key(w)
                && !lx.first_names.contains_key(w)
                && !lx.titles.contains_key(w)
                && !common(w)
        })
        .map(|(w, _)| w)
        .collect()
}

/// True for an initial ("J.") or dotted initials ("J.D.").
pub(crate) fn is_initial(w: &str) -> bool {
    w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2 && w.len() <= 5
}

/// The kind and gender of the untyped name in tokens `a..b`.
pub fn classify(doc: &Doc, a: usize, b: usize) -> (Kind, Gender) {
    if doc.is_dateline(a) {
        return (Kind::Place, Gender::Unknown);
    }
    let lx = &*LEXICON;
    let first = doc.word(a);
    let n = b - a;
    if let Some(&g) = lx.first_names.get(first) {
        return (Kind::Person, g);
    }
    if (2..=3).contains(&n) && lx.east_asian_surnames.contains(first) {
        return (Kind::Person, Gender::Unknown);
    }
    if n == 1 && is_acronym(first) {
        return (Kind::Organization, Gender::Unknown);
    }
    // "told the House", "speaking in the Commons": a legislature, which a
    // place preposition before it would make a place.
    if n == 1
        && lx.legislature_words.contains(first)
        && a > 0
        && matches!(doc.word(a - 1), "the" | "this" | "This")
    {
        return (Kind::Organization, Gender::Unknown);
    }
    let words = || (a..b).map(|i| doc.word(i));
    if words().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return (Kind::Organization, Gender::Unknown);
    }
    if n >= 2 && words().any(is_initial) {
        return (Kind::Person, Gender::Unknown);
    }
    // Two to four name-like words, none of them a common word of this
    // document ("Campbell Soup" when "soup" occurs too).
    if (2..=4).contains(&n) && words().all(|w| !is_acronym(w) && !doc.seen_lowercase(w)) {
        return (Kind::Person, Gender::Unknown);
    }
    (Kind::Unknown, Gender::Unknown)
}

/// True when the name in tokens `a..b` is a person's by firm evidence: a
/// given name, an initial, or a family name written first.
pub fn is_clearly_person(doc: &Doc, a: usize, b: usize) -> bool {
    let lx = &*LEXICON;
    let first = doc.word(a);
    lx.first_names.contains_key(first)
        || (b - a >= 2 && (a..b).any(|i| is_initial(doc.word(i))))
        || ((2..=3).contains(&(b - a)) && lx.east_asian_surnames.contains(first))
}

/// True when what follows a name ending before token `b` says "person":
/// ", who", or a possessive before a kinship noun ("X's wife").
pub fn person_context(doc: &Doc, b: usize) -> bool {
    match (doc.word_at(b), doc.word_at(b + 1)) {
        (Some(","), Some("who")) => true,
        (Some("'s" | "’s"), Some(noun)) => LEXICON.kinship_nouns.contains(noun),
        _ => false,
    }
}

/// True for a year as citations write it: four digits from 1500 to 2099,
/// perhaps with a letter telling apart two works of one year ("2005a").
fn is_citation_year(w: &str) -> bool {
    let digits = w
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(w);
    digits.len() == 4
        && digits.bytes().all(|c| c.is_ascii_digit())
        && ("1500".."2100").contains(&digits)
}

/// True when the name ending before token `b` is cited as an author, as
/// scholarly writing cites: "Lowe et al.", "Lowe and colleagues", "Lowe
/// (2004)", "Lowe's (2004) study", "(Lowe, 2004)", "(Brandt, Lowe, & Quist,
/// 2014; …)": an author is a person. A firm's name joined by "&" ("Marks &
/// Spencer") is no citation without the year that closes it.
pub fn citation_context(doc: &Doc, b: usize) -> bool {
    let et_al = |i: usize| {
        doc.word_at(i) == Some("et") && doc.word_at(i + 1).is_some_and(|w| w.starts_with("al"))
    };
    let mut i = b;
    if matches!(doc.word_at(i), Some("'s" | "’s" | "'" | "’")) {
        i += 1;
    }
    if et_al(i)
        || (matches!(doc.word_at(i), Some("and" | "&"))
            && matches!(
                doc.word_at(i + 1),
                Some("colleagues" | "coworkers" | "co-workers")
            ))
    {
        return true;
    }
    // The other authors of a list, up to the year that closes it.
    for _ in 0..16 {
        match doc.word_at(i) {
            Some("(") => return doc.word_at(i + 1).is_some_and(is_citation_year),
            Some(w) if is_citation_year(w) => {
                return matches!(doc.word_at(i + 1), Some(")" | ";" | "]" | ":"));
            }
            Some("," | "&" | "and") => i += 1,
            _ if et_al(i) => {
                i += if doc.word_at(i + 2) == Some(".") {
                    3
                } else {
                    2
                }
            }
            Some(_) if doc.is_cap(i) => i += 1,
            _ => return false,
        }
    }
    false
}

/// True when the context of the name in tokens `a..b` says "a body of
/// people", which no place is: "members of X", "X employees", "the X
/// organization".
pub fn body_context(doc: &Doc, a: usize, b: usize) -> bool {
    let nouns = &LEXICON.body_nouns;
    (a >= 2 && doc.word(a - 1) == "of" && nouns.contains(doc.word(a - 2)))
        || (b < doc.toks.len() && nouns.contains(doc.word(b)))
}

/// True when the name in tokens `a..b` is the subject of an act, as a
/// body of people is and a place rarely: not after a preposition ("the
/// mayor of X pledged") or "the", not in a quotation (a speaker may make a
/// town act: "'Selby will not accept this,' she said"), and the words
/// after it (past an apposition between commas: "X, which controls the
/// dam, has asked") those of a body acting (see [`acting_words`]).
pub fn acting_subject(doc: &Doc, a: usize, b: usize) -> bool {
    if doc.toks[a].quoted() || (a > 0 && is_preposition_or_the(doc.word(a - 1))) {
        return false;
    }
    let mut i = b;
    if doc.word_at(i) == Some(",") {
        let Some(close) = (i + 1..(i + 10).min(doc.toks.len())).find(|&k| doc.word(k) == ",")
        else {
            return false;
        };
        i = close + 1;
    }
    let rest: Vec<&str> = (i..(i + 2).min(doc.toks.len()))
        .map(|k| doc.word(k))
        .collect();
    acting_words(&rest)
}

/// True when `rest`, the words right after a subject, say it acts as a
/// body of people: a modal ("would ratify"), a speech verb ("said",
/// "warned") or "has"/"have"/"had" before a past participle in "-ed"
/// ("has asked"; not "has a market"). A bare past tense ("expanded",
/// "started") is left out: towns and regions take it in histories and
/// travel guides ("Tulsa expanded beyond the river").
pub fn acting_words(rest: &[&str]) -> bool {
    match rest {
        ["has" | "have" | "had", next, ..] => {
            next.len() > 4 && next.ends_with("ed") && next.bytes().all(|c| c.is_ascii_lowercase())
        }
        [w, ..] => MODALS.contains(w) || SPEECH_VERBS.contains_key(w),
        [] => false,
    }
}

/// True for a preposition, which a subject never follows, or "the": a
/// name that takes "the" ("the North", "the Union") is a region or a side
/// whose acts are its people's, and stays what its other mentions make it.
fn is_preposition_or_the(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "in"
            | "at"
            | "to"
            | "from"
            | "of"
            | "by"
            | "for"
            | "with"
            | "on"
            | "into"
            | "near"
            | "across"
            | "through"
            | "between"
            | "against"
            | "about"
            | "over"
    )
}

/// True when the context of tokens `a..b` says "place": "in X", "near X",
/// "the town of X", or "X, <state or country>".
pub fn place_context(doc: &Doc, a: usize, b: usize) -> bool {
    after_place_preposition(doc, a)
        || listed_after_place_preposition(doc, a, b)
        || before_place_noun(doc, b)
        || of_a_place_noun(doc, a)
        || hometown(doc, a, b)
        || dateline_state(doc, a)
        || second_of_governments(doc, a)
        || country_possessive(doc, b)
        || before_a_state(doc, b)
        || constituency(doc, a)
        || town_noun(doc, a, b)
}

/// "Dunmere council", "Dunmere's mayor", "the mayor of Dunmere": a noun of
/// what a town has, right after the name or its possessive, or before "of"
/// and it.
fn town_noun(doc: &Doc, a: usize, b: usize) -> bool {
    let nouns = &LEXICON.town_nouns;
    let after = match doc.word_at(b) {
        Some("'s" | "’s") => doc.word_at(b + 1),
        w => w,
    };
    after.is_some_and(|w| nouns.contains(w))
        || (a >= 2 && doc.word(a - 1) == "of" && nouns.contains(doc.word(a - 2)))
}

/// "the member for X", "the MP for X": a legislator's constituency, a
/// place.
fn constituency(doc: &Doc, a: usize) -> bool {
    a >= 2
        && doc.word(a - 1) == "for"
        && matches!(
            doc.word(a - 2),
            "member" | "Member" | "MP" | "MLA" | "MSP" | "MEP" | "MPP" | "TD"
        )
}

/// The words before a place: "in", "near", "outside" …
fn is_place_preposition(word: &str) -> bool {
    matches!(word, "in" | "near" | "outside" | "across" | "throughout")
}

/// "in X", "downtown X"; "in the Elmwood neighborhood".
pub fn after_place_preposition(doc: &Doc, a: usize) -> bool {
    let Some(before) = a.checked_sub(1).map(|i| doc.word(i)) else {
        return false;
    };
    is_place_preposition(before)
        || before == "downtown"
        || (before == "the" && a >= 2 && is_place_preposition(doc.word(a - 2)))
}

/// "in Orme, Lessing and Brackley": a name of tokens `a..b` listed after
/// a name that follows a place preposition, the list going on after it or
/// closing before it with "and" or "or" (not "in Paris, Smith said").
fn listed_after_place_preposition(doc: &Doc, a: usize, b: usize) -> bool {
    let before = a.checked_sub(1).and_then(|k| doc.word_at(k));
    let goes_on = matches!(doc.word_at(b), Some("," | "and" | "or"))
        && b + 1 < doc.toks.len()
        && doc.is_cap(b + 1);
    if !(matches!(before, Some("and" | "or")) || (before == Some(",") && goes_on)) {
        return false;
    }
    let mut i = a;
    // At most six names back.
    for _ in 0..6 {
        let mut j = i;
        match j.checked_sub(1).and_then(|k| doc.word_at(k)) {
            Some("and" | "or") => {
                j -= 1;
                if j > 0 && doc.word(j - 1) == "," {
                    j -= 1;
                }
            }
            Some(",") => j -= 1,
            _ => return false,
        }
        let end = j;
        while j > 0 && end - j < 4 && doc.is_cap(j - 1) {
            j -= 1;
        }
        if j == end {
            return false;
        }
        if after_place_preposition(doc, j) {
            return true;
        }
        i = j;
    }
    false
}

/// "the Calder district", "the Elmwood neighborhood".
fn before_place_noun(doc: &Doc, b: usize) -> bool {
    b < doc.toks.len() && LEXICON.area_nouns.contains(doc.word(b))
}

/// "the town of X"; "the governments of X and Y", "the people of X".
fn of_a_place_noun(doc: &Doc, a: usize) -> bool {
    a >= 2 && doc.word(a - 1) == "of" && LEXICON.place_of_nouns.contains(doc.word(a - 2))
}

/// "Daniel Hart, of Harehills, appeared …": where a person is from.
fn hometown(doc: &Doc, a: usize, b: usize) -> bool {
    a >= 2
        && doc.word(a - 1) == "of"
        && doc.word(a - 2) == ","
        && b < doc.toks.len()
        && matches!(doc.word(b), "," | ".")
}

/// "REDMOND, Wash. —": the state after a dateline's city.
fn dateline_state(doc: &Doc, a: usize) -> bool {
    a >= 2 && doc.word(a - 1) == "," && (a.saturating_sub(4)..a - 1).any(|k| doc.is_dateline(k))
}

/// "the governments of X and Y": Y as well.
fn second_of_governments(doc: &Doc, a: usize) -> bool {
    a >= 4
        && doc.word(a - 1) == "and"
        && doc.word(a - 3) == "of"
        && matches!(doc.word(a - 4), "governments" | "people" | "citizens")
}

/// "X's foreign minister", "X's government": what only a country has.
fn country_possessive(doc: &Doc, b: usize) -> bool {
    if b + 1 >= doc.toks.len() || !matches!(doc.word(b), "'s" | "’s") {
        return false;
    }
    let noun = doc.word(b + 1);
    let two = doc.word_at(b + 2);
    LEXICON.country_nouns.contains(noun)
        || (matches!(noun, "foreign" | "prime") && matches!(two, Some("minister" | "ministry")))
}

/// "X, <state or country>": a place of the gazetteer after a comma.
fn before_a_state(doc: &Doc, b: usize) -> bool {
    b + 1 < doc.toks.len()
        && doc.word(b) == ","
        && LEXICON
            .gazetteer
            .get(doc.word(b + 1))
            .is_some_and(|g| g.kind != GazKind::Organization)
}

/// What the contexts of a name's mentions say of its kind, added up over
/// the document (see `entities::by_document`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Votes {
    /// ", who", "X's wife", "he" or "she" taking it up, a role noun apposed
    /// before it ("the firm's treasurer, X").
    pub(crate) person: u32,
    /// What only a body of people has or is called: "X's chief executive",
    /// "X employees", "the broker X", "X, a firm that …".
    pub(crate) body: u32,
    /// "it", "its" or ", which" taking it up: a thing, a body or a place.
    pub(crate) neuter: u32,
    /// "in X", "X, where", "the town of X" (see [`place_context`]).
    pub(crate) place: u32,
    /// X the subject of an act, as a body is ("X has warned", "X will
    /// appeal"; see [`acting_subject`]).
    pub(crate) acts: u32,
}

/// Adds what the context of the name in tokens `a..b` says of its kind to
/// `votes`.
pub(crate) fn vote(
    doc: &Doc,
    a: usize,
    b: usize,
    org_noun: &dyn Fn(&str) -> bool,
    votes: &mut Votes,
) {
    if person_context(doc, b) || role_apposed(doc, a) {
        votes.person += 1;
    }
    if owns_a_body_office(doc, b)
        || body_context(doc, a, b)
        || organization_before(doc, a, org_noun)
        || organization_apposed(doc, b, org_noun)
    {
        votes.body += 1;
    }
    if place_context(doc, a, b)
        || (doc.word_at(b) == Some(",") && doc.word_at(b + 1) == Some("where"))
    {
        votes.place += 1;
    }
    if acting_subject(doc, a, b) {
        votes.acts += 1;
    }
    match (doc.word_at(b), doc.word_at(b + 1)) {
        (Some(","), Some("which")) => votes.neuter += 1,
        _ => match first_pronoun(doc, b) {
            Some(true) => votes.person += 1,
            Some(false) => votes.neuter += 1,
            None => {}
        },
    }
}

/// True when the name at token `a` is apposed to a role noun before it:
/// "the firm's finance officer, X".
fn role_apposed(doc: &Doc, a: usize) -> bool {
    a >= 2 && doc.word(a - 1) == "," && LEXICON.role_nouns.contains(doc.word(a - 2))
}

/// True when the name ending before token `b` owns what only a body of
/// people has: "X's chief executive", "X's board", "X's shareholders" (see
/// the lexicon's `body_offices` and `body_nouns`).
fn owns_a_body_office(doc: &Doc, b: usize) -> bool {
    let lx = &*LEXICON;
    if b + 1 >= doc.toks.len() || !matches!(doc.word(b), "'s" | "’s" | "'" | "’") {
        return false;
    }
    let noun = doc.word(b + 1);
    lx.body_offices.contains(noun)
        || lx.body_nouns.contains(noun)
        || (b + 2 < doc.toks.len() && lx.body_offices.contains(doc.key(b + 1, b + 3).as_ref()))
}

/// True when a lowercase noun naming an organization stands right before
/// the name at token `a`: "the broker X", "the dairy group X".
fn organization_before(doc: &Doc, a: usize, org_noun: &dyn Fn(&str) -> bool) -> bool {
    a > 0 && {
        let w = doc.word(a - 1);
        w.starts_with(char::is_lowercase) && org_noun(w)
    }
}

/// True when an apposition after the name ending before token `b`, opened
/// by an article, names an organization: "X, the family firm that …", "X,
/// a small charity".
fn organization_apposed(doc: &Doc, b: usize, org_noun: &dyn Fn(&str) -> bool) -> bool {
    if doc.word_at(b) != Some(",") || !matches!(doc.word_at(b + 1), Some("the" | "a" | "an")) {
        return false;
    }
    (b + 2..(b + 8).min(doc.toks.len()))
        .map(|k| doc.word(k))
        .take_while(|w| {
            w.starts_with(char::is_lowercase) && !matches!(*w, "that" | "which" | "who")
        })
        .any(org_noun)
}

/// The first pronoun that tells a person from a thing after the name
/// ending before token `b`: `Some(true)` for "he", "she" and their forms,
/// `Some(false)` for "it" and "its"; read up to the end of the sentence (or
/// the pronoun opening the next one) and never past another name, which
/// could take it.
fn first_pronoun(doc: &Doc, b: usize) -> Option<bool> {
    let class = |w: &str| match w.to_ascii_lowercase().as_str() {
        "he" | "she" | "him" | "his" | "her" => Some(true),
        "it" | "its" => Some(false),
        _ => None,
    };
    for k in b..(b + 20).min(doc.toks.len()) {
        let w = doc.word(k);
        if matches!(w, "." | "!" | "?" | ";") {
            return (k + 1 < doc.toks.len())
                .then(|| class(doc.word(k + 1)))
                .flatten();
        }
        if let Some(c) = class(w) {
            return Some(c);
        }
        if k > b && doc.is_cap(k) && w != "I" {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;

    fn classify_all(text: &str) -> Vec<Kind> {
        let doc = Doc::new(text, segment(text));
        let n = doc.toks.len();
        vec![classify(&doc, 1, n - 1).0]
    }

    #[test]
    fn people_by_given_name_initial_or_surname_first() {
        assert_eq!(classify_all("x Sarah Brandt ."), [Kind::Person]);
        assert_eq!(classify_all("x Brandt Q. Lowe ."), [Kind::Person]);
        assert_eq!(classify_all("x Moon Jae-in ."), [Kind::Person]);
        assert_eq!(classify_all("x Brandt Lowe ."), [Kind::Person]);
    }

    #[test]
    fn acronyms_and_numbered_names_are_organizations() {
        assert_eq!(classify_all("x KCNA ."), [Kind::Organization]);
        assert_eq!(classify_all("x Brandt Team9 ."), [Kind::Organization]);
        assert_eq!(classify_all("x Brandt ."), [Kind::Unknown]);
    }

    #[test]
    fn towns_open_the_names_of_two_institutions_or_a_council() {
        let towns = |list: &[&'static str]| {
            let names = list.iter().map(|n| n.split(' ').collect::<Vec<_>>());
            let mut t: Vec<_> = town_words(names, |w| w == "Summit").into_iter().collect();
            t.sort_unstable();
            t
        };
        assert_eq!(towns(&["Pellby Gazette", "Pellby Bridge"]), ["Pellby"]);
        assert_eq!(towns(&["Orrin County Council"]), ["Orrin"]);
        // One name, however often, or a name and its longer form: the
        // firm's short name.
        assert!(towns(&["Pellby Gazette", "Pellby Gazette"]).is_empty());
        assert!(towns(&["Acme Widgets", "Acme Widgets Trust"]).is_empty());
        // A club's town is the club; listed and common words are no towns.
        assert!(towns(&["Pellby Rovers", "Pellby Supporters' Club"]).is_empty());
        assert!(towns(&["North Pellby", "North Orrin"]).is_empty());
        assert!(towns(&["Summit Foods", "Summit Bank"]).is_empty());
    }

    /// The token of the first occurrence of the word `w` in `doc`.
    /// `test` of the one-word name `w` (its first occurrence) in `text`.
    fn of_one_word(text: &str, w: &str, test: fn(&Doc, usize, usize) -> bool) -> bool {
        let doc = Doc::new(text, segment(text));
        let i = index_of(&doc, w);
        test(&doc, i, i + 1)
    }

    fn index_of(doc: &Doc, w: &str) -> usize {
        (0..doc.toks.len())
            .find(|&i| doc.word(i) == w)
            .unwrap_or_else(|| panic!("no {w:?} in the text"))
    }

    #[test]
    fn acting_subject_reads_a_body_acting() {
        let text = "Dorrel would ratify it. Pellam, which holds the dam, has asked for talks. \
                    Quist has a market. The Vance said no. Tobin expanded. \
                    \"Orbey will not accept this,\" she said. The mayor of Lowe said so.";
        let at = |w: &str| of_one_word(text, w, acting_subject);
        assert!(at("Dorrel"));
        assert!(at("Pellam"));
        for other in ["Quist", "Vance", "Tobin", "Orbey", "Lowe"] {
            assert!(!at(other), "{other}");
        }
        assert!(acting_words(&["has", "asked"]));
        assert!(acting_words(&["warned"]));
        assert!(!acting_words(&["had", "a"]));
        assert!(!acting_words(&[]));
    }

    #[test]
    fn person_context_reads_who_and_kin() {
        let text = "Brandt, who left, met Lowe's wife and Acme's staff.";
        let doc = Doc::new(text, segment(text));
        let idx = |w: &str| index_of(&doc, w);
        assert!(person_context(&doc, idx("Brandt") + 1));
        assert!(person_context(&doc, idx("Lowe") + 1));
        assert!(!person_context(&doc, idx("Acme") + 1));
    }

    #[test]
    fn citation_context_reads_authors_cited() {
        let text = "As Brandt et al. and Lowe and colleagues found, Quist (2004), \
                    Vance's (1998) view and others (Dorrel, Pellam, & Orbey, 2014a; \
                    Tobin & Zell 2011) agree. Marks & Spencer opened in Corvo, 2012 \
                    was good, and Acme (the maker) grew.";
        let doc = Doc::new(text, segment(text));
        let at = |w: &str| {
            let i = index_of(&doc, w);
            citation_context(&doc, i + 1)
        };
        for author in [
            "Brandt", "Lowe", "Quist", "Vance", "Dorrel", "Pellam", "Orbey",
        ] {
            assert!(at(author), "{author}");
        }
        assert!(at("Tobin"));
        for other in ["Marks", "Corvo", "Acme"] {
            assert!(!at(other), "{other}");
        }
        assert!(is_citation_year("2005a"));
        assert!(!is_citation_year("1066"));
        assert!(!is_citation_year("20055"));
    }

    #[test]
    fn body_context_reads_members_and_staff() {
        let text =
            "The members of Brandt and Lowe employees met in Quist, near the Vance memorial.";
        let at = |w: &str| of_one_word(text, w, body_context);
        assert!(at("Brandt"));
        assert!(at("Lowe"));
        assert!(!at("Quist"));
        assert!(!at("Vance"));
    }

    #[test]
    fn place_context_reads_what_only_a_country_has() {
        let text = "The governments of Brandt and Lowe met. Acme's foreign minister \
                    spoke, and Corvo's government agreed. Zell's board did not.";
        let at = |w: &str| of_one_word(text, w, place_context);
        assert!(at("Brandt"));
        assert!(at("Lowe"));
        assert!(at("Acme"));
        assert!(at("Corvo"));
        assert!(!at("Zell"));
    }

    #[test]
    fn place_context_reads_lists_after_a_place_preposition() {
        let text = "Shops shut in Dorrel, Pellam and Quist, at Vance and Tobin, \
                    and in Orbey, Lowe said.";
        let at = |w: &str| of_one_word(text, w, place_context);
        assert!(at("Pellam"));
        assert!(at("Quist"));
        // "at" is no place preposition; a speaker after a comma is no item.
        assert!(!at("Tobin"));
        assert!(!at("Lowe"));
    }

    #[test]
    fn place_context_reads_a_constituency() {
        let text = "The member for Brandt and the MP for Lowe Vale met Quist for Acme.";
        let doc = Doc::new(text, segment(text));
        let idx = |w: &str| index_of(&doc, w);
        assert!(place_context(&doc, idx("Brandt"), idx("Brandt") + 1));
        assert!(place_context(&doc, idx("Lowe"), idx("Vale") + 1));
        assert!(!place_context(&doc, idx("Acme"), idx("Acme") + 1));
    }

    #[test]
    fn place_context_reads_what_a_town_has() {
        let text = "Brandt council met. Lowe's mayor and the residents of Quist \
                    came, and Acme staff and Zell's residents did not.";
        let at = |w: &str| of_one_word(text, w, place_context);
        assert!(at("Brandt"));
        assert!(at("Lowe"));
        assert!(at("Quist"));
        assert!(!at("Acme"));
        assert!(!at("Zell"));
    }

    #[test]
    fn a_legislature_after_the_is_an_organization() {
        let text = "She told the House and spoke in the Commons; House said no.";
        let doc = Doc::new(text, segment(text));
        let kind = |i: usize| classify(&doc, i, i + 1).0;
        let house = index_of(&doc, "House");
        assert_eq!(kind(house), Kind::Organization);
        assert_eq!(kind(index_of(&doc, "Commons")), Kind::Organization);
        // Without "the", a family name.
        let last = (house + 1..doc.toks.len())
            .find(|&i| doc.word(i) == "House")
            .unwrap();
        assert_eq!(kind(last), Kind::Unknown);
    }

    #[test]
    fn place_context_reads_prepositions_and_states() {
        let text = "He lives in Brandt. Lowe, Texas is small.";
        let doc = Doc::new(text, segment(text));
        let idx = |w: &str| index_of(&doc, w);
        assert!(place_context(&doc, idx("Brandt"), idx("Brandt") + 1));
        assert!(place_context(&doc, idx("Lowe"), idx("Lowe") + 1));
        assert!(!place_context(&doc, idx("He"), idx("He") + 1));
    }

    /// The kind and the mentions the rules (no learned model) give the
    /// entity named `name` in `text`.
    fn rules_entity(text: &str, name: &str) -> Option<(EntityKind, Vec<String>)> {
        let (ann, _) = crate::annotate::entities::find(text, segment(text), &mut |_| {});
        let e = ann.entities.iter().find(|e| e.name == name)?;
        let mentions = e
            .mentions
            .iter()
            .map(|&m| ann.mentions[m].span.slice(text).to_owned())
            .collect();
        Some((e.kind, mentions))
    }

    #[test]
    fn a_firm_named_like_a_person_is_known_by_its_office_and_described_as_a_firm() {
        let text = "Tidemark Orrell will close its depot. Tidemark Orrell's chief executive, \
                    Ann Ross, said the company had no choice. Staff said Tidemark Orrell \
                    had promised them work.";
        let (kind, mentions) = rules_entity(text, "Tidemark Orrell").unwrap();
        assert_eq!(kind, EntityKind::Organization);
        assert!(mentions.iter().any(|m| m == "the company"), "{mentions:?}");
    }

    #[test]
    fn a_firm_named_after_its_founder_needs_a_body_and_more() {
        let text = "Ottilie Vance sells lamps. Ottilie Vance's managing director spoke on \
                    Monday. Ottilie Vance opened a shop. It employs forty people.";
        assert_eq!(
            rules_entity(text, "Ottilie Vance").map(|e| e.0),
            Some(EntityKind::Organization)
        );
        // A woman whom "she" takes up stays one, whatever she owns.
        let text = "Ottilie Vance sells lamps. Ottilie Vance's board met. Ottilie Vance said \
                    she would stay.";
        assert_eq!(
            rules_entity(text, "Ottilie Vance").map(|e| e.0),
            Some(EntityKind::Person)
        );
    }

    #[test]
    fn a_name_of_two_unknown_words_where_things_happen_is_a_place() {
        let text = "Growers met at Carrow Fold on Tuesday. Pickers in Carrow Fold, where \
                    the sheds are, went home.";
        assert_eq!(
            rules_entity(text, "Carrow Fold").map(|e| e.0),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn a_lone_given_name_read_as_a_town_is_a_place() {
        let text = "Neil Dorran, of Mill Row, Lorna, admitted theft. The people of Lorna \
                    had trusted him, the mayor of Lorna said.";
        assert_eq!(
            rules_entity(text, "Lorna").map(|e| e.0),
            Some(EntityKind::Place)
        );
        // Not a word of a person's full name.
        let text = "Lorna Pike spoke in Dunmere. The mayor of Lorna said so. Lorna agreed.";
        assert_ne!(
            rules_entity(text, "Lorna").map(|e| e.0),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn a_lone_unknown_word_where_things_happen_is_a_place_unless_it_opens_a_firms_name() {
        let text = "The bakery will be based in Quenford. Bakers in Quenford were hopeful. \
                    Quenford Town Council welcomed the news.";
        assert_eq!(
            rules_entity(text, "Quenford").map(|e| e.0),
            Some(EntityKind::Place)
        );
        let text = "Brinmoor Airways cut flights. In Brinmoor's long history no year was \
                    worse, its chairman said.";
        assert_ne!(
            rules_entity(text, "Brinmoor").map(|e| e.0),
            Some(EntityKind::Place)
        );
    }

    #[test]
    fn two_firms_names_run_together_name_a_firm_not_a_person() {
        let text = "Pask and Orrell will merge. Investors said Pask's board agreed on \
                    Monday. Orrell, the family firm that bakes for shops, agreed too. Pask \
                    Orrell will open in May.";
        assert_eq!(
            rules_entity(text, "Pask Orrell").map(|e| e.0),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            rules_entity(text, "Pask").map(|e| e.0),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn a_firm_known_by_its_first_word_keeps_it_as_its_short_name() {
        let text = "Tidemark Orrell will close a depot. Staff said Tidemark's chief \
                    executive had told them on Monday.";
        let (kind, mentions) = rules_entity(text, "Tidemark Orrell").unwrap();
        assert_eq!(kind, EntityKind::Organization);
        assert!(mentions.iter().any(|m| m == "Tidemark"), "{mentions:?}");
    }

    #[test]
    fn a_name_apposed_to_a_role_or_taken_up_by_she_stays_a_person() {
        let text = "The firm's finance officer, Talbot Rensing, said the offer was fair and \
                    urged the union to put it to a vote. Talbot Rensing said it was final.";
        assert_eq!(
            rules_entity(text, "Talbot Rensing").map(|e| e.0),
            Some(EntityKind::Person)
        );
        let text = "Dana Whitcombe's board met. Whitcombe said she would resign. \
                    Dana Whitcombe left.";
        assert_eq!(
            rules_entity(text, "Dana Whitcombe").map(|e| e.0),
            Some(EntityKind::Person)
        );
    }
}
