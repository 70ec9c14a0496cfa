//! Shared ground for the quote and commitment stages: a flat token view of the
//! document with sentence, paragraph and quotation-mark context, word lists,
//! and the rules that find and resolve the agent (speaker or actor) of a verb.

pub mod agent;
pub mod marks;
pub mod words;

use crate::annotate::segment::{self, TokenKind};
use crate::model::{Annotations, Span};

pub use marks::Marked;

/// One token of the document, with its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Where it stands.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Index of its sentence in [`Annotations::sentences`].
    pub sent: usize,
    /// Index of its paragraph.
    pub para: usize,
    /// Index into [`Doc::marks`] of the quotation it stands inside, if any.
    pub quote: Option<usize>,
}

/// A document prepared for the act stages.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// The text with ASCII letters lowercased (same byte offsets).
    pub lower: String,
    /// Sentences, entities and mentions (and quotes, once found).
    pub ann: &'a Annotations,
    /// All tokens, in order.
    pub toks: Vec<Tok>,
    /// Token ranges per sentence, parallel to `ann.sentences`.
    pub sents: Vec<std::ops::Range<usize>>,
    /// Quotations between quotation marks, in order.
    pub marks: Vec<Marked>,
}

impl<'a> Doc<'a> {
    /// Prepares `text` for the act stages.
    pub fn new(text: &'a str, ann: &'a Annotations) -> Self {
        let paras = paragraph_of_sentences(text, &ann.sentences);
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut sents = Vec::with_capacity(ann.sentences.len());
        for (si, &s) in ann.sentences.iter().enumerate() {
            let start = toks.len();
            let para = paras.get(si).copied().unwrap_or(0);
            toks.extend(segment::tokens(text, s).into_iter().map(|t| Tok {
                span: t.span,
                kind: t.kind,
                sent: si,
                para,
                quote: None,
            }));
            sents.push(start..toks.len());
        }
        let marks = marks::find(text, &ann.sentences, &paras);
        let mut qi = 0;
        for t in &mut toks {
            while qi < marks.len() && marks[qi].outer.end <= t.span.start {
                qi += 1;
            }
            if qi < marks.len() && marks[qi].inner.contains(t.span.start) {
                t.quote = Some(qi);
            }
        }
        let mut doc = Doc {
            text,
            lower: text.to_ascii_lowercase(),
            ann,
            toks,
            sents,
            marks,
        };
        doc.locate_marks();
        doc
    }

    /// Records the token index of each quotation's opening and closing mark.
    fn locate_marks(&mut self) {
        for m in 0..self.marks.len() {
            let open = self.token_at(self.marks[m].outer.start);
            let close = self.marks[m]
                .closed
                .then(|| self.token_at(self.marks[m].outer.end.saturating_sub(1)))
                .flatten();
            self.marks[m].open_tok = open;
            self.marks[m].close_tok = close;
        }
    }

    /// The index of the token starting at or covering `byte`, if any.
    pub fn token_at(&self, byte: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.span.end <= byte);
        (i < self.toks.len() && self.toks[i].span.start <= byte).then_some(i)
    }

    /// The lowercased text of token `i` (empty when out of range).
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| {
            self.lower.get(t.span.start..t.span.end).unwrap_or("")
        })
    }

    /// The original text of token `i` (empty when out of range).
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| {
            self.text.get(t.span.start..t.span.end).unwrap_or("")
        })
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind != TokenKind::Punct)
    }

    /// True when token `i` is a quotation mark.
    pub fn is_mark(&self, i: usize) -> bool {
        matches!(self.low(i), "\"" | "“" | "”" | "„" | "«" | "»")
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        self.toks
            .get(i)
            .and_then(|t| self.sents.get(t.sent).cloned())
            .unwrap_or(0..0)
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

    /// The byte span from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(x), Some(y)) if a < b => Span::new(x.span.start, y.span.end),
            _ => Span::default(),
        }
    }

    /// The end (exclusive token index) of the clause starting at token `a`:
    /// the end of its sentence, cut before a semicolon, before the closing
    /// mark of the quotation `a` stands in, or before a comma that opens a
    /// new clause (", which", ", according to", ", he said"); trailing
    /// punctuation and quotation marks are left out.
    pub fn clause_end(&self, a: usize) -> usize {
        let sent = self.sentence_of(a);
        let quote = self.toks.get(a).and_then(|t| t.quote);
        let mut end = sent.end;
        let mut i = a;
        while i < sent.end {
            let w = self.low(i);
            if w == ";" || (quote.is_some() && self.toks[i].quote != quote && self.ends_clause(i)) {
                end = i;
                break;
            }
            if w == "," && i > a && words::CLAUSE_OPENERS.contains(self.low(i + 1)) {
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

/// The paragraph index of each sentence. A paragraph break is a blank line
/// when the text has blank lines, otherwise any line break.
fn paragraph_of_sentences(text: &str, sentences: &[Span]) -> Vec<usize> {
    let blank_lines = text.contains("\n\n") || text.contains("\n\r\n");
    let mut out = Vec::with_capacity(sentences.len());
    let mut para = 0;
    let mut prev_end: Option<usize> = None;
    for s in sentences {
        if let Some(p) = prev_end {
            let gap = text.get(p..s.start).unwrap_or("");
            let breaks = if blank_lines {
                gap.matches('\n').count() >= 2
            } else {
                gap.contains('\n')
            };
            if breaks {
                para += 1;
            }
        }
        out.push(para);
        prev_end = Some(s.end);
    }
    out
}
