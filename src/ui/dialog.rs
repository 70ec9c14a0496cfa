//! The popups of notes, corrections and export: the note editor, menus,
//! one-line prompts, the entity picker and yes/no questions. Each shows its
//! own keys on its last line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Widget;
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::{fill, fit, panel};
use crate::app::popup::{Editor, MenuItem, Picker};
use crate::app::{App, Command, Popup};
use crate::theme::Theme;

/// Draws the open popup, if any.
pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer) {
    match &app.popup {
        Some(Popup::Editor(editor)) => draw_editor(app, theme, buf, editor),
        Some(Popup::Menu { title, items }) => draw_menu(app, theme, buf, title, items),
        Some(Popup::Input { title, text, .. }) => draw_input(app, theme, buf, title, text),
        Some(Popup::Picker(picker)) => draw_picker(app, theme, buf, picker),
        Some(Popup::Confirm { question, .. }) => draw_confirm(app, theme, buf, question),
        None => {}
    }
}

/// A `w` × `h` box in the middle of the screen, above the status line.
fn centered(app: &App, w: usize, h: usize) -> Rect {
    let screen = app.areas.screen;
    let room_h = screen.height.saturating_sub(1);
    let w = (w as u16).min(screen.width.saturating_sub(2)).max(1);
    let h = (h as u16).min(room_h).max(1);
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (room_h - h) / 3,
        w,
        h,
    )
}

/// A line of keys and what they do: `[("C-s", "save"), ...]`.
fn keys_line(theme: &Theme, keys: &[(String, &str)], width: usize) -> Line<'static> {
    let st = &theme.styles;
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, (k, what)) in keys.iter().enumerate() {
        let gap = if i == 0 { "" } else { "  " };
        let len = gap.width() + k.width() + 1 + what.width();
        if used + len > width {
            break;
        }
        used += len;
        spans.push(TextSpan::styled(gap, st.popup));
        spans.push(TextSpan::styled(k.clone(), st.popup.patch(st.key)));
        spans.push(TextSpan::styled(
            format!(" {what}"),
            st.popup.patch(st.muted),
        ));
    }
    Line::from(spans)
}

/// Writes the keys of a dialog on the last row of `inner`.
fn put_keys(theme: &Theme, buf: &mut Buffer, inner: Rect, keys: &[(String, &str)], width: usize) {
    let line = keys_line(theme, keys, width);
    put(buf, inner, inner.height.saturating_sub(1), &line);
}

/// The key a popup's hint names for `command`.
fn key(app: &App, command: Command) -> String {
    app.keymap.hint(command)
}

/// Writes `line` at row `y` of `inner`, one column in.
fn put(buf: &mut Buffer, inner: Rect, y: u16, line: &Line) {
    if y < inner.height {
        buf.set_line(
            inner.x + 1,
            inner.y + y,
            line,
            inner.width.saturating_sub(2),
        );
    }
}

