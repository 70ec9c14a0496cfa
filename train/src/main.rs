//! `gloss-train`: trains gloss's kind model, part-of-speech tagger and
//! link ranker from the GUM documents in `../shared/data/` and writes the
//! committed model files.
//!
//! ```text
//! cargo run --release -p gloss-train -- [--data DIR] [--out FILE]
//!     [--tags-out FILE] [--without-news FILE] [--links-out FILE]
//!     [--links-without-news FILE] [--check] [--verbose] [--probabilities] [--errors]
//! ```
//!
//! It annotates every document with the rules (the entity stage, as the
//! annotator runs it), labels each named entity by the gold names its
//! mentions match, and then:
//! 1. cross-validates by genre: for each GUM genre of `gum-train/`, a model
//!    trained on the other four and the news dev set scores it; and a model
//!    trained on `gum-train/` alone scores `gum-news-dev/`;
//! 2. chooses the thresholds (override the rules' kind; drop a name as no
//!    actor) with the largest gain in typed F1 over the rules on the fold
//!    that gains least, all six folds counted, each scored by a model
//!    trained without it (ties: the best pooled typed F1). The news dev fold
//!    thus takes part in choosing these two numbers, though never in
//!    training the model that scores it; on the GUM folds alone the choice
//!    is to override always, which costs news 6 points (see
//!    `core/src/annotate/models/README.md`);
//! 3. trains on everything and writes the model to `--out` (default
//!    `core/src/annotate/models/kinds.bin`), or with `--check` fails unless
//!    the file there is byte for byte what it would write;
//! 4. with `--without-news FILE`, also writes the model trained without the
//!    news dev set, for `../shared/eval/score.py` through
//!    `GLOSS_KINDS_MODEL=FILE`;
//! 5. with `--verbose`, also prints the rules' counts on each document and
//!    the held-out typed and mention F1 at every pair of thresholds; with
//!    `--probabilities`, each named entity's rules' kind (listed or
//!    guessed), its label and the probabilities
//!    the model trained without its genre gives it (what a drop or an
//!    override of that entity rests on); with `--errors`, each held-out
//!    fold's kind errors at the chosen thresholds (genre, document, the
//!    name as written, gold kind, predicted kind, gloss's entity);
//! 6. trains the part-of-speech tagger on the same documents' CoNLL-U tags
//!    (see [`tags`]), reports its accuracy cross-validated by document and
//!    by genre (each genre, the news dev set among them, held out whole;
//!    capitalised sentence-initial words counted apart), and writes it to
//!    `--tags-out` (default `core/src/annotate/models/tags.bin`), or with
//!    `--check` fails unless the file there is what it would write;
//! 7. then the link ranker (see `train/src/links.rs`): cross-validated by
//!    genre on annotations whose kinds come from the kind model trained
//!    without each document's genre, its thresholds chosen there, written
//!    to `--links-out` (default `core/src/annotate/models/links.bin`) or
//!    checked, and with `--links-without-news FILE` also trained without
//!    the news dev set.
//!
//! Training is deterministic: documents in name order, examples in a fixed
//! shuffled order, no randomness from the system.

mod data;
mod links;
mod score;
mod tags;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gloss_core::annotate::learn::model::{KINDS, LINKS, Label, Model, TAGS};
use gloss_core::annotate::learn::train::{Example, Options, train};
use gloss_core::annotate::learn::{decide, features};
use gloss_core::annotate::{entities, segment};
use gloss_core::model::Annotations;
use thiserror::Error;

use data::{DataError, Doc};
use score::Counts;
use tags::TagsError;

/// Thresholds tried for overriding the rules' kind, in thousandths (0:
/// always; above 1000: never).
const OVERRIDE_AT: [u16; 10] = [0, 500, 600, 700, 750, 800, 850, 900, 950, 1001];
/// Thresholds tried for dropping a name as no actor.
const DROP_AT: [u16; 6] = [500, 600, 700, 800, 900, 1001];
/// The least gain in [`quality`] (about one name of a fold: a tenth of a
/// point of F1) for which
/// [`choose`] takes a less cautious pair of thresholds.
const MARGIN: f64 = 0.001;
/// The genre of the news dev set.
const NEWS: &str = "news";

