//! The evidence for an entity's kind, as hashed features: what its names
//! look like, what the word lists say of them, the words around each of its
//! mentions (prepositions, appositions, possessives, the verb it is the
//! subject of, speech verbs, role and thing nouns beside it, quotation
//! marks, a year after it), the pronouns near it,
//! the descriptions and pronouns the rules linked to it, and the rules' own
//! kind. Each feature is a short string hashed to a `u32`; the features of
//! an entity are a sorted set.

use std::sync::LazyLock;

use crate::annotate::fasthash::Set;
use crate::annotate::lexicon::{GazKind, LEXICON, set};
use crate::annotate::words::{
    AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, SPEECH_VERBS, is_acronym, is_ly_adverb,
};
use crate::model::{Annotations, EntityKind, MentionForm, Span};

/// How many bytes around a mention are read for its context.
const WINDOW: usize = 120;

/// Pronouns whose presence after a mention is evidence.
const PRONOUNS: [&str; 12] = [
    "he", "she", "him", "his", "her", "it", "its", "they", "their", "them", "who", "which",
];

/// Prepositions whose presence before a mention is evidence.
const PREPOSITIONS: [&str; 14] = [
    "in", "at", "to", "from", "of", "by", "for", "with", "on", "into", "near", "across", "through",
    "between",
];

/// Common nouns naming things that are no actors (works, products,
/// events…): evidence when next to a name.
static NON_ACTOR_NOUNS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| set(include_str!("../lexicon/non_actor_nouns.txt")));

/// How many tokens after a mention are read for pronouns.
const AFTER: usize = 20;

/// How many name mentions of an entity are read for their context (the
/// first ones): enough for the evidence, and a bound on the time a long
/// document's frequent names take.
const CONTEXTS: usize = 12;

/// The FNV-1a prime.
const PRIME: u32 = 0x0100_0193;

/// The FNV-1a hash state after `bytes`, from `h` (a `const fn`, so that
/// feature names can be hashed once, when gloss is built).
const fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u32;
        h = h.wrapping_mul(PRIME);
        i += 1;
    }
    h
}

/// The FNV-1a hash state after `word` with its ASCII letters lowercased,
/// from `h`.
fn fnv_ascii_lower(mut h: u32, word: &str) -> u32 {
    for b in word.bytes() {
        h = fnv(h, &[b.to_ascii_lowercase()]);
    }
    h
}

/// The FNV-1a hash state after `word` lowercased, from `h`.
fn fnv_lower(mut h: u32, word: &str) -> u32 {
    if word.is_ascii() {
        return fnv_ascii_lower(h, word);
    }
    let mut buf = [0u8; 4];
    for c in word.chars() {
        for l in c.to_lowercase() {
            h = fnv(h, l.encode_utf8(&mut buf).as_bytes());
        }
    }
    h
}

/// The FNV-1a offset basis.
const BASIS: u32 = 0x811c_9dc5;

/// A feature's name, hashed with the separator after it: the state a
/// feature's hash goes on from with its value. Names known when gloss is
/// built are hashed then (`const { Name::new("kind") }`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name(u32);

impl Name {
    /// The feature name `name`.
    pub const fn new(name: &str) -> Name {
        Name(fnv(fnv(BASIS, name.as_bytes()), &[0x1f]))
    }

    /// The name whose values are `class`, `|` and a value: its hash of a
    /// value is this name's hash of the joined string, without building it.
    // A fold rather than the `const fn` loop: the link ranker joins every
    // feature it gathers with its case's one-letter class.
    #[inline]
    pub fn joined(self, class: &str) -> Name {
        let step = |h: u32, b: u8| (h ^ u32::from(b)).wrapping_mul(PRIME);
        Name(step(class.bytes().fold(self.0, step), b'|'))
    }

    /// The hash of the feature of this name with `value`.
    pub fn hash(self, value: &str) -> u32 {
        fnv(self.0, value.as_bytes())
    }

    /// The hashes of the feature of this name with `value`, plain and
    /// [`Name::joined`] with `class`: [`Name::hash`] of both, in one pass
    /// over `value` (the link ranker gathers every feature both ways).
    #[inline]
    pub fn hash_both(self, class: &str, value: &str) -> [u32; 2] {
        let (mut plain, mut joined) = (self.0, self.joined(class).0);
        for &b in value.as_bytes() {
            plain = (plain ^ u32::from(b)).wrapping_mul(PRIME);
            joined = (joined ^ u32::from(b)).wrapping_mul(PRIME);
        }
        [plain, joined]
    }

    /// The hash of the feature of this name with `value` lowercased.
    pub fn hash_lower(self, value: &str) -> u32 {
        fnv_lower(self.0, value)
    }

