//! Names in lines set all in capitals ("STRIKE AT KELLWORTH MILLS ENDS").
//!
//! A headline in capitals says nothing by its case: every word looks like
//! a name, so the entity stage reads no names there. The article names its
//! actors again in running text, though, and those names, in capitals, are
//! found in such a line as whole words: "KELLWORTH MILLS" is a mention of
//! the Kellworth Mills of the text. A one-word name is taken only when no
//! common word shares it (an entity "May" is not the verb in "… MAY
//! CLOSE"): the text must never use it in lowercase.

use crate::annotate::fasthash::Map;
use crate::annotate::first_person;
use crate::annotate::segment::{Token, TokenKind};
use crate::model::{Annotations, EntityId, Mention, MentionForm, Span};

/// Fewest words a line needs to be read as set in capitals.
const MIN_WORDS: usize = 2;

/// Longest line read as a headline in capitals, in bytes.
const MAX_LINE: usize = 300;

/// Fewest letters of a one-word name looked for in capitals.
const MIN_SINGLE: usize = 4;

/// The lines of `text` set all in capitals: at least [`MIN_WORDS`] words
/// of letters and not one lowercase letter.
fn capital_lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = at;
        at += line.len();
        let words = line
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        (line.len() <= MAX_LINE && words >= MIN_WORDS && !line.chars().any(char::is_lowercase))
            .then(|| Span::new(start, start + line.trim_end().len()))
    })
}

/// True when `word` occurs in `text` in lowercase, as a whole word.
fn used_in_lowercase(text: &str, word: &str) -> bool {
    let low = word.to_lowercase();
    text.match_indices(low.as_str()).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + low.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Most tokens of a name looked for in capitals.
const MAX_TOKENS: usize = 12;

/// The names the entities of `ann` are written with in running text, in
/// capitals, each with its entity: those of one entity only, of one word
/// only when long (whether the text uses it in lowercase is asked of the
/// few found in capitals).
fn capital_names(text: &str, ann: &Annotations) -> Map<String, EntityId> {
    let mut names: Map<String, EntityId> = Map::default();
    for m in ann.mentions.iter().filter(|m| m.form == MentionForm::Name) {
        let written = m.span.slice(text);
        let upper = written.to_uppercase();
        if upper == written || upper.len() != written.len() {
            continue;
        }
        let e = names.entry(upper).or_insert(m.entity);
        if *e != m.entity {
            *e = EntityId::MAX;
        }
    }
    names
        .retain(|n, e| *e != EntityId::MAX && (n.contains(' ') || n.chars().count() >= MIN_SINGLE));
    names
}

/// Adds to `ann` a name mention for each name of its entities found, in
/// capitals, as whole tokens of `toks` in a line of `text` set all in
/// capitals (the longest name at each word first); a one-word name only
/// when the text never uses it in lowercase.
pub fn link(text: &str, toks: &[Token], ann: &mut Annotations) {
    let lines: Vec<Span> = capital_lines(text).collect();
    if lines.is_empty() {
        return;
    }
    let names = capital_names(text, ann);
    let mut added: Vec<Mention> = Vec::new();
    for line in lines {
        let from = toks.partition_point(|t| t.start() < line.start);
        let past = toks.partition_point(|t| t.end() <= line.end);
        let mut k = from;
        while k < past {
            let found = (toks[k].kind() == TokenKind::Word)
                .then(|| {
                    (k..past.min(k + MAX_TOKENS)).rev().find_map(|j| {
                        let span = Span::new(toks[k].start(), toks[j].end());
                        let name = span.slice(text);
                        let entity = *names.get(name)?;
                        let free = ann.mention_at(span.start).is_none()
                            && ann.mention_at(span.end - 1).is_none()
                            && (name.contains(' ') || !used_in_lowercase(text, name));
                        free.then_some((j, span, entity))
                    })
                })
                .flatten();
            match found {
                Some((j, span, entity)) => {
                    added.push(Mention {
                        span,
                        form: MentionForm::Name,
                        entity,
                    });
                    k = j + 1;
                }
                None => k += 1,
            }
        }
    }
    first_person::add(ann, added);
}

#[cfg(test)]
mod tests {
    use crate::annotate::annotate;

    /// The entity names of the mentions found in the first line of `text`.
    fn in_headline(text: &str) -> Vec<(String, String)> {
        let ann = annotate(text);
        let end = text.find('\n').unwrap_or(text.len());
        ann.mentions
            .iter()
            .filter(|m| m.span.end <= end)
            .map(|m| {
                (
                    m.span.slice(text).to_owned(),
                    ann.entities[m.entity].name.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_headline_in_capitals_names_the_articles_actors() {
        let text = "STRIKE AT KELLWORTH MILLS ENDS AS HARWICK COUNCIL STEPS IN\n\n\
                    Workers at Kellworth Mills went back on Monday. Harwick Council \
                    said it had paid for the talks, and Kellworth Mills agreed.\n";
        assert_eq!(
            in_headline(text),
            [
                ("KELLWORTH MILLS".to_owned(), "Kellworth Mills".to_owned()),
                ("HARWICK COUNCIL".to_owned(), "Harwick Council".to_owned()),
            ]
        );
    }

    #[test]
    fn a_one_word_name_in_capitals_must_be_no_common_word() {
        let text = "PRYCE SAYS DEPOT MAY CLOSE\n\n\
                    Ann Pryce said the depot may close. May Lund, who runs it, said \
                    Pryce was wrong, and May agreed.\n";
        let got = in_headline(text);
        assert_eq!(got, [("PRYCE".to_owned(), "Ann Pryce".to_owned())]);
        // A line with lowercase letters is left to the entity stage.
        let text = "Strike at KELLWORTH MILLS ends\n\nKellworth Mills agreed.\n";
        assert!(in_headline(text).is_empty());
    }
}