fn draw_editor(app: &App, theme: &Theme, buf: &mut Buffer, editor: &Editor) {
    let st = &theme.styles;
    let screen = app.areas.screen;
    let w = usize::from(screen.width.saturating_sub(6)).clamp(20, 72);
    let h = usize::from(screen.height.saturating_sub(4)).clamp(8, 14);
    let area = centered(app, w, h);
    let title = match &editor.note {
        Some(id) => format!(" Edit note {id} · {} ", editor.about),
        None => format!(" Note on {} ", editor.about),
    };
    let title = fit(&title, usize::from(area.width.saturating_sub(4)));
    let inner = panel(theme, buf, area, &title);
    if inner.height < 5 || inner.width < 4 {
        return;
    }
    let text_w = inner.width.saturating_sub(2);
    let body = Rect::new(inner.x + 1, inner.y, text_w, inner.height - 4);
    fill(buf, body, st.popup);
    draw_field(theme, buf, body, &editor.body, !editor.on_tags);
    let rule = format!("├{}┤", "─".repeat(usize::from(inner.width)));
    buf.set_stringn(
        area.x,
        inner.y + inner.height - 4,
        rule,
        usize::from(area.width),
        st.popup.patch(st.border),
    );
    let label_style = if editor.on_tags {
        st.popup.patch(st.key)
    } else {
        st.popup.patch(st.muted)
    };
    let label = "Tags ";
    let tags_y = inner.y + inner.height - 3;
    buf.set_stringn(inner.x + 1, tags_y, label, 5, label_style);
    let tags = Rect::new(
        inner.x + 1 + label.width() as u16,
        tags_y,
        text_w.saturating_sub(label.width() as u16),
        1,
    );
    draw_field(theme, buf, tags, &editor.tags, editor.on_tags);
    let w = usize::from(text_w);
    let hint = if editor.confirm_discard {
        Line::from(vec![
            TextSpan::styled("Discard this draft? ", st.popup.patch(st.demand)),
            TextSpan::styled(key(app, Command::PopupYes), st.popup.patch(st.key)),
            TextSpan::styled(" discard  ", st.popup.patch(st.muted)),
            TextSpan::styled(key(app, Command::PopupNo), st.popup.patch(st.key)),
            TextSpan::styled(" keep writing", st.popup.patch(st.muted)),
        ])
    } else {
        let tab = if editor.on_tags {
            "back to the note"
        } else {
            "tags"
        };
        keys_line(
            theme,
            &[
                (key(app, Command::EditorSave), "save"),
                (key(app, Command::EditorSwitch), tab),
                (key(app, Command::EditorCancel), "cancel"),
            ],
            w,
        )
    };
    put(buf, inner, inner.height - 1, &hint);
}

/// Draws a field of the note editor into `area`, in the popup style, its
/// cursor shown when it `has_keys`. The styles are the theme's, so they are
/// set here, on a copy: the field itself keeps its scroll position, which
/// ratatui-textarea moves as it draws (through a shared reference), so it is
/// drawn once off screen first; the copy then scrolls to the same place.
fn draw_field(theme: &Theme, buf: &mut Buffer, area: Rect, field: &TextArea, has_keys: bool) {
    field.render(area, &mut Buffer::empty(area));
    let st = &theme.styles;
    let mut styled = field.clone();
    styled.set_style(st.popup);
    styled.set_cursor_line_style(Style::default());
    styled.set_cursor_style(if has_keys {
        st.popup.patch(st.cursor)
    } else {
        Style::default()
    });
    (&styled).render(area, buf);
}

fn draw_menu(app: &App, theme: &Theme, buf: &mut Buffer, title: &str, items: &[MenuItem]) {
    let st = &theme.styles;
    let widest = items
        .iter()
        .map(|i| i.label.width() + 4)
        .chain([title.width() + 4, 18])
        .max()
        .unwrap_or(20);
    let area = centered(app, widest + 4, items.len() + 4);
    let inner = panel(theme, buf, area, &format!(" {title} "));
    let w = usize::from(inner.width.saturating_sub(2));
    for (i, item) in items.iter().enumerate() {
        let line = Line::from(vec![
            TextSpan::styled(item.key.to_string(), st.popup.patch(st.key)),
            TextSpan::styled("  ", st.popup),
            TextSpan::styled(fit(&item.label, w.saturating_sub(3)), st.popup),
        ]);
        put(buf, inner, i as u16, &line);
    }
    put_keys(
        theme,
        buf,
        inner,
        &[
            ("key".into(), "choose"),
            (key(app, Command::PopupCancel), "cancel"),
        ],
        w,
    );
}

fn draw_input(app: &App, theme: &Theme, buf: &mut Buffer, title: &str, text: &str) {
    let st = &theme.styles;
    let w = title.width().max(text.width() + 2).clamp(40, 72) + 4;
    let area = centered(app, w, 5);
    let inner = panel(theme, buf, area, &format!(" {title} "));
    let room = usize::from(inner.width.saturating_sub(3));
    // The end of a long text stays in view.
    let shown: String = {
        let chars: Vec<char> = text.chars().collect();
        let mut start = chars.len();
        let mut width = 0;
        while start > 0 {
            let cw = unicode_width::UnicodeWidthChar::width(chars[start - 1]).unwrap_or(0);
            if width + cw > room {
                break;
            }
            width += cw;
            start -= 1;
        }
        chars[start..].iter().collect()
    };
    let line = Line::from(vec![
        TextSpan::styled(fit(&shown, room), st.popup),
        TextSpan::styled("▏", st.popup.patch(st.key)),
    ]);
    put(buf, inner, 0, &line);
    put_keys(
        theme,
        buf,
        inner,
        &[
            (key(app, Command::PromptSubmit), "ok"),
            (key(app, Command::PromptCancel), "cancel"),
            (key(app, Command::PromptClear), "clear"),
        ],
        room,
    );
}

