//! The sidecar file: format, atomic saves, parse errors, read-only cases,
//! merging with changes made on disk, failed saves.

mod store_support;

use std::path::{Path, PathBuf};

use gloss::model::EntityKind;
use gloss::store::sidecar::{SCHEMA, parse};
use gloss::store::{Anchor, Correction, Options, Origin, Saved, Store, Target};
use store_support::find;

const TEXT: &str = "Trump wrote to Kim.\nKim answered in a letter of his own.\n";

fn options(data: Option<&Path>) -> Options {
    Options {
        enabled: true,
        data_dir: data.map(Path::to_path_buf),
    }
}

/// An article file in a fresh folder; returns the folder guard and the path.
fn article(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn open(path: &Path, text: &str) -> (Store, Vec<String>) {
    Store::open(&Origin::File(path.to_path_buf()), text, &options(None))
}

fn sidecar(path: &Path) -> PathBuf {
    gloss::store::disk::beside(path)
}

fn add(store: &mut Store, text: &str, needle: &str, body: &str) -> Saved {
    let t = Target::span(text, find(text, needle, 0)).unwrap();
    store.add_note(t, body, vec![]).unwrap().1
}

#[test]
fn notes_and_corrections_round_trip_through_the_file() {
    let (_dir, path) = article(TEXT);
    let (mut store, msgs) = open(&path, TEXT);
    assert!(msgs.is_empty());
    assert_eq!(store.location(), Some(sidecar(&path).as_path()));
    let saved = add(&mut store, TEXT, "wrote", "line one\nline two\n");
    assert!(saved.is_saved(), "{}", saved.message());
    assert!(!store.is_dirty());
    store
        .correct(Correction::AddEntity {
            span: Anchor::new(TEXT, find(TEXT, "letter", 0)).unwrap(),
            kind: EntityKind::Organization,
            name: "The Letter".into(),
        })
        .unwrap();
    let file = std::fs::read_to_string(sidecar(&path)).unwrap();
    assert!(
        file.starts_with(&format!("schema = \"{SCHEMA}\"")),
        "{file}"
    );
    assert!(file.contains("text_hash = \"fnv1a64:"));
    assert!(file.contains("op = \"add_entity\""));
    let (again, msgs) = open(&path, TEXT);
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(again.state(), store.state());
    assert_eq!(again.note("n1").unwrap().body, "line one\nline two\n");
}

#[test]
fn the_file_is_stably_ordered_and_diffs_small() {
    let (_dir, path) = article(TEXT);
    let (mut store, _) = open(&path, TEXT);
    for i in 0..11 {
        add(&mut store, TEXT, "Kim", &format!("note {i}"));
    }
    let before = std::fs::read_to_string(sidecar(&path)).unwrap();
    let ids: Vec<&str> = before
        .lines()
        .filter_map(|l| l.strip_prefix("id = "))
        .collect();
    let want: Vec<String> = (1..=11).map(|i| format!("\"n{i}\"")).collect();
    assert_eq!(ids, want);
    store.edit_note("n5", "edited", vec![]).unwrap();
    let after = std::fs::read_to_string(sidecar(&path)).unwrap();
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1, "{after}");
}

#[test]
fn offsets_in_the_file_are_code_points() {
    let text = "Präsident Trump schrieb.";
    let (_dir, path) = article(text);
    let (mut store, _) = open(&path, text);
    add(&mut store, text, "Trump", "x");
    let file = parse(&std::fs::read_to_string(sidecar(&path)).unwrap());
    assert!(file.is_ok());
    let raw = std::fs::read_to_string(sidecar(&path)).unwrap();
    assert!(raw.contains("start = 10\n"), "{raw}");
    assert!(raw.contains("end = 15\n"), "{raw}");
}

