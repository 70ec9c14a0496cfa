//! The README's recipe for annotating a corpus with GNU parallel: run as
//! written (when GNU parallel is installed), it gives the lines of one
//! `gloss annotate DIR --format jsonl` run; and, parallel or not, runs on
//! pieces of the corpus concatenate to the whole run, which the recipe
//! relies on.

use std::path::Path;
use std::process::Command;

/// The recipe's command line, from the README.
fn recipe() -> String {
    let readme = include_str!("../README.md");
    let line = readme
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("find news") && l.contains("parallel"))
        .expect("the README shows the recipe");
    line.to_owned()
}

/// A folder `news/` of a few articles in `dir`.
fn corpus(dir: &Path) {
    let news = dir.join("news");
    std::fs::create_dir(&news).expect("mkdir");
    let texts = [
        "Donald Trump met Kim Jong Un in Hanoi. Trump pledged to keep talking.",
        "The United Nations said the talks would go on, officials said.",
        "Angela Merkel called on Emmanuel Macron to act, and he agreed.",
        "Shinzo Abe said Japan would host the next round in Tokyo.",
        "Moon Jae-in vowed to support the process, his office said.",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(news.join(format!("{i}.txt")), t).expect("write");
    }
}

fn gloss_dir() -> String {
    let exe = Path::new(env!("CARGO_BIN_EXE_gloss"));
    let dir = exe.parent().expect("folder").to_string_lossy().into_owned();
    format!("{dir}:{}", std::env::var("PATH").unwrap_or_default())
}

fn whole(dir: &Path) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["annotate", "news", "--no-sidecar", "--format", "jsonl"])
        .current_dir(dir)
        .output()
        .expect("gloss runs");
    assert!(out.status.success());
    out.stdout
}

#[cfg(unix)]
#[test]
fn the_parallel_recipe_gives_the_whole_runs_lines() {
    let has_parallel = Command::new("parallel")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("GNU parallel"));
    if !has_parallel {
        eprintln!("GNU parallel is not installed: the recipe itself is not run");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    corpus(dir.path());
    let out = Command::new("sh")
        .args(["-c", &recipe()])
        .current_dir(dir.path())
        .env("PATH", gloss_dir())
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pieces = std::fs::read(dir.path().join("news.jsonl")).expect("the output");
    assert_eq!(pieces, whole(dir.path()));
}

#[test]
fn runs_on_pieces_of_a_corpus_concatenate_to_the_whole_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    corpus(dir.path());
    let mut joined = Vec::new();
    for piece in [
        &["news/0.txt", "news/1.txt"][..],
        &["news/2.txt"],
        &["news/3.txt", "news/4.txt"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args([
                "annotate",
                "--jobs",
                "1",
                "--no-sidecar",
                "--format",
                "jsonl",
            ])
            .args(piece)
            .current_dir(dir.path())
            .output()
            .expect("gloss runs");
        assert!(out.status.success());
        joined.extend(out.stdout);
    }
    assert_eq!(joined, whole(dir.path()));
}
