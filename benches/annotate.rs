//! Throughput benchmarks: the annotator over a corpus of news text of at
//! least 5 MB, and document loading (plain text, Markdown, HTML).
//!
//! The corpus is the GUM dev texts (`../shared/data/gum-news-dev/*.txt`
//! beside the repository, CC-BY) when they are there, else the articles in
//! `sample/`, repeated to 5 MB. Run with `cargo bench`; see benches/README.md.

mod common;

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};

use gloss::annotate::annotate;
use gloss::document::load_bytes;

use common::{MB, corpus, file, repeat_to};

/// The news page fixture with its article body repeated to about `size`.
fn big_page(size: usize) -> String {
    let page = file("tests/fixtures/news-page.html");
    let (Some(start), Some(end)) = (
        page.find("<div class=\"story-body\">"),
        page.find("</div>\n\n      <aside"),
    ) else {
        return page;
    };
    let body = &page[start..end];
    let times = size / body.len().max(1) + 1;
    format!("{}{}{}", &page[..start], body.repeat(times), &page[end..])
}

fn bench_load(group: &mut BenchmarkGroup<'_, WallTime>, id: &str, name: &str, bytes: &[u8]) {
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(id, |b| {
        b.iter(|| load_bytes(black_box(bytes.to_vec()), name).map(|d| d.text.len()))
    });
}

fn benches(c: &mut Criterion) {
    let (text, source) = corpus(5 * MB);
    eprintln!("annotate corpus: {} bytes from {source}", text.len());
    let mut group = c.benchmark_group("annotate");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("news_5mb", |b| b.iter(|| annotate(black_box(&text))));
    group.finish();

    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    bench_load(&mut group, "text_5mb", "corpus.txt", text.as_bytes());
    let markdown = repeat_to(&[file("sample/river-treaty.md")], MB);
    bench_load(&mut group, "markdown_1mb", "corpus.md", markdown.as_bytes());
    let page = file("tests/fixtures/news-page.html");
    bench_load(&mut group, "html_page", "page.html", page.as_bytes());
    bench_load(&mut group, "html_1mb", "big.html", big_page(MB).as_bytes());
    group.finish();
}

criterion_group!(annotate_benches, benches);
criterion_main!(annotate_benches);
