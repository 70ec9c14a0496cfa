//! The one quotation pass: a document's paragraphs and the spans of text
//! between an opening and a closing mark, paragraph by paragraph, found
//! once ([`Quotations::new`]) and read by every stage (the entity stage's
//! quoted tokens and speakers, the quote and commitment stages). A
//! quotation left open at the end of its paragraph ends there (and
//! `continues` when the next paragraph opens a quotation, the news
//! convention for a quote running over several paragraphs).

use crate::annotate::bits::Bits;
use crate::annotate::cursor::Cursor;
use crate::annotate::segment::{Token, opens_line, sentence_ranges, span_of};
use crate::model::Span;

/// A document's paragraphs and quotations.
pub struct Quotations {
    /// For each sentence, true when a paragraph starts there (after the
    /// first): the paragraph of a sentence is the count up to it.
    pub para_starts: Bits,
    /// The quotations, in order, never overlapping, each with the tokens
    /// of its marks.
    pub marks: Vec<Marked>,
}

impl Quotations {
    /// Finds the paragraphs and quotations of `text`, given its tokens
    /// (from [`crate::annotate::segment`]).
    pub fn new(text: &str, toks: &[Token]) -> Self {
        let para_starts = paragraph_starts(text, toks);
        let paras = toks
            .chunk_by(|a, b| a.sent() == b.sent() || !para_starts.get(b.sent()))
            .map(span_of);
        let mut marks = find(text, paras);
        // Quotations come in order: walk the tokens instead of searching.
        let (mut opens, mut closes) = (Cursor::default(), Cursor::default());
        for m in &mut marks {
            m.open_tok = token_from(toks, &mut opens, m.outer.start);
            m.close_tok = m
                .closed
                .then(|| token_from(toks, &mut closes, m.outer.end.saturating_sub(1)))
                .flatten();
        }
        // Held through every later stage: no room to grow.
        marks.shrink_to_fit();
        Quotations { para_starts, marks }
    }

    /// Flags the `toks` (those [`Quotations::new`] read) whose start lies
    /// inside a quotation's words as quoted.
    pub fn flag(&self, toks: &mut [Token]) {
        let mut from = Cursor::default();
        for m in &self.marks {
            let first = from.seek(toks, m.inner.start, |t, at| t.start() < at);
            for t in toks[first..]
                .iter_mut()
                .take_while(|t| t.start() < m.inner.end)
            {
                t.set_quoted(true);
            }
        }
    }
}

/// The index of the token of `toks` starting at or covering `byte`, if
/// any, seeking from `cursor` (for offsets that mostly grow).
fn token_from(toks: &[Token], cursor: &mut Cursor, byte: usize) -> Option<usize> {
    let i = cursor.seek(toks, byte, |t, b| t.end() <= b);
    toks.get(i).filter(|t| t.start() <= byte).map(|_| i)
}

/// For each sentence of `toks`, true when a paragraph starts there (after
/// the first). A paragraph break is a blank line when the text has blank
/// lines, otherwise any line break.
fn paragraph_starts(text: &str, toks: &[Token]) -> Bits {
    let blank_lines = text.contains("\n\n") || text.contains("\n\r\n");
    sentence_ranges(toks)
        .map(|r| {
            let gap = match r.start.checked_sub(1) {
                Some(p) => text.get(toks[p].end()..toks[r.start].start()).unwrap_or(""),
                None => return false,
            };
            if blank_lines {
                gap.matches('\n').count() >= 2
            } else {
                opens_line(text, toks, r.start)
            }
        })
        .collect()
}

/// One quotation between marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    /// From the opening mark to just after the closing mark (or to the end
    /// of the paragraph when the quotation is not closed).
    pub outer: Span,
    /// The quoted words, trimmed of surrounding whitespace.
    pub inner: Span,
    /// True when a closing mark ends it.
    pub closed: bool,
    /// Its paragraph.
    pub para: usize,
    /// True when it is left open and the next paragraph opens a quotation.
    pub continues: bool,
    /// Token index of the opening mark.
    pub open_tok: Option<usize>,
    /// Token index of the closing mark.
    pub close_tok: Option<usize>,
}

