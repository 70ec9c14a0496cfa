//! The sidecar's content — notes and corrections — and the changes a person
//! makes to it, each with its inverse so it can be undone.

use std::sync::Arc;

use super::correct::Correction;
use super::note::Note;

/// Everything a sidecar holds for one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// Notes, ordered by id (`n2` before `n10`). Shared: a copy of the
    /// state (the store's merge base) shares the notes the two have in
    /// common rather than holding them twice.
    pub notes: Vec<Arc<Note>>,
    /// Corrections, in the order they apply; no two are equal.
    pub corrections: Vec<Correction>,
}

/// One change to the [`State`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Add a note, or replace the note with the same id (an edit).
    PutNote(Note),
    /// Delete the note with this id.
    DeleteNote(String),
    /// Append a correction.
    AddCorrection(Correction),
    /// Insert a correction at an index (clamped to the list); used by undo.
    InsertCorrection(usize, Correction),
    /// Remove a correction.
    RemoveCorrection(Correction),
}

/// Why a change could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    /// No note has this id.
    #[error("no note {0}")]
    NoSuchNote(String),
    /// A note needs an id.
    #[error("a note needs an id")]
    EmptyId,
    /// The correction is not in the list.
    #[error("that correction is not there")]
    NoSuchCorrection,
    /// The same correction is already in the list.
    #[error("that correction is already made")]
    DuplicateCorrection,
    /// Undo with an empty history.
    #[error("nothing to undo")]
    NothingToUndo,
    /// Redo with nothing undone.
    #[error("nothing to redo")]
    NothingToRedo,
}

/// Sort key of a note id: `n10` after `n9`; other ids after, by text.
pub fn id_key(id: &str) -> (u64, &str) {
    (id_number(id).unwrap_or(u64::MAX), id)
}

/// The number `K` of a note id `nK`.
pub(crate) fn id_number(id: &str) -> Option<u64> {
    id.strip_prefix('n')?.parse().ok()
}

/// A new note id when `top` is the highest `nK` in use: one past it, or, if
/// a hand edit put the highest number possible, the first `nK` from
/// `*free_from` on that `taken` does not hold (`*free_from` moves past it,
/// so that a caller taking many ids scans each number once).
pub(crate) fn id_after(top: u64, free_from: &mut u64, taken: impl Fn(&str) -> bool) -> String {
    if let Some(next) = top.checked_add(1) {
        return format!("n{next}");
    }
    while *free_from < u64::MAX {
        let id = format!("n{free_from}");
        *free_from += 1;
        if !taken(&id) {
            return id;
        }
    }
    String::new()
}

impl State {
    /// The note with id `id`.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.shared(id).map(|n| &**n)
    }

    /// The note with id `id`, to share with another state.
    pub(crate) fn shared(&self, id: &str) -> Option<&Arc<Note>> {
        self.position(id).ok().map(|i| &self.notes[i])
    }

    /// Where the note with id `id` is (`Ok`), or where it would go in id
    /// order (`Err`): a binary search, the notes being ordered by id.
    fn position(&self, id: &str) -> Result<usize, usize> {
        let key = id_key(id);
        self.notes.binary_search_by(|n| id_key(&n.id).cmp(&key))
    }

    /// An id no note has: one past the highest `nK` (or, if a hand edit
    /// put the highest number possible, the first free one).
    pub fn next_note_id(&self) -> String {
        id_after(self.top_note_number(), &mut 1, |id| self.note(id).is_some())
    }

    /// The highest `K` of the note ids `nK` (0 without notes).
    pub fn top_note_number(&self) -> u64 {
        self.notes
            .iter()
            .filter_map(|n| id_number(&n.id))
            .max()
            .unwrap_or(0)
    }

    /// Puts `note` in place of the note with its id, or adds it in id order.
    pub(crate) fn put(&mut self, note: impl Into<Arc<Note>>) -> Option<Note> {
        let note = note.into();
        match self.position(&note.id) {
            Ok(i) => Some(Arc::unwrap_or_clone(std::mem::replace(
                &mut self.notes[i],
                note,
            ))),
            Err(at) => {
                self.notes.insert(at, note);
                None
            }
        }
    }

    /// Makes `change`; returns the change that undoes it.
    pub fn apply(&mut self, change: Change) -> Result<Change, ChangeError> {
        match change {
            Change::PutNote(note) => {
                if note.id.is_empty() {
                    return Err(ChangeError::EmptyId);
                }
                let id = note.id.clone();
                Ok(match self.put(note) {
                    Some(old) => Change::PutNote(old),
                    None => Change::DeleteNote(id),
                })
            }
            Change::DeleteNote(id) => {
                let i = self
                    .position(&id)
                    .map_err(|_| ChangeError::NoSuchNote(id))?;
                Ok(Change::PutNote(Arc::unwrap_or_clone(self.notes.remove(i))))
            }
            Change::AddCorrection(c) => {
                let at = self.corrections.len();
                self.apply(Change::InsertCorrection(at, c))
            }
            Change::InsertCorrection(at, c) => {
                if self.corrections.contains(&c) {
                    return Err(ChangeError::DuplicateCorrection);
                }
                let at = at.min(self.corrections.len());
                self.corrections.insert(at, c.clone());
                Ok(Change::RemoveCorrection(c))
            }
            Change::RemoveCorrection(c) => {
                let i = self
                    .corrections
                    .iter()
                    .position(|x| *x == c)
                    .ok_or(ChangeError::NoSuchCorrection)?;
                self.corrections.remove(i);
                Ok(Change::InsertCorrection(i, c))
            }
        }
    }
}

