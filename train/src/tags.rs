//! The part-of-speech tagger's training: the gold universal tags of each
//! document's CoNLL-U file projected onto gloss's own tokens of its text,
//! cross-validation by document, and the model trained on every document.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gloss_core::annotate::learn::model::Model;
use gloss_core::annotate::learn::tagger::{Tag, Words, tag_with};
use gloss_core::annotate::learn::train::{Example, Options, train};
use gloss_core::annotate::segment::{self, Token, sentence_ranges};

use thiserror::Error;

use crate::data::Doc;

/// The tagger's model.
pub type TagModel = Model<{ Tag::COUNT }>;

/// How the tagger is trained: fewer passes than the kind model, for its
/// hundred thousand examples.
const OPTIONS: Options = Options {
    epochs: 12,
    rate: 0.2,
    l2: 1e-5,
    seed: 17,
};

/// The folds of the cross-validation by document.
pub const FOLDS: usize = 5;

/// A document's sentences as gloss tokenizes them, with each token's gold
/// tag (`None` where no CoNLL-U token starts or covers it).
pub struct Tagged {
    /// The document's genre.
    pub genre: String,
    /// The text.
    text: String,
    /// Sentences: tokens and gold tags.
    sentences: Vec<(Vec<Token>, Vec<Option<Tag>>)>,
}

/// Why a document's tags could not be read.
#[derive(Debug, Error)]
pub enum TagsError {
    /// Its CoNLL-U file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// A word's tag is not a universal part-of-speech tag gloss knows.
    #[error("{path}: unknown tag {tag}")]
    UnknownTag {
        /// The file.
        path: PathBuf,
        /// The tag.
        tag: String,
    },
}

/// The CoNLL-U file of `doc` in `dir`'s `conllu/`, its tags projected onto
/// gloss's tokens of the text: each CoNLL-U word is found in the text in
/// order, and a gloss token takes the tag of the word it starts in.
pub fn project(dir: &Path, doc: &Doc) -> Result<Tagged, TagsError> {
    let path = dir.join("conllu").join(format!("{}.conllu", doc.name));
    let conllu = match std::fs::read_to_string(&path) {
        Ok(conllu) => conllu,
        Err(source) => return Err(TagsError::Io { path, source }),
    };
    let text = &doc.text;
    // The tag of the word each byte belongs to.
    let mut by_byte: Vec<Option<Tag>> = vec![None; text.len()];
    let mut at = 0;
    for line in conllu.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        // Word lines only: not comments, ranges ("3-4") or empty nodes ("3.1").
        if cols.len() < 4 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let (form, upos) = (cols[1], cols[3]);
        let Some(tag) = Tag::from_upos(upos) else {
            return Err(TagsError::UnknownTag {
                path,
                tag: upos.to_owned(),
            });
        };
        // Find the word a little ahead (the text may differ in spacing).
        let mut end = text.len().min(at + 200 + form.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[at..end];
        if let Some(k) = window.find(form) {
            let start = at + k;
            by_byte[start..start + form.len()].fill(Some(tag));
            at = start + form.len();
        }
    }
    let toks = segment::segment(text);
    let sentences = sentence_ranges(&toks)
        .map(|r| {
            let s = toks[r].to_vec();
            let gold = s.iter().map(|t| by_byte[t.start()]).collect();
            (s, gold)
        })
        .collect();
    Ok(Tagged {
        genre: doc.genre.clone(),
        text: text.clone(),
        sentences,
    })
}

/// The training examples of a document: each tagged token's features, with
/// the gold tags before it.
fn examples(doc: &Tagged) -> Vec<Example> {
    let mut out = Vec::new();
    for (toks, gold) in &doc.sentences {
        let words = Words::new(&doc.text, toks);
        for (i, g) in gold.iter().enumerate() {
            let Some(g) = g else { continue };
            let before = [
                i.checked_sub(1).and_then(|j| gold[j]),
                i.checked_sub(2).and_then(|j| gold[j]),
            ];
            let mut features = Vec::new();
            words.features(i, before, &mut features);
            out.push(Example {
                features,
                label: g.index(),
            });
        }
    }
    out
}

/// A tagger trained on the documents `keep` accepts (by index), from the
/// features seen at least [`RARE`] times (a smaller, faster model that
/// generalises as well).
pub fn train_on(docs: &[Tagged], keep: impl Fn(usize) -> bool) -> TagModel {
    let mut examples: Vec<Example> = docs
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .flat_map(|(_, d)| examples(d))
        .collect();
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    for f in examples.iter().flat_map(|e| &e.features) {
        *seen.entry(*f).or_default() += 1;
    }
    for e in &mut examples {
        e.features.retain(|f| seen[f] >= RARE);
    }
    train(&examples, OPTIONS, 1001, 1001)
}

/// How often a feature must occur in the training examples to be learned.
const RARE: usize = 3;

/// How many tokens a tagger got right: all tagged tokens, and the
/// capitalised words opening a sentence (a name or a word capitalised only
/// there: "Young vowed", "Many said"), where its word alone misleads it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Accuracy {
    /// Tokens tagged right.
    pub right: usize,
    /// Tokens with a gold tag.
    pub all: usize,
    /// Capitalised sentence-initial words tagged right.
    pub initial_right: usize,
    /// Capitalised sentence-initial words with a gold tag.
    pub initial_all: usize,
}

impl Accuracy {
    /// The sum of two counts.
    pub fn add(self, o: Accuracy) -> Accuracy {
        Accuracy {
            right: self.right + o.right,
            all: self.all + o.all,
            initial_right: self.initial_right + o.initial_right,
            initial_all: self.initial_all + o.initial_all,
        }
    }
}

impl std::fmt::Display for Accuracy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ratio = |right: usize, all: usize| right as f64 / all.max(1) as f64;
        write!(
            f,
            "{}/{} tokens right ({:.4}); capitalised sentence-initial words {}/{} ({:.4})",
            self.right,
            self.all,
            ratio(self.right, self.all),
            self.initial_right,
            self.initial_all,
            ratio(self.initial_right, self.initial_all)
        )
    }
}

/// The tokens of `docs` (those with a gold tag) `model` tags right.
pub fn accuracy<'a>(docs: impl Iterator<Item = &'a Tagged>, model: &TagModel) -> Accuracy {
    let mut acc = Accuracy::default();
    for d in docs {
        for (toks, gold) in &d.sentences {
            let got = tag_with(model, &d.text, toks);
            for (i, (g, t)) in gold.iter().zip(got).enumerate() {
                let Some(g) = g else { continue };
                let ok = usize::from(*g == t);
                acc.all += 1;
                acc.right += ok;
                let initial = i == 0
                    && toks[i]
                        .text(&d.text)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase);
                if initial {
                    acc.initial_all += 1;
                    acc.initial_right += ok;
                }
            }
        }
    }
    acc
}
