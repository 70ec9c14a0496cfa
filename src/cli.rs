//! The command line: clap definitions and dispatch to the core and the
//! front ends. Errors come back as [`Failure`], which carries the exit code.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::annotate::annotate_document;
use crate::batch;
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

/// gloss: read news and policy articles with their actors highlighted and linked.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The article to open: a file, or `-` for standard input. Without one,
    /// the bundled sample article opens.
    pub file: Option<String>,
    /// Options every command takes.
    #[command(flatten)]
    pub common: Common,
    /// What to do; without a command, the reader opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

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

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the annotations of one or more articles.
    ///
    /// A directory stands for its .txt, .md, .markdown, .html and .htm files,
    /// sorted by name. Output comes in input order whatever --jobs is. A
    /// document that fails is reported on stderr and the others go on; the
    /// exit code is then 1, or 2 when no document could be annotated.
    Annotate {
        /// Articles or directories of articles (`-` for standard input).
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AnnotateFormat::Json)]
        format: AnnotateFormat,
        /// Write to this file instead of standard output (`-`).
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
        /// Articles to work on at once (default: one per CPU core).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
        jobs: Option<u32>,
    },
    /// Export the annotations of an article for other tools.
    Export {
        /// The article (`-` for standard input).
        file: String,
        /// Output format.
        #[arg(long, default_value = "markdown", value_parser = export_format())]
        format: export::Format,
        /// Write to this file (`-`: standard output, the default). For brat,
        /// OUT.ann is written with a copy of the text beside it as OUT.txt.
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },
    /// Print the plain text gloss reads from FILE (all offsets refer to it).
    Text {
        /// The article.
        file: String,
    },
    /// Replay keys in the reader without a terminal and print the final frame.
    Render(RenderArgs),
    /// List the colour themes.
    Themes,
}

/// `--format` of `gloss export`: the core's export formats by name, each
/// with its summary for `--help`.
fn export_format() -> impl clap::builder::TypedValueParser<Value = export::Format> {
    let names =
        export::Format::ALL.map(|f| clap::builder::PossibleValue::new(f.name()).help(f.summary()));
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(names)
        .try_map(|name: String| export::Format::from_name(&name))
}

/// Formats of `gloss annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnnotateFormat {
    /// One pretty-printed JSON object (one file only).
    Json,
    /// One JSON object per line, one line per file.
    Jsonl,
}

/// Arguments of `gloss render`.
#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    /// The article (`-` for standard input).
    pub file: String,
    /// Screen size as COLUMNSxROWS.
    #[arg(long, default_value = "100x30", value_parser = parse_size)]
    pub size: (u16, u16),
    /// Keys to replay, in vim notation (`*`, `]e`, `<CR>`, `<C-o>`, `<lt>`);
    /// `-`: read them from standard input a line at a time, showing the
    /// frame after each line (and taking in an article changed on disk
    /// before it).
    #[arg(long, default_value = "")]
    pub keys: String,
    /// Print the reader's state as JSON instead of the frame.
    #[arg(long)]
    pub state: bool,
    /// Print the frame with ANSI colours and styles.
    #[arg(long)]
    pub color: bool,
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let bad = || format!("`{s}` is not a size like 100x30");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u16 = w.trim().parse().map_err(|_| bad())?;
    let h: u16 = h.trim().parse().map_err(|_| bad())?;
    if w == 0 || h == 0 {
        return Err(format!("`{s}`: width and height must be at least 1"));
    }
    Ok((w, h))
}

