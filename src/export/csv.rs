//! CSV: one row per mention, for spreadsheets (RFC 4180: CRLF line ends,
//! fields with commas, quotes or line breaks quoted, quotes doubled).

use std::fmt::Write as _;

use crate::annotate::segment;
use crate::document::Document;
use crate::model::Annotations;

/// The header row's fields.
const HEADER: [&str; 8] = [
    "entity_id",
    "entity_name",
    "kind",
    "form",
    "start",
    "end",
    "text",
    "sentence",
];

/// `field` quoted as RFC 4180 requires.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// One row per mention of `ann` over `doc`, in document order; `sentence`
/// is the text of the sentence holding the mention.
pub fn export(doc: &Document, ann: &Annotations) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    let text = &doc.text;
    let sentences = segment::sentences(text);
    for m in &ann.mentions {
        let e = &ann.entities[m.entity];
        let (start, end) = doc.char_span(m.span);
        let sentence = segment::sentence_at(&sentences, m.span.start).map_or("", |s| s.slice(text));
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{}\r\n",
            Annotations::entity_key(m.entity),
            field(&e.name),
            e.kind.as_str(),
            m.form.as_str(),
            start,
            end,
            field(m.span.slice(text)),
            field(sentence),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("tab\there"), "tab\there");
    }
}
