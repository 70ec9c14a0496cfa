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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The width the lines were broken for.
    pub width: u16,
    /// Screen lines in order: byte ranges of the text, their starts never
    /// decreasing. A blank line between paragraphs is an empty span at the
    /// end of the paragraph before it.
    pub lines: Vec<Span>,
    /// The gutter of each line, for structured documents; empty for plain
    /// text, whose lines have none.
    pub gutters: Vec<Gutter>,
}

impl Layout {
    /// Lays out plain `text` for `width` columns.
    pub fn new(text: &str, width: u16) -> Self {
        let w = usize::from(width.max(1));
        let mut lines = Vec::new();
        for para in paragraphs(text) {
            if let Some(last) = lines.last().copied() {
                let last: Span = last;
                lines.push(Span::new(last.end, last.end));
            }
            wrap_into(text, para, (w, w), &mut lines);
        }
        Self {
            width,
            lines,
            gutters: Vec::new(),
        }
    }

    /// Lays out `doc` for `width` columns: by its blocks when it has them
    /// (Markdown, HTML), else as plain text.
    pub fn for_document(doc: &Document, width: u16) -> Self {
        if doc.blocks.is_empty() {
            Self::new(&doc.text, width)
        } else {
            structured(doc, width)
        }
    }

    /// The gutter of screen line `line` (none for plain text).
    pub fn gutter(&self, line: usize) -> Gutter {
        self.gutters.get(line).copied().unwrap_or_default()
    }

    /// The screen line holding byte `byte` (the last line for bytes past the end).
    pub fn line_of(&self, byte: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= byte)
            .saturating_sub(1)
    }
}

/// Paragraph spans of `text`, trimmed, in order.
fn paragraphs(text: &str) -> Vec<Span> {
    let joined = segment::is_hard_wrapped(text);
    let mut out: Vec<Span> = Vec::new();
    let mut pos = 0;
    let mut open = false;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let span = Span::new(start + lead, start + lead + trimmed.len());
        match out.last_mut() {
            Some(last) if joined && open => last.end = span.end,
            _ => out.push(span),
        }
        open = true;
    }
    out
}

/// The blocks of a document as the layout needs them, each list in order of start.
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

/// Lays out a document with blocks; see the module documentation.
fn structured(doc: &Document, width: u16) -> Layout {
    let text: &str = &doc.text;
    let w = usize::from(width.max(1));
    let index = BlockIndex::new(doc);
    let mut lines: Vec<Span> = Vec::new();
    let mut gutters: Vec<Gutter> = Vec::new();
    let mut blank = false;
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let start = pos;
        pos += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        let code = index.in_code(start) || index.in_code(start + content.len().saturating_sub(1));
        let quote = index.quote_depth(start);
        if content.trim().is_empty() && !code {
            blank = !lines.is_empty();
            continue;
        }
        if blank || (code && content.trim().is_empty()) {
            let end = lines.last().map_or(start, |l| l.end);
            let quote = quote.min(gutters.last().map_or(0, |g| g.quote));
            lines.push(Span::new(end, end));
            gutters.push(Gutter {
                quote,
                ..Gutter::default()
            });
            blank = false;
            if content.trim().is_empty() {
                continue;
            }
        }
        // Keep at least half the width for the text itself.
        let bars = (usize::from(quote) * QUOTE_BAR).min(w / 2);
        let quote = u8::try_from(bars / QUOTE_BAR).unwrap_or(0);
        let room = w - bars;
        let from = lines.len();
        if code {
            wrap_chars(
                text,
                Span::new(start, start + content.len()),
                room,
                &mut lines,
            );
            let g = Gutter {
                quote,
                indent: 0,
                kind: LineKind::Code,
            };
            gutters.resize(lines.len(), g);
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let first = start + lead;
        let para = Span::new(first, start + content.trim_end().len());
        let mut indent = span_width(text, start, first, 0);
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
        wrap_into(
            text,
            para,
            (room - indent, room - indent - hang),
            &mut lines,
        );
        for (i, _) in lines[from..].iter().enumerate() {
            let extra = if i == 0 { 0 } else { hang };
            gutters.push(Gutter {
                quote,
                indent: u16::try_from(indent + extra).unwrap_or(0),
                kind,
            });
        }
    }
    Layout {
        width,
        lines,
        gutters,
    }
}

/// Breaks the line `line` between characters into pieces of at most
/// `width` columns, keeping every character (code is never re-flowed).
fn wrap_chars(text: &str, line: Span, width: usize, lines: &mut Vec<Span>) {
    let mut start = line.start;
    let mut col = 0;
    for (k, c) in line.slice(text).char_indices() {
        let at = line.start + k;
        let cw = glyph(c, col).1;
        if col + cw > width && at > start {
            lines.push(Span::new(start, at));
            start = at;
            col = 0;
        }
        col += glyph(c, col).1;
    }
    lines.push(Span::new(start, line.end));
}