    /// The hash of the feature of this name with the ASCII letters of
    /// `value` lowercased (as [`str::to_ascii_lowercase`]).
    pub fn hash_ascii_lower(self, value: &str) -> u32 {
        fnv_ascii_lower(self.0, value)
    }
}

/// A feature's hash: FNV-1a over the prefix, a separator and the value.
pub fn hash(prefix: &str, value: &str) -> u32 {
    Name::new(prefix).hash(value)
}

/// The hash of a feature whose value is `words` lowercased and joined by
/// spaces, without building the string.
fn hash_lower(name: Name, words: &[&str]) -> u32 {
    let mut h = name.0;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h = fnv(h, b" ");
        }
        h = fnv_lower(h, w);
    }
    h
}

/// The features of an entity, gathered as hashes.
#[derive(Default)]
struct Features(Vec<u32>);

impl Features {
    fn add(&mut self, name: Name, value: &str) {
        self.0.push(name.hash(value));
    }

    /// A feature of words, lowercased and joined by spaces.
    fn lower(&mut self, name: Name, words: &[&str]) {
        self.0.push(hash_lower(name, words));
    }

    fn flag(&mut self, name: Name) {
        self.add(name, "");
    }
}

/// The features of entity `e` of `ann` (annotations of `text` by the
/// rules), sorted and without repeats; empty for an entity without a name
/// mention.
pub fn of_entity(text: &str, ann: &Annotations, e: usize) -> Vec<u32> {
    let entity = &ann.entities[e];
    let mentions = || entity.mentions.iter().map(|&m| &ann.mentions[m]);
    if !mentions().any(|m| m.form == MentionForm::Name) {
        return Vec::new();
    }
    let mut f = Features::default();
    f.flag(const { Name::new("bias") });
    let rule = entity.kind.as_str();
    f.add(const { Name::new("rule") }, rule);
    rule_basis(&mut f, &entity.name, rule);
    name(&mut f, &entity.name, rule);
    let names = mentions().filter(|m| m.form == MentionForm::Name);
    let count = names.clone().count();
    f.add(
        const { Name::new("count") },
        ["1", "2", "3-5", "6+"][match count {
            0 | 1 => 0,
            2 => 1,
            3..=5 => 2,
            _ => 3,
        }],
    );
    let full: Vec<&str> = entity.name.split_whitespace().collect();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut votes = [0usize; 2];
    for (i, m) in names.enumerate() {
        let surface = m.span.slice(text);
        if surface != entity.name {
            short_form(&mut f, surface, &full);
        }
        if i < CONTEXTS {
            context(&mut f, text, m.span, &mut before, &mut after);
            if let Some(class) = next_pronoun(&mut f, &after) {
                votes[class as usize] += 1;
            }
        }
    }
    pronoun_vote(&mut f, votes);
    for m in mentions().filter(|m| m.form != MentionForm::Name) {
        let last = m.span.slice(text).split_whitespace().last().unwrap_or("");
        f.lower(form_name(m.form), &[last]);
    }
    for role in &entity.roles {
        if let Some(head) = role.split_whitespace().last() {
            f.lower(const { Name::new("role") }, &[head]);
        }
    }
    let mut v = f.0;
    v.sort_unstable();
    v.dedup();
    v
}

/// The feature name of a mention's form, for the last word of the
/// mentions of that form (`"role"`, `"pronoun"`…), hashed when gloss is
/// built.
fn form_name(form: MentionForm) -> Name {
    match form {
        MentionForm::Name => const { Name::new(MentionForm::Name.as_str()) },
        MentionForm::Role => const { Name::new(MentionForm::Role.as_str()) },
        MentionForm::Pronoun => const { Name::new(MentionForm::Pronoun.as_str()) },
        MentionForm::Demonym => const { Name::new(MentionForm::Demonym.as_str()) },
    }
}

/// The shape of a word: `X` for capitals, `x` for lowercase, `d` for digits,
/// other characters as they are, each run of a class once.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

/// The last (up to) `n` characters of `word`.
fn suffix(word: &str, n: usize) -> &str {
    let at = word.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &word[at..]
}

/// The first (up to) `n` characters of `word`.
fn prefix(word: &str, n: usize) -> &str {
    let at = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    &word[..at]
}

