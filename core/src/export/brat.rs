//! brat standoff: export to `.ann` and import from it.
//!
//! Export writes `T` lines for mentions labelled by kind, `N` lines naming
//! each entity (`Reference T1 gloss:e1` followed by the name), `A` lines for
//! mention forms other than names, `Equiv` lines grouping the mentions of
//! one entity, `R` lines for links, and `E` events for commitments and quotes
//! with their trigger, actor or speaker, content and cue. Offsets are code
//! points, end exclusive; a span that crosses a line break is written as
//! discontinuous fragments, as brat requires.
//!
//! Import reads what brat, INCEpTION or a published corpus writes: entity
//! labels are mapped to person / organization / place (others are skipped as
//! non-actors), `Equiv` groups become entities, and gloss's own events and
//! relations come back as commitments, quotes and links. `#`
//! `AnnotatorNotes` come back as notes: on an actor mention, a note on its
//! entity; on a commitment or quote event, a note on it; on any other
//! text-bound annotation, a note on its text (a trailing `[tags: a, b]`,
//! as export writes it, gives the tags).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::annotate::Sentences;
use crate::document::Document;
use crate::model::{
    Annotations, Commitment, CommitmentKind, Entity, EntityId, EntityKind, Link, LinkRel, Mention,
    MentionForm, Quote, QuoteKind, Span,
};
use crate::store::{NewNote, NoteJson, Target};

/// The brat label of an entity kind.
fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organization",
        EntityKind::Place => "Place",
    }
}

/// Maps a label from any common scheme (gloss, CoNLL, OntoNotes, GUM) to a
/// kind, or `None` for labels that are not actors.
fn label_kind(label: &str) -> Option<EntityKind> {
    match label.to_ascii_lowercase().as_str() {
        "person" | "per" | "people" | "human" => Some(EntityKind::Person),
        "organization" | "organisation" | "org" | "company" | "institution" | "norp_org" => {
            Some(EntityKind::Organization)
        }
        "place" | "location" | "loc" | "gpe" | "geo" | "country" | "city" | "fac" | "facility" => {
            Some(EntityKind::Place)
        }
        _ => None,
    }
}

fn rel_label(rel: LinkRel) -> &'static str {
    match rel {
        LinkRel::DemonymOf => "Demonym_of",
        LinkRel::CapitalOf => "Capital_of",
        LinkRel::PartOf => "Part_of",
    }
}

fn commitment_label(kind: CommitmentKind) -> &'static str {
    match kind {
        CommitmentKind::Pledge => "Pledge",
        CommitmentKind::Intent => "Intent",
        CommitmentKind::Demand => "Demand",
    }
}

fn quote_label(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "DirectQuote",
        QuoteKind::Indirect => "IndirectQuote",
    }
}

/// Single-line text for a field: tabs and line breaks become spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// What follows a note's text in an `AnnotatorNotes` line when it has
/// tags: `TAGS_OPEN`, the tags joined by `TAGS_SEP`, `TAGS_CLOSE`.
const TAGS_OPEN: &str = " [tags: ";
const TAGS_SEP: &str = ", ";
const TAGS_CLOSE: &str = "]";

/// Writes brat standoff for `doc`, `ann` and the reader's `notes` (as
/// `AnnotatorNotes` on the mention, event or passage they are attached to;
/// notes that could not be placed in the text are left out).
pub fn export(doc: &Document, ann: &Annotations, notes: &[NoteJson]) -> String {
    let mut w = Writer {
        doc,
        ann,
        out: String::new(),
        next_t: 0,
        mention_t: Vec::new(),
    };
    let mention_t = ann
        .mentions
        .iter()
        .map(|m| w.text_bound(kind_label(ann.entities[m.entity].kind), m.span))
        .collect();
    w.mention_t = mention_t;
    w.entities();
    w.links();
    let mut e_no = 0;
    for c in &ann.commitments {
        e_no += 1;
        w.commitment(e_no, c);
    }
    for q in &ann.quotes {
        e_no += 1;
        w.quote(e_no, q);
    }
    for (i, n) in notes.iter().filter(|n| !n.orphan).enumerate() {
        w.note(i + 1, n);
    }
    w.out
}