#[test]
fn an_unparseable_sidecar_is_reported_and_never_overwritten() {
    let (_dir, path) = article(TEXT);
    let bad = "schema = \"gloss.sidecar/1\"\ntext_hash = \"x\"\n\n[[notes]]\nid = \"n1\nbody = 3\n";
    std::fs::write(sidecar(&path), bad).unwrap();
    let (mut store, msgs) = open(&path, TEXT);
    assert_eq!(msgs.len(), 1);
    assert!(msgs[0].contains("article.txt.gloss.toml:5:"), "{msgs:?}");
    assert!(store.read_only().is_some());
    let saved = add(&mut store, TEXT, "Kim", "kept in memory");
    assert!(matches!(saved, Saved::ReadOnly(_)), "{}", saved.message());
    assert!(store.is_dirty());
    assert_eq!(store.notes().len(), 1);
    assert!(matches!(store.save(), Saved::ReadOnly(_)));
    assert_eq!(std::fs::read_to_string(sidecar(&path)).unwrap(), bad);
}

#[test]
fn parse_errors_give_line_and_column() {
    let src = "schema = \"gloss.sidecar/1\"\ntext_hash = \"x\"\nnotes = 7\n";
    let e = parse(src).unwrap_err();
    assert_eq!((e.line, e.column), (3, 9), "{e}");
    let e = parse("schema = \"gloss.sidecar/9\"\ntext_hash = \"x\"\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 10), "{e}");
    assert!(e.message.contains("gloss.sidecar/9"));
    let e = parse("schema = \"gloss.sidecar/1\"\ntext_hash = \"x\"\nnew_field = 1\n").unwrap_err();
    assert_eq!(e.line, 3, "{e}");
}

#[test]
fn bytes_that_are_not_utf8_are_a_parse_error_too() {
    let (_dir, path) = article(TEXT);
    std::fs::write(sidecar(&path), b"schema = \"gloss.sidecar/1\"\n\xff\n").unwrap();
    let (store, msgs) = open(&path, TEXT);
    assert!(msgs[0].contains(":2:1:"), "{msgs:?}");
    assert!(store.read_only().is_some());
}

#[test]
fn no_sidecar_reads_and_writes_nothing() {
    let (dir, path) = article(TEXT);
    std::fs::write(sidecar(&path), "garbage = [").unwrap();
    let off = Options {
        enabled: false,
        data_dir: None,
    };
    let (mut store, msgs) = Store::open(&Origin::File(path.clone()), TEXT, &off);
    assert!(msgs.is_empty());
    assert!(matches!(add(&mut store, TEXT, "Kim", "x"), Saved::Off));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    assert_eq!(
        std::fs::read_to_string(sidecar(&path)).unwrap(),
        "garbage = ["
    );
}

#[test]
fn stdin_goes_to_the_data_folder_by_text_hash() {
    let data = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open(&Origin::Unnamed, TEXT, &options(Some(data.path())));
    let saved = add(&mut store, TEXT, "Kim", "from stdin");
    let Saved::Written { path, .. } = &saved else {
        panic!("{}", saved.message());
    };
    assert!(path.starts_with(data.path()));
    assert!(saved.message().contains(&path.display().to_string()));
    let (again, _) = Store::open(&Origin::Unnamed, TEXT, &options(Some(data.path())));
    assert_eq!(again.notes().len(), 1);
    // Another text: another file.
    let (other, _) = Store::open(&Origin::Unnamed, "other", &options(Some(data.path())));
    assert!(other.notes().is_empty());
    assert_ne!(other.location(), again.location());
    // Without a data folder nothing is written, and the message says so.
    let (mut none, msgs) = Store::open(&Origin::Unnamed, TEXT, &options(None));
    assert_eq!(msgs.len(), 1);
    assert!(matches!(add(&mut none, TEXT, "Kim", "x"), Saved::Off));
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_folder_sends_the_sidecar_to_the_data_folder() {
    // /proc/self is not writable, even by root.
    let data = tempfile::tempdir().unwrap();
    let origin = Origin::File(PathBuf::from("/proc/self/article.txt"));
    let (mut store, _) = Store::open(&origin, TEXT, &options(Some(data.path())));
    assert!(store.location().unwrap().starts_with(data.path()));
    assert!(add(&mut store, TEXT, "Kim", "x").is_saved());
}

#[test]
fn a_failed_save_keeps_the_change_and_retries() {
    let dir = tempfile::tempdir().unwrap();
    // The article's folder is a file, so the sidecar cannot be written.
    let blocker = dir.path().join("folder");
    std::fs::write(&blocker, "not a folder").unwrap();
    let path = blocker.join("article.txt");
    let (mut store, _) = open(&path, TEXT);
    let saved = add(&mut store, TEXT, "Kim", "precious");
    assert!(matches!(saved, Saved::Failed(_)), "{}", saved.message());
    assert!(
        saved.message().contains("cannot save notes"),
        "{}",
        saved.message()
    );
    assert!(store.is_dirty());
    assert_eq!(store.notes().len(), 1);
    // The obstacle goes; the next save writes everything.
    std::fs::remove_file(&blocker).unwrap();
    std::fs::create_dir(&blocker).unwrap();
    assert!(store.save().is_saved());
    assert!(!store.is_dirty());
    let (again, _) = open(&path, TEXT);
    assert_eq!(again.note("n1").unwrap().body, "precious");
}

#[test]
fn two_readers_on_one_file_merge_instead_of_overwriting() {
    let (_dir, path) = article(TEXT);
    let (mut a, _) = open(&path, TEXT);
    let (mut b, _) = open(&path, TEXT);
    add(&mut a, TEXT, "wrote", "from a");
    // b has not seen a's note; its own new note gets the same id n1.
    let saved = add(&mut b, TEXT, "answered", "from b");
    assert!(
        matches!(saved, Saved::Written { merge: Some(_), .. }),
        "{}",
        saved.message()
    );
    let bodies: Vec<&str> = b.notes().iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, ["from a", "from b"]);
    let (fresh, _) = open(&path, TEXT);
    assert_eq!(fresh.state(), b.state());
    // a sees b's note at its next save.
    a.edit_note("n1", "from a, edited", vec![]).unwrap();
    assert_eq!(a.notes().len(), 2);
    assert_eq!(a.note("n2").unwrap().body, "from b");
}

#[test]
fn a_note_edited_on_both_sides_keeps_both_versions() {
    let (_dir, path) = article(TEXT);
    let (mut a, _) = open(&path, TEXT);
    add(&mut a, TEXT, "Kim", "original");
    let (mut b, _) = open(&path, TEXT);
    a.edit_note("n1", "a's version", vec![]).unwrap();
    let saved = b.edit_note("n1", "b's version", vec![]).unwrap();
    assert!(
        saved.message().contains("edited on both sides"),
        "{}",
        saved.message()
    );
    let n1 = b.note("n1").unwrap();
    assert_eq!(n1.body, "a's version");
    let copy = b.note("n2").unwrap();
    assert_eq!(copy.body, "b's version");
    assert!(copy.tags.iter().any(|t| t == "conflict"));
}

#[test]
fn edits_win_over_deletes_and_corrections_merge_by_value() {
    let (_dir, path) = article(TEXT);
    let (mut a, _) = open(&path, TEXT);
    add(&mut a, TEXT, "Kim", "one");
    add(&mut a, TEXT, "wrote", "two");
    let (mut b, _) = open(&path, TEXT);
    let rename = |name: &str| Correction::Rename {
        entity: gloss::store::EntityRef {
            mention: Anchor::new(TEXT, find(TEXT, "Kim", 0)).unwrap(),
            name: "Kim".into(),
        },
        name: name.into(),
    };
    a.delete_note("n1").unwrap();
    a.correct(rename("A")).unwrap();
    b.edit_note("n1", "one, edited", vec![]).unwrap();
    b.delete_note("n2").unwrap();
    b.correct(rename("B")).unwrap();
    // b merged a's delete of n1 with its own edit: the edit stays; n2 is gone
    // (deleted by b, untouched by a); both corrections stay, a's first.
    assert_eq!(b.note("n1").unwrap().body, "one, edited");
    assert!(b.note("n2").is_none());
    assert_eq!(b.corrections(), [rename("A"), rename("B")]);
    // Undoing b's correction removes only it.
    b.undo().unwrap();
    assert_eq!(b.corrections(), [rename("A")]);
}

#[test]
fn a_hand_edit_on_disk_is_merged_and_a_deleted_file_is_rewritten() {
    let (_dir, path) = article(TEXT);
    let (mut store, _) = open(&path, TEXT);
    add(&mut store, TEXT, "Kim", "mine");
    let file = std::fs::read_to_string(sidecar(&path)).unwrap();
    std::fs::write(
        sidecar(&path),
        file.replace("\"mine\"", "\"fixed by hand\""),
    )
    .unwrap();
    add(&mut store, TEXT, "wrote", "second");
    assert_eq!(store.note("n1").unwrap().body, "fixed by hand");
    std::fs::remove_file(sidecar(&path)).unwrap();
    add(&mut store, TEXT, "letter", "third");
    let (again, _) = open(&path, TEXT);
    assert_eq!(again.notes().len(), 3);
}

#[test]
fn a_file_broken_on_disk_meanwhile_is_not_overwritten() {
    let (_dir, path) = article(TEXT);
    let (mut store, _) = open(&path, TEXT);
    add(&mut store, TEXT, "Kim", "mine");
    std::fs::write(sidecar(&path), "half-typed = ").unwrap();
    let saved = add(&mut store, TEXT, "wrote", "second");
    assert!(matches!(saved, Saved::Failed(_)), "{}", saved.message());
    assert!(saved.message().contains(":1:"), "{}", saved.message());
    assert!(store.is_dirty());
    assert_eq!(
        std::fs::read_to_string(sidecar(&path)).unwrap(),
        "half-typed = "
    );
    // Once it parses again, the next save merges and writes.
    let good = "schema = \"gloss.sidecar/1\"\ntext_hash = \"x\"\n";
    std::fs::write(sidecar(&path), good).unwrap();
    assert!(store.save().is_saved());
}

#[test]
fn a_changed_article_reanchors_and_keeps_orphans() {
    let (_dir, path) = article(TEXT);
    let (mut store, _) = open(&path, TEXT);
    add(&mut store, TEXT, "Kim answered", "stays");
    add(&mut store, TEXT, "in a letter of his own", "goes");
    let new = "UPDATE: Trump wrote to Kim.\nKim answered quickly.\n";
    std::fs::write(&path, new).unwrap();
    let (mut moved, msgs) = open(&path, new);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].contains("1 note(s) or correction(s)"), "{msgs:?}");
    let n1 = moved.note("n1").unwrap();
    assert_eq!(n1.target.anchor.span(), Some(find(new, "Kim answered", 0)));
    assert!(moved.note("n2").unwrap().is_orphan());
    // Saved again, the orphan stays with its old place and quote.
    add(&mut moved, new, "quickly", "new");
    let raw = std::fs::read_to_string(sidecar(&path)).unwrap();
    assert!(raw.contains("orphan = true"));
    assert!(raw.contains("exact = \"in a letter of his own\""));
    let (again, _) = open(&path, new);
    assert_eq!(again.state(), moved.state());
}