/// Features of the canonical name: its words, shape, affixes and what the
/// word lists say of it, and the rules' kind `rule` with its length and
/// shape.
fn name(f: &mut Features, name: &str, rule: &str) {
    let lx = &*LEXICON;
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return;
    };
    let len = words.len().min(5).to_string();
    let shape = words.iter().map(|w| shape(w)).collect::<Vec<_>>().join(" ");
    f.add(const { Name::new("len") }, &len);
    f.add(const { Name::new("shape") }, &shape);
    // How far the rules are to be trusted depends on the name's form.
    f.add(const { Name::new("rule|len") }, &format!("{rule} {len}"));
    f.add(
        const { Name::new("rule|shape") },
        &format!("{rule} {shape}"),
    );
    f.lower(const { Name::new("first") }, &[first]);
    f.lower(const { Name::new("last") }, &[last]);
    f.lower(const { Name::new("suf3") }, &[suffix(last, 3)]);
    f.lower(const { Name::new("suf2") }, &[suffix(last, 2)]);
    f.lower(const { Name::new("pre3") }, &[prefix(first, 3)]);
    for w in &words {
        f.lower(const { Name::new("word") }, &[w]);
        if let Some(k) = lx.org_keys.get(w) {
            f.flag(if k.suffix {
                const { Name::new("orgkey:suffix") }
            } else {
                const { Name::new("orgkey") }
            });
        }
        if lx.place_keys.contains(w) {
            f.flag(const { Name::new("placekey") });
        }
        if lx.event_keys.contains(w) {
            f.flag(const { Name::new("eventkey") });
        }
        if lx.titles.contains_key(w) {
            f.flag(const { Name::new("title") });
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            f.flag(const { Name::new("digit") });
        }
        if w.contains('-') {
            f.flag(const { Name::new("hyphen") });
        }
        if w.len() <= 3 && w.ends_with('.') {
            f.flag(const { Name::new("initial") });
        }
        if w.chars().next().is_some_and(char::is_lowercase) {
            f.add(const { Name::new("connector") }, w);
        }
    }
    if let Some(k) = lx.org_keys.get(last) {
        f.add(
            const { Name::new("orgkey:last") },
            if k.end { "end" } else { "other" },
        );
    }
    if lx.place_keys.contains(last) {
        f.flag(const { Name::new("placekey:last") });
    }
    if let Some(&also_place) = lx.club_words.get(last) {
        f.add(
            const { Name::new("clubkey:last") },
            if also_place { "place" } else { "club" },
        );
    }
    if words.len() == 2 && lx.place_prefixes.contains(first) {
        f.flag(const { Name::new("placeprefix") });
    }
    if words.len() == 2 && lx.family_name_keys.contains(last) {
        f.flag(const { Name::new("familykey:last") });
    }
    if let Some(&g) = lx.first_names.get(first) {
        f.add(const { Name::new("given") }, &format!("{g:?}"));
    }
    if words.len() > 1 && lx.first_names.contains_key(last) {
        f.flag(const { Name::new("given:last") });
    }
    if lx.east_asian_surnames.contains(first) {
        f.flag(const { Name::new("eastasian") });
    }
    for (what, key) in [
        (const { Name::new("gaz") }, name),
        (const { Name::new("gaz:first") }, first),
        (const { Name::new("gaz:last") }, last),
    ] {
        if let Some(g) = lx.gazetteer.get(key) {
            f.add(what, gaz(g.kind));
        }
    }
}

/// Whether the word lists back the rules' kind `rule` of `name` or the
/// rules only guessed it, as a feature: a guess is worth less.
fn rule_basis(f: &mut Features, name: &str, rule: &str) {
    let basis = if rules_guessed(name) {
        "guess"
    } else {
        "listed"
    };
    f.add(
        const { Name::new("rule|basis") },
        &format!("{rule} {basis}"),
    );
}

/// True when nothing in `name` itself told the rules its kind: no word of
/// it is a given name, an East Asian family name first, a title, an
/// organization, place or event keyword, a gazetteer entry, an acronym, an
/// initial or a number, and the whole is no gazetteer entry. The rules then
/// defaulted ("Basel" an organization, "Northline Transit" a person) or
/// read the context, which the model reads too.
pub fn rules_guessed(name: &str) -> bool {
    let lx = &*LEXICON;
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(&first) = words.first() else {
        return true;
    };
    let listed = |w: &&str| {
        lx.titles.contains_key(w)
            || lx.org_keys.contains_key(w)
            || lx.place_keys.contains(w)
            || lx.club_words.contains_key(w)
            || lx.event_keys.contains(w)
            || lx.gazetteer.contains_key(w)
            || is_acronym(w)
            || w.chars().any(|c| c.is_ascii_digit())
            || (w.len() <= 5 && w.ends_with('.'))
    };
    !(lx.first_names.contains_key(first)
        || lx.east_asian_surnames.contains(first)
        || lx.gazetteer.contains_key(name)
        || (words.len() == 2 && lx.place_prefixes.contains(first))
        || words.iter().any(listed))
}

/// The name of a gazetteer kind, for a feature.
fn gaz(kind: GazKind) -> &'static str {
    match kind {
        GazKind::Country => "country",
        GazKind::Place => "place",
        GazKind::Organization => "organization",
    }
}

