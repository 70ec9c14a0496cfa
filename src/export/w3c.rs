//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` holding one
//! annotation per entity (purpose identifying, with its kind as a
//! classifying body), per commitment and per quote. Every target carries a
//! `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (code points, end exclusive).

use serde_json::{Value, json};

use crate::document::Document;
use crate::model::{Annotations, EntityId, Span};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Code points of context kept on each side of a quoted passage.
const CONTEXT_CHARS: usize = 32;

/// A stable 64-bit FNV-1a hash of the text, naming the document in IRIs.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The IRI of the article: its path as a percent-encoded IRI reference
/// (a `file:` URI when absolute), or a URN of its text for stdin.
fn source_iri(doc: &Document, base: &str) -> String {
    if doc.source == "-" {
        return format!("{base}:text");
    }
    let mut iri = String::from(if doc.source.starts_with('/') {
        "file://"
    } else {
        ""
    });
    for b in doc.source.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            iri.push(char::from(b));
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    iri
}

/// `(prefix, exact, suffix)` for `span`, with up to [`CONTEXT_CHARS`] code
/// points of context on each side.
pub fn quote_selector(text: &str, span: Span) -> (&str, &str, &str) {
    let before = &text[..span.start];
    let p = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let after = &text[span.end..];
    let s = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    (&before[p..], span.slice(text), &after[..s])
}

struct Builder<'a> {
    doc: &'a Document,
    base: String,
    source: String,
}

impl Builder<'_> {
    fn target(&self, span: Span) -> Value {
        let text = &self.doc.text;
        let (prefix, exact, suffix) = quote_selector(text, span);
        json!({
            "source": self.source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector",
                 "start": self.doc.chars.to_char(text, span.start),
                 "end": self.doc.chars.to_char(text, span.end)},
            ]
        })
    }

    fn entity_iri(&self, id: EntityId) -> String {
        format!("{}/{}", self.base, Annotations::entity_key(id))
    }
}

fn textual(purpose: &str, value: &str) -> Value {
    json!({"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"})
}

/// The collection for `doc` and `ann`, pretty-printed, ending in a newline.
pub fn export(doc: &Document, ann: &Annotations) -> String {
    let base = format!("urn:gloss:{:016x}", fnv1a(&doc.text));
    let b = Builder {
        doc,
        source: source_iri(doc, &base),
        base,
    };
    let mut items = Vec::new();
    for (id, e) in ann.entities.iter().enumerate() {
        let mut body = vec![
            textual("identifying", &e.name),
            textual("classifying", e.kind.as_str()),
        ];
        body.extend(e.roles.iter().map(|r| textual("describing", r)));
        items.push(json!({
            "id": b.entity_iri(id),
            "type": "Annotation",
            "motivation": "identifying",
            "body": body,
            "target": e.mentions.iter().map(|&m| b.target(ann.mentions[m].span)).collect::<Vec<_>>(),
        }));
    }
    let reference = |id: Option<EntityId>, name: &Option<String>, role: &str| -> Option<Value> {
        match (id, name) {
            (Some(id), _) => {
                Some(json!({"id": b.entity_iri(id), "purpose": "identifying", "role": role}))
            }
            (None, Some(n)) => Some(textual("describing", &format!("{role}: {n}"))),
            (None, None) => None,
        }
    };
    for (i, c) in ann.commitments.iter().enumerate() {
        let mut body = vec![textual(
            "classifying",
            &format!("commitment:{}", c.kind.as_str()),
        )];
        body.extend(reference(c.actor, &c.actor_name, "actor"));
        body.extend(reference(c.counterpart, &None, "counterpart"));
        items.push(json!({
            "id": format!("{}/c{}", b.base, i + 1),
            "type": "Annotation",
            "motivation": "classifying",
            "body": body,
            "target": [b.target(c.content), b.target(c.trigger)],
        }));
    }
    for (i, q) in ann.quotes.iter().enumerate() {
        let mut body = vec![textual(
            "classifying",
            &format!("quote:{}", q.kind.as_str()),
        )];
        body.extend(reference(q.speaker, &q.speaker_name, "speaker"));
        let mut target = vec![b.target(q.span)];
        target.extend(q.cue.map(|c| b.target(c)));
        items.push(json!({
            "id": format!("{}/q{}", b.base, i + 1),
            "type": "Annotation",
            "motivation": "classifying",
            "body": body,
            "target": target,
        }));
    }
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
    let mut out =
        serde_json::to_string_pretty(&collection).expect("serialising plain data cannot fail");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_take_context_on_char_boundaries() {
        let text = "“Ünïcode” before Kim after";
        let start = text.find("Kim").unwrap();
        let (p, e, s) = quote_selector(text, Span::new(start, start + 3));
        assert_eq!((p, e, s), ("“Ünïcode” before ", "Kim", " after"));
        let long = "x".repeat(100) + "Kim" + &"y".repeat(100);
        let (p, _, s) = quote_selector(&long, Span::new(100, 103));
        assert_eq!((p.len(), s.len()), (CONTEXT_CHARS, CONTEXT_CHARS));
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
