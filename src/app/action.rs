//! Everything the reader can do, as one enum: the keymap binds keys to
//! [`Action`]s by name, the help overlay lists them with their descriptions,
//! and [`super::update`] is the only place that carries them out.

use super::visual::Motion;
use crate::keymap::Key;

/// One thing the reader can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Scroll down one line (side pane: next item).
    ScrollDown,
    /// Scroll up one line (side pane: previous item).
    ScrollUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Next mention of the selected entity.
    NextMention,
    /// Previous mention of the selected entity.
    PrevMention,
    /// Next mention of any entity.
    NextEntityMention,
    /// Previous mention of any entity.
    PrevEntityMention,
    /// Next commitment.
    NextCommitment,
    /// Previous commitment.
    PrevCommitment,
    /// Next quote.
    NextQuote,
    /// Previous quote.
    PrevQuote,
    /// Article: select the entity under the cursor; side pane: jump to the item.
    Activate,
    /// Back in the jump history.
    JumpBack,
    /// Forward in the jump history.
    JumpForward,
    /// Move focus to the other pane.
    FocusNext,
    /// Move focus to the other pane, backwards.
    FocusPrev,
    /// Side pane: Actors tab.
    TabActors,
    /// Side pane: Commitments tab.
    TabCommitments,
    /// Side pane: Quotes tab.
    TabQuotes,
    /// Side pane: Notes tab.
    TabNotes,
    /// Open the search prompt.
    Search,
    /// Next search match.
    SearchNext,
    /// Previous search match.
    SearchPrev,
    /// Start (or end) a text selection at the cursor.
    SelectText,
    /// Add a note to the selection, the cursor's mention or the side pane's item.
    AddNote,
    /// Delete the note selected in the Notes tab.
    DeleteNote,
    /// Filter the Notes tab by a tag.
    FilterNotes,
    /// Next note in the article.
    NextNote,
    /// Previous note in the article.
    PrevNote,
    /// Open the correction menu for the selection or the entity at the cursor.
    Correct,
    /// Undo the last note or correction change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Open the export menu.
    Export,
    /// Show or hide the help overlay.
    Help,
    /// Show the recent status line messages in full.
    Messages,
    /// Switch to the next colour theme.
    NextTheme,
    /// Close a popup, or clear the search, or clear the selection.
    Cancel,
    /// Quit the reader.
    Quit,
    /// The screen is now this many columns and rows.
    Resize(u16, u16),
    /// The first keys of a sequence were typed; wait for the rest.
    Pending(Vec<Key>),
    /// A key sequence with no binding was typed (shown in its notation).
    Unbound(String),
    /// A character typed into the search prompt.
    PromptChar(char),
    /// Delete the last character of the search prompt.
    PromptBackspace,
    /// Run the search typed in the prompt.
    PromptSubmit,
    /// Extend the text selection.
    Extend(Motion),
    /// A key typed while a popup (editor, menu, prompt) is open.
    PopupKey(Key),
    /// The sidecar changed on disk: take in its changes.
    Reload,
    /// The annotator, run in the background on a large article, finished
    /// with these annotations.
    Annotated(Box<crate::model::Annotations>),
    /// The background annotator is this far, in percent.
    AnnotationProgress(u8),
    /// The background annotator stopped without annotations.
    AnnotationFailed,
    /// The process was told to end (SIGTERM, SIGINT): keep what can be
    /// kept, then quit without asking.
    Terminated,
}

