//! The store: a person's notes and corrections for one article, kept in a
//! sidecar file (`FILE.gloss.toml`) and never lost.
//!
//! - [`Store::open`] reads the sidecar (re-anchoring notes if the article
//!   changed); [`Store::apply`] makes a [`Change`] and saves at once,
//!   atomically; [`Store::undo`] and [`Store::redo`] step through the
//!   history; [`Store::annotations`] applies the corrections to the
//!   annotator's output; [`Store::notes_json`] gives the notes for export.
//! - A sidecar that cannot be parsed is reported with its line and column;
//!   the store then works in memory and never overwrites it.
//! - If the file changed on disk since it was read, the store merges (see
//!   [`merge`]) before it writes.
//! - A save that fails leaves the store dirty; the next change or
//!   [`Store::save`] tries again.
//!
//! Everything here is pure state and file I/O; nothing touches the terminal.
//!
//! ```
//! use gloss_core::model::{EntityKind, Span};
//! use gloss_core::store::{Anchor, Correction, Options, Origin, Store, Target};
//!
//! let text = "Moon Jae-in met Kim. Later Moon Jae-in left.";
//! let auto = gloss_core::annotate::annotate(text);
//! // `Options::new(no_sidecar)` in the program; nothing is written here.
//! let options = Options { enabled: false, data_dir: None };
//! let (mut store, warnings) = Store::open(&Origin::from_source("-"), text, &options);
//! assert!(warnings.is_empty());
//!
//! // `a` on a selection: a note.
//! let target = Target::span(text, Span::new(12, 19)).unwrap();
//! let (id, saved) = store.add_note(target, "Where?", vec!["follow-up".into()]).unwrap();
//! assert_eq!(id, "n1");
//! let _status_line = saved.message();
//!
//! // A correction: add an entity from a selection; its other occurrence follows.
//! let span = Anchor::new(text, Span::new(0, 11)).unwrap();
//! let add = Correction::AddEntity { span, kind: EntityKind::Person, name: "Moon Jae-in".into() };
//! store.correct(add).unwrap();
//! let ann = store.annotations(&auto);
//! assert_eq!(ann.entities[0].name, "Moon Jae-in");
//! assert_eq!(ann.entities[0].mentions.len(), 2);
//!
//! // `u` and `<C-r>`.
//! store.undo().unwrap();
//! assert!(store.corrections().is_empty());
//! store.redo().unwrap();
//! assert_eq!(store.corrections().len(), 1);
//! ```

pub mod anchor;
pub mod correct;
pub mod disk;
mod fuzzy;
pub(crate) mod json;
pub mod merge;
pub(crate) mod note;
pub mod sidecar;
pub(crate) mod state;
pub(crate) mod time;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use anchor::{Anchor, Place};
pub use correct::{Correction, EntityRef};
pub use disk::{Options, Origin};
pub use json::{NoteJson, NotesJson};
pub use merge::MergeReport;
pub use note::{NewNote, Note, Ref, Target, TargetKind};
pub use state::{Change, ChangeError, History, State};

use crate::document::CharIndex;
use crate::model::{Annotations, Span};
use crate::text;

/// The data folder's subfolder for notes written on quitting when they
/// could not be saved in their sidecar.
pub const RECOVERED: &str = "recovered";

/// How many recovery files of one article one second may hold.
const MAX_RECOVERY_NAMES: usize = 100;

/// Notes and corrections not saved (see [`Store::unsaved`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unsaved {
    /// Notes added, edited or deleted.
    pub notes: usize,
    /// Corrections made or undone.
    pub corrections: usize,
}

impl Unsaved {
    /// "2 notes", "1 note and 1 correction".
    pub fn describe(&self) -> String {
        let count = |n: usize, what: &str| match n {
            1 => format!("1 {what}"),
            n => format!("{n} {what}s"),
        };
        match (self.notes, self.corrections) {
            (n, 0) => count(n, "note"),
            (0, c) => count(c, "correction"),
            (n, c) => format!("{} and {}", count(n, "note"), count(c, "correction")),
        }
    }
}

/// Temporary files of a save older than this were left by a killed gloss.
const STALE_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(600);

