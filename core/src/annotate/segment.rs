//! Segmentation: words and sentences, with byte offsets into the text.
//!
//! Tokens keep abbreviations whole ("U.S.", "J.", "Mr.") and split the
//! possessive ("Trump" + "'s"). Sentences end at `.` `!` `?` (and any closing
//! quotes or brackets after them) when what follows looks like a new
//! sentence, at blank lines, and at line ends unless the text is hard-wrapped.

use std::ops::Range;

use crate::annotate::cursor::{gallop, gallop_back};
use crate::annotate::lexicon::{ABBREVIATIONS, SENTENCE_OPENERS};
use crate::model::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens or periods).
    Word,
    /// Digits (with inner separators).
    Number,
    /// A single punctuation or symbol character, or the middle of a long
    /// run of symbols with no space in it (a URL, a path, markup: see
    /// [`symbol_run`]), which joins no name.
    Punct,
}

/// A word, number or punctuation mark, with the facts the later stages
/// attach to it.
///
/// The token list is the annotator's largest structure (about one token per
/// five bytes of news text), so a token is kept to 12 bytes: offsets are
/// `u32`, and the sentence index shares a word with the kind and the flags.
/// That holds any text gloss loads (`document::MAX_BYTES`, 256 MiB, has
/// fewer than 2^28 sentences), and `annotate` refuses larger texts; beyond
/// it, offsets and sentence indices would saturate rather than wrap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    start: u32,
    /// One past the last byte.
    end: u32,
    /// Sentence index (low [`SENT_BITS`] bits), kind and flags.
    meta: u32,
}

/// Bits of [`Token::meta`] that hold the sentence index.
const SENT_BITS: u32 = 28;
/// The sentence index's mask.
const SENT_MASK: u32 = (1 << SENT_BITS) - 1;
/// Where the two bits of the kind start.
const KIND_SHIFT: u32 = SENT_BITS;
/// Set when a capital at the token says nothing.
const AMBIGUOUS: u32 = 1 << 30;
/// Set inside quotation marks.
const QUOTED: u32 = 1 << 31;

