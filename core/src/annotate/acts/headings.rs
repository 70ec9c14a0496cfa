//! Headlines and bylines: lines of an article that are not clauses to mine
//! for commitments ("Council vows to rebuild bridge" above a story is the
//! story's title, not the council's pledge). A document with structure
//! names its headings (see [`super::Prepared::add_headings`]); in any text,
//! a line is taken for a headline or byline by its shape (see [`by_shape`]).

use crate::annotate::segment::{Token, lines_from};
use crate::model::Span;

/// The most words a headline has.
const HEADLINE_WORDS: usize = 20;

/// The most words a byline has ("By Ana Ruiz and Tom Lee, Reuters").
const BYLINE_WORDS: usize = 8;

/// Byte spans, in order, of the lines of `text` shaped like a headline or
/// byline. Such a line is one sentence of `toks` on a line of its own, of
/// at most [`HEADLINE_WORDS`] words, not a list item, with more text after
/// it (a headline heads something), and either
///
/// - without final punctuation, as the text's first line or followed by a
///   blank line (or the end of the text);
/// - in title case ("Council Vows To Rebuild Bridge."), standing between
///   blank lines;
/// - a byline: "By" and a capitalised name, at most [`BYLINE_WORDS`] words,
///   without final punctuation.
pub fn by_shape(text: &str, toks: &[Token]) -> Vec<Span> {
    // The starts of the first and of the last line with text.
    let first = text.len() - text.trim_start().len();
    let last = text.trim_end().rfind('\n').map_or(first, |k| k + 1);
    let mut lines = lines_from(text, 0).peekable();
    let mut before_blank = true;
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        let (shown, start) = (line.trimmed, line.trimmed_start);
        let this_blank = shown.is_empty();
        let after_blank = lines.peek().is_none_or(|l| l.trimmed.is_empty());
        let words = words_upto(shown, HEADLINE_WORDS + 1);
        let candidate =
            words > 0 && words <= HEADLINE_WORDS && start < last && !is_list_item(shown);
        if candidate {
            let unpunctuated = !ends_with_stop(shown);
            let shaped = (unpunctuated && (start == first || after_blank))
                || (before_blank && after_blank && title_case(shown))
                || (unpunctuated && words <= BYLINE_WORDS && is_byline(shown));
            let span = Span::new(start, start + shown.len());
            if shaped && one_sentence(toks, span) {
                out.push(span);
            }
        }
        before_blank = this_blank;
    }
    out
}

/// The number of words of `line` (as [`str::split_whitespace`] splits
/// it), counted up to `most`. ASCII is read a byte at a time (its
/// whitespace is tab, line feed, vertical tab, form feed, carriage return
/// and space); at the first other byte the count starts again on chars.
fn words_upto(line: &str, most: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in line.as_bytes() {
        if !b.is_ascii() {
            return line.split_whitespace().take(most).count();
        }
        let space = matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
        if !space && !in_word {
            if words == most {
                return most;
            }
            words += 1;
        }
        in_word = !space;
    }
    words
}

/// True when `line` ends in sentence punctuation, a comma or a colon
/// (before any closing quotation marks or brackets).
fn ends_with_stop(line: &str) -> bool {
    line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .ends_with(['.', '!', '?', '…', ':', ';', ','])
}

/// True when `line` starts with a list marker ("- ", "• ", "3. ").
fn is_list_item(line: &str) -> bool {
    let digits = line.trim_start_matches(|c: char| c.is_ascii_digit());
    line.starts_with(['-', '*', '•', '–'])
        || (digits.len() < line.len() && digits.starts_with(['.', ')']))
}

