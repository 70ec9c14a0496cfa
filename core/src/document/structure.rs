//! The structure of a Markdown or HTML article over its plain text (blocks
//! and inline marks, each a byte [`Span`] of `Document::text`), and the
//! builder the parsers write it with. The conventions are on [`Block`].

use crate::model::Span;

/// What a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of running text.
    Paragraph,
    /// A heading; `level` 1 (the headline) to 6.
    Heading {
        /// 1 for `#`/`<h1>` down to 6.
        level: u8,
    },
    /// One item of a list, or a footnote. Its span starts at its marker
    /// (`• `, `12. `, or a footnote's `[1] `), which is `marker_len` bytes
    /// long; a reader hangs wrapped lines after it.
    ListItem {
        /// Length in bytes of the marker at the start of the span, with its
        /// trailing space.
        marker_len: u8,
    },
    /// A block quote; it contains other blocks.
    Quote,
    /// Preformatted text (a fenced or indented code block, `<pre>`): its
    /// lines must not be re-wrapped or joined.
    Code,
}

/// A block of the article: a run of whole lines of the text.
///
/// # The plain-text conventions
///
/// Markdown and HTML are flattened into text that reads naturally on its own
/// (it is what `gloss text` prints, and what every offset refers to):
///
/// - every paragraph, heading and code block is its own paragraph, separated
///   from the next by a blank line; a paragraph or heading is one line (soft
///   line breaks become spaces, runs of whitespace one space; a hard break
///   `<br>` stays a line break);
/// - a list item sits on its own line, starting with its marker (`• ` or
///   `3. `); a nested item is indented by the width of its parent's marker;
///   a list stands apart from what surrounds it by a blank line;
/// - a code block keeps its lines verbatim;
/// - a block quote's paragraphs are plain paragraphs (no `>`): the
///   [`BlockKind::Quote`] block says they are quoted;
/// - a link keeps its text; its URL lives only in the [`MarkKind::Link`] mark;
/// - a footnote reference reads `[1]`; the footnotes follow the text under a
///   "Footnotes" heading, each an item marked `[1] `;
/// - images, raw HTML, scripts and Markdown syntax characters are dropped.
///
/// # How a reader uses blocks and marks
///
/// The text alone already lays out well line by line. Blocks and marks are an
/// overlay of styles. `Document::blocks` is in document order, outer blocks
/// before the blocks they contain (a quote before its paragraphs, a list item
/// before its nested items); a block's `depth` counts the blocks around it.
/// Leaf blocks (paragraph, heading, code) never overlap or nest; a list
/// item's own text (a tight item) is in no leaf block. `Document::marks` is
/// ordered by start; marks may nest (a link in bold) and from a well-formed
/// source lie inside one block. Plain-text documents have neither: their own
/// line breaks are their layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: BlockKind,
    /// Where it is: from its first character to its last (no surrounding
    /// blank lines).
    pub span: Span,
    /// How many blocks contain it (0 for a top-level block).
    pub depth: u8,
}

/// What an inline mark does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// Emphasis (`*x*`, `<em>`, `<i>`).
    Emphasis,
    /// Strong emphasis (`**x**`, `<strong>`, `<b>`).
    Strong,
    /// Inline code (`` `x` ``, `<code>`).
    Code,
    /// A footnote reference, written `[1]`: the number of its footnote,
    /// which stands under "Footnotes" at the end of the text.
    Footnote,
    /// A link. The URL is untrusted text from the article: sanitize it (see
    /// [`crate::document::sanitize`]) before it reaches a terminal.
    Link {
        /// The destination, as written in the article.
        url: String,
    },
}

/// An inline mark over part of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// What it does.
    pub kind: MarkKind,
    /// The text it covers (never empty).
    pub span: Span,
}

/// Blocks and marks over a document's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    /// Blocks in document order, containers before their contents.
    pub blocks: Vec<Block>,
    /// Inline marks ordered by start.
    pub marks: Vec<Mark>,
}

/// What a parser extracted from a structured article.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The plain text.
    pub text: String,
    /// Its structure.
    pub structure: Structure,
    /// The title the article declares, if any.
    pub title: Option<String>,
    /// The author line, if any.
    pub byline: Option<String>,
    /// The publication date as written, if any.
    pub date: Option<String>,
}

/// The separator owed before the next text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    Space,
    Line,
    Blank,
}

/// Start of a block or mark not yet known: set when its first text arrives.
const UNSET: usize = usize::MAX;

/// The widest indentation of a nested list item's lines, in columns: lists
/// nested deeper than any article's (some twenty levels) indent no further,
/// so a hostile page's text stays linear in its size.
const MAX_INDENT: usize = 48;

