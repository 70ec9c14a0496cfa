//! HTML to plain text and structure.
//!
//! dom_smoothie (a port of Firefox's Readability) finds the article in the
//! page and drops what surrounds it: navigation, sidebars, related links,
//! footers, comment sections, banners, scripts and styles. The article's
//! HTML is then walked (with dom_query, the DOM dom_smoothie is built on)
//! into text with the same conventions as Markdown (see
//! [`super::structure`]). The headline leads the text as a level-1 heading
//! when the extracted article does not already start with it.
//!
//! When no article can be found, the whole body is walked instead, still
//! without scripts, styles, navigation, headers, footers, asides and forms,
//! and a warning says so.

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};

use super::structure::{BlockKind, Builder, Extracted, MarkKind};

/// Elements whose content is never article text.
const NOT_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "button", "select", "textarea",
    "iframe", "object", "embed", "svg", "canvas", "video", "audio", "img", "picture", "source",
];

/// Elements that hold a page's chrome rather than its article.
const CHROME: &[&str] = &["nav", "aside", "footer", "form", "dialog", "menu"];

/// Chrome skipped too when no article was found, and so the whole page is
/// walked (an article's own `<header>` holds its headline and byline).
const PAGE_CHROME: &[&str] = &["nav", "aside", "footer", "form", "dialog", "menu", "header"];

/// Words in a `class` or `id` (split at spaces, `-` and `_`) that mark an
/// advertisement, a cookie or consent banner, or a sign-up box.
const CLUTTER_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adsbygoogle",
    "advert",
    "advertisement",
    "advertising",
    "consent",
    "cookie",
    "cookies",
    "gdpr",
    "newsletter",
    "paywall",
    "sponsored",
];

/// Whole paragraphs that only label an advertisement (lowercase).
const CLUTTER_LINES: &[&str] = &[
    "ad",
    "advertisement",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
];

/// Clutter is short: a marked element with more text than this is content
/// whose class merely mentions ads (`<div class="story has-ads">`).
const CLUTTER_MAX_TEXT: usize = 600;

/// True when `node` is an advertisement, a banner or a sign-up box: a short
/// element marked so by its class or id, or a paragraph that only labels an
/// advertisement.
fn is_clutter(node: &NodeRef<'_>, name: &str) -> bool {
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let marked = [node.attr("class"), node.attr("id")]
        .into_iter()
        .flatten()
        .any(|v| {
            v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|w| CLUTTER_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        });
    if marked {
        return node.text().len() <= CLUTTER_MAX_TEXT;
    }
    name == "p" && CLUTTER_LINES.contains(&normalize(&node.text()).to_lowercase().as_str())
}

/// Elements that separate paragraphs without being one themselves.
const SEPARATING: &[&str] = &[
    "address", "article", "body", "dd", "details", "div", "dl", "dt", "fieldset", "figure",
    "hgroup", "hr", "html", "main", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
];

/// Pages nested deeper than this skip readability, whose scoring grows with
/// the square of the depth, and show all of their text. Real pages stay far
/// below it.
const MAX_DEPTH: usize = 512;

/// Extracts the article from the HTML page `page`. The second value is a
/// warning when no article could be told apart from the rest of the page.
pub fn extract(page: &str) -> (Extracted, Option<&'static str>) {
    // The parser's time grows with the nesting: bound it first.
    let capped = super::nesting::cap_nesting(page);
    let page = capped.as_deref().unwrap_or(page);
    let dom = Dom::from(page);
    let date = page_date(&dom);
    if capped.is_some() || depth(&dom) > MAX_DEPTH {
        return (
            whole_page(&dom, date),
            Some("page nested too deeply to find its article; showing all of its text"),
        );
    }
    // Classes are kept so that clutter can be told by them (see `is_clutter`).
    let config = Config {
        keep_classes: true,
        ..Config::default()
    };
    match Readability::with_document(dom, None, Some(config)).and_then(|mut r| r.parse()) {
        Ok(article) => (from_article(article, date), None),
        Err(_) => (
            whole_page(&Dom::from(page), date),
            Some("no article found in the page; showing all of its text"),
        ),
    }
}

/// The text and structure of the article readability found. The headline
/// leads as a level-1 heading unless the article already starts with it.
fn from_article(article: dom_smoothie::Article, date: Option<String>) -> Extracted {
    let content = Dom::from(article.content.as_ref());
    let title = normalize(&article.title);
    let mut b = Builder::default();
    let starts_with_title = normalize(&article.text_content).starts_with(title.as_str());
    if !title.is_empty() && !starts_with_title {
        b.open_block(BlockKind::Heading { level: 1 });
        b.push_flowing(&title);
        b.close_block();
    }
    walk(&mut b, content.root(), CHROME);
    let (text, structure) = b.finish();
    let nonempty = |s: Option<String>| s.map(|s| normalize(&s)).filter(|s| !s.is_empty());
    Extracted {
        text,
        structure,
        title: (!title.is_empty()).then_some(title),
        byline: nonempty(article.byline),
        date: nonempty(article.published_time).or(date),
    }
}

