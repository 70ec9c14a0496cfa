//! The library's index: every article's stamp and hash, title, date and
//! counts, its actors with the keys that match them across articles, and
//! each mention, commitment and quote with its sentence, in an SQLite
//! database (`gloss.sqlite` in the data folder; rusqlite with SQLite built
//! in, so there is no system library to find).
//!
//! It is updated incrementally: a file whose size and modification time
//! are as indexed is not read, and one whose bytes hash as indexed is not
//! annotated again. Articles are annotated in parallel (std threads: the
//! work is a plain map over a list, which needs no more machinery) and
//! written by one thread in transactions of [`BATCH`] articles, in WAL
//! mode, so a process killed during an update leaves the index as of its
//! last transaction. A database SQLite cannot read is set aside and
//! rebuilt, with a message.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use rusqlite::{Connection, OptionalExtension, params};

use super::{Entry, OpenError, Page, fetch, page};
use crate::annotate::{Sentences, annotate_document};
use crate::document::{self, Document};
use crate::model::{Annotations, EntityKind, MentionForm, Span};
use crate::store::disk::is_url;
use crate::store::{Origin, Store};
use gloss_core::text::fnv1a64;

/// The index's file name in the data folder.
pub const FILE: &str = "gloss.sqlite";

/// Articles written per transaction.
pub const BATCH: usize = 64;

