//! Key replay in the reader, as `gloss render --keys` does it: the first
//! byte picks a small article (text, Markdown, HTML) and the second a screen
//! size; the rest is keys in `--keys` notation, where a NUL resizes the
//! screen to the size the next byte picks. Every key goes through
//! `App::action_for` and `update`, and a frame is drawn after each on one
//! ratatui `TestBackend`, as the reader draws on its terminal. Exports go to
//! a temporary folder, whatever path is typed.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use gloss::annotate::annotate;
use gloss::app::{App, Event, Popup, popup::InputFor, update};
use gloss::document::Document;
use gloss::keymap::parse_keys;
use gloss::model::Annotations;
use gloss::theme::{self, Themes};
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Screen sizes: usual, narrow, side pane beside the text, tiny, too small.
const SIZES: [(u16, u16); 6] = [(80, 24), (60, 20), (120, 40), (40, 12), (20, 5), (8, 3)];

/// The articles, loaded and annotated once.
struct Fixture {
    articles: Vec<(Document, Annotations)>,
    themes: Themes,
    exports: tempfile::TempDir,
}

/// The articles and theme, built on the first input.
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let exports = tempfile::tempdir().expect("a temporary folder");
        let articles = [
            (
                "article.txt",
                include_bytes!("../seeds/article.txt").as_slice(),
            ),
            (
                "river-treaty.md",
                include_bytes!("../../sample/river-treaty.md"),
            ),
            (
                "news-page.html",
                include_bytes!("../../tests/fixtures/news-page.html"),
            ),
        ]
        .into_iter()
        .map(|(name, bytes)| {
            let source = exports.path().join(name).display().to_string();
            let doc = gloss::document::load_bytes(bytes.to_vec(), &source).expect("loads");
            let ann = annotate(&doc.text);
            (doc, ann)
        })
        .collect();
        let (themes, _) = theme::choose(Some("dark"), false).expect("the dark theme");
        Fixture {
            articles,
            themes,
            exports,
        }
    })
}

/// Keeps an export path being typed inside `dir`: only its last component
/// is kept, so no key sequence writes outside the temporary folder.
fn confine(app: &mut App, dir: &Path) {
    if let Some(Popup::Input {
        text,
        purpose: InputFor::ExportPath(_),
        ..
    }) = &mut app.popup
    {
        let name: String = text.rsplit('/').next().unwrap_or_default().to_owned();
        let name = if name.is_empty() || name == "." || name == ".." {
            "export".to_owned()
        } else {
            name
        };
        *text = dir.join(name).display().to_string();
    }
}

fuzz_target!(|data: &[u8]| {
    let [article, size, rest @ ..] = data else {
        return;
    };
    let fixture = fixture();
    let (doc, ann) = &fixture.articles[usize::from(*article) % fixture.articles.len()];
    let size = SIZES[usize::from(*size) % SIZES.len()];
    let Ok(script) = std::str::from_utf8(rest) else {
        return;
    };
    let mut app = App::new(doc.clone(), ann.clone(), fixture.themes.choice(), size);
    let mut term = Terminal::new(TestBackend::new(size.0, size.1)).expect("a test terminal");
    let dir = fixture.exports.path();
    for (i, segment) in script.split('\0').enumerate() {
        let mut keys = segment;
        if i > 0 {
            // A NUL: the character after it picks the new size.
            let Some(c) = keys.chars().next() else {
                continue;
            };
            let (w, h) = SIZES[c as usize % SIZES.len()];
            update(&mut app, Event::Resize(w, h).into());
            term.backend_mut().resize(w, h);
            keys = &keys[c.len_utf8()..];
        }
        let Ok(keys) = parse_keys(keys) else {
            return;
        };
        for key in keys {
            if app.quit {
                return;
            }
            confine(&mut app, dir);
            let action = app.action_for(key);
            update(&mut app, action);
            term.draw(|f| gloss::ui::draw(&app, &fixture.themes, f))
                .expect("a frame draws");
        }
    }
    // Exports written: remove them, so the folder stays small.
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let _ = std::fs::remove_file(e.path());
        }
    }
});