/// The text and structure of the whole page, without its chrome.
fn whole_page(dom: &Dom, date: Option<String>) -> Extracted {
    let title = dom
        .select("title")
        .nodes()
        .first()
        .map(|n| normalize(&n.text()))
        .filter(|t| !t.is_empty());
    let mut b = Builder::default();
    walk(&mut b, dom.root(), PAGE_CHROME);
    let (text, structure) = b.finish();
    Extracted {
        text,
        structure,
        title,
        date,
        ..Extracted::default()
    }
}

/// How deeply the elements of `dom` nest.
fn depth(dom: &Dom) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(dom.root(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(
            node.children_it(false)
                .filter(NodeRef::is_element)
                .map(|c| (c, d + 1)),
        );
    }
    deepest
}

/// The publication date marked up in the page's body, for pages whose
/// metadata gives none: an `itemprop="datePublished"` element, else a
/// `<time>` in the `<article>`, else a `<time pubdate>`; its machine-readable
/// value (`datetime`, `content`) when it has one, else its text.
fn page_date(dom: &Dom) -> Option<String> {
    ["[itemprop=datePublished]", "article time", "time[pubdate]"]
        .into_iter()
        .filter_map(|selector| {
            let selection = dom.select(selector);
            let node = selection.nodes().first()?;
            let value = node
                .attr("datetime")
                .or_else(|| node.attr("content"))
                .map_or_else(|| node.text().to_string(), |v| v.to_string());
            Some(normalize(&value)).filter(|v| !v.is_empty())
        })
        .next()
}

/// `s` with runs of whitespace collapsed to one space and trimmed.
fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What to do when leaving an element.
#[derive(Clone, Copy)]
enum Exit {
    /// Close a paragraph or heading.
    Leaf,
    /// Close a preformatted block.
    Pre,
    /// Close a list item.
    Item,
    /// Close a block quote.
    Quote,
    /// End a list.
    List,
    /// Stand apart from what follows.
    Boundary,
    /// Close an inline mark.
    Mark,
    /// Close an inline quotation with its closing mark.
    InlineQuote,
    /// Nothing.
    Nothing,
}

/// One step of the walk: enter a node, or leave an element.
enum Step<'a> {
    Enter(NodeRef<'a>),
    Leave(Exit),
}

/// The state of a walk over a DOM into a [`Builder`].
struct Walker<'a> {
    b: &'a mut Builder,
    /// Elements skipped besides [`NOT_TEXT`].
    dropped: &'a [&'a str],
    /// Next number of each open list (None: a bullet list).
    lists: Vec<Option<u64>>,
    /// Open paragraphs, headings and preformatted blocks: block elements
    /// inside them only flow into them, so leaf blocks never nest.
    leaves: usize,
    /// Open preformatted blocks: their text is kept verbatim.
    pre: usize,
    /// Open list items.
    items: usize,
    /// True while text outside any block has a paragraph of its own open.
    implicit: bool,
}

/// Walks the tree under `root` into `b`, skipping [`NOT_TEXT`] elements and
/// those in `dropped`. The walk keeps its own stack, so deeply nested pages
/// cannot overflow the call stack.
fn walk(b: &mut Builder, root: NodeRef<'_>, dropped: &[&str]) {
    let mut w = Walker {
        b,
        dropped,
        lists: Vec::new(),
        leaves: 0,
        pre: 0,
        items: 0,
        implicit: false,
    };
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(exit) => w.leave(exit),
            Step::Enter(node) => {
                if let Some(exit) = w.enter(&node) {
                    stack.push(Step::Leave(exit));
                    stack.extend(node.children_it(true).map(Step::Enter));
                }
            }
        }
    }
    w.end_implicit();
}

