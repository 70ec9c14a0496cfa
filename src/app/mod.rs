//! The reader's state and its one way of changing: [`update`] applies an
//! [`Action`] to the [`App`]. Drawing (`crate::ui`) only reads the state.

mod action;
pub mod areas;
mod copy;
mod correct;
mod dialog;
mod export;
pub mod goto;
pub mod help;
pub mod library;
pub mod links;
pub mod mouse;
pub mod noted;
mod notes;
pub mod popup;
mod reload;
pub mod search;
pub mod theme_choice;
mod update;
mod view;
pub mod visual;
pub mod wrap;

pub use crate::command::{Command, Mode};
pub use action::{Action, Effect, Event, Reloaded};
pub use areas::Areas;
pub use help::HelpPage;
pub use noted::Noted;
pub use popup::Popup;
pub use theme_choice::{ThemeChoice, ThemeName};
pub use update::update;
pub use visual::{Motion, Visual};

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

use crate::document::Document;
use crate::keymap::{Key, Keymap, Resolved, notation};
use crate::model::{Annotations, EntityId, EntityKind, Span};
use crate::store::Store;
use crate::store::disk::OpenFiles;
use wrap::Layout;

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The article.
    Article,
    /// The side pane.
    Side,
}

/// The side pane's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Actors grouped by kind.
    Actors,
    /// Commitments.
    Commitments,
    /// Quotes.
    Quotes,
    /// Notes.
    Notes,
}

impl Tab {
    /// All tabs, in order.
    pub const ALL: [Tab; 4] = [Tab::Actors, Tab::Commitments, Tab::Quotes, Tab::Notes];

    /// Its name in `render --state`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Tab::Actors => "actors",
            Tab::Commitments => "commitments",
            Tab::Quotes => "quotes",
            Tab::Notes => "notes",
        }
    }

    /// Its label on screen.
    pub const fn title(self) -> &'static str {
        match self {
            Tab::Actors => "Actors",
            Tab::Commitments => "Commitments",
            Tab::Quotes => "Quotes",
            Tab::Notes => "Notes",
        }
    }

    /// Its index in [`Tab::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Where the cursor is: a span of the text, and the mention it is, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The text under the cursor.
    pub span: Span,
    /// The mention (index into `Annotations::mentions`) when on one.
    pub mention: Option<usize>,
}

/// A place to go back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Jump {
    /// The cursor there.
    pub cursor: Option<Cursor>,
    /// The first byte of the top screen line (survives a resize).
    pub top_byte: usize,
    /// The selected entity there.
    pub selected: Option<EntityId>,
}

/// A row of the Actors tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActorRow {
    /// A heading: the kind and how many actors it has.
    Heading(EntityKind, usize),
    /// An actor.
    Entity(EntityId),
}

/// The state of one side pane list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
}

