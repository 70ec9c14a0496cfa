//! Part-of-speech tags learned from data: the seventeen universal tags
//! (UPOS) of each token of a sentence, decided left to right by a logistic
//! regression over hashed features of the word, its suffixes and shape, the
//! words around it, the shape of the next one and the two tags before it.
//!
//! The model is trained by `cargo run --release -p gloss-train` from the
//! CoNLL-U files of the GUM documents in `../shared/data/` (tags projected
//! onto gloss's own tokens) and embedded in the binary (see
//! `core/src/annotate/models/README.md`). Tagging a token costs about a
//! dozen look-ups, so the act stages tag only the sentences they read.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use super::model::{Model, ModelError, TAGS, argmax};
use crate::annotate::segment::{Token, TokenKind};

/// A universal part-of-speech tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tag {
    /// Adjective.
    Adj,
    /// Adposition (preposition).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary verb (be, have, do, will, would, may, ...).
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle ("to" before a verb, "not", possessive "'s").
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction ("that", "if", "because").
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Anything else.
    X,
}

impl Tag {
    /// The number of tags.
    pub const COUNT: usize = 17;
    /// All tags, in the order of the model's weights.
    pub const ALL: [Tag; Tag::COUNT] = [
        Tag::Adj,
        Tag::Adp,
        Tag::Adv,
        Tag::Aux,
        Tag::Cconj,
        Tag::Det,
        Tag::Intj,
        Tag::Noun,
        Tag::Num,
        Tag::Part,
        Tag::Pron,
        Tag::Propn,
        Tag::Punct,
        Tag::Sconj,
        Tag::Sym,
        Tag::Verb,
        Tag::X,
    ];
    /// The tags' names as CoNLL-U writes them, in the same order.
    const NAMES: [&'static str; Tag::COUNT] = [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X",
    ];

    /// The tag CoNLL-U calls `name`.
    pub fn from_upos(name: &str) -> Option<Tag> {
        Tag::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Tag::ALL[i])
    }

    /// The tag's CoNLL-U name.
    pub fn name(self) -> &'static str {
        Tag::NAMES[self.index()]
    }

    /// The position of the tag's weight in each feature's row.
    pub fn index(self) -> usize {
        self as usize
    }

    /// True for a noun, proper noun or pronoun: what heads a noun group.
    pub fn is_nominal(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn | Tag::Pron | Tag::Num)
    }

    /// True for a verb or an auxiliary.
    pub fn is_verbal(self) -> bool {
        matches!(self, Tag::Verb | Tag::Aux)
    }
}

/// The embedded model's file.
static EMBEDDED: &[u8] = include_bytes!("../models/tags.bin");

/// The embedded model (read once; tested to load, so that a broken file
/// fails the build's tests, never a reader's run).
static MODEL: LazyLock<Option<Model<{ Tag::COUNT }>>> = LazyLock::new(|| embedded().ok());

/// True when the embedded tagger learned weights for `word` itself (in
/// lowercase): a word of its training text ("national", "royal"), not a
/// name it never read ("Carnmore").
pub fn knows_word(word: &str) -> bool {
    MODEL
        .as_ref()
        .is_some_and(|m| m.knows(feature(1, fnv_lower(word.as_bytes()))))
}

/// True when the embedded tagger learned `word` (in lowercase) as a
/// common noun above any other tag: "residents", "officials", not "the",
/// "palmer" nor a name it never read. A capitalised word opening a
/// sentence ("Residents say …") is then no name by its position alone.
pub fn common_noun(word: &str) -> bool {
    MODEL.as_ref().is_some_and(|m| {
        let key = feature(1, fnv_lower(word.as_bytes()));
        m.knows(key) && argmax(&m.scores(&[key])) == Tag::Noun.index()
    })
}

/// The embedded model.
pub fn embedded() -> Result<Model<{ Tag::COUNT }>, ModelError> {
    Model::from_static(EMBEDDED, TAGS)
}

/// Tags the tokens `toks` of one sentence of `text` by the embedded model
/// through token `last`, going on from the tags already in `tags` (one per
/// token: a decided prefix, then `None`). A token's tag depends on the
/// words around it and the tags before it only, so a sentence tagged in
/// steps gets the tags it gets tagged whole. All `X` if the model could
/// not be read, which its test rules out.
pub fn tag_through(text: &str, toks: &[Token], tags: &mut [Option<Tag>], last: usize) {
    tag_through_with(text, toks, tags, last, &mut Known::default());
}

