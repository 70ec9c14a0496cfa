//! Keys in the open popup, and carrying out the [`Step`] a choice leads to.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::correct;
use super::popup::{InputFor, Popup, Step};
use super::{App, export, notes};
use crate::keymap::Key;
use crate::store::Correction;

/// A key typed while a popup is open.
pub(super) fn popup_key(app: &mut App, key: Key) {
    let Some(popup) = app.popup.take() else {
        return;
    };
    let ctrl = key.mods.contains(KeyModifiers::CONTROL);
    let cancel = key.code == KeyCode::Esc || (ctrl && key.code == KeyCode::Char('c'));
    match popup {
        Popup::Editor(editor) => notes::editor_key(app, editor, key),
        Popup::Confirm { no, .. } if cancel => app.message = no,
        _ if cancel => app.message = "cancelled".into(),
        Popup::Menu { title, items } => match key.code {
            KeyCode::Char(c) if !ctrl && items.iter().any(|i| i.key == c) => {
                if let Some(item) = items.into_iter().find(|i| i.key == c) {
                    run(app, item.step);
                }
            }
            _ => {
                app.message = "choose with a key in the menu, or Esc".into();
                app.popup = Some(Popup::Menu { title, items });
            }
        },
        Popup::Input {
            title,
            mut text,
            purpose,
        } => {
            match key.code {
                KeyCode::Enter => return submit(app, purpose, &text),
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char('u') if ctrl => text.clear(),
                KeyCode::Char(c) if !ctrl => text.push(c),
                _ => {}
            }
            app.popup = Some(Popup::Input {
                title,
                text,
                purpose,
            });
        }
        Popup::Picker(mut picker) => {
            let n = picker.candidates.len();
            match key.code {
                KeyCode::Enter => {
                    match picker.candidates.get(picker.selected) {
                        Some(&into) => correct::merge_into(app, &picker, into),
                        None => {
                            app.message = "no actor matches: Backspace widens the filter".into();
                            app.popup = Some(Popup::Picker(picker));
                        }
                    }
                    return;
                }
                KeyCode::Down | KeyCode::Tab => {
                    picker.selected = (picker.selected + 1).min(n.saturating_sub(1));
                }
                KeyCode::Char('n') if ctrl => {
                    picker.selected = (picker.selected + 1).min(n.saturating_sub(1));
                }
                KeyCode::Up | KeyCode::BackTab => {
                    picker.selected = picker.selected.saturating_sub(1);
                }
                KeyCode::Char('p') if ctrl => picker.selected = picker.selected.saturating_sub(1),
                KeyCode::Backspace => {
                    picker.filter.pop();
                    picker.selected = 0;
                    picker.relist(&app.ann);
                }
                KeyCode::Char(c) if !ctrl => {
                    picker.filter.push(c);
                    picker.selected = 0;
                    picker.relist(&app.ann);
                }
                _ => {}
            }
            app.popup = Some(Popup::Picker(picker));
        }
        Popup::Confirm { question, yes, no } => match key.code {
            KeyCode::Char('y' | 'Y') => run(app, yes),
            KeyCode::Char('n' | 'N') => app.message = no,
            _ => {
                app.message = "y or n".into();
                app.popup = Some(Popup::Confirm { question, yes, no });
            }
        },
    }
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
