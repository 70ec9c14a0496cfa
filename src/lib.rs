//! gloss: a terminal reader for news and policy articles.
//!
//! The core — [`document`], [`annotate`], [`model`] and [`export`] — never
//! touches the terminal. The reader ([`tui`]) and the headless commands
//! ([`cli`], [`render`]) are thin front ends over it.

#![warn(missing_docs)]

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
pub mod theme;
pub mod tui;
pub mod ui;
