//! The library: what `gloss URL`, `gloss FEED`, `gloss DIR` and `gloss FILE
//! FILE...` open, as a list of articles ([`Entry`]); loading one of them
//! ([`load`]); and the index of their actors across articles ([`index`]),
//! an SQLite database in the data folder. Network ([`crate::fetch`]) and
//! SQLite live here in the binary crate: the core stays free of both.

pub mod actors;
pub mod command;
pub mod feed;
pub mod index;

use std::path::Path;
use std::sync::Arc;

use crate::document::{self, Document, Format};
use crate::fetch;
use crate::store::disk::is_url;

/// One article of a library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where it is: a path, a URL, or for a feed item without a link,
    /// `FEED#N`. Its sidecar follows from it.
    pub source: String,
    /// Its title (until it is read: the file name or the feed's title for
    /// it). Safe to print.
    pub title: String,
    /// Its date as written (RFC 3339 for a feed item), if known.
    pub date: Option<String>,
    /// Where it came from, for the list's source column: its folder, its
    /// feed's title, or its host. Safe to print.
    pub origin: String,
    /// The article as a feed carried it (an HTML page), when it did.
    pub content: Option<Arc<str>>,
}

impl Entry {
    /// An entry for the file or URL `source`, titled by its file name.
    pub fn named(source: &str) -> Self {
        let origin = if is_url(source) {
            host(source).to_owned()
        } else {
            document::sanitize::clean_line(
                &Path::new(source)
                    .parent()
                    .map(|p| p.to_string_lossy().into_owned())
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| ".".into()),
            )
            .into_owned()
        };
        let stem = Path::new(source.trim_end_matches('/'))
            .file_stem()
            .map_or_else(|| source.into(), |s| s.to_string_lossy());
        Self {
            source: source.to_owned(),
            title: document::sanitize::clean_line(&stem).into_owned(),
            date: None,
            origin,
            content: None,
        }
    }
}

/// The host of a URL (`example.org` of `https://example.org/a`).
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// Why an article, a web page or a library could not be opened: one line
/// naming the file or URL and the problem.
///
/// Two are equal when they say the same: the errors of the system and of
/// the loader inside cannot be compared (nor copied, hence the `Arc`s).
#[derive(Debug, Clone, thiserror::Error)]
pub enum OpenError {
    /// The page or feed could not be fetched.
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
    /// The feed could not be parsed.
    #[error(transparent)]
    Feed(#[from] feed::FeedError),
    /// The article could not be read.
    #[error(transparent)]
    Load(Arc<document::LoadError>),
    /// The file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// What the system said.
        source: Arc<std::io::Error>,
    },
    /// The server sent something that is neither an article nor a feed.
    #[error("{url}: not an article or a feed (the server sent {media})")]
    NotAnArticle {
        /// The page's URL.
        url: String,
        /// The media type it was sent as.
        media: String,
    },
    /// A feed where an article was wanted (its path or URL).
    #[error("{0}: a feed, not an article (open it with gloss {0})")]
    IsFeed(String),
    /// `-` among the inputs of a library.
    #[error("-: standard input cannot be part of a library")]
    StdinInLibrary,
}

impl From<document::LoadError> for OpenError {
    fn from(e: document::LoadError) -> Self {
        Self::Load(Arc::new(e))
    }
}

impl PartialEq for OpenError {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}

impl Eq for OpenError {}

/// What the reader's command line opens.
#[derive(Debug)]
pub enum Target {
    /// One article, by name (`-`: standard input).
    Article(String),
    /// A web page, already fetched.
    Page(Box<Document>),
    /// A library: a folder, several files, or a feed. `name` says which.
    Library {
        /// What was opened, for the list's heading.
        name: String,
        /// Its articles, in order.
        entries: Vec<Entry>,
    },
}