/// What became of a save, for the status line ([`Saved::message`]).
#[derive(Debug)]
pub enum Saved {
    /// Written to `path`; `merge` tells what was merged from disk first.
    Written {
        /// The sidecar file.
        path: PathBuf,
        /// Changes found on disk and merged in, if there were any.
        merge: Option<MergeReport>,
    },
    /// Nothing to write: no change since the last save.
    Clean,
    /// `--no-sidecar`: kept in memory only.
    Off,
    /// The store is read-only this session (reason given): kept in memory.
    ReadOnly(String),
    /// The save failed; the change is kept in memory and saved next time.
    Failed(SaveError),
}

impl Saved {
    /// True when the state on disk is now the state in memory.
    pub fn is_saved(&self) -> bool {
        matches!(self, Self::Written { .. } | Self::Clean)
    }

    /// One line for the status bar.
    pub fn message(&self) -> String {
        match self {
            Self::Written { path, merge: None } => format!("saved {}", path.display()),
            Self::Written {
                path,
                merge: Some(m),
            } => {
                let mut msg = format!("saved {}, merged with changes made on disk", path.display());
                for (theirs, ours) in &m.conflicts {
                    msg += &format!("; {theirs} was edited on both sides: yours is now {ours}");
                }
                msg
            }
            Self::Clean => "nothing to save".to_owned(),
            Self::Off => "not saved (--no-sidecar)".to_owned(),
            Self::ReadOnly(why) => format!("not saved: {why}"),
            Self::Failed(e) => e.to_string(),
        }
    }
}

