//! The article changed on disk: the front end read and annotated it again
//! (in the background) and hands it over with [`Event::ArticleChanged`].
//! The notes and corrections move to the new text by quote and context
//! ([`crate::store::Store::rebase`]); so do the reading position (the top
//! of the screen), the cursor, the marks and the jump history, by the text
//! they stand on rather than their line number; the selected actor stays
//! selected when it is still there, found by name.
//!
//! [`Event::ArticleChanged`]: super::Event::ArticleChanged

use std::sync::Arc;

use super::notes::refresh;
use super::view::{select_entity, set_top};
use super::wrap::Layout;
use super::{App, Cursor, Jump, Reloaded, search};
use crate::document::Document;
use crate::model::{Annotations, EntityId, Span};
use crate::store::Anchor;
use crate::store::anchor::{AnchorRecord, Placer};

/// Bytes of text after a position that stand for it when it is placed in
/// the new text.
const PROBE: usize = 48;

/// Takes in the article `r`, read again from disk.
pub(super) fn article(app: &mut App, r: Reloaded) {
    let Reloaded { doc, ann } = r;
    if doc.text == app.doc.text {
        return;
    }
    let old = std::mem::replace(&mut app.doc, doc);
    let mover = Mover::new(&old, &app.doc);
    // Everything that points into the text, placed in the new one.
    let top = mover.byte(app.top_byte());
    let entity = |e: Option<EntityId>| e.map(|e| app.ann.entities[e].name.clone());
    let cursor = app.cursor.and_then(|c| mover.span(c.span));
    let selected = entity(app.selected);
    let jump = |j: &Jump| {
        (
            j.cursor.and_then(|c| mover.span(c.span)),
            mover.byte(j.top_byte),
            entity(j.selected),
        )
    };
    let marks: Vec<_> = app.marks.iter().map(|m| m.as_ref().map(jump)).collect();
    let back: Vec<_> = app.back.iter().map(jump).collect();
    let forward: Vec<_> = app.forward.iter().map(jump).collect();
    drop(mover);

    let orphans = app.store.rebase(Arc::clone(&app.doc.text));
    app.store.hide(app.doc.code_spans());
    app.auto = ann;
    app.annotating = None;
    app.title = super::title_line(&app.doc);
    app.visual = None;
    app.selected = None;
    app.cursor = None;
    // Laid out again for the new text (a default layout has no lines).
    app.layout = Layout::default();
    refresh(app);
    app.search.matches = search::find_all(&app.doc.text, &app.search.query);

    let find = |name: Option<String>, ann: &Annotations| {
        name.and_then(|n| ann.entities.iter().position(|e| e.name == n))
    };
    let to_cursor = |span: Option<Span>, ann: &Annotations| {
        span.map(|span| Cursor {
            span,
            mention: ann
                .mention_at(span.start)
                .filter(|&m| ann.mentions[m].span == span),
        })
    };
    let to_jump = |(cursor, top, selected): (Option<Span>, Option<usize>, Option<String>)| Jump {
        cursor: to_cursor(cursor, &app.ann),
        top_byte: top.unwrap_or(0),
        selected: find(selected, &app.ann),
    };
    let marks: Vec<Option<Jump>> = marks.into_iter().map(|m| m.map(to_jump)).collect();
    app.back = back.into_iter().map(to_jump).collect();
    app.forward = forward.into_iter().map(to_jump).collect();
    for (slot, m) in app.marks.iter_mut().zip(marks) {
        *slot = m;
    }
    app.cursor = to_cursor(cursor, &app.ann);
    if let Some(e) = find(selected, &app.ann) {
        select_entity(app, e);
    }
    set_top(app, app.layout.line_of(top.unwrap_or(0)));
    app.message = match orphans {
        0 => "the article changed on disk: reloaded, notes and place kept".into(),
        n => format!(
            "the article changed on disk: reloaded; {n} note(s) or correction(s) \
             could not be placed (orphans, in the Notes tab)"
        ),
    };
}

/// Places spans and positions of one text in another, by their text and
/// context, as notes are re-anchored.
struct Mover<'a> {
    old: &'a Document,
    placer: Placer<'a>,
}

impl<'a> Mover<'a> {
    fn new(old: &'a Document, new: &'a Document) -> Self {
        Self {
            old,
            placer: Placer::new(&new.text, &new.chars, false),
        }
    }

    /// The anchor record of `span` of the old text.
    fn record(&self, span: Span) -> Option<AnchorRecord> {
        let a = Anchor::new(&self.old.text, span)?;
        Some(a.record(&self.old.text, &self.old.chars))
    }

    /// Where `span` of the old text is in the new one; an empty span is a
    /// position.
    fn span(&self, span: Span) -> Option<Span> {
        if span.is_empty() {
            return self.byte(span.start).map(|b| Span::new(b, b));
        }
        self.placer.place(&self.record(span)?).span()
    }

    /// Where byte `at` of the old text is in the new one: found by the
    /// text after it (before it, at the very end).
    fn byte(&self, at: usize) -> Option<usize> {
        let text = &self.old.text;
        let at = at.min(text.len());
        if at < text.len() {
            let end = floor(text, (at + PROBE).min(text.len()));
            let end = if end > at { end } else { text.len() };
            self.span(Span::new(at, end)).map(|s| s.start)
        } else {
            let start = floor(text, at.saturating_sub(PROBE));
            self.span(Span::new(start, at)).map(|s| s.end)
        }
    }
}

/// `at`, moved back to the start of the character it is in.
fn floor(text: &str, at: usize) -> usize {
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}
