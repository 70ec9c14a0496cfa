//! The article's layout: the text broken into screen lines for one width.
//!
//! Plain text keeps its paragraphs: each non-blank line is a paragraph (or,
//! in hard-wrapped text, each run of lines between blank lines), and one
//! blank screen line separates paragraphs. Markdown and HTML documents follow
//! their blocks ([`Layout::for_document`]): each line of their text is a
//! paragraph, blank lines stay (one at most), list items hang their wrapped
//! lines under the text after the marker, quotes get a bar in the gutter,
//! and code lines are never joined (a long one breaks between characters). Lines break between words; a word wider
//! than the screen breaks between characters, never inside one. Widths are
//! Unicode display widths of what is drawn: control characters count as their
//! visible placeholder, `\r` as nothing, a tab up to the next multiple of
//! [`TAB`] columns.

use std::ops::{ControlFlow, Range};
use std::sync::Arc;

use unicode_width::UnicodeWidthChar;

use crate::annotate::segment;
use crate::document::sanitize::placeholder;
use crate::document::{BlockKind, Document};
use crate::model::Span;

/// Tab stops every this many columns.
pub const TAB: usize = 4;

/// True for the characters lines may break at. They are drawn as spaces
/// (tabs up to the next stop, `\r` as nothing); no-break spaces are not
/// among them, and control characters other than these are drawn as
/// placeholders.
pub fn is_break_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
        || (c.is_whitespace()
            && !c.is_control()
            && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// What `c` looks like on screen at column `col`: the text to draw and its width.
pub fn glyph(c: char, col: usize) -> (Glyph, usize) {
    match c {
        '\r' => (Glyph::Blank, 0),
        '\t' => (Glyph::Blank, TAB - col % TAB),
        c if is_break_space(c) => (Glyph::Blank, 1),
        c => {
            let shown = placeholder(c).unwrap_or(c);
            (Glyph::Char(shown), shown.width().unwrap_or(0))
        }
    }
}

/// A character as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// Spaces, as many as the glyph is wide.
    Blank,
    /// This character (already made safe for a terminal).
    Char(char),
}

/// Columns of the bar drawn before each line of a block quote (`│ `).
pub const QUOTE_BAR: usize = 2;

/// What a screen line of a structured document shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineKind {
    /// Running text (a paragraph, a list item).
    #[default]
    Text,
    /// A heading of this level (1 to 6).
    Heading(u8),
    /// A line of a code block.
    Code,
}

/// What is drawn before a screen line's text, and what the line is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gutter {
    /// Quote bars ([`QUOTE_BAR`] columns each), one per enclosing quote.
    pub quote: u8,
    /// Blank columns after the bars (a list item's hanging indent).
    pub indent: u16,
    /// What the line shows.
    pub kind: LineKind,
}

impl Gutter {
    /// The columns drawn before the text.
    pub fn width(self) -> usize {
        usize::from(self.quote) * QUOTE_BAR + usize::from(self.indent)
    }
}

/// The text broken into screen lines for one width.
///
/// Lines are not stored: a layout keeps restart points, at every line that
/// holds text or, where that would be more than one per [`BYTES_PER_MARK`]
/// bytes of text, every second, fourth, … such line, and breaks the text
/// again from the nearest one when asked for a line. Its memory is so
/// bounded by the text's size rather than by its number of lines (a text
/// of ten million one-letter lines has twenty million screen lines), and
/// asking for the lines on screen costs a few more lines' breaking.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// The width the lines were broken for.
    pub width: u16,
    /// The text (the document's, shared).
    text: Arc<str>,
    /// The document's blocks, for Markdown and HTML (`None` for plain text).
    blocks: Option<Arc<BlockIndex>>,
    /// Plain text only: true when its lines join into paragraphs
    /// ([`segment::is_hard_wrapped`]).
    hard_wrapped: bool,
    /// Number of screen lines.
    len: usize,
    /// Restart points, in order.
    marks: Vec<Resume>,
}

/// A layout keeps at most one restart point per this many bytes of text
/// (and at least 64), 20 bytes each.
pub const BYTES_PER_MARK: usize = 64;

/// How many lines a walk breaks at a time (it stops early, so a long
/// paragraph is never broken whole to show a few of its lines).
const CHUNK: usize = 32;

