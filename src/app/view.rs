//! Where the reader looks: the article's scroll, the lists' selections,
//! focus and tabs, the screen's areas, the jump history (recorded and gone
//! back to), and the next or previous of some spans from where the reader
//! is. The commands (`update`, `goto`, `links`), the mouse and the dialogs
//! (`notes`, `correct`) move the view through these.

use super::{ActorRow, App, Areas, Cursor, Focus, Jump, Tab, wrap::Layout};
use crate::model::{Annotations, Commitment, Span};

/// The most places the jump history keeps.
const HISTORY: usize = 100;

/// Scrolls the article to line `top`, or as far as it goes.
pub(super) fn set_top(app: &mut App, top: usize) {
    app.top = top.min(app.max_top());
}

/// Selects row `row` of `tab` and scrolls the list to show it.
pub(super) fn select_row(app: &mut App, tab: Tab, row: usize) {
    let height = app.list_height();
    let mut state = app.lists[tab.index()];
    state.selected = row;
    if row < state.offset {
        state.offset = row;
    }
    // Show an actor's heading with its first actor.
    if tab == Tab::Actors
        && row > 0
        && state.offset == row
        && let Some(ActorRow::Heading(..)) = app.actor_rows.get(row - 1)
    {
        state.offset = row - 1;
    }
    while state.offset < row
        && (state.offset..=row)
            .map(|r| app.row_height(tab, r))
            .sum::<usize>()
            > height
    {
        state.offset += 1;
    }
    app.lists[tab.index()] = state;
}

/// The jump-history entry for where the reader is now.
pub(super) fn here(app: &App) -> Jump {
    Jump {
        cursor: app.cursor,
        top_byte: app.top_byte(),
        selected: app.selected,
    }
}

/// Remembers where the reader is, before a jump.
pub(super) fn record(app: &mut App) {
    let now = here(app);
    if app.back.last() != Some(&now) {
        app.back.push(now);
        if app.back.len() > HISTORY {
            app.back.remove(0);
        }
    }
    app.forward.clear();
}

/// Goes back to `jump`: its cursor, selection and top line.
pub(super) fn restore(app: &mut App, jump: Jump) {
    app.cursor = jump.cursor;
    app.selected = jump.selected;
    let line = app.layout.line_of(jump.top_byte);
    set_top(app, line);
    sync_actor(app);
}

/// Puts the cursor on `cursor`, remembering where it was, and scrolls it into view.
pub(super) fn jump_to(app: &mut App, cursor: Cursor) {
    record(app);
    app.cursor = Some(cursor);
    scroll_into_view(app, cursor.span);
}

/// Scrolls so that `span` is on screen with a few lines of context.
pub(super) fn scroll_into_view(app: &mut App, span: Span) {
    let h = app.view_height();
    let line = app.layout.line_of(span.start);
    let ctx = (h / 4).min(3);
    if line < app.top || line >= app.top + h {
        set_top(app, line.saturating_sub(h / 3));
    } else if line < app.top + ctx {
        set_top(app, line.saturating_sub(ctx));
    } else if line + ctx >= app.top + h {
        set_top(app, line + ctx + 1 - h);
    }
}

/// The span of `spans` (ordered, not empty) after (`forward`) or before
/// the reading position `(pos, visible)` ([`App::reading_pos`]): past the
/// cursor when it is on screen, else from the top of the screen; wrapping,
/// which the flag says.
pub(super) fn step(spans: &[Span], (pos, visible): (usize, bool), forward: bool) -> (usize, bool) {
    let n = spans.len();
    if forward {
        let i = spans.partition_point(|s| {
            if visible {
                s.start <= pos
            } else {
                s.start < pos
            }
        });
        if i < n { (i, false) } else { (0, true) }
    } else {
        let i = spans.partition_point(|s| s.start < pos);
        if i > 0 { (i - 1, false) } else { (n - 1, true) }
    }
}