/// Assembles plain text with its blocks and marks, following the
/// conventions documented on [`Block`]. Separators are owed lazily, so no
/// text or span ever starts or ends with one.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    text: String,
    structure: Structure,
    gap: Option<Gap>,
    /// The open blocks, outermost first: their index into
    /// `structure.blocks`, and how many marks there were when they opened.
    open_blocks: Vec<(usize, usize)>,
    /// Indices into `structure.marks` of the open marks.
    open_marks: Vec<usize>,
    /// Open blocks and marks still waiting for their first text (a suffix
    /// of `open_blocks` and of `open_marks`): each is started once, so
    /// writing stays linear however deeply they nest.
    waiting_blocks: Vec<usize>,
    /// See `waiting_blocks`.
    waiting_marks: Vec<usize>,
    /// Spaces to put after every line break, one entry per open list item.
    indents: Vec<usize>,
    /// The sum of `indents`.
    indent: usize,
    /// End of the last list item marker: no separator is owed right after it.
    marker_end: usize,
    /// Length of the text before the separator paid when the open code
    /// block started (code blocks are leaves: one is open at a time).
    code_from: usize,
}

impl Builder {
    /// A builder whose text has room for `bytes` bytes from the start, so
    /// that a text of about that size is not grown by doubling (each
    /// doubling leaves the old buffer as a hole in the heap).
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            ..Self::default()
        }
    }

    /// Owes `gap` before the next text (the larger owed gap wins).
    fn owe(&mut self, gap: Gap) {
        let after_marker = self.marker_end == self.text.len();
        if !self.text.is_empty() && !after_marker {
            self.gap = Some(self.gap.map_or(gap, |g| g.max(gap)));
        }
    }

    /// Owes a space: collapsible whitespace between words.
    pub fn space(&mut self) {
        self.owe(Gap::Space);
    }

    /// Owes a line break (a hard break, or between list items).
    pub fn line_break(&mut self) {
        self.owe(Gap::Line);
    }

    /// Pays the owed separator and starts the blocks and marks waiting for
    /// their first text.
    fn flush(&mut self) {
        let before = self.text.len();
        match self.gap.take() {
            None => {}
            Some(Gap::Space) if self.text.ends_with(['\n', ' ']) => {}
            Some(Gap::Space) => self.text.push(' '),
            Some(gap) => {
                self.text
                    .push_str(if gap == Gap::Blank { "\n\n" } else { "\n" });
                let indent = self.indent.min(MAX_INDENT);
                self.text.extend(std::iter::repeat_n(' ', indent));
            }
        }
        let at = self.text.len();
        for i in self.waiting_blocks.drain(..) {
            self.structure.blocks[i].span.start = at;
            if self.structure.blocks[i].kind == BlockKind::Code {
                self.code_from = before;
            }
        }
        for i in self.waiting_marks.drain(..) {
            self.structure.marks[i].span.start = at;
        }
    }

    /// Appends `s` verbatim (code, or text whose spacing is meaningful).
    pub fn push_verbatim(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush();
        self.text.push_str(s);
    }

    /// Appends flowing text: runs of whitespace collapse to one space, and
    /// none is kept at the start of a line.
    pub fn push_flowing(&mut self, s: &str) {
        let mut words = s.split_whitespace().peekable();
        if s.starts_with(char::is_whitespace) {
            self.space();
        }
        while let Some(word) = words.next() {
            self.flush();
            self.text.push_str(word);
            if words.peek().is_some() {
                self.space();
            }
        }
        if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
            self.space();
        }
    }

    /// Opens a block. Leaf blocks and quotes stand apart from what precedes
    /// them by a blank line, list items by a line break.
    pub fn open_block(&mut self, kind: BlockKind) {
        match kind {
            BlockKind::ListItem { .. } => self.owe(Gap::Line),
            _ if self.in_list_item() => self.owe(Gap::Line),
            _ => self.owe(Gap::Blank),
        }
        let depth = u8::try_from(self.open_blocks.len()).unwrap_or(u8::MAX);
        let i = self.structure.blocks.len();
        self.open_blocks.push((i, self.structure.marks.len()));
        self.waiting_blocks.push(i);
        self.structure.blocks.push(Block {
            kind,
            span: Span::new(UNSET, UNSET),
            depth,
        });
    }

    /// True when the innermost open container is a list item.
    fn in_list_item(&self) -> bool {
        self.open_blocks
            .iter()
            .rev()
            .map(|&(i, _)| self.structure.blocks[i].kind)
            .find(|k| !matches!(k, BlockKind::Paragraph | BlockKind::Heading { .. }))
            .is_some_and(|k| matches!(k, BlockKind::ListItem { .. }))
    }

    /// Opens a list item and writes its marker (`• ` or `N. `).
    pub fn open_list_item(&mut self, number: Option<u64>) {
        let marker = match number {
            Some(n) => format!("{n}. "),
            None => "• ".to_owned(),
        };
        self.open_item_marked(&marker);
    }

    /// Opens a list item and writes `marker` (ending with a space) at its
    /// start: a footnote's `[1] `, say.
    pub fn open_item_marked(&mut self, marker: &str) {
        let marker_len = u8::try_from(marker.len()).unwrap_or(u8::MAX);
        self.open_block(BlockKind::ListItem { marker_len });
        self.push_verbatim(marker);
        self.marker_end = self.text.len();
        let width = marker.chars().count();
        self.indents.push(width);
        self.indent += width;
    }

    /// Closes the innermost open block; a block that got no text is dropped.
    pub fn close_block(&mut self) {
        let Some((i, marks_before)) = self.open_blocks.pop() else {
            return;
        };
        if self.waiting_blocks.last() == Some(&i) {
            self.waiting_blocks.pop();
        }
        let kind = self.structure.blocks[i].kind;
        if let BlockKind::ListItem { .. } = kind {
            self.indent -= self.indents.pop().unwrap_or(0);
        }
        if kind == BlockKind::Code {
            // The owed gap is dropped with the trailing newline of the code.
            let trimmed = self.text.trim_end_matches(['\n', '\r']).len();
            let start = self.structure.blocks[i].span.start;
            if start != UNSET {
                // Code of nothing but line breaks takes the separator paid
                // before it along, so no enclosing block ends in a break.
                let len = if trimmed > start {
                    trimmed
                } else {
                    self.code_from
                };
                self.text.truncate(len);
                self.rewait_after(len);
                // Marks that ended in the dropped newlines end before them;
                // only marks opened inside the block can have.
                for m in &mut self.structure.marks[marks_before..] {
                    if m.span.end != UNSET {
                        m.span.end = m.span.end.min(len);
                    }
                    if m.span.start != UNSET {
                        m.span.start = m.span.start.min(len);
                    }
                }
            }
        }
        let block = &mut self.structure.blocks[i];
        if block.span.start == UNSET || block.span.start >= self.text.len() {
            // Empty: nothing inside it got text either, so it is the last.
            self.structure.blocks.truncate(i);
        } else {
            block.span.end = self.text.len();
        }
        match kind {
            BlockKind::ListItem { .. } => self.owe(Gap::Line),
            _ if self.in_list_item() => self.owe(Gap::Line),
            _ => self.owe(Gap::Blank),
        }
    }

    /// Ends a list or a section: what follows stands apart by a blank line
    /// (or a line break inside a list item).
    pub fn boundary(&mut self) {
        self.owe(if self.in_list_item() {
            Gap::Line
        } else {
            Gap::Blank
        });
    }

    /// After the text was cut back to `len`, the open blocks and marks that
    /// started past it wait again for their first text (they are a suffix of
    /// the open ones, as waiting ones must be).
    fn rewait_after(&mut self, len: usize) {
        let blocks = &mut self.structure.blocks;
        for &(i, _) in &self.open_blocks {
            if blocks[i].span.start != UNSET && blocks[i].span.start > len {
                blocks[i].span.start = UNSET;
                self.waiting_blocks.push(i);
            }
        }
        let marks = &mut self.structure.marks;
        for &i in &self.open_marks {
            if marks[i].span.start != UNSET && marks[i].span.start > len {
                marks[i].span.start = UNSET;
                self.waiting_marks.push(i);
            }
        }
        self.waiting_blocks.sort_unstable();
        self.waiting_marks.sort_unstable();
    }

    /// Opens an inline mark.
    pub fn open_mark(&mut self, kind: MarkKind) {
        let i = self.structure.marks.len();
        self.open_marks.push(i);
        self.waiting_marks.push(i);
        self.structure.marks.push(Mark {
            kind,
            span: Span::new(UNSET, UNSET),
        });
    }

    /// Closes the innermost open mark; a mark that covers nothing is dropped.
    pub fn close_mark(&mut self) {
        let Some(i) = self.open_marks.pop() else {
            return;
        };
        if self.waiting_marks.last() == Some(&i) {
            self.waiting_marks.pop();
        }
        let end = self.text.len();
        let mark = &mut self.structure.marks[i];
        if mark.span.start == UNSET || mark.span.start >= end {
            mark.span = Span::new(0, 0);
        } else {
            mark.span.end = end;
        }
    }

    /// The text written so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Closes whatever is open and hands over the text and its structure.
    pub fn finish(mut self) -> (String, Structure) {
        while !self.open_marks.is_empty() {
            self.close_mark();
        }
        while !self.open_blocks.is_empty() {
            self.close_block();
        }
        let mut structure = self.structure;
        structure.marks.retain(|m| !m.span.is_empty());
        structure.marks.sort_by_key(|m| m.span.start);
        // The room reserved up front (see `with_capacity`) is given back.
        self.text.shrink_to_fit();
        (self.text, structure)
    }
}

