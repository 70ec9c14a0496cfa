//! What the fuzz targets share: turning fuzz bytes into a document, and the
//! invariants every loaded document, every annotation and every export must
//! keep. A broken invariant panics, which libFuzzer reports as a crash.

use gloss::annotate::{Sentences, annotate};
use gloss::document::{Document, Format as DocFormat, LoadError, load_bytes};
use gloss::export::{Format, brat};
use gloss::model::{Annotations, Span};
use gloss::store::{NoteJson, NotesJson, correct, sidecar};
use serde_json::Value;

/// The names a fuzz input is loaded under: each extension gloss knows, a
/// name without one (the format is sniffed from the content) and stdin.
const NAMES: [&str; 7] = [
    "fuzz.txt",
    "fuzz.md",
    "fuzz.html",
    "fuzz.htm",
    "fuzz.markdown",
    "fuzz",
    "-",
];

/// Loads `bytes` under the name `selector` picks (see [`NAMES`]) and checks
/// the document. Returns `None` when gloss refuses the bytes, which it may
/// only do for binary content.
pub fn load(selector: u8, bytes: &[u8]) -> Option<Document> {
    let name = NAMES[usize::from(selector) % NAMES.len()];
    match load_bytes(bytes.to_vec(), name) {
        Ok(doc) => {
            check_document(&doc);
            Some(doc)
        }
        Err(LoadError::Binary(_)) => None,
        Err(e) => panic!("{name}: refused with {e}"),
    }
}

/// `span` as a slice of `text`, panicking with `what` when it is out of
/// bounds, reversed or not on character boundaries.
fn slice<'a>(text: &'a str, span: Span, what: &str) -> &'a str {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    text.get(span.start..span.end)
        .unwrap_or_else(|| panic!("{what}: {span:?} is not a slice of the text"))
}

/// A loaded document's invariants: its code-point count, and blocks and
/// marks that are slices of its text.
pub fn check_document(doc: &Document) {
    let text: &str = &doc.text;
    assert_eq!(doc.char_len(), text.chars().count(), "char_len");
    for b in &doc.blocks {
        slice(text, b.span, "block");
    }
    for m in &doc.marks {
        slice(text, m.span, "mark");
    }
}

/// The annotations' invariants over `text`: every span a slice of it, every
/// index in range, mentions and entities pointing at each other.
pub fn check_annotations(text: &str, ann: &Annotations) {
    for &s in Sentences::new(text).spans() {
        slice(text, s, "sentence");
    }
    for (i, m) in ann.mentions.iter().enumerate() {
        assert!(
            !slice(text, m.span, "mention").is_empty(),
            "empty mention {i}"
        );
        let e = ann.entities.get(m.entity).expect("mention of no entity");
        assert!(
            e.mentions.contains(&i),
            "entity {} lacks mention {i}",
            m.entity
        );
    }
    for (id, e) in ann.entities.iter().enumerate() {
        for &m in &e.mentions {
            let mention = ann.mentions.get(m).expect("entity lists no mention");
            assert_eq!(mention.entity, id, "mention {m} belongs elsewhere");
        }
    }
    for l in &ann.links {
        assert!(
            l.from < ann.entities.len() && l.to < ann.entities.len(),
            "link"
        );
    }
    for c in &ann.commitments {
        slice(text, c.trigger, "commitment trigger");
        slice(text, c.content, "commitment content");
        slice(text, c.sentence, "commitment sentence");
        slice(text, c.shown_span(), "commitment shown span");
        for e in [c.actor, c.counterpart].into_iter().flatten() {
            assert!(e < ann.entities.len(), "commitment entity");
        }
    }
    for q in &ann.quotes {
        slice(text, q.span, "quote");
        if let Some(cue) = q.cue {
            slice(text, cue, "quote cue");
        }
        assert!(q.speaker.is_none_or(|e| e < ann.entities.len()), "speaker");
    }
}

/// The text between code-point offsets `start` and `end` of `doc`.
fn chars_slice(doc: &Document, start: usize, end: usize, what: &str) -> String {
    let text: &str = &doc.text;
    let byte = |ch| {
        doc.chars
            .to_byte(text, ch)
            .unwrap_or_else(|| panic!("{what}: offset {ch} past the end"))
    };
    slice(text, Span::new(byte(start), byte(end)), what).to_owned()
}

/// A JSON number as a code-point offset.
fn offset(v: &Value, what: &str) -> usize {
    let n = v
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: not an offset: {v}"));
    usize::try_from(n).expect("offset fits")
}

