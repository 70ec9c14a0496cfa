//! Nothing gloss prints lets a control character from untrusted text reach
//! a terminal: an article, an HTML title, notes, a sidecar, a brat file, a
//! file name and the command line are all full of ESC, BEL, C1 and bidi
//! controls here. On a terminal (a pseudo-terminal made by `script`) they
//! show as placeholders; to a pipe the bytes are exact; JSON escapes them
//! and still parses to the same strings; every error line is made safe.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use gloss::model::Span;
use gloss::store::{Options, Origin, Store, Target};

const BIN: &str = env!("CARGO_BIN_EXE_gloss");

/// What an attacker puts everywhere: a screen clear, a title change ended
/// by BEL, CSI as a C1 control, DEL, a right-to-left override and an
/// isolate, and the line separator.
const EVIL: &str =
    "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{7f}\u{202e}x\u{202c}\u{2066}y\u{2069}\u{2028}";

/// A file name holding [`EVIL`] (less the line separator, to keep it short).
const EVIL_NAME: &str = "a\u{1b}[2J\u{7}\u{9b}\u{202e}.txt";

fn article() -> String {
    format!(
        "Trump and Kim {EVIL}\n\nPresident Donald Trump met Kim Jong Un in Paris {EVIL} on Monday.\n\
         Trump said{EVIL} the talks went well, and Kim agreed.\n"
    )
}

fn html() -> String {
    format!(
        "<html><head><title>Summit {EVIL}</title></head><body><article>\
         <p>President Donald Trump met Kim Jong Un in Paris {EVIL} on Monday.</p>\
         <p>Trump said the talks went well, and Kim agreed.</p></article></body></html>"
    )
}

/// The note's body: every hostile character, a tab and a line break.
fn note_body() -> String {
    format!("look{EVIL}\there\nand {EVIL}")
}

/// A folder with the hostile article (named [`EVIL_NAME`]), an HTML page,
/// and a note on the article whose passage and body hold [`EVIL`].
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(EVIL_NAME);
    let text = article();
    std::fs::write(&path, &text).unwrap();
    std::fs::write(dir.path().join("page.html"), html()).unwrap();
    let options = Options {
        enabled: true,
        data_dir: None,
    };
    let (mut store, _) = Store::open(&Origin::File(path.clone()), text.as_str(), &options);
    let start = text.find("Paris").unwrap();
    let end = text.find(" on Monday").unwrap();
    let target = Target::span(&text, Span::new(start, end)).unwrap();
    store
        .add_note(target, &note_body(), vec![format!("tag{EVIL}")])
        .unwrap();
    (dir, path)
}

