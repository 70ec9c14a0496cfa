//! Reader benchmarks on a 5 MB news article (the shared corpus, see
//! `common`): opening it to a first frame (load, annotate, layout, draw at
//! 160x50), laying it out, and each navigation key (update and redraw into
//! a 160x50 buffer); and a 50 MB article opened to its first frame the way
//! the reader does (load, layout, draw; annotation left to a worker). Run with `cargo bench --bench reader`; see
//! benches/README.md.

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotate::annotate;
use gloss::app::wrap::Layout;
use gloss::app::{App, Command, Event, update};
use gloss::document::load_bytes;
use gloss::keymap::Key;
use gloss::render::frame;
use gloss::store::Store;
use gloss::theme::Themes;

use common::{MB, corpus};

const SIZE: (u16, u16) = (160, 50);

/// The themes, parsed as the reader does at start, the dark one shown.
fn themes() -> Themes {
    gloss::theme::choose(Some("dark"), false)
        .expect("the themes")
        .0
}

/// What `gloss render big.txt --size 160x50` does, in process.
fn first_frame(bytes: &[u8]) -> usize {
    let doc = load_bytes(bytes.to_vec(), "big.txt").expect("loads");
    let ann = annotate(&doc.text);
    let themes = themes();
    let app = App::new(doc, ann, themes.choice(), SIZE);
    frame(&app, &themes).expect("frame").content().len()
}

/// `command` applied then the screen drawn; the view returns to the top at
/// the end of the article, so every press moves.
fn press(app: &mut App, themes: &Themes, command: Command) -> usize {
    if app.top >= app.max_top() {
        update(app, Command::Top.into());
    }
    update(app, command.into());
    frame(app, themes).expect("frame").content().len()
}

/// What the reader does with an article too large to annotate first: the
/// text is shown at once, unannotated.
fn first_frame_unannotated(bytes: &[u8]) -> usize {
    let doc = load_bytes(bytes.to_vec(), "huge.txt").expect("loads");
    let store = Store::in_memory(std::sync::Arc::clone(&doc.text));
    let themes = themes();
    let app = App::annotating(doc, store, themes.choice(), SIZE);
    frame(&app, &themes).expect("frame").content().len()
}

fn reader(c: &mut Criterion) {
    let (text, source) = corpus(5 * MB);
    eprintln!("reader article: {} bytes from {source}", text.len());
    let mut group = c.benchmark_group("reader_5mb");
    group.sample_size(10);
    group.bench_function("first_frame", |b| {
        b.iter(|| first_frame(black_box(text.as_bytes())))
    });
    let shared: std::sync::Arc<str> = text.as_str().into();
    group.bench_function("layout_88_columns", |b| {
        b.iter(|| Layout::new(black_box(std::sync::Arc::clone(&shared)), 88))
    });
    group.finish();

    let (huge, _) = corpus(50 * MB);
    let mut group = c.benchmark_group("reader_50mb");
    group.sample_size(10);
    group.bench_function("first_frame_background", |b| {
        b.iter(|| first_frame_unannotated(black_box(huge.as_bytes())))
    });
    group.finish();
    drop(huge);

    let doc = load_bytes(text.into_bytes(), "big.txt").expect("loads");
    let ann = annotate(&doc.text);
    let themes = themes();
    let mut app = App::new(doc, ann, themes.choice(), SIZE);
    // `*` walks the most mentioned actor; `n` the matches of a word.
    update(&mut app, Command::NextEntityMention.into());
    update(&mut app, Command::Activate.into());
    update(&mut app, Command::Search.into());
    for c in "said".chars() {
        update(&mut app, Event::Typed(Key::char(c)).into());
    }
    update(&mut app, Command::PromptSubmit.into());
    let mut group = c.benchmark_group("key_5mb");
    for (name, action) in [
        ("j", Command::ScrollDown),
        ("page_down", Command::PageDown),
        ("star", Command::NextMention),
        ("next_entity", Command::NextEntityMention),
        ("search_next", Command::SearchNext),
    ] {
        group.bench_function(name, |b| b.iter(|| press(&mut app, &themes, action)));
    }
    group.bench_function("draw_only", |b| {
        b.iter(|| frame(&app, &themes).expect("frame").content().len())
    });
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
