//! The reader's popups: the note editor, single-key menus, one-line
//! prompts, the entity picker and yes/no questions. Each holds what it
//! shows and the [`Step`] it leads to; `update` routes every key to the
//! open popup.

use ratatui_textarea::TextArea;

use crate::export::Format;
use crate::model::{Annotations, EntityId, EntityKind, Span};
use crate::store::{Anchor, Correction, EntityRef, Target};

/// What a choice in a popup leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Open the note editor for a new note on this target.
    NewNote(Target),
    /// Open the note editor on note `id`.
    EditNote(String),
    /// Delete note `id` (after the question).
    DeleteNote(String),
    /// Make this correction.
    Correct(Correction),
    /// Ask for a new name of this entity.
    AskRename(EntityRef),
    /// Ask for the new kind of this entity.
    AskKind(EntityRef),
    /// Pick the entity to merge this one into.
    AskMerge(EntityId, EntityRef),
    /// Ask the kind of a new entity on this selection.
    AskNewKind(Span),
    /// Ask the name of a new entity of this kind on this selection.
    AskNewName(Span, EntityKind),
    /// Ask where to export in this format.
    AskExportPath(Format),
    /// Ask a yes/no question first: `yes` is what `y` leads to, `no` what
    /// the status line says on `n`.
    Ask {
        /// The question.
        question: String,
        /// What `y` leads to.
        yes: Box<Step>,
        /// What the status line says on `n`.
        no: String,
    },
    /// Write the export (`true`: replacing the file there).
    Export(Format, String, bool),
    /// Quit with notes not saved: `true` writes them to a recovery file
    /// first, `false` lets them go.
    Quit(bool),
}

/// A menu item: its key, its label, and what it leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MenuItem {
    /// The key that chooses it.
    pub key: char,
    /// What it says.
    pub label: String,
    /// What choosing it does.
    pub step: Step,
}

/// What a one-line prompt's text is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputFor {
    /// The new name of an entity.
    Rename(EntityRef),
    /// The name of a new entity of this kind on this selection.
    NewEntity(Anchor, EntityKind),
    /// Where to write an export.
    ExportPath(Format),
    /// The tag the Notes tab is filtered by (empty: all notes).
    TagFilter,
}

/// The note editor: a multi-line body and a line of tags.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The note being edited (`None`: a new note on `target`).
    pub note: Option<String>,
    /// What a new note is attached to.
    pub target: Option<Target>,
    /// What the note is on, for the title ("the selection “…”").
    pub about: String,
    /// The note's text.
    pub body: TextArea<'static>,
    /// Its tags, comma-separated.
    pub tags: TextArea<'static>,
    /// True while the tags field has the keyboard.
    pub on_tags: bool,
    /// True while asking whether to discard the draft.
    pub confirm_discard: bool,
    /// The body and tags it opened with (to tell whether anything changed).
    pub original: (String, String),
}

impl Editor {
    /// An editor opened on `body` and `tags`, the cursor at the end of the
    /// body. The ui styles its fields as it draws them.
    pub fn new(
        note: Option<String>,
        target: Option<Target>,
        about: String,
        body: &str,
        tags: &str,
    ) -> Self {
        let field = |s: &str, placeholder: &str| {
            let mut t = TextArea::new(s.split('\n').map(str::to_owned).collect());
            t.set_placeholder_text(placeholder);
            t.move_cursor(ratatui_textarea::CursorMove::Bottom);
            t.move_cursor(ratatui_textarea::CursorMove::End);
            t
        };
        Self {
            note,
            target,
            about,
            body: field(body, "Write the note…"),
            tags: field(tags, "tags, comma-separated"),
            on_tags: false,
            confirm_discard: false,
            original: (body.to_owned(), tags.to_owned()),
        }
    }

    /// The body as typed.
    pub fn body_text(&self) -> String {
        self.body.lines().join("\n")
    }

    /// The tags field as typed.
    pub fn tags_text(&self) -> String {
        self.tags.lines().join(" ")
    }

    /// The tags: split at commas, trimmed, empty ones dropped, no repeats.
    pub fn tag_list(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self.tags_text().split(',') {
            let t = t.trim();
            if !t.is_empty() && !out.iter().any(|o| o == t) {
                out.push(t.to_owned());
            }
        }
        out
    }

    /// True when the body or tags differ from what the editor opened with.
    pub fn changed(&self) -> bool {
        (self.body_text(), self.tags_text()) != self.original
    }
}

/// The entity picker (merge): a filterable list of the other entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    /// The entity being merged away.
    pub from: EntityRef,
    /// Its id (left out of the list).
    pub from_id: EntityId,
    /// The filter typed so far.
    pub filter: String,
    /// The chosen row of the filtered list.
    pub selected: usize,
    /// The filtered list: the other entities whose name contains the
    /// filter (case-insensitive), most mentioned first. Made again when the
    /// filter or the annotations change ([`Picker::relist`]).
    pub candidates: Vec<EntityId>,
}

impl Picker {
    /// A picker of the entity to merge `from` (entity `from_id` of `ann`)
    /// into, with no filter yet.
    pub fn new(from: EntityRef, from_id: EntityId, ann: &Annotations) -> Self {
        let mut picker = Self {
            from,
            from_id,
            filter: String::new(),
            selected: 0,
            candidates: Vec::new(),
        };
        picker.relist(ann);
        picker
    }

    /// Makes the filtered list again from `ann`; the chosen row stays in it.
    pub fn relist(&mut self, ann: &Annotations) {
        let filter = self.filter.to_lowercase();
        self.candidates = (0..ann.entities.len())
            .filter(|&e| e != self.from_id)
            .filter(|&e| ann.entities[e].name.to_lowercase().contains(&filter))
            .collect();
        self.candidates
            .sort_by_key(|&e| std::cmp::Reverse(ann.entities[e].mentions.len()));
        self.selected = self.selected.min(self.candidates.len().saturating_sub(1));
    }
}

/// An open popup.
#[derive(Clone, Debug)]
pub enum Popup {
    /// The note editor.
    Editor(Box<Editor>),
    /// A menu of single-key choices.
    Menu {
        /// Its title.
        title: String,
        /// Its items.
        items: Vec<MenuItem>,
    },
    /// A one-line prompt.
    Input {
        /// Its title (what to type).
        title: String,
        /// The text typed so far.
        text: String,
        /// What the text is for.
        purpose: InputFor,
    },
    /// The entity picker.
    Picker(Picker),
    /// A yes/no question.
    Confirm {
        /// The question.
        question: String,
        /// What `y` does.
        yes: Step,
        /// What the status line says on `n`.
        no: String,
    },
}

impl Popup {
    /// Its name in `render --state`.
    pub fn name(&self) -> &'static str {
        match self {
            Popup::Editor(_) => "editor",
            Popup::Menu { .. } => "menu",
            Popup::Input { .. } => "input",
            Popup::Picker(_) => "picker",
            Popup::Confirm { .. } => "confirm",
        }
    }
}