/// Features of a shorter name of the entity: which part of the full name it
/// is (people are named again by their family name, organizations by an
/// acronym).
fn short_form(f: &mut Features, surface: &str, full: &[&str]) {
    let mut words = surface.split_whitespace();
    let one = match (words.next(), words.next()) {
        (Some(w), None) => Some(w),
        _ => None,
    };
    let part = match (one, full) {
        (Some(w), [first, .., _]) if w == *first => "first",
        (Some(w), [_, .., last]) if w == *last => "last",
        (Some(w), _) if w.len() >= 2 && w.chars().all(|c| c.is_uppercase()) => "acronym",
        _ => "other",
    };
    f.add(const { Name::new("short") }, part);
}

/// Features of the words around a mention at `span` of `text`; `before`
/// and `after` are buffers for the words.
fn context<'t>(
    f: &mut Features,
    text: &'t str,
    span: Span,
    before: &mut Vec<&'t str>,
    after: &mut Vec<&'t str>,
) {
    last_tokens(&text[back(text, span.start)..span.start], before);
    tokens(&text[span.end..forward(text, span.end)], AFTER, after);
    let is = |w: &str, list: &[&str]| {
        (2..=7).contains(&w.len()) && list.iter().any(|l| w.eq_ignore_ascii_case(l))
    };
    match before.as_slice() {
        [] | [.., "." | "!" | "?" | "\n"] => f.flag(const { Name::new("initial-in-sentence") }),
        [.., p2, p1] => {
            f.lower(const { Name::new("p1") }, &[p1]);
            f.lower(const { Name::new("p2") }, &[p2, p1]);
            if is(p1, &["the"]) && is(p2, &PREPOSITIONS) {
                f.lower(const { Name::new("prep") }, &[p2]);
            }
            if is(p1, &PREPOSITIONS) {
                f.lower(const { Name::new("prep") }, &[p1]);
            }
        }
        [p1] => {
            f.lower(const { Name::new("p1") }, &[p1]);
            if is(p1, &PREPOSITIONS) {
                f.lower(const { Name::new("prep") }, &[p1]);
            }
        }
    }
    match after.as_slice() {
        [] => {}
        [n1] => f.lower(const { Name::new("n1") }, &[n1]),
        [n1, n2, rest @ ..] => {
            f.lower(const { Name::new("n1") }, &[n1]);
            match *n1 {
                // An apposition: its first words ("a city", "the company").
                "," | "(" => {
                    f.lower(const { Name::new("app") }, &[n2]);
                    if let Some(n3) = rest.first() {
                        f.lower(const { Name::new("app") }, &[n3]);
                    }
                }
                "'s" | "’s" | "'" | "’" => f.lower(const { Name::new("poss") }, &[n2]),
                _ => f.lower(const { Name::new("n2") }, &[n1, n2]),
            }
        }
    }
    for w in after.iter().take(AFTER) {
        if is(w, &PRONOUNS) {
            f.lower(const { Name::new("pronoun") }, &[w]);
        }
    }
    agency(f, before, after);
    let quote_before = text[..span.start].ends_with(['"', '“', '‘']);
    let quote_after = text[span.end..].starts_with(['"', '”']);
    if quote_before || quote_after {
        f.add(
            const { Name::new("quoted") },
            if quote_before { "open" } else { "close" },
        );
    }
}

/// What a pronoun says of the kind of what it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PronounClass {
    /// "he", "she", "who": a person.
    Personal = 0,
    /// "it", "its", "which": a thing, a place or a body.
    Neuter = 1,
}

/// The class of a pronoun (any case), if it has one: "they" has none, as
/// it stands for people and bodies alike.
fn pronoun_class(w: &str) -> Option<PronounClass> {
    let is = |list: &[&str]| list.iter().any(|l| w.eq_ignore_ascii_case(l));
    if is(&["he", "she", "him", "his", "her", "hers", "who", "whom"]) {
        Some(PronounClass::Personal)
    } else if is(&["it", "its", "which"]) {
        Some(PronounClass::Neuter)
    } else {
        None
    }
}

/// The first pronoun after a mention (in `after`, its tokens) that tells a
/// person from a thing, before the sentence ends and before another name
/// (a capitalised word that opens no sentence) can take it, or opening the
/// next sentence, as the feature `pron1`; a relative pronoun right after a comma (", which
/// makes", ", who said") as `rel`. Its class, for the entity's vote.
fn next_pronoun(f: &mut Features, after: &[&str]) -> Option<PronounClass> {
    if let [",", rel, ..] = after
        && let Some(class) = pronoun_class(rel)
    {
        f.lower(const { Name::new("rel") }, &[rel]);
        return Some(class);
    }
    for (i, w) in after.iter().enumerate() {
        if matches!(*w, "." | "!" | "?" | "\n" | ";") {
            // The subject of the next sentence, when a pronoun opens it.
            let next = after.get(i + 1).copied()?;
            let class = pronoun_class(next)?;
            f.lower(const { Name::new("pron1") }, &[next]);
            return Some(class);
        }
        if let Some(class) = pronoun_class(w) {
            f.lower(const { Name::new("pron1") }, &[w]);
            return Some(class);
        }
        if w.starts_with(char::is_uppercase) && !matches!(*w, "I") {
            return None;
        }
    }
    None
}

