//! Watching the files the reader shows, on its tick: the sidecar (another
//! gloss, an editor or a `git pull` changed the notes) and the article
//! itself (an editor saved it, a feed reader rewrote it).
//!
//! Each file's modification time and size are compared with those seen
//! last; polling two `stat` calls a tick costs nothing next to a redraw,
//! and needs no file-notification crate (inotify, FSEvents and kqueue
//! differ, and miss files replaced by a rename, which is how editors save).
//! A changed article is read and annotated again on a worker thread, as a
//! large article is when it opens; the reader keeps showing the old one
//! until the new one is ready, and takes it in when no popup, prompt or
//! selection is open, so nothing being typed is lost.
//!
//! The article watched is the one the reader shows ([`App::article_file`]):
//! when the library opens another, the watch follows it, and what was
//! being read again of the one before is dropped.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::SystemTime;

use crate::app::{App, Event, Reloaded};

/// What a file looked like: its modification time and size (`None`: it
/// could not be read, or is gone for now, as in the middle of a save).
type Stamp = Option<(SystemTime, u64)>;

/// The stamp of the file at `path`.
fn stamp(path: &std::path::Path) -> Stamp {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// The watcher of one reader's files.
#[derive(Debug)]
pub struct Watch {
    /// The article's file and its stamp, when it is a file to watch.
    article: Option<(PathBuf, Stamp)>,
    /// The sidecar's stamp.
    sidecar: Stamp,
    /// The worker reading and annotating the changed article.
    worker: Option<Receiver<Event>>,
    /// Its result, held until the reader can take it in.
    ready: Option<Event>,
}

impl Watch {
    /// Watches `app`'s sidecar and its article's file, when it has one,
    /// from how they are now.
    pub fn new(app: &App) -> Self {
        Self {
            article: article_stamp(app),
            sidecar: sidecar_stamp(app),
            worker: None,
            ready: None,
        }
    }

    /// One tick: the events for what changed since the last. With `wait`
    /// (`gloss render`), a changed article is read and annotated before
    /// this returns, so a replay is the same every time.
    pub fn tick(&mut self, app: &App, wait: bool) -> Vec<Event> {
        let mut events = Vec::new();
        if self.article.as_ref().map(|(p, _)| p) != app.article_file.as_ref() {
            // Another article: watched from now on, as it was opened.
            *self = Self::new(app);
        }
        let now = sidecar_stamp(app);
        if now != self.sidecar {
            self.sidecar = now;
            events.push(Event::Reload);
        }
        if let Some((path, seen)) = &mut self.article {
            let now = stamp(path);
            if now.is_some() && now != *seen && self.worker.is_none() {
                *seen = now;
                self.worker = Some(read_again(path.clone()));
            }
        }
        if let Some(rx) = &self.worker {
            let got = if wait {
                rx.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                rx.try_recv()
            };
            match got {
                Ok(event) => {
                    self.ready = Some(event);
                    self.worker = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.worker = None;
                    events.push(Event::ArticleUnreadable(
                        "the article changed on disk, and reading it again failed".into(),
                    ));
                }
            }
        }
        // Nor while a large article's annotations are still being made:
        // they are for the text they were made from.
        let free = app.popup.is_none()
            && app.prompt.is_none()
            && app.visual.is_none()
            && app.annotating.is_none();
        if free && let Some(event) = self.ready.take() {
            events.push(event);
        }
        events
    }
}

/// `app`'s article file and its stamp, when it has one.
fn article_stamp(app: &App) -> Option<(PathBuf, Stamp)> {
    let path = app.article_file.clone()?;
    let s = stamp(&path);
    Some((path, s))
}

/// The stamp of `app`'s sidecar (`None`: it has none).
fn sidecar_stamp(app: &App) -> Stamp {
    stamp(app.store.location()?)
}

/// Reads the article at `path` again and annotates it, on a worker thread.
fn read_again(path: PathBuf) -> Receiver<Event> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let source = path.to_string_lossy().into_owned();
        let event = match crate::document::load(&source) {
            Ok(mut doc) => {
                let ann = crate::annotate::annotate_document(&mut doc);
                Event::ArticleChanged(Box::new(Reloaded { doc, ann }))
            }
            Err(e) => Event::ArticleUnreadable(format!(
                "the article changed on disk and cannot be read: {e}"
            )),
        };
        // The reader may have quit: then nobody listens, and that is fine.
        let _ = tx.send(event);
    });
    rx
}