/// `n` as `u32`, saturating.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Token {
    /// A token of `kind` over `span`, in sentence 0, with no flags set.
    pub fn new(span: Span, kind: TokenKind) -> Self {
        let kind = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        Token {
            start: narrow(span.start),
            end: narrow(span.end),
            meta: kind << KIND_SHIFT,
        }
    }

    /// Where it stands.
    pub fn span(self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// Its first byte.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past its last byte.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// What it is.
    pub fn kind(self) -> TokenKind {
        match (self.meta >> KIND_SHIFT) & 3 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    /// Index of its sentence among the [`sentences`] of the text. Only [`segment`]
    /// sets it: tokens from [`tokens`] or [`scan`] all say sentence 0.
    pub fn sent(self) -> usize {
        (self.meta & SENT_MASK) as usize
    }

    /// Puts it in sentence `k`.
    fn set_sent(&mut self, k: usize) {
        self.meta = (self.meta & !SENT_MASK) | narrow(k).min(SENT_MASK);
    }

    /// True when a capital here says nothing (sentence start, after an
    /// opening quote, in a title-case headline); set by the name stage.
    pub fn ambiguous(self) -> bool {
        self.meta & AMBIGUOUS != 0
    }

    /// Sets [`Token::ambiguous`].
    pub fn set_ambiguous(&mut self, on: bool) {
        self.set_flag(AMBIGUOUS, on);
    }

    /// True inside quotation marks; set by the name stage.
    pub fn quoted(self) -> bool {
        self.meta & QUOTED != 0
    }

    /// Sets [`Token::quoted`].
    pub fn set_quoted(&mut self, on: bool) {
        self.set_flag(QUOTED, on);
    }

    fn set_flag(&mut self, flag: u32, on: bool) {
        if on {
            self.meta |= flag;
        } else {
            self.meta &= !flag;
        }
    }

    /// The token's text.
    pub fn text(self, text: &str) -> &str {
        self.span().slice(text)
    }

    /// True for a word whose first letter is uppercase.
    pub fn is_capitalized(self, text: &str) -> bool {
        self.kind() == TokenKind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// True for characters that may join two parts of one word: apostrophes,
/// hyphens and periods ("don't", "Jong-un", "U.S.").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// Splits `text[span]` into tokens.
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::with_capacity(span.len() / 5);
    scan(text, span, |t| out.push(t));
    out
}

/// The character starting at byte `i` of `s`, if any (ASCII without
/// decoding).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Byte classes for the tokeniser's fast paths.
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const LETTER: u8 = 3;
/// A byte of a multi-byte character: decode and use the general rules.
const HIGH: u8 = 4;

/// The class of every byte value (0 for other ASCII characters).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            HIGH
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c == b' ' || (c >= b'\t' && c <= b'\r') {
            // `char::is_whitespace` on ASCII.
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Splits `text[span]` into tokens and hands each one, in order, to `emit`
/// (as [`tokens`] does, without collecting them).
pub fn scan(text: &str, span: Span, mut emit: impl FnMut(Token)) {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    // End of the last token emitted (relative to `s`), for the possessive.
    let mut last_end = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[usize::from(b)];
        if class == SPACE {
            i += 1;
            continue;
        }
        let c = if class == HIGH {
            match char_at(s, i) {
                Some(c) => c,
                None => break,
            }
        } else {
            char::from(b)
        };
        let after = i + c.len_utf8();
        if class == HIGH && c.is_whitespace() {
            i = after;
            continue;
        }
        if last_end != Some(i)
            && let Some(middle) = symbol_run(s, i)
        {
            // Opening marks, the run, and closing marks, as the prose around
            // it needs them: a quotation, a bracket, a full stop.
            let end = i + run_len(&s[i..]);
            let pieces = char_spans(s, i, middle.start)
                .chain([(middle.start, middle.end)])
                .chain(char_spans(s, middle.end, end));
            for (from, to) in pieces {
                emit(Token::new(
                    Span::new(span.start + from, span.start + to),
                    TokenKind::Punct,
                ));
            }
            last_end = Some(end);
            i = end;
            continue;
        }
        let (end, kind) =
            if class == LETTER || class == DIGIT || (class == HIGH && c.is_alphanumeric()) {
                let number = class == DIGIT || (class == HIGH && c.is_numeric());
                word_end(s, i, after, number)
            } else if matches!(c, '\'' | '’')
                && matches!(bytes.get(after), Some(b's' | b'S'))
                && last_end == Some(i)
            {
                // Possessive 's as its own token.
                (after + 1, TokenKind::Word)
            } else {
                (after, TokenKind::Punct)
            };
        emit(Token::new(
            Span::new(span.start + i, span.start + end),
            kind,
        ));
        last_end = Some(end);
        i = end;
    }
}

/// The end and kind of the word or number of `s` that starts at `i` with a
/// letter or digit (a digit when `number`) ending at `after`: letters and
/// digits, joined by hyphens and apostrophes, a number's separators and an
/// abbreviation's period; never a possessive 's.
#[inline]
fn word_end(s: &str, i: usize, after: usize, number: bool) -> (usize, TokenKind) {
    let bytes = s.as_bytes();
    let mut end = after;
    let mut kind = if number {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    loop {
        // Fast path: a run of ASCII letters and digits.
        while let Some(&b) = bytes.get(end) {
            match CLASS[usize::from(b)] {
                LETTER => kind = TokenKind::Word,
                DIGIT => {}
                _ => break,
            }
            end += 1;
        }
        let j = end;
        // Any other ASCII character ends the word: only these may
        // join, separate digits, mark a possessive or an abbreviation.
        if bytes
            .get(j)
            .is_some_and(|b| b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b',' | b':'))
        {
            break;
        }
        let Some(d) = char_at(s, j) else { break };
        let past = j + d.len_utf8();
        if d.is_alphanumeric() {
            if !d.is_numeric() {
                kind = TokenKind::Word;
            }
            end = past;
            continue;
        }
        let next = char_at(s, past);
        let possessive = matches!(d, '\'' | '’')
            && matches!(next, Some('s' | 'S'))
            && !char_at(s, past + 1).is_some_and(char::is_alphanumeric);
        if possessive {
            break;
        }
        let number_sep = kind == TokenKind::Number
            && matches!(d, ',' | '.' | ':')
            && next.is_some_and(|n| n.is_ascii_digit());
        if number_sep || (is_joiner(d) && next.is_some_and(char::is_alphanumeric)) {
            end = past;
            continue;
        }
        // A period closing an abbreviation or initial: "U.S." "J." "Mr.";
        // not the pronoun "I" after a lowercase word ("neither do I.").
        if d == '.'
            && kind == TokenKind::Word
            && is_abbreviation(&s[i..end])
            && !is_pronoun_i(s, i, end)
        {
            end = past;
        }
        break;
    }
    (end, kind)
}

/// Runs of non-space characters at least this long may be symbol runs.
const SYMBOL_RUN: usize = 64;

/// The length in bytes of the run of non-space characters that opens `s`.
fn run_len(s: &str) -> usize {
    s.find(char::is_whitespace).unwrap_or(s.len())
}

/// The spans of the characters of `s[from..to]`, one each.
fn char_spans(s: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    s[from..to]
        .char_indices()
        .map(move |(k, c)| (from + k, from + k + c.len_utf8()))
}

/// When the run of non-space characters starting at byte `i` of `s` is a
/// symbol run — at least [`SYMBOL_RUN`] bytes, one in eight of them ASCII
/// punctuation: a URL, a file path, an e-mail address, a line of code or
/// markup, never prose, which has spaces, nor a long word or a script
/// written without spaces, which have no punctuation — the part of it after
/// its opening marks and before its closing ones, as byte offsets into `s`.
///
/// The middle is one token, so such a run costs a few tokens however long
/// it is (a token a byte would hold twelve times the text), and no name is
/// read out of a web address.
#[inline]
fn symbol_run(s: &str, i: usize) -> Option<Range<usize>> {
    // Nearly every run is a word, far shorter: an ASCII space among its
    // first bytes (before any other character) settles it undecoded, here,
    // where the tokeniser calls it for every word.
    let head = &s.as_bytes()[i..s.len().min(i + SYMBOL_RUN)];
    if head.len() < SYMBOL_RUN
        || head
            .iter()
            .take_while(|b| b.is_ascii())
            .any(u8::is_ascii_whitespace)
    {
        return None;
    }
    long_symbol_run(s, i)
}

/// [`symbol_run`] of a run of at least [`SYMBOL_RUN`] bytes without an
/// ASCII space before its first other character.
fn long_symbol_run(s: &str, i: usize) -> Option<Range<usize>> {
    let run = &s[i..i + run_len(&s[i..])];
    if run.len() < SYMBOL_RUN
        || run.bytes().filter(u8::is_ascii_punctuation).count() * 8 < run.len()
    {
        return None;
    }
    let opening = |c: char| matches!(c, '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«');
    let closing = |c: char| {
        matches!(
            c,
            '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '.' | ',' | ';' | ':' | '!' | '?'
        )
    };
    let lead: usize = run
        .chars()
        .take(2)
        .take_while(|&c| opening(c))
        .map(char::len_utf8)
        .sum();
    let trail: usize = run
        .chars()
        .rev()
        .take(3)
        .take_while(|&c| closing(c))
        .map(char::len_utf8)
        .sum();
    Some(i + lead..i + run.len() - trail)
}

/// True when `s[i..end]` is "I" right after a lowercase word: the pronoun
/// ("so do I."), not an initial ("Mary I. Jones").
fn is_pronoun_i(s: &str, i: usize, end: usize) -> bool {
    &s[i..end] == "I"
        && s[..i].ends_with(' ')
        && s[..i]
            .split_whitespace()
            .next_back()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_lowercase)
}

/// True when `word` (without its final period) is an abbreviation that
/// takes a period: a listed one, a single letter (an initial), or dotted
/// letters ("U.S", "a.m").
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if single || word.contains('.') {
        return true;
    }
    // Listed abbreviations are at most five bytes: lowercase on the stack.
    let mut buf = [0u8; 5];
    let Some(low) = buf.get_mut(..word.len()) else {
        return false;
    };
    low.copy_from_slice(word.as_bytes());
    low.make_ascii_lowercase();
    std::str::from_utf8(low).is_ok_and(|w| ABBREVIATIONS.contains(w))
}