/// A document annotated by the rules, with its entities' features and
/// labels.
struct Prepared {
    doc: Doc,
    ann: Annotations,
    examples: Vec<Example>,
}

/// Why gloss-train stopped before it could train.
#[derive(Debug, Error)]
enum TrainError {
    /// An option that takes a value came last.
    #[error("{0} needs a value")]
    NeedsValue(String),
    /// An argument gloss-train does not know.
    #[error(
        "unknown argument {0}\nusage: gloss-train [--data DIR] [--out FILE] [--tags-out FILE] [--without-news FILE] [--links-out FILE] [--links-without-news FILE] [--check] [--verbose] [--probabilities] [--errors]"
    )]
    UnknownArgument(String),
    /// The gold documents could not be read.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A document's part-of-speech tags could not be read.
    #[error(transparent)]
    Tags(#[from] TagsError),
    /// A model file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
}

/// A [`TrainError::Io`] for `path`.
fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TrainError + '_ {
    move |source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The command line.
struct Args {
    data: PathBuf,
    out: PathBuf,
    tags_out: PathBuf,
    without_news: Option<PathBuf>,
    links_out: PathBuf,
    links_without_news: Option<PathBuf>,
    check: bool,
    verbose: bool,
    probabilities: bool,
    errors: bool,
}

/// Reads the command line.
fn parse_args() -> Result<Args, TrainError> {
    let mut args = Args {
        data: PathBuf::from("../shared/data"),
        out: PathBuf::from("core/src/annotate/models/kinds.bin"),
        tags_out: PathBuf::from("core/src/annotate/models/tags.bin"),
        without_news: None,
        links_out: PathBuf::from("core/src/annotate/models/links.bin"),
        links_without_news: None,
        check: false,
        verbose: false,
        probabilities: false,
        errors: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || {
            it.next()
                .map(PathBuf::from)
                .ok_or_else(|| TrainError::NeedsValue(a.clone()))
        };
        match a.as_str() {
            "--data" => args.data = value()?,
            "--out" => args.out = value()?,
            "--tags-out" => args.tags_out = value()?,
            "--without-news" => args.without_news = Some(value()?),
            "--links-out" => args.links_out = value()?,
            "--links-without-news" => args.links_without_news = Some(value()?),
            "--check" => args.check = true,
            "--verbose" => args.verbose = true,
            "--probabilities" => args.probabilities = true,
            "--errors" => args.errors = true,
            _ => return Err(TrainError::UnknownArgument(a)),
        }
    }
    Ok(args)
}

/// Annotates a document with the rules and gathers its examples.
fn prepare(doc: Doc) -> Prepared {
    let (ann, _) = entities::find(&doc.text, segment::segment(&doc.text), &mut |_| {});
    let labels = score::labels(&doc, &ann);
    let examples = labels
        .iter()
        .enumerate()
        .filter_map(|(e, label)| {
            let features = features::of_entity(&doc.text, &ann, e);
            let label = (*label)?;
            (!features.is_empty()).then_some(Example {
                features,
                label: label.index(),
            })
        })
        .collect();
    Prepared { doc, ann, examples }
}

/// A model trained on the documents `keep` accepts.
fn train_on(docs: &[Prepared], keep: impl Fn(&Doc) -> bool) -> Model {
    let examples: Vec<Example> = docs
        .iter()
        .filter(|p| keep(&p.doc))
        .flat_map(|p| p.examples.iter().cloned())
        .collect();
    train(&examples, Options::default(), 1001, 1001)
}

