//! Reading an article from a path or stdin.

use std::io::Read;
use std::path::Path;

use super::{Document, Format};

/// Why a document could not be read. Each message names the source.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{0}: no such file")]
    NotFound(String),
    /// The path is a directory.
    #[error("{0}: is a directory, not an article")]
    IsDirectory(String),
    /// The content holds NUL bytes: not text.
    #[error("{0}: looks like a binary file (it contains NUL bytes), not an article")]
    Binary(String),
    /// Any other I/O failure.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
}

/// Reads the article at `source`: a path, or `-` for standard input.
pub fn load(source: &str) -> Result<Document, LoadError> {
    let bytes = if source == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| LoadError::Io("stdin".into(), e))?;
        buf
    } else {
        let path = Path::new(source);
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadError::NotFound(source.into()));
            }
            Err(e) => return Err(LoadError::Io(source.into(), e)),
            Ok(m) if m.is_dir() => return Err(LoadError::IsDirectory(source.into())),
            Ok(_) => {}
        }
        std::fs::read(path).map_err(|e| LoadError::Io(source.into(), e))?
    };
    load_bytes(bytes, source)
}

/// Decodes raw bytes read from `source` into a document.
pub fn load_bytes(bytes: Vec<u8>, source: &str) -> Result<Document, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary(source.into()));
    }
    let (text, warning) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let replaced = lossy.matches('\u{FFFD}').count();
            let warning = format!(
                "{source}: not valid UTF-8; {replaced} invalid byte sequence{} replaced with �",
                if replaced == 1 { "" } else { "s" }
            );
            (lossy, Some(warning))
        }
    };
    let text = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    let mut doc = Document::new(text, source, Format::Text);
    doc.warnings.extend(warning);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let doc = load_bytes(b"caf\xe9 time".to_vec(), "x.txt").unwrap();
        assert_eq!(doc.text, "caf\u{FFFD} time");
        assert_eq!(doc.warnings.len(), 1);
        assert!(doc.warnings[0].starts_with("x.txt: not valid UTF-8; 1 invalid"));
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
}
