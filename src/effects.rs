//! What the reader asks of the world outside its state ([`Effect`]),
//! carried out by the front ends: the clipboard through OSC 52, and links
//! opened in the browser.
//!
//! OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks the terminal to put text on
//! the system clipboard; it works over ssh and inside tmux
//! (`set -g set-clipboard on`), and a terminal that does not know it
//! ignores it. The text is base64, so it cannot act on the terminal on its
//! way; it was made safe by the reader before (see `app::copy`).
//!
//! A link opens with `$BROWSER` (its first entry when it lists several
//! with `:`; `%s` in it stands for the URL, else the URL comes last), else
//! `open` on macOS and `xdg-open` elsewhere: run directly, never through a
//! shell, with nothing of the terminal (standard input and output are
//! closed, in a process group of its own so that the terminal's signals
//! do not reach it).

use std::process::{Child, Command, Stdio};

use crate::app::Effect;

/// The longest text sent through OSC 52 (before base64): some terminals
/// drop longer sequences whole (xterm's default limit is near 100 kB).
pub const MAX_COPY: usize = 74_000;

/// What carrying out effects came to: the control sequences to write to
/// the terminal, the browsers started, and what went wrong.
#[derive(Debug, Default)]
pub struct Done {
    /// OSC 52 sequences, in order.
    pub sequences: String,
    /// The browsers started, to wait for or to leave running.
    pub children: Vec<Child>,
    /// One line for the status line per failure.
    pub problems: Vec<String>,
}

/// Carries out `effects`; `browser` is `$BROWSER`.
pub fn perform(effects: &[Effect], browser: Option<&str>) -> Done {
    let mut done = Done::default();
    for effect in effects {
        match effect {
            Effect::Copy(text) => {
                if text.len() > MAX_COPY {
                    done.problems.push(format!(
                        "too long for the clipboard ({} bytes; terminals take about {MAX_COPY})",
                        text.len()
                    ));
                } else {
                    done.sequences.push_str(&osc52(text));
                }
            }
            Effect::Open(url) => match opener(url, browser).spawn() {
                Ok(child) => done.children.push(child),
                Err(e) => done.problems.push(format!(
                    "cannot open the link with {}: {e}",
                    crate::document::sanitize::clean_line(&program(browser))
                )),
            },
        }
    }
    done
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The program that opens links: `$BROWSER`'s first entry, else the system's.
fn program(browser: Option<&str>) -> String {
    let entry = browser.and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()));
    match entry {
        Some(e) => e.to_owned(),
        None if cfg!(target_os = "macos") => "open".into(),
        None => "xdg-open".into(),
    }
}

/// The command that opens `url` (see the module's notes).
pub fn opener(url: &str, browser: Option<&str>) -> Command {
    let program = program(browser);
    let mut words = program.split_whitespace();
    let mut cmd = Command::new(words.next().unwrap_or("xdg-open"));
    let mut placed = false;
    for w in words {
        if w.contains("%s") {
            placed = true;
            cmd.arg(w.replace("%s", url));
        } else {
            cmd.arg(w);
        }
    }
    if !placed {
        cmd.arg(url);
    }
    cmd.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("“Kim”", "4oCcS2lt4oCd"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    fn argv(cmd: &Command) -> Vec<String> {
        std::iter::once(cmd.get_program())
            .chain(cmd.get_args())
            .map(|s| s.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_browser_gets_the_url_as_one_argument() {
        let url = "https://example.org/a b;rm -rf ~";
        assert_eq!(argv(&opener(url, Some("firefox"))), ["firefox", url]);
        assert_eq!(
            argv(&opener(url, Some("  :lynx -dump %s:w3m"))),
            ["lynx", "-dump", url]
        );
        assert_eq!(
            argv(&opener(url, Some("chromium --new-window"))),
            ["chromium", "--new-window", url]
        );
        let system = argv(&opener(url, None));
        assert_eq!(system[1], url);
        assert_eq!(argv(&opener(url, Some(""))), system);
    }

    #[test]
    fn a_copy_too_long_is_refused_with_a_reason() {
        let done = perform(&[Effect::Copy("x".repeat(MAX_COPY + 1))], None);
        assert!(done.sequences.is_empty());
        assert!(done.problems[0].contains("too long"), "{:?}", done.problems);
        let done = perform(&[Effect::Copy("ok".into())], None);
        assert_eq!(done.sequences, osc52("ok"));
    }
}