/// The two files a brat export is (see [`files`]): where each goes and
/// what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Files<'a> {
    /// The standoff file (`NAME.ann`) and the annotations [`export`]
    /// rendered.
    pub ann: (PathBuf, &'a str),
    /// The copy of the article's text (`NAME.txt`) the offsets refer to.
    pub text: (PathBuf, &'a str),
}

/// The files a brat export of `doc` to `out` is: `ann_text` (what
/// [`export`] rendered) in the `.ann` file and the text of `doc` in the
/// `.txt` file, named by [`file_pair`]. Writing them is the front end's
/// work.
pub fn files<'a>(out: &Path, doc: &'a Document, ann_text: &'a str) -> Files<'a> {
    let (ann, text) = file_pair(out);
    Files {
        ann: (ann, ann_text),
        text: (text, &doc.text),
    }
}

/// The `.ann` file and the `.txt` file an export to `out` writes: a
/// final `.ann` or `.txt` is taken off the name, then `.ann` and `.txt`
/// are added (`x.ann`, `x.txt` and `x` all give `x.ann` and `x.txt`;
/// `x.brat` gives `x.brat.ann` and `x.brat.txt`).
pub fn file_pair(out: &Path) -> (PathBuf, PathBuf) {
    let stem = match out.extension() {
        Some(e) if e == "ann" || e == "txt" => out.with_extension(""),
        _ => out.to_path_buf(),
    };
    let with = |ext: &str| {
        let mut name = stem.clone().into_os_string();
        name.push(ext);
        PathBuf::from(name)
    };
    (with(".ann"), with(".txt"))
}

/// The mention of `id` that best stands for it near byte `near`: the last
/// one starting before `near`, else its first; `None` for an entity with no
/// mention (annotations read with `--annotations` may hold one), which brat
/// has no text-bound annotation to point at.
fn anchor_mention(ann: &Annotations, id: EntityId, near: usize) -> Option<usize> {
    let ms = &ann.entities[id].mentions;
    ms.iter()
        .rev()
        .find(|&&m| ann.mentions[m].span.start < near)
        .or(ms.first())
        .copied()
}

struct Writer<'a> {
    doc: &'a Document,
    ann: &'a Annotations,
    out: String,
    next_t: usize,
    /// The `T` number of each mention of `ann`.
    mention_t: Vec<usize>,
}

impl Writer<'_> {
    /// The `N` line naming each entity, the `A` line of each mention that
    /// is no name, and the `Equiv` line grouping each entity's mentions.
    fn entities(&mut self) {
        let ann = self.ann;
        for (id, e) in ann.entities.iter().enumerate() {
            let Some(&first) = e.mentions.first() else {
                continue;
            };
            let _ = writeln!(
                self.out,
                "N{}\tReference T{} gloss:{}\t{}",
                id + 1,
                self.mention_t[first],
                Annotations::entity_key(id),
                one_line(&e.name)
            );
        }
        let forms = ann.mentions.iter().enumerate();
        for (a, (i, m)) in forms
            .filter(|(_, m)| m.form != MentionForm::Name)
            .enumerate()
        {
            let (t, form) = (self.mention_t[i], m.form.as_str());
            let _ = writeln!(self.out, "A{}\tForm T{t} {form}", a + 1);
        }
        for e in ann.entities.iter().filter(|e| e.mentions.len() > 1) {
            let ids: Vec<String> = e
                .mentions
                .iter()
                .map(|&m| format!("T{}", self.mention_t[m]))
                .collect();
            let _ = writeln!(self.out, "*\tEquiv {}", ids.join(" "));
        }
    }

    /// An `R` line for each link, between the entities' first mentions
    /// (none for a link to an entity with no mention).
    fn links(&mut self) {
        let ann = self.ann;
        let first = |id: EntityId| {
            ann.entities[id]
                .mentions
                .first()
                .map(|&m| self.mention_t[m])
        };
        let lines = ann
            .links
            .iter()
            .filter_map(|l| Some((first(l.from)?, first(l.to)?, rel_label(l.rel))));
        for (r, (from, to, rel)) in lines.enumerate() {
            let _ = writeln!(self.out, "R{}\t{rel} Arg1:T{from} Arg2:T{to}", r + 1);
        }
    }

    /// The `T` number of the mention of entity `id` that best stands for it
    /// near byte `near` (see [`anchor_mention`]).
    fn anchor(&self, id: EntityId, near: usize) -> Option<usize> {
        anchor_mention(self.ann, id, near).map(|m| self.mention_t[m])
    }

    /// Event `E{no}` for commitment `c`, with its trigger and content.
    fn commitment(&mut self, no: usize, c: &Commitment) {
        let trigger = self.text_bound(commitment_label(c.kind), c.trigger);
        let content = self.text_bound("Content", c.content);
        let mut line = format!("{}:T{trigger}", commitment_label(c.kind));
        if let Some(actor) = c.actor.and_then(|a| self.anchor(a, c.trigger.start)) {
            let _ = write!(line, " Actor:T{actor}");
        }
        let _ = write!(line, " Content:T{content}");
        if let Some(cp) = c.counterpart.and_then(|e| self.anchor(e, c.trigger.start)) {
            let _ = write!(line, " Counterpart:T{cp}");
        }
        let _ = writeln!(self.out, "E{no}\t{line}");
    }

    /// Event `E{no}` for quote `q`, with its span and cue.
    fn quote(&mut self, no: usize, q: &Quote) {
        let span = self.text_bound(quote_label(q.kind), q.span);
        let cue = q.cue.map(|c| self.text_bound("Cue", c));
        let mut line = format!("{}:T{span}", quote_label(q.kind));
        let near = q.cue.map_or(q.span.start, |c| c.start);
        if let Some(s) = q.speaker.and_then(|s| self.anchor(s, near)) {
            let _ = write!(line, " Speaker:T{s}");
        }
        if let Some(c) = cue {
            let _ = write!(line, " Cue:T{c}");
        }
        let _ = writeln!(self.out, "E{no}\t{line}");
    }

    /// `AnnotatorNotes` line `#{no}` for note `n`: on the mention of its
    /// entity, on its commitment or quote event, or on a `Note` span.
    fn note(&mut self, no: usize, n: &NoteJson) {
        let (ann, text) = (self.ann, &self.doc.text);
        let to_byte = |c: usize| self.doc.chars.to_byte(text, c).unwrap_or(text.len());
        let span = Span::new(to_byte(n.target.start), to_byte(n.target.end));
        let reference = n.target.reference.as_deref().and_then(|r| {
            let (kind, no) = r.split_at(1);
            Some((kind, no.parse::<usize>().ok()?.checked_sub(1)?))
        });
        let id = match reference {
            Some(("e", e)) if ann.entities.get(e).is_some_and(|e| !e.mentions.is_empty()) => {
                let ms = &ann.entities[e].mentions;
                let at = ms
                    .iter()
                    .find(|&&m| ann.mentions[m].span.contains(span.start))
                    .unwrap_or(&ms[0]);
                format!("T{}", self.mention_t[*at])
            }
            Some(("c", c)) if c < ann.commitments.len() => format!("E{}", c + 1),
            Some(("q", q)) if q < ann.quotes.len() => format!("E{}", ann.commitments.len() + q + 1),
            _ => format!("T{}", self.text_bound("Note", span)),
        };
        let mut body = one_line(&n.body);
        if !n.tags.is_empty() {
            let tags = one_line(&n.tags.join(TAGS_SEP));
            let _ = write!(body, "{TAGS_OPEN}{tags}{TAGS_CLOSE}");
        }
        let _ = writeln!(self.out, "#{no}\tAnnotatorNotes {id}\t{body}");
    }

    /// Writes a `T` line for `span` and returns its number.
    fn text_bound(&mut self, label: &str, span: Span) -> usize {
        self.next_t += 1;
        let text = &self.doc.text;
        let mut frags = Vec::new();
        let mut texts = Vec::new();
        let mut pos = span.start;
        for piece in span.slice(text).split('\n') {
            let (start, end) = (pos, pos + piece.len());
            let trimmed = piece.trim_end_matches('\r');
            if !trimmed.trim().is_empty() {
                let lead = trimmed.len() - trimmed.trim_start().len();
                let s = start + lead;
                let e = start + trimmed.trim_end().len();
                let (cs, ce) = self.doc.char_span(Span::new(s, e));
                frags.push(format!("{cs} {ce}"));
                texts.push(&text[s..e]);
            }
            pos = end + 1;
        }
        if frags.is_empty() {
            let c = self.doc.chars.to_char(text, span.start);
            frags.push(format!("{c} {c}"));
        }
        let _ = writeln!(
            self.out,
            "T{}\t{label} {}\t{}",
            self.next_t,
            frags.join(";"),
            one_line(&texts.join(" "))
        );
        self.next_t
    }
}