/// True when `line` is in title case: at least three words of four or
/// more letters, each capitalised.
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    long.len() >= 3 && long.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// True when `line` opens with "By" and a capitalised word ("By Ana Ruiz").
fn is_byline(line: &str) -> bool {
    let mut words = line.split_whitespace();
    words.next() == Some("By")
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// True when the tokens of `toks` within `span` are one whole sentence.
fn one_sentence(toks: &[Token], span: Span) -> bool {
    let a = toks.partition_point(|t| t.start() < span.start);
    let b = toks.partition_point(|t| t.start() < span.end);
    if a >= b {
        return false;
    }
    let s = toks[a].sent();
    toks[b - 1].sent() == s
        && (a == 0 || toks[a - 1].sent() != s)
        && toks.get(b).is_none_or(|t| t.sent() != s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for line in [
            "",
            " ",
            "One",
            "Council vows to rebuild bridge",
            "  tabs\tand\x0bvertical\x0cfeeds\r ",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z",
            "Über den Fluss",
            "a\u{a0}b c\u{2003}d",
        ] {
            for most in [0, 1, 3, 21] {
                let want = line.split_whitespace().take(most).count();
                assert_eq!(words_upto(line, most), want, "{line:?} {most}");
            }
        }
    }

    /// The lines of `text` taken for headlines or bylines.
    fn shaped(text: &str) -> Vec<&str> {
        by_shape(text, &segment(text))
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn a_first_line_without_a_stop_is_a_headline() {
        let text = "Ferry union calls for strike over pay\nThe union said on Friday that talks had failed.";
        assert_eq!(shaped(text), ["Ferry union calls for strike over pay"]);
    }

    #[test]
    fn a_line_without_a_stop_before_a_blank_line_is_a_heading() {
        let text = "The board met on Monday.\n\n  Budget talks stall  \n\nNo deal was reached.";
        assert_eq!(shaped(text), ["Budget talks stall"]);
    }

    #[test]
    fn title_case_and_bylines_are_found_with_or_without_a_stop() {
        let text = "Mayor Vows To Rebuild Riverside Bridge.\n\nBy Ines Araujo and Tom Bell\n\nThe mayor spoke on Monday.";
        assert_eq!(
            shaped(text),
            [
                "Mayor Vows To Rebuild Riverside Bridge.",
                "By Ines Araujo and Tom Bell"
            ]
        );
    }

    #[test]
    fn sentences_list_items_and_lone_lines_are_no_headlines() {
        for text in [
            // A sentence with its stop, alone on its first line.
            "The council agreed to cut fees.\n\nIt met on Monday.",
            // "By" opening a sentence.
            "By Friday the council had agreed to cut fees.\n\nIt met on Monday.",
            // The last line of a hard-wrapped paragraph, its stop missing.
            "The harbour council said on Monday that it had agreed to cut the fees\n\
             paid by the owners of small boats, after a long campaign by the local\n\
             fishing families who had asked for relief since the storms of last\n\
             winter damaged most of the piers along the northern side of the bay\n\
             and left many of the boats without a safe place to moor for months\n\
             and weeks\n\n\
             The council met again on Tuesday to settle the details of the fees.",
            // List items.
            "The plan:\n\n- cut fees for all\n\n3. hire more staff\n\nIt met on Monday.",
            // A whole text of one line heads nothing.
            "Council agrees to cut fees",
            // Two sentences on one line.
            "Fees fall. Staff rise\n\nIt met on Monday.",
        ] {
            assert!(shaped(text).is_empty(), "{text:?}: {:?}", shaped(text));
        }
    }

    #[test]
    fn structure_headings_join_those_found_by_shape() {
        let text = "Budget talks stall\n\nThe board met.\n\nFees go up.\n\nIt ended.";
        let toks = segment(text);
        let at = |w: &str| {
            let b = text.find(w).expect("in the text");
            toks.partition_point(|t| t.start() < b)
        };
        let quotations = crate::annotate::quotations::Quotations::new(text, &toks);
        let mut prep = crate::annotate::Prepared::new(text, toks.clone(), quotations);
        assert!(prep.in_heading(at("talks")));
        assert!(!prep.in_heading(at("board")));
        let fees = text.find("Fees").expect("in the text");
        prep.add_headings(&[Span::new(fees, fees + 11), Span::new(fees + 5, fees + 7)]);
        assert!(prep.in_heading(at("talks")));
        assert!(prep.in_heading(at("Fees")));
        assert!(prep.in_heading(at("up")));
        assert!(!prep.in_heading(at("ended")));
    }
}
