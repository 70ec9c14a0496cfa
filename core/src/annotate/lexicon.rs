//! Embedded word lists. Each file under `lexicon/` starts with `#` comment
//! lines naming its source and licence; blank lines and `#` lines are skipped.
//!
//! Multi-word entries are stored with single spaces; callers look names up
//! with their words joined by single spaces.

use crate::annotate::fasthash::{Map, Set};
use std::sync::LazyLock;

/// The entries of an embedded list, in file order.
pub fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set built from an embedded list.
pub fn set(src: &'static str) -> Set<&'static str> {
    entries(src).collect()
}

/// Abbreviations (lowercase, no final period) after which a period does not
/// end a sentence.
pub static ABBREVIATIONS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicon/abbreviations.txt")));

/// Capitalised words that open a sentence after an ambiguous abbreviation.
pub static SENTENCE_OPENERS: LazyLock<Set<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicon/sentence_openers.txt")));

/// Grammatical gender, as far as a name or title tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Not known.
    Unknown,
}

impl Gender {
    fn from_tag(tag: &str) -> Self {
        match tag {
            "m" => Self::Male,
            "f" => Self::Female,
            _ => Self::Unknown,
        }
    }

    /// The gender of a third-person singular pronoun ("he", "Her").
    pub fn of_pronoun(w: &str) -> Option<Self> {
        match w {
            "he" | "him" | "his" | "himself" | "He" | "His" | "Him" => Some(Self::Male),
            "she" | "her" | "hers" | "herself" | "She" | "Her" => Some(Self::Female),
            _ => None,
        }
    }

    /// True when the two genders do not contradict each other.
    pub fn agrees(self, other: Gender) -> bool {
        self == Self::Unknown || other == Self::Unknown || self == other
    }
}

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GazKind {
    /// A country; its canonical name.
    Country,
    /// Another place (state, city, region).
    Place,
    /// A well-known organization.
    Organization,
}

/// A gazetteer hit: the kind and the canonical name of the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazEntry {
    /// What it names.
    pub kind: GazKind,
    /// The canonical name ("United States" for "U.S.").
    pub canonical: &'static str,
}

/// What an organization keyword may do in a name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OrgKey {
    /// May head a name before "of"/"for" ("Ministry of Defense").
    pub head: bool,
    /// May end a name ("Foreign Ministry").
    pub end: bool,
    /// A company designator ("Inc.").
    pub suffix: bool,
    /// Ends the name of a newspaper or broadcaster named after its town
    /// ("Carrow Gazette"): the paper goes by this word alone ("the
    /// Gazette"), and the word before it names the town.
    pub paper: bool,
    /// Opens the name of a broadcaster named after its town ("Radio
    /// Carrow"): the name is an organization whatever its other words.
    pub open: bool,
}

