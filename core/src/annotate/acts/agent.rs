//! Agents: the speaker of a quote or the actor of a commitment. Finds the
//! subject noun phrase of a verb (skipping auxiliaries, adverbs and an
//! apposition), the noun phrase after an inverted verb ("said Smith"), and
//! resolves a phrase to an entity: through its mentions, through the issuer
//! of a document ("the statement" → the ministry that released it), or a
//! pronoun to the nearest fitting earlier actor.

use std::ops::Range;
use std::sync::LazyLock;

use super::doc::{Doc, WINDOW};
use crate::annotate::descriptions::organization_noun;
use crate::annotate::first_person;
use crate::annotate::learn::tagger::Tag;
use crate::annotate::lexicon::{Gender, LEXICON, set};
use crate::annotate::words::{
    BETWEEN_SUBJECT_AND_VERB, DETERMINERS, DOCUMENT_NOUNS, PRONOUNS, PronounClass, RELATION_NOUNS,
    SPEECH_VERBS, SUBJECT_ADVERBS, SUBJECT_BREAKERS, SpeechUse, TIME_UNITS, WordSet, is_ly_adverb,
};
use crate::model::{Entity, EntityId, EntityKind, Mention, MentionForm, Quote, QuoteKind};

/// Verbs by which an actor issues a document.
pub static ISSUE_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../lexicon/issue_verbs.txt")));

/// How far back (in tokens) a document's issuer or a pronoun's referent is
/// looked for.
const LOOKBACK: usize = 1500;

/// How many words after a document noun's participle its "by" may come
/// ("a report published last week by …").
const PARTICIPLE_REACH: usize = 4;

/// Nouns naming what a court or a judge issues.
static JUDICIAL_DOCUMENTS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../lexicon/judicial_documents.txt")));

/// Nouns naming a court or a judge.
static JUDICIAL_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../lexicon/judicial_nouns.txt")));

/// How many mentions back "the company" looks for the organization it
/// stands for (an article's worth: news articles hold a few hundred).
const DESCRIBED_WINDOW: usize = 800;

/// Longest noun phrase taken as a subject or an inverted speaker, in tokens.
const MAX_NP: usize = 10;

/// Prepositions that may attach a phrase to a subject noun ("posts on the
/// board", "the letter from Kim", "a report by the inspectorate into the
/// incident").
const POSTMODIFIER_PREPOSITIONS: [&str; 9] = [
    "on", "for", "from", "at", "in", "with", "by", "about", "into",
];

/// True for a quantifier that may stand alone as a subject, a pronoun
/// ("Another said …", "Many said …"), unlike a demonstrative ("That
/// said, …").
pub fn is_standing_quantifier(w: &str) -> bool {
    matches!(
        w,
        "another"
            | "others"
            | "some"
            | "many"
            | "most"
            | "several"
            | "few"
            | "both"
            | "each"
            | "one"
    )
}

/// Who speaks or acts: an entity, or else the words as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agent {
    /// The entity, when one fits.
    pub entity: Option<EntityId>,
    /// The words as written, when no entity fits.
    pub name: Option<String>,
}

impl Agent {
    /// The agent that is entity `e`.
    pub fn of(e: EntityId) -> Agent {
        Agent {
            entity: Some(e),
            name: None,
        }
    }

    /// True when the agent names anyone at all.
    pub fn is_known(&self) -> bool {
        self.entity.is_some() || self.name.is_some()
    }

    /// This agent, or `f()` when it names no one.
    fn or(self, f: impl FnOnce() -> Agent) -> Agent {
        if self.is_known() { self } else { f() }
    }
}

/// The subject found before a verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// Its tokens.
    pub np: Range<usize>,
    /// An apposition between subject and verb ("the coach, Maria Lind,").
    pub appos: Option<Range<usize>>,
    /// The head noun phrase, when phrases are attached to it ("Posts" of
    /// "Posts on the board from Friday").
    pub head: Option<Range<usize>>,
    /// True when a negation stands between subject and verb.
    pub negated: bool,
}

