//! The mouse: the wheel scrolls the pane under the pointer (the article,
//! the side pane's list, the help); a click on a mention selects its actor
//! and puts the cursor there, on a link puts the cursor on it (for `o`),
//! on other text on the word (while selecting, it moves the selection's
//! end there); a click on a side pane tab opens it, on an item selects it
//! and goes there; a click on the mention map goes to that part of the
//! article. In the library's list the wheel moves the selection and a
//! click on an article opens it. Moves, drags and releases do nothing, and
//! while a popup or a prompt is open the mouse does nothing either: keys
//! do everything the mouse does, so a terminal without mouse reporting
//! loses nothing.
//!
//! What the mouse does that a key does too (scrolling the help, opening
//! an item) is handed back to `update` as that key's [`Action`].

use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::view::{
    entity_summary, max_offset, on_mention, open_tab, record, select_entity, select_row, set_focus,
    set_top,
};
use super::wrap::glyph;
use super::{Action, App, Command, Cursor, Focus, Tab, links};
use crate::model::Span;

/// Lines the wheel scrolls the article by, one notch.
pub const WHEEL_LINES: usize = 3;

/// Applies mouse event `m`; returns the action of the key it stands for,
/// when it stands for one, for `update` to apply.
pub fn handle(app: &mut App, m: MouseEvent) -> Option<Action> {
    let wheel = match m.kind {
        MouseEventKind::ScrollDown => Some(true),
        MouseEventKind::ScrollUp => Some(false),
        MouseEventKind::Down(MouseButton::Left) => None,
        _ => return None,
    };
    if app.popup.is_some() || app.prompt.is_some() || app.areas.too_small {
        return None;
    }
    let at = Position::new(m.column, m.row);
    if app.help.is_some() || app.in_library_list() {
        // The wheel scrolls the help or moves in the list; a click closes
        // the help, or opens the list's article.
        return match wheel {
            Some(true) => Some(Action::Command(Command::ScrollDown)),
            Some(false) => Some(Action::Command(Command::ScrollUp)),
            None if app.help.is_some() => Some(Action::Command(Command::Cancel)),
            None => click_library(app, at.y),
        };
    }
    app.pending.clear();
    app.awaiting = None;
    let areas = app.areas;
    let side = areas.side.filter(|r| r.contains(at));
    match (side, wheel) {
        (Some(_), Some(down)) => scroll_list(app, down),
        (Some(pane), None) => return click_side(app, pane, at),
        (None, _) if areas.side_covers_article => {}
        (None, Some(down)) if article_region(app).contains(at) => {
            let top = if down {
                app.top.saturating_add(WHEEL_LINES)
            } else {
                app.top.saturating_sub(WHEEL_LINES)
            };
            set_top(app, top);
        }
        (None, None) if areas.map.contains(at) => click_map(app, at.y - areas.map.y),
        (None, None) if areas.text.contains(at) => click_text(app, at),
        _ => {}
    }
    None
}

/// A click on screen line `y` of the library's list: the article there is
/// selected, and opened (as `<CR>` opens it).
fn click_library(app: &mut App, y: u16) -> Option<Action> {
    let height = super::library::list_height(app);
    let lib = app.library.as_mut()?;
    // The list's two heading lines are above its rows.
    let line = usize::from(y.checked_sub(2)?);
    if line >= height {
        return None;
    }
    let row = lib.first_row(height) + line / lib.row_lines();
    if row >= lib.rows.len() {
        return None;
    }
    lib.list.selected = row;
    Some(Action::Command(Command::Activate))
}

/// The article's part of the screen: left of the side pane, above the
/// status line (its margins and the map included).
fn article_region(app: &App) -> Rect {
    let a = app.areas;
    Rect::new(0, 0, a.map.right(), a.status.y)
}

/// The wheel over the side pane: its list moves by a row; the selection stays.
fn scroll_list(app: &mut App, down: bool) {
    let tab = app.tab;
    let max = max_offset(app, tab);
    let list = &mut app.lists[tab.index()];
    list.offset = if down {
        (list.offset + 1).min(max)
    } else {
        list.offset.saturating_sub(1)
    };
}

