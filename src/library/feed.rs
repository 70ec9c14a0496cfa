//! Feeds: RSS, Atom and JSON Feed, read with feed-rs (a maintained parser
//! of all three, RSS 0.9 to 2.0 and RDF included), turned into the
//! library's entries.

use std::sync::Arc;

use super::Entry;
use crate::document::sanitize::clean_line;

/// True when `bytes` look like a feed rather than an article: after a byte
/// order mark, blanks, an XML declaration and comments, an `<rss`, `<feed`
/// or `<rdf:RDF` element, or a JSON object naming the JSON Feed version.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let body = head.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') {
        return body.contains("jsonfeed.org/version");
    }
    let mut rest = body;
    loop {
        rest = rest.trim_start();
        let skip = |open: &str, close: &str| {
            rest.strip_prefix(open)
                .and_then(|r| r.find(close).map(|i| &r[i + close.len()..]))
        };
        match skip("<?xml", "?>")
            .or_else(|| skip("<!--", "-->"))
            .or_else(|| skip("<?xml-stylesheet", "?>"))
        {
            Some(r) => rest = r,
            None => break,
        }
    }
    ["<rss", "<feed", "<rdf:rdf"]
        .iter()
        .any(|tag| rest.starts_with(tag))
}

/// A feed that cannot be parsed: its path or URL and the parser's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{feed}: not a feed gloss can read ({why})")]
pub struct FeedError {
    /// The feed's path or URL.
    pub feed: String,
    /// What the parser found wrong.
    pub why: String,
}

/// The entries of the feed in `bytes`, read from `source` (its path or
/// URL), in the feed's order.
pub fn entries(bytes: &[u8], source: &str) -> Result<Vec<Entry>, FeedError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| FeedError {
        feed: source.to_owned(),
        why: e.to_string(),
    })?;
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| clean_line(t.content.trim()).into_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| source.to_owned());
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, item) in feed.entries.into_iter().enumerate() {
        let link = item
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(item.links.first())
            .map(|l| l.href.trim().to_owned())
            .filter(|h| !h.is_empty());
        let body = item
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty());
        // Without a body or a link, the summary is all there is.
        let body = match (&body, &link) {
            (None, None) => item.summary.map(|s| s.content),
            _ => body,
        };
        let title = item
            .title
            .map(|t| clean_line(t.content.trim()).into_owned())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| format!("item {}", i + 1));
        let date = item.published.or(item.updated).map(|d| d.to_rfc3339());
        let own_source = link
            .clone()
            .unwrap_or_else(|| format!("{source}#{}", i + 1));
        out.push(Entry {
            source: own_source,
            title,
            date,
            origin: feed_title.clone(),
            content: body.map(|b| Arc::from(wrap_html(&b))),
        });
    }
    Ok(out)
}

/// A feed item's body (an HTML fragment, or plain text) as a page the
/// article extractor reads whole.
fn wrap_html(body: &str) -> String {
    let looks_html = body.contains('<') && body.contains('>');
    let inner = if looks_html {
        body.to_owned()
    } else {
        body.split("\n\n")
            .map(|p| format!("<p>{}</p>", escape(p)))
            .collect()
    };
    format!("<!DOCTYPE html><html><body><article>{inner}</article></body></html>")
}

/// `text` with HTML's special characters escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume</title><link>https://example.org/a</link>
<pubDate>Tue, 10 Jun 2025 09:00:00 GMT</pubDate>
<description>Short.</description></item>
<item><title>No link</title><description>Kim met Trump.</description></item>
</channel></rss>"#;

    #[test]
    fn feeds_are_told_from_articles() {
        assert!(looks_like_feed(RSS.as_bytes()));
        assert!(looks_like_feed(
            b"\xEF\xBB\xBF <!-- x --><feed xmlns=\"a\">"
        ));
        assert!(looks_like_feed(
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!looks_like_feed(b"<!DOCTYPE html><html>"));
        assert!(!looks_like_feed(b"{\"a\": 1}"));
        assert!(!looks_like_feed(b"Plain text about <rss"));
    }

    #[test]
    fn items_become_entries_with_a_link_or_their_text() {
        let got = entries(RSS.as_bytes(), "wire.xml").expect("parses");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].source, "https://example.org/a");
        assert_eq!(got[0].title, "Talks resume");
        assert_eq!(got[0].origin, "Wire");
        assert_eq!(got[0].date.as_deref(), Some("2025-06-10T09:00:00+00:00"));
        // A summary with a link: the link is the article.
        assert!(got[0].content.is_none());
        assert_eq!(got[1].source, "wire.xml#2");
        assert!(
            got[1]
                .content
                .as_deref()
                .unwrap()
                .contains("Kim met Trump.")
        );
        let err = entries(b"<html></html>", "x.xml").unwrap_err().to_string();
        assert!(
            err.starts_with("x.xml: not a feed gloss can read ("),
            "{err}"
        );
    }
}
