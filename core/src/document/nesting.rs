//! A linear pre-pass that bounds how deeply an HTML page nests before the
//! HTML parser sees it.
//!
//! html5ever follows the HTML standard, whose tree building costs time in
//! proportion to the depth of the open elements for every tag, and whose
//! "reconstruction of active formatting elements" copies every formatting
//! element left open (`<p><b id=1>x<p><b id=2>x…`) into each new paragraph:
//! a few megabytes of such markup take minutes and gigabytes. This pass reads
//! the tags once, keeping a model of the elements the parser would hold open
//! (the standard's implied end tags for `p`, `li`, `dd`/`dt`, `option`,
//! table cells and rows, headings and `a`, within its scope boundaries).
//! While that model stays within [`MAX_NESTING`] elements, few formatting
//! elements are left open and the page opens at most [`MAX_ELEMENTS`], the
//! page is parsed exactly as written. Past any bound, the page is rewritten as well-nested markup: every element
//! the model closes gets its end tag, end tags that close nothing are
//! dropped, and start tags deeper than the bound are dropped, their text
//! kept.
//!
//! The model errs towards more open elements than the parser has, so a page
//! it passes nests no deeper than the bound in the parser either.

/// The deepest nesting passed to the HTML parser. Real pages stay far below
/// it (some dozens of levels).
const MAX_NESTING: usize = 256;

/// The most formatting elements (`<b>`, `<em>`, ...) a page may leave open
/// behind a closed paragraph before it is rewritten: the parser copies each
/// of them into every paragraph that follows.
const MAX_LEFT_OPEN: usize = 64;

/// The most elements with content a page may open (start tags past it are
/// dropped, their text kept): the parser's DOM takes a few hundred bytes
/// an element, so a page of millions of tiny elements (`<a href=x>y`
/// repeated) would take tens of times its size. A long news page opens a
/// few thousand.
const MAX_ELEMENTS: usize = 100_000;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// Elements the parser never nests: gloss passes their tags through.
const DOCUMENT: &[&str] = &["html", "head", "body", "frameset"];

/// Formatting elements: the parser reopens them when closed by another
/// element's end.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements an implied end tag or an end tag does not reach past.
const SCOPE: &[&str] = &[
    "applet", "button", "caption", "marquee", "math", "object", "svg", "table", "td", "template",
    "th",
];

/// Elements a table's end tags do not reach past.
const TABLE_SCOPE: &[&str] = &["table", "template"];

/// Table elements, closed within [`TABLE_SCOPE`].
const TABLE_PARTS: &[&str] = &[
    "caption", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// Start tags that close an open paragraph.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// `page` rewritten to nest at most [`MAX_NESTING`] deep, or `None` when it
/// already keeps within the bounds and is to be parsed as it is.
pub fn cap_nesting(page: &str) -> Option<String> {
    let mut m = Model::default();
    let bytes = page.as_bytes();
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + off;
        m.out.push_str(&page[pos..lt]);
        let (end, markup) = scan(page, lt);
        match markup {
            Markup::Verbatim => m.out.push_str(&page[lt..end]),
            Markup::End(name) => m.end(&name, &page[lt..end]),
            Markup::Start(name, self_closing) => {
                if RAW_TEXT.contains(&name.as_str()) {
                    let close = raw_text_end(page, end, &name);
                    m.out.push_str(&page[lt..close]);
                    pos = close;
                    continue;
                }
                if name == "plaintext" {
                    m.out.push_str(&page[lt..]);
                    pos = page.len();
                    break;
                }
                m.start(name, self_closing, &page[lt..end]);
            }
        }
        pos = end;
    }
    m.out.push_str(&page[pos..]);
    if !m.capped {
        return None;
    }
    while let Some(open) = m.stack.pop() {
        m.forget(&open);
        m.out.push_str("</");
        m.out.push_str(&open.name);
        m.out.push('>');
    }
    Some(m.out)
}

/// What a `<` opens.
enum Markup {
    /// Text, a comment, a doctype or a broken tag: copied as it is.
    Verbatim,
    /// A start tag, its name in lowercase, and whether it ends in `/>`.
    Start(String, bool),
    /// An end tag, its name in lowercase.
    End(String),
}

