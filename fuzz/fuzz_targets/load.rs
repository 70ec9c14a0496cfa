//! Document loading in every format: the first byte picks the file name
//! (`.txt`, `.md`, `.html`, ..., none: the format is sniffed, `-`: stdin),
//! the rest are the file's bytes, in any encoding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((&selector, bytes)) = data.split_first() {
        gloss_fuzz::load(selector, bytes);
    }
});
