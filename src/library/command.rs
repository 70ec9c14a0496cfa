//! The library's commands: the reader on a URL, a feed, a folder or several
//! files, and `gloss index`, `gloss actors`, `gloss actor`.

use clap::ValueEnum;

use super::actors::{self, Actor};
use super::index::{self, Index, IndexError};
use super::{Entry, OpenError, Target, target};
use crate::app::library::Library;
use crate::fetch::FetchError;
use crate::open::{Common, Failure, Opened, open_article, open_document, open_for_reader};
use crate::store::Origin;
use crate::term;

/// A library, a page or a feed that cannot be opened is bad input (exit
/// code 2).
impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Self {
        Self::input(e.to_string())
    }
}

/// A page that cannot be fetched is bad input (exit code 2).
impl From<FetchError> for Failure {
    fn from(e: FetchError) -> Self {
        Self::input(e.to_string())
    }
}

/// An index that cannot be opened, read or written is a failure while
/// running (exit code 1).
impl From<IndexError> for Failure {
    fn from(e: IndexError) -> Self {
        Self::runtime(e.to_string())
    }
}

/// Formats of `gloss actors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActorsFormat {
    /// `gloss.actors/1` JSON.
    Json,
    /// One row per actor and article.
    Csv,
}

/// Formats of `gloss actor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DossierFormat {
    /// `gloss.actor/1` JSON.
    Json,
    /// A Markdown dossier.
    Markdown,
}

/// Opens the reader on `files`: the sample when there are none, an article
/// or a web page, else the library of a folder, a feed or the files.
pub fn read(files: &[String], common: &Common) -> Result<(), Failure> {
    let (opened, library) = start(files, common, true)?;
    crate::tui::run(opened, library, common)
}

/// What the reader opens on `files`: the article, or a library (shown as
/// its list, over an empty article) with its index brought up to date.
/// With `background`, a large article is left for the reader to annotate
/// (see [`open_for_reader`]).
pub fn start(
    files: &[String],
    common: &Common,
    background: bool,
) -> Result<(Opened, Option<Library>), Failure> {
    let article = |name: Option<&str>| {
        if background {
            open_for_reader(name, common)
        } else {
            open_article(name, common)
        }
    };
    if files.is_empty() {
        return Ok((article(None)?, None));
    }
    match target(files)? {
        Target::Article(name) => Ok((article(Some(&name))?, None)),
        Target::Page(doc) => {
            let origin = Origin::Url(doc.source.clone());
            Ok((open_document(*doc, &origin, common, background)?, None))
        }
        Target::Library { name, .. } if common.annotations.is_some() => Err(Failure::input(
            format!("{name}: --annotations belongs to one article, not a library"),
        )),
        Target::Library { name, entries } => {
            let library = library(name, entries, common)?;
            let blank = crate::document::Document::new(
                String::new(),
                library.name.clone(),
                crate::document::Format::Text,
            );
            let quiet = Common {
                no_sidecar: true,
                annotations: None,
                ..common.clone()
            };
            Ok((
                open_document(blank, &Origin::Unnamed, &quiet, false)?,
                Some(library),
            ))
        }
    }
}

/// The library of `entries`, with their counts from the index (brought up
/// to date first, with a progress line on a terminal).
fn library(name: String, entries: Vec<Entry>, common: &Common) -> Result<Library, Failure> {
    if entries.is_empty() {
        return Err(Failure::input(format!("{name}: no articles in it")));
    }
    // Without an index (no data folder, or one gloss cannot write) the
    // list still opens, without counts.
    let summaries = match open_index() {
        Ok(mut index) => {
            refresh(&mut index, &entries, None, false)?;
            let sources: Vec<String> = entries.iter().map(|e| e.source.clone()).collect();
            index.summaries(&sources)?
        }
        Err(failure) => {
            term::warning(&format!("{}; the list shows no counts", failure.message));
            std::collections::HashMap::new()
        }
    };
    Ok(Library::new(name, entries, &summaries, common.no_sidecar))
}

/// The data folder's index, rebuilt with a warning when it is broken.
pub fn open_index() -> Result<Index, Failure> {
    let (index, message) = Index::open(&index::default_path()?)?;
    if let Some(m) = message {
        term::warning(&m);
    }
    Ok(index)
}

