//! Reading an article from a path or stdin: decoding, picking the format,
//! and extracting the plain text.

use std::io::Read;
use std::path::Path;

use super::decode::{DecodeError, decode, decode_declared};
use super::urls;
use super::{Document, Format, html, markdown};

/// Why a document could not be read. Each message names the source.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{0}: no such file")]
    NotFound(String),
    /// The path is a directory.
    #[error("{0}: is a directory, not an article")]
    IsDirectory(String),
    /// A directory given to a batch command holds no article.
    #[error("{0}: no .txt, .md or .html files in this directory")]
    NoArticles(String),
    /// The content holds NUL bytes: not text.
    #[error("{0}: looks like a binary file (it contains NUL bytes), not an article")]
    Binary(String),
    /// The article is larger than [`MAX_BYTES`].
    #[error("{0}: too large: gloss reads articles of up to 256 MiB")]
    TooLarge(String),
    /// Any other I/O failure.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
}

/// The largest article gloss reads, in bytes, before or after decoding:
/// 256 MiB, about eighty long novels. The annotator's compact offsets
/// (`annotate::segment::Token`) and the memory a reader needs (several
/// times the text) set the bound.
pub const MAX_BYTES: u64 = 256 << 20;

/// Refuses `len` bytes from `source` when over [`MAX_BYTES`].
fn check_size(source: &str, len: u64) -> Result<(), LoadError> {
    if len > MAX_BYTES {
        return Err(LoadError::TooLarge(source.into()));
    }
    Ok(())
}

/// Reads the article at `source`: a path, or `-` for standard input.
pub fn load(source: &str) -> Result<Document, LoadError> {
    let bytes = if source == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| LoadError::Io("stdin".into(), e))?;
        check_size("stdin", buf.len() as u64)?;
        buf
    } else {
        let path = Path::new(source);
        let size = match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadError::NotFound(source.into()));
            }
            Err(e) => return Err(LoadError::Io(source.into(), e)),
            Ok(m) if m.is_dir() => return Err(LoadError::IsDirectory(source.into())),
            Ok(m) => {
                check_size(source, m.len())?;
                m.len()
            }
        };
        // A pipe or device tells no size: read no more than the limit.
        let mut buf = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut buf))
            .map_err(|e| LoadError::Io(source.into(), e))?;
        check_size(source, buf.len() as u64)?;
        buf
    };
    load_bytes(bytes, source)
}

/// Decodes raw bytes read from `source` into a document. The format comes
/// from `source`'s extension, else from the content (see [`Format::sniff`]).
pub fn load_bytes(bytes: Vec<u8>, source: &str) -> Result<Document, LoadError> {
    load_fetched(bytes, source, Format::from_name(source), None)
}

