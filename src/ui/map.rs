//! The mention map: a one-column strip beside the article showing where in
//! the whole document the selected entity is mentioned (or, with none
//! selected, where the search matched), and which part is on screen.

use ratatui::buffer::Buffer;

use crate::app::App;
use crate::theme::Theme;

/// Draws the strip.
pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.areas.map;
    let h = usize::from(area.height);
    if h == 0 {
        return;
    }
    let st = &theme.styles;
    let total = app.layout.len().max(1);
    // A document shorter than the strip maps line for line.
    let scale = total.max(app.view_height());
    let row_of = |line: usize| (line * h / scale).min(h - 1);
    let first = row_of(app.top);
    let last = row_of((app.top + app.view_height()).min(total).saturating_sub(1)).max(first);
    for row in 0..h {
        let (sym, style) = if (first..=last).contains(&row) {
            ("┃", st.map_view)
        } else {
            ("│", st.map_track)
        };
        buf[(area.x, area.y + row as u16)]
            .set_symbol(sym)
            .set_style(style);
    }
    let mut mark = |byte: usize, style, sym: &str| {
        let row = row_of(app.layout.approx_line_of(byte));
        buf[(area.x, area.y + row as u16)]
            .set_symbol(sym)
            .set_style(style);
    };
    if let Some(e) = app.selected {
        let style = theme.kind(app.ann.entities[e].kind);
        for &m in &app.ann.entities[e].mentions {
            mark(app.ann.mentions[m].span.start, style, "●");
        }
        if let Some(m) = app
            .cursor
            .and_then(|c| c.mention)
            .filter(|&m| app.ann.mentions[m].entity == e)
        {
            mark(app.ann.mentions[m].span.start, style.patch(st.cursor), "●");
        }
    } else {
        for s in &app.search.matches {
            mark(s.start, st.text.patch(st.search), "•");
        }
    }
}
