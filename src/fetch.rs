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

/// Fetches `url` (GET). Errors are one line naming the URL.
pub fn get(url: &str) -> Result<Fetched, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout()))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("gloss/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let fail = |why: String| format!("{url}: {why}");
    let mut response = agent
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
        let reason = status.canonical_reason().unwrap_or("");
        return Err(fail(
            format!("the server answered {} {reason}", status.as_u16())
                .trim_end()
                .to_owned(),
        ));
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

/// What went wrong, for a person.
fn problem(e: &ureq::Error) -> String {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => format!(
            "no answer within {} s (set {TIMEOUT_ENV} to wait longer)",
            timeout().as_secs_f64()
        ),
        E::HostNotFound => "no such host".into(),
        E::ConnectionFailed => "cannot connect to the server".into(),
        E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        E::RedirectFailed => "a redirect that leads nowhere".into(),
        E::BodyExceedsLimit(_) => format!(
            "larger than {} MiB, the most gloss fetches",
            MAX_BYTES >> 20
        ),
        E::BadUri(why) => format!("not a URL gloss can fetch ({why})"),
        E::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".into()
        }
        E::Io(io) => format!("network error: {io}"),
        other => other.to_string(),
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
}