/// The index's version, raised when its schema or what it stores (the
/// keys) changes; an index of another version is rebuilt.
const VERSION: i64 = 3;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER);
CREATE TABLE IF NOT EXISTS articles(
  id INTEGER PRIMARY KEY, source TEXT UNIQUE NOT NULL, stamp TEXT, hash TEXT NOT NULL,
  title TEXT NOT NULL, date TEXT, origin TEXT NOT NULL,
  actors INTEGER NOT NULL, commitments INTEGER NOT NULL, quotes INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actors(
  id INTEGER PRIMARY KEY, article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name TEXT NOT NULL, kind TEXT NOT NULL, mentions INTEGER NOT NULL,
  commitments INTEGER NOT NULL, quotes INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS actors_article ON actors(article);
CREATE TABLE IF NOT EXISTS keys(
  actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, key TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS keys_key ON keys(key);
CREATE INDEX IF NOT EXISTS keys_actor ON keys(actor);
CREATE TABLE IF NOT EXISTS sentences(
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, n INTEGER NOT NULL,
  text TEXT NOT NULL, PRIMARY KEY(article, n));
CREATE TABLE IF NOT EXISTS items(
  actor INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, what TEXT NOT NULL,
  start INTEGER NOT NULL, text TEXT NOT NULL, sentence INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS items_actor ON items(actor);
";

/// The index, open.
pub struct Index {
    conn: Connection,
    path: PathBuf,
}

/// What an article's row says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Its title. Safe to print.
    pub title: String,
    /// Its date as written.
    pub date: Option<String>,
    /// Actors, commitments and quotes in it.
    pub counts: [usize; 3],
}

/// How an update went.
#[derive(Debug, Default)]
pub struct Refreshed {
    /// Articles annotated and written.
    pub indexed: usize,
    /// Articles found as indexed.
    pub unchanged: usize,
    /// Articles that could not be read, each said in one line.
    pub failed: Vec<OpenError>,
}

/// One article's actor, as the index holds it.
#[derive(Debug, Clone)]
pub struct ActorRow {
    /// Its row id.
    pub id: i64,
    /// The article's source.
    pub source: String,
    /// The article's title.
    pub title: String,
    /// Its name in that article.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Mentions, commitments and quotes in that article.
    pub counts: [usize; 3],
}

/// An actor row's id and one of its keys.
pub type ActorKey = (i64, String);

/// An actor as the article open in the reader has it now, which the index
/// may not hold, or hold as it was.
#[derive(Debug, Clone)]
pub struct OpenActor {
    /// Its row; its id is 0, which SQLite gives no row.
    pub row: ActorRow,
    /// Its keys (see [`keys`]).
    pub keys: Vec<String>,
    /// The acronyms the article writes for it, normalised.
    pub aliases: Vec<String>,
}

/// The index's actor rows and what matches them across articles.
#[derive(Debug, Clone, Default)]
pub struct ActorTable {
    /// The rows, by article source.
    pub rows: Vec<ActorRow>,
    /// Each row's keys (see [`keys`]).
    pub keys: Vec<ActorKey>,
    /// The acronyms an article writes for an organisation or a place
    /// ("Coastal Fishing Authority (COFA)": `cofa`), normalised.
    pub aliases: Vec<ActorKey>,
}

/// One mention, commitment or quote of an actor.
#[derive(Debug, Clone)]
pub struct Item {
    /// `mention`, a commitment's kind (`pledge`, `intent`, `demand`), or
    /// `quote`.
    pub what: String,
    /// Where it starts (code points).
    pub start: usize,
    /// Its text.
    pub text: String,
    /// Its sentence.
    pub sentence: String,
}

/// Why the index could not be opened, read or written: one line naming
/// its file (or folder) and the problem.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// There is no data folder to keep it in.
    #[error("no data folder for the library's index (set GLOSS_DATA_DIR)")]
    NoDataFolder,
    /// Its folder cannot be made.
    #[error("{}: {source}", .folder.display())]
    Folder {
        /// The folder.
        folder: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A broken index cannot be set aside to make a new one.
    #[error("{}: {broken}; {source}", .path.display())]
    SetAside {
        /// The index.
        path: PathBuf,
        /// Why SQLite cannot read it.
        broken: rusqlite::Error,
        /// Why it cannot be renamed.
        source: std::io::Error,
    },
    /// SQLite failed.
    #[error("{}: {source}", .path.display())]
    Database {
        /// The index.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
}

/// The data folder's index path: `$GLOSS_DATA_DIR/gloss.sqlite`, else the
/// platform's data folder.
pub fn default_path() -> Result<PathBuf, IndexError> {
    crate::store::Options::new(false)
        .data_dir
        .map(|d| d.join(FILE))
        .ok_or(IndexError::NoDataFolder)
}

impl Index {
    /// Opens (or creates) the index at `path`. A file SQLite cannot read as
    /// the index is set aside as `FILE.broken` and a new index made; the
    /// message says so.
    pub fn open(path: &Path) -> Result<(Self, Option<String>), IndexError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| IndexError::Folder {
                folder: dir.to_owned(),
                source,
            })?;
        }
        match Self::try_open(path) {
            Ok(index) => Ok((index, None)),
            Err(e) => {
                let mut aside = path.as_os_str().to_owned();
                aside.push(".broken");
                for suffix in ["-wal", "-shm"] {
                    let mut side = path.as_os_str().to_owned();
                    side.push(suffix);
                    let _ = std::fs::remove_file(side);
                }
                if let Err(source) = std::fs::rename(path, &aside) {
                    return Err(IndexError::SetAside {
                        path: path.to_owned(),
                        broken: e,
                        source,
                    });
                }
                let index = Self::try_open(path).map_err(|source| IndexError::Database {
                    path: path.to_owned(),
                    source,
                })?;
                let message = format!(
                    "{}: not a usable index ({e}); set it aside as {} and built a new one",
                    path.display(),
                    PathBuf::from(aside).display()
                );
                Ok((index, Some(message)))
            }
        }
    }

    fn try_open(path: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute_batch(SCHEMA)?;
        let version: Option<i64> = conn
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if version.is_some_and(|v| v != VERSION) {
            conn.execute_batch(
                "DROP TABLE IF EXISTS items; DROP TABLE IF EXISTS sentences; \
                 DROP TABLE IF EXISTS keys; DROP TABLE IF EXISTS actors; \
                 DROP TABLE IF EXISTS articles;",
            )?;
            conn.execute_batch(SCHEMA)?;
        }
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES('version', ?1)",
            [VERSION],
        )?;
        Ok(Self {
            conn,
            path: path.to_owned(),
        })
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's error `source`, as this index's.
    fn fail(&self, source: rusqlite::Error) -> IndexError {
        IndexError::Database {
            path: self.path.clone(),
            source,
        }
    }

    /// Brings the index up to date with `entries`, `jobs` at a time,
    /// calling `progress(done, total)` as articles are done. Entries that
    /// are links of a feed are fetched only when `fetch_links` is set.
    pub fn refresh(
        &mut self,
        entries: &[Entry],
        jobs: usize,
        fetch_links: bool,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Refreshed, IndexError> {
        let known = self.known().map_err(|e| self.fail(e))?;
        let todo: Vec<&Entry> = entries
            .iter()
            .filter(|e| fetch_links || e.content.is_some() || !is_url(&e.source))
            .collect();
        let total = todo.len();
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::sync_channel::<Outcome>(jobs * 4);
        let mut refreshed = Refreshed::default();
        let result = std::thread::scope(|scope| {
            for _ in 0..jobs.max(1) {
                let tx = tx.clone();
                let (next, todo, known) = (&next, &todo, &known);
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(entry) = todo.get(i) else { break };
                        let outcome = examine(entry, known.get(&entry.source));
                        if tx.send(outcome).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut done = 0;
            let mut pending: Vec<Outcome> = Vec::new();
            for outcome in rx {
                pending.push(outcome);
                done += 1;
                if pending.len() >= BATCH {
                    self.write(&mut pending, &mut refreshed)?;
                    progress(done, total);
                }
            }
            self.write(&mut pending, &mut refreshed)?;
            progress(done, total);
            Ok::<(), rusqlite::Error>(())
        });
        result.map_err(|e| self.fail(e))?;
        Ok(refreshed)
    }

    /// Each indexed source's stamp and hash.
    fn known(&self) -> rusqlite::Result<HashMap<String, (Option<String>, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT source, stamp, hash FROM articles")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        rows.collect()
    }

    /// Writes what the workers found, in one transaction.
    fn write(&mut self, pending: &mut Vec<Outcome>, out: &mut Refreshed) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        for outcome in pending.drain(..) {
            match outcome {
                Outcome::Unchanged => out.unchanged += 1,
                Outcome::Restamp { source, stamp } => {
                    tx.execute(
                        "UPDATE articles SET stamp = ?2 WHERE source = ?1",
                        params![source, stamp],
                    )?;
                    out.unchanged += 1;
                }
                Outcome::Failed(message) => out.failed.push(message),
                Outcome::Indexed(record) => {
                    insert(&tx, &record)?;
                    out.indexed += 1;
                }
            }
        }
        tx.commit()
    }

    /// The rows of the articles in `sources` that are indexed.
    pub fn summaries(&self, sources: &[String]) -> Result<HashMap<String, Summary>, IndexError> {
        let run = || -> rusqlite::Result<HashMap<String, Summary>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT title, date, actors, commitments, quotes FROM articles WHERE source = ?1",
            )?;
            let mut out = HashMap::with_capacity(sources.len());
            for source in sources {
                let row = stmt
                    .query_row([source], |r| {
                        Ok(Summary {
                            title: r.get(0)?,
                            date: r.get(1)?,
                            counts: [r.get(2)?, r.get(3)?, r.get(4)?],
                        })
                    })
                    .optional()?;
                if let Some(summary) = row {
                    out.insert(source.clone(), summary);
                }
            }
            Ok(out)
        };
        run().map_err(|e| self.fail(e))
    }

    /// Every actor row of the articles in `scope` (all articles when
    /// `None`), with the keys that match each across articles and the
    /// acronyms the articles write for those that another row names by an
    /// acronym.
    pub fn actors(&self, scope: Option<&[String]>) -> Result<ActorTable, IndexError> {
        let run = || -> rusqlite::Result<_> {
            let mut stmt = self.conn.prepare(
                "SELECT a.id, r.source, r.title, a.name, a.kind, a.mentions, a.commitments, \
                 a.quotes FROM actors a JOIN articles r ON r.id = a.article \
                 ORDER BY r.source, a.id",
            )?;
            let wanted: Option<HashSet<&str>> =
                scope.map(|s| s.iter().map(String::as_str).collect());
            let rows: Vec<ActorRow> = stmt
                .query_map([], actor_row)?
                .filter(|r| {
                    r.as_ref().map_or(true, |row| {
                        wanted
                            .as_ref()
                            .is_none_or(|w| w.contains(row.source.as_str()))
                    })
                })
                .collect::<rusqlite::Result<_>>()?;
            let mut stmt = self.conn.prepare("SELECT actor, key FROM keys")?;
            let keys = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let wanted: HashSet<String> = (rows.iter())
                .filter(|r| r.kind != "person" && is_acronym_allowing_periods(&r.name))
                .map(|r| normalise(&r.name))
                .collect();
            let aliases = if wanted.is_empty() {
                Vec::new()
            } else {
                self.acronyms()?
                    .into_iter()
                    .filter(|(_, a)| wanted.contains(a))
                    .collect()
            };
            Ok(ActorTable {
                rows,
                keys,
                aliases,
            })
        };
        run().map_err(|e| self.fail(e))
    }

    /// Every mention written as an acronym, normalised, with its actor row.
    /// SQLite picks the mentions of that shape, Rust checks it.
    fn acronyms(&self) -> rusqlite::Result<Vec<ActorKey>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT actor, text FROM items WHERE text GLOB '[A-Z]*' \
             AND text NOT GLOB '*[^A-Z.]*' AND what = 'mention'",
        )?;
        let mut out = Vec::new();
        for r in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (actor, text) = r?;
            if is_acronym_allowing_periods(&text) {
                out.push((actor, normalise(&text)));
            }
        }
        Ok(out)
    }

    /// The part of the index that decides which actor `open` is one with,
    /// for [`super::actors::group`] to make the same actor of it as of the
    /// whole index, reading much less: the rows of its kind that share a
    /// key with it or with one another, the names of one word that could
    /// stand for one of them ("Trump", "COFA"), and every longer name those
    /// could stand for (so that a name two actors could have is seen as
    /// such), with their keys and aliases.
    pub fn around(&self, open: OpenActor) -> Result<ActorTable, IndexError> {
        let run = || -> rusqlite::Result<ActorTable> {
            let mut a = Around::new(open.row.kind.clone());
            a.seen_rows.insert(open.row.id);
            a.take(open.row, open.keys, open.aliases);
            loop {
                if let Some(key) = a.keys.pop() {
                    self.follow_key(&mut a, key)?;
                } else if let Some(id) = a.rows.pop() {
                    self.follow_row(&mut a, id)?;
                } else if let Some(word) = a.words.pop() {
                    self.follow_word(&mut a, word)?;
                } else {
                    break;
                }
            }
            (a.table.rows).sort_by(|a, b| a.source.cmp(&b.source).then(a.id.cmp(&b.id)));
            Ok(a.table)
        };
        run().map_err(|e| self.fail(e))
    }

    /// [`Index::around`]'s step for a key: the rows that have it.
    fn follow_key(&self, a: &mut Around, key: String) -> rusqlite::Result<()> {
        if a.seen.insert(key.clone()) {
            let mut by_key = self
                .conn
                .prepare_cached("SELECT actor FROM keys WHERE key = ?1")?;
            for actor in by_key.query_map([&key], |r| r.get(0))? {
                a.rows.push(actor?);
            }
        }
        Ok(())
    }

    /// [`Index::around`]'s step for a row: taken, with its keys and (but for
    /// a person) the acronyms it is mentioned by, when it is of the kind.
    fn follow_row(&self, a: &mut Around, id: i64) -> rusqlite::Result<()> {
        if !a.seen_rows.insert(id) {
            return Ok(());
        }
        let mut row_of = self.conn.prepare_cached(
            "SELECT a.id, r.source, r.title, a.name, a.kind, a.mentions, a.commitments, \
             a.quotes FROM actors a JOIN articles r ON r.id = a.article WHERE a.id = ?1",
        )?;
        let row = row_of.query_row([id], actor_row)?;
        if row.kind != a.kind {
            return Ok(());
        }
        let mut keys_of = self
            .conn
            .prepare_cached("SELECT key FROM keys WHERE actor = ?1")?;
        let mine = keys_of
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let mut aliases = Vec::new();
        if !a.person {
            let mut mentions_of = self
                .conn
                .prepare_cached("SELECT text FROM items WHERE actor = ?1 AND what = 'mention'")?;
            for text in mentions_of.query_map([id], |r| r.get::<_, String>(0))? {
                let text = text?;
                if is_acronym_allowing_periods(&text) {
                    aliases.push(normalise(&text));
                }
            }
        }
        a.take(row, mine, aliases);
        Ok(())
    }

    /// [`Index::around`]'s step for a word: the short names it is, and the
    /// longer names it can stand for: by surname, initials (a key) or alias.
    fn follow_word(&self, a: &mut Around, word: String) -> rusqlite::Result<()> {
        if !a.seen_words.insert(word.clone()) {
            return Ok(());
        }
        let kind = &a.kind;
        a.keys.push(format!("{kind}:{word}"));
        if a.person {
            // Keys are lowercase letters and digits: no GLOB wildcards.
            let mut by_surname = self
                .conn
                .prepare_cached("SELECT actor FROM keys WHERE key GLOB ?1")?;
            let pattern = format!("{kind}:* {word}");
            for actor in by_surname.query_map([pattern], |r| r.get(0))? {
                a.rows.push(actor?);
            }
        } else {
            if a.spelled.is_none() {
                let mut map: HashMap<String, Vec<i64>> = HashMap::new();
                for (actor, alias) in self.acronyms()? {
                    map.entry(alias).or_default().push(actor);
                }
                a.spelled = Some(map);
            }
            let found = a.spelled.as_ref().and_then(|m| m.get(&word));
            a.rows.extend(found.into_iter().flatten());
        }
        Ok(())
    }

    /// The mentions, commitments and quotes of the actor row `actor`, in
    /// text order.
    pub fn items(&self, actor: i64) -> Result<Vec<Item>, IndexError> {
        let run = || -> rusqlite::Result<Vec<Item>> {
            let mut stmt = self.conn.prepare_cached(
                "SELECT i.what, i.start, i.text, s.text FROM items i \
                 JOIN actors a ON a.id = i.actor \
                 JOIN sentences s ON s.article = a.article AND s.n = i.sentence \
                 WHERE i.actor = ?1 ORDER BY i.start, i.rowid",
            )?;
            stmt.query_map([actor], |r| {
                Ok(Item {
                    what: r.get(0)?,
                    start: r.get(1)?,
                    text: r.get(2)?,
                    sentence: r.get(3)?,
                })
            })?
            .collect()
        };
        run().map_err(|e| self.fail(e))
    }
}

