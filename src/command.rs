//! The commands a user can bind keys to, each declared once: its name in
//! the keymap file, the keymap mode it works in, the [`Route`] that carries
//! it out, and its help line. The declaration makes the [`Command`] enum,
//! so a command without a name or a help line does not compile, `update`'s
//! exhaustive matches over the routes and each group's commands make one
//! without a handler not compile, and a test makes one without a default
//! key in `keymap.toml` fail.
//!
//! A help line may name another command's key as `{name}`: the help shows
//! the key bound to it ([`crate::keymap::Keymap::fill`]).

/// Where keys are read: each mode has its own bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Reading: the article and the side pane.
    Normal,
    /// Making a text selection (`v`); keys not bound here mean what they
    /// mean in [`Mode::Normal`].
    Visual,
    /// Typing one line: the search prompt, a popup's prompt, the picker's
    /// filter. Keys not bound here are typed.
    Prompt,
    /// A menu or a yes/no question. A menu's own letters choose its items.
    Popup,
    /// The note editor. Keys not bound here are typed into it.
    Editor,
}

impl Mode {
    /// All modes, in the order the help lists them.
    pub const ALL: [Mode; 5] = [
        Mode::Normal,
        Mode::Visual,
        Mode::Prompt,
        Mode::Popup,
        Mode::Editor,
    ];

    /// The modes whose bindings apply in this one, first first: the
    /// selection's keys over the normal ones, else the mode's own.
    pub const fn layers(self) -> &'static [Mode] {
        match self {
            Mode::Normal => &[Mode::Normal],
            Mode::Visual => &[Mode::Visual, Mode::Normal],
            Mode::Prompt => &[Mode::Prompt],
            Mode::Popup => &[Mode::Popup],
            Mode::Editor => &[Mode::Editor],
        }
    }

    /// The help's heading over the mode's commands (none for the normal mode).
    pub const fn heading(self) -> &'static str {
        match self {
            Mode::Normal => "",
            Mode::Visual => "while selecting text",
            Mode::Prompt => "in a prompt (search, a name, a path, the merge filter)",
            Mode::Popup => "in a menu or a yes/no question",
            Mode::Editor => "in the note editor",
        }
    }
}

/// Where a command is carried out: the group of commands whose handler
/// takes it, or a handler of its own. Each group's handler matches all of
/// its group's commands, so none can be routed somewhere that ignores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Scrolling.
    Scroll(Scroll),
    /// Walking to the next or previous thing of a kind.
    Walk(Walk),
    /// Jumping: to what is under the cursor, through the history, to a
    /// line or a mark.
    Jump(Jump),
    /// The side pane's focus and tabs.
    SidePane(SidePane),
    /// The text itself: copying, links, selecting.
    Text(Text),
    /// Changing the annotations: notes, corrections, undo, export.
    Annotations(Annotations),
    /// What shows over the reader.
    Overlay(Overlay),
    /// The library.
    Library(Library),
    /// Extending the text selection.
    Visual(Visual),
    /// A prompt's keys.
    Prompt(Prompt),
    /// A popup's or the note editor's keys, which the open dialog reads.
    Dialog,
    /// Opening the search prompt.
    Search,
    /// Closing what is open, clearing what is set.
    Cancel,
    /// Quitting.
    Quit,
}

/// Scrolling: by a line, half a page or a page, or to either end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scroll {
    /// A line down.
    Down,
    /// A line up.
    Up,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// To the top.
    Top,
    /// To the bottom.
    Bottom,
}

/// Walking to the next or previous thing of a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk {
    /// The selected actor's next mention.
    NextMention,
    /// The selected actor's previous mention.
    PrevMention,
    /// Any actor's next mention.
    NextEntityMention,
    /// Any actor's previous mention.
    PrevEntityMention,
    /// The next commitment.
    NextCommitment,
    /// The previous commitment.
    PrevCommitment,
    /// The next quote.
    NextQuote,
    /// The previous quote.
    PrevQuote,
    /// The next search match.
    SearchNext,
    /// The previous search match.
    SearchPrev,
    /// The next link.
    NextLink,
    /// The previous link.
    PrevLink,
    /// The next note.
    NextNote,
    /// The previous note.
    PrevNote,
}

