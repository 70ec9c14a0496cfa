//! `update`: the only place the reader's state changes.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::view::{
    entity_summary, here, item_span, jump_to, on_mention, open_tab, record, resize, restore,
    scroll_into_view, select_entity, select_row, set_focus, set_top, step,
};
use super::{
    Action, ActorRow, App, Command, Cursor, Event, Focus, Mode, Motion, Tab, Visual, copy, correct,
    dialog, export, goto, links, mouse, notes, reload, search,
};
use crate::command::{self as cmd, Route};
use crate::model::Span;

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    // What comes from outside the keyboard applies whatever is open.
    let action = match action {
        Action::Event(event) => match event {
            Event::Reload => return notes::reload(app),
            Event::Annotated(ann) => return notes::annotated(app, *ann),
            Event::AnnotationProgress(p) => {
                app.annotating = app.annotating.map(|_| p);
                return;
            }
            Event::AnnotationFailed => return notes::annotation_failed(app),
            Event::Terminated => return notes::terminated(app),
            Event::Fetched(item, result) => return super::library::fetched(app, item, result),
            Event::Keymap(keymap) => return rebind(app, *keymap),
            Event::Performed(problems) => {
                app.effects.clear();
                if !problems.is_empty() {
                    app.message = problems.join("; ");
                }
                return;
            }
            Event::Mouse(m) => {
                // What the mouse does that a key does goes the key's way.
                if let Some(action) = mouse::handle(app, m) {
                    update(app, action);
                }
                return;
            }
            Event::ArticleChanged(r) => return reload::article(app, *r),
            Event::ArticleUnreadable(why) => {
                app.message = why;
                return;
            }
            key => Action::Event(key),
        },
        command => command,
    };
    let was_pending = !app.pending.is_empty();
    let awaiting = app.awaiting.take();
    log_message(app);
    if !matches!(action, Action::Event(Event::Pending(_) | Event::Resize(..))) {
        app.pending.clear();
        app.message.clear();
    }
    if let Some(scroll) = app.help {
        help_key(app, scroll, action);
        return;
    }
    if app.in_library_list() && app.popup.is_none() {
        match &action {
            Action::Command(c) if super::library::command(app, *c) => return,
            Action::Event(Event::Typed(key)) => return super::library::typed(app, *key),
            _ => {}
        }
    }
    if let (Some(c), Action::Event(Event::Typed(key))) = (awaiting, &action) {
        return goto::letter(app, c, *key);
    }
    match action {
        Action::Command(c) => command(app, c, was_pending),
        Action::Event(Event::Resize(w, h)) => resize(app, w, h),
        Action::Event(Event::Pending(seq)) => app.pending = seq,
        Action::Event(Event::Unbound(keys)) => {
            app.message = format!(
                "{keys} is not a key here · {} lists the keys",
                app.keymap.hint(Command::Help)
            );
        }
        Action::Event(Event::Typed(key)) if app.popup.is_some() => dialog::typed(app, key),
        Action::Event(Event::Typed(key)) => {
            if let KeyCode::Char(c) = key.code
                && !key.mods.contains(KeyModifiers::CONTROL)
            {
                edit_prompt(app, |p| p.push(c));
            }
        }
        Action::Event(_) => {}
    }
}

/// Carries out `command`. While a popup is open only its own commands do
/// anything.
fn command(app: &mut App, command: Command, was_pending: bool) {
    if app.popup.is_some() && matches!(command.mode(), Mode::Normal | Mode::Visual) {
        return;
    }
    match command.route() {
        Route::Scroll(c) => scroll(app, c),
        Route::Walk(c) => walk(app, c),
        Route::Jump(c) => jump(app, c),
        Route::SidePane(c) => side_pane(app, c),
        Route::Text(c) => text(app, c),
        Route::Annotations(c) => annotations(app, c),
        Route::Overlay(c) => overlay(app, c),
        Route::Library(c) => library(app, c),
        Route::Visual(c) => visual(app, c),
        Route::Prompt(c) => prompt(app, c, command),
        Route::Dialog => dialog::command(app, command),
        Route::Search => {
            app.prompt = Some(String::new());
            app.prompt_origin = (app.top, app.reading_pos().0);
        }
        Route::Cancel => cancel(app, was_pending),
        Route::Quit => notes::quit(app),
    }
}

