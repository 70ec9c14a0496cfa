//! The habits of less, vim and newsboat, through the binary: go to a line
//! or a share of the text, marks, copying with OSC 52, links opened with
//! `$BROWSER`, and an article reloaded when it changes on disk (`render
//! --keys -`, with the file rewritten between two lines of keys).

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const RIVER: &str = "sample/river-treaty.md";

fn gloss(args: &[&str], envs: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gloss"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env_remove("BROWSER")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("gloss runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `gloss render` of `file` on a 120×40 screen after `keys`, printing
/// what `print` asks for (`--state`, `--color`).
fn render(file: &str, keys: &str, print: &str, envs: &[(&str, &str)]) -> Output {
    let args = [
        "render",
        file,
        "--no-sidecar",
        "--size",
        "120x40",
        "--keys",
        keys,
        print,
    ];
    gloss(&args, envs)
}

fn state(file: &str, keys: &str) -> Value {
    let out = render(file, keys, "--state", &[]);
    serde_json::from_slice(&out.stdout).expect("state is JSON")
}

fn text_of(file: &str) -> String {
    String::from_utf8(gloss(&["text", file], &[]).stdout).unwrap()
}

/// Code point `ch` of `text` as a byte offset.
fn byte(text: &str, ch: u64) -> usize {
    text.char_indices()
        .nth(ch as usize)
        .map_or(text.len(), |(i, _)| i)
}

#[test]
fn go_to_a_line_and_a_share_of_the_text() {
    let text = text_of(RIVER);
    let lines = text.lines().count();
    let s = state(RIVER, ":5<CR>");
    let line5 = text.lines().nth(4).unwrap();
    let first = line5.split_whitespace().next().unwrap();
    assert_eq!(s["cursor"]["text"], first);
    assert_eq!(s["message"], format!("line 5 of {lines}"));
    // The cursor stands at the start of that line of the text.
    let start = byte(&text, s["cursor"]["start"].as_u64().unwrap());
    assert!(start == 0 || text.as_bytes()[start - 1] == b'\n');
    // Past the end: the last line, and the status line says how many there are.
    let s = state(RIVER, ":9999<CR>");
    assert_eq!(
        s["message"],
        format!("line {lines} of {lines} (there are {lines})")
    );
    // A share of the text: the cursor at the screen line holding that point.
    let half = state(RIVER, ":50%<CR>");
    let chars = text.chars().count() as u64;
    let at = half["cursor"]["start"].as_u64().unwrap();
    assert!(at <= chars / 2 && chars / 2 - at < 120, "{at} of {chars}");
    assert!(half["message"].as_str().unwrap().starts_with("50% · line "));
    assert!(half["top_line"].as_u64().unwrap() > 0);
    // `<C-o>` comes back; a word is not a place.
    assert_eq!(state(RIVER, ":50%<CR><C-o>")["top_line"], 0);
    let bad = state(RIVER, ":half<CR>");
    assert!(
        bad["message"]
            .as_str()
            .unwrap()
            .contains("type a line number (:40)"),
        "{bad}"
    );
    // `<Esc>` closes the prompt and goes nowhere.
    assert_eq!(state(RIVER, ":40<Esc>")["top_line"], 0);
}

#[test]
fn marks_and_the_place_before_the_last_jump() {
    let at_quote = state(RIVER, "]q");
    let s = state(RIVER, "]qmaG'a");
    assert_eq!(s["cursor"], at_quote["cursor"]);
    assert_eq!(s["message"], "mark a");
    assert_eq!(s["top_line"], at_quote["top_line"]);
    // '' goes back to where the last jump started, and again back here.
    let bottom = state(RIVER, "]qG");
    assert_eq!(state(RIVER, "]qG''")["cursor"], at_quote["cursor"]);
    assert_eq!(state(RIVER, "]qG''''")["cursor"], bottom["cursor"]);
    let unset = state(RIVER, "'z");
    assert_eq!(unset["message"], "no mark z yet · mz sets it");
    assert_eq!(state(RIVER, "m1")["message"], "marks are the letters a–z");
    // Esc after m sets nothing and says nothing.
    assert_eq!(
        state(RIVER, "m<Esc>'a")["message"],
        "no mark a yet · ma sets it"
    );
}

/// What the annotator says about the first quote of `file`: its words and speaker.
fn first_quote(file: &str) -> (String, String) {
    let out = gloss(&["annotate", file, "--format", "json"], &[]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let q = &json["quotes"][0];
    let text = text_of(file);
    let (s, e) = (
        byte(&text, q["span"]["start"].as_u64().unwrap()),
        byte(&text, q["span"]["end"].as_u64().unwrap()),
    );
    let words: Vec<&str> = text[s..e].split_whitespace().collect();
    (
        words.join(" "),
        q["speaker_name"].as_str().unwrap().to_owned(),
    )
}

fn color(file: &str, keys: &str, envs: &[(&str, &str)]) -> String {
    String::from_utf8(render(file, keys, "--color", envs).stdout).unwrap()
}

#[test]
fn y_copies_the_quote_with_osc_52_and_says_so() {
    let (words, speaker) = first_quote(RIVER);
    let out = color(RIVER, "]qy", &[]);
    let seq = gloss::effects::osc52(&words);
    assert!(out.starts_with(&seq), "{:?}", &out[..out.len().min(200)]);
    assert_eq!(out.matches("\x1b]52;").count(), 1);
    assert!(
        out.contains(&format!("copied quote 1/3 ({speaker})")),
        "{out}"
    );
    // Y: a Markdown citation naming the speaker, the title and the source.
    let out = color(RIVER, "]qY", &[]);
    let cite = format!(
        "> {words}\n>\n> — {speaker}, *Upstream and downstream nations sign river water treaty* (`{RIVER}`)\n"
    );
    assert!(out.starts_with(&gloss::effects::osc52(&cite)), "{cite}");
    assert!(out.contains("as a Markdown citation"));
    // Nothing under the cursor: nothing copied, and a hint.
    let out = color(RIVER, "y", &[]);
    assert!(!out.contains("\x1b]52;"));
    assert!(out.contains("nothing to copy here"));
    // The plain frame carries no control sequence.
    let plain = gloss(&["render", RIVER, "--no-sidecar", "--keys", "]qy"], &[]);
    assert!(!String::from_utf8(plain.stdout).unwrap().contains('\x1b'));
}

#[test]
fn a_copied_selection_is_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.txt");
    std::fs::write(
        &file,
        "Title here\n\nThe \u{202e}minister said \u{1b}]52;c;ZXZpbA==\u{7} all\nwas well.\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    // From "The" a line down (to "was"), then copied.
    let out = color(file, "/The<CR>vjjy", &[]);
    let payload = out
        .strip_prefix("\x1b]52;c;")
        .and_then(|rest| rest.split_once('\x07'))
        .map(|(p, _)| p)
        .expect("an OSC 52 sequence first");
    let expect = "The �minister said ␛]52;c;ZXZpbA==␇ all was";
    assert_eq!(payload, gloss::effects::base64(expect.as_bytes()));
    assert!(out.contains("copied the selection"));
}

/// A Markdown article with a web link, a mail link and a script link.
const LINKS: &str = "# Links\n\nRead the [full text](https://example.org/treaty?a=1&b=2) \
or write to [the desk](mailto:desk@example.org), but not [this](javascript:alert(1)).\n";

/// A browser that writes its arguments, one a line, to `log`.
#[cfg(unix)]
fn browser(dir: &Path, log: &Path) -> String {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{}'; done\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script.to_str().unwrap().to_owned()
}

#[cfg(unix)]
#[test]
fn o_opens_the_link_under_the_cursor_with_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("links.md");
    std::fs::write(&file, LINKS).unwrap();
    let file = file.to_str().unwrap();
    let log = dir.path().join("opened.txt");
    let browser = browser(dir.path(), &log);
    let env = [("BROWSER", browser.as_str())];
    let out = gloss(
        &[
            "render",
            file,
            "--no-sidecar",
            "--keys",
            "]lo]lo",
            "--state",
        ],
        &env,
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["message"], "opening mailto:desk@example.org");
    assert_eq!(
        std::fs::read_to_string(&log).unwrap(),
        "https://example.org/treaty?a=1&b=2\nmailto:desk@example.org\n"
    );
    // A script link is not opened, and the status line says why.
    let out = gloss(
        &["render", file, "--no-sidecar", "--keys", "[lo", "--state"],
        &env,
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        s["message"],
        "gloss opens only http, https and mailto links, not “javascript:alert(1)”"
    );
    assert_eq!(std::fs::read_to_string(&log).unwrap().lines().count(), 2);
    // `]l` names the link; off a link, `o` says how to get to one.
    let s = state(file, "]l");
    assert_eq!(
        s["message"],
        "link 1/3 · https://example.org/treaty?a=1&b=2 · o opens it"
    );
    assert_eq!(s["cursor"]["text"], "full text");
    assert_eq!(
        state(file, "o")["message"],
        "no link under the cursor · ]l goes to the next link"
    );
    // A plain-text article's written-out addresses are links too, as in
    // the articles newsboat renders for its pager.
    let rendered = dir.path().join("newsboat-article");
    std::fs::write(
        &rendered,
        "Title: Treaty signed\nLink: https://example.org/news/1\n\nThe text [1].\n\nLinks:\n[1]: https://example.org/doc_(final). (link)\n",
    )
    .unwrap();
    let rendered = rendered.to_str().unwrap();
    gloss(
        &["render", rendered, "--no-sidecar", "--keys", "]l]lo"],
        &env,
    );
    let opened = std::fs::read_to_string(&log).unwrap();
    assert_eq!(
        opened.lines().last(),
        Some("https://example.org/doc_(final)")
    );
    // A browser that cannot be run is one line in the status line.
    let out = gloss(
        &["render", file, "--no-sidecar", "--keys", "]lo", "--state"],
        &[("BROWSER", "/nonexistent/browser")],
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        s["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot open the link with /nonexistent/browser: "),
        "{s}"
    );
}

/// A reader fed keys a line at a time (`render --keys -`).
struct Live {
    child: std::process::Child,
    out: BufReader<std::process::ChildStdout>,
}

impl Live {
    /// The reader on `file` (an article or a library), with the data
    /// folder (a library's index) in `data`.
    fn open(file: &str, data: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(["render", file, "--size", "100x30", "--keys", "-", "--state"])
            .env("GLOSS_DATA_DIR", data)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        Self { child, out }
    }

    /// Sends one line of keys; the state after them.
    fn keys(&mut self, keys: &str) -> Value {
        let input = self.child.stdin.as_mut().unwrap();
        writeln!(input, "{keys}").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        self.out.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    }

    fn close(mut self) {
        drop(self.child.stdin.take());
        assert!(self.child.wait().unwrap().success());
    }
}

#[test]
fn an_article_changed_on_disk_is_reloaded_keeping_place_and_notes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("river.md");
    let original = std::fs::read_to_string(RIVER).unwrap();
    std::fs::write(&file, &original).unwrap();
    let path = file.to_str().unwrap();
    let mut live = Live::open(path, &dir.path().join("data"));
    // A note on the second quote's first words, then the cursor on the third quote.
    let before = live.keys("]q]qvwwaheld by both sides<C-s>]q");
    assert_eq!(before["notes"], 1);
    let cursor = before["cursor"].clone();
    // The article gains a paragraph at the top.
    let added = "A paragraph added above everything, as an editor would.\n\n";
    let heading_end = original.find("\n\n").unwrap() + 2;
    let changed = format!(
        "{}{added}{}",
        &original[..heading_end],
        &original[heading_end..]
    );
    std::fs::write(&file, changed).unwrap();
    let after = live.keys("");
    assert_eq!(
        after["message"],
        "the article changed on disk: reloaded, notes and place kept"
    );
    // The cursor is on the same words, further on by the new paragraph.
    assert_eq!(after["cursor"]["text"], cursor["text"]);
    let shift = added.chars().count() as u64;
    assert_eq!(
        after["cursor"]["start"].as_u64().unwrap(),
        cursor["start"].as_u64().unwrap() + shift
    );
    assert_eq!(after["notes"], 1);
    // The note moved with its words: `[n` goes to it.
    let note = live.keys("[n");
    assert!(
        note["message"].as_str().unwrap().starts_with("note 1/1"),
        "{note}"
    );
    let text = text_of(path);
    let start = byte(&text, note["cursor"]["start"].as_u64().unwrap());
    assert!(text[start..].starts_with(note["cursor"]["text"].as_str().unwrap()));
    // Nothing changed since: nothing more is said.
    assert_eq!(live.keys("j")["message"], "");
    live.close();
}

