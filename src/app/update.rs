//! `update`: the only place the reader's state changes.

use super::{
    Action, ActorRow, App, Areas, Cursor, Focus, Jump, Tab, Visual, correct, dialog, export, notes,
    search, wrap::Layout,
};
use crate::model::{Annotations, Commitment, Span};

/// The most places the jump history keeps.
const HISTORY: usize = 100;

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    // What comes from outside the keyboard applies whatever is open.
    let action = match action {
        Action::Reload => return notes::reload(app),
        Action::Annotated(ann) => return notes::annotated(app, *ann),
        Action::AnnotationProgress(p) => {
            app.annotating = app.annotating.map(|_| p);
            return;
        }
        Action::AnnotationFailed => return notes::annotation_failed(app),
        Action::Terminated => return notes::terminated(app),
        key => key,
    };
    let was_pending = !app.pending.is_empty();
    log_message(app);
    if !matches!(action, Action::Pending(_) | Action::Resize(..)) {
        app.pending.clear();
        app.message.clear();
    }
    if let Some(scroll) = app.help {
        help_key(app, scroll, action);
        return;
    }
    if app.popup.is_some() && !matches!(action, Action::PopupKey(_) | Action::Resize(..)) {
        return;
    }
    match action {
        Action::ScrollDown => scroll_or_move(app, 1),
        Action::ScrollUp => scroll_or_move(app, -1),
        Action::HalfPageDown => scroll_or_move(app, half_page(app)),
        Action::HalfPageUp => scroll_or_move(app, -half_page(app)),
        Action::PageDown => scroll_or_move(app, page(app)),
        Action::PageUp => scroll_or_move(app, -page(app)),
        Action::Top => edge(app, false),
        Action::Bottom => edge(app, true),
        Action::NextMention => walk_selected(app, true),
        Action::PrevMention => walk_selected(app, false),
        Action::NextEntityMention => walk_any(app, true),
        Action::PrevEntityMention => walk_any(app, false),
        Action::NextCommitment => walk_items(app, Tab::Commitments, true),
        Action::PrevCommitment => walk_items(app, Tab::Commitments, false),
        Action::NextQuote => walk_items(app, Tab::Quotes, true),
        Action::PrevQuote => walk_items(app, Tab::Quotes, false),
        Action::Activate => activate(app),
        Action::JumpBack => travel(app, true),
        Action::JumpForward => travel(app, false),
        Action::FocusNext | Action::FocusPrev => {
            let focus = match app.focus {
                Focus::Article => Focus::Side,
                Focus::Side => Focus::Article,
            };
            set_focus(app, focus);
        }
        Action::TabActors => open_tab(app, Tab::Actors),
        Action::TabCommitments => open_tab(app, Tab::Commitments),
        Action::TabQuotes => open_tab(app, Tab::Quotes),
        Action::TabNotes => open_tab(app, Tab::Notes),
        Action::Search => {
            app.prompt = Some(String::new());
            app.prompt_origin = (app.top, app.reading_pos().0);
        }
        Action::SearchNext => walk_search(app, true),
        Action::SearchPrev => walk_search(app, false),
        Action::SelectText => select_text(app),
        Action::Extend(m) => extend(app, m),
        Action::AddNote => notes::add_note(app),
        Action::DeleteNote => notes::delete_note(app),
        Action::FilterNotes => notes::filter_prompt(app),
        Action::NextNote => notes::walk_notes(app, true),
        Action::PrevNote => notes::walk_notes(app, false),
        Action::Correct => correct::menu(app),
        Action::Undo => notes::undo(app, false),
        Action::Redo => notes::undo(app, true),
        Action::Export => export::menu(app),
        Action::PopupKey(key) => dialog::popup_key(app, key),
        Action::Reload
        | Action::Annotated(_)
        | Action::AnnotationProgress(_)
        | Action::AnnotationFailed
        | Action::Terminated => {}
        Action::Help => {
            app.help_shows_messages = false;
            app.help = Some(0);
        }
        Action::Messages => {
            // Scrolled to the newest, at the bottom.
            app.help_shows_messages = true;
            let lines = super::HelpPage::new(app).lines.len();
            app.help = Some(app.areas.help_max_scroll(lines));
        }
        Action::NextTheme => next_theme(app),
        Action::Cancel => cancel(app, was_pending),
        Action::Quit => notes::quit(app),
        Action::Resize(w, h) => resize(app, w, h),
        Action::Pending(seq) => app.pending = seq,
        Action::Unbound(keys) => {
            app.message = format!("{keys} is not a key here · ? lists the keys")
        }
        Action::PromptChar(c) => edit_prompt(app, Some(c)),
        Action::PromptBackspace => edit_prompt(app, None),
        Action::PromptSubmit => submit_search(app),
    }
}