/// A malformed or inconsistent `.ann` line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct ImportError {
    /// The `.ann` file, as named by the user.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub problem: Problem,
}

/// What is wrong with a line of a `.ann` file.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// No tab after the id.
    #[error("expected a tab after `{0}`")]
    NoTab(String),
    /// A line whose first character is no brat line type.
    #[error("unknown line type `{0}`")]
    UnknownLine(String),
    /// A `T` line without its label and offsets.
    #[error("expected `LABEL START END`")]
    TextBoundShape,
    /// A fragment that is not two offsets.
    #[error("bad offsets `{0}`")]
    BadOffsets(String),
    /// An offset that is no number.
    #[error("`{0}` is not an offset")]
    NotAnOffset(String),
    /// A fragment that ends before it starts.
    #[error("span {0}-{1} ends before it starts")]
    Backwards(usize, usize),
    /// An offset past the article's end (its length in characters).
    #[error("offset beyond the end of the article ({0} characters)")]
    PastTheEnd(usize),
    /// An actor mention covering only whitespace.
    #[error("`{0}` is an actor mention with no text")]
    EmptyMention(String),
    /// A `T` line whose text is not the article's there.
    #[error("text `{expected}` does not match the article's `{got}`")]
    TextMismatch {
        /// The text the line gives.
        expected: String,
        /// The article's text at its offsets.
        got: String,
    },
    /// An `N` line without its target.
    #[error("expected `Reference T.. ID`")]
    NormalizationShape,
    /// A `Form` attribute of no known form.
    #[error("unknown mention form `{0}`")]
    UnknownForm(String),
    /// An `R` line without its type and two arguments.
    #[error("expected `TYPE Arg1:ID Arg2:ID`")]
    RelationShape,
    /// A relation between ids that are not both actor mentions.
    #[error("relation arguments {0} and {1} must be actor mentions")]
    RelationArguments(String, String),
    /// An event argument without its role.
    #[error("expected ROLE:ID, got `{0}`")]
    EventArgument(String),
    /// An event with no arguments.
    #[error("an event needs a trigger")]
    NoTrigger,
    /// An event naming an id that no `T` line has.
    #[error("no text-bound annotation {0}")]
    NoTextBound(String),
}

/// A parsed `T` line.
struct TextBound {
    label: String,
    span: Span,
}

/// A parsed `R` line: its line number, type and two argument ids.
struct Relation {
    line: usize,
    rel: String,
    args: (String, String),
}

