//! The act stages' view of the document ([`Doc`]): a flat token view with
//! sentence, paragraph and quotation-mark context, prepared once
//! ([`Prepared`]) and shared by the quote and commitment stages.

use std::cell::{OnceCell, RefCell};
use std::ops::Deref;

use super::headings;
use super::lowered::Lowered;
use crate::annotate::affiliation;
use crate::annotate::bits::Bits;
use crate::annotate::cursor::Cursor;
use crate::annotate::fasthash::Map;
use crate::annotate::learn::tagger::{self, Tag};
use crate::annotate::lexicon::LEXICON;
use crate::annotate::quotations::{Marked, Quotations};
use crate::annotate::segment::{self, Token, TokenKind, sentence_range};
use crate::annotate::words;
use crate::model::{Annotations, EntityId, Mention, Quote, Span};

/// How many tokens on either side of a token the rules look at within its
/// sentence.
pub const WINDOW: usize = 200;

/// What the act stages derive from the text and its sentences alone, made
/// once and shared by both stages.
pub struct Prepared {
    /// The tokens with an ASCII capital, lowercased (the others are
    /// lowercase as they stand).
    lowered: Lowered,
    /// All tokens, in order, each knowing its sentence.
    pub toks: Vec<Token>,
    /// For each sentence, true when a paragraph starts there (after the
    /// first): the paragraph of a sentence is the count up to it.
    para_starts: Bits,
    /// Quotations between quotation marks, in order.
    pub marks: Vec<Marked>,
    /// Byte spans of headlines and bylines, in order, not overlapping.
    headings: Vec<Span>,
    /// Part-of-speech tags of the tokens, filled a sentence at a time when
    /// a rule first asks (see [`Prepared::tag`]).
    tags: RefCell<Tags>,
    /// Passages in the text's own voice (see [`crate::annotate::voice`]),
    /// in order.
    voice: Vec<Turn>,
}

/// A passage spoken in the text's own voice (found by
/// [`crate::annotate::voice`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Turn {
    /// Its bytes.
    pub span: Span,
    /// Who speaks it, when known.
    pub speaker: Option<EntityId>,
    /// Whom its "you" addresses, when known.
    pub addressee: Option<EntityId>,
    /// In a conversation, the other speaker: whom "thank you" thanks.
    pub partner: Option<EntityId>,
}

/// The tags decided so far: one per token (none until asked for), each
/// sentence tagged from its start as far as a rule has asked.
#[derive(Default)]
struct Tags {
    of_token: Vec<Option<Tag>>,
    /// The words the tagger last read, for its next call in the same
    /// sentence.
    known: tagger::Known,
}

/// A document prepared for the act stages.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Sentences, entities and mentions (and quotes, once found).
    pub ann: &'a Annotations,
    /// Tokens, sentences and quotations.
    prep: &'a Prepared,
    /// The organisation each person speaks for (`false`) or represents
    /// (`true`), as found when first asked (see [`Doc::speaks_for`]).
    ties: RefCell<Map<(EntityId, bool), Option<EntityId>>>,
    /// For each quote of `ann`, the furthest byte it or any quote before
    /// it reaches, made when first asked (see [`Doc::quotes_reaching`]).
    quote_reach: OnceCell<Vec<usize>>,
}

impl Deref for Doc<'_> {
    type Target = Prepared;

    fn deref(&self) -> &Prepared {
        self.prep
    }
}

impl Prepared {
    /// Index of the sentence of token `i`.
    pub fn sent(&self, i: usize) -> Option<usize> {
        self.toks.get(i).map(|t| t.sent())
    }

    /// Index into [`Prepared::marks`] of the quotation token `i` stands
    /// inside, if any.
    pub fn quote(&self, i: usize) -> Option<usize> {
        self.quote_from(&mut Cursor::default(), i)
    }

    /// [`Prepared::quote`], searching on from where `cursor` last found
    /// one: cheap for tokens asked about in order.
    pub fn quote_from(&self, cursor: &mut Cursor, i: usize) -> Option<usize> {
        let at = self.toks.get(i)?.start();
        // Quotations come in order and never overlap.
        let k = cursor.seek(&self.marks, at, |m, at| m.inner.start <= at);
        k.checked_sub(1)
            .filter(|&k| self.marks[k].inner.contains(at))
    }

