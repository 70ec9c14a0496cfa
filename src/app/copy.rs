//! Copying for a report: `y` copies the selection, else the quote,
//! commitment or mention under the cursor (in the side pane: the selected
//! item), as plain text; `Y` copies it as a Markdown citation naming the
//! speaker or actor, the article's title and its source. The front end puts
//! it on the clipboard with OSC 52 ([`Effect::Copy`]).
//!
//! The text copied is made safe as everything gloss sends to a terminal is
//! (control and bidirectional-override characters become their visible
//! placeholders), and the line breaks of hard-wrapped text are joined, so
//! a passage pastes as the sentence it is; paragraph breaks stay.

use super::visual::Visual;
use super::{ActorRow, App, Effect, Focus, Tab};
use crate::annotate::Sentences;
use crate::document::sanitize::placeholder;
use crate::model::{Annotations, Span};

/// What is copied: a passage and whose words or acts they are.
struct Passage {
    /// The text, as it is in the article.
    text: String,
    /// What it is, for the status line ("quote 2/7").
    what: String,
    /// The speaker of a quote, the actor of a commitment or mention.
    who: Option<String>,
}

/// `y` (`citation` false) and `Y`.
pub(super) fn copy(app: &mut App, citation: bool) {
    let Some(p) = passage(app, citation) else {
        app.message = app.keymap.fill(
            "nothing to copy here: select text with {select_text}, or go to a quote \
             ({next_quote}), a commitment ({next_commitment}) or a mention ({next_entity_mention})",
        );
        return;
    };
    let body = clean(&p.text);
    let out = if citation {
        cite(app, &body, p.who.as_deref())
    } else {
        body
    };
    let n = out.chars().count();
    let who = p.who.map_or_else(String::new, |w| format!(" ({w})"));
    let how = if citation {
        " as a Markdown citation"
    } else {
        ""
    };
    app.message = crate::document::sanitize::clean_line(&format!(
        "copied {}{who}{how} · {n} characters",
        p.what
    ))
    .into_owned();
    app.effects.push(Effect::Copy(out));
    app.visual = None;
}

/// What `y` copies now, if anything. A citation of a mention cites the
/// sentence it is in.
fn passage(app: &App, citation: bool) -> Option<Passage> {
    if let Some(v) = app.visual {
        return Some(selection(&app.doc.text, &app.ann, v));
    }
    if app.focus == Focus::Side {
        return side_item(app);
    }
    at_cursor(app, citation)
}

/// The text selection `v`; inside a quote, the speaker's words.
fn selection(text: &str, ann: &Annotations, v: Visual) -> Passage {
    let span = v.span(text);
    let who = (ann.quotes.iter())
        .find(|q| q.span.start <= span.start && span.end <= q.span.end)
        .and_then(|q| name(ann, q.speaker, &q.speaker_name));
    Passage {
        text: span.slice(text).to_owned(),
        what: "the selection".into(),
        who,
    }
}

/// The side pane's highlighted item: an actor's name, a commitment or a
/// quote.
fn side_item(app: &App) -> Option<Passage> {
    let (text, ann) = (&app.doc.text, &app.ann);
    let row = app.lists[app.tab.index()].selected;
    match app.tab {
        Tab::Actors => match app.actor_rows.get(row) {
            Some(&ActorRow::Entity(e)) => Some(Passage {
                text: ann.entities[e].name.clone(),
                what: "the actor's name".into(),
                who: None,
            }),
            _ => None,
        },
        Tab::Commitments => {
            (row < ann.commitments.len()).then(|| commitment_passage(text, ann, row))
        }
        Tab::Quotes => (row < ann.quotes.len()).then(|| quote_passage(text, ann, row)),
        Tab::Notes => None,
    }
}

