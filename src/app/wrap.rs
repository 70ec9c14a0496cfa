//! The article's layout: the text broken into screen lines for one width.
//!
//! Paragraphs are kept: each non-blank line is a paragraph (or, in
//! hard-wrapped text, each run of lines between blank lines), and one blank
//! screen line separates paragraphs. Lines break between words; a word wider
//! than the screen breaks between characters, never inside one. Widths are
//! Unicode display widths of what is drawn: control characters count as their
//! visible placeholder, `\r` as nothing, a tab up to the next multiple of
//! [`TAB`] columns.

use unicode_width::UnicodeWidthChar;

use crate::annotate::segment;
use crate::document::sanitize::placeholder;
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

/// The text broken into screen lines for one width.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The width the lines were broken for.
    pub width: u16,
    /// Screen lines in order: byte ranges of the text, their starts never
    /// decreasing. A blank line between paragraphs is an empty span at the
    /// end of the paragraph before it.
    pub lines: Vec<Span>,
}

impl Layout {
    /// Lays out `text` for `width` columns.
    pub fn new(text: &str, width: u16) -> Self {
        let w = usize::from(width.max(1));
        let mut lines = Vec::new();
        for para in paragraphs(text) {
            if let Some(last) = lines.last().copied() {
                let last: Span = last;
                lines.push(Span::new(last.end, last.end));
            }
            wrap_into(text, para, w, &mut lines);
        }
        Self { width, lines }
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

/// Breaks the paragraph `para` into lines of at most `width` columns.
fn wrap_into(text: &str, para: Span, width: usize, lines: &mut Vec<Span>) {
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
            if col + gap + word_w <= width {
                line = Some((start, word_end));
                col += gap + word_w;
                continue;
            }
            lines.push(Span::new(start, end));
        }
        // The word opens a new line; break it between characters if too wide.
        if word_w <= width {
            line = Some((word_start, word_end));
            col = word_w;
            continue;
        }
        let mut start = word_start;
        col = 0;
        for (k, d) in text[word_start..word_end].char_indices() {
            let at = word_start + k;
            let dw = glyph(d, col).1;
            if col + dw > width && at > start {
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
