//! The interactive reader: terminal setup and restore, and the event loop.
//! It reads the user's keymap file (`gloss render` keeps the default keys,
//! so scripts replay the same way everywhere).
//!
//! `ratatui::try_init` enters raw mode and the alternate screen and installs
//! a panic hook that restores the terminal before the panic message prints.
//! SIGTERM and SIGINT set a flag (through `signal-hook`) that ends the loop
//! (`Event::Terminated` saves a note being written and writes changes that
//! could not be saved to a recovery file), so the terminal is restored on
//! those too; `<C-c>` is a key in raw mode
//! and quits normally. SIGHUP means the terminal is gone: there is nothing
//! to restore, and crossterm would spin reading the closed terminal, so it
//! ends the process at once (exit status 129).
//!
//! The mouse is reported while the reader is open (wheel, clicks; see
//! `app::mouse`) and given back on every exit, a panic included. The
//! article and its sidecar are watched on the tick ([`crate::watch`]): a
//! changed article is read, annotated and taken in again in the background.
//!
//! A large article (see [`crate::open::BACKGROUND_BYTES`]) is annotated on a
//! worker thread: the text shows at once, the status line says
//! "annotating… 42%", and the worker's progress and annotations come back
//! as events through a channel the loop checks between events;
//! `Event::Annotated` then shows the highlights.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, MouseEventKind};

use crate::app::library::Library;
use crate::app::{App, Event as AppEvent, update};
use crate::document::Document;
use crate::keymap::{Key, Keymap};
use crate::open::{Common, Failure, Opened, opening_message};
use crate::theme;
use crate::watch::Watch;

/// How often the loop wakes to check for a termination signal.
const TICK: Duration = Duration::from_millis(200);

/// Opens the reader on the opened article until the user quits; then
/// prints the reader's farewell line, if it has one.
/// A library (see [`crate::app::library`]) opens on its list.
pub fn run(opened: Opened, library: Option<Library>, common: &Common) -> Result<(), Failure> {
    let no_color = theme::no_color_env();
    let (themes, warning) = theme::choose(common.theme.as_deref(), no_color)
        .map_err(|e| Failure::input(e.to_string()))?;
    // What is wrong with the user's keymap stays on the terminal after the
    // reader closes, and shows in the status line while it is open.
    let (keymap, keymap_problems) = Keymap::load();
    for problem in &keymap_problems {
        crate::term::warning(problem);
    }
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(&stop)?;
    let mut term = ratatui::try_init()
        .map_err(|e| Failure::runtime(format!("cannot set up the terminal: {e}")))?;
    // The mouse is asked for after ratatui's panic hook is in place, and
    // given back before it restores the rest, on a panic as on any exit.
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crate::term::mouse_capture(false);
        restore_terminal(info);
    }));
    // A terminal that cannot report the mouse reads keys as before.
    let _ = crate::term::mouse_capture(true);
    let keymap_warning = (!keymap_problems.is_empty()).then(|| keymap_problems.join("; "));
    let warning = warning.or(keymap_warning);
    let result = event_loop(&mut term, opened, library, &themes, keymap, warning, &stop);
    let _ = crate::term::mouse_capture(false);
    ratatui::restore();
    if let Ok(Some(farewell)) = &result {
        crate::term::warning(farewell);
    }
    result
        .map(drop)
        .map_err(|e| Failure::runtime(format!("terminal: {e}")))
}

/// Sets `stop` on SIGTERM and SIGINT; ends the process on SIGHUP.
#[cfg(unix)]
fn watch_signals(stop: &Arc<AtomicBool>) -> Result<(), Failure> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let failed = |e: std::io::Error| Failure::runtime(format!("cannot watch signals: {e}"));
    for signal in [SIGTERM, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(stop)).map_err(failed)?;
    }
    let always = Arc::new(AtomicBool::new(true));
    signal_hook::flag::register_conditional_shutdown(SIGHUP, 129, always).map_err(failed)?;
    Ok(())
}

/// Elsewhere, closing the console ends the process and `<C-c>` is a key.
#[cfg(not(unix))]
fn watch_signals(_stop: &Arc<AtomicBool>) -> Result<(), Failure> {
    Ok(())
}

/// Annotates `doc` on a worker thread, as
/// [`crate::annotate::annotate_document`] does (its text is shared with the
/// reader, and copied only when it has code to hide). What it has to say
/// arrives on the channel as actions: its progress, then its annotations.
fn annotate_in_background(doc: &Document) -> Receiver<AppEvent> {
    let (tx, rx) = std::sync::mpsc::channel();
    let (text, code, headings) = (Arc::clone(&doc.text), doc.code_spans(), doc.heading_spans());
    std::thread::spawn(move || {
        // The reader may have quit: then nobody listens, and that is fine.
        let ann = crate::annotate::annotate_hiding(&text, &code, &headings, &mut |step| {
            let _ = tx.send(AppEvent::AnnotationProgress(step.percent()));
        });
        let _ = tx.send(AppEvent::Annotated(Box::new(ann)));
    });
    rx
}

/// Hands what the background annotator sent to `update`; true once it has
/// finished (or stopped without annotations).
fn take_annotations(app: &mut App, rx: &Receiver<AppEvent>) -> bool {
    loop {
        match rx.try_recv() {
            Ok(event) => {
                let done = matches!(event, AppEvent::Annotated(_));
                update(app, event.into());
                if done {
                    return true;
                }
            }
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => {
                update(app, AppEvent::AnnotationFailed.into());
                return true;
            }
        }
    }
}

