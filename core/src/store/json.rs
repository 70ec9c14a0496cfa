//! Notes in the `gloss.annotations/1` JSON (DESIGN.md, "notes": [...]).

use std::sync::Arc;

use serde::Serialize;

use super::note::{Note, TargetKind};
use crate::document::CharIndex;
use crate::model::Annotations;

/// One note as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteJson {
    /// `n1`, ...
    pub id: String,
    /// The text.
    pub body: String,
    /// Tags.
    pub tags: Vec<String>,
    /// RFC 3339.
    pub created: String,
    /// What it is attached to.
    pub target: TargetJson,
    /// True when it could not be placed in the current text; `start`/`end`
    /// are then its last known place in the text it was saved with.
    pub orphan: bool,
}

/// A note's target as JSON; offsets in code points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetJson {
    /// `span`, `mention`, `entity`, `commitment` or `quote`.
    #[serde(rename = "type")]
    pub kind: TargetKind,
    /// The item's id in these annotations (`e2`, `c1`, `q1`), or null.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The anchored text.
    pub exact: String,
    /// Context before.
    pub prefix: String,
    /// Context after.
    pub suffix: String,
}

/// Notes as JSON, their refs resolved in `ann` (the corrected annotations
/// of `text`, indexed by `chars`), each made when it is needed: serialised,
/// one [`NoteJson`] exists at a time, so that writing the notes of a large
/// sidecar does not hold them twice.
#[derive(Clone, Copy)]
pub struct NotesJson<'a> {
    notes: &'a [Arc<Note>],
    ann: &'a Annotations,
    text: &'a str,
    chars: &'a CharIndex,
}

impl<'a> NotesJson<'a> {
    /// `notes` as JSON, their refs resolved in `ann` (the corrected
    /// annotations of `text`, indexed by `chars`).
    pub fn new(
        notes: &'a [Arc<Note>],
        ann: &'a Annotations,
        text: &'a str,
        chars: &'a CharIndex,
    ) -> Self {
        Self {
            notes,
            ann,
            text,
            chars,
        }
    }

    /// Each note as JSON, in order.
    pub fn iter(self) -> impl ExactSizeIterator<Item = NoteJson> + 'a {
        self.notes.iter().map(move |n| {
            let rec = n.target.anchor.record(self.text, self.chars);
            NoteJson {
                id: n.id.clone(),
                body: n.body.clone(),
                tags: n.tags.clone(),
                created: n.created.clone(),
                target: TargetJson {
                    kind: n.target.kind,
                    reference: n.target.resolve(self.ann).map(|r| r.key()),
                    start: rec.start,
                    end: rec.end,
                    exact: rec.exact,
                    prefix: rec.prefix,
                    suffix: rec.suffix,
                },
                orphan: rec.orphan,
            }
        })
    }
}

impl Serialize for NotesJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
