//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` holding one
//! annotation per entity (purpose identifying, with its kind as a
//! classifying body), per commitment and per quote. Every target is a
//! `SpecificResource` of the article carrying a `TextQuoteSelector` (exact,
//! prefix, suffix) and a `TextPositionSelector` (code points, end
//! exclusive). A commitment's actor or counterpart and a quote's speaker is
//! a `SpecificResource` body whose `source` is the entity's annotation,
//! with purpose `identifying` and the role as `schema:roleName` (schema.org
//! is a vocabulary the Web Annotation context already includes).

use std::path::Path;

use serde_json::{Value, json};

use crate::document::Document;
use crate::model::{Annotations, Commitment, EntityId, Quote, Span};
use crate::store::NoteJson;
use crate::text::{context, fnv1a64};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The IRI of the article: the `file:` URL of its absolute path (RFC 3986,
/// percent-encoded) when it names a file, else (standard input, the
/// bundled sample) a URN of its text under `base`.
fn source_iri(doc: &Document, base: &str) -> String {
    let path = Path::new(&doc.source);
    let absolute = (doc.source != "-" && path.is_file())
        .then(|| std::path::absolute(path).ok())
        .flatten();
    let Some(absolute) = absolute.as_deref().and_then(Path::to_str) else {
        return format!("{base}:text");
    };
    let mut iri = String::from("file://");
    for b in absolute.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            iri.push(char::from(b));
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    iri
}

struct Builder<'a> {
    doc: &'a Document,
    base: String,
    source: String,
}

impl Builder<'_> {
    fn target(&self, span: Span) -> Value {
        let text = &self.doc.text;
        let (prefix, suffix) = context(text, span).unwrap_or_default();
        let chars = &self.doc.chars;
        let position = (
            chars.to_char(text, span.start),
            chars.to_char(text, span.end),
        );
        self.selectors((prefix, span.slice(text), suffix), position)
    }

    /// A target with a quote selector and a position selector (code points).
    fn selectors(
        &self,
        (prefix, exact, suffix): (&str, &str, &str),
        (start, end): (usize, usize),
    ) -> Value {
        json!({
            "type": "SpecificResource",
            "source": self.source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ]
        })
    }

    fn entity_iri(&self, id: EntityId) -> String {
        format!("{}/{}", self.base, Annotations::entity_key(id))
    }

    /// The annotation of entity `id` of `ann`: its name, kind and roles on
    /// every mention.
    fn entity(&self, ann: &Annotations, id: EntityId) -> Value {
        let e = &ann.entities[id];
        let mut body = vec![
            textual("identifying", &e.name),
            textual("classifying", e.kind.as_str()),
        ];
        body.extend(e.roles.iter().map(|r| textual("describing", r)));
        let target: Vec<Value> = e
            .mentions
            .iter()
            .map(|&m| self.target(ann.mentions[m].span))
            .collect();
        json!({
            "id": self.entity_iri(id),
            "type": "Annotation",
            "motivation": "identifying",
            "body": body,
            "target": target,
        })
    }

    /// The body naming an act's agent in `role`: the entity `id`'s
    /// annotation, else the `name` the text gives, else none.
    fn agent(&self, id: Option<EntityId>, name: &Option<String>, role: &str) -> Option<Value> {
        match (id, name) {
            (Some(id), _) => Some(json!({
                "type": "SpecificResource",
                "source": self.entity_iri(id),
                "purpose": "identifying",
                "schema:roleName": role,
            })),
            (None, Some(n)) => Some(textual("describing", &format!("{role}: {n}"))),
            (None, None) => None,
        }
    }

    /// The annotation of commitment `i`, `c`: on its content and trigger.
    fn commitment(&self, i: usize, c: &Commitment) -> Value {
        let kind = format!("commitment:{}", c.kind.as_str());
        let mut body = vec![textual("classifying", &kind)];
        body.extend(self.agent(c.actor, &c.actor_name, "actor"));
        body.extend(self.agent(c.counterpart, &None, "counterpart"));
        json!({
            "id": format!("{}/c{}", self.base, i + 1),
            "type": "Annotation",
            "motivation": "classifying",
            "body": body,
            "target": [self.target(c.content), self.target(c.trigger)],
        })
    }

    /// The annotation of quote `i`, `q`: on its words and cue.
    fn quote(&self, i: usize, q: &Quote) -> Value {
        let kind = format!("quote:{}", q.kind.as_str());
        let mut body = vec![textual("classifying", &kind)];
        body.extend(self.agent(q.speaker, &q.speaker_name, "speaker"));
        let mut target = vec![self.target(q.span)];
        target.extend(q.cue.map(|c| self.target(c)));
        json!({
            "id": format!("{}/q{}", self.base, i + 1),
            "type": "Annotation",
            "motivation": "classifying",
            "body": body,
            "target": target,
        })
    }

    /// The annotation of note `n`: a commenting body and a tagging body
    /// per tag, on where it is anchored, scoped to what it is on.
    fn note(&self, n: &NoteJson) -> Value {
        let mut body = vec![textual("commenting", &n.body)];
        body.extend(n.tags.iter().map(|t| textual("tagging", t)));
        let t = &n.target;
        let mut target = self.selectors((&t.prefix, &t.exact, &t.suffix), (t.start, t.end));
        if let Some(key) = &t.reference {
            target["scope"] = json!(format!("{}/{key}", self.base));
        }
        json!({
            "id": format!("{}/{}", self.base, n.id),
            "type": "Annotation",
            "motivation": "commenting",
            "created": n.created,
            "body": body,
            "target": target,
        })
    }
}

fn textual(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

/// The collection for `doc`, `ann` and the reader's `notes`, pretty-printed,
/// ending in a newline. Each note is an annotation with a commenting body
/// and a tagging body per tag.
pub fn export(doc: &Document, ann: &Annotations, notes: &[NoteJson]) -> String {
    let base = format!("urn:gloss:{:016x}", fnv1a64(doc.text.as_bytes()));
    let b = Builder {
        doc,
        source: source_iri(doc, &base),
        base,
    };
    let items: Vec<Value> = (0..ann.entities.len())
        .map(|id| b.entity(ann, id))
        .chain(
            ann.commitments
                .iter()
                .enumerate()
                .map(|(i, c)| b.commitment(i, c)),
        )
        .chain(ann.quotes.iter().enumerate().map(|(i, q)| b.quote(i, q)))
        .chain(notes.iter().map(|n| b.note(n)))
        .collect();
    let collection = json!({
        "@context": CONTEXT,
        "id": b.base,
        "type": "AnnotationCollection",
        "label": doc.title,
        "generator": {"type": "Software", "name": format!("gloss {}", env!("CARGO_PKG_VERSION"))},
        "total": items.len(),
        "first": {
            "id": format!("{}/page1", b.base),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    let mut out = super::json::value_to_string(&collection, true);
    out.push('\n');
    out
}