/// True when the token text is an abbreviation whose period may still end a
/// sentence ("U.S." at the end of a sentence), as opposed to one that never
/// does ("Mr.", "J.").
fn is_ambiguous_abbreviation(word: &str) -> bool {
    let body = word.trim_end_matches('.');
    body.contains('.')
        || matches!(
            body.to_ascii_lowercase().as_str(),
            "inc" | "corp" | "ltd" | "co" | "jr" | "sr" | "etc"
        )
}

/// True when lines of `text` look hard-wrapped (a paragraph spread over
/// several lines of similar length), so that a single newline is not a break.
pub fn is_hard_wrapped(text: &str) -> bool {
    let lens: Vec<usize> = text
        .lines()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .take(200)
        .collect();
    lens.len() >= 5
        && lens.iter().filter(|&&n| (50..=100).contains(&n)).count() * 10 >= lens.len() * 8
}

/// Splits `text` into sentences. Every sentence is trimmed of surrounding
/// whitespace, and no sentence spans a blank line.
///
/// Only one paragraph's tokens are held at a time, so this costs the
/// sentence list alone.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    split(text, &mut Vec::new(), false, |s| out.push(span_of(s)));
    out
}

/// The sentences of a text, as [`sentences`] splits it, to find the one
/// around a place (the sentence of a commitment, of a mention).
///
/// ```
/// use gloss_core::annotate::Sentences;
///
/// let text = "Kim wrote. Trump read it.";
/// let sentences = Sentences::new(text);
/// assert_eq!(sentences.at(12).map(|s| s.slice(text)), Some("Trump read it."));
/// assert_eq!(sentences.at(10), None);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentences(Vec<Span>);

