//! What gloss prints outside the reader's screen: standard output and
//! standard error, made safe for a terminal.
//!
//! Text from an article, an HTML title, a sidecar, a brat file, a file name
//! or the command line may hold escape sequences and other characters a
//! terminal would act on. Everything gloss prints goes through here, with
//! one definition of what is unsafe ([`placeholder`]):
//!
//! - standard output through [`stdout`]: on a terminal every unsafe
//!   character is shown as its placeholder (`␛`, `�`), while line breaks,
//!   tabs and CRLF line ends stay; to a pipe or a file the bytes are exact,
//!   since offsets refer to them;
//! - `gloss render --color` through [`styled_stdout`], exact, since it
//!   adds styles of its own to text it has already made safe;
//! - standard error through [`error`], [`warning`] and [`Progress`], always:
//!   one line per message, every control character in it made visible (a
//!   line break in a file name cannot start a line of its own).
//!
//! The crate denies `print!`, `eprint!` and their `ln` forms, and
//! `clippy.toml` disallows `std::io::stdout` and `std::io::stderr` outside
//! this module, so nothing reaches a terminal another way.

use std::io::{self, IsTerminal, Write};

use crate::document::sanitize::{clean_line, placeholder};

/// A writer that passes what is written to `inner` with every character
/// unsafe on a terminal replaced by its placeholder (when active), or
/// exactly (when not). Line feeds, tabs and a carriage return before a line
/// feed are kept. Characters split across writes are put together first;
/// [`Sanitizing::finish`] writes what is held back at the end.
pub struct Sanitizing<W: Write> {
    inner: W,
    active: bool,
    /// Bytes held back: the start of a character split across writes, or a
    /// carriage return waiting to see whether a line feed follows.
    held: Vec<u8>,
}

impl<W: Write> Sanitizing<W> {
    /// A writer over `inner` that sanitises when `active`, else passes the
    /// bytes through unchanged.
    pub fn new(inner: W, active: bool) -> Self {
        Self {
            inner,
            active,
            held: Vec::new(),
        }
    }

    /// Writes what was held back (a lone carriage return or an unfinished
    /// character, as placeholders) and flushes. Dropping the writer writes
    /// what was held back too, but cannot report a failure.
    pub fn finish(&mut self) -> io::Result<()> {
        self.write_held()?;
        self.inner.flush()
    }

    /// Writes what was held back, as placeholders.
    fn write_held(&mut self) -> io::Result<()> {
        if self.held.is_empty() {
            return Ok(());
        }
        let held = std::mem::take(&mut self.held);
        let mut out = String::new();
        push_clean(&mut out, &String::from_utf8_lossy(&held));
        self.inner.write_all(out.as_bytes())
    }

    /// Writes `data` sanitised, holding back an unfinished character or a
    /// final carriage return.
    fn write_clean(&mut self, data: &[u8]) -> io::Result<()> {
        let (mut rest, cr) = match data.strip_suffix(b"\r") {
            Some(before) => (before, true),
            None => (data, false),
        };
        let mut out = String::with_capacity(rest.len());
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    push_clean(&mut out, s);
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    // Checked by from_utf8 just now.
                    push_clean(&mut out, std::str::from_utf8(valid).unwrap_or_default());
                    match e.error_len() {
                        // The start of a character the next write finishes.
                        None => {
                            self.held.extend_from_slice(after);
                            break;
                        }
                        Some(n) => {
                            out.push('\u{fffd}');
                            rest = &after[n..];
                        }
                    }
                }
            }
        }
        if cr {
            self.held.push(b'\r');
        }
        self.inner.write_all(out.as_bytes())
    }
}

impl<W: Write> Drop for Sanitizing<W> {
    fn drop(&mut self) {
        // Nothing is left to tell a failure to: `finish` reports it.
        let _ = self.write_held();
    }
}

impl<W: Write> Write for Sanitizing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.active {
            return self.inner.write(buf);
        }
        if self.held.is_empty() {
            self.write_clean(buf)?;
        } else {
            let mut data = std::mem::take(&mut self.held);
            data.extend_from_slice(buf);
            self.write_clean(&data)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Appends `s` to `out` with every unsafe character replaced by its
/// placeholder, keeping line feeds, tabs and a carriage return before a
/// line feed.
fn push_clean(out: &mut String, s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let keep = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            _ => false,
        };
        out.push(if keep { c } else { placeholder(c).unwrap_or(c) });
    }
}

/// Standard output: sanitising when it is a terminal, exact when it is a
/// pipe or a file. Call [`Sanitizing::finish`] when done.
#[allow(clippy::disallowed_methods)] // The one place standard output is opened.
pub fn stdout() -> Sanitizing<io::StdoutLock<'static>> {
    let out = io::stdout();
    let terminal = out.is_terminal();
    Sanitizing::new(out.lock(), terminal)
}

