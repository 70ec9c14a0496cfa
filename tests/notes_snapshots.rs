//! Frame snapshots of the reader's notes, corrections and export popups, on
//! the fixed article and hand-made annotations of `reader_fixture`; and the
//! styles of noted passages and of a selection, cell by cell.

mod reader_fixture;

use gloss::app::{App, update};
use gloss::document::{Document, Format};
use gloss::keymap::parse_keys;
use gloss::render::{frame, to_text};
use gloss::store::{Options, Origin, Store};
use reader_fixture::{TEXT, annotations, cells, dark, reader, span_of};

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        let action = app.action_for(key);
        update(app, action);
    }
}

fn text(app: &App) -> String {
    to_text(&frame(app).unwrap())
}

/// A sidecar with a note on Kim (an actor) and one whose passage is not in
/// the text (an orphan), written for another version of the text.
const SIDECAR: &str = r#"schema = "gloss.sidecar/1"
text_hash = "fnv1a64:0000000000000000"

[[notes]]
id = "n1"
created = "2026-11-26T16:40:00Z"
tags = ["follow-up", "dprk"]
body = "Who carried the letter?"

[notes.target]
type = "entity"
start = 120
end = 131
exact = "Kim Jong Un"
prefix = "North Korean leader "
suffix = "."

[[notes]]
id = "n2"
created = "2026-11-26T16:41:00Z"
tags = []
body = "This paragraph was cut from the article."

[notes.target]
type = "span"
start = 2000
end = 2030
exact = "a sentence that is no longer there"
prefix = ""
suffix = ""
"#;

/// The reader with the notes of [`SIDECAR`], opened from a temporary folder.
fn reader_with_notes(size: (u16, u16), keys: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.txt");
    std::fs::write(&file, TEXT).unwrap();
    std::fs::write(dir.path().join("letter.txt.gloss.toml"), SIDECAR).unwrap();
    let options = Options {
        enabled: true,
        data_dir: None,
    };
    let (store, _) = Store::open(&Origin::File(file.clone()), TEXT, &options);
    let doc = Document::new(TEXT.to_owned(), "letter.txt", Format::Text);
    let mut app = App::with_store(doc, store, annotations(), dark(), false, size);
    press(&mut app, keys);
    (app, dir)
}

#[test]
fn note_editor_popup() {
    let mut app = reader((100, 30), "/Singapore<CR>va", dark(), false);
    press(
        &mut app,
        "Where was the summit?<CR>Check the date.<Tab>summit, place",
    );
    insta::assert_snapshot!("note_editor_100x30", text(&app));
    press(&mut app, "<Esc>");
    insta::assert_snapshot!("note_editor_discard_100x30", text(&app));
}

#[test]
fn notes_tab_lists_notes_and_orphans_and_marks_noted_passages() {
    let (app, _dir) = reader_with_notes((120, 30), "4<Tab>");
    let t = text(&app);
    insta::assert_snapshot!("notes_tab_120x30", t);
    assert!(t.contains("n2 orphan"));
    let buf = frame(&app).unwrap();
    let st = &app.theme.styles;
    // A note on an actor marks every mention of it.
    for span in [span_of("Kim Jong Un", 0), span_of("Kim", 1)] {
        for (x, y) in cells(&app, span) {
            assert_eq!(Some(buf[(x, y)].bg), st.note.bg, "{span:?}");
        }
    }
    for (x, y) in cells(&app, span_of("Donald J. Trump", 0)) {
        assert_ne!(Some(buf[(x, y)].bg), st.note.bg);
    }
}

#[test]
fn a_selection_is_marked_as_it_grows() {
    let app = reader((100, 30), "/Singapore<CR>vbb", dark(), false);
    let buf = frame(&app).unwrap();
    let st = &app.theme.styles;
    let selected = app.visual.unwrap().span(TEXT);
    assert_eq!(selected.slice(TEXT), "met in Singapore");
    for (x, y) in cells(&app, selected) {
        assert_eq!(Some(buf[(x, y)].bg), st.visual.bg);
    }
    assert!(text(&app).contains("VISUAL 16 chars"));
}

#[test]
fn correction_menu_and_merge_picker() {
    let mut app = reader((100, 30), "]e]e]eC", dark(), false);
    insta::assert_snapshot!("correction_menu_100x30", text(&app));
    press(&mut app, "mk");
    insta::assert_snapshot!("merge_picker_100x30", text(&app));
}

#[test]
fn export_menu_and_destination() {
    let mut app = reader((100, 30), "e", dark(), false);
    insta::assert_snapshot!("export_menu_100x30", text(&app));
    press(&mut app, "j");
    let t = text(&app);
    assert!(t.contains("letter.json▏"), "{t}");
}
