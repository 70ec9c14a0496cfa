//! CSV: one row per mention, for spreadsheets (RFC 4180: CRLF line ends,
//! fields with commas, quotes or line breaks quoted, quotes doubled). The
//! rows are the mentions the JSON export lists, names inside longer names
//! included (`nested` is `true` on those).

use std::fmt::Write as _;

use super::entities;
use crate::annotate::Sentences;
use crate::document::Document;
use crate::model::Annotations;

/// The header row's fields.
const HEADER: [&str; 9] = [
    "entity_id",
    "entity_name",
    "kind",
    "form",
    "start",
    "end",
    "text",
    "sentence",
    "nested",
];

/// `field` quoted as RFC 4180 requires.
pub fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// One row per mention of `ann` over `doc`, names inside longer names
/// included (see [`entities::list`]), in document order (an outer mention
/// before the names inside it); `sentence` is the text of the sentence
/// holding the mention.
pub fn export(doc: &Document, ann: &Annotations) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    let text = &doc.text;
    let sentences = Sentences::new(text);
    let listed = entities::list(ann);
    let mut rows: Vec<(usize, entities::ListedMention)> = listed
        .iter()
        .enumerate()
        .flat_map(|(id, e)| e.mentions.iter().map(move |&m| (id, m)))
        .collect();
    rows.sort_by_key(|(_, m)| (m.span.start, std::cmp::Reverse(m.span.end)));
    for (id, m) in rows {
        let e = &listed[id];
        let (start, end) = doc.char_span(m.span);
        let sentence = sentences.at(m.span.start).map_or("", |s| s.slice(text));
        let _ = write!(
            out,
            "{},{},{},{},{},{},{},{},{}\r\n",
            Annotations::entity_key(id),
            field(&e.name),
            e.kind.as_str(),
            m.form.as_str(),
            start,
            end,
            field(m.span.slice(text)),
            field(sentence),
            m.nested,
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