/// Jumping: to what is under the cursor, through the jump history, to a
/// line or to a mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Jump {
    /// To what is under the cursor.
    Activate,
    /// Back in the history.
    Back,
    /// Forward in the history.
    Forward,
    /// To a line or a share of the text.
    GoTo,
    /// Setting a mark.
    SetMark,
    /// To a mark.
    GoToMark,
}

/// The side pane: moving the focus to or from it, choosing its tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidePane {
    /// The focus to the other pane.
    FocusNext,
    /// The focus to the other pane, the other way.
    FocusPrev,
    /// The actors tab.
    TabActors,
    /// The commitments tab.
    TabCommitments,
    /// The quotes tab.
    TabQuotes,
    /// The notes tab.
    TabNotes,
}

/// The text itself: copying, opening a link, starting a selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// Copying what is here.
    Copy,
    /// Copying it as a citation.
    CopyCitation,
    /// Opening the link here.
    OpenLink,
    /// Starting a selection.
    SelectText,
}

/// Changing the annotations: notes, corrections, undo and redo, export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Annotations {
    /// Adding a note.
    AddNote,
    /// Deleting a note.
    DeleteNote,
    /// Filtering the notes by tag.
    FilterNotes,
    /// The corrections menu.
    Correct,
    /// Undoing.
    Undo,
    /// Redoing.
    Redo,
    /// The export menu.
    Export,
}

/// What shows over the reader: the help, the messages, the theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The help.
    Help,
    /// The last messages.
    Messages,
    /// The next colour theme.
    NextTheme,
}

/// The library: its list, the articles before and after this one, an
/// actor's articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Library {
    /// The list of articles.
    List,
    /// The next article of the list.
    NextArticle,
    /// The previous article of the list.
    PrevArticle,
    /// The selected actor's other articles.
    ActorArticles,
    /// Sorting the list.
    Sort,
}

/// Extending the text selection by a line, a word or a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visual {
    /// A line down.
    Down,
    /// A line up.
    Up,
    /// To the next word.
    Word,
    /// To this or the previous word.
    WordBack,
    /// To the end of the word.
    WordEnd,
    /// A character left.
    Left,
    /// A character right.
    Right,
}

/// A prompt's keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// Done.
    Submit,
    /// Closing the prompt.
    Cancel,
    /// Deleting the last character.
    Backspace,
    /// Deleting all that was typed.
    Clear,
    /// The picker's next actor.
    Next,
    /// The picker's previous actor.
    Prev,
}

/// Declares the commands: `Variant = "name", Mode, Route, "help line";`,
/// where `Route` is the [`Route`] that carries the command out: a group and
/// the command's name in it (`Scroll::Down`), or a route of its own
/// (`Quit`). Routing a command to a group that has no such command, or
/// leaving a group's command unrouted, does not compile.
macro_rules! commands {
    ($($variant:ident = $name:literal, $mode:ident, $route:ident $(:: $sub:ident)?, $help:literal;)*) => {
        /// One thing a user can ask for with a key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Command {
            $(#[doc = $help] $variant,)*
        }

        impl Command {
            /// Every command, in the order the help lists them.
            pub const ALL: &[Command] = &[$(Command::$variant,)*];

            /// Its name in the keymap file.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Command::$variant => $name,)*
                }
            }

            /// The mode it is bound in.
            pub const fn mode(self) -> Mode {
                match self {
                    $(Command::$variant => Mode::$mode,)*
                }
            }

            /// Its help line, with `{name}` where another command's key goes.
            pub const fn help(self) -> &'static str {
                match self {
                    $(Command::$variant => $help,)*
                }
            }

            /// Where `update` carries it out.
            pub const fn route(self) -> Route {
                match self {
                    $(Command::$variant => Route::$route $(($route::$sub))?,)*
                }
            }
        }
    };
}

