//! The library in the reader: the list of articles (a folder, several
//! files, a feed), moving between its articles, and the articles that
//! mention an actor (`A`, from the index). Its state is [`Library`], kept
//! in [`App::library`] across the articles it opens.

use std::collections::HashMap;

use super::view::{chosen_actor, on_mention, scroll_into_view, select_entity, set_top};
use super::{App, Command, Jump, ListState};
use crate::command::{self as cmd, Route};
use crate::keymap::Key;
use crate::library::actors::group;
use crate::library::index::{self, ActorRow, Index, IndexError, OpenActor, Summary};
use crate::library::{Entry, OpenError, load};
use crate::open::{Common, Failure};
use crate::store::Origin;
use crate::store::disk::is_url;

/// How the list is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// As given: the folder's name order, the feed's order.
    Given,
    /// Newest first; undated last.
    Date,
    /// By title.
    Title,
}

impl Sort {
    /// Its name on screen.
    pub const fn name(self) -> &'static str {
        match self {
            Sort::Given => "as given",
            Sort::Date => "by date",
            Sort::Title => "by title",
        }
    }
}

/// One article of the list.
#[derive(Clone, Debug)]
pub struct Item {
    /// Where it is and what is known of it.
    pub entry: Entry,
    /// Its row in the index (title, date, counts), once indexed.
    pub summary: Option<Summary>,
    /// Notes in its sidecar.
    pub notes: usize,
}

impl Item {
    /// Its title: the index's, else the entry's.
    pub fn title(&self) -> &str {
        self.summary
            .as_ref()
            .map_or(&self.entry.title, |s| &s.title)
    }

    /// Its date as written, if known.
    pub fn date(&self) -> Option<&str> {
        (self.summary.as_ref())
            .and_then(|s| s.date.as_deref())
            .or(self.entry.date.as_deref())
    }
}

/// An article that mentions the actor `A` was asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Its item.
    pub item: usize,
    /// The actor's mentions, commitments and quotes there.
    pub counts: [usize; 3],
    /// The actor's commitments there, as written.
    pub commitments: Vec<String>,
}

/// The list narrowed to the articles that mention one actor.
#[derive(Clone, Debug)]
pub struct ActorFilter {
    /// The actor's name.
    pub name: String,
    /// Its keys (see [`index::keys`]).
    pub keys: Vec<String>,
    /// The articles, in the order of the list.
    pub hits: Vec<Hit>,
    /// The article `A` was pressed in, and where: `<C-o>` comes back there.
    pub from: Option<(usize, Jump)>,
}

/// Which of the library's two screens shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The list of articles.
    List,
    /// An article.
    Reader,
}

/// The library's state.
#[derive(Clone, Debug)]
pub struct Library {
    /// What was opened (a folder, a feed, files). Safe to print once cleaned.
    pub name: String,
    /// Its articles.
    pub items: Vec<Item>,
    /// The rows shown: indexes into `items`, filtered and sorted.
    pub rows: Vec<usize>,
    /// Selection and scroll of the list.
    pub list: ListState,
    /// The order of the list.
    pub sort: Sort,
    /// The filter typed after `/` (case-insensitive, on title, source and
    /// origin).
    pub filter: String,
    /// The articles of one actor, after `A`.
    pub actor: Option<ActorFilter>,
    /// Which screen shows.
    pub view: View,
    /// The item open in the reader.
    pub current: Option<usize>,
    /// Articles to come back to with `<C-o>`, last most recent.
    pub trail: Vec<(usize, Jump)>,
    /// `--no-sidecar`.
    pub no_sidecar: bool,
    /// True when the front end fetches web pages in the background (the
    /// terminal reader): opening one then waits for [`super::Event::Fetched`]
    /// instead of blocking.
    pub background: bool,
    /// The web page being fetched for the reader, if any.
    pub fetching: Option<Fetching>,
}

/// A web page being fetched for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fetching {
    /// Its item.
    pub item: usize,
    /// Where to show it (`<C-o>` back to it), else at the top.
    pub jump: Option<Jump>,
}

