//! Slow inputs: run with `-max_len=1048576 -timeout=2` (see `run.sh`), so
//! that a path whose time grows with the square of the input shows as a
//! timeout. The first byte picks the file name as in the `load` target and
//! the rest is loaded and annotated, with the JSON export; a first byte of
//! 255 reads the rest as a sidecar over the seed article instead.
#![no_main]

use gloss::export::Format;
use libfuzzer_sys::fuzz_target;

/// The article a sidecar is placed on.
const ARTICLE: &str = include_str!("../seeds/article.txt");

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    if selector == u8::MAX {
        let toml = String::from_utf8_lossy(bytes);
        gloss_fuzz::sidecar_round_trip(ARTICLE.to_owned(), &toml, false);
        return;
    }
    let Some(doc) = gloss_fuzz::load(selector, bytes) else {
        return;
    };
    let ann = gloss::annotate::annotate(&doc.text);
    gloss_fuzz::check_annotations(&doc.text, &ann);
    Format::Json.render(&doc, &ann, Vec::new());
});
