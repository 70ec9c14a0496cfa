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
    /// The process was told to end (SIGTERM, SIGINT): keep what can be
    /// kept, then quit without asking.
    Terminated,
}
