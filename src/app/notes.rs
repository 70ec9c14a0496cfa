//! Notes in the reader: what `a` attaches a note to, the editor, the Notes
//! tab's rows and filter, `]n` / `[n`, deleting, undo and redo, and taking
//! in a sidecar changed on disk. Every change to the store re-applies the
//! corrections ([`refresh`]); the article is never annotated again.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui_textarea::{Input, Key as TaKey};

use super::popup::{Editor, InputFor, MenuItem, Popup, Step};
use super::view::{item_span, jump_to, open_tab, resize, scroll_into_view, select_row};
use super::{ActorRow, App, Cursor, Focus, Noted, Tab, actor_rows};
use crate::command::Command;
use crate::keymap::Key;
use crate::model::Span;
use crate::store::{Note, Ref, Saved, Target, TargetKind};

/// The Notes tab's rows: notes placed in the text in text order, then
/// orphans, those without the filter's tag left out.
pub(super) fn rows(app: &App) -> Vec<usize> {
    let filter = app.note_filter.to_lowercase();
    let notes = app.store.notes();
    let keep =
        |n: &Note| filter.is_empty() || n.tags.iter().any(|t| t.to_lowercase().contains(&filter));
    let mut placed: Vec<(Span, usize)> = notes
        .iter()
        .enumerate()
        .filter(|(_, n)| keep(n))
        .filter_map(|(i, n)| Some((n.target.anchor.span()?, i)))
        .collect();
    placed.sort();
    let mut out: Vec<usize> = placed.into_iter().map(|(_, i)| i).collect();
    out.extend(
        notes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.is_orphan() && keep(n))
            .map(|(i, _)| i),
    );
    out
}

/// After a change to the notes or corrections: apply the corrections to
/// the annotator's output again and bring the lists, the selection and the
/// cursor up to date.
pub(super) fn refresh(app: &mut App) {
    app.ann = app.store.annotations(&app.auto);
    app.noted = Noted::new(&app.store, &app.ann);
    if let Some(Popup::Picker(picker)) = &mut app.popup {
        picker.relist(&app.ann);
    }
    app.actor_rows = actor_rows(&app.ann);
    app.note_rows = rows(app);
    if app.selected.is_some_and(|e| e >= app.ann.entities.len()) {
        app.selected = None;
    }
    if let Some(c) = app.cursor
        && c.mention.is_some()
    {
        app.cursor = Some(match app.ann.mention_at(c.span.start) {
            Some(m) => Cursor {
                span: app.ann.mentions[m].span,
                mention: Some(m),
            },
            None => Cursor {
                span: c.span,
                mention: None,
            },
        });
    }
    for tab in Tab::ALL {
        let len = app.list_len(tab);
        let list = &mut app.lists[tab.index()];
        list.selected = list.selected.min(len.saturating_sub(1));
        list.offset = list.offset.min(list.selected);
    }
    let (w, h) = (app.areas.screen.width, app.areas.screen.height);
    resize(app, w, h);
}

/// The status line after a change: what was done, and where it was saved
/// the first time (or why it was not).
pub(super) fn report(app: &mut App, what: String, saved: Saved) {
    app.message = match &saved {
        Saved::Written { merge: Some(_), .. } | Saved::Failed(_) => {
            format!("{what} · {}", saved.message())
        }
        // Why was said once, when the reader opened; the notes stay in
        // memory and `q` offers to write them elsewhere.
        Saved::ReadOnly(_) => format!("{what} · not saved"),
        Saved::Written { path, merge: None } if !app.told_where => {
            app.told_where = true;
            format!("{what} · notes: {}", home_relative(path))
        }
        Saved::Off if !app.told_where => {
            app.told_where = true;
            format!("{what} · {}", saved.message())
        }
        _ => what,
    };
}

/// `path` with the home folder written `~`.
pub(super) fn home_relative(path: &std::path::Path) -> String {
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && let Ok(rest) = path.strip_prefix(&home)
    {
        return format!("~/{}", rest.display());
    }
    path.display().to_string()
}