    /// Records the passages in the text's own voice, in order.
    pub fn set_voice(&mut self, turns: Vec<Turn>) {
        self.voice = turns;
    }

    /// The passage in the text's own voice holding token `i`, outside
    /// quotation marks, if any.
    pub fn voiced(&self, i: usize) -> Option<&Turn> {
        let at = self.toks.get(i)?.start();
        let k = self.voice.partition_point(|t| t.span.start <= at);
        k.checked_sub(1)
            .map(|k| &self.voice[k])
            .filter(|t| t.span.contains(at) && self.quote(i).is_none())
    }

    /// Adds the `spans` of headings a document's structure names (its
    /// Markdown or HTML headings) to the headlines found by their shape.
    pub fn add_headings(&mut self, spans: &[Span]) {
        if spans.is_empty() {
            return;
        }
        self.headings.extend_from_slice(spans);
        self.headings.sort_by_key(|s| (s.start, s.end));
        self.headings.dedup_by(|b, a| {
            let joined = b.start <= a.end;
            if joined {
                a.end = a.end.max(b.end);
            }
            joined
        });
    }

    /// True when token `i` lies in a headline or byline: a line to find
    /// names in, but no commitment.
    pub fn in_heading(&self, i: usize) -> bool {
        let Some(at) = self.toks.get(i).map(|t| t.start()) else {
            return false;
        };
        let k = self.headings.partition_point(|h| h.start <= at);
        k.checked_sub(1)
            .is_some_and(|k| self.headings[k].contains(at))
    }

    /// [`Prepared::in_heading`], searching on from where `cursor` last
    /// found one: cheap for tokens asked about in order.
    pub fn in_heading_from(&self, cursor: &mut Cursor, i: usize) -> bool {
        let Some(at) = self.toks.get(i).map(|t| t.start()) else {
            return false;
        };
        // Headings come in order and never overlap.
        let k = cursor.seek(&self.headings, at, |h, at| h.start <= at);
        k.checked_sub(1)
            .is_some_and(|k| self.headings[k].contains(at))
    }
}

impl<'a> Doc<'a> {
    /// The act stages' view of `text`, its annotations so far and its
    /// preparation.
    pub fn new(text: &'a str, ann: &'a Annotations, prep: &'a Prepared) -> Self {
        Doc {
            text,
            ann,
            prep,
            ties: RefCell::default(),
            quote_reach: OnceCell::new(),
        }
    }

