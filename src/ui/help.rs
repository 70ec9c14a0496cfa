//! The help overlay: every action with its keys and description, generated
//! from the action list and the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use super::{fill, fit};
use crate::app::{App, COMMANDS};

/// Draws the overlay, scrolled `scroll` rows down.
pub fn draw(app: &App, buf: &mut Buffer, scroll: usize) {
    let st = &app.theme.styles;
    let screen = app.areas.screen;
    let w = screen.width.saturating_sub(4).min(90);
    let h = screen
        .height
        .saturating_sub(2)
        .min(COMMANDS.len() as u16 + 4);
    if w < 10 || h < 4 {
        return;
    }
    let area = Rect::new((screen.width - w) / 2, (screen.height - h) / 2, w, h);
    fill(buf, area, st.popup);
    let title = " gloss · keys ";
    buf.set_stringn(
        area.x + 2,
        area.y,
        title,
        usize::from(w - 2),
        st.popup.patch(st.heading),
    );
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
    let body = usize::from(h - 3);
    let scroll = scroll.min(rows.len().saturating_sub(body));
    let inner = usize::from(w - 4);
    for (i, (k, d)) in rows.iter().skip(scroll).take(body).enumerate() {
        let keys = fit(k, key_w);
        let pad = key_w - keys.width() + 2;
        let line = Line::from(vec![
            TextSpan::styled(keys, st.popup.patch(st.key)),
            TextSpan::styled(" ".repeat(pad), st.popup),
            TextSpan::styled(fit(d, inner.saturating_sub(key_w + 2)), st.popup),
        ]);
        buf.set_line(area.x + 2, area.y + 1 + i as u16, &line, w - 4);
    }
    let more = scroll + body < rows.len();
    let foot = if more {
        "j/k scroll · Esc close · more below ↓"
    } else {
        "j/k scroll · Esc close"
    };
    let foot = fit(foot, inner);
    let x = area.right().saturating_sub(foot.width() as u16 + 2);
    buf.set_stringn(
        x,
        area.bottom() - 1,
        &foot,
        foot.width(),
        st.popup.patch(st.muted),
    );
}
