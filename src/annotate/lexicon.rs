//! Embedded word lists. Each file under `lexicon/` starts with `#` comment
//! lines naming its source and licence; blank lines and `#` lines are skipped.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The entries of an embedded list, in file order.
pub fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set built from an embedded list.
pub fn set(src: &'static str) -> HashSet<&'static str> {
    entries(src).collect()
}

/// Abbreviations (lowercase, no final period) after which a period does not
/// end a sentence.
pub static ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicon/abbreviations.txt")));

/// Capitalised words that open a sentence after an ambiguous abbreviation.
pub static SENTENCE_OPENERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("lexicon/sentence_openers.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_blanks_are_skipped() {
        let got: Vec<_> = entries("# source\n\nmr\n  dr  \n# more\n").collect();
        assert_eq!(got, ["mr", "dr"]);
        assert!(ABBREVIATIONS.contains("mr"));
        assert!(SENTENCE_OPENERS.contains("The"));
    }
}
