//! Documents: loading an article from a file or stdin, decoding it, and the
//! maps between byte offsets (used inside gloss) and code-point offsets (used
//! in every file and output a person sees).

mod char_index;
mod load;
pub mod sanitize;

pub use char_index::CharIndex;
pub use load::{LoadError, load, load_bytes};

/// The format a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text, taken exactly as decoded.
    Text,
}

impl Format {
    /// The name used in JSON (`document.format`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
        }
    }
}

/// An article as gloss reads it.
#[derive(Clone, Debug)]
pub struct Document {
    /// The text all offsets refer to.
    pub text: String,
    /// Where it came from, as the user named it (`-` for stdin).
    pub source: String,
    /// The format it was read from.
    pub format: Format,
    /// The title: the first non-blank line, trimmed.
    pub title: String,
    /// Problems met while reading that did not stop it (invalid bytes replaced).
    pub warnings: Vec<String>,
    /// Byte ↔ code-point conversion for `text`.
    pub chars: CharIndex,
}

impl Document {
    /// Builds a document from decoded text. The title is the first line when
    /// it reads like a headline (short, no final period), else the file name.
    pub fn new(text: String, source: impl Into<String>, format: Format) -> Self {
        let source = source.into();
        let first = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let headline =
            first.split_whitespace().count() <= 20 && !first.ends_with(['.', '”', '"', ':']);
        let title = if headline && !first.is_empty() {
            sanitize::clean_line(first).into_owned()
        } else {
            let stem = std::path::Path::new(&source)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            sanitize::clean_line(&stem.unwrap_or_default()).into_owned()
        };
        let chars = CharIndex::new(&text);
        Self {
            text,
            source,
            format,
            title,
            warnings: Vec::new(),
            chars,
        }
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.chars.char_len()
    }
}
