//! Drawing: `draw(&App, &Themes, &mut Frame)` reads the state and paints the
//! screen — article, mention map, side pane, status line, and the popups on
//! top — in the colour theme the state names. It never changes the state,
//! and draws only what is on screen.

mod article;
mod dialog;
mod help;
mod library;
mod map;
mod popup;
mod side;
mod status;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::wrap::{Glyph, glyph};
use crate::document::sanitize::clean_line;
use crate::model::Span;
use crate::theme::{Theme, Themes};

/// Paints the whole screen for `app`, in the theme of `themes` it has chosen.
pub fn draw(app: &App, themes: &Themes, frame: &mut Frame) {
    let theme = themes.shown(&app.theme);
    let buf = frame.buffer_mut();
    let areas = app.areas;
    if areas.too_small {
        too_small(buf, areas.screen);
        return;
    }
    if let Some(lib) = app.library.as_deref().filter(|_| app.in_library_list()) {
        library::draw(app, lib, theme, buf);
    } else {
        reader(app, theme, buf);
    }
    if !app.pending.is_empty() {
        popup::pending(app, theme, buf);
    }
    dialog::draw(app, theme, buf);
    if let Some(scroll) = app.help {
        help::draw(app, theme, buf, scroll);
    }
}

/// The article, its mention map, the side pane and the status line.
fn reader(app: &App, theme: &Theme, buf: &mut Buffer) {
    let areas = app.areas;
    if !areas.side_covers_article {
        article::draw(app, theme, buf);
        map::draw(app, theme, buf);
    }
    if let Some(side) = areas.side {
        side::draw(app, theme, buf, side);
    }
    status::draw(app, theme, buf);
}

/// The notice shown on a screen too small for the reader.
fn too_small(buf: &mut Buffer, area: Rect) {
    let need = format!(
        "need {}×{}",
        crate::app::areas::MIN_WIDTH,
        crate::app::areas::MIN_HEIGHT
    );
    let lines = ["too small", need.as_str()];
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.height {
            break;
        }
        let text = fit(l, usize::from(area.width));
        let x = area.width.saturating_sub(text.width() as u16) / 2;
        buf.set_stringn(x, y, &text, usize::from(area.width - x), Style::default());
    }
}

/// `s` made safe for the terminal and cut to `width` columns (with `…`).
pub(crate) fn fit(s: &str, width: usize) -> String {
    let s = clean_line(s);
    if s.width() <= width {
        return s.into_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The text of `span` as drawn on one line: placeholders for control
/// characters, spaces for line breaks and tabs.
pub(crate) fn shown(text: &str, span: Span) -> Cow<'_, str> {
    let s = &text[span.start..span.end];
    if s.chars()
        .all(|c| matches!(glyph(c, 0).0, Glyph::Char(d) if d == c) || c == ' ')
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut col = 0;
    for c in s.chars() {
        let (g, w) = glyph(c, col);
        col += w;
        match g {
            Glyph::Char(d) => out.push(d),
            Glyph::Blank => out.extend(std::iter::repeat_n(' ', w)),
        }
    }
    Cow::Owned(out)
}

/// Fills `area` of `buf` with spaces in `style`.
pub(crate) fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}

/// Clears `area` to the popup style and draws a rounded border titled
/// `title`; returns the area inside the border.
pub(crate) fn panel(theme: &Theme, buf: &mut Buffer, area: Rect, title: &str) -> Rect {
    use ratatui::widgets::{Block, BorderType, Widget};
    let st = &theme.styles;
    fill(buf, area, st.popup);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(st.popup.patch(st.border))
        .title(ratatui::text::Span::styled(
            title.to_owned(),
            st.popup.patch(st.heading),
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The name of the file, for the status line.
pub(crate) fn file_name(source: &str) -> String {
    if source == "-" {
        return "stdin".to_owned();
    }
    let name = std::path::Path::new(source)
        .file_name()
        .map_or_else(|| source.to_owned(), |n| n.to_string_lossy().into_owned());
    clean_line(&name).into_owned()
}
