//! The article: the visible screen lines, with mentions coloured by kind,
//! the selected entity emphasised, search matches and the cursor marked.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::app::App;
use crate::app::wrap::{Glyph, glyph};
use crate::model::Span;
use crate::store::{Ref, TargetKind};

/// Draws the visible part of the article into its text column.
pub fn draw(app: &App, buf: &mut Buffer) {
    let area = app.areas.text;
    if app.layout.lines.is_empty() {
        let note = super::fit("This article has no text.", usize::from(area.width));
        buf.set_stringn(
            area.x,
            area.y,
            note,
            usize::from(area.width),
            app.theme.styles.muted,
        );
        return;
    }
    let end = (app.top + usize::from(area.height)).min(app.layout.lines.len());
    let marks = Marks {
        noted: noted_spans(app),
        visual: app.visual.map(|v| v.span(&app.doc.text)),
    };
    for (row, &line) in app.layout.lines[app.top.min(end)..end].iter().enumerate() {
        let y = area.y + row as u16;
        buf.set_line(area.x, y, &styled_line(app, line, &marks), area.width);
    }
}

/// What is marked in the text besides mentions and search matches.
struct Marks {
    /// Passages with a note, and every mention of an actor with a note.
    noted: Vec<Span>,
    /// The selection being made.
    visual: Option<Span>,
}

/// The spans of the text that carry a note: a note's own passage, or for
/// a note on an actor, each of its mentions.
pub fn noted_spans(app: &App) -> Vec<Span> {
    let mut out = Vec::new();
    for note in app.store.notes() {
        match (note.target.kind, note.target.resolve(&app.ann)) {
            (TargetKind::Entity, Some(Ref::Entity(e))) => out.extend(
                app.ann.entities[e]
                    .mentions
                    .iter()
                    .map(|&m| app.ann.mentions[m].span),
            ),
            _ => out.extend(note.target.anchor.span()),
        }
    }
    out.sort();
    out
}

/// The style of the character at byte `pos`, given the mention and search
/// match covering it and whether it is noted or selected.
fn style_at(
    app: &App,
    pos: usize,
    mention: Option<usize>,
    matched: Option<Span>,
    (noted, selected): (bool, bool),
) -> Style {
    let st = &app.theme.styles;
    let mut style = st.text;
    if app.title.is_some_and(|t| t.contains(pos)) {
        style = style.patch(st.title);
    }
    if let Some(m) = mention {
        let m = &app.ann.mentions[m];
        style = style.patch(app.theme.kind(app.ann.entities[m.entity].kind));
        if app.selected == Some(m.entity) {
            style = style.patch(st.selected);
        }
    }
    if noted {
        style = style.patch(st.note);
    }
    if matched.is_some() {
        style = style.patch(st.search);
    }
    if let Some(c) = app.cursor.filter(|c| c.span.contains(pos)) {
        style = style.patch(if c.mention.is_some() {
            st.cursor
        } else if matched == Some(c.span) {
            st.search_current
        } else {
            st.target
        });
    }
    if selected {
        style = style.patch(st.visual);
    }
    style
}

/// One screen line, styled run by run.
fn styled_line(app: &App, line: Span, marks: &Marks) -> Line<'static> {
    let text = &app.doc.text;
    let mentions = &app.ann.mentions;
    let matches = &app.search.matches;
    let mut mi = mentions.partition_point(|m| m.span.end <= line.start);
    let mut si = matches.partition_point(|s| s.end <= line.start);
    let mut spans: Vec<TextSpan<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::default();
    let mut col = 0;
    for (off, c) in text[line.start..line.end].char_indices() {
        let pos = line.start + off;
        while mi < mentions.len() && mentions[mi].span.end <= pos {
            mi += 1;
        }
        while si < matches.len() && matches[si].end <= pos {
            si += 1;
        }
        let mention = (mi < mentions.len() && mentions[mi].span.start <= pos).then_some(mi);
        let matched = (si < matches.len() && matches[si].start <= pos).then(|| matches[si]);
        let noted = marks.noted.iter().any(|s| s.contains(pos));
        let selected = marks.visual.is_some_and(|s| s.contains(pos));
        let style = style_at(app, pos, mention, matched, (noted, selected));
        if style != run_style && !run.is_empty() {
            spans.push(TextSpan::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        let (g, w) = glyph(c, col);
        col += w;
        match g {
            Glyph::Char(d) => run.push(d),
            Glyph::Blank => run.extend(std::iter::repeat_n(' ', w)),
        }
    }
    if !run.is_empty() {
        spans.push(TextSpan::styled(run, run_style));
    }
    Line::from(spans)
}