/// A cursor on mention `m`.
pub(super) fn on_mention(ann: &Annotations, m: usize) -> Cursor {
    Cursor {
        span: ann.mentions[m].span,
        mention: Some(m),
    }
}

/// Selects entity `e` and shows it in the Actors list.
pub(super) fn select_entity(app: &mut App, e: usize) {
    app.selected = Some(e);
    sync_actor(app);
}

/// Moves the Actors list's selection to the selected entity.
pub(super) fn sync_actor(app: &mut App) {
    if let Some(e) = app.selected
        && let Some(row) = app
            .actor_rows
            .iter()
            .position(|r| *r == ActorRow::Entity(e))
    {
        select_row(app, Tab::Actors, row);
    }
}

/// The span the cursor goes to for item `i` of `tab`, and where it stands.
pub(super) fn item_span(app: &App, tab: Tab, i: usize) -> Option<Span> {
    match tab {
        Tab::Commitments => app.ann.commitments.get(i).map(Commitment::shown_span),
        Tab::Quotes => app.ann.quotes.get(i).map(|q| q.span),
        Tab::Actors | Tab::Notes => None,
    }
}

/// "Kim Jong Un · person · 12 mentions".
pub(super) fn entity_summary(app: &App, e: usize) -> String {
    let ent = &app.ann.entities[e];
    let n = ent.mentions.len();
    format!(
        "{} · {} · {n} mention{}",
        ent.name,
        ent.kind.as_str(),
        if n == 1 { "" } else { "s" }
    )
}

/// Moves the focus to the article or the side pane, which opens or
/// closes the pane on a narrow screen.
pub(super) fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    let (w, h) = (app.areas.screen.width, app.areas.screen.height);
    resize(app, w, h);
}

/// Opens `tab` of the side pane, showing the pane when it is hidden.
pub(super) fn open_tab(app: &mut App, tab: Tab) {
    app.tab = tab;
    if app.areas.side.is_none() {
        set_focus(app, Focus::Side);
    }
}

/// A new screen size: recompute the areas, and the layout if the text width changed.
pub(super) fn resize(app: &mut App, w: u16, h: u16) {
    app.areas = Areas::new(w, h, app.focus == Focus::Side);
    let width = app.areas.text.width.max(1);
    if app.layout.width != width || app.layout.is_empty() {
        let top_byte = app.top_byte();
        app.layout = Layout::for_document(&app.doc, width);
        app.top = app.layout.line_of(top_byte);
    }
    set_top(app, app.top);
    for tab in Tab::ALL {
        // A list that fits from further up no longer scrolls past its first rows.
        let max = max_offset(app, tab);
        let list = &mut app.lists[tab.index()];
        list.offset = list.offset.min(max);
        let row = app.lists[tab.index()].selected;
        if row < app.list_len(tab) {
            select_row(app, tab, row);
        }
    }
}

/// The largest useful scroll of `tab`'s list: the first row from which the
/// rest of the list fills the pane.
pub(super) fn max_offset(app: &App, tab: Tab) -> usize {
    let height = app.list_height();
    let mut used = 0;
    let mut first = app.list_len(tab);
    while first > 0 {
        used += app.row_height(tab, first - 1);
        if used > height {
            break;
        }
        first -= 1;
    }
    first
}

/// The actor a command on "the selected actor" means: the one highlighted
/// in the Actors tab when the side pane has the keys, else the one under
/// the cursor, else the selected one.
pub(super) fn chosen_actor(app: &App) -> Option<usize> {
    if app.focus == Focus::Side
        && app.tab == Tab::Actors
        && let Some(&ActorRow::Entity(e)) =
            app.actor_rows.get(app.lists[Tab::Actors.index()].selected)
    {
        return Some(e);
    }
    app.mention_under_cursor()
        .map(|m| app.ann.mentions[m].entity)
        .or(app.selected)
}