/// Scrolling: by a line, half a page or a page, or to either end.
fn scroll(app: &mut App, command: cmd::Scroll) {
    use cmd::Scroll as S;
    match command {
        S::Down => scroll_or_move(app, 1),
        S::Up => scroll_or_move(app, -1),
        S::HalfPageDown => scroll_or_move(app, half_page(app)),
        S::HalfPageUp => scroll_or_move(app, -half_page(app)),
        S::PageDown => scroll_or_move(app, page(app)),
        S::PageUp => scroll_or_move(app, -page(app)),
        S::Top => edge(app, false),
        S::Bottom => edge(app, true),
    }
}

/// Walking to the next or previous thing of a kind: a mention, a
/// commitment, a quote, a search match, a link or a note.
fn walk(app: &mut App, command: cmd::Walk) {
    use cmd::Walk as W;
    match command {
        W::NextMention => walk_selected(app, true),
        W::PrevMention => walk_selected(app, false),
        W::NextEntityMention => walk_any(app, true),
        W::PrevEntityMention => walk_any(app, false),
        W::NextCommitment => walk_items(app, Tab::Commitments, true),
        W::PrevCommitment => walk_items(app, Tab::Commitments, false),
        W::NextQuote => walk_items(app, Tab::Quotes, true),
        W::PrevQuote => walk_items(app, Tab::Quotes, false),
        W::SearchNext => walk_search(app, true),
        W::SearchPrev => walk_search(app, false),
        W::NextLink => links::walk(app, true),
        W::PrevLink => links::walk(app, false),
        W::NextNote => notes::walk_notes(app, true),
        W::PrevNote => notes::walk_notes(app, false),
    }
}

/// Jumping: to what is under the cursor, through the jump history, to a
/// line or to a mark.
fn jump(app: &mut App, command: cmd::Jump) {
    use cmd::Jump as J;
    match command {
        J::Activate => activate(app),
        J::Back if app.back.is_empty() && super::library::back_across(app) => {}
        J::Back => travel(app, true),
        J::Forward => travel(app, false),
        J::GoTo => goto::open_prompt(app),
        J::SetMark => goto::await_letter(app, Command::SetMark),
        J::GoToMark => goto::await_letter(app, Command::GoToMark),
    }
}

/// The side pane: moving the focus to or from it, choosing its tab.
fn side_pane(app: &mut App, command: cmd::SidePane) {
    use cmd::SidePane as P;
    match command {
        P::FocusNext | P::FocusPrev => {
            let focus = match app.focus {
                Focus::Article => Focus::Side,
                Focus::Side => Focus::Article,
            };
            set_focus(app, focus);
        }
        P::TabActors => open_tab(app, Tab::Actors),
        P::TabCommitments => open_tab(app, Tab::Commitments),
        P::TabQuotes => open_tab(app, Tab::Quotes),
        P::TabNotes => open_tab(app, Tab::Notes),
    }
}

/// The text itself: copying, opening a link, starting a selection.
fn text(app: &mut App, command: cmd::Text) {
    match command {
        cmd::Text::Copy => copy::copy(app, false),
        cmd::Text::CopyCitation => copy::copy(app, true),
        cmd::Text::OpenLink => links::open(app),
        cmd::Text::SelectText => select_text(app),
    }
}

/// Changing the annotations: notes, corrections, undo and redo, export.
fn annotations(app: &mut App, command: cmd::Annotations) {
    use cmd::Annotations as A;
    match command {
        A::AddNote => notes::add_note(app),
        A::DeleteNote => notes::delete_note(app),
        A::FilterNotes => notes::filter_prompt(app),
        A::Correct => correct::menu(app),
        A::Undo => notes::undo(app, false),
        A::Redo => notes::undo(app, true),
        A::Export => export::menu(app),
    }
}

/// What shows over the reader: the help, the messages, the theme.
fn overlay(app: &mut App, command: cmd::Overlay) {
    match command {
        cmd::Overlay::Help => {
            app.help_shows_messages = false;
            app.help = Some(0);
        }
        cmd::Overlay::Messages => {
            // Scrolled to the newest, at the bottom.
            app.help_shows_messages = true;
            let lines = super::HelpPage::new(app).lines.len();
            app.help = Some(app.areas.help_max_scroll(lines));
        }
        cmd::Overlay::NextTheme => next_theme(app),
    }
}