    /// The quotes that start before byte `at`, from the first that ends
    /// after byte `lo` or has one before it that does: every quote
    /// before those ends at or before `lo`. Found by two binary searches,
    /// where walking the quotes from the first would make a scan of a
    /// long document's quotes for every question.
    pub fn quotes_reaching(&self, lo: usize, at: usize) -> &'a [Quote] {
        let qs = &self.ann.quotes;
        let reach = self.quote_reach.get_or_init(|| {
            qs.iter()
                .scan(0, |far, q| {
                    *far = q.span.end.max(*far);
                    Some(*far)
                })
                .collect()
        });
        let from = reach.partition_point(|&r| r <= lo);
        let upto = qs.partition_point(|q| q.span.start < at);
        qs.get(from..upto).unwrap_or_default()
    }

    /// The organisation `person` speaks for, as the text ties them (see
    /// [`affiliation::speaks_for`]), found once per person: that reads
    /// every name mention of the person until one ties them, which for a
    /// person named often and tied nowhere is all of them.
    pub fn speaks_for(&self, person: EntityId) -> Option<EntityId> {
        self.tie(person, false)
    }

    /// The organisation `person` represents as an officer (see
    /// [`affiliation::represents`]), found once per person.
    pub fn represents(&self, person: EntityId) -> Option<EntityId> {
        self.tie(person, true)
    }

    /// [`Doc::speaks_for`], or with `officer` [`Doc::represents`].
    fn tie(&self, person: EntityId, officer: bool) -> Option<EntityId> {
        if let Some(&org) = self.ties.borrow().get(&(person, officer)) {
            return org;
        }
        let (text, toks, ann) = (self.text, &self.prep.toks, self.ann);
        let org = if officer {
            affiliation::represents(text, toks, ann, person)
        } else {
            affiliation::speaks_for(text, toks, ann, person)
        };
        self.ties.borrow_mut().insert((person, officer), org);
        org
    }

    /// The part-of-speech tag of token `i` (`X` out of range). A question
    /// about a token not yet tagged tags its sentence from where it was
    /// left up to that token: the act stages tag only the sentences their
    /// cues lead them to, and only as far as they read.
    pub fn tag(&self, i: usize) -> Tag {
        if i >= self.toks.len() {
            return Tag::X;
        }
        let mut tags = self.prep.tags.borrow_mut();
        if tags.of_token.is_empty() {
            tags.of_token.resize(self.toks.len(), None);
        }
        if let Some(t) = tags.of_token[i] {
            return t;
        }
        let r = sentence_range(&self.toks, i);
        let Tags { of_token, known } = &mut *tags;
        tagger::tag_through_with(
            self.text,
            &self.toks[r.clone()],
            &mut of_token[r.clone()],
            i - r.start,
            known,
        );
        tags.of_token[i].unwrap_or(Tag::X)
    }

    /// The paragraph index of token `i`.
    pub fn para(&self, i: usize) -> usize {
        self.sent(i).map_or(0, |s| self.para_starts.rank(s + 1))
    }

    /// The index of the token starting at or covering `byte`, if any.
    pub fn token_at(&self, byte: usize) -> Option<usize> {
        token_at(&self.toks, byte)
    }
    /// The mention that token `i` starts in or opens, if any.
    pub fn mention_of(&self, i: usize) -> Option<&'a Mention> {
        let t = self.toks.get(i)?;
        self.ann
            .mention_at(t.start())
            .map(|m| &self.ann.mentions[m])
    }

    /// The lowercased text of token `i` (empty when out of range).
    // Always inlined, as the look-up it passes on (see `Lowered::get`):
    // the act stages ask for millions of words, and the call cost as
    // much as the look-up.
    #[inline(always)]
    pub fn low(&self, i: usize) -> &'a str {
        self.prep.lowered.get(self.text, &self.prep.toks, i)
    }

    /// The original text of token `i` (empty when out of range).
    pub fn word(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .map_or("", |t| self.text.get(t.start()..t.end()).unwrap_or(""))
    }

    /// True when token `i` is a lowercase word of more than three letters
    /// in -ed: a past verb form ("expected", "supported").
    pub fn is_past_form(&self, i: usize) -> bool {
        let w = self.low(i);
        self.word(i).starts_with(char::is_lowercase) && w.len() > 3 && w.ends_with("ed")
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind() != TokenKind::Punct)
    }

    /// True when token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        matches!(self.low(i), "\"" | "“" | "”" | "„" | "«" | "»" | "‘" | "’")
    }

    /// The token range of the sentence holding token `i`, cut to at most
    /// [`WINDOW`] tokens on either side of `i` so that no rule scans a
    /// runaway sentence (a text without stops) more than a bounded amount.
    pub fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        if i >= self.toks.len() {
            return 0..0;
        }
        let lo = i.saturating_sub(WINDOW);
        let hi = i.saturating_add(WINDOW + 1).min(self.toks.len());
        let r = sentence_range(&self.toks[lo..hi], i - lo);
        lo + r.start..lo + r.end
    }

    /// The token range of the whole sentence holding token `i` (empty when
    /// there is no token `i`).
    pub fn whole_sentence(&self, i: usize) -> std::ops::Range<usize> {
        sentence_range(&self.toks, i)
    }

    /// True when token `i` is the first on its line (see
    /// [`segment::opens_line`]): a line break lies in the gap before it.
    pub fn opens_line(&self, i: usize) -> bool {
        segment::opens_line(self.text, &self.toks, i)
    }

    /// True when token `i` is the first of its sentence.
    pub fn starts_sentence(&self, i: usize) -> bool {
        i == 0 || self.sent(i - 1) != self.sent(i)
    }

    /// True when token `i` is a closing quotation mark after a clause end
    /// ("…,” she said) rather than after a quoted fragment ("“aimed at X”
    /// and …").
    fn ends_clause(&self, i: usize) -> bool {
        if !self.is_mark(i) {
            return false;
        }
        let before = self.low(i.saturating_sub(1));
        let after = self.low(i + 1);
        let sent_end = self.sentence_of(i).end;
        matches!(before, "," | "." | "?" | "!" | "…")
            || i + 1 >= sent_end
            || matches!(after, "," | "." | ";")
    }

    /// The token after a phrase of time opening at token `k` ("on
    /// Tuesday", "on Monday night", "on March 3", "last week", "in 2019",
    /// "in March", "yesterday"), or `k` when none opens there.
    pub fn after_time_phrase(&self, k: usize) -> usize {
        if matches!(self.low(k), "yesterday" | "today") {
            return k + 1;
        }
        let opens = matches!(
            self.low(k),
            "on" | "in" | "last" | "this" | "next" | "earlier"
        );
        let w = self.word(k + 1);
        let time = LEXICON.non_names.contains(w)
            || words::TIME_UNITS.contains(self.low(k + 1))
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
        if !(opens && self.is_word(k + 1) && time) {
            return k;
        }
        let mut end = k + 2;
        let day = self.low(end);
        if !day.is_empty() && day.len() <= 2 && day.bytes().all(|b| b.is_ascii_digit()) {
            end += 1;
        }
        if matches!(self.low(end), "morning" | "afternoon" | "evening" | "night") {
            end += 1;
        }
        end
    }

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.start(), y.end()),
            _ => Span::default(),
        }
    }

    /// The first speech verb among the next `n` words from token `k`, if
    /// only words come before it ("and the company said").
    fn speech_verb_within(&self, k: usize, n: usize) -> bool {
        (k..k + n)
            .take_while(|&t| self.is_word(t))
            .any(|t| words::SPEECH_VERBS.contains_key(self.low(t)))
    }

    /// True when tokens from `k` to the sentence end `end` are a reporting
    /// tail: a few words naming a speaker, a speech verb, and nothing after
    /// it but punctuation or a time ("…, the chancellor said on Tuesday.").
    fn reporting_tail(&self, k: usize, end: usize) -> bool {
        let Some(v) = (k + 1..end.min(k + 6))
            .take_while(|&t| self.is_word(t))
            .find(|&t| self.speech_verb_after(t))
            .or_else(|| self.apposed_speaker_verb(k, end))
        else {
            return false;
        };
        let words_after = (v + 1..end).filter(|&t| self.is_word(t)).count();
        words_after == 0
            || (words_after <= 3
                && matches!(
                    self.low(v + 1),
                    "on" | "in" | "last" | "this" | "yesterday" | "today" | "late" | "early"
                ))
    }

    /// True when token `t` (past the first) is a speech verb, not a noun
    /// after a determiner ("the state health secretary").
    fn speech_verb_after(&self, t: usize) -> bool {
        words::SPEECH_VERBS.contains_key(self.low(t))
            && !words::DETERMINERS.contains(self.low(t - 1))
    }

    /// For a tail from token `k` naming its speaker with an apposed name,
    /// "…, a spokeswoman for the board, Claire Odum, said": the speech verb
    /// right after the comma closing the name. Words and exactly two
    /// commas stand before it, and a capital opens the name (a list's last
    /// items, "…, a road, a school, officials said", end in no such name
    /// and comma).
    fn apposed_speaker_verb(&self, k: usize, end: usize) -> Option<usize> {
        const MAX_TAIL: usize = 16;
        let v = (k + 1..end.min(k + MAX_TAIL))
            .take_while(|&t| self.is_word(t) || self.low(t) == ",")
            .find(|&t| self.speech_verb_after(t))?;
        let commas: Vec<usize> = (k + 1..v).filter(|&t| self.low(t) == ",").collect();
        (commas.len() == 2
            && commas[1] == v - 1
            && commas[0] > k + 1
            && self.word(commas[0] + 1).starts_with(char::is_uppercase))
        .then_some(v)
    }

    /// True when a conjunction at token `k` opens a clause with a subject of
    /// its own by the part-of-speech tags ("…, and a spokesman for the
    /// charity said …"), not a list's last item ("…, and cleaners") or a
    /// second verb of the same subject ("…, and hire cooks").
    fn new_clause_after(&self, k: usize, end: usize) -> bool {
        if !matches!(self.low(k), "and" | "but" | "while" | "whereas" | "yet") {
            return false;
        }
        let subject =
            |t: Tag| matches!(t, Tag::Det | Tag::Propn | Tag::Pron | Tag::Noun | Tag::Num);
        subject(self.tag(k + 1))
            && (k + 2..end.min(k + 16)).any(|v| {
                self.tag(v).is_verbal() && (self.tag(v - 1).is_nominal() || self.low(v - 1) == ",")
            })
    }

    /// True when a time phrase that opens a new clause starts at token `k`
    /// ("…, two days after crowds gathered", "…, a week before the vote").
    fn time_aside(&self, k: usize) -> bool {
        let time_noun = words::TIME_UNITS.contains(self.low(k + 1));
        let relation = matches!(
            self.low(k + 2),
            "after" | "before" | "later" | "earlier" | "since" | "ago"
        );
        time_noun
            && relation
            && (self
                .toks
                .get(k)
                .is_some_and(|t| t.kind() == TokenKind::Number)
                || matches!(
                    self.low(k),
                    "a" | "one" | "two" | "three" | "four" | "five" | "six" | "several" | "few"
                ))
    }

    /// The end of the act whose content starts at token `a`: its clause's
    /// end ([`Doc::clause_end`]), cut before a participle phrase telling
    /// what followed ("promised to sign the deal, leading observers to …"),
    /// which is no part of what was committed (a reported clause keeps it:
    /// the source reported it).
    pub fn act_end(&self, a: usize) -> usize {
        let end = self.clause_end(a);
        (a + 1..end)
            .find(|&k| self.low(k) == "," && self.participle_aside(k + 1))
            .unwrap_or(end)
    }

    /// True when a participle phrase telling what followed starts at token
    /// `k` ("…, leading observers to speculate …", "…, prompting calls
    /// for …"): a lowercase word in -ing the tagger takes for a verb.
    fn participle_aside(&self, k: usize) -> bool {
        let w = self.word(k);
        w.len() > 4
            && w.ends_with("ing")
            && w.starts_with(char::is_lowercase)
            && self.tag(k) == Tag::Verb
    }

    /// The end (exclusive token index) of the clause starting at token `a`:
    /// the end of its sentence, cut before a semicolon, before the closing
    /// mark of the quotation `a` stands in, or before a comma that opens a
    /// new clause (", which", ", according to", ", he said"); trailing
    /// punctuation and quotation marks are left out.
    pub fn clause_end(&self, a: usize) -> usize {
        let sent = self.sentence_of(a);
        let quote = self.quote(a);
        let mut end = sent.end;
        let mut i = a;
        while i < sent.end {
            let w = self.low(i);
            if w == ";"
                || w == ":"
                || (quote.is_some() && self.quote(i) != quote && self.ends_clause(i))
            {
                end = i;
                break;
            }
            // "said A and added B", "said A but warned that B": the second
            // report is a clause of its own.
            let and_said = matches!(w, "and" | "but")
                && i > a
                && (words::SPEECH_VERBS.contains_key(self.low(i + 1))
                    || words::REPORTING_OR_COMMITTING.contains(self.low(i + 1)));
            if and_said
                || (w == ","
                    && i > a
                    && (words::CLAUSE_OPENERS.contains(self.low(i + 1))
                        || (matches!(self.low(i + 1), "and" | "but")
                            && self.speech_verb_within(i + 2, 5))
                        || self.reporting_tail(i + 1, sent.end)
                        || self.time_aside(i + 1)
                        || self.new_clause_after(i + 1, sent.end)))
            {
                end = i;
                break;
            }
            i += 1;
        }
        while end > a && !self.is_word(end - 1) {
            end -= 1;
        }
        end
    }
}

impl Prepared {
    /// Takes over the tokens of `text` (from [`crate::annotate::segment`])
    /// with their paragraphs and quotations (from the one quotation pass).
    pub fn new(text: &str, toks: Vec<Token>, quotations: Quotations) -> Self {
        let Quotations { para_starts, marks } = quotations;
        Prepared {
            lowered: Lowered::new(text, &toks),
            headings: headings::by_shape(text, &toks),
            toks,
            para_starts,
            marks,
            tags: RefCell::default(),
            voice: Vec::new(),
        }
    }
}

/// The index of the token of `toks` starting at or covering `byte`, if any.
fn token_at(toks: &[Token], byte: usize) -> Option<usize> {
    let i = toks.partition_point(|t| t.end() <= byte);
    covers(toks, i, byte)
}

/// `Some(i)` when token `i` starts at or before `byte` (it ends after it).
fn covers(toks: &[Token], i: usize, byte: usize) -> Option<usize> {
    toks.get(i).filter(|t| t.start() <= byte).map(|_| i)
}