/// Decodes bytes fetched from `source` (a URL) into a document: as
/// [`load_bytes`], but in the `format` and `charset` the server declared
/// when it declared them (its `Content-Type`), before the content's own.
pub fn load_fetched(
    bytes: Vec<u8>,
    source: &str,
    format: Option<Format>,
    charset: Option<&str>,
) -> Result<Document, LoadError> {
    let named = format;
    let html_bytes = named.unwrap_or_else(|| Format::sniff(&bytes)) == Format::Html;
    let declared = charset.and_then(|label| decode_declared(&bytes, source, label));
    let decoded = declared
        .unwrap_or_else(|| decode(bytes, source, html_bytes))
        .map_err(|e| match e {
            DecodeError::Binary => LoadError::Binary(source.into()),
        })?;
    check_size(source, decoded.text.len() as u64)?;
    // UTF-16 can only be sniffed once decoded.
    let format = named.unwrap_or_else(|| Format::sniff(decoded.text.as_bytes()));
    let mut warnings: Vec<String> = decoded.warning.into_iter().collect();
    let mut doc = match format {
        Format::Text => {
            let mut doc = Document::new(decoded.text, source, format);
            doc.marks = urls::bare_links(&doc.text);
            doc
        }
        Format::Markdown => {
            Document::from_extracted(markdown::extract(&decoded.text), source.into(), format)
        }
        Format::Html => {
            let (extracted, warning) = html::extract(&decoded.text);
            warnings.extend(warning.map(|w| format!("{source}: {w}")));
            Document::from_extracted(extracted, source.into(), format)
        }
    };
    if doc.text.trim().is_empty() {
        warnings.push(format!("{source}: no text to read"));
    }
    doc.encoding = decoded.encoding;
    doc.warnings = warnings;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn any_bytes_load_or_are_refused_cleanly(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            name in prop::sample::select(vec!["a.txt", "a.md", "a.html", "-"]),
        ) {
            match load_bytes(bytes, name) {
                Ok(doc) => {
                    prop_assert_eq!(doc.char_len(), doc.text.chars().count());
                    for b in &doc.blocks {
                        prop_assert!(doc.text.get(b.span.start..b.span.end).is_some());
                    }
                    for m in &doc.marks {
                        prop_assert!(doc.text.get(m.span.start..m.span.end).is_some());
                    }
                }
                Err(e) => prop_assert!(matches!(e, LoadError::Binary(_))),
            }
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let doc = load_bytes(b"caf\xc3\xa9 \xff time".to_vec(), "x.txt").unwrap();
        assert_eq!(&*doc.text, "café \u{FFFD} time");
        assert_eq!(doc.encoding, "UTF-8");
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].starts_with("x.txt: not valid UTF-8; 1 invalid"));
    }

    #[test]
    fn legacy_text_is_read_as_windows_1252() {
        let doc = load_bytes(b"caf\xe9 \x93quoted\x94".to_vec(), "x.txt").unwrap();
        assert_eq!(&*doc.text, "café “quoted”");
        assert_eq!(doc.encoding, "windows-1252");
        assert_eq!(
            doc.warnings,
            ["x.txt: not valid UTF-8; read as windows-1252"]
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = load_bytes(b"ab\0cd".to_vec(), "a.bin").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.bin: looks like a binary file (it contains NUL bytes), not an article"
        );
    }

    #[test]
    fn missing_file_and_directory() {
        assert_eq!(
            load("/no/such/file.txt").unwrap_err().to_string(),
            "/no/such/file.txt: no such file"
        );
        let dir = std::env::temp_dir();
        let name = dir.to_string_lossy().into_owned();
        assert!(matches!(load(&name), Err(LoadError::IsDirectory(_))));
    }

    #[test]
    fn title_is_a_headline_or_the_file_name() {
        let doc = load_bytes(b"\n\n  Headline here \nBody.".to_vec(), "t").unwrap();
        assert_eq!(doc.title, "Headline here");
        let doc = load_bytes(
            b"A whole sentence opens this article.\nMore.".to_vec(),
            "dir/story.txt",
        )
        .unwrap();
        assert_eq!(doc.title, "story");
    }

    #[test]
    fn format_follows_the_name_then_the_content() {
        let page = b"<!doctype html><title>T</title><p>Body text.</p>".to_vec();
        assert_eq!(load_bytes(page.clone(), "-").unwrap().format, Format::Html);
        assert_eq!(load_bytes(page, "page.txt").unwrap().format, Format::Text);
        let doc = load_bytes(b"# Head\n\nBody *text*.".to_vec(), "a.md").unwrap();
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(&*doc.text, "Head\n\nBody text.");
        assert_eq!(doc.title, "Head");
        // UTF-16 HTML on stdin is sniffed after decoding.
        let utf16: Vec<u8> = std::iter::once(0xFEFF_u16)
            .chain("<html><p>Hi there.</p></html>".encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        let doc = load_bytes(utf16, "-").unwrap();
        assert_eq!((doc.format, doc.encoding), (Format::Html, "UTF-16LE"));
    }

    #[test]
    fn fetched_bytes_follow_the_declared_format_and_charset() {
        let page = b"<p>Caf\xE9 society.</p>".to_vec();
        let doc = load_fetched(page, "https://x/a", Some(Format::Html), Some("latin1")).unwrap();
        assert_eq!((doc.format, doc.encoding), (Format::Html, "windows-1252"));
        assert!(doc.text.contains("Café society."), "{:?}", doc.text);
        let doc = load_fetched(
            b"# Not a heading".to_vec(),
            "https://x/",
            Some(Format::Text),
            None,
        )
        .unwrap();
        assert_eq!(doc.format, Format::Text);
    }

    #[test]
    fn empty_input_warns() {
        let doc = load_bytes(Vec::new(), "e.txt").unwrap();
        assert_eq!(doc.warnings, ["e.txt: no text to read"]);
    }
}