/// Runs gloss with `args` in `dir`, output to pipes.
fn piped(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs gloss with `args` in `dir` on a pseudo-terminal (standard output
/// and standard error both), through `script`; `None` when `script` is
/// not installed. The arguments travel in the environment, untouched by
/// any shell quoting.
fn on_terminal(dir: &Path, args: &[&str]) -> Option<String> {
    let mut line = String::from("exec \"$GLOSS_BIN\"");
    let mut cmd = Command::new("script");
    for (i, a) in args.iter().enumerate() {
        line.push_str(&format!(" \"$GLOSS_ARG{i}\""));
        cmd.env(format!("GLOSS_ARG{i}"), a);
    }
    let out = cmd
        .args(["-qec", &line, "/dev/null"])
        .env("GLOSS_BIN", BIN)
        .env("SHELL", "/bin/sh")
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8(out.stdout).expect("gloss prints UTF-8"))
}

/// The characters of `s` a terminal must not receive: C0 controls but line
/// feed and tab, DEL, C1 controls, bidi overrides and isolates.
fn unsafe_chars(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Characters that JSON output keeps escaped besides the controls.
fn raw_in_json(s: &str) -> Vec<char> {
    let mut raw = unsafe_chars(s);
    raw.extend(s.chars().filter(|c| matches!(c, '\u{2028}' | '\u{2029}')));
    raw
}

#[test]
fn a_terminal_sees_placeholders_in_every_output() {
    let (dir, _) = corpus();
    let dir = dir.path();
    let mut runs: Vec<Vec<&str>> = vec![
        vec!["text", EVIL_NAME],
        vec!["text", "page.html"],
        vec!["annotate", EVIL_NAME],
        vec!["annotate", "--format", "jsonl", EVIL_NAME, "page.html"],
        vec!["render", EVIL_NAME, "--state", "--keys", "/Trump<CR>vj"],
    ];
    for format in ["markdown", "json", "w3c", "brat", "csv"] {
        runs.push(vec!["export", EVIL_NAME, "--format", format]);
        runs.push(vec!["export", "page.html", "--format", format]);
    }
    for args in &runs {
        let Some(shown) = on_terminal(dir, args) else {
            eprintln!("skipped: `script` is not installed");
            return;
        };
        // The terminal ends lines with CRLF (CSV's CRLF comes out as CR CR
        // LF); a batch redraws its progress line with gloss's own `\r ESC [K`.
        let shown = shown
            .replace("\r\r\n", "\n")
            .replace("\r\n", "\n")
            .replace("\r\u{1b}[K", "");
        assert!(shown.contains("Trump"), "{args:?} printed {shown:?}");
        assert_eq!(
            unsafe_chars(&shown),
            Vec::<char>::new(),
            "{args:?} printed {shown:?}"
        );
        let text_like =
            matches!(args[..], ["text", ..]) || args.contains(&"csv") || args.contains(&"markdown");
        if text_like {
            assert!(shown.contains('␛'), "{args:?} printed {shown:?}");
        }
    }
}

#[test]
fn a_pipe_gets_the_exact_bytes() {
    let (dir, _) = corpus();
    let text = piped(dir.path(), &["text", EVIL_NAME]);
    assert_eq!(text.stdout, article().as_bytes());
    let csv = piped(dir.path(), &["export", EVIL_NAME, "--format", "csv"]);
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.contains(&format!("Paris {EVIL} on Monday")), "{csv}");
    let brat = piped(dir.path(), &["export", EVIL_NAME, "--format", "brat"]);
    let brat = String::from_utf8(brat.stdout).unwrap();
    // brat's text field is the text it annotates, the bidi controls kept;
    // a control (which the line format cannot carry) is a space, as brat
    // itself writes a line break.
    let text: Vec<char> = article().chars().collect();
    let note = brat.lines().find(|l| l.contains("\tNote ")).unwrap();
    let [_, place, field] = note.split('\t').collect::<Vec<_>>()[..] else {
        panic!("{note}")
    };
    let offsets: Vec<usize> = place
        .split(' ')
        .skip(1)
        .map(|n| n.parse().unwrap())
        .collect();
    let expected: String = text[offsets[0]..offsets[1]]
        .iter()
        .map(|&c| if c.is_control() { ' ' } else { c })
        .collect();
    assert_eq!(field, expected);
    assert!(field.contains('\u{202e}'), "{field}");
}

#[test]
fn json_escapes_c1_and_bidi_controls_and_parses_to_the_same_strings() {
    let (dir, _) = corpus();
    let dir = dir.path();
    let text: Vec<char> = article().chars().collect();
    let passage = format!("Paris {EVIL}");
    for args in [
        vec!["annotate", EVIL_NAME],
        vec!["annotate", "--format", "jsonl", EVIL_NAME, "page.html"],
        vec!["export", EVIL_NAME, "--format", "json"],
        vec!["render", EVIL_NAME, "--state", "--keys", "/Paris<CR>vj"],
    ] {
        let out = piped(dir, &args);
        let json = String::from_utf8(out.stdout).unwrap();
        assert_eq!(raw_in_json(&json), Vec::<char>::new(), "{args:?}: {json}");
        assert!(
            json.contains("\\u202e") && json.contains("\\u009b"),
            "{json}"
        );
        let first: serde_json::Value = serde_json::from_str(json.lines().next().unwrap())
            .unwrap_or_else(|_| serde_json::from_str(&json).unwrap());
        if args[0] == "render" {
            assert!(first["visual"]["text"].as_str().unwrap().contains(EVIL));
            continue;
        }
        assert_eq!(first["document"]["source"], EVIL_NAME);
        let note = &first["notes"][0];
        assert_eq!(note["body"], note_body().as_str());
        assert_eq!(note["target"]["exact"], passage.as_str());
        assert_eq!(note["tags"][0], format!("tag{EVIL}").as_str());
        for entity in first["entities"].as_array().unwrap() {
            for m in entity["mentions"].as_array().unwrap() {
                let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
                let slice: String = text[start as usize..end as usize].iter().collect();
                assert_eq!(m["text"], slice.as_str());
            }
        }
    }
    let html = piped(dir, &["annotate", "page.html"]);
    let html: serde_json::Value = serde_json::from_slice(&html.stdout).unwrap();
    assert!(
        html["document"]["title"]
            .as_str()
            .unwrap()
            .starts_with("Summit")
    );
    let w3c = piped(dir, &["export", EVIL_NAME, "--format", "w3c"]);
    let w3c = String::from_utf8(w3c.stdout).unwrap();
    assert_eq!(raw_in_json(&w3c), Vec::<char>::new(), "{w3c}");
    let w3c: serde_json::Value = serde_json::from_str(&w3c).unwrap();
    let items = w3c["first"]["items"].as_array().unwrap();
    let note = items
        .iter()
        .find(|a| a["motivation"] == "commenting")
        .unwrap();
    assert_eq!(note["body"][0]["value"], note_body().as_str());
    assert_eq!(note["target"]["selector"][0]["exact"], passage.as_str());
}

#[test]
fn every_error_line_shows_untrusted_text_as_placeholders() {
    let (dir, article) = corpus();
    let dir = dir.path();
    let evil = |what: &str| format!("{what}{EVIL}");
    let binary = evil("binary.txt");
    std::fs::write(dir.join(&binary), b"x\0y\0z").unwrap();
    let folder = evil("folder.txt");
    std::fs::create_dir(dir.join(&folder)).unwrap();
    let brat = "bad.ann";
    std::fs::write(dir.join(brat), format!("T1\tPerson 0 5\tTrump{EVIL}\n")).unwrap();
    // A plain article whose sidecar has an unknown field and a bad schema.
    std::fs::write(dir.join("plain.txt"), "Trump met Kim.\n").unwrap();
    std::fs::write(dir.join("other.txt"), "Kim met Trump.\n").unwrap();
    let field =
        "schema = \"gloss.sidecar/1\"\ntext_hash = \"x\"\n\"k\\u001b[2J\\u009b\\u202e\" = 1\n";
    std::fs::write(dir.join("plain.txt.gloss.toml"), field).unwrap();
    let schema = "schema = \"\\u001b[2J\\u0007\\u009b\\u202e\"\ntext_hash = \"x\"\n";
    std::fs::write(dir.join("other.txt.gloss.toml"), schema).unwrap();
    let missing = evil("missing.txt");
    let missing_ann = evil("missing.ann");
    let keys = format!("<{EVIL}>");
    let flag = format!("--{EVIL}");
    let name = article.file_name().unwrap().to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["text", &missing],
        vec!["text", &binary],
        vec!["text", &folder],
        vec![&missing],
        vec![
            "annotate",
            "--format",
            "jsonl",
            "plain.txt",
            &missing,
            &binary,
        ],
        vec!["annotate", "plain.txt"],
        vec!["annotate", "other.txt"],
        vec!["annotate", name, "--annotations", brat],
        vec!["annotate", name, "--annotations", &missing_ann],
        vec!["render", name, "--theme", EVIL],
        vec!["render", name, "--keys", &keys],
        vec!["annotate", "--format", EVIL, name],
        vec!["export", name, &flag],
    ];
    for args in &cases {
        let out = piped(dir, args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!err.is_empty(), "{args:?} printed no error");
        assert_eq!(unsafe_chars(&err), Vec::<char>::new(), "{args:?}: {err}");
        assert!(
            err.lines().all(|l| l.starts_with("gloss: ")),
            "{args:?}: {err}"
        );
        // Where the hostile text is quoted, it shows as placeholders.
        assert!(err.contains('␛') || err.contains('�'), "{args:?}: {err}");
    }
}

#[test]
fn the_coloured_frame_keeps_its_styles_and_nothing_else() {
    let (dir, _) = corpus();
    let Some(shown) = on_terminal(dir.path(), &["render", EVIL_NAME, "--color"]) else {
        eprintln!("skipped: `script` is not installed");
        return;
    };
    assert!(shown.contains("\u{1b}[0m"), "{shown:?}");
    // Without gloss's own SGR sequences (ESC [ digits and ; m), nothing
    // unsafe is left.
    let mut rest = shown.replace("\r\n", "\n");
    while let Some(i) = rest.find("\u{1b}[") {
        let len = rest[i + 2..]
            .find(|c: char| !c.is_ascii_digit() && c != ';')
            .unwrap();
        assert_eq!(&rest[i + 2 + len..i + 3 + len], "m", "{rest:?}");
        rest.replace_range(i..i + 3 + len, "");
    }
    assert_eq!(unsafe_chars(&rest), Vec::<char>::new(), "{rest:?}");
    assert!(rest.contains("␛[2J"), "{rest:?}");
}
