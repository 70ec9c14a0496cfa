//! Opening an article for a front end: the article (a file, standard
//! input or the bundled sample), its annotations (the annotator's, or a
//! brat file's) and its sidecar of notes and corrections, as the reader
//! (`tui`), `render` and the commands (`cli`) all need it; and the
//! [`Failure`] they report, with its exit code.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Args;

use crate::annotate::annotate_document;
use crate::document::{self, Document};
use crate::export;
use crate::export::brat::Imported;
use crate::model::Annotations;
use crate::store::disk::OpenFiles;
use crate::store::{NoteJson, Options as StoreOptions, Origin, Store};
use crate::term;

/// The bundled sample article, opened when no file is given.
pub const SAMPLE_NAME: &str = "sample/trump-kim-letter.txt";
/// The sample's text, embedded so `gloss` works from any folder.
pub const SAMPLE_TEXT: &str = include_str!("../sample/trump-kim-letter.txt");

/// Options shared by the reader and every command.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Colour theme (see `gloss themes`).
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    /// Read and write no sidecar file of notes and corrections.
    #[arg(long, global = true)]
    pub no_sidecar: bool,
    /// Show this brat standoff annotation (from brat, INCEpTION or a
    /// published corpus) in place of the automatic one.
    #[arg(long, global = true, value_name = "FILE.ann")]
    pub annotations: Option<String>,
}

/// A failed command: the one line to print and the exit code.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// 1 for a runtime failure, 2 for bad usage or unreadable input.
    pub code: u8,
    /// The message, naming the file and the problem.
    pub message: String,
}

impl Failure {
    /// Bad usage or unreadable input (exit code 2).
    pub fn input(message: impl Into<String>) -> Self {
        Self {
            code: 2,
            message: message.into(),
        }
    }

    /// A failure while running (exit code 1).
    pub fn runtime(message: impl Into<String>) -> Self {
        Self {
            code: 1,
            message: message.into(),
        }
    }
}

impl From<document::LoadError> for Failure {
    fn from(e: document::LoadError) -> Self {
        Self::input(e.to_string())
    }
}

/// An article opened with the reader's notes and corrections.
pub struct Opened {
    /// The article.
    pub doc: Document,
    /// Its notes and corrections (the sidecar).
    pub store: Store,
    /// The annotations before corrections: the annotator's, or those of
    /// `--annotations`.
    pub auto: Annotations,
    /// Messages for the status line (a sidecar that cannot be read, orphans).
    pub messages: Vec<String>,
    /// The files read for it (the article, its sidecar, the
    /// `--annotations` file): never replaced by an export.
    pub files: OpenFiles,
    /// The article's file, watched for changes while it is read: `None`
    /// for standard input, the sample, a web page, and with
    /// `--annotations` (a brat file belongs to the text as it was).
    pub path: Option<PathBuf>,
    /// True when `auto` is empty because the article is large and the
    /// reader annotates it in the background (see [`open_for_reader`]).
    pub annotate_later: bool,
}

impl Opened {
    /// The annotations with the corrections applied.
    pub fn annotations(&self) -> Annotations {
        self.store.annotations(&self.auto)
    }

    /// The notes as JSON, their references resolved in `ann`.
    pub fn notes(&self, ann: &Annotations) -> Vec<NoteJson> {
        self.store.notes_json(ann)
    }
}

/// Articles with this many bytes of text or more open in the reader at
/// once and are annotated in the background (8 MiB: smaller ones annotate
/// in well under half a second).
pub const BACKGROUND_BYTES: usize = 8 * 1024 * 1024;

/// Opens the article named `file` (the bundled sample when `None`) with its
/// annotations and its sidecar of notes and corrections.
pub fn open_article(file: Option<&str>, common: &Common) -> Result<Opened, Failure> {
    open_with(file, common, false)
}

/// Opens the article for the interactive reader: as [`open_article`], but a
/// large one ([`BACKGROUND_BYTES`]) without `--annotations` is left
/// unannotated, for the reader to annotate in the background.
pub fn open_for_reader(file: Option<&str>, common: &Common) -> Result<Opened, Failure> {
    open_with(file, common, true)
}

