//! The library's index through the binary: a folder of articles that
//! share actors, `gloss index` (incremental, surviving SIGKILL, rebuilding
//! a broken database), `gloss actors`, `gloss actor`, and in the reader the
//! list, `A`, `<CR>` and `<C-o>` across articles.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ARTICLES: [(&str, &str); 3] = [
    (
        "a-summit.txt",
        "Summit planned\n\nU.S. President Donald Trump said on Monday that he would meet \
         North Korean leader Kim Jong Un in Hanoi. Trump pledged to keep sanctions in place \
         until the North gives up its weapons.\n",
    ),
    (
        "b-hanoi.txt",
        "Talks in Hanoi\n\nDonald Trump met Kim Jong Un in Hanoi on Wednesday. The United \
         Nations welcomed the meeting. Kim vowed to dismantle the Yongbyon complex, \
         officials said.\n",
    ),
    (
        "c-reaction.txt",
        "Reaction at the UN\n\nThe UN said on Thursday that it hoped the talks would go on. \
         \"We are ready to help,\" said Antonio Guterres, the secretary-general.\n",
    ),
];

/// A folder of the articles and a data folder.
struct Library {
    dir: tempfile::TempDir,
    data: tempfile::TempDir,
}

impl Library {
    fn new() -> Self {
        Self::with(&ARTICLES)
    }