/// The first line of `s`, cut to `n` characters with `…`.
pub(super) fn clip(s: &str, n: usize) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    if line.chars().count() <= n && !s.trim().contains('\n') {
        return line.to_owned();
    }
    let mut out: String = line.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// What a note on `target` is on, for titles and menus.
pub(super) fn describe_target(app: &App, target: &Target) -> String {
    let exact = clip(&target.anchor.exact, 40);
    match (target.kind, target.resolve(&app.ann)) {
        (TargetKind::Entity, Some(Ref::Entity(e))) => {
            let ent = &app.ann.entities[e];
            let n = ent.mentions.len();
            format!(
                "the actor {} ({n} mention{})",
                clip(&ent.name, 40),
                if n == 1 { "" } else { "s" }
            )
        }
        (TargetKind::Entity, _) => format!("the actor at “{exact}”"),
        (TargetKind::Mention, _) => format!("the mention “{exact}”"),
        (TargetKind::Commitment, _) => format!("the commitment “{exact}”"),
        (TargetKind::Quote, _) => format!("the quote “{exact}”"),
        (TargetKind::Span, _) => format!("“{exact}”"),
    }
}

/// The ids of the notes on the same thing as `target`.
fn notes_on(app: &App, target: &Target) -> Vec<String> {
    let here = target.resolve(&app.ann);
    app.store
        .notes()
        .iter()
        .filter(|n| {
            n.target.kind == target.kind
                && match target.kind {
                    TargetKind::Span | TargetKind::Mention => {
                        n.target.anchor.span() == target.anchor.span()
                    }
                    _ => here.is_some() && n.target.resolve(&app.ann) == here,
                }
        })
        .map(|n| n.id.clone())
        .collect()
}

/// A menu item editing note `id`, chosen with `key`.
fn edit_item(app: &App, id: &str, key: char) -> Option<MenuItem> {
    let note = app.store.note(id)?;
    Some(MenuItem {
        key,
        label: format!("edit {id}: {}", clip(&note.body, 36)),
        step: Step::EditNote(id.to_owned()),
    })
}

/// A note on `target`: the editor at once, or a menu when notes on it exist.
fn note_on(app: &mut App, target: Target) {
    let existing = notes_on(app, &target);
    if existing.is_empty() {
        open_editor(app, Step::NewNote(target));
        return;
    }
    let mut items = vec![MenuItem {
        key: 'n',
        label: format!("a new note on {}", describe_target(app, &target)),
        step: Step::NewNote(target),
    }];
    items.extend(
        existing
            .iter()
            .zip(['e', '2', '3', '4', '5'])
            .filter_map(|(id, k)| edit_item(app, id, k)),
    );
    app.popup = Some(Popup::Menu {
        title: "Note".into(),
        items,
    });
}