/// A parsed `E` line: its id, line number and `ROLE:ID` arguments, the
/// first being the event type and its trigger.
struct Event {
    id: String,
    line: usize,
    args: Vec<(String, String)>,
}

/// A parsed `#` `AnnotatorNotes` line: the id it is on and its text.
struct NoteLine {
    on: String,
    text: String,
}

/// What a `.ann` file holds for gloss: annotations, and notes on them.
#[derive(Debug)]
pub struct Imported {
    /// The annotations.
    pub annotations: Annotations,
    /// The `AnnotatorNotes`, placed in the article (see the module doc);
    /// notes on ids that are not in the file, or on other kinds of lines,
    /// are left out.
    pub notes: Vec<NewNote>,
}

/// Everything read from a `.ann` file, before it is resolved against the
/// article.
#[derive(Default)]
struct Parsed {
    tbs: BTreeMap<String, TextBound>,
    names: HashMap<String, String>,
    forms: HashMap<String, MentionForm>,
    equivs: Vec<Vec<String>>,
    rels: Vec<Relation>,
    events: Vec<Event>,
    notes: Vec<NoteLine>,
}

/// One line of a `.ann` file, split at its tabs: `id`, `body` and the text
/// after a second tab, if any.
struct Line<'a> {
    no: usize,
    id: &'a str,
    body: &'a str,
    text: Option<&'a str>,
}

/// Reads brat standoff `ann` (named `file` in errors) over `doc` into
/// annotations and notes. Entities of unknown labels are skipped; lines
/// gloss does not use (attributes other than `Form`, comments other than
/// `AnnotatorNotes`) are ignored.
pub fn import(doc: &Document, ann: &str, file: &str) -> Result<Imported, ImportError> {
    let err = |line: usize, problem: Problem| ImportError {
        file: file.to_owned(),
        line,
        problem,
    };
    let mut p = Parsed::default();
    for (no, raw) in ann.lines().enumerate() {
        let no = no + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let id = fields.next().unwrap_or_default();
        let body = fields
            .next()
            .ok_or_else(|| err(no, Problem::NoTab(id.to_owned())))?;
        let line = Line {
            no,
            id,
            body,
            text: fields.next(),
        };
        p.read(doc, line).map_err(|problem| err(no, problem))?;
    }
    p.build(doc).map_err(|(line, problem)| err(line, problem))
}

impl Parsed {
    /// Reads one line, by its type.
    fn read(&mut self, doc: &Document, line: Line) -> Result<(), Problem> {
        match line.id.chars().next() {
            Some('T') => self.text_bound(doc, line),
            Some('N') => self.normalization(line),
            Some('A' | 'M') => self.attribute(line),
            Some('*') => {
                self.equiv(line);
                Ok(())
            }
            Some('R') => self.relation(line),
            Some('E') => self.event(line),
            Some('#') => {
                self.comment(line);
                Ok(())
            }
            _ => Err(Problem::UnknownLine(line.id.to_owned())),
        }
    }

    /// A `T` line: `LABEL START END[;START END...]`, then the text.
    fn text_bound(&mut self, doc: &Document, line: Line) -> Result<(), Problem> {
        let (label, offsets) = line.body.split_once(' ').ok_or(Problem::TextBoundShape)?;
        let span = parse_offsets(doc, offsets)?;
        if span.is_empty() && label_kind(label).is_some() {
            return Err(Problem::EmptyMention(line.id.to_owned()));
        }
        if let Some(expected) = line.text {
            let got = one_line(span.slice(&doc.text));
            if !same_words(&got, expected) {
                return Err(Problem::TextMismatch {
                    expected: expected.to_owned(),
                    got,
                });
            }
        }
        let label = label.to_owned();
        self.tbs
            .insert(line.id.to_owned(), TextBound { label, span });
        Ok(())
    }

    /// An `N` line: `Reference T.. gloss:e..`, then the entity's name.
    fn normalization(&mut self, line: Line) -> Result<(), Problem> {
        let mut parts = line.body.split(' ');
        let (_, target, reference) = (parts.next(), parts.next(), parts.next());
        let target = target.ok_or(Problem::NormalizationShape)?;
        if reference.is_some_and(|r| r.starts_with("gloss:")) {
            let name = line.text.unwrap_or_default().to_owned();
            self.names.insert(target.to_owned(), name);
        }
        Ok(())
    }

    /// An `A` or `M` line: `Form T.. FORM` gives a mention's form.
    fn attribute(&mut self, line: Line) -> Result<(), Problem> {
        let parts: Vec<&str> = line.body.split(' ').collect();
        if let [kind, target, value] = parts[..]
            && kind == "Form"
        {
            let form = match value {
                "role" => MentionForm::Role,
                "pronoun" => MentionForm::Pronoun,
                "demonym" => MentionForm::Demonym,
                "name" => MentionForm::Name,
                other => return Err(Problem::UnknownForm(other.to_owned())),
            };
            self.forms.insert(target.to_owned(), form);
        }
        Ok(())
    }

    /// A `*` line: `Equiv T.. T..` groups mentions of one entity.
    fn equiv(&mut self, line: Line) {
        let mut parts = line.body.split(' ');
        if parts.next() == Some("Equiv") {
            self.equivs.push(parts.map(str::to_owned).collect());
        }
    }

