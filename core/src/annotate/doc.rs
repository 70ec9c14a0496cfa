//! The tokenised document the entity stages share: its tokens, flagged
//! where capitals are ambiguous and inside quotations, its paragraphs and
//! quotations (found once, by [`crate::annotate::quotations`], and handed
//! on to the act stages), the cues later passes start from, and the
//! document-level facts about capitals (Mikheev 1999) that the name and
//! kind rules ask about.

use crate::annotate::fasthash::Map;
use std::borrow::Cow;

use crate::annotate::bits::Bits;
use crate::annotate::learn::tagger;
use crate::annotate::lexicon::{Gender, LEXICON};
use crate::annotate::quotations::Quotations;
use crate::annotate::segment::{self, Token, TokenKind, sentence_range};
use crate::annotate::words::{
    AUXILIARIES, is_acronym, is_attribution_verb, is_letter_closing, name_part, starts_upper,
};
use crate::model::Span;

/// The tokenised document with the facts the name rules ask about.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// Every token, in order, each knowing its sentence.
    pub toks: Vec<Token>,
    /// The paragraphs and quotations.
    pub quotations: Quotations,
    /// Indices of the tokens later stages look for: "the", "this" and third-person
    /// pronouns (see [`is_cue`]).
    pub cues: Cues,
    /// Words seen with a lowercase first letter.
    lower_seen: Map<&'a str, u32>,
    /// For each sentence, true when it is a title-case headline.
    headlines: Bits,
    /// For each sentence, true when it is a byline ("By Ann Lee, Health
    /// Correspondent").
    bylines: Bits,
    /// Capitalised words seen in unambiguous positions.
    cap_seen: Map<&'a str, u32>,
    /// Whether the text names a sports club, once asked (see
    /// `Doc::names_a_club`).
    club_named: std::cell::OnceCell<bool>,
}

/// Indices of the tokens later stages look for (see [`is_cue`]), in order,
/// one list per kind, so that each pass reads only the tokens it needs.
#[derive(Debug, Default)]
pub struct Cues {
    /// "the" and "this", either case.
    pub the: Vec<usize>,
    /// Third-person pronouns, "its" and "it".
    pub pronouns: Vec<usize>,
}

/// What the entity stage hands on to the act stages: the tokens, flagged,
/// and the paragraphs and quotations.
pub struct Handover {
    /// Every token, in order.
    pub toks: Vec<Token>,
    /// The paragraphs and quotations.
    pub quotations: Quotations,
    /// The role appositions of people, each with the span of the name it
    /// describes, added to the mentions after the learned stages.
    pub appositions: Vec<(Span, Span)>,
}

/// Words the description and pronoun passes start from.
pub fn is_cue(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "The"
            | "this"
            | "This"
            | "he"
            | "He"
            | "him"
            | "Him"
            | "his"
            | "His"
            | "himself"
            | "she"
            | "She"
            | "her"
            | "Her"
            | "hers"
            | "herself"
            | "its"
            | "Its"
            | "it"
    )
}

/// Flags `tokens` of `text` where capitals are ambiguous (a sentence's
/// first word, a word after an opening mark), and finds the cues the later
/// passes start from.
fn flag_tokens(text: &str, tokens: &mut [Token]) -> Cues {
    let mut cues = Cues::default();
    let mut at_start = true;
    let mut sent = None;
    for (i, t) in tokens.iter_mut().enumerate() {
        let si = t.sent();
        if sent != Some(si) {
            at_start = true;
            sent = Some(si);
        }
        let w = t.text(text);
        // Opening marks are punctuation; cues are short words, starting
        // with one of a few bytes.
        let punct = t.kind() == TokenKind::Punct;
        let may_cue = w.len() <= 7
            && matches!(
                w.as_bytes().first(),
                Some(b't' | b'T' | b'h' | b'H' | b's' | b'S' | b'i' | b'I')
            );
        if may_cue && is_cue(w) {
            match w {
                "the" | "The" | "this" | "This" => cues.the.push(i),
                _ => cues.pronouns.push(i),
            }
        }
        t.set_ambiguous(at_start && t.kind() == TokenKind::Word);
        if t.kind() == TokenKind::Word {
            at_start = false;
        }
        // A straight single mark opens a quotation only when a word
        // follows it at once ("'We …", not "Magistrates' Court").
        let detached = w == "'"
            && text
                .as_bytes()
                .get(t.end())
                .is_none_or(u8::is_ascii_whitespace);
        if punct && is_opening_mark(w) && !detached {
            at_start = true;
        }
    }
    cues
}

