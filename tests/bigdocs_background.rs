//! Large articles: the reader opens them unannotated and shows the
//! highlights when the background annotator's output arrives. Nothing here
//! depends on timing: the annotations are handed over by the test.

use gloss::annotate::{annotate, annotate_reporting};
use gloss::app::{App, Command, Event, update};
use gloss::document::{Document, Format};
use gloss::open::{BACKGROUND_BYTES, Common, open_article, open_for_reader};
use gloss::render::{frame, to_text};
use gloss::store::Store;
use gloss::theme::Themes;

const TEXT: &str = "The White House said on Thursday that President Donald Trump \
had received a letter from Kim Jong Un. Trump said he would meet Kim again.\n";

fn dark() -> Themes {
    gloss::theme::choose(Some("dark"), false).expect("themes").0
}

fn status(app: &App) -> String {
    let text = to_text(&frame(app, &dark()).expect("frame"));
    text.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn highlights_arrive_after_the_text_is_shown() {
    let doc = Document::new(TEXT.to_owned(), "big.txt", Format::Text);
    let store = Store::in_memory(TEXT);
    let themes = dark();
    let mut app = App::annotating(doc, store, themes.choice(), (100, 20));
    assert_eq!(app.annotating, Some(0));
    assert!(app.ann.mentions.is_empty());
    assert!(status(&app).contains("annotating… 0%"), "{}", status(&app));
    assert!(to_text(&frame(&app, &themes).expect("frame")).contains("The White House said"));
    // Reading goes on while the annotator runs.
    update(&mut app, Command::ScrollDown.into());
    update(&mut app, Command::NextEntityMention.into());
    assert!(app.cursor.is_none());

    // Progress shows as it comes.
    update(&mut app, Event::AnnotationProgress(42).into());
    assert!(status(&app).contains("annotating… 42%"), "{}", status(&app));

    update(&mut app, Event::Annotated(Box::new(annotate(TEXT))).into());
    assert_eq!(app.annotating, None);
    assert!(!app.ann.mentions.is_empty());
    assert!(!status(&app).contains("annotating"));
    let buf = frame(&app, &themes).expect("frame");
    let person = themes.shown(&app.theme).styles.person.fg;
    let coloured = buf.content().iter().any(|c| Some(c.fg) == person);
    assert!(coloured, "a person is highlighted");
    update(&mut app, Command::NextEntityMention.into());
    assert!(app.cursor.is_some());
}

fn annotating_app() -> App {
    let doc = Document::new(TEXT.to_owned(), "big.txt", Format::Text);
    App::annotating(doc, Store::in_memory(TEXT), dark().choice(), (100, 20))
}

#[test]
fn the_steps_report_growing_progress_and_the_same_annotations() {
    let mut steps = Vec::new();
    let ann = annotate_reporting(TEXT, &mut |s| steps.push(s.percent()));
    assert_eq!(ann, annotate(TEXT));
    assert_eq!(steps.len(), 6, "{steps:?}");
    assert!(steps.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
    assert!(steps.iter().all(|&p| p < 100), "{steps:?}");
}

#[test]
fn annotations_arriving_under_the_help_or_a_popup_are_not_lost() {
    let mut app = annotating_app();
    update(&mut app, Command::Help.into());
    assert!(app.help.is_some());
    update(&mut app, Event::AnnotationProgress(50).into());
    update(&mut app, Event::Annotated(Box::new(annotate(TEXT))).into());
    assert!(app.help.is_some(), "the help stays open");
    assert_eq!(app.annotating, None);
    assert!(!app.ann.mentions.is_empty());

    let mut app = annotating_app();
    update(&mut app, Command::Export.into());
    assert!(app.popup.is_some());
    update(&mut app, Event::Annotated(Box::new(annotate(TEXT))).into());
    assert!(app.popup.is_some(), "the menu stays open");
    assert!(!app.ann.mentions.is_empty());

    let mut app = annotating_app();
    update(&mut app, Command::Search.into());
    update(&mut app, Event::Annotated(Box::new(annotate(TEXT))).into());
    assert!(app.prompt.is_some(), "the search prompt stays open");
    assert!(!app.ann.mentions.is_empty());
}

#[test]
fn a_stopped_annotator_leaves_the_text_readable_and_says_so() {
    let mut app = annotating_app();
    update(&mut app, Event::AnnotationFailed.into());
    assert_eq!(app.annotating, None);
    assert!(
        status(&app).contains("the annotator stopped: no highlights for this article"),
        "{}",
        status(&app)
    );
    assert!(to_text(&frame(&app, &dark()).expect("frame")).contains("The White House said"));
}

#[test]
fn only_large_articles_are_left_to_the_background() {
    let dir = tempfile::tempdir().expect("temp dir");
    let common = Common {
        theme: None,
        no_sidecar: true,
        annotations: None,
    };
    let small = dir.path().join("small.txt");
    std::fs::write(&small, TEXT).expect("write");
    let opened = open_for_reader(small.to_str(), &common).expect("opens");
    assert!(!opened.annotate_later);
    assert!(!opened.auto.mentions.is_empty());

    let big = dir.path().join("big.txt");
    let copies = BACKGROUND_BYTES / TEXT.len() + 1;
    std::fs::write(&big, TEXT.repeat(copies)).expect("write");
    let opened = open_for_reader(big.to_str(), &common).expect("opens");
    assert!(opened.annotate_later);
    assert!(opened.auto.mentions.is_empty());
    // The headless commands never leave the annotation for later.
    let opened = open_article(small.to_str(), &common).expect("opens");
    assert!(!opened.annotate_later);
}
