//! The annotator and every exporter: the input is loaded as in the `load`
//! target, annotated, and exported in each format, whose invariants are
//! checked (see `gloss_fuzz::check_exports`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let Some(doc) = gloss_fuzz::load(selector, bytes) else {
        return;
    };
    let ann = gloss::annotate::annotate(&doc.text);
    gloss_fuzz::check_annotations(&doc.text, &ann);
    gloss_fuzz::check_exports(&doc, &ann, &[]);
});
