//! The fixed article and hand-made annotations the reader's frame
//! snapshots are built from (so they do not change when the annotator
//! does), and helpers to drive and inspect the reader.
#![allow(dead_code)]

use gloss::app::wrap::line_width;
use gloss::app::{App, update};
use gloss::document::{Document, Format};
use gloss::keymap::parse_keys;
use gloss::model::{
    Annotations, Commitment, CommitmentKind, Entity, EntityKind, Mention, MentionForm, Quote,
    QuoteKind, Span,
};
use gloss::theme::{Styles, Themes};
use ratatui::buffer::Buffer;

pub const TEXT: &str = "Letter from Pyongyang\n\
On Thursday, the White House said that U.S. President Donald J. Trump had received a new letter from North Korean leader Kim Jong Un.\n\
“I look forward to seeing you soon,” Trump added, suggesting that he may meet Kim a second time this year. The two leaders met in Singapore.\n\
North Korea pledged to work toward the complete denuclearization of the Korean Peninsula, and Kim wrote that talks would go on.\n\
Sarah Sanders of the White House said the letter was “aimed at following up on their meeting in Singapore”.\n";

/// Entities: (kind, name, roles, the texts of its mentions).
pub const ENTITIES: &[(EntityKind, &str, &[&str], &[&str])] = &[
    (EntityKind::Place, "Pyongyang", &[], &["Pyongyang"]),
    (
        EntityKind::Organization,
        "White House",
        &[],
        &["White House"],
    ),
    (
        EntityKind::Person,
        "Donald J. Trump",
        &["U.S. President"],
        &["Donald J. Trump", "Trump"],
    ),
    (
        EntityKind::Person,
        "Kim Jong Un",
        &["North Korean leader"],
        &["Kim Jong Un", "Kim"],
    ),
    (EntityKind::Place, "Singapore", &[], &["Singapore"]),
    (EntityKind::Place, "North Korea", &[], &["North Korea"]),
    (EntityKind::Person, "Sarah Sanders", &[], &["Sarah Sanders"]),
];

pub fn span_of(needle: &str, nth: usize) -> Span {
    let (i, _) = TEXT.match_indices(needle).nth(nth).expect("in the text");
    Span::new(i, i + needle.len())
}

/// The hand-made annotations of [`TEXT`].
pub fn annotations() -> Annotations {
    let mut found: Vec<(Span, usize)> = Vec::new();
    for (e, (_, _, _, forms)) in ENTITIES.iter().enumerate() {
        for form in *forms {
            for (i, _) in TEXT.match_indices(form) {
                let s = Span::new(i, i + form.len());
                if !found.iter().any(|(f, _)| f.overlaps(s)) {
                    found.push((s, e));
                }
            }
        }
    }
    found.sort();
    let mut entities: Vec<Entity> = ENTITIES
        .iter()
        .map(|(kind, name, roles, _)| Entity {
            kind: *kind,
            name: (*name).into(),
            roles: roles.iter().map(|r| (*r).into()).collect(),
            mentions: Vec::new(),
        })
        .collect();
    let mentions = found
        .iter()
        .enumerate()
        .map(|(i, &(span, entity))| {
            entities[entity].mentions.push(i);
            Mention {
                span,
                form: MentionForm::Name,
                entity,
            }
        })
        .collect();
    let pledge = span_of("pledged to", 0);
    Annotations {
        entities,
        mentions,
        links: Vec::new(),
        commitments: vec![Commitment {
            kind: CommitmentKind::Pledge,
            actor: Some(5),
            actor_name: None,
            counterpart: None,
            trigger: pledge,
            content: Span::new(pledge.end + 1, span_of("Korean Peninsula", 0).end),
            sentence: span_of("North Korea pledged", 0),
        }],
        quotes: vec![Quote {
            kind: QuoteKind::Direct,
            speaker: Some(2),
            speaker_name: None,
            cue: Some(span_of("added", 0)),
            span: span_of("I look forward to seeing you soon,", 0),
        }],
        nested: Vec::new(),
    }
}

/// A reader and the themes it is drawn in; it derefs to the [`App`].
pub struct Reader {
    pub app: App,
    pub themes: Themes,
}

impl Reader {
    /// The reader on `app`, in the theme it names of `themes`.
    pub fn new(app: App, themes: Themes) -> Self {
        Self { app, themes }
    }

    /// The frame drawn now.
    pub fn frame(&self) -> Buffer {
        gloss::render::frame(&self.app, &self.themes).unwrap()
    }

    /// The styles of the theme shown.
    pub fn styles(&self) -> &Styles {
        &self.themes.shown(&self.app.theme).styles
    }
}

impl std::ops::Deref for Reader {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl std::ops::DerefMut for Reader {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

/// A reader on [`TEXT`] drawn in `themes`, after `keys`.
pub fn reader(size: (u16, u16), keys: &str, themes: Themes) -> Reader {
    let doc = Document::new(TEXT.to_owned(), "letter.txt", Format::Text);
    let mut app = App::new(doc, annotations(), themes.choice(), size);
    for key in parse_keys(keys).unwrap() {
        let action = app.action_for(key);
        update(&mut app, action);
    }
    Reader::new(app, themes)
}

/// The themes, starting with the dark one.
pub fn dark() -> Themes {
    gloss::theme::choose(Some("dark"), false).unwrap().0
}

/// The screen cells of `span`, which must be on screen (it may wrap).
pub fn cells(app: &App, span: Span) -> Vec<(u16, u16)> {
    let text = &app.doc.text;
    let mut out = Vec::new();
    for line in app.layout.line_of(span.start)..=app.layout.line_of(span.end - 1) {
        assert!(app.line_visible(line), "span on screen");
        let l = app.layout.line(line).expect("a screen line");
        let (from, to) = (span.start.max(l.start), span.end.min(l.end));
        let x0 = app.areas.text.x + line_width(text, Span::new(l.start, from)) as u16;
        let w = line_width(text, Span::new(from, to)) as u16;
        let y = app.areas.text.y + (line - app.top) as u16;
        out.extend((x0..x0 + w).map(|x| (x, y)));
    }
    out
}