/// Where a walk over the screen lines can start again: a screen line that
/// holds text (not a blank line between paragraphs). `u32` offsets hold
/// any text gloss loads (`document::MAX_BYTES`).
#[derive(Clone, Copy, Debug)]
struct Resume {
    /// Its screen line number.
    line: u32,
    /// Its first byte.
    at: u32,
    /// Plain text: the start of its paragraph; structured documents: the
    /// start of its line of the text.
    block: u32,
    /// Plain text: the end of its paragraph.
    block_end: u32,
    /// True when it is the first screen line of its paragraph.
    first: bool,
}

/// A screen line met on a walk.
#[derive(Clone, Copy, Debug)]
struct Row {
    /// Its number.
    line: usize,
    /// Its bytes.
    span: Span,
    /// What is drawn before it.
    gutter: Gutter,
    /// How to start a walk from it, for a line that holds text.
    resume: Option<Resume>,
}

/// How far a walk over a document with blocks has got.
struct Walked {
    /// The next screen line's number.
    line: usize,
    /// The end and quote depth of the last line given.
    last: Option<(usize, u8)>,
}

impl Walked {
    /// Gives the blank line that separates blocks, before the line of the
    /// text at `start` with quote depth `quote`: empty, at the end of the
    /// last line given, with the bars both lines share.
    fn separator(&mut self, start: usize, quote: u8, visit: Visit) -> ControlFlow<()> {
        let end = self.last.map_or(start, |l| l.0);
        let quote = quote.min(self.last.map_or(0, |l| l.1));
        visit(Row {
            line: self.line,
            span: Span::new(end, end),
            gutter: Gutter {
                quote,
                ..Gutter::default()
            },
            resume: None,
        })?;
        self.line += 1;
        self.last = Some((end, quote));
        ControlFlow::Continue(())
    }

    /// Gives the screen lines of one line of the text, shaped by `shape`,
    /// from its start or from `resumed` (a byte and whether it starts the
    /// line's first screen line), [`CHUNK`] lines broken at a time into
    /// `buf`.
    fn wrap(
        &mut self,
        text: &str,
        shape: &Shape,
        resumed: Option<(usize, bool)>,
        buf: &mut Vec<Span>,
        visit: Visit,
    ) -> ControlFlow<()> {
        let (mut at, mut first) = resumed.unwrap_or((shape.para.start, true));
        loop {
            buf.clear();
            let span = Span::new(at, shape.para.end);
            if shape.code {
                wrap_chars(text, span, shape.room, buf, CHUNK + 1);
            } else {
                let rest = shape.room - shape.indent - shape.hang;
                let widths = (
                    if first {
                        shape.room - shape.indent
                    } else {
                        rest
                    },
                    rest,
                );
                wrap_into(text, span, widths, buf, CHUNK + 1);
            }
            for (k, &span) in buf.iter().take(CHUNK).enumerate() {
                let head = first && k == 0;
                let extra = if head || shape.code { 0 } else { shape.hang };
                let resume = Resume {
                    line: narrow(self.line),
                    at: narrow(span.start),
                    block: narrow(shape.line.start),
                    block_end: narrow(shape.line.end),
                    first: head,
                };
                visit(Row {
                    line: self.line,
                    span,
                    gutter: Gutter {
                        quote: shape.quote,
                        indent: u16::try_from(shape.indent + extra).unwrap_or(0),
                        kind: shape.kind,
                    },
                    resume: Some(resume),
                })?;
                self.line += 1;
                self.last = Some((span.end, shape.quote));
            }
            match buf.get(CHUNK) {
                Some(next) => (at, first) = (next.start, false),
                None => return ControlFlow::Continue(()),
            }
        }
    }
}

/// How one line of a document with blocks is wrapped: what is wrapped, in
/// how many columns, after what gutter.
#[derive(Clone, Copy, Debug)]
struct Shape {
    /// The line, without its line break.
    line: Span,
    /// What is wrapped: a code line whole, else without its leading and
    /// trailing spaces.
    para: Span,
    /// Columns of the leading spaces, on every screen line.
    indent: usize,
    /// Columns of a list item's marker, on the screen lines after its first.
    hang: usize,
    /// What the line shows.
    kind: LineKind,
    /// True for a line of a code block (broken anywhere, never indented).
    code: bool,
    /// Quote bars before it.
    quote: u8,
    /// Columns left for the text after the bars.
    room: usize,
}

