//! The help overlay: every command with its keys and help line, generated
//! from the command list and the keymap.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use super::{fit, panel};
use crate::app::{App, HelpPage};
use crate::theme::Theme;

/// Draws the overlay, scrolled `scroll` lines down.
pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer, scroll: usize) {
    let st = &theme.styles;
    let page = HelpPage::new(app);
    let area = app.areas.help_box(page.lines.len());
    if area.is_empty() {
        return;
    }
    let title = if app.help_shows_messages {
        " gloss · messages "
    } else {
        " gloss · keys "
    };
    let inner = panel(theme, buf, area, title);
    let inner_w = usize::from(app.areas.help_width());
    let body = usize::from(inner.height);
    let scroll = scroll.min(app.areas.help_max_scroll(page.lines.len()));
    for (i, (keys, text)) in page.lines.iter().skip(scroll).take(body).enumerate() {
        let keys = if text.is_empty() {
            fit(keys, inner_w)
        } else {
            fit(keys, page.text_col.saturating_sub(2))
        };
        let pad = page.text_col.saturating_sub(keys.width());
        let line = Line::from(vec![
            TextSpan::styled(keys, st.popup.patch(st.key)),
            TextSpan::styled(" ".repeat(pad), st.popup),
            TextSpan::styled(fit(text, inner_w.saturating_sub(page.text_col)), st.popup),
        ]);
        buf.set_line(
            inner.x + 1,
            inner.y + i as u16,
            &line,
            inner.width.saturating_sub(2),
        );
    }
    let more = scroll + body < page.lines.len();
    let foot = app
        .keymap
        .fill(" {scroll_down}/{scroll_up} scroll · {cancel} close ");
    let foot = if more {
        format!("{foot}· more below ↓ ")
    } else {
        foot
    };
    let foot = fit(&foot, inner_w);
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