/// The reader's reload: the store moves to the new text in memory, as
/// opening the changed article would place it, and writes nothing.
#[test]
fn rebase_places_notes_in_the_changed_text_as_opening_it_would() {
    let (_dir, path) = article(TEXT);
    let (mut store, _) = open(&path, TEXT);
    add(&mut store, TEXT, "Kim answered", "stays");
    add(&mut store, TEXT, "in a letter of his own", "goes");
    assert!(store.can_undo());
    let before = std::fs::read_to_string(sidecar(&path)).unwrap();
    let new = "UPDATE: Trump wrote to Kim.\nKim answered quickly.\n";
    std::fs::write(&path, new).unwrap();
    assert_eq!(store.rebase(new), 1);
    assert_eq!(store.text(), new);
    assert_eq!(
        store.note("n1").unwrap().target.anchor.span(),
        Some(find(new, "Kim answered", 0))
    );
    assert!(store.note("n2").unwrap().is_orphan());
    assert!(
        !store.can_undo(),
        "the history was anchored in the old text"
    );
    assert_eq!(std::fs::read_to_string(sidecar(&path)).unwrap(), before);
    let (opened, _) = open(&path, new);
    assert_eq!(opened.state(), store.state());
    // The next change saves the new places.
    add(&mut store, new, "quickly", "new");
    let (again, _) = open(&path, new);
    assert_eq!(again.state(), store.state());
}