impl Shape {
    /// The shape of `line` of `text` (a code line when `code`, in `quote`
    /// quotes) in `width` columns.
    fn new(
        text: &str,
        index: &BlockIndex,
        line: Span,
        (code, quote): (bool, u8),
        width: usize,
    ) -> Shape {
        // Keep at least half the width for the text itself.
        let bars = (usize::from(quote) * QUOTE_BAR).min(width / 2);
        let quote = u8::try_from(bars / QUOTE_BAR).unwrap_or(0);
        let room = width - bars;
        let (para, indent, hang, kind) = if code {
            (line, 0, 0, LineKind::Code)
        } else {
            let content = &text[line.start..line.end];
            let first = line.start + (content.len() - content.trim_start().len());
            let para = Span::new(first, line.start + content.trim_end().len());
            let mut indent = span_width(text, line.start, first, 0);
            let mut hang = index.item_at(first).map_or(0, |m| {
                span_width(text, first, (first + m).min(para.end), indent)
            });
            if indent + hang > room / 2 {
                indent = 0;
                hang = 0;
            }
            let kind = index
                .heading(first)
                .map_or(LineKind::Text, LineKind::Heading);
            (para, indent, hang, kind)
        };
        Shape {
            line,
            para,
            indent,
            hang,
            kind,
            code,
            quote,
            room,
        }
    }
}

/// What a walk calls for each screen line, in order; it stops the walk
/// with `Break`.
type Visit<'v> = &'v mut dyn FnMut(Row) -> ControlFlow<()>;

/// How many restart points a layout of `text` keeps at most.
fn mark_room(text: &str) -> usize {
    64 + text.len() / BYTES_PER_MARK
}

