//! gloss: a terminal reader for news and policy articles.
//!
//! The core — [`document`], [`annotate`], [`model`], [`store`] and
//! [`export`] — is the `gloss-core` crate (in `core/`), which never touches
//! the terminal and does not depend on ratatui, crossterm or clap; its
//! modules are re-exported here under their own names. The reader ([`tui`]) and the headless commands
//! ([`cli`], [`render`]) are thin front ends over it. Whatever they print
//! outside the reader's screen goes through [`term`], which keeps escape
//! sequences from untrusted text off the terminal.

#![warn(missing_docs)]
// Printing goes through `term` (clippy.toml also keeps `std::io::stdout`
// and `std::io::stderr` there).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub use gloss_core::{annotate, document, export, model, store};

pub mod app;
pub mod batch;
pub mod cli;
pub mod command;
pub mod config;
pub mod effects;
pub mod fetch;
pub mod keymap;
pub mod library;
pub mod open;
pub mod render;
pub mod term;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod watch;
pub mod write;