/// Finds the quotations of `text`, given the spans of its paragraphs in
/// order (paragraph `p` is the `p`th).
pub fn find(text: &str, paras: impl IntoIterator<Item = Span>) -> Vec<Marked> {
    let mut paras = paras.into_iter().enumerate().peekable();
    let mut out: Vec<Marked> = Vec::new();
    let mut candidates: Vec<(usize, char)> = Vec::new();
    let bytes = text.as_bytes();
    // The next byte that may be (part of) a double or a single mark, sought
    // once per mark rather than once per paragraph.
    let (mut double, mut single) = (0, 0);
    while let Some((p, span)) = paras.next() {
        double = ahead(double, span.start, bytes, |b| {
            memchr::memchr3(b'"', 0xE2, 0xC2, b)
        });
        single = ahead(single, span.start, bytes, |b| memchr::memchr(b'\'', b));
        if double >= span.end && single >= span.end {
            continue;
        }
        let body = span.slice(text);
        let singles = gather(body, &mut candidates);
        let open = pair(text, &mut out, (p, span.start), body, &candidates, singles);
        // A straight single mark left open was an apostrophe ("'90s").
        if let Some(o) = open.filter(|&(_, c)| c != '\'') {
            push(text, &mut out, p, span.start, o, body.len(), false);
            let next_opens = paras
                .peek()
                .is_some_and(|&(_, n)| n.slice(text).starts_with(['“', '"', '„', '«', '‘']));
            if let Some(last) = out.last_mut().filter(|m| !m.closed) {
                last.continues = next_opens;
            }
        }
    }
    out
}

/// Gathers into `candidates` the marks of the paragraph `body` that may
/// quote, in order; true when single marks may (no double one is there).
fn gather(body: &str, candidates: &mut Vec<(usize, char)>) -> bool {
    // Only '"' (0x22) and marks starting with 0xE2 or 0xC2 matter.
    candidates.clear();
    candidates.extend(
        memchr::memchr3_iter(b'"', 0xE2, 0xC2, body.as_bytes())
            .filter_map(|i| Some((i, body.get(i..)?.chars().next()?))),
    );
    // Single marks quote only in paragraphs without double ones (the
    // British style); elsewhere they are apostrophes or nested quotes.
    let singles = !candidates
        .iter()
        .any(|&(_, c)| matches!(c, '“' | '"' | '„' | '«'));
    // Straight single marks too ('We will fix this,' he said), merged
    // in order.
    if singles && memchr::memchr(b'\'', body.as_bytes()).is_some() {
        candidates.extend(memchr::memchr_iter(b'\'', body.as_bytes()).map(|i| (i, '\'')));
        candidates.sort_unstable_by_key(|&(i, _)| i);
    }
    singles
}

/// Pairs the `candidates` of paragraph `p` (its `body` at byte `base` of
/// `text`), adding to `out` each quotation a closing mark ends; gives back
/// the opening mark left open, if any.
fn pair(
    text: &str,
    out: &mut Vec<Marked>,
    (p, base): (usize, usize),
    body: &str,
    candidates: &[(usize, char)],
    singles: bool,
) -> Option<(usize, char)> {
    let mut open: Option<(usize, char)> = None;
    for &(i, c) in candidates {
        let prev = body.get(..i).and_then(|b| b.chars().next_back());
        let end = i + c.len_utf8();
        let next = body.get(end..).and_then(|b| b.chars().next());
        let at_word_start = !prev.is_some_and(char::is_alphanumeric);
        let before_letter = next.is_some_and(char::is_alphanumeric);
        // The quotation from `o` closes at the mark just read.
        let mut close = |o: (usize, char)| push(text, out, p, base, o, end, true);
        match c {
            '“' | '„' | '«' => open = Some((i, c)),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    close(o);
                }
            }
            '"' => match open {
                Some((o, '"')) => {
                    open = None;
                    close((o, '"'));
                }
                Some(_) => {}
                None if at_word_start => open = Some((i, c)),
                None => {}
            },
            '‘' if singles && open.is_none() && at_word_start => open = Some((i, c)),
            '\'' => match open {
                // Opening: at the start of a word ("'We …").
                None if at_word_start && before_letter => open = Some((i, c)),
                // Closing: after a word or a stop, before no letter
                // (not "don't", nor an opening "'90s").
                Some((o, '\'')) if prev.is_some_and(|p| !p.is_whitespace()) && !before_letter => {
                    open = None;
                    close((o, c));
                }
                _ => {}
            },
            '’' if open.is_some_and(|(_, oc)| oc == '‘') && !before_letter => {
                if let Some(o) = open.take() {
                    close(o);
                }
            }
            _ => {}
        }
    }
    open
}

