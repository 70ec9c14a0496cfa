//! Shared ground for the quote and commitment stages: a flat token view of
//! the document with sentence, paragraph and quotation-mark context
//! ([`doc`], its quotations from [`crate::annotate::quotations`]) and
//! headings ([`headings`]),
//! and the rules that find and resolve the agent (speaker or actor) of a
//! verb ([`agent`]).

pub mod agent;
pub mod doc;
pub mod headings;
pub mod lowered;

pub use crate::annotate::quotations::Marked;
pub use doc::{Doc, Prepared, Turn};
