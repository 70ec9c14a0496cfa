//! Markdown (CommonMark with strikethrough, tables and YAML front matter) to
//! plain text and structure, with pulldown-cmark.
//!
//! The title is the front matter's `title:`, else the first level-1 heading;
//! the byline is `author:` (or `byline:`), the date `date:` (or
//! `published:`). Images, raw HTML blocks and tags, and the front matter
//! itself are left out of the text. Footnotes (GitHub's `[^label]`) are
//! numbered and set at the end (see [`extract`]). Inline code flows like the text around
//! it (runs of spaces collapse); code blocks are kept verbatim. A table is one
//! paragraph with a line per row, its cells separated by ` | `.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::pieces;
use super::structure::{BlockKind, Builder, Extracted, MarkKind};

/// The most container markers (`>`, `-`, `1.`) one line may open: deeper
/// nesting is flattened before pulldown-cmark, whose time per line grows with
/// the depth of the open containers. Articles nest a few levels.
const MAX_MARKERS: usize = 16;

/// The most columns of indentation kept before a line's container markers:
/// nesting built by indenting each line further is bounded by it.
const MAX_LEAD: usize = 64;

/// `source` with container nesting bounded: on a line with more than
/// [`MAX_MARKERS`] block quote or list markers at its start, the markers
/// past that are dropped (their text is kept), and a line that opens a
/// container after more than [`MAX_LEAD`] columns of indentation is
/// indented by that many. Borrowed when no line changes, as for every real
/// article.
fn bound_nesting(source: &str) -> Cow<'_, str> {
    let mut out = String::new();
    // Bytes of `source` already written to `out`.
    let mut done = 0;
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        if let Some(cut) = excess_nesting(line) {
            out.push_str(&source[done..start]);
            out.push_str(&cut);
            done = start + line.len();
        }
        start += line.len();
    }
    if done == 0 {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[done..]);
    Cow::Owned(out)
}

/// `line` with its container markers bounded (see [`bound_nesting`]), or
/// `None` when it keeps within the bounds.
fn excess_nesting(line: &str) -> Option<String> {
    let b = line.as_bytes();
    let spaces = |from: usize| {
        b[from..]
            .iter()
            .position(|&c| c != b' ' && c != b'\t')
            .map_or(b.len(), |i| from + i)
    };
    let lead = spaces(0);
    let columns: usize = b[..lead]
        .iter()
        .map(|&c| if c == b'\t' { 4 } else { 1 })
        .sum();
    let mut at = lead;
    let mut markers = 0;
    let mut cut = None;
    while let Some(end) = pieces::container_marker(&b[at..]) {
        markers += 1;
        if markers == MAX_MARKERS + 1 {
            cut = Some(at);
        }
        at = spaces(at + end);
    }
    if markers == 0 || (cut.is_none() && columns <= MAX_LEAD) {
        return None;
    }
    let mut kept = String::with_capacity(line.len());
    if columns > MAX_LEAD {
        kept.extend(std::iter::repeat_n(' ', MAX_LEAD));
    } else {
        kept.push_str(&line[..lead]);
    }
    kept.push_str(&line[lead..cut.unwrap_or(at)]);
    kept.push_str(&line[at..]);
    Some(kept)
}

/// The longest run of one emphasis or link delimiter (`*`, `_`, `~`, `[`,
/// `]`) passed to pulldown-cmark: it keeps inline state for each delimiter
/// of a run (millions of `*` take tens of times their size). Rules, code
/// comments and banners stay far below it.
const MAX_RUN: usize = 1024;

/// `source` with runs of one emphasis or link delimiter cut to [`MAX_RUN`]
/// characters. Borrowed when no run is that long, as in every real article.
fn bound_runs(source: &str) -> Cow<'_, str> {
    let b = source.as_bytes();
    let mut out = String::new();
    // Bytes of `source` already written to `out`.
    let mut done = 0;
    let mut at = 0;
    while let Some(i) = b[at..].iter().position(|c| b"*_~[]".contains(c)) {
        let start = at + i;
        let run = b[start..].iter().take_while(|&&c| c == b[start]).count();
        if run > MAX_RUN {
            out.push_str(&source[done..start + MAX_RUN]);
            done = start + run;
        }
        at = start + run;
    }
    if done == 0 {
        return Cow::Borrowed(source);
    }
    out.push_str(&source[done..]);
    Cow::Owned(out)
}

