//! Small helpers over an article's text that the store and the exporters
//! share: a stable hash of it ([`fnv1a64`], [`text_hash`]) and the context
//! around a span ([`context`]).
//!
//! FNV-1a is written out here (a dozen lines) rather than taken from
//! `std::hash`, whose output may change between Rust versions: sidecar
//! files, data-folder names and the W3C export's URNs depend on it never
//! changing.
//!
//! ```
//! use gloss_core::{model::Span, text};
//!
//! assert_eq!(text::text_hash("a"), "fnv1a64:af63dc4c8601ec8c");
//! assert_eq!(text::context("met Kim today", Span::new(4, 7)), Some(("met ", " today")));
//! ```

use crate::model::Span;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a 64 of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The hash of an article's text as written in the sidecar:
/// `fnv1a64:` and 16 lowercase hex digits.
pub fn text_hash(text: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()))
}

/// Code points of context kept on each side of a span (see [`context`]).
pub const CONTEXT: usize = 32;

/// Up to [`CONTEXT`] code points of `text` before and after `span` (the
/// prefix and suffix of a W3C `TextQuoteSelector`), or `None` when the
/// span lies past the end or splits a character.
pub fn context(text: &str, span: Span) -> Option<(&str, &str)> {
    let before = text.get(..span.start)?;
    let after = text.get(span.end..)?;
    let p = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let s = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    Some((&before[p..], &after[..s]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(text_hash("a"), "fnv1a64:af63dc4c8601ec8c");
    }

    #[test]
    fn context_stops_at_char_boundaries_and_the_limit() {
        let text = "“Ünïcode” before Kim after";
        let start = text.find("Kim").unwrap();
        assert_eq!(
            context(text, Span::new(start, start + 3)),
            Some(("“Ünïcode” before ", " after"))
        );
        let long = "x".repeat(100) + "Kim" + &"y".repeat(100);
        let (p, s) = context(&long, Span::new(100, 103)).unwrap();
        assert_eq!((p.len(), s.len()), (CONTEXT, CONTEXT));
        assert_eq!(context("€", Span::new(1, 1)), None);
    }
}