/// A click in the side pane `pane` (its left border included): a tab, or
/// an item of the open tab's list (which `<CR>` then goes to).
fn click_side(app: &mut App, pane: Rect, at: Position) -> Option<Action> {
    let inner_x = pane.x + 1;
    if at.x < inner_x {
        return None;
    }
    let dx = usize::from(at.x - inner_x);
    match at.y - pane.y {
        0 => {
            let (labels, gap) = app.tab_labels(usize::from(pane.width - 1));
            let mut x = 0;
            for t in Tab::ALL {
                let w = unicode_width::UnicodeWidthStr::width(labels[t.index()].as_str());
                if (x..x + w).contains(&dx) {
                    open_tab(app, t);
                    set_focus(app, Focus::Side);
                    return None;
                }
                x += w + gap;
            }
        }
        1 => {}
        dy => {
            let row = row_at(app, usize::from(dy - 2))?;
            if app.focus != Focus::Side {
                set_focus(app, Focus::Side);
            }
            select_row(app, app.tab, row);
            match app.tab {
                // The Notes tab shows its note; a click does not open the editor.
                Tab::Notes => super::notes::show_selected(app),
                _ => return Some(Action::Command(Command::Activate)),
            }
        }
    }
    None
}

/// The row of the open tab's list drawn `y` lines below the list's top
/// (as the pane draws them: each row but the very first has a blank line
/// above it, except an actor under its heading), if any.
fn row_at(app: &App, y: usize) -> Option<usize> {
    let tab = app.tab;
    let mut top = 0;
    for row in app.lists[tab.index()].offset..app.list_len(tab) {
        let h = app.row_height(tab, row);
        let gap = match (tab, app.actor_rows.get(row)) {
            (Tab::Actors, Some(super::ActorRow::Entity(_))) => 0,
            _ => usize::from(row > 0),
        };
        if y < top + h {
            return (y >= top + gap).then_some(row);
        }
        top += h;
    }
    None
}

/// A click on row `row` of the mention map: that part of the article,
/// centred on screen.
fn click_map(app: &mut App, row: u16) {
    let h = usize::from(app.areas.map.height.max(1));
    let total = app.layout.len().max(1);
    let scale = total.max(app.view_height());
    // The first line the row stands for (rows map lines as the map draws them).
    let line = (usize::from(row) * scale).div_ceil(h);
    record(app);
    set_top(app, line.saturating_sub(app.view_height() / 2));
}

/// A click on the article's text.
fn click_text(app: &mut App, at: Position) {
    if app.focus == Focus::Side {
        set_focus(app, Focus::Article);
    }
    let Some(byte) = byte_at(app, at) else {
        return;
    };
    if let Some(v) = app.visual.as_mut() {
        v.head = byte;
        return;
    }
    if let Some(m) = app.ann.mention_at(byte) {
        let e = app.ann.mentions[m].entity;
        select_entity(app, e);
        app.cursor = Some(on_mention(&app.ann, m));
        app.message = entity_summary(app, e);
        return;
    }
    if let Some((span, url)) = links::link_at(app, byte) {
        let shown = crate::document::sanitize::clean_line(url).into_owned();
        app.cursor = Some(Cursor {
            span,
            mention: None,
        });
        app.message = format!("{shown} · {} opens it", app.keymap.hint(Command::OpenLink));
        return;
    }
    app.cursor = Some(Cursor {
        span: word_at(&app.doc.text, byte),
        mention: None,
    });
}

/// The byte of the text drawn at screen position `at` in the text column,
/// or `None` past the end of its line or below the text.
fn byte_at(app: &App, at: Position) -> Option<usize> {
    let area = app.areas.text;
    let line = app.top + usize::from(at.y - area.y);
    let &(span, gutter) = app.layout.rows(line..line + 1).first()?;
    let col = usize::from(at.x - area.x).checked_sub(gutter.width())?;
    let text = &app.doc.text;
    let mut x = 0;
    for (i, c) in span.slice(text).char_indices() {
        x += glyph(c, x).1;
        if col < x {
            return Some(span.start + i);
        }
    }
    None
}