impl Sentences {
    /// The sentences of `text`.
    pub fn new(text: &str) -> Self {
        Self(sentences(text))
    }

    /// The sentence holding byte `byte`, if any (the space between two
    /// sentences is in none).
    pub fn at(&self, byte: usize) -> Option<Span> {
        let i = self.0.partition_point(|s| s.end <= byte);
        self.0.get(i).copied().filter(|s| s.contains(byte))
    }

    /// Every sentence, in order.
    pub fn spans(&self) -> &[Span] {
        &self.0
    }
}

/// The tokens of `text`, in order, each knowing the index of its sentence
/// ([`Token::sent`]) among the [`sentences`] of `text`.
///
/// A sentence runs from its first token's start to its last token's end
/// (every character but whitespace is in a token), so the tokens are the
/// whole segmentation: [`sentence_range`] and [`sentence_ranges`] give the
/// tokens of a sentence, and no list is kept per sentence (a text of
/// one-word lines has as many sentences as tokens).
pub fn segment(text: &str) -> Vec<Token> {
    let mut toks = Vec::new();
    let mut k = 0;
    split(text, &mut toks, true, |s| {
        for t in s {
            t.set_sent(k);
        }
        k += 1;
    });
    toks.shrink_to_fit();
    toks
}

/// The span from the start of the first of `toks` to the end of the last
/// (empty for no tokens).
pub fn span_of(toks: &[Token]) -> Span {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => Span::new(a.start(), b.end()),
        _ => Span::default(),
    }
}

/// The token range of the sentence holding token `i` of `toks` (tokens of
/// [`segment`]); empty when there is no token `i`. Found from `i` outwards,
/// so it costs the logarithm of the sentence's length.
pub fn sentence_range(toks: &[Token], i: usize) -> Range<usize> {
    let Some(s) = toks.get(i).map(|t| t.sent()) else {
        return 0..0;
    };
    let start = gallop_back(&toks[..i], |t| t.sent() < s);
    let end = i + gallop(&toks[i..], |t| t.sent() == s);
    start..end
}