fn draw_picker(app: &App, theme: &Theme, buf: &mut Buffer, picker: &Picker) {
    let st = &theme.styles;
    let list = &picker.candidates;
    let h = (list.len() + 4).clamp(6, 18);
    let area = centered(app, 56, h);
    let title = format!(" Merge “{}” into ", fit(&picker.from.name, 30));
    let inner = panel(theme, buf, area, &title);
    let w = usize::from(inner.width.saturating_sub(2));
    let filter = Line::from(vec![
        TextSpan::styled("filter ", st.popup.patch(st.muted)),
        TextSpan::styled(fit(&picker.filter, w.saturating_sub(9)), st.popup),
        TextSpan::styled("▏", st.popup.patch(st.key)),
    ]);
    put(buf, inner, 0, &filter);
    let rows = usize::from(inner.height.saturating_sub(3));
    let first = picker.selected.saturating_sub(rows.saturating_sub(1));
    if list.is_empty() {
        put(
            buf,
            inner,
            1,
            &Line::styled("no actor matches", st.popup.patch(st.muted)),
        );
    }
    for (row, &e) in list.iter().enumerate().skip(first).take(rows) {
        let ent = &app.ann.entities[e];
        let y = 1 + (row - first) as u16;
        let base = if row == picker.selected {
            st.popup.patch(st.item_selected)
        } else {
            st.popup
        };
        if row == picker.selected {
            fill(buf, Rect::new(inner.x, inner.y + y, inner.width, 1), base);
        }
        let count = format!("{} · {}", ent.kind.as_str(), ent.mentions.len());
        let name = fit(&ent.name, w.saturating_sub(count.width() + 3));
        let pad = w.saturating_sub(2 + name.width() + count.width());
        let line = Line::from(vec![
            TextSpan::styled("● ", base.patch(theme.kind(ent.kind))),
            TextSpan::styled(name, base),
            TextSpan::styled(" ".repeat(pad), base),
            TextSpan::styled(count, base.patch(st.muted)),
        ]);
        put(buf, inner, y, &line);
    }
    put_keys(
        theme,
        buf,
        inner,
        &[
            ("type".into(), "filter"),
            (
                key(app, Command::PromptPrev) + &key(app, Command::PromptNext),
                "choose",
            ),
            (key(app, Command::PromptSubmit), "merge"),
            (key(app, Command::PromptCancel), "cancel"),
        ],
        w,
    );
}

fn draw_confirm(app: &App, theme: &Theme, buf: &mut Buffer, question: &str) {
    let w = question.width().clamp(24, 72) + 4;
    let area = centered(app, w, 4);
    let inner = panel(theme, buf, area, "");
    let room = usize::from(inner.width.saturating_sub(2));
    put(
        buf,
        inner,
        0,
        &Line::styled(fit(question, room), theme.styles.popup),
    );
    put(
        buf,
        inner,
        1,
        &keys_line(
            theme,
            &[
                (key(app, Command::PopupYes), "yes"),
                (key(app, Command::PopupNo), "no"),
            ],
            room,
        ),
    );
}

/// The status line's hint while text is being selected.
pub fn visual_hint(app: &App) -> Option<String> {
    let v = app.visual?;
    let n = v.span(&app.doc.text).slice(&app.doc.text).chars().count();
    let keys = app.keymap.fill(
        "{visual_down}/{visual_up} line  {visual_word}/{visual_word_back}/{visual_word_end} word  \
         {visual_left}/{visual_right} char · {add_note} note · {correct} add actor · {cancel} cancel",
    );
    Some(format!("VISUAL {n} chars · {keys}"))
}
