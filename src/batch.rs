//! Annotating many articles at once: each is opened, annotated and
//! serialized by the caller's work function, in parallel on `jobs` threads,
//! and written in input order, so the output is the same for any number of
//! jobs.
//!
//! The threads take inputs in order from a shared counter, and none runs
//! more than a few documents ahead of the writer, so memory holds only a
//! handful of finished outputs whatever the size of the corpus, even when
//! one document is much slower than the rest.
//!
//! A document that fails (unreadable, binary, ...) is reported through the
//! caller's event handler and the others go on. Nothing here touches the
//! terminal: the caller decides how to show progress and failures.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

use crate::document::LoadError;

/// The work done on one input, named as given: its output text (one JSON
/// line...) and the warnings met on the way, or an error whose message
/// names the input and why it failed.
pub type Work<'a, E> = dyn Fn(&str) -> Result<(String, Vec<String>), E> + Sync + 'a;

/// Something the caller may want to show while a batch runs; events come in
/// input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document could not be annotated: the message names it and the
    /// problem.
    Failed(&'a str),
    /// A document was read with a problem that did not stop it.
    Warning(&'a str),
    /// `done` of `total` documents are finished.
    Progress {
        /// Documents finished (written or failed).
        done: usize,
        /// Documents in the batch.
        total: usize,
    },
}

/// How a batch went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents in the batch.
    pub total: usize,
    /// Documents that failed.
    pub failed: usize,
}

/// What one document came to.
struct Finished {
    output: Outcome,
    warnings: Vec<String>,
}

/// The output of one document, or the message that it failed.
enum Outcome {
    /// Its output text.
    Done(String),
    /// Why it failed, naming it.
    Failed(String),
}

/// Does the work on one input; a panic costs that input, not the batch.
fn process<E: Display>(input: &Result<String, LoadError>, work: &Work<'_, E>) -> Finished {
    let failed = |message: String| Finished {
        output: Outcome::Failed(message),
        warnings: Vec::new(),
    };
    let name = match input {
        Ok(name) => name,
        Err(e) => return failed(e.to_string()),
    };
    match catch_unwind(AssertUnwindSafe(|| work(name))) {
        Ok(Ok((text, warnings))) => Finished {
            output: Outcome::Done(text),
            warnings,
        },
        Ok(Err(e)) => failed(e.to_string()),
        Err(_) => failed(format!(
            "{name}: internal error while annotating (please report it)"
        )),
    }
}

/// How far ahead of the writer, in documents per thread, a thread may work.
const AHEAD_PER_JOB: usize = 4;

/// What the threads of a batch share.
struct Shared {
    /// The next input to take.
    next: AtomicUsize,
    /// How many outputs are written; threads wait when too far ahead of it.
    written: Mutex<usize>,
    /// Signalled when `written` grows or the batch stops.
    progress: Condvar,
    /// Set when writing failed: threads take no more inputs.
    stop: AtomicBool,
}

impl Shared {
    /// Waits until input `i` is within `window` of the writer; false when the
    /// batch stopped meanwhile.
    fn wait_for_room(&self, i: usize, window: usize) -> bool {
        let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
        while i >= *written + window && !self.stop.load(Ordering::Relaxed) {
            written = self
                .progress
                .wait(written)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !self.stop.load(Ordering::Relaxed)
    }

    /// Records that `n` outputs are written, waking waiting threads.
    fn set_written(&self, n: usize) {
        *self.written.lock().unwrap_or_else(PoisonError::into_inner) = n;
        self.progress.notify_all();
    }

    /// Stops the batch, waking waiting threads.
    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
        self.progress.notify_all();
    }
}