/// The counts on `docs` with `model` deciding at the given thresholds, or
/// with the rules alone.
fn evaluate<'a>(docs: impl Iterator<Item = &'a Prepared>, model: Option<&Model>) -> Counts {
    let mut total = Counts::default();
    for p in docs {
        let c = match model {
            Some(model) => {
                let mut ann = p.ann.clone();
                decide(&p.doc.text, &mut ann, model);
                score::score(&p.doc, &ann)
            }
            None => score::score(&p.doc, &p.ann),
        };
        total.add(c);
    }
    total
}

/// The documents of genre `g`.
fn fold_docs<'a>(docs: &'a [Prepared], g: &'a str) -> impl Iterator<Item = &'a Prepared> + Clone {
    docs.iter().filter(move |p| p.doc.genre == g)
}

/// The thresholds (override, drop) with the best gain over the rules on the
/// fold that gains least among the folds `counted` accepts (a learned kind
/// must help every genre), then the best pooled over them; a gain is in
/// [`quality`], so that a drop must pay in names and actors found, not in
/// kinds alone. Thresholds are tried from the most cautious (the model
/// overriding and dropping least) on, and a less cautious pair wins only
/// by [`MARGIN`]: a tie within the folds' noise keeps the rules, so that a
/// change of a few names in the training data does not swing the choice.
fn choose(
    docs: &[Prepared],
    folds: &[(String, Model)],
    counted: impl Fn(&str) -> bool,
) -> (u16, u16) {
    let folds: Vec<_> = folds.iter().filter(|(g, _)| counted(g)).collect();
    let rules: Vec<Counts> = folds
        .iter()
        .map(|(g, _)| evaluate(fold_docs(docs, g), None))
        .collect();
    let mut best = (f64::MIN, f64::MIN, 1001, 1001);
    for &o in OVERRIDE_AT.iter().rev() {
        for &d in DROP_AT.iter().rev() {
            let mut worst = f64::MAX;
            let mut pooled = Counts::default();
            for ((g, model), rules) in folds.iter().zip(&rules) {
                let c = evaluate(fold_docs(docs, g), Some(&at(model, o, d)));
                worst = worst.min(quality(&c) - quality(rules));
                pooled.add(c);
            }
            let score = (worst, quality(&pooled));
            if score.0 > best.0 + MARGIN || (score.0 > best.0 - MARGIN && score.1 > best.1 + MARGIN)
            {
                best = (score.0, score.1, o, d);
            }
        }
    }
    (best.2, best.3)
}

/// What the thresholds are chosen by: the mean of typed, mention and actor
/// F1 (dropping names can raise typed F1 while losing right names).
fn quality(c: &Counts) -> f64 {
    (c.typed() + c.mentions() + c.actors()) / 3.0
}

/// A threshold for a message: a probability, or "never".
fn shown(at: u16) -> String {
    if at > 1000 {
        "never".to_owned()
    } else {
        format!("{:.2}", f64::from(at) / 1000.0)
    }
}

/// A copy of `model` deciding at other thresholds.
fn at(model: &Model, override_at: u16, drop_at: u16) -> Model {
    model.clone().with_thresholds(override_at, drop_at)
}