/// True when token `i` of `toks` (tokens of `text`) is the first on its
/// line: the first token of the text, or one after a line break. Only
/// whitespace lies between tokens, so a line break in the gap before it
/// says so. False past the last token.
pub fn opens_line(text: &str, toks: &[Token], i: usize) -> bool {
    match i.checked_sub(1) {
        None => !toks.is_empty(),
        Some(p) => toks.get(i).is_some_and(|t| {
            text.get(toks[p].end()..t.start())
                .is_some_and(|gap| gap.contains('\n'))
        }),
    }
}

/// The token range of every sentence of `toks` (tokens of [`segment`]), in
/// order.
pub fn sentence_ranges(toks: &[Token]) -> impl Iterator<Item = Range<usize>> + '_ {
    toks.chunk_by(|a, b| a.sent() == b.sent()).scan(0, |at, s| {
        let r = *at..*at + s.len();
        *at = r.end;
        Some(r)
    })
}

/// Tokenises `text` paragraph by paragraph onto `toks` and hands the tokens
/// of each sentence, in order, to `sentence`. Unless `keep` is set, a
/// paragraph's tokens are dropped once its sentences are handed over.
fn split(text: &str, toks: &mut Vec<Token>, keep: bool, mut sentence: impl FnMut(&mut [Token])) {
    let mut ends = Vec::new();
    for para in paragraphs(text) {
        if !keep {
            toks.clear();
        }
        let base = toks.len();
        scan(text, para, |t| toks.push(t));
        ends.clear();
        split_paragraph(text, &toks[base..], |k| ends.push(base + k));
        ends.push(toks.len());
        let mut first = base;
        for &end in &ends {
            sentence(&mut toks[first..end]);
            first = end;
        }
    }
}

/// A line of a text: its bytes without the line break, those trimmed of
/// spaces, and where the trimmed text starts.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    /// Its bytes, without the line break.
    pub span: Span,
    /// Its text without the spaces around it.
    pub trimmed: &'a str,
    /// The byte where `trimmed` starts.
    pub trimmed_start: usize,
}

impl<'a> Line<'a> {
    /// The line whose bytes (without its break) are `body`, starting at
    /// byte `start`.
    pub fn new(start: usize, body: &'a str) -> Self {
        let body = body.trim_end_matches(['\n', '\r']);
        Line {
            span: Span::new(start, start + body.len()),
            trimmed: body.trim(),
            trimmed_start: start + body.len() - body.trim_start().len(),
        }
    }
}

/// The lines of `text` from byte `from` (the start of a line) on, in
/// order.
pub fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line<'_>> {
    text.get(from..)
        .unwrap_or("")
        .split_inclusive('\n')
        .scan(from, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some(Line::new(start, piece))
        })
}

/// Paragraph spans, trimmed: separated by blank lines, or by any newline
/// when the text is not hard-wrapped ([`is_hard_wrapped`]).
fn paragraphs(text: &str) -> impl Iterator<Item = Span> + '_ {
    paragraphs_from(text, is_hard_wrapped(text), 0)
}

/// The paragraphs of `text` (as the sentences and the reader's layout see
/// them) from byte `from` on, where `from` is the start of the text or the
/// end of a paragraph: trimmed, separated by blank lines, or by any newline
/// unless `hard_wrapped` (see [`is_hard_wrapped`]).
pub fn paragraphs_from(
    text: &str,
    hard_wrapped: bool,
    from: usize,
) -> impl Iterator<Item = Span> + '_ {
    let mut lines = lines_from(text, from);
    let mut start = None;
    std::iter::from_fn(move || {
        loop {
            let Some(line) = lines.next() else {
                return start.take().map(|s| Span::new(s, text.len()));
            };
            let at = line.span.start;
            if line.trimmed.is_empty() {
                if let Some(s) = start.take() {
                    return Some(Span::new(s, at));
                }
            } else {
                let s = *start.get_or_insert(at);
                if !hard_wrapped {
                    start = None;
                    return Some(Span::new(s, line.span.end));
                }
            }
        }
    })
    .filter_map(|s| s.trimmed(text))
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