commands! {
    ScrollDown = "scroll_down", Normal, Scroll::Down, "scroll down a line (side pane: next item)";
    ScrollUp = "scroll_up", Normal, Scroll::Up, "scroll up a line (side pane: previous item)";
    HalfPageDown = "half_page_down", Normal, Scroll::HalfPageDown, "scroll down half a page";
    HalfPageUp = "half_page_up", Normal, Scroll::HalfPageUp, "scroll up half a page";
    PageDown = "page_down", Normal, Scroll::PageDown, "scroll down a page";
    PageUp = "page_up", Normal, Scroll::PageUp, "scroll up a page";
    Top = "top", Normal, Scroll::Top, "go to the top";
    Bottom = "bottom", Normal, Scroll::Bottom, "go to the bottom";
    NextMention = "next_mention", Normal, Walk::NextMention, "next mention of the selected actor (wraps)";
    PrevMention = "prev_mention", Normal, Walk::PrevMention, "previous mention of the selected actor (wraps)";
    NextEntityMention = "next_entity_mention", Normal, Walk::NextEntityMention, "next mention of any actor";
    PrevEntityMention = "prev_entity_mention", Normal, Walk::PrevEntityMention, "previous mention of any actor";
    NextCommitment = "next_commitment", Normal, Walk::NextCommitment, "next commitment";
    PrevCommitment = "prev_commitment", Normal, Walk::PrevCommitment, "previous commitment";
    NextQuote = "next_quote", Normal, Walk::NextQuote, "next quote";
    PrevQuote = "prev_quote", Normal, Walk::PrevQuote, "previous quote";
    Activate = "activate", Normal, Jump::Activate, "select the actor under the cursor (side pane: go to the item)";
    JumpBack = "jump_back", Normal, Jump::Back, "back in the jump history";
    JumpForward = "jump_forward", Normal, Jump::Forward, "forward in the jump history";
    FocusNext = "focus_next", Normal, SidePane::FocusNext, "move focus between article and side pane";
    FocusPrev = "focus_prev", Normal, SidePane::FocusPrev, "move focus between side pane and article";
    TabActors = "tab_actors", Normal, SidePane::TabActors, "side pane: actors";
    TabCommitments = "tab_commitments", Normal, SidePane::TabCommitments, "side pane: commitments";
    TabQuotes = "tab_quotes", Normal, SidePane::TabQuotes, "side pane: quotes";
    TabNotes = "tab_notes", Normal, SidePane::TabNotes, "side pane: notes";
    Search = "search", Normal, Search, "search the text (case-insensitive)";
    SearchNext = "search_next", Normal, Walk::SearchNext, "next search match";
    SearchPrev = "search_prev", Normal, Walk::SearchPrev, "previous search match";
    GoTo = "go_to", Normal, Jump::GoTo, "go to line N of the text (:N) or to N% of it (:N%)";
    SetMark = "set_mark", Normal, Jump::SetMark, "set a mark here, named by the next key (a–z)";
    GoToMark = "go_to_mark", Normal, Jump::GoToMark, "go to a mark (a–z); {go_to_mark} again: where the last jump began";
    Copy = "copy", Normal, Text::Copy, "copy the selection, or the quote, commitment or mention here";
    CopyCitation = "copy_citation", Normal, Text::CopyCitation, "copy that as a Markdown citation (who, title, source)";
    OpenLink = "open_link", Normal, Text::OpenLink, "open the link under the cursor ($BROWSER, else the system's)";
    NextLink = "next_link", Normal, Walk::NextLink, "next link";
    PrevLink = "prev_link", Normal, Walk::PrevLink, "previous link";
    SelectText = "select_text", Normal, Text::SelectText,
        "select text from the cursor ({visual_down}/{visual_up} line, \
         {visual_word}/{visual_word_back}/{visual_word_end} word, \
         {visual_left}/{visual_right} char)";
    AddNote = "add_note", Normal, Annotations::AddNote, "note on the selection, the cursor's mention, or the side pane's item";
    DeleteNote = "delete_note", Normal, Annotations::DeleteNote, "delete the note selected in the Notes tab";
    FilterNotes = "filter_notes", Normal, Annotations::FilterNotes, "filter notes by tag";
    NextNote = "next_note", Normal, Walk::NextNote, "next note (wraps)";
    PrevNote = "prev_note", Normal, Walk::PrevNote, "previous note (wraps)";
    Correct = "correct", Normal, Annotations::Correct, "correct the annotation: rename, merge, detach, remove, add, kind";
    Undo = "undo", Normal, Annotations::Undo, "undo the last note or correction";
    Redo = "redo", Normal, Annotations::Redo, "redo what was undone";
    Export = "export", Normal, Annotations::Export, "export annotations and notes";
    Help = "help", Normal, Overlay::Help, "show or hide this help";
    Messages = "messages", Normal, Overlay::Messages, "the last messages of the status line, in full";
    NextTheme = "next_theme", Normal, Overlay::NextTheme, "next colour theme";
    Library = "library", Normal, Library::List, "library: the list of articles (in the list: back to the article)";
    NextArticle = "next_article", Normal, Library::NextArticle, "library: the next article of the list";
    PrevArticle = "prev_article", Normal, Library::PrevArticle, "library: the previous article of the list";
    ActorArticles = "actor_articles", Normal, Library::ActorArticles, "the other articles that mention the selected actor";
    SortLibrary = "sort_library", Normal, Library::Sort, "library list: sort by date, by title, as given";
    Cancel = "cancel", Normal, Cancel, "close popup, clear search, then clear selection";
    Quit = "quit", Normal, Quit, "quit";
    VisualDown = "visual_down", Visual, Visual::Down, "extend the selection a line down";
    VisualUp = "visual_up", Visual, Visual::Up, "extend the selection a line up";
    VisualWord = "visual_word", Visual, Visual::Word, "extend the selection to the next word";
    VisualWordBack = "visual_word_back", Visual, Visual::WordBack, "extend the selection to this or the previous word";
    VisualWordEnd = "visual_word_end", Visual, Visual::WordEnd, "extend the selection to the end of the word";
    VisualLeft = "visual_left", Visual, Visual::Left, "extend the selection a character left";
    VisualRight = "visual_right", Visual, Visual::Right, "extend the selection a character right";
    PromptSubmit = "prompt_submit", Prompt, Prompt::Submit, "done: search, rename, export, merge into the chosen actor";
    PromptCancel = "prompt_cancel", Prompt, Prompt::Cancel, "close the prompt";
    PromptBackspace = "prompt_backspace", Prompt, Prompt::Backspace, "delete the last character";
    PromptClear = "prompt_clear", Prompt, Prompt::Clear, "delete all that was typed";
    PromptNext = "prompt_next", Prompt, Prompt::Next, "merge picker: the next actor";
    PromptPrev = "prompt_prev", Prompt, Prompt::Prev, "merge picker: the previous actor";
    PopupYes = "popup_yes", Popup, Dialog, "yes (a menu's own letters choose its items)";
    PopupNo = "popup_no", Popup, Dialog, "no";
    PopupCancel = "popup_cancel", Popup, Dialog, "close the menu or the question";
    EditorSave = "editor_save", Editor, Dialog, "save the note and close the editor";
    EditorSwitch = "editor_switch", Editor, Dialog, "move between the note and its tags";
    EditorCancel = "editor_cancel", Editor, Dialog, "close the editor (asks first when something was typed)";
}

impl Command {
    /// The command called `name` in the keymap file, if any.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        for &c in Command::ALL {
            assert_eq!(Command::from_name(c.name()), Some(c));
            assert!(!c.help().is_empty());
        }
    }

    #[test]
    fn the_help_lists_modes_in_order() {
        let modes: Vec<Mode> = Command::ALL.iter().map(|c| c.mode()).collect();
        let mut sorted = modes.clone();
        sorted.sort_by_key(|m| Mode::ALL.iter().position(|x| x == m));
        assert_eq!(modes, sorted, "declare commands mode by mode");
    }
}