/// What is at the cursor, when it is on screen: the quote or commitment it
/// was walked to, else the mention under it (its sentence for a
/// `citation`), else the quote or the commitment's sentence holding it.
fn at_cursor(app: &App, citation: bool) -> Option<Passage> {
    let (text, ann) = (&app.doc.text, &app.ann);
    let c = app.cursor_on_screen()?;
    let pos = c.span.start;
    if let Some(i) = ann.quotes.iter().position(|q| q.span == c.span) {
        return Some(quote_passage(text, ann, i));
    }
    if let Some(i) = ann
        .commitments
        .iter()
        .position(|k| k.shown_span() == c.span)
    {
        return Some(commitment_passage(text, ann, i));
    }
    if let Some(m) = app.mention_under_cursor() {
        let mention = &ann.mentions[m];
        let span = if citation {
            sentence_at(text, mention.span)
        } else {
            mention.span
        };
        return Some(Passage {
            text: span.slice(text).to_owned(),
            what: "a mention".into(),
            who: Some(ann.entities[mention.entity].name.clone()),
        });
    }
    if let Some(i) = ann.quotes.iter().position(|q| q.span.contains(pos)) {
        return Some(quote_passage(text, ann, i));
    }
    (ann.commitments.iter())
        .position(|k| k.sentence.contains(pos))
        .map(|i| commitment_passage(text, ann, i))
}

/// Quote `i`, with its speaker.
fn quote_passage(text: &str, ann: &Annotations, i: usize) -> Passage {
    let q = &ann.quotes[i];
    Passage {
        text: q.span.slice(text).to_owned(),
        what: format!("quote {}/{}", i + 1, ann.quotes.len()),
        who: name(ann, q.speaker, &q.speaker_name),
    }
}

/// Commitment `i`, with its actor.
fn commitment_passage(text: &str, ann: &Annotations, i: usize) -> Passage {
    let c = &ann.commitments[i];
    Passage {
        text: c.shown_span().slice(text).to_owned(),
        what: format!("{} {}/{}", c.kind.as_str(), i + 1, ann.commitments.len()),
        who: name(ann, c.actor, &c.actor_name),
    }
}

/// The name of actor `e`, else the name given in the text (`fallback`).
fn name(ann: &Annotations, e: Option<usize>, fallback: &Option<String>) -> Option<String> {
    e.map(|e| ann.entities[e].name.clone())
        .or_else(|| fallback.clone())
}

/// The sentence holding `span`, found in its paragraph.
fn sentence_at(text: &str, span: Span) -> Span {
    let start = text[..span.start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[span.end..]
        .find("\n\n")
        .map_or(text.len(), |i| span.end + i);
    let para = &text[start..end];
    Sentences::new(para)
        .at(span.start - start)
        .map_or(span, |s| Span::new(start + s.start, start + s.end))
}

/// `s` made safe for a terminal and a paste: control and bidirectional
/// override characters become their placeholders (tabs stay, carriage
/// returns go), the lines of
/// a paragraph are joined with single spaces, and paragraphs are separated
/// by one blank line.
pub fn clean(s: &str) -> String {
    let safe: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(c),
            // Line ends are `\n`; a carriage return adds nothing to a paste.
            '\r' => None,
            c => Some(placeholder(c).unwrap_or(c)),
        })
        .collect();
    let paragraphs: Vec<String> = safe
        .split("\n\n")
        .map(|p| {
            p.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// `body` as a Markdown citation: a block quote, then a line naming `who`,
/// the article's title and its source (a link for a URL, else the file as
/// it was named).
fn cite(app: &App, body: &str, who: Option<&str>) -> String {
    let mut out = String::new();
    for line in body.lines() {
        out.push_str(if line.is_empty() { ">" } else { "> " });
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(">\n> — ");
    if let Some(who) = who {
        out.push_str(&escape(&clean(who)));
        out.push_str(", ");
    }
    let title = escape(&clean(&app.doc.title));
    let source = clean(&app.doc.source);
    if source.contains("://") {
        out.push_str(&format!("[{title}](<{source}>)"));
    } else {
        out.push_str(&format!("*{title}* (`{}`)", source.replace('`', "'")));
    }
    out.push('\n');
    out
}

/// `s` with the characters Markdown would read as markup escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '[' | ']' | '`' | '<' | '>' | '\\' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_text_is_safe_and_joined() {
        assert_eq!(
            clean("We will\r\n  meet again.\r\n\r\nSoon\u{1b}[2J \u{202e}x"),
            "We will meet again.\n\nSoon␛[2J �x"
        );
        assert_eq!(clean("a\tb"), "a\tb");
        assert_eq!(clean("\n\n  \n"), "");
    }

    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(escape("A*B_[c]"), "A\\*B\\_\\[c\\]");
    }
}
