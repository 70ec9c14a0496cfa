//! The library's list: one row per article (title, date, source, and its
//! counts of actors, commitments, quotes and notes), or after `A` the
//! articles that mention an actor with that actor's counts and
//! commitments; a heading above and the status line (or the filter
//! prompt) below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use super::{fill, fit};
use crate::app::App;
use crate::app::library::Library;
use crate::command::Command;
use crate::theme::Theme;

/// Columns of the date.
const DATE: usize = 18;
/// Columns of the source.
const SOURCE: usize = 16;
/// Columns of one count.
const COUNT: usize = 5;

/// Draws the list over the whole screen.
pub fn draw(app: &App, lib: &Library, theme: &Theme, buf: &mut Buffer) {
    let st = &theme.styles;
    let screen = app.areas.screen;
    fill(buf, screen, st.text);
    let w = usize::from(screen.width);
    let columns = Columns::for_width(w);
    draw_heading(lib, columns, theme, w, buf);
    let list_top = 2u16;
    let height = crate::app::library::list_height(app);
    let first = lib.first_row(height);
    let lines = lib.row_lines();
    for n in first..lib.rows.len() {
        let y = list_top as usize + (n - first) * lines;
        if y + lines > list_top as usize + height {
            break;
        }
        draw_row(lib, n, (y as u16, screen.width), columns, theme, buf);
    }
    if lib.rows.is_empty() {
        let none = if lib.filter.is_empty() {
            "no articles"
        } else {
            "no article matches the filter"
        };
        buf.set_stringn(2, list_top, none, w.saturating_sub(2), st.muted);
    }
    status(app, lib, theme, buf);
}

/// The widths of the list's columns (the counts excepted).
#[derive(Clone, Copy, Debug)]
struct Columns {
    /// Of the title.
    title: usize,
    /// Of the date (0: not shown).
    date: usize,
    /// Of the source (0: not shown).
    source: usize,
}

impl Columns {
    /// The columns on a screen `w` wide. On a narrow screen the source goes
    /// first, then the date: the title keeps at least 20 columns.
    fn for_width(w: usize) -> Columns {
        let source = if w > 20 + DATE + SOURCE + 4 * COUNT {
            SOURCE
        } else {
            0
        };
        let date = if w > 20 + DATE + 4 * COUNT { DATE } else { 0 };
        let title = w.saturating_sub(date + source + 4 * COUNT + 1);
        Columns {
            title,
            date,
            source,
        }
    }
}

/// Draws the top two lines, `w` wide: what the list holds (how many, in
/// what order) and the columns' names.
fn draw_heading(lib: &Library, columns: Columns, theme: &Theme, w: usize, buf: &mut Buffer) {
    let st = &theme.styles;
    let heading = match &lib.actor {
        Some(a) => format!(" Articles that mention {} · {} ", a.name, lib.rows.len()),
        None => format!(
            " Library: {} · {} of {} articles · {} ",
            lib.name,
            lib.rows.len(),
            lib.items.len(),
            lib.sort.name()
        ),
    };
    buf.set_stringn(0, 0, fit(&heading, w), w, st.heading);
    let counts = if lib.actor.is_some() {
        ["ment", "comm", "quot", ""]
    } else {
        ["act", "comm", "quot", "note"]
    };
    let Columns {
        title: title_w,
        date: date_w,
        source: source_w,
    } = columns;
    let header = format!(
        " {:<title_w$}{:<date_w$}{:<source_w$}{}",
        "title",
        if date_w > 0 { "date" } else { "" },
        if source_w > 0 { "source" } else { "" },
        counts.map(|c| format!("{c:>COUNT$}")).concat()
    );
    buf.set_stringn(0, 1, fit(&header, w), w, st.muted);
}

