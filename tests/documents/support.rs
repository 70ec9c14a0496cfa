//! Running the `gloss` binary in tests, and checking JSON offsets.

#![allow(dead_code)] // Each test crate uses a part of this.

use std::io::Write;
use std::process::{Command, Stdio};

/// What a run of the binary gave.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

fn finish(out: std::process::Output) -> Output {
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gloss"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("GLOSS_THEME")
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `gloss ARGS` with no standard input.
pub fn gloss(args: &[&str]) -> Output {
    finish(
        command(args)
            .stdin(Stdio::null())
            .output()
            .expect("gloss runs"),
    )
}

/// Runs `gloss ARGS` as on a terminal that shows colour (`NO_COLOR`
/// unset), for `render --color` frames.
pub fn gloss_in_colour(args: &[&str]) -> Output {
    let mut cmd = command(args);
    cmd.env_remove("NO_COLOR").stdin(Stdio::null());
    finish(cmd.output().expect("gloss runs"))
}

/// Runs `gloss ARGS` with `input` on standard input.
pub fn gloss_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gloss runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // gloss may stop reading early on bad input; that is not our failure.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("gloss ends");
    writer.join().expect("writer thread");
    finish(out)
}

/// Asserts that every mention, quote and commitment span in the annotations
/// JSON `json` is a valid code-point range of `text`, and that every
/// mention's `text` equals its slice. Returns the number of mentions seen.
pub fn assert_offsets_match(json: &serde_json::Value, text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &serde_json::Value| -> String {
        let start = v["start"].as_u64().expect("start") as usize;
        let end = v["end"].as_u64().expect("end") as usize;
        assert!(start <= end && end <= chars.len(), "span {v} out of range");
        chars[start..end].iter().collect()
    };
    let mut mentions = 0;
    for entity in json["entities"].as_array().expect("entities") {
        for m in entity["mentions"].as_array().expect("mentions") {
            assert_eq!(slice(m), m["text"].as_str().expect("text"), "mention {m}");
            mentions += 1;
        }
    }
    for q in json["quotes"].as_array().expect("quotes") {
        slice(&q["span"]);
    }
    for c in json["commitments"].as_array().expect("commitments") {
        slice(&c["sentence"]);
    }
    mentions
}
