//! The help overlay's lines: every command with its keys (from the keymap)
//! and its help line, mode by mode under a heading each, wrapped to the overlay's width; or the
//! status line's last messages. `update` scrolls through them and `ui`
//! draws them, so both count the same lines.

use unicode_width::UnicodeWidthStr;

use super::wrap::wrap_text;
use super::{App, Command, Mode};

/// Below this many columns inside the overlay, a command's keys take a line
/// of their own and its description the lines after it.
const TWO_LINES_BELOW: usize = 48;

/// The widest keys column of the one-line layout: wider keys take a line of
/// their own, the description the lines after them.
const MAX_KEYS_WIDTH: usize = 16;

/// The help overlay's text for the current screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpPage {
    /// The column descriptions start at.
    pub text_col: usize,
    /// The lines: keys (empty on a description's later lines) and text.
    pub lines: Vec<(String, String)>,
}

impl HelpPage {
    /// The help for `app`'s keymap, or its messages (when
    /// [`App::help_shows_messages`]), laid out for its screen.
    pub fn new(app: &App) -> Self {
        let width = usize::from(app.areas.help_width());
        if app.help_shows_messages {
            return Self::messages(app, width);
        }
        let mut rows: Vec<(String, String)> = Vec::new();
        for mode in Mode::ALL {
            if !mode.heading().is_empty() {
                rows.push((String::new(), String::new()));
                rows.push((mode.heading().to_owned(), String::new()));
            }
            for &c in Command::ALL.iter().filter(|c| c.mode() == mode) {
                let keys: Vec<String> = app
                    .keymap
                    .keys_for(c)
                    .iter()
                    .map(|seq| seq.iter().map(|k| k.label()).collect())
                    .collect();
                rows.push((keys.join("  "), app.keymap.fill(c.help())));
            }
        }
        let two_lines = width < TWO_LINES_BELOW;
        let text_col = if two_lines {
            2
        } else {
            let keys_w = rows
                .iter()
                .filter(|(_, d)| !d.is_empty())
                .map(|(k, _)| k.width())
                .max()
                .unwrap_or(0);
            keys_w.min(MAX_KEYS_WIDTH) + 2
        };
        let mut lines = Vec::new();
        for (keys, desc) in rows {
            let mut pieces = wrap_text(&desc, width.saturating_sub(text_col).max(1))
                .into_iter()
                .map(str::to_owned);
            if two_lines || keys.width() + 2 > text_col {
                lines.push((keys, String::new()));
            } else {
                lines.push((keys, pieces.next().unwrap_or_default()));
            }
            lines.extend(pieces.map(|p| (String::new(), p)));
        }
        Self { text_col, lines }
    }

    /// The status line's messages, oldest first, each wrapped to `width`.
    fn messages(app: &App, width: usize) -> Self {
        let mut lines: Vec<(String, String)> = Vec::new();
        for m in &app.messages {
            let mut pieces = wrap_text(m, width.saturating_sub(3).max(1)).into_iter();
            lines.push(("•".into(), pieces.next().unwrap_or_default().to_owned()));
            lines.extend(pieces.map(|p| (String::new(), p.to_owned())));
        }
        if lines.is_empty() {
            lines.push((String::new(), "no messages yet".into()));
        }
        Self { text_col: 3, lines }
    }
}
