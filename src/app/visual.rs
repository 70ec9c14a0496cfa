//! The text selection (`v`): where it started, where its moving end is, and
//! the motions that extend it by character, word and screen line.

use super::wrap::Layout;
use crate::model::Span;

/// A selection being made: what it started on (a mention, a match, or one
/// character) stays selected, and the selection reaches to the character at
/// the moving end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visual {
    /// What it started on.
    pub anchor: Span,
    /// The first byte of the character at the end that moves.
    pub head: usize,
}

impl Visual {
    /// The selected bytes of `text`: the anchor and everything from it to
    /// the character at the head.
    pub fn span(self, text: &str) -> Span {
        let head_end = text
            .get(self.head..)
            .and_then(|s| s.chars().next())
            .map_or(text.len(), |c| self.head + c.len_utf8());
        let start = self.anchor.start.min(self.head).min(text.len());
        let end = self.anchor.end.max(head_end).min(text.len());
        Span::new(start, end)
    }

    /// The selected span without the white space at its ends (`None` when
    /// nothing but white space is selected).
    pub fn trimmed(self, text: &str) -> Option<Span> {
        let span = self.span(text);
        let s = text.get(span.start..span.end)?;
        let start = span.start + (s.len() - s.trim_start().len());
        let end = span.start + s.trim_end().len();
        (start < end).then(|| Span::new(start, end))
    }
}

/// How a selection's moving end moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// One character right (`l`, `→`).
    CharRight,
    /// One character left (`h`, `←`).
    CharLeft,
    /// To the start of the next word (`w`).
    WordNext,
    /// To the start of this or the previous word (`b`).
    WordPrev,
    /// To the end of this or the next word (`e`).
    WordEnd,
    /// One screen line down (`j`, `↓`).
    LineDown,
    /// One screen line up (`k`, `↑`).
    LineUp,
}

impl Motion {
    /// True for the motions towards the start of the text.
    pub fn is_backward(self) -> bool {
        matches!(self, Motion::CharLeft | Motion::WordPrev | Motion::LineUp)
    }

    /// Where the moving end at `pos` of `text` goes (laid out as `layout`).
    pub fn apply(self, text: &str, layout: &Layout, pos: usize) -> usize {
        let pos = floor(text, pos.min(text.len()));
        match self {
            Motion::CharRight => next(text, pos).filter(|&p| p < text.len()).unwrap_or(pos),
            Motion::CharLeft => prev(text, pos).unwrap_or(pos),
            Motion::WordNext => word_next(text, pos),
            Motion::WordEnd => word_end(text, pos),
            Motion::WordPrev => word_prev(text, pos),
            Motion::LineDown => line_step(text, layout, pos, true),
            Motion::LineUp => line_step(text, layout, pos, false),
        }
    }
}

/// [`Motion::WordNext`] from `pos`: the start of the next word, or of the
/// next run of punctuation; `pos` when there is none.
fn word_next(text: &str, pos: usize) -> usize {
    let start = class(text, pos);
    let mut p = pos;
    while let Some(q) = next(text, p).filter(|&q| q < text.len()) {
        p = q;
        let c = class(text, p);
        if c != start && c != Class::Space {
            return p;
        }
        if c == Class::Space {
            break;
        }
    }
    while class(text, p) == Class::Space {
        match next(text, p).filter(|&q| q < text.len()) {
            Some(q) => p = q,
            None => return pos,
        }
    }
    p
}

/// [`Motion::WordEnd`] from `pos`: the last character of the word (or run
/// of punctuation) after it; `pos` when there is none.
fn word_end(text: &str, pos: usize) -> usize {
    let mut p = match next(text, pos).filter(|&q| q < text.len()) {
        Some(q) => q,
        None => return pos,
    };
    while class(text, p) == Class::Space {
        match next(text, p).filter(|&q| q < text.len()) {
            Some(q) => p = q,
            None => return pos,
        }
    }
    let c = class(text, p);
    while let Some(q) = next(text, p).filter(|&q| q < text.len()) {
        if class(text, q) != c {
            break;
        }
        p = q;
    }
    p
}

/// [`Motion::WordPrev`] from `pos`: the start of the word (or run of
/// punctuation) before it, or the text's first character.
fn word_prev(text: &str, pos: usize) -> usize {
    let mut p = match prev(text, pos) {
        Some(q) => q,
        None => return pos,
    };
    while class(text, p) == Class::Space {
        match prev(text, p) {
            Some(q) => p = q,
            None => return p,
        }
    }
    let c = class(text, p);
    while let Some(q) = prev(text, p) {
        if class(text, q) != c {
            break;
        }
        p = q;
    }
    p
}