/// An article fetched in the background, for [`super::Event::Fetched`]: equal to
/// another when its source and text are.
#[derive(Clone, Debug)]
pub struct Loaded(pub Box<crate::document::Document>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        self.0.source == other.0.source && self.0.text == other.0.text
    }
}

impl Eq for Loaded {}

impl Library {
    /// A library of `entries` with what the index knows of them.
    pub fn new(
        name: String,
        entries: Vec<Entry>,
        summaries: &HashMap<String, Summary>,
        no_sidecar: bool,
    ) -> Self {
        let items = entries
            .into_iter()
            .map(|entry| Item {
                summary: summaries.get(&entry.source).cloned(),
                notes: if no_sidecar {
                    0
                } else {
                    notes_in(&entry.source)
                },
                entry,
            })
            .collect();
        let mut library = Self {
            name,
            items,
            rows: Vec::new(),
            list: ListState::default(),
            sort: Sort::Given,
            filter: String::new(),
            actor: None,
            view: View::List,
            current: None,
            trail: Vec::new(),
            no_sidecar,
            background: false,
            fetching: None,
        };
        library.arrange();
        library
    }

    /// Recomputes the rows from the filter, the actor and the order,
    /// keeping the selected item selected when it is still shown.
    pub fn arrange(&mut self) {
        let chosen = self.rows.get(self.list.selected).copied();
        let needle = self.filter.to_lowercase();
        let hits: Option<Vec<usize>> = self
            .actor
            .as_ref()
            .map(|a| a.hits.iter().map(|h| h.item).collect());
        let mut rows: Vec<usize> = (0..self.items.len())
            .filter(|&i| hits.as_ref().is_none_or(|h| h.contains(&i)))
            .filter(|&i| {
                let it = &self.items[i];
                needle.is_empty()
                    || [it.title(), &it.entry.source, &it.entry.origin]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&needle))
            })
            .collect();
        match self.sort {
            Sort::Given => {}
            Sort::Title => rows.sort_by_key(|&i| self.items[i].title().to_lowercase()),
            Sort::Date => rows.sort_by(|&a, &b| {
                let (da, db) = (self.items[a].date(), self.items[b].date());
                db.is_some().cmp(&da.is_some()).then(db.cmp(&da))
            }),
        }
        self.rows = rows;
        self.list.selected = chosen
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or(0);
        self.list.offset = self.list.offset.min(self.list.selected);
    }

    /// Lines one row takes: two after `A` (its commitments below), else one.
    pub fn row_lines(&self) -> usize {
        if self.actor.is_some() { 2 } else { 1 }
    }

    /// The first row on screen for `height` lines of list: the one kept,
    /// moved as little as shows the selected row.
    pub fn first_row(&self, height: usize) -> usize {
        let fits = (height / self.row_lines()).max(1);
        let top = self.list.offset.min(self.list.selected);
        if self.list.selected >= top + fits {
            self.list.selected + 1 - fits
        } else {
            top
        }
    }

    /// The item of `source`, added (titled `title`) when it is not there.
    fn item_of(&mut self, source: &str, title: &str) -> usize {
        if let Some(i) = self.items.iter().position(|it| it.entry.source == source) {
            return i;
        }
        let mut entry = Entry::named(source);
        entry.title = crate::document::sanitize::clean_line(title).into_owned();
        self.items.push(Item {
            entry,
            summary: None,
            notes: if self.no_sidecar { 0 } else { notes_in(source) },
        });
        self.items.len() - 1
    }
}

/// Notes in the sidecar of the article at `source`: its `[[notes]]` tables
/// (counted without parsing the file, which the reader does when it opens
/// the article).
fn notes_in(source: &str) -> usize {
    let Some(from) = crate::library::sidecar(source) else {
        return 0;
    };
    std::fs::read_to_string(from).map_or(0, |s| {
        s.lines()
            .filter(|l| l.trim_start().starts_with("[[notes]]"))
            .count()
    })
}

impl App {
    /// True when the library's list is on screen (keys act on it).
    pub fn in_library_list(&self) -> bool {
        self.library.as_ref().is_some_and(|l| l.view == View::List)
    }
}

