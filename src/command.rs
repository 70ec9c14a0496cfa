//! The commands a user can bind keys to, each declared once: its name in
//! the keymap file, the keymap mode it works in, and its help line. The
//! declaration makes the [`Command`] enum, so a command without a name or a
//! help line does not compile, `update`'s exhaustive match makes one without
//! a handler not compile, and a test makes one without a default key in
//! `keymap.toml` fail.
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

/// Declares the commands: `Variant = "name", Mode, "help line";`.
macro_rules! commands {
    ($($variant:ident = $name:literal, $mode:ident, $help:literal;)*) => {
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
        }
    };
}

commands! {
    ScrollDown = "scroll_down", Normal, "scroll down a line (side pane: next item)";
    ScrollUp = "scroll_up", Normal, "scroll up a line (side pane: previous item)";
    HalfPageDown = "half_page_down", Normal, "scroll down half a page";
    HalfPageUp = "half_page_up", Normal, "scroll up half a page";
    PageDown = "page_down", Normal, "scroll down a page";
    PageUp = "page_up", Normal, "scroll up a page";
    Top = "top", Normal, "go to the top";
    Bottom = "bottom", Normal, "go to the bottom";
    NextMention = "next_mention", Normal, "next mention of the selected actor (wraps)";
    PrevMention = "prev_mention", Normal, "previous mention of the selected actor (wraps)";
    NextEntityMention = "next_entity_mention", Normal, "next mention of any actor";
    PrevEntityMention = "prev_entity_mention", Normal, "previous mention of any actor";
    NextCommitment = "next_commitment", Normal, "next commitment";
    PrevCommitment = "prev_commitment", Normal, "previous commitment";
    NextQuote = "next_quote", Normal, "next quote";
    PrevQuote = "prev_quote", Normal, "previous quote";
    Activate = "activate", Normal, "select the actor under the cursor (side pane: go to the item)";
    JumpBack = "jump_back", Normal, "back in the jump history";
    JumpForward = "jump_forward", Normal, "forward in the jump history";
    FocusNext = "focus_next", Normal, "move focus between article and side pane";
    FocusPrev = "focus_prev", Normal, "move focus between side pane and article";
    TabActors = "tab_actors", Normal, "side pane: actors";
    TabCommitments = "tab_commitments", Normal, "side pane: commitments";
    TabQuotes = "tab_quotes", Normal, "side pane: quotes";
    TabNotes = "tab_notes", Normal, "side pane: notes";
    Search = "search", Normal, "search the text (case-insensitive)";
    SearchNext = "search_next", Normal, "next search match";
    SearchPrev = "search_prev", Normal, "previous search match";
    GoTo = "go_to", Normal, "go to line N of the text (:N) or to N% of it (:N%)";
    SetMark = "set_mark", Normal, "set a mark here, named by the next key (a–z)";
    GoToMark = "go_to_mark", Normal, "go to a mark (a–z); {go_to_mark} again: where the last jump began";
    Copy = "copy", Normal, "copy the selection, or the quote, commitment or mention here";
    CopyCitation = "copy_citation", Normal, "copy that as a Markdown citation (who, title, source)";
    OpenLink = "open_link", Normal, "open the link under the cursor ($BROWSER, else the system's)";
    NextLink = "next_link", Normal, "next link";
    PrevLink = "prev_link", Normal, "previous link";
    SelectText = "select_text", Normal,
        "select text from the cursor ({visual_down}/{visual_up} line, \
         {visual_word}/{visual_word_back}/{visual_word_end} word, \
         {visual_left}/{visual_right} char)";
    AddNote = "add_note", Normal, "note on the selection, the cursor's mention, or the side pane's item";
    DeleteNote = "delete_note", Normal, "delete the note selected in the Notes tab";
    FilterNotes = "filter_notes", Normal, "filter notes by tag";
    NextNote = "next_note", Normal, "next note (wraps)";
    PrevNote = "prev_note", Normal, "previous note (wraps)";
    Correct = "correct", Normal, "correct the annotation: rename, merge, detach, remove, add, kind";
    Undo = "undo", Normal, "undo the last note or correction";
    Redo = "redo", Normal, "redo what was undone";
    Export = "export", Normal, "export annotations and notes";
    Help = "help", Normal, "show or hide this help";
    Messages = "messages", Normal, "the last messages of the status line, in full";
    NextTheme = "next_theme", Normal, "next colour theme";
    Library = "library", Normal, "library: the list of articles (in the list: back to the article)";
    NextArticle = "next_article", Normal, "library: the next article of the list";
    PrevArticle = "prev_article", Normal, "library: the previous article of the list";
    ActorArticles = "actor_articles", Normal, "the other articles that mention the selected actor";
    SortLibrary = "sort_library", Normal, "library list: sort by date, by title, as given";
    Cancel = "cancel", Normal, "close popup, clear search, then clear selection";
    Quit = "quit", Normal, "quit";
    VisualDown = "visual_down", Visual, "extend the selection a line down";
    VisualUp = "visual_up", Visual, "extend the selection a line up";
    VisualWord = "visual_word", Visual, "extend the selection to the next word";
    VisualWordBack = "visual_word_back", Visual, "extend the selection to this or the previous word";
    VisualWordEnd = "visual_word_end", Visual, "extend the selection to the end of the word";
    VisualLeft = "visual_left", Visual, "extend the selection a character left";
    VisualRight = "visual_right", Visual, "extend the selection a character right";
    PromptSubmit = "prompt_submit", Prompt, "done: search, rename, export, merge into the chosen actor";
    PromptCancel = "prompt_cancel", Prompt, "close the prompt";
    PromptBackspace = "prompt_backspace", Prompt, "delete the last character";
    PromptClear = "prompt_clear", Prompt, "delete all that was typed";
    PromptNext = "prompt_next", Prompt, "merge picker: the next actor";
    PromptPrev = "prompt_prev", Prompt, "merge picker: the previous actor";
    PopupYes = "popup_yes", Popup, "yes (a menu's own letters choose its items)";
    PopupNo = "popup_no", Popup, "no";
    PopupCancel = "popup_cancel", Popup, "close the menu or the question";
    EditorSave = "editor_save", Editor, "save the note and close the editor";
    EditorSwitch = "editor_switch", Editor, "move between the note and its tags";
    EditorCancel = "editor_cancel", Editor, "close the editor (asks first when something was typed)";
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
