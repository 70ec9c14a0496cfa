//! The help overlay: every action with its keys and description, generated
//! from the action list and the keymap.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use super::{fit, panel};
use crate::app::{App, COMMANDS};

/// Draws the overlay, scrolled `scroll` rows down.
pub fn draw(app: &App, buf: &mut Buffer, scroll: usize) {
    let st = &app.theme.styles;
    let area = app.areas.help_box(COMMANDS.len());
    if area.is_empty() {
        return;
    }
    let inner = panel(app, buf, area, " gloss · keys ");
    let rows: Vec<(String, &str)> = COMMANDS
        .iter()
        .map(|(a, _, d)| {
            let keys: Vec<String> = app
                .keymap
                .keys_for(a)
                .iter()
                .map(|seq| seq.iter().map(|k| k.label()).collect())
                .collect();
            (keys.join("  "), *d)
        })
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| k.width())
        .max()
        .unwrap_or(0)
        .min(18);
    let body = usize::from(inner.height);
    let scroll = scroll.min(app.areas.help_max_scroll(rows.len()));
    let inner_w = usize::from(inner.width.saturating_sub(2));
    for (i, (k, d)) in rows.iter().skip(scroll).take(body).enumerate() {
        let keys = fit(k, key_w);
        let pad = key_w - keys.width() + 2;
        let line = Line::from(vec![
            TextSpan::styled(keys, st.popup.patch(st.key)),
            TextSpan::styled(" ".repeat(pad), st.popup),
            TextSpan::styled(fit(d, inner_w.saturating_sub(key_w + 2)), st.popup),
        ]);
        buf.set_line(
            inner.x + 1,
            inner.y + i as u16,
            &line,
            inner.width.saturating_sub(2),
        );
    }
    let more = scroll + body < rows.len();
    let foot = if more {
        " j/k scroll · Esc close · more below ↓ "
    } else {
        " j/k scroll · Esc close "
    };
    let foot = fit(foot, inner_w);
    // The footer sits on the bottom border.
    let x = area.right().saturating_sub(foot.width() as u16 + 2);
    buf.set_stringn(
        x,
        area.bottom() - 1,
        &foot,
        foot.width(),
        st.popup.patch(st.muted),
    );
}
