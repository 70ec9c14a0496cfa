//! Web addresses written out in plain text (`https://example.org/a`), kept
//! as links ([`MarkKind::Link`]) as Markdown and HTML links are, so that the
//! reader can walk and open them in a plain-text article too (newsboat's
//! rendered articles list theirs as `[1]: https://…`).

use super::{Mark, MarkKind};
use crate::model::Span;

/// The bare `http://` and `https://` addresses of `text`, in order: from
/// the scheme to the first space, control character, quote or angle
/// bracket, without the punctuation that ends a sentence after it (a
/// closing bracket stays when the address opened one).
pub fn bare_links(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&text.as_bytes()[from..], b"http") {
        let start = from + i;
        let rest = &text[start..];
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|s| rest.starts_with(s))
            .map_or(0, str::len);
        // "http" inside a word ("xhttp://") is not an address.
        let in_word = text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if scheme == 0 || in_word {
            from = start + 4;
            continue;
        }
        let len = rest
            .find(|c: char| c.is_whitespace() || c.is_control() || "<>\"“”‘’`".contains(c))
            .unwrap_or(rest.len());
        let mut url = &rest[..len];
        loop {
            let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_']);
            let closes = |open: char, close: char| {
                trimmed.ends_with(close)
                    && trimmed.matches(open).count() < trimmed.matches(close).count()
            };
            let trimmed = if closes('(', ')') || closes('[', ']') {
                &trimmed[..trimmed.len() - 1]
            } else {
                trimmed
            };
            if trimmed.len() == url.len() {
                break;
            }
            url = trimmed;
        }
        if url.len() > scheme {
            out.push(Mark {
                kind: MarkKind::Link {
                    url: url.to_owned(),
                },
                span: Span::new(start, start + url.len()),
            });
        }
        from = start + url.len().max(4);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        bare_links(text)
            .iter()
            .map(|m| m.span.slice(text))
            .collect()
    }

    #[test]
    fn addresses_end_where_the_sentence_goes_on() {
        assert_eq!(
            urls(
                "See https://example.org/a?b=1. Or (http://x.org/y), [1]: https://w.org/Foo_(bar)"
            ),
            [
                "https://example.org/a?b=1",
                "http://x.org/y",
                "https://w.org/Foo_(bar)"
            ]
        );
        assert_eq!(
            urls("“https://q.org/”, <https://a.b/c>"),
            ["https://q.org/", "https://a.b/c"]
        );
        for none in [
            "http",
            "https://",
            "xhttps://a.org",
            "the http protocol",
            "https://.",
        ] {
            assert!(urls(none).is_empty(), "{none}");
        }
        let m = &bare_links("go to https://é.org/ö now")[0];
        assert_eq!(
            m.kind,
            MarkKind::Link {
                url: "https://é.org/ö".into()
            }
        );
    }
}
