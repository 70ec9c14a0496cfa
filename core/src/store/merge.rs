//! Three-way merge of sidecar states, for when the file changed on disk
//! (another gloss, an editor, a git pull) while the reader had it open.
//!
//! `base` is the state last read from or written to disk, `ours` the state in
//! memory, `theirs` the state now on disk. Nothing either side added or
//! edited is discarded:
//!
//! - notes, by id: a note changed on one side only takes that side (a delete
//!   is a change); a note edited on both sides keeps their version under its
//!   id and ours as a new note tagged `conflict`; a note deleted on one side
//!   and edited on the other keeps the edit; two different new notes that
//!   happen to share an id both stay, ours under a new id.
//! - corrections, by value: their list, less the ones we took back, plus the
//!   ones we added (in our order, at the end).

use std::collections::BTreeSet;
use std::sync::Arc;

use super::note::Note;
use super::state::{State, id_key};

/// The tag put on our copy of a note both sides edited.
pub const CONFLICT_TAG: &str = "conflict";

/// What a merge did, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Notes edited on both sides: (their id, the id of our copy).
    pub conflicts: Vec<(String, String)>,
    /// Notes only the disk had changed, added or deleted.
    pub from_disk: usize,
}

/// Merges `ours` and `theirs`, both derived from `base`.
pub fn merge(base: &State, ours: &State, theirs: &State) -> (State, MergeReport) {
    let mut report = MergeReport::default();
    let ids: BTreeSet<(u64, &str)> = [base, ours, theirs]
        .iter()
        .flat_map(|s| s.notes.iter().map(|n| id_key(&n.id)))
        .collect();
    let mut out = State::default();
    let mut renamed: Vec<Note> = Vec::new();
    for (_, id) in ids {
        let (b, o, t) = (base.shared(id), ours.shared(id), theirs.shared(id));
        let pick = if o == t || b == t {
            o
        } else if b == o {
            report.from_disk += 1;
            t
        } else {
            match (o, t) {
                (Some(o), Some(t)) => {
                    let mut copy = Note::clone(o);
                    if b.is_some() && !copy.tags.iter().any(|x| x == CONFLICT_TAG) {
                        copy.tags.push(CONFLICT_TAG.to_owned());
                    }
                    renamed.push(copy);
                    Some(t)
                }
                (o, t) => o.or(t),
            }
        };
        if let Some(n) = pick {
            out.put(Arc::clone(n));
        }
    }
    for mut n in renamed {
        let old = std::mem::replace(&mut n.id, out.next_note_id());
        if n.tags.iter().any(|x| x == CONFLICT_TAG) {
            report.conflicts.push((old, n.id.clone()));
        }
        out.put(n);
    }
    let dropped = |c| base.corrections.contains(c) && !ours.corrections.contains(c);
    out.corrections = theirs
        .corrections
        .iter()
        .filter(|c| !dropped(c))
        .cloned()
        .collect();
    for c in &ours.corrections {
        if !base.corrections.contains(c) && !out.corrections.contains(c) {
            out.corrections.push(c.clone());
        }
    }
    (out, report)
}