/// Brings `index` up to date with `entries`, with a progress line on a
/// terminal; articles that fail are reported one line each.
fn refresh(
    index: &mut Index,
    entries: &[Entry],
    jobs: Option<u32>,
    fetch_links: bool,
) -> Result<index::Refreshed, Failure> {
    let jobs = jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        |j| j as usize,
    );
    let progress = term::Progress::new();
    let columns = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    let refreshed = index
        .refresh(entries, jobs, fetch_links, &mut |done, total| {
            progress.show(&term::progress_bar(done, total, columns));
        })
        .map_err(Failure::from);
    progress.clear();
    let refreshed = refreshed?;
    for failure in &refreshed.failed {
        term::warning(&failure.to_string());
    }
    Ok(refreshed)
}

/// The entries `inputs` stand for (a folder, a feed, files).
fn entries_of(inputs: &[String]) -> Result<Vec<Entry>, Failure> {
    match target(inputs)? {
        Target::Library { entries, .. } => Ok(entries),
        Target::Article(name) if std::fs::metadata(&name).is_err() => {
            Err(Failure::input(format!("{name}: no such file")))
        }
        Target::Article(name) => Ok(vec![Entry::named(&super::absolute(&name))]),
        Target::Page(doc) => Ok(vec![Entry::named(&doc.source)]),
    }
}

/// `gloss index DIR|FEED`: brings the index up to date and says how it went.
pub fn index(inputs: &[String], jobs: Option<u32>) -> Result<(), Failure> {
    if inputs.iter().any(|i| i == "-") {
        return Err(Failure::input("-: standard input cannot be indexed"));
    }
    let entries = entries_of(inputs)?;
    let mut index = open_index()?;
    let refreshed = refresh(&mut index, &entries, jobs, true)?;
    term::error(&format!(
        "{}: {} article(s) indexed, {} unchanged, {} failed",
        index.path().display(),
        refreshed.indexed,
        refreshed.unchanged,
        refreshed.failed.len()
    ));
    match refreshed.failed.len() {
        0 => Ok(()),
        n if n == entries.len() => Err(Failure::input(format!(
            "index: none of the {n} articles could be read"
        ))),
        n => Err(Failure::runtime(format!(
            "index: {n} of {} articles failed",
            entries.len()
        ))),
    }
}

/// The actors of the articles of `dir` (indexed first), or of every indexed
/// article.
fn grouped(dir: Option<&str>) -> Result<(Index, Vec<Actor>), Failure> {
    let mut index = open_index()?;
    let scope = match dir {
        Some(dir) => {
            let entries = entries_of(&[dir.to_owned()])?;
            refresh(&mut index, &entries, None, true)?;
            Some(entries.into_iter().map(|e| e.source).collect::<Vec<_>>())
        }
        None => None,
    };
    let table = index.actors(scope.as_deref())?;
    Ok((index, actors::group(table)))
}

/// `gloss actors [DIR]`.
pub fn actors(dir: Option<&str>, format: ActorsFormat) -> Result<String, Failure> {
    let (_, actors) = grouped(dir)?;
    Ok(match format {
        ActorsFormat::Json => actors::to_json(&actors),
        ActorsFormat::Csv => actors::to_csv(&actors),
    })
}

/// `gloss actor NAME [DIR]`: the dossier of the actor called `name`.
pub fn actor(name: &str, dir: Option<&str>, format: DossierFormat) -> Result<String, Failure> {
    let (index, actors) = grouped(dir)?;
    let found = actors::find(&actors, name);
    let actor = match found.as_slice() {
        [] => {
            return Err(Failure::input(format!(
                "{name}: no such actor in the library (see gloss actors)"
            )));
        }
        [one] => *one,
        many => {
            let names: Vec<String> = many
                .iter()
                .take(5)
                .map(|a| format!("{} ({})", a.name, a.kind))
                .collect();
            return Err(Failure::input(format!(
                "{name}: {} actors have this name: {}; give a longer name",
                many.len(),
                names.join(", ")
            )));
        }
    };
    Ok(match format {
        DossierFormat::Json => actors::dossier_json(&index, actor)?,
        DossierFormat::Markdown => actors::dossier_markdown(&index, actor)?,
    })
}