/// Breaks the paragraph `para` into lines of at most `first` columns for
/// its first line and `rest` for the others.
fn wrap_into(text: &str, para: Span, (first, rest): (usize, usize), lines: &mut Vec<Span>) {
    let from = lines.len();
    let width = |lines: &Vec<Span>| if lines.len() == from { first } else { rest };
    let s = &text[para.start..para.end];
    // The line being filled: its start, the end of its last word, its width.
    let mut line: Option<(usize, usize)> = None;
    let mut col = 0;
    // Where the space run before the next word began.
    let mut space_from: Option<usize> = None;
    let mut iter = s.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if is_break_space(c) {
            space_from.get_or_insert(para.start + i);
            iter.next();
            continue;
        }
        // A word: the run of non-space characters from here.
        let word_start = para.start + i;
        let mut word_end = word_start;
        let mut word_w = 0;
        while let Some(&(j, d)) = iter.peek() {
            if is_break_space(d) {
                break;
            }
            word_w += glyph(d, 0).1;
            word_end = para.start + j + d.len_utf8();
            iter.next();
        }
        let spaces = space_from.take();
        if let Some((start, end)) = line {
            let gap = spaces.map_or(0, |from| span_width(text, from, word_start, col));
            if col + gap + word_w <= width(lines) {
                line = Some((start, word_end));
                col += gap + word_w;
                continue;
            }
            lines.push(Span::new(start, end));
        }
        // The word opens a new line; break it between characters if too wide.
        if word_w <= width(lines) {
            line = Some((word_start, word_end));
            col = word_w;
            continue;
        }
        let mut start = word_start;
        col = 0;
        for (k, d) in text[word_start..word_end].char_indices() {
            let at = word_start + k;
            let dw = glyph(d, col).1;
            if col + dw > width(lines) && at > start {
                lines.push(Span::new(start, at));
                start = at;
                col = 0;
            }
            col += dw;
        }
        line = Some((start, word_end));
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
    Layout::new(text, width)
        .lines
        .iter()
        .map(|l| l.slice(text))
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
        Layout::new(text, width)
            .lines
            .iter()
            .map(|l| l.slice(text))
            .collect()
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
        assert_eq!(l.lines.len(), 1);
        assert_eq!(line_width(text, l.lines[0]), 4 + 1 + 1 + 4);
    }

    #[test]
    fn hard_wrapped_text_flows_into_paragraphs() {
        let para = "This line is part of a paragraph that was wrapped by hand at sixty.\n";
        let text = format!("{para}{para}{para}\n{para}{para}{para}");
        let l = Layout::new(&text, 250);
        assert_eq!(l.lines.len(), 3);
        assert!(l.lines[1].is_empty());
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
        assert_eq!(Layout::for_document(&doc, 9), Layout::new(text, 9));
        assert!(Layout::for_document(&doc, 9).gutters.is_empty());
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let doc = markdown("Intro.\n\n- alpha beta gamma delta\n- epsilon\n");
        let l = Layout::for_document(&doc, 12);
        let rows: Vec<(&str, u16)> = l
            .lines
            .iter()
            .zip(&l.gutters)
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
        for (line, g) in l.lines.iter().zip(&l.gutters) {
            assert!(line_width(&doc.text, *line) + g.width() <= 12);
        }
    }

    #[test]
    fn code_lines_are_neither_joined_nor_trimmed() {
        let doc = markdown("Text.\n\n```\nfn main() {\n    let x = 1;\n\n}\n```\n");
        let l = Layout::for_document(&doc, 12);
        let rows: Vec<(&str, LineKind)> = l
            .lines
            .iter()
            .zip(&l.gutters)
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
        let quotes: Vec<u8> = l.gutters.iter().map(|g| g.quote).collect();
        assert_eq!(l.gutters[0].kind, LineKind::Heading(2));
        assert_eq!(quotes, [0, 0, 1, 1, 1, 1, 0, 0]);
        for (line, g) in l.lines.iter().zip(&l.gutters) {
            assert!(line_width(&doc.text, *line) + g.width() <= 14);
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
            prop_assert!(l.gutters.is_empty() || l.gutters.len() == l.lines.len());
            let mut seen = String::new();
            let mut last = 0;
            for (i, &line) in l.lines.iter().enumerate() {
                prop_assert!(line.start >= last);
                prop_assert!(doc.text.is_char_boundary(line.start));
                prop_assert!(doc.text.is_char_boundary(line.end));
                let used = line_width(&doc.text, line) + l.gutter(i).width();
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
            let l = Layout::new(&text, width);
            let mut seen = String::new();
            let mut last = 0;
            for &line in &l.lines {
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