/// A command while the list is on screen; false when it means there what
/// it means in an article (help, messages, theme, quit).
pub(super) fn command(app: &mut App, command: Command) -> bool {
    let height = list_height(app);
    let Some(lib) = app.library.as_mut() else {
        return false;
    };
    let done = match command.route() {
        Route::Scroll(s) => {
            move_by(lib, scroll_delta(s, height.max(1) as isize), height);
            true
        }
        Route::Prompt(p) => filter_prompt(&mut app.prompt, lib, p),
        _ => false,
    };
    if done {
        return true;
    }
    match command {
        Command::Activate => {
            if let Some(&i) = lib.rows.get(lib.list.selected) {
                open(app, i);
            } else {
                app.message = "no article here".into();
            }
        }
        Command::Search => app.prompt = Some(lib.filter.clone()),
        Command::SortLibrary => {
            lib.sort = match lib.sort {
                Sort::Given => Sort::Date,
                Sort::Date => Sort::Title,
                Sort::Title => Sort::Given,
            };
            lib.arrange();
            app.message = format!("sorted {}", lib.sort.name());
        }
        Command::Library | Command::JumpBack => match lib.current {
            Some(_) => lib.view = View::Reader,
            None => {
                app.message = format!(
                    "no article open yet: {} opens one",
                    app.keymap.hint(Command::Activate)
                );
            }
        },
        Command::NextArticle => step(app, true),
        Command::PrevArticle => step(app, false),
        Command::Cancel => {
            if lib.actor.take().is_some() {
                app.message = "all articles".into();
            } else if !lib.filter.is_empty() {
                lib.filter.clear();
                app.message = "filter cleared".into();
            }
            lib.arrange();
        }
        Command::Help | Command::Messages | Command::NextTheme | Command::Quit => return false,
        other => {
            app.message = format!(
                "{}: not in the library's list ({} opens an article)",
                other.name(),
                app.keymap.hint(Command::Activate)
            );
        }
    }
    true
}

/// How far a scrolling command moves the list's selection, a page being
/// `page` rows.
fn scroll_delta(scroll: cmd::Scroll, page: isize) -> isize {
    use cmd::Scroll as S;
    match scroll {
        S::Down => 1,
        S::Up => -1,
        S::HalfPageDown => page / 2,
        S::HalfPageUp => -page / 2,
        S::PageDown => page,
        S::PageUp => -page,
        S::Top => isize::MIN / 2,
        S::Bottom => isize::MAX / 2,
    }
}

/// A prompt's key in the list's filter prompt (`prompt`): done, closed
/// (the filter cleared), or its text edited (the filter follows). False
/// for the merge picker's keys, which mean nothing here.
fn filter_prompt(prompt: &mut Option<String>, lib: &mut Library, key: cmd::Prompt) -> bool {
    match key {
        cmd::Prompt::Submit => *prompt = None,
        cmd::Prompt::Cancel => {
            *prompt = None;
            lib.filter.clear();
            lib.arrange();
        }
        cmd::Prompt::Backspace | cmd::Prompt::Clear => {
            if let Some(p) = prompt.as_mut() {
                if key == cmd::Prompt::Clear {
                    p.clear();
                } else {
                    p.pop();
                }
                lib.filter.clone_from(p);
                lib.arrange();
            }
        }
        cmd::Prompt::Next | cmd::Prompt::Prev => return false,
    }
    true
}

/// A character typed into the list's filter prompt.
pub(super) fn typed(app: &mut App, key: Key) {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    if let (Some(lib), Some(p), KeyCode::Char(c)) =
        (app.library.as_mut(), app.prompt.as_mut(), key.code)
        && !key.mods.contains(KeyModifiers::CONTROL)
    {
        p.push(c);
        lib.filter.clone_from(p);
        lib.arrange();
    }
}

/// Moves the list's selection by `delta` rows, within the list, and the
/// list with it when it leaves the screen (`height` lines of list).
fn move_by(lib: &mut Library, delta: isize, height: usize) {
    let last = lib.rows.len().saturating_sub(1);
    lib.list.selected = lib.list.selected.saturating_add_signed(delta).min(last);
    lib.list.offset = lib.first_row(height);
}

/// Lines of the list on screen: all but its two heading lines and the
/// status line.
pub fn list_height(app: &App) -> usize {
    usize::from(app.areas.status.y.saturating_sub(2))
}