/// The search: what was searched and where it matched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchState {
    /// The query.
    pub query: String,
    /// Its matches, in order.
    pub matches: Vec<Span>,
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct App {
    /// The article.
    pub doc: Document,
    /// What is shown: the annotator's output with the corrections applied.
    pub ann: Annotations,
    /// The annotator's output before corrections (re-corrected after each change).
    pub auto: Annotations,
    /// The notes and corrections, kept in the sidecar.
    pub store: Store,
    /// The text selection, while one is being made.
    pub visual: Option<Visual>,
    /// The open popup (note editor, menu, prompt, question).
    pub popup: Option<Popup>,
    /// The tag the Notes tab is filtered by (empty: all notes).
    pub note_filter: String,
    /// The Notes tab's rows: indexes into the store's notes, placed ones in
    /// text order, then orphans.
    pub note_rows: Vec<usize>,
    /// What carries a note: the noted text and the noted actors.
    pub noted: Noted,
    /// True once the status line has said where notes are saved.
    pub told_where: bool,
    /// Key bindings.
    pub keymap: Keymap,
    /// Which colour theme is shown (the ui holds their styles).
    pub theme: ThemeChoice,
    /// Screen geometry for the current size and focus.
    pub areas: Areas,
    /// The text laid out for the article's width.
    pub layout: Layout,
    /// The first screen line shown.
    pub top: usize,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The open side pane tab.
    pub tab: Tab,
    /// Selection and scroll of each tab's list.
    pub lists: [ListState; 4],
    /// The rows of the Actors tab.
    pub actor_rows: Vec<ActorRow>,
    /// The selected entity, whose mentions are emphasised.
    pub selected: Option<EntityId>,
    /// The cursor.
    pub cursor: Option<Cursor>,
    /// The last search.
    pub search: SearchState,
    /// The search prompt's text while it is open.
    pub prompt: Option<String>,
    /// True when the prompt open is the go-to prompt (`:`), not the search.
    pub prompt_goto: bool,
    /// Where the search prompt was opened: the top line and the byte to
    /// search from. The view previews the first match from there as you type.
    pub prompt_origin: (usize, usize),
    /// The keys typed so far of an unfinished sequence.
    pub pending: Vec<Key>,
    /// A command waiting for the key that names its mark (`m`, `'`).
    pub awaiting: Option<Command>,
    /// The marks `a`–`z`.
    pub marks: [Option<Jump>; goto::MARKS],
    /// What the front end is to do after this `update` (copy, open a link).
    pub effects: Vec<Effect>,
    /// The help overlay's scroll, while it is open.
    pub help: Option<usize>,
    /// True when the overlay open (`help`) lists the messages, not the keys.
    pub help_shows_messages: bool,
    /// The last status line messages, oldest first (at most [`MESSAGE_LOG`]).
    pub messages: Vec<String>,
    /// The status line message.
    pub message: String,
    /// Places to go back to (last is most recent).
    pub back: Vec<Jump>,
    /// Places to go forward to.
    pub forward: Vec<Jump>,
    /// Set when the reader should quit.
    pub quit: bool,
    /// A line to print on standard error once the reader has closed (where
    /// notes that could not be saved were written), since the screen that
    /// said so is gone by then.
    pub farewell: Option<String>,
    /// The files read for the article (the article, its sidecar, an
    /// `--annotations` file): an export never replaces them.
    pub open_files: OpenFiles,
    /// The folder that relative export paths are written into; empty (the
    /// default) for the working folder. Tests point it elsewhere.
    pub folder: PathBuf,
    /// The article's file, which the front end watches for changes (see
    /// `crate::watch`): `None` when it is not a file of its own, or comes
    /// with `--annotations`.
    pub article_file: Option<std::path::PathBuf>,
    /// The article's first line, when it is its title.
    pub title: Option<Span>,
    /// While the annotator runs in the background on a large article, how
    /// far it is, in percent: the text shows without highlights until
    /// [`Event::Annotated`].
    pub annotating: Option<u8>,
    /// The library this article belongs to (a folder, a feed, several
    /// files, or the articles `A` found), if any.
    pub library: Option<Box<library::Library>>,
    /// The library's index (`gloss.sqlite`), which `A` asks; `None` (the
    /// default, and in tests) when the front end gave none.
    pub index: Option<std::path::PathBuf>,
}

impl App {
    /// A reader on `doc` with its annotations, for a `width` × `height`
    /// screen; notes and corrections are kept in memory only.
    pub fn new(doc: Document, ann: Annotations, theme: ThemeChoice, size: (u16, u16)) -> Self {
        let mut store = Store::in_memory(Arc::clone(&doc.text));
        store.hide(doc.code_spans());
        Self::with_store(doc, store, ann, theme, size)
    }

    /// A reader on `doc` with its notes and corrections in `store`, over the
    /// annotator's output `auto`.
    pub fn with_store(
        doc: Document,
        store: Store,
        auto: Annotations,
        theme: ThemeChoice,
        size: (u16, u16),
    ) -> Self {
        let ann = store.annotations(&auto);
        let noted = Noted::new(&store, &ann);
        let actor_rows = actor_rows(&ann);
        let first_actor = actor_rows
            .iter()
            .position(|r| matches!(r, ActorRow::Entity(_)))
            .unwrap_or(0);
        let title = title_line(&doc);
        let store_files = store.open_files().clone();
        let keymap = Keymap::default_keymap();
        // Warnings about the file show in the status line instead of the hint.
        let hint = if doc.warnings.is_empty() {
            start_hint(&keymap)
        } else {
            String::new()
        };
        let mut app = App {
            doc,
            ann,
            auto,
            store,
            visual: None,
            popup: None,
            note_filter: String::new(),
            note_rows: Vec::new(),
            noted,
            told_where: false,
            keymap,
            theme,
            areas: Areas::default(),
            layout: Layout::default(),
            top: 0,
            focus: Focus::Article,
            tab: Tab::Actors,
            lists: [ListState::default(); 4],
            actor_rows,
            selected: None,
            cursor: None,
            search: SearchState::default(),
            prompt: None,
            prompt_goto: false,
            prompt_origin: (0, 0),
            pending: Vec::new(),
            awaiting: None,
            marks: [None; goto::MARKS],
            effects: Vec::new(),
            help: None,
            help_shows_messages: false,
            messages: Vec::new(),
            message: hint,
            back: Vec::new(),
            forward: Vec::new(),
            quit: false,
            farewell: None,
            open_files: store_files,
            folder: PathBuf::new(),
            article_file: None,
            title,
            annotating: None,
            library: None,
            index: None,
        };
        app.lists[Tab::Actors.index()].selected = first_actor;
        app.note_rows = notes::rows(&app);
        update(&mut app, Event::Resize(size.0, size.1).into());
        app
    }