/// Starts fetching the web page the reader asked for (see
/// [`crate::app::library::Fetching`]) on a worker thread, unless it is the
/// one `started` already; its result comes back on `tx`. Returns the item
/// being fetched now.
fn fetch_asked(
    app: &App,
    started: Option<usize>,
    tx: &std::sync::mpsc::Sender<AppEvent>,
) -> Option<usize> {
    let lib = app.library.as_deref()?;
    let item = lib.fetching?.item;
    if started != Some(item) {
        let entry = lib.items[item].entry.clone();
        let tx = tx.clone();
        std::thread::spawn(move || {
            let result =
                crate::library::load(&entry).map(|doc| crate::app::library::Loaded(Box::new(doc)));
            // The reader may have quit: then nobody listens, and that is fine.
            let _ = tx.send(AppEvent::Fetched(item, result));
        });
    }
    Some(item)
}

/// Carries out what `update` asked of the world (see [`crate::effects`]):
/// the clipboard's sequence goes to the terminal, a browser is left
/// running (a thread waits for it, so it leaves no zombie), and what went
/// wrong shows in the status line.
fn perform(app: &mut App, browser: Option<&str>) {
    if app.effects.is_empty() {
        return;
    }
    let mut done = crate::effects::perform(&app.effects, browser);
    if let Err(e) = crate::term::control(&done.sequences) {
        done.problems.push(format!("cannot copy: {e}"));
    }
    for mut child in done.children {
        std::thread::spawn(move || child.wait());
    }
    update(app, AppEvent::Performed(done.problems).into());
}

fn event_loop(
    term: &mut DefaultTerminal,
    opened: Opened,
    library: Option<Library>,
    themes: &theme::Themes,
    keymap: Keymap,
    warning: Option<String>,
    stop: &AtomicBool,
) -> std::io::Result<Option<String>> {
    let size = term.size()?;
    let (mut app, mut annotations) = start_app(
        opened,
        library,
        themes,
        keymap,
        warning,
        (size.width, size.height),
    );
    let (fetched_tx, fetched_rx) = std::sync::mpsc::channel();
    let mut fetch_started = None;
    let mut watch = Watch::new(&app);
    let browser = std::env::var("BROWSER").ok();
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if let Some(rx) = &annotations {
            let before = app.annotating;
            if take_annotations(&mut app, rx) {
                annotations = None;
            }
            dirty |= app.annotating != before;
        }
        fetch_started = fetch_asked(&app, fetch_started, &fetched_tx);
        while let Ok(event) = fetched_rx.try_recv() {
            update(&mut app, event.into());
            dirty = true;
        }
        if dirty {
            term.draw(|f| crate::ui::draw(&app, themes, f))?;
            dirty = false;
        }
        if !event::poll(TICK)? {
            // The sidecar or the article changed on disk.
            for event in watch.tick(&app, false) {
                update(&mut app, event.into());
                dirty = true;
            }
            continue;
        }
        dirty |= handle_typed(&mut app, browser.as_deref())?;
    }
    if !app.quit {
        update(&mut app, AppEvent::Terminated.into());
    }
    Ok(app.farewell)
}

/// Builds the reader's state for the opened article: annotated now, or
/// annotating on a background thread whose result comes through the
/// returned receiver; the library list behind it when there is one, the
/// keymap in place and the opening message (or `warning`) in the status line.
fn start_app(
    opened: Opened,
    library: Option<Library>,
    themes: &theme::Themes,
    keymap: Keymap,
    warning: Option<String>,
    size: (u16, u16),
) -> (App, Option<Receiver<AppEvent>>) {
    let opening = opening_message(&opened.doc, &opened.messages);
    let Opened {
        doc,
        store,
        auto,
        annotate_later,
        files,
        path,
        ..
    } = opened;
    let (mut app, annotations) = if annotate_later {
        let rx = annotate_in_background(&doc);
        (App::annotating(doc, store, themes.choice(), size), Some(rx))
    } else {
        (
            App::with_store(doc, store, auto, themes.choice(), size),
            None,
        )
    };
    app.open_files = files;
    app.article_file = path;
    app.index = crate::library::index::default_path().ok();
    if let Some(mut library) = library {
        // The list's own hint shows instead of the article's.
        library.background = true;
        app.library = Some(Box::new(library));
        app.message.clear();
    }
    update(&mut app, AppEvent::Keymap(Box::new(keymap)).into());
    if let Some(w) = warning.or(opening) {
        app.message = w;
    }
    (app, annotations)
}

/// Handles every terminal event already waiting (keys, mouse, resizes)
/// before the next frame is drawn; tells whether the screen needs a redraw.
fn handle_typed(app: &mut App, browser: Option<&str>) -> std::io::Result<bool> {
    let mut dirty = false;
    loop {
        match event::read()? {
            Event::Key(k) => {
                if let Some(key) = Key::from_event(k) {
                    let action = app.action_for(key);
                    update(app, action);
                    perform(app, browser);
                    dirty = true;
                }
            }
            Event::Mouse(m) => {
                // Moves (reported all the time) change nothing: no redraw.
                dirty |= !matches!(
                    m.kind,
                    MouseEventKind::Moved | MouseEventKind::Up(_) | MouseEventKind::Drag(_)
                );
                update(app, AppEvent::Mouse(m).into());
            }
            Event::Resize(w, h) => {
                update(app, AppEvent::Resize(w, h).into());
                dirty = true;
            }
            _ => {}
        }
        if app.quit || !event::poll(Duration::ZERO)? {
            return Ok(dirty);
        }
    }
}
