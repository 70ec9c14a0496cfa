//! Tests of `update` for notes, corrections, undo and export, on the small
//! article of [`super::tests`] (Ann in every paragraph, Bob in every third),
//! with the store in memory.

use super::popup::Popup;
use super::tests::{app, keys, themes};
use super::*;
use crate::store::TargetKind;

fn editor(a: &App) -> &popup::Editor {
    match &a.popup {
        Some(Popup::Editor(e)) => e,
        other => panic!("no editor open: {other:?}"),
    }
}

#[test]
fn a_selection_becomes_a_note_with_body_and_tags() {
    let mut a = app(4, (100, 30));
    keys(&mut a, "/committee<CR>ve");
    let v = a.visual.expect("selecting");
    assert_eq!(v.span(&a.doc.text).slice(&a.doc.text), "committee about");
    keys(&mut a, "a");
    assert!(a.visual.is_none());
    assert!(editor(&a).about.contains("committee about"));
    keys(&mut a, "Budget?<CR>later<Tab>a, b, a<C-s>");
    assert!(a.popup.is_none(), "{}", a.message);
    let notes = a.store.notes();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].body, "Budget?\nlater");
    assert_eq!(notes[0].tags, ["a", "b"]);
    assert_eq!(notes[0].target.kind, TargetKind::Span);
    assert_eq!(notes[0].target.anchor.exact, "committee about");
    assert_eq!(a.note_rows, [0]);
    assert!(a.message.starts_with("added note n1"), "{}", a.message);
}

#[test]
fn escape_asks_before_a_draft_is_dropped() {
    let mut a = app(2, (100, 30));
    keys(&mut a, "/budget<CR>va<Esc>");
    assert!(a.popup.is_none(), "an untouched editor closes at once");
    keys(&mut a, "/budget<CR>vaDraft<Esc>");
    assert!(editor(&a).confirm_discard);
    keys(&mut a, "n");
    assert!(!editor(&a).confirm_discard);
    assert_eq!(editor(&a).body_text(), "Draft");
    keys(&mut a, "<Esc>y");
    assert!(a.popup.is_none());
    assert!(a.store.notes().is_empty());
    keys(&mut a, "/budget<CR>va   <C-s>");
    assert!(a.popup.is_some(), "an empty note is not saved");
}

#[test]
fn being_told_to_end_saves_the_note_being_written_and_quits() {
    let mut a = app(2, (100, 30));
    keys(&mut a, "/budget<CR>vaWritten in a hurry");
    update(&mut a, Event::Terminated.into());
    assert!(a.quit);
    assert!(a.popup.is_none());
    assert_eq!(a.store.notes().len(), 1);
    assert_eq!(a.store.notes()[0].body, "Written in a hurry");
    assert_eq!(a.farewell, None, "everything was saved");
    // An empty draft is nothing to keep, and a menu is simply closed.
    let mut a = app(2, (100, 30));
    keys(&mut a, "/budget<CR>va   ");
    update(&mut a, Event::Terminated.into());
    assert!(a.quit);
    assert!(a.store.notes().is_empty());
}

#[test]
fn a_on_a_mention_asks_mention_or_actor_and_then_offers_edit() {
    let mut a = app(3, (100, 30));
    keys(&mut a, "]ea");
    assert!(matches!(&a.popup, Some(Popup::Menu { items, .. }) if items.len() == 2));
    keys(&mut a, "aOn Ann<C-s>");
    assert_eq!(a.store.notes()[0].target.kind, TargetKind::Entity);
    // The actor's note shows in the Actors tab too.
    keys(&mut a, "]ea");
    let Some(Popup::Menu { items, .. }) = &a.popup else {
        panic!("menu");
    };
    assert!(items.iter().any(|i| i.key == 'e'));
    keys(&mut a, "e");
    assert_eq!(editor(&a).note.as_deref(), Some("n1"));
    keys(&mut a, " again<C-s>");
    assert_eq!(a.store.notes()[0].body, "On Ann again");
    assert_eq!(a.store.notes().len(), 1);
}