fn actor_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorRow> {
    Ok(ActorRow {
        id: r.get(0)?,
        source: r.get(1)?,
        title: r.get(2)?,
        name: r.get(3)?,
        kind: r.get(4)?,
        counts: [r.get(5)?, r.get(6)?, r.get(7)?],
    })
}

/// What a worker found for one entry.
enum Outcome {
    /// As indexed.
    Unchanged,
    /// The same bytes with a new size or time.
    Restamp { source: String, stamp: String },
    /// New or changed: annotated.
    Indexed(Box<Record>),
    /// Could not be read.
    Failed(OpenError),
}

/// An article's row and its actors', ready to write.
struct Record {
    source: String,
    stamp: Option<String>,
    hash: String,
    summary: Summary,
    origin: String,
    actors: Vec<ActorRecord>,
    /// The sentences its items are in, each once, on one line.
    sentences: Vec<String>,
}

/// A mention, commitment or quote, its sentence by number in its record.
struct ItemRecord {
    what: &'static str,
    start: usize,
    text: String,
    sentence: usize,
}

/// One actor of an article.
struct ActorRecord {
    name: String,
    kind: EntityKind,
    counts: [usize; 3],
    keys: Vec<String>,
    items: Vec<ItemRecord>,
}

/// A file's size and modification time, which say it is unchanged
/// without reading it.
fn stamp(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    let time = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!("{}:{}", meta.len(), time.as_nanos()))
}

