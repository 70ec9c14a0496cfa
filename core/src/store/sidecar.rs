//! The sidecar file format, `gloss.sidecar/1`: human-readable TOML with
//! code-point offsets, notes ordered by id and corrections in the order they
//! apply, so that a diff shows only what changed.
//!
//! ```toml
//! schema = "gloss.sidecar/1"
//! text_hash = "fnv1a64:8b3f6bd1c0d5a8e2"
//!
//! [[notes]]
//! id = "n1"
//! created = "2026-11-26T16:40:00Z"
//! tags = ["follow-up"]
//! body = "Check the date of the letter."
//!
//! [notes.target]
//! type = "entity"
//! start = 54
//! end = 69
//! exact = "Donald J. Trump"
//! prefix = "..."
//! suffix = "..."
//!
//! [[corrections]]
//! op = "rename"
//! name = "Kim Jong Un"
//!
//! [corrections.entity]
//! name = "Kim"
//! start = 120
//! end = 123
//! exact = "Kim"
//! prefix = "..."
//! suffix = "..."
//! ```
//!
//! `text_hash` is the hash of the text the offsets refer to; when the article
//! no longer has that hash, every anchor is placed again by its quote and
//! context. An anchor that could not be placed carries `orphan = true`.

use std::collections::HashSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::anchor::{AnchorRecord, Placer};
use super::correct::{Correction, EntityRef};
use super::note::{Note, Target, TargetKind};
use super::state::{State, id_after, id_key, id_number};
use crate::document::CharIndex;
use crate::model::EntityKind;
use crate::text::text_hash;

/// The schema identifier written into every sidecar.
pub const SCHEMA: &str = "gloss.sidecar/1";

/// A sidecar as written on disk.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SidecarFile {
    schema: toml::Spanned<String>,
    text_hash: String,
    #[serde(default)]
    notes: Vec<NoteRecord>,
    #[serde(default)]
    corrections: Vec<CorrectionRecord>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteRecord {
    id: String,
    #[serde(default)]
    created: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    body: String,
    target: TargetRecord,
}

#[derive(Debug, Serialize, Deserialize)]
struct TargetRecord {
    #[serde(rename = "type")]
    kind: TargetKind,
    #[serde(flatten)]
    anchor: AnchorRecord,
}

#[derive(Debug, Serialize, Deserialize)]
struct EntityRefRecord {
    name: String,
    #[serde(flatten)]
    mention: AnchorRecord,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum CorrectionRecord {
    Rename {
        name: String,
        entity: EntityRefRecord,
    },
    SetKind {
        kind: EntityKind,
        entity: EntityRefRecord,
    },
    Merge {
        entity: EntityRefRecord,
        into: EntityRefRecord,
    },
    Detach {
        mention: AnchorRecord,
    },
    RemoveMention {
        mention: AnchorRecord,
    },
    RemoveEntity {
        entity: EntityRefRecord,
    },
    AddEntity {
        kind: EntityKind,
        name: String,
        span: AnchorRecord,
    },
}

impl CorrectionRecord {
    /// The anchors it holds.
    fn anchors(&self) -> Vec<&AnchorRecord> {
        match self {
            Self::Rename { entity, .. }
            | Self::SetKind { entity, .. }
            | Self::RemoveEntity { entity } => vec![&entity.mention],
            Self::Merge { entity, into } => vec![&entity.mention, &into.mention],
            Self::Detach { mention } | Self::RemoveMention { mention } => vec![mention],
            Self::AddEntity { span, .. } => vec![span],
        }
    }
}

/// A sidecar that cannot be read, with where the problem is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in code points.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    /// The error `message` at byte `byte` of `source`, with its line and
    /// column.
    pub(super) fn at(source: &str, byte: usize, message: String) -> Self {
        let before = source.get(..byte).unwrap_or(source);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message,
        }
    }
}

