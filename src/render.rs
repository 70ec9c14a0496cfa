//! `gloss render`: replay keys in the reader without a terminal, and print
//! the final frame as text, as text with ANSI styles, or the reader's state
//! as JSON. It runs the same `update` and `ui::draw` as the reader, with the
//! default keys (a user's keymap file is not read, so scripts replay the
//! same everywhere).

use std::fmt::Write as _;
use std::io::Write;

use clap::Args;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use serde_json::json;
use unicode_width::UnicodeWidthStr;

use crate::app::library::Library;
use crate::app::{App, Event, Focus, update};
use crate::document::sanitize::clean_line;
use crate::keymap::{Key, KeyError, parse_keys};
use crate::open::{Common, Failure, Opened, opening_message};
use crate::theme::{self, ThemeError, Themes};
use crate::watch::Watch;

/// Arguments of `gloss render`.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// The article (`-` for standard input).
    pub file: String,
    /// Screen size as COLUMNSxROWS.
    #[arg(long, default_value = "100x30", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Keys to replay, in vim notation (`*`, `]e`, `<CR>`, `<C-o>`, `<lt>`);
    /// `-`: read them from standard input a line at a time, showing the
    /// frame after each line (and taking in an article changed on disk
    /// before it).
    #[arg(long, default_value = "")]
    pub keys: String,
    /// Print the reader's state as JSON instead of the frame.
    #[arg(long)]
    pub state: bool,
    /// Print the frame with ANSI colours and styles.
    #[arg(long)]
    pub color: bool,
}

/// What is wrong with a `--size`.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
enum SizeError {
    /// Not `WIDTHxHEIGHT`.
    #[error("`{0}` is not a size like 100x30")]
    Shape(String),
    /// A width or height of 0.
    #[error("`{0}`: width and height must be at least 1")]
    Zero(String),
}

fn parse_size(s: &str) -> Result<(u16, u16), SizeError> {
    let bad = || SizeError::Shape(s.to_owned());
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if w == 0 || h == 0 {
        return Err(SizeError::Zero(s.to_owned()));
    }
    Ok((w, h))
}

/// Why `render` could not give a frame.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// `--keys` that are not keys.
    #[error("--keys: {0}")]
    Keys(#[from] KeyError),
    /// `--keys -` with the article on standard input too.
    #[error("--keys -: keys come from standard input, so the article cannot")]
    StdinTaken,
    /// A line of `--keys -` that is not keys.
    #[error("--keys -: {0}")]
    LineKeys(KeyError),
    /// Standard input could not be read for `--keys -`.
    #[error("--keys -: standard input: {0}")]
    Stdin(std::io::Error),
    /// A theme that could not be had.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// Drawing failed.
    #[error("render: {0}")]
    Draw(#[from] std::io::Error),
    /// The frame could not be written.
    #[error("standard output: {0}")]
    Output(std::io::Error),
}

impl From<RenderError> for Failure {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::Stdin(_) | RenderError::Draw(_) | RenderError::Output(_) => {
                Failure::runtime(e.to_string())
            }
            _ => Failure::input(e.to_string()),
        }
    }
}

/// The keys `render` replays, checked before the article is opened: those
/// of `--keys`, or `None` for `--keys -` (read from standard input as they
/// come, so the article cannot be).
pub fn keys(args: &RenderArgs) -> Result<Option<Vec<Key>>, RenderError> {
    match (args.keys.as_str(), args.file.as_str()) {
        ("-", "-") => Err(RenderError::StdinTaken),
        ("-", _) => Ok(None),
        (keys, _) => Ok(Some(parse_keys(keys)?)),
    }
}

/// Replays `keys` (see [`keys`]) on the opened article and writes the
/// final frame or state to `out`. Notes and corrections made are saved in
/// the sidecar, as in the reader; the clipboard's OSC 52 sequences come
/// before a `--color` frame, and links are opened (waiting for the
/// browser). A library (see [`crate::app::library`]) opens on its list.
///
/// With `--keys -` (`keys` is `None`), keys are read from standard input a
/// line at a time, and the frame or state is written after each line.
/// Before each line comes the reader's tick: an article or sidecar changed
/// on disk since the line before is taken in (the article read and
/// annotated again), so a script can change the file between two lines
/// and see the reader follow.
pub fn run(
    opened: Opened,
    library: Option<Library>,
    keys: Option<Vec<Key>>,
    args: &RenderArgs,
    common: &Common,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    let no_color = theme::no_color_env();
    let (themes, warning) = theme::choose(common.theme.as_deref(), no_color)?;
    let Opened {
        doc,
        store,
        auto,
        messages,
        files,
        path,
        ..
    } = opened;
    let opening = opening_message(&doc, &messages);
    let mut app = App::with_store(doc, store, auto, themes.choice(), args.size);
    app.open_files = files;
    app.article_file = path;
    app.index = crate::library::index::default_path().ok();
    if let Some(library) = library {
        // The list's own hint shows instead of the article's.
        app.library = Some(Box::new(library));
        app.message.clear();
    }
    if let Some(w) = warning.or(opening) {
        app.message = w;
    }
    let mut session = Session {
        app,
        themes,
        browser: std::env::var("BROWSER").ok(),
        sequences: String::new(),
    };
    if let Some(keys) = keys {
        session.replay(keys);
        return write_out(out, &session.show(args)?);
    }
    let mut watch = Watch::new(&session.app);
    for line in std::io::stdin().lines() {
        let line = line.map_err(RenderError::Stdin)?;
        for event in watch.tick(&session.app, true) {
            update(&mut session.app, event.into());
        }
        session.replay(parse_keys(&line).map_err(RenderError::LineKeys)?);
        write_out(out, &session.show(args)?)?;
    }
    Ok(())
}