    /// An `R` line: `TYPE Arg1:T.. Arg2:T..`.
    fn relation(&mut self, line: Line) -> Result<(), Problem> {
        let parts: Vec<&str> = line.body.split(' ').collect();
        let arg = |p: Option<&&str>| p.and_then(|s| s.split_once(':')).map(|(_, v)| v.to_owned());
        match (parts.first(), arg(parts.get(1)), arg(parts.get(2))) {
            (Some(rel), Some(a), Some(b)) => {
                self.rels.push(Relation {
                    line: line.no,
                    rel: rel.to_string(),
                    args: (a, b),
                });
                Ok(())
            }
            _ => Err(Problem::RelationShape),
        }
    }

    /// An `E` line: `TYPE:T.. ROLE:ID...`.
    fn event(&mut self, line: Line) -> Result<(), Problem> {
        let mut args = Vec::new();
        for part in line.body.split(' ').filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once(':')
                .ok_or_else(|| Problem::EventArgument(part.to_owned()))?;
            args.push((k.to_owned(), v.to_owned()));
        }
        if args.is_empty() {
            return Err(Problem::NoTrigger);
        }
        self.events.push(Event {
            id: line.id.to_owned(),
            line: line.no,
            args,
        });
        Ok(())
    }

    /// A `#` line: `AnnotatorNotes ID`, then the note.
    fn comment(&mut self, line: Line) {
        if let Some(on) = line.body.strip_prefix("AnnotatorNotes ") {
            self.notes.push(NoteLine {
                on: on.trim().to_owned(),
                text: line.text.unwrap_or_default().to_owned(),
            });
        }
    }
}

/// True when two texts hold the same words (brat tools differ in how they
/// join the fragments of discontinuous spans).
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// The span from the first to the last of `offsets` (`START END` fragments
/// in code points, separated by `;`), without whitespace at its ends.
fn parse_offsets(doc: &Document, offsets: &str) -> Result<Span, Problem> {
    let mut start = usize::MAX;
    let mut end = 0;
    for frag in offsets.split(';') {
        let (s, e) = frag
            .trim()
            .split_once(' ')
            .ok_or_else(|| Problem::BadOffsets(frag.to_owned()))?;
        let num = |x: &str| {
            x.parse::<usize>()
                .map_err(|_| Problem::NotAnOffset(x.to_owned()))
        };
        let (s, e) = (num(s)?, num(e)?);
        if s > e {
            return Err(Problem::Backwards(s, e));
        }
        let byte = |c| {
            doc.chars
                .to_byte(&doc.text, c)
                .ok_or_else(|| Problem::PastTheEnd(doc.char_len()))
        };
        start = start.min(byte(s)?);
        end = end.max(byte(e)?);
    }
    let whole = Span::new(start, end);
    Ok(whole.trimmed(&doc.text).unwrap_or(Span::new(start, start)))
}

/// A note's text and tags from an `AnnotatorNotes` text: a trailing
/// `[tags: a, b]` (as [`export`] writes it) holds the tags.
fn note_text(text: &str) -> (String, Vec<String>) {
    let tagged = text.strip_suffix(TAGS_CLOSE).and_then(|t| {
        let at = t.rfind(TAGS_OPEN)?;
        Some((&t[..at], &t[at + TAGS_OPEN.len()..]))
    });
    match tagged {
        Some((body, tags)) if !tags.is_empty() => (
            body.to_owned(),
            tags.split(TAGS_SEP).map(str::to_owned).collect(),
        ),
        _ => (text.to_owned(), Vec::new()),
    }
}

/// A problem found while resolving the parsed lines, with its line number.
type Located = (usize, Problem);

/// The actor mentions of the parsed lines: their `T` ids, spans and kinds,
/// in text order; of overlapping ones, the first (longest) span is kept.
fn actor_mentions(tbs: &BTreeMap<String, TextBound>) -> Vec<(&str, Span, EntityKind)> {
    let mut all: Vec<(&str, Span, EntityKind)> = tbs
        .iter()
        .filter_map(|(id, tb)| label_kind(&tb.label).map(|k| (id.as_str(), tb.span, k)))
        .collect();
    all.sort_by_key(|(_, span, _)| (span.start, std::cmp::Reverse(span.end)));
    let mut mentions: Vec<(&str, Span, EntityKind)> = Vec::new();
    for m in all {
        if mentions.last().is_none_or(|(_, s, _)| s.end <= m.1.start) {
            mentions.push(m);
        }
    }
    mentions
}

/// For each of `count` mentions (by index), the first mention of its
/// `Equiv` group: the groups joined (union-find over mention indices).
fn equiv_roots(count: usize, equivs: &[Vec<String>], index: &HashMap<&str, usize>) -> Vec<usize> {
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut parent: Vec<usize> = (0..count).collect();
    for group in equivs {
        let members: Vec<usize> = group
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        for w in members.windows(2) {
            let (a, b) = (root(&mut parent, w[0]), root(&mut parent, w[1]));
            parent[a.max(b)] = a.min(b);
        }
    }
    (0..count).map(|i| root(&mut parent, i)).collect()
}