/// Extracts the plain text and structure of the Markdown `source`.
///
/// A footnote reference reads `[1]` (a [`MarkKind::Footnote`] mark), its
/// notes numbered in the order they are first referred to. The footnotes
/// themselves are taken out of where they stand and set at the end of the
/// text, under a "Footnotes" heading, each an item marked `[1] ` and so on, in
/// that order; notes nothing refers to come last, numbered on.
pub fn extract(source: &str) -> Extracted {
    extract_in_pieces(source, pieces::MAX_PIECE)
}

/// [`extract`], parsing the source in pieces of at most `max` bytes.
fn extract_in_pieces(source: &str, max: usize) -> Extracted {
    let nesting = bound_nesting(source);
    let runs = bound_runs(&nesting);
    let pieces = pieces::cut(&runs, max);
    // With more than one piece, what each defines for the others.
    let shared = (pieces.len() > 1).then(|| Shared::collect(&pieces));
    // The text is about as long as the source, less its markup.
    let mut f = Flattener {
        b: Builder::with_capacity(source.len()),
        ..Flattener::default()
    };
    // The footnotes' events, each with its label, in document order.
    let mut notes: Vec<(String, Vec<Event<'_>>)> = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let (text, own) = match &shared {
            Some(shared) => shared.with_stubs(i, piece),
            None => (Cow::Borrowed(&**piece), piece.len()),
        };
        let links = |link: BrokenLink<'_>| shared.as_ref()?.link(&link.reference);
        let parser = Parser::new_with_broken_link_callback(&text, OPTIONS, Some(links));
        // How many footnote definitions are open (they do not nest, but a
        // source may try).
        let mut in_note = 0usize;
        for (event, at) in parser.into_offset_iter() {
            if at.start >= own {
                // The stubs after the piece's own text. The ends of its
                // own blocks start before them and are kept, even those
                // closed only by the end of the piece.
                continue;
            }
            match event {
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    in_note += 1;
                    if in_note == 1 {
                        notes.push((label.to_lowercase(), Vec::new()));
                    }
                }
                Event::End(TagEnd::FootnoteDefinition) => in_note = in_note.saturating_sub(1),
                event if in_note > 0 => {
                    if let Some((_, events)) = notes.last_mut() {
                        events.push(event.into_static());
                    }
                }
                event => f.event(event),
            }
        }
    }
    f.notes(notes);
    let Flattener { b, mut out, .. } = f;
    let (text, structure) = b.finish();
    out.text = text;
    out.structure = structure;
    out
}

/// The Markdown pulldown-cmark reads.
const OPTIONS: Options = Options::ENABLE_STRIKETHROUGH
    .union(Options::ENABLE_TABLES)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_FOOTNOTES);

/// What the pieces of a source cut by [`pieces::cut`] define for each
/// other: link reference definitions (`[label]: url`), and the footnotes
/// each piece defines, so that a reference finds a definition in another
/// piece as it would in the whole.
struct Shared {
    /// Each link label (normalised) with its URL and title; the first
    /// definition counts.
    links: HashMap<String, (String, String)>,
    /// The footnote labels (lowercase) each piece defines.
    notes: Vec<HashSet<String>>,
}