#[test]
fn the_notes_tab_edits_deletes_filters_and_undo_brings_back() {
    let mut a = app(6, (100, 30));
    keys(&mut a, "/budget<CR>vaone<Tab>todo<C-s>");
    keys(&mut a, "/while<CR>vatwo<C-s>");
    assert_eq!(a.note_rows.len(), 2);
    keys(&mut a, "ftodo<CR>");
    assert_eq!(a.note_rows.len(), 1);
    assert_eq!(a.tab, Tab::Notes);
    keys(&mut a, "f<C-u><CR>");
    assert_eq!(a.note_rows.len(), 2);
    keys(&mut a, "4<Tab><CR>");
    assert_eq!(editor(&a).note.as_deref(), Some("n1"));
    keys(&mut a, "<Esc>d");
    assert!(matches!(a.popup, Some(Popup::Confirm { .. })));
    keys(&mut a, "n");
    assert_eq!(a.store.notes().len(), 2);
    keys(&mut a, "dy");
    assert_eq!(a.store.notes().len(), 1);
    keys(&mut a, "u");
    assert_eq!(a.store.notes().len(), 2);
    assert_eq!(a.message, "undid: delete note n1");
    keys(&mut a, "<C-r>");
    assert_eq!(a.store.notes().len(), 1);
    assert!(a.message.starts_with("redid: delete note n1"));
    keys(&mut a, "<C-r>");
    assert_eq!(a.message, "nothing to redo");
}

#[test]
fn next_and_previous_note_wrap_and_count() {
    let mut a = app(30, (100, 20));
    keys(&mut a, "]n");
    assert!(a.message.starts_with("no notes"));
    keys(&mut a, "/budget<CR>vaone<C-s>G");
    keys(&mut a, "?"); // the help closes on the next key
    keys(&mut a, "<Esc>[e");
    keys(&mut a, "vatwo<C-s>g");
    keys(&mut a, "]n");
    assert!(a.message.starts_with("note 1/2 · n1"), "{}", a.message);
    keys(&mut a, "]n");
    assert!(a.message.starts_with("note 2/2 · n2"), "{}", a.message);
    let c = a.cursor.unwrap();
    assert!(a.line_visible(a.layout.line_of(c.span.start)));
    keys(&mut a, "]n");
    assert!(a.message.starts_with("note 1/2"));
    assert!(a.message.ends_with("wrapped"));
    keys(&mut a, "[n");
    assert!(a.message.starts_with("note 2/2"));
}

#[test]
fn corrections_show_at_once_and_undo() {
    let mut a = app(3, (100, 30));
    keys(&mut a, "]eCr<C-u>Anna<CR>");
    assert_eq!(a.ann.entities[0].name, "Anna");
    assert!(a.message.starts_with("rename “Ann” to “Anna”"));
    keys(&mut a, "u");
    assert_eq!(a.ann.entities[0].name, "Ann");
    assert!(a.message.starts_with("undid: rename"));
    keys(&mut a, "<Esc>]eCkl");
    assert_eq!(a.ann.entities[0].kind, EntityKind::Place);
    assert!(matches!(
        a.actor_rows[0],
        ActorRow::Heading(EntityKind::Person, 1)
    ));
    keys(&mut a, "u<Esc>]eCmbob<CR>");
    assert_eq!(a.ann.entities.len(), 1);
    assert_eq!(a.ann.entities[0].name, "Bob");
    assert_eq!(a.ann.entities[0].mentions.len(), 4);
    keys(&mut a, "u<Esc>]eCd");
    assert_eq!(a.ann.entities.len(), 3);
    keys(&mut a, "u<Esc>]eCX");
    assert!(matches!(a.popup, Some(Popup::Confirm { .. })));
    assert_eq!(a.ann.entities.len(), 2);
    keys(&mut a, "y");
    assert_eq!(a.ann.entities.len(), 1);
    assert!(a.selected.is_none_or(|e| e < a.ann.entities.len()));
    keys(&mut a, "u/committee<CR>vCao<CR>");
    let added = a.ann.entities.iter().find(|e| e.name == "committee");
    assert_eq!(
        added.map(|e| (e.kind, e.mentions.len())),
        Some((EntityKind::Organization, 3))
    );
    assert_eq!(a.store.corrections().len(), 1);
}