/// `L` in an article: the list.
pub(super) fn show_list(app: &mut App) {
    match app.library.as_mut() {
        Some(lib) => {
            lib.view = View::List;
            if let Some(row) = lib
                .current
                .and_then(|c| lib.rows.iter().position(|&r| r == c))
            {
                lib.list.selected = row;
            }
        }
        None => {
            app.message = "no library: open a folder, a feed or several files".into();
        }
    }
}

/// `]a` `[a`: the next or previous article of the list.
pub(super) fn step(app: &mut App, forward: bool) {
    let Some(lib) = app.library.as_ref() else {
        app.message = "no library: open a folder, a feed or several files".into();
        return;
    };
    let here = lib
        .current
        .and_then(|c| lib.rows.iter().position(|&r| r == c));
    let next = match (here, forward) {
        (None, _) => Some(lib.list.selected),
        (Some(r), true) => Some(r + 1).filter(|&r| r < lib.rows.len()),
        (Some(r), false) => r.checked_sub(1),
    };
    match next.and_then(|r| lib.rows.get(r)) {
        Some(&i) => open(app, i),
        None if forward => app.message = "the last article of the list".into(),
        None => app.message = "the first article of the list".into(),
    }
}

/// Opens item `i` of the library in the reader, in place of the article
/// shown; after `A`, at the actor's first mention with the actor selected.
pub(super) fn open(app: &mut App, i: usize) {
    open_at(app, i, None);
}

/// Opens item `i`, at `jump` when given. A web page is fetched in the
/// background when the front end does that: it opens on
/// [`super::Event::Fetched`].
fn open_at(app: &mut App, i: usize, jump: Option<Jump>) {
    if let Some(unsaved) = app.store.unsaved() {
        app.message = format!("{}: not saved; quit to keep them", unsaved.describe());
        return;
    }
    let Some(lib) = app.library.as_mut() else {
        return;
    };
    let entry = lib.items[i].entry.clone();
    if lib.background && entry.content.is_none() && is_url(&entry.source) {
        lib.fetching = Some(Fetching { item: i, jump });
        app.message = format!("fetching {}…", entry.source);
        return;
    }
    show(app, i, load(&entry), jump);
}

/// What the background fetch of item `item` gave: shown when it is still
/// the article asked for.
pub(super) fn fetched(app: &mut App, item: usize, result: Result<Loaded, OpenError>) {
    let Some(lib) = app.library.as_mut() else {
        return;
    };
    match lib.fetching {
        Some(f) if f.item == item => {
            lib.fetching = None;
            show(app, item, result.map(|l| *l.0), f.jump);
        }
        _ => {}
    }
}

/// Shows `doc`, item `i`'s article, in the reader (or says why not).
fn show(
    app: &mut App,
    i: usize,
    doc: Result<crate::document::Document, OpenError>,
    jump: Option<Jump>,
) {
    let Some(mut lib) = app.library.take() else {
        return;
    };
    let entry = lib.items[i].entry.clone();
    let opened = doc.map_err(Failure::from).and_then(|doc| {
        let common = Common {
            theme: None,
            no_sidecar: lib.no_sidecar,
            annotations: None,
        };
        crate::open::open_document(doc, &Origin::from_source(&entry.source), &common, false)
    });
    let mut opened = match opened {
        Ok(o) => o,
        Err(failure) => {
            app.library = Some(lib);
            app.message = failure.message;
            return;
        }
    };
    if entry.content.is_some() {
        // A feed's item is not a file of its own to watch.
        opened.path = None;
    }
    let actor = lib.actor.as_ref().map(|a| (a.keys.clone(), a.from));
    if let Some((_, Some(from))) = &actor
        && lib.trail.last() != Some(from)
    {
        lib.trail.push(*from);
    }
    lib.items[i].notes = opened.store.notes().len();
    lib.current = Some(i);
    lib.view = View::Reader;
    let message = opened.messages.join("; ");
    replace_article(app, opened, lib);
    app.message = message;
    // An article the index has not seen (a feed's link) has its counts
    // once read.
    if let Some(item) = app.library.as_mut().map(|l| &mut l.items[i])
        && item.summary.is_none()
    {
        let ann = &app.ann;
        let actors = (0..ann.entities.len()).filter(|&e| ann.is_actor(e)).count();
        item.summary = Some(Summary {
            title: app.doc.title.clone(),
            date: app.doc.date.clone().or_else(|| item.entry.date.clone()),
            counts: [actors, ann.commitments.len(), ann.quotes.len()],
        });
    }
    if let Some((keys, _)) = actor {
        select_matching(app, &keys);
    }
    if let Some(jump) = jump {
        app.cursor = jump.cursor;
        let line = app.layout.line_of(jump.top_byte);
        set_top(app, line);
        if let Some(e) = jump.selected {
            select_entity(app, e);
        }
    }
}