/// What `inputs` open: one article or page, or a library. A folder that
/// cannot be read, a URL that cannot be fetched or a feed that cannot be
/// parsed is one line naming it.
pub fn target(inputs: &[String]) -> Result<Target, OpenError> {
    if let [one] = inputs {
        if one == "-" {
            return Ok(Target::Article(one.clone()));
        }
        if is_url(one) {
            let fetched = fetch::get(one)?;
            return Ok(match page(fetched)? {
                Page::Article(doc) => Target::Page(doc),
                Page::Feed(entries) => Target::Library {
                    name: one.clone(),
                    entries,
                },
            });
        }
        if !Path::new(one).is_dir() {
            return match feed_file(one)? {
                Some(entries) => Ok(Target::Library {
                    name: one.clone(),
                    entries,
                }),
                None => Ok(Target::Article(one.clone())),
            };
        }
    }
    let mut entries = Vec::new();
    for input in document::expand_inputs(inputs) {
        let name = input?;
        if name == "-" {
            return Err(OpenError::StdinInLibrary);
        }
        match (!is_url(&name)).then(|| feed_file(&name)).transpose()? {
            Some(Some(items)) => entries.extend(items),
            _ => entries.push(Entry {
                // Known by its absolute path, shown by the folder as given.
                source: absolute(&name),
                ..Entry::named(&name)
            }),
        }
    }
    Ok(Target::Library {
        name: inputs.join(" "),
        entries,
    })
}

/// The absolute form of the path `name` (a URL as it is), so that the
/// index knows an article by one name from any folder.
pub fn absolute(name: &str) -> String {
    if is_url(name) {
        return name.to_owned();
    }
    std::fs::canonicalize(name)
        .map_or_else(|_| name.to_owned(), |p| p.to_string_lossy().into_owned())
}

/// Where the sidecar of the article at `source` is read from (beside a
/// file; in the data folder for a URL), if anywhere. For a file in a folder
/// gloss cannot write, whose sidecar is in the data folder under the hash
/// of its text, this is the one beside it.
pub fn sidecar(source: &str) -> Option<std::path::PathBuf> {
    let options = crate::store::Options::new(false);
    let origin = crate::store::Origin::from_source(source);
    crate::store::disk::locate(&origin, "", &options).map(|(_, from)| from)
}

/// The entries of the feed in the file `path`, or `None` when it is no
/// feed (an article, or a file that is not there: loading will say).
fn feed_file(path: &str) -> Result<Option<Vec<Entry>>, OpenError> {
    use std::io::Read;
    let mut head = Vec::new();
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(None);
    };
    if file.take(4096).read_to_end(&mut head).is_err() || !feed::looks_like_feed(&head) {
        return Ok(None);
    }
    let bytes = read(path)?;
    // Its items without a link are known by the feed's absolute path.
    Ok(Some(feed::entries(&bytes, &absolute(path))?))
}

/// The bytes of the file `path`.
fn read(path: &str) -> Result<Vec<u8>, OpenError> {
    std::fs::read(path).map_err(|e| OpenError::Read {
        path: path.to_owned(),
        source: Arc::new(e),
    })
}

/// A fetched page: an article, or a feed's entries.
pub enum Page {
    /// An article.
    Article(Box<Document>),
    /// A feed.
    Feed(Vec<Entry>),
}

/// What `fetched` is: a feed (by its media type or its content) or an
/// article, read in the format and charset its server declared.
pub fn page(fetched: fetch::Fetched) -> Result<Page, OpenError> {
    let media = fetched.media_type.as_deref().unwrap_or("");
    let feed_type = matches!(
        media,
        "application/rss+xml" | "application/atom+xml" | "application/feed+json"
    );
    if feed_type || (!media.contains("html") && feed::looks_like_feed(&fetched.bytes)) {
        return Ok(Page::Feed(feed::entries(&fetched.bytes, &fetched.url)?));
    }
    let format = match media {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
        "text/plain" => Some(Format::Text),
        "" => None,
        m if m.starts_with("text/") => None,
        m => {
            return Err(OpenError::NotAnArticle {
                url: fetched.url,
                media: m.to_owned(),
            });
        }
    };
    let doc = document::load_fetched(
        fetched.bytes,
        &fetched.url,
        format,
        fetched.charset.as_deref(),
    )?;
    Ok(Page::Article(Box::new(doc)))
}