impl Walker<'_> {
    /// Closes the paragraph opened for text outside any block, if any.
    fn end_implicit(&mut self) {
        if std::mem::take(&mut self.implicit) {
            self.b.close_block();
        }
    }

    /// Opens a paragraph for text outside any block, if it is.
    fn ensure_block(&mut self) {
        if self.leaves == 0 && self.items == 0 && !self.implicit {
            self.b.open_block(BlockKind::Paragraph);
            self.implicit = true;
        }
    }

    /// Writes a text node.
    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.b.push_verbatim(&text.replace("\r\n", "\n"));
        } else if !text.trim().is_empty() {
            self.ensure_block();
            self.b.push_flowing(text);
        } else if self.leaves > 0 || self.items > 0 || self.implicit {
            // Whitespace between words.
            self.b.push_flowing(text);
        }
    }

    /// Opens a block element, unless inside a leaf block, where it flows.
    fn block(&mut self, kind: BlockKind, exit: Exit) -> Exit {
        if self.leaves > 0 {
            return Exit::Nothing;
        }
        self.end_implicit();
        match kind {
            BlockKind::Quote => {}
            BlockKind::Code => {
                self.pre += 1;
                self.leaves += 1;
            }
            _ => self.leaves += 1,
        }
        self.b.open_block(kind);
        exit
    }

    /// True for an element whose text is not read: not text at all
    /// (scripts, styles…), dropped, hidden, or page clutter.
    fn is_unread(&self, node: &NodeRef<'_>, name: &str) -> bool {
        NOT_TEXT.contains(&name)
            || self.dropped.contains(&name)
            || node.has_attr("hidden")
            || node
                .attr("aria-hidden")
                .is_some_and(|v| v.as_ref() == "true")
            || is_clutter(node, name)
    }

    /// Opens a list, numbered (from its `start`) when `ordered`.
    fn list(&mut self, node: &NodeRef<'_>, ordered: bool) -> Exit {
        let first = ordered.then(|| {
            node.attr("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1)
        });
        self.end_implicit();
        self.lists.push(first);
        Exit::List
    }

    /// Opens an item of the innermost list, with its number if it has one.
    fn list_item(&mut self) -> Exit {
        let number = self.lists.last_mut().and_then(|n| {
            let current = *n;
            *n = n.map(|v: u64| v.saturating_add(1));
            current
        });
        self.end_implicit();
        self.b.open_list_item(number);
        self.items += 1;
        Exit::Item
    }

    /// Opens an inline mark.
    fn mark(&mut self, kind: MarkKind) -> Exit {
        self.b.open_mark(kind);
        Exit::Mark
    }

    /// Handles entering `node`; returns what to do when leaving it, or `None`
    /// to skip it and its children.
    fn enter(&mut self, node: &NodeRef<'_>) -> Option<Exit> {
        if node.is_text() {
            self.text(&node.text());
            return None;
        }
        let Some(name) = node.node_name() else {
            // The document or a fragment: walk its children.
            return (node.is_document() || node.is_fragment()).then_some(Exit::Nothing);
        };
        let name = name.to_ascii_lowercase();
        if self.is_unread(node, &name) {
            return None;
        }
        let exit = match name.as_str() {
            "p" | "figcaption" | "caption" => self.block(BlockKind::Paragraph, Exit::Leaf),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                self.block(BlockKind::Heading { level }, Exit::Leaf)
            }
            "blockquote" => self.block(BlockKind::Quote, Exit::Quote),
            "pre" => self.block(BlockKind::Code, Exit::Pre),
            "ul" | "ol" if self.leaves == 0 => self.list(node, name == "ol"),
            "li" if self.leaves == 0 => self.list_item(),
            "br" => {
                self.b.line_break();
                Exit::Nothing
            }
            // Browsers draw the quotation marks of `<q>`; the text keeps them.
            "q" => {
                self.ensure_block();
                self.b.push_verbatim("“");
                Exit::InlineQuote
            }
            "td" | "th" => {
                self.b.space();
                Exit::Nothing
            }
            "em" | "i" | "cite" | "dfn" | "var" => self.mark(MarkKind::Emphasis),
            "strong" | "b" => self.mark(MarkKind::Strong),
            "code" | "kbd" | "samp" | "tt" if self.pre == 0 => self.mark(MarkKind::Code),
            "a" => match node.attr("href") {
                Some(url) if !url.trim().is_empty() => self.mark(MarkKind::Link {
                    url: url.trim().to_owned(),
                }),
                _ => Exit::Nothing,
            },
            n if SEPARATING.contains(&n) && self.leaves == 0 => {
                self.end_implicit();
                self.b.boundary();
                Exit::Boundary
            }
            _ => Exit::Nothing,
        };
        Some(exit)
    }

    /// Handles leaving an element.
    fn leave(&mut self, exit: Exit) {
        match exit {
            Exit::Leaf => {
                self.leaves = self.leaves.saturating_sub(1);
                self.b.close_block();
            }
            Exit::Pre => {
                self.leaves = self.leaves.saturating_sub(1);
                self.pre = self.pre.saturating_sub(1);
                self.b.close_block();
            }
            Exit::Item => {
                self.items = self.items.saturating_sub(1);
                self.end_implicit();
                self.b.close_block();
            }
            Exit::Quote => {
                self.end_implicit();
                self.b.close_block();
            }
            Exit::List => {
                self.end_implicit();
                self.lists.pop();
                self.b.boundary();
            }
            Exit::Boundary => {
                self.end_implicit();
                self.b.boundary();
            }
            Exit::Mark => self.b.close_mark(),
            Exit::InlineQuote => self.b.push_verbatim("”"),
            Exit::Nothing => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::assert_well_formed;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_html_gives_well_formed_structure(
            page in "(<(/?)(p|h2|ul|ol|li|pre|blockquote|div|b|em|a href=x|br|code|script|q)>|[a-zé“ ]{1,8}|\\n| ){0,50}"
        ) {
            let (e, _) = extract(&page);
            assert_well_formed(&e.text, &e.structure);
        }
    }

    fn text_of(body: &str) -> Extracted {
        let mut b = Builder::default();
        let dom = Dom::from(body);
        walk(&mut b, dom.root(), CHROME);
        let (text, structure) = b.finish();
        Extracted {
            text,
            structure,
            ..Extracted::default()
        }
    }

    #[test]
    fn blocks_and_marks_follow_the_markdown_conventions() {
        let e = text_of(
            "<body><nav>Home | World</nav><h2>Talks  resume</h2>\
             <p>The <a href=\"/k\">leaders <b>met</b></a>\n on   Sunday.<br><q>Again</q>.</p>\
             <ol start=\"3\"><li>three</li><li>four <ul><li>inner</li></ul></li></ol>\
             <blockquote><p>We will.</p></blockquote><pre>  a\n  b\n</pre>\
             <div>loose text <em>here</em><p>then a paragraph</p>tail</div>\
             <script>var x = 1;</script></body>",
        );
        assert_eq!(
            e.text,
            "Talks resume\n\nThe leaders met on Sunday.\n“Again”.\n\n3. three\n4. four\n   • inner\n\n\
             We will.\n\n  a\n  b\n\nloose text here\n\nthen a paragraph\n\ntail"
        );
        let kinds: Vec<_> = e.structure.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[0], BlockKind::Heading { level: 2 });
        assert!(kinds.contains(&BlockKind::Quote));
        assert!(kinds.contains(&BlockKind::Code));
        let link = &e.structure.marks[0];
        assert_eq!(link.kind, MarkKind::Link { url: "/k".into() });
        assert_eq!(link.span.slice(&e.text), "leaders met");
        let paragraphs: Vec<_> = e
            .structure
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.span.slice(&e.text))
            .collect();
        assert_eq!(
            paragraphs,
            [
                "The leaders met on Sunday.\n“Again”.",
                "We will.",
                "loose text here",
                "then a paragraph",
                "tail"
            ]
        );
    }

    #[test]
    fn clutter_is_short_and_marked() {
        let story = "The minister said the plan would go ahead. ".repeat(20);
        let page = format!(
            "<body class=\"has-ads\"><div class=\"story ads-enabled\"><p>{story}</p></div>\
             <div class=\"ad-slot\"><p>Buy shoes</p></div><div id=\"cookie-notice\">We use cookies.</div>\
             <p>Advertisement</p><p>Ad campaigns worked.</p></body>"
        );
        let e = text_of(&page);
        assert_eq!(
            e.text,
            format!("{}\n\nAd campaigns worked.", story.trim_end())
        );
    }

    #[test]
    fn empty_code_takes_its_separator_along() {
        // Found by the property test: the quote ended in the blank line paid
        // for a code block of nothing but a line break.
        for page in [
            "<blockquote>a<pre><b>\n",
            "<blockquote><b>a<pre>\n</pre>é</b>",
        ] {
            let (e, _) = extract(page);
            assert_well_formed(&e.text, &e.structure);
        }
        let (e, _) = extract("<blockquote>a<pre>\n</pre>b</blockquote>");
        assert_eq!(e.text, "a\n\nb");
        assert_eq!(e.structure.blocks[0].span, crate::model::Span::new(0, 4));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = format!("{}deep{}", "<div>".repeat(2_000), "</div>".repeat(2_000));
        assert_eq!(text_of(&page).text, "deep");
        let (e, warning) = extract(&page);
        assert_eq!(e.text, "deep");
        assert_eq!(
            warning,
            Some("page nested too deeply to find its article; showing all of its text")
        );
    }

    #[test]
    fn small_pages_keep_their_text_without_the_chrome() {
        let (e, warning) = extract("<html><body><nav>menu</nav><p>Hi.</p></body></html>");
        assert_eq!((e.text.as_str(), warning), ("Hi.", None));
        let (e, warning) = extract("");
        assert_eq!(e.text, "");
        assert_eq!(
            warning,
            Some("no article found in the page; showing all of its text")
        );
    }
}
