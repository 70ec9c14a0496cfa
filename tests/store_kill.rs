//! Saves are atomic: a process killed with SIGKILL in the middle of saving,
//! again and again, always leaves either the old sidecar or the new one,
//! complete.
//!
//! The process to kill is this very test binary, re-run with an environment
//! variable so that its ignored test `saving_child` saves in a loop.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use gloss::model::Span;
use gloss::store::{Options, Origin, Store, Target};

const CHILD_ENV: &str = "GLOSS_STORE_TEST_SAVING_CHILD";
const TEXT: &str = "An article to take notes on, with some words in it.\n";
/// The child keeps at most this many notes, deleting the oldest.
const KEEP: usize = 40;

/// The body every note with id `id` must have: long, so a save takes a
/// while, and ending in a marker, so a cut-off note shows.
fn body(id: &str) -> String {
    format!("{id} {}\nend of {id}", "lorem ipsum ".repeat(150))
}

fn article(dir: &Path) -> PathBuf {
    dir.join("article.txt")
}

fn open(dir: &Path) -> (Store, Vec<String>) {
    let options = Options {
        enabled: true,
        data_dir: None,
    };
    Store::open(&Origin::File(article(dir)), TEXT, &options)
}

/// The child: adds and deletes notes forever, saving after each change.
#[test]
#[ignore = "the process the SIGKILL test runs and kills"]
fn saving_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let (mut store, msgs) = open(&dir);
    assert!(msgs.is_empty(), "{msgs:?}");
    loop {
        if store.notes().len() >= KEEP {
            let first = store.notes()[0].id.clone();
            store.delete_note(&first).unwrap();
        }
        let id = store.state().next_note_id();
        let target = Target::span(TEXT, Span::new(3, 10)).unwrap();
        let (got, saved) = store.add_note(target, &body(&id), vec![]).unwrap();
        assert_eq!(got, id);
        assert!(saved.is_saved(), "{}", saved.message());
    }
}

/// A tiny deterministic generator for the kill delays.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// Checks the sidecar in `dir`: absent, or complete and consistent.
/// Returns how many notes it holds.
fn check(dir: &Path) -> usize {
    let sidecar = gloss::store::disk::beside(&article(dir));
    if !sidecar.exists() {
        return 0;
    }
    let raw = std::fs::read_to_string(&sidecar).unwrap();
    gloss::store::sidecar::parse(&raw).unwrap_or_else(|e| panic!("torn sidecar ({e}):\n{raw}"));
    let (store, msgs) = open(dir);
    assert!(msgs.is_empty(), "{msgs:?}");
    assert!(store.read_only().is_none());
    for n in store.notes() {
        assert_eq!(n.body, body(&n.id), "note {} is cut off", n.id);
        assert!(!n.is_orphan());
    }
    assert!(store.notes().len() <= KEEP);
    store.notes().len()
}

#[cfg(unix)]
#[test]
fn sigkill_during_saves_never_leaves_a_torn_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(article(dir.path()), TEXT).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut most = 0;
    for round in 0..30 {
        let mut child = Command::new(&exe)
            .args(["saving_child", "--exact", "--ignored", "--test-threads=1"])
            .env(CHILD_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if round == 0 {
            // Let the first child save at least once, so that later rounds
            // kill a process replacing an existing file.
            let sidecar = gloss::store::disk::beside(&article(dir.path()));
            while !sidecar.exists() {
                assert!(child.try_wait().unwrap().is_none(), "the child stopped");
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        std::thread::sleep(Duration::from_millis(5 + next(&mut seed) % 40));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        most = most.max(check(dir.path()));
    }
    assert!(most > 0, "no save was ever made");
    // Temporary files of killed saves are swept; the sidecar stays whole.
    let sidecar = gloss::store::disk::beside(&article(dir.path()));
    gloss::store::disk::remove_stale_temps(&sidecar, Duration::ZERO);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(check(dir.path()) > 0);
}
