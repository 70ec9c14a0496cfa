//! Sidecar parsing, placing and rendering: `ARTICLE\0SIDECAR`, or a sidecar
//! alone over the seed article. See `gloss_fuzz::sidecar_round_trip`.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The article a sidecar without its own is placed on.
const ARTICLE: &str = include_str!("../seeds/article.txt");

fuzz_target!(|data: &[u8]| {
    let (text, toml) = gloss_fuzz::split(data, ARTICLE);
    gloss_fuzz::sidecar_round_trip(text, &toml, true);
});