/// A failed command: the one line to print and the exit code.
#[derive(Debug)]
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
    /// The article's file, when it is one (watched for changes).
    pub path: Option<std::path::PathBuf>,
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
    let mut doc = open(file)?;
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
    let origin = match file {
        Some(f) => Origin::from_source(f),
        None => Origin::Unnamed,
    };
    let (mut store, mut messages) = Store::open(
        &origin,
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
        path: file.filter(|f| *f != "-").map(std::path::PathBuf::from),
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

/// Writes `text` to `output` (a path, or standard output for `None`/`-`),
/// never to one of the `open` files.
fn emit(output: Option<&str>, open: &OpenFiles, text: &str) -> Result<(), Failure> {
    emit_with(output, open, |w| w.write_all(text.as_bytes()))
}

/// Writes what `fill` writes to `output` (a path, replaced atomically, or
/// standard output for `None`/`-`, made safe when it is a terminal),
/// streaming it; one of the `open` files (the article, its sidecar) is
/// refused.
fn emit_with(
    output: Option<&str>,
    open: &OpenFiles,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match output {
        None | Some("-") => to_stdout(term::stdout(), fill),
        Some(path) => open
            .write(Path::new(path), true, fill)
            .map_err(|e| Failure::runtime(format!("{path}: {e}"))),
    }
}

/// Writes what `fill` writes to `out`, standard output.
fn to_stdout(
    mut out: term::Sanitizing<std::io::StdoutLock<'static>>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match fill(&mut out).and_then(|()| out.finish()) {
        // A closed pipe (`gloss annotate x | head`) is not a failure.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::runtime(format!("standard output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Prints the warnings met while opening a document, one line each.
fn warn(warnings: &[String]) {
    for w in warnings {
        term::warning(w);
    }
}

/// `gloss annotate`: one document as pretty JSON, or a batch as JSON lines,
/// with a progress line on stderr when it is a terminal.
fn annotate_command(
    files: &[String],
    format: AnnotateFormat,
    output: Option<&str>,
    jobs: Option<u32>,
    common: &Common,
) -> Result<(), Failure> {
    let inputs = document::expand_inputs(files);
    if format == AnnotateFormat::Json && inputs.len() > 1 {
        return Err(Failure::input(format!(
            "annotate: --format json takes one article, not {}; use --format jsonl",
            inputs.len()
        )));
    }
    if common.annotations.is_some() && inputs.len() > 1 {
        return Err(Failure::input(format!(
            "annotate: --annotations belongs to one article, not {}",
            inputs.len()
        )));
    }
    if inputs.len() == 1 {
        // One document: its failure is the one line on stderr.
        let name = inputs[0]
            .as_ref()
            .map_err(|e| Failure::input(e.to_string()))?;
        let opened = open_article(Some(name), common)?;
        warn(&opened.messages);
        let ann = opened.annotations();
        let notes = opened.store.notes_lazy(&ann);
        let pretty = matches!(format, AnnotateFormat::Json);
        return emit_with(output, &opened.files, |w| {
            export::json::write(w, &opened.doc, &ann, notes, pretty)
        });
    }
    let jobs = jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        |j| j as usize,
    );
    let (mut sink, sink_name): (Box<dyn Write>, &str) = match output {
        None | Some("-") => (Box::new(term::stdout()), "standard output"),
        Some(path) => {
            let mut articles = OpenFiles::default();
            for name in inputs.iter().flatten() {
                articles.add(name);
            }
            articles
                .check(Path::new(path))
                .map_err(|e| Failure::runtime(format!("{path}: {e}")))?;
            let file = std::fs::File::create(path)
                .map_err(|e| Failure::runtime(format!("{path}: {e}")))?;
            (Box::new(file), path)
        }
    };
    let mut sink = std::io::BufWriter::new(&mut sink);
    let progress = term::Progress::new();
    let columns = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    let mut on_event = |event: batch::Event<'_>| match event {
        batch::Event::Failed(message) => progress.error(message),
        batch::Event::Warning(message) => progress.warning(message),
        batch::Event::Progress { done, total } => {
            progress.show(&progress_bar(done, total, columns));
        }
    };
    let work = |name: &str| -> Result<(String, Vec<String>), String> {
        let opened = open_article(Some(name), common).map_err(|f| f.message)?;
        let ann = opened.annotations();
        let line = export::json::to_line(&opened.doc, &ann, opened.store.notes_lazy(&ann));
        Ok((line, opened.messages))
    };
    let result = batch::run(&inputs, jobs, &work, &mut sink, &mut on_event);
    progress.clear();
    let summary = match result {
        Ok(summary) => summary,
        // A closed pipe (`gloss annotate dir | head`) is not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        Err(e) => return Err(Failure::runtime(format!("{sink_name}: {e}"))),
    };
    match summary.failed {
        0 => Ok(()),
        n if n == summary.total => Err(Failure::input(format!(
            "annotate: none of the {n} articles could be annotated"
        ))),
        n => Err(Failure::runtime(format!(
            "annotate: {n} of {} articles failed",
            summary.total
        ))),
    }
}