/// `n` as `u32`, saturating.
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Layout {
    /// Lays out plain `text` for `width` columns.
    pub fn new(text: impl Into<Arc<str>>, width: u16) -> Self {
        let text = text.into();
        let most = mark_room(&text);
        Self::build(text, width, None, most)
    }

    /// Lays out `doc` for `width` columns: by its blocks when it has them
    /// (Markdown, HTML), else as plain text.
    pub fn for_document(doc: &Document, width: u16) -> Self {
        let blocks = (!doc.blocks.is_empty()).then(|| Arc::new(BlockIndex::new(doc)));
        Self::build(Arc::clone(&doc.text), width, blocks, mark_room(&doc.text))
    }

    /// Walks the whole layout once to count its lines and place at most
    /// `most` restart points (at least one), evenly spaced.
    fn build(text: Arc<str>, width: u16, blocks: Option<Arc<BlockIndex>>, most: usize) -> Self {
        let mut stride = 1;
        let mut layout = Self {
            width,
            hard_wrapped: blocks.is_none() && segment::is_hard_wrapped(&text),
            text,
            blocks,
            len: 0,
            marks: Vec::new(),
        };
        let (mut marks, mut len) = (Vec::<Resume>::new(), 0);
        let _ = layout.walk(None, &mut |row| {
            if let Some(r) = row.resume
                && marks
                    .last()
                    .is_none_or(|m| row.line >= m.line as usize + stride)
            {
                marks.push(r);
                if marks.len() > most.max(1) {
                    // Twice as far apart: keep every second one.
                    let mut k = 0;
                    marks.retain(|_| {
                        k += 1;
                        k % 2 == 1
                    });
                    stride *= 2;
                }
            }
            len = row.line + 1;
            ControlFlow::Continue(())
        });
        marks.shrink_to_fit();
        layout.marks = marks;
        layout.len = len;
        layout
    }

    /// Number of screen lines.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there is no screen line (no text but whitespace).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Screen lines `range` (as far as there are any): their bytes, their
    /// starts never decreasing, and what is drawn before each (nothing for
    /// plain text). A blank line between paragraphs is an empty span at the
    /// end of the paragraph before it.
    pub fn rows(&self, range: Range<usize>) -> Vec<(Span, Gutter)> {
        let mut out = Vec::new();
        if range.start >= range.end.min(self.len) {
            return out;
        }
        let from = self
            .marks
            .partition_point(|m| m.line as usize <= range.start);
        let from = from.checked_sub(1).map(|i| self.marks[i]);
        let _ = self.walk(from, &mut |row| {
            if row.line >= range.end {
                return ControlFlow::Break(());
            }
            if row.line >= range.start {
                out.push((row.span, row.gutter));
            }
            ControlFlow::Continue(())
        });
        out
    }

    /// The bytes of screen line `line`, if there is one.
    pub fn line(&self, line: usize) -> Option<Span> {
        self.rows(line..line + 1).first().map(|&(span, _)| span)
    }

    /// The screen line holding byte `byte` (the last line for bytes past
    /// the end): the last line starting at or before it.
    pub fn line_of(&self, byte: usize) -> usize {
        let from = self.mark_before(byte);
        let mut found = 0;
        let _ = self.walk(from, &mut |row| {
            if row.span.start > byte {
                return ControlFlow::Break(());
            }
            found = row.line;
            ControlFlow::Continue(())
        });
        found
    }

    /// [`Layout::line_of`] without breaking any line: the last restart
    /// point at or before `byte`, exact for a byte in a line that holds text
    /// when every such line is one (texts with fewer lines than a
    /// [`BYTES_PER_MARK`]th of their bytes, as news has) and a few lines
    /// short at worst otherwise; for overviews that place many bytes at
    /// once (the mention map).
    pub fn approx_line_of(&self, byte: usize) -> usize {
        self.mark_before(byte).map_or(0, |m| m.line as usize)
    }

    /// The last restart point at or before byte `byte`.
    fn mark_before(&self, byte: usize) -> Option<Resume> {
        let i = self.marks.partition_point(|m| m.at as usize <= byte);
        i.checked_sub(1).map(|i| self.marks[i])
    }

    /// Hands `visit` the screen lines in order, from restart point `from`
    /// (from the first line for `None`), until it breaks.
    fn walk(&self, from: Option<Resume>, visit: Visit) -> ControlFlow<()> {
        match &self.blocks {
            Some(index) => self.walk_structured(index, from, visit),
            None => self.walk_plain(from, visit),
        }
    }

    /// [`Layout::walk`] for plain text: each paragraph wrapped, one blank
    /// line between paragraphs.
    fn walk_plain(&self, from: Option<Resume>, visit: Visit) -> ControlFlow<()> {
        let text: &str = &self.text;
        let w = usize::from(self.width.max(1));
        let paragraphs = |from| segment::paragraphs_from(text, self.hard_wrapped, from).next();
        let (mut line, mut para, mut at, mut first) = match from {
            Some(r) => (
                r.line as usize,
                Span::new(r.block as usize, r.block_end as usize),
                r.at as usize,
                r.first,
            ),
            None => match paragraphs(0) {
                Some(p) => (0, p, p.start, true),
                None => return ControlFlow::Continue(()),
            },
        };
        let mut buf = Vec::new();
        loop {
            let mut end = para.end;
            loop {
                buf.clear();
                wrap_into(text, Span::new(at, para.end), (w, w), &mut buf, CHUNK + 1);
                for (k, &span) in buf.iter().take(CHUNK).enumerate() {
                    let resume = Resume {
                        line: narrow(line),
                        at: narrow(span.start),
                        block: narrow(para.start),
                        block_end: narrow(para.end),
                        first: first && k == 0,
                    };
                    visit(Row {
                        line,
                        span,
                        gutter: Gutter::default(),
                        resume: Some(resume),
                    })?;
                    line += 1;
                    end = span.end;
                }
                match buf.get(CHUNK) {
                    Some(next) => (at, first) = (next.start, false),
                    None => break,
                }
            }
            let Some(next) = paragraphs(para.end) else {
                return ControlFlow::Continue(());
            };
            visit(Row {
                line,
                span: Span::new(end, end),
                gutter: Gutter::default(),
                resume: None,
            })?;
            line += 1;
            (para, at, first) = (next, next.start, true);
        }
    }

    /// [`Layout::walk`] for a document with blocks; see the module
    /// documentation.
    fn walk_structured(
        &self,
        index: &BlockIndex,
        from: Option<Resume>,
        visit: Visit,
    ) -> ControlFlow<()> {
        let text: &str = &self.text;
        let w = usize::from(self.width.max(1));
        let mut at = Walked {
            line: from.map_or(0, |r| r.line as usize),
            last: None,
        };
        let mut pos = from.map_or(0, |r| r.block as usize);
        let mut restart = from.map(|r| (r.at as usize, r.first));
        let mut blank = false;
        let mut buf = Vec::new();
        while pos < text.len() {
            let start = pos;
            pos = memchr::memchr(b'\n', &text.as_bytes()[start..])
                .map_or(text.len(), |i| start + i + 1);
            let content = text[start..pos].trim_end_matches(['\n', '\r']);
            let code =
                index.in_code(start) || index.in_code(start + content.len().saturating_sub(1));
            let quote = index.quote_depth(start);
            let resumed = restart.take();
            if resumed.is_none() {
                if content.trim().is_empty() && !code {
                    blank = at.line > 0;
                    continue;
                }
                if blank || (code && content.trim().is_empty()) {
                    at.separator(start, quote, visit)?;
                    blank = false;
                    if content.trim().is_empty() {
                        continue;
                    }
                }
            }
            let shape = Shape::new(
                text,
                index,
                Span::new(start, start + content.len()),
                (code, quote),
                w,
            );
            at.wrap(text, &shape, resumed, &mut buf, visit)?;
        }
        ControlFlow::Continue(())
    }
}

