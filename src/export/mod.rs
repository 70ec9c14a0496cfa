//! Exporters: the annotations and notes of a document in formats other tools
//! read. Each exporter takes the document and its annotations and returns
//! text; none touches the terminal.

pub mod brat;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod w3c;