/// Why a save failed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Reading or writing the file failed (read-only folder, disk full, ...).
    #[error("{path}: cannot save notes: {source}; they are kept until the next save")]
    Io {
        /// The sidecar.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file changed on disk and can no longer be parsed; it is left alone.
    #[error(
        "{path}:{}:{}: changed on disk and cannot be read ({}); not overwritten, your notes are kept until it can be read",
        .error.line, .error.column, .error.message
    )]
    Unreadable {
        /// The sidecar.
        path: PathBuf,
        /// Where it cannot be parsed.
        error: sidecar::ParseError,
    },
    /// The state could not be written as TOML.
    #[error("{path}: cannot write notes as TOML: {message}")]
    Render {
        /// The sidecar.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// A person's notes and corrections for one article, with undo/redo and a
/// sidecar that is saved after every change.
#[derive(Debug)]
pub struct Store {
    state: State,
    /// The state as last read from or written to disk (for merging).
    base: State,
    history: History,
    /// The article, shared with the reader's document (not copied).
    text: Arc<str>,
    chars: CharIndex,
    /// The sidecar; `None` when nothing is read or written.
    location: Option<PathBuf>,
    /// The article's file and the sidecar read at opening, when they are
    /// files (see [`Store::open_files`]).
    files: disk::OpenFiles,
    /// The folder where notes that could not be saved are written on
    /// quitting (see [`Store::write_recovery`]).
    recovery_dir: Option<PathBuf>,
    /// Hash of the file's bytes as last read or written; `None`: no file.
    on_disk: Option<u64>,
    /// Why nothing may be written this session.
    read_only: Option<String>,
    dirty: bool,
    /// True once this session's first save has removed the temporary files
    /// a killed gloss left beside the sidecar.
    swept: bool,
    /// The spans of the text that are code, ordered: an added actor's other
    /// occurrences are not looked for there (see [`Store::hide`]).
    hidden: Vec<Span>,
}

impl Store {
    /// A store that never reads or writes a file (`--no-sidecar`, tests).
    pub fn in_memory(text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        Self {
            state: State::default(),
            base: State::default(),
            history: History::default(),
            chars: CharIndex::new(&text),
            text,
            location: None,
            files: disk::OpenFiles::default(),
            recovery_dir: None,
            on_disk: None,
            read_only: None,
            dirty: false,
            swept: false,
            hidden: Vec::new(),
        }
    }

    /// Opens the notes of the article `text` from `origin`. The sidecar is
    /// `FILE.gloss.toml` beside a file in a writable folder; for stdin, or a
    /// folder gloss cannot write, it is in the data folder, named by the
    /// hash of the text (a sidecar beside a read-only file is still read).
    /// Returns the store and messages for the status line (a sidecar that
    /// cannot be parsed, with its line and column; notes that could not be
    /// placed in a changed article).
    pub fn open(
        origin: &Origin,
        text: impl Into<Arc<str>>,
        options: &Options,
    ) -> (Self, Vec<String>) {
        let mut store = Self::in_memory(text);
        let mut messages = Vec::new();
        if let Origin::File(file) = origin {
            store.files.add(file);
        }
        if !options.enabled {
            return (store, messages);
        }
        store.recovery_dir = options.data_dir.as_ref().map(|d| d.join(RECOVERED));
        let Some((location, read_from)) = disk::locate(origin, &store.text, options) else {
            messages.push("notes are not saved: no data folder (set GLOSS_DATA_DIR)".into());
            return (store, messages);
        };
        match disk::read(&read_from) {
            Ok(None) => {}
            Ok(Some(bytes)) => match store.load(&bytes) {
                Ok(state) => {
                    if read_from == location {
                        store.on_disk = Some(text::fnv1a64(&bytes));
                    }
                    let orphans = state.notes.iter().filter(|n| n.is_orphan()).count()
                        + state.corrections.iter().filter(|c| c.is_orphan()).count();
                    if orphans > 0 {
                        messages.push(format!(
                            "{}: {orphans} note(s) or correction(s) could not be placed in the text (orphans)",
                            read_from.display()
                        ));
                    }
                    store.base = state.clone();
                    store.state = state;
                }
                Err(e) => {
                    let why = format!(
                        "{}:{}:{}: {}; notes are not saved this session and the file is left as it is",
                        read_from.display(),
                        e.line,
                        e.column,
                        e.message
                    );
                    messages.push(why.clone());
                    store.read_only = Some(why);
                }
            },
            Err(e) => {
                let why = format!("{}: cannot read notes: {e}", read_from.display());
                messages.push(why.clone());
                store.read_only = Some(why);
            }
        }
        if store.read_only.is_none()
            && std::fs::metadata(&location).is_ok_and(|m| m.permissions().readonly())
        {
            let why = format!(
                "{}: the file is read-only; notes are kept only until the reader closes",
                location.display()
            );
            messages.push(why.clone());
            store.read_only = Some(why);
        }
        store.files.add(&read_from);
        store.files.add(&location);
        store.location = Some(location);
        (store, messages)
    }

    /// Parses sidecar bytes and places them in this store's text. An empty
    /// file (made by `touch`, or only blanks) is a sidecar with no notes.
    fn load(&self, bytes: &[u8]) -> Result<State, sidecar::ParseError> {
        let source = std::str::from_utf8(bytes).map_err(|e| {
            // The bytes before the error are valid UTF-8 by definition.
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            sidecar::ParseError::at(valid, valid.len(), "not valid UTF-8".into())
        })?;
        if source.trim().is_empty() {
            return Ok(State::default());
        }
        Ok(sidecar::parse(source)?.into_state(&self.text, &self.chars))
    }

    /// Notes and corrections.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The notes, ordered by id.
    pub fn notes(&self) -> &[Arc<Note>] {
        &self.state.notes
    }

    /// The note with this id.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.state.note(id)
    }

    /// The corrections, in the order they apply.
    pub fn corrections(&self) -> &[Correction] {
        &self.state.corrections
    }

    /// The article text the store's anchors refer to.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The sidecar file, if one is read and written.
    pub fn location(&self) -> Option<&Path> {
        self.location.as_deref()
    }

    /// Why nothing is written this session, if so.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The files this store's article comes from: the article (when it is
    /// a file) and its sidecar, where it is read and where it is written.
    /// An export must never replace one of them.
    pub fn open_files(&self) -> &disk::OpenFiles {
        &self.files
    }

    /// What would be lost if the reader closed now: the notes and the
    /// corrections that differ from the sidecar on disk, when a sidecar is
    /// kept but could not be written (read-only, unparsable, a failed
    /// save). `None` when everything is saved, or with `--no-sidecar`.
    pub fn unsaved(&self) -> Option<Unsaved> {
        self.location.as_ref()?;
        if !self.dirty {
            return None;
        }
        let (ours, base) = (&self.state, &self.base);
        let notes = ours
            .notes
            .iter()
            .filter(|n| base.note(&n.id) != Some(*n))
            .count()
            + base
                .notes
                .iter()
                .filter(|n| ours.note(&n.id).is_none())
                .count();
        let corrections = ours
            .corrections
            .iter()
            .filter(|c| !base.corrections.contains(c))
            .count()
            + base
                .corrections
                .iter()
                .filter(|c| !ours.corrections.contains(c))
                .count();
        (notes + corrections > 0).then_some(Unsaved { notes, corrections })
    }

    /// Where [`Store::write_recovery`] would write: a new file in the data
    /// folder's `recovered/`, named after the article and the time.
    /// `None` without a data folder.
    pub fn recovery_path(&self) -> Option<PathBuf> {
        let dir = self.recovery_dir.as_ref()?;
        let article = self
            .location
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| "notes".into(), |n| n.to_string_lossy().into_owned());
        let article = article.strip_suffix(disk::SUFFIX).unwrap_or(&article);
        let when = time::now().replace(':', "");
        Some(dir.join(format!("{article}.{when}{}", disk::SUFFIX)))
    }

    /// Writes every note and correction, as a sidecar, to
    /// [`Store::recovery_path`] (creating the folder), so that quitting
    /// with changes that could not be saved loses nothing. No file is ever
    /// replaced: when that name is taken (another gloss recovered the same
    /// article in the same second), `-2`, `-3`, … is added before the
    /// suffix. Returns where it was written.
    pub fn write_recovery(&self) -> Result<PathBuf, SaveError> {
        let Some(path) = self.recovery_path() else {
            return Err(SaveError::Io {
                path: PathBuf::from(RECOVERED),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no data folder"),
            });
        };
        let io = |source| SaveError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(disk::folder(&path)).map_err(io)?;
        let toml = sidecar::render(&self.state, &self.text, &self.chars).map_err(|e| {
            SaveError::Render {
                path: path.clone(),
                message: e.to_string(),
            }
        })?;
        let stem = path.to_string_lossy();
        let stem = stem.strip_suffix(disk::SUFFIX).unwrap_or(&stem);
        for n in 1..=MAX_RECOVERY_NAMES {
            let candidate = if n == 1 {
                path.clone()
            } else {
                PathBuf::from(format!("{stem}-{n}{}", disk::SUFFIX))
            };
            match disk::write_atomic(&candidate, toml.as_bytes(), false) {
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io(e)),
                Ok(()) => return Ok(candidate),
            }
        }
        Err(io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "every recovery name for this second is taken",
        )))
    }

    /// True when there are changes not yet on disk.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// True when [`Store::undo`] has something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when [`Store::redo`] has something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Makes `change`, records it for undo, and saves.
    pub fn apply(&mut self, change: Change) -> Result<Saved, ChangeError> {
        self.history.apply(&mut self.state, change)?;
        self.dirty = true;
        Ok(self.save())
    }

    /// Adds a note on `target` made now; returns its id.
    pub fn add_note(
        &mut self,
        target: Target,
        body: &str,
        tags: Vec<String>,
    ) -> Result<(String, Saved), ChangeError> {
        let id = self.state.next_note_id();
        let note = Note {
            id: id.clone(),
            body: body.to_owned(),
            tags,
            created: time::now(),
            target,
        };
        Ok((id, self.apply(Change::PutNote(note))?))
    }

    /// Adds `notes` (read from a brat file) that are not already here (a
    /// note with the same place, text and tags), each with a new id and
    /// the time now; returns how many were added. They are not a change to
    /// undo and are written with the next save.
    pub fn import_notes(&mut self, notes: Vec<NewNote>) -> usize {
        let key = |target: &Target, body: &str, tags: &[String]| {
            (target.anchor.span(), body.to_owned(), tags.to_vec())
        };
        let mut seen: std::collections::HashSet<_> = self
            .state
            .notes
            .iter()
            .map(|n| key(&n.target, &n.body, &n.tags))
            .collect();
        let mut top = self.state.top_note_number();
        let mut added = 0;
        for n in notes {
            if !seen.insert(key(&n.target, &n.body, &n.tags)) {
                continue;
            }
            let id = match top.checked_add(1) {
                Some(k) => {
                    top = k;
                    format!("n{k}")
                }
                None => self.state.next_note_id(),
            };
            self.state.put(Note {
                id,
                body: n.body,
                tags: n.tags,
                created: time::now(),
                target: n.target,
            });
            added += 1;
        }
        added
    }

    /// Replaces the body and tags of note `id`.
    pub fn edit_note(
        &mut self,
        id: &str,
        body: &str,
        tags: Vec<String>,
    ) -> Result<Saved, ChangeError> {
        let mut note = self
            .note(id)
            .ok_or_else(|| ChangeError::NoSuchNote(id.to_owned()))?
            .clone();
        note.body = body.to_owned();
        note.tags = tags;
        self.apply(Change::PutNote(note))
    }

    /// Deletes note `id`.
    pub fn delete_note(&mut self, id: &str) -> Result<Saved, ChangeError> {
        self.apply(Change::DeleteNote(id.to_owned()))
    }

    /// Adds a correction (applied after the ones already made).
    pub fn correct(&mut self, correction: Correction) -> Result<Saved, ChangeError> {
        self.apply(Change::AddCorrection(correction))
    }

    /// Undoes the last change and saves; returns what that change had done
    /// ("add note n3", for "undone: add note n3").
    pub fn undo(&mut self) -> Result<(String, Saved), ChangeError> {
        let what = self.history.undo(&mut self.state)?;
        self.dirty = true;
        Ok((what, self.save()))
    }

    /// Redoes the last undone change and saves; returns what it does.
    pub fn redo(&mut self) -> Result<(String, Saved), ChangeError> {
        let what = self.history.redo(&mut self.state)?;
        self.dirty = true;
        Ok((what, self.save()))
    }

    /// Writes the state to the sidecar if it changed: first merging what
    /// changed on disk since it was read, then replacing the file
    /// atomically. On failure the store stays dirty.
    pub fn save(&mut self) -> Saved {
        let Some(location) = self.location.clone() else {
            return Saved::Off;
        };
        if let Some(why) = &self.read_only {
            return Saved::ReadOnly(why.clone());
        }
        if !self.dirty {
            return Saved::Clean;
        }
        // A sidecar that is a symbolic link: its target is what is locked,
        // read and replaced, so two articles linked to one sidecar save
        // under one lock; the link stays a link.
        let path = disk::resolve(&location);
        // Held until the file is replaced: no other gloss writes in between.
        let _lock = match disk::lock_folder(&path) {
            Ok(lock) => lock,
            Err(source) => return Saved::Failed(SaveError::Io { path, source }),
        };
        // Only a writer sweeps: reading (`annotate` over a folder of
        // thousands of articles) never lists the folder.
        if !self.swept {
            disk::remove_stale_temps(&path, STALE_TEMP_AGE);
            self.swept = true;
        }
        let merge = match self.take_in_disk_changes(&path) {
            Ok(m) => m,
            Err(e) => return Saved::Failed(e),
        };
        let toml = match sidecar::render(&self.state, &self.text, &self.chars) {
            Ok(t) => t,
            Err(e) => {
                return Saved::Failed(SaveError::Render {
                    path,
                    message: e.to_string(),
                });
            }
        };
        if let Err(source) = disk::write_atomic(&path, toml.as_bytes(), true) {
            return Saved::Failed(SaveError::Io { path, source });
        }
        self.on_disk = Some(text::fnv1a64(toml.as_bytes()));
        self.base = self.state.clone();
        self.dirty = false;
        Saved::Written {
            path: location,
            merge,
        }
    }

    /// Takes in what changed in the sidecar on disk since it was last read
    /// or written (another gloss, an editor, a git pull), merging it with
    /// the changes in memory; writes nothing. `Ok(None)`: nothing changed.
    pub fn reload(&mut self) -> Result<Option<MergeReport>, SaveError> {
        match (self.location.clone(), &self.read_only) {
            (Some(path), None) => self.take_in_disk_changes(&path),
            _ => Ok(None),
        }
    }

    /// Merges the file at `path` into the state if it changed since it was
    /// last read or written. A file that vanished counts as unchanged (the
    /// next save writes it again rather than lose notes).
    fn take_in_disk_changes(&mut self, path: &Path) -> Result<Option<MergeReport>, SaveError> {
        let bytes = match disk::read(path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => return Ok(None),
            Err(source) => {
                return Err(SaveError::Io {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let hash = text::fnv1a64(&bytes);
        if self.on_disk == Some(hash) {
            return Ok(None);
        }
        let theirs = self.load(&bytes).map_err(|error| SaveError::Unreadable {
            path: path.to_owned(),
            error,
        })?;
        let (merged, report) = merge::merge(&self.base, &self.state, &theirs);
        self.dirty |= merged != theirs;
        self.state = merged;
        self.base = theirs;
        self.on_disk = Some(hash);
        Ok(Some(report))
    }

    /// Moves the notes and corrections to `text`, the article's text after
    /// it changed on disk: each is re-anchored by its quote and context, as
    /// when a changed article is opened, and one that cannot be placed
    /// becomes an orphan (kept, never dropped). The undo history is
    /// dropped, since its changes are anchored in the old text. Returns
    /// how many notes and corrections are orphans now. Writes nothing: the
    /// next save records the new places.
    pub fn rebase(&mut self, text: impl Into<Arc<str>>) -> usize {
        let text = text.into();
        let chars = CharIndex::new(&text);
        let moved = |state: &State| {
            sidecar::SidecarFile::from_state(state, &self.text, &self.chars)
                .into_state(&text, &chars)
        };
        self.state = moved(&self.state);
        self.base = moved(&self.base);
        self.history = History::default();
        self.text = text;
        self.chars = chars;
        self.hidden.clear();
        let notes = self.state.notes.iter().filter(|n| n.is_orphan()).count();
        notes
            + (self.state.corrections.iter())
                .filter(|c| c.is_orphan())
                .count()
    }

    /// Marks the `spans` of the text (disjoint, ordered by start) as code,
    /// as [`crate::document::Document::code_spans`] gives them: the
    /// annotator does not read them, and an added actor's other occurrences
    /// are not looked for there either.
    pub fn hide(&mut self, spans: Vec<Span>) {
        self.hidden = spans;
    }

    /// The annotator's output `auto` (for this store's text) with the
    /// corrections applied.
    pub fn annotations(&self, auto: &Annotations) -> Annotations {
        self.annotations_report(auto).0
    }

    /// Like [`Store::annotations`], also telling for each correction whether
    /// it applied (`false`: its entity or mention is not found in this text).
    pub fn annotations_report(&self, auto: &Annotations) -> (Annotations, Vec<bool>) {
        correct::apply_report(auto, &self.state.corrections, &self.text, &self.hidden)
    }

    /// The notes placed in the text, by position (for `]n` / `[n`); orphans
    /// are left out.
    pub fn placed_notes(&self) -> Vec<(Span, &Note)> {
        let mut out: Vec<(Span, &Note)> = self
            .state
            .notes
            .iter()
            .filter_map(|n| Some((n.target.anchor.span()?, &**n)))
            .collect();
        out.sort_by_key(|(s, _)| *s);
        out
    }

    /// For each note, the item of `ann` it refers to (see
    /// [`Target::resolve`]); an entity note shows at each of its entity's
    /// mentions.
    pub fn note_refs(&self, ann: &Annotations) -> Vec<Option<Ref>> {
        self.state
            .notes
            .iter()
            .map(|n| n.target.resolve(ann))
            .collect()
    }

    /// The notes to show at mention `m` of `ann`: those on its entity (an
    /// entity note shows at every mention) and those on this mention.
    pub fn notes_at_mention(&self, ann: &Annotations, m: usize) -> Vec<&Note> {
        let Some(mention) = ann.mentions.get(m) else {
            return Vec::new();
        };
        self.state
            .notes
            .iter()
            .filter(|n| match n.target.kind {
                TargetKind::Entity => n.target.resolve(ann) == Some(Ref::Entity(mention.entity)),
                TargetKind::Mention => n
                    .target
                    .anchor
                    .span()
                    .is_some_and(|s| s.overlaps(mention.span)),
                _ => false,
            })
            .map(|n| &**n)
            .collect()
    }

    /// The notes as JSON objects, refs resolved in `ann` (the corrected
    /// annotations, see [`Store::annotations`]).
    pub fn notes_json(&self, ann: &Annotations) -> Vec<NoteJson> {
        self.notes_lazy(ann).iter().collect()
    }

    /// The notes as JSON as [`Store::notes_json`] gives them, each made as
    /// it is written (for a large sidecar, not held twice).
    pub fn notes_lazy<'a>(&'a self, ann: &'a Annotations) -> NotesJson<'a> {
        NotesJson::new(&self.state.notes, ann, &self.text, &self.chars)
    }
}