/// The entity's vote over the first pronouns after its mentions
/// (`[personal, neuter]`): what most of its mentions are taken up by, as
/// one feature for the whole entity.
fn pronoun_vote(f: &mut Features, [personal, neuter]: [usize; 2]) {
    let vote = match (personal, neuter) {
        (0, 0) => return,
        (p, 0) if p >= 2 => "personal+",
        (_, 0) => "personal",
        (0, n) if n >= 2 => "neuter+",
        (0, _) => "neuter",
        (p, n) if p > n => "personal>neuter",
        (p, n) if n > p => "neuter>personal",
        _ => "even",
    };
    f.add(const { Name::new("pronvote") }, vote);
}

/// Features that tell an agent from a thing around a mention, with the
/// tokens `before` and `after` it: the verb it is the subject of (past
/// auxiliaries, adverbs and an apposition), whether that or the word before
/// it ("…, said Smith") is a speech verb, a role noun before it
/// ("singer Bo Day"), and the head noun of an apposition
/// after it ("Firefox, its main rival,").
fn agency(f: &mut Features, before: &[&str], after: &[&str]) {
    let lx = &*LEXICON;
    if let Some(p1) = before.last() {
        if SPEECH_VERBS.contains_key(p1) {
            f.flag(const { Name::new("speech:before") });
        } else if lx.role_nouns.contains(p1) {
            f.flag(const { Name::new("role:before") });
        } else if NON_ACTOR_NOUNS.contains(p1) {
            f.flag(const { Name::new("thing:before") });
        }
    }
    if after.first().is_some_and(|n1| NON_ACTOR_NOUNS.contains(n1)) {
        f.flag(const { Name::new("thing:after") });
    }
    // A year close after: a citation ("Smith 2003", "Smith et
    // al., 2003").
    if after
        .iter()
        .take(4)
        .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    {
        f.flag(const { Name::new("year:after") });
    }
    let mut rest = after;
    if let [",", tail @ ..] | ["(", tail @ ..] = rest {
        // An apposition: its words up to the punctuation that ends it.
        let len = tail
            .iter()
            .take(8)
            .position(|w| !w.starts_with(char::is_alphanumeric) || matches!(*w, "who" | "which"))
            .unwrap_or(tail.len().min(8));
        if let Some(head) = tail[..len]
            .last()
            .filter(|w| w.starts_with(char::is_lowercase))
        {
            f.lower(const { Name::new("apphead") }, &[head]);
            if lx.role_nouns.contains(head) {
                f.flag(const { Name::new("apphead:role") });
            } else if NON_ACTOR_NOUNS.contains(head) {
                f.flag(const { Name::new("apphead:thing") });
            }
        }
        rest = match tail.get(len) {
            Some(&"," | &")") => &tail[len + 1..],
            _ => &[],
        };
    }
    while let [w, tail @ ..] = rest
        && (BETWEEN_SUBJECT_AND_VERB.contains(w) || is_ly_adverb(w))
    {
        rest = tail;
    }
    if let [verb, ..] = rest
        && verb.starts_with(char::is_lowercase)
    {
        if SPEECH_VERBS.contains_key(verb) {
            f.flag(const { Name::new("speech:after") });
        }
        f.lower(const { Name::new("verb") }, &[verb]);
    }
}

/// True when one of the first name mentions of entity `e` of `ann` (of
/// `text`) is the subject of an act, as `acting` reads the words after it
/// (for one, [`first_acts`]), read past an apposition ("Castra, the
/// smallest, would close");
/// a mention after a preposition is no subject ("the mayor of Castra
/// pledged"), nor one after "the" (a region or a side, "the North
/// enlisted", acts through its people).
/// Not a feature of the model: [`super::kinds::decide`] reads it.
pub fn acts(text: &str, ann: &Annotations, e: usize, acting: impl Fn(&[&str]) -> bool) -> bool {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    ann.entities[e]
        .mentions
        .iter()
        .map(|&m| &ann.mentions[m])
        .filter(|m| m.form == MentionForm::Name)
        .take(CONTEXTS)
        .any(|m| {
            // "The mayor of Dunmere pledged": the subject is the mayor.
            last_tokens(&text[back(text, m.span.start)..m.span.start], &mut before);
            if before.last().is_some_and(|p| {
                p.eq_ignore_ascii_case("the")
                    || PREPOSITIONS.iter().any(|q| p.eq_ignore_ascii_case(q))
            }) {
                return false;
            }
            tokens(
                &text[m.span.end..forward(text, m.span.end)],
                AFTER,
                &mut after,
            );
            let mut rest = after.as_slice();
            if let [",", tail @ ..] = rest {
                rest = match tail.iter().take(8).position(|w| *w == ",") {
                    Some(i) => &tail[i + 1..],
                    None => &[],
                };
            }
            acting(rest)
        })
}