/// Runs every exporter on `doc` and `ann` with `notes` and checks what
/// holds of each: the JSON and W3C output parse, every JSON mention's and
/// CSV row's text is the text at its offsets, and brat output imports again
/// with the same mention spans.
pub fn check_exports(doc: &Document, ann: &Annotations, notes: &[NoteJson]) {
    for format in Format::ALL {
        let out = format.render(doc, ann, notes.to_vec());
        match format {
            Format::Json => check_json(doc, &out),
            Format::W3c => {
                serde_json::from_str::<Value>(&out)
                    .unwrap_or_else(|e| panic!("W3C output is not JSON ({e}):\n{out}"));
            }
            Format::Csv => check_csv(doc, &out),
            Format::Brat => check_brat(doc, ann, &out),
            Format::Markdown => assert!(!out.is_empty(), "empty Markdown report"),
        }
    }
}

/// The JSON export parses and each mention's `text` is its slice.
fn check_json(doc: &Document, out: &str) {
    let v: Value =
        serde_json::from_str(out).unwrap_or_else(|e| panic!("JSON output ({e}):\n{out}"));
    let entities = v["entities"].as_array().expect("entities");
    for e in entities {
        for m in e["mentions"].as_array().expect("mentions") {
            let got = chars_slice(
                doc,
                offset(&m["start"], "JSON mention"),
                offset(&m["end"], "JSON mention"),
                "JSON mention",
            );
            assert_eq!(m["text"].as_str(), Some(got.as_str()), "JSON mention text");
        }
    }
}

/// The CSV export parses as RFC 4180 and each row's `text` is its slice.
fn check_csv(doc: &Document, out: &str) {
    let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
    let header = reader.headers().expect("CSV header").clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("CSV has no {name} column"))
    };
    let (start, end, text) = (column("start"), column("end"), column("text"));
    for row in reader.records() {
        let row = row.unwrap_or_else(|e| panic!("CSV row ({e}):\n{out}"));
        let number = |i: usize| row[i].parse::<usize>().expect("CSV offset");
        let got = chars_slice(doc, number(start), number(end), "CSV row");
        assert_eq!(&row[text], got, "CSV row text");
    }
}

/// The brat export imports again, with the spans of the mentions exported.
fn check_brat(doc: &Document, ann: &Annotations, out: &str) {
    let back = brat::import(doc, out, "fuzz.ann")
        .unwrap_or_else(|e| panic!("brat export does not import again: {e}\n{out}"));
    let spans = |a: &Annotations| {
        let mut s: Vec<Span> = a.mentions.iter().map(|m| m.span).collect();
        s.sort();
        s
    };
    assert_eq!(
        spans(&back.annotations),
        spans(ann),
        "brat round trip changed the mentions"
    );
}

/// Splits a fuzz input into an article and a second text at its first NUL
/// byte; without one, the article is `default` and the input is the second
/// text. Both are read as UTF-8, invalid bytes replaced.
pub fn split(data: &[u8], default: &str) -> (String, String) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (
            String::from_utf8_lossy(&data[..i]).into_owned(),
            String::from_utf8_lossy(&data[i + 1..]).into_owned(),
        ),
        None => (
            default.to_owned(),
            String::from_utf8_lossy(data).into_owned(),
        ),
    }
}

/// Parses the sidecar `toml` for the plain-text article `text`, places its
/// notes and corrections, applies the corrections to the annotations,
/// exports with the notes, and writes the sidecar back. What must hold: each
/// placed anchor is a slice of the text; the annotations keep their
/// invariants; the sidecar gloss writes parses, reads back as the same notes
/// and corrections, and is written again byte for byte the same.
pub fn sidecar_round_trip(text: String, toml: &str, annotations: bool) {
    let Ok(file) = sidecar::parse(toml) else {
        return;
    };
    let doc = Document::new(text, "fuzz.txt", DocFormat::Text);
    let text: &str = &doc.text;
    let state = file.into_state(text, &doc.chars);
    for n in &state.notes {
        if let Some(span) = n.target.anchor.span() {
            slice(text, span, "note anchor");
        }
    }
    if annotations {
        let ann = correct::apply(&annotate(text), &state.corrections, text);
        check_annotations(text, &ann);
        check_exports(
            &doc,
            &ann,
            &NotesJson::new(&state.notes, &ann, text, &doc.chars)
                .iter()
                .collect::<Vec<_>>(),
        );
    }
    let written = sidecar::render(&state, text, &doc.chars).expect("the sidecar renders");
    let again = sidecar::parse(&written)
        .unwrap_or_else(|e| panic!("gloss's own sidecar does not parse ({e}):\n{written}"))
        .into_state(text, &doc.chars);
    assert_eq!(
        again, state,
        "the sidecar did not read back the same:\n{written}"
    );
    let rewritten = sidecar::render(&again, text, &doc.chars).expect("the sidecar renders");
    assert_eq!(
        rewritten, written,
        "the sidecar is not written the same twice"
    );
}