/// Asserts the invariants every extracted structure keeps: spans lie in the
/// text on character boundaries, are not empty, and come in order; leaf
/// blocks do not overlap; paragraphs and headings have no whitespace around
/// them, and no block ends with a line break.
#[cfg(test)]
pub(crate) fn assert_well_formed(text: &str, s: &Structure) {
    let valid = |span: Span| {
        span.start < span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for b in &s.blocks {
        assert!(valid(b.span), "block {b:?} in {text:?}");
        let t = b.span.slice(text);
        let flowing = matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. });
        assert!(
            !flowing || t.trim() == t,
            "block {b:?} has whitespace around it"
        );
        assert!(!t.ends_with('\n'), "block {b:?} ends with a newline");
    }
    for m in &s.marks {
        assert!(valid(m.span), "mark {m:?} in {text:?}");
    }
    assert!(
        s.blocks
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
    assert!(
        s.marks
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
    let leaves: Vec<Span> = s
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Heading { .. } | BlockKind::Code
            )
        })
        .map(|b| b.span)
        .collect();
    assert!(
        leaves.windows(2).all(|w| w[0].end <= w[1].start),
        "{leaves:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices<'a>(text: &'a str, s: &Structure) -> Vec<(BlockKind, &'a str)> {
        s.blocks
            .iter()
            .map(|b| (b.kind, b.span.slice(text)))
            .collect()
    }

    #[test]
    fn paragraphs_stand_apart_and_whitespace_collapses() {
        let mut b = Builder::default();
        b.open_block(BlockKind::Heading { level: 1 });
        b.push_flowing("  A   headline \n");
        b.close_block();
        b.open_block(BlockKind::Paragraph);
        b.push_flowing("First ");
        b.open_mark(MarkKind::Strong);
        b.push_flowing(" bold ");
        b.close_mark();
        b.push_flowing("word.");
        b.close_block();
        let (text, s) = b.finish();
        assert_eq!(text, "A headline\n\nFirst bold word.");
        assert_eq!(
            slices(&text, &s),
            [
                (BlockKind::Heading { level: 1 }, "A headline"),
                (BlockKind::Paragraph, "First bold word.")
            ]
        );
        assert_eq!(s.marks[0].span.slice(&text), "bold");
    }

    #[test]
    fn nested_list_items_are_indented_lines() {
        let mut b = Builder::default();
        b.open_block(BlockKind::Paragraph);
        b.push_flowing("Intro:");
        b.close_block();
        b.open_list_item(None);
        b.push_flowing("one");
        b.open_list_item(Some(1));
        b.push_flowing("inner");
        b.close_block();
        b.boundary();
        b.close_block();
        b.open_list_item(None);
        b.push_flowing("two");
        b.close_block();
        b.boundary();
        b.open_block(BlockKind::Paragraph);
        b.push_flowing("After.");
        b.close_block();
        let (text, s) = b.finish();
        assert_eq!(text, "Intro:\n\n• one\n  1. inner\n• two\n\nAfter.");
        assert_eq!(s.blocks[1].span.slice(&text), "• one\n  1. inner");
        assert_eq!(s.blocks[2].span.slice(&text), "1. inner");
        assert_eq!(s.blocks[2].depth, 1);
    }

    #[test]
    fn empty_blocks_and_marks_vanish() {
        let mut b = Builder::default();
        b.open_block(BlockKind::Quote);
        b.open_block(BlockKind::Paragraph);
        b.open_mark(MarkKind::Emphasis);
        b.push_flowing("   ");
        b.close_mark();
        b.close_block();
        b.close_block();
        b.open_block(BlockKind::Code);
        b.push_verbatim("let x = 1;\n\n");
        b.close_block();
        let (text, s) = b.finish();
        assert_eq!(text, "let x = 1;");
        assert!(s.marks.is_empty());
        assert_eq!(slices(&text, &s), [(BlockKind::Code, "let x = 1;")]);
    }
}
