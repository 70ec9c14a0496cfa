//! Nothing a person has is lost: an export never replaces the article or
//! its sidecar, saves follow symbolic links under one lock, a read-only
//! sidecar is never written, quitting with unsaved notes asks, and
//! writing files never creates folders or names gloss's temporary files.
//! Driven through the binary (`gloss export`, `gloss render --keys`) on
//! articles in a temporary folder.
#![cfg(unix)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

/// A Markdown article: its Markdown report would be named like it.
const ARTICLE: &str = "# River treaty\n\nThe U.S. and Canada signed the river treaty on Monday.\n";

/// A temporary folder holding `river-treaty.md`.
struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("river-treaty.md"), ARTICLE).unwrap();
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap()
    }

    fn gloss(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .env_remove("NO_COLOR")
            .env("GLOSS_DATA_DIR", self.path("data"))
            .current_dir(self.dir.path())
            .output()
            .expect("gloss runs")
    }

    /// Replays `keys` on `article` and returns the reader's state.
    fn keys(&self, article: &str, keys: &str) -> Value {
        let out = self.gloss(&[
            "render", article, "--size", "120x30", "--keys", keys, "--state",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("state is JSON")
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn message(state: &Value) -> &str {
    state["message"].as_str().unwrap()
}

// 1. Export never replaces an input.

#[test]
fn export_refuses_the_article_and_its_sidecar_by_any_name() {
    let f = Folder::new();
    std::os::unix::fs::symlink("river-treaty.md", f.path("link.md")).unwrap();
    std::fs::hard_link(f.path("river-treaty.md"), f.path("hard.md")).unwrap();
    std::fs::write(f.path("river-treaty.md.gloss.toml"), "").unwrap();
    for target in [
        "river-treaty.md",
        "./river-treaty.md",
        "link.md",
        "hard.md",
        "river-treaty.md.gloss.toml",
    ] {
        let out = f.gloss(&["export", "river-treaty.md", "-o", target]);
        assert_eq!(out.status.code(), Some(1), "{target}");
        let err = stderr(&out);
        assert!(
            err.contains(target) && err.contains("which gloss has open"),
            "{target}: {err}"
        );
        assert_eq!(f.read("river-treaty.md"), ARTICLE.as_bytes(), "{target}");
    }
    assert_eq!(f.read("river-treaty.md.gloss.toml"), b"");
    // brat: neither file of the pair may be the article.
    std::fs::hard_link(f.path("river-treaty.md"), f.path("y.txt")).unwrap();
    let out = f.gloss(&[
        "export",
        "river-treaty.md",
        "--format",
        "brat",
        "-o",
        "y.ann",
    ]);
    assert!(
        stderr(&out).contains("which gloss has open"),
        "{}",
        stderr(&out)
    );
    assert_eq!(f.read("river-treaty.md"), ARTICLE.as_bytes());
    // And with --annotations, that file too.
    std::fs::write(f.path("hard.ann"), "").unwrap();
    let out = f.gloss(&[
        "export",
        "river-treaty.md",
        "--annotations",
        "hard.ann",
        "-o",
        "hard.ann",
    ]);
    assert!(
        stderr(&out).contains("which gloss has open"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_reader_proposes_another_name_than_the_article_and_refuses_it_typed() {
    let f = Folder::new();
    // `e` `m` `<CR>`: the proposed name is not the article's.
    let state = f.keys("river-treaty.md", "em<CR>");
    assert_eq!(f.read("river-treaty.md"), ARTICLE.as_bytes());
    assert!(
        message(&state).contains("exported to river-treaty.export.md"),
        "{state}"
    );
    let report = String::from_utf8(f.read("river-treaty.export.md")).unwrap();
    assert!(report.contains("Canada"), "{report}");
    // Again, replacing that report (`y`): the article is still untouched.
    let state = f.keys("river-treaty.md", "em<CR>y");
    assert!(
        message(&state).contains("exported to river-treaty.export.md"),
        "{state}"
    );
    assert_eq!(f.read("river-treaty.md"), ARTICLE.as_bytes());
    // Typed by hand: refused, and the prompt stays to choose another name.
    let state = f.keys("river-treaty.md", "em<C-u>river-treaty.md<CR>");
    assert_eq!(f.read("river-treaty.md"), ARTICLE.as_bytes());
    assert!(message(&state).contains("gloss has open"), "{state}");
    assert_eq!(state["popup"], "input", "{state}");
}

#[test]
fn brat_of_a_windows_1252_text_article_does_not_default_its_text_copy_to_the_article() {
    let f = Folder::new();
    let bytes = b"Caf\xe9 owners in the U.S. met Kim Jong Un.\n";
    std::fs::write(f.path("cafe.txt"), bytes).unwrap();
    let state = f.keys("cafe.txt", "eb<CR>");
    assert!(
        message(&state).contains("exported to cafe.export.ann"),
        "{state}"
    );
    assert_eq!(f.read("cafe.txt"), bytes);
    assert_eq!(
        f.read("cafe.export.txt"),
        "Café owners in the U.S. met Kim Jong Un.\n".as_bytes()
    );
    // A UTF-8 .txt article keeps the usual pair: it is its own text copy.
    std::fs::write(f.path("plain.txt"), "Kim Jong Un met Moon.\n").unwrap();
    let state = f.keys("plain.txt", "eb<CR>");
    assert!(message(&state).contains("exported to plain.ann"), "{state}");
}

// 2. Symbolic links: see `two_writers_on_one_linked_sidecar_lose_nothing`
//    in tests/store_sidecar.rs.

// 3. A read-only sidecar.

#[test]
fn a_read_only_sidecar_is_never_replaced() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let f = Folder::new();
    let sidecar = f.path("river-treaty.md.gloss.toml");
    // A first note, saved while the sidecar is writable.
    f.keys("river-treaty.md", "vllaFirst<C-s>");
    let before = f.read("river-treaty.md.gloss.toml");
    let inode = std::fs::metadata(&sidecar).unwrap().ino();
    std::fs::set_permissions(&sidecar, std::fs::Permissions::from_mode(0o444)).unwrap();
    // The reader says so when it opens, then keeps notes in memory.
    let state = f.keys("river-treaty.md", "");
    assert!(message(&state).contains("read-only"), "{state}");
    let state = f.keys("river-treaty.md", "vllaSecond<C-s>");
    assert!(message(&state).ends_with("· not saved"), "{state}");
    let meta = std::fs::metadata(&sidecar).unwrap();
    assert_eq!(meta.ino(), inode, "renamed over");
    assert_eq!(meta.mode() & 0o777, 0o444);
    assert_eq!(f.read("river-treaty.md.gloss.toml"), before);
    // Writing over it directly is refused too, whoever runs gloss.
    let err = gloss::store::disk::write_atomic(&sidecar, b"x", true).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(f.read("river-treaty.md.gloss.toml"), before);
}

// 4. Quitting with notes not saved.

#[test]
fn quitting_with_unsaved_notes_asks_and_can_write_them_elsewhere() {
    let f = Folder::new();
    let sidecar = f.path("river-treaty.md.gloss.toml");
    std::fs::write(&sidecar, "this is = = not toml").unwrap();
    // `q` asks instead of quitting.
    let state = f.keys("river-treaty.md", "vllaKept<C-s>q");
    assert_eq!(state["popup"], "menu", "{state}");
    // `Esc` stays.
    let state = f.keys("river-treaty.md", "vllaKept<C-s>q<Esc>");
    assert_eq!(state["popup"], Value::Null, "{state}");
    assert_eq!(state["notes"], 1);
    // `w` writes them to the data folder, and quits.
    let state = f.keys("river-treaty.md", "vllaKept<C-s>qw");
    assert!(message(&state).contains("notes written to"), "{state}");
    let recovered: Vec<PathBuf> = std::fs::read_dir(f.path("data/recovered"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(recovered.len(), 1);
    let text = std::fs::read_to_string(&recovered[0]).unwrap();
    assert!(text.contains("body = \"Kept\""), "{text}");
    assert!(
        recovered[0]
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("river-treaty.md."),
        "{recovered:?}"
    );
    // A second recovery of the same article, in the same second as like
    // as not, takes a name of its own.
    let state = f.keys("river-treaty.md", "vllaAgain<C-s>qw");
    assert!(message(&state).contains("notes written to"), "{state}");
    let texts: Vec<String> = std::fs::read_dir(f.path("data/recovered"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(texts.len(), 2);
    // Either order: the notes' creation times may fall in two seconds.
    for body in ["body = \"Again\"", "body = \"Kept\""] {
        let holding = texts.iter().filter(|t| t.contains(body)).count();
        assert_eq!(holding, 1, "{body} in {texts:?}");
    }
    // The unparsable sidecar is left as it was.
    assert_eq!(
        f.read("river-treaty.md.gloss.toml"),
        b"this is = = not toml"
    );
    // With everything saved, `q` quits at once.
    std::fs::remove_file(&sidecar).unwrap();
    let state = f.keys("river-treaty.md", "vllaSaved<C-s>q");
    assert_eq!(state["popup"], Value::Null, "{state}");
}

// 14. Folders, temporary names, brat names, empty sidecars.

#[test]
fn a_missing_folder_is_named_and_never_created() {
    let f = Folder::new();
    let out = f.gloss(&["export", "river-treaty.md", "-o", "missing/dir/x.md"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("missing/dir/x.md") && err.contains("no folder missing/dir"),
        "{err}"
    );
    assert!(!f.path("missing").exists());
    // The same from the reader's export prompt.
    let state = f.keys("river-treaty.md", "em<C-u>missing/dir/x.md<CR>");
    assert!(message(&state).contains("no folder missing/dir"), "{state}");
    assert!(!f.path("missing").exists());
}

#[test]
fn a_long_file_name_is_written_and_no_error_names_a_temporary_file() {
    let f = Folder::new();
    let name = format!("{}.md", "x".repeat(250));
    let out = f.gloss(&["export", "river-treaty.md", "-o", &name]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(f.path(&name).is_file());
    // A failing write names the target only.
    std::fs::create_dir(f.path("sub")).unwrap();
    std::fs::write(f.path("sub/x.md"), "old").unwrap();
    let missing = format!("sub/{}/x.md", "y".repeat(10));
    let out = f.gloss(&["export", "river-treaty.md", "-o", &missing]);
    let err = stderr(&out);
    assert!(err.starts_with(&format!("gloss: {missing}: ")), "{err}");
    assert!(!err.contains(".tmp"), "{err}");
}

#[test]
fn brat_files_are_named_from_the_name_given() {
    let f = Folder::new();
    std::fs::create_dir(f.path("out")).unwrap();
    for (given, ann, txt) in [
        ("out/x.brat", "out/x.brat.ann", "out/x.brat.txt"),
        ("out/y.ann", "out/y.ann", "out/y.txt"),
        ("out/z.txt", "out/z.ann", "out/z.txt"),
        ("out/w", "out/w.ann", "out/w.txt"),
        ("out/v.2", "out/v.2.ann", "out/v.2.txt"),
    ] {
        let out = f.gloss(&["export", "river-treaty.md", "--format", "brat", "-o", given]);
        assert!(out.status.success(), "{given}: {}", stderr(&out));
        assert!(f.path(ann).is_file(), "{given}: no {ann}");
        assert!(f.path(txt).is_file(), "{given}: no {txt}");
    }
    let mut names: Vec<String> = std::fs::read_dir(f.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 10, "{names:?}");
}

#[test]
fn an_empty_sidecar_is_a_sidecar_without_notes() {
    for empty in ["", "  \n\n\t\n"] {
        let f = Folder::new();
        std::fs::write(f.path("river-treaty.md.gloss.toml"), empty).unwrap();
        let state = f.keys("river-treaty.md", "vllaSaved<C-s>");
        assert!(!message(&state).contains("not saved"), "{state}");
        let text = String::from_utf8(f.read("river-treaty.md.gloss.toml")).unwrap();
        assert!(text.contains("body = \"Saved\""), "{text}");
        // And `q` quits at once: nothing is pending.
        assert_eq!(f.keys("river-treaty.md", "q")["popup"], Value::Null);
    }
}
