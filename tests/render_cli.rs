//! `gloss render` through the binary: navigation on the sample article,
//! checked against the annotator's own JSON (so the expectations follow
//! the annotator as it improves), key-string errors, tiny screens, and
//! untrusted text.

use std::process::{Command, Output};

use serde_json::Value;

const SAMPLE: &str = "sample/trump-kim-letter.txt";

fn gloss(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env_remove("NO_COLOR")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("gloss runs")
}

fn state(keys: &str) -> Value {
    let out = gloss(&[
        "render", SAMPLE, "--size", "120x40", "--keys", keys, "--state",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("state is JSON")
}

/// The annotator's entities, and the order the Actors tab lists them in
/// (grouped by kind: people, organizations, places; each most mentioned
/// first, ties in order of first mention), which leaves out entities
/// with no mention of their own to show.
fn entities() -> (Vec<Value>, Vec<usize>) {
    let out = gloss(&["annotate", SAMPLE, "--format", "json"]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ents = json["entities"].as_array().unwrap().clone();
    let mut order = Vec::new();
    // Listed: a mention that is neither a demonym nor inside a longer name.
    let listed = |e: &Value| {
        e["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["form"] != "demonym" && m["nested"] != true)
    };
    for kind in ["person", "organization", "place"] {
        let mut ids: Vec<usize> = (0..ents.len())
            .filter(|&i| ents[i]["kind"] == kind && listed(&ents[i]))
            .collect();
        // The reader counts the mentions it shows, not those inside names.
        let shown = |i: usize| {
            ents[i]["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["nested"] != true)
                .count()
        };
        ids.sort_by_key(|&i| std::cmp::Reverse(shown(i)));
        order.extend(ids);
    }
    (ents, order)
}

/// Keys that select `entity` from the Actors tab and jump to its first mention.
fn select_from_actors(order: &[usize], entity: usize) -> String {
    let row = order.iter().position(|&i| i == entity).unwrap();
    format!("<Tab>1{}<CR>", "j".repeat(row))
}

/// The entity whose name contains "Kim" with the most mentions.
fn kim(ents: &[Value]) -> usize {
    (0..ents.len())
        .filter(|&i| ents[i]["name"].as_str().unwrap().contains("Kim"))
        .max_by_key(|&i| ents[i]["mentions"].as_array().unwrap().len())
        .expect("the annotator finds Kim")
}

fn starts(ent: &Value) -> Vec<u64> {
    ent["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["start"].as_u64().unwrap())
        .collect()
}

#[test]
fn star_visits_every_mention_in_order_and_wraps_and_hash_goes_back() {
    let (ents, order) = entities();
    let k = kim(&ents);
    let id = ents[k]["id"].as_str().unwrap();
    let expected = starts(&ents[k]);
    let n = expected.len();
    let select = select_from_actors(&order, k);
    for i in 0..=n {
        let s = state(&format!("{select}<Tab>{}", "*".repeat(i)));
        assert_eq!(s["selected"]["id"], id);
        assert_eq!(s["focus"], "article");
        assert_eq!(
            s["cursor"]["start"],
            expected[i % n],
            "after {i} presses of *"
        );
        assert_eq!(s["mention"]["index"], (i % n) as u64 + 1);
        assert_eq!(s["mention"]["count"], n as u64);
    }
    for i in 1..=n {
        let s = state(&format!("{select}<Tab>{}", "#".repeat(i)));
        assert_eq!(
            s["cursor"]["start"],
            expected[(n - i % n) % n],
            "after {i} presses of #"
        );
    }
}

#[test]
fn enter_on_an_actor_jumps_to_its_first_mention_and_ctrl_o_returns() {
    let (ents, order) = entities();
    let first = order[0];
    let s = state("<Tab><CR>");
    assert_eq!(s["focus"], "side");
    assert_eq!(s["tab"], "actors");
    assert_eq!(s["selected"]["id"], ents[first]["id"]);
    assert_eq!(s["cursor"]["start"], starts(&ents[first])[0]);
    assert_eq!(s["cursor"]["text"], ents[first]["mentions"][0]["text"]);

    let last = *order.last().unwrap();
    let keys = select_from_actors(&order, last);
    let there = state(&keys);
    assert_eq!(there["cursor"]["start"], starts(&ents[last])[0]);
    let back = state(&format!("{keys}<C-o>"));
    assert_eq!(back["cursor"], Value::Null);
    assert_eq!(back["selected"], Value::Null);
    assert_eq!(back["top_line"], 0);
    let forward = state(&format!("{keys}<C-o><C-n>"));
    assert_eq!(forward["cursor"], there["cursor"]);
    assert_eq!(forward["top_line"], there["top_line"]);
}

#[test]
fn top_and_bottom_move_the_cursor_so_walks_start_there() {
    let out = gloss(&["annotate", SAMPLE, "--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut starts: Vec<u64> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap().clone())
        .filter(|m| m["nested"] != true)
        .map(|m| m["start"].as_u64().unwrap())
        .collect();
    starts.sort_unstable();
    assert_eq!(state("]e]e]eg]e")["cursor"]["start"], starts[0]);
    assert_eq!(state("]e]e]e<Home>]e")["cursor"]["start"], starts[0]);
    assert_eq!(state("G[e")["cursor"]["start"], *starts.last().unwrap());
}

#[test]
fn enter_on_a_side_item_over_a_narrow_screen_closes_the_pane() {
    let out = gloss(&[
        "render",
        "--no-sidecar",
        SAMPLE,
        "--size",
        "60x20",
        "--keys",
        "2<CR>",
        "--state",
    ]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["focus"], "article", "{s}");
    assert!(
        s["message"].as_str().unwrap().starts_with("commitment 1/"),
        "{s}"
    );
}

#[test]
fn state_has_every_field() {
    let s = state("");
    for key in [
        "focus", "tab", "selected", "cursor", "mention", "top_line", "message",
    ] {
        assert!(s.get(key).is_some(), "{key} missing");
    }
    assert_eq!(state("2")["tab"], "commitments");
    assert_eq!(state("<Tab>4")["tab"], "notes");
    assert!(state("G")["top_line"].as_u64().unwrap() > 0);
}

#[test]
fn malformed_keys_are_a_usage_error() {
    for bad in ["<Nope>", "ab<C-d", "<>"] {
        let out = gloss(&["render", SAMPLE, "--keys", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("gloss: --keys:") && err.lines().count() == 1,
            "{err}"
        );
    }
}

#[test]
fn unknown_theme_is_a_usage_error_naming_the_themes() {
    let out = gloss(&["render", SAMPLE, "--theme", "neon"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("neon") && err.contains("high-contrast"),
        "{err}"
    );
}

#[test]
fn themes_are_listed() {
    let out = gloss(&["themes"]);
    let list = String::from_utf8(out.stdout).unwrap();
    for name in ["dark", "light", "high-contrast", "monochrome"] {
        assert!(list.lines().any(|l| l.starts_with(name)), "{name}");
    }
}

#[test]
fn tiny_screens_render_without_panic() {
    for size in ["1x1", "2x2", "10x3", "20x5", "19x40", "300x4"] {
        for keys in [
            "",
            "*]e<Tab><CR>?",
            "/kim<CR>n2<Tab>jjj<CR>",
            "]",
            "3[",
            "/x",
        ] {
            let out = gloss(&["render", SAMPLE, "--size", size, "--keys", keys, "--color"]);
            assert!(
                out.status.success(),
                "{size} {keys}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let h: usize = size.split_once('x').unwrap().1.parse().unwrap();
            assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), h);
        }
    }
    let small = gloss(&["render", SAMPLE, "--size", "19x4"]);
    assert!(String::from_utf8_lossy(&small.stdout).contains("too small"));
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = std::env::temp_dir().join(format!("gloss-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("evil\u{1b}[31m.txt");
    let body = "Mr. Kim Jong Un \u{1b}[2J\u{1b}]0;pwned\u{7}met Trump.\u{9b}31m Bell\u{7} and \u{202e}rtl.\r\n\
                Tabs\tand\u{8}backspace; Kim again.\n";
    std::fs::write(&path, body).unwrap();
    let file = path.to_str().unwrap();
    for keys in ["", "*", "/kim<CR>", "<Tab>2?"] {
        let out = gloss(&["render", file, "--size", "90x20", "--keys", keys, "--color"]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        // Take out gloss's own SGR sequences; no control character may remain.
        let mut rest = text.as_str();
        let mut clean = String::new();
        while let Some(i) = rest.find('\u{1b}') {
            clean.push_str(&rest[..i]);
            let seq = &rest[i..];
            let end = seq.find('m').expect("an SGR sequence ends with m");
            assert!(
                seq.starts_with("\u{1b}[")
                    && seq[2..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
                "foreign escape sequence: {:?}",
                &seq[..=end]
            );
            rest = &seq[end + 1..];
        }
        clean.push_str(rest);
        assert!(
            clean
                .chars()
                .all(|c| c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c))),
            "raw control character in {clean:?}"
        );
    }
    let plain = gloss(&["render", file, "--size", "90x20"]);
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(plain.contains("␛[2J"), "{plain}");
    assert!(plain.contains("evil␛[31m.txt"), "{plain}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn user_themes_load_and_broken_ones_fall_back_with_a_message() {
    let config = std::env::temp_dir().join(format!("gloss-themes-{}", std::process::id()));
    let dir = config.join("gloss").join("themes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("sepia.toml"),
        "name = \"sepia\"\ndescription = \"brown ink\"\n[styles]\nperson = { fg = \"#704214\" }\n\
         organization = { fg = \"#2f4f4f\" }\nplace = { fg = \"#556b2f\" }\n",
    )
    .unwrap();
    std::fs::write(dir.join("broken.toml"), "name = \"broken\"\n[styles\n").unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .env_remove("NO_COLOR")
            .env("XDG_CONFIG_HOME", &config)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    let list = String::from_utf8(run(&["themes"]).stdout).unwrap();
    assert!(
        list.lines()
            .any(|l| l.starts_with("sepia") && l.contains("brown ink")),
        "{list}"
    );
    assert!(
        list.lines()
            .any(|l| l.starts_with("broken") && l.contains("broken:")),
        "{list}"
    );

    let ok = run(&[
        "render", SAMPLE, "--size", "100x20", "--theme", "sepia", "--color",
    ]);
    assert!(ok.status.success());
    assert!(
        String::from_utf8(ok.stdout)
            .unwrap()
            .contains("38;2;112;66;20")
    );

    // `t` cycles through the built-in themes and back to the user's.
    let cycle = |keys: &str| {
        let out = run(&[
            "render", SAMPLE, "--size", "140x20", "--theme", "sepia", "--keys", keys,
        ]);
        let frame = String::from_utf8(out.stdout).unwrap();
        frame.lines().last().unwrap_or_default().to_owned()
    };
    assert!(cycle("t").contains("theme: dark"), "{}", cycle("t"));
    let back = cycle("ttttt");
    assert!(back.contains("theme: sepia · brown ink"), "{back}");

    let broken = run(&["render", SAMPLE, "--size", "140x20", "--theme", "broken"]);
    assert!(broken.status.success());
    let frame = String::from_utf8(broken.stdout).unwrap();
    let status = frame.lines().last().unwrap();
    assert!(
        status.contains("broken.toml") && status.contains("using the dark theme"),
        "{status}"
    );

    let unknown = run(&["render", SAMPLE, "--theme", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("sepia"));
    std::fs::remove_dir_all(&config).ok();
}

#[test]
fn invalid_utf8_is_reported_in_the_status_line() {
    let path = std::env::temp_dir().join(format!("gloss-latin1-{}.txt", std::process::id()));
    std::fs::write(&path, b"Caf\xe9 talks in Paris with Kim.\n").unwrap();
    let out = gloss(&[
        "render",
        path.to_str().unwrap(),
        "--size",
        "120x10",
        "--keys",
        "jk",
    ]);
    let frame = String::from_utf8(out.stdout).unwrap();
    assert!(
        frame.lines().last().unwrap().contains("not valid UTF-8"),
        "{frame}"
    );
    std::fs::remove_file(&path).ok();
}

#[test]
fn the_actors_tab_counts_the_actors_it_lists() {
    let (ents, order) = entities();
    // Demonym-only entities ("North Korean") and names met only inside
    // longer names are in the JSON, not in the list.
    assert!(order.len() < ents.len(), "{} {}", order.len(), ents.len());
    let out = gloss(&["render", "--no-sidecar", SAMPLE, "--size", "120x6"]);
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(
        screen.contains(&format!("Actors {} ", order.len())),
        "{screen}"
    );
}

/// `gloss -` with standard input on a terminal says what it waits for
/// (on stderr, before reading); from a pipe it says nothing.
#[cfg(unix)]
#[test]
fn standard_input_on_a_terminal_gets_a_hint() {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use std::io::Write;
    use std::process::Stdio;

    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY).unwrap();
    grantpt(&master).unwrap();
    unlockpt(&master).unwrap();
    let name = ptsname(&master, Vec::new()).unwrap();
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().unwrap())
        .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["text", "-"])
        .stdin(Stdio::from(tty))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The typed article, then Ctrl-D: the end of input on a terminal.
    let mut master = std::fs::File::from(master);
    master.write_all(b"Ann met Bob.\n\x04").unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines().next(),
        Some("gloss: reading the article from standard input (Ctrl-D ends it)"),
        "{err}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Ann met Bob.\n");

    let piped = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["text", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&piped.stderr);
    assert!(!err.contains("standard input"), "{err}");
}