/// Parses a sidecar's text.
///
/// A sidecar is read note by note: the TOML parser holds a token and an
/// event for every few bytes of what it parses, several times the size of
/// a large sidecar at once. Only when that fails is the whole file parsed
/// in one piece, for the error and its place.
pub fn parse(source: &str) -> Result<SidecarFile, ParseError> {
    let file = match by_element(source) {
        Some(file) => file,
        None => toml::from_str(source).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            ParseError::at(source, at, e.message().trim().to_owned())
        })?,
    };
    if file.schema.get_ref() != SCHEMA {
        let msg = format!(
            "schema “{}” is not one this gloss reads ({SCHEMA})",
            file.schema.get_ref()
        );
        return Err(ParseError::at(source, file.schema.span().start, msg));
    }
    Ok(file)
}

/// The top-level keys of a sidecar, before its first note or correction.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    schema: toml::Spanned<String>,
    text_hash: String,
}

/// Notes and corrections, from one piece of a sidecar.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Elements {
    #[serde(default)]
    notes: Vec<NoteRecord>,
    #[serde(default)]
    corrections: Vec<CorrectionRecord>,
}

/// `source` parsed piece by piece, each piece starting at a line that
/// opens a note or correction (`[[notes]]`, `[[corrections]]`), or `None`
/// when a piece does not parse (a line like that inside a multi-line
/// string or array leaves the piece before it unterminated; a table that
/// refers back to another piece's element stands alone as an unknown
/// table). What parses this way parses the same in one piece.
fn by_element(source: &str) -> Option<SidecarFile> {
    let opens = |at: usize| {
        let line = &source[at..];
        line.starts_with("[[notes]]") || line.starts_with("[[corrections]]")
    };
    let mut starts: Vec<usize> = memchr::memchr_iter(b'\n', source.as_bytes())
        .map(|i| i + 1)
        .filter(|&i| opens(i))
        .collect();
    starts.push(source.len());
    let head: Head = toml::from_str(&source[..starts[0]]).ok()?;
    let mut file = SidecarFile {
        schema: head.schema,
        text_hash: head.text_hash,
        notes: Vec::new(),
        corrections: Vec::new(),
    };
    for piece in starts.windows(2) {
        let elements: Elements = toml::from_str(&source[piece[0]..piece[1]]).ok()?;
        file.notes.extend(elements.notes);
        file.corrections.extend(elements.corrections);
    }
    Some(file)
}

impl SidecarFile {
    /// Its notes and corrections, placed in `text` (indexed by `chars`):
    /// taken as they are when the text is the one they were saved with,
    /// else re-anchored. Notes sharing an id (a hand edit) get new ids.
    pub fn into_state(self, text: &str, chars: &CharIndex) -> State {
        let placer = Placer::new(text, chars, self.text_hash == text_hash(text));
        placer.expect(
            self.notes
                .iter()
                .map(|n| &n.target.anchor)
                .chain(self.corrections.iter().flat_map(CorrectionRecord::anchors)),
        );
        let mut state = State::default();
        // Ids in use, and the highest `nK` among them, so that each note is
        // placed in constant time however many there are.
        let mut ids = HashSet::with_capacity(self.notes.len());
        let mut top = 0;
        let mut free_from = 1;
        for n in self.notes {
            let mut note = Note {
                id: n.id,
                body: n.body,
                tags: n.tags,
                created: n.created,
                target: Target {
                    kind: n.target.kind,
                    anchor: placer.place(&n.target.anchor),
                },
            };
            if note.id.is_empty() || ids.contains(&note.id) {
                note.id = id_after(top, &mut free_from, |id| ids.contains(id));
            }
            top = top.max(id_number(&note.id).unwrap_or(0));
            ids.insert(note.id.clone());
            state.notes.push(Arc::new(note));
        }
        state
            .notes
            .sort_by(|a, b| id_key(&a.id).cmp(&id_key(&b.id)));
        let mut corrections = HashSet::with_capacity(self.corrections.len());
        let entity = |r: &EntityRefRecord| EntityRef {
            mention: placer.place(&r.mention),
            name: r.name.clone(),
        };
        for c in self.corrections {
            let c = match &c {
                CorrectionRecord::Rename { name, entity: e } => Correction::Rename {
                    entity: entity(e),
                    name: name.clone(),
                },
                CorrectionRecord::SetKind { kind, entity: e } => Correction::SetKind {
                    entity: entity(e),
                    kind: *kind,
                },
                CorrectionRecord::Merge { entity: e, into } => Correction::Merge {
                    entity: entity(e),
                    into: entity(into),
                },
                CorrectionRecord::Detach { mention } => Correction::Detach {
                    mention: placer.place(mention),
                },
                CorrectionRecord::RemoveMention { mention } => Correction::RemoveMention {
                    mention: placer.place(mention),
                },
                CorrectionRecord::RemoveEntity { entity: e } => {
                    Correction::RemoveEntity { entity: entity(e) }
                }
                CorrectionRecord::AddEntity { kind, name, span } => Correction::AddEntity {
                    kind: *kind,
                    name: name.clone(),
                    span: placer.place(span),
                },
            };
            if !corrections.contains(&c) {
                corrections.insert(c.clone());
                state.corrections.push(c);
            }
        }
        state
    }
}