fn open_with(file: Option<&str>, common: &Common, background: bool) -> Result<Opened, Failure> {
    let doc = open(file)?;
    let origin = match file {
        Some(f) => Origin::from_source(f),
        None => Origin::Unnamed,
    };
    open_document(doc, &origin, common, background)
}

/// Opens `doc`, read from `origin`, with its annotations and sidecar; with
/// `background`, a large one is left for the reader to annotate (see
/// [`open_for_reader`]).
pub fn open_document(
    mut doc: Document,
    origin: &Origin,
    common: &Common,
    background: bool,
) -> Result<Opened, Failure> {
    let annotate_later =
        background && common.annotations.is_none() && doc.text.len() >= BACKGROUND_BYTES;
    let Imported {
        annotations: auto,
        notes,
    } = if annotate_later {
        Imported {
            annotations: Annotations::default(),
            notes: Vec::new(),
        }
    } else {
        annotations(&mut doc, common)?
    };
    let (mut store, mut messages) = Store::open(
        origin,
        Arc::clone(&doc.text),
        &StoreOptions::new(common.no_sidecar),
    );
    store.hide(doc.code_spans());
    store.import_notes(notes);
    messages.splice(0..0, doc.warnings.iter().cloned());
    let mut files = store.open_files().clone();
    if let Some(path) = &common.annotations {
        files.add(path);
    }
    Ok(Opened {
        doc,
        store,
        auto,
        messages,
        files,
        path: match origin {
            Origin::File(path) if common.annotations.is_none() => Some(path.clone()),
            _ => None,
        },
        annotate_later,
    })
}

/// What gloss says on stderr (after `gloss: `) before it waits for an
/// article typed on a terminal (standard input is one), so that a blank
/// screen is not a puzzle.
pub const STDIN_HINT: &str = "reading the article from standard input (Ctrl-D ends it)";

/// Loads the article named `file` (`-`: standard input, with
/// [`STDIN_HINT`] first when it is a terminal), or the bundled sample when
/// `None`.
pub fn open(file: Option<&str>) -> Result<Document, Failure> {
    match file {
        Some("-") if std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            term::error(STDIN_HINT);
            Ok(document::load("-")?)
        }
        Some(f) if crate::store::disk::is_url(f) => {
            match crate::library::page(crate::fetch::get(f)?)? {
                crate::library::Page::Article(doc) => Ok(*doc),
                crate::library::Page::Feed(_) => Err(Failure::input(format!(
                    "{f}: a feed, not an article (open it with `gloss {f}`, or index it with `gloss index {f}`)"
                ))),
            }
        }
        Some(f) => Ok(document::load(f)?),
        None => Ok(document::load_bytes(
            SAMPLE_TEXT.as_bytes().to_vec(),
            SAMPLE_NAME,
        )?),
    }
}

/// The annotations to show for `doc`: the brat file given with
/// `--annotations` (with its notes), else the automatic annotation (which
/// blanks `doc`'s code in place while it runs, see
/// [`crate::annotate::annotate_document`]).
pub fn annotations(doc: &mut Document, common: &Common) -> Result<Imported, Failure> {
    match &common.annotations {
        Some(path) => {
            let ann = std::fs::read_to_string(path)
                .map_err(|e| Failure::input(format!("{path}: {e}")))?;
            export::brat::import(doc, &ann, path).map_err(|e| Failure::input(e.to_string()))
        }
        None => Ok(Imported {
            annotations: annotate_document(doc),
            notes: Vec::new(),
        }),
    }
}

/// The status line's first message: what opening the sidecar reported.
/// `messages` starts with the document's own warnings, which the status
/// line shows by itself.
pub fn opening_message(doc: &Document, messages: &[String]) -> Option<String> {
    let sidecar = messages.get(doc.warnings.len()..).unwrap_or_default();
    (!sidecar.is_empty()).then(|| sidecar.join("; "))
}