/// The blocks of a document as the layout needs them, each list in order of start.
#[derive(Debug)]
struct BlockIndex {
    code: Vec<Span>,
    headings: Vec<(Span, u8)>,
    quotes: Vec<Span>,
    items: Vec<(usize, usize)>,
}

impl BlockIndex {
    fn new(doc: &Document) -> Self {
        let mut index = Self {
            code: Vec::new(),
            headings: Vec::new(),
            quotes: Vec::new(),
            items: Vec::new(),
        };
        for b in &doc.blocks {
            match b.kind {
                BlockKind::Code => index.code.push(b.span),
                BlockKind::Heading { level } => index.headings.push((b.span, level)),
                BlockKind::Quote => index.quotes.push(b.span),
                BlockKind::ListItem { marker_len } => {
                    index.items.push((b.span.start, usize::from(marker_len)));
                }
                BlockKind::Paragraph => {}
            }
        }
        index
    }

    /// The block of `list` holding byte `pos`, for blocks that never overlap.
    fn holding<T: Copy>(list: &[T], span: impl Fn(T) -> Span, pos: usize) -> Option<T> {
        let i = list.partition_point(|&b| span(b).start <= pos);
        let b = *list.get(i.checked_sub(1)?)?;
        span(b).contains(pos).then_some(b)
    }

    fn in_code(&self, pos: usize) -> bool {
        Self::holding(&self.code, |s| s, pos).is_some()
    }

    fn heading(&self, pos: usize) -> Option<u8> {
        Self::holding(&self.headings, |(s, _)| s, pos).map(|(_, l)| l)
    }

    /// The marker length of the list item starting at `pos`.
    fn item_at(&self, pos: usize) -> Option<usize> {
        let i = self.items.partition_point(|&(s, _)| s < pos);
        self.items
            .get(i)
            .filter(|(s, _)| *s == pos)
            .map(|&(_, m)| m)
    }

    /// How many quotes hold `pos` (quotes nest, so all are looked at up to
    /// the first that starts after it; they are few).
    fn quote_depth(&self, pos: usize) -> u8 {
        let n = self.quotes.partition_point(|s| s.start <= pos);
        let depth = self.quotes[..n].iter().filter(|s| s.end > pos).count();
        u8::try_from(depth).unwrap_or(u8::MAX)
    }
}

/// Breaks the line `line` between characters into pieces of at most
/// `width` columns, keeping every character (code is never re-flowed), and
/// pushes the first `limit` of them onto `lines`.
fn wrap_chars(text: &str, line: Span, width: usize, lines: &mut Vec<Span>, limit: usize) {
    let from = lines.len();
    let mut start = line.start;
    let mut col = 0;
    for (k, c) in line.slice(text).char_indices() {
        let at = line.start + k;
        let cw = glyph(c, col).1;
        if col + cw > width && at > start {
            lines.push(Span::new(start, at));
            if lines.len() - from >= limit {
                return;
            }
            start = at;
            col = 0;
        }
        col += glyph(c, col).1;
    }
    lines.push(Span::new(start, line.end));
}