/// [`Motion::LineDown`] (`down`) or [`Motion::LineUp`] from `pos`: the same
/// column of the next screen line that holds text, or its last character
/// when it is shorter; `pos` when there is no such line.
fn line_step(text: &str, layout: &Layout, pos: usize, down: bool) -> usize {
    let line = layout.line_of(pos);
    // Blank lines between paragraphs are passed over.
    let mut target = line;
    loop {
        target = if down {
            target + 1
        } else {
            match target.checked_sub(1) {
                Some(l) => l,
                None => return pos,
            }
        };
        match layout.line(target) {
            Some(l) if l.is_empty() => continue,
            Some(_) => break,
            None => return pos,
        }
    }
    let (Some(from), Some(to)) = (layout.line(line), layout.line(target)) else {
        return pos;
    };
    let col = text.get(from.start..pos).map_or(0, |s| s.chars().count());
    let line_text = text.get(to.start..to.end).unwrap_or("");
    let last = line_text
        .char_indices()
        .map(|(i, _)| to.start + i)
        .take(col + 1)
        .last();
    last.unwrap_or_else(|| floor(text, to.start.min(text.len().saturating_sub(1))))
}

/// Characters a word motion tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Punct,
}

fn class(text: &str, pos: usize) -> Class {
    match text.get(pos..).and_then(|s| s.chars().next()) {
        Some(c) if c.is_whitespace() => Class::Space,
        Some(c) if c.is_alphanumeric() || matches!(c, '_' | '\'' | '’' | '-') => Class::Word,
        Some(_) => Class::Punct,
        None => Class::Space,
    }
}

/// The start of the character after the one at `pos`.
fn next(text: &str, pos: usize) -> Option<usize> {
    let c = text.get(pos..)?.chars().next()?;
    Some(pos + c.len_utf8())
}

/// The start of the character before `pos`.
fn prev(text: &str, pos: usize) -> Option<usize> {
    let c = text.get(..pos)?.chars().next_back()?;
    Some(pos - c.len_utf8())
}

/// `pos` moved back to the start of its character.
pub fn floor(text: &str, mut pos: usize) -> usize {
    pos = pos.min(text.len());
    while pos > 0 && !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, m: Motion, pos: usize) -> usize {
        m.apply(text, &Layout::new(text, 80), pos)
    }

    #[test]
    fn word_motions_move_like_vim() {
        let t = "Kim Jong-un, the leader. Next";
        assert_eq!(run(t, Motion::WordNext, 0), 4);
        assert_eq!(run(t, Motion::WordNext, 4), 11); // the comma
        assert_eq!(run(t, Motion::WordNext, 11), 13);
        assert_eq!(run(t, Motion::WordEnd, 0), 2);
        assert_eq!(run(t, Motion::WordEnd, 4), 10);
        assert_eq!(run(t, Motion::WordPrev, 13), 11);
        assert_eq!(run(t, Motion::WordPrev, 6), 4);
        assert_eq!(run(t, Motion::CharRight, t.len() - 1), t.len() - 1);
        assert_eq!(run(t, Motion::CharLeft, 0), 0);
    }

    #[test]
    fn line_motions_keep_the_column_and_stop_at_the_ends() {
        let t = "abcdef\nxy\nlonger line";
        assert_eq!(run(t, Motion::LineDown, 4), 8); // "y", the last of "xy"
        assert_eq!(run(t, Motion::LineDown, 8), 11);
        assert_eq!(run(t, Motion::LineUp, 10), 7);
        assert_eq!(run(t, Motion::LineUp, 0), 0);
        assert_eq!(run(t, Motion::LineDown, 12), 12);
    }

    #[test]
    fn spans_cover_both_ends_and_never_split_a_character() {
        let t = "Zoë met “Kim”";
        let v = Visual {
            anchor: Span::new(0, 1),
            head: 2,
        };
        assert_eq!(v.span(t).slice(t), "Zoë");
        // Started on "Kim”", moved back to the opening mark.
        let v = Visual {
            anchor: Span::new(12, t.len()),
            head: 9,
        };
        assert_eq!(v.span(t).slice(t), "“Kim”");
        let v = Visual {
            anchor: Span::new(4, 5),
            head: 5,
        };
        assert_eq!(v.trimmed(t).map(|s| s.slice(t)), Some("m"));
    }
}