fn is_opening_mark(w: &str) -> bool {
    matches!(
        w,
        "“" | "‘" | "\"" | "'" | ":" | "—" | "–" | "-" | "•" | "*"
    )
}

/// At most this many words in one gazetteer or title entry.
pub const MAX_ENTRY_WORDS: usize = 6;

impl<'a> Doc<'a> {
    /// Takes over the tokens of `text` (from [`crate::annotate::segment`]),
    /// finds its paragraphs and quotations, and gathers the document-level
    /// capitalisation facts.
    pub fn new(text: &'a str, mut tokens: Vec<Token>) -> Self {
        let quotations = Quotations::new(text, &tokens);
        quotations.flag(&mut tokens);
        let cues = flag_tokens(text, &mut tokens);
        let mut doc = Doc {
            text,
            toks: tokens,
            quotations,
            cues,
            headlines: Bits::default(),
            bylines: Bits::default(),
            lower_seen: Map::default(),
            cap_seen: Map::default(),
            club_named: std::cell::OnceCell::new(),
        };
        doc.mark_headlines();
        doc.count_cases();
        doc
    }

    /// Counts each word's lowercase uses and its capitalised ones where
    /// capitals are not ambiguous.
    fn count_cases(&mut self) {
        let text = self.text;
        for t in &self.toks {
            if t.kind() != TokenKind::Word {
                continue;
            }
            let w = t.span().slice(text);
            match w.chars().next() {
                Some(c) if c.is_lowercase() => {
                    *self.lower_seen.entry(w).or_default() += 1;
                }
                Some(c) if c.is_uppercase() && !t.ambiguous() => {
                    *self.cap_seen.entry(w).or_default() += 1;
                }
                _ => {}
            }
        }
    }

    /// Gives back the tokens the document was built from, flagged, with
    /// its paragraphs and quotations, for the stages after the entities,
    /// and the `appositions` the entity stage found.
    pub fn into_handover(self, appositions: Vec<(Span, Span)>) -> Handover {
        Handover {
            toks: self.toks,
            quotations: self.quotations,
            appositions,
        }
    }

    /// Marks every word of a title-case headline as ambiguous. After a
    /// letter's complimentary close ("Yours sincerely,") come its
    /// signatures ("Ann Lee, Chair, Acme Trust"), whose capitals are names
    /// as in running text, and no headline.
    fn mark_headlines(&mut self) {
        let mut a = 0;
        let mut signed = false;
        while a < self.toks.len() {
            let b = sentence_range(&self.toks, a).end;
            let span = Span::new(self.toks[a].start(), self.toks[b - 1].end());
            let closing = is_letter_closing(span.slice(self.text));
            let headline = !signed && !closing && self.is_headline(a, b);
            signed |= closing;
            if headline {
                for t in &mut self.toks[a..b] {
                    t.set_ambiguous(t.kind() == TokenKind::Word);
                }
                self.unmark_addressed_names(a, b);
            }
            // A byline ("By Ann Lee, Health Correspondent") is title-case
            // like a headline, but the words between "By" and a comma are
            // the writer's name, and those after it the writer's desk.
            let byline = headline
                && self.word(a) == "By"
                && b > a + 1
                && !LEXICON.function_words.contains(self.word(a + 1));
            if byline {
                for t in self.toks[a + 1..b].iter_mut().take_while(|t| {
                    t.kind() == TokenKind::Word || !t.span().slice(self.text).starts_with(',')
                }) {
                    t.set_ambiguous(false);
                }
            }
            self.headlines.push(headline);
            self.bylines.push(byline);
            a = b;
        }
    }

    /// In the title-case line of tokens `a..b`, the capitalised words after
    /// a letter's "Dear" ("Dear Chairman Ann Lee,") or after an honorific
    /// ("Mrs. Ann Lee" on an address line) name someone: their capitals
    /// count, as a byline's do.
    fn unmark_addressed_names(&mut self, a: usize, b: usize) {
        let mut naming = false;
        for k in a..b {
            let w = self.word(k);
            let cap_word = self.toks[k].kind() == TokenKind::Word && starts_upper(w);
            if naming && cap_word {
                self.toks[k].set_ambiguous(false);
            }
            naming = (k == a && w == "Dear")
                || LEXICON.honorifics.contains(w.trim_end_matches('.'))
                || (naming && (cap_word || w == "."));
        }
    }