#[test]
fn hand_edited_duplicate_ids_are_kept_apart() {
    let (_dir, path) = article(TEXT);
    let (mut store, _) = open(&path, TEXT);
    add(&mut store, TEXT, "Kim", "first");
    let file = std::fs::read_to_string(sidecar(&path)).unwrap();
    let notes_at = file.find("[[notes]]").unwrap();
    let dup = format!("{file}\n{}", &file[notes_at..].replace("first", "second"));
    std::fs::write(sidecar(&path), dup).unwrap();
    let (again, msgs) = open(&path, TEXT);
    assert!(msgs.is_empty(), "{msgs:?}");
    let bodies: Vec<&str> = again.notes().iter().map(|n| n.body.as_str()).collect();
    assert_eq!(bodies, ["first", "second"]);
}

#[test]
fn reload_takes_in_disk_changes_without_writing() {
    let (_dir, path) = article(TEXT);
    let (mut a, _) = open(&path, TEXT);
    let (mut b, _) = open(&path, TEXT);
    add(&mut a, TEXT, "Kim", "from a");
    assert!(b.reload().unwrap().is_some());
    assert_eq!(b.note("n1").unwrap().body, "from a");
    assert!(!b.is_dirty());
    assert!(b.reload().unwrap().is_none());
    assert!(matches!(b.save(), Saved::Clean));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn any_note_text_round_trips(
        body in "(\\PC|[\\t\\r\\n\\x01\\x1b\"'\\\\]|\"\"\"){0,40}",
        tag in "\\PC{0,10}",
        text in "[a-z ]{0,10}[\"\\\\\\n\\t\\x1bé]{1,3}[a-z ]{0,10}",
    ) {
        let (_dir, path) = article(&text);
        let (mut store, _) = open(&path, &text);
        let span = gloss::model::Span::new(0, text.len());
        let target = Target::span(&text, span).unwrap();
        let (_, saved) = store.add_note(target, &body, vec![tag]).unwrap();
        proptest::prop_assert!(saved.is_saved(), "{}", saved.message());
        let (again, msgs) = open(&path, &text);
        proptest::prop_assert!(msgs.is_empty(), "{:?}", msgs);
        proptest::prop_assert_eq!(again.state(), store.state());
    }
}