/// Loads the documents, trains and cross-validates the three models, and
/// writes or checks their files. False when a checked file differs.
fn run() -> Result<bool, TrainError> {
    let args = parse_args()?;
    let (docs, tagged) = load(&args.data)?;
    let mut genres: Vec<String> = docs.iter().map(|p| p.doc.genre.clone()).collect();
    genres.sort();
    genres.dedup();
    let examples: usize = docs.iter().map(|p| p.examples.len()).sum();
    println!("{} documents, {} labelled entities", docs.len(), examples);
    if args.verbose {
        for p in &docs {
            let c = score::score(&p.doc, &p.ann);
            println!(
                "{} {:?} {:.3} {:.3}",
                p.doc.name,
                c,
                c.mentions(),
                c.typed()
            );
        }
    }

    // One model per fold, trained without it.
    let folds: Vec<(String, Model)> = genres
        .iter()
        .map(|g| (g.clone(), train_on(&docs, |d| &d.genre != g)))
        .collect();
    let (override_at, drop_at) = choose(&docs, &folds, |_| true);
    if args.verbose {
        print_grid(&docs, &folds);
    }
    if args.probabilities {
        print_probabilities(&docs, &folds);
    }
    println!(
        "thresholds chosen by genre folds (best worst-fold gain): override at p >= {}, drop as no actor at p >= {}",
        shown(override_at),
        shown(drop_at)
    );
    print_folds(&docs, &folds, (override_at, drop_at));
    if args.errors {
        print_errors(&docs, &folds, (override_at, drop_at));
    }
    print_news_alone(&docs, &folds);

    if let Some(path) = &args.without_news {
        let model = at(&train_on(&docs, |d| d.genre != NEWS), override_at, drop_at);
        std::fs::write(path, model.to_bytes(KINDS)).map_err(io(path))?;
        println!(
            "wrote the model trained without {NEWS} to {}",
            path.display()
        );
    }
    let bytes = at(&train_on(&docs, |_| true), override_at, drop_at).to_bytes(KINDS);
    let kinds_ok = write_or_check(&args.out, &bytes, args.check)?;
    let tags_ok = write_or_check(&args.tags_out, &tagger(&tagged).to_bytes(TAGS), args.check)?;
    let links_ok = link_ranker(&args, &docs, &folds, &genres, (override_at, drop_at))?;
    Ok(kinds_ok && tags_ok && links_ok)
}

/// The documents of `gum-train/` and `gum-news-dev/` under `data`, in name
/// order: annotated by the rules with their examples, and with their tags.
fn load(data: &Path) -> Result<(Vec<Prepared>, Vec<tags::Tagged>), TrainError> {
    let mut docs = Vec::new();
    let mut tagged = Vec::new();
    for dir in ["gum-train", "gum-news-dev"] {
        let dir = data.join(dir);
        let loaded = data::load_dir(&dir)?;
        for doc in &loaded {
            tagged.push(tags::project(&dir, doc)?);
        }
        docs.extend(loaded.into_iter().map(prepare));
    }
    Ok((docs, tagged))
}

/// Prints, for each named entity of `docs`, its genre, document, name,
/// the rules' kind and whether the word lists back it or the rules guessed
/// it ([`features::rules_guessed`]), its label (`-` for none) and the probabilities of each label from the model
/// of `folds` trained without its genre.
fn print_probabilities(docs: &[Prepared], folds: &[(String, Model)]) {
    for p in docs {
        let Some((_, model)) = folds.iter().find(|(g, _)| *g == p.doc.genre) else {
            continue;
        };
        let labels = score::labels(&p.doc, &p.ann);
        for (e, entity) in p.ann.entities.iter().enumerate() {
            let features = features::of_entity(&p.doc.text, &p.ann, e);
            if features.is_empty() {
                continue;
            }
            let label = labels
                .get(e)
                .copied()
                .flatten()
                .map_or("-".to_owned(), |l| format!("{l:?}"));
            let probabilities: Vec<String> = Label::ALL
                .iter()
                .zip(model.probabilities(&features))
                .map(|(l, pr)| format!("{l:?} {pr:.3}"))
                .collect();
            let basis = if features::rules_guessed(&entity.name) {
                "guess"
            } else {
                "listed"
            };
            println!(
                "{}\t{}\t{}\t{} {basis}\t{}\t{}",
                p.doc.genre,
                p.doc.name,
                entity.name,
                entity.kind.as_str(),
                label,
                probabilities.join(" ")
            );
        }
    }
}