/// Looks at `entry` against what the index knows of it, and annotates it
/// when it is new or changed.
fn examine(entry: &Entry, known: Option<&(Option<String>, String)>) -> Outcome {
    let file = entry.content.is_none() && !is_url(&entry.source);
    // The sidecar's corrections change the annotations: its stamp and
    // bytes count with the article's.
    let sidecar = super::sidecar(&entry.source);
    let sidecar_stamp = sidecar.as_deref().and_then(stamp).unwrap_or_default();
    let stamp = file
        .then(|| stamp(Path::new(&entry.source)))
        .flatten()
        .map(|s| format!("{s}|{sidecar_stamp}"));
    if let (Some(now), Some((Some(then), _))) = (&stamp, known)
        && now == then
    {
        return Outcome::Unchanged;
    }
    let bytes = if let Some(content) = &entry.content {
        Ok((content.as_bytes().to_vec(), None))
    } else if file {
        super::read(&entry.source).map(|b| (b, None))
    } else {
        fetch_page(&entry.source)
    };
    let (bytes, fetched) = match bytes {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    let sidecar_bytes = sidecar
        .and_then(|p| std::fs::read(p).ok())
        .unwrap_or_default();
    let hash = format!("{:016x}{:016x}", fnv1a64(&bytes), fnv1a64(&sidecar_bytes));
    if known.is_some_and(|(_, h)| *h == hash) {
        return match stamp {
            Some(stamp) => Outcome::Restamp {
                source: entry.source.clone(),
                stamp,
            },
            None => Outcome::Unchanged,
        };
    }
    let doc = match fetched {
        Some(Page::Article(doc)) => Ok(*doc),
        Some(Page::Feed(_)) => Err(OpenError::IsFeed(entry.source.clone())),
        None if entry.content.is_some() => super::load(entry),
        None => document::load_bytes(bytes, &entry.source).map_err(OpenError::from),
    };
    match doc {
        Ok(mut doc) => Outcome::Indexed(Box::new(record(entry, &mut doc, stamp, hash))),
        Err(e) => Outcome::Failed(e),
    }
}

/// The bytes of the page at `url` and what they are.
fn fetch_page(url: &str) -> Result<(Vec<u8>, Option<Page>), OpenError> {
    let fetched = fetch::get(url)?;
    let bytes = fetched.bytes.clone();
    Ok((bytes, Some(page(fetched)?)))
}

/// The record of `doc`, annotated, with the corrections of its sidecar.
fn record(entry: &Entry, doc: &mut Document, stamp: Option<String>, hash: String) -> Record {
    let ann = corrected(entry, doc);
    let doc = &*doc;
    let mut sentences = Numbered::new(&doc.text);
    let actors: Vec<ActorRecord> = (0..ann.entities.len())
        .filter(|&id| ann.is_actor(id))
        .map(|id| actor_record(&ann, id, doc, &mut sentences))
        .collect();
    let title = if doc.title.is_empty() {
        entry.title.clone()
    } else {
        doc.title.clone()
    };
    Record {
        source: entry.source.clone(),
        stamp,
        hash,
        summary: Summary {
            title,
            date: doc.date.clone().or_else(|| entry.date.clone()),
            counts: [actors.len(), ann.commitments.len(), ann.quotes.len()],
        },
        origin: entry.origin.clone(),
        actors,
        sentences: sentences.texts,
    }
}

/// The annotations of `doc`, with the reader's corrections (renames,
/// merges, kinds) from the sidecar of `entry`.
fn corrected(entry: &Entry, doc: &mut Document) -> Annotations {
    let auto = annotate_document(doc);
    let (mut store, _) = Store::open(
        &Origin::from_source(&entry.source),
        Arc::clone(&doc.text),
        &crate::store::Options::new(false),
    );
    store.hide(doc.code_spans());
    store.annotations(&auto)
}

/// The record of actor `id` of `ann` in `doc`: its mentions, commitments
/// and quotes, their sentences numbered in `sentences`.
fn actor_record(
    ann: &Annotations,
    id: usize,
    doc: &Document,
    sentences: &mut Numbered<'_>,
) -> ActorRecord {
    let text = &*doc.text;
    let item = |what: &'static str, span: Span, sentence: usize| ItemRecord {
        what,
        start: doc.chars.to_char(text, span.start),
        text: one_line(span.slice(text)),
        sentence,
    };
    let entity = &ann.entities[id];
    let mut items = Vec::new();
    for &m in &entity.mentions {
        let span = ann.mentions[m].span;
        items.push(item("mention", span, sentences.around(span)));
    }
    let commitments: Vec<_> = (ann.commitments.iter())
        .filter(|c| c.actor == Some(id))
        .collect();
    for c in &commitments {
        let sentence = sentences.number(c.sentence.start, c.sentence.end);
        items.push(item(c.kind.as_str(), c.shown_span(), sentence));
    }
    let quotes: Vec<_> = (ann.quotes.iter())
        .filter(|q| q.speaker == Some(id))
        .collect();
    for q in &quotes {
        items.push(item("quote", q.span, sentences.around(q.span)));
    }
    ActorRecord {
        name: entity.name.clone(),
        kind: entity.kind,
        counts: [entity.mentions.len(), commitments.len(), quotes.len()],
        keys: keys(ann, id, text),
        items,
    }
}