#[test]
fn two_writers_saving_at_once_lose_nothing() {
    let (_dir, path) = article(TEXT);
    let writer = |who: &'static str| {
        let path = path.clone();
        std::thread::spawn(move || {
            let (mut store, _) = open(&path, TEXT);
            for i in 0..40 {
                let saved = add(&mut store, TEXT, "Kim", &format!("{who} {i}"));
                assert!(saved.is_saved(), "{}", saved.message());
            }
        })
    };
    let (a, b) = (writer("a"), writer("b"));
    a.join().unwrap();
    b.join().unwrap();
    let (store, _) = open(&path, TEXT);
    let mut bodies: Vec<&str> = store.notes().iter().map(|n| n.body.as_str()).collect();
    bodies.sort_unstable();
    bodies.dedup();
    assert_eq!(bodies.len(), 80);
}

/// Two copies of one article in two folders, whose sidecars are symbolic
/// links to one file in a third: the writers lock and replace that file,
/// not their links, so no note is lost and the links stay links.
#[cfg(unix)]
#[test]
fn two_writers_on_one_linked_sidecar_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let mut paths = Vec::new();
    for name in ["one", "two"] {
        let folder = dir.path().join(name);
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("article.txt");
        std::fs::write(&path, TEXT).unwrap();
        std::os::unix::fs::symlink("../shared/notes.gloss.toml", sidecar(&path)).unwrap();
        paths.push(path);
    }
    let writer = |path: PathBuf, who: &'static str| {
        std::thread::spawn(move || {
            let (mut store, _) = open(&path, TEXT);
            for i in 0..40 {
                let saved = add(&mut store, TEXT, "Kim", &format!("{who} {i}"));
                assert!(saved.is_saved(), "{}", saved.message());
            }
        })
    };
    let (a, b) = (writer(paths[0].clone(), "a"), writer(paths[1].clone(), "b"));
    a.join().unwrap();
    b.join().unwrap();
    for path in &paths {
        let link = std::fs::symlink_metadata(sidecar(path)).unwrap();
        assert!(link.file_type().is_symlink());
    }
    let (store, _) = open(&paths[0], TEXT);
    let mut bodies: Vec<&str> = store.notes().iter().map(|n| n.body.as_str()).collect();
    bodies.sort_unstable();
    bodies.dedup();
    assert_eq!(bodies.len(), 80);
    // Nothing was left beside the links.
    let left: Vec<_> = std::fs::read_dir(dir.path().join("one")).unwrap().collect();
    assert_eq!(left.len(), 2);
}