/// `state` as sidecar TOML, with offsets into `text` (indexed by `chars`).
pub fn render(state: &State, text: &str, chars: &CharIndex) -> Result<String, toml::ser::Error> {
    toml::to_string_pretty(&SidecarFile::from_state(state, text, chars))
}

impl SidecarFile {
    /// `state` as it is recorded, with offsets into `text` (indexed by
    /// `chars`); [`SidecarFile::into_state`] places it in a text again.
    pub fn from_state(state: &State, text: &str, chars: &CharIndex) -> Self {
        from_state(state, text, chars)
    }
}

fn from_state(state: &State, text: &str, chars: &CharIndex) -> SidecarFile {
    let entity = |r: &EntityRef| EntityRefRecord {
        name: r.name.clone(),
        mention: r.mention.record(text, chars),
    };
    SidecarFile {
        schema: toml::Spanned::new(0..0, SCHEMA.to_owned()),
        text_hash: text_hash(text),
        notes: state
            .notes
            .iter()
            .map(|n| NoteRecord {
                id: n.id.clone(),
                created: n.created.clone(),
                tags: n.tags.clone(),
                body: n.body.clone(),
                target: TargetRecord {
                    kind: n.target.kind,
                    anchor: n.target.anchor.record(text, chars),
                },
            })
            .collect(),
        corrections: state
            .corrections
            .iter()
            .map(|c| match c {
                Correction::Rename { entity: e, name } => CorrectionRecord::Rename {
                    name: name.clone(),
                    entity: entity(e),
                },
                Correction::SetKind { entity: e, kind } => CorrectionRecord::SetKind {
                    kind: *kind,
                    entity: entity(e),
                },
                Correction::Merge { entity: e, into } => CorrectionRecord::Merge {
                    entity: entity(e),
                    into: entity(into),
                },
                Correction::Detach { mention } => CorrectionRecord::Detach {
                    mention: mention.record(text, chars),
                },
                Correction::RemoveMention { mention } => CorrectionRecord::RemoveMention {
                    mention: mention.record(text, chars),
                },
                Correction::RemoveEntity { entity: e } => {
                    CorrectionRecord::RemoveEntity { entity: entity(e) }
                }
                Correction::AddEntity { span, kind, name } => CorrectionRecord::AddEntity {
                    kind: *kind,
                    name: name.clone(),
                    span: span.record(text, chars),
                },
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines a sidecar may hold, hand-edited ones included: element
    /// headers inside strings and arrays, tables that refer back to an
    /// element before, top-level keys out of place.
    const PIECES: &[&str] = &[
        "schema = \"gloss.sidecar/1\"\ntext_hash = \"fnv1a64:0\"\n",
        "[[notes]]\nid = \"n1\"\n",
        "[[notes]]\n",
        "[[ notes ]]\nid = \"n2\"\n",
        "[notes.target]\ntype = \"span\"\nstart = 0\nend = 3\nexact = \"Kim\"\n",
        "[[corrections]]\nop = \"detach\"\n",
        "[[corrections]]\nop = \"rename\"\nname = \"K\"\n",
        "[corrections.mention]\nstart = 0\nend = 3\nexact = \"Kim\"\n",
        "[corrections.entity]\nname = \"K\"\nstart = 0\nend = 3\nexact = \"Kim\"\n",
        "body = \"\"\"\n",
        "\"\"\"\n",
        "tags = [\n",
        "]\n",
        "[[\"a\"]],\n",
        "[notes]\n",
        "notes = []\n",
        "text_hash = \"fnv1a64:1\"\n",
        "# [[notes]]\n",
        "\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn a_sidecar_read_by_element_reads_as_in_one_piece(
            picks in prop::collection::vec(0..PIECES.len(), 0..12),
        ) {
            // Mostly after the top-level keys, as a sidecar starts.
            let head = if picks.len() % 4 == 0 { "" } else { PIECES[0] };
            let source: String = std::iter::once(head).chain(picks.iter().map(|&i| PIECES[i])).collect();
            if let Some(file) = by_element(&source) {
                let whole: Result<SidecarFile, _> = toml::from_str(&source);
                prop_assert!(whole.is_ok(), "{source}: {whole:?}");
                prop_assert_eq!(format!("{file:?}"), format!("{:?}", whole.unwrap()), "{}", source);
            }
        }
    }

    #[test]
    fn a_sidecar_with_notes_and_corrections_is_read_by_element() {
        let source = PIECES[0].to_owned()
            + PIECES[1]
            + PIECES[4]
            + PIECES[5]
            + PIECES[7]
            + PIECES[1]
            + PIECES[4];
        let file = by_element(&source).expect("read by element");
        assert_eq!((file.notes.len(), file.corrections.len()), (2, 1));
        // A note header inside a multi-line body is no place to cut.
        let source =
            PIECES[0].to_owned() + PIECES[1] + PIECES[9] + PIECES[1] + PIECES[10] + PIECES[4];
        assert!(by_element(&source).is_none());
        assert_eq!(
            parse(&source).unwrap().notes[0].body,
            "[[notes]]\nid = \"n1\"\n"
        );
    }

    fn ids_after_loading(ids: &[&str]) -> Vec<String> {
        let text = "Kim met Moon.";
        let mut toml = format!(
            "schema = \"{SCHEMA}\"\ntext_hash = \"{}\"\n",
            text_hash(text)
        );
        for (i, id) in ids.iter().enumerate() {
            toml.push_str(&format!(
                "[[notes]]\nid = \"{id}\"\nbody = \"b{i}\"\n[notes.target]\n\
                 type = \"span\"\nstart = 0\nend = 3\nexact = \"Kim\"\n"
            ));
        }
        let state = parse(&toml)
            .unwrap()
            .into_state(text, &CharIndex::new(text));
        state
            .notes
            .iter()
            .map(|n| format!("{}={}", n.id, n.body))
            .collect()
    }

    #[test]
    fn missing_and_repeated_ids_get_new_ones_in_order() {
        assert_eq!(
            ids_after_loading(&["n2", "n1", "", "n1"]),
            ["n1=b1", "n2=b0", "n3=b2", "n4=b3"]
        );
        // Past the highest number possible, the first free ones are taken.
        assert_eq!(
            ids_after_loading(&["n18446744073709551615", "n1", "", ""]),
            ["n1=b1", "n2=b2", "n3=b3", "n18446744073709551615=b0"]
        );
    }
}