/// `a`: a note on the selection; on the cursor's mention (asking: this
/// mention or its actor); on the side pane's item; or edit one.
pub(super) fn add_note(app: &mut App) {
    let text = &app.doc.text;
    if let Some(v) = app.visual.take() {
        match v.trimmed(text).and_then(|s| Target::span(text, s)) {
            Some(t) => note_on(app, t),
            None => app.message = "nothing but white space is selected".into(),
        }
        return;
    }
    if app.focus == Focus::Side {
        let row = app.lists[app.tab.index()].selected;
        let target = match app.tab {
            Tab::Actors => match app.actor_rows.get(row) {
                Some(&ActorRow::Entity(e)) => Target::entity(text, &app.ann, e, None),
                _ => None,
            },
            Tab::Commitments => Target::commitment(text, &app.ann, row),
            Tab::Quotes => Target::quote(text, &app.ann, row),
            Tab::Notes => {
                if let Some(id) = selected_note(app) {
                    open_editor(app, Step::EditNote(id));
                } else {
                    app.message = app
                        .keymap
                        .fill("no notes yet · {select_text} selects text, {add_note} notes it");
                }
                return;
            }
        };
        match target {
            Some(t) => note_on(app, t),
            None => app.message = "nothing selected here to note".into(),
        }
        return;
    }
    let (_, visible) = app.reading_pos();
    let Some(cursor) = app.cursor.filter(|_| visible) else {
        app.message = app.keymap.fill(
            "{select_text} selects text to note; or put the cursor on a mention \
             ({next_entity_mention}, {next_mention})",
        );
        return;
    };
    match cursor.mention {
        Some(m) => mention_menu(app, m),
        None => {
            let item = (0..app.ann.commitments.len())
                .find(|&i| item_span(app, Tab::Commitments, i) == Some(cursor.span))
                .and_then(|i| Target::commitment(text, &app.ann, i))
                .or_else(|| {
                    let q = app.ann.quotes.iter().position(|q| q.span == cursor.span)?;
                    Target::quote(text, &app.ann, q)
                })
                .or_else(|| Target::span(text, cursor.span));
            match item {
                Some(t) => note_on(app, t),
                None => app.message = "nothing here to note".into(),
            }
        }
    }
}

/// `a` on a mention: this mention, or its actor; or edit a note there.
fn mention_menu(app: &mut App, m: usize) {
    let text = &app.doc.text;
    let e = app.ann.mentions[m].entity;
    let (Some(on_mention), Some(on_entity)) = (
        Target::mention(text, &app.ann, m),
        Target::entity(text, &app.ann, e, Some(m)),
    ) else {
        return;
    };
    let mut items = vec![
        MenuItem {
            key: 'm',
            label: describe_target(app, &on_mention).replacen("the mention", "this mention", 1),
            step: Step::NewNote(on_mention),
        },
        MenuItem {
            key: 'a',
            label: format!("{}, shown at all of them", describe_target(app, &on_entity)),
            step: Step::NewNote(on_entity),
        },
    ];
    let ids: Vec<String> = app
        .store
        .notes_at_mention(&app.ann, m)
        .iter()
        .map(|n| n.id.clone())
        .collect();
    items.extend(
        ids.iter()
            .zip(['e', '2', '3', '4', '5'])
            .filter_map(|(id, k)| edit_item(app, id, k)),
    );
    app.popup = Some(Popup::Menu {
        title: "Note on".into(),
        items,
    });
}

/// Shows the passage of the note selected in the Notes tab in the article
/// (the cursor on it; not a jump to come back from).
pub(super) fn show_selected(app: &mut App) {
    let row = app.lists[Tab::Notes.index()].selected;
    let Some(note) = app
        .note_rows
        .get(row)
        .and_then(|&i| app.store.notes().get(i))
    else {
        return;
    };
    match note.target.anchor.span() {
        Some(span) => {
            app.message = format!("{} · {}", note.id, edit_hint(app));
            app.cursor = Some(Cursor {
                span,
                mention: None,
            });
            scroll_into_view(app, span);
        }
        None => {
            app.message = format!(
                "{} is an orphan: its passage is no longer in the text · {}",
                note.id,
                edit_hint(app)
            );
        }
    }
}

/// The id of the note selected in the Notes tab.
fn selected_note(app: &App) -> Option<String> {
    let row = app.lists[Tab::Notes.index()].selected;
    let i = *app.note_rows.get(row)?;
    Some(app.store.notes().get(i)?.id.clone())
}

/// Opens the editor: on a new note (`Step::NewNote`) or note `id` (`Step::EditNote`).
pub(super) fn open_editor(app: &mut App, step: Step) {
    let editor = match step {
        Step::NewNote(target) => {
            let about = describe_target(app, &target);
            Editor::new(None, Some(target), about, "", "")
        }
        Step::EditNote(id) => {
            let Some(note) = app.store.note(&id) else {
                app.message = format!("note {id} is gone");
                return;
            };
            let about = describe_target(app, &note.target);
            let (body, tags) = (note.body.clone(), note.tags.join(", "));
            Editor::new(Some(id), None, about, &body, &tags)
        }
        _ => return,
    };
    app.popup = Some(Popup::Editor(Box::new(editor)));
}

