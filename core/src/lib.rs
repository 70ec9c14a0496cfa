//! gloss-core: what the gloss reader knows about an article, with no
//! terminal in it.
//!
//! - [`document`] reads an article (plain text, Markdown, HTML, any
//!   encoding) into one plain text with its structure;
//! - [`annotate`] finds the actors in the text (people, organisations,
//!   places), links their mentions, and finds their commitments and
//!   quotes, offline;
//! - [`model`] holds what it finds, with byte offsets into the text;
//! - [`store`] keeps a reader's notes and corrections in a sidecar file
//!   beside the article, saved atomically, re-anchored when the text
//!   changes;
//! - [`text`] hashes a text and gives the context around a span, for the
//!   store's anchors and the exporters;
//! - [`export`] renders annotations and notes as Markdown, JSON, W3C Web
//!   Annotation, brat standoff or CSV.
//!
//! The `gloss` binary (the reader and the headless commands) is a front end
//! over it; other programs can use the annotator the same way:
//!
//! ```
//! use gloss_core::{annotate, document, export, model::EntityKind};
//!
//! let text = "Kim Jong Un wrote to Donald Trump. Trump said Kim was ready.";
//! let doc = document::Document::new(text.to_owned(), "letter.txt", document::Format::Text);
//! let ann = annotate::annotate(&doc.text);
//! let trump = ann.entities.iter().find(|e| e.name.ends_with("Trump")).unwrap();
//! assert_eq!(trump.kind, EntityKind::Person);
//! assert_eq!(trump.mentions.len(), 2);
//!
//! let json = export::Format::Json.render(&doc, &ann, Vec::new());
//! assert!(json.contains("\"kind\": \"person\""));
//! ```

#![warn(missing_docs)]
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod annotate;
pub mod document;
pub mod export;
pub mod model;
pub mod store;
pub mod text;
