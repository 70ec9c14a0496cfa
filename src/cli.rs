//! The command line: clap definitions and dispatch to the core and the
//! front ends. Errors come back as [`Failure`], which carries the exit code.
//! Articles are opened by [`crate::open`].

use std::io::Write;
use std::path::Path;

use clap::{Parser, Subcommand, ValueEnum};

use crate::batch;
use crate::document;
use crate::export;
use crate::library::command::{ActorsFormat, DossierFormat};
use crate::open::{Common, Failure, open, open_article};
use crate::render::RenderArgs;
use crate::store::disk::OpenFiles;
use crate::term;

/// gloss: read news and policy articles with their actors highlighted and linked.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to open: an article (a file, `-` for standard input, or a web
    /// page's URL), a feed (RSS, Atom, JSON Feed; file or URL), a folder of
    /// articles, or several files (a library). Without one, the bundled
    /// sample article opens.
    pub files: Vec<String>,
    /// Options every command takes.
    #[command(flatten)]
    pub common: Common,
    /// What to do; without a command, the reader opens.
    #[command(subcommand)]
    pub command: Option<Command>,
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
    /// Build or refresh the library's index of a folder or a feed.
    Index {
        /// A folder of articles, a feed (file or URL), or articles.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Articles to annotate at once (default: one per CPU core).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1024))]
        jobs: Option<u32>,
    },
    /// Every actor across the library's articles, with its articles and counts.
    Actors {
        /// Only the articles of this folder or feed (indexed first); without
        /// it, every indexed article.
        dir: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ActorsFormat::Json)]
        format: ActorsFormat,
    },
    /// One actor's mentions, commitments and quotes across articles, each
    /// with its sentence.
    Actor {
        /// The actor's name (any of its names, or an acronym).
        name: String,
        /// Only the articles of this folder or feed (indexed first).
        dir: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DossierFormat::Json)]
        format: DossierFormat,
    },
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
        return annotate_one(name, matches!(format, AnnotateFormat::Json), output, common);
    }
    annotate_many(&inputs, output, jobs, common)
}

/// `gloss annotate` of the one article `name`: its JSON, `pretty` or on
/// one line, to `output`.
fn annotate_one(
    name: &str,
    pretty: bool,
    output: Option<&str>,
    common: &Common,
) -> Result<(), Failure> {
    let opened = open_article(Some(name), common)?;
    warn(&opened.messages);
    let ann = opened.annotations();
    let notes = opened.store.notes_lazy(&ann);
    emit_with(output, &opened.files, |w| {
        export::json::write(w, &opened.doc, &ann, notes, pretty)
    })
}

/// Where a batch's lines go: standard output, or the file `output` (never
/// one of the `inputs`), with its name for messages.
fn batch_sink<'a>(
    output: Option<&'a str>,
    inputs: &[Result<String, document::LoadError>],
) -> Result<(Box<dyn Write>, &'a str), Failure> {
    match output {
        None | Some("-") => Ok((Box::new(term::stdout()), "standard output")),
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
            Ok((Box::new(file), path))
        }
    }
}

/// `gloss annotate` of many articles: one JSON line each, in input order,
/// on `jobs` threads, with a progress line; a failed article is reported
/// and the others go on.
fn annotate_many(
    inputs: &[Result<String, document::LoadError>],
    output: Option<&str>,
    jobs: Option<u32>,
    common: &Common,
) -> Result<(), Failure> {
    let jobs = jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        |j| j as usize,
    );
    let (mut sink, sink_name) = batch_sink(output, inputs)?;
    let mut sink = std::io::BufWriter::new(&mut sink);
    let progress = term::Progress::new();
    let columns = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    let mut on_event = |event: batch::Event<'_>| match event {
        batch::Event::Failed(message) => progress.error(message),
        batch::Event::Warning(message) => progress.warning(message),
        batch::Event::Progress { done, total } => {
            progress.show(&term::progress_bar(done, total, columns));
        }
    };
    let work = |name: &str| -> Result<(String, Vec<String>), Failure> {
        let opened = open_article(Some(name), common)?;
        let ann = opened.annotations();
        let line = export::json::to_line(&opened.doc, &ann, opened.store.notes_lazy(&ann));
        Ok((line, opened.messages))
    };
    let result = batch::run(inputs, jobs, &work, &mut sink, &mut on_event);
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

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        None => crate::library::command::read(&cli.files, &cli.common),
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
                        .map_err(|e| Failure::runtime(e.to_string()))
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
            // Checked first: `--keys -` takes standard input from the article.
            let keys = crate::render::keys(&args)?;
            let (opened, library) = crate::library::command::start(
                std::slice::from_ref(&args.file),
                &cli.common,
                false,
            )?;
            // The styled frame is gloss's own, made safe cell by cell.
            let mut out = if args.color {
                term::styled_stdout()
            } else {
                term::stdout()
            };
            crate::render::run(opened, library, keys, &args, &cli.common, &mut out)?;
            to_stdout(out, |_| Ok(()))
        }
        Some(Command::Themes) => emit(None, &OpenFiles::default(), &crate::theme::list()),
        Some(Command::Index { inputs, jobs }) => crate::library::command::index(&inputs, jobs),
        Some(Command::Actors { dir, format }) => {
            let out = crate::library::command::actors(dir.as_deref(), format)?;
            emit(None, &OpenFiles::default(), &out)
        }
        Some(Command::Actor { name, dir, format }) => {
            let out = crate::library::command::actor(&name, dir.as_deref(), format)?;
            emit(None, &OpenFiles::default(), &out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
