//! brat import (`--annotations FILE.ann`): `ARTICLE\0ANN`, or a `.ann` alone
//! over the seed article. Imported annotations must keep the annotations'
//! invariants and export like the annotator's own.
#![no_main]

use gloss::document::{Document, Format};
use libfuzzer_sys::fuzz_target;

/// The article a `.ann` without its own is read against.
const ARTICLE: &str = include_str!("../seeds/article.txt");

fuzz_target!(|data: &[u8]| {
    let (text, ann) = gloss_fuzz::split(data, ARTICLE);
    let doc = Document::new(text, "fuzz.txt", Format::Text);
    if let Ok(imported) = gloss::export::brat::import(&doc, &ann, "fuzz.ann") {
        gloss_fuzz::check_annotations(&doc.text, &imported.annotations);
        gloss_fuzz::check_exports(&doc, &imported.annotations, &[]);
    }
});