impl Doc<'_> {
    /// True when token `i` is a capitalised word.
    fn capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when token `t` is a lone capitalised word opening its sentence
    /// right before the verb `verb` (past auxiliaries and adverbs), and no
    /// function word ("Many", "Most"): a name, whatever the tagger takes it
    /// for ("Young vowed", "Rice said", "Long has said").
    fn lone_name(&self, t: usize, verb: usize) -> bool {
        let w = self.word(t);
        t == self.sentence_of(t).start
            && t < verb
            && self.capitalised(t)
            && !self.is_past_form(t)
            && !matches!(self.low(t), "not" | "never")
            && !LEXICON.function_words.contains(w)
            && !LEXICON.non_names.contains(w)
            && (t + 1..verb).all(|k| {
                let b = self.low(k);
                BETWEEN_SUBJECT_AND_VERB.contains(b) || is_ly_adverb(b)
            })
    }

    /// The subject noun phrase of the verb at token `verb`, in its sentence.
    pub fn subject_before(&self, verb: usize) -> Option<Subject> {
        let floor = self.sentence_of(verb).start;
        let mut j = verb;
        let mut negated = false;
        while j > floor {
            let w = self.low(j - 1);
            // "not", "never", and a negated auxiliary written as one token
            // ("wouldn't", "didn’t").
            if matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t") {
                negated = true;
            } else if !(BETWEEN_SUBJECT_AND_VERB.contains(w)
                || SUBJECT_ADVERBS.contains(w)
                || is_ly_adverb(w)
                || self.is_mark(j - 1))
            {
                break;
            }
            j -= 1;
        }
        if j > floor + 1 && matches!(self.low(j - 1), "who" | "which") {
            // "Smith, who had told …": the relative pronoun's antecedent.
            j -= 1;
            if self.low(j - 1) == "," {
                j -= 1;
            }
            let np = self.np_before(j.checked_sub(1)?, floor)?;
            return Some(Subject {
                np,
                appos: None,
                head: None,
                negated,
            });
        }
        let mut appos = None;
        if j > floor && matches!(self.low(j - 1), "," | ")") {
            // An apposition or parenthesis: "Sanders, the press secretary, said",
            // "Smith, director of X, and chair of Y, says".
            let (k, np) = self.before_apposition(j - 1, floor)?;
            appos = Some(k + 1..j - 1);
            // "Its report on a dispute in the city, published in 2024,
            // recommended": the document heads the subject, not the city.
            let lead = self.postmodified(np.clone(), floor).start;
            if let Some(h) = (lead + 1..np.start)
                .find(|&p| POSTMODIFIER_PREPOSITIONS.contains(&self.low(p)))
                .filter(|&h| DOCUMENT_NOUNS.contains(self.low(h - 1)))
            {
                return Some(Subject {
                    np: lead..np.end,
                    appos,
                    head: Some(lead..h),
                    negated,
                });
            }
            return Some(Subject {
                np,
                appos,
                head: None,
                negated,
            });
        }
        if j == floor {
            // "Long said …", "Still vowed …": a surname that is also an
            // adverb, opening the sentence right before its verb.
            return self.lone_name(floor, verb).then(|| Subject {
                np: floor..floor + 1,
                appos: None,
                head: None,
                negated: false,
            });
        }
        // "Its statement to us says": an object pronoun is never the
        // subject; the noun its preposition modifies is.
        let object = j >= floor + 3
            && matches!(self.low(j - 1), "me" | "us" | "him" | "them")
            && self.tag(j - 2) == Tag::Adp;
        let mut np = match self.contact_antecedent(j, floor) {
            Some(np) => np,
            None => self.np_before(if object { j - 3 } else { j - 1 }, floor)?,
        };
        // "Families of the two traders who died say", "The paramedics who
        // met them at the door said": a relative clause ends the subject;
        // its antecedent speaks, not a noun inside it. Without a noun in
        // the clause ("who died") "that" opens it too; with one, only
        // "who" or "which" followed by a verb does.
        let verbs_only = !np.clone().any(|k| self.tag(k).is_nominal());
        if let Some(r) = (floor + 1..np.start)
            .rev()
            .take(if verbs_only { 4 } else { 10 })
            .take_while(|&k| self.is_word(k))
            .find(|&k| match self.low(k) {
                // "which downstream countries had demanded": the noun
                // phrase right after the pronoun is the clause's subject.
                "who" | "which" => verbs_only || (k + 1 < np.start && self.tag(k + 1) == Tag::Verb),
                "that" => verbs_only,
                _ => false,
            })
        {
            np = self.np_before(r - 1, floor)?;
        }
        // "Posts on the board from Friday theorized": the subject is the
        // whole phrase from the start of the sentence (or of the clause
        // after a comma), headed by its first noun phrase.
        let mut longer = np.clone();
        // "Leaders of the eight countries of the Orun basin": an "of"
        // chain is kept only once a noun of people heads it.
        let mut reach = np.start;
        for _ in 0..3 {
            let p = reach;
            // "Prime Minister Karl Dorn of Velland said": the person, whose
            // "of" phrase only tells where from.
            // "Leaders of the eight countries", "Residents of Kharkiv": the
            // people of a place or body, whom the "of" phrase belongs to.
            let people_of = || {
                let w = self.low(p - 2);
                crate::annotate::words::PEOPLE_OF.contains(w)
                    || w.strip_suffix('s')
                        .is_some_and(|one| LEXICON.role_nouns.contains(one))
            };
            if p < floor + 2 {
                break;
            }
            let of = self.low(p - 1) == "of";
            let attached = POSTMODIFIER_PREPOSITIONS.contains(&self.low(p - 1))
                || (of && (self.person_name_ending_at(p - 2).is_some() || people_of()));
            if !attached && !of {
                break;
            }
            match self.np_before(p - 2, floor) {
                Some(head) => {
                    reach = head.start;
                    if attached {
                        longer = head.start..np.end;
                    }
                }
                None => break,
            }
        }
        let mut head = None;
        // The phrase opens its sentence or clause: after a comma, a colon
        // (a speaker label: "Q: Residents on Tanner Road say") or a
        // dateline's dash, or a clause joined by ", and" / ", but" ("…,
        // and our school in Fellham will double …").
        let joined = longer.start >= floor + 2
            && matches!(self.low(longer.start - 1), "and" | "but")
            && self.low(longer.start - 2) == ",";
        let opens = longer.start == floor
            || joined
            || matches!(self.low(longer.start - 1), "," | ":" | "—" | "–");
        if longer.start != np.start && opens {
            let first_break = (longer.start..np.end)
                .find(|&k| POSTMODIFIER_PREPOSITIONS.contains(&self.low(k)))
                .unwrap_or(np.end);
            head = Some(longer.start..first_break);
            np = longer;
        }
        // "Nobody has ever said …", "No official would say …": a negative
        // subject negates the verb as "not" does.
        let negated = negated || matches!(self.low(np.start), "nobody" | "none" | "neither" | "no");
        Some(Subject {
            np,
            appos,
            head,
            negated,
        })
    }

    /// For an apposition or parenthesis closing at token `close`: the token
    /// opening it and the noun phrase before that. Among several commas the
    /// one whose noun phrase opens the sentence wins, else the nearest.
    fn before_apposition(&self, close: usize, floor: usize) -> Option<(usize, Range<usize>)> {
        let paren = self.low(close) == ")";
        let open = if paren { "(" } else { "," };
        let reach = if paren { 18 } else { 40 };
        let lo = floor.max(close.saturating_sub(reach));
        let mut nearest = None;
        for k in (lo..close).rev().filter(|&k| self.low(k) == open) {
            if k == floor || !self.is_word(k - 1) {
                continue;
            }
            let Some(np) = self
                .np_before(k - 1, floor)
                .or_else(|| self.contact_clause(floor, k))
            else {
                continue;
            };
            // "…, a spokeswoman for the board, Claire Odum, said": the phrase
            // opens at its head, "a spokeswoman".
            let lead = self.postmodified(np.clone(), floor).start;
            let opens = lead == floor || (!self.is_word(lead - 1) && self.low(lead - 1) != ",");
            if opens {
                return Some((k, np));
            }
            if nearest.is_none() && close - k <= 18 {
                nearest = Some((k, np));
            }
            if paren {
                break;
            }
        }
        if nearest.is_none() && !paren && close - floor <= 12 {
            // "Lydia Smith for the Food Agency, says": the whole opening phrase.
            let phrase = (floor..close).all(|k| {
                self.is_word(k)
                    && !SPEECH_VERBS.contains_key(self.low(k))
                    && (!SUBJECT_BREAKERS.contains(self.low(k))
                        || matches!(self.low(k), "for" | "at" | "from" | "with"))
            });
            if phrase && close > floor {
                return Some((close, floor..close));
            }
        }
        nearest
    }

    /// The noun phrase a relative clause without a pronoun follows, right
    /// before token `j` ("Nurses I met in Arbroath last week told me",
    /// "Officials we spoke to said"): a subject pronoun after a noun, with
    /// a verb of its own before `j` that lacks its object. Its clause
    /// names no subject of `j`.
    fn contact_antecedent(&self, j: usize, floor: usize) -> Option<Range<usize>> {
        let p = (floor + 1..j)
            .rev()
            .take(10)
            .take_while(|&k| self.is_word(k))
            .find(|&k| matches!(self.low(k), "i" | "we" | "you" | "they" | "he" | "she"))?;
        let noun_before = matches!(self.tag(p - 1), Tag::Noun | Tag::Propn);
        // The clause's verb lacks its object: "met in …", "spoke to",
        // "published" right before `j`; "you said the council would …"
        // has one, and the noun phrase is the subject.
        let gap = (p + 1..j)
            .find(|&k| self.tag(k) == Tag::Verb)
            .is_some_and(|v| {
                let next = v + 1;
                next == j
                    || matches!(self.tag(next), Tag::Adp | Tag::Adv | Tag::Part)
                    || self.after_time_phrase(next) > next
            });
        if noun_before && gap {
            self.np_before(p - 1, floor)
        } else {
            None
        }
    }

    /// "The officer I spoke to" before the comma at token `comma`: a noun
    /// phrase opening its sentence at `floor` with a determiner, whose
    /// relative clause without a pronoun ends in a stranded preposition.
    /// The whole phrase.
    fn contact_clause(&self, floor: usize, comma: usize) -> Option<Range<usize>> {
        let last = comma.checked_sub(1)?;
        let stranded = matches!(self.low(last), "to" | "with" | "for" | "about" | "from");
        let short = comma > floor + 3 && comma - floor <= 8;
        (stranded
            && short
            && DETERMINERS.contains(self.low(floor))
            && (floor..comma).all(|k| self.is_word(k) && !SPEECH_VERBS.contains_key(self.low(k))))
        .then_some(floor..comma)
    }

    /// The phrase `np` with the noun phrase it postmodifies: "a spokeswoman
    /// for the board" for "the board", "the head of research at the
    /// institute" for "the institute" (a preposition of
    /// [`POSTMODIFIER_PREPOSITIONS`] between them, at most two of them).
    pub fn postmodified(&self, mut np: Range<usize>, floor: usize) -> Range<usize> {
        for _ in 0..2 {
            let p = np.start;
            if p < floor + 2
                || !POSTMODIFIER_PREPOSITIONS.contains(&self.low(p - 1))
                || !self.is_word(p - 2)
            {
                break;
            }
            match self.np_before(p - 2, floor) {
                Some(head) => np = head.start..np.end,
                None => break,
            }
        }
        np
    }

    /// The actor of the main clause of the sentence holding token `v`: the
    /// noun phrase at its first word outside quotes, or, for a `v` inside a
    /// quotation, at the first word of that quotation in the sentence ("He
    /// looked me in the eye and promised …": he).
    pub fn main_subject(&self, v: usize) -> Option<Agent> {
        let sent = self.sentence_of(v);
        let quote = self.quote(v);
        let ours = |i: usize| self.quote(i) == quote && self.is_word(i);
        let mut first = (sent.start..v).find(|&i| ours(i))?;
        if first == sent.start {
            let after = self.after_dateline(first, v);
            first = (after..v).find(|&i| ours(i))?;
        }
        // Skip an opening phrase: "On Monday, the firm …".
        for _ in 0..2 {
            if !SUBJECT_BREAKERS.contains(self.low(first)) {
                break;
            }
            let comma = (first..v).find(|&i| self.low(i) == "," && self.quote(i) == quote)?;
            first = (comma + 1..v).find(|&i| ours(i))?;
        }
        // Skip an opening phrase of time with no comma: "Two years ago the
        // minister …", "Last week the board …".
        if let Some(after) = self.time_phrase_end(first).filter(|&a| a < v) {
            first = (after..v).find(|&i| ours(i) && self.low(i) != ",")?;
        }
        // A subject pronoun is the whole subject ("He thanked Germany …").
        let np = if matches!(self.low(first), "he" | "she" | "they" | "it" | "we" | "i") {
            Some(first..first + 1)
        } else {
            // Cut at a verb right after a name: "Ivo Brandt thanked Norland"
            // is Ivo Brandt's; "Facebook co-founder Mark Zuckerberg tweeted"
            // Zuckerberg's.
            self.np_after(first).map(|np| {
                // "the company apologised to …" too, by the tags: a past
                // verb right after a noun.
                let verb = (np.start + 1..np.end).find(|&k| {
                    let w = self.word(k);
                    let lower = w.starts_with(|c: char| c.is_lowercase());
                    let after_name = self.capitalised(k - 1)
                        && lower
                        && w.len() > 3
                        && (w.ends_with("ed") || w.ends_with('s'));
                    let past_after_noun = lower
                        && self.is_past_form(k)
                        && self.tag(k) == Tag::Verb
                        && self.tag(k - 1).is_nominal();
                    after_name || past_after_noun
                });
                np.start..verb.unwrap_or(np.end)
            })
        };
        // "The Conservative leader, Kemi Badenoch, …": the person named.
        if let Some((e, _)) = np.as_ref().and_then(|np| self.apposed_actor(np)) {
            return Some(Agent::of(e));
        }
        let agent = np.map(|np| self.resolve(&np));
        match agent {
            Some(a) if a.is_known() && !SUBJECT_BREAKERS.contains(self.low(first)) => Some(a),
            _ => self.nearest_in_sentence(v),
        }
    }

    /// The token after a phrase of time opening at token `first`: a
    /// word of number or quantity, a noun of time and "ago", "later" or
    /// "earlier" ("Two years ago", "A week later"), or "last", "this" or
    /// "next" and a noun of time ("Last week").
    fn time_phrase_end(&self, first: usize) -> Option<usize> {
        if !TIME_UNITS.contains(self.low(first + 1)) {
            return None;
        }
        if matches!(self.low(first), "last" | "this" | "next") {
            return Some(first + 2);
        }
        (self.is_word(first) && matches!(self.low(first + 2), "ago" | "later" | "earlier"))
            .then_some(first + 3)
    }

    /// For a phrase `np` headed by a role ("the council's transport
    /// officer", "the city's waste contractor"), the person or
    /// organisation named in an apposition after it between commas (",
    /// Martin Kuyt,", ", Greenway Ltd,") and the token of its closing comma.
    /// The role may carry a short prepositional phrase before the comma
    /// ("The opposition's spokeswoman on employment, Rachel Osei,"), and
    /// the apposition may close its sentence ("said its director, Tomas
    /// Rieger."), where the token returned is the closing mark.
    pub fn apposed_actor(&self, np: &Range<usize>) -> Option<(EntityId, usize)> {
        if !self.role_headed(np) {
            return None;
        }
        let comma = self.comma_after_role(np.end)?;
        let a = self.np_after(comma + 1)?;
        let closes = self.low(a.end) == ","
            || (a.end < self.toks.len() && matches!(self.low(a.end), "." | "!" | "?"));
        if !closes {
            return None;
        }
        let e = self.entity_in(&a).filter(|&e| self.is_actor(e))?;
        Some((e, a.end))
    }

    /// The comma at token `t` after a role, or past a short prepositional
    /// phrase of words with no verb that modifies the role ("on
    /// employment", "for the agency"): at most six tokens.
    fn comma_after_role(&self, t: usize) -> Option<usize> {
        if self.low(t) == "," {
            return Some(t);
        }
        let w = self.low(t);
        if !(POSTMODIFIER_PREPOSITIONS.contains(&w) || w == "of") {
            return None;
        }
        let end = self.sentence_of(t).end.min(t + 7);
        (t + 1..end)
            .take_while(|&k| {
                self.low(k) == ","
                    || (self.is_word(k)
                        && !SPEECH_VERBS.contains_key(self.low(k))
                        && !self.tag(k).is_verbal())
            })
            .find(|&k| self.low(k) == ",")
            .filter(|&k| k > t + 1)
    }

    /// The agent an inverted speaker phrase names ("said its director,
    /// Tomas Rieger"): the person an apposition after a role names (see
    /// [`Doc::apposed_actor`]), else the phrase itself; with the token
    /// that ends the whole phrase.
    pub fn inverted_speaker(&self, np: &Range<usize>) -> (Agent, usize) {
        match self.apposed_actor(np) {
            Some((e, close)) => (Agent::of(e), close),
            None => (self.resolve(np), np.end),
        }
    }

    /// The first token after a dateline opening the sentence at token
    /// `start` ("GENEVA — The agency …", "AUSTIN, Texas (AP) — …"), looking
    /// no further than token `limit`; `start` itself when there is none.
    pub fn after_dateline(&self, start: usize, limit: usize) -> usize {
        let w = self.word(start);
        if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
            return start;
        }
        (start + 1..limit.min(start + 10))
            .find(|&i| matches!(self.low(i), "—" | "–" | "-"))
            .map_or(start, |dash| dash + 1)
    }

    /// The entity of the nearest actor (not a place) named before token `v`
    /// in its sentence, outside quotes.
    fn nearest_in_sentence(&self, v: usize) -> Option<Agent> {
        let sent = self.sentence_of(v);
        let floor = self.toks.get(sent.start)?.start();
        let at = self.toks.get(v)?.start();
        self.mentions_back(floor, at)
            .filter(|m| m.form != MentionForm::Demonym)
            .find(|m| {
                self.ann
                    .entities
                    .get(m.entity)
                    .is_some_and(|e| e.kind != EntityKind::Place)
            })
            .map(|m| Agent::of(m.entity))
    }

    /// True when the last token of `np` is a name of an actor (not a place)
    /// or a personal pronoun: the phrase names an agent, not a thing.
    pub fn names_agent(&self, np: &Range<usize>) -> bool {
        let last = np.end - 1;
        if PRONOUNS.contains_key(self.low(last)) {
            return true;
        }
        self.mention_of(last)
            .and_then(|m| self.ann.entities.get(m.entity))
            .is_some_and(|e| e.kind != EntityKind::Place)
    }

    /// True when token `i` is the bare apostrophe of a plural possessive
    /// inside a noun phrase: right after a word in -s that is no name and
    /// right before a lowercase word ("the farmers' union", "the workers’
    /// council"; not "Thomas' sister", who is someone else than Thomas).
    fn plural_possessive_mark(&self, i: usize) -> bool {
        matches!(self.low(i), "'" | "’")
            && i > 0
            && self.is_word(i - 1)
            && self.low(i - 1).ends_with('s')
            && self.mention_of(i - 1).is_none()
            && self.toks.get(i - 1).map(|t| t.end()) == self.toks.get(i).map(|t| t.start())
            && self.is_word(i + 1)
            && self.word(i + 1).starts_with(char::is_lowercase)
    }

    /// The noun phrase ending at token `last`, not reaching before `floor`.
    pub fn np_before(&self, last: usize, floor: usize) -> Option<Range<usize>> {
        if PRONOUNS.contains_key(self.low(last)) {
            return Some(last..last + 1);
        }
        // "They say adding …": "say" is a verb here, not a noun.
        if SPEECH_VERBS.contains_key(self.low(last))
            && last > floor
            && PRONOUNS.contains_key(self.low(last - 1))
            && !DETERMINERS.contains(self.low(last - 1))
        {
            return None;
        }
        let mut s = last + 1;
        while s > floor && last + 1 - s < MAX_NP {
            let i = s - 1;
            let w = self.low(i);
            let joins = self.is_word(i)
                || matches!(w, "&" | "'s" | "’s")
                || (i != last && self.plural_possessive_mark(i));
            if !joins {
                break;
            }
            // "the state health secretary": a speech verb's form right after
            // a determiner is a noun of the phrase.
            let noun_form = i > floor && DETERMINERS.contains(self.low(i - 1));
            if SUBJECT_BREAKERS.contains(w)
                || (i != last && SPEECH_VERBS.contains_key(w) && !noun_form)
            {
                break;
            }
            if w == "and" && !(i > floor && self.capitalised(i - 1) && self.capitalised(i + 1)) {
                break;
            }
            if i != last && PRONOUNS.contains_key(w) && !DETERMINERS.contains(w) {
                break;
            }
            s = i;
            if DETERMINERS.contains(w) {
                break;
            }
        }
        while s <= last && matches!(self.low(s), "of" | "and" | "'s" | "’s" | "&") {
            s += 1;
        }
        let np = s..last + 1;
        // "Another said …", "Many said …": a quantifier standing alone is a
        // pronoun, unlike a demonstrative ("That said, …").
        let contentful = np.clone().any(|i| !DETERMINERS.contains(self.low(i)))
            || (np.len() == 1 && is_standing_quantifier(self.low(s)));
        (s <= last && contentful).then_some(np)
    }

    /// The noun phrase starting at token `first` ("said the report", "according
    /// to Professor Smith"), within its sentence.
    pub fn np_after(&self, first: usize) -> Option<Range<usize>> {
        let end = self.sentence_of(first).end;
        let mut e = first;
        while e < end && e - first < MAX_NP {
            let w = self.low(e);
            let joins = self.is_word(e)
                || matches!(w, "&" | "'s" | "’s")
                || (e > first && self.plural_possessive_mark(e));
            if !joins {
                break;
            }
            // "urged member states to invest": a speech verb's form before
            // "to" + verb inside a phrase is a plural noun.
            let noun_form = e > first && self.low(e + 1) == "to" && self.is_word(e + 2);
            // "the report", "her reply": a speech word after a determiner
            // or a possessive is a noun of the phrase.
            let after_determiner = e > first
                && (DETERMINERS.contains(self.low(e - 1))
                    || matches!(self.low(e - 1), "'s" | "’s"));
            if (SUBJECT_BREAKERS.contains(w) && !(e == first && DETERMINERS.contains(w)))
                || (SPEECH_VERBS.contains_key(w) && !noun_form && !after_determiner)
                || (w == "and"
                    && !(self.capitalised(e + 1) && e > first && self.capitalised(e - 1)))
            {
                break;
            }
            e += 1;
        }
        let contentful = (first..e).any(|i| !DETERMINERS.contains(self.low(i)));
        (e > first && contentful).then_some(first..e)
    }

    /// Mentions (indices into `ann.mentions`) overlapping tokens `np`.
    fn mentions_in(&self, np: &Range<usize>) -> Range<usize> {
        let span = self.span(np.start, np.end);
        let ms = &self.ann.mentions;
        let a = ms.partition_point(|m| m.span.end <= span.start);
        let b = ms.partition_point(|m| m.span.start < span.end);
        a..b.max(a)
    }

    /// The entity a noun phrase names: its mention (the last one not a
    /// demonym, or the first one of joint actors "A and B"), keeping to the
    /// part before "of" when that part holds one.
    fn entity_in(&self, np: &Range<usize>) -> Option<EntityId> {
        let of = np
            .clone()
            .find(|&i| matches!(self.low(i), "of" | "for" | "at" | "from"));
        // "Prime Minister Karl Dorn of Velland": the person before "of".
        if let Some(e) = of
            .filter(|&o| o > np.start && self.low(o) == "of")
            .and_then(|o| self.person_name_ending_at(o - 1))
        {
            return Some(e);
        }
        let head = match of {
            Some(o) if !self.mentions_in(&(np.start..o)).is_empty() => np.start..o,
            // "Residents of Kharkiv", "fans of the club": people of a
            // place or a body, not the place or the body.
            Some(o)
                if o > np.start && crate::annotate::words::PEOPLE_OF.contains(self.low(o - 1)) =>
            {
                return None;
            }
            // "Leaders of the eight countries", "the mayor of Dunmere": the
            // holders of a role, not the body or place.
            Some(o) if o > np.start && self.role_of_place(o, np) => return None,
            _ => np.clone(),
        };
        // "Her lawyer", "his spokesman": the possessive pronoun only
        // modifies the head noun, whose bearer is someone else.
        let ms = self.mentions_in(&head);
        let ms = ms.start
            + (ms.clone())
                .take_while(|&m| self.possessive_modifier(m, np))
                .count()..ms.end;
        // "A and B", but not the "and" inside "Competition and Markets
        // Authority".
        let joint = head
            .clone()
            .any(|i| self.low(i) == "and" && self.ann.mention_at(self.toks[i].start()).is_none());
        // The head noun comes last: "Student Association president Sehar
        // Memon", "Secretary of State Mike Pompeo", "the letter from Kim";
        // a place at the end is a modifier ("Smith for New Zealand").
        let end = self.toks.get(np.end - 1).map_or(0, |t| t.end());
        let all = self.mentions_in(np);
        let all = all.start
            + (all.clone())
                .take_while(|&m| self.possessive_modifier(m, np))
                .count()..all.end;
        if !joint
            && let Some(m) = all.clone().next_back()
            && self.ann.mentions[m].span.end == end
            && self.ann.mentions[m].form != MentionForm::Demonym
            && self
                .ann
                .entities
                .get(self.ann.mentions[m].entity)
                .is_some_and(|e| e.kind != EntityKind::Place)
        {
            return Some(self.ann.mentions[m].entity);
        }
        let pick = |mut it: Box<dyn Iterator<Item = usize>>| {
            it.find(|&m| self.ann.mentions[m].form != MentionForm::Demonym)
        };
        let chosen = if joint {
            pick(Box::new(ms.clone()))
        } else {
            pick(Box::new(ms.clone().rev()))
        };
        chosen
            .or_else(|| ms.clone().next_back())
            .map(|m| self.ann.mentions[m].entity)
    }

    /// True when the word before the "of" at token `o` is a role noun in
    /// the plural (its holders are people: "Leaders of the eight
    /// countries", "officials of the union"), or in the singular with
    /// every mention in the rest of `np` a place ("the mayor of Dunmere").
    fn role_of_place(&self, o: usize, np: &Range<usize>) -> bool {
        let head = self.low(o - 1);
        if head
            .strip_suffix('s')
            .is_some_and(|one| LEXICON.role_nouns.contains(one))
        {
            return true;
        }
        let ms = self.mentions_in(&(o + 1..np.end));
        LEXICON.role_nouns.contains(head)
            && !ms.is_empty()
            && ms.clone().all(|m| {
                self.ann
                    .entities
                    .get(self.ann.mentions[m].entity)
                    .is_some_and(|e| e.kind == EntityKind::Place)
            })
    }

    /// True when mention `m` is a possessive pronoun opening the phrase
    /// `np` before its head noun ("her" of "her lawyer"; "my" or "your"
    /// only before a person's role or relation: "my predecessor", not "my
    /// office", which speaks for me).
    fn possessive_modifier(&self, m: usize, np: &Range<usize>) -> bool {
        let mention = &self.ann.mentions[m];
        let head = self.low(np.end - 1);
        let one = head.strip_suffix('s').unwrap_or(head);
        let person = |w: &str| {
            LEXICON.role_nouns.contains(w)
                || LEXICON.kinship_nouns.contains(w)
                || RELATION_NOUNS.contains(w)
        };
        mention.form == MentionForm::Pronoun
            && np.len() > 1
            && self.token_at(mention.span.start) == Some(np.start)
            && match self.low(np.start) {
                "his" | "her" | "its" | "their" => true,
                "my" | "our" | "your" => person(head) || person(one),
                _ => false,
            }
    }

    /// The noun phrase of an agent after the "by" at token `by`: none when
    /// it is a lone lowercase word in -ing ("homes hit by flooding", "reacted
    /// by proposing"), an event or a gerund rather than who acts.
    pub fn agent_after_by(&self, by: usize) -> Option<Range<usize>> {
        let np = self.np_after(by + 1)?;
        let w = self.word(np.start);
        let event =
            np.len() == 1 && w.len() > 4 && w.ends_with("ing") && w.starts_with(char::is_lowercase);
        (!event).then_some(np)
    }

    /// The agent a subject names: its noun phrase's entity, else the
    /// entity of its apposition, else the noun phrase as written.
    pub fn resolve_subject(&self, s: &Subject) -> Agent {
        if let Some(head) = s.head.as_ref().filter(|h| !h.is_empty()) {
            // "Posts on the board from Friday": the head's entity, else the
            // whole phrase as written.
            let agent = self.resolve(head);
            if agent.entity.is_some() {
                return agent;
            }
            // "the letter from the ministry": the document's issuer.
            if DOCUMENT_NOUNS.contains(self.low(head.end - 1))
                && matches!(self.low(head.end), "from" | "by" | "of")
                && let Some(e) = self.entity_in(&(head.end + 1..s.np.end))
            {
                return Agent::of(e);
            }
            // "Its report on the dispute": the one "its" names.
            let owner = self.as_written(head);
            if owner.entity.is_some() {
                return owner;
            }
            return self.as_written(&s.np);
        }
        let agent = self.resolve(&s.np);
        match &s.appos {
            // "Striking collectors, who picket the Longmoor depot, said":
            // a relative clause names no one the subject is.
            Some(a)
                if !a.is_empty()
                    && !matches!(self.low(a.start), "who" | "which" | "whose" | "where")
                    && (agent.entity.is_none()
                        || self.role_headed(&s.np)
                        || self.postmodifies_role(&s.np)) =>
            {
                match self.entity_in(&self.apposition_head(a)) {
                    // "Its chair, Phil Banfield,": the person, not "its";
                    // "The regulator, the Fair Trade Office,": the name, not
                    // whichever body the bare description was taken for.
                    Some(e)
                        if agent.entity.is_none()
                            || self.is_person(e)
                            || !self.holds_name(&s.np) =>
                    {
                        Agent::of(e)
                    }
                    _ => agent,
                }
            }
            _ => agent,
        }
    }

    /// True when a name mention lies within the phrase `np`.
    fn holds_name(&self, np: &Range<usize>) -> bool {
        self.mentions_in(np)
            .any(|m| self.ann.mentions[m].form == MentionForm::Name)
    }

    /// The part of an apposition `a` that may name the subject: all of it,
    /// or, for one headed by a role, its part before an "of" or "for"
    /// phrase ("the member for Eastwick", "the mayor of Tulsa", where the
    /// place or body named after is not the subject).
    fn apposition_head(&self, a: &Range<usize>) -> Range<usize> {
        if !self.role_headed(a) {
            return a.clone();
        }
        let cut = a
            .clone()
            .skip(1)
            .find(|&k| matches!(self.low(k), "of" | "for"))
            .unwrap_or(a.end);
        a.start..cut
    }

    /// True when the phrase `np` ends in a common noun ("Its chair", "the
    /// Conservative leader"), or its part before an "of" or "for" phrase
    /// does ("the mayor of Tulsa", "the head of Norvale Bank"): a role that
    /// an apposition may name.
    fn role_headed(&self, np: &Range<usize>) -> bool {
        let head_end = np
            .clone()
            .skip(1)
            .find(|&k| matches!(self.low(k), "of" | "for"))
            .unwrap_or(np.end);
        head_end > np.start
            && self.is_word(head_end - 1)
            && (self
                .word(head_end - 1)
                .starts_with(|c: char| c.is_lowercase())
                // "Kellbridge's MP, Fiona Saltire,": a role's acronym.
                || LEXICON.role_nouns.contains(self.low(head_end - 1)))
    }

    /// True when the phrase `np` hangs on a role by a preposition ("a
    /// spokeswoman for the Council", "director of the agency"): an
    /// apposition after it names the role's holder, not the organization.
    fn postmodifies_role(&self, np: &Range<usize>) -> bool {
        np.start >= 2
            && (POSTMODIFIER_PREPOSITIONS.contains(&self.low(np.start - 1))
                || self.low(np.start - 1) == "of")
            && self.role_headed(&(np.start - 2..np.start - 1))
    }

    /// The person whose name ends with token `k`, if any.
    fn person_name_ending_at(&self, k: usize) -> Option<EntityId> {
        let t = self.toks.get(k)?;
        let m = self.mention_of(k)?;
        (m.form == MentionForm::Name && m.span.end == t.end() && self.is_person(m.entity))
            .then_some(m.entity)
    }

    /// For a joint subject written as a group of two ("both countries",
    /// "the two leaders", "both companies"): the two actors named last
    /// before it, outside quotes, the nearer first: people for a role noun
    /// ("leaders"), organizations for an organization noun ("companies");
    /// none for other nouns ("countries", whose places are named alike).
    ///
    /// Failing that, and for a group of three to five ("the three
    /// leaders", "all four unions"): the latest list of exactly that many
    /// names (see [`Doc::listed_group`]).
    pub fn joint_pair(&self, np: &Range<usize>) -> Option<(EntityId, EntityId)> {
        let words: Vec<&str> = np.clone().map(|k| self.low(k)).collect();
        let (count, noun) = match words.as_slice() {
            ["both", noun] | ["the" | "both", "two", noun] => (2, *noun),
            ["the" | "all", n, noun] => (
                match *n {
                    "three" => 3,
                    "four" => 4,
                    "five" => 5,
                    _ => return None,
                },
                *noun,
            ),
            _ => return None,
        };
        let singular = noun.strip_suffix("ies").map_or_else(
            || noun.strip_suffix('s').unwrap_or(noun).to_owned(),
            |stem| format!("{stem}y"),
        );
        if singular == noun {
            return None;
        }
        let named_last = || {
            if count == 2 {
                self.two_named_last(np, &singular)
            } else {
                None
            }
        };
        // Companies are listed as organizations; leaders and sides may be
        // listed by their countries, whatever kind the names were given.
        let organizations = organization_noun(&singular).is_some();
        named_last().or_else(|| self.listed_group(np.start, count, organizations))
    }

    /// The two actors named last before `np` whose kind the singular noun
    /// `singular` of a group of two names: people for a role noun,
    /// organizations for an organization noun (see [`Doc::joint_pair`]).
    fn two_named_last(&self, np: &Range<usize>, singular: &str) -> Option<(EntityId, EntityId)> {
        let kind = if LEXICON.role_nouns.contains(singular) {
            EntityKind::Person
        } else if organization_noun(singular).is_some() {
            EntityKind::Organization
        } else {
            return None;
        };
        let fits = |k: EntityKind| k == kind;
        let at = self.toks.get(np.start)?.start();
        let floor = self
            .toks
            .get(np.start.saturating_sub(LOOKBACK / 3))
            .map_or(0, |t| t.start());
        let mut found = self
            .mentions_back(floor, at)
            .filter(|m| matches!(m.form, MentionForm::Name | MentionForm::Role))
            .map(|m| m.entity)
            .filter(|&e| self.ann.entities.get(e).is_some_and(|x| fits(x.kind)));
        let first = found.next()?;
        let second = found.find(|&e| e != first)?;
        Some((first, second))
    }

    /// The first two of the latest list of exactly `count` names before
    /// token `i`, outside quotes and within a few paragraphs: names joined
    /// only by commas and "and" ("the leaders of Avelia, Nordmark and
    /// Castra", "Reed and Kim"), the list being what a later "the three
    /// leaders" or "both sides" counts. Names of organizations only with
    /// `organizations` ("the two companies"). None when no such list is
    /// near.
    pub fn listed_group(
        &self,
        i: usize,
        count: usize,
        organizations: bool,
    ) -> Option<(EntityId, EntityId)> {
        let at = self.toks.get(i)?.start();
        let floor = self
            .toks
            .get(i.saturating_sub(LOOKBACK / 3))
            .map_or(0, |t| t.start());
        let fits = |m: &Mention| {
            m.form == MentionForm::Name
                && self
                    .ann
                    .entities
                    .get(m.entity)
                    .is_some_and(|e| !organizations || e.kind == EntityKind::Organization)
        };
        // The longest fitting name mention whose last token is token `k`
        // (of the few mentions starting just before it).
        let name_ending_at = |k: usize| -> Option<&Mention> {
            let end = self.toks.get(k)?.end();
            let upto = self.ann.mentions.partition_point(|m| m.span.start < end);
            self.ann.mentions[..upto]
                .iter()
                .rev()
                .take(MAX_NP)
                .filter(|m| m.span.end == end && fits(m))
                .min_by_key(|m| m.span.start)
        };
        // The name listed before the one starting at token `t`, past its
        // commas and "and", with the token it starts at.
        let listed_before = |t: usize| -> Option<(usize, EntityId)> {
            let mut k = t;
            while k > 0 && matches!(self.low(k - 1), "," | "and") {
                k -= 1;
            }
            if k == t || k == 0 {
                return None;
            }
            let m = name_ending_at(k - 1)?;
            Some((self.token_at(m.span.start)?, m.entity))
        };
        for m in self.mentions_back(floor, at).filter(|m| fits(m)) {
            let Some(last) = self.token_at(m.span.start) else {
                continue;
            };
            let mut after = self.token_at(m.span.end - 1).map_or(last, |t| t + 1);
            while matches!(self.low(after), "," | "and") {
                after += 1;
            }
            // The list ends here: no name listed after it.
            let listed_after = self.mention_of(after).is_some_and(|n| {
                n.form == MentionForm::Name && n.span.start > m.span.start && n.span.start < at
            });
            if listed_after {
                continue;
            }
            let mut members = vec![m.entity];
            let mut t = last;
            while let Some((start, e)) = listed_before(t) {
                members.push(e);
                t = start;
                if members.len() > count {
                    break;
                }
            }
            members.dedup();
            if members.len() == count {
                return Some((members[count - 1], members[count - 2]));
            }
        }
        None
    }

    /// True when entity `e` is a person.
    fn is_person(&self, e: EntityId) -> bool {
        self.ann
            .entities
            .get(e)
            .is_some_and(|x| x.kind == EntityKind::Person)
    }

    /// True when entity `e` is a person or an organization: one who can
    /// speak or act, not a place.
    fn is_actor(&self, e: EntityId) -> bool {
        self.ann
            .entities
            .get(e)
            .is_some_and(|x| matches!(x.kind, EntityKind::Person | EntityKind::Organization))
    }

    /// The agent a noun phrase names.
    pub fn resolve(&self, np: &Range<usize>) -> Agent {
        self.resolve_with(np, true)
    }

    fn resolve_with(&self, np: &Range<usize>, issuer: bool) -> Agent {
        if np.len() == 1
            && let Some(e) = self.vocative_before(np.start)
        {
            return Agent::of(e);
        }
        if np.len() == 1 && PRONOUNS.contains_key(self.low(np.start)) {
            return self.resolve_pronoun(np.start);
        }
        let mut entity = self.entity_in(np);
        if entity.is_none_or(|e| !self.is_person(e))
            && let Some(p) = self.role_holder(np)
        {
            entity = Some(p);
        }
        if entity.is_none()
            && issuer
            && DOCUMENT_NOUNS.contains(self.low(np.end - 1))
            && let Some(a) = self.issuer_of(np.end - 1)
        {
            return a;
        }
        if entity.is_none()
            && let Some(a) = self.body_speaking_before(np)
        {
            return a;
        }
        if entity.is_none() {
            entity = self.spokesperson_body(np);
        }
        if entity.is_some() {
            return Agent { entity, name: None };
        }
        self.organization_described(np)
            .map_or_else(|| self.as_written(np), Agent::of)
    }

    /// For a bare "a spokesman" or "the spokeswoman", naming no body before
    /// or after it: the organisation named last before it, within a few
    /// sentences (outside quotes), which it speaks for. ("The government
    /// spokesman" keeps its words: the body it names may be no entity.)
    fn spokesperson_body(&self, np: &Range<usize>) -> Option<EntityId> {
        if !self.is_bare_spokesperson(np) {
            return None;
        }
        self.nearest_before(np.start, |_, e| e.kind == EntityKind::Organization)
    }

    /// For a bare "a spokesman" after a clause of its sentence whose
    /// speech verb has a body for its subject ("Her department said it
    /// stood ready …, and a spokesman added that …"): that body, even
    /// unnamed, rather than the organisation named last.
    fn body_speaking_before(&self, np: &Range<usize>) -> Option<Agent> {
        if !self.is_bare_spokesperson(np) {
            return None;
        }
        let sent = self.sentence_of(np.start);
        (sent.start..np.start)
            .rev()
            .filter(|&v| SPEECH_VERBS.contains_key(self.low(v)) && self.quote(v).is_none())
            .find_map(|v| self.subject_before(v))
            .filter(|s| organization_noun(self.low(s.np.end - 1)).is_some())
            .map(|s| self.resolve_subject(&s))
            .filter(Agent::is_known)
    }

    /// True when `np` is "a spokesman" or "the spokeswoman" alone, naming
    /// no body ("for the agency", "of the ministry") after it.
    fn is_bare_spokesperson(&self, np: &Range<usize>) -> bool {
        np.len() == 2
            && matches!(self.low(np.start), "a" | "an" | "the")
            && matches!(
                self.low(np.start + 1),
                "spokesman" | "spokeswoman" | "spokesperson"
            )
            && !matches!(self.low(np.end), "for" | "of" | "at")
    }

    /// The one person the article gives the role a description ends in
    /// ("the judge", "Ashby Rovers chairman", "Kestrian president": the
    /// person named "Judge Catherine Ibáñez" or "chairman Geoffrey Hale"),
    /// when no other person holds that role and every nationality in the
    /// description is in the role as given ("the French president" is not
    /// "U.S. President Smith"). None for a possessed role ("his lawyer").
    fn role_holder(&self, np: &Range<usize>) -> Option<EntityId> {
        let head = self.low(np.end - 1);
        let possessed = np
            .clone()
            .any(|k| matches!(self.low(k), "his" | "her" | "its" | "their" | "'s" | "’s"));
        if possessed || !LEXICON.role_nouns.contains(head) {
            return None;
        }
        let demonyms: Vec<&str> = (self.mentions_in(np))
            .map(|m| &self.ann.mentions[m])
            .filter(|m| m.form == MentionForm::Demonym)
            .map(|m| m.span.slice(self.text))
            .collect();
        let mut found = None;
        for (e, x) in self.ann.entities.iter().enumerate() {
            let holds = x.kind == EntityKind::Person
                && x.roles.iter().any(|r| {
                    r.rsplit(' ')
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(head))
                        && demonyms.iter().all(|d| r.contains(d))
                });
            if holds {
                if found.is_some() {
                    return None;
                }
                found = Some(e);
            }
        }
        found
    }

    /// The organization "the company", "the union" or "the board" stands
    /// for when no mention links it: the latest organization named before
    /// whose name holds the noun ("the union" → "Dock Workers' Union"), else
    /// for a generic noun ("the company", not "the council") the
    /// organization named most often so far (the one the article is
    /// about), leaving out those whose name holds another organization noun
    /// ("City Council" is "the council", not "the company"). None without
    /// an organization named at least twice. Only the last
    /// [`DESCRIBED_WINDOW`] mentions are read, so that a long document
    /// costs linear time.
    fn organization_described(&self, np: &Range<usize>) -> Option<EntityId> {
        if np.len() != 2 || self.low(np.start) != "the" {
            return None;
        }
        let noun = self.low(np.start + 1);
        let generic = organization_noun(noun)?;
        let at = self.toks.get(np.start)?.start();
        let end = self.ann.mentions.partition_point(|m| m.span.start < at);
        let before = &self.ann.mentions[end.saturating_sub(DESCRIBED_WINDOW)..end];
        // Per organization named in the window: whether its name holds the
        // noun, and whether it holds another organization noun.
        let mut seen: Vec<(EntityId, bool, bool)> = Vec::new();
        let mut facts = |e: EntityId| -> Option<(bool, bool)> {
            if let Some(&(_, holds, other)) = seen.iter().find(|(x, ..)| *x == e) {
                return Some((holds, other));
            }
            let x = self
                .ann
                .entities
                .get(e)
                .filter(|x| x.kind == EntityKind::Organization)?;
            let (mut holds, mut other) = (false, false);
            for w in x.name.split(' ').map(str::to_lowercase) {
                holds |= w == noun;
                other |= w != noun && organization_noun(&w).is_some();
            }
            seen.push((e, holds, other));
            Some((holds, other))
        };
        if let Some(m) = before
            .iter()
            .rev()
            .find(|m| facts(m.entity).is_some_and(|(holds, _)| holds))
        {
            return Some(m.entity);
        }
        if !generic {
            return None;
        }
        most_named(before, |e| facts(e).is_some_and(|(_, other)| !other))
    }

    /// The organization named most often in the last [`DESCRIBED_WINDOW`]
    /// mentions before token `i` (the one the article is about, see
    /// [`most_named`]).
    pub fn salient_organization(&self, i: usize) -> Option<EntityId> {
        let at = self.toks.get(i)?.start();
        let end = self.ann.mentions.partition_point(|m| m.span.start < at);
        let before = &self.ann.mentions[end.saturating_sub(DESCRIBED_WINDOW)..end];
        most_named(before, |e| {
            self.ann
                .entities
                .get(e)
                .is_some_and(|x| x.kind == EntityKind::Organization)
        })
    }

    /// The agent of a phrase with no entity: "his lawyer", "its
    /// spokesman", kept as written; no one when the phrase holds no noun or
    /// pronoun by its part-of-speech tags (a verb, "issued", or a lone
    /// adjective is never an actor), unless it is a lone name opening its
    /// sentence ("Young vowed", see [`Doc::lone_name`]).
    fn as_written(&self, np: &Range<usize>) -> Agent {
        let lone = np.len() == 1
            && (self.lone_name(np.start, np.end) || is_standing_quantifier(self.low(np.start)));
        // "the manager", "the poor": a determiner and the words after it
        // make a noun phrase, whatever tag the last one was given.
        let determined = np.len() > 1 && DETERMINERS.contains(self.low(np.start));
        if !lone && !determined && !np.clone().any(|k| self.tag(k).is_nominal()) {
            return Agent::default();
        }
        // "the operator's statement added": the operator speaks.
        if np.len() > 2
            && DOCUMENT_NOUNS.contains(self.low(np.end - 1))
            && let Some(p) =
                (np.start + 1..np.end - 1).find(|&k| matches!(self.low(k), "'s" | "’s"))
        {
            return self.resolve_with(&(np.start..p), false);
        }
        // "Its letter to us says": the one the possessive pronoun names.
        if np.len() > 1
            && matches!(self.low(np.start), "its" | "his" | "her" | "their")
            && DOCUMENT_NOUNS.contains(self.low(np.end - 1))
        {
            let owner = self.resolve_pronoun(np.start);
            // An entity, or a group as written ("The developers …. Their
            // brochure promises"), not the pronoun itself.
            if owner.entity.is_some()
                || owner
                    .name
                    .as_deref()
                    .is_some_and(|n| n != self.word(np.start))
            {
                return owner;
            }
        }
        let span = self.span(np.start, np.end);
        Agent {
            entity: None,
            name: Some(span.slice(self.text).to_owned()),
        }
    }

    /// For a "you" at token `i`: the one a name opening its sentence
    /// (after capitalised words only: a title) before a comma right before
    /// it addresses, a vocative ("Councillor Okonjo, you said …").
    fn vocative_before(&self, i: usize) -> Option<EntityId> {
        if self.low(i) != "you" || i < 2 || self.low(i - 1) != "," {
            return None;
        }
        let start = self.sentence_of(i).start;
        let end = self.toks[i - 2].end();
        self.mentions_in(&(start..i - 1))
            .map(|m| &self.ann.mentions[m])
            .find(|m| {
                let first = self.toks.partition_point(|t| t.start() < m.span.start);
                m.span.end == end && (start..first).all(|k| self.capitalised(k))
            })
            .map(|m| m.entity)
    }

    /// The agent a pronoun at token `i` refers to.
    pub fn resolve_pronoun(&self, i: usize) -> Agent {
        let Some(tok) = self.toks.get(i) else {
            return Agent::default();
        };
        // "Maja Lund said he had agreed": not the reporter, whose given
        // name is of the other gender.
        if let Some(a) = self.reporter_of_clause_subject(i).filter(|a| {
            a.entity
                .and_then(|e| self.ann.entities.get(e))
                .is_none_or(|e| !self.other_gender(i, e))
        }) {
            return a;
        }
        if let Some(a) = self.document_it(i) {
            return a;
        }
        // A link to the one who speaks or is spoken to there is not kept for
        // "he" or "she": they are "I" and "you".
        let third_person = PRONOUNS.get(self.low(i)) == Some(&PronounClass::Person);
        if third_person && let Some(a) = self.role_speaker_just_before(i) {
            return a;
        }
        if let Some(m) = self
            .ann
            .mention_at(tok.start())
            .filter(|&m| self.ann.mentions[m].form == MentionForm::Pronoun)
            .filter(|&m| {
                let id = self.ann.mentions[m].entity;
                !third_person
                    || self
                        .ann
                        .entities
                        .get(id)
                        .is_none_or(|e| self.may_be_third_person(i, id, e))
            })
        {
            return Agent::of(self.ann.mentions[m].entity);
        }
        let as_written = || Agent {
            entity: None,
            name: Some(self.word(i).to_owned()),
        };
        // "I'll", "we'll": the pronoun of a contracted subject and verb.
        match PRONOUNS.get(crate::annotate::words::before_apostrophe(self.low(i))) {
            // Outside quotes, the text's own voice: its speaker.
            Some(PronounClass::Speaker) => self.speaker_of_quote_at(tok.start()).or(|| Agent {
                entity: self.voiced(i).and_then(|t| t.speaker),
                name: None,
            }),
            Some(PronounClass::Person) => self
                .described_person_just_before(i)
                .or_else(|| {
                    self.nearest_before(i, |id, e| self.may_be_third_person(i, id, e))
                        .map(Agent::of)
                })
                .or_else(|| self.recent_role_speaker(i))
                .unwrap_or_else(as_written),
            Some(PronounClass::Group) => {
                let organisation = || {
                    self.nearest_before(i, |_, e| e.kind == EntityKind::Organization)
                        .map(Agent::of)
                };
                // "They say": a plural speaker before is likelier than a firm.
                if matches!(self.low(i), "they" | "their" | "them") {
                    self.recent_group_speaker(i)
                        .or_else(organisation)
                        .or_else(|| self.previous_plural_subject(i))
                } else {
                    self.previous_described_organisation(i)
                        .or_else(organisation)
                        .or_else(|| self.recent_group_speaker(i))
                }
                .unwrap_or_else(as_written)
            }
            None => as_written(),
        }
        .or(as_written)
    }

    /// For a pronoun opening a reported clause ("Smith says he …", "the
    /// firm stated they will …"): the speaker of that clause.
    fn reporter_of_clause_subject(&self, i: usize) -> Option<Agent> {
        let at = self.toks.get(i)?.start();
        self.indirect_quote_at(at)
    }

    /// The speaker of the indirect quote whose clause starts at byte `at`.
    pub fn indirect_quote_at(&self, at: usize) -> Option<Agent> {
        self.indirect_quote_starting(at)
            .map(|q| Agent {
                entity: q.speaker,
                name: q.speaker_name.clone(),
            })
            .filter(Agent::is_known)
    }

    /// The indirect quote whose clause starts at byte `at`.
    pub fn indirect_quote_starting(&self, at: usize) -> Option<&Quote> {
        let qs = &self.ann.quotes;
        let first = qs.partition_point(|q| q.span.start < at);
        qs[first..]
            .iter()
            .take_while(|q| q.span.start == at)
            .find(|q| q.kind == QuoteKind::Indirect)
    }

    /// The speaker of the indirect quote whose clause holds byte `at`.
    pub fn reporter_around(&self, at: usize) -> Option<Agent> {
        let qs = &self.ann.quotes;
        let upto = qs.partition_point(|q| q.span.start <= at);
        qs[..upto]
            .iter()
            .rev()
            .take(8)
            .find(|q| q.kind == QuoteKind::Indirect && q.span.contains(at))
            .map(|q| Agent {
                entity: q.speaker,
                name: q.speaker_name.clone(),
            })
            .filter(Agent::is_known)
    }

    /// For "they" or "it" with no organisation before it: the latest
    /// speaker, within three sentences, named by a plural noun phrase or an
    /// organisation ("The authors say …. They say …").
    fn recent_group_speaker(&self, i: usize) -> Option<Agent> {
        self.recent_speaker(i, |s, head| {
            let agent = self.resolve_with(&s.np, false);
            let group = match agent.entity.and_then(|e| self.ann.entities.get(e)) {
                Some(e) => e.kind == EntityKind::Organization,
                None => head.ends_with('s') && !head.ends_with("'s") && !head.ends_with("’s"),
            };
            group.then_some(agent)
        })
    }

    /// For "he" or "she" with no person before it that may be meant: the
    /// latest speaker, within three sentences, described by a role with no
    /// name, as written ("The health minister says …. He said …").
    fn recent_role_speaker(&self, i: usize) -> Option<Agent> {
        self.recent_speaker(i, |s, _| {
            // "A spokesman for the authority": the role may come before
            // its phrase.
            let agent = self.resolve_subject(s);
            unnamed_role(&agent).then_some(agent)
        })
    }

    /// For "he" or "she" outside quotes: the unnamed role (as written)
    /// that spoke last, in its sentence or the one before, when no person
    /// is named since ("A spokesman for its foreign ministry said …. “…,”
    /// he said": the spokesman, not a minister named a paragraph before).
    fn role_speaker_just_before(&self, i: usize) -> Option<Agent> {
        if self.quote(i).is_some() {
            return None;
        }
        let first = self.sent(i)?.saturating_sub(1);
        let w = i.saturating_sub(WINDOW);
        let lo = w + self.toks[w..i].partition_point(|t| t.sent() < first);
        let (v, s) = (lo..i)
            .rev()
            .filter(|&v| {
                SPEECH_VERBS.get(self.low(v)) == Some(&SpeechUse::Any) && self.quote(v).is_none()
            })
            .find_map(|v| {
                let s = self.subject_before(v)?;
                (!PRONOUNS.contains_key(self.low(s.np.end - 1))).then_some((v, s))
            })?;
        let agent = self.resolve_subject(&s);
        let person_named = || {
            let (from, at) = (self.toks[v].start(), self.toks[i].start());
            self.mentions_back(from, at).any(|m| {
                m.form == MentionForm::Name
                    && self
                        .ann
                        .entities
                        .get(m.entity)
                        .is_some_and(|e| e.kind == EntityKind::Person)
            })
        };
        (unnamed_role(&agent) && !person_named()).then_some(agent)
    }

    /// For "It" or "Its" opening a sentence: the organisation that is the
    /// subject of the sentence before, the topic a pronoun opening the next
    /// one keeps ("Norvale has launched a campaign …. Its goal is …"), or
    /// the organisation it describes with no name ("The fishermen's
    /// association called for …. It also urged …"), as written.
    fn previous_described_organisation(&self, i: usize) -> Option<Agent> {
        let start = self.sentence_of(i).start;
        if start != i
            || start == 0
            || self.quote(i).is_some()
            || !matches!(self.low(i), "it" | "its")
        {
            return None;
        }
        let a = self.main_subject(start - 1)?;
        if let Some(e) = a.entity {
            let organisation = self
                .ann
                .entities
                .get(e)
                .is_some_and(|x| x.kind == EntityKind::Organization);
            return organisation.then_some(a);
        }
        let name = a.name.as_deref()?;
        let head = name.rsplit(' ').next()?.to_lowercase();
        organization_noun(&head).is_some().then_some(a)
    }

    /// The latest speaker, within three sentences before token `i`, that
    /// `fits` (given the subject and its noun phrase's last word,
    /// lowercased; giving the speaker): the subject of a speech verb, not a
    /// pronoun nor the subject of a reported clause.
    fn recent_speaker(
        &self,
        i: usize,
        fits: impl Fn(&Subject, &str) -> Option<Agent>,
    ) -> Option<Agent> {
        // From the first token of the sentence three before, or WINDOW
        // tokens back if that is nearer.
        let first = self.sent(i)?.saturating_sub(3);
        let w = i.saturating_sub(WINDOW);
        let lo = w + self.toks[w..i].partition_point(|t| t.sent() < first);
        (lo..i)
            .rev()
            .filter(|&v| SPEECH_VERBS.get(self.low(v)) == Some(&SpeechUse::Any))
            .find_map(|v| {
                let s = self.subject_before(v)?;
                let head = self.low(s.np.end - 1);
                let before = s.np.start.checked_sub(1).map_or("", |b| self.low(b));
                if PRONOUNS.contains_key(head)
                    || before == "that"
                    || SPEECH_VERBS.contains_key(before)
                {
                    return None;
                }
                fits(&s, head)
            })
    }

    /// For "They" opening its sentence with no group or organisation
    /// before it: the plural common noun phrase opening the sentence just
    /// before, right before its verb, as written ("Protesters demanded …
    /// They also called for …"). Inside quotes, none.
    fn previous_plural_subject(&self, i: usize) -> Option<Agent> {
        let start = self.sentence_of(i).start;
        if start != i || start == 0 || self.quote(i).is_some() {
            return None;
        }
        let prev = self.sentence_of(start - 1);
        let first = self.after_dateline(prev.start, start - 1);
        let verb = (first..start.min(first + 6))
            .find(|&k| matches!(self.tag(k), Tag::Verb | Tag::Aux) || !self.is_word(k))?;
        let np = first..verb;
        let head = self.word(verb.checked_sub(1)?);
        // A common noun: lowercase, or opening the sentence ("Protesters").
        let common = head.starts_with(char::is_lowercase)
            || (verb == first + 1 && self.tag(first) == Tag::Noun);
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss") && common;
        let opens = verb > first && self.is_word(verb) && self.quote(first).is_none();
        (plural && opens).then(|| self.as_written(&np))
    }

    /// For "he" or "she" opening its sentence at token `i`, outside
    /// quotes: the person the sentence before describes by a role with no
    /// name, when that sentence names no person ("I spoke to the site
    /// manager at four. He told me …": the site manager), as written.
    fn described_person_just_before(&self, i: usize) -> Option<Agent> {
        let start = self.sentence_of(i).start;
        if start != i || i == 0 || self.quote(i).is_some() {
            return None;
        }
        let prev = self.sentence_of(start - 1);
        let names_person = self.mentions_in(&prev).any(|m| {
            let m = &self.ann.mentions[m];
            m.form != MentionForm::Pronoun && self.is_person(m.entity)
        });
        if names_person {
            return None;
        }
        let k = prev.clone().find(|&k| {
            self.quote(k).is_none()
                && LEXICON.role_nouns.contains(self.low(k))
                && !matches!(self.low(k + 1), "'s" | "’s" | "of" | "for")
                && self.ann.mention_at(self.toks[k].start()).is_none()
        })?;
        let np = self.np_before(k, prev.start)?;
        DETERMINERS
            .contains(self.low(np.start))
            .then(|| self.as_written(&np))
    }

    /// The speaker of the quote holding byte `at` (from `ann.quotes`).
    pub fn speaker_of_quote_at(&self, at: usize) -> Agent {
        // Direct quotes never overlap one another: the last one starting at
        // or before `at` is the only candidate.
        let qs = &self.ann.quotes;
        let upto = qs.partition_point(|q| q.span.start <= at);
        qs[..upto]
            .iter()
            .rev()
            .take(16)
            .find(|q| q.kind == QuoteKind::Direct)
            .filter(|q| q.span.contains(at))
            .map(|q| Agent {
                entity: q.speaker,
                name: q.speaker_name.clone(),
            })
            .unwrap_or_default()
    }

    /// Mentions starting before byte `at` and at or after byte `floor`,
    /// outside quotations, nearest first.
    fn mentions_back(&self, floor: usize, at: usize) -> impl Iterator<Item = &Mention> {
        let ms = &self.ann.mentions;
        let upto = ms.partition_point(|m| m.span.start < at);
        ms[..upto]
            .iter()
            .rev()
            .take_while(move |m| m.span.start >= floor)
            .filter(|m| {
                self.token_at(m.span.start)
                    .is_some_and(|t| self.quote(t).is_none())
            })
    }

    /// The entity of the nearest name or role mention before token `i`,
    /// outside quotations, whose kind passes `kind`.
    fn nearest_before(
        &self,
        i: usize,
        keep: impl Fn(EntityId, &Entity) -> bool,
    ) -> Option<EntityId> {
        let at = self.toks.get(i)?.start();
        let floor = self
            .toks
            .get(i.saturating_sub(LOOKBACK / 3))
            .map_or(0, |t| t.start());
        self.mentions_back(floor, at)
            .filter(|m| matches!(m.form, MentionForm::Name | MentionForm::Role))
            // "It" after "the Kestrel quarry" is the quarry's, not Kestrel's;
            // "they" after "Scientology officials" may be the body's.
            .filter(|m| !(matches!(self.low(i), "it" | "its") && self.modifies_noun(m)))
            .find(|m| {
                self.ann
                    .entities
                    .get(m.entity)
                    .is_some_and(|e| keep(m.entity, e))
            })
            .map(|m| m.entity)
    }

    /// For an "it" opening its sentence, or a clause after "and" or "but",
    /// in a sentence after one that opens with a document ("The judgement
    /// runs to 64 pages. It orders …", "Its report … recommended …. It
    /// also urged …"): the document's issuer, whose text the pronoun goes
    /// on telling of. None for any other "it", and when the document names
    /// no issuer.
    fn document_it(&self, i: usize) -> Option<Agent> {
        let start = self.sentence_of(i).start;
        let opens = i == start || matches!(self.low(i.checked_sub(1)?), "and" | "but");
        if self.low(i) != "it" || !opens || !self.is_word(i + 1) {
            return None;
        }
        let before = self.sentence_of(start.checked_sub(1)?).start;
        // The head of the sentence's first phrase: a few words, before a
        // preposition, a comma or a verb.
        let head = (before..start)
            .take(4)
            .take_while(|&k| self.is_word(k) && !self.tag(k).is_verbal() && self.tag(k) != Tag::Adp)
            .find(|&k| DOCUMENT_NOUNS.contains(self.low(k)))?;
        Some(self.resolve(&(before..head + 1))).filter(|a| a.entity.is_some())
    }

    /// The organisation the pronoun "it" at token `i` stands for when a
    /// person reports its clause ("A bank spokesman said it would …", where
    /// "it" is no reporter): the organisation its mention links to, else
    /// the one named last before it.
    pub fn organisation_meant(&self, i: usize) -> Option<EntityId> {
        let organisation = |e: EntityId| {
            self.ann
                .entities
                .get(e)
                .is_some_and(|x| x.kind == EntityKind::Organization)
        };
        self.mention_of(i)
            .filter(|m| m.form == MentionForm::Pronoun && organisation(m.entity))
            .map(|m| m.entity)
            .or_else(|| self.nearest_before(i, |e, _| organisation(e)))
    }

    /// True when name mention `m` only modifies the common noun right
    /// after it ("the Kestrel quarry", "the Selby site"): the thing named
    /// is that noun's, so no pronoun refers back to the name.
    fn modifies_noun(&self, m: &Mention) -> bool {
        let next = m
            .span
            .end
            .checked_sub(1)
            .and_then(|b| self.token_at(b))
            .map(|last| last + 1);
        m.form == MentionForm::Name
            && next.is_some_and(|k| {
                self.is_word(k)
                    && self.tag(k) == Tag::Noun
                    && self.word(k).starts_with(char::is_lowercase)
            })
    }

    /// True when person `e` (entity `id`) may be the "he" or "she" at token
    /// `i`: not the text's own voice there, nor the one it addresses or
    /// answers (they are "I" and "you"), and not of the other gender by
    /// its given name.
    fn may_be_third_person(&self, i: usize, id: EntityId, e: &Entity) -> bool {
        let voice = self
            .voiced(i)
            .is_some_and(|t| [t.speaker, t.addressee, t.partner].contains(&Some(id)));
        e.kind == EntityKind::Person
            && !voice
            && !self.other_gender(i, e)
            && !self.only_addressed(e)
    }

    /// True when the text only addresses `e`: every name of it outside
    /// quotes opens its sentence set off by a comma, and at least once the
    /// clause after the comma speaks in the first person, as after a
    /// vocative (see [`first_person::vocative_shape`]).
    fn only_addressed(&self, e: &Entity) -> bool {
        let mut vocative = false;
        for m in e.mentions.iter().filter_map(|&m| self.ann.mentions.get(m)) {
            if m.form != MentionForm::Name {
                continue;
            }
            let first = self.toks.partition_point(|t| t.start() < m.span.start);
            let past = self.toks.partition_point(|t| t.start() < m.span.end);
            if first >= self.toks.len() || self.quote(first).is_some() {
                continue;
            }
            match first_person::vocative_shape(self.text, &self.toks, first, past) {
                Some(v) => vocative |= v,
                None => return false,
            }
        }
        vocative
    }

    /// True when the given name of `e`, or a role of theirs in "-woman" or
    /// "-man", is of the other gender than the pronoun at token `i` ("Maja"
    /// or "spokeswoman" for "he").
    fn other_gender(&self, i: usize, e: &Entity) -> bool {
        let gender = Gender::of_pronoun(self.low(i)).unwrap_or(Gender::Unknown);
        let given = e
            .name
            .split(' ')
            .next()
            .and_then(|w| LEXICON.first_names.get(w).copied());
        let by_role = e.roles.iter().find_map(|r| {
            let r = r.to_lowercase();
            if r.ends_with("woman") {
                Some(Gender::Female)
            } else if r.ends_with("man") {
                Some(Gender::Male)
            } else {
                None
            }
        });
        given.or(by_role).is_some_and(|g| !g.agrees(gender))
    }

    /// The issuer of the document named by the noun at token `noun` ("the
    /// statement"): found at an earlier mention of the same kind of document
    /// ("the ministry's statement", "a statement from X", "X released a
    /// statement", "X said in a statement").
    fn issuer_of(&self, noun: usize) -> Option<Agent> {
        let lemma = self.low(noun).trim_end_matches('s');
        let lo = noun.saturating_sub(LOOKBACK);
        let hi = (noun + LOOKBACK).min(self.toks.len());
        // Most words of the window are too short for the lemma or open with
        // another letter: their bytes tell, before their lowercase copy is
        // looked up.
        let first = lemma.as_bytes().first().copied();
        let same = |k: &usize| {
            let t = self.toks[*k];
            t.end() - t.start() >= lemma.len()
                && first.is_none_or(|b| {
                    self.text
                        .as_bytes()
                        .get(t.start())
                        .map(u8::to_ascii_lowercase)
                        == Some(b)
                })
                && self.low(*k).trim_end_matches('s') == lemma
        };
        // An earlier mention first, then a later one naming its issuer
        // before it ("publish the Halberd & Lowe report").
        (lo..=noun)
            .rev()
            .filter(same)
            .find_map(|k| self.issuer_at(k))
            .or_else(|| self.judicial_issuer(noun))
            .or_else(|| {
                (noun + 1..hi)
                    .filter(same)
                    .find_map(|k| self.modifying_name(k).ok())
                    .map(Agent::of)
            })
    }

    /// The person or organisation of the first mention in the few words
    /// from token `first` on, in its sentence ("by researchers at the
    /// University of Corvin": the university).
    fn first_actor_after(&self, first: usize) -> Option<EntityId> {
        (first..self.sentence_of(first).end)
            .take(MAX_NP)
            .take_while(|&k| self.is_word(k))
            .filter_map(|k| self.ann.mention_at(self.toks[k].start()))
            .map(|m| self.ann.mentions[m].entity)
            .find(|&e| self.is_actor(e))
    }

    /// For a court's document with no issuer named at any mention of it
    /// ("The ruling requires …", "the judgement noted"): the judge named
    /// last before it, else the court (an organisation whose name holds a
    /// court noun: "Court of Appeal").
    fn judicial_issuer(&self, noun: usize) -> Option<Agent> {
        if !JUDICIAL_DOCUMENTS.contains(self.low(noun)) {
            return None;
        }
        let judicial = |w: &str| JUDICIAL_NOUNS.contains(w.to_lowercase().as_str());
        let judge = |_: EntityId, e: &Entity| {
            e.kind == EntityKind::Person
                && e.roles
                    .iter()
                    .any(|r| r.rsplit(' ').next().is_some_and(judicial))
        };
        let court = |_: EntityId, e: &Entity| {
            e.kind == EntityKind::Organization && e.name.split(' ').any(judicial)
        };
        self.nearest_before(noun, judge)
            .or_else(|| self.nearest_before(noun, court))
            .map(Agent::of)
    }

    /// The author a document noun at token `k` names after it: "a statement
    /// from the ministry", "a report published last week by researchers at
    /// …", "the plan, drawn up by the board", "the survey that the ministry
    /// commissioned from Castlegate" (the firm that made it), "the report
    /// that the agency published" (the relative clause's subject).
    fn author_after(&self, k: usize) -> Option<EntityId> {
        let named_after = |b: usize| {
            self.np_after(b + 1)
                .and_then(|np| self.entity_in(&np))
                .or_else(|| self.first_actor_after(b + 1))
        };
        let by_within = |from: usize| {
            (from..self.sentence_of(k).end)
                .take(PARTICIPLE_REACH)
                .take_while(|&b| self.is_word(b))
                .find(|&b| matches!(self.low(b), "by" | "from"))
        };
        let reported = |v: usize| SPEECH_VERBS.contains_key(self.low(v));
        let v = if self.low(k + 1) == "," { k + 2 } else { k + 1 };
        if matches!(self.low(v), "that" | "which") {
            let verb = (v + 1..self.sentence_of(k).end)
                .take(MAX_NP)
                .take_while(|&j| self.is_word(j))
                .find(|&j| self.tag(j) == Tag::Verb)
                .filter(|&j| !reported(j))?;
            if let Some(b) = by_within(verb + 1) {
                return named_after(b);
            }
            return ISSUE_VERBS
                .contains(self.low(verb))
                .then(|| self.entity_in(&(v + 1..verb)))
                .flatten();
        }
        let participle =
            (self.is_past_form(v) || (v > k + 1 && self.tag(v) == Tag::Verb)) && !reported(v);
        let by = if participle {
            by_within(v + 1).filter(|&b| self.low(b) == "by")
        } else {
            Some(k + 1).filter(|&b| matches!(self.low(b), "from" | "by" | "of"))
        };
        by.and_then(named_after)
    }

    /// The entity named among the modifiers of the document noun at token
    /// `k` ("the North Korean Foreign Ministry statement", "Kim's new
    /// letter"), or else the first token of those modifiers.
    fn modifying_name(&self, k: usize) -> Result<EntityId, usize> {
        let floor = self.sentence_of(k).start;
        let mut j = k;
        while j > floor && k - j < 5 {
            let t = self.toks[j - 1];
            if let Some(m) = self.ann.mention_at(t.start()) {
                return Ok(self.ann.mentions[m].entity);
            }
            let w = self.low(j - 1);
            let modifier = matches!(w, "'s" | "’s")
                || (self.is_word(j - 1)
                    && !self.capitalised(j - 1)
                    && !DETERMINERS.contains(w)
                    && !SUBJECT_BREAKERS.contains(w));
            if !modifier {
                break;
            }
            j -= 1;
        }
        Err(j)
    }

    /// The issuer named around the document noun at token `k`, if any.
    fn issuer_at(&self, k: usize) -> Option<Agent> {
        let j = match self.modifying_name(k) {
            Ok(e) => return Some(Agent::of(e)),
            Err(j) => j,
        };
        if let Some(e) = self.author_after(k) {
            return Some(Agent::of(e));
        }
        // "the ministry released a statement", "X said in a statement"
        let floor = self.sentence_of(k).start;
        let mut v = j;
        while v > floor && DETERMINERS.contains(self.low(v - 1)) {
            v -= 1;
        }
        // "In a statement, the club said …", "In a letter to investors,
        // Greaves said …": the subject of the clause the phrase opens.
        if v == floor + 1 && self.low(floor) == "in" {
            return self
                .main_subject(self.sentence_of(k).end - 1)
                .filter(|a| a.entity.is_some());
        }
        let verb = if v > floor && ISSUE_VERBS.contains(self.low(v - 1)) {
            Some(v - 1)
        } else if v > floor + 1
            && self.low(v - 1) == "in"
            && SPEECH_VERBS.contains_key(self.low(v - 2))
        {
            Some(v - 2)
        } else {
            None
        }?;
        let subject = self.subject_before(verb)?;
        let agent = self.resolve_with(&subject.np, false);
        agent.entity.map(Agent::of)
    }
}

/// True when agent `a` is a role with no name, as written ("A spokesman
/// for the authority", "the health minister").
fn unnamed_role(a: &Agent) -> bool {
    a.entity.is_none()
        && a.name.as_deref().is_some_and(|n| {
            n.split(' ')
                .any(|w| LEXICON.role_nouns.contains(w.to_lowercase().as_str()))
        })
}

/// Of the entities of `mentions` that `keep` admits, the one with the most
/// mentions, the first named among equals; None unless it has two or more.
fn most_named(mentions: &[Mention], mut keep: impl FnMut(EntityId) -> bool) -> Option<EntityId> {
    let mut counts: Vec<(EntityId, usize)> = Vec::new();
    for m in mentions {
        if let Some((_, n)) = counts.iter_mut().find(|(e, _)| *e == m.entity) {
            *n += 1;
        } else if keep(m.entity) {
            counts.push((m.entity, 1));
        }
    }
    let best = counts.iter().map(|&(_, n)| n).max()?;
    counts
        .into_iter()
        .find(|&(_, n)| n == best && n >= 2)
        .map(|(e, _)| e)
}
