//! Web pages and feeds through the binary, against a server on 127.0.0.1
//! that each test starts: `gloss URL` (redirects, charsets, failures, the
//! sidecar in the data folder keyed by the URL) and `gloss FEED` (RSS,
//! Atom, JSON Feed; a file or a URL).

mod http;

use std::process::{Command, Output};

use http::{Reply, Server, page, redirect};
use serde_json::Value;

const ARTICLE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
<title>Talks in Hanoi</title></head><body><nav>Home | World</nav><article>\
<h1>Talks in Hanoi</h1><p>North Korean leader Kim Jong Un met U.S. President \
Donald Trump in Hanoi on Wednesday. Trump said the talks were productive.</p>\
<p>Kim pledged to dismantle the Yongbyon nuclear complex, officials said.</p>\
</article></body></html>";

/// Runs gloss with its data folder in `data`, without a proxy.
fn gloss(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env("GLOSS_DATA_DIR", data)
        .env("GLOSS_FETCH_TIMEOUT", "2")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("gloss runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn state(o: &Output) -> Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("state JSON")
}

#[test]
fn a_web_page_is_fetched_through_redirects_and_read_as_its_article() {
    let server = Server::start(vec![
        ("/old", redirect("/story")),
        ("/story", page("text/html; charset=utf-8", ARTICLE)),
    ]);
    let data = tempfile::tempdir().expect("temp dir");
    let out = gloss(data.path(), &["text", &server.url("/old")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Talks in Hanoi"), "{text}");
    assert!(text.contains("Kim pledged to dismantle"), "{text}");
    assert!(!text.contains("Home | World"), "menus are dropped: {text}");
    let out = gloss(
        data.path(),
        &["annotate", "--no-sidecar", &server.url("/story")],
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["document"]["source"], server.url("/story"));
    let names: Vec<&str> = json["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert!(names.iter().any(|n| n.contains("Trump")), "{names:?}");
}

#[test]
fn the_charset_comes_from_the_header_else_from_the_page() {
    let latin1 = b"<html><body><article><h1>Caf\xe9</h1><p>Le caf\xe9 de la \
r\xe9publique a ferm\xe9 ses portes apr\xe8s cent ans.</p></article></body></html>";
    let declared = b"<html><head><meta charset=\"windows-1252\"></head><body><article>\
<h1>Na\xefve</h1><p>A na\xefve \x93quote\x94 from the caf\xe9 owner, who spoke at length.</p>\
</article></body></html>";
    let server = Server::start(vec![
        (
            "/header",
            page("text/html; charset=ISO-8859-1", latin1.to_vec()),
        ),
        ("/meta", page("text/html", declared.to_vec())),
    ]);
    let data = tempfile::tempdir().expect("temp dir");
    let text = stdout(&gloss(data.path(), &["text", &server.url("/header")]));
    assert!(text.contains("Le café de la république"), "{text}");
    let text = stdout(&gloss(data.path(), &["text", &server.url("/meta")]));
    assert!(text.contains("A naïve “quote” from the café"), "{text}");
}

#[test]
fn each_failure_is_one_line_naming_the_url() {
    let server = Server::start(vec![
        ("/loop", redirect("/loop")),
        ("/slow", Reply::Silence),
        ("/image", page("image/png", b"\x89PNG".to_vec())),
    ]);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}/x", l.local_addr().expect("address"))
    };
    let data = tempfile::tempdir().expect("temp dir");
    let cases = [
        (server.url("/missing"), "the server answered 404"),
        (server.url("/loop"), "redirects"),
        (server.url("/slow"), "no answer within 2 s"),
        (
            server.url("/image"),
            "not an article or a feed (the server sent image/png)",
        ),
        (closed.clone(), "connection refused"),
    ];
    for (url, why) in cases {
        let out = gloss(data.path(), &["text", &url]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{url}: {err}");
        assert_eq!(err.lines().count(), 1, "{url}: {err}");
        assert!(err.starts_with(&format!("gloss: {url}: ")), "{err}");
        assert!(err.contains(why), "{url}: {err}");
    }
    // The reader says the same before it opens.
    let out = gloss(data.path(), &[&closed]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("connection refused"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_page_larger_than_the_limit_is_refused() {
    let big = vec![b'a'; (16 << 20) + 10];
    let server = Server::start(vec![("/big", page("text/plain", big))]);
    let data = tempfile::tempdir().expect("temp dir");
    let out = gloss(data.path(), &["text", &server.url("/big")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("larger than 16 MiB"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_pages_notes_live_in_the_data_folder_keyed_by_its_url() {
    let server = Server::start(vec![("/story", page("text/html", ARTICLE))]);
    let data = tempfile::tempdir().expect("temp dir");
    let url = server.url("/story");
    let keys = "/pledged<CR>veaCheck this<C-s>";
    let s = state(&gloss(
        data.path(),
        &["render", &url, "--keys", keys, "--state"],
    ));
    assert_eq!(s["notes"], 1, "{s}");
    let sidecars: Vec<String> = std::fs::read_dir(data.path().join("sidecars"))
        .expect("sidecars folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(sidecars.len(), 1, "{sidecars:?}");
    assert!(sidecars[0].starts_with("url-"), "{sidecars:?}");
    // Read again, the note is there.
    let s = state(&gloss(data.path(), &["render", &url, "--state"]));
    assert_eq!(s["notes"], 1, "{s}");
}

const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World Wire</title>
<item><title>Summit ends early</title><link>LINK</link>
<pubDate>Thu, 28 Feb 2019 10:00:00 GMT</pubDate><description>Short.</description></item>
<item><title>Kim and Trump in Hanoi</title>
<pubDate>Wed, 27 Feb 2019 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>North Korean leader Kim Jong Un met Donald Trump in Hanoi. Kim vowed to keep talking.</p>]]></content:encoded>
</item>
</channel></rss>"#;

#[test]
fn a_feed_by_url_opens_the_library_and_its_items_open_in_the_reader() {
    let story = "/story";
    let server = Server::start(vec![("/story", page("text/html", ARTICLE))]);
    let rss = RSS.replace("LINK", &server.url(story));
    let feed_server = Server::start(vec![
        ("/feed", page("application/rss+xml", rss.clone())),
        ("/feed.xml", page("text/xml", rss)),
    ]);
    let data = tempfile::tempdir().expect("temp dir");
    for feed in [feed_server.url("/feed"), feed_server.url("/feed.xml")] {
        let out = gloss(data.path(), &["render", &feed, "--size", "120x12"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let frame = stdout(&out);
        assert!(frame.contains("Library: "), "{frame}");
        assert!(frame.contains("Summit ends early"), "{frame}");
        assert!(frame.contains("World Wire"), "the source column: {frame}");
        assert!(frame.contains("28 February 2019"), "{frame}");
    }
    let feed = feed_server.url("/feed");
    // The item with its content opens from the feed; the other from its link.
    let s = state(&gloss(
        data.path(),
        &["render", &feed, "--keys", "j<CR>", "--state"],
    ));
    assert_eq!(s["view"], "reader");
    assert_eq!(s["article"], format!("{feed}#2"));
    let frame = stdout(&gloss(data.path(), &["render", &feed, "--keys", "j<CR>"]));
    assert!(frame.contains("Kim vowed to keep talking."), "{frame}");
    let s = state(&gloss(
        data.path(),
        &["render", &feed, "--keys", "<CR>", "--state"],
    ));
    assert_eq!(s["article"], server.url(story));
    let frame = stdout(&gloss(data.path(), &["render", &feed, "--keys", "<CR>"]));
    assert!(frame.contains("Kim pledged to dismantle"), "{frame}");
    // Read once, a link's counts show in the list.
    let before = stdout(&gloss(data.path(), &["render", &feed, "--size", "120x6"]));
    assert!(before.contains("  –    –    –"), "{before}");
    let after = stdout(&gloss(
        data.path(),
        &["render", &feed, "--size", "120x6", "--keys", "<CR>L"],
    ));
    assert!(!after.contains("  –    –    –"), "{after}");
    // `L` comes back to the list, `]a` goes on to the next article.
    let s = state(&gloss(
        data.path(),
        &["render", &feed, "--keys", "<CR>L", "--state"],
    ));
    assert_eq!(s["view"], "library");
    let s = state(&gloss(
        data.path(),
        &["render", &feed, "--keys", "<CR>]a", "--state"],
    ));
    assert_eq!(s["article"], format!("{feed}#2"));
    let s = state(&gloss(
        data.path(),
        &["render", &feed, "--keys", "<CR>]a[a", "--state"],
    ));
    assert_eq!(s["article"], server.url(story));
}

#[test]
fn feed_files_in_rss_atom_and_json_feed_open_as_libraries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Desk</title><id>urn:x</id><updated>2024-03-14T09:30:00Z</updated>
<entry><title>Atom item</title><id>urn:1</id><updated>2024-03-14T09:30:00Z</updated>
<content type="html">&lt;p&gt;Angela Merkel met Emmanuel Macron in Berlin.&lt;/p&gt;</content></entry>
</feed>"#;
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk",
"items": [{"id": "1", "title": "JSON item", "content_text": "Boris Johnson spoke in London.\n\nHe said more."},
{"id": "2", "title": "Evil\u001b[2J title", "content_text": "Text."}]}"#;
    let files = [
        ("wire.rss", RSS.replace("LINK", "https://example.invalid/a")),
        ("desk.atom", atom.to_owned()),
        ("desk.json", json.to_owned()),
    ];
    let data = tempfile::tempdir().expect("temp dir");
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("write");
        let p = path.to_string_lossy().into_owned();
        let s = state(&gloss(data.path(), &["render", &p, "--state"]));
        assert_eq!(s["view"], "library", "{name}: {s}");
    }
    let atom = dir.path().join("desk.atom").to_string_lossy().into_owned();
    let frame = stdout(&gloss(data.path(), &["render", &atom, "--keys", "<CR>"]));
    assert!(
        frame.contains("Angela Merkel met Emmanuel Macron"),
        "{frame}"
    );
    let json = dir.path().join("desk.json").to_string_lossy().into_owned();
    let frame = stdout(&gloss(data.path(), &["render", &json, "--keys", "<CR>"]));
    assert!(frame.contains("Boris Johnson spoke in London."), "{frame}");
    // A feed's text is shown safe, like an article's.
    let frame = stdout(&gloss(data.path(), &["render", &json, "--color"]));
    assert!(frame.contains("Evil␛[2J title"), "{frame}");
    assert!(!frame.contains("\u{1b}[2J"), "{frame}");
    // A file that says it is a feed but is not one.
    let bad = dir.path().join("bad.rss");
    std::fs::write(&bad, "<rss><channel><item><title>x</item></rss>").expect("write");
    let b = bad.to_string_lossy().into_owned();
    let out = gloss(data.path(), &["render", &b]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with(&format!("gloss: {b}: not a feed gloss can read")),
        "{}",
        stderr(&out)
    );
}