/// The library: its list, the articles before and after this one, an
/// actor's articles.
fn library(app: &mut App, command: cmd::Library) {
    use cmd::Library as L;
    match command {
        L::List => super::library::show_list(app),
        L::NextArticle => super::library::step(app, true),
        L::PrevArticle => super::library::step(app, false),
        L::ActorArticles => super::library::actor_articles(app),
        L::Sort => show_list_first(app),
    }
}

/// A prompt's keys (`command` among them): the search prompt's when no
/// popup is open, else the popup's own prompt.
fn prompt(app: &mut App, key: cmd::Prompt, command: Command) {
    if app.popup.is_none() {
        search_prompt(app, key);
    } else {
        dialog::command(app, command);
    }
}

/// Extending the text selection by a line, a word or a character.
fn visual(app: &mut App, command: cmd::Visual) {
    use cmd::Visual as V;
    let motion = match command {
        V::Down => Motion::LineDown,
        V::Up => Motion::LineUp,
        V::Word => Motion::WordNext,
        V::WordBack => Motion::WordPrev,
        V::WordEnd => Motion::WordEnd,
        V::Left => Motion::CharLeft,
        V::Right => Motion::CharRight,
    };
    extend(app, motion);
}

/// A prompt's command in the search prompt.
fn search_prompt(app: &mut App, command: cmd::Prompt) {
    use cmd::Prompt as P;
    match command {
        P::Submit if app.prompt_goto => goto::submit(app),
        P::Submit => submit_search(app),
        P::Cancel => close_prompt(app),
        P::Backspace => edit_prompt(app, |p| {
            p.pop();
        }),
        P::Clear => edit_prompt(app, String::clear),
        // The merge picker's keys: the search prompt has no list to walk.
        P::Next | P::Prev => {}
    }
}

/// The user's keymap replaces the default: the opening hint names its keys.
fn rebind(app: &mut App, keymap: crate::keymap::Keymap) {
    let hint = super::start_hint(&app.keymap);
    app.keymap = keymap;
    if app.message == hint {
        app.message = super::start_hint(&app.keymap);
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
        Action::Command(Command::ScrollDown) => Some((scroll + 1).min(last)),
        Action::Command(Command::ScrollUp) => Some(scroll.saturating_sub(1)),
        Action::Command(Command::HalfPageDown | Command::PageDown) => Some((scroll + h).min(last)),
        Action::Command(Command::HalfPageUp | Command::PageUp) => Some(scroll.saturating_sub(h)),
        Action::Command(Command::Top) => Some(0),
        Action::Command(Command::Bottom) => Some(last),
        Action::Event(Event::Resize(w, h)) => {
            resize(app, w, h);
            Some(scroll)
        }
        Action::Event(Event::Pending(_)) => Some(scroll),
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

/// A library command that works in the list only.
fn show_list_first(app: &mut App) {
    app.message = format!(
        "sorting is for the library's list ({} shows it)",
        app.keymap.hint(Command::Library)
    );
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
    restore(app, jump);
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
        app.message = format!("{} · {}", entity_summary(app, e), walk_hint(app));
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
    app.message = format!("{} · {}", entity_summary(app, e), walk_hint(app));
}

/// "* and # walk its mentions", with the keys bound to that.
fn walk_hint(app: &App) -> String {
    app.keymap
        .fill("{next_mention} and {prev_mention} walk its mentions")
}

/// `n` / `N`: the next or previous search match, wrapping.
fn walk_search(app: &mut App, forward: bool) {
    if app.search.query.is_empty() {
        app.message = format!(
            "no search yet · {} to search",
            app.keymap.hint(Command::Search)
        );
        return;
    }
    let n = app.search.matches.len();
    if n == 0 {
        app.message = format!("no match for “{}”", app.search.query);
        return;
    }
    let ms = &app.search.matches;
    let (i, wrapped) = step(ms, app.reading_pos(), forward);
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

/// Edits the search prompt's text with `edit`; matches update as you type.
fn edit_prompt(app: &mut App, edit: impl FnOnce(&mut String)) {
    let Some(p) = app.prompt.as_mut() else {
        return;
    };
    edit(p);
    if app.prompt_goto {
        return;
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
    } else if app.prompt.is_some() {
        close_prompt(app);
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

/// Closes the search prompt: the last search's matches come back, and the view.
fn close_prompt(app: &mut App) {
    app.prompt_goto = false;
    if app.prompt.take().is_some() {
        app.search.matches = search::find_all(&app.doc.text, &app.search.query);
        set_top(app, app.prompt_origin.0);
    }
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
fn extend(app: &mut App, motion: Motion) {
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