/// Breaks the paragraph `para` into lines of at most `first` columns for
/// its first line and `rest` for the others, and pushes the first `limit`
/// of them onto `lines`. Breaking is greedy, so breaking again from the
/// start of any of these lines (with `rest` columns) gives the same lines
/// from there on. A word wider than any line is measured only until it is
/// known to be too wide, and broken only as far as `limit` lines need, so
/// wrapping a chunk of a long word costs that chunk, not the whole word.
fn wrap_into(
    text: &str,
    para: Span,
    (first, rest): (usize, usize),
    lines: &mut Vec<Span>,
    limit: usize,
) {
    let from = lines.len();
    let full = |lines: &Vec<Span>| lines.len() - from >= limit;
    let width = |lines: &Vec<Span>| if lines.len() == from { first } else { rest };
    let widest = first.max(rest);
    // The line being filled: its start, the end of its last word, its width.
    let mut line: Option<(usize, usize)> = None;
    let mut col = 0;
    // Where the space run before the next word began.
    let mut space_from: Option<usize> = None;
    let mut at = para.start;
    while let Some(c) = text[at..para.end].chars().next() {
        if is_break_space(c) {
            space_from.get_or_insert(at);
            at += c.len_utf8();
            continue;
        }
        // A word: the run of non-space characters from here, measured
        // until it ends or is wider than any line.
        let word_start = at;
        let mut word_w = 0;
        for d in text[at..para.end].chars() {
            if is_break_space(d) || word_w > widest {
                break;
            }
            word_w += glyph(d, 0).1;
            at += d.len_utf8();
        }
        let spaces = space_from.take();
        if let Some((start, end)) = line {
            let gap = spaces.map_or(0, |from| span_width(text, from, word_start, col));
            if col + gap + word_w <= width(lines) {
                line = Some((start, at));
                col += gap + word_w;
                continue;
            }
            lines.push(Span::new(start, end));
            if full(lines) {
                return;
            }
        }
        // The word opens a new line; break it between characters if too wide.
        if word_w <= width(lines) {
            line = Some((word_start, at));
            col = word_w;
            continue;
        }
        let mut start = word_start;
        col = 0;
        at = word_start;
        for d in text[word_start..para.end].chars() {
            if is_break_space(d) {
                break;
            }
            let dw = glyph(d, col).1;
            if col + dw > width(lines) && at > start {
                lines.push(Span::new(start, at));
                if full(lines) {
                    return;
                }
                start = at;
                col = 0;
            }
            col += dw;
            at += d.len_utf8();
        }
        line = Some((start, at));
    }
    if let Some((start, end)) = line {
        lines.push(Span::new(start, end));
    }
}

/// The width of `text[from..to]` drawn from column `col`.
fn span_width(text: &str, from: usize, to: usize, mut col: usize) -> usize {
    let start = col;
    for c in text[from..to].chars() {
        col += glyph(c, col).1;
    }
    col - start
}

/// `text` broken between words into lines of at most `width` columns (a
/// word wider than that between characters), as the article is.
pub fn wrap_text(text: &str, width: usize) -> Vec<&str> {
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let layout = Layout::new(text, width);
    layout
        .rows(0..layout.len())
        .into_iter()
        .map(|(l, _)| l.slice(text))
        .collect()
}

