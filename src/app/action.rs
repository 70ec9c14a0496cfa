//! What reaches [`super::update`]: a [`Command`] the user asked for with a
//! key (declared once in [`crate::command`]), or an [`Event`] from inside
//! the reader or from outside it.

use crate::command::Command;
use crate::keymap::Key;
use crate::library::OpenError;

/// One thing that changes the reader's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// A command, from a key binding.
    Command(Command),
    /// Anything else.
    Event(Event),
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Action::Command(c)
    }
}

impl From<Event> for Action {
    fn from(e: Event) -> Self {
        Action::Event(e)
    }
}

/// What happens to the reader that is not a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The screen is now this many columns and rows.
    Resize(u16, u16),
    /// The first keys of a sequence were typed; wait for the rest.
    Pending(Vec<Key>),
    /// A key sequence with no binding was typed (shown in its notation).
    Unbound(String),
    /// A key with no binding in a prompt, a popup or the editor: typed
    /// text, or a menu's letter.
    Typed(Key),
    /// The user's keymap, read when the reader opens, replaces the default.
    Keymap(Box<crate::keymap::Keymap>),
    /// The sidecar changed on disk: take in its changes.
    Reload,
    /// The annotator, run in the background on a large article, finished
    /// with these annotations.
    Annotated(Box<crate::model::Annotations>),
    /// The background annotator is this far, in percent.
    AnnotationProgress(u8),
    /// The background annotator stopped without annotations.
    AnnotationFailed,
    /// The web page of a library's item, fetched in the background (or
    /// why it could not be).
    Fetched(usize, Result<super::library::Loaded, OpenError>),
    /// The front end carried out the reader's [`Effect`]s; these went
    /// wrong (each a line for the status line).
    Performed(Vec<String>),
    /// A mouse event (the terminal reports them once the reader asks).
    Mouse(ratatui::crossterm::event::MouseEvent),
    /// The article changed on disk: here it is again, with its annotations
    /// (made in the background, as for a large article).
    ArticleChanged(Box<Reloaded>),
    /// The article could not be read again (the line says why).
    ArticleUnreadable(String),
    /// The process was told to end (SIGTERM, SIGINT): keep what can be
    /// kept, then quit without asking.
    Terminated,
}

/// What the reader asks of the world outside its state, carried out by the
/// front end (the terminal reader, `gloss render`) after `update`, which
/// then hears how it went through [`Event::Performed`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text (already made safe) on the clipboard, with OSC 52.
    Copy(String),
    /// Open this URL (http, https or mailto) in the browser.
    Open(String),
}

/// An article read again after it changed on disk, with its annotations.
#[derive(Clone, Debug)]
pub struct Reloaded {
    /// The article as it is now.
    pub doc: crate::document::Document,
    /// The annotator's output for it.
    pub ann: crate::model::Annotations,
}

impl PartialEq for Reloaded {
    fn eq(&self, other: &Self) -> bool {
        self.doc.text == other.doc.text
            && self.doc.source == other.doc.source
            && self.ann == other.ann
    }
}

impl Eq for Reloaded {}