/// Shows `opened` in place of the article, keeping what belongs to the
/// reader rather than to the article (keys, theme, messages, the library).
fn replace_article(app: &mut App, opened: crate::open::Opened, lib: Box<Library>) {
    let size = (app.areas.screen.width, app.areas.screen.height);
    let crate::open::Opened {
        doc,
        store,
        auto,
        files,
        path,
        ..
    } = opened;
    let mut next = App::with_store(doc, store, auto, app.theme.clone(), size);
    next.open_files = files;
    next.article_file = path;
    next.keymap = app.keymap.clone();
    next.messages = std::mem::take(&mut app.messages);
    next.library = Some(lib);
    next.index = app.index.take();
    *app = next;
}

/// Selects the actor whose keys meet `keys`, with the cursor on its first
/// mention.
fn select_matching(app: &mut App, keys: &[String]) {
    let text = std::sync::Arc::clone(&app.doc.text);
    let found = (0..app.ann.entities.len()).find(|&e| {
        app.ann.is_actor(e)
            && index::keys(&app.ann, e, &text)
                .iter()
                .any(|k| keys.contains(k))
    });
    let Some(e) = found else {
        app.message = "the actor is not in this article as it reads now".into();
        return;
    };
    if let Some(&m) = app.ann.entities[e]
        .mentions
        .iter()
        .min_by_key(|&&m| app.ann.mentions[m].span.start)
    {
        let cursor = on_mention(&app.ann, m);
        app.cursor = Some(cursor);
        scroll_into_view(app, cursor.span);
    }
    select_entity(app, e);
    app.message = format!("{} in this article", app.ann.entities[e].name);
}

/// `<C-o>` with nothing left in this article's history: back to the
/// article `A` was pressed in. False when there is none.
pub(super) fn back_across(app: &mut App) -> bool {
    let Some((item, jump)) = app.library.as_mut().and_then(|l| l.trail.pop()) else {
        return false;
    };
    if let Some(lib) = app.library.as_mut() {
        lib.actor = None;
        lib.arrange();
    }
    open_at(app, item, Some(jump));
    true
}

/// `A`: the other articles that mention the selected actor (in the Actors
/// tab, the highlighted one), from the index.
pub(super) fn actor_articles(app: &mut App) {
    let Some(e) = chosen_actor(app) else {
        app.message = "select an actor first (<CR> on a name, or the Actors tab)".into();
        return;
    };
    let here = crate::library::absolute(&app.doc.source);
    let entity = &app.ann.entities[e];
    let name = entity.name.clone();
    let text = &*app.doc.text;
    // The actor as this article has it now, to be grouped with the index's.
    let me = OpenActor {
        row: ActorRow {
            id: 0,
            source: here.clone(),
            title: app.doc.title.clone(),
            name: name.clone(),
            kind: entity.kind.as_str().into(),
            counts: [0; 3],
        },
        keys: index::keys(&app.ann, e, text),
        aliases: (entity.mentions.iter())
            .map(|&m| app.ann.mentions[m].span.slice(text))
            .filter(|t| index::is_acronym_allowing_periods(t))
            .map(index::normalise)
            .collect(),
    };
    let Some(path) = app.index.clone() else {
        app.message = "no library index here".into();
        return;
    };
    let (rows, keys, commitments) = match matching(&path, me) {
        Ok(r) => r,
        Err(e) => {
            app.message = e.to_string();
            return;
        }
    };
    let rows: Vec<_> = rows.into_iter().filter(|r| r.source != here).collect();
    if rows.is_empty() {
        app.message =
            format!("no other indexed article mentions {name} (gloss index DIR indexes a folder)");
        return;
    }
    let jump = Jump {
        cursor: app.cursor,
        top_byte: app.top_byte(),
        selected: app.selected,
    };
    let lib = app.library.get_or_insert_with(|| {
        Box::new(Library::new(
            here.clone(),
            Vec::new(),
            &HashMap::new(),
            false,
        ))
    });
    let from_item = lib.current.unwrap_or_else(|| {
        let title = app.doc.title.clone();
        lib.item_of(&here, &title)
    });
    if lib.current.is_none() {
        lib.current = Some(from_item);
    }
    let hits = hits(lib, rows, commitments);
    let n = hits.len();
    lib.actor = Some(ActorFilter {
        name: crate::document::sanitize::clean_line(&name).into_owned(),
        keys,
        hits,
        from: Some((from_item, jump)),
    });
    lib.filter.clear();
    lib.list = ListState::default();
    lib.view = View::List;
    lib.arrange();
    app.message = format!(
        "{n} other article(s) mention {name} · {} opens one",
        app.keymap.hint(Command::Activate)
    );
}

