//! The article: the visible screen lines, with mentions coloured by kind,
//! the selected entity emphasised, search matches and the cursor marked.
//! Markdown and HTML articles are styled by their blocks (headings, code,
//! quotes with a bar in the gutter, list items hanging under their marker)
//! and inline marks (emphasis, strong, code, links) under the highlights; a
//! header row above the text names their title, byline and date.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::app::App;
use crate::app::wrap::{Glyph, Gutter, LineKind, QUOTE_BAR, glyph};
use crate::document::{Format, Mark, MarkKind};
use crate::model::Span;
use crate::theme::Theme;

/// Draws the visible part of the article into its text column.
pub fn draw(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.areas.text;
    if app.layout.is_empty() {
        let note = super::fit("This article has no text.", usize::from(area.width));
        buf.set_stringn(
            area.x,
            area.y,
            note,
            usize::from(area.width),
            theme.styles.muted,
        );
        return;
    }
    header(app, theme, buf);
    let end = (app.top + usize::from(area.height)).min(app.layout.len());
    let visual = app.visual.map(|v| v.span(&app.doc.text));
    let top = app.top.min(end);
    for (row, (line, gutter)) in app.layout.rows(top..end).into_iter().enumerate() {
        let y = area.y + row as u16;
        let mut styled = gutter_spans(theme, gutter);
        styled.extend(styled_line(app, theme, line, gutter, visual));
        buf.set_line(area.x, y, &Line::from(styled), area.width);
    }
}

/// The header row above the article's text, for Markdown and HTML: the
/// title (when the text does not open with it, or once it is scrolled
/// away), the byline and the date.
fn header(app: &App, theme: &Theme, buf: &mut Buffer) {
    let area = app.areas.text;
    let doc = &app.doc;
    if doc.format == Format::Text || area.y == 0 {
        return;
    }
    use unicode_width::UnicodeWidthStr;
    let st = &theme.styles;
    let width = usize::from(area.width);
    let date = doc.readable_date();
    let about: Vec<&str> = [doc.byline.as_deref(), date.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    let about = super::fit(&about.join(" · "), width);
    let mut parts: Vec<TextSpan<'static>> = Vec::new();
    if (app.title.is_none() || app.top > 0) && !doc.title.is_empty() {
        // The title yields room to the byline and date, down to half the row.
        let room = match about.width() {
            0 => width,
            w => width.saturating_sub(w + 3).max(width / 2),
        };
        let title = super::fit(&doc.title, room);
        let left = width.saturating_sub(title.width() + 3);
        parts.push(TextSpan::styled(title, st.title));
        if !about.is_empty() && left > 0 {
            parts.push(TextSpan::styled(
                format!(" · {}", super::fit(&about, left)),
                st.muted,
            ));
        }
    } else if !about.is_empty() {
        parts.push(TextSpan::styled(about, st.muted));
    }
    if !parts.is_empty() {
        buf.set_line(area.x, area.y - 1, &Line::from(parts), area.width);
    }
}

/// What is drawn before a line's text: a bar per enclosing quote, then
/// the indent.
fn gutter_spans(theme: &Theme, g: Gutter) -> Vec<TextSpan<'static>> {
    let mut out = Vec::new();
    if g.quote > 0 {
        let bar = format!("{:<width$}", "│", width = QUOTE_BAR);
        out.push(TextSpan::styled(
            bar.repeat(usize::from(g.quote)),
            theme.styles.quote,
        ));
    }
    if g.indent > 0 {
        out.push(TextSpan::raw(" ".repeat(usize::from(g.indent))));
    }
    out
}

/// The inline marks over any part of `line`. Marks lie inside one block,
/// which is one line of the text, so only marks starting on that line of
/// the text are looked at.
fn marks_on(app: &App, line: Span) -> Vec<&Mark> {
    let text = &app.doc.text;
    let marks = &app.doc.marks;
    let para_start = text[..line.start].rfind('\n').map_or(0, |i| i + 1);
    let end = marks.partition_point(|m| m.span.start < line.end.max(line.start + 1));
    let begin = marks[..end].partition_point(|m| m.span.start < para_start);
    marks[begin..end]
        .iter()
        .filter(|m| m.span.end > line.start)
        .collect()
}

/// The style of a line with `gutter` and of the marks at `pos`, under the highlights.
fn block_style(theme: &Theme, gutter: Gutter, marks: &[&Mark], pos: usize) -> Style {
    let st = &theme.styles;
    let mut style = st.text;
    if gutter.quote > 0 {
        style = style.patch(st.quote);
    }
    match gutter.kind {
        LineKind::Text => {}
        LineKind::Heading(_) => style = style.patch(st.article_heading),
        LineKind::Code => style = style.patch(st.code),
    }
    for m in marks.iter().filter(|m| m.span.contains(pos)) {
        style = style.patch(match m.kind {
            MarkKind::Emphasis => st.emphasis,
            MarkKind::Strong => st.strong,
            MarkKind::Code => st.code,
            MarkKind::Footnote => st.muted,
            MarkKind::Link { .. } => st.link,
        });
    }
    style
}

/// The style of the character at byte `pos`, given the mention and search
/// match covering it and whether it is noted or selected.
fn style_at(
    app: &App,
    theme: &Theme,
    base: Style,
    pos: usize,
    mention: Option<usize>,
    matched: Option<Span>,
    (noted, selected): (bool, bool),
) -> Style {
    let st = &theme.styles;
    let mut style = base;
    if app.title.is_some_and(|t| t.contains(pos)) {
        style = style.patch(st.title);
    }
    if let Some(m) = mention {
        let m = &app.ann.mentions[m];
        style = style.patch(theme.kind(app.ann.entities[m.entity].kind));
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

/// One screen line's text, styled run by run; `visual` is the selection
/// being made.
fn styled_line(
    app: &App,
    theme: &Theme,
    line: Span,
    gutter: Gutter,
    visual: Option<Span>,
) -> Vec<TextSpan<'static>> {
    let text = &app.doc.text;
    let mentions = &app.ann.mentions;
    let matches = &app.search.matches;
    let noted = app.noted.spans();
    let mut mi = mentions.partition_point(|m| m.span.end <= line.start);
    let mut si = matches.partition_point(|s| s.end <= line.start);
    let mut ni = app.noted.first_after(line.start);
    let mut spans: Vec<TextSpan<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_style = Style::default();
    let mut col = 0;
    let structured = app.doc.format != Format::Text;
    let inline = if structured {
        marks_on(app, line)
    } else {
        Vec::new()
    };
    for (off, c) in text[line.start..line.end].char_indices() {
        let pos = line.start + off;
        while mi < mentions.len() && mentions[mi].span.end <= pos {
            mi += 1;
        }
        while si < matches.len() && matches[si].end <= pos {
            si += 1;
        }
        while ni < noted.len() && noted[ni].end <= pos {
            ni += 1;
        }
        let mention = (mi < mentions.len() && mentions[mi].span.start <= pos).then_some(mi);
        let matched = (si < matches.len() && matches[si].start <= pos).then(|| matches[si]);
        let is_noted = noted.get(ni).is_some_and(|s| s.start <= pos);
        let selected = visual.is_some_and(|s| s.contains(pos));
        let base = block_style(theme, gutter, &inline, pos);
        let style = style_at(
            app,
            theme,
            base,
            pos,
            mention,
            matched,
            (is_noted, selected),
        );
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
    spans
}
