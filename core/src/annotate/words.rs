//! Word lists and word tests shared by the stages, each list loaded once
//! from `lexicon/` through [`crate::annotate::lexicon`].

use std::sync::LazyLock;

use crate::annotate::fasthash::{Map, Set};
use crate::annotate::lexicon::{entries, set};

/// A set of words with the fast hash.
pub type WordSet = Set<&'static str>;

/// A map from words with the fast hash.
pub type WordMap<V> = Map<&'static str, V>;

/// How a speech verb may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeechUse {
    /// Attributes quotes and introduces reported clauses.
    Any,
    /// Introduces a reported clause only with an explicit "that".
    That,
    /// Only attributes a direct quote standing next to it.
    Quote,
}

/// Inflected speech verbs and how each may be used.
pub static SPEECH_VERBS: LazyLock<WordMap<SpeechUse>> = LazyLock::new(|| {
    entries(include_str!("lexicon/speech_verbs.txt"))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let verb = parts.next().unwrap_or_default();
            let usage = match parts.next() {
                Some("that") => SpeechUse::That,
                Some("quote") => SpeechUse::Quote,
                _ => SpeechUse::Any,
            };
            (verb, usage)
        })
        .collect()
});

/// Auxiliaries and adverbs that may stand between a subject and its verb.
pub static BETWEEN_SUBJECT_AND_VERB: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/attribution_words.txt")));

/// More words the act stages let stand between a subject and its verb
/// ("a farmer there said", "we therefore ask", "they all agreed").
pub static SUBJECT_ADVERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/subject_adverbs.txt")));

/// Words that end a backward scan for a subject noun phrase.
pub static SUBJECT_BREAKERS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/subject_breakers.txt")));

/// Nouns naming a text that speaks for its issuer.
pub static DOCUMENT_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/document_nouns.txt")));

/// A letter's complimentary closes ("yours sincerely").
static LETTER_CLOSINGS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/letter_closings.txt")));

/// The length in bytes of the longest complimentary close.
static LONGEST_CLOSING: LazyLock<usize> =
    LazyLock::new(|| LETTER_CLOSINGS.iter().map(|c| c.len()).max().unwrap_or(0));

/// True when `line` is a letter's complimentary close ("Yours sincerely,").
/// A line longer than every close (nearly every sentence a document is
/// asked about) is ruled out before it is lowercased.
pub fn is_letter_closing(line: &str) -> bool {
    let line = line.trim().trim_end_matches([',', '.']);
    line.len() <= *LONGEST_CLOSING && LETTER_CLOSINGS.contains(line.to_ascii_lowercase().as_str())
}

/// Auxiliary and modal verbs.
pub static AUXILIARIES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/auxiliaries.txt")));

/// Modal verbs: a word right after one is a verb ("would appeal", "will
/// revive").
pub const MODALS: [&str; 9] = [
    "will", "would", "can", "could", "should", "must", "might", "may", "shall",
];

/// Determiners that open a noun phrase.
pub static DETERMINERS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/determiners.txt")));

/// Words that open a new clause after a comma.
pub static CLAUSE_OPENERS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/clause_openers.txt")));

/// Past forms of commitment verbs that may open a coordinated act.
pub static REPORTING_OR_COMMITTING: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/coordinated_acts.txt")));

/// What a pronoun may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PronounClass {
    /// He, she: a person.
    Person,
    /// They, it: an organisation or group.
    Group,
    /// I, we: the speaker.
    Speaker,
}

/// Personal and possessive pronouns with their class.
pub static PRONOUNS: LazyLock<WordMap<PronounClass>> = LazyLock::new(|| {
    entries(include_str!("lexicon/pronouns.txt"))
        .filter_map(|l| {
            let (word, class) = l.split_once(char::is_whitespace)?;
            let class = match class.trim() {
                "person" => PronounClass::Person,
                "self" => PronounClass::Speaker,
                _ => PronounClass::Group,
            };
            Some((word, class))
        })
        .collect()
});

/// A quick test that rules out most words before a hash lookup: which
/// (first byte, length) and (last byte, length) pairs occur among the words
/// of a list.
pub struct Prefilter {
    /// Per first byte, bit `n` set when some word of that start has length `n`
    /// (lengths of 31 and more share bit 31).
    first: [u32; 256],
    /// The same per last byte.
    last: [u32; 256],
}

impl Prefilter {
    /// The prefilter of `words`.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut first = [0u32; 256];
        let mut last = [0u32; 256];
        for w in words {
            let bytes = w.as_bytes();
            if let (Some(&a), Some(&z)) = (bytes.first(), bytes.last()) {
                first[usize::from(a)] |= 1 << w.len().min(31);
                last[usize::from(z)] |= 1 << w.len().min(31);
            }
        }
        Self { first, last }
    }

    /// False when `word` with its ASCII letters lowercased (the list's
    /// words are lowercase) is surely not in the list. Only its length and
    /// its first and last bytes are read, so a token is tested as written,
    /// without looking up its lowercase copy (the act stages' `low`, which
    /// lowercases ASCII letters only).
    pub fn may_contain_folded(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let bit = 1 << word.len().min(31);
        match (bytes.first(), bytes.last()) {
            (Some(&a), Some(&z)) => {
                self.first[usize::from(a.to_ascii_lowercase())] & bit != 0
                    && self.last[usize::from(z.to_ascii_lowercase())] & bit != 0
            }
            _ => false,
        }
    }
}