/// "Enter edits · d deletes", with the keys bound to that.
fn edit_hint(app: &App) -> String {
    app.keymap.fill("{activate} edits · {delete_note} deletes")
}

/// A command of the note editor (or, while it asks whether to discard the
/// draft, of that question).
pub(super) fn editor_command(app: &mut App, mut editor: Box<Editor>, command: Command) {
    if editor.confirm_discard {
        if command == Command::PopupYes {
            app.message = "draft discarded".into();
        } else {
            editor.confirm_discard = false;
            app.popup = Some(Popup::Editor(editor));
        }
        return;
    }
    match command {
        Command::EditorCancel => {
            if editor.changed() {
                editor.confirm_discard = true;
                app.popup = Some(Popup::Editor(editor));
            } else {
                app.message = "no change".into();
            }
            return;
        }
        Command::EditorSave => return save(app, editor),
        Command::EditorSwitch => {
            editor.on_tags = !editor.on_tags;
        }
        _ => {}
    }
    app.popup = Some(Popup::Editor(editor));
}

/// A key with no binding in the note editor: typed into the field that has
/// the keyboard (`<CR>` in the one-line tags field saves).
pub(super) fn editor_typed(app: &mut App, mut editor: Box<Editor>, key: Key) {
    if editor.confirm_discard {
        return editor_command(app, editor, Command::PopupNo);
    }
    let input = textarea_input(key);
    if editor.on_tags {
        if input.key == TaKey::Enter {
            return save(app, editor);
        }
        editor.tags.input(input);
    } else {
        editor.body.input(input);
    }
    app.popup = Some(Popup::Editor(editor));
}

/// Our key as the text area's input.
fn textarea_input(key: Key) -> Input {
    let k = match key.code {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        KeyCode::F(n) => TaKey::F(n),
        _ => TaKey::Null,
    };
    Input {
        key: k,
        ctrl: key.mods.contains(KeyModifiers::CONTROL),
        alt: key.mods.contains(KeyModifiers::ALT),
        shift: key.mods.contains(KeyModifiers::SHIFT),
    }
}

/// `<C-s>`: saves the note and closes the editor (an empty body is not saved).
fn save(app: &mut App, editor: Box<Editor>) {
    let body = editor.body_text().trim_end().to_owned();
    if body.trim().is_empty() {
        app.message = app
            .keymap
            .fill("the note is empty: write something, or {editor_cancel} to cancel");
        app.popup = Some(Popup::Editor(editor));
        return;
    }
    let tags = editor.tag_list();
    let result = match (&editor.note, editor.target.clone()) {
        (Some(id), _) => app
            .store
            .edit_note(id, &body, tags)
            .map(|s| (format!("saved note {id}"), s)),
        (None, Some(target)) => app
            .store
            .add_note(target, &body, tags)
            .map(|(id, s)| (format!("added note {id}"), s)),
        (None, None) => return,
    };
    match result {
        Ok((what, saved)) => {
            refresh(app);
            report(app, what, saved);
        }
        Err(e) => app.message = e.to_string(),
    }
}

/// `d`: asks, then deletes the note selected in the Notes tab.
pub(super) fn delete_note(app: &mut App) {
    if app.focus != Focus::Side || app.tab != Tab::Notes {
        app.message = app
            .keymap
            .fill("{delete_note} deletes the note selected in the Notes tab ({tab_notes})");
        return;
    }
    let Some(id) = selected_note(app) else {
        app.message = "no note to delete".into();
        return;
    };
    let body = app
        .store
        .note(&id)
        .map_or(String::new(), |n| clip(&n.body, 30));
    app.popup = Some(Popup::Confirm {
        question: format!("Delete note {id} “{body}”?"),
        yes: Step::DeleteNote(id.clone()),
        no: format!("note {id} kept"),
    });
}

