//! Corrections from the reader (`C`): a menu of what can be corrected at
//! the selection or the entity at the cursor, and the prompts each needs.
//! A correction is kept in the sidecar and applied on top of the
//! annotator's output at once.

use super::notes::{clip, refresh, report};
use super::popup::{InputFor, MenuItem, Picker, Popup, Step};
use super::view::entity_summary;
use super::visual::Visual;
use super::{ActorRow, App, Command, Focus, Tab};
use crate::model::{EntityId, EntityKind, Span};
use crate::store::{Anchor, Correction, EntityRef};

/// The keys of the kinds in the kind menu.
const KINDS: [(char, EntityKind); 3] = [
    ('p', EntityKind::Person),
    ('o', EntityKind::Organization),
    ('l', EntityKind::Place),
];

/// The entity a correction is about, and the mention it was reached by:
/// the actor highlighted in the Actors tab while it has the keyboard; else
/// the one under the cursor when the cursor is on screen (none when the
/// cursor is on no mention); else the selected one.
fn entity_here(app: &App) -> Option<(EntityId, Option<usize>)> {
    if app.focus == Focus::Side && app.tab == Tab::Actors {
        let row = app.lists[Tab::Actors.index()].selected;
        if let Some(&ActorRow::Entity(e)) = app.actor_rows.get(row) {
            return Some((e, None));
        }
    }
    if app.cursor_on_screen().is_some() {
        let m = app.mention_under_cursor()?;
        return Some((app.ann.mentions.get(m)?.entity, Some(m)));
    }
    app.selected.map(|e| (e, None))
}

/// `C`: the correction menu.
pub(super) fn menu(app: &mut App) {
    if let Some(v) = app.visual {
        selection_menu(app, v);
        return;
    }
    let Some((e, m)) = entity_here(app) else {
        app.message = app.keymap.fill(
            "{correct} corrects the actor at the cursor ({next_entity_mention}, {next_mention}) \
             or in the Actors tab; {select_text} selects text to add one",
        );
        return;
    };
    let Some(entity) = EntityRef::new(&app.doc.text, &app.ann, e, m) else {
        return;
    };
    let items = actor_items(app, e, m, entity);
    app.popup = Some(Popup::Menu {
        title: format!("Correct the actor {}", entity_summary(app, e)),
        items,
    });
}

/// The correction menu over the text selection `v`: adding an actor there.
fn selection_menu(app: &mut App, v: Visual) {
    let text = &app.doc.text;
    let Some(span) = v.trimmed(text) else {
        app.message = "nothing but white space is selected".into();
        return;
    };
    app.popup = Some(Popup::Menu {
        title: format!("Correct: “{}”", clip(span.slice(text), 40)),
        items: vec![MenuItem {
            key: 'a',
            label: "add an actor here (its other occurrences follow)".into(),
            step: Step::AskNewKind(span),
        }],
    });
}

/// The correction menu's items for actor `e` (`entity`), reached by its
/// mention `m` if any: rename, change its kind, merge, detach or remove that
/// mention, remove the actor.
fn actor_items(app: &App, e: EntityId, m: Option<usize>, entity: EntityRef) -> Vec<MenuItem> {
    let text = &app.doc.text;
    let ent = &app.ann.entities[e];
    let name = clip(&ent.name, 30);
    let kind = ent.kind;
    let n = ent.mentions.len();
    let mut items = vec![
        MenuItem {
            key: 'r',
            label: format!("rename “{name}”"),
            step: Step::AskRename(entity.clone()),
        },
        MenuItem {
            key: 'k',
            label: format!("change its kind (now {})", kind.as_str()),
            step: Step::AskKind(entity.clone()),
        },
        MenuItem {
            key: 'm',
            label: format!("merge “{name}” into another actor…"),
            step: Step::AskMerge(e, entity.clone()),
        },
    ];
    if let Some(m) = m
        && let Some(mention) = Anchor::new(text, app.ann.mentions[m].span)
    {
        let exact = clip(&mention.exact, 24);
        if n > 1 {
            items.push(MenuItem {
                key: 'd',
                label: format!("detach this mention “{exact}” into an actor of its own"),
                step: Step::Correct(Correction::Detach {
                    mention: mention.clone(),
                }),
            });
        }
        items.push(MenuItem {
            key: 'x',
            label: format!("remove the mention “{exact}” (not an actor)"),
            step: Step::Correct(Correction::RemoveMention { mention }),
        });
    }
    let all = format!(
        "{name} and its {n} mention{}",
        if n == 1 { "" } else { "s" }
    );
    items.push(MenuItem {
        key: 'X',
        label: format!("remove the actor {all}…"),
        step: Step::Ask {
            question: format!("Remove the actor {all}?"),
            yes: Box::new(Step::Correct(Correction::RemoveEntity { entity })),
            no: format!("{name} kept"),
        },
    });
    items
}