/// Prefilter of [`SPEECH_VERBS`] and "according".
pub static SPEECH_PREFILTER: LazyLock<Prefilter> =
    LazyLock::new(|| Prefilter::new(SPEECH_VERBS.keys().copied().chain(["according"])));

/// True for a lowercase adverb in -ly ("quickly"), which may stand between
/// a subject and its verb.
pub fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Words besides the particles that may join the capitalised words of one
/// name ("Ministry of Foreign Affairs", "Food and Drug Administration").
static NAME_CONNECTORS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/name_connectors.txt")));

/// True for a word that may join the capitalised words of one name: a
/// particle or one of [`NAME_CONNECTORS`].
pub fn is_connector(w: &str) -> bool {
    is_particle(w) || NAME_CONNECTORS.contains(w)
}

/// Lowercase particles inside personal names ("von der", "de la", "bin").
static NAME_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/name_particles.txt")));

/// True for a lowercase particle inside personal names (see
/// [`NAME_PARTICLES`]).
pub fn is_particle(w: &str) -> bool {
    NAME_PARTICLES.contains(w)
}

/// True when `w` starts with an uppercase letter.
pub fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Lowercase hyphen suffixes that turn a name into a modifier
/// ("Texas-based", "War-era", "U.S.-led").
static MODIFIER_SUFFIXES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/modifier_suffixes.txt")));

/// The name part of a token: without a modifier suffix ("War-era" → "War").
pub fn name_part(w: &str) -> &str {
    // Most words hold neither hyphen ('‐' ends in byte 0x90): skip the search.
    if !w.bytes().any(|b| b == b'-' || b == 0x90) {
        return w;
    }
    match w.rsplit_once(['-', '‐']) {
        Some((head, tail)) if !head.is_empty() && MODIFIER_SUFFIXES.contains(tail) => head,
        _ => w,
    }
}

/// Adjectives that make a region of the place after them ("Southern
/// Indiana").
pub static REGION_ADJECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/region_adjectives.txt")));

/// True for an all-capitals acronym of 2 to 6 letters ("KCNA", "NASA").
pub fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Verbs that attribute a quotation next to its marks to its speaker
/// ("“…,” Lowe said"), for the entity stage: the commonest of the quote
/// stage's [`SPEECH_VERBS`], kept apart because the entity stage also reads
/// a capitalised word before one as a name ("Palmer said …"), and the
/// whole list would take nouns as verbs there ("Recent reports have
/// revealed" made "Recent" an organization in a dev article).
static ATTRIBUTION_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/attribution_verbs.txt")));

/// The word `w` up to its apostrophe: the pronoun of a subject written
/// with its contracted auxiliary ("i'll" → "i", "we’d" → "we"), or `w`.
pub fn before_apostrophe(w: &str) -> &str {
    w.split(['\'', '’']).next().unwrap_or(w)
}

/// True for a possessive mark standing as its own token: "'s" or a lone
/// apostrophe after a plural ("the Parks'"), either quote form.
pub fn is_possessive_mark(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'" | "’")
}

/// True for one of the [`ATTRIBUTION_VERBS`].
pub fn is_attribution_verb(w: &str) -> bool {
    ATTRIBUTION_VERBS.contains(w)
}

/// Words that open a reply rather than a reported clause after a speech
/// verb ("said yes", "said goodbye").
pub static REPLY_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/reply_words.txt")));

/// Speech verbs that take the hearer as object ("told reporters").
pub static TELL_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/tell_verbs.txt")));

/// Verbs of refusing or failing: a commitment cue after one ("refused to
/// pay") is negated.
pub static REFUSAL_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/refusal_verbs.txt")));

/// Plural nouns for people that, before "of"/"for"/"at"/"from", name
/// people of a place or body rather than the place or body itself.
pub static PEOPLE_OF: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/people_of.txt")));

/// Nouns naming a person by a relation to another ("predecessor",
/// "colleague"): "my predecessor" is someone else than "me".
pub static RELATION_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/relation_nouns.txt")));

/// Nouns of a span of time ("two days after", "a week before").
pub static TIME_UNITS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/time_units.txt")));

/// `PORT ELLIS` as `Port Ellis`: each word's first letter kept, the rest
/// lowercased.
pub fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphanumeric();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_their_tags() {
        assert_eq!(SPEECH_VERBS.get("said"), Some(&SpeechUse::Any));
        assert_eq!(SPEECH_VERBS.get("suggested"), Some(&SpeechUse::That));
        assert_eq!(SPEECH_VERBS.get("laughed"), Some(&SpeechUse::Quote));
        assert_eq!(PRONOUNS.get("she"), Some(&PronounClass::Person));
        assert_eq!(PRONOUNS.get("we"), Some(&PronounClass::Speaker));
        assert!(DOCUMENT_NOUNS.contains("statement"));
        for w in ["said", "Said", "SAID", "According", "TOLD"] {
            assert!(SPEECH_PREFILTER.may_contain_folded(w), "{w}");
        }
        assert!(!SPEECH_PREFILTER.may_contain_folded("xylophone"));
        assert!(!SPEECH_PREFILTER.may_contain_folded("XYLOPHONE"));
        assert!(!SPEECH_PREFILTER.may_contain_folded(""));
        assert!(is_ly_adverb("quickly") && !is_ly_adverb("Italy") && !is_ly_adverb("fly"));
        assert!(TELL_VERBS.contains("assured") && REFUSAL_VERBS.contains("declines"));
        assert!(REPLY_WORDS.contains("goodbye") && TIME_UNITS.contains("hours"));
        assert!(PEOPLE_OF.contains("neighbours") && !PEOPLE_OF.contains("people of"));
    }
}