/// Loads the article of `entry`: what its feed carried, else the page at
/// its URL, else its file.
pub fn load(entry: &Entry) -> Result<Document, OpenError> {
    if let Some(content) = &entry.content {
        let mut doc = document::load_fetched(
            content.as_bytes().to_vec(),
            &entry.source,
            Some(Format::Html),
            None,
        )?;
        // The feed names its item; the page made of its content does not.
        doc.title.clone_from(&entry.title);
        if doc.date.is_none() {
            doc.date.clone_from(&entry.date);
        }
        return Ok(doc);
    }
    if is_url(&entry.source) {
        return match page(fetch::get(&entry.source)?)? {
            Page::Article(doc) => Ok(*doc),
            Page::Feed(_) => Err(OpenError::IsFeed(entry.source.clone())),
        };
    }
    Ok(document::load(&entry.source)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_named_by_their_file_and_folder() {
        let e = Entry::named("news/talks.md");
        assert_eq!((e.title.as_str(), e.origin.as_str()), ("talks", "news"));
        let e = Entry::named("https://example.org/world/talks?x=1");
        assert_eq!(e.origin, "example.org");
        assert_eq!(Entry::named("a.txt").origin, ".");
    }

    #[test]
    fn a_folder_a_feed_and_files_make_libraries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
        std::fs::write(d("a.txt"), "Kim met Trump.").expect("write");
        std::fs::write(d("b.md"), "# B\n\nText.").expect("write");
        let feed = "<rss version=\"2.0\"><channel><title>W</title><item><title>I</title>\
                    <description>Body.</description></item></channel></rss>";
        std::fs::write(d("w.rss"), feed).expect("write");
        let Ok(Target::Library { entries, .. }) = target(&[d("")]) else {
            panic!("a folder is a library");
        };
        assert_eq!(entries.len(), 2);
        let Ok(Target::Library { entries, .. }) = target(&[d("w.rss")]) else {
            panic!("a feed is a library");
        };
        assert_eq!(entries[0].title, "I");
        let Ok(Target::Article(name)) = target(&[d("a.txt")]) else {
            panic!("a file is an article");
        };
        assert_eq!(name, d("a.txt"));
        let Ok(Target::Library { entries, .. }) = target(&[d("a.txt"), d("w.rss")]) else {
            panic!("files are a library");
        };
        assert_eq!(entries.len(), 2);
        assert!(target(&[d("empty-dir-missing/")]).is_ok());
    }

    #[test]
    fn what_cannot_be_opened_says_which_and_why() {
        let fetched = |media: &str, bytes: &[u8]| fetch::Fetched {
            url: "https://example.org/a".into(),
            bytes: bytes.to_vec(),
            media_type: Some(media.into()),
            charset: None,
        };
        let Err(e) = page(fetched("image/png", b"\x89PNG")) else {
            panic!("an image is no article");
        };
        assert_eq!(
            e.to_string(),
            "https://example.org/a: not an article or a feed (the server sent image/png)"
        );
        let Err(e) = page(fetched("application/rss+xml", b"<rss><channel>")) else {
            panic!("a broken feed is no feed");
        };
        assert!(matches!(e, OpenError::Feed(_)), "{e}");
        let e = target(&["a.txt".into(), "-".into()]).unwrap_err();
        assert_eq!(e, OpenError::StdinInLibrary);
        let e = load(&Entry::named("/no/such/article.txt")).unwrap_err();
        assert_eq!(e.to_string(), "/no/such/article.txt: no such file");
        assert!(matches!(e, OpenError::Load(_)));
    }
}