/// The batch's progress line: a bar of [`BAR_CELLS`] cells, the articles
/// done and the share done ("gloss: ▕██████░░░░▏ 120/480 articles  25%"),
/// without the bar when the line would not fit in `columns` (a wrapped line
/// could not be redrawn in place).
fn progress_bar(done: usize, total: usize, columns: usize) -> String {
    let share = |of: usize| (done.min(total) * of).checked_div(total).unwrap_or(of);
    let count = format!("{done}/{total} articles {:>3}%", share(100));
    let full = share(BAR_CELLS);
    let line = format!(
        "gloss: ▕{}{}▏ {count}",
        "█".repeat(full),
        "░".repeat(BAR_CELLS - full)
    );
    if line.chars().count() < columns {
        line
    } else {
        format!("gloss: {count}")
    }
}

/// Width of [`progress_bar`]'s bar, in cells.
const BAR_CELLS: usize = 24;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => {
            let opened = open_for_reader(cli.file.as_deref(), &cli.common)?;
            crate::tui::run(opened, &cli.common)
        }
        Some(Command::Annotate {
            files,
            format,
            output,
            jobs,
        }) => annotate_command(&files, format, output.as_deref(), jobs, &cli.common),
        Some(Command::Export {
            file,
            format,
            output,
        }) => {
            let opened = open_article(Some(&file), &cli.common)?;
            let ann = opened.annotations();
            let notes = opened.notes(&ann);
            let doc = &opened.doc;
            let out = format.render(doc, &ann, notes);
            match (format, output.as_deref()) {
                (export::Format::Brat, Some(path)) if path != "-" => {
                    crate::write::brat(Path::new(path), doc, &out, &opened.files)
                        .map(drop)
                        .map_err(Failure::runtime)
                }
                (_, output) => emit(output, &opened.files, &out),
            }
        }
        Some(Command::Text { file }) => {
            let doc = open(Some(&file))?;
            warn(&doc.warnings);
            emit(None, &OpenFiles::default(), &doc.text)
        }
        Some(Command::Render(args)) => {
            let opened = open_article(Some(&args.file), &cli.common)?;
            // The styled frame is gloss's own, made safe cell by cell.
            let mut out = if args.color {
                term::styled_stdout()
            } else {
                term::stdout()
            };
            crate::render::run(opened, &args, &cli.common, &mut out)?;
            to_stdout(out, |_| Ok(()))
        }
        Some(Command::Themes) => emit(None, &OpenFiles::default(), &crate::theme::list()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("80x24"), Ok((80, 24)));
        assert!(parse_size("80").is_err());
        assert!(parse_size("0x5").is_err());
        assert!(parse_size("ax5").is_err());
    }

    #[test]
    fn the_progress_bar_fills_with_the_work() {
        let empty = format!("gloss: ▕{}▏ 0/480 articles   0%", "░".repeat(BAR_CELLS));
        assert_eq!(progress_bar(0, 480, 80), empty);
        let quarter = format!(
            "gloss: ▕{}{}▏ 120/480 articles  25%",
            "█".repeat(6),
            "░".repeat(18)
        );
        assert_eq!(progress_bar(120, 480, 80), quarter);
        let full = format!("gloss: ▕{}▏ 480/480 articles 100%", "█".repeat(BAR_CELLS));
        assert_eq!(progress_bar(480, 480, 80), full);
        // Never more than full, and no division by zero.
        assert_eq!(progress_bar(500, 480, 80).matches('█').count(), BAR_CELLS);
        assert!(progress_bar(0, 0, 80).ends_with("0/0 articles 100%"));
        // A narrow terminal gets the count alone, which never wraps there.
        assert_eq!(progress_bar(120, 480, 40), "gloss: 120/480 articles  25%");
        let exact = quarter.chars().count();
        assert_eq!(
            progress_bar(120, 480, exact),
            "gloss: 120/480 articles  25%"
        );
        assert_eq!(progress_bar(120, 480, exact + 1), quarter);
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
