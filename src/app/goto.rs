//! Going to a place by number or by name, as in less and vim: `:N` goes to
//! line N of the text, `:N%` to that share of it; `m{a-z}` sets a mark and
//! `'{a-z}` returns to it; `''` returns to where the last jump started.
//!
//! A line is a line of the text as loaded (for a `.txt` file, the file's
//! own line; for Markdown and HTML, a line of what `gloss text` prints), so
//! `grep -n` and `gloss text FILE | grep -n` name the same line whatever
//! the screen's width.

use ratatui::crossterm::event::KeyCode;

use super::view::{here, on_mention, record, restore, set_top};
use super::{App, Command, Cursor, Jump};
use crate::keymap::Key;
use crate::model::Span;

/// How many marks there are: one per letter `a`–`z`.
pub const MARKS: usize = 26;

/// What the `:` prompt asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Line N of the text (1-based).
    Line(usize),
    /// N percent of the text's characters (0 to 100).
    Percent(usize),
}

/// Reads `40` as line 40 and `40%` as 40 percent (spaces around allowed);
/// `None` for anything else.
pub fn parse(input: &str) -> Option<Target> {
    let s = input.trim();
    let (digits, percent) = match s.strip_suffix('%') {
        Some(d) => (d.trim_end(), true),
        None => (s, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Only digits: too many of them is a very large number.
    let n = digits.parse().unwrap_or(usize::MAX);
    Some(if percent {
        Target::Percent(n.min(100))
    } else {
        Target::Line(n)
    })
}

/// `:`: opens the go-to prompt in the status line.
pub(super) fn open_prompt(app: &mut App) {
    app.prompt = Some(String::new());
    app.prompt_goto = true;
    app.prompt_origin = (app.top, app.reading_pos().0);
}

/// The go-to prompt's `<CR>`: goes where its text says.
pub(super) fn submit(app: &mut App) {
    app.prompt_goto = false;
    let Some(input) = app.prompt.take() else {
        return;
    };
    if input.trim().is_empty() {
        return;
    }
    let Some(target) = parse(&input) else {
        app.message = format!(
            "“{}”: type a line number ({}40) or a share of the text ({}40%)",
            input.trim(),
            app.keymap.hint(Command::GoTo),
            app.keymap.hint(Command::GoTo),
        );
        return;
    };
    let text = &app.doc.text;
    let lines = line_count(text);
    let (at, message) = match target {
        Target::Line(n) => {
            let k = n.clamp(1, lines);
            let past = if n > lines {
                format!(" (there are {lines})")
            } else {
                String::new()
            };
            (line_start(text, k), format!("line {k} of {lines}{past}"))
        }
        Target::Percent(p) => {
            let chars = app.doc.char_len();
            let at = app
                .doc
                .chars
                .to_byte(text, chars * p / 100)
                .unwrap_or(text.len());
            let k = line_number(text, at);
            (at, format!("{p}% · line {k} of {lines}"))
        }
    };
    go(app, at);
    app.message = message;
}

/// Jumps to byte `at`: its screen line at the top (as far as the text
/// allows), the cursor on that line's first word.
fn go(app: &mut App, at: usize) {
    record(app);
    let line = app.layout.line_of(at);
    set_top(app, line);
    let span = app
        .layout
        .line(line)
        .map_or(Span::new(at, at), |l| first_word(&app.doc.text, l));
    // On a mention when the word starts one.
    let mention =
        (app.ann.mention_at(span.start)).filter(|&m| app.ann.mentions[m].span.start == span.start);
    app.cursor = Some(match mention {
        Some(m) => on_mention(&app.ann, m),
        None => Cursor {
            span,
            mention: None,
        },
    });
}

/// The first word of `line` (an empty span at its start when it is blank).
fn first_word(text: &str, line: Span) -> Span {
    let s = line.slice(text);
    let lead = s.len() - s.trim_start().len();
    let word = s[lead..].split(char::is_whitespace).next().unwrap_or("");
    Span::new(line.start + lead, line.start + lead + word.len())
}

/// Lines in `text`: its line breaks plus one, a final line break ending
/// the last line rather than starting another.
pub fn line_count(text: &str) -> usize {
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    (breaks + usize::from(!text.is_empty() && !text.ends_with('\n'))).max(1)
}

/// The first byte of line `n` (1-based; past the last: the end).
fn line_start(text: &str, n: usize) -> usize {
    if n <= 1 {
        return 0;
    }
    memchr::memchr_iter(b'\n', text.as_bytes())
        .nth(n - 2)
        .map_or(text.len(), |i| i + 1)
}

/// The 1-based line holding byte `at`.
fn line_number(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1
}

/// `m` or `'`: waits for the mark's letter.
pub(super) fn await_letter(app: &mut App, command: Command) {
    app.awaiting = Some(command);
    app.message = if command == Command::SetMark {
        "set mark: a letter a–z".into()
    } else {
        app.keymap
            .fill("go to mark: a letter a–z, or {go_to_mark} for where the last jump started")
    };
}

/// The key typed after `m` or `'`.
pub(super) fn letter(app: &mut App, command: Command, key: Key) {
    let again = app
        .keymap
        .keys_for(Command::GoToMark)
        .iter()
        .any(|seq| seq == &[key]);
    match (command, key.code) {
        (_, KeyCode::Esc) => {}
        (Command::GoToMark, _) if again => back_to_jump_start(app),
        (_, KeyCode::Char(c)) if key.mods.is_empty() && c.is_ascii_lowercase() => {
            let i = usize::from(c as u8 - b'a');
            if command == Command::SetMark {
                app.marks[i] = Some(here(app));
                app.message = format!("mark {c} set");
            } else if let Some(mark) = app.marks[i] {
                record(app);
                // A mark is a place: the selected actor stays.
                restore(
                    app,
                    Jump {
                        selected: app.selected,
                        ..mark
                    },
                );
                app.message = format!("mark {c}");
            } else {
                app.message = format!(
                    "no mark {c} yet · {}{c} sets it",
                    app.keymap.hint(Command::SetMark)
                );
            }
        }
        _ => app.message = "marks are the letters a–z".into(),
    }
}

/// `''`: back to where the last jump started; again, back here.
fn back_to_jump_start(app: &mut App) {
    let Some(jump) = app.back.pop() else {
        app.message = "no jump yet".into();
        return;
    };
    app.back.push(here(app));
    restore(app, jump);
    app.message = "back where the last jump started".into();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse() {
        assert_eq!(parse("40"), Some(Target::Line(40)));
        assert_eq!(parse(" 40 % "), Some(Target::Percent(40)));
        assert_eq!(parse("250%"), Some(Target::Percent(100)));
        assert_eq!(
            parse("99999999999999999999999"),
            Some(Target::Line(usize::MAX))
        );
        for bad in ["", "%", "-3", "4x", "x", "1.5", "+2"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn lines_are_the_texts_own() {
        let t = "one\ntwo\n\nfour";
        assert_eq!(line_count(t), 4);
        assert_eq!(line_count("a\n"), 1);
        assert_eq!(line_count(""), 1);
        assert_eq!(line_start(t, 1), 0);
        assert_eq!(&t[line_start(t, 2)..], "two\n\nfour");
        assert_eq!(&t[line_start(t, 4)..], "four");
        assert_eq!(line_start(t, 9), t.len());
        assert_eq!(line_number(t, 0), 1);
        assert_eq!(line_number(t, t.len()), 4);
        assert_eq!(
            first_word("  hello world", Span::new(0, 13)),
            Span::new(2, 7)
        );
        assert_eq!(first_word("   ", Span::new(0, 3)), Span::new(3, 3));
    }
}