/// [`tag_through`], keeping in `known` the words it reads of the sentence,
/// for the next call in the same sentence to use again.
pub fn tag_through_with(
    text: &str,
    toks: &[Token],
    tags: &mut [Option<Tag>],
    last: usize,
    known: &mut Known,
) {
    let from = tags[..=last]
        .iter()
        .position(Option::is_none)
        .unwrap_or(last + 1);
    match &*MODEL {
        Some(model) => {
            known.cover(text, toks, from.saturating_sub(2)..last + 3);
            let words = Words {
                text,
                toks,
                base: known.base,
                known: Cow::Borrowed(&known.words),
            };
            decide(model, &words, tags, last + 1);
        }
        None => tags[..=last].fill(Some(Tag::X)),
    }
}

/// The words of some tokens of one sentence (see [`Words`]), kept from
/// one call of [`tag_through_with`] to the next: the act stages tag a few
/// tokens a call, going on through a sentence, and the two words either
/// side of each stretch were read again on every call.
#[derive(Debug, Default)]
pub struct Known {
    /// The byte the sentence starts at, which tells it from the others
    /// of its document (`None`: no sentence yet).
    sentence: Option<usize>,
    /// The token of the sentence whose word is the first known.
    base: usize,
    /// The words of the tokens from `base` on.
    words: Vec<Word>,
}

impl Known {
    /// Makes sure the words of the tokens of `range` of the sentence
    /// `toks` of `text` are known, adding on to those known when they are
    /// of the same sentence and reach the range's start.
    fn cover(&mut self, text: &str, toks: &[Token], range: Range<usize>) {
        let sentence = toks.first().map(|t| t.start());
        let reach = self.base + self.words.len();
        if self.sentence != sentence || range.start < self.base || range.start > reach {
            self.sentence = sentence;
            self.base = range.start;
            self.words.clear();
        }
        let reach = self.base + self.words.len();
        let end = range.end.min(toks.len());
        self.words
            .extend((reach..end).map(|i| Word::of(text, toks, i)));
    }
}

/// The tags of the tokens `toks` of one sentence of `text` by `model`,
/// decided left to right, each seeing the two decided before it.
pub fn tag_with(model: &Model<{ Tag::COUNT }>, text: &str, toks: &[Token]) -> Vec<Tag> {
    let mut tags = vec![None; toks.len()];
    decide(model, &Words::new(text, toks), &mut tags, toks.len());
    tags.into_iter().map(|t| t.unwrap_or(Tag::X)).collect()
}

/// Decides by `model` the tags of the tokens of `words` before `to` that
/// `tags` does not hold yet, left to right.
fn decide(model: &Model<{ Tag::COUNT }>, words: &Words, tags: &mut [Option<Tag>], to: usize) {
    let from = tags[..to].iter().position(Option::is_none).unwrap_or(to);
    // Room for a token's features from the start: a list grown on the
    // first token of each call cost a reallocation a call.
    let mut f = Vec::with_capacity(FEATURES);
    for i in from..to {
        f.clear();
        let before = [
            i.checked_sub(1).and_then(|j| tags[j]),
            i.checked_sub(2).and_then(|j| tags[j]),
        ];
        words.features(i, before, &mut f);
        let scores = model.scores(&f);
        let best = argmax(&scores);
        tags[i] = Some(words.corrected(i, Tag::ALL[best]));
    }
}

/// What the features of a sentence's tokens are made of: each token's
/// text, lowercase hash, shape and last letters, computed once.
pub struct Words<'a> {
    /// The text.
    text: &'a str,
    /// The sentence's tokens (the words may be known of some of them
    /// only, see [`Known`]).
    toks: &'a [Token],
    /// The first token whose words are known.
    base: usize,
    /// What is known of each token from `base` on, in one list.
    known: Cow<'a, [Word]>,
}

/// The number of features of a token (see [`Words::features`]).
pub const FEATURES: usize = 20;

/// What the features of one token are made of, besides its text.
#[derive(Clone, Copy, Debug)]
struct Word {
    /// FNV-1a hash of its lowercase text.
    hash: u32,
    /// Its shape (see [`shape`]).
    shape: u32,
    /// FNV-1a hash of its last three letters, lowercase.
    suffix: u32,
}