    /// The keymap modes keys are read in now, first first: a popup's, the
    /// prompt's, the selection's over the normal one, or the normal one.
    pub fn modes(&self) -> &'static [Mode] {
        match &self.popup {
            Some(Popup::Editor(e)) if !e.confirm_discard => Mode::Editor.layers(),
            Some(Popup::Input { .. } | Popup::Picker(_)) => Mode::Prompt.layers(),
            Some(_) => Mode::Popup.layers(),
            None if self.prompt.is_some() => Mode::Prompt.layers(),
            None if self.visual.is_some() && self.help.is_none() => Mode::Visual.layers(),
            None => Mode::Normal.layers(),
        }
    }

    /// What the key `key` means now: a binding of the current [`App::modes`]
    /// (possibly after earlier keys), a menu's letter, or text typed into a
    /// prompt or the editor.
    pub fn action_for(&self, key: Key) -> Action {
        let modes = self.modes();
        if self.awaiting.is_some() {
            return Event::Typed(key).into();
        }
        let menu_letter = match (&self.popup, key.code) {
            (Some(Popup::Menu { items, .. }), KeyCode::Char(c)) => {
                key.mods.is_empty() && items.iter().any(|i| i.key == c)
            }
            _ => false,
        };
        if menu_letter && self.pending.is_empty() {
            return Event::Typed(key).into();
        }
        let typing = !modes.contains(&Mode::Normal);
        let mut seq = self.pending.clone();
        seq.push(key);
        match self.keymap.resolve_in(modes, &seq) {
            Resolved::Command(c) => c.into(),
            Resolved::Pending => Event::Pending(seq).into(),
            Resolved::Unbound if typing => Event::Typed(key).into(),
            Resolved::Unbound
                if !self.pending.is_empty()
                    && self.keymap.resolve_in(modes, &[key])
                        == Resolved::Command(Command::Cancel) =>
            {
                Command::Cancel.into()
            }
            Resolved::Unbound => Event::Unbound(notation(&seq)).into(),
        }
    }

    /// The same reader for an article whose annotations are still being
    /// made in the background: no highlights until [`Event::Annotated`]
    /// brings them.
    pub fn annotating(doc: Document, store: Store, theme: ThemeChoice, size: (u16, u16)) -> Self {
        let mut app = Self::with_store(doc, store, Annotations::default(), theme, size);
        app.annotating = Some(0);
        app
    }

    /// Screen lines the article shows at once.
    pub fn view_height(&self) -> usize {
        usize::from(self.areas.text.height).max(1)
    }

    /// The largest useful `top`: the last line at the bottom of the view.
    pub fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.view_height())
    }

    /// True when screen line `line` is on screen.
    pub fn line_visible(&self, line: usize) -> bool {
        line >= self.top && line < self.top + self.view_height()
    }

    /// Where reading "from here" starts: the cursor when it is on screen,
    /// else the top of the screen. The flag says which.
    pub fn reading_pos(&self) -> (usize, bool) {
        match self.cursor_on_screen() {
            Some(c) => (c.span.start, true),
            None => (self.top_byte(), false),
        }
    }

    /// The cursor, when it is on screen.
    pub fn cursor_on_screen(&self) -> Option<Cursor> {
        self.cursor
            .filter(|c| self.line_visible(self.layout.line_of(c.span.start)))
    }

    /// The mention under the cursor on screen: the one the cursor is, or
    /// the one its start is in (a search match on a name, say).
    pub fn mention_under_cursor(&self) -> Option<usize> {
        let c = self.cursor_on_screen()?;
        c.mention.or_else(|| self.ann.mention_at(c.span.start))
    }

    /// The first byte of the top screen line.
    pub fn top_byte(&self) -> usize {
        self.layout.line(self.top).map_or(0, |l| l.start)
    }

    /// Which mention of the selected entity the cursor is on: (1-based k, n).
    pub fn mention_position(&self) -> Option<(usize, usize)> {
        let e = &self.ann.entities[self.selected?];
        let m = self.cursor?.mention?;
        let k = e.mentions.iter().position(|&x| x == m)?;
        Some((k + 1, e.mentions.len()))
    }

    /// How many rows the list of `tab` has.
    pub fn list_len(&self, tab: Tab) -> usize {
        match tab {
            Tab::Actors => self.actor_rows.len(),
            Tab::Commitments => self.ann.commitments.len(),
            Tab::Quotes => self.ann.quotes.len(),
            Tab::Notes => self.note_rows.len(),
        }
    }

    /// How many screen lines row `row` of `tab` takes.
    pub fn row_height(&self, tab: Tab, row: usize) -> usize {
        match (tab, self.actor_rows.get(row)) {
            (Tab::Actors, Some(ActorRow::Heading(..))) => 1 + usize::from(row > 0),
            (Tab::Actors, Some(ActorRow::Entity(e))) => {
                1 + usize::from(!self.ann.entities[*e].roles.is_empty())
            }
            (Tab::Actors, None) => 1,
            (Tab::Commitments | Tab::Quotes | Tab::Notes, _) => ITEM_LINES + usize::from(row > 0),
        }
    }

    /// The side pane's tab labels for `width` columns, and the blank
    /// columns after each: the widest that fit, with counts (two blanks
    /// apart, then one), plain (two, then one), then three letters.
    pub fn tab_labels(&self, width: usize) -> ([String; 4], usize) {
        let counts = [
            // The actors the list shows (demonym-only entities are not).
            self.actor_rows
                .iter()
                .filter(|r| matches!(r, ActorRow::Entity(_)))
                .count(),
            self.ann.commitments.len(),
            self.ann.quotes.len(),
            self.note_rows.len(),
        ];
        let label = |t: Tab, style: usize| match (style, counts[t.index()]) {
            (0 | 1, n) if n > 0 => format!("{} {n}", t.title()),
            (0..=3, _) => t.title().to_owned(),
            _ => t.title().chars().take(3).collect(),
        };
        let gap = |style: usize| if matches!(style, 0 | 2) { 2 } else { 1 };
        let style = (0..5)
            .find(|&s| {
                Tab::ALL
                    .iter()
                    .map(|&t| label(t, s).width() + gap(s))
                    .sum::<usize>()
                    <= width + gap(s)
            })
            .unwrap_or(4);
        (Tab::ALL.map(|t| label(t, style)), gap(style))
    }

    /// Screen lines of the side pane's list.
    pub fn list_height(&self) -> usize {
        self.areas
            .side
            .map_or(0, |r| usize::from(r.height.saturating_sub(2)))
            .max(1)
    }
}

