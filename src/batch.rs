//! Annotating many articles at once: each is opened, annotated and
//! serialized by the caller's work function, in parallel on a pool of `jobs`
//! threads, and written in input order, so the output is the same for any
//! number of jobs.
//!
//! A document that fails (unreadable, binary, ...) is reported through the
//! caller's event handler and the others go on. Nothing here touches the
//! terminal: the caller decides how to show progress and failures.

use std::collections::BTreeMap;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use rayon::prelude::*;

use crate::document::LoadError;

/// The work done on one input, named as given: its output text (one JSON
/// line...) and the warnings met on the way, or a message naming the input
/// and why it failed.
pub type Work<'a> = dyn Fn(&str) -> Result<(String, Vec<String>), String> + Sync + 'a;

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
    output: Result<String, String>,
    warnings: Vec<String>,
}

/// Does the work on one input; a panic costs that input, not the batch.
fn process(input: &Result<String, LoadError>, work: &Work<'_>) -> Finished {
    let result = match input {
        Ok(name) => catch_unwind(AssertUnwindSafe(|| work(name))).unwrap_or_else(|_| {
            Err(format!(
                "{name}: internal error while annotating (please report it)"
            ))
        }),
        Err(e) => Err(e.to_string()),
    };
    match result {
        Ok((text, warnings)) => Finished {
            output: Ok(text),
            warnings,
        },
        Err(message) => Finished {
            output: Err(message),
            warnings: Vec::new(),
        },
    }
}

/// Runs `work` on `inputs` (as [`crate::document::expand_inputs`] gives
/// them) on `jobs` threads, writes each output to `out` in input order, and
/// tells `on_event` about failures, warnings and progress.
///
/// Stops early, with the error, when `out` cannot be written to.
pub fn run(
    inputs: &[Result<String, LoadError>],
    jobs: usize,
    work: &Work<'_>,
    out: &mut dyn Write,
    on_event: &mut dyn FnMut(Event<'_>),
) -> std::io::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(std::io::Error::other)?;
    let total = inputs.len();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Finished)>();
    std::thread::scope(|scope| {
        let stop = &stop;
        scope.spawn(move || {
            pool.install(|| {
                inputs
                    .par_iter()
                    .enumerate()
                    .for_each_with(tx, |tx, (i, input)| {
                        if !stop.load(Ordering::Relaxed) {
                            // The receiver only hangs up when writing failed.
                            let _ = tx.send((i, process(input, work)));
                        }
                    });
            });
        });
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
                    Ok(text) => {
                        if let Err(e) = out.write_all(text.as_bytes()) {
                            stop.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    }
                    Err(message) => {
                        failed += 1;
                        on_event(Event::Failed(&message));
                    }
                }
                on_event(Event::Progress { done: next, total });
            }
        }
        out.flush()?;
        Ok(Summary { total, failed })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;
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
                let doc = document::load(name).map_err(|e| e.to_string())?;
                let line = json::to_line(&doc, &annotate(&doc.text), Vec::new());
                Ok((line, doc.warnings))
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
}