impl Parsed {
    /// Resolves the parsed lines against `doc`; errors carry a line number.
    fn build(&self, doc: &Document) -> Result<Imported, Located> {
        let mentions = actor_mentions(&self.tbs);
        let index: HashMap<&str, usize> = mentions
            .iter()
            .enumerate()
            .map(|(i, &(id, _, _))| (id, i))
            .collect();
        let mut ann = self.entities(doc, &mentions, &index);
        let entity_of = |id: &str| index.get(id).map(|&i| ann.mentions[i].entity);
        let links = self.links(entity_of)?;
        let entity_of = |id: &str| index.get(id).map(|&i| ann.mentions[i].entity);
        let (commitments, quotes, event_items) = self.acts(doc, entity_of)?;
        ann.links = links;
        ann.commitments = commitments;
        ann.quotes = quotes;
        ann.nested = crate::annotate::nested::find(&doc.text, &ann);
        let notes = self.notes(doc, &ann, &index, &event_items);
        Ok(Imported {
            annotations: ann,
            notes,
        })
    }

    /// The entities of the actor `mentions` (`index` gives a mention's
    /// index by its `T` id): one per `Equiv` group, in order of first
    /// mention, named by an `N` line or else by its longest name mention.
    fn entities(
        &self,
        doc: &Document,
        mentions: &[(&str, Span, EntityKind)],
        index: &HashMap<&str, usize>,
    ) -> Annotations {
        let roots = equiv_roots(mentions.len(), &self.equivs, index);
        let mut entity_of_root: HashMap<usize, EntityId> = HashMap::new();
        let mut ann = Annotations::default();
        for (i, &(id, span, kind)) in mentions.iter().enumerate() {
            let next = ann.entities.len();
            let e = *entity_of_root.entry(roots[i]).or_insert(next);
            if e == next {
                ann.entities.push(Entity {
                    kind,
                    name: String::new(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                });
            }
            let form = self.forms.get(id).copied().unwrap_or(MentionForm::Name);
            ann.entities[e].mentions.push(i);
            ann.mentions.push(Mention {
                span,
                form,
                entity: e,
            });
            if let Some(name) = self.names.get(id) {
                ann.entities[e].name.clone_from(name);
            }
        }
        for e in &mut ann.entities {
            if e.name.is_empty() {
                // The longest name-form mention stands for the entity.
                let best = e
                    .mentions
                    .iter()
                    .map(|&m| ann.mentions[m])
                    .max_by_key(|m| {
                        (
                            m.form == MentionForm::Name,
                            m.span.len(),
                            std::cmp::Reverse(m.span.start),
                        )
                    })
                    .expect("every entity has a mention");
                e.name = one_line(best.span.slice(&doc.text));
            }
        }
        ann
    }

    /// The links of the `R` lines gloss knows, between the entities of
    /// their arguments' mentions (`entity_of` a `T` id).
    fn links(&self, entity_of: impl Fn(&str) -> Option<EntityId>) -> Result<Vec<Link>, Located> {
        let mut links = Vec::new();
        for Relation {
            line,
            rel,
            args: (a, b),
        } in &self.rels
        {
            let rel = match rel.to_ascii_lowercase().as_str() {
                "demonym_of" => LinkRel::DemonymOf,
                "capital_of" => LinkRel::CapitalOf,
                "part_of" => LinkRel::PartOf,
                _ => continue,
            };
            match (entity_of(a), entity_of(b)) {
                (Some(from), Some(to)) => links.push(Link { from, to, rel }),
                _ => return Err((*line, Problem::RelationArguments(a.clone(), b.clone()))),
            }
        }
        Ok(links)
    }

    /// The commitments and quotes of the `E` lines gloss knows, each in
    /// document order, and what each event became (a commitment: `true`)
    /// by its id, with its trigger span.
    #[allow(clippy::type_complexity)]
    fn acts(
        &self,
        doc: &Document,
        entity_of: impl Fn(&str) -> Option<EntityId>,
    ) -> Result<(Vec<Commitment>, Vec<Quote>, HashMap<String, (bool, Span)>), Located> {
        let sentences = Sentences::new(&doc.text);
        let mut commitments = Vec::new();
        let mut quotes = Vec::new();
        let mut items: HashMap<String, (bool, Span)> = HashMap::new();
        for Event { id, line, args } in &self.events {
            let span_of = |id: &str| {
                self.tbs
                    .get(id)
                    .map(|t| t.span)
                    .ok_or_else(|| (*line, Problem::NoTextBound(id.to_owned())))
            };
            let role = |name: &str| {
                args.iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.as_str())
            };
            let (ty, trigger) = &args[0];
            if let Some(kind) = commitment_kind(ty) {
                let trigger = span_of(trigger)?;
                let content = role("Content").map_or(Ok(trigger), span_of)?;
                items.insert(id.clone(), (true, trigger));
                commitments.push(Commitment {
                    kind,
                    actor: role("Actor").and_then(&entity_of),
                    actor_name: None,
                    counterpart: role("Counterpart").and_then(&entity_of),
                    trigger,
                    content,
                    sentence: sentences.at(trigger.start).unwrap_or(trigger),
                });
            } else if let Some(kind) = quote_kind(ty) {
                let span = span_of(trigger)?;
                items.insert(id.clone(), (false, span));
                quotes.push(Quote {
                    kind,
                    speaker: role("Speaker").and_then(&entity_of),
                    speaker_name: None,
                    cue: role("Cue").map(span_of).transpose()?,
                    span,
                });
            }
        }
        commitments.sort_by_key(|c| c.trigger);
        quotes.sort_by_key(|q| q.span);
        Ok((commitments, quotes, items))
    }