/// Reads the markup opening with the `<` at `lt`: where it ends, and what it
/// is, as the HTML tokenizer reads it.
fn scan(page: &str, lt: usize) -> (usize, Markup) {
    let b = page.as_bytes();
    let after = |from: usize, pat: u8| memchr::memchr(pat, &b[from.min(b.len())..]);
    let to_gt = |from: usize| after(from, b'>').map_or(b.len(), |i| from + i + 1);
    match b.get(lt + 1) {
        Some(b'!') if b[lt..].starts_with(b"<!--") => (comment_end(b, lt + 4), Markup::Verbatim),
        Some(b'!' | b'?') => (to_gt(lt + 2), Markup::Verbatim),
        Some(b'/') => match b.get(lt + 2) {
            Some(c) if c.is_ascii_alphabetic() => {
                let (name_end, end, _) = tag_end(b, lt + 2);
                match end {
                    Some(end) => (end, Markup::End(lowercase(&page[lt + 2..name_end]))),
                    None => (b.len(), Markup::Verbatim),
                }
            }
            Some(b'>') => (lt + 3, Markup::Verbatim),
            Some(_) => (to_gt(lt + 2), Markup::Verbatim),
            None => (b.len(), Markup::Verbatim),
        },
        Some(c) if c.is_ascii_alphabetic() => {
            let (name_end, end, self_closing) = tag_end(b, lt + 1);
            match end {
                Some(end) => (
                    end,
                    Markup::Start(lowercase(&page[lt + 1..name_end]), self_closing),
                ),
                None => (b.len(), Markup::Verbatim),
            }
        }
        _ => (lt + 1, Markup::Verbatim),
    }
}

/// The end of a comment whose text starts at `from`: after `-->` or `--!>`
/// (`<!-->` and `<!--->` are empty comments), else the end of the page.
fn comment_end(b: &[u8], from: usize) -> usize {
    for empty in [&b">"[..], b"->"] {
        if b[from.min(b.len())..].starts_with(empty) {
            return from + empty.len();
        }
    }
    let mut at = from;
    while let Some(i) = memchr::memchr(b'>', &b[at..]) {
        let gt = at + i;
        let text = &b[from..gt];
        if text.ends_with(b"--") || text.ends_with(b"--!") {
            return gt + 1;
        }
        at = gt + 1;
    }
    b.len()
}

