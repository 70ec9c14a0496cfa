//! A Markdown report a person would paste into their own notes: title and
//! source, actors, commitments grouped by actor, quotes grouped by speaker.
//!
//! The output is CommonMark (no tables or other extensions), deterministic,
//! and every piece of article text is escaped so it cannot break the markup.

use std::fmt::Write as _;

use crate::document::{Document, sanitize};
use crate::model::{Annotations, EntityKind, Span};
use crate::store::{NoteJson, TargetKind};

/// `s` as inline CommonMark text: whitespace runs (tabs, line breaks)
/// folded to one space, control characters made visible, and every
/// character with a markup meaning backslash-escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = sanitize::placeholder(c).unwrap_or(c);
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '!' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // Characters that would open a block at the start of a line.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['#', '+', '-', '=', '>']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn heading_for(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
    }
}

/// Groups item indices by a display key, keeping the order of each key's
/// first item.
fn grouped<T>(items: &[T], key: impl Fn(&T) -> String) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let k = key(item);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, v)) => v.push(i),
            None => groups.push((k, vec![i])),
        }
    }
    groups
}

/// The report for `doc`, `ann` and the reader's `notes`.
pub fn export(doc: &Document, ann: &Annotations, notes: &[NoteJson]) -> String {
    let mut out = String::new();
    write_header(&mut out, doc);
    write_actors(&mut out, ann);
    write_commitments(&mut out, &doc.text, ann);
    write_quotes(&mut out, &doc.text, ann);
    write_notes(&mut out, ann, notes);
    out
}

/// The title, and where the article comes from.
fn write_header(out: &mut String, doc: &Document) {
    let title = if doc.title.is_empty() {
        &doc.source
    } else {
        &doc.title
    };
    let _ = writeln!(out, "# {}\n", escape(title));
    let _ = writeln!(out, "- Source: {}", escape(&doc.source));
    let _ = writeln!(
        out,
        "- Length: {}",
        plural(doc.char_len(), "character", "characters")
    );
    let _ = writeln!(out, "- Annotated by gloss {}", env!("CARGO_PKG_VERSION"));
}

/// The actors by kind, with their roles and how often they are mentioned.
fn write_actors(out: &mut String, ann: &Annotations) {
    out.push_str("\n## Actors\n");
    if ann.entities.is_empty() {
        out.push_str("\nNo actors found.\n");
    }
    for kind in EntityKind::ALL {
        let members: Vec<_> = (0..ann.entities.len())
            .filter(|&i| ann.entities[i].kind == kind && ann.is_actor(i))
            .map(|i| &ann.entities[i])
            .collect();
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {}\n", heading_for(kind));
        for e in members {
            let _ = write!(out, "- **{}**", escape(&e.name));
            if !e.roles.is_empty() {
                let roles: Vec<String> = e.roles.iter().map(|r| escape(r)).collect();
                let _ = write!(out, " — {}", roles.join("; "));
            }
            let _ = writeln!(
                out,
                " ({})",
                plural(e.mentions.len(), "mention", "mentions")
            );
        }
    }
}

/// The name an act's agent goes under: its entity's, the text's, or
/// "Unattributed".
fn agent(ann: &Annotations, id: Option<usize>, fallback: &Option<String>) -> String {
    ann.agent_name(id, fallback)
        .unwrap_or("Unattributed")
        .to_owned()
}

/// `s` of `text` in quotation marks.
fn quoted(text: &str, s: Span) -> String {
    format!("“{}”", escape(s.slice(text)))
}

/// The commitments, by actor.
fn write_commitments(out: &mut String, text: &str, ann: &Annotations) {
    out.push_str("\n## Commitments\n");
    if ann.commitments.is_empty() {
        out.push_str("\nNo commitments found.\n");
    }
    for (actor, items) in grouped(&ann.commitments, |c| agent(ann, c.actor, &c.actor_name)) {
        let _ = writeln!(out, "\n### {}\n", escape(&actor));
        for i in items {
            let c = &ann.commitments[i];
            let _ = write!(
                out,
                "- *{}* ({}): {}",
                c.kind.as_str(),
                escape(c.trigger.slice(text)),
                quoted(text, c.content)
            );
            if let Some(cp) = c.counterpart {
                let _ = write!(out, " — with {}", escape(&ann.entities[cp].name));
            }
            out.push('\n');
        }
    }
}

/// The quotes, by speaker.
fn write_quotes(out: &mut String, text: &str, ann: &Annotations) {
    out.push_str("\n## Quotes\n");
    if ann.quotes.is_empty() {
        out.push_str("\nNo quotes found.\n");
    }
    for (speaker, items) in grouped(&ann.quotes, |q| agent(ann, q.speaker, &q.speaker_name)) {
        let _ = writeln!(out, "\n### {}\n", escape(&speaker));
        for i in items {
            let q = &ann.quotes[i];
            let _ = writeln!(out, "- *{}*: {}", q.kind.as_str(), quoted(text, q.span));
        }
    }
}

/// What a note is attached to, for its heading.
fn note_subject(ann: &Annotations, note: &NoteJson) -> String {
    let entity = || {
        let key = note.target.reference.as_deref()?;
        let i: usize = key.strip_prefix('e')?.parse().ok()?;
        ann.entities.get(i.checked_sub(1)?).map(|e| escape(&e.name))
    };
    match note.target.kind {
        TargetKind::Span => "passage".to_owned(),
        TargetKind::Mention => entity().map_or("mention".to_owned(), |n| format!("mention of {n}")),
        TargetKind::Entity => entity().unwrap_or_else(|| "actor".to_owned()),
        TargetKind::Commitment => {
            format!(
                "commitment {}",
                note.target.reference.as_deref().unwrap_or("(gone)")
            )
        }
        TargetKind::Quote => format!(
            "quote {}",
            note.target.reference.as_deref().unwrap_or("(gone)")
        ),
    }
}

/// The Notes section: each note with its quoted passage, body and tags.
fn write_notes(out: &mut String, ann: &Annotations, notes: &[NoteJson]) {
    out.push_str("\n## Notes\n");
    if notes.is_empty() {
        out.push_str("\nNo notes.\n");
    }
    for n in notes {
        let orphan = if n.orphan {
            " (not found in the current text)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\n### {} — on {}{orphan}\n",
            escape(&n.id),
            note_subject(ann, n)
        );
        let _ = writeln!(out, "> {}\n", escape(&n.target.exact));
        for para in n
            .body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let lines: Vec<String> = para.lines().map(escape).collect();
            // A backslash at the end of a line is a hard line break.
            let _ = writeln!(out, "{}\n", lines.join("\\\n"));
        }
        if !n.tags.is_empty() {
            let tags: Vec<String> = n.tags.iter().map(|t| escape(t)).collect();
            let _ = writeln!(out, "Tags: {}", tags.join(", "));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("*bold* _it_ `code` [link](x) <b>"),
            "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\>"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("- no"), "\\- no");
        assert_eq!(escape("a\tb\n\nc"), "a b c");
        assert_eq!(escape("esc\u{1b}[2J"), "esc␛\\[2J");
        assert_eq!(escape("AT&T"), "AT\\&T");
    }
}