/// The sentences of a record's items, each kept once (on one line) and
/// known by its number.
struct Numbered<'a> {
    text: &'a str,
    sentences: Sentences,
    numbers: HashMap<(usize, usize), usize>,
    texts: Vec<String>,
}

impl<'a> Numbered<'a> {
    /// None yet, of the sentences of `text`.
    fn new(text: &'a str) -> Self {
        Self {
            text,
            sentences: Sentences::new(text),
            numbers: HashMap::new(),
            texts: Vec::new(),
        }
    }

    /// The number of the text from byte `start` to byte `end`.
    fn number(&mut self, start: usize, end: usize) -> usize {
        *self.numbers.entry((start, end)).or_insert_with(|| {
            self.texts.push(one_line(&self.text[start..end.max(start)]));
            self.texts.len() - 1
        })
    }

    /// The number of the sentences from the one holding the start of
    /// `span` to the one holding its end.
    fn around(&mut self, span: Span) -> usize {
        let first = self
            .sentences
            .at(span.start)
            .map_or(span.start, |s| s.start);
        let last = (self.sentences)
            .at(span.end.saturating_sub(1).max(span.start))
            .map_or(span.end, |s| s.end);
        self.number(first, last)
    }
}

/// `text` on one line, its runs of whitespace made single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes `record`, replacing what the index held for its source.
fn insert(tx: &rusqlite::Transaction<'_>, record: &Record) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM articles WHERE source = ?1", [&record.source])?;
    let s = &record.summary;
    tx.execute(
        "INSERT INTO articles(source, stamp, hash, title, date, origin, actors, commitments, quotes) \
         VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            record.source,
            record.stamp,
            record.hash,
            s.title,
            s.date,
            record.origin,
            s.counts[0],
            s.counts[1],
            s.counts[2]
        ],
    )?;
    let article = tx.last_insert_rowid();
    let mut sentence_stmt =
        tx.prepare_cached("INSERT INTO sentences(article, n, text) VALUES(?1, ?2, ?3)")?;
    for (n, text) in record.sentences.iter().enumerate() {
        sentence_stmt.execute(params![article, n, text])?;
    }
    let mut actor_stmt = tx.prepare_cached(
        "INSERT INTO actors(article, name, kind, mentions, commitments, quotes) \
         VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut key_stmt = tx.prepare_cached("INSERT INTO keys(actor, key) VALUES(?1, ?2)")?;
    let mut item_stmt = tx.prepare_cached(
        "INSERT INTO items(actor, what, start, text, sentence) VALUES(?1, ?2, ?3, ?4, ?5)",
    )?;
    for a in &record.actors {
        actor_stmt.execute(params![
            article,
            a.name,
            a.kind.as_str(),
            a.counts[0],
            a.counts[1],
            a.counts[2]
        ])?;
        let actor = tx.last_insert_rowid();
        for key in &a.keys {
            key_stmt.execute(params![actor, key])?;
        }
        for item in &a.items {
            item_stmt.execute(params![
                actor,
                item.what,
                item.start,
                item.text,
                item.sentence
            ])?;
        }
    }
    Ok(())
}

