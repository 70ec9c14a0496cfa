//! Commands and typed keys in the open popup, and carrying out the [`Step`] a choice leads to.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::correct;
use super::popup::{InputFor, Picker, Popup, Step};
use super::{App, export, notes};
use crate::command::Command;
use crate::keymap::Key;
use crate::store::Correction;

/// A command of the open popup's mode (prompt, popup, editor).
pub(super) fn command(app: &mut App, command: Command) {
    let Some(popup) = app.popup.take() else {
        return;
    };
    match (popup, command) {
        (Popup::Editor(editor), c) => notes::editor_command(app, editor, c),
        (Popup::Confirm { yes, .. }, Command::PopupYes) => run(app, yes),
        (Popup::Confirm { no, .. }, Command::PopupNo | Command::PopupCancel) => app.message = no,
        (
            Popup::Menu { .. } | Popup::Input { .. } | Popup::Picker(_),
            Command::PromptCancel | Command::PopupCancel,
        ) => {
            app.message = "cancelled".into();
        }
        (Popup::Input { text, purpose, .. }, Command::PromptSubmit) => {
            submit(app, purpose, &text);
        }
        (
            Popup::Input {
                title,
                mut text,
                purpose,
            },
            c,
        ) => {
            match c {
                Command::PromptBackspace => {
                    text.pop();
                }
                Command::PromptClear => text.clear(),
                _ => {}
            }
            app.popup = Some(Popup::Input {
                title,
                text,
                purpose,
            });
        }
        (Popup::Picker(picker), Command::PromptSubmit) => {
            match picker.candidates.get(picker.selected) {
                Some(&into) => correct::merge_into(app, &picker, into),
                None => {
                    app.message = format!(
                        "no actor matches: {} widens the filter",
                        app.keymap.hint(Command::PromptBackspace)
                    );
                    app.popup = Some(Popup::Picker(picker));
                }
            }
        }
        (Popup::Picker(mut picker), c) => {
            let last = picker.candidates.len().saturating_sub(1);
            match c {
                Command::PromptNext => picker.selected = (picker.selected + 1).min(last),
                Command::PromptPrev => picker.selected = picker.selected.saturating_sub(1),
                Command::PromptBackspace => refilter(app, &mut picker, |f| {
                    f.pop();
                }),
                Command::PromptClear => refilter(app, &mut picker, String::clear),
                _ => {}
            }
            app.popup = Some(Popup::Picker(picker));
        }
        (popup, _) => refuse(app, popup),
    }
}

/// A key with no binding in the open popup: text typed into it, or a
/// menu's letter.
pub(super) fn typed(app: &mut App, key: Key) {
    let Some(popup) = app.popup.take() else {
        return;
    };
    let ch = match key.code {
        KeyCode::Char(c) if !key.mods.contains(KeyModifiers::CONTROL) => Some(c),
        _ => None,
    };
    match (popup, ch) {
        (Popup::Editor(editor), _) => notes::editor_typed(app, editor, key),
        (Popup::Menu { items, .. }, Some(c)) if items.iter().any(|i| i.key == c) => {
            if let Some(item) = items.into_iter().find(|i| i.key == c) {
                run(app, item.step);
            }
        }
        (
            Popup::Input {
                title,
                mut text,
                purpose,
            },
            c,
        ) => {
            text.extend(c);
            app.popup = Some(Popup::Input {
                title,
                text,
                purpose,
            });
        }
        (Popup::Picker(mut picker), c) => {
            if let Some(c) = c {
                refilter(app, &mut picker, |f| f.push(c));
            }
            app.popup = Some(Popup::Picker(picker));
        }
        (popup, _) => refuse(app, popup),
    }
}

/// Edits the picker's filter with `edit` and lists the actors again, from the first.
fn refilter(app: &App, picker: &mut Picker, edit: impl FnOnce(&mut String)) {
    edit(&mut picker.filter);
    picker.selected = 0;
    picker.relist(&app.ann);
}

/// A key a menu or a question does not take: it stays open and says which
/// keys it takes.
fn refuse(app: &mut App, popup: Popup) {
    app.message = match &popup {
        Popup::Confirm { .. } => app.keymap.fill("{popup_yes} or {popup_no}"),
        _ => app
            .keymap
            .fill("choose with a key in the menu, or {popup_cancel}"),
    };
    app.popup = Some(popup);
}

/// Carries out `step`.
pub(super) fn run(app: &mut App, step: Step) {
    match step {
        Step::NewNote(_) | Step::EditNote(_) => notes::open_editor(app, step),
        Step::DeleteNote(id) => notes::really_delete(app, &id),
        Step::Correct(c) => correct::apply(app, c),
        Step::AskRename(entity) => correct::ask_rename(app, entity),
        Step::AskKind(entity) => {
            let title = format!("“{}” is a", notes::clip(&entity.name, 30));
            let now = correct::kind_of(app, &entity);
            correct::kind_menu(app, title, now, |kind| {
                Step::Correct(Correction::SetKind {
                    entity: entity.clone(),
                    kind,
                })
            });
        }
        Step::AskMerge(id, entity) => correct::ask_merge(app, id, entity),
        Step::AskNewKind(span) => {
            correct::kind_menu(app, "The new actor is a".into(), None, |kind| {
                Step::AskNewName(span, kind)
            });
        }
        Step::AskNewName(span, kind) => correct::ask_new_name(app, span, kind),
        Step::AskExportPath(format) => export::ask_path(app, format),
        Step::Export(format, path, replace) => export::write(app, format, &path, replace),
        Step::Quit(recover) => notes::quit_anyway(app, recover),
        Step::Ask { question, yes, no } => {
            app.popup = Some(Popup::Confirm {
                question,
                yes: *yes,
                no,
            });
        }
    }
}

/// `<CR>` in a one-line prompt.
fn submit(app: &mut App, purpose: InputFor, text: &str) {
    let text = text.trim();
    match purpose {
        InputFor::Rename(entity) => {
            if text.is_empty() || text == entity.name {
                app.message = "name unchanged".into();
            } else {
                correct::apply(
                    app,
                    Correction::Rename {
                        entity,
                        name: text.to_owned(),
                    },
                );
            }
        }
        InputFor::NewEntity(span, kind) => {
            if text.is_empty() {
                app.message = "an actor needs a name".into();
            } else {
                correct::apply(
                    app,
                    Correction::AddEntity {
                        span,
                        kind,
                        name: text.to_owned(),
                    },
                );
            }
        }
        InputFor::ExportPath(format) => export::submit_path(app, format, text),
        InputFor::TagFilter => notes::set_filter(app, text),
    }
}
