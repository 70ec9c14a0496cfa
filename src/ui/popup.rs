//! The popup listing what may follow the first key of a sequence (`]`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use super::{fit, panel};
use crate::app::App;
use crate::keymap::notation;
use crate::theme::Theme;

/// Draws the continuations of the keys typed so far, above the status line.
pub fn pending(app: &App, theme: &Theme, buf: &mut Buffer) {
    let st = &theme.styles;
    let next = app.keymap.continuations(app.modes(), &app.pending);
    let rows: Vec<(String, String)> = next
        .iter()
        .map(|(k, c)| {
            (
                format!("{}{}", notation(&app.pending), k.label()),
                app.keymap.fill(c.help()),
            )
        })
        .collect();
    let screen = app.areas.screen;
    let inner_w = rows
        .iter()
        .map(|(k, d)| k.width() + 2 + d.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(screen.width.saturating_sub(4)));
    let w = (inner_w + 4) as u16;
    let h = (rows.len() + 2) as u16;
    if h + 1 > screen.height || w + 1 > screen.width {
        return;
    }
    let area = Rect::new(screen.width - w - 1, screen.height - 1 - h, w, h);
    let inner = panel(theme, buf, area, "");
    for (i, (k, d)) in rows.iter().enumerate() {
        let line = Line::from(vec![
            TextSpan::styled(k.clone(), st.popup.patch(st.key)),
            TextSpan::styled("  ", st.popup),
            TextSpan::styled(fit(d, inner_w.saturating_sub(k.width() + 2)), st.popup),
        ]);
        buf.set_line(
            inner.x + 1,
            inner.y + i as u16,
            &line,
            inner.width.saturating_sub(1),
        );
    }
}