/// The keys that match entity `id` of `ann` with the same actor in other
/// articles: its kind with its normalised name, with each of its names of
/// two words or more as the text writes them, for a person those names
/// without their initials ("Donald J. Trump": `donald trump`), and the
/// acronym of an organisation's or a place's name of several words
/// ("United Nations": `un`, which is also how "UN" and "U.N." normalise).
pub fn keys(ann: &Annotations, id: usize, text: &str) -> Vec<String> {
    let entity = &ann.entities[id];
    let kind = entity.kind.as_str();
    let mut keys = vec![normalise(&entity.name)];
    for &m in &entity.mentions {
        let mention = &ann.mentions[m];
        if mention.form == MentionForm::Name {
            let name = normalise(mention.span.slice(text));
            if name.split(' ').count() >= 2 {
                keys.push(name);
            }
        }
    }
    if entity.kind == EntityKind::Person {
        // "Donald J. Trump" is "Donald Trump" elsewhere.
        let without: Vec<String> = keys
            .iter()
            .map(|k| {
                let words: Vec<&str> = k.split(' ').filter(|w| w.chars().count() > 1).collect();
                words.join(" ")
            })
            .filter(|k| k.split(' ').count() >= 2)
            .collect();
        keys.extend(without);
    } else if let Some(acronym) = acronym(&entity.name) {
        keys.push(acronym);
    }
    keys.retain(|k| !k.is_empty());
    let mut out: Vec<String> = keys.into_iter().map(|k| format!("{kind}:{k}")).collect();
    out.sort();
    out.dedup();
    out
}

