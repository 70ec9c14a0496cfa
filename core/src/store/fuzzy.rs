//! Approximate string matching for re-anchoring: edit distance, a similarity
//! in `0.0..=1.0`, and Sellers' search for a pattern anywhere in a text with
//! at most `k` edits. All work on code points.

/// Levenshtein distance between `a` and `b` (insertions, deletions and
/// substitutions each cost one).
pub fn distance(a: &[char], b: &[char]) -> usize {
    // What both start or end with costs nothing: only the rest is compared
    // (nothing at all when a context is unchanged).
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[head..], &b[head..]);
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// How alike `a` and `b` are: 1.0 when equal (also when both are empty),
/// falling to 0.0 as the edit distance reaches the longer length.
pub fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - distance(a, b) as f64 / longest as f64
}

/// A place where a pattern matched approximately.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First code point of the match.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Edits needed to turn the match into the pattern.
    pub errors: usize,
}

/// Every place in `text` where `pattern` matches with at most `max_errors`
/// edits, one hit (the best) per cluster of overlapping end positions.
/// O(len(text) × len(pattern)).
pub fn search(pattern: &[char], text: &[char], max_errors: usize) -> Vec<Hit> {
    let m = pattern.len();
    if m == 0 {
        return Vec::new();
    }
    // Sellers: column i = edits to match pattern[..i] ending here, any
    // start. Ukkonen's cut-off: rows past `last` (the last row within
    // `max_errors`) are known to exceed it and are not computed.
    let mut col: Vec<usize> = (0..=m).collect();
    let mut last = max_errors.min(m);
    let mut ends: Vec<(usize, usize)> = Vec::new();
    for (j, &c) in text.iter().enumerate() {
        let mut diag = 0;
        let top = (last + 1).min(m);
        for i in 1..=top {
            let above = if i <= last { col[i] } else { max_errors + 1 };
            let next = (diag + usize::from(pattern[i - 1] != c))
                .min(above + 1)
                .min(col[i - 1] + 1);
            diag = above;
            col[i] = next;
        }
        last = top;
        while last > 0 && col[last] > max_errors {
            last -= 1;
        }
        if last == m {
            ends.push((j + 1, col[m]));
        }
    }
    // Keep the best end of each run of nearby ends.
    let mut best: Vec<(usize, usize)> = Vec::new();
    for (end, errors) in ends {
        match best.last_mut() {
            Some(last) if end <= last.0 + m => {
                if errors < last.1 {
                    *last = (end, errors);
                }
            }
            _ => best.push((end, errors)),
        }
    }
    best.into_iter()
        .map(|(end, errors)| {
            let start = end - best_length(pattern, text, end, max_errors);
            Hit { start, end, errors }
        })
        .collect()
}

/// The length of the match of `pattern` ending exactly at `end` in `text`
/// with the fewest edits (among equals, the one closest to the pattern's
/// length).
fn best_length(pattern: &[char], text: &[char], end: usize, max_errors: usize) -> usize {
    let from = end.saturating_sub(pattern.len() + max_errors);
    // Edit distance of reversed pattern against reversed text, anchored at `end`.
    let window: Vec<char> = text[from..end].iter().rev().copied().collect();
    let rev: Vec<char> = pattern.iter().rev().copied().collect();
    let mut row: Vec<usize> = (0..=window.len()).collect();
    for (i, &cp) in rev.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &ct) in window.iter().enumerate() {
            let next = (diag + usize::from(cp != ct))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    (0..=window.len())
        .min_by_key(|&len| (row[len], len.abs_diff(pattern.len())))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn search_agrees_with_brute_force(p in "[abc ]{1,6}", t in "[abc ]{0,24}", k in 0usize..3) {
            let (p, t) = (chars(&p), chars(&t));
            // As in re-anchoring, fewer errors than the pattern's length
            // (drawn, not assumed, so that no case is rejected).
            let k = k.min(p.len() - 1);
            let hits = search(&p, &t, k);
            let mut best = usize::MAX;
            for s in 0..=t.len() {
                for e in s..=t.len() {
                    best = best.min(distance(&p, &t[s..e]));
                }
            }
            prop_assert_eq!(!hits.is_empty(), best <= k);
            for h in hits {
                prop_assert!(h.errors <= k);
                prop_assert_eq!(distance(&p, &t[h.start..h.end]), h.errors);
            }
        }
    }

    proptest! {
        #[test]
        fn distance_agrees_with_the_full_table(a in "[ab]{0,8}", b in "[ab]{0,8}") {
            let (a, b) = (chars(&a), chars(&b));
            // Wagner-Fischer over the whole strings.
            let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
            for i in 0..=a.len() {
                for j in 0..=b.len() {
                    d[i][j] = if i == 0 || j == 0 {
                        i + j
                    } else {
                        (d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]))
                            .min(d[i - 1][j] + 1)
                            .min(d[i][j - 1] + 1)
                    };
                }
            }
            prop_assert_eq!(distance(&a, &b), d[a.len()][b.len()]);
        }
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distances() {
        assert_eq!(distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(distance(&chars(""), &chars("abc")), 3);
        assert_eq!(similarity(&chars(""), &chars("")), 1.0);
        assert_eq!(similarity(&chars("abcd"), &chars("abcd")), 1.0);
        assert_eq!(similarity(&chars("abcd"), &chars("wxyz")), 0.0);
    }

    #[test]
    fn finds_approximate_matches_with_their_bounds() {
        let text = chars("the quick brown fox jumps over the lazy dog");
        let hits = search(&chars("quikc brown"), &text, 3);
        assert_eq!(hits.len(), 1);
        let hit = hits[0];
        let found: String = text[hit.start..hit.end].iter().collect();
        assert_eq!(found, "quick brown");
        assert_eq!(hit.errors, 2);
        assert!(search(&chars("elephant"), &text, 1).is_empty());
        assert_eq!(search(&chars("the"), &text, 0).len(), 2);
        assert_eq!(search(&chars("lazy dgo"), &text, 2)[0].errors, 1);
        assert_eq!(search(&chars("dog"), &text, 1).len(), 1);
    }
}