/// What a change did, in a few words for the status line ("add note n3"),
/// told from the change and the change that undoes it.
fn describe(change: &Change, inverse: &Change) -> String {
    match (change, inverse) {
        (Change::PutNote(n), Change::DeleteNote(_)) => format!("add note {}", n.id),
        (Change::PutNote(n), _) => format!("edit note {}", n.id),
        (Change::DeleteNote(id), _) => format!("delete note {id}"),
        (Change::AddCorrection(c) | Change::InsertCorrection(_, c), _) => c.describe(),
        (Change::RemoveCorrection(c), _) => format!("take back: {}", c.describe()),
    }
}

/// One step of the history: what it did, and the change that reverses it.
#[derive(Clone, Debug)]
struct Step {
    what: String,
    reverse: Change,
}

/// Undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Makes `change` on `state` and records it; clears the redo stack.
    /// Returns what it did, in a few words ("add note n3").
    pub fn apply(&mut self, state: &mut State, change: Change) -> Result<String, ChangeError> {
        let reverse = state.apply(change.clone())?;
        let what = describe(&change, &reverse);
        self.undo.push(Step {
            what: what.clone(),
            reverse,
        });
        self.redo.clear();
        Ok(what)
    }

    /// Reverses the last change; returns what that change had done. A step
    /// that no longer fits the state (its note was deleted on disk
    /// meanwhile) is dropped and reported as an error.
    pub fn undo(&mut self, state: &mut State) -> Result<String, ChangeError> {
        let step = self.undo.pop().ok_or(ChangeError::NothingToUndo)?;
        let reverse = state.apply(step.reverse)?;
        self.redo.push(Step {
            what: step.what.clone(),
            reverse,
        });
        Ok(step.what)
    }

    /// Makes the last undone change again; returns what it does.
    pub fn redo(&mut self, state: &mut State) -> Result<String, ChangeError> {
        let step = self.redo.pop().ok_or(ChangeError::NothingToRedo)?;
        let reverse = state.apply(step.reverse)?;
        self.undo.push(Step {
            what: step.what.clone(),
            reverse,
        });
        Ok(step.what)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::store::note::Target;

    fn note(id: &str) -> Note {
        Note {
            id: id.into(),
            body: String::new(),
            tags: Vec::new(),
            created: String::new(),
            target: Target::span("abc", Span::new(0, 1)).unwrap(),
        }
    }

    #[test]
    fn next_ids_never_collide() {
        let mut state = State::default();
        assert_eq!(state.next_note_id(), "n1");
        state.put(note("n9"));
        state.put(note("x"));
        assert_eq!(state.next_note_id(), "n10");
        state.put(note(&format!("n{}", u64::MAX)));
        state.put(note("n1"));
        assert_eq!(state.next_note_id(), "n2");
        let ids: Vec<&str> = state.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["n1", "n9", "n18446744073709551615", "x"]);
    }

    #[test]
    fn every_id_is_found_in_id_order() {
        // Found by binary search: every kind of id must sort as `put` puts it.
        let ids = ["n10", "x", "n01", "n9", "", "n1", "N3", "n+2"];
        let mut state = State::default();
        for id in ids {
            state.put(note(id));
        }
        for id in ids {
            assert_eq!(state.note(id).map(|n| n.id.as_str()), Some(id));
        }
        assert!(state.note("n2").is_none());
        state.apply(Change::DeleteNote("n01".into())).unwrap();
        assert!(state.note("n01").is_none());
        assert_eq!(state.note("n1").map(|n| n.id.as_str()), Some("n1"));
    }
}