/// Standard output, exact even on a terminal, for gloss's own styled
/// frame (`gloss render --color`) alone: its only escape sequences are the
/// styles gloss adds, and every piece of text in it is made safe cell by
/// cell as it is put together (`render::to_ansi`).
#[allow(clippy::disallowed_methods)] // Standard output for the styled frame.
pub fn styled_stdout() -> Sanitizing<io::StdoutLock<'static>> {
    Sanitizing::new(io::stdout().lock(), false)
}

/// Writes `before` (gloss's own control sequence, or nothing) and then
/// `line` with every control character made visible, to standard error.
/// A failure to write to standard error leaves nothing else to tell.
#[allow(clippy::disallowed_methods)] // The one place standard error is opened.
fn to_stderr(before: &str, line: &str, end: &str) {
    let text = format!("{before}{}{end}", clean_line(line));
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// Writes gloss's own control sequences `seq` (OSC 52 for the clipboard)
/// to the terminal the reader draws on, at once.
#[allow(clippy::disallowed_methods)] // The reader's terminal, for its own sequences.
pub fn control(seq: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(seq.as_bytes())?;
    out.flush()
}

/// Asks the terminal to report the mouse (`on`), or to stop. A terminal
/// that does not know these sequences ignores them.
#[allow(clippy::disallowed_methods)] // The reader's terminal, for its own sequences.
pub fn mouse_capture(on: bool) -> io::Result<()> {
    use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
    let mut out = io::stdout().lock();
    if on {
        ratatui::crossterm::execute!(out, EnableMouseCapture)
    } else {
        ratatui::crossterm::execute!(out, DisableMouseCapture)
    }
}

/// True when standard error is a terminal.
#[allow(clippy::disallowed_methods)] // Asks, writes nothing.
fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// Prints `gloss: MESSAGE` on standard error as one line, made safe.
pub fn error(message: &str) {
    to_stderr("", &format!("gloss: {message}"), "\n");
}

/// Prints `gloss: warning: MESSAGE` on standard error as one line, made
/// safe.
pub fn warning(message: &str) {
    error(&format!("warning: {message}"));
}

/// Makes a panic print one safe line on standard error, as [`error`]
/// does, instead of Rust's default report: a panic message may quote
/// article text (a string slice out of bounds shows the string), which must
/// not reach the terminal raw. With `RUST_BACKTRACE` set, the backtrace
/// follows, each of its lines made safe the same way.
///
/// Install it before the reader starts: the reader's own hook restores the
/// terminal and then calls this one.
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned());
        let location = info.location().map(ToString::to_string);
        error(&panic_line(message.as_deref(), location.as_deref()));
        let trace = std::backtrace::Backtrace::capture();
        if trace.status() == std::backtrace::BacktraceStatus::Captured {
            for line in trace.to_string().lines() {
                to_stderr("", line, "\n");
            }
        }
    }));
}

/// What [`report_panics`] says about a panic with `message` at `location`.
fn panic_line(message: Option<&str>, location: Option<&str>) -> String {
    let mut line = String::from("internal error (a bug in gloss; please report it)");
    if let Some(m) = message {
        line.push_str(": ");
        line.push_str(m);
    }
    if let Some(at) = location {
        line.push_str(" at ");
        line.push_str(at);
    }
    line
}

/// Returns to the start of the line and clears it (gloss's own sequence,
/// the only one it writes to standard error).
const CLEAR_LINE: &str = "\r\x1b[K";

/// A progress line on standard error, redrawn in place, shown only when
/// standard error is a terminal; errors and warnings printed meanwhile
/// clear it first.
pub struct Progress {
    terminal: bool,
}

impl Progress {
    /// A progress line for standard error as it is (a terminal or not).
    pub fn new() -> Self {
        Self {
            terminal: stderr_is_terminal(),
        }
    }

    /// Draws `line` in place of the previous progress line.
    pub fn show(&self, line: &str) {
        if self.terminal {
            to_stderr(CLEAR_LINE, line, "");
        }
    }

    /// Prints an error line as [`error`] does, over the progress line.
    pub fn error(&self, message: &str) {
        self.clear();
        error(message);
    }

    /// Prints a warning line as [`warning`] does, over the progress line.
    pub fn warning(&self, message: &str) {
        self.clear();
        warning(message);
    }