impl Shared {
    /// Reads the definitions of every piece (a first parse of each).
    fn collect(pieces: &[Cow<'_, str>]) -> Self {
        let mut links = HashMap::new();
        let mut notes = Vec::with_capacity(pieces.len());
        for piece in pieces {
            let parser = Parser::new_ext(piece, OPTIONS);
            for (label, def) in parser.reference_definitions().iter() {
                links.entry(normalise_label(label)).or_insert_with(|| {
                    (
                        def.dest.to_string(),
                        def.title.as_deref().unwrap_or("").to_owned(),
                    )
                });
            }
            let defined = parser
                .filter_map(|e| match e {
                    Event::Start(Tag::FootnoteDefinition(label)) => Some(label.to_lowercase()),
                    _ => None,
                })
                .collect();
            notes.push(defined);
        }
        Self { links, notes }
    }

    /// The URL and title of the link `label` defined in another piece.
    fn link(&self, label: &str) -> Option<(CowStr<'static>, CowStr<'static>)> {
        let (url, title) = self.links.get(&normalise_label(label))?;
        Some((url.clone().into(), title.clone().into()))
    }

    /// Piece `i`, with an empty definition after its own text (whose length
    /// is returned too) of each footnote it refers to that another piece
    /// defines, so that pulldown-cmark takes the reference for one.
    fn with_stubs<'p>(&self, i: usize, piece: &'p str) -> (Cow<'p, str>, usize) {
        let mut stubs = String::new();
        let mut seen = HashSet::new();
        for label in footnote_references(piece) {
            let lower = label.to_lowercase();
            let elsewhere = !self.notes[i].contains(&lower)
                && self.notes.iter().any(|defined| defined.contains(&lower));
            if elsewhere && seen.insert(lower) {
                stubs.push_str(&format!("\n\n[^{label}]: -\n"));
            }
        }
        if stubs.is_empty() {
            return (Cow::Borrowed(piece), piece.len());
        }
        (Cow::Owned(format!("{piece}{stubs}")), piece.len())
    }
}

/// A link label as CommonMark matches it: case folded, inner whitespace one
/// space.
fn normalise_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The labels of what looks like a footnote reference (`[^label]`) in
/// `source`.
fn footnote_references(source: &str) -> impl Iterator<Item = &str> {
    source.match_indices("[^").filter_map(move |(at, _)| {
        let rest = &source[at + 2..];
        let end = rest.find(']')?;
        let label = &rest[..end];
        (!label.is_empty() && !label.contains(char::is_whitespace)).then_some(label)
    })
}

/// One pass over pulldown-cmark's events, writing the text and structure.
#[derive(Default)]
struct Flattener {
    b: Builder,
    out: Extracted,
    /// Next number of each open list (None: a bullet list).
    lists: Vec<Option<u64>>,
    /// Events inside an image or an HTML block are not text.
    hidden: usize,
    /// True inside front matter.
    in_metadata: bool,
    in_code: bool,
    heading_start: Option<(u8, usize)>,
    /// True before the first cell of a table row.
    row_start: bool,
    /// The number of each footnote label referred to so far.
    numbers: HashMap<String, usize>,
    /// The footnote labels by number (the first is number 1).
    labels: Vec<String>,
}

impl Flattener {
    /// The number of the footnote `label` (lowercased), given on its first
    /// reference.
    fn number(&mut self, label: String) -> usize {
        if let Some(&n) = self.numbers.get(&label) {
            return n;
        }
        self.labels.push(label.clone());
        self.numbers.insert(label, self.labels.len());
        self.labels.len()
    }

