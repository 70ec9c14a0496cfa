//! gloss: a terminal reader for news and policy articles.
//!
//! The core — [`document`], [`annotate`], [`model`] and [`export`] — never
//! touches the terminal. The reader ([`tui`]) and the headless commands
//! ([`cli`], [`render`]) are thin front ends over it. Whatever they print
//! outside the reader's screen goes through [`term`], which keeps escape
//! sequences from untrusted text off the terminal.

#![warn(missing_docs)]
// Printing goes through `term` (clippy.toml also keeps `std::io::stdout`
// and `std::io::stderr` there).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod annotate;
pub mod app;
pub mod batch;
pub mod cli;
pub mod document;
pub mod export;
pub mod keymap;
pub mod model;
pub mod render;
pub mod store;
pub mod term;
pub mod theme;
pub mod tui;
pub mod ui;
