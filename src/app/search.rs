//! Case-insensitive text search.

use crate::model::Span;

/// A character folded for case-insensitive comparison.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every non-overlapping match of `query` in `text`, ignoring case, in order.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let q: Vec<char> = query.chars().map(fold).collect();
    let Some(&first) = q.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if i < from || fold(c) != first {
            continue;
        }
        let mut chars = text[i..].char_indices();
        let matched = q
            .iter()
            .all(|&want| chars.next().is_some_and(|(_, c)| fold(c) == want));
        if matched {
            let end = chars.next().map_or(text.len(), |(j, _)| i + j);
            out.push(Span::new(i, end));
            from = end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_ignoring_case() {
        let t = "Kim met kim; KIM. Kimchi";
        let m: Vec<&str> = find_all(t, "kim").iter().map(|s| s.slice(t)).collect();
        assert_eq!(m, ["Kim", "kim", "KIM", "Kim"]);
        assert!(find_all(t, "").is_empty());
        let u = "Ärger ärger";
        assert_eq!(find_all(u, "ÄRGER").len(), 2);
        assert_eq!(find_all("aaaa", "aa").len(), 2);
    }
}