/// The width of screen line `line` of `text` as drawn.
pub fn line_width(text: &str, line: Span) -> usize {
    span_width(text, line.start, line.end, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown(text: &str, width: u16) -> Vec<&str> {
        spans(&Layout::new(text, width))
            .iter()
            .map(|l| l.slice(text))
            .collect()
    }

    /// Every screen line of `l`.
    fn spans(l: &Layout) -> Vec<Span> {
        l.rows(0..l.len()).into_iter().map(|(s, _)| s).collect()
    }

    /// Every gutter of `l`.
    fn gutters(l: &Layout) -> Vec<Gutter> {
        l.rows(0..l.len()).into_iter().map(|(_, g)| g).collect()
    }

    #[test]
    fn words_wrap_and_paragraphs_get_a_gap() {
        let text = "one two three four\nfive six\r\n\n\nseven";
        assert_eq!(
            shown(text, 9),
            ["one two", "three", "four", "", "five six", "", "seven"]
        );
    }

    #[test]
    fn long_words_break_between_characters_and_wide_chars_stay_whole() {
        assert_eq!(shown("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(shown("日本語です", 5), ["日本", "語で", "す"]);
    }

    #[test]
    fn tabs_expand_and_controls_count_as_placeholders() {
        let text = "a\tb \u{1b}[2J";
        let l = Layout::new(text, 80);
        assert_eq!(l.len(), 1);
        assert_eq!(line_width(text, spans(&l)[0]), 4 + 1 + 1 + 4);
    }

    #[test]
    fn hard_wrapped_text_flows_into_paragraphs() {
        let para = "This line is part of a paragraph that was wrapped by hand at sixty.\n";
        let text = format!("{para}{para}{para}\n{para}{para}{para}");
        let l = Layout::new(text.as_str(), 250);
        assert_eq!(l.len(), 3);
        assert!(spans(&l)[1].is_empty());
    }

    #[test]
    fn line_of_finds_the_line() {
        let text = "aa bb cc\ndd";
        let l = Layout::new(text, 5);
        assert_eq!(l.line_of(0), 0);
        assert_eq!(l.line_of(3), 0);
        assert_eq!(l.line_of(6), 1);
        assert_eq!(l.line_of(9), 3);
        assert_eq!(l.line_of(100), 3);
    }

    fn markdown(src: &str) -> Document {
        crate::document::load_bytes(src.as_bytes().to_vec(), "t.md").unwrap()
    }

    #[test]
    fn plain_text_documents_lay_out_as_text() {
        let text = "one two three\nfour five\n\nsix";
        let doc = Document::new(text.to_owned(), "t.txt", crate::document::Format::Text);
        let l = Layout::for_document(&doc, 9);
        assert_eq!(l.rows(0..l.len()), Layout::new(text, 9).rows(0..l.len()));
        assert!(gutters(&l).iter().all(|&g| g == Gutter::default()));
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let doc = markdown("Intro.\n\n- alpha beta gamma delta\n- epsilon\n");
        let l = Layout::for_document(&doc, 12);
        let rows: Vec<(&str, u16)> = l
            .rows(0..l.len())
            .into_iter()
            .map(|(s, g)| (s.slice(&doc.text), g.indent))
            .collect();
        assert_eq!(
            rows,
            [
                ("Intro.", 0),
                ("", 0),
                ("• alpha beta", 0),
                ("gamma", 2),
                ("delta", 2),
                ("• epsilon", 0)
            ]
        );
        for (line, g) in l.rows(0..l.len()) {
            assert!(line_width(&doc.text, line) + g.width() <= 12);
        }
    }

    #[test]
    fn code_lines_are_neither_joined_nor_trimmed() {
        let doc = markdown("Text.\n\n```\nfn main() {\n    let x = 1;\n\n}\n```\n");
        let l = Layout::for_document(&doc, 12);
        let rows: Vec<(&str, LineKind)> = l
            .rows(0..l.len())
            .into_iter()
            .map(|(s, g)| (s.slice(&doc.text), g.kind))
            .collect();
        assert_eq!(
            rows,
            [
                ("Text.", LineKind::Text),
                ("", LineKind::Text),
                ("fn main() {", LineKind::Code),
                ("    let x = ", LineKind::Code),
                ("1;", LineKind::Code),
                ("", LineKind::Text),
                ("}", LineKind::Code),
            ]
        );
    }

    #[test]
    fn quotes_get_bars_and_headings_their_level() {
        let doc = markdown("## Title\n\n> one two three four\n> \n> five\n\nafter\n");
        let l = Layout::for_document(&doc, 14);
        let quotes: Vec<u8> = gutters(&l).iter().map(|g| g.quote).collect();
        assert_eq!(gutters(&l)[0].kind, LineKind::Heading(2));
        assert_eq!(quotes, [0, 0, 1, 1, 1, 1, 0, 0]);
        for (line, g) in l.rows(0..l.len()) {
            assert!(line_width(&doc.text, line) + g.width() <= 14);
        }
    }

    /// Every row of `l`, walked from the first line without restarting.
    fn walked(l: &Layout) -> Vec<(Span, Gutter)> {
        let mut all = Vec::new();
        let _ = l.walk(None, &mut |row| {
            all.push((row.span, row.gutter));
            ControlFlow::Continue(())
        });
        all
    }

    /// Checks that whatever `l` is asked, it answers as if it kept every
    /// line: from any restart point, breaking again gives the lines of one
    /// walk from the start.
    fn check_random_access(l: &Layout, text: &str, most: usize) -> Result<(), TestCaseError> {
        let all = walked(l);
        prop_assert_eq!(l.len(), all.len());
        prop_assert!(l.marks.len() <= most.max(1));
        for (n, &row) in all.iter().enumerate() {
            prop_assert_eq!(l.rows(n..n + 1), vec![row]);
            prop_assert_eq!(l.line(n), Some(row.0));
        }
        prop_assert_eq!(l.rows(0..all.len() + 5), all.clone());
        prop_assert_eq!(l.line(all.len()), None);
        for b in 0..=text.len() + 1 {
            let want = all.partition_point(|(s, _)| s.start <= b).saturating_sub(1);
            prop_assert_eq!(l.line_of(b), want);
            prop_assert!(l.approx_line_of(b) <= want);
        }
        Ok(())
    }

    #[test]
    fn a_long_text_keeps_few_restart_points_and_answers_alike() {
        let text = "a\n".repeat(3000) + &"word ".repeat(400);
        let l = Layout::new(text.as_str(), 7);
        assert_eq!(l.len(), 2 * 3000 + 400);
        check_random_access(&l, &text, mark_room(&text)).unwrap();
        let few = Layout::build(text.as_str().into(), 7, None, 10);
        check_random_access(&few, &text, 10).unwrap();
    }

    proptest! {
        #[test]
        fn restarting_anywhere_gives_the_same_lines(
            text in "([a-zé日\u{1b}\t\r]{0,12}[ \n]{0,3}){0,40}",
            width in 2u16..20,
            most in 1usize..6,
        ) {
            let shared: Arc<str> = text.as_str().into();
            for most in [most, usize::MAX] {
                let l = Layout::build(Arc::clone(&shared), width, None, most);
                check_random_access(&l, &text, most)?;
            }
        }

        #[test]
        fn restarting_anywhere_gives_the_same_structured_lines(
            src in "((#{1,2} |> |- |1[.] |    |```\n)?[a-zé日*_`]{0,30}( [a-z]{1,8}){0,6}\n{1,2}){0,12}",
            width in 2u16..20,
            most in 1usize..6,
        ) {
            let doc = markdown(&src);
            let blocks = (!doc.blocks.is_empty()).then(|| Arc::new(BlockIndex::new(&doc)));
            for most in [most, usize::MAX] {
                let l = Layout::build(Arc::clone(&doc.text), width, blocks.clone(), most);
                check_random_access(&l, &doc.text, most)?;
            }
        }
    }

    proptest! {
        #[test]
        fn structured_lines_cover_the_text_in_order_and_fit(
            src in "((#{1,2} |> |- |1[.] |    |```\n)?[a-zé日*_`]{0,10}( [a-z]{1,8}){0,6}\n{1,2}){0,12}",
            width in 2u16..40,
        ) {
            let doc = markdown(&src);
            let l = Layout::for_document(&doc, width);
            let mut seen = String::new();
            let mut last = 0;
            for (line, gutter) in l.rows(0..l.len()) {
                prop_assert!(line.start >= last);
                prop_assert!(doc.text.is_char_boundary(line.start));
                prop_assert!(doc.text.is_char_boundary(line.end));
                let used = line_width(&doc.text, line) + gutter.width();
                prop_assert!(used <= usize::from(width).max(2), "{:?} {}", line.slice(&doc.text), used);
                seen.push_str(line.slice(&doc.text));
                last = line.end;
            }
            let strip = |s: &str| s.chars().filter(|&c| !is_break_space(c)).collect::<String>();
            prop_assert_eq!(strip(&seen), strip(&doc.text));
        }
    }

    proptest! {
        #[test]
        fn lines_cover_the_text_in_order_and_fit(
            text in "([a-zé日\u{1b}\t\r]{0,12}[ \n]{0,3}){0,30}",
            width in 2u16..40,
        ) {
            let l = Layout::new(text.as_str(), width);
            let mut seen = String::new();
            let mut last = 0;
            for line in spans(&l) {
                prop_assert!(line.start >= last);
                prop_assert!(text.is_char_boundary(line.start) && text.is_char_boundary(line.end));
                prop_assert!(line_width(&text, line) <= usize::from(width));
                seen.push_str(line.slice(&text));
                last = line.end;
            }
            let strip = |s: &str| s.chars().filter(|&c| !is_break_space(c)).collect::<String>();
            prop_assert_eq!(strip(&seen), strip(&text));
        }
    }
}