/// All the word lists the entity stage uses.
pub struct Lexicon {
    /// Countries, places and organizations by every surface form.
    pub gazetteer: Map<&'static str, GazEntry>,
    /// Countries and places by their uppercased name ("BERLIN"), for
    /// datelines and all-capitals headlines.
    pub gazetteer_upper: Map<String, GazEntry>,
    /// Demonym → canonical country ("North Korean" → "North Korea").
    pub demonyms: Map<&'static str, &'static str>,
    /// Canonical country → its first demonym.
    pub demonym_of_country: Map<&'static str, &'static str>,
    /// Capital → canonical country.
    pub capitals: Map<&'static str, &'static str>,
    /// Given names with their gender.
    pub first_names: Map<&'static str, Gender>,
    /// Titles and honorifics with the gender they imply.
    pub titles: Map<&'static str, Gender>,
    /// First words of titles ("Prime" of "Prime Minister").
    pub title_starts: Set<&'static str>,
    /// First words of gazetteer names and demonyms ("North", "United"),
    /// and "The".
    pub entry_starts: Set<&'static str>,
    /// Lowercase role nouns ("leader", "press secretary").
    pub role_nouns: Set<&'static str>,
    /// Organization keywords.
    pub org_keys: Map<&'static str, OrgKey>,
    /// Words ending a place name ("River", "Station").
    pub place_keys: Set<&'static str>,
    /// Keywords that are also common family names ("Lane", "Hall"): after a
    /// given name they end a person's name.
    pub family_name_keys: Set<&'static str>,
    /// Words that open a place's name of two words ("Upper", "Port").
    pub place_prefixes: Set<&'static str>,
    /// Words ending a sports club's name, each true when it also ends a
    /// place's name ("Town", "City") and false for a club's alone
    /// ("Rovers").
    pub club_words: Map<&'static str, bool>,
    /// Words ending a non-actor name ("War", "Act").
    pub event_keys: Set<&'static str>,
    /// Capitalised words that are never actor names ("Thursday").
    pub non_names: Set<&'static str>,
    /// Peoples and faiths without a country ("Korean", "Muslim").
    pub nationalities: Set<&'static str>,
    /// Family names written first ("Kim", "Xi").
    pub east_asian_surnames: Set<&'static str>,
    /// Capitalised function words that never start a name.
    pub function_words: Set<&'static str>,
    /// Lowercase nouns of geography ("rainforest", "river"): the name before
    /// one names a place.
    pub geographic_nouns: Set<&'static str>,
    /// Kinship nouns: a name with a possessive before one ("Lee's wife")
    /// names a person.
    pub kinship_nouns: Set<&'static str>,
    /// Lowercase nouns of an area after a name ("the Calder district"): the
    /// name names a place.
    pub area_nouns: Set<&'static str>,
    /// Nouns only a body of people has ("members of X", "X employees").
    pub body_nouns: Set<&'static str>,
    /// Offices and holdings only a body of people has, of one or two words
    /// ("chief executive", "board"): after a name's possessive they make it
    /// an organization.
    pub body_offices: Set<&'static str>,
    /// Nouns before "of" and a name that make the name a place ("the town of
    /// X", "the people of X").
    pub place_of_nouns: Set<&'static str>,
    /// Nouns after a possessive name that make it a country ("Chad's
    /// government").
    pub country_nouns: Set<&'static str>,
    /// Nouns of what a town has ("council", "mayor"): next to a name they
    /// make it a place.
    pub town_nouns: Set<&'static str>,
    /// Words that name a legislature after "the" or "this" ("the House",
    /// "the Commons").
    pub legislature_words: Set<&'static str>,
    /// Capitalised words that open the name of an event, not an actor
    /// ("Operation Desert Storm", "Treaty of Rome").
    pub event_heads: Set<&'static str>,
    /// Honorifics, without a final period: they give a gender but are not
    /// roles ("Mr", "Dame").
    pub honorifics: Set<&'static str>,
    /// Offices that make their holder a country's "leader" ("president",
    /// "prime minister").
    pub leader_offices: Set<&'static str>,
}

/// Splits a tab-separated line into at most `N` fields (missing ones empty).
fn fields<const N: usize>(line: &'static str) -> [&'static str; N] {
    let mut out = [""; N];
    for (slot, f) in out.iter_mut().zip(line.split('\t')) {
        *slot = f.trim();
    }
    out
}

/// What `countries.txt` gives: the countries in the gazetteer under every
/// name, their demonyms and their capitals.
#[derive(Default)]
struct Countries {
    gazetteer: Map<&'static str, GazEntry>,
    demonyms: Map<&'static str, &'static str>,
    demonym_of_country: Map<&'static str, &'static str>,
    capitals: Map<&'static str, &'static str>,
}

/// Reads `countries.txt`: names (canonical first), demonyms and capital,
/// tab-separated, alternatives separated by `|`.
fn countries() -> Countries {
    let mut c = Countries::default();
    for line in entries(include_str!("lexicon/countries.txt")) {
        let [names, dems, capital] = fields::<3>(line);
        let mut names = names.split('|');
        let Some(canonical) = names.next() else {
            continue;
        };
        let entry = GazEntry {
            kind: GazKind::Country,
            canonical,
        };
        c.gazetteer.insert(canonical, entry);
        for alias in names {
            c.gazetteer.insert(alias, entry);
        }
        for (i, d) in dems.split('|').filter(|d| !d.is_empty()).enumerate() {
            c.demonyms.insert(d, canonical);
            if i == 0 {
                c.demonym_of_country.insert(canonical, d);
            }
        }
        if !capital.is_empty() && capital != canonical {
            c.capitals.insert(capital, canonical);
        }
    }
    c
}