/// Each actor row's commitments (`kind: text`), by its id.
type Commitments = HashMap<i64, Vec<String>>;

/// The actor rows, in the index at `path`, of the actor `me` is (grouped
/// as `gloss actors` groups them), with their commitments, and the keys of
/// the whole actor (with its kind, as [`index::keys`] makes them).
fn matching(
    path: &std::path::Path,
    me: OpenActor,
) -> Result<(Vec<ActorRow>, Vec<String>, Commitments), IndexError> {
    let (index, _) = Index::open(path)?;
    let id = me.row.id;
    let Some(actor) = group(index.around(me)?)
        .into_iter()
        .find(|a| a.rows.iter().any(|r| r.id == id))
    else {
        return Ok(Default::default());
    };
    let keys = (actor.keys.iter())
        .map(|k| format!("{}:{k}", actor.kind))
        .collect();
    let rows: Vec<ActorRow> = actor.rows.into_iter().filter(|r| r.id != id).collect();
    let mut commitments = HashMap::new();
    for r in &rows {
        let items = index.items(r.id)?;
        commitments.insert(
            r.id,
            items
                .into_iter()
                .filter(|i| !matches!(i.what.as_str(), "mention" | "quote"))
                .map(|i| format!("{}: {}", i.what, i.text))
                .collect::<Vec<_>>(),
        );
    }
    Ok((rows, keys, commitments))
}

/// The items of `lib` that `rows` are in (added to it when new), each
/// with its rows' counts and commitments summed.
fn hits(lib: &mut Library, rows: Vec<ActorRow>, mut commitments: Commitments) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    for r in rows {
        let item = lib.item_of(&r.source, &r.title);
        let mine = commitments.remove(&r.id).unwrap_or_default();
        match hits.iter_mut().find(|h| h.item == item) {
            Some(h) => {
                for k in 0..3 {
                    h.counts[k] += r.counts[k];
                }
                h.commitments.extend(mine);
            }
            None => hits.push(Hit {
                item,
                counts: r.counts,
                commitments: mine,
            }),
        }
    }
    hits
}

