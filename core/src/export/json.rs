//! The `gloss.annotations/1` JSON schema (DESIGN.md), with code-point offsets.

use std::io::Write as _;

use std::borrow::Cow;

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter};

use super::entities;
use crate::document::{Document, sanitize};
use crate::model::{
    Annotations, CommitmentKind, EntityKind, LinkRel, MentionForm, QuoteKind, Span,
};
use crate::store::NoteJson;

/// The schema identifier written into every document.
pub const SCHEMA: &str = "gloss.annotations/1";

/// The whole JSON document; `N` serialises as the list of notes
/// (`Vec<NoteJson>`, or [`NotesJson`](crate::store::NotesJson) to make each as it is written).
#[derive(Serialize)]
pub struct AnnotationsJson<'a, N = Vec<NoteJson>> {
    schema: &'static str,
    document: DocumentJson<'a>,
    entities: Vec<EntityJson<'a>>,
    links: Vec<LinkJson>,
    commitments: Vec<CommitmentJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    notes: N,
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

impl<'a, N: Serialize> AnnotationsJson<'a, N> {
    /// Builds the JSON view of `ann` and `notes` over `doc`, converting
    /// every byte offset to a code-point offset.
    pub fn new(doc: &'a Document, ann: &'a Annotations, notes: N) -> Self {
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
    entities::list(ann)
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
pub fn to_line(doc: &Document, ann: &Annotations, notes: impl Serialize) -> String {
    in_memory(doc, ann, notes, false)
}

/// What [`write`] writes, as a string.
fn in_memory(doc: &Document, ann: &Annotations, notes: impl Serialize, pretty: bool) -> String {
    let mut out = Vec::new();
    write(&mut out, doc, ann, notes, pretty).expect("serialising plain data cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the annotations and notes of `doc` into `out` as JSON, pretty
/// or on one line, ending in a newline, streaming rather than holding the
/// whole text in memory (with [`NotesJson`](crate::store::NotesJson) as `notes`, nor the notes).
pub fn write(
    out: &mut dyn std::io::Write,
    doc: &Document,
    ann: &Annotations,
    notes: impl Serialize,
    pretty: bool,
) -> std::io::Result<()> {
    let data = AnnotationsJson::new(doc, ann, notes);
    // A long document's JSON runs to megabytes: written 64 KiB at a time
    // rather than the default 8 KiB, a few hundred writes instead of
    // thousands.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    write_value(&mut out, &data, pretty)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes `value` into `out` as JSON, pretty or on one line, with
/// [`Escaping`]: every JSON gloss writes is written this way.
pub fn write_value<T: Serialize + ?Sized>(
    out: &mut impl std::io::Write,
    value: &T,
    pretty: bool,
) -> std::io::Result<()> {
    if pretty {
        let formatter = Escaping(Pretty::default());
        value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    } else {
        let formatter = Escaping(serde_json::ser::CompactFormatter);
        value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))?;
    }
    Ok(())
}

/// `value` as JSON, pretty or on one line, with [`Escaping`].
pub fn value_to_string<T: Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let mut out = Vec::new();
    write_value(&mut out, value, pretty).expect("serialising plain data cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// A line break and the spaces of the deepest indentation [`Pretty`]
/// writes in one piece.
const BREAK: &[u8; 65] = b"\n                                                                ";

/// serde_json's `PrettyFormatter` (two spaces a level), byte for byte,
/// writing a line break and its indentation in one piece rather than a
/// write for each level.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break and the indentation of the current depth.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        let spaces = 2 * self.depth;
        match BREAK.get(..=spaces) {
            Some(piece) => w.write_all(piece),
            None => {
                w.write_all(b"\n")?;
                (0..self.depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }

    /// Opens an array or object with `open`.
    fn begin<W: ?Sized + std::io::Write>(&mut self, w: &mut W, open: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(open)
    }

    /// Closes an array or object with `close`, on a line of its own when
    /// it held a value.
    fn end<W: ?Sized + std::io::Write>(&mut self, w: &mut W, close: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w)?;
        }
        w.write_all(close)
    }

    /// Starts a value of an array or a key of an object.
    fn item<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.line(w)
    }
}

impl Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A JSON formatter that writes as `\uXXXX`, besides what JSON itself
/// escapes, every character a terminal must not receive raw
/// ([`sanitize::placeholder`]: DEL, C1 controls such as CSI, bidirectional
/// overrides and isolates) and the line and paragraph separators U+2028
/// and U+2029 (line breaks to JavaScript). The JSON parses to exactly the
/// same strings; it is only safe to print and to paste anywhere. Wraps the
/// compact or the pretty formatter.
pub struct Escaping<F>(pub F);

/// True for a character [`Escaping`] writes as `\uXXXX`.
fn must_escape(c: char) -> bool {
    sanitize::placeholder(c).is_some() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The first character of `s` that [`must_escape`], with its byte offset.
/// Printable ASCII, most of any text, needs no escape and is skipped a byte
/// at a time.
fn next_escape(s: &str) -> Option<(usize, char)> {
    let mut at = 0;
    while let Some(p) = s.as_bytes()[at..]
        .iter()
        .position(|b| !(b' '..=b'~').contains(b))
    {
        let i = at + p;
        let c = s[i..].chars().next()?;
        if must_escape(c) {
            return Some((i, c));
        }
        at = i + c.len_utf8();
    }
    None
}

/// Forwards formatter methods to the wrapped formatter.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: Formatter> Formatter for Escaping<F> {
    forward! {
        write_null();
        write_bool(v: bool);
        write_i8(v: i8);
        write_i16(v: i16);
        write_i32(v: i32);
        write_i64(v: i64);
        write_i128(v: i128);
        write_u8(v: u8);
        write_u16(v: u16);
        write_u32(v: u32);
        write_u64(v: u64);
        write_u128(v: u128);
        write_f32(v: f32);
        write_f64(v: f64);
        write_number_str(v: &str);
        begin_string();
        end_string();
        write_char_escape(v: CharEscape);
        write_byte_array(v: &[u8]);
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
        write_raw_fragment(v: &str);
    }

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Nearly every fragment (every key, most text) is printable ASCII.
        if fragment.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return self.0.write_string_fragment(w, fragment);
        }
        let mut rest = fragment;
        while let Some((i, c)) = next_escape(rest) {
            self.0.write_string_fragment(w, &rest[..i])?;
            // Every such character is in the Basic Multilingual Plane.
            write!(w, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        self.0.write_string_fragment(w, rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_parse_back_the_same() {
        let hostile = "a\u{1b}[2J\u{7}\u{7f}\u{85}\u{9b}\u{202a}\u{202e}\u{2066}\u{2069}\u{2028}\u{2029}é😀\"\\";
        let escaped =
            r#"a\u001b[2J\u0007\u007f\u0085\u009b\u202a\u202e\u2066\u2069\u2028\u2029é😀\"\\"#;
        let value = serde_json::json!({ hostile: [hostile, {"k": hostile}] });
        for pretty in [false, true] {
            let json = value_to_string(&value, pretty);
            assert_eq!(json.matches(escaped).count(), 3, "{json}");
            assert!(!json.chars().any(|c| c != '\n' && must_escape(c)), "{json}");
            let back: serde_json::Value = serde_json::from_str(&json).expect("parses");
            assert_eq!(back, value);
        }
        // The layout is the wrapped formatter's; only the escapes differ.
        let plain = serde_json::to_string(hostile).unwrap();
        let plain = &plain[1..plain.len() - 1];
        assert_eq!(
            value_to_string(&value, true),
            serde_json::to_string_pretty(&value)
                .unwrap()
                .replace(plain, escaped)
        );
    }

    #[test]
    fn the_pretty_layout_is_serde_json_s() {
        // Empty and nested containers, and nesting deeper than the
        // indentation written in one piece.
        let mut deep = serde_json::json!([1, {}, [], {"a": []}]);
        for i in 0..40 {
            deep = serde_json::json!({ "k": deep, "n": i, "e": [], "o": {} });
        }
        let value = serde_json::json!([[], {}, [[]], [{}], {"a": {"b": [1, 2]}}, deep]);
        assert_eq!(
            value_to_string(&value, true),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