/// A reader replaying keys, with what it copied since it was last shown.
struct Session {
    app: App,
    themes: Themes,
    browser: Option<String>,
    sequences: String,
}

impl Session {
    /// Replays `keys`, carrying out what they ask of the world.
    fn replay(&mut self, keys: Vec<Key>) {
        for key in keys {
            if self.app.quit {
                break;
            }
            let action = self.app.action_for(key);
            update(&mut self.app, action);
            if !self.app.effects.is_empty() {
                let done = crate::effects::perform(&self.app.effects, self.browser.as_deref());
                self.sequences.push_str(&done.sequences);
                let mut problems = done.problems;
                // Waiting makes a replay the same every time.
                for mut child in done.children {
                    if let Err(e) = child.wait() {
                        problems.push(format!("the browser: {e}"));
                    }
                }
                update(&mut self.app, Event::Performed(problems).into());
            }
        }
    }

    /// The frame (with the clipboard's sequences first, in colour) or the state.
    fn show(&mut self, args: &RenderArgs) -> Result<String, RenderError> {
        if args.state {
            return Ok(state_json(&self.app) + "\n");
        }
        let buf = frame(&self.app, &self.themes)?;
        let sequences = std::mem::take(&mut self.sequences);
        Ok(if args.color {
            sequences + &to_ansi(&buf)
        } else {
            to_text(&buf)
        })
    }
}

/// Writes `text` to `out` and flushes it; a closed pipe ends quietly.
fn write_out(out: &mut dyn Write, text: &str) -> Result<(), RenderError> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(RenderError::Output(e)),
        _ => Ok(()),
    }
}

/// Draws `app` in its theme of `themes` into an off-screen buffer of its
/// screen size.
pub fn frame(app: &App, themes: &Themes) -> std::io::Result<Buffer> {
    let area = app.areas.screen;
    let mut term = Terminal::new(TestBackend::new(area.width, area.height))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let completed = term
        .draw(|f| crate::ui::draw(app, themes, f))
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(completed.buffer.clone())
}

/// The cells of row `y` as (symbol, cell) pairs, skipping cells hidden under wide characters.
fn row(buf: &Buffer, y: u16) -> Vec<&ratatui::buffer::Cell> {
    let mut out = Vec::new();
    let mut skip = 0;
    for x in 0..buf.area.width {
        let cell = &buf[(x, y)];
        if skip > 0 {
            skip -= 1;
            continue;
        }
        skip = cell.symbol().width().saturating_sub(1);
        out.push(cell);
    }
    out
}

/// The frame as plain text, one line per row, trailing spaces trimmed.
pub fn to_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = row(buf, y).iter().map(|c| c.symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The frame with ANSI SGR styles; unstyled trailing spaces trimmed. Every
/// cell's text is made safe, so the only escape sequences are the styles.
pub fn to_ansi(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let cells = row(buf, y);
        let plain = |c: &&&ratatui::buffer::Cell| {
            c.symbol() == " " && c.bg == Color::Reset && c.modifier.is_empty()
        };
        let keep = cells.len() - cells.iter().rev().take_while(plain).count();
        let mut current: Option<String> = None;
        for cell in &cells[..keep] {
            let sgr = sgr(cell.fg, cell.bg, cell.modifier);
            if current.as_ref() != Some(&sgr) {
                out.push_str("\x1b[0m");
                if !sgr.is_empty() {
                    let _ = write!(out, "\x1b[{sgr}m");
                }
                current = Some(sgr);
            }
            // Made safe here, as it is printed raw (see `term::styled_stdout`).
            out.push_str(&clean_line(cell.symbol()));
        }
        if current.is_some() {
            out.push_str("\x1b[0m");
        }
        out.push('\n');
    }
    out
}

/// The SGR parameters for a cell's colours and modifiers (empty for none).
fn sgr(fg: Color, bg: Color, m: Modifier) -> String {
    let mut p: Vec<String> = Vec::new();
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            p.push(code.into());
        }
    }
    p.extend(color(fg, false));
    p.extend(color(bg, true));
    p.join(";")
}

fn color(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let named = |i: u8| Some((base + u16::from(i)).to_string());
    let bright = |i: u8| Some((base + 60 + u16::from(i)).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

/// The reader's state as the JSON object DESIGN.md describes (code-point offsets).
pub fn state_json(app: &App) -> String {
    let doc = &app.doc;
    let ch = |b: usize| doc.chars.to_char(&doc.text, b);
    let mut value = json!({
        "focus": match app.focus { Focus::Article => "article", Focus::Side => "side" },
        "tab": app.tab.as_str(),
        "selected": app.selected.map(|e| json!({
            "id": crate::model::Annotations::entity_key(e),
            "name": app.ann.entities[e].name,
        })),
        "cursor": app.cursor.map(|c| json!({
            "start": ch(c.span.start),
            "end": ch(c.span.end),
            "text": c.span.slice(&doc.text),
        })),
        "mention": app.mention_position().map(|(k, n)| json!({"index": k, "count": n})),
        "top_line": app.top,
        "visual": app.visual.map(|v| {
            let s = v.span(&doc.text);
            json!({"start": ch(s.start), "end": ch(s.end), "text": s.slice(&doc.text)})
        }),
        "popup": app.popup.as_ref().map(|p| p.name()),
        "notes": app.store.notes().len(),
        "message": app.message,
    });
    if let Some((view, article)) = crate::app::library::state(app) {
        value["view"] = json!(view);
        value["article"] = json!(article);
    }
    crate::export::json::value_to_string(&value, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("80x24"), Ok((80, 24)));
        assert!(parse_size("80").is_err());
        assert!(parse_size("0x5").is_err());
        assert!(parse_size("ax5").is_err());
    }
}
