//! A large Markdown source cut into pieces that pulldown-cmark parses one at
//! a time.
//!
//! pulldown-cmark builds a tree of the whole document before it gives its
//! first event, and a node of it takes about 50 bytes: a source of very
//! short lines (a million one-word lines, hard breaks, nested brackets)
//! takes twenty to fifty times its size. Parsed in pieces of at most
//! [`MAX_PIECE`] bytes, it takes that much for one piece at a time.
//!
//! A piece ends where the document's structure allows, when it can: before
//! a line that starts at the margin, is no list item or quote, and follows
//! a blank line outside fenced code and raw HTML. Every block is closed
//! there (a fence inside a list item or quote with it), so the pieces parse
//! as the whole would, but for references: the caller resolves links and
//! footnotes defined in another piece. A source with no such
//! place for [`MAX_PIECE`] bytes (a paragraph of a hundred thousand lines,
//! a megabyte on one line) is cut anyway: a paragraph or list goes on as a
//! new one, and fenced code or raw HTML is closed at the end of the piece
//! and opened again at the start of the next. Sources up to [`MAX_PIECE`]
//! bytes, every real article among them, are one piece.

use std::borrow::Cow;

/// The most bytes of source in one piece (openers carried over aside).
pub(super) const MAX_PIECE: usize = 256 << 10;

/// `source` in pieces of at most `max` bytes (as [`MAX_PIECE`]), in order:
/// the whole of it borrowed when it is no longer.
pub(super) fn cut(source: &str, max: usize) -> Vec<Cow<'_, str>> {
    let min = max / 4;
    if source.len() <= max {
        return vec![Cow::Borrowed(source)];
    }
    let mut pieces = Vec::new();
    let mut open = Open::None;
    // Where the current piece starts, and what it opens with: the fence or
    // raw HTML carried over from the piece before.
    let mut start = 0;
    let mut carried = String::new();
    let mut blank_before = false;
    let mut at = 0;
    while at < source.len() {
        let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
        let line = &source[at..line_end];
        let long = at - start;
        // A piece may end at a blank line once it is a quarter of the
        // most, so that few are cut.
        if long >= min && blank_before && open == Open::None && starts_fresh(line) {
            pieces.push(piece(&carried, &source[start..at], &open));
            (start, carried) = (at, String::new());
        } else if long + line.len() > max {
            // No place the structure allows: cut before this line, or
            // inside it when it is long by itself.
            let end = if long > 0 {
                at
            } else {
                split_point(source, at, at + max)
            };
            pieces.push(piece(&carried, &source[start..end], &open));
            carried = open.opener();
            start = end;
            if end > at {
                // Cut inside the line: go on from the cut.
                at = end;
                blank_before = false;
                continue;
            }
        }
        open = open.after(line);
        blank_before = line.trim().is_empty();
        at = line_end;
    }
    if start < source.len() || pieces.is_empty() {
        pieces.push(piece(&carried, &source[start..], &Open::None));
    }
    pieces
}

/// A piece: what it carries over, its source, and the closer of what is
/// still open at its end.
fn piece<'s>(carried: &str, source: &'s str, open: &Open) -> Cow<'s, str> {
    let closer = open.closer();
    if carried.is_empty() && closer.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut s = String::with_capacity(carried.len() + source.len() + closer.len() + 1);
    s.push_str(carried);
    s.push_str(source);
    if !closer.is_empty() {
        if !s.ends_with('\n') {
            s.push('\n');
        }
        s.push_str(&closer);
    }
    Cow::Owned(s)
}

/// Where to cut the long line at `at` at the latest by `limit`: after its
/// last space in the kilobyte before the limit, else at the character
/// boundary there.
fn split_point(source: &str, at: usize, limit: usize) -> usize {
    let mut end = limit.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let from = end.saturating_sub(1024).max(at);
    let from = (from..=end)
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(end);
    match source[from..end].rfind(' ') {
        Some(i) if from + i + 1 > at => from + i + 1,
        _ => end,
    }
}

/// True when a piece may start with `line` after a blank line: it starts
/// at the margin with no list or quote marker (which could go on a list or
/// a footnote from before the blank line).
fn starts_fresh(line: &str) -> bool {
    let b = line.as_bytes();
    match b.first() {
        None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'>') => false,
        Some(_) => container_marker(b).is_none(),
    }
}

/// What is open at the end of a line that a blank line does not end.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Open {
    None,
    /// A fenced code block, with its fence (`~~~~`, a run of backticks).
    Fence(String),
    /// Raw HTML that only its end marker ends (`-->`, `</script>`): the
    /// marker, and the opener to carry over.
    Html {
        end: &'static str,
        opener: &'static str,
    },
}

/// The raw HTML blocks that blank lines do not end (CommonMark's kinds 1
/// to 5): how they start (lowercase), how they end, and what opens one.
const HTML_BLOCKS: [(&str, &str, &str); 8] = [
    ("<script", "</script>", "<script>\n"),
    ("<pre", "</pre>", "<pre>\n"),
    ("<style", "</style>", "<style>\n"),
    ("<textarea", "</textarea>", "<textarea>\n"),
    ("<!--", "-->", "<!--\n"),
    ("<?", "?>", "<?\n"),
    ("<![cdata[", "]]>", "<![CDATA[\n"),
    ("<!", ">", "<!X\n"),
];