/// True when the first of `rest`, the words after a name, is the verb of
/// an act (see [`acts_as_subject`]).
pub fn first_acts(rest: &[&str]) -> bool {
    rest.first().is_some_and(|w| acts_as_subject(w))
}

/// True when `w`, right after a name (and its apposition), says the name
/// is the subject of an act: an auxiliary or modal other than "be"
/// ("would close", "has agreed"), a speech verb, or a past tense in "-ed"
/// ("attacked"). A place is where things happen, rarely who does them.
pub fn acts_as_subject(w: &str) -> bool {
    (AUXILIARIES.contains(w) && !matches!(w, "is" | "are" | "was" | "were" | "am"))
        || SPEECH_VERBS.contains_key(w)
        || (w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The start of the context window before `at`: up to [`WINDOW`] bytes back,
/// on a character boundary, but not before the start of the line.
fn back(text: &str, at: usize) -> usize {
    let mut start = at.saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..at].rfind('\n').map_or(start, |i| start + i)
}

/// The end of the context window after `at`: up to [`WINDOW`] bytes on, on
/// a character boundary.
fn forward(text: &str, at: usize) -> usize {
    let mut end = (at + WINDOW).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Puts into `out` (cleared first) the last two tokens of `s` (see
/// [`tokens`]), or all of them when there are fewer: no feature reads
/// further back. A space or line break never lies inside a token, so
/// tokenising from one gives the same tokens after it as from the start;
/// the tokens after the third space or line break from the end are
/// usually enough.
fn last_tokens<'t>(s: &'t str, out: &mut Vec<&'t str>) {
    let mut from = s.len();
    for _ in 0..3 {
        from = s[..from].rfind([' ', '\n']).unwrap_or(0);
    }
    tokens(&s[from..], usize::MAX, out);
    if out.len() < 2 && from > 0 {
        tokens(s, usize::MAX, out);
    }
    let two = out.len().saturating_sub(2);
    out.drain(..two);
}

/// Puts into `out` (cleared first) the first `limit` words and punctuation
/// of `s`: runs of letters and digits (with inner apostrophes, hyphens and
/// dots, "O'Brien", "U.S."), each other character but spaces alone, a line
/// break as `"\n"`, and a possessive `'s` as a token of its own.
fn tokens<'t>(s: &'t str, limit: usize, out: &mut Vec<&'t str>) {
    out.clear();
    let mut i = 0;
    while out.len() < limit
        && let Some(c) = char_at(s, i)
    {
        if c == ' ' {
            i += 1;
            continue;
        }
        let next = i + c.len_utf8();
        if c.is_alphanumeric() {
            let end = word_end(s, next);
            let word = &s[i..end];
            // Only a word ending in "s" can end in a possessive.
            let stem = (word.as_bytes().last() == Some(&b's'))
                .then(|| word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")))
                .flatten();
            match stem {
                Some(stem) if !stem.is_empty() => {
                    out.push(stem);
                    out.push(&word[stem.len()..]);
                }
                _ => out.push(word),
            }
            i = end;
        } else if matches!(c, '\'' | '’') && s[next..].starts_with('s') && !alnum_at(s, next + 1)
        {
            out.push(&s[i..next + 1]);
            i = next + 1;
        } else {
            if c == '\n' {
                out.push("\n");
            } else if !c.is_whitespace() {
                out.push(&s[i..next]);
            }
            i = next;
        }
    }
}

/// The end of the word of [`tokens`] going on at byte `end` of `s` (a
/// character boundary): letters and digits, and apostrophes, hyphens and
/// dots with a letter or digit after them. ASCII bytes, nearly all of
/// them, are read without decoding.
fn word_end(s: &str, mut end: usize) -> usize {
    while let Some(&b) = s.as_bytes().get(end) {
        let len = if b.is_ascii_alphanumeric() {
            1
        } else if b.is_ascii() {
            if !(matches!(b, b'\'' | b'-' | b'.') && alnum_at(s, end + 1)) {
                break;
            }
            1
        } else {
            let Some(d) = s.get(end..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let after = end + d.len_utf8();
            if !(d.is_alphanumeric() || d == '’' && alnum_at(s, after)) {
                break;
            }
            d.len_utf8()
        };
        end += len;
    }
    end
}

/// True when a letter or digit starts at byte `i` of `s` (a character
/// boundary).
fn alnum_at(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(char::is_alphanumeric)
}

/// The character of `s` starting at byte `i` (a character boundary), if
/// any: an ASCII byte without decoding.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// The kind a label gives, when it names an actor.
pub fn kind_of(label: super::model::Label) -> Option<EntityKind> {
    use super::model::Label;
    match label {
        Label::Person => Some(EntityKind::Person),
        Label::Organization => Some(EntityKind::Organization),
        Label::Place => Some(EntityKind::Place),
        Label::NotActor => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_joined_hash_is_the_hash_of_the_joined_value() {
        let kind = Name::new("kind");
        assert_eq!(kind.joined("m").hash("person"), hash("kind", "m|person"));
        // FNV-1a of "kind", the separator and "person", as first written.
        let h = "kind\u{1f}person".bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        assert_eq!(hash("kind", "person"), h);
        for (class, value) in [("m", "person"), ("d", ""), ("", "1"), ("p", "Ünïcode")] {
            assert_eq!(
                kind.hash_both(class, value),
                [kind.hash(value), kind.joined(class).hash(value)]
            );
        }
        let lower = Name::new("w");
        assert_eq!(lower.hash_lower("The"), lower.hash("the"));
        assert_eq!(lower.hash_lower("ÉTAT"), lower.hash("état"));
        assert_eq!(lower.hash_ascii_lower("ÉTAT"), lower.hash("État"));
        assert_eq!(
            hash_lower(Name::new("p2"), &["To", "THE"]),
            hash("p2", "to the")
        );
    }
    use crate::model::{Entity, Mention};

    /// One entity of the given kind with name mentions at each of `names`.
    fn ann_of(text: &str, names: &[&str], kind: EntityKind) -> Annotations {
        let mut ann = Annotations::default();
        let mut from = 0;
        for n in names {
            let start = from + text[from..].find(n).expect("in the text");
            from = start + n.len();
            ann.mentions.push(Mention {
                span: Span::new(start, start + n.len()),
                form: MentionForm::Name,
                entity: 0,
            });
        }
        ann.entities.push(Entity {
            kind,
            name: names[0].to_owned(),
            roles: Vec::new(),
            mentions: (0..names.len()).collect(),
        });
        ann
    }

    fn has(features: &[u32], prefix: &str, value: &str) -> bool {
        features.binary_search(&hash(prefix, value)).is_ok()
    }

    #[test]
    fn tokens_split_words_punctuation_and_possessives() {
        let mut out = Vec::new();
        tokens("in O'Brien's U.S. office, (x) 's", usize::MAX, &mut out);
        assert_eq!(
            out,
            [
                "in", "O'Brien", "'s", "U.S", ".", "office", ",", "(", "x", ")", "'s"
            ]
        );
        assert_eq!(shape("McDonald's"), "XxXx'x");
        assert_eq!(suffix("Ministry", 3), "try");
        assert_eq!(prefix("Ab", 3), "Ab");
    }

    #[test]
    fn the_last_tokens_are_those_of_the_whole() {
        let texts = [
            "",
            "x",
            "  ",
            "a b",
            "said the U.S. and O'Brien's",
            "one two three four five six. \n",
            "a\u{a0}\u{a0} b\u{a0}c ’s  ",
            "cut-mid word. Then: (the) “Mayor”’s",
            "x 's 's 's",
        ];
        for t in texts {
            let (mut all, mut last) = (Vec::new(), Vec::new());
            tokens(t, usize::MAX, &mut all);
            last_tokens(t, &mut last);
            assert_eq!(last, all[all.len().saturating_sub(2)..], "{t:?}");
        }
    }

    #[test]
    fn a_person_shows_a_title_a_short_form_and_pronouns() {
        let text = "Yesterday Marta Kostyuk, a player, won. Kostyuk said she was happy.";
        let ann = ann_of(
            text,
            &["Marta Kostyuk", "Kostyuk"],
            EntityKind::Organization,
        );
        let f = of_entity(text, &ann, 0);
        assert!(has(&f, "rule", "organization"));
        assert!(has(&f, "first", "marta"));
        assert!(has(&f, "shape", "Xx Xx"));
        assert!(has(&f, "short", "last"));
        assert!(has(&f, "app", "a"));
        assert!(has(&f, "app", "player"));
        assert!(has(&f, "p1", "yesterday"));
        assert!(has(&f, "initial-in-sentence", ""));
        assert!(has(&f, "pronoun", "she"));
        assert!(has(&f, "count", "2"));
        assert!(f.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn agents_show_their_verbs_and_things_their_nouns() {
        let text = "Acme, the maker, has also quickly announced it. Ann Lee, a singer, \
                    said so, said singer Bo Day. They saw the film Easy Rider, \
                    a \"Kool Aid\" drink and Campbell Soup cans (Pratt 2003).";
        let acme = of_entity(text, &ann_of(text, &["Acme"], EntityKind::Person), 0);
        assert!(has(&acme, "apphead", "maker"));
        assert!(
            has(&acme, "verb", "announced"),
            "auxiliaries and adverbs skipped"
        );
        assert!(has(&acme, "speech:after", "") && !has(&acme, "apphead:role", ""));
        let lee = of_entity(text, &ann_of(text, &["Ann Lee"], EntityKind::Person), 0);
        assert!(has(&lee, "apphead:role", "") && has(&lee, "verb", "said"));
        let day = of_entity(text, &ann_of(text, &["Bo Day"], EntityKind::Person), 0);
        assert!(has(&day, "role:before", ""));
        let said = of_entity(text, &ann_of(text, &["Bo"], EntityKind::Person), 0);
        assert!(
            !has(&said, "speech:before", ""),
            "the role noun stands between"
        );
        let film = of_entity(text, &ann_of(text, &["Easy Rider"], EntityKind::Person), 0);
        assert!(has(&film, "thing:before", "") && !has(&film, "speech:after", ""));
        let kool = of_entity(text, &ann_of(text, &["Kool Aid"], EntityKind::Person), 0);
        assert!(has(&kool, "quoted", "open") && !has(&kool, "thing:after", ""));
        let soup = of_entity(
            text,
            &ann_of(text, &["Campbell Soup"], EntityKind::Person),
            0,
        );
        assert!(has(&soup, "thing:after", ""));
        let acme_ann = ann_of(text, &["Acme"], EntityKind::Person);
        assert!(acts(text, &acme_ann, 0, first_acts));
        let film_ann = ann_of(text, &["Easy Rider"], EntityKind::Person);
        assert!(!acts(text, &film_ann, 0, first_acts));
        let mayor = "The mayor of Castra pledged aid.";
        assert!(!acts(
            mayor,
            &ann_of(mayor, &["Castra"], EntityKind::Place),
            0,
            first_acts
        ));
        let pratt = of_entity(text, &ann_of(text, &["Pratt"], EntityKind::Person), 0);
        assert!(has(&pratt, "year:after", ""));
        let speaker = "“Yes,” said Smith.";
        let smith = of_entity(speaker, &ann_of(speaker, &["Smith"], EntityKind::Person), 0);
        assert!(has(&smith, "speech:before", ""));
    }

    #[test]
    fn the_rules_guessed_a_name_no_list_knows() {
        assert!(rules_guessed("Mirelbo"));
        assert!(rules_guessed("Northvane Quorrel"));
        assert!(rules_guessed(""));
        assert!(!rules_guessed("Sarah Quorrel"), "a given name");
        assert!(!rules_guessed("France"), "a gazetteer entry");
        assert!(!rules_guessed("KQVX"), "an acronym");
        assert!(
            !rules_guessed("Mirelbo University"),
            "an organization keyword"
        );
        assert!(!rules_guessed("Quorrel 9"), "a number");
        let text = "Mirelbo grew.";
        let f = of_entity(
            text,
            &ann_of(text, &["Mirelbo"], EntityKind::Organization),
            0,
        );
        assert!(has(&f, "rule|basis", "organization guess"));
    }

    #[test]
    fn a_place_shows_its_preposition_and_an_organization_its_ending() {
        let text = "He moved to the Basel area. Health Canada's staff agreed.";
        let place = ann_of(text, &["Basel"], EntityKind::Organization);
        let f = of_entity(text, &place, 0);
        assert!(has(&f, "prep", "to"));
        assert!(has(&f, "p2", "to the"));
        assert!(has(&f, "n2", "area ."));
        let org = ann_of(text, &["Health Canada"], EntityKind::Person);
        let f = of_entity(text, &org, 0);
        assert!(has(&f, "poss", "staff"));
        assert!(has(&f, "gaz:last", "country"));
        assert!(has(&f, "initial-in-sentence", ""));
    }

    #[test]
    fn the_pronouns_that_take_up_a_name_vote_on_its_kind() {
        let text = "Quorrel Fittings, which makes taps, said it would pay. \
                    Quorrel Fittings grew. It hired staff. Then Quorrel Fittings \
                    and Dana Vell met; she left.";
        let ann = ann_of(
            text,
            &["Quorrel Fittings", "Quorrel Fittings", "Quorrel Fittings"],
            EntityKind::Person,
        );
        let f = of_entity(text, &ann, 0);
        assert!(has(&f, "rel", "which"));
        assert!(has(&f, "pron1", "it"));
        // "she" is after another name, which takes it.
        assert!(!has(&f, "pron1", "she"));
        assert!(has(&f, "pronvote", "neuter+"));
        let text = "Ada Quist said he was late. Ada Quist, who won, smiled.";
        let ann = ann_of(text, &["Ada Quist", "Ada Quist"], EntityKind::Person);
        let f = of_entity(text, &ann, 0);
        assert!(has(&f, "rel", "who") && has(&f, "pron1", "he"));
        assert!(has(&f, "pronvote", "personal+"));
    }
}