/// Hash of a word before the sentence.
const START: u32 = 0x5354_4152;
/// Hash of a word after the sentence.
const END: u32 = 0x454e_4421;

/// The shape of a token past the sentence's end (no [`shape`] reaches it).
const PAST_END_SHAPE: u32 = 0xfff;

/// FNV-1a over `bytes`, ASCII letters lowercased.
fn fnv_lower(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h: u32, &b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
    })
}

/// A feature's hash from its template `kind` and its value's hash.
fn feature(kind: u32, value: u32) -> u32 {
    let x = (value ^ kind.wrapping_mul(0x9e37_79b9)).wrapping_mul(0x85eb_ca6b);
    x ^ (x >> 15)
}

/// The last `n` bytes of `w` when it is longer than `n + 1` bytes, else
/// nothing (a short word's "suffix" is the word: "Okafor" must not take
/// the tag of "for").
fn suffix(w: &[u8], n: usize) -> &[u8] {
    if w.len() > n + 1 {
        &w[w.len() - n..]
    } else {
        b""
    }
}

/// The shape of a token `w` of kind `kind`: its kind, capitals, digits,
/// inner marks, length and whether it opens the sentence (`opens`), as one
/// number.
fn shape(w: &str, kind: TokenKind, opens: bool) -> u32 {
    // One pass over the bytes finds what each test asks of them (a pass a
    // test cost the tagger more than its sums).
    let (mut upper, mut lower, mut digit, mut hyphen, mut dot, mut ascii) =
        (false, false, false, false, false, true);
    for &b in w.as_bytes() {
        upper |= b.is_ascii_uppercase();
        lower |= b.is_ascii_lowercase();
        digit |= b.is_ascii_digit();
        hyphen |= b == b'-';
        dot |= b == b'.';
        ascii &= b.is_ascii();
    }
    // ASCII, nearly every word, is read a byte at a time: its capitals and
    // small letters are the ASCII ones, and its length in characters is
    // its length in bytes.
    let (first_upper, all_upper, len) = if ascii {
        (
            w.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
            !lower && upper,
            w.len(),
        )
    } else {
        (
            w.chars().next().is_some_and(char::is_uppercase),
            w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase),
            w.chars().count(),
        )
    };
    let bits = [first_upper, all_upper, digit, hyphen, dot, opens];
    let kind = match kind {
        TokenKind::Word => 0,
        TokenKind::Number => 1,
        TokenKind::Punct => 2,
    };
    let len = len.min(6) as u32;
    bits.iter()
        .fold(kind | len << 2, |s, &b| (s << 1) | u32::from(b))
}

impl Word {
    /// The word of token `i` of the sentence `toks` of `text`.
    fn of(text: &str, toks: &[Token], i: usize) -> Word {
        let t = toks[i];
        let w = t.text(text);
        Word {
            hash: fnv_lower(w.as_bytes()),
            shape: shape(w, t.kind(), i == 0),
            suffix: fnv_lower(suffix(w.as_bytes(), 3)),
        }
    }
}