/// Keeps the status line's message in the log, once.
fn log_message(app: &mut App) {
    if !app.message.is_empty() && app.messages.last() != Some(&app.message) {
        app.messages.push(app.message.clone());
        if app.messages.len() > super::MESSAGE_LOG {
            app.messages.remove(0);
        }
    }
}

/// Keys while the help overlay is open: movement scrolls it, anything else closes it.
fn help_key(app: &mut App, scroll: usize, action: Action) {
    let last = app
        .areas
        .help_max_scroll(super::HelpPage::new(app).lines.len());
    let h = half_page(app).unsigned_abs();
    app.help = match action {
        Action::ScrollDown => Some((scroll + 1).min(last)),
        Action::ScrollUp => Some(scroll.saturating_sub(1)),
        Action::HalfPageDown | Action::PageDown => Some((scroll + h).min(last)),
        Action::HalfPageUp | Action::PageUp => Some(scroll.saturating_sub(h)),
        Action::Top => Some(0),
        Action::Bottom => Some(last),
        Action::Resize(w, h) => {
            resize(app, w, h);
            Some(scroll)
        }
        Action::Pending(_) => Some(scroll),
        _ => None,
    };
}

fn half_page(app: &App) -> isize {
    let h = match app.focus {
        Focus::Article => app.view_height(),
        Focus::Side => app.list_height(),
    };
    isize::try_from(h / 2).unwrap_or(1).max(1)
}

fn page(app: &App) -> isize {
    let h = match app.focus {
        Focus::Article => app.view_height(),
        Focus::Side => app.list_height(),
    };
    isize::try_from(h.saturating_sub(2)).unwrap_or(1).max(1)
}

/// Scrolls the article, or moves the side pane's selection, by `delta`.
fn scroll_or_move(app: &mut App, delta: isize) {
    match app.focus {
        Focus::Article => set_top(app, app.top.saturating_add_signed(delta)),
        Focus::Side => move_selection(app, delta),
    }
}

pub(super) fn set_top(app: &mut App, top: usize) {
    app.top = top.min(app.max_top());
}

/// `g` / `G`: the top or bottom of the article or the list. In the article
/// the cursor goes along, to the start or end of the text, so that walks
/// (`]e`, `*`, `n`) start from there.
fn edge(app: &mut App, bottom: bool) {
    match app.focus {
        Focus::Article => {
            record(app);
            set_top(app, if bottom { usize::MAX } else { 0 });
            let at = if bottom { app.doc.text.len() } else { 0 };
            app.cursor = Some(Cursor {
                span: Span::new(at, at),
                mention: None,
            });
        }
        Focus::Side => move_selection(
            app,
            if bottom {
                isize::MAX / 2
            } else {
                isize::MIN / 2
            },
        ),
    }
}