    /// True when the sentence of tokens `a..b` is a title-case headline:
    /// not a header field of a letter or memo ("To: Ann Lee, Chair, Acme
    /// Ltd"), whose capitals are names as in running text.
    fn is_headline(&self, a: usize, b: usize) -> bool {
        if b > a + 1
            && self.word(a + 1) == ":"
            && matches!(self.word(a), "To" | "From" | "Cc" | "CC" | "Attn")
        {
            return false;
        }
        let (mut words, mut caps) = (0, 0);
        for t in &self.toks[a..b] {
            if t.kind() == TokenKind::Word {
                words += 1;
                caps += usize::from(starts_upper(t.span().slice(self.text)));
            }
        }
        let last = self.toks[b - 1].span().slice(self.text);
        words >= 3 && caps * 4 >= words * 3 && !matches!(last, "." | "!" | "?")
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].span().slice(self.text)
    }

    /// The text of token `i`, or None past the last token.
    pub fn word_at(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).map(|t| t.span().slice(self.text))
    }

    /// True for a capitalised word token.
    pub fn is_cap(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.kind() == TokenKind::Word
            && match self.text.as_bytes().get(t.start()) {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => starts_upper(self.word(i)),
            }
    }

    /// True when the text names a sports club by a word only a club's name
    /// ends in ("Ashby Rovers", "Leeds United"): a capitalised word before
    /// it, none after it.
    pub fn names_a_club(&self) -> bool {
        *self.club_named.get_or_init(|| {
            (1..self.toks.len()).any(|i| {
                LEXICON.club_words.get(self.word(i)) == Some(&false)
                    && self.is_cap(i - 1)
                    && !(i + 1 < self.toks.len() && self.is_cap(i + 1))
            })
        })
    }

    /// True when a capitalised word in an ambiguous position should count as
    /// (part of) a name: it is a known name, or is capitalised elsewhere in
    /// the document, or starts a longer capitalised run and is never seen in
    /// lowercase.
    pub fn accepts_ambiguous(&self, i: usize) -> bool {
        if self.is_dateline(i) {
            return true;
        }
        let w = name_part(self.word(i));
        let lx = &*LEXICON;
        // A byline's desk ("Labour Correspondent") names no actor of the story.
        if lx.function_words.contains(w)
            || lx.non_names.contains(w)
            || self.in_byline(i)
            || self.is_inverted_modal(i)
        {
            return false;
        }
        if lx.gazetteer.contains_key(w)
            || lx.gazetteer_upper.contains_key(w)
            || lx.demonyms.contains_key(w)
            || lx.first_names.contains_key(w)
            || lx.titles.contains_key(w)
            || self.cap_seen.contains_key(w)
        {
            return true;
        }
        // The first word of a title ("Prime Minister Ann Lee").
        let sentence_end = sentence_range(&self.toks, i).end;
        if i + 1 < sentence_end
            && self
                .title_at(i, sentence_end)
                .is_some_and(|(e, _)| e > i + 1)
        {
            return true;
        }
        // "Ministry of Roads said …", "University of Pellam": an
        // organization keyword heading an "of" or "for" phrase of a
        // capitalised word.
        if i + 2 < sentence_end
            && lx.org_keys.get(w).is_some_and(|k| k.head)
            && matches!(self.word(i + 1), "of" | "for")
            && self.is_cap(i + 2)
        {
            return true;
        }
        if self.lower_seen.contains_key(w.to_lowercase().as_str()) {
            return false;
        }
        // Outside a headline: an acronym ("GEA said ..."), or the first word
        // of a longer capitalised run.
        let sent = self.toks[i].sent();
        if self.headlines.get(sent) {
            return false;
        }
        let next = (i + 1 < self.toks.len() && self.toks[i + 1].sent() == sent).then(|| i + 1);
        let opens_sentence = i == 0 || self.toks[i - 1].sent() != sent;
        is_acronym(w)
            || next.is_some_and(|j| self.is_cap(j))
            // "Palmer said ...": a speech verb after an unknown word, not a
            // common noun opening its sentence ("Residents say …").
            || (next.is_some_and(|j| is_attribution_verb(self.word(j)))
                && !(opens_sentence && tagger::common_noun(w)))
    }

    /// True when token `i` stands in a byline ("By Ann Lee, Health
    /// Correspondent"): its writer is no person of the story.
    pub fn in_byline(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| self.bylines.get(t.sent()))
    }

    /// True when token `i` is the first on its line (the first token of
    /// the text, or one after a line break): only whitespace lies between
    /// tokens, so a line break in the gap before it says so. False past
    /// the last token.
    pub fn opens_line(&self, i: usize) -> bool {
        segment::opens_line(self.text, &self.toks, i)
    }

    /// True when token `i` opens a dateline: the first word of a line, in
    /// capitals, one to three such words followed by a comma, a parenthesis
    /// or a dash, on a line that is not all capitals ("CUPERTINO, Calif. —
    /// Apple …", "PORT ELLERY (Reuters) - …"; not the headline "FLOODS HIT
    /// CITY, THOUSANDS FLEE").
    pub fn is_dateline(&self, i: usize) -> bool {
        let upper = |k: usize| {
            let w = self.word(k);
            w.len() >= 2
                && w.bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'.' || b == b'-')
                && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        };
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if self.word(i).len() < 3 || !upper(i) {
            return false;
        }
        if !self.opens_line(i) {
            return false;
        }
        let mut k = i;
        while k < self.toks.len() && k < i + 3 && upper(k) {
            k += 1;
        }
        let line_end = self.text[t.start()..]
            .find('\n')
            .map_or(self.text.len(), |p| t.start() + p);
        k < self.toks.len()
            && matches!(self.word(k), "," | "(" | "—" | "–" | "-")
            && self.text[t.start()..line_end].contains(|c: char| c.is_lowercase())
    }

    /// True for a modal opening a question before a lowercase word or "I"
    /// ("Will the mill stay open?", "May I ask …?"): the verb, not a given
    /// name ("Will Smith?" keeps the capital after it).
    fn is_inverted_modal(&self, i: usize) -> bool {
        // The word test first: the sentence is looked up for modals only.
        if !AUXILIARIES.contains(self.word(i).to_lowercase().as_str()) {
            return false;
        }
        let sent = sentence_range(&self.toks, i);
        let next = if i + 1 < sent.end {
            self.word(i + 1)
        } else {
            ""
        };
        (next.starts_with(char::is_lowercase) || next == "I")
            && sent.end > i + 1
            && self.word(sent.end - 1) == "?"
    }

    /// True for an adjective formed from a place the document names, used
    /// before a lowercase word: "Lusatian counterpart" beside "Lusatia",
    /// "Kestrian officials" beside "Kestria" (the name plus -n, -an, -ian,
    /// -ese or -ish). Such a word describes; it names no actor of its own.
    /// Before a verb it is a name ("Brennan said", beside "Brenna").
    pub fn is_derived_demonym(&self, i: usize) -> bool {
        let w = self.word(i);
        let next = self.toks.get(i + 1).map_or("", |_| self.word(i + 1));
        next.starts_with(char::is_lowercase)
            && !is_attribution_verb(next)
            && !AUXILIARIES.contains(next)
            && ["n", "an", "ian", "ese", "ish"].iter().any(|suffix| {
                w.strip_suffix(suffix)
                    .is_some_and(|stem| stem.len() >= 3 && self.cap_seen.contains_key(stem))
            })
    }

    /// True when the document has `w` in lowercase ("Soup" / "soup") at
    /// least as often as capitalised mid-sentence: a common word, not a name.
    pub fn seen_lowercase(&self, w: &str) -> bool {
        let lower = self
            .lower_seen
            .get(w.to_lowercase().as_str())
            .copied()
            .unwrap_or(0);
        lower > 0 && lower >= self.cap_seen.get(w).copied().unwrap_or(0)
    }

    /// The words of tokens `a..b` joined by single spaces, with a modifier
    /// suffix dropped from the last word.
    pub fn key(&self, a: usize, b: usize) -> Cow<'_, str> {
        if b <= a {
            return Cow::Borrowed("");
        }
        let raw = self.span(a, b).slice(self.text);
        let gap = |i: usize| &self.text[self.toks[i - 1].end()..self.toks[i].start()];
        if (a + 1..b).all(|i| matches!(gap(i), "" | " ")) {
            return Cow::Borrowed(raw);
        }
        let mut s = String::with_capacity(raw.len());
        for i in a..b {
            if i > a && !gap(i).is_empty() {
                s.push(' ');
            }
            s.push_str(if i + 1 == b {
                name_part(self.word(i))
            } else {
                self.word(i)
            });
        }
        Cow::Owned(s)
    }

    /// The span of tokens `a..b`, without a modifier suffix.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let last = self.word(b - 1);
        Span::new(
            self.toks[a].start(),
            self.toks[b - 1].start() + name_part(last).len(),
        )
    }

    /// The longest title starting at token `a` (not beyond `b`).
    pub fn title_at(&self, a: usize, b: usize) -> Option<(usize, Gender)> {
        let lx = &*LEXICON;
        if !lx.title_starts.contains(self.word(a)) {
            return None;
        }
        (a + 1..=b.min(a + MAX_ENTRY_WORDS))
            .rev()
            .find_map(|e| lx.titles.get(self.key(a, e).as_ref()).map(|&g| (e, g)))
    }
}