    /// Removes the progress line.
    pub fn clear(&self) {
        if self.terminal {
            to_stderr(CLEAR_LINE, "", "");
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

/// The batch's progress line: a bar of [`BAR_CELLS`] cells, the articles
/// done and the share done ("gloss: ▕██████░░░░▏ 120/480 articles  25%"),
/// without the bar when the line would not fit in `columns` (a wrapped line
/// could not be redrawn in place).
pub fn progress_bar(done: usize, total: usize, columns: usize) -> String {
    let share = |of: usize| (done.min(total) * of).checked_div(total).unwrap_or(of);
    let count = format!("{done}/{total} articles {:>3}%", share(100));
    let full = share(BAR_CELLS);
    let line = format!(
        "gloss: ▕{}{}▏ {count}",
        "█".repeat(full),
        "░".repeat(BAR_CELLS - full)
    );
    if line.chars().count() < columns {
        line
    } else {
        format!("gloss: {count}")
    }
}

/// Width of [`progress_bar`]'s bar, in cells.
const BAR_CELLS: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_fills_with_the_work() {
        let empty = format!("gloss: ▕{}▏ 0/480 articles   0%", "░".repeat(BAR_CELLS));
        assert_eq!(progress_bar(0, 480, 80), empty);
        let quarter = format!(
            "gloss: ▕{}{}▏ 120/480 articles  25%",
            "█".repeat(6),
            "░".repeat(18)
        );
        assert_eq!(progress_bar(120, 480, 80), quarter);
        let full = format!("gloss: ▕{}▏ 480/480 articles 100%", "█".repeat(BAR_CELLS));
        assert_eq!(progress_bar(480, 480, 80), full);
        // Never more than full, and no division by zero.
        assert_eq!(progress_bar(500, 480, 80).matches('█').count(), BAR_CELLS);
        assert!(progress_bar(0, 0, 80).ends_with("0/0 articles 100%"));
        // A narrow terminal gets the count alone, which never wraps there.
        assert_eq!(progress_bar(120, 480, 40), "gloss: 120/480 articles  25%");
        let exact = quarter.chars().count();
        assert_eq!(
            progress_bar(120, 480, exact),
            "gloss: 120/480 articles  25%"
        );
        assert_eq!(progress_bar(120, 480, exact + 1), quarter);
    }

    #[test]
    fn a_panic_is_reported_on_one_safe_line() {
        let line = panic_line(
            Some("byte index 3 of `\x1b]52;c;evil\x07`"),
            Some("src/x.rs:1:2"),
        );
        assert_eq!(
            line,
            "internal error (a bug in gloss; please report it): \
             byte index 3 of `\x1b]52;c;evil\x07` at src/x.rs:1:2"
        );
        let shown = clean_line(&line);
        assert!(
            !shown.contains('\x1b') && !shown.contains('\x07'),
            "{shown}"
        );
        assert_eq!(
            panic_line(None, None),
            "internal error (a bug in gloss; please report it)"
        );
    }

    /// What `writes` come to through a sanitising writer.
    fn through(active: bool, writes: &[&[u8]]) -> String {
        let mut out = Vec::new();
        let mut w = Sanitizing::new(&mut out, active);
        for chunk in writes {
            w.write_all(chunk).expect("writes to memory");
        }
        w.finish().expect("finishes");
        drop(w);
        String::from_utf8(out).expect("utf-8")
    }

    const HOSTILE: &str = "a\u{1b}[2Jb\u{7}c\u{7f}d\u{9b}31me\u{202e}f\u{2066}g\u{2069}\u{0}";

    #[test]
    fn a_terminal_sees_placeholders() {
        assert_eq!(
            through(true, &[HOSTILE.as_bytes()]),
            "a␛[2Jb␇c␡d�31me�f�g�␀"
        );
    }

    #[test]
    fn layout_stays() {
        let text = "one\ttwo\nthree\r\nfour\rfive\r";
        assert_eq!(
            through(true, &[text.as_bytes()]),
            "one\ttwo\nthree\r\nfour␍five␍"
        );
    }

    #[test]
    fn a_pipe_gets_the_exact_bytes() {
        assert_eq!(through(false, &[HOSTILE.as_bytes()]), HOSTILE);
    }

    #[test]
    fn characters_split_across_writes_are_put_together() {
        let text = format!("x{HOSTILE}é€😀\r\ny\r");
        let bytes = text.as_bytes();
        let whole = through(true, &[bytes]);
        for cut in 0..bytes.len() {
            let (a, b) = bytes.split_at(cut);
            assert_eq!(through(true, &[a, b]), whole, "cut at {cut}");
        }
        let one_by_one: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(through(true, &one_by_one), whole);
    }

    #[test]
    fn dropping_the_writer_writes_what_it_held() {
        let mut out = Vec::new();
        let mut w = Sanitizing::new(&mut out, true);
        w.write_all(b"a\r").expect("writes to memory");
        drop(w);
        assert_eq!(String::from_utf8(out).expect("utf-8"), "a␍");
    }

    #[test]
    fn bytes_that_are_not_utf8_show_as_replacement_characters() {
        assert_eq!(through(true, &[b"a\xffb\xe2\x82"]), "a\u{fffd}b\u{fffd}");
    }
}