/// Adds the names of a gazetteer list `src` (one entry a line, canonical
/// name first, aliases after `|`) as `kind`, unless a name is there
/// already.
fn add_names(gazetteer: &mut Map<&'static str, GazEntry>, src: &'static str, kind: GazKind) {
    for line in entries(src) {
        let mut names = line.split('|');
        let Some(canonical) = names.next() else {
            continue;
        };
        let entry = GazEntry { kind, canonical };
        for name in std::iter::once(canonical).chain(names) {
            gazetteer.entry(name).or_insert(entry);
        }
    }
}

/// A list of words with a gender tag each.
fn gendered(src: &'static str) -> Map<&'static str, Gender> {
    entries(src)
        .map(|l| {
            let [name, tag] = fields::<2>(l);
            (name, Gender::from_tag(tag))
        })
        .collect()
}

/// The organization keywords with their tags (`h` head, `e` end, `s`
/// suffix, `p` paper, `o` opening).
fn org_keys() -> Map<&'static str, OrgKey> {
    entries(include_str!("lexicon/org_keywords.txt"))
        .map(|l| {
            let [word, tags] = fields::<2>(l);
            let key = OrgKey {
                head: tags.contains('h'),
                end: tags.contains('e') || tags.contains('s'),
                suffix: tags.contains('s'),
                paper: tags.contains('p'),
                open: tags.contains('o'),
            };
            (word, key)
        })
        .collect()
}

/// The countries and places of `gazetteer` with names of four characters
/// or more, by their uppercased name.
fn upper_places(gazetteer: &Map<&'static str, GazEntry>) -> Map<String, GazEntry> {
    // Sorted, so that names that coincide in capitals resolve the same way
    // on every run.
    let mut places: Vec<(&str, GazEntry)> = gazetteer
        .iter()
        .filter(|(name, g)| g.kind != GazKind::Organization && name.chars().count() >= 4)
        .map(|(&name, &g)| (name, g))
        .collect();
    places.sort_unstable_by_key(|&(name, _)| name);
    let mut upper = Map::default();
    for (name, g) in places {
        upper.entry(name.to_uppercase()).or_insert(g);
    }
    upper
}

/// Builds every list from its file under `lexicon/`.
fn build() -> Lexicon {
    let Countries {
        mut gazetteer,
        demonyms,
        demonym_of_country,
        capitals,
    } = countries();
    add_names(
        &mut gazetteer,
        include_str!("lexicon/places.txt"),
        GazKind::Place,
    );
    add_names(
        &mut gazetteer,
        include_str!("lexicon/organizations.txt"),
        GazKind::Organization,
    );
    for &capital in capitals.keys() {
        gazetteer.entry(capital).or_insert(GazEntry {
            kind: GazKind::Place,
            canonical: capital,
        });
    }
    let first_word = |k: &&'static str| k.split(' ').next().unwrap_or(k);
    let titles = gendered(include_str!("lexicon/titles.txt"));
    let title_starts = titles.keys().map(first_word).collect();
    let entry_starts = gazetteer
        .keys()
        .chain(demonyms.keys())
        .map(first_word)
        .chain(std::iter::once("The"))
        .collect();
    Lexicon {
        gazetteer_upper: upper_places(&gazetteer),
        gazetteer,
        title_starts,
        entry_starts,
        demonyms,
        demonym_of_country,
        capitals,
        first_names: gendered(include_str!("lexicon/first_names.txt")),
        titles,
        role_nouns: set(include_str!("lexicon/role_nouns.txt")),
        org_keys: org_keys(),
        place_keys: set(include_str!("lexicon/place_keywords.txt")),
        family_name_keys: set(include_str!("lexicon/family_name_keywords.txt")),
        place_prefixes: set(include_str!("lexicon/place_prefixes.txt")),
        club_words: entries(include_str!("lexicon/club_words.txt"))
            .map(|l| {
                let [word, tag] = fields::<2>(l);
                (word, tag == "p")
            })
            .collect(),
        event_keys: set(include_str!("lexicon/event_keywords.txt")),
        non_names: set(include_str!("lexicon/non_names.txt")),
        nationalities: set(include_str!("lexicon/nationalities.txt")),
        east_asian_surnames: set(include_str!("lexicon/east_asian_surnames.txt")),
        function_words: set(include_str!("lexicon/function_words.txt")),
        geographic_nouns: set(include_str!("lexicon/geographic_nouns.txt")),
        kinship_nouns: set(include_str!("lexicon/kinship_nouns.txt")),
        area_nouns: set(include_str!("lexicon/area_nouns.txt")),
        body_nouns: set(include_str!("lexicon/body_nouns.txt")),
        body_offices: set(include_str!("lexicon/body_offices.txt")),
        place_of_nouns: set(include_str!("lexicon/place_of_nouns.txt")),
        country_nouns: set(include_str!("lexicon/country_nouns.txt")),
        town_nouns: set(include_str!("lexicon/town_nouns.txt")),
        legislature_words: set(include_str!("lexicon/legislature_words.txt")),
        event_heads: set(include_str!("lexicon/event_heads.txt")),
        honorifics: set(include_str!("lexicon/honorifics.txt")),
        leader_offices: set(include_str!("lexicon/leader_offices.txt")),
    }
}

