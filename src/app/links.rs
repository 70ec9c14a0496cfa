//! Links: Markdown and HTML links keep their targets in the document
//! ([`MarkKind::Link`]); `]l` `[l` walk them and `o` opens the one under
//! the cursor in the browser ([`Effect::Open`]; the front end runs
//! `$BROWSER`, else the system's opener, never through a shell).
//!
//! Only `http`, `https` and `mailto` links are opened: an article is
//! untrusted, and a `file:` or `javascript:` link, or one that reads like
//! an option to the browser, must not run anything.

use super::view::{jump_to, step};
use super::{App, Command, Cursor, Effect};
use crate::document::MarkKind;
use crate::document::sanitize::{clean_line, placeholder};
use crate::model::Span;

/// The links of the article, in order: their text and their target.
pub fn links(app: &App) -> impl Iterator<Item = (Span, &str)> {
    app.doc.marks.iter().filter_map(|m| match &m.kind {
        MarkKind::Link { url } => Some((m.span, url.as_str())),
        _ => None,
    })
}

/// The link at byte `at`, if any.
pub fn link_at(app: &App, at: usize) -> Option<(Span, &str)> {
    links(app).find(|(s, _)| s.contains(at))
}

/// `]l` / `[l`: the next or previous link, wrapping.
pub(super) fn walk(app: &mut App, forward: bool) {
    let spans: Vec<Span> = links(app).map(|(s, _)| s).collect();
    if spans.is_empty() {
        app.message = "this article has no links".into();
        return;
    }
    let (i, wrapped) = step(&spans, app.reading_pos(), forward);
    jump_to(
        app,
        Cursor {
            span: spans[i],
            mention: None,
        },
    );
    let url = links(app).nth(i).map_or("", |(_, u)| u);
    app.message = format!(
        "link {}/{} · {} · {} opens it{}",
        i + 1,
        spans.len(),
        clean_line(url),
        app.keymap.hint(Command::OpenLink),
        if wrapped { " · wrapped" } else { "" }
    );
}

/// `o`: opens the link under the cursor (or the selection's start).
pub(super) fn open(app: &mut App) {
    let at = match (app.visual, app.cursor_on_screen()) {
        (Some(v), _) => Some(v.span(&app.doc.text).start),
        (None, Some(c)) => Some(c.span.start),
        (None, None) => None,
    };
    let Some((_, url)) = at.and_then(|at| link_at(app, at)) else {
        app.message = app
            .keymap
            .fill("no link under the cursor · {next_link} goes to the next link");
        return;
    };
    let url = url.trim().to_owned();
    let shown = clean_line(&url).into_owned();
    if !openable(&url) {
        app.message = format!("gloss opens only http, https and mailto links, not “{shown}”");
        return;
    }
    app.message = format!("opening {shown}");
    app.effects.push(Effect::Open(url));
}

/// True for a URL gloss hands to a browser: `http:`, `https:` or `mailto:`
/// (any case), with no whitespace or control characters in it.
pub fn openable(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("http" | "https" | "mailto"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || placeholder(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_open() {
        assert!(openable("https://example.org/a?b=c#d"));
        assert!(openable("HTTP://example.org"));
        assert!(openable("mailto:desk@example.org"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "/relative/path",
            "--new-window",
            "https://exa mple.org",
            "https://example.org/\u{1b}[2J",
            "https://example.org/\u{202e}gpj.exe",
            "",
        ] {
            assert!(!openable(bad), "{bad}");
        }
    }
}