/// The word around byte `at` (the character alone when it is not in a word).
fn word_at(text: &str, at: usize) -> Span {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let Some(here) = text[at..].chars().next() else {
        return Span::new(at, at);
    };
    if !is_word(here) {
        return Span::new(at, at + here.len_utf8());
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(text.len(), |(i, _)| at + i);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::{app, keys};
    use crate::app::{Event, update};
    use ratatui::crossterm::event::KeyModifiers;

    fn mouse(kind: MouseEventKind, column: u16, row: u16) -> MouseEvent {
        MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }
    }

    fn click(a: &mut App, x: u16, y: u16) {
        update(
            a,
            Event::Mouse(mouse(MouseEventKind::Down(MouseButton::Left), x, y)).into(),
        );
    }

    /// Where byte `at` of the text is drawn (plain text: no gutter).
    fn cell_of(a: &App, at: usize) -> (u16, u16) {
        let line = a.layout.line_of(at);
        let start = a.layout.line(line).unwrap().start;
        let col = crate::app::wrap::line_width(&a.doc.text, Span::new(start, at));
        (
            a.areas.text.x + col as u16,
            a.areas.text.y + (line - a.top) as u16,
        )
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_the_pointer() {
        let mut a = app(60, (120, 30));
        let (x, y) = (a.areas.text.x + 3, a.areas.text.y + 2);
        let down = |a: &mut App, x, y| {
            update(
                a,
                Event::Mouse(mouse(MouseEventKind::ScrollDown, x, y)).into(),
            );
        };
        down(&mut a, x, y);
        down(&mut a, x, y);
        assert_eq!(a.top, 2 * WHEEL_LINES);
        update(
            &mut a,
            Event::Mouse(mouse(MouseEventKind::ScrollUp, x, y)).into(),
        );
        assert_eq!(a.top, WHEEL_LINES);
        // Over the side pane: its list moves, the article stays.
        keys(&mut a, "2");
        let side = a.areas.side.unwrap();
        let selected = a.lists[Tab::Commitments.index()].selected;
        down(&mut a, side.x + 4, side.y + 5);
        assert_eq!(a.top, WHEEL_LINES);
        assert_eq!(a.lists[Tab::Commitments.index()].selected, selected);
        // With a popup or a prompt open, nothing.
        keys(&mut a, "/");
        down(&mut a, x, y);
        assert_eq!(a.top, WHEEL_LINES);
    }

    #[test]
    fn a_click_on_a_mention_selects_its_actor() {
        let mut a = app(12, (120, 30));
        let bob = a.ann.entities[1].mentions[0];
        let (x, y) = cell_of(&a, a.ann.mentions[bob].span.start + 1);
        click(&mut a, x, y);
        assert_eq!(a.selected, Some(1));
        assert_eq!(a.cursor.unwrap().mention, Some(bob));
        assert!(a.message.starts_with("Bob · person"), "{}", a.message);
        // On a plain word: the cursor on the word, the actor stays.
        let at = a.doc.text.find("committee").unwrap();
        let (x, y) = cell_of(&a, at + 4);
        click(&mut a, x, y);
        let c = a.cursor.unwrap();
        assert_eq!(c.span.slice(&a.doc.text), "committee");
        assert_eq!((c.mention, a.selected), (None, Some(1)));
        // Past the end of a line: nothing changes.
        let short = (0..a.view_height())
            .find(|&l| {
                let line = a.layout.line(l).unwrap();
                crate::app::wrap::line_width(&a.doc.text, line) + 2
                    < usize::from(a.areas.text.width)
            })
            .unwrap();
        let (right, y) = (a.areas.text.right() - 1, a.areas.text.y + short as u16);
        click(&mut a, right, y);
        assert_eq!(a.cursor, Some(c));
    }

    #[test]
    fn moves_and_releases_do_nothing() {
        let mut a = app(12, (120, 30));
        a.message = "kept".into();
        for kind in [
            MouseEventKind::Moved,
            MouseEventKind::Up(MouseButton::Left),
            MouseEventKind::Drag(MouseButton::Left),
        ] {
            update(&mut a, Event::Mouse(mouse(kind, 10, 3)).into());
        }
        assert_eq!(a.message, "kept");
        assert_eq!((a.top, a.cursor), (0, None));
    }

    #[test]
    fn a_click_on_a_tab_opens_it_and_on_an_item_goes_there() {
        let mut a = app(12, (120, 30));
        let side = a.areas.side.unwrap();
        let (labels, gap) = a.tab_labels(usize::from(side.width - 1));
        let quotes_x = side.x + 1 + (labels[0].len() + labels[1].len() + 2 * gap) as u16 + 1;
        click(&mut a, quotes_x, side.y);
        assert_eq!((a.tab, a.focus), (Tab::Quotes, Focus::Side));
        // The first item's heading is the list's first line.
        click(&mut a, side.x + 3, side.y + 2);
        assert_eq!(a.cursor.unwrap().span, a.ann.quotes[0].span);
        assert!(a.message.starts_with("quote 1/"), "{}", a.message);
        // The rule under the tabs does nothing.
        let before = a.cursor;
        click(&mut a, side.x + 3, side.y + 1);
        assert_eq!(a.cursor, before);
    }

    #[test]
    fn a_click_on_the_map_goes_there() {
        let mut a = app(200, (120, 30));
        let map = a.areas.map;
        click(&mut a, map.x, map.bottom() - 1);
        assert_eq!(a.top, a.max_top());
        assert_eq!(a.back.len(), 1, "a jump: <C-o> comes back");
        keys(&mut a, "<C-o>");
        assert_eq!(a.top, 0);
        click(&mut a, map.x, map.y + map.height / 2);
        let mid = a.top + a.view_height() / 2;
        assert!(
            mid.abs_diff(a.layout.len() / 2) <= a.layout.len() / 20,
            "{mid}"
        );
    }

    #[test]
    fn in_the_library_list_the_wheel_moves_and_a_click_opens() {
        let mut a = app(3, (100, 20));
        let dir = tempfile::tempdir().expect("temp dir");
        let entries = ["a", "b", "c"].map(|name| {
            let path = dir.path().join(format!("{name}.txt"));
            std::fs::write(&path, format!("Article {name}: Bob Day spoke.")).expect("write");
            crate::library::Entry::named(&path.to_string_lossy())
        });
        let lib = super::super::library::Library::new(
            "news".into(),
            entries.to_vec(),
            &std::collections::HashMap::new(),
            true,
        );
        a.library = Some(Box::new(lib));
        let wheel = |a: &mut App, kind| update(a, Event::Mouse(mouse(kind, 10, 5)).into());
        wheel(&mut a, MouseEventKind::ScrollDown);
        wheel(&mut a, MouseEventKind::ScrollDown);
        wheel(&mut a, MouseEventKind::ScrollUp);
        let lib = a.library.as_ref().expect("library");
        assert_eq!(lib.list.selected, 1);
        assert!(a.in_library_list(), "the wheel opens nothing");
        // The headings are not articles; the third row is.
        click(&mut a, 10, 1);
        assert!(a.in_library_list());
        click(&mut a, 10, 4);
        assert!(!a.in_library_list(), "{}", a.message);
        assert!(a.doc.text.starts_with("Article c"), "{}", a.doc.text);
        // Below the last article nothing happens.
        keys(&mut a, "L");
        click(&mut a, 10, 12);
        assert!(a.in_library_list());
        assert_eq!(a.library.as_ref().expect("library").list.selected, 2);
    }

    #[test]
    fn words_are_found_around_a_byte() {
        let t = "Kim’s letter, dated 1 June.";
        assert_eq!(word_at(t, 1).slice(t), "Kim’s");
        assert_eq!(word_at(t, 9).slice(t), "letter");
        assert_eq!(word_at(t, 14).slice(t), ",");
        assert_eq!(word_at(t, t.len() - 1).slice(t), ".");
    }
}
