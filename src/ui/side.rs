//! The side pane: tabs for actors, commitments, quotes and notes, each a
//! scrollable list with a selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use unicode_width::UnicodeWidthStr;

use super::{fill, fit, shown};
use crate::app::wrap::Layout;
use crate::app::{ActorRow, App, Focus, ITEM_LINES, Tab};
use crate::model::{CommitmentKind, EntityKind, QuoteKind, Span};
use crate::store::{Ref, TargetKind};
use crate::theme::Theme;

/// Draws the pane into `area` (the mention map beside it is its border).
pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let st = &theme.styles;
    fill(buf, area, st.text);
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(1),
        area.height,
    );
    if inner.width == 0 || inner.height < 3 {
        return;
    }
    tabs(app, theme, buf, inner);
    let rule = "─".repeat(usize::from(inner.width));
    buf.set_stringn(
        inner.x,
        inner.y + 1,
        rule,
        usize::from(inner.width),
        st.border,
    );
    let list = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2);
    let mut y = list.y;
    let state = app.lists[app.tab.index()];
    let len = app.list_len(app.tab);
    if len == 0 {
        empty_list(app, theme, buf, list);
        return;
    }
    for row in state.offset..len {
        let h = app.row_height(app.tab, row);
        let lines = match app.tab {
            Tab::Actors => actor_lines(app, theme, row, list.width),
            Tab::Commitments => commitment_lines(app, theme, row, list.width),
            Tab::Quotes => quote_lines(app, theme, row, list.width),
            Tab::Notes => note_lines(app, theme, row, list.width),
        };
        // A row's height is a gap line above all but the first row, then
        // its content: as many lines as it has (actors), or a fixed
        // ITEM_LINES (commitments and quotes).
        let content = if app.tab == Tab::Actors {
            lines.len()
        } else {
            ITEM_LINES
        };
        y += h.saturating_sub(content) as u16;
        let chosen = row == state.selected;
        let blank = content.saturating_sub(lines.len());
        for line in lines {
            if y >= list.bottom() {
                return;
            }
            let line_area = Rect::new(list.x, y, list.width, 1);
            if chosen && app.focus == Focus::Side {
                fill(
                    buf,
                    Rect::new(area.x + 1, y, area.width - 1, 1),
                    st.item_selected,
                );
            }
            buf.set_line(line_area.x, y, &line, line_area.width);
            y += 1;
        }
        y += blank as u16;
    }
}

/// What an empty list shows in `list`: that it is empty, and for notes,
/// how to make one.
fn empty_list(app: &App, theme: &Theme, buf: &mut Buffer, list: Rect) {
    let st = &theme.styles;
    let y = list.y;
    let empty = match app.tab {
        Tab::Actors => "No actors found.",
        Tab::Commitments => "No commitments found.",
        Tab::Quotes => "No quotes found.",
        Tab::Notes if !app.note_filter.is_empty() => "No notes with that tag.",
        Tab::Notes => "No notes yet.",
    };
    buf.set_stringn(
        list.x,
        y,
        fit(empty, usize::from(list.width)),
        usize::from(list.width),
        st.muted,
    );
    let hint = match app.tab {
        Tab::Notes if !app.note_filter.is_empty() => "{filter_notes} changes the filter",
        Tab::Notes => "{select_text} selects text, {add_note} notes it",
        _ => "",
    };
    if !hint.is_empty() && list.height > 1 {
        buf.set_stringn(
            list.x,
            y + 1,
            fit(&app.keymap.fill(hint), usize::from(list.width)),
            usize::from(list.width),
            st.muted,
        );
    }
}

/// The tab labels: the open one emphasised; counts when there is room.
fn tabs(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let st = &theme.styles;
    let (labels, gap) = app.tab_labels(usize::from(area.width));
    let mut spans = Vec::new();
    for t in Tab::ALL {
        let tab_style = if t == app.tab {
            if app.focus == Focus::Side {
                st.tab_active
            } else {
                st.tab_active.patch(st.muted)
            }
        } else {
            st.tab
        };
        spans.push(TextSpan::styled(labels[t.index()].clone(), tab_style));
        spans.push(TextSpan::raw(" ".repeat(gap)));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

fn kind_heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PEOPLE",
        EntityKind::Organization => "ORGANIZATIONS",
        EntityKind::Place => "PLACES",
    }
}

fn actor_lines(app: &App, theme: &Theme, row: usize, width: u16) -> Vec<Line<'static>> {
    let st = &theme.styles;
    let w = usize::from(width);
    match app.actor_rows[row] {
        ActorRow::Heading(kind, n) => vec![Line::from(vec![
            TextSpan::styled(kind_heading(kind), st.heading),
            TextSpan::styled(format!("  {n}"), st.muted),
        ])],
        ActorRow::Entity(e) => {
            let ent = &app.ann.entities[e];
            let count = ent.mentions.len().to_string();
            let kind = theme.kind(ent.kind);
            let mut name_style = st.text;
            if app.selected == Some(e) {
                name_style = name_style.patch(kind).patch(st.selected);
            }
            let mark = if app.noted.actor(e) { " ✎" } else { "" };
            let name_w = w.saturating_sub(count.width() + 4 + mark.width());
            let name = fit(&ent.name, name_w);
            let pad = w.saturating_sub(2 + name.width() + mark.width() + count.width());
            let mut lines = vec![Line::from(vec![
                TextSpan::styled("● ", kind),
                TextSpan::styled(name, name_style),
                TextSpan::styled(mark, st.note_mark),
                TextSpan::raw(" ".repeat(pad)),
                TextSpan::styled(count, st.muted),
            ])];
            if !ent.roles.is_empty() {
                lines.push(Line::from(TextSpan::styled(
                    format!("  {}", fit(&ent.roles.join(", "), w.saturating_sub(2))),
                    st.muted,
                )));
            }
            lines
        }
    }
}