#[test]
fn c_corrects_the_actor_under_the_cursor_and_x_asks_first() {
    let mut a = app(3, (100, 30));
    // Ann is selected; the cursor is on a search match on Bob's name.
    keys(&mut a, "]e/bob<CR>C");
    assert_eq!(a.selected, Some(0));
    let Some(Popup::Menu { title, items }) = &a.popup else {
        panic!("no menu: {:?}", a.popup);
    };
    assert!(title.contains("Bob · person · 1 mention"), "{title}");
    let x = items.iter().find(|i| i.key == 'X').unwrap();
    assert!(x.label.contains("Bob and its 1 mention"), "{}", x.label);
    keys(&mut a, "X");
    let Some(Popup::Confirm { question, .. }) = &a.popup else {
        panic!("X did not ask: {:?}", a.popup);
    };
    assert_eq!(question, "Remove the actor Bob and its 1 mention?");
    keys(&mut a, "n");
    assert_eq!(a.message, "Bob kept");
    assert_eq!(a.ann.entities.len(), 2);
    assert!(a.store.corrections().is_empty());
    keys(&mut a, "CXy");
    let names: Vec<&str> = a.ann.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Ann"]);
    // In the Actors tab, the highlighted actor; on screen text with no
    // mention under the cursor, nothing.
    keys(&mut a, "u<Esc>1<Tab>jC");
    assert!(matches!(&a.popup, Some(Popup::Menu { title, .. }) if title.contains("Bob")));
    keys(&mut a, "<Esc><Esc>/committee<CR>C");
    assert!(a.popup.is_none());
    assert!(a.message.starts_with("C corrects the actor at the cursor"));
}

#[test]
fn the_merge_picker_filters_and_cancels() {
    let mut a = app(3, (100, 30));
    keys(&mut a, "]eCmzzz<CR>");
    assert!(matches!(a.popup, Some(Popup::Picker(_))));
    assert!(a.message.contains("no actor matches"));
    keys(&mut a, "<Esc>");
    assert!(a.popup.is_none());
    assert!(a.store.corrections().is_empty());
}

