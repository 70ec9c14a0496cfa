//! Documents: loading an article from a file or stdin (plain text, Markdown
//! or HTML, in UTF-8, UTF-16 or a legacy encoding), extracting its plain text
//! and structure, and the maps between byte offsets (used inside gloss) and
//! code-point offsets (used in every file and output a person sees).

mod char_index;
mod date;
mod decode;
mod html;
mod inputs;
mod load;
mod markdown;
mod nesting;
mod pieces;
pub mod sanitize;
mod structure;
mod urls;

pub use char_index::CharIndex;
pub use date::readable as readable_date;
pub use inputs::{ARTICLE_EXTENSIONS, expand_inputs};
pub use load::{LoadError, MAX_BYTES, load, load_bytes, load_fetched};
pub use structure::{Block, BlockKind, Mark, MarkKind};

use structure::Extracted;

/// The format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, taken exactly as decoded.
    Text,
    /// Markdown, flattened to plain text (see [`Block`] for the conventions).
    Markdown,
    /// An HTML page, reduced to its article and flattened to plain text.
    Html,
}

impl Format {
    /// The name used in JSON (`document.format`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
        }
    }

    /// The format a file name's extension promises (`.txt`, `.md`,
    /// `.markdown`, `.html`, `.htm`, `.xhtml`, any case), or `None` when it
    /// promises none and the content must tell.
    pub fn from_name(name: &str) -> Option<Self> {
        let ext = std::path::Path::new(name)
            .extension()?
            .to_string_lossy()
            .to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "html" | "htm" | "xhtml" => Some(Self::Html),
            _ => None,
        }
    }

    /// The format `content` looks like: HTML when, after any leading
    /// whitespace, comments (`<!-- -->`) and XML declaration, it opens with
    /// `<!doctype html` or `<html` (any case); Markdown when its first line
    /// is an ATX heading (`# Title`, up to six `#` and a space), which plain
    /// text almost never is; plain text otherwise. Other Markdown is not
    /// guessed: a list or an emphasis could be plain text's own, and plain
    /// Markdown reads well as text.
    pub fn sniff(content: &[u8]) -> Self {
        let mut rest = content;
        loop {
            let start = rest
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(rest.len());
            rest = &rest[start..];
            let skip_past = |open: &[u8], close: &[u8], rest: &[u8]| -> Option<usize> {
                if !rest.starts_with(open) {
                    return None;
                }
                let end = rest.windows(close.len()).position(|w| w == close)?;
                Some(end + close.len())
            };
            match skip_past(b"<!--", b"-->", rest).or_else(|| skip_past(b"<?xml", b"?>", rest)) {
                Some(n) => rest = &rest[n..],
                None => break,
            }
        }
        let opens =
            |tag: &[u8]| rest.len() >= tag.len() && rest[..tag.len()].eq_ignore_ascii_case(tag);
        if opens(b"<!doctype html") || opens(b"<html") {
            return Self::Html;
        }
        if opens_with_heading(content) {
            Self::Markdown
        } else {
            Self::Text
        }
    }
}