/// A note: its id, what it is on and its tags; the passage; the body.
fn note_lines(app: &App, theme: &Theme, row: usize, width: u16) -> Vec<Line<'static>> {
    let st = &theme.styles;
    let w = usize::from(width);
    let Some(note) = app
        .note_rows
        .get(row)
        .and_then(|&i| app.store.notes().get(i))
    else {
        return Vec::new();
    };
    let on = match (note.target.kind, note.target.resolve(&app.ann)) {
        (TargetKind::Entity, Some(Ref::Entity(e))) => format!("actor {}", app.ann.entities[e].name),
        (kind, _) => kind.as_str().to_owned(),
    };
    let mut head = vec![
        TextSpan::styled("✎ ", st.note_mark),
        TextSpan::styled(note.id.clone(), st.heading),
    ];
    if note.is_orphan() {
        head.push(TextSpan::styled(" orphan", st.demand));
    }
    let tags: String = note.tags.iter().map(|t| format!(" #{t}")).collect();
    let used: usize = head.iter().map(|s| s.content.width()).sum();
    let rest = fit(&format!(" · {on}{tags}"), w.saturating_sub(used));
    head.push(TextSpan::styled(rest, st.muted));
    let quote = fit(
        &format!(
            "“{}”",
            note.target
                .anchor
                .exact
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        ),
        w.saturating_sub(2),
    );
    let body = fit(
        &note.body.split_whitespace().collect::<Vec<_>>().join(" "),
        w.saturating_sub(2),
    );
    vec![
        Line::from(head),
        Line::from(TextSpan::styled(format!("  {quote}"), st.muted)),
        Line::from(TextSpan::styled(format!("  {body}"), st.text)),
    ]
}

/// Up to `ITEM_LINES - 1` lines of `span`'s text, wrapped to `width`, with
/// `…` when cut; in quotation marks when `quoted`.
fn excerpt(app: &App, span: Span, width: usize, style: Style, quoted: bool) -> Vec<Line<'static>> {
    let text = span.slice(&app.doc.text);
    let width = width.max(3);
    // Room for the marks: the opening one on the first line, the closing one on the last.
    let wrap_w = if quoted { width - 1 } else { width };
    let layout = Layout::new(text, u16::try_from(wrap_w).unwrap_or(u16::MAX));
    let lines: Vec<Span> = layout
        .rows(0..layout.len())
        .into_iter()
        .map(|(l, _)| l)
        .filter(|l| !l.is_empty())
        .collect();
    let keep = ITEM_LINES - 1;
    let shown_n = lines.len().min(keep);
    lines
        .iter()
        .take(keep)
        .enumerate()
        .map(|(i, &l)| {
            let mut s = shown(text, l).into_owned();
            let open = if quoted && i == 0 {
                "“"
            } else if quoted {
                " "
            } else {
                ""
            };
            if i + 1 == keep && lines.len() > keep {
                s = fit(&(s + " …"), wrap_w);
            } else if quoted && i + 1 == shown_n {
                s.push('”');
            }
            Line::from(TextSpan::styled(format!("  {open}{s}"), style))
        })
        .collect()
}

/// A heading: the actor's name in its colour, then what the item is.
fn heading(
    app: &App,
    theme: &Theme,
    e: Option<usize>,
    written: &Option<String>,
    what: &str,
    what_style: Style,
    width: usize,
) -> Line<'static> {
    let (name, style) = actor(app, theme, e, written);
    let st = &theme.styles;
    let tail = format!(" · {what}");
    Line::from(vec![
        TextSpan::styled(fit(&name, width.saturating_sub(tail.width())), style),
        TextSpan::styled(" · ", st.muted),
        TextSpan::styled(what.to_owned(), what_style),
    ])
}

fn commitment_lines(app: &App, theme: &Theme, i: usize, width: u16) -> Vec<Line<'static>> {
    let st = &theme.styles;
    let c = &app.ann.commitments[i];
    let kind_style = match c.kind {
        CommitmentKind::Pledge => st.pledge,
        CommitmentKind::Intent => st.intent,
        CommitmentKind::Demand => st.demand,
    };
    let w = usize::from(width);
    let mut lines = vec![heading(
        app,
        theme,
        c.actor,
        &c.actor_name,
        c.kind.as_str(),
        kind_style,
        w,
    )];
    lines.extend(excerpt(
        app,
        c.shown_span(),
        w.saturating_sub(2),
        st.text,
        false,
    ));
    lines
}

fn quote_lines(app: &App, theme: &Theme, i: usize, width: u16) -> Vec<Line<'static>> {
    let st = &theme.styles;
    let q = &app.ann.quotes[i];
    let w = usize::from(width);
    let (what, quoted) = match q.kind {
        QuoteKind::Direct => ("said", true),
        QuoteKind::Indirect => ("reported", false),
    };
    let mut lines = vec![heading(
        app,
        theme,
        q.speaker,
        &q.speaker_name,
        what,
        st.muted,
        w,
    )];
    lines.extend(excerpt(app, q.span, w.saturating_sub(2), st.text, quoted));
    lines
}

/// An item's actor: its name and style (the entity's kind colour when known).
fn actor(app: &App, theme: &Theme, e: Option<usize>, written: &Option<String>) -> (String, Style) {
    let st = &theme.styles;
    match e {
        Some(e) => {
            let ent = &app.ann.entities[e];
            (ent.name.clone(), st.text.patch(theme.kind(ent.kind)))
        }
        None => (
            written.clone().unwrap_or_else(|| "unknown".into()),
            st.muted,
        ),
    }
}