impl<'a> Words<'a> {
    /// The words of the sentence `toks` of `text`.
    pub fn new(text: &'a str, toks: &'a [Token]) -> Words<'a> {
        Words {
            text,
            toks,
            base: 0,
            known: (0..toks.len()).map(|i| Word::of(text, toks, i)).collect(),
        }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True for a sentence without tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The text of token `i`.
    fn text_of(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// The lowercase hash of the word at `i` counted from token `at`, or the
    /// start or end marker past the sentence.
    fn hash_at(&self, at: usize, delta: isize) -> u32 {
        match at.checked_add_signed(delta) {
            Some(j) if j < self.len() => self.known[j - self.base].hash,
            Some(_) => END,
            None => START,
        }
    }

    /// The hash of the last letters of the token `delta` from token `at`,
    /// or of nothing past the sentence.
    fn suffix_at(&self, at: usize, delta: isize) -> u32 {
        at.checked_add_signed(delta)
            .filter(|&j| j < self.len())
            .map_or(fnv_lower(b""), |j| self.known[j - self.base].suffix)
    }

    /// The shape of the token `delta` from token `at`, or a mark of its own
    /// past the sentence's end.
    fn shape_at(&self, at: usize, delta: isize) -> u32 {
        at.checked_add_signed(delta)
            .filter(|&j| j < self.len())
            .map_or(PAST_END_SHAPE, |j| self.known[j - self.base].shape)
    }

    /// The model's tag `tag` of token `i`, corrected where its features
    /// mislead it: "by" is a subordinating conjunction only before a
    /// lowercase gerund ("reacted by proposing"); before a name ending as
    /// gerunds do ("urged by Beijing", "a call by Fleming") or any other
    /// phrase it is a preposition, which the words after it then see.
    fn corrected(&self, i: usize, tag: Tag) -> Tag {
        if tag != Tag::Sconj || !self.text_of(i).eq_ignore_ascii_case("by") {
            return tag;
        }
        let next = self.text_of(i + 1);
        let gerund = next.len() > 4
            && next.ends_with("ing")
            && next.starts_with(|c: char| c.is_ascii_lowercase());
        if gerund { tag } else { Tag::Adp }
    }

    /// Pushes onto `out` the [`FEATURES`] features of token `i`, given the tags of the
    /// one and two tokens before it (`None` before the sentence).
    pub fn features(&self, i: usize, before: [Option<Tag>; 2], out: &mut Vec<u32>) {
        let k = i - self.base;
        let Word {
            hash: word,
            shape,
            suffix: suffix3,
        } = self.known[k];
        let w = self.text_of(i).as_bytes();
        let tag = |t: Option<Tag>| t.map_or(Tag::COUNT as u32, |t| t.index() as u32);
        let (t1, t2) = (tag(before[0]), tag(before[1]));
        let features: [u32; FEATURES] = [
            feature(0, 0),
            feature(1, word),
            feature(2, suffix3),
            feature(3, fnv_lower(suffix(w, 2))),
            feature(4, fnv_lower(suffix(w, 1))),
            feature(5, shape),
            feature(6, self.hash_at(i, -1)),
            feature(7, self.hash_at(i, 1)),
            feature(8, self.hash_at(i, -2)),
            feature(9, self.hash_at(i, 2)),
            feature(10, t1),
            feature(11, t1 * 32 + t2),
            feature(12, word ^ t1.wrapping_mul(0x2545_f491)),
            feature(13, self.suffix_at(i, 1)),
            feature(14, self.suffix_at(i, -1)),
            feature(15, fnv_lower(&w[..w.len().min(1)])),
            feature(16, t1 * 32 + shape),
            // A capitalised word before another ("Maria Lopez said"), or
            // before a small word ("Young vowed", "Many said"): the shapes
            // of the pair, which tell a name opening a sentence from a
            // word capitalised only there.
            feature(17, shape << 12 | self.shape_at(i, 1)),
            // Its shape with its last letters ("Okafor", "Petrauskas").
            feature(18, suffix3 ^ shape.wrapping_mul(0x2545_f491)),
            // Its shape with the next word ("Young vowed": a subject).
            feature(19, self.hash_at(i, 1) ^ shape.wrapping_mul(0x9e37_79b9)),
        ];
        out.extend(features);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::tokens;
    use crate::model::Span;

    fn tags_of(s: &str) -> Vec<(&str, &'static str)> {
        let toks = tokens(s, Span::new(0, s.len()));
        let model = embedded().expect("the embedded tagger loads");
        let tags = tag_with(&model, s, &toks);
        toks.iter()
            .map(|t| t.text(s))
            .zip(tags.iter().map(|t| t.name()))
            .collect()
    }

    #[test]
    fn the_tagger_knows_the_words_it_read() {
        for w in ["National", "royal", "General", "the"] {
            assert!(knows_word(w), "{w}");
        }
        for w in ["Carnmore", "Quorvel", "Brisleyton"] {
            assert!(!knows_word(w), "{w}");
        }
    }

    #[test]
    fn the_embedded_model_loads() {
        assert!(embedded().is_ok_and(|m| !m.is_empty()));
    }

    #[test]
    fn a_sentence_tagged_in_steps_gets_the_tags_of_the_whole() {
        let s = "Mayor Okafor said on Monday that the council would not open the bridge.";
        let toks = tokens(s, Span::new(0, s.len()));
        let model = embedded().expect("the embedded tagger loads");
        let whole = tag_with(&model, s, &toks);
        for steps in [&[0, 1, 2][..], &[5, 5, 9], &[13], &[3, 13]] {
            let mut tags = vec![None; toks.len()];
            for &last in steps {
                tag_through(s, &toks, &mut tags, last);
            }
            let last = *steps.last().expect("a step");
            assert!(tags[last + 1..].iter().all(Option::is_none));
            let got: Vec<Tag> = tags[..=last].iter().flatten().copied().collect();
            assert_eq!(got, whole[..=last], "{steps:?}");
        }
    }

    #[test]
    fn words_kept_between_calls_give_the_tags_of_the_whole() {
        // Two sentences tagged in steps, back and forth, with one `Known`:
        // the words kept of one sentence must not be read as the other's.
        let s = "Mayor Okafor said on Monday that the council would not open the bridge. Ask the city by Friday.";
        let toks = tokens(s, Span::new(0, s.len()));
        let split = toks
            .iter()
            .position(|t| t.text(s) == "Ask")
            .expect("a second sentence");
        let (first, second) = toks.split_at(split);
        let model = embedded().expect("the embedded tagger loads");
        let (whole1, whole2) = (tag_with(&model, s, first), tag_with(&model, s, second));
        let mut known = Known::default();
        let (mut tags1, mut tags2) = (vec![None; first.len()], vec![None; second.len()]);
        for (which, last) in [(1, 2), (1, 4), (2, 1), (1, 9), (2, 5), (1, 13)] {
            match which {
                1 => tag_through_with(s, first, &mut tags1, last, &mut known),
                _ => tag_through_with(s, second, &mut tags2, last, &mut known),
            }
        }
        let got1: Vec<Tag> = tags1[..=13].iter().flatten().copied().collect();
        let got2: Vec<Tag> = tags2[..=5].iter().flatten().copied().collect();
        assert_eq!(got1, whole1[..=13]);
        assert_eq!(got2, whole2[..=5]);
    }

    #[test]
    fn names_round_trip() {
        for t in Tag::ALL {
            assert_eq!(Tag::from_upos(t.name()), Some(t));
        }
        assert_eq!(Tag::from_upos("NN"), None);
    }

    #[test]
    fn an_invented_sentence_is_tagged_as_english() {
        // Not from the training data: the model must have learned the
        // words' roles, not the sentences.
        let got = tags_of("The council promised that the new bridge will open by spring.");
        let want = [
            ("The", "DET"),
            ("council", "NOUN"),
            ("promised", "VERB"),
            ("that", "SCONJ"),
            ("the", "DET"),
            ("new", "ADJ"),
            ("bridge", "NOUN"),
            ("will", "AUX"),
            ("open", "VERB"),
            ("by", "ADP"),
            ("spring", "NOUN"),
            (".", "PUNCT"),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn by_before_a_name_in_ing_is_a_preposition_and_before_a_gerund_a_conjunction() {
        // "Beijing" and "Fleming" end as gerunds do; the model alone took
        // "by" for the conjunction of "by proposing" and the name for a verb.
        let got = tags_of("Diplomats were urged by Beijing to talk.");
        assert_eq!(got[3], ("by", "ADP"));
        assert_eq!(got[4], ("Beijing", "PROPN"));
        let got = tags_of("The call by Fleming to resign was ignored.");
        assert_eq!(got[2], ("by", "ADP"));
        assert_eq!(got[3], ("Fleming", "PROPN"));
        let got = tags_of("The ministry reacted by proposing a new tax.");
        assert_eq!(got[3], ("by", "SCONJ"));
        assert_eq!(got[4], ("proposing", "VERB"));
    }

    #[test]
    fn a_name_opening_a_sentence_is_a_proper_noun() {
        let got = tags_of("Maria Lopez lost the case.");
        assert_eq!(got[0], ("Maria", "PROPN"));
        assert_eq!(got[1], ("Lopez", "PROPN"));
        let got = tags_of("Many residents left.");
        assert_ne!(got[0].1, "PROPN");
    }

    #[test]
    fn an_unknown_name_is_a_proper_noun_not_its_last_letters() {
        // "Okafor" ends in "for", a preposition.
        let got = tags_of("Mayor Okafor issued calls for calm.");
        assert_eq!(got[1], ("Okafor", "PROPN"));
        assert_eq!(got[2], ("issued", "VERB"));
        assert_eq!(got[3], ("calls", "NOUN"));
    }
}