/// Prints the held-out typed, mention and actor F1, GUM folds pooled and news,
/// at every pair of thresholds.
fn print_grid(docs: &[Prepared], folds: &[(String, Model)]) {
    for &o in &OVERRIDE_AT {
        for &d in &DROP_AT {
            let mut gum = Counts::default();
            let mut news = Counts::default();
            for (g, model) in folds {
                let c = evaluate(fold_docs(docs, g), Some(&at(model, o, d)));
                if g == NEWS { news.add(c) } else { gum.add(c) }
            }
            println!(
                "override at {o:>4} drop at {d:>4}: GUM typed {:.3} mentions {:.3} actors {:.3} | news typed {:.3} mentions {:.3} actors {:.3}",
                gum.typed(),
                gum.mentions(),
                gum.actors(),
                news.typed(),
                news.mentions(),
                news.actors()
            );
        }
    }
}

/// Prints the table of held-out scores by fold (the rules, the learned
/// kinds deciding at `(override_at, drop_at)`, the learned kinds always
/// overriding) and the GUM folds pooled.
fn print_folds(docs: &[Prepared], folds: &[(String, Model)], (override_at, drop_at): (u16, u16)) {
    println!(
        "{:<10} {:>5} | {:>6} {:>8} {:>6} | {:>7} {:>8} {:>6} | {:>6}",
        "held out",
        "docs",
        "rules:",
        "mentions",
        "actors",
        "learned",
        "mentions",
        "actors",
        "always"
    );
    println!(
        "{:<10} {:>5} | {:>6} {:>8} {:>6} | {:>7} {:>8} {:>6} | {:>6}",
        "", "", "typed", "", "", "typed", "", "", "typed"
    );
    let mut sums = [Counts::default(); 3];
    let row = |g: &str, n: usize, [rules, learned, always]: [Counts; 3]| {
        println!(
            "{:<10} {:>5} | {:>6.3} {:>8.3} {:>6.3} | {:>7.3} {:>8.3} {:>6.3} | {:>6.3}",
            g,
            n,
            rules.typed(),
            rules.mentions(),
            rules.actors(),
            learned.typed(),
            learned.mentions(),
            learned.actors(),
            always.typed()
        );
    };
    for (g, model) in folds {
        let rules = evaluate(fold_docs(docs, g), None);
        let learned = evaluate(fold_docs(docs, g), Some(&at(model, override_at, drop_at)));
        let always = evaluate(fold_docs(docs, g), Some(&at(model, 0, 1001)));
        if g != NEWS {
            for (s, c) in sums.iter_mut().zip([rules, learned, always]) {
                s.add(c);
            }
        }
        row(g, fold_docs(docs, g).count(), [rules, learned, always]);
    }
    row(
        "GUM pooled",
        docs.iter().filter(|p| p.doc.genre != NEWS).count(),
        sums,
    );
}

/// Prints each fold's kind errors with the model trained without it
/// deciding at `(override_at, drop_at)`: genre, document, the name as
/// written, its gold kind, gloss's kind and gloss's entity.
fn print_errors(docs: &[Prepared], folds: &[(String, Model)], (override_at, drop_at): (u16, u16)) {
    for (g, model) in folds {
        let model = at(model, override_at, drop_at);
        for p in fold_docs(docs, g) {
            let mut ann = p.ann.clone();
            decide(&p.doc.text, &mut ann, &model);
            for e in score::kind_errors(&p.doc, &ann) {
                println!(
                    "error\t{g}\t{}\t{}\t{}\t{}\t{}",
                    p.doc.name,
                    e.text,
                    e.gold,
                    e.predicted.as_str(),
                    e.entity
                );
            }
        }
    }
}

/// Prints the news dev set's scores with thresholds chosen on the GUM
/// folds alone.
fn print_news_alone(docs: &[Prepared], folds: &[(String, Model)]) {
    let (o, d) = choose(docs, folds, |g| g != NEWS);
    if let Some((_, model)) = folds.iter().find(|(g, _)| g == NEWS) {
        let news = evaluate(fold_docs(docs, NEWS), Some(&at(model, o, d)));
        println!(
            "{NEWS} with thresholds chosen on the GUM folds alone (override at {}, drop at {}): typed {:.3}, mentions {:.3}",
            shown(o),
            shown(d),
            news.typed(),
            news.mentions()
        );
    }
}