/// Runs `work` on `inputs` (as [`crate::document::expand_inputs`] gives
/// them) on `jobs` threads, writes each output to `out` in input order, and
/// tells `on_event` about failures, warnings and progress.
///
/// Stops early, with the error, when `out` cannot be written to.
pub fn run<E: Display>(
    inputs: &[Result<String, LoadError>],
    jobs: usize,
    work: &Work<'_, E>,
    out: &mut dyn Write,
    on_event: &mut dyn FnMut(Event<'_>),
) -> std::io::Result<Summary> {
    let total = inputs.len();
    let jobs = jobs.clamp(1, total.max(1));
    let window = jobs * AHEAD_PER_JOB;
    let shared = Shared {
        next: AtomicUsize::new(0),
        written: Mutex::new(0),
        progress: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let (tx, rx) = mpsc::channel::<(usize, Finished)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (tx, shared) = (tx.clone(), &shared);
            scope.spawn(move || {
                loop {
                    let i = shared.next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || !shared.wait_for_room(i, window) {
                        break;
                    }
                    // The receiver only hangs up when writing failed.
                    if tx.send((i, process(&inputs[i], work))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let result = write_in_order(rx, total, out, on_event, &shared);
        shared.halt();
        result
    })
}

/// Receives finished documents, writes them to `out` in input order, and
/// reports failures, warnings and progress.
fn write_in_order(
    rx: mpsc::Receiver<(usize, Finished)>,
    total: usize,
    out: &mut dyn Write,
    on_event: &mut dyn FnMut(Event<'_>),
    shared: &Shared,
) -> std::io::Result<Summary> {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    let mut failed = 0;
    for (i, finished) in rx {
        waiting.insert(i, finished);
        while let Some(finished) = waiting.remove(&next) {
            next += 1;
            for w in &finished.warnings {
                on_event(Event::Warning(w));
            }
            match finished.output {
                Outcome::Done(text) => out.write_all(text.as_bytes())?,
                Outcome::Failed(message) => {
                    failed += 1;
                    on_event(Event::Failed(&message));
                }
            }
            on_event(Event::Progress { done: next, total });
            shared.set_written(next);
        }
    }
    out.flush()?;
    Ok(Summary { total, failed })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate_document;
    use crate::document;
    use crate::export::json;

    #[test]
    fn output_is_in_input_order_and_failures_are_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut inputs = Vec::new();
        for i in 0..12 {
            let path = dir.path().join(format!("a{i:02}.txt"));
            std::fs::write(
                &path,
                format!("Story {i}\n\nMary Smith met Kim in Paris.\n"),
            )
            .expect("write");
            inputs.push(Ok(path.to_string_lossy().into_owned()));
        }
        inputs.insert(3, Ok("/no/such/article.txt".to_owned()));
        let run_with = |jobs| {
            let mut out = Vec::new();
            let mut failures = Vec::new();
            let mut last = None;
            let work = |name: &str| {
                let mut doc = document::load(name)?;
                let ann = annotate_document(&mut doc);
                let line = json::to_line(&doc, &ann, Vec::<crate::store::NoteJson>::new());
                Ok::<_, LoadError>((line, doc.warnings))
            };
            let summary = run(&inputs, jobs, &work, &mut out, &mut |e| match e {
                Event::Failed(m) => failures.push(m.to_owned()),
                Event::Progress { done, total } => last = Some((done, total)),
                Event::Warning(_) => {}
            })
            .expect("runs");
            (
                String::from_utf8(out).expect("utf-8"),
                failures,
                last,
                summary,
            )
        };
        let (one, failures, last, summary) = run_with(1);
        assert_eq!(failures, ["/no/such/article.txt: no such file"]);
        assert_eq!(last, Some((13, 13)));
        assert_eq!(
            summary,
            Summary {
                total: 13,
                failed: 1
            }
        );
        let titles: Vec<String> = one
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                v["document"]["title"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        let expected: Vec<String> = (0..12).map(|i| format!("Story {i}")).collect();
        assert_eq!(titles, expected);
        assert_eq!(run_with(2).0, one);
    }

    #[test]
    fn no_thread_runs_far_ahead_of_a_slow_document() {
        let inputs: Vec<Result<String, LoadError>> = (0..100).map(|i| Ok(i.to_string())).collect();
        let started = AtomicUsize::new(0);
        let ahead_while_first_ran = AtomicUsize::new(0);
        let work = |name: &str| {
            let i: usize = name.parse()?;
            started.fetch_max(i, Ordering::SeqCst);
            if i == 0 {
                std::thread::sleep(std::time::Duration::from_millis(100));
                ahead_while_first_ran.store(started.load(Ordering::SeqCst), Ordering::SeqCst);
            }
            Ok::<_, std::num::ParseIntError>((format!("{i}\n"), Vec::new()))
        };
        let mut out = Vec::new();
        let summary = run(&inputs, 2, &work, &mut out, &mut |_| {}).expect("runs");
        assert_eq!(
            summary,
            Summary {
                total: 100,
                failed: 0
            }
        );
        let expected: String = (0..100).map(|i| format!("{i}\n")).collect();
        assert_eq!(String::from_utf8(out).expect("utf-8"), expected);
        // While document 0 was slow, the other thread stopped within the window.
        assert!(ahead_while_first_ran.load(Ordering::SeqCst) < 2 * AHEAD_PER_JOB);
    }

    #[test]
    fn a_failed_write_stops_the_batch() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let inputs: Vec<Result<String, LoadError>> = (0..1000).map(|i| Ok(i.to_string())).collect();
        let done = AtomicUsize::new(0);
        let work = |name: &str| {
            done.fetch_add(1, Ordering::SeqCst);
            Ok::<_, LoadError>((name.to_owned(), Vec::new()))
        };
        let err = run(&inputs, 2, &work, &mut Broken, &mut |_| {}).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
        assert!(done.load(Ordering::SeqCst) < 100, "the batch went on");
    }
}