#[test]
fn export_writes_and_asks_before_replacing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.md");
    let p = path.display().to_string();
    let mut a = app(2, (100, 30));
    keys(&mut a, &format!("em<C-u>{p}<CR>"));
    assert!(a.message.starts_with("exported to"), "{}", a.message);
    assert!(std::fs::read_to_string(&path).unwrap().contains("Ann"));
    std::fs::write(&path, "mine").unwrap();
    keys(&mut a, &format!("em<C-u>{p}<CR>"));
    assert!(matches!(a.popup, Some(Popup::Confirm { .. })));
    keys(&mut a, "n");
    assert!(a.message.starts_with("not exported"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    keys(&mut a, &format!("ec<C-u>{p}<CR>y"));
    assert!(std::fs::read_to_string(&path).unwrap().contains("Ann"));
}

#[test]
fn keys_while_a_popup_is_open_do_not_reach_the_reader() {
    let mut a = app(30, (100, 20));
    keys(&mut a, "/budget<CR>vaGjq");
    assert!(!a.quit);
    assert_eq!(a.top, 0);
    assert_eq!(editor(&a).body_text(), "Gjq");
}

#[test]
fn a_in_the_side_pane_notes_the_selected_actor_or_quote() {
    let mut a = app(3, (100, 30));
    keys(&mut a, "1<Tab>aon the actor<C-s>");
    assert_eq!(a.store.notes()[0].target.kind, TargetKind::Entity);
    keys(&mut a, "3aon the quote<C-s>");
    let q = &a.store.notes()[1];
    assert_eq!(q.target.kind, TargetKind::Quote);
    assert_eq!(q.target.anchor.exact, "answered");
    // Again on the same quote: a new note, or edit the one there.
    keys(&mut a, "a");
    let Some(Popup::Menu { items, .. }) = &a.popup else {
        panic!("menu");
    };
    assert_eq!(items.iter().map(|i| i.key).collect::<String>(), "ne");
}

mod random_typing {
    use super::*;
    use crate::keymap::parse_keys;
    use proptest::prelude::*;

    /// Keys of the notes and corrections flows (not `e`: an export would
    /// write into the working folder).
    const KEYS: &[&str] = &[
        "a", "v", "C", "d", "f", "u", "j", "k", "w", "b", "h", "l", "]n", "[n", "]e", "*", "n",
        "y", "x", "X", "m", "r", "p", "o", "4", "1", "3", "z", " ", "<Tab>", "<Esc>", "<CR>",
        "<BS>", "<C-s>", "<C-r>", "<C-u>", "<Down>", "<Up>", "G",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn no_typing_breaks_the_notes_or_the_state(
            paras in 1usize..12,
            picks in proptest::collection::vec(0..KEYS.len(), 0..120),
        ) {
            let mut a = app(paras, (90, 30));
            let themes = themes();
            for i in picks {
                for key in parse_keys(KEYS[i]).unwrap() {
                    let action = a.action_for(key);
                    update(&mut a, action);
                }
                let text = &a.doc.text;
                if let Some(v) = a.visual {
                    let s = v.span(text);
                    prop_assert!(s.end <= text.len());
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
                prop_assert!(a.selected.is_none_or(|e| e < a.ann.entities.len()));
                prop_assert!(a.note_rows.iter().all(|&i| i < a.store.notes().len()));
                for tab in Tab::ALL {
                    let s = a.lists[tab.index()];
                    prop_assert!(a.list_len(tab) == 0 || s.selected < a.list_len(tab));
                }
                crate::render::frame(&a, &themes).unwrap();
            }
        }
    }
}

/// The noted text and actors kept in `a` are what the notes mark now.
fn noted_is_fresh(a: &App) {
    assert_eq!(a.noted, Noted::new(&a.store, &a.ann), "{}", a.message);
}

#[test]
fn what_carries_a_note_follows_add_delete_undo_and_corrections() {
    let mut a = app(4, (100, 30));
    assert!(a.noted.spans().is_empty());
    keys(&mut a, "/committee<CR>veaBudget?<C-s>");
    noted_is_fresh(&a);
    let span = a.store.notes()[0].target.anchor.span().unwrap();
    assert_eq!(a.noted.spans(), [span]);
    keys(&mut a, "u");
    noted_is_fresh(&a);
    assert!(a.noted.spans().is_empty());
    keys(&mut a, "<C-r>");
    assert_eq!(a.noted.spans(), [span]);
    // A note on an actor marks the actor and all its mentions.
    keys(&mut a, "<Esc><Esc>]eaaAnn's note<C-s>");
    noted_is_fresh(&a);
    let e = a.ann.mentions[a.cursor.unwrap().mention.unwrap()].entity;
    assert!(a.noted.actor(e));
    assert!(a.noted.spans().len() > 1);
    // Removing the actor (a correction) takes its marks away; undo brings them back.
    keys(&mut a, "CXy");
    noted_is_fresh(&a);
    assert!((0..a.ann.entities.len()).all(|e| !a.noted.actor(e)));
    keys(&mut a, "u");
    noted_is_fresh(&a);
    assert!(a.noted.actor(e));
    let id = a.store.notes()[1].id.clone();
    notes::really_delete(&mut a, &id);
    noted_is_fresh(&a);
    assert!(!a.noted.actor(e));
    assert_eq!(a.noted.spans(), [span]);
}