/// The actions a key can be bound to, in the order the help lists them:
/// `(action, name, description)`.
pub const COMMANDS: &[(Action, &str, &str)] = &[
    (
        Action::ScrollDown,
        "scroll_down",
        "scroll down a line (side pane: next item)",
    ),
    (
        Action::ScrollUp,
        "scroll_up",
        "scroll up a line (side pane: previous item)",
    ),
    (
        Action::HalfPageDown,
        "half_page_down",
        "scroll down half a page",
    ),
    (Action::HalfPageUp, "half_page_up", "scroll up half a page"),
    (Action::PageDown, "page_down", "scroll down a page"),
    (Action::PageUp, "page_up", "scroll up a page"),
    (Action::Top, "top", "go to the top"),
    (Action::Bottom, "bottom", "go to the bottom"),
    (
        Action::NextMention,
        "next_mention",
        "next mention of the selected actor (wraps)",
    ),
    (
        Action::PrevMention,
        "prev_mention",
        "previous mention of the selected actor (wraps)",
    ),
    (
        Action::NextEntityMention,
        "next_entity_mention",
        "next mention of any actor",
    ),
    (
        Action::PrevEntityMention,
        "prev_entity_mention",
        "previous mention of any actor",
    ),
    (Action::NextCommitment, "next_commitment", "next commitment"),
    (
        Action::PrevCommitment,
        "prev_commitment",
        "previous commitment",
    ),
    (Action::NextQuote, "next_quote", "next quote"),
    (Action::PrevQuote, "prev_quote", "previous quote"),
    (
        Action::Activate,
        "activate",
        "select the actor under the cursor (side pane: go to the item)",
    ),
    (Action::JumpBack, "jump_back", "back in the jump history"),
    (
        Action::JumpForward,
        "jump_forward",
        "forward in the jump history",
    ),
    (
        Action::FocusNext,
        "focus_next",
        "move focus between article and side pane",
    ),
    (
        Action::FocusPrev,
        "focus_prev",
        "move focus between side pane and article",
    ),
    (Action::TabActors, "tab_actors", "side pane: actors"),
    (
        Action::TabCommitments,
        "tab_commitments",
        "side pane: commitments",
    ),
    (Action::TabQuotes, "tab_quotes", "side pane: quotes"),
    (Action::TabNotes, "tab_notes", "side pane: notes"),
    (
        Action::Search,
        "search",
        "search the text (case-insensitive)",
    ),
    (Action::SearchNext, "search_next", "next search match"),
    (Action::SearchPrev, "search_prev", "previous search match"),
    (
        Action::SelectText,
        "select_text",
        "select text from the cursor (j/k line, w/b/e word, h/l char)",
    ),
    (
        Action::AddNote,
        "add_note",
        "note on the selection, the cursor's mention, or the side pane's item",
    ),
    (
        Action::DeleteNote,
        "delete_note",
        "delete the note selected in the Notes tab",
    ),
    (Action::FilterNotes, "filter_notes", "filter notes by tag"),
    (Action::NextNote, "next_note", "next note (wraps)"),
    (Action::PrevNote, "prev_note", "previous note (wraps)"),
    (
        Action::Correct,
        "correct",
        "correct the annotation: rename, merge, detach, remove, add, kind",
    ),
    (Action::Undo, "undo", "undo the last note or correction"),
    (Action::Redo, "redo", "redo what was undone"),
    (Action::Export, "export", "export annotations and notes"),
    (Action::Help, "help", "show or hide this help"),
    (
        Action::Messages,
        "messages",
        "the last messages of the status line, in full",
    ),
    (Action::NextTheme, "next_theme", "next colour theme"),
    (
        Action::Cancel,
        "cancel",
        "close popup, clear search, then clear selection",
    ),
    (Action::Quit, "quit", "quit"),
];

impl Action {
    /// The bindable action called `name`, if any.
    pub fn from_name(name: &str) -> Option<Action> {
        COMMANDS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| a.clone())
    }

    /// The description of a bindable action (empty for internal ones).
    pub fn description(&self) -> &'static str {
        COMMANDS
            .iter()
            .find(|(a, _, _)| a == self)
            .map_or("", |(_, _, d)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for (a, name, desc) in COMMANDS {
            assert_eq!(Action::from_name(name).as_ref(), Some(a));
            assert!(!desc.is_empty());
            assert_eq!(COMMANDS.iter().filter(|(_, n, _)| n == name).count(), 1);
        }
    }
}