/// In a library, the article watched is the one open: a change to another
/// article of the folder is not taken in, and after `]a` the next one is
/// watched instead.
#[test]
fn in_a_library_the_open_article_is_the_one_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    std::fs::create_dir(&folder).unwrap();
    let (a, b) = (folder.join("a.txt"), folder.join("b.txt"));
    std::fs::write(&a, "Kim Jong Un wrote a letter.\n").unwrap();
    std::fs::write(&b, "Donald Trump read the letter.\n").unwrap();
    const RELOADED: &str = "the article changed on disk: reloaded, notes and place kept";
    let mut live = Live::open(folder.to_str().unwrap(), &dir.path().join("data"));
    assert_eq!(live.keys("")["view"], "library");
    let opened = live.keys("<CR>");
    assert_eq!(opened["view"], "reader");
    assert!(opened["article"].as_str().unwrap().ends_with("a.txt"));
    // The article not open changes: nothing happens to the one read.
    std::fs::write(&b, "Donald Trump read the letter twice, said aides.\n").unwrap();
    assert_ne!(live.keys("")["message"], RELOADED);
    // The one open changes: it is read again.
    std::fs::write(&a, "Kim Jong Un wrote a second letter, Zebra said.\n").unwrap();
    assert_eq!(live.keys("")["message"], RELOADED);
    assert_eq!(live.keys("/Zebra<CR>")["cursor"]["text"], "Zebra");
    // The next article, as it is on disk now; the first is no longer watched.
    let next = live.keys("]a");
    assert!(next["article"].as_str().unwrap().ends_with("b.txt"));
    assert_eq!(live.keys("/twice<CR>")["cursor"]["text"], "twice");
    std::fs::write(&a, "Kim Jong Un wrote a third letter.\n").unwrap();
    assert_ne!(live.keys("")["message"], RELOADED);
    std::fs::write(&b, "Donald Trump read the letter thrice.\n").unwrap();
    assert_eq!(live.keys("")["message"], RELOADED);
    live.close();
}

/// `--keys -` takes standard input, so the article cannot come from it:
/// one line, exit status 2, before anything is read.
#[test]
fn keys_from_standard_input_and_the_article_too_is_one_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["render", "-", "--keys", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "gloss: --keys -: keys come from standard input, so the article cannot\n"
    );
}

/// The go-to prompt in the status line, and the screen after `:N%` and a
/// copy: the frame as text, and the status line with its styles.
#[test]
fn go_to_and_copy_on_screen() {
    let frame = |keys: &str, color: bool| {
        let mut args = vec![
            "render",
            RIVER,
            "--no-sidecar",
            "--size",
            "80x24",
            "--keys",
            keys,
        ];
        if color {
            args.push("--color");
        }
        String::from_utf8(gloss(&args, &[]).stdout).unwrap()
    };
    insta::assert_snapshot!("goto_prompt_80x24", frame(":40%", false));
    let status = frame(":40%", true);
    insta::assert_snapshot!("goto_prompt_status_styles", status.lines().last().unwrap());
    insta::assert_snapshot!(
        "goto_40_percent_then_copy_80x24",
        frame(":40%<CR>]qy", false)
    );
}