/// The library's part of the reader's state for `render --state`: the
/// view and the article open.
pub fn state(app: &App) -> Option<(&'static str, Option<String>)> {
    let lib = app.library.as_ref()?;
    let view = match lib.view {
        View::List => "library",
        View::Reader => "reader",
    };
    Some((view, lib.current.map(|i| lib.items[i].entry.source.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        let entry = |source: &str, title: &str, date: Option<&str>| Entry {
            source: source.into(),
            title: title.into(),
            date: date.map(str::to_owned),
            origin: "Wire".into(),
            content: None,
        };
        let entries = vec![
            entry("a", "Bravo", Some("2024-03-01T10:00:00Z")),
            entry("b", "alpha", None),
            entry("c", "Charlie", Some("2024-03-14T10:00:00Z")),
        ];
        Library::new("wire".into(), entries, &HashMap::new(), true)
    }

    fn titles(lib: &Library) -> Vec<&str> {
        lib.rows.iter().map(|&i| lib.items[i].title()).collect()
    }

    #[test]
    fn the_list_sorts_by_date_newest_first_then_by_title() {
        let mut lib = library();
        assert_eq!(titles(&lib), ["Bravo", "alpha", "Charlie"]);
        lib.sort = Sort::Date;
        lib.arrange();
        assert_eq!(titles(&lib), ["Charlie", "Bravo", "alpha"]);
        lib.sort = Sort::Title;
        lib.arrange();
        assert_eq!(titles(&lib), ["alpha", "Bravo", "Charlie"]);
    }

    #[test]
    fn the_filter_and_the_actor_narrow_the_list_keeping_the_selection() {
        let mut lib = library();
        lib.list.selected = 2;
        lib.filter = "AR".into();
        lib.arrange();
        assert_eq!(titles(&lib), ["Charlie"]);
        assert_eq!(lib.list.selected, 0, "Charlie stays selected");
        lib.filter.clear();
        lib.actor = Some(ActorFilter {
            name: "Kim".into(),
            keys: Vec::new(),
            hits: vec![Hit {
                item: 1,
                counts: [1, 0, 0],
                commitments: Vec::new(),
            }],
            from: None,
        });
        lib.arrange();
        assert_eq!(titles(&lib), ["alpha"]);
        assert_eq!(lib.row_lines(), 2);
    }

    #[test]
    fn a_web_page_opens_when_its_background_fetch_arrives() {
        let mut app = crate::app::tests::app(3, (100, 20));
        let dir = tempfile::tempdir().expect("temp dir");
        let first = dir.path().join("a.txt");
        std::fs::write(&first, "Bob Day spoke.").expect("write");
        let mut lib = library();
        lib.items[0].entry.source = first.to_string_lossy().into_owned();
        lib.items[1].entry.source = "https://example.org/b".into();
        lib.background = true;
        app.library = Some(Box::new(lib));
        crate::app::update(&mut app, Command::NextArticle.into());
        assert_eq!(app.library.as_ref().unwrap().current, Some(0));
        crate::app::update(&mut app, Command::NextArticle.into());
        let lib = app.library.as_ref().unwrap();
        assert_eq!(lib.fetching.map(|f| f.item), Some(1), "{}", app.message);
        assert_eq!(
            lib.current,
            Some(0),
            "the article stays until the page comes"
        );
        // A stale answer (another item) is dropped; the right one opens.
        let page = |text: &str| {
            crate::document::Document::new(
                text.into(),
                "https://example.org/b",
                crate::document::Format::Text,
            )
        };
        let stale = Ok(Loaded(Box::new(page("Stale."))));
        crate::app::update(&mut app, crate::app::Event::Fetched(2, stale).into());
        assert_eq!(app.library.as_ref().unwrap().current, Some(0));
        let fresh = Ok(Loaded(Box::new(page("Ann Lee wrote."))));
        crate::app::update(&mut app, crate::app::Event::Fetched(1, fresh).into());
        let lib = app.library.as_ref().unwrap();
        assert_eq!((lib.current, lib.fetching), (Some(1), None));
        assert_eq!(&*app.doc.text, "Ann Lee wrote.");
        // A failure is said, and nothing else changes.
        crate::app::update(&mut app, Command::PrevArticle.into());
        crate::app::update(&mut app, Command::NextArticle.into());
        let gone = Err(OpenError::from(crate::fetch::FetchError {
            url: "https://example.org/b".into(),
            problem: crate::fetch::Problem::Refused,
        }));
        crate::app::update(&mut app, crate::app::Event::Fetched(1, gone).into());
        assert_eq!(app.message, "https://example.org/b: connection refused");
        assert_eq!(app.library.as_ref().unwrap().current, Some(0));
    }

    #[test]
    fn the_first_row_on_screen_follows_the_selection() {
        let mut lib = library();
        lib.list.selected = 2;
        assert_eq!(lib.first_row(2), 1);
        assert_eq!(lib.first_row(10), 0);
        lib.list.offset = 2;
        lib.list.selected = 0;
        assert_eq!(lib.first_row(2), 0);
    }
}
