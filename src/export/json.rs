//! The `gloss.annotations/1` JSON schema (DESIGN.md), with code-point offsets.

use std::io::Write as _;

use serde::Serialize;

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
    name: &'a str,
    roles: &'a [String],
    mentions: Vec<MentionJson<'a>>,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    form: MentionForm,
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
        let span = |s: Span| SpanJson {
            start: doc.chars.to_char(&doc.text, s.start),
            end: doc.chars.to_char(&doc.text, s.end),
        };
        let key = |id: usize| Annotations::entity_key(id);
        let name = |id: Option<usize>, fallback: &'a Option<String>| -> Option<&'a str> {
            id.map(|i| ann.entities[i].name.as_str())
                .or(fallback.as_deref())
        };
        Self {
            schema: SCHEMA,
            document: DocumentJson {
                source: &doc.source,
                format: doc.format.as_str(),
                title: &doc.title,
                chars: doc.char_len(),
            },
            entities: ann
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| EntityJson {
                    id: key(i),
                    kind: e.kind,
                    name: &e.name,
                    roles: &e.roles,
                    mentions: e
                        .mentions
                        .iter()
                        .map(|&m| {
                            let m = &ann.mentions[m];
                            let s = span(m.span);
                            MentionJson {
                                start: s.start,
                                end: s.end,
                                text: m.span.slice(&doc.text),
                                form: m.form,
                            }
                        })
                        .collect(),
                })
                .collect(),
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
                    actor_name: name(c.actor, &c.actor_name),
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
                    speaker_name: name(q.speaker, &q.speaker_name),
                    cue: q.cue.map(span),
                    span: span(q.span),
                })
                .collect(),
            notes,
        }
    }
}

/// The annotations and notes of `doc` as pretty-printed JSON, ending in a
/// newline.
pub fn to_string(doc: &Document, ann: &Annotations, notes: Vec<NoteJson>) -> String {
    let mut out = serde_json::to_string_pretty(&AnnotationsJson::new(doc, ann, notes))
        .expect("serialising plain data cannot fail");
    out.push('\n');
    out
}

/// The annotations and notes of `doc` as one JSON line (for `--format
/// jsonl`).
pub fn to_line(doc: &Document, ann: &Annotations, notes: Vec<NoteJson>) -> String {
    let mut out = serde_json::to_string(&AnnotationsJson::new(doc, ann, notes))
        .expect("serialising plain data cannot fail");
    out.push('\n');
    out
}

/// Streams what [`to_string`] (when `pretty`) or [`to_line`] return into
/// `out`, without holding the whole text in memory.
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