/// A name as keys compare it: lowercase, without periods, a possessive or
/// a leading "the", its other punctuation and runs of blanks one space.
pub fn normalise(name: &str) -> String {
    let lower = name.to_lowercase().replace('\u{2019}', "'");
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| w.strip_suffix("'s").unwrap_or(w).replace(['.', '\''], ""))
        .collect();
    let words: Vec<&str> = words
        .iter()
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut words = words.as_slice();
    if words.first() == Some(&"the") && words.len() > 1 {
        words = &words[1..];
    }
    words.join(" ")
}

/// The acronym of a name of two capitalised words or more, skipping the
/// small words ("United Nations" → `un`, "Food and Agriculture
/// Organization" → `fao`).
pub fn acronym(name: &str) -> Option<String> {
    const SMALL: [&str; 7] = ["of", "the", "and", "for", "on", "in", "&"];
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut initials = String::new();
    for w in &words {
        if SMALL.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        let first = w.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        initials.extend(first.to_lowercase());
    }
    (initials.chars().count() >= 2).then_some(initials)
}

/// The search [`Index::around`] makes: the rows, keys and words still to
/// follow, what it has followed, and the table it has made so far.
struct Around {
    kind: String,
    person: bool,
    table: ActorTable,
    /// Acronym aliases and the rows they stand for, read once when needed.
    spelled: Option<HashMap<String, Vec<i64>>>,
    keys: Vec<String>,
    rows: Vec<i64>,
    words: Vec<String>,
    seen: HashSet<String>,
    seen_words: HashSet<String>,
    seen_rows: HashSet<i64>,
}

impl Around {
    fn new(kind: String) -> Self {
        Around {
            person: kind == "person",
            kind,
            table: ActorTable::default(),
            spelled: None,
            keys: Vec::new(),
            rows: Vec::new(),
            words: Vec::new(),
            seen: HashSet::new(),
            seen_words: HashSet::new(),
            seen_rows: HashSet::new(),
        }
    }

    /// Takes `row` into the table: its keys (`mine`), its `aliases`, and
    /// the word a shorter or a longer name would share with it.
    fn take(&mut self, row: ActorRow, mine: Vec<String>, aliases: Vec<String>) {
        let name = normalise(&row.name);
        if self.person {
            self.words
                .extend(name.rsplit(' ').next().map(str::to_owned));
        } else if is_acronym_allowing_periods(&row.name) {
            self.words.push(name);
        }
        let kind = &self.kind;
        self.keys
            .extend(aliases.iter().map(|a| format!("{kind}:{a}")));
        self.keys.extend(mine.iter().cloned());
        let table = &mut self.table;
        table.keys.extend(mine.into_iter().map(|k| (row.id, k)));
        table
            .aliases
            .extend(aliases.into_iter().map(|a| (row.id, a)));
        table.rows.push(row);
    }
}