/// The kind menu for an existing entity (its kind now marked) or a new one.
pub(super) fn kind_menu(
    app: &mut App,
    title: String,
    now: Option<EntityKind>,
    step: impl Fn(EntityKind) -> Step,
) {
    app.popup = Some(Popup::Menu {
        title,
        items: KINDS
            .iter()
            .map(|&(key, kind)| MenuItem {
                key,
                label: if now == Some(kind) {
                    format!("{} (now)", kind.as_str())
                } else {
                    kind.as_str().to_owned()
                },
                step: step(kind),
            })
            .collect(),
    });
}

/// The kind of the entity `entity` names now.
pub(super) fn kind_of(app: &App, entity: &EntityRef) -> Option<EntityKind> {
    let m = app.ann.mention_at(entity.mention.span()?.start)?;
    Some(app.ann.entities[app.ann.mentions[m].entity].kind)
}

/// Asks for the new name of `entity`, prefilled with its name.
pub(super) fn ask_rename(app: &mut App, entity: EntityRef) {
    app.popup = Some(Popup::Input {
        title: format!("Rename “{}” to", clip(&entity.name, 30)),
        text: entity.name.clone(),
        purpose: InputFor::Rename(entity),
    });
}

/// Asks for the name of a new entity of `kind` on `span`, prefilled with its text.
pub(super) fn ask_new_name(app: &mut App, span: Span, kind: EntityKind) {
    let text = &app.doc.text;
    let Some(anchor) = Anchor::new(text, span) else {
        return;
    };
    let name = span
        .slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    app.popup = Some(Popup::Input {
        title: format!("Name of the new {}", kind.as_str()),
        text: name,
        purpose: InputFor::NewEntity(anchor, kind),
    });
}

/// Opens the picker of the entity to merge entity `from_id` into.
pub(super) fn ask_merge(app: &mut App, from_id: EntityId, from: EntityRef) {
    if app.ann.entities.len() < 2 {
        app.message = "there is no other actor to merge into".into();
        return;
    }
    app.popup = Some(Popup::Picker(Picker::new(from, from_id, &app.ann)));
}

/// Merges the picker's entity into entity `into`.
pub(super) fn merge_into(app: &mut App, picker: &Picker, into: EntityId) {
    let Some(into) = EntityRef::new(&app.doc.text, &app.ann, into, None) else {
        return;
    };
    apply(
        app,
        Correction::Merge {
            entity: picker.from.clone(),
            into,
        },
    );
}

/// Makes `correction` and shows it everywhere at once.
pub(super) fn apply(app: &mut App, correction: Correction) {
    let what = correction.describe();
    match app.store.correct(correction) {
        Ok(saved) => {
            app.visual = None;
            refresh(app);
            let undo = app.keymap.hint(Command::Undo);
            report(app, format!("{what} · {undo} undoes"), saved);
        }
        Err(e) => app.message = e.to_string(),
    }
}
