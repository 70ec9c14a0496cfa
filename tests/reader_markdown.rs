//! The reader on Markdown and HTML articles: frame snapshots of
//! `sample/river-treaty.md` and `tests/fixtures/news-page.html`, and the
//! styles of their cells (headings bold, emphasis italic, code in the code
//! style, a bar before quoted lines, mentions coloured on top), the header
//! row with byline and date, and the encoding in the status line.

use gloss::annotate::annotate_document;
use gloss::app::App;
use gloss::document::{Document, load};
use gloss::model::Annotations;
use gloss::render::{frame, to_text};
use gloss::theme::Theme;
use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Modifier;

fn open(path: &str) -> Document {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    load(&path).expect("the article loads")
}

/// The reader on `doc` in the dark theme, its frame, and that theme.
fn reader(doc: Document, ann: Annotations, size: (u16, u16)) -> (Theme, Buffer) {
    let (themes, _) = gloss::theme::choose(Some("dark"), false).expect("themes");
    let app = App::new(doc, ann, themes.choice(), size);
    let buf = frame(&app, &themes).expect("frame");
    (themes.shown(&app.theme).clone(), buf)
}

/// The cells of the first screen row holding `needle`, from its first character.
fn cells_of<'a>(buf: &'a Buffer, needle: &str) -> Vec<&'a Cell> {
    let text = to_text(buf);
    let (y, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not on screen:\n{text}"));
    let x = line[..line.find(needle).expect("found")].chars().count() as u16;
    (x..x + needle.chars().count() as u16)
        .map(|x| &buf[(x, y as u16)])
        .collect()
}

#[test]
fn markdown_article_frames() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_, buf) = reader(
            open("sample/river-treaty.md"),
            Annotations::default(),
            (w, h),
        );
        insta::assert_snapshot!(format!("river_treaty_{w}x{h}"), to_text(&buf));
    }
}

#[test]
fn markdown_is_styled_under_the_highlights() {
    let mut doc = open("sample/river-treaty.md");
    let ann = annotate_document(&mut doc);
    let (theme, buf) = reader(doc, ann, (120, 60));
    let st = &theme.styles;
    for cell in cells_of(&buf, "What the treaty says") {
        assert!(cell.modifier.contains(Modifier::BOLD));
        assert_eq!(Some(cell.fg), st.article_heading.fg);
    }
    for cell in cells_of(&buf, "Written for gloss") {
        assert!(cell.modifier.contains(Modifier::ITALIC));
    }
    for cell in cells_of(&buf, "40 cubic metres") {
        assert_eq!(Some(cell.bg), st.code.bg);
    }
    let bar = cells_of(&buf, "│ \"This treaty");
    assert_eq!(bar[0].symbol(), "│");
    assert!(bar[2].modifier.contains(Modifier::ITALIC), "quoted text");
    // `**Veranda**` is strong and a place ("the governments of Veranda"):
    // both show.
    let veranda = cells_of(&buf, "Veranda and");
    assert!(veranda[0].modifier.contains(Modifier::BOLD));
    assert_eq!(Some(veranda[0].fg), st.place.fg);
    // The link's text is underlined; its URL is not shown.
    for cell in cells_of(&buf, "a fair bargain") {
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
    }
    assert!(!to_text(&buf).contains("example.org"));
    // List items hang their wrapped lines under their text.
    let (_, narrow) = reader(
        open("sample/river-treaty.md"),
        Annotations::default(),
        (60, 60),
    );
    let text = to_text(&narrow);
    let item = text
        .lines()
        .position(|l| l.contains("3. refer"))
        .expect("item");
    let next = text.lines().nth(item + 1).expect("wrapped line");
    let indent = |l: &str| l.len() - l.trim_start().len();
    assert_eq!(
        indent(next),
        indent(text.lines().nth(item).expect("item")) + 3
    );
}

#[test]
fn html_pages_show_title_byline_and_date_in_the_header() {
    let (_, buf) = reader(
        open("tests/fixtures/news-page.html"),
        Annotations::default(),
        (100, 30),
    );
    let text = to_text(&buf);
    let header = text.lines().next().expect("a header row");
    // The page's `2024-03-14T09:30:00Z`, as a person reads it.
    assert!(
        header.contains("Priya Raman · 14 March 2024, 09:30 UTC"),
        "header: {header:?}"
    );
    assert!(text.contains("Harbour city council approves flood barrier"));
    insta::assert_snapshot!("news_page_100x30", text);
}

#[test]
fn the_status_line_names_an_encoding_other_than_utf8() {
    let dir = tempfile::tempdir().expect("temp dir");
    let legacy = dir.path().join("legacy.txt");
    std::fs::write(&legacy, b"The caf\xe9 in Z\xfcrich \x93opened\x94 today.\n").expect("write");
    let doc = load(legacy.to_str().expect("utf-8 path")).expect("loads");
    let (_, buf) = reader(doc, Annotations::default(), (100, 20));
    let status = to_text(&buf).lines().last().expect("status").to_owned();
    assert!(status.contains("windows-1252"), "{status:?}");

    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "The café opened today.\n").expect("write");
    let doc = load(plain.to_str().expect("utf-8 path")).expect("loads");
    let (_, buf) = reader(doc, Annotations::default(), (100, 20));
    assert!(!to_text(&buf).contains("UTF-8"));
}

#[test]
fn without_colour_markdown_keeps_its_styles_by_modifiers() {
    let (themes, _) = gloss::theme::choose(None, true).expect("NO_COLOR theme");
    let app = App::new(
        open("sample/river-treaty.md"),
        Annotations::default(),
        themes.choice(),
        (120, 60),
    );
    let buf = frame(&app, &themes).expect("frame");
    for cell in cells_of(&buf, "What the treaty says") {
        assert!(cell.modifier.contains(Modifier::BOLD));
    }
    for cell in cells_of(&buf, "Written for gloss") {
        assert!(cell.modifier.contains(Modifier::ITALIC));
    }
    for cell in cells_of(&buf, "a fair bargain") {
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
    }
    assert!(!cells_of(&buf, "40 cubic")[0].modifier.is_empty());
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
}