    /// Sets the footnotes (label and events, in document order) at the end
    /// of the text, as documented on [`extract`].
    fn notes(&mut self, notes: Vec<(String, Vec<Event<'_>>)>) {
        if notes.is_empty() {
            return;
        }
        self.b.open_block(BlockKind::Heading { level: 2 });
        self.b.push_flowing("Footnotes");
        self.b.close_block();
        let order: Vec<String> = notes.iter().map(|(label, _)| label.clone()).collect();
        let mut defined: HashMap<String, Vec<Event<'_>>> = HashMap::new();
        for (label, events) in notes {
            // The first definition of a label counts, as on GitHub.
            defined.entry(label).or_insert(events);
        }
        // Number by number; a note may refer to one nothing referred to
        // before, which is numbered then. Then the notes never referred
        // to, in document order.
        let (mut n, mut unreferred) = (1, order.iter());
        loop {
            if let Some(label) = self.labels.get(n - 1) {
                if let Some(events) = defined.remove(label) {
                    self.note(n, events);
                }
                n += 1;
            } else if let Some(label) = unreferred.by_ref().find(|l| defined.contains_key(*l)) {
                self.number(label.clone());
            } else {
                break;
            }
        }
        self.b.boundary();
    }

    /// Writes the footnote numbered `n`.
    fn note(&mut self, n: usize, events: Vec<Event<'_>>) {
        self.b.open_item_marked(&format!("[{n}] "));
        for event in events {
            self.event(event);
        }
        self.b.close_block();
    }

    /// Opens what `tag` starts.
    fn start(&mut self, tag: Tag<'_>) {
        let b = &mut self.b;
        match tag {
            Tag::Paragraph => b.open_block(BlockKind::Paragraph),
            Tag::Heading { level, .. } => {
                let level = level as u8;
                b.open_block(BlockKind::Heading { level });
                self.heading_start = Some((level, b.text().len()));
            }
            Tag::BlockQuote(_) => b.open_block(BlockKind::Quote),
            Tag::CodeBlock(_) => {
                b.open_block(BlockKind::Code);
                self.in_code = true;
            }
            Tag::List(first) => self.lists.push(first),
            Tag::Item => {
                let number = self.lists.last_mut().and_then(|n| {
                    let current = *n;
                    *n = n.map(|v| v.saturating_add(1));
                    current
                });
                b.open_list_item(number);
            }
            Tag::Table(_) => b.open_block(BlockKind::Paragraph),
            Tag::TableHead | Tag::TableRow => self.row_start = true,
            Tag::TableCell if !std::mem::take(&mut self.row_start) => b.push_verbatim(" | "),
            Tag::Emphasis => b.open_mark(MarkKind::Emphasis),
            Tag::Strong => b.open_mark(MarkKind::Strong),
            Tag::Link { dest_url, .. } => b.open_mark(MarkKind::Link {
                url: dest_url.into_string(),
            }),
            _ => {}
        }
    }

    /// Closes what `end` ends; the first level-1 heading is the title.
    fn end(&mut self, end: TagEnd) {
        let b = &mut self.b;
        match end {
            TagEnd::Heading(_) => {
                if let Some((1, start)) = self.heading_start.take()
                    && self.out.title.is_none()
                {
                    let title = b.text().get(start..).unwrap_or("").trim();
                    if !title.is_empty() {
                        self.out.title = Some(title.to_owned());
                    }
                }
                b.close_block();
            }
            TagEnd::CodeBlock => {
                self.in_code = false;
                b.close_block();
            }
            TagEnd::Paragraph | TagEnd::BlockQuote(_) | TagEnd::Item | TagEnd::Table => {
                b.close_block();
            }
            TagEnd::TableHead | TagEnd::TableRow => b.line_break(),
            TagEnd::List(_) => {
                self.lists.pop();
                b.boundary();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => b.close_mark(),
            _ => {}
        }
    }

    /// Writes what `event` says.
    fn event(&mut self, event: Event<'_>) {
        let b = &mut self.b;
        match event {
            Event::Start(Tag::Image { .. } | Tag::HtmlBlock) => self.hidden += 1,
            Event::End(TagEnd::Image | TagEnd::HtmlBlock) => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            Event::Start(Tag::MetadataBlock(_)) => self.in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            Event::Text(t) if self.in_metadata => read_front_matter(&t, &mut self.out),
            _ if self.hidden > 0 || self.in_metadata => {}
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) if self.in_code => b.push_verbatim(&t.replace("\r\n", "\n")),
            Event::Text(t) => b.push_flowing(&t),
            Event::Code(t) => {
                b.open_mark(MarkKind::Code);
                b.push_flowing(&t);
                b.close_mark();
            }
            Event::FootnoteReference(label) => {
                let n = self.number(label.to_lowercase());
                let b = &mut self.b;
                b.open_mark(MarkKind::Footnote);
                b.push_verbatim(&format!("[{n}]"));
                b.close_mark();
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => b.push_verbatim(&t),
            Event::SoftBreak => b.space(),
            Event::HardBreak => b.line_break(),
            Event::TaskListMarker(done) => b.push_verbatim(if done { "[x] " } else { "[ ] " }),
            Event::Html(_) | Event::InlineHtml(_) | Event::Rule => {}
        }
    }
}

/// Reads `title:`, `author:`/`byline:` and `date:`/`published:` lines of
/// YAML front matter (simple scalar values only).
fn read_front_matter(yaml: &str, out: &mut Extracted) {
    for line in yaml.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim().to_ascii_lowercase().as_str() {
            "title" => &mut out.title,
            "author" | "byline" => &mut out.byline,
            "date" | "published" => &mut out.date,
            _ => continue,
        };
        slot.get_or_insert_with(|| value.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::{Block, assert_well_formed};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_markdown_gives_well_formed_structure(
            md in "([#*_`>~\\[\\]()!<>|\n -]|[a-zé“”]{1,6}|1\\. |```\n|    |\\[\\^[ab]\\]|\n\\[\\^[ab]\\]: ){0,60}"
        ) {
            let e = extract(&md);
            assert_well_formed(&e.text, &e.structure);
            // Cut into pieces of a few bytes, anywhere, it is still sound.
            let e = extract_in_pieces(&md, 24);
            assert_well_formed(&e.text, &e.structure);
        }
    }

    /// A long article of everything pieces must keep whole: lists and
    /// quotes with blank lines in them, fences and raw HTML with blank
    /// lines, links and footnotes defined far from where they are used.
    fn long_article(sections: usize) -> String {
        let mut md = String::from("---\ntitle: Pieces\n---\n\n# Pieces\n\n");
        for i in 0..sections {
            md.push_str(&format!(
                "## Section {i}\n\nKim met [Moon][m{i}] and [the press][press] in Hanoi,[^n{i}] \
                 said *the\nWhite House*.[^shared]\n\n- one\n\n- two\n\n  still two\n\n\
                 1. first\n\n2. second\n\n> quoted\n>\n> on\n\n```text\ncode\n\nmore code\n```\n\n\
                 <!-- a comment\n\nover lines -->\n\nAfter [^n{i}].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
                 [m{i}]: https://example.org/moon/{i} \"Moon {i}\"\n\n"
            ));
        }
        for i in (0..sections).rev() {
            md.push_str(&format!("[^n{i}]: Note {i}, with [a link][press].\n\n"));
        }
        md.push_str("[press]: https://example.org/press\n\n[^shared]: The shared note.\n");
        md
    }

    #[test]
    fn an_article_parsed_in_pieces_reads_as_the_whole() {
        let md = long_article(40);
        let whole = extract(&md);
        assert!(
            whole.text.contains("Note 39, with a link."),
            "{}",
            whole.text
        );
        for max in [512, 1000, 4096] {
            assert!(pieces::cut(&md, max).len() > 5);
            let cut = extract_in_pieces(&md, max);
            assert_eq!(cut.text, whole.text, "pieces of {max}");
            assert_eq!(cut.structure, whole.structure, "pieces of {max}");
            assert_eq!(cut.title, whole.title);
        }
    }

    #[test]
    fn a_source_cut_anyway_keeps_its_text_and_code() {
        let lines = "lazy\n".repeat(3000);
        let code = format!("```\n{}```\n", "let x = 1;\n".repeat(2000));
        for md in [lines, code] {
            let whole = extract(&md);
            let cut = extract_in_pieces(&md, 1024);
            let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
            assert_eq!(words(&cut.text), words(&whole.text));
            let code_blocks = |e: &Extracted| {
                e.structure
                    .blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Code)
                    .count()
            };
            assert_eq!(code_blocks(&whole) > 0, code_blocks(&cut) > 0);
        }
    }

    fn kinds(e: &Extracted) -> Vec<(BlockKind, &str)> {
        e.structure
            .blocks
            .iter()
            .map(|&Block { kind, span, .. }| (kind, span.slice(&e.text)))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_lists_read_naturally() {
        let md = "# Kim writes to Trump\n\nThe letter was\n*warm*, officials said.\n\n\
                  ## What it says\n\n- peace\n- talks\n   1. soon\n\n3. three\n4. four\n";
        let e = extract(md);
        assert_eq!(
            e.text,
            "Kim writes to Trump\n\nThe letter was warm, officials said.\n\n\
             What it says\n\n• peace\n• talks\n  1. soon\n\n3. three\n4. four"
        );
        assert_eq!(e.title.as_deref(), Some("Kim writes to Trump"));
        let k = kinds(&e);
        assert_eq!(
            k[0],
            (BlockKind::Heading { level: 1 }, "Kim writes to Trump")
        );
        assert_eq!(k[2], (BlockKind::Heading { level: 2 }, "What it says"));
        assert_eq!(k[3], (BlockKind::ListItem { marker_len: 4 }, "• peace"));
        assert_eq!(k[5], (BlockKind::ListItem { marker_len: 3 }, "1. soon"));
        assert_eq!(k[7], (BlockKind::ListItem { marker_len: 3 }, "4. four"));
        let em = &e.structure.marks[0];
        assert_eq!(
            (&em.kind, em.span.slice(&e.text)),
            (&MarkKind::Emphasis, "warm")
        );
    }

    #[test]
    fn links_keep_their_text_and_code_stays_verbatim() {
        let md = "See [the **report**](https://example.org/r?a=1) and `x  = 1`.\n\n\
                  ```\nfn main() {\n    go();\n}\n```\n\n> Quoted\n> words.\n\n> Second.\n";
        let e = extract(md);
        assert_eq!(
            e.text,
            "See the report and x = 1.\n\nfn main() {\n    go();\n}\n\nQuoted words.\n\nSecond."
        );
        let marks: Vec<_> = e
            .structure
            .marks
            .iter()
            .map(|m| (m.kind.clone(), m.span.slice(&e.text)))
            .collect();
        assert_eq!(
            marks,
            [
                (
                    MarkKind::Link {
                        url: "https://example.org/r?a=1".into()
                    },
                    "the report"
                ),
                (MarkKind::Strong, "report"),
                (MarkKind::Code, "x = 1"),
            ]
        );
        let k = kinds(&e);
        assert_eq!(k[1], (BlockKind::Code, "fn main() {\n    go();\n}"));
        assert_eq!(k[2], (BlockKind::Quote, "Quoted words."));
        assert_eq!(k[3], (BlockKind::Paragraph, "Quoted words."));
        assert_eq!(e.structure.blocks[3].depth, 1);
    }

    #[test]
    fn front_matter_images_and_html_are_not_text() {
        let md = "---\ntitle: \"A Summit\"\nauthor: Jo Reporter\ndate: 2019-06-23\n---\n\n\
                  ![a photo](p.jpg)\n\n<div class=\"ad\">Buy now</div>\n\nText <b>bold</b>.\n";
        let e = extract(md);
        assert_eq!(e.text, "Text bold.");
        assert_eq!(e.title.as_deref(), Some("A Summit"));
        assert_eq!(e.byline.as_deref(), Some("Jo Reporter"));
        assert_eq!(e.date.as_deref(), Some("2019-06-23"));
    }

    #[test]
    fn tables_are_a_paragraph_of_rows() {
        let e =
            extract("Votes:\n\n| Party | Seats |\n|---|--:|\n| Labour | 12 |\n| | 3 |\n\nAfter.");
        assert_eq!(
            e.text,
            "Votes:\n\nParty | Seats\nLabour | 12\n | 3\n\nAfter."
        );
        assert_eq!(
            kinds(&e)[1],
            (BlockKind::Paragraph, "Party | Seats\nLabour | 12\n | 3")
        );
    }

    #[test]
    fn nesting_is_bounded_before_parsing() {
        // Real nesting passes as written.
        for article in [
            include_str!("../../../sample/river-treaty.md"),
            include_str!("../../../README.md"),
        ] {
            assert!(matches!(bound_nesting(article), Cow::Borrowed(_)));
        }
        let md = "> quoted\n> - item\n>   - inner\n>     1. deep\n\n- - - x\n* * *\n";
        assert!(matches!(bound_nesting(md), Cow::Borrowed(_)));
        // Markers past the bound are dropped, their text kept.
        let deep = format!("{}x\n{}y\n", "> ".repeat(100), "- ".repeat(100));
        let bounded = bound_nesting(&deep);
        assert_eq!(
            bounded,
            format!("{}x\n{}y\n", "> ".repeat(16), "- ".repeat(16))
        );
        let e = extract(&deep);
        assert_eq!(e.text, format!("x\n\n{}y", "• ".repeat(16)));
        assert!(e.structure.blocks.iter().all(|b| b.depth <= 32));
        // Deep indentation before a marker is cut to the bound.
        let indented = format!("{}- x\n", " ".repeat(200));
        assert_eq!(bound_nesting(&indented), format!("{}- x\n", " ".repeat(64)));
        // A thematic break stays one.
        let rule = format!("a\n\n{}\n\nb", "- ".repeat(50));
        assert_eq!(extract(&rule).text, "a\n\nb");
    }

    #[test]
    fn footnotes_are_numbered_and_set_at_the_end() {
        let md = "# T\n\nSigned in Geneva[^sign] by Osei.[^2] Critics[^Sign] \
                  disagreed[^none].\n\n\
                  [^orphan]: Nobody refers to this.\n\n\
                  [^2]: Osei is a *minister*.\n    She said more.[^third]\n\n\
                  [^sign]: Signed on 11 February.\n[^sign]: A second definition.\n\n\
                  [^third]: A note in a note.\n\nAfter the notes.\n";
        let e = extract(md);
        assert_eq!(
            e.text,
            "T\n\nSigned in Geneva[1] by Osei.[2] Critics[1] disagreed[^none].\n\n\
             After the notes.\n\nFootnotes\n\n\
             [1] Signed on 11 February.\n\
             [2] Osei is a minister. She said more.[3]\n\
             [3] A note in a note.\n\
             [4] Nobody refers to this."
        );
        assert_well_formed(&e.text, &e.structure);
        let marks: Vec<_> = (e.structure.marks.iter())
            .map(|m| (m.kind.clone(), m.span.slice(&e.text)))
            .collect();
        assert_eq!(
            marks,
            [
                (MarkKind::Footnote, "[1]"),
                (MarkKind::Footnote, "[2]"),
                (MarkKind::Footnote, "[1]"),
                (MarkKind::Emphasis, "minister"),
                (MarkKind::Footnote, "[3]"),
            ]
        );
        let k = kinds(&e);
        assert_eq!(k[3], (BlockKind::Heading { level: 2 }, "Footnotes"));
        assert_eq!(
            k[4],
            (
                BlockKind::ListItem { marker_len: 4 },
                "[1] Signed on 11 February."
            )
        );
        assert_eq!(
            k[8],
            (
                BlockKind::ListItem { marker_len: 4 },
                "[3] A note in a note."
            )
        );
        assert_eq!(k[9], (BlockKind::Paragraph, "A note in a note."));
        // No footnote, no section.
        assert!(!extract("Text[^x] only.").text.contains("Footnotes"));
    }

    #[test]
    fn delimiter_runs_are_bounded_before_parsing() {
        for article in [
            include_str!("../../../sample/river-treaty.md"),
            include_str!("../../../README.md"),
        ] {
            assert!(matches!(bound_runs(article), Cow::Borrowed(_)));
        }
        let banner = format!("```\n/{}/\n```\n**bold** [link](u)\n", "*".repeat(MAX_RUN));
        assert!(matches!(bound_runs(&banner), Cow::Borrowed(_)));
        let long = format!(
            "{}x{} and {}y{}",
            "*".repeat(5_000),
            "*".repeat(5_000),
            "[".repeat(3_000),
            "]".repeat(3_000)
        );
        let cut = "*".repeat(MAX_RUN);
        let brackets = format!("{}y{}", "[".repeat(MAX_RUN), "]".repeat(MAX_RUN));
        assert_eq!(bound_runs(&long), format!("{cut}x{cut} and {brackets}"));
        // Cut runs read as such runs do: emphasis around the text.
        let e = extract(&long);
        assert!(e.text.starts_with("x and "), "{}", &e.text[..20]);
    }

    #[test]
    fn loose_list_items_keep_paragraphs_on_their_lines() {
        let e = extract("- first\n\n  more\n- second\n");
        assert_eq!(e.text, "• first\n  more\n• second");
    }
}
