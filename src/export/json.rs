//! The `gloss.annotations/1` JSON schema (DESIGN.md), with code-point offsets.

use std::io::Write as _;

use std::borrow::Cow;

use serde::Serialize;

use super::entities;
use crate::document::Document;
use crate::model::{
    Annotations, CommitmentKind, EntityKind, LinkRel, MentionForm, QuoteKind, Span,
};
use crate::store::NoteJson;

/// The schema identifier written into every document.
pub const SCHEMA: &str = "gloss.annotations/1";

/// The whole JSON document.
#[derive(Serialize)]
pub struct AnnotationsJson<'a> {
    schema: &'static str,
    document: DocumentJson<'a>,
    entities: Vec<EntityJson<'a>>,
    links: Vec<LinkJson>,
    commitments: Vec<CommitmentJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    notes: Vec<NoteJson>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    source: &'a str,
    format: &'static str,
    title: &'a str,
    chars: usize,
}

#[derive(Serialize)]
struct EntityJson<'a> {
    id: String,
    kind: EntityKind,
    name: Cow<'a, str>,
    roles: &'a [String],
    mentions: Vec<MentionJson<'a>>,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    form: MentionForm,
    /// Set on a name inside a longer name mention (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    nested: bool,
}

#[derive(Serialize)]
struct LinkJson {
    from: String,
    to: String,
    rel: LinkRel,
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct CommitmentJson<'a> {
    id: String,
    kind: CommitmentKind,
    actor: Option<String>,
    actor_name: Option<&'a str>,
    counterpart: Option<String>,
    trigger: SpanJson,
    content: SpanJson,
    sentence: SpanJson,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    id: String,
    kind: QuoteKind,
    speaker: Option<String>,
    speaker_name: Option<&'a str>,
    cue: Option<SpanJson>,
    span: SpanJson,
}

impl<'a> AnnotationsJson<'a> {
    /// Builds the JSON view of `ann` and `notes` over `doc`, converting
    /// every byte offset to a code-point offset.
    pub fn new(doc: &'a Document, ann: &'a Annotations, notes: Vec<NoteJson>) -> Self {
        let span = |s: Span| {
            let (start, end) = doc.char_span(s);
            SpanJson { start, end }
        };
        let key = |id: usize| Annotations::entity_key(id);
        Self {
            schema: SCHEMA,
            document: DocumentJson {
                source: &doc.source,
                format: doc.format.as_str(),
                title: &doc.title,
                chars: doc.char_len(),
            },
            entities: entities(doc, ann),
            links: ann
                .links
                .iter()
                .map(|l| LinkJson {
                    from: key(l.from),
                    to: key(l.to),
                    rel: l.rel,
                })
                .collect(),
            commitments: ann
                .commitments
                .iter()
                .enumerate()
                .map(|(i, c)| CommitmentJson {
                    id: format!("c{}", i + 1),
                    kind: c.kind,
                    actor: c.actor.map(key),
                    actor_name: ann.agent_name(c.actor, &c.actor_name),
                    counterpart: c.counterpart.map(key),
                    trigger: span(c.trigger),
                    content: span(c.content),
                    sentence: span(c.sentence),
                })
                .collect(),
            quotes: ann
                .quotes
                .iter()
                .enumerate()
                .map(|(i, q)| QuoteJson {
                    id: format!("q{}", i + 1),
                    kind: q.kind,
                    speaker: q.speaker.map(key),
                    speaker_name: ann.agent_name(q.speaker, &q.speaker_name),
                    cue: q.cue.map(span),
                    span: span(q.span),
                })
                .collect(),
            notes,
        }
    }
}

/// The entities of `ann` with their mentions, names inside longer names
/// included (see [`entities::list`]).
fn entities<'a>(doc: &'a Document, ann: &'a Annotations) -> Vec<EntityJson<'a>> {
    let text: &'a str = &doc.text;
    entities::list(text, ann)
        .into_iter()
        .enumerate()
        .map(|(i, e)| EntityJson {
            id: Annotations::entity_key(i),
            kind: e.kind,
            name: e.name,
            roles: e.roles,
            mentions: e
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = doc.char_span(m.span);
                    MentionJson {
                        start,
                        end,
                        text: m.span.slice(text),
                        form: m.form,
                        nested: m.nested,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The annotations and notes of `doc` as pretty-printed JSON, ending in a
/// newline.
pub fn to_string(doc: &Document, ann: &Annotations, notes: Vec<NoteJson>) -> String {
    in_memory(doc, ann, notes, true)
}

/// The annotations and notes of `doc` as one JSON line (for `--format
/// jsonl`).
pub fn to_line(doc: &Document, ann: &Annotations, notes: Vec<NoteJson>) -> String {
    in_memory(doc, ann, notes, false)
}

/// What [`write`] writes, as a string.
fn in_memory(doc: &Document, ann: &Annotations, notes: Vec<NoteJson>, pretty: bool) -> String {
    let mut out = Vec::new();
    write(&mut out, doc, ann, notes, pretty).expect("serialising plain data cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the annotations and notes of `doc` into `out` as JSON, pretty
/// or on one line, ending in a newline, streaming rather than holding the
/// whole text in memory.
pub fn write(
    out: &mut dyn std::io::Write,
    doc: &Document,
    ann: &Annotations,
    notes: Vec<NoteJson>,
    pretty: bool,
) -> std::io::Result<()> {
    let data = AnnotationsJson::new(doc, ann, notes);
    let mut out = std::io::BufWriter::new(out);
    if pretty {
        serde_json::to_writer_pretty(&mut out, &data)?;
    } else {
        serde_json::to_writer(&mut out, &data)?;
    }
    out.write_all(b"\n")?;
    out.flush()
}