    /// The `AnnotatorNotes` placed in `ann`: on an actor mention (by
    /// `index`), its entity; on an event of `event_items`, its commitment
    /// or quote; on another `T` line, its text.
    fn notes(
        &self,
        doc: &Document,
        ann: &Annotations,
        index: &HashMap<&str, usize>,
        event_items: &HashMap<String, (bool, Span)>,
    ) -> Vec<NewNote> {
        let text = &doc.text;
        self.notes
            .iter()
            .filter_map(|n| {
                let target = if let Some(&m) = index.get(n.on.as_str()) {
                    Target::entity(text, ann, ann.mentions[m].entity, Some(m))
                } else if let Some(&(commitment, span)) = event_items.get(&n.on) {
                    if commitment {
                        let i = ann.commitments.partition_point(|c| c.trigger < span);
                        Target::commitment(text, ann, i)
                    } else {
                        let i = ann.quotes.partition_point(|q| q.span < span);
                        Target::quote(text, ann, i)
                    }
                } else {
                    Target::span(text, self.tbs.get(&n.on)?.span)
                }?;
                let (body, tags) = note_text(&n.text);
                Some(NewNote { target, body, tags })
            })
            .collect()
    }
}

/// The commitment kind of a brat event type.
fn commitment_kind(ty: &str) -> Option<CommitmentKind> {
    match ty {
        "Pledge" => Some(CommitmentKind::Pledge),
        "Intent" => Some(CommitmentKind::Intent),
        "Demand" => Some(CommitmentKind::Demand),
        _ => None,
    }
}