/// `pos` when it is at or after `from`, else the first position at or after
/// `from` that `find` gives in `bytes` (`usize::MAX` for none).
fn ahead(pos: usize, from: usize, bytes: &[u8], find: impl Fn(&[u8]) -> Option<usize>) -> usize {
    if pos >= from {
        return pos;
    }
    bytes
        .get(from..)
        .and_then(find)
        .map_or(usize::MAX, |i| from + i)
}

/// Adds the quotation opened at `open` (relative to `base`) and ending at
/// `end`, when it holds any words.
fn push(
    text: &str,
    out: &mut Vec<Marked>,
    para: usize,
    base: usize,
    open: (usize, char),
    end: usize,
    closed: bool,
) {
    let start = base + open.0;
    let outer = Span::new(start, base + end);
    let inner_start = start + open.1.len_utf8();
    let inner_end = if closed {
        // The closing mark is one character; find where it starts.
        text.get(..outer.end)
            .and_then(|t| t.char_indices().next_back())
            .map_or(outer.end, |(i, _)| i)
    } else {
        outer.end
    };
    let Some(raw) = text.get(inner_start..inner_end) else {
        return;
    };
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Marked {
        outer,
        inner: Span::new(inner_start + lead, inner_start + lead + trimmed.len()),
        closed,
        para,
        continues: false,
        open_tok: None,
        close_tok: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str, paras: &[Span]) -> Vec<String> {
        find(text, paras.iter().copied())
            .iter()
            .map(|m| m.inner.slice(text).to_owned())
            .collect()
    }

    #[test]
    fn curly_and_straight_marks_pair_up() {
        let t = "She said “go home,” and he said \"stay\". A 5\" screen.";
        let s = [Span::new(0, t.len())];
        assert_eq!(quotes(t, &s), ["go home,", "stay"]);
    }

    #[test]
    fn an_open_quote_ends_with_its_paragraph_and_may_continue() {
        let t = "“First part.\n“Second part.”\nPlain.";
        let a = t.find('\n').unwrap_or(0);
        let b = t.rfind('\n').unwrap_or(0);
        let s = [
            Span::new(0, a),
            Span::new(a + 1, b),
            Span::new(b + 1, t.len()),
        ];
        let m = find(t, s);
        assert_eq!(m.len(), 2);
        assert!(!m[0].closed && m[0].continues);
        assert_eq!(m[0].inner.slice(t), "First part.");
        assert!(m[1].closed && !m[1].continues);
    }

    #[test]
    fn single_marks_quote_only_without_double_ones() {
        let t = "‘We’re ready,’ the players’ coach said.";
        let s = [Span::new(0, t.len())];
        assert_eq!(quotes(t, &s), ["We’re ready,"]);
        let t = "“It’s the ‘best’ plan,” she said.";
        let s = [Span::new(0, t.len())];
        assert_eq!(quotes(t, &s), ["It’s the ‘best’ plan,"]);
    }

    #[test]
    fn the_words_inside_are_flagged_and_quotes_run_over_a_wrapped_line() {
        // Blank lines part paragraphs: the quote runs over a line break.
        let t = "Lee said “we will\nNot stop” today.\n\nThen ‘Max’ left.";
        let mut toks = crate::annotate::segment::segment(t);
        let q = Quotations::new(t, &toks);
        q.flag(&mut toks);
        let quoted: Vec<&str> = toks
            .iter()
            .filter(|k| k.quoted())
            .map(|k| k.text(t))
            .collect();
        // Single marks quote in a paragraph without double ones.
        assert_eq!(quoted, ["we", "will", "Not", "stop", "Max"]);
        assert_eq!(q.marks.len(), 2);
        assert_eq!(q.marks[1].para, 1);
        let open = q.marks[0].open_tok.expect("a token");
        assert_eq!(toks[open].text(t), "“");
    }

    #[test]
    fn empty_and_unbalanced_marks_do_not_panic() {
        for t in ["“”", "”", "\"", "“ ", "„x", "«a» \"", "é\"é“"] {
            let s = [Span::new(0, t.len())];
            let _ = find(t, s);
        }
    }
}