/// Deletes note `id` (after `y`).
pub(super) fn really_delete(app: &mut App, id: &str) {
    match app.store.delete_note(id) {
        Ok(saved) => {
            refresh(app);
            let undo = app.keymap.hint(Command::Undo);
            report(app, format!("deleted note {id} · {undo} undoes"), saved);
        }
        Err(e) => app.message = e.to_string(),
    }
}

/// `f`: asks for the tag to show notes of.
pub(super) fn filter_prompt(app: &mut App) {
    let mut tags: Vec<&str> = app
        .store
        .notes()
        .iter()
        .flat_map(|n| n.tags.iter().map(String::as_str))
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let title = if tags.is_empty() {
        "Show notes tagged (no tags yet; empty: all notes)".to_owned()
    } else {
        format!(
            "Show notes tagged ({}; empty: all)",
            clip(&tags.join(", "), 40)
        )
    };
    app.popup = Some(Popup::Input {
        title,
        text: app.note_filter.clone(),
        purpose: InputFor::TagFilter,
    });
}

/// Filters the Notes tab by `tag`.
pub(super) fn set_filter(app: &mut App, tag: &str) {
    app.note_filter = tag.trim().to_owned();
    app.note_rows = rows(app);
    app.lists[Tab::Notes.index()] = Default::default();
    open_tab(app, Tab::Notes);
    let total = app.store.notes().len();
    app.message = if app.note_filter.is_empty() {
        format!("all {total} notes")
    } else {
        format!(
            "{} of {total} notes tagged “{}” · {} changes the filter",
            app.note_rows.len(),
            app.note_filter,
            app.keymap.hint(Command::FilterNotes)
        )
    };
}

/// `]n` / `[n`: the next or previous note in the article, wrapping.
pub(super) fn walk_notes(app: &mut App, forward: bool) {
    let placed: Vec<(usize, Span)> = app
        .note_rows
        .iter()
        .enumerate()
        .filter_map(|(row, &i)| Some((row, app.store.notes().get(i)?.target.anchor.span()?)))
        .collect();
    let n = placed.len();
    if n == 0 {
        app.message = if app.note_filter.is_empty() {
            app.keymap
                .fill("no notes in the text yet · {select_text} selects text, {add_note} notes it")
        } else {
            format!("no notes tagged “{}” in the text", app.note_filter)
        };
        return;
    }
    let (pos, visible) = app.reading_pos();
    let current = app
        .cursor
        .filter(|_| visible)
        .and_then(|c| placed.iter().position(|&(_, s)| s == c.span));
    let (k, wrapped) = match (current, forward) {
        (Some(k), true) => ((k + 1) % n, k + 1 == n),
        (Some(k), false) => ((k + n - 1) % n, k == 0),
        (None, true) => placed
            .iter()
            .position(|&(_, s)| s.start >= pos)
            .map_or((0, true), |k| (k, false)),
        (None, false) => placed
            .iter()
            .rposition(|&(_, s)| s.start < pos)
            .map_or((n - 1, true), |k| (k, false)),
    };
    let (row, span) = placed[k];
    jump_to(
        app,
        Cursor {
            span,
            mention: None,
        },
    );
    select_row(app, Tab::Notes, row);
    let note = &app.store.notes()[app.note_rows[row]];
    app.message = format!(
        "note {}/{n} · {} · {}",
        k + 1,
        note.id,
        clip(&note.body, 50)
    );
    if wrapped && n > 1 {
        app.message += " · wrapped";
    }
}