    fn with(articles: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in articles {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        Self {
            dir,
            data: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_string_lossy().into_owned()
    }

    fn dir(&self) -> String {
        self.dir.path().to_string_lossy().into_owned()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_gloss"));
        c.args(args).env("GLOSS_DATA_DIR", self.data.path());
        c
    }

    fn gloss(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("gloss runs")
    }

    fn state(&self, file: &str, keys: &str) -> Value {
        let out = self.gloss(&["render", file, "--keys", keys, "--state"]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("state JSON")
    }

    fn frame(&self, file: &str, keys: &str) -> String {
        let out = self.gloss(&["render", file, "--size", "110x12", "--keys", keys]);
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn the_index_is_incremental() {
    let lib = Library::new();
    let out = lib.gloss(&["index", &lib.dir()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("3 article(s) indexed, 0 unchanged, 0 failed"),
        "{}",
        stderr(&out)
    );
    let again = lib.gloss(&["index", &lib.dir()]);
    assert!(
        stderr(&again).contains("0 article(s) indexed, 3 unchanged"),
        "{}",
        stderr(&again)
    );
    std::fs::write(
        lib.path("b-hanoi.txt"),
        "Talks end\n\nDonald Trump left Hanoi.\n",
    )
    .expect("write");
    let changed = lib.gloss(&["index", &lib.dir()]);
    assert!(
        stderr(&changed).contains("1 article(s) indexed, 2 unchanged"),
        "{}",
        stderr(&changed)
    );
}

#[test]
fn the_readers_corrections_reach_the_index() {
    let lib = Library::new();
    let out = lib.gloss(&["index", &lib.dir()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let c = lib.path("c-reaction.txt");
    let keys = "/Guterres<CR>Cr<C-u>António Guterres<CR>";
    lib.state(&c, keys);
    let out = lib.gloss(&["index", &lib.dir()]);
    assert!(
        stderr(&out).contains("1 article(s) indexed, 2 unchanged"),
        "the sidecar changed: {}",
        stderr(&out)
    );
    let csv = lib.gloss(&["actors", &lib.dir(), "--format", "csv"]);
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    assert!(csv.contains("\nAntónio Guterres,person,"), "{csv}");
    assert!(!csv.contains("Antonio Guterres"), "{csv}");
}

#[test]
fn actors_are_matched_across_articles_by_name_and_acronym() {
    let lib = Library::new();
    let out = lib.gloss(&["actors", &lib.dir(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["schema"], "gloss.actors/1");
    let actors = json["actors"].as_array().expect("actors");
    let of = |name: &str| -> Vec<String> {
        let actor = actors
            .iter()
            .find(|a| a["name"].as_str().is_some_and(|n| n.contains(name)))
            .unwrap_or_else(|| panic!("{name} in {json}"));
        actor["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| {
                let s = a["source"].as_str().expect("source");
                Path::new(s)
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    assert_eq!(of("Trump"), ["a-summit.txt", "b-hanoi.txt"]);
    assert_eq!(of("Kim Jong Un"), ["a-summit.txt", "b-hanoi.txt"]);
    assert_eq!(of("United Nations"), ["b-hanoi.txt", "c-reaction.txt"]);
    // CSV: one row per actor and article.
    let csv = lib.gloss(&["actors", &lib.dir(), "--format", "csv"]);
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    assert!(csv.starts_with("name,kind,source,title,mentions,commitments,quotes\n"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Kim Jong Un,person,") && l.contains("b-hanoi.txt"))
    );
}

/// Articles where an actor goes by one word: a surname, an acronym.
const SHORT: [(&str, &str); 5] = [
    (
        "a-ohio.txt",
        "Donald Trump met union leaders in Ohio on Monday. Trump promised to protect \
         factory jobs.\n",
    ),
    (
        "b-talks.txt",
        "Mr. Trump said on Tuesday that the talks would continue.\n",
    ),
    (
        "c-hearing.txt",
        "Andy Kim and Young Kim spoke at the hearing on Wednesday. Andy Kim said the bill \
         would pass, and Young Kim said she would vote against it.\n",
    ),
    (
        "d-vote.txt",
        "Kim said on Thursday that the vote had been delayed.\n",
    ),
    (
        "e-bay.txt",
        "The Coastal Fishing Authority (COFA) closed the bay on Friday. COFA said it would \
         publish its findings in May.\n",
    ),
];

/// Each actor of `gloss actors DIR` as its name, kind and articles' file
/// names, sorted.
fn actor_list(lib: &Library) -> Vec<(String, String, Vec<String>)> {
    let out = lib.gloss(&["actors", &lib.dir(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut list: Vec<_> = (json["actors"].as_array().expect("actors").iter())
        .map(|a| {
            let files = (a["articles"].as_array().expect("articles").iter())
                .map(|r| {
                    let source = r["source"].as_str().expect("source");
                    let name = Path::new(source).file_name().expect("name");
                    name.to_string_lossy().into_owned()
                })
                .collect();
            let text = |k: &str| a[k].as_str().expect(k).to_owned();
            (text("name"), text("kind"), files)
        })
        .collect();
    list.sort();
    list
}

#[test]
fn a_surname_alone_joins_the_one_person_it_can_be_and_two_kims_stay_apart() {
    let lib = Library::with(&SHORT);
    let of = |name: &str| -> (String, String, Vec<String>) {
        let list = actor_list(&lib);
        (list.into_iter().find(|a| a.0 == name)).unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(of("Donald Trump").2, ["a-ohio.txt", "b-talks.txt"]);
    let names: Vec<String> = actor_list(&lib).into_iter().map(|a| a.0).collect();
    assert!(!names.contains(&"Trump".to_owned()), "{names:?}");
    // Two Kims in the library: "Kim" alone could be either.
    assert_eq!(of("Kim").2, ["d-vote.txt"]);
    assert_eq!(of("Andy Kim").2, ["c-hearing.txt"]);
    assert_eq!(of("Young Kim").2, ["c-hearing.txt"]);
    // `gloss actor Trump` is the joined actor, under its full name.
    let out = lib.gloss(&["actor", "Trump", &lib.dir(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["name"], "Donald Trump");
    let names: Vec<&str> = (json["articles"].as_array().expect("articles").iter())
        .map(|a| a["name"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        ["Donald Trump", "Trump"],
        "as each article names him"
    );
}

#[test]
fn a_new_article_joins_an_old_ones_surname_without_annotating_it_again() {
    let lib = Library::with(&SHORT[1..]);
    assert!(lib.gloss(&["index", &lib.dir()]).status.success());
    let trump = |lib: &Library| {
        let list = actor_list(lib);
        let found = list
            .into_iter()
            .find(|a| a.2.contains(&"b-talks.txt".into()));
        found.expect("the actor of b-talks")
    };
    assert_eq!(
        trump(&lib),
        ("Trump".into(), "person".into(), vec!["b-talks.txt".into()])
    );
    let (name, text) = SHORT[0];
    std::fs::write(lib.path(name), text).expect("write");
    let out = lib.gloss(&["index", &lib.dir()]);
    assert!(
        stderr(&out).contains("1 article(s) indexed, 4 unchanged"),
        "{}",
        stderr(&out)
    );
    assert_eq!(trump(&lib).0, "Donald Trump");
    assert_eq!(trump(&lib).2, ["a-ohio.txt", "b-talks.txt"]);
}

#[test]
fn an_acronym_joins_the_name_an_article_spells_it_out_for() {
    let lib = Library::with(&SHORT);
    // "COFA" alone is no actor to the annotator; the reader adds it.
    let f = lib.path("f-reopen.txt");
    std::fs::write(&f, "COFA said on Saturday it would reopen the bay.\n").expect("write");
    lib.state(&f, "/COFA<CR>vCao<CR>");
    let list = actor_list(&lib);
    let cofa = list.iter().find(|a| a.2.contains(&"f-reopen.txt".into()));
    assert_eq!(
        cofa.expect("COFA is an actor"),
        &(
            "Coastal Fishing Authority".into(),
            "organization".into(),
            vec!["e-bay.txt".into(), "f-reopen.txt".into()]
        ),
        "its initials (CFA) are not the acronym: the article that spells it out joins them"
    );
}

#[test]
fn a_on_a_surname_lists_the_articles_of_the_full_name() {
    let lib = Library::with(&SHORT);
    assert!(lib.gloss(&["index", &lib.dir()]).status.success());
    let b = lib.path("b-talks.txt");
    let frame = lib.frame(&b, "/Trump<CR>A");
    assert!(frame.contains("Articles that mention Trump · 1"), "{frame}");
    assert!(frame.contains("pledge: protect factory jobs"), "{frame}");
    let s = lib.state(&b, "/Trump<CR>A<CR>");
    assert!(
        s["article"]
            .as_str()
            .expect("article")
            .ends_with("a-ohio.txt"),
        "{s}"
    );
    assert_eq!(s["selected"]["name"], "Donald Trump", "{s}");
    assert_eq!(s["cursor"]["text"], "Donald Trump", "{s}");
    // And back: from the full name, the article of the surname alone.
    let frame = lib.frame(&lib.path("a-ohio.txt"), "/Donald<CR>A");
    assert!(
        frame.contains("Articles that mention Donald Trump · 1"),
        "{frame}"
    );
    assert!(frame.contains("b-talks"), "{frame}");
    // "Kim" alone is not one of the two Kims.
    let s = lib.state(&lib.path("d-vote.txt"), "/Kim<CR>A");
    assert!(s.get("view").is_none() || s["view"] == "reader", "{s}");
}

#[test]
fn an_actors_dossier_has_the_sentence_of_each_mention_commitment_and_quote() {
    let lib = Library::new();
    let out = lib.gloss(&["actor", "Trump", &lib.dir(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["schema"], "gloss.actor/1");
    let articles = json["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    let commitments = articles[0]["commitments"].as_array().expect("commitments");
    let pledge = commitments
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.contains("sanctions")))
        .unwrap_or_else(|| panic!("the pledge in {commitments:?}"));
    assert_eq!(pledge["kind"], "pledge");
    assert_eq!(
        pledge["sentence"],
        "Trump pledged to keep sanctions in place until the North gives up its weapons."
    );
    let mention = &articles[1]["mentions"][0];
    assert_eq!(
        mention["sentence"],
        "Donald Trump met Kim Jong Un in Hanoi on Wednesday."
    );
    let md = lib.gloss(&["actor", "UN", &lib.dir(), "--format", "markdown"]);
    let md = String::from_utf8_lossy(&md.stdout).into_owned();
    assert!(md.starts_with("# United Nations (organization)"), "{md}");
    assert!(md.contains("## Reaction at the UN"), "{md}");
    assert!(md.contains("- The UN said on Thursday"), "{md}");
    // No such actor: one line, exit 2.
    let none = lib.gloss(&["actor", "Angela Merkel", &lib.dir()]);
    assert_eq!(none.status.code(), Some(2));
    assert_eq!(
        stderr(&none),
        "gloss: Angela Merkel: no such actor in the library (see gloss actors)\n"
    );
}

#[test]
fn the_list_shows_counts_filters_sorts_and_opens() {
    let lib = Library::new();
    let frame = lib.frame(&lib.dir(), "");
    assert!(frame.contains("3 of 3 articles"), "{frame}");
    let row = frame
        .lines()
        .find(|l| l.contains("Summit planned"))
        .expect("a row");
    let counts: Vec<&str> = row.split_whitespace().rev().take(4).collect();
    assert_eq!(counts[0], "0", "no notes: {row}");
    assert!(counts[3].parse::<usize>().expect("actors") >= 2, "{row}");
    let filtered = lib.frame(&lib.dir(), "/hanoi<CR>");
    assert!(filtered.contains("1 of 3 articles"), "{filtered}");
    assert!(filtered.contains("Talks in Hanoi") && !filtered.contains("Summit planned"));
    let by_title = lib.frame(&lib.dir(), "ss");
    let first = by_title.lines().nth(2).expect("first row");
    assert!(first.contains("Reaction at the UN"), "{by_title}");
    let s = lib.state(&lib.dir(), "jj<CR>");
    assert_eq!(s["view"], "reader");
    assert!(
        s["article"]
            .as_str()
            .expect("article")
            .ends_with("c-reaction.txt")
    );
    // [a from the first article is the first of the list.
    let s = lib.state(&lib.dir(), "<CR>[a");
    assert!(
        s["message"]
            .as_str()
            .expect("message")
            .contains("first article")
    );
}

#[test]
fn the_list_is_drawn_in_the_themes_styles() {
    let lib = Library::new();
    let out = lib
        .command(&["render", ".", "--size", "100x7", "--color", "--keys", "j"])
        .current_dir(lib.dir.path())
        .output()
        .expect("gloss runs");
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout));
}

#[test]
fn a_follows_an_actor_into_other_articles_and_ctrl_o_comes_back() {
    let lib = Library::new();
    let a = lib.path("a-summit.txt");
    let out = lib.gloss(&["index", &lib.dir()]);
    assert!(out.status.success(), "{}", stderr(&out));
    // On "Kim", `A` lists the other article that mentions him.
    let s = lib.state(&a, "/Kim<CR>A");
    assert_eq!(s["view"], "library", "{s}");
    let frame = lib.frame(&a, "/Kim<CR>A");
    assert!(
        frame.contains("Articles that mention Kim Jong Un · 1"),
        "{frame}"
    );
    assert!(frame.contains("Talks in Hanoi"), "{frame}");
    assert!(
        frame.contains("vow: ") || frame.contains("pledge: "),
        "commitments: {frame}"
    );
    // `<CR>` opens it at Kim's first mention, Kim selected.
    let s = lib.state(&a, "/Kim<CR>A<CR>");
    assert_eq!(s["view"], "reader");
    assert!(
        s["article"]
            .as_str()
            .expect("article")
            .ends_with("b-hanoi.txt")
    );
    assert_eq!(s["selected"]["name"], "Kim Jong Un", "{s}");
    assert_eq!(s["cursor"]["text"], "Kim Jong Un", "{s}");
    // `<C-o>` comes back to the first article, where it was.
    let s = lib.state(&a, "/Kim<CR>A<CR><C-o>");
    assert_eq!(s["article"], a, "{s}");
    assert_eq!(s["cursor"]["text"], "Kim", "{s}");
    // In the side pane's Actors tab, `A` means the highlighted actor.
    let s = lib.state(&a, "<Tab>A");
    assert_eq!(s["view"], "library", "{s}");
    // Opened by a relative name from its folder, the article is still
    // itself in the index, and not one of the others.
    let out = lib
        .command(&[
            "render",
            "a-summit.txt",
            "--size",
            "110x12",
            "--keys",
            "/Kim<CR>A",
        ])
        .current_dir(lib.dir.path())
        .output()
        .expect("gloss runs");
    let frame = String::from_utf8_lossy(&out.stdout);
    assert!(
        frame.contains("Articles that mention Kim Jong Un · 1"),
        "{frame}"
    );
    // An actor no other article mentions.
    let s = lib.state(&a, "/sanctions<CR>/North<CR>A");
    assert!(s.get("view").is_none() || s["view"] == "reader", "{s}");
}

#[test]
fn a_broken_index_is_rebuilt_with_a_message() {
    let lib = Library::new();
    std::fs::write(lib.data.path().join("gloss.sqlite"), vec![b'x'; 4096]).expect("write");
    let out = lib.gloss(&["actors", &lib.dir()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("gloss.sqlite: not a usable index"), "{err}");
    assert!(lib.data.path().join("gloss.sqlite.broken").exists());
    let again = lib.gloss(&["actors", &lib.dir()]);
    assert_eq!(stderr(&again), "");
}

#[test]
fn bad_inputs_get_one_line_and_exit_2() {
    let lib = Library::new();
    let empty = tempfile::tempdir().expect("temp dir");
    let e = empty.path().to_string_lossy().into_owned();
    for (args, why) in [
        (
            vec!["index".to_owned(), e.clone()],
            "no .txt, .md or .html files",
        ),
        (vec![e.clone()], "no .txt, .md or .html files"),
        (
            vec!["index".to_owned(), "/no/such/dir".to_owned()],
            "no such file",
        ),
        (
            vec!["index".to_owned(), "-".to_owned()],
            "-: standard input cannot be indexed",
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = lib.gloss(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
        assert!(stderr(&out).contains(why), "{args:?}: {}", stderr(&out));
    }
}

/// A folder of `n` articles, each naming a few actors.
fn many(dir: &Path, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let path = dir.join(format!("art{i:04}.txt"));
            let text = format!(
                "Report {i}\n\nPresident Donald Trump met Prime Minister Shinzo Abe in Tokyo \
                 on day {i}. Trump pledged to visit Osaka. The United Nations said it would \
                 send observers, and Abe said the talks had gone well.\n"
            );
            std::fs::write(&path, text).expect("write");
            path
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn an_index_killed_during_an_update_is_whole_and_finishes_next_time() {
    let lib = Library::new();
    let corpus = tempfile::tempdir().expect("temp dir");
    let total = 400;
    many(corpus.path(), total);
    let dir = corpus.path().to_string_lossy().into_owned();
    let db = lib.data.path().join("gloss.sqlite");
    for round in 0..3 {
        let mut child = lib
            .command(&["index", &dir, "--jobs", "2"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawns");
        // Let it start writing, then kill it outright.
        let started = std::time::Instant::now();
        while !db.exists() && started.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::thread::sleep(std::time::Duration::from_millis(50 * (round + 1)));
        let _ = child.kill();
        let _ = child.wait();
        let conn = rusqlite::Connection::open(&db).expect("opens");
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("checks");
        assert_eq!(check, "ok");
        // Killed before it made its tables: nothing to look at yet.
        let made: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'articles'",
                [],
                |r| r.get(0),
            )
            .expect("asks");
        if made == 0 {
            continue;
        }
        // Every article written is whole: its actors are there.
        let orphans: i64 = conn
            .query_row(
                "SELECT count(*) FROM articles r WHERE NOT EXISTS \
                 (SELECT 1 FROM actors a WHERE a.article = r.id)",
                [],
                |r| r.get(0),
            )
            .expect("counts");
        assert_eq!(orphans, 0);
    }
    let out = lib.gloss(&["index", &dir]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let numbers: Vec<usize> = err
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let (indexed, unchanged) = (numbers[numbers.len() - 3], numbers[numbers.len() - 2]);
    assert_eq!(indexed + unchanged, total, "{err}");
    let out = lib.gloss(&["actor", "Shinzo Abe", &dir]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["articles"].as_array().expect("articles").len(), total);
}