impl Open {
    /// What is open after `line`, given what was open before it.
    fn after(&self, line: &str) -> Open {
        match self {
            Open::Fence(fence) => {
                let t = line.trim_start_matches(' ');
                let closes = line.len() - t.len() <= 3
                    && t.starts_with(fence.as_str())
                    && t.trim_start_matches(fence.as_bytes()[0] as char)
                        .trim()
                        .is_empty();
                if closes { Open::None } else { self.clone() }
            }
            Open::Html { end, .. } => {
                if line.to_ascii_lowercase().contains(end) {
                    Open::None
                } else {
                    self.clone()
                }
            }
            Open::None => opens(line),
        }
    }

    /// The line that opens the same again at the start of the next piece.
    fn opener(&self) -> String {
        match self {
            Open::None => String::new(),
            Open::Fence(fence) => format!("{fence}\n"),
            Open::Html { opener, .. } => (*opener).to_owned(),
        }
    }

    /// The line that closes it at the end of a piece.
    fn closer(&self) -> String {
        match self {
            Open::None => String::new(),
            Open::Fence(fence) => format!("{fence}\n"),
            Open::Html { end, .. } => format!("{end}\n"),
        }
    }
}

/// What `line` opens that a blank line does not end, and that it does not
/// close itself. Only what opens at the margin counts: fenced code or raw
/// HTML inside a list item or quote ends with it, at the latest where a
/// piece may end.
fn opens(line: &str) -> Open {
    let rest = line.trim_start_matches(' ');
    if line.len() - rest.len() > 3 {
        return Open::None;
    }
    let fence_char = rest.chars().next().filter(|c| matches!(c, '`' | '~'));
    if let Some(c) = fence_char {
        let run = rest.len() - rest.trim_start_matches(c).len();
        let info = &rest[run..];
        if run >= 3 && !(c == '`' && info.contains('`')) {
            return Open::Fence(rest[..run].to_owned());
        }
        return Open::None;
    }
    let lower = rest.to_ascii_lowercase();
    for (start, end, opener) in HTML_BLOCKS {
        if !lower.starts_with(start) {
            continue;
        }
        if start == "<!" && !lower[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        if lower[start.len()..].contains(end) {
            return Open::None;
        }
        return Open::Html { end, opener };
    }
    Open::None
}

/// The length of the block quote or list marker `b` opens with (`>`, `-`,
/// `+`, `*`, or up to nine digits and `.` or `)`, a list marker followed by
/// a space or the end of the line).
pub(super) fn container_marker(b: &[u8]) -> Option<usize> {
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let len = match b.first()? {
        b'>' => return Some(1),
        b'-' | b'+' | b'*' => 1,
        _ if (1..=9).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return None,
    };
    matches!(b.get(len), None | Some(b' ' | b'\t' | b'\n' | b'\r')).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_default(source: &str) -> Vec<Cow<'_, str>> {
        cut(source, MAX_PIECE)
    }

    #[test]
    fn a_small_source_is_one_borrowed_piece() {
        let pieces = cut_default("# Title\n\nText.\n");
        assert!(matches!(pieces[..], [Cow::Borrowed("# Title\n\nText.\n")]));
    }

    #[test]
    fn pieces_end_at_blank_lines_before_fresh_lines() {
        let para = "A line of a paragraph that goes on.\n".repeat(100);
        let doc = format!("{para}\n").repeat(200);
        let pieces = cut_default(&doc);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| matches!(p, Cow::Borrowed(_))));
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= MAX_PIECE && p.ends_with("\n\n"))
        );
        assert_eq!(pieces.concat(), doc);
    }

    #[test]
    fn lists_quotes_and_fences_are_not_cut_at_blank_lines() {
        let filler = "word ".repeat(20) + "\n\n";
        let list = format!("- item\n\n- {filler}").repeat(3000);
        assert!(
            cut_default(&list).len() > 1,
            "cut anyway, at the size bound"
        );
        for p in cut_default(&list).iter().take(1) {
            assert!(p.len() > MAX_PIECE - 200, "no cut before the bound");
        }
        let fenced = format!("```\n{}```\n", filler.repeat(3000));
        let pieces = cut_default(&fenced);
        assert!(pieces.len() > 1);
        for p in &pieces {
            assert!(
                p.starts_with("```\n") && p.ends_with("```\n"),
                "{}",
                &p[p.len() - 20..]
            );
        }
    }

    #[test]
    fn a_long_line_is_cut_after_a_space() {
        let line = "word ".repeat(200_000);
        let pieces = cut_default(&line);
        assert!(pieces.len() > 1);
        assert!(
            pieces
                .iter()
                .all(|p| p.len() <= MAX_PIECE && p.ends_with(' '))
        );
        assert_eq!(pieces.concat(), line);
        let wide = "é".repeat(300_000);
        assert_eq!(cut_default(&wide).concat(), wide);
    }

    #[test]
    fn what_is_open_is_what_opens_at_the_margin() {
        assert_eq!(opens("   ```rust\n"), Open::Fence("```".into()));
        assert_eq!(opens("> ```rust\n"), Open::None);
        assert_eq!(opens("    ```\n"), Open::None);
        assert_eq!(opens("``` a`b\n"), Open::None);
        assert_eq!(opens("~~~~\n"), Open::Fence("~~~~".into()));
        assert!(matches!(opens("<!-- a\n"), Open::Html { end: "-->", .. }));
        assert_eq!(opens("<!-- a -->\n"), Open::None);
        assert!(matches!(
            opens("<SCRIPT>\n"),
            Open::Html {
                end: "</script>",
                ..
            }
        ));
        assert_eq!(opens("<!5\n"), Open::None);
        let fence = Open::Fence("````".into());
        assert_eq!(fence.after("```\n"), fence);
        assert_eq!(fence.after("   `````  \n"), Open::None);
    }
}