/// The quote kind of a brat event type.
fn quote_kind(ty: &str) -> Option<QuoteKind> {
    match ty {
        "DirectQuote" => Some(QuoteKind::Direct),
        "IndirectQuote" => Some(QuoteKind::Indirect),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    #[test]
    fn a_brat_export_is_the_ann_file_and_the_text_copy() {
        let doc = Document::new("Kim wrote.".into(), "x.txt", Format::Text);
        let f = files(Path::new("out/x.ann"), &doc, "T1\tPerson 0 3\tKim\n");
        assert_eq!(f.ann, (PathBuf::from("out/x.ann"), "T1\tPerson 0 3\tKim\n"));
        assert_eq!(f.text, (PathBuf::from("out/x.txt"), "Kim wrote."));
    }

    fn doc(text: &str) -> Document {
        Document::new(text.to_owned(), "t.txt", Format::Text)
    }

    /// Annotations built by a program may hold an entity with no mention
    /// (the reader's random-typing test found the brat export indexing its
    /// first mention): every format exports them, and brat leaves out what
    /// would point at that entity.
    #[test]
    fn an_entity_with_no_mention_is_exported_without_a_panic() {
        use crate::model::{Commitment, CommitmentKind, Entity, Link, LinkRel, Quote, QuoteKind};
        let d = doc("Kim wrote. Bob answered.");
        let mut ann = import(&d, "T1\tPerson 0 3\tKim\n", "x.ann")
            .unwrap()
            .annotations;
        ann.entities.push(Entity {
            kind: EntityKind::Person,
            name: "Bob".into(),
            roles: vec![],
            mentions: vec![],
        });
        ann.links.push(Link {
            from: 0,
            to: 1,
            rel: LinkRel::PartOf,
        });
        ann.quotes.push(Quote {
            kind: QuoteKind::Indirect,
            speaker: Some(1),
            speaker_name: None,
            cue: None,
            span: Span::new(15, 23),
        });
        ann.commitments.push(Commitment {
            kind: CommitmentKind::Pledge,
            actor: Some(1),
            actor_name: None,
            counterpart: Some(0),
            trigger: Span::new(4, 9),
            content: Span::new(15, 23),
            sentence: Span::new(0, 10),
        });
        for format in crate::export::Format::ALL {
            assert!(
                !format.render(&d, &ann, Vec::new()).is_empty(),
                "{format:?}"
            );
        }
        let out = export(&d, &ann, &[]);
        assert!(out.contains("N1\tReference T1"), "{out}");
        assert!(!out.contains("N2") && !out.contains("R1"), "{out}");
        assert!(
            out.contains("Counterpart:T1") && !out.contains("Actor:"),
            "{out}"
        );
        assert!(!out.contains("Speaker:"), "{out}");
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let d = doc("Kim met Trump.");
        let e = import(&d, "T1\tPerson 0 3\tKim\nT2 Person 8 13\n", "x.ann").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.ann:2: expected a tab after `T2 Person 8 13`"
        );
        let e = import(&d, "T1\tPerson 0 99\tKim\n", "x.ann").unwrap_err();
        assert!(
            e.to_string().starts_with("x.ann:1: offset beyond the end"),
            "{e}"
        );
        let e = import(&d, "T1\tPerson 0 3\tBob\n", "x.ann").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.ann:1: text `Bob` does not match the article's `Kim`"
        );
        let e = import(&d, "E1\tPledge T1\n", "x.ann").unwrap_err();
        assert_eq!(e.to_string(), "x.ann:1: expected ROLE:ID, got `Pledge`");
    }

    #[test]
    fn an_import_finds_the_names_inside_longer_names() {
        let d = doc("Kim met the University of Texas. Texas voted.");
        let ann = "T1\tPER 0 3\tKim\nT2\tORG 12 31\tUniversity of Texas\nT3\tGPE 33 38\tTexas\n";
        let got = import(&d, ann, "x.ann").unwrap().annotations;
        assert_eq!(
            got.nested,
            [crate::model::Nested {
                span: Span::new(26, 31),
                entity: crate::model::NestedEntity::Known(2),
            }]
        );
    }

    #[test]
    fn foreign_labels_and_equiv_groups() {
        let d = doc("Kim met Trump in Hanoi. Kim left.");
        let ann = "T1\tPER 0 3\tKim\nT2\tPER 8 13\tTrump\nT3\tGPE 17 22\tHanoi\nT4\tPER 24 27\tKim\nT5\tDATE 28 32\tleft\n*\tEquiv T1 T4\n";
        let got = import(&d, ann, "x.ann").unwrap();
        let names: Vec<_> = got
            .annotations
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind, e.mentions.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("Kim", EntityKind::Person, 2),
                ("Trump", EntityKind::Person, 1),
                ("Hanoi", EntityKind::Place, 1)
            ]
        );
    }

    /// Found by the `brat_import` fuzz target: a span with a space at its
    /// end was kept whole, and exporting it again wrote it without the space.
    #[test]
    fn spans_are_read_without_the_whitespace_at_their_ends() {
        let d = doc("Kim met the White House staff.");
        let got = import(&d, "T1\tOrg 7 24\t the White House \n", "x.ann").unwrap();
        let got = got.annotations;
        assert_eq!(got.mentions[0].span.slice(&d.text), "the White House");
        let again = import(&d, &export(&d, &got, &[]), "x.ann").unwrap();
        assert_eq!(again.annotations.mentions[0].span, got.mentions[0].span);
        let e = import(&d, "T1\tPerson 3 4\t\n", "x.ann").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.ann:1: `T1` is an actor mention with no text"
        );
    }

    #[test]
    fn annotator_notes_come_back_on_their_targets() {
        let d = doc("Kim met Trump. Kim pledged to meet again.");
        let ann = "T1\tPER 0 3\tKim\nT2\tPER 8 13\tTrump\nT3\tPledge 19 26\tpledged\n\
                   T4\tContent 27 40\tto meet again\nE1\tPledge:T3 Content:T4\n\
                   T5\tNote 4 7\tmet\n\
                   #1\tAnnotatorNotes T2\tWho? [tags: actor, a,b]\n\
                   #2\tAnnotatorNotes E1\tA promise\n\
                   #3\tAnnotatorNotes T5\tthe verb [tags: ]\n\
                   #4\tAnnotatorNotes R9\tnothing to hold it\n\
                   #5\tAnnotatorNotes T9\tno such id\n";
        let got = import(&d, ann, "x.ann").unwrap();
        let notes: Vec<_> = got
            .notes
            .iter()
            .map(|n| {
                let span = n.target.anchor.span().unwrap();
                (
                    n.target.kind,
                    &d.text[span.start..span.end],
                    n.body.as_str(),
                    n.tags.clone(),
                )
            })
            .collect();
        use crate::store::TargetKind;
        assert_eq!(
            notes,
            [
                (
                    TargetKind::Entity,
                    "Trump",
                    "Who?",
                    vec!["actor".to_owned(), "a,b".to_owned()]
                ),
                (
                    TargetKind::Commitment,
                    "pledged to meet again",
                    "A promise",
                    vec![]
                ),
                (TargetKind::Span, "met", "the verb [tags: ]", vec![]),
            ]
        );
        assert_eq!(
            got.notes[1].target.resolve(&got.annotations),
            Some(crate::store::Ref::Commitment(0))
        );
    }

    #[test]
    fn spans_across_lines_become_fragments() {
        let d = doc("Kim\nJong Un spoke.");
        let ann = Annotations {
            entities: vec![Entity {
                kind: EntityKind::Person,
                name: "Kim Jong Un".into(),
                roles: vec![],
                mentions: vec![0],
            }],
            mentions: vec![Mention {
                span: Span::new(0, 11),
                form: MentionForm::Name,
                entity: 0,
            }],
            ..Annotations::default()
        };
        let out = export(&d, &ann, &[]);
        assert!(
            out.starts_with("T1\tPerson 0 3;4 11\tKim Jong Un\n"),
            "{out}"
        );
        let back = import(&d, &out, "x.ann").unwrap();
        assert_eq!(back.annotations.mentions[0].span, Span::new(0, 11));
    }
}
