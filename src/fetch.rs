//! Fetching a web page or a feed over HTTP(S), for `gloss URL` and feeds
//! whose items are links.
//!
//! The client is ureq: blocking (gloss fetches one page at a time and has
//! no async runtime to carry), small, TLS through rustls with the Mozilla
//! roots built in (no system OpenSSL to find), well kept. Redirects are
//! followed (up to [`MAX_REDIRECTS`]), the whole exchange has a timeout
//! ([`timeout`]), and a body larger than [`MAX_BYTES`] is refused. Every
//! failure is one line naming the URL and the problem.

use std::time::Duration;

/// The most redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 10;

/// The largest page or feed fetched: 16 MiB, far more than any article,
/// and little enough to hold in memory.
pub const MAX_BYTES: u64 = 16 << 20;

/// The environment variable that sets the timeout of a fetch in seconds
/// (default [`DEFAULT_TIMEOUT`]).
pub const TIMEOUT_ENV: &str = "GLOSS_FETCH_TIMEOUT";

/// How long a fetch may take, from connecting to the last byte, by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// What a server sent.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL asked for (whatever redirects it went through: the page
    /// is known by the name the reader gave it).
    pub url: String,
    /// The body.
    pub bytes: Vec<u8>,
    /// The media type of `Content-Type`, lowercase, without parameters.
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
}

/// The timeout of a fetch: `$GLOSS_FETCH_TIMEOUT` seconds when it is a
/// positive number, else [`DEFAULT_TIMEOUT`].
pub fn timeout() -> Duration {
    std::env::var(TIMEOUT_ENV)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DEFAULT_TIMEOUT, Duration::from_secs_f64)
}

/// Why a fetch failed: the URL and the problem, one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {problem}")]
pub struct FetchError {
    /// The URL asked for.
    pub url: String,
    /// What went wrong.
    pub problem: Problem,
}

/// What went wrong in a fetch, for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// No answer within the timeout (the one in force when it ran out).
    #[error("no answer within {} s (set {TIMEOUT_ENV} to wait longer)", .0.as_secs_f64())]
    Timeout(Duration),
    /// The host name does not resolve.
    #[error("no such host")]
    NoSuchHost,
    /// The server cannot be reached.
    #[error("cannot connect to the server")]
    CannotConnect,
    /// The server refused the connection.
    #[error("connection refused")]
    Refused,
    /// More than [`MAX_REDIRECTS`] redirects.
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    /// A redirect without a usable target.
    #[error("a redirect that leads nowhere")]
    BadRedirect,
    /// A body larger than `limit` bytes.
    #[error("larger than {} MiB, the most gloss fetches", .limit >> 20)]
    TooLarge {
        /// The most bytes fetched.
        limit: u64,
    },
    /// Not a URL the client can fetch (the client's words).
    #[error("not a URL gloss can fetch ({0})")]
    BadUrl(String),
    /// The server answered with a status other than success.
    #[error("the server answered {}", status_line(*code))]
    Status {
        /// The HTTP status code.
        code: u16,
    },
    /// Reading or writing the connection failed (the system's words).
    #[error("network error: {0}")]
    Network(String),
    /// Anything else, in the client's words.
    #[error("{0}")]
    Other(String),
}

/// A status code with its reason phrase when it has one (`404 Not Found`,
/// `599`).
fn status_line(code: u16) -> String {
    match ureq::http::StatusCode::from_u16(code)
        .ok()
        .and_then(|s| s.canonical_reason())
    {
        Some(reason) => format!("{code} {reason}"),
        None => code.to_string(),
    }
}

/// Fetches `url` (GET). Errors name the URL.
pub fn get(url: &str) -> Result<Fetched, FetchError> {
    let fail = |problem: Problem| FetchError {
        url: url.to_owned(),
        problem,
    };
    let mut response = agent()
        .get(url)
        .header(
            "Accept",
            "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, \
             application/feed+json, text/plain;q=0.9, */*;q=0.5",
        )
        .call()
        .map_err(|e| fail(problem(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(Problem::Status {
            code: status.as_u16(),
        }));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (media_type, charset) = content_type.as_deref().map_or((None, None), parse_type);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| fail(problem(&e)))?;
    Ok(Fetched {
        url: url.to_owned(),
        bytes,
        media_type,
        charset,
    })
}

/// The client: [`timeout`], at most [`MAX_REDIRECTS`] redirects, and
/// every status an answer to look at rather than an error.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout()))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("gloss/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// The media type (lowercase) and the charset of a `Content-Type` value.
fn parse_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let media = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_owned())
    });
    (media, charset)
}

/// What the client's error `e` means.
fn problem(e: &ureq::Error) -> Problem {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => Problem::Timeout(timeout()),
        E::HostNotFound => Problem::NoSuchHost,
        E::ConnectionFailed => Problem::CannotConnect,
        E::TooManyRedirects => Problem::TooManyRedirects,
        E::RedirectFailed => Problem::BadRedirect,
        E::BodyExceedsLimit(limit) => Problem::TooLarge { limit: *limit },
        E::BadUri(why) => Problem::BadUrl(why.clone()),
        E::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => Problem::Refused,
        E::Io(io) => Problem::Network(io.to_string()),
        other => Problem::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_split_into_media_type_and_charset() {
        assert_eq!(
            parse_type("Text/HTML; Charset=\"ISO-8859-1\""),
            (Some("text/html".into()), Some("ISO-8859-1".into()))
        );
        assert_eq!(
            parse_type("application/rss+xml"),
            (Some("application/rss+xml".into()), None)
        );
        assert_eq!(parse_type(""), (None, None));
    }

    #[test]
    fn problems_read_as_one_line_naming_the_url() {
        let said = |problem| {
            FetchError {
                url: "https://example.org/a".into(),
                problem,
            }
            .to_string()
        };
        assert_eq!(
            said(Problem::Status { code: 404 }),
            "https://example.org/a: the server answered 404 Not Found"
        );
        assert_eq!(
            said(Problem::Status { code: 599 }),
            "https://example.org/a: the server answered 599"
        );
        assert_eq!(
            said(Problem::TooLarge { limit: MAX_BYTES }),
            "https://example.org/a: larger than 16 MiB, the most gloss fetches"
        );
        assert_eq!(
            said(Problem::Timeout(Duration::from_millis(1500))),
            "https://example.org/a: no answer within 1.5 s (set GLOSS_FETCH_TIMEOUT to wait longer)"
        );
    }
}