/// `u` / `<C-r>`: undoes or redoes the last note or correction change.
pub(super) fn undo(app: &mut App, redo: bool) {
    let can = if redo {
        app.store.can_redo()
    } else {
        app.store.can_undo()
    };
    if !can {
        app.message = if redo {
            "nothing to redo".into()
        } else {
            "nothing to undo".into()
        };
        return;
    }
    let result = if redo {
        app.store.redo()
    } else {
        app.store.undo()
    };
    match result {
        Ok((what, saved)) => {
            refresh(app);
            let verb = if redo { "redid" } else { "undid" };
            report(app, format!("{verb}: {what}"), saved);
        }
        Err(e) => app.message = e.to_string(),
    }
}

/// The annotator's output arrived (it ran in the background): show the
/// highlights and lists, keeping the place and the notes.
pub(super) fn annotated(app: &mut App, auto: crate::model::Annotations) {
    app.auto = auto;
    app.annotating = None;
    refresh(app);
    if app.message.is_empty() || app.message == super::start_hint(&app.keymap) {
        app.message = "annotation finished: actors are highlighted".into();
    }
}

/// The background annotator stopped without annotations: the article stays
/// readable, without highlights, and the reader says so.
pub(super) fn annotation_failed(app: &mut App) {
    app.annotating = None;
    app.message = "the annotator stopped: no highlights for this article".into();
}

/// The sidecar changed on disk: merge its changes in.
pub(super) fn reload(app: &mut App) {
    match app.store.reload() {
        Ok(Some(report)) => {
            refresh(app);
            let mut msg = "notes changed on disk: taken in".to_owned();
            for (theirs, ours) in &report.conflicts {
                msg += &format!("; {theirs} was edited on both sides: yours is now {ours}");
            }
            app.message = msg;
        }
        Ok(None) => {}
        Err(e) => app.message = e.to_string(),
    }
}

/// `q`: quits, unless notes or corrections could not be saved (a read-only
/// or unparsable sidecar, a folder gloss cannot write): then asks whether
/// to write them to a recovery file in the data folder, quit and lose
/// them, or stay (`Esc`).
pub(super) fn quit(app: &mut App) {
    let Some(unsaved) = app.store.unsaved() else {
        app.quit = true;
        return;
    };
    let mut items = Vec::new();
    if let Some(path) = app.store.recovery_path() {
        items.push(MenuItem {
            key: 'w',
            label: format!("write them to {}", home_relative(&path)),
            step: Step::Quit(true),
        });
    }
    items.push(MenuItem {
        key: 'q',
        label: "quit and lose them".into(),
        step: Step::Quit(false),
    });
    app.popup = Some(Popup::Menu {
        title: format!(
            "{} not saved ({}: stay)",
            unsaved.describe(),
            app.keymap.hint(Command::PopupCancel)
        ),
        items,
    });
}

/// The process was told to end: a note being written is saved (if it has
/// any text), changes that could not be saved go to a recovery file, and
/// the reader quits, with no question asked since nobody may be there to
/// answer it. What happened is the farewell line.
pub(super) fn terminated(app: &mut App) {
    if let Some(Popup::Editor(editor)) = app.popup.take()
        && !editor.body_text().trim().is_empty()
    {
        save(app, editor);
    }
    if app.store.unsaved().is_some() {
        app.farewell = Some(match app.store.write_recovery() {
            Ok(path) => format!("notes not saved were written to {}", path.display()),
            Err(e) => format!("notes not saved are lost: {e}"),
        });
    }
    app.quit = true;
}

/// The answer to [`quit`]'s question: write the recovery file and quit
/// (staying, with the reason, when it cannot be written), or just quit.
pub(super) fn quit_anyway(app: &mut App, recover: bool) {
    if !recover {
        app.quit = true;
        return;
    }
    match app.store.write_recovery() {
        Ok(path) => {
            app.message = format!("notes written to {}", home_relative(&path));
            app.farewell = Some(format!(
                "notes not saved were written to {}",
                path.display()
            ));
            app.quit = true;
        }
        Err(e) => app.message = format!("not quitting: {e}"),
    }
}