/// Whether `text` is written as an acronym: capital letters (A to Z), two
/// or more, with or without periods ("UN", "U.N.", "NATO"), for a whole
/// actor name; the annotator's own test of a word (2 to 6 capitals, no
/// periods) is `words::is_acronym` in the core.
pub fn is_acronym_allowing_periods(text: &str) -> bool {
    let letters = text.chars().filter(|&c| c != '.');
    letters.clone().all(|c| c.is_ascii_uppercase()) && letters.count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_and_abbreviate() {
        assert_eq!(normalise("U.S."), "us");
        assert_eq!(normalise("the  United Nations"), "united nations");
        assert_eq!(normalise("Trump's"), "trump");
        assert_eq!(normalise("Trump’s team"), "trump team");
        assert_eq!(normalise("O'Brien"), "obrien");
        assert_eq!(normalise("Kim Jong-Un"), "kim jong un");
        assert_eq!(acronym("United Nations").as_deref(), Some("un"));
        assert_eq!(
            acronym("Food and Agriculture Organization").as_deref(),
            Some("fao")
        );
        assert_eq!(acronym("NATO"), None);
        assert_eq!(acronym("the party"), None);
    }

    #[test]
    fn an_actor_is_keyed_by_its_names_and_acronym() {
        let text = "The United Nations met. The UN said Donald Trump and Trump agreed.";
        let ann = crate::annotate::annotate(text);
        let find = |name: &str| {
            ann.entities
                .iter()
                .position(|e| e.name == name)
                .unwrap_or_else(|| panic!("{name} in {:?}", ann.entities))
        };
        let un = keys(&ann, find("United Nations"), text);
        assert!(un.contains(&"organization:un".to_owned()), "{un:?}");
        let trump = keys(&ann, find("Donald Trump"), text);
        assert_eq!(trump, ["person:donald trump"]);
        let text = "Donald J. Trump spoke.";
        let ann = crate::annotate::annotate(text);
        let e = ann
            .entities
            .iter()
            .position(|e| e.name == "Donald J. Trump")
            .expect("found");
        assert_eq!(
            keys(&ann, e, text),
            ["person:donald j trump", "person:donald trump"]
        );
    }

    #[test]
    fn a_broken_database_is_set_aside_and_rebuilt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        std::fs::write(&path, b"this is not an SQLite database, not at all.....").expect("write");
        let (index, message) = Index::open(&path).expect("rebuilt");
        let message = message.expect("says so");
        assert!(message.contains("not a usable index"), "{message}");
        assert!(dir.path().join("gloss.sqlite.broken").exists());
        assert!(index.summaries(&["x".into()]).expect("reads").is_empty());
    }

    #[test]
    fn an_index_whose_folder_cannot_be_made_names_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("file");
        std::fs::write(&file, "not a folder").expect("write");
        let folder = file.join("data");
        let Err(e) = Index::open(&folder.join(FILE)) else {
            panic!("no index under a file");
        };
        assert!(matches!(e, IndexError::Folder { .. }), "{e}");
        let said = e.to_string();
        assert!(
            said.starts_with(&format!("{}: ", folder.display())),
            "{said}"
        );
    }

    #[test]
    fn the_actor_around_one_row_is_the_actor_of_the_whole_index() {
        let dir = tempfile::tempdir().expect("temp dir");
        let texts = [
            "Donald Trump met union leaders in Ohio. Trump promised to protect jobs.",
            "Mr. Trump said on Tuesday that the talks would continue.",
            "Melania Trump visited a school in Ohio on Monday.",
            "Andy Kim and Young Kim spoke at the hearing on Wednesday.",
            "Kim said on Thursday that the vote had been delayed.",
            "The Coastal Fishing Authority (COFA) closed the bay on Friday.",
            "The United Nations met in Geneva. The UN said it would help.",
        ];
        let mut entries = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let path = dir.path().join(format!("{i}.txt"));
            std::fs::write(&path, text).expect("write");
            entries.push(Entry::named(&path.to_string_lossy()));
        }
        let (mut index, _) = Index::open(&dir.path().join(FILE)).expect("opens");
        index
            .refresh(&entries, 2, false, &mut |_, _| {})
            .expect("indexes");
        let whole = index.actors(None).expect("reads");
        let groups = crate::library::actors::group(whole.clone());
        let ids = |rows: &[ActorRow]| {
            let mut ids: Vec<i64> = rows.iter().map(|r| r.id).filter(|&id| id != 0).collect();
            ids.sort_unstable();
            ids
        };
        assert!(groups.iter().any(|g| g.rows.len() > 1), "some join");
        for row in &whole.rows {
            let mine = |t: &[ActorKey]| -> Vec<String> {
                let found = t.iter().filter(|(a, _)| *a == row.id);
                found.map(|(_, k)| k.clone()).collect()
            };
            let open = OpenActor {
                row: ActorRow {
                    id: 0,
                    ..row.clone()
                },
                keys: mine(&whole.keys),
                aliases: mine(&index.acronyms().expect("reads")),
            };
            let around = crate::library::actors::group(index.around(open).expect("reads"));
            let near = around.iter().find(|g| g.rows.iter().any(|r| r.id == 0));
            let far = groups
                .iter()
                .find(|g| g.rows.iter().any(|r| r.id == row.id));
            assert_eq!(
                ids(&near.expect("grouped").rows),
                ids(&far.expect("grouped").rows),
                "{}",
                row.name
            );
        }
    }

    #[test]
    fn an_unchanged_article_is_not_annotated_twice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = dir.path().join("a.txt").to_string_lossy().into_owned();
        std::fs::write(&article, "Kim Jong Un wrote to Donald Trump.").expect("write");
        let (mut index, _) = Index::open(&dir.path().join(FILE)).expect("opens");
        let entries = [Entry::named(&article)];
        let first = index
            .refresh(&entries, 2, false, &mut |_, _| {})
            .expect("indexes");
        assert_eq!((first.indexed, first.unchanged), (1, 0));
        let again = index
            .refresh(&entries, 2, false, &mut |_, _| {})
            .expect("indexes");
        assert_eq!((again.indexed, again.unchanged), (0, 1));
        // Touched but the same bytes: a new stamp, no annotation.
        std::fs::write(&article, "Kim Jong Un wrote to Donald Trump.").expect("write");
        let same = index
            .refresh(&entries, 2, false, &mut |_, _| {})
            .expect("indexes");
        assert_eq!(same.indexed, 0);
        std::fs::write(&article, "Kim Jong Un wrote to Donald Trump again.").expect("write");
        let changed = index
            .refresh(&entries, 2, false, &mut |_, _| {})
            .expect("indexes");
        assert_eq!(changed.indexed, 1);
        let got = index.summaries(&[article]).expect("reads");
        assert_eq!(got.values().next().expect("row").counts[0], 2);
    }
}
