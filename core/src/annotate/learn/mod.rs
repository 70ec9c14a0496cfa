//! What the annotator learns from data, each a model of the format in
//! [`model`], trained with [`train`] by `cargo run --release -p gloss-train`
//! from the GUM documents in `../shared/data/` and embedded in the binary: the kinds of named
//! entities ([`kinds`], over the [`features`] of each entity), the links
//! between mentions ([`links`]) and the part-of-speech tags the act stages
//! read ([`tagger`]).

pub mod features;
pub mod kinds;
pub mod links;
pub mod model;
pub mod tagger;
pub mod train;

pub use kinds::{active, decide, embedded};
