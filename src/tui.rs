//! The interactive reader: terminal setup and restore, and the event loop.
//!
//! `ratatui::try_init` enters raw mode and the alternate screen and installs
//! a panic hook that restores the terminal before the panic message prints.
//! SIGTERM, SIGHUP and SIGINT set a flag (through `signal-hook`) that ends
//! the loop, so the terminal is restored on those too; `<C-c>` is a key in
//! raw mode and quits normally.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::annotate::annotate;
use crate::app::{Action, App, update};
use crate::cli::{Common, Failure};
use crate::document::Document;
use crate::keymap::Key;
use crate::theme;

/// How often the loop wakes to check for a termination signal.
const TICK: Duration = Duration::from_millis(200);

/// Opens the reader on `doc` until the user quits.
pub fn run(doc: Document, common: &Common) -> Result<(), Failure> {
    let no_color = theme::no_color_env();
    let theme = theme::choose(common.theme.as_deref(), no_color).map_err(Failure::input)?;
    let ann = annotate(&doc.text);
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| Failure::runtime(format!("cannot watch signals: {e}")))?;
    }
    let mut term = ratatui::try_init()
        .map_err(|e| Failure::runtime(format!("cannot set up the terminal: {e}")))?;
    let result = event_loop(&mut term, doc, ann, theme, no_color, &stop);
    ratatui::restore();
    result.map_err(|e| Failure::runtime(format!("terminal: {e}")))
}

fn event_loop(
    term: &mut DefaultTerminal,
    doc: Document,
    ann: crate::model::Annotations,
    theme: theme::Theme,
    no_color: bool,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let size = term.size()?;
    let mut app = App::new(doc, ann, theme, no_color, (size.width, size.height));
    let mut dirty = true;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            term.draw(|f| crate::ui::draw(&app, f))?;
            dirty = false;
        }
        if !event::poll(TICK)? {
            continue;
        }
        // Handle everything already typed before drawing again.
        loop {
            match event::read()? {
                Event::Key(k) => {
                    if let Some(action) = Key::from_event(k).and_then(|key| app.action_for(key)) {
                        update(&mut app, action);
                        dirty = true;
                    }
                }
                Event::Resize(w, h) => {
                    update(&mut app, Action::Resize(w, h));
                    dirty = true;
                }
                _ => {}
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}