/// The word lists, built once on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_blanks_are_skipped() {
        let got: Vec<_> = entries("# source\n\nmr\n  dr  \n# more\n").collect();
        assert_eq!(got, ["mr", "dr"]);
        assert!(ABBREVIATIONS.contains("mr"));
        assert!(SENTENCE_OPENERS.contains("The"));
    }

    #[test]
    fn countries_have_aliases_demonyms_and_capitals() {
        let lx = &*LEXICON;
        assert_eq!(lx.gazetteer["U.S."].canonical, "United States");
        assert_eq!(lx.gazetteer["U.S."].kind, GazKind::Country);
        assert_eq!(lx.demonyms["North Korean"], "North Korea");
        assert_eq!(lx.demonym_of_country["North Korea"], "North Korean");
        assert_eq!(lx.capitals["Pyongyang"], "North Korea");
        assert_eq!(lx.gazetteer["Pyongyang"].kind, GazKind::Place);
        assert_eq!(lx.gazetteer["Hawaii"].kind, GazKind::Place);
        assert_eq!(lx.gazetteer["UN"].canonical, "United Nations");
        assert_eq!(lx.gazetteer_upper["BERLIN"].canonical, "Berlin");
    }

    #[test]
    fn genders_and_keywords_load() {
        let lx = &*LEXICON;
        assert_eq!(lx.first_names["Sarah"], Gender::Female);
        assert_eq!(lx.titles["Mr."], Gender::Male);
        assert_eq!(lx.titles["Secretary of State"], Gender::Unknown);
        assert!(lx.org_keys["Ministry"].head && lx.org_keys["Inc."].suffix);
        assert!(lx.role_nouns.contains("press secretary"));
        assert!(lx.honorifics.contains("Dame") && !lx.honorifics.contains("Dame."));
        assert!(lx.leader_offices.contains("prime minister"));
        assert!(lx.kinship_nouns.contains("widow") && lx.event_heads.contains("Treaty"));
        assert!(Gender::Male.agrees(Gender::Unknown) && !Gender::Male.agrees(Gender::Female));
    }

    #[test]
    fn pronoun_genders() {
        assert_eq!(Gender::of_pronoun("his"), Some(Gender::Male));
        assert_eq!(Gender::of_pronoun("Her"), Some(Gender::Female));
        assert_eq!(Gender::of_pronoun("it"), None);
    }

    /// A word listed twice is a sign of a list edited without reading it (and
    /// with tags, the second line silently overrides the first).
    #[test]
    fn no_list_names_a_word_twice() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/annotate/lexicon");
        for file in std::fs::read_dir(&dir).expect("lexicon directory") {
            let path = file.expect("lexicon entry").path();
            let text = std::fs::read_to_string(&path).expect("lexicon file");
            let mut seen = std::collections::HashSet::new();
            for entry in text.lines().map(str::trim) {
                if entry.is_empty() || entry.starts_with('#') {
                    continue;
                }
                let word = entry.split('\t').next().unwrap_or(entry);
                assert!(seen.insert(word), "{} lists {word:?} twice", path.display());
            }
        }
    }
}