/// Finds the sentence breaks of a paragraph, given its tokens, and hands
/// `split` the index (into `toks`) of the first token of each sentence
/// after the first.
fn split_paragraph(text: &str, toks: &[Token], mut split: impl FnMut(usize)) {
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        // Every terminal mark ends in one of these bytes ('…' in 0xA6).
        if !matches!(
            text.as_bytes().get(t.end().wrapping_sub(1)),
            Some(b'.' | b'!' | b'?' | 0xA6)
        ) {
            i += 1;
            continue;
        }
        let word = t.text(text);
        let ends_with_period = t.kind() == TokenKind::Word && word.ends_with('.');
        let terminal = matches!(word, "." | "!" | "?" | "…") || ends_with_period;
        if !terminal {
            i += 1;
            continue;
        }
        // Take closing quotes and brackets, and further terminal marks ("?!").
        let mut j = i + 1;
        while j < toks.len()
            && (is_closer(toks[j].text(text)) || matches!(toks[j].text(text), "." | "!" | "?"))
        {
            j += 1;
        }
        let Some(next) = toks.get(j) else { break };
        let next_text = next.text(text);
        let starts_new = next.is_capitalized(text)
            || next.kind() == TokenKind::Number
            || matches!(next_text, "\"" | "“" | "‘" | "(" | "[" | "'");
        let breaks = starts_new
            && (!ends_with_period
                || (is_ambiguous_abbreviation(word) && SENTENCE_OPENERS.contains(next_text))
                || !is_abbreviation(word.trim_end_matches('.')));
        if breaks {
            split(j);
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn the_pronoun_i_ends_a_sentence_an_initial_does_not() {
        assert_eq!(
            sents("Neither do I. One sergeant said so."),
            ["Neither do I.", "One sergeant said so."]
        );
        assert_eq!(words("so do I. One"), ["so", "do", "I", ".", "One"]);
        assert_eq!(words("Mary I. Jones"), ["Mary", "I.", "Jones"]);
    }

    #[test]
    fn a_web_address_is_one_token_between_the_marks_around_it() {
        let url = "https://www.example.org/2024/03/14/world/Talks-Resume-In-Geneva.html?ref=World";
        let text = format!("Read it (\"{url}\"). Then Angela Merkel spoke.");
        let toks = tokens(&text, Span::new(0, text.len()));
        let got: Vec<&str> = toks.iter().map(|t| t.text(&text)).collect();
        assert_eq!(
            got,
            [
                "Read", "it", "(", "\"", url, "\"", ")", ".", "Then", "Angela", "Merkel", "spoke",
                "."
            ]
        );
        assert_eq!(
            sents(&text),
            [
                &text[..text.find(" Then").unwrap()],
                "Then Angela Merkel spoke."
            ]
        );
        // Short runs, long words and text without spaces or marks are words.
        let word = "Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz";
        assert_eq!(
            words(&format!("{word} e-mail: a@b.org")),
            [word, "e-mail", ":", "a", "@", "b.org"]
        );
        let run = "[".repeat(10) + &"](u)".repeat(1_000);
        assert_eq!(
            tokens(&run, Span::new(0, run.len())).len(),
            4,
            "two marks, the run, a bracket"
        );
    }

    #[test]
    fn tokens_keep_abbreviations_and_split_possessives() {
        assert_eq!(
            words("U.S. President Donald J. Trump's letter, Kim Jong-un’s."),
            [
                "U.S.",
                "President",
                "Donald",
                "J.",
                "Trump",
                "'s",
                "letter",
                ",",
                "Kim",
                "Jong-un",
                "’s",
                "."
            ]
        );
        assert_eq!(
            words("Mr. Smith paid $1,200.50 on 12.5.2020"),
            ["Mr.", "Smith", "paid", "$", "1,200.50", "on", "12.5.2020"]
        );
        assert_eq!(words("don't “quote”"), ["don't", "“", "quote", "”"]);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            sents(
                "On Thursday, the White House said that U.S. President Donald J. Trump had received a letter. Trump had tweeted."
            ),
            [
                "On Thursday, the White House said that U.S. President Donald J. Trump had received a letter.",
                "Trump had tweeted."
            ]
        );
        assert_eq!(
            sents("Mr. Smith went to Washington. He left."),
            ["Mr. Smith went to Washington.", "He left."]
        );
        assert_eq!(
            sents("He flew to the U.S. The trip was long."),
            ["He flew to the U.S.", "The trip was long."]
        );
        assert_eq!(
            sents("The work went to Castlegate Polling Ltd. According to the firm, it is done."),
            [
                "The work went to Castlegate Polling Ltd.",
                "According to the firm, it is done."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("He thanked Kim “for your nice letter.” “I look forward to it,” Trump added."),
            [
                "He thanked Kim “for your nice letter.”",
                "“I look forward to it,” Trump added."
            ]
        );
    }

    #[test]
    fn lines_are_paragraphs_unless_hard_wrapped() {
        assert_eq!(
            sents("Headline without stop\nBody text here."),
            ["Headline without stop", "Body text here."]
        );
        let wrapped = "This is a long line of a hard wrapped paragraph that goes on and\n"
            .repeat(6)
            + "ends here.";
        assert_eq!(sentences(&wrapped).len(), 1);
    }

    /// Checks what [`segment`] promises of `text`: its sentences are those
    /// of [`sentences`], trimmed, separated by whitespace alone and covering
    /// every other character; the tokens of each are those of the sentence
    /// tokenised alone; [`sentence_range`] finds them from any of them.
    fn check_segmentation(text: &str) -> Result<(), TestCaseError> {
        let toks = segment(text);
        let sents = sentences(text);
        let ranges: Vec<_> = sentence_ranges(&toks).collect();
        prop_assert_eq!(ranges.len(), sents.len());
        let mut covered = 0;
        let mut prev_end = 0;
        for (k, (s, r)) in sents.iter().zip(&ranges).enumerate() {
            prop_assert!(text[prev_end..s.start].trim().is_empty());
            prop_assert!(!s.is_empty() && s.slice(text).trim() == s.slice(text));
            prev_end = s.end;
            let alone: Vec<_> = tokens(text, *s)
                .iter()
                .map(|t| (t.span(), t.kind()))
                .collect();
            let kept: Vec<_> = toks[r.clone()]
                .iter()
                .map(|t| (t.span(), t.kind()))
                .collect();
            prop_assert_eq!(kept, alone);
            prop_assert!(toks[r.clone()].iter().all(|t| t.sent() == k));
            for i in r.clone() {
                prop_assert_eq!(sentence_range(&toks, i), r.clone());
            }
            prop_assert_eq!(r.start, covered);
            covered = r.end;
        }
        prop_assert!(text[prev_end..].trim().is_empty());
        prop_assert_eq!(covered, toks.len());
        prop_assert_eq!(sentence_range(&toks, toks.len()), 0..0);
        Ok(())
    }

    #[test]
    fn segment_keeps_the_tokens_of_each_sentence() {
        let text = "Mr. Lee left. He said “bye.”\n\nNew paragraph here";
        assert_eq!(sentences(text).len(), 3);
        check_segmentation(text).unwrap();
        let lines = "a\n".repeat(300);
        assert_eq!(sentences(&lines).len(), 300);
        check_segmentation(&lines).unwrap();
    }

    proptest! {
        // The act stages rely on this: the tokens `segment` keeps for a
        // sentence are those of the sentence tokenised alone.
        #[test]
        fn sentence_tokens_match_each_sentence_alone(
            text in "[A-Za-z0-9 .,:;'’\"“”()!?\n\t‐é€\u{85}\u{a0}\u{2028}-]{0,300}"
        ) {
            check_segmentation(&text)?;
        }
    }

    #[test]
    fn no_sentence_on_blank_text() {
        assert!(sentences("  \n\n \r\n").is_empty());
    }
}
