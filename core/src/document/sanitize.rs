//! Neutralising untrusted article text before it reaches a terminal.
//!
//! Article text may hold control characters and escape sequences. Anything
//! that a terminal would interpret is replaced by a visible placeholder of the
//! same width, so an `ESC [ 2 J` in a file shows as `␛[2J` instead of
//! clearing the screen. Newlines and tabs are layout, handled by the wrapper.

use std::borrow::Cow;

/// The visible stand-in for `c` when `c` must not reach a terminal, or `None`
/// when `c` is safe to print as it is. Newline and tab count as unsafe here;
/// callers that lay out text handle them before asking.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        // C0 controls map onto the Control Pictures block: ESC → ␛.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('␡'),
        // C1 controls (CSI is U+009B) and bidirectional overrides and isolates,
        // which can reorder what a reader sees. The bidirectional marks (U+200E,
        // U+200F, U+061C) stay: they act like any right-to-left or left-to-right
        // letter, reorder nothing a letter could not, and are common in Arabic
        // and Hebrew text.
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some('�'),
        _ => None,
    }
}

/// `line` with every unsafe character replaced by its placeholder; borrowed
/// when nothing needed replacing.
pub fn clean_line(line: &str) -> Cow<'_, str> {
    if line.chars().all(|c| placeholder(c).is_none()) {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(line.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(clean_line("a\u{1b}[2Jb"), "a␛[2Jb");
        assert_eq!(clean_line("x\u{9b}31m"), "x�31m");
        assert_eq!(clean_line("bell\u{7}"), "bell␇");
        assert_eq!(clean_line("del\u{7f}"), "del␡");
        assert_eq!(clean_line("rtl\u{202e}x"), "rtl�x");
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(clean_line("Kim Jong Un “said”"), Cow::Borrowed(_)));
    }
}
