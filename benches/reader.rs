//! Reader benchmarks: laying out a long article, drawing a frame, and one
//! keypress (`*`) on it. Run with `cargo bench --bench reader`.

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotate::annotate;
use gloss::app::wrap::Layout;
use gloss::app::{Action, App, update};
use gloss::document::{Document, Format};
use gloss::theme::Theme;

/// The sample article repeated to about 1 MB.
fn long_text() -> String {
    let sample = include_str!("../sample/trump-kim-letter.txt");
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text += sample;
        text += "\n";
    }
    text
}

fn reader(c: &mut Criterion) {
    let text = long_text();
    c.bench_function("layout 1 MB at 88 columns", |b| {
        b.iter(|| Layout::new(std::hint::black_box(&text), 88));
    });
    let ann = annotate(&text);
    let doc = Document::new(text, "long.txt", Format::Text);
    let mut app = App::new(doc, ann, Theme::named("dark").unwrap(), false, (160, 50));
    update(&mut app, Action::NextMention);
    c.bench_function("frame 160x50 of a 1 MB article", |b| {
        b.iter(|| gloss::render::frame(&app).unwrap());
    });
    c.bench_function("keypress * on a 1 MB article", |b| {
        b.iter(|| update(&mut app, Action::NextMention));
    });
}

criterion_group!(benches, reader);
criterion_main!(benches);
