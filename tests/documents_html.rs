//! HTML pages: the article is kept, the page around it dropped, and every
//! offset refers to the text `gloss text` prints.

#[path = "documents/support.rs"]
mod support;

use gloss::document::{self, BlockKind, Format, MarkKind};
use support::{assert_offsets_match, gloss, gloss_stdin};

const PAGE: &str = "tests/fixtures/news-page.html";

#[test]
fn the_article_is_kept_and_the_page_around_it_dropped() {
    let out = gloss(&["text", PAGE]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let text = out.stdout;
    assert!(
        text.starts_with("Harbour city council approves flood barrier after decade of delays\n\n"),
        "the headline leads: {text}"
    );
    for kept in [
        "The Port Ellery city council voted 9 to 2 on Wednesday night to build a movable flood barrier",
        "the historic waterfront district from storm surges",
        "according to the Port Authority.",
        "“We have asked residents to live with sandbags and sirens for too long.",
        "\n\nOpposition from fishermen\n\n",
        "Marcus Bell and Tomás Ruiz",
        "would be small and temporary.",
        "a municipal bond issue that voters approved in November.",
    ] {
        assert!(text.contains(kept), "kept: {kept:?}\n{text}");
    }
    for dropped in [
        "cookies",
        "Accept all",
        "Subscribe",
        "Politics",
        "Related",
        "Flood report warns",
        "Most read",
        "Rovers win",
        "morning briefing",
        "Comments",
        "harbourwatcher",
        "basement",
        "All rights reserved",
        "Privacy policy",
        "Share on Social",
        "Advertisement",
        "gtag",
        "dataLayer",
        "console.log",
        "font-family",
    ] {
        assert!(!text.contains(dropped), "dropped: {dropped:?}\n{text}");
    }
    // Paragraphs stand apart by one blank line, each on one line.
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 9, "{paragraphs:#?}");
    assert!(
        paragraphs
            .iter()
            .all(|p| !p.contains('\n') && p.trim() == *p)
    );
}

#[test]
fn headline_byline_date_blocks_and_marks() {
    let doc = document::load(PAGE).expect("loads");
    assert_eq!(doc.format, Format::Html);
    assert_eq!(doc.encoding, "UTF-8");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(
        doc.title,
        "Harbour city council approves flood barrier after decade of delays"
    );
    assert_eq!(doc.byline.as_deref(), Some("Priya Raman"));
    assert_eq!(doc.date.as_deref(), Some("2024-03-14T09:30:00Z"));
    let blocks: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.span.slice(&doc.text)))
        .collect();
    assert_eq!(
        blocks[0],
        (BlockKind::Heading { level: 1 }, doc.title.as_str())
    );
    assert!(blocks.contains(&(BlockKind::Heading { level: 2 }, "Opposition from fishermen")));
    let quote = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Quote)
        .expect("a quote block");
    assert!(quote.span.slice(&doc.text).starts_with("“We have asked"));
    let link = doc
        .marks
        .iter()
        .find(|m| matches!(m.kind, MarkKind::Link { .. }))
        .expect("a link");
    assert_eq!(link.span.slice(&doc.text), "Port Authority");
    assert_eq!(
        link.kind,
        MarkKind::Link {
            url: "https://example.org/port-authority".into()
        }
    );
    let styled: Vec<(&MarkKind, &str)> = doc
        .marks
        .iter()
        .map(|m| (&m.kind, m.span.slice(&doc.text)))
        .collect();
    assert!(styled.contains(&(&MarkKind::Strong, "historic waterfront district")));
    assert!(styled.contains(&(&MarkKind::Emphasis, "small and temporary")));
}

#[test]
fn annotation_offsets_refer_to_the_extracted_text() {
    let text = gloss(&["text", PAGE]).stdout;
    let out = gloss(&["annotate", "--format", "json", PAGE]);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["document"]["format"], "html");
    assert_eq!(json["document"]["chars"], text.chars().count());
    assert!(assert_offsets_match(&json, &text) > 0, "some mentions");
}

#[test]
fn html_on_stdin_is_sniffed() {
    let page = std::fs::read(PAGE).expect("fixture");
    let from_file = gloss(&["text", PAGE]).stdout;
    let out = gloss_stdin(&["text", "-"], &page);
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert_eq!(out.stdout, from_file);
    let out = gloss_stdin(&["annotate", "-"], &page);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["document"]["format"], "html");
    assert_eq!(json["document"]["source"], "-");
}

#[test]
fn broken_html_never_fails() {
    for page in [
        "<!doctype html><p>Unclosed <b>bold <i>and</p> mixed</b> tags",
        "<html><body><table><tr><td>cell<td>cell</table>",
        "<html>",
        "<!doctype html>\u{1b}[2J<p>escape</p>",
    ] {
        let out = gloss_stdin(&["text", "-"], page.as_bytes());
        assert_eq!(out.code, 0, "{page:?}: {}", out.stderr);
    }
}

#[test]
fn byline_and_date_come_from_the_page_when_metadata_lacks_them() {
    let page = std::fs::read_to_string(PAGE).expect("fixture");
    let bare: String = page
        .lines()
        .filter(|l| !l.contains("name=\"author\"") && !l.contains("published_time"))
        .collect::<Vec<_>>()
        .join("\n");
    let doc = document::load_bytes(bare.into_bytes(), "bare.html").expect("loads");
    assert_eq!(
        doc.byline.as_deref(),
        Some("By Priya Raman, City Hall reporter")
    );
    assert_eq!(doc.date.as_deref(), Some("2024-03-14T09:30:00Z"));
    // The byline is metadata, not article text.
    assert!(!doc.text.contains("City Hall reporter"), "{}", doc.text);
}