/// The span of the document's first line when it is the title.
fn title_line(doc: &Document) -> Option<Span> {
    let start = doc.text.len() - doc.text.trim_start().len();
    let rest = &doc.text[start..];
    let line = rest.split('\n').next()?.trim_end();
    let clean = crate::document::sanitize::clean_line(line);
    (!line.is_empty() && clean == doc.title).then(|| Span::new(start, start + line.len()))
}

/// The status line's message when the reader opens, naming the keys of `keymap`.
pub fn start_hint(keymap: &Keymap) -> String {
    keymap.fill("{next_mention} walk an actor's mentions · {focus_next} side pane · {help} keys")
}

/// How many status line messages the reader keeps for [`Command::Messages`].
pub const MESSAGE_LOG: usize = 100;

/// Lines of one commitment or quote in the side pane: a heading and two of text.
pub const ITEM_LINES: usize = 3;

/// The Actors tab's rows: for each kind with actors, a heading, then its
/// actors, most mentioned first (ties in order of first mention).
fn actor_rows(ann: &Annotations) -> Vec<ActorRow> {
    let mut rows = Vec::new();
    for kind in EntityKind::ALL {
        let mut ids: Vec<EntityId> = (0..ann.entities.len())
            .filter(|&i| ann.entities[i].kind == kind && ann.is_actor(i))
            .collect();
        ids.sort_by_key(|&i| std::cmp::Reverse(ann.entities[i].mentions.len()));
        if !ids.is_empty() {
            rows.push(ActorRow::Heading(kind, ids.len()));
            rows.extend(ids.into_iter().map(ActorRow::Entity));
        }
    }
    rows
}

#[cfg(test)]
mod notes_tests;
#[cfg(test)]
mod tests;