/// The link ranker, on annotations whose kinds come from the kind model
/// trained without each document's genre (deciding at `kinds_at`): its
/// thresholds chosen by genre folds, the model trained without the news
/// dev set written when asked, and the one trained on everything written
/// or checked. False when a checked file differs.
fn link_ranker(
    args: &Args,
    docs: &[Prepared],
    folds: &[(String, Model)],
    genres: &[String],
    kinds_at: (u16, u16),
) -> Result<bool, TrainError> {
    let link_docs: Vec<links::LinkDoc> = docs
        .iter()
        .map(|p| {
            let kinds = folds
                .iter()
                .find(|(g, _)| *g == p.doc.genre)
                .map(|(_, m)| at(m, kinds_at.0, kinds_at.1));
            links::LinkDoc::new(&p.doc, kinds)
        })
        .collect();
    let threshold = links::cross_validate(&link_docs, genres);
    println!(
        "links: thresholds chosen by genre folds (best pooled F{}): link at {}, overrule the rules at {}",
        links::BETA,
        shown(threshold.0),
        shown(threshold.1)
    );
    if let Some(path) = &args.links_without_news {
        let model = links::train_on(&link_docs, |d| d.genre != NEWS, threshold);
        std::fs::write(path, model.to_bytes(LINKS)).map_err(io(path))?;
        println!(
            "wrote the link model trained without {NEWS} to {}",
            path.display()
        );
    }
    let bytes = links::train_on(&link_docs, |_| true, threshold).to_bytes(LINKS);
    write_or_check(&args.links_out, &bytes, args.check)
}

/// The tagger trained on every document, after reporting its accuracy
/// cross-validated by document (fold `k` holds out every `FOLDS`th
/// document from the `k`th), by genre (each genre held out whole, the
/// news dev set among them), with the capitalised words opening a
/// sentence counted apart.
fn tagger(docs: &[tags::Tagged]) -> tags::TagModel {
    let mut pooled = tags::Accuracy::default();
    for k in 0..tags::FOLDS {
        let model = tags::train_on(docs, |i| i % tags::FOLDS != k);
        let held = tags::accuracy(docs.iter().skip(k).step_by(tags::FOLDS), &model);
        println!("tagger fold {k}: {held}");
        pooled = pooled.add(held);
    }
    println!(
        "tagger cross-validated by document ({} folds): {pooled}",
        tags::FOLDS
    );
    let genres: std::collections::BTreeSet<&str> = docs.iter().map(|d| d.genre.as_str()).collect();
    let mut by_genre = tags::Accuracy::default();
    for genre in genres {
        let model = tags::train_on(docs, |i| docs[i].genre != genre);
        let held = tags::accuracy(docs.iter().filter(|d| d.genre == genre), &model);
        println!("tagger trained without {genre}: on {genre} {held}");
        by_genre = by_genre.add(held);
    }
    println!("tagger by genre fold, pooled: {by_genre}");
    tags::train_on(docs, |_| true)
}

/// Writes `bytes` to `path`, or with `check` tells whether the file there
/// already holds them (false, with a message, when it does not).
fn write_or_check(path: &Path, bytes: &[u8], check: bool) -> Result<bool, TrainError> {
    if check {
        let committed = std::fs::read(path).map_err(io(path))?;
        if committed != bytes {
            eprintln!(
                "{} is not what gloss-train produces: run `cargo run --release -p gloss-train` and commit it",
                path.display()
            );
            return Ok(false);
        }
        println!(
            "{} is what gloss-train produces ({} bytes)",
            path.display(),
            bytes.len()
        );
    } else {
        std::fs::write(path, bytes).map_err(io(path))?;
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    Ok(true)
}

/// Runs gloss-train: exit status 1 when a checked file differs, 2 when it
/// could not run.
fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("gloss-train: {e}");
            ExitCode::from(2)
        }
    }
}