/// True when the first line of `content` that is not blank is a Markdown
/// ATX heading: at most three spaces, one to six `#`, a space, a title.
fn opens_with_heading(content: &[u8]) -> bool {
    let Some(line) = content
        .split(|&b| b == b'\n')
        .find(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
    else {
        return false;
    };
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    let line = &line[indent..];
    let hashes = line.iter().take_while(|&&b| b == b'#').count();
    let titled = line
        .get(hashes + 1..)
        .is_some_and(|title| title.iter().any(|b| !b.is_ascii_whitespace()));
    indent <= 3 && (1..=6).contains(&hashes) && line.get(hashes) == Some(&b' ') && titled
}

/// An article as gloss reads it.
///
/// `text` is what every offset refers to: for plain text, the file's content
/// exactly as decoded; for Markdown and HTML, the extracted plain text. The
/// reader styles it with `blocks` and `marks` (see [`Block`]); plain text
/// has no blocks (its own line breaks are its layout), and its only marks
/// are the web addresses written out in it.
#[derive(Clone, Debug)]
pub struct Document {
    /// The text all offsets refer to.
    pub text: std::sync::Arc<str>,
    /// Where it came from, as the user named it (`-` for stdin).
    pub source: String,
    /// The format it was read from.
    pub format: Format,
    /// The title: the one the article declares (Markdown front matter or
    /// first `#` heading, HTML headline), else the first line when it reads
    /// like a headline, else the file name. Safe to print.
    pub title: String,
    /// The author line an HTML page or Markdown front matter declares. Safe
    /// to print.
    pub byline: Option<String>,
    /// The publication date as the article writes it (for machines, often
    /// RFC 3339; see [`Document::readable_date`]). Safe to print.
    pub date: Option<String>,
    /// The encoding the bytes were read in, for the status line: `UTF-8`,
    /// `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `windows-1252`, ...
    pub encoding: &'static str,
    /// Blocks (paragraphs, headings, list items, quotes, code) in document
    /// order, containers before their contents; empty for plain text.
    pub blocks: Vec<Block>,
    /// Inline marks (emphasis, strong, code, links) ordered by start; for
    /// plain text, the web addresses it writes out, as links.
    pub marks: Vec<Mark>,
    /// Problems met while reading that did not stop it (an encoding guessed,
    /// invalid bytes replaced, no article found in a page), each naming the
    /// source.
    pub warnings: Vec<String>,
    /// Byte ↔ code-point conversion for `text`.
    pub chars: CharIndex,
}

impl Document {
    /// Builds a plain-text document from decoded UTF-8 text. The title is the
    /// first line when it reads like a headline (short, no final period),
    /// else the file name.
    pub fn new(text: String, source: impl Into<String>, format: Format) -> Self {
        let source = source.into();
        let title = guess_title(&text, &source);
        let chars = CharIndex::new(&text);
        Self {
            text: text.into(),
            source,
            format,
            title,
            byline: None,
            date: None,
            encoding: "UTF-8",
            blocks: Vec::new(),
            marks: Vec::new(),
            warnings: Vec::new(),
            chars,
        }
    }

    /// Builds a document from what a Markdown or HTML parser extracted.
    fn from_extracted(e: Extracted, source: String, format: Format) -> Self {
        let clean = |s: String| sanitize::clean_line(&s).into_owned();
        let mut doc = Self::new(e.text, source, format);
        if let Some(title) = e.title {
            doc.title = clean(title);
        }
        doc.byline = e.byline.map(clean);
        doc.date = e.date.map(clean);
        doc.blocks = e.structure.blocks;
        doc.marks = e.structure.marks;
        doc
    }

    /// The publication date as a person reads it ("14 March 2024, 09:30 UTC"
    /// for `2024-03-14T09:30:00Z`), or as written when it is in no form
    /// gloss knows; [`Document::date`] keeps it as written.
    pub fn readable_date(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.date.as_deref().map(date::readable)
    }

    /// The byte spans of its code (code blocks and inline code), ordered by
    /// start; they may nest (inline code in a code block). The annotator
    /// does not look inside them (see [`crate::annotate::annotate_document`]).
    pub fn code_spans(&self) -> Vec<crate::model::Span> {
        let blocks = (self.blocks.iter())
            .filter(|b| b.kind == BlockKind::Code)
            .map(|b| b.span);
        let marks = (self.marks.iter())
            .filter(|m| m.kind == MarkKind::Code)
            .map(|m| m.span);
        let mut spans: Vec<_> = blocks.chain(marks).collect();
        spans.sort_by_key(|s| s.start);
        spans
    }

    /// The byte spans of the headings (Markdown or HTML), in order; none in
    /// plain text.
    pub fn heading_spans(&self) -> Vec<crate::model::Span> {
        (self.blocks.iter())
            .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
            .map(|b| b.span)
            .collect()
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.chars.char_len()
    }

    /// `span` (bytes) as code-point offsets `(start, end)`.
    pub fn char_span(&self, span: crate::model::Span) -> (usize, usize) {
        (
            self.chars.to_char(&self.text, span.start),
            self.chars.to_char(&self.text, span.end),
        )
    }
}

/// The first non-blank line of `text` when it reads like a headline (at most
/// 20 words, no final period, colon or closing quote), else the file stem of
/// `source`; made safe to print.
fn guess_title(text: &str, source: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let headline = first.split_whitespace().count() <= 20 && !first.ends_with(['.', '”', '"', ':']);
    if headline && !first.is_empty() {
        sanitize::clean_line(first).into_owned()
    } else {
        let stem = std::path::Path::new(source)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned());
        sanitize::clean_line(&stem.unwrap_or_default()).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(Format::from_name("a/b.MD"), Some(Format::Markdown));
        assert_eq!(Format::from_name("x.markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_name("x.htm"), Some(Format::Html));
        assert_eq!(Format::from_name("x.txt"), Some(Format::Text));
        assert_eq!(Format::from_name("x.csv"), None);
        assert_eq!(Format::from_name("-"), None);
    }

    #[test]
    fn html_is_sniffed_from_its_opening() {
        assert_eq!(Format::sniff(b"\n  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(Format::sniff(b"<HTML lang=en>"), Format::Html);
        assert_eq!(Format::sniff(b"<p>just a fragment"), Format::Text);
        assert_eq!(Format::sniff(b"<htm"), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<!DOCTYPE html>"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"<!-- unclosed <html>"), Format::Text);
    }

    #[test]
    fn markdown_is_sniffed_from_a_heading_on_its_first_line() {
        assert_eq!(Format::sniff(b"# Title\n\nBody."), Format::Markdown);
        assert_eq!(Format::sniff(b"\n\n### Three\r\nBody"), Format::Markdown);
        assert_eq!(Format::sniff(b"#hashtag news"), Format::Text);
        assert_eq!(Format::sniff(b"####### seven"), Format::Text);
        assert_eq!(Format::sniff(b"#  \nnot a heading"), Format::Text);
        assert_eq!(Format::sniff(b"Title\n# later heading"), Format::Text);
        assert_eq!(Format::sniff(b"- a list\n- of items"), Format::Text);
        assert_eq!(Format::sniff(b"   ## indented\nBody"), Format::Markdown);
        // Four spaces make code, not a heading.
        assert_eq!(Format::sniff(b"    # code"), Format::Text);
    }
}
