//! Two readers on one article: what one saves, the other takes in when the
//! sidecar changes on disk (the reader's tick sends `Event::Reload`),
//! without annotating again and without losing its own notes.

mod reader_fixture;

use gloss::app::{App, Event, update};
use gloss::document::{Document, Format};
use gloss::keymap::parse_keys;
use gloss::store::{Options, Origin, Store};
use reader_fixture::{TEXT, annotations, dark};

fn open(file: &std::path::Path) -> App {
    let options = Options {
        enabled: true,
        data_dir: None,
    };
    let (store, messages) = Store::open(&Origin::File(file.to_owned()), TEXT, &options);
    assert!(messages.is_empty(), "{messages:?}");
    let doc = Document::new(TEXT.to_owned(), "letter.txt", Format::Text);
    App::with_store(doc, store, annotations(), dark().choice(), (100, 30))
}

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        let action = app.action_for(key);
        update(app, action);
    }
}

#[test]
fn a_reader_takes_in_what_another_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.txt");
    std::fs::write(&file, TEXT).unwrap();
    let mut first = open(&file);
    let mut second = open(&file);
    press(&mut first, "/Singapore<CR>vafrom the first<C-s>");
    press(&mut second, "/Pyongyang<CR>vafrom the second<C-s>");
    assert!(second.message.contains("merged"), "{}", second.message);
    update(&mut first, Event::Reload.into());
    assert_eq!(first.message, "notes changed on disk: taken in");
    let bodies: Vec<&str> = first
        .store
        .notes()
        .iter()
        .map(|n| n.body.as_str())
        .collect();
    assert_eq!(bodies.len(), 2, "{bodies:?}");
    assert!(bodies.contains(&"from the first") && bodies.contains(&"from the second"));
    assert_eq!(first.note_rows.len(), 2);
    // Nothing changed since: a second reload says nothing.
    update(&mut first, Event::Reload.into());
    assert_eq!(first.message, "notes changed on disk: taken in");
    press(&mut first, "j");
    update(&mut first, Event::Reload.into());
    assert!(first.message.is_empty());
    // A correction made in one shows in the other.
    press(&mut second, "]eCr<C-u>Pyongyang City<CR>");
    update(&mut first, Event::Reload.into());
    assert!(
        first
            .ann
            .entities
            .iter()
            .any(|e| e.name == "Pyongyang City")
    );
}