/// Draws the list's row `n` at screen line `y`, `width` columns wide: the
/// article's title, date, source and counts (the actor's, in an actor's
/// list, with its commitments on the line below).
fn draw_row(
    lib: &Library,
    n: usize,
    (y, width): (u16, u16),
    columns: Columns,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let st = &theme.styles;
    let w = usize::from(width);
    let item = lib.rows[n];
    let it = &lib.items[item];
    let hit = lib
        .actor
        .as_ref()
        .and_then(|a| a.hits.iter().find(|h| h.item == item));
    let shown = match hit {
        Some(h) => [h.counts[0], h.counts[1], h.counts[2]]
            .map(|c| format!("{c:>COUNT$}"))
            .concat(),
        None => match &it.summary {
            Some(s) => [s.counts[0], s.counts[1], s.counts[2], it.notes]
                .map(|c| format!("{c:>COUNT$}"))
                .concat(),
            None => format!(
                "{:>COUNT$}{:>COUNT$}{:>COUNT$}{:>COUNT$}",
                "–", "–", "–", it.notes
            ),
        },
    };
    let date = it
        .date()
        // The day is enough for the list.
        .map(|d| {
            let readable = crate::document::readable_date(d);
            readable.split(',').next().unwrap_or_default().to_owned()
        })
        .unwrap_or_default();
    let selected = n == lib.list.selected;
    let style = if selected {
        st.text.patch(st.item_selected)
    } else {
        st.text
    };
    let current = lib.current == Some(item);
    let line = Line::from(vec![
        TextSpan::styled(if current { "▸" } else { " " }, style.patch(st.key)),
        TextSpan::styled(pad(it.title(), columns.title), style.patch(st.title)),
        TextSpan::styled(pad(&date, columns.date), style.patch(st.muted)),
        TextSpan::styled(pad(&it.entry.origin, columns.source), style.patch(st.muted)),
        TextSpan::styled(shown, style),
    ]);
    let row = Rect::new(0, y, width, 1);
    fill(buf, row, style);
    buf.set_line(0, y, &line, width);
    if let Some(h) = hit {
        let text = if h.commitments.is_empty() {
            "no commitment".to_owned()
        } else {
            h.commitments.join(" · ")
        };
        buf.set_stringn(
            3,
            y + 1,
            fit(&text, w.saturating_sub(4)),
            w.saturating_sub(4),
            st.text.patch(st.muted),
        );
    }
}

/// The list's status line: the filter prompt, or the message and the keys.
fn status(app: &App, lib: &Library, theme: &Theme, buf: &mut Buffer) {
    let st = &theme.styles;
    let area = app.areas.status;
    fill(buf, area, st.status);
    let w = usize::from(area.width);
    if let Some(p) = &app.prompt {
        let count = match lib.rows.len() {
            1 => "1 article ".to_owned(),
            n => format!("{n} articles "),
        };
        let room = w.saturating_sub(count.width() + 3);
        let line = Line::from(vec![
            TextSpan::styled("/", st.status.patch(st.key)),
            TextSpan::styled(fit(p, room), st.status),
            TextSpan::styled("▏", st.status),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
        let x = area.right().saturating_sub(count.width() as u16);
        buf.set_stringn(x, area.y, &count, count.width(), st.status.patch(st.muted));
        return;
    }
    let keys = &app.keymap;
    let hint = app.message.clone();
    let hint = if hint.is_empty() {
        keys.fill(&format!(
            "{{activate}} open · {{search}} filter · {{sort_library}} sort · {}{{quit}} quit",
            if lib.current.is_some() {
                "{library} back · "
            } else {
                ""
            }
        ))
    } else {
        hint
    };
    let right = format!(" {} help ", keys.hint(Command::Help));
    let left = format!(" {}", fit(&hint, w.saturating_sub(right.width() + 2)));
    buf.set_stringn(area.x, area.y, &left, w, st.status);
    if left.width() + right.width() < w {
        let x = area.right() - right.width() as u16;
        buf.set_stringn(x, area.y, &right, right.width(), st.status.patch(st.muted));
    }
}

/// `s` cut or padded to `width` columns, with a space after it.
fn pad(s: &str, width: usize) -> String {
    if width == 0 {
        return String::new();
    }
    let cut = fit(s, width.saturating_sub(1));
    let gap = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(gap))
}
