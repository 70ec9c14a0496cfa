//! Frame snapshots of the reader's notes, corrections and export popups, on
//! the fixed article and hand-made annotations of `reader_fixture`; and the
//! styles of noted passages and of a selection, cell by cell.

mod reader_fixture;

use gloss::app::{App, update};
use gloss::document::{Document, Format};
use gloss::keymap::parse_keys;
use gloss::render::to_text;
use gloss::store::{Options, Origin, Store};
use reader_fixture::{Reader, TEXT, annotations, cells, dark, reader, span_of};

fn press(app: &mut App, keys: &str) {
    for key in parse_keys(keys).unwrap() {
        let action = app.action_for(key);
        update(app, action);
    }
}

fn text(app: &Reader) -> String {
    to_text(&app.frame())
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
fn reader_with_notes(size: (u16, u16), keys: &str) -> (Reader, tempfile::TempDir) {
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
    let themes = dark();
    let mut app = App::with_store(doc, store, annotations(), themes.choice(), size);
    press(&mut app, keys);
    (Reader::new(app, themes), dir)
}

#[test]
fn note_editor_popup() {
    let mut app = reader((100, 30), "/Singapore<CR>va", dark());
    press(
        &mut app,
        "Where was the summit?<CR>Check the date.<Tab>summit, place",
    );
    insta::assert_snapshot!("note_editor_100x30", text(&app));
    press(&mut app, "<Esc>");
    insta::assert_snapshot!("note_editor_discard_100x30", text(&app));
}

/// The note editor's body scrolls as little as it can, as in the reader,
/// which draws after every key: moving up inside the view does not move it.
/// The body is in the popup style, its cursor in the cursor style; the
/// tags field, without the keyboard, shows no cursor.
#[test]
fn note_editor_scrolls_like_an_editor_and_is_styled_by_the_theme() {
    let mut app = reader((100, 30), "/Singapore<CR>va", dark());
    let lines: String = (1..=25).map(|i| format!("line {i}<CR>")).collect();
    for key in parse_keys(&format!("{lines}<Up><Up>")).unwrap() {
        let action = app.action_for(key);
        update(&mut app, action);
        app.frame();
    }
    let buf = app.frame();
    let t = to_text(&buf);
    let first = t.lines().find(|l| l.contains("│ line ")).unwrap_or("");
    assert!(first.contains("│ line 19 "), "{t}");
    let st = app.styles();
    let find = |needle: &str| {
        t.lines()
            .enumerate()
            .find_map(|(y, l)| {
                l.find(needle)
                    .map(|x| (l[..x].chars().count() as u16, y as u16))
            })
            .expect("on screen")
    };
    let cursor = st.popup.patch(st.cursor);
    // The cursor went up to the start of line 24.
    let (x, y) = find("line 24");
    assert_eq!(buf[(x, y)].modifier, cursor.add_modifier);
    assert_eq!(buf[(x + 1, y)].fg, st.popup.fg.unwrap());
    assert_eq!(buf[(x + 1, y)].bg, st.popup.bg.unwrap());
    assert!(buf[(x + 1, y)].modifier.is_empty());
    // The placeholder of the tags field, with no cursor before it.
    let (x, y) = find("tags, comma-separated");
    assert!(buf[(x - 1, y)].modifier.is_empty());
    assert_eq!(buf[(x - 1, y)].bg, st.popup.bg.unwrap());
}

#[test]
fn notes_tab_lists_notes_and_orphans_and_marks_noted_passages() {
    let (app, _dir) = reader_with_notes((120, 30), "4<Tab>");
    let t = text(&app);
    insta::assert_snapshot!("notes_tab_120x30", t);
    assert!(t.contains("n2 orphan"));
    let buf = app.frame();
    let st = app.styles();
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
    let app = reader((100, 30), "/Singapore<CR>vbb", dark());
    let buf = app.frame();
    let st = app.styles();
    let selected = app.visual.unwrap().span(TEXT);
    assert_eq!(selected.slice(TEXT), "met in Singapore");
    for (x, y) in cells(&app, selected) {
        assert_eq!(Some(buf[(x, y)].bg), st.visual.bg);
    }
    assert!(text(&app).contains("VISUAL 16 chars"));
}

#[test]
fn correction_menu_and_merge_picker() {
    let mut app = reader((100, 30), "]e]e]eC", dark());
    insta::assert_snapshot!("correction_menu_100x30", text(&app));
    press(&mut app, "mk");
    insta::assert_snapshot!("merge_picker_100x30", text(&app));
}

#[test]
fn export_menu_and_destination() {
    let mut app = reader((100, 30), "e", dark());
    insta::assert_snapshot!("export_menu_100x30", text(&app));
    press(&mut app, "j");
    let t = text(&app);
    assert!(t.contains("letter.json▏"), "{t}");
}
