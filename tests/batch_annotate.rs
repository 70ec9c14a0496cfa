//! `gloss annotate` over many articles: a directory expands to its articles,
//! output comes in input order for any --jobs, and a bad document is
//! reported without stopping the others.

#[path = "documents/support.rs"]
mod support;

use support::gloss;

/// A folder of small articles in every format, plus a binary file with an
/// article's extension.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    };
    for i in 0..6 {
        write(
            &format!("story{i}.txt"),
            format!(
                "Story {i}\n\nPresident Maria Lopez met Prime Minister John Carter in Madrid.\n"
            )
            .as_bytes(),
        );
    }
    write(
        "brief.md",
        b"# Brief\n\nThe *United Nations* urged Russia to talk.\n",
    );
    write(
        "page.html",
        b"<!doctype html><title>Page</title><body><nav>Menu</nav><article><h1>Page</h1>\
          <p>Angela Merkel spoke in Berlin on Monday about the plan and what comes next.</p>\
          </article></body>",
    );
    write("notes.csv", b"not,an,article\n");
    write("corrupt.txt", b"GIF89a\0\0\x01");
    dir
}

fn titles(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one JSON object a line");
            format!(
                "{}:{}",
                v["document"]["format"].as_str().unwrap_or("?"),
                v["document"]["title"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[test]
fn a_bad_file_is_reported_and_the_others_go_on() {
    let dir = corpus();
    let d = dir.path().to_string_lossy().into_owned();
    let out = gloss(&["annotate", "--format", "jsonl", "--jobs", "2", &d]);
    assert_eq!(out.code, 1);
    assert_eq!(
        titles(&out.stdout),
        [
            "markdown:Brief",
            "html:Page",
            "text:Story 0",
            "text:Story 1",
            "text:Story 2",
            "text:Story 3",
            "text:Story 4",
            "text:Story 5",
        ]
    );
    let corrupt = dir
        .path()
        .join("corrupt.txt")
        .to_string_lossy()
        .into_owned();
    assert_eq!(
        out.stderr,
        format!(
            "gloss: {corrupt}: looks like a binary file (it contains NUL bytes), not an article\n\
             gloss: annotate: 1 of 9 articles failed\n"
        )
    );
}

#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    let dir = corpus();
    let d = dir.path().to_string_lossy().into_owned();
    let sample = "sample/trump-kim-letter.txt";
    let one = gloss(&[
        "annotate", "--format", "jsonl", "-j", "1", sample, &d, sample,
    ]);
    let two = gloss(&[
        "annotate", "--format", "jsonl", "-j", "2", sample, &d, sample,
    ]);
    assert_eq!(one.stdout.lines().count(), 10);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stderr, two.stderr);
    assert_eq!((one.code, two.code), (1, 1));
}

#[test]
fn files_and_directories_mix_in_the_order_given() {
    let dir = corpus();
    let story = dir.path().join("story3.txt").to_string_lossy().into_owned();
    let brief = dir.path().join("brief.md").to_string_lossy().into_owned();
    let out_file = dir.path().join("out.jsonl");
    let out_name = out_file.to_string_lossy().into_owned();
    let out = gloss(&[
        "annotate", "--format", "jsonl", "-o", &out_name, &story, &brief,
    ]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let written = std::fs::read_to_string(&out_file).expect("output file");
    assert_eq!(titles(&written), ["text:Story 3", "markdown:Brief"]);
}

#[test]
fn when_nothing_can_be_read_the_exit_code_is_2() {
    let out = gloss(&[
        "annotate",
        "--format",
        "jsonl",
        "/no/such/a.txt",
        "/no/such/b.md",
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "gloss: /no/such/a.txt: no such file\ngloss: /no/such/b.md: no such file\n\
         gloss: annotate: none of the 2 articles could be annotated\n"
    );
}

#[test]
fn pretty_json_takes_one_article() {
    let dir = corpus();
    let d = dir.path().to_string_lossy().into_owned();
    let out = gloss(&["annotate", &d]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "gloss: annotate: --format json takes one article, not 9; use --format jsonl\n"
    );
    let out = gloss(&["annotate", "sample/trump-kim-letter.txt"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .starts_with("{\n  \"schema\": \"gloss.annotations/1\",")
    );
}

#[test]
fn jobs_must_be_a_positive_number() {
    for bad in ["0", "x", "-3"] {
        let jobs = format!("--jobs={bad}");
        let out = gloss(&["annotate", &jobs, "sample/trump-kim-letter.txt"]);
        assert_eq!(out.code, 2, "--jobs {bad}");
        assert!(
            out.stderr.contains("--jobs"),
            "--jobs {bad}: {}",
            out.stderr
        );
    }
}