/// Moves the open tab's selection by `delta` rows (actors: skipping headings).
fn move_selection(app: &mut App, delta: isize) {
    let tab = app.tab;
    let len = app.list_len(tab);
    if len == 0 {
        return;
    }
    let cur = app.lists[tab.index()].selected;
    let mut target = cur.saturating_add_signed(delta).min(len - 1);
    if tab == Tab::Actors {
        // Headings are not selectable: take the nearest actor that way, else the other way.
        let selectable = |i: &usize| matches!(app.actor_rows.get(*i), Some(ActorRow::Entity(_)));
        let (ahead, behind) = if delta > 0 {
            (
                (target..len).find(selectable),
                (0..target).rev().find(selectable),
            )
        } else {
            (
                (0..=target).rev().find(selectable),
                (target..len).find(selectable),
            )
        };
        match ahead.or(behind) {
            Some(i) => target = i,
            None => return,
        }
    }
    select_row(app, tab, target);
    if tab == Tab::Notes {
        notes::show_selected(app);
    }
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
fn here(app: &App) -> Jump {
    Jump {
        cursor: app.cursor,
        top_byte: app.top_byte(),
        selected: app.selected,
    }
}

/// Remembers where the reader is, before a jump.
fn record(app: &mut App) {
    let now = here(app);
    if app.back.last() != Some(&now) {
        app.back.push(now);
        if app.back.len() > HISTORY {
            app.back.remove(0);
        }
    }
    app.forward.clear();
}

/// `<C-o>` (`back`) and `<C-n>`.
fn travel(app: &mut App, back: bool) {
    let now = here(app);
    let jump = if back {
        app.back.pop()
    } else {
        app.forward.pop()
    };
    let Some(jump) = jump else {
        app.message = if back {
            "at the oldest place in the jump history".into()
        } else {
            "at the newest place in the jump history".into()
        };
        return;
    };
    if back {
        app.forward.push(now);
    } else {
        app.back.push(now);
    }
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
fn sync_actor(app: &mut App) {
    if let Some(e) = app.selected
        && let Some(row) = app
            .actor_rows
            .iter()
            .position(|r| *r == ActorRow::Entity(e))
    {
        select_row(app, Tab::Actors, row);
    }
}

/// `*` / `#`: the next or previous mention of the selected entity, wrapping;
/// with none selected, the entity under or after (before) the cursor.
fn walk_selected(app: &mut App, forward: bool) {
    if app.ann.mentions.is_empty() {
        app.message = "no actors were found in this article".into();
        return;
    }
    let (pos, visible) = app.reading_pos();
    let Some(e) = app.selected else {
        let ms = &app.ann.mentions;
        let m = if forward {
            let i = ms.partition_point(|m| m.span.end <= pos);
            if i < ms.len() { i } else { 0 }
        } else {
            let i = ms.partition_point(|m| m.span.start <= pos);
            if i > 0 { i - 1 } else { ms.len() - 1 }
        };
        let e = ms[m].entity;
        jump_to(app, on_mention(&app.ann, m));
        select_entity(app, e);
        app.message = format!("{} · * and # walk its mentions", entity_summary(app, e));
        return;
    };
    let list = &app.ann.entities[e].mentions;
    if list.is_empty() {
        return;
    }
    let n = list.len();
    // The cursor counts only while it is on screen; else reading starts at the top.
    let current = app
        .cursor
        .filter(|_| visible)
        .and_then(|c| c.mention)
        .and_then(|m| list.iter().position(|&x| x == m));
    let ms = &app.ann.mentions;
    let (k, wrapped) = match (current, forward) {
        (Some(k), true) => ((k + 1) % n, k + 1 == n),
        (Some(k), false) => ((k + n - 1) % n, k == 0),
        (None, true) => match list.iter().position(|&m| ms[m].span.start >= pos) {
            Some(k) => (k, false),
            None => (0, true),
        },
        (None, false) => match list.iter().rposition(|&m| ms[m].span.start < pos) {
            Some(k) => (k, false),
            None => (n - 1, true),
        },
    };
    let m = list[k];
    jump_to(app, on_mention(&app.ann, m));
    if wrapped && n > 1 {
        app.message = if forward {
            "wrapped to the first mention".into()
        } else {
            "wrapped to the last mention".into()
        };
    }
}

/// `]e` / `[e`: the next or previous mention of any entity; selects its entity.
fn walk_any(app: &mut App, forward: bool) {
    let n = app.ann.mentions.len();
    if n == 0 {
        app.message = "no actors were found in this article".into();
        return;
    }
    let (pos, visible) = app.reading_pos();
    let ms = &app.ann.mentions;
    let current = app.cursor.filter(|_| visible).and_then(|c| c.mention);
    let (m, wrapped) = match (current, forward) {
        (Some(m), true) => ((m + 1) % n, m + 1 == n),
        (Some(m), false) => ((m + n - 1) % n, m == 0),
        (None, true) => {
            let i = ms.partition_point(|m| m.span.start < pos);
            if i < n { (i, false) } else { (0, true) }
        }
        (None, false) => {
            let i = ms.partition_point(|m| m.span.start < pos);
            if i > 0 { (i - 1, false) } else { (n - 1, true) }
        }
    };
    jump_to(app, on_mention(&app.ann, m));
    select_entity(app, app.ann.mentions[m].entity);
    if wrapped {
        app.message = if forward {
            "wrapped to the top".into()
        } else {
            "wrapped to the bottom".into()
        };
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

/// `]c` `[c` `]q` `[q`: the next or previous commitment or quote, wrapping.
fn walk_items(app: &mut App, tab: Tab, forward: bool) {
    let n = app.list_len(tab);
    let what = if tab == Tab::Quotes {
        "quotes"
    } else {
        "commitments"
    };
    if n == 0 {
        app.message = format!("no {what} were found in this article");
        return;
    }
    let spans: Vec<Span> = (0..n).filter_map(|i| item_span(app, tab, i)).collect();
    let (pos, visible) = app.reading_pos();
    let current = app
        .cursor
        .filter(|_| visible)
        .and_then(|c| spans.iter().position(|&s| s == c.span));
    let after = |s: &Span| {
        if visible {
            s.start > pos
        } else {
            s.start >= pos
        }
    };
    let (i, wrapped) = match (current, forward) {
        (Some(i), true) => ((i + 1) % n, i + 1 == n),
        (Some(i), false) => ((i + n - 1) % n, i == 0),
        (None, true) => spans
            .iter()
            .position(after)
            .map_or((0, true), |i| (i, false)),
        (None, false) => spans
            .iter()
            .rposition(|s| s.start < pos)
            .map_or((n - 1, true), |i| (i, false)),
    };
    go_to_item(app, tab, i);
    if wrapped && n > 1 {
        app.message = format!("{} · wrapped", app.message);
    }
}

/// Jumps to item `i` of `tab` (commitments, quotes) and shows it in its list.
fn go_to_item(app: &mut App, tab: Tab, i: usize) {
    let Some(span) = item_span(app, tab, i) else {
        return;
    };
    jump_to(
        app,
        Cursor {
            span,
            mention: None,
        },
    );
    // The side pane shows what is being walked.
    app.tab = tab;
    select_row(app, tab, i);
    let n = app.list_len(tab);
    let name = |e: Option<usize>, fallback: &Option<String>| {
        e.map(|e| app.ann.entities[e].name.clone())
            .or_else(|| fallback.clone())
            .unwrap_or_else(|| "unknown".into())
    };
    app.message = match tab {
        Tab::Commitments => {
            let c = &app.ann.commitments[i];
            format!(
                "commitment {}/{n} · {} · {}",
                i + 1,
                c.kind.as_str(),
                name(c.actor, &c.actor_name)
            )
        }
        _ => {
            let q = &app.ann.quotes[i];
            format!("quote {}/{n} · {}", i + 1, name(q.speaker, &q.speaker_name))
        }
    };
}

/// `<CR>`: in the article, select the entity under the cursor (or the first
/// on screen); in the side pane, jump to the selected item.
fn activate(app: &mut App) {
    if app.focus == Focus::Side {
        let row = app.lists[app.tab.index()].selected;
        match app.tab {
            Tab::Actors => {
                if let Some(&ActorRow::Entity(e)) = app.actor_rows.get(row) {
                    if let Some(&m) = app.ann.entities[e].mentions.first() {
                        jump_to(app, on_mention(&app.ann, m));
                    }
                    select_entity(app, e);
                    app.message = entity_summary(app, e);
                }
            }
            Tab::Commitments | Tab::Quotes => go_to_item(app, app.tab, row),
            Tab::Notes => return notes::add_note(app),
        }
        // On a narrow screen the pane covers the text: close it to show where it went.
        if app.areas.side_covers_article {
            set_focus(app, Focus::Article);
        }
        return;
    }
    let (pos, _) = app.reading_pos();
    let ms = &app.ann.mentions;
    let m = app.mention_under_cursor().or_else(|| {
        let i = ms.partition_point(|m| m.span.end <= pos);
        let bottom = app
            .layout
            .line(app.top + app.view_height())
            .map_or(usize::MAX, |l| l.start);
        (i < ms.len() && ms[i].span.start < bottom).then_some(i)
    });
    let Some(m) = m else {
        app.message = "no actor on screen".into();
        return;
    };
    let e = app.ann.mentions[m].entity;
    select_entity(app, e);
    app.cursor = Some(on_mention(&app.ann, m));
    app.message = format!("{} · * and # walk its mentions", entity_summary(app, e));
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

pub(super) fn set_focus(app: &mut App, focus: Focus) {
    app.focus = focus;
    let (w, h) = (app.areas.screen.width, app.areas.screen.height);
    resize(app, w, h);
}

pub(super) fn open_tab(app: &mut App, tab: Tab) {
    app.tab = tab;
    if app.areas.side.is_none() {
        set_focus(app, Focus::Side);
    }
}

/// `n` / `N`: the next or previous search match, wrapping.
fn walk_search(app: &mut App, forward: bool) {
    if app.search.query.is_empty() {
        app.message = "no search yet · / to search".into();
        return;
    }
    let n = app.search.matches.len();
    if n == 0 {
        app.message = format!("no match for “{}”", app.search.query);
        return;
    }
    let (pos, visible) = app.reading_pos();
    let ms = &app.search.matches;
    let (i, wrapped) = if forward {
        let i = ms.partition_point(|s| {
            if visible {
                s.start <= pos
            } else {
                s.start < pos
            }
        });
        if i < n { (i, false) } else { (0, true) }
    } else {
        let i = ms.partition_point(|s| s.start < pos);
        if i > 0 { (i - 1, false) } else { (n - 1, true) }
    };
    jump_to(
        app,
        Cursor {
            span: ms[i],
            mention: None,
        },
    );
    let mut msg = format!("match {}/{n} for “{}”", i + 1, app.search.query);
    if wrapped {
        msg += if forward {
            " · wrapped to the top"
        } else {
            " · wrapped to the bottom"
        };
    }
    app.message = msg;
}

/// Types into (or deletes from) the search prompt; matches update as you type.
fn edit_prompt(app: &mut App, c: Option<char>) {
    let Some(p) = app.prompt.as_mut() else {
        return;
    };
    match c {
        Some(c) => p.push(c),
        None => {
            p.pop();
        }
    }
    let q = p.clone();
    app.search.matches = search::find_all(&app.doc.text, &q);
    // Preview: show the first match after where the search started.
    let (top, from) = app.prompt_origin;
    set_top(app, top);
    let ms = &app.search.matches;
    let next = ms
        .get(ms.partition_point(|s| s.start < from))
        .or(ms.first());
    if let Some(&span) = next {
        scroll_into_view(app, span);
    }
}

fn submit_search(app: &mut App) {
    let Some(q) = app.prompt.take() else {
        return;
    };
    set_top(app, app.prompt_origin.0);
    if q.is_empty() {
        app.search.matches = search::find_all(&app.doc.text, &app.search.query);
        return;
    }
    app.search.matches = search::find_all(&app.doc.text, &q);
    app.search.query = q;
    walk_search(app, true);
}

fn next_theme(app: &mut App) {
    app.message = app.theme.cycle();
}

/// `<Esc>`: close the prompt or a key sequence, leave the side pane, clear
/// the search, then the selection.
fn cancel(app: &mut App, was_pending: bool) {
    if app.visual.take().is_some() {
        app.message = "selection cleared".into();
    } else if app.prompt.take().is_some() {
        app.search.matches = search::find_all(&app.doc.text, &app.search.query);
        set_top(app, app.prompt_origin.0);
    } else if was_pending {
        // The unfinished key sequence is already dropped.
    } else if app.focus == Focus::Side {
        set_focus(app, Focus::Article);
    } else if !app.search.matches.is_empty() {
        app.search = Default::default();
        if app.cursor.is_some_and(|c| c.mention.is_none()) {
            app.cursor = None;
        }
    } else if app.selected.is_some() || app.cursor.is_some() {
        app.selected = None;
        app.cursor = None;
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
fn max_offset(app: &App, tab: Tab) -> usize {
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

/// `v`: starts a selection on the cursor's span (or the first word on
/// screen); `v` again ends it.
fn select_text(app: &mut App) {
    if app.visual.take().is_some() {
        return;
    }
    if app.focus == Focus::Side {
        set_focus(app, Focus::Article);
    }
    let text = &app.doc.text;
    if text.is_empty() {
        app.message = "this article has no text to select".into();
        return;
    }
    let (pos, visible) = app.reading_pos();
    let (anchor, head) = match app.cursor.filter(|_| visible && !c_is_empty(app)) {
        Some(c) => (c.span, c.span.start),
        None => {
            let rest = text.get(pos..).unwrap_or("");
            let at = pos + (rest.len() - rest.trim_start().len());
            let at = super::visual::floor(text, at.min(text.len() - 1));
            let len = text[at..].chars().next().map_or(1, char::len_utf8);
            (Span::new(at, at + len), at)
        }
    };
    app.visual = Some(Visual { anchor, head });
}

/// True when the cursor covers no text.
fn c_is_empty(app: &App) -> bool {
    app.cursor.is_none_or(|c| c.span.is_empty())
}

/// Moves the selection's moving end.
fn extend(app: &mut App, motion: super::Motion) {
    let Some(mut v) = app.visual else {
        return;
    };
    let text = &app.doc.text;
    // From inside what the selection started on, a motion starts at its edge.
    if v.anchor.contains(v.head) {
        v.head = if motion.is_backward() {
            v.anchor.start
        } else {
            super::visual::floor(text, v.anchor.end.saturating_sub(1))
        };
    }
    v.head = motion.apply(text, &app.layout, v.head);
    app.visual = Some(v);
    scroll_into_view(app, Span::new(v.head, v.head));
}
