//! Exporters: the annotations and notes of a document in formats other tools
//! read. Each exporter takes the document and its annotations and returns
//! text; none touches the terminal.

pub mod brat;
pub mod csv;
pub mod entities;
pub mod json;
pub mod markdown;
pub(crate) mod w3c;

use crate::document::Document;
use crate::model::Annotations;
use crate::store::NoteJson;

/// An export format, shared by `gloss export` and the reader's export menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A Markdown report: actors, commitments, quotes and notes.
    Markdown,
    /// The annotations JSON schema, with notes.
    Json,
    /// A W3C Web Annotation collection (JSON-LD).
    W3c,
    /// brat standoff (.ann), with a copy of the text.
    Brat,
    /// One row per mention (RFC 4180).
    Csv,
}

impl Format {
    /// All formats, in menu order.
    pub const ALL: [Format; 5] = [Self::Markdown, Self::Json, Self::W3c, Self::Brat, Self::Csv];

    /// Its name on the command line: `markdown`, `json`, `w3c`, `brat`,
    /// `csv`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Json => "json",
            Self::W3c => "w3c",
            Self::Brat => "brat",
            Self::Csv => "csv",
        }
    }

    /// What it holds, in a few words, for a command's help.
    pub const fn summary(self) -> &'static str {
        match self {
            Self::Markdown => "A Markdown report: actors, commitments, quotes and notes",
            Self::Json => "The annotations JSON schema, with notes",
            Self::W3c => "A W3C Web Annotation collection (JSON-LD)",
            Self::Brat => "brat standoff (.ann), with a copy of the text",
            Self::Csv => "One row per mention (RFC 4180)",
        }
    }

    /// The file extension of its output.
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::W3c => "jsonld",
            Self::Brat => "ann",
            Self::Csv => "csv",
        }
    }

    /// What it is, for menus.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown report with notes (.md)",
            Self::Json => "annotations JSON with notes (.json)",
            Self::W3c => "W3C Web Annotation, JSON-LD (.jsonld)",
            Self::Brat => "brat standoff (.ann, text copy .txt)",
            Self::Csv => "mentions as CSV (.csv)",
        }
    }

    /// The format called `name` (see [`Format::name`]).
    pub fn from_name(name: &str) -> Result<Self, UnknownFormat> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }

    /// The export of `doc` with its annotations and the reader's notes.
    pub fn render(self, doc: &Document, ann: &Annotations, notes: Vec<NoteJson>) -> String {
        match self {
            Self::Markdown => markdown::export(doc, ann, &notes),
            Self::Json => json::to_string(doc, ann, notes),
            Self::W3c => w3c::export(doc, ann, &notes),
            Self::Brat => brat::export(doc, ann, &notes),
            Self::Csv => csv::export(doc, ann),
        }
    }
}

/// A format name that is none of [`Format::ALL`].
#[derive(Debug, thiserror::Error)]
#[error("no export format is called `{0}`")]
pub struct UnknownFormat(String);