#[test]
fn corrections_follow_their_entities_into_a_changed_article() {
    let v1 = "Kim met Moon. Later Kim wrote to Moon.\n";
    let (_dir, path) = article(v1);
    let ann1 = store_support::by_names(v1, &["Kim", "Moon"]);
    let (mut store, _) = open(&path, v1);
    let moon = gloss::store::EntityRef::new(v1, &ann1, 1, None).unwrap();
    store
        .correct(Correction::Rename {
            entity: moon,
            name: "Moon Jae-in".into(),
        })
        .unwrap();
    // A new first sentence brings a new first actor: every id shifts.
    let v2 = "Trump called first. Kim met Moon. Later Kim wrote to Moon.\n";
    std::fs::write(&path, v2).unwrap();
    let ann2 = store_support::by_names(v2, &["Trump", "Kim", "Moon"]);
    let (store, msgs) = open(&path, v2);
    assert!(msgs.is_empty(), "{msgs:?}");
    let fixed = store.annotations(&ann2);
    assert_eq!(
        store_support::names(&fixed),
        ["Trump", "Kim", "Moon Jae-in"]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    #[test]
    fn a_mangled_sidecar_never_panics(cut in 0usize..2000, junk in "\\PC{0,8}", digits in "[0-9]{1,25}") {
        let (_dir, path) = article(TEXT);
        let (mut store, _) = open(&path, TEXT);
        add(&mut store, TEXT, "Kim", "body");
        add(&mut store, TEXT, "letter", "other");
        let good = std::fs::read_to_string(sidecar(&path)).unwrap();
        // Cut at a char boundary and splice junk in; or replace every number.
        let at = good.char_indices().map(|(b, _)| b).nth(cut % good.chars().count()).unwrap_or(0);
        let spliced = format!("{}{junk}{}", &good[..at], &good[at..]);
        let renumbered = good
            .lines()
            .map(|l| match l.split_once(" = ") {
                Some((k, v)) if v.parse::<u64>().is_ok() => format!("{k} = {digits}"),
                _ => l.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        for text in [spliced, renumbered] {
            std::fs::write(sidecar(&path), &text).unwrap();
            let (again, msgs) = open(&path, TEXT);
            if again.read_only().is_some() {
                // A file that cannot be read is reported, with where.
                proptest::prop_assert!(msgs.iter().any(|m| m.contains("article.txt.gloss.toml:")));
            }
            for n in again.notes() {
                if let Some(s) = n.target.anchor.span() {
                    proptest::prop_assert!(TEXT.get(s.start..s.end).is_some());
                }
            }
        }
    }
}

#[test]
fn temporary_files_of_a_killed_save_are_swept_by_the_next_save_only() {
    let (dir, path) = article(TEXT);
    let name = sidecar(&path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let temp = |tag: &str| dir.path().join(format!(".{name}.{tag}.tmp"));
    let (old, young) = (temp("old"), temp("young"));
    for t in [&old, &young] {
        std::fs::write(t, "half a sidecar").unwrap();
    }
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .and_then(|f| f.set_modified(hour_ago))
        .unwrap();
    // Opening only reads: the folder is not even listed.
    let (mut store, _) = open(&path, TEXT);
    assert!(old.exists());
    // The first save sweeps what a killed save left, and only that: a young
    // temporary file may belong to a save in progress.
    let saved = add(&mut store, TEXT, "Kim", "a note");
    assert!(matches!(saved, Saved::Written { .. }), "{saved:?}");
    assert!(!old.exists());
    assert!(young.exists());
}
