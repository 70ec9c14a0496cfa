//! The gold documents: GUM's texts with their entity mentions, read from
//! `NAME.txt` and `NAME.json` (see `../shared/data/README.md`), offsets
//! turned from code points into bytes.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

/// Why the gold documents could not be read.
#[derive(Debug, Error)]
pub enum DataError {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// What was read.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// A gold file is not the JSON expected.
    #[error("{path}: {source}")]
    Json {
        /// What was read.
        path: PathBuf,
        /// Why it failed.
        source: serde_json::Error,
    },
    /// A gold file's text is not its `.txt` file's.
    #[error("{0}: the text in the JSON file differs from the .txt file")]
    Text(PathBuf),
    /// A gold offset lies outside the text.
    #[error("{0}: a mention's offsets lie outside the text")]
    Offsets(PathBuf),
}

/// One gold mention, in bytes.
#[derive(Clone, Debug)]
pub struct Gold {
    /// Start of the mention.
    pub start: usize,
    /// End of the mention (exclusive).
    pub end: usize,
    /// Start of its head word.
    pub head_start: usize,
    /// End of its head word.
    pub head_end: usize,
    /// Its type: person, organization, place, or another (event, object…).
    pub kind: String,
    /// True when its head is a proper noun.
    pub proper: bool,
    /// Its coreference chain.
    pub entity: String,
}

impl Gold {
    /// True for a person, organization or place: what gloss lists.
    pub fn is_actor(&self) -> bool {
        matches!(self.kind.as_str(), "person" | "organization" | "place")
    }
}

/// One document.
pub struct Doc {
    /// Its file name without the extension.
    pub name: String,
    /// Its genre: the word after `GUM_` in its name (news, bio, …).
    pub genre: String,
    /// The text, as gloss reads it.
    pub text: String,
    /// Gold mentions.
    pub gold: Vec<Gold>,
}

/// A gold file's fields that are used.
#[derive(Deserialize)]
struct GoldFile {
    text: String,
    mentions: Vec<GoldMention>,
}

/// A gold mention as the file gives it (code points).
#[derive(Deserialize)]
struct GoldMention {
    start: usize,
    end: usize,
    head_start: usize,
    head_end: usize,
    #[serde(rename = "type")]
    kind: String,
    proper: bool,
    entity: String,
}

/// Every document of `dir` (its `*.json` with their `.txt`), by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Doc>, DataError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DataError::Io { path, source }
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io(dir))?;
    names.retain(|p| p.extension().is_some_and(|x| x == "json"));
    names.sort();
    names.iter().map(|json| load(json)).collect()
}

/// One document from its JSON file and the `.txt` beside it.
fn load(json: &Path) -> Result<Doc, DataError> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|source| DataError::Io {
            path: path.to_path_buf(),
            source,
        })
    };
    let file: GoldFile = serde_json::from_str(&read(json)?).map_err(|source| DataError::Json {
        path: json.to_path_buf(),
        source,
    })?;
    let text = read(&json.with_extension("txt"))?;
    if text != file.text {
        return Err(DataError::Text(json.to_path_buf()));
    }
    // Byte offset of each code point, and of the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |cp: usize| {
        bytes
            .get(cp)
            .copied()
            .ok_or_else(|| DataError::Offsets(json.to_path_buf()))
    };
    let gold = file
        .mentions
        .into_iter()
        .map(|m| {
            Ok(Gold {
                start: at(m.start)?,
                end: at(m.end)?,
                head_start: at(m.head_start)?,
                head_end: at(m.head_end)?,
                kind: m.kind,
                proper: m.proper,
                entity: m.entity,
            })
        })
        .collect::<Result<_, DataError>>()?;
    let name = json
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let genre = name.split('_').nth(1).unwrap_or("").to_owned();
    Ok(Doc {
        name,
        genre,
        text,
        gold,
    })
}