/// Reads a tag whose name starts at `from` as the HTML tokenizer does:
/// where the name ends, the end of the tag (after its `>`; `None` when the
/// page ends first, which drops the tag), and whether it ends in `/>`.
/// Quoted attribute values may hold `>` and `/`.
fn tag_end(b: &[u8], from: usize) -> (usize, Option<usize>, bool) {
    let space = |c: &u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let skip = |i: usize, stop: &dyn Fn(&u8) -> bool| {
        b[i.min(b.len())..]
            .iter()
            .position(stop)
            .map_or(b.len(), |j| i + j)
    };
    let name_end = skip(from, &|c| space(c) || matches!(c, b'/' | b'>'));
    let mut i = name_end;
    loop {
        // Before an attribute's name.
        i = skip(i, &|c| !space(c));
        match b.get(i) {
            None => return (name_end, None, false),
            Some(b'>') => return (name_end, Some(i + 1), false),
            Some(b'/') if b.get(i + 1) == Some(&b'>') => return (name_end, Some(i + 2), true),
            Some(b'/') => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        // The name (its first character may be `=`), then its value.
        i = skip(i + 1, &|c| space(c) || matches!(c, b'/' | b'>' | b'='));
        i = skip(i, &|c| !space(c));
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i = skip(i + 1, &|c| !space(c));
        match b.get(i) {
            Some(&quote @ (b'"' | b'\'')) => match memchr::memchr(quote, &b[i + 1..]) {
                Some(j) => i += j + 2,
                None => return (name_end, None, false),
            },
            Some(b'>') | None => {}
            Some(_) => i = skip(i, &|c| space(c) || *c == b'>'),
        }
    }
}

/// Where the text of the raw-text element `name` whose start tag ends at
/// `from` ends: after its end tag, else at the end of the page.
fn raw_text_end(page: &str, from: usize, name: &str) -> usize {
    let b = page.as_bytes();
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&b[at..], b"</") {
        let open = at + i + 2;
        let named = b
            .get(open..open + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let ends = matches!(
            b.get(open + name.len()),
            Some(b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
        );
        if named && ends {
            return memchr::memchr(b'>', &b[open..]).map_or(b.len(), |j| open + j + 1);
        }
        at = open;
    }
    b.len()
}

/// `s` in ASCII lowercase, as the HTML tokenizer reads tag names.
fn lowercase(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// An element the model holds open.
struct Open {
    /// Its tag name, lowercase.
    name: String,
    /// Index in the stack of the innermost [`SCOPE`] element at or below it.
    scope: Option<usize>,
    /// Index in the stack of the innermost [`TABLE_SCOPE`] element at or
    /// below it.
    table_scope: Option<usize>,
}

/// The elements the HTML parser would hold open, and the rewritten page.
#[derive(Default)]
struct Model {
    /// Open elements, outermost first.
    stack: Vec<Open>,
    /// Where in `stack` each open name is, innermost last.
    at: std::collections::HashMap<String, Vec<usize>>,
    /// Formatting elements closed by another element's end and not yet by
    /// their own end tag.
    left_open: usize,
    /// Open `svg` and `math` elements, in which `/>` closes an element.
    foreign: usize,
    /// Elements opened so far.
    opened: usize,
    /// True once the page went past a bound: `out` is then the page to parse.
    capped: bool,
    /// The page rewritten as well-nested markup.
    out: String,
}

impl Model {
    /// Where the innermost open `name` is, when an implied or explicit end
    /// tag reaches it: no scope boundary is open inside it.
    fn reachable(&self, name: &str) -> Option<usize> {
        let &at = self.at.get(name)?.last()?;
        let top = self.stack.last()?;
        let bound = if TABLE_PARTS.contains(&name) {
            top.table_scope
        } else {
            top.scope
        };
        bound.is_none_or(|b| b <= at).then_some(at)
    }

    /// Closes the innermost reachable element named in `names`, and all
    /// opened inside it, writing their end tags.
    /// `own`: closed as by its own end tag (the parser's "adoption agency"
    /// for `<a>` in `<a>`), so a formatting element is not left open.
    fn close_any(&mut self, names: &[&str], own: bool) {
        if let Some(at) = names.iter().filter_map(|n| self.reachable(n)).max() {
            self.close_to(at, own);
        }
    }

    /// Closes the element at `at` and all inside it, writing their end tags.
    /// `explicit`: the element at `at` is closed by its own end tag.
    fn close_to(&mut self, at: usize, explicit: bool) {
        while self.stack.len() > at {
            let Some(open) = self.stack.pop() else { break };
            self.forget(&open);
            let by_own_tag = explicit && self.stack.len() == at;
            if !by_own_tag && FORMATTING.contains(&open.name.as_str()) {
                self.left_open += 1;
                if self.left_open > MAX_LEFT_OPEN {
                    self.capped = true;
                }
            }
            self.out.push_str("</");
            self.out.push_str(&open.name);
            self.out.push('>');
        }
    }

    /// Takes `open`, just popped, out of the name index.
    fn forget(&mut self, open: &Open) {
        if let Some(at) = self.at.get_mut(&open.name) {
            at.pop();
        }
        if matches!(open.name.as_str(), "svg" | "math") {
            self.foreign = self.foreign.saturating_sub(1);
        }
    }

    /// A start tag `<name>` (`tag` as written).
    fn start(&mut self, name: String, self_closing: bool, tag: &str) {
        let n = name.as_str();
        if DOCUMENT.contains(&n) {
            self.out.push_str(tag);
            return;
        }
        if CLOSES_P.contains(&n) {
            self.close_any(&["p"], false);
        }
        match n {
            "li" => self.close_any(&["li"], false),
            "dd" | "dt" => self.close_any(&["dd", "dt"], false),
            "option" | "optgroup" => self.close_any(&["option"], false),
            "td" | "th" => self.close_any(&["td", "th"], false),
            "tr" => {
                self.close_any(&["td", "th"], false);
                self.close_any(&["tr"], false);
            }
            "tbody" | "thead" | "tfoot" => {
                self.close_any(&["td", "th"], false);
                self.close_any(&["tr"], false);
                self.close_any(&["tbody", "thead", "tfoot"], false);
            }
            "a" | "nobr" => self.close_any(&[n], true),
            "button" => self.close_any(&[n], false),
            _ if HEADINGS.contains(&n)
                && self
                    .stack
                    .last()
                    .is_some_and(|o| HEADINGS.contains(&&*o.name)) =>
            {
                self.close_to(self.stack.len() - 1, false);
            }
            _ => {}
        }
        let foreign = self.foreign > 0 || matches!(n, "svg" | "math");
        if VOID.contains(&n) || (foreign && self_closing) {
            self.out.push_str(tag);
            return;
        }
        if self.stack.len() >= MAX_NESTING || self.opened >= MAX_ELEMENTS {
            self.capped = true;
            return;
        }
        self.opened += 1;
        let index = self.stack.len();
        let below = self.stack.last();
        let open = Open {
            scope: if SCOPE.contains(&n) {
                Some(index)
            } else {
                below.and_then(|o| o.scope)
            },
            table_scope: if TABLE_SCOPE.contains(&n) {
                Some(index)
            } else {
                below.and_then(|o| o.table_scope)
            },
            name,
        };
        if matches!(open.name.as_str(), "svg" | "math") {
            self.foreign += 1;
        }
        self.at.entry(open.name.clone()).or_default().push(index);
        self.stack.push(open);
        self.out.push_str(tag);
    }

    /// An end tag `</name>` (`tag` as written).
    fn end(&mut self, name: &str, tag: &str) {
        if DOCUMENT.contains(&name) || name == "br" {
            self.out.push_str(tag);
            return;
        }
        match self.reachable(name) {
            Some(at) => self.close_to(at, true),
            None if FORMATTING.contains(&name) => {
                self.left_open = self.left_open.saturating_sub(1);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_the_bounds_are_parsed_as_written() {
        let pages = [
            "<!doctype html><html><head><title>a < b</title><script>if (a<b) x('</div>')</script>\
             </head><body><div class=\"x>y\"><p>One<p>Two<ul><li>a<li>b</ul>\
             <table><tr><td>1<td>2<tr><td>3</table><svg><path d=\"M0\"/><path/></svg>\
             <!-- <div><div> --><p>Three</div></body></html>",
            "text only, no tags < 3",
            "",
        ];
        for page in pages {
            assert_eq!(cap_nesting(page), None, "{page}");
        }
        // A thousand paragraphs, list items, rows and cells left unclosed,
        // as hand-written pages do, nest no deeper than one of each.
        let sloppy = "<p>para <b>bold</b><ul><li>item<li>item</ul><table><tr><td>a<td>b</table>"
            .repeat(1_000);
        assert_eq!(cap_nesting(&sloppy), None);
        let nested = format!("{}deep{}", "<div>".repeat(200), "</div>".repeat(200));
        assert_eq!(cap_nesting(&nested), None);
    }

    #[test]
    fn the_fixture_page_is_parsed_as_written() {
        let page = include_str!("../../../tests/fixtures/news-page.html");
        assert_eq!(cap_nesting(page), None);
    }

    #[test]
    fn deep_pages_are_capped_keeping_their_text() {
        let n = 10_000;
        let page = format!("{}deep{}", "<div>".repeat(n), "</div>".repeat(n));
        let capped = cap_nesting(&page).expect("capped");
        let kept = format!(
            "{}deep{}",
            "<div>".repeat(MAX_NESTING),
            "</div>".repeat(MAX_NESTING)
        );
        assert_eq!(capped, kept);
    }

    #[test]
    fn unclosed_elements_are_closed_and_capped() {
        let page = "<div><p><b>x".repeat(2_000);
        let capped = cap_nesting(&page).expect("capped");
        assert_eq!(capped.matches('x').count(), 2_000);
        assert_eq!(capped.matches("<div>").count(), MAX_NESTING);
        assert_eq!(
            capped.matches("<div>").count(),
            capped.matches("</div>").count()
        );
        assert_eq!(
            capped.matches("<b>").count(),
            capped.matches("</b>").count()
        );
        assert!(capped.starts_with("<div><p><b>x</b></p><div><p><b>x</b></p><div>"));
    }

    #[test]
    fn formatting_left_open_in_many_paragraphs_is_closed() {
        let page: String = (0..100).map(|i| format!("<p><b id={i}>x")).collect();
        let capped = cap_nesting(&page).expect("capped");
        assert!(capped.starts_with("<p><b id=0>x</b></p><p><b id=1>x</b></p>"));
        // A few left open is what real pages do.
        let page: String = (0..10).map(|i| format!("<p><b id={i}>x")).collect();
        assert_eq!(cap_nesting(&page), None);
    }

    #[test]
    fn elements_past_the_budget_are_dropped_keeping_their_text() {
        let page = "<a href=x>y".repeat(MAX_ELEMENTS + 10);
        let capped = cap_nesting(&page).expect("capped");
        assert_eq!(capped.matches("<a href=x>").count(), MAX_ELEMENTS);
        assert_eq!(capped.matches("</a>").count(), MAX_ELEMENTS);
        assert_eq!(capped.matches('y').count(), MAX_ELEMENTS + 10);
        assert_eq!(cap_nesting(&"<a href=x>y".repeat(1_000)), None);
    }

    #[test]
    fn end_tags_that_close_nothing_are_dropped_once_capped() {
        let page = format!("{}</span></div>x", "<div>".repeat(MAX_NESTING + 1));
        let capped = cap_nesting(&page).expect("capped");
        assert!(!capped.contains("</span>"));
        assert!(capped.contains("<div></div>x</div>"));
        assert_eq!(capped.matches("<div>").count(), MAX_NESTING);
        assert_eq!(capped.matches("</div>").count(), MAX_NESTING);
    }
}
