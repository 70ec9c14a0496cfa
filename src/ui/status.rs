//! The status line: file, selected entity with `k/n`, message, the
//! encoding when not plain UTF-8, position.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{file_name, fill, fit};
use crate::app::App;
use crate::app::wrap::wrap_text;
use crate::document::sanitize::clean_line;
use crate::theme::Theme;

/// Draws the status line (or the search or go-to prompt while it is open).
pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.areas.status;
    let st = &theme.styles;
    fill(buf, area, st.status);
    let w = usize::from(area.width);
    if let Some(p) = &app.prompt {
        prompt(app, theme, buf, p);
        return;
    }
    let right = right_side(app);
    let mut left = left_side(app, theme, w);
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let room = w.saturating_sub(used + right.width() + 2);
    let hint = super::dialog::visual_hint(app);
    if !app.message.is_empty() && app.message.width() > room {
        // Too long for the status line: in full on the lines above it.
        above(app, buf, &app.message, st.status);
    } else if !app.message.is_empty() && room > 1 {
        left.push(TextSpan::styled(
            format!("  {}", fit(&app.message, room)),
            st.status,
        ));
    } else if let Some(hint) = hint.filter(|_| room > 1) {
        left.push(TextSpan::styled(
            format!("  {}", fit(&hint, room)),
            st.status.patch(st.key),
        ));
    } else if !app.doc.warnings.is_empty() && room > 3 {
        // Problems met reading the file stay in view until a message covers them.
        let prefix = format!("{}: ", app.doc.source);
        let warnings: Vec<&str> = app
            .doc
            .warnings
            .iter()
            .map(|w| w.strip_prefix(&prefix).unwrap_or(w))
            .collect();
        let warning = format!("⚠ {}", warnings.join("; "));
        if warning.width() > room {
            above(app, buf, &warning, st.status.patch(st.demand));
        } else {
            left.push(TextSpan::styled(
                format!("  {warning}"),
                st.status.patch(st.demand),
            ));
        }
    }
    buf.set_line(area.x, area.y, &Line::from(left), area.width);
    if used + right.width() < w {
        let x = area.right() - right.width() as u16;
        buf.set_stringn(x, area.y, &right, right.width(), st.status.patch(st.muted));
    }
}

/// The prompt being typed, `p`: the search with the count of its matches,
/// or the go-to prompt (`:`) with what it takes.
fn prompt(app: &App, theme: &Theme, buf: &mut Buffer, p: &str) {
    let (area, st) = (app.areas.status, &theme.styles);
    let count = match app.search.matches.len() {
        _ if app.prompt_goto => "line N, or N% ".into(),
        _ if p.is_empty() => String::new(),
        0 => "no match ".into(),
        1 => "1 match ".into(),
        n => format!("{n} matches "),
    };
    let room = usize::from(area.width).saturating_sub(count.width() + 3);
    let line = Line::from(vec![
        TextSpan::styled(
            if app.prompt_goto { ":" } else { "/" },
            st.status.patch(st.key),
        ),
        TextSpan::styled(fit(p, room), st.status),
        TextSpan::styled("▏", st.status),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
    let x = area.right().saturating_sub(count.width() as u16);
    buf.set_stringn(x, area.y, &count, count.width(), st.status.patch(st.muted));
}

/// The right of the status line: background work, the encoding, unsaved
/// notes, the help key and where the reader is.
fn right_side(app: &App) -> String {
    // Notes made while the sidecar cannot be read are not saved: say so always.
    let unsaved = if app.store.read_only().is_some() {
        "notes not saved · "
    } else {
        ""
    };
    // A file not in plain UTF-8 says which encoding it was read in.
    let encoding = match app.doc.encoding {
        "UTF-8" => String::new(),
        other => format!("{other} · "),
    };
    let progress = app
        .annotating
        .map_or_else(String::new, |p| format!("annotating… {p}% · "));
    let help = app.keymap.hint(crate::command::Command::Help);
    format!(
        " {progress}{encoding}{unsaved}{help} help  {} ",
        position(app)
    )
}

/// The left of the status line, `w` cells wide: the file, and the selected
/// actor with the place of the cursor among its mentions.
fn left_side(app: &App, theme: &Theme, w: usize) -> Vec<TextSpan<'static>> {
    let st = &theme.styles;
    let mut left = vec![TextSpan::styled(
        format!(" {} ", fit(&file_name(&app.doc.source), w / 3)),
        st.status_file,
    )];
    if let Some(e) = app.selected {
        let ent = &app.ann.entities[e];
        let k = app.mention_position().map_or_else(
            || format!("–/{}", ent.mentions.len()),
            |(k, n)| format!("{k}/{n}"),
        );
        left.push(TextSpan::styled(
            " ● ",
            st.status.patch(theme.kind(ent.kind)),
        ));
        left.push(TextSpan::styled(fit(&ent.name, w / 4), st.status));
        left.push(TextSpan::styled(format!(" {k}"), st.status.patch(st.muted)));
    }
    left
}

/// Draws `message`, too long for the status line, wrapped on the lines
/// just above it (over the text, until the next key clears it): up to half
/// the screen, the last line ending in `…` if even that is too little.
fn above(app: &App, buf: &mut Buffer, message: &str, style: Style) {
    let area = app.areas.status;
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let most = usize::from(area.y / 2).max(1);
    let clean = clean_line(message);
    let lines = wrap_text(&clean, width);
    let shown = lines.len().min(most);
    let top = area.y - shown as u16;
    for (i, line) in lines.iter().take(shown).enumerate() {
        let y = top + i as u16;
        let row = Rect::new(area.x, y, area.width, 1);
        fill(buf, row, style);
        let text = if i + 1 == shown && shown < lines.len() {
            fit(&format!("{line} {}", lines[shown]), width)
        } else {
            fit(line, width)
        };
        buf.set_stringn(area.x + 1, y, &text, width, style);
    }
}

/// Where the view is: `All`, `Top`, `Bot`, or a percentage.
fn position(app: &App) -> String {
    let max = app.max_top();
    match app.top {
        _ if max == 0 => "All".into(),
        0 => "Top".into(),
        t if t >= max => "Bot".into(),
        t => format!("{}%", t * 100 / max),
    }
}
