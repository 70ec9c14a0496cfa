//! Encodings and unreadable input, through the binary.

#[path = "documents/support.rs"]
mod support;

use support::{assert_offsets_match, gloss, gloss_stdin};

const STORY: &str = "Café owner Zoë Müller met “President Lee” in Zürich on Friday.\n";

fn utf16(bom: bool, big_endian: bool, text: &str) -> Vec<u8> {
    let units = text.encode_utf16();
    let units: Vec<u16> = if bom {
        std::iter::once(0xFEFF).chain(units).collect()
    } else {
        units.collect()
    };
    units
        .into_iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_string_lossy().into_owned()
}

#[test]
fn utf16_and_utf8_with_a_byte_order_mark_read_as_the_same_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(STORY.as_bytes());
    for (name, bytes) in [
        ("le.txt", utf16(true, false, STORY)),
        ("be.txt", utf16(true, true, STORY)),
        ("bom8.txt", utf8_bom),
    ] {
        let path = write(&dir, name, &bytes);
        let out = gloss(&["text", &path]);
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        assert_eq!(out.stdout, STORY, "{name}");
        assert_eq!(out.stderr, "", "{name}: no warning");
        let out = gloss(&["annotate", &path]);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
        assert_eq!(json["document"]["chars"], STORY.chars().count());
        assert_offsets_match(&json, STORY);
    }
}

#[test]
fn utf16_without_a_mark_is_read_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(&dir, "nobom.txt", &utf16(false, false, STORY));
    let out = gloss(&["text", &path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, STORY);
    assert_eq!(
        out.stderr,
        format!("gloss: warning: {path}: no byte order mark; read as UTF-16LE\n")
    );
}

#[test]
fn utf16_html_on_stdin_is_decoded_then_sniffed() {
    let page = "<!DOCTYPE html><html><body><p>Zoë met Lee in Zürich.</p></body></html>";
    let out = gloss_stdin(&["text", "-"], &utf16(true, true, page));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "Zoë met Lee in Zürich.");
}

#[test]
fn windows_1252_is_recognised_and_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(&dir, "legacy.txt", b"caf\xe9 \x93quoted\x94 na\xefve");
    let out = gloss(&["text", &path]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "café “quoted” naïve");
    assert_eq!(
        out.stderr,
        format!("gloss: warning: {path}: not valid UTF-8; read as windows-1252\n")
    );
    let doc = gloss::document::load(&path).expect("loads");
    assert_eq!(doc.encoding, "windows-1252");
}

#[test]
fn damaged_utf8_is_replaced_with_a_warning() {
    let out = gloss_stdin(&["text", "-"], b"caf\xc3\xa9 \xc3 broken");
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "café \u{FFFD} broken");
    assert_eq!(
        out.stderr,
        "gloss: warning: -: not valid UTF-8; 1 invalid byte sequence replaced with �\n"
    );
}

#[test]
fn unreadable_inputs_give_one_line_and_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let binary = write(&dir, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let missing = dir
        .path()
        .join("missing.txt")
        .to_string_lossy()
        .into_owned();
    let folder = dir.path().to_string_lossy().into_owned();
    // Sparse: one byte over the limit costs no disk. (In a folder of its
    // own: `folder` below must hold no article.)
    let big_dir = tempfile::tempdir().expect("temp dir");
    let huge = write(&big_dir, "huge.txt", b"");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|f| f.set_len(gloss::document::MAX_BYTES + 1))
        .expect("sparse file");
    for (args, message) in [
        (
            vec!["text", huge.as_str()],
            format!("{huge}: too large: gloss reads articles of up to 256 MiB"),
        ),
        (
            vec!["annotate", huge.as_str()],
            format!("{huge}: too large: gloss reads articles of up to 256 MiB"),
        ),
        (
            vec!["text", binary.as_str()],
            format!("{binary}: looks like a binary file (it contains NUL bytes), not an article"),
        ),
        (
            vec!["annotate", binary.as_str()],
            format!("{binary}: looks like a binary file (it contains NUL bytes), not an article"),
        ),
        (
            vec!["text", missing.as_str()],
            format!("{missing}: no such file"),
        ),
        (
            vec!["annotate", missing.as_str()],
            format!("{missing}: no such file"),
        ),
        (
            vec!["text", folder.as_str()],
            format!("{folder}: is a directory, not an article"),
        ),
        (
            // The folder holds no article (image.png is not one).
            vec!["annotate", folder.as_str()],
            format!("{folder}: no .txt, .md or .html files in this directory"),
        ),
    ] {
        let out = gloss(&args);
        assert_eq!(out.code, 2, "{args:?}");
        assert_eq!(out.stdout, "", "{args:?}");
        assert_eq!(out.stderr, format!("gloss: {message}\n"), "{args:?}");
    }
}

#[test]
fn any_bytes_on_stdin_give_text_or_a_clear_refusal() {
    let inputs: [&[u8]; 6] = [
        b"\xff\xfe",
        b"\xfe\xff\xd8\x00",
        b"\xef\xbb\xbf",
        b"\x80\x81\x8d\x8f\x90\x9d",
        b"<!doctype html>\xff\xfe<p>\x93x\x94",
        b"\xff\xfe\x00\xd8\x00\xdc",
    ];
    for input in inputs {
        let out = gloss_stdin(&["annotate", "-"], input);
        assert!(out.code == 0 || out.code == 2, "{input:?}: {}", out.stderr);
        assert!(
            !out.stderr.contains("panicked"),
            "{input:?}: {}",
            out.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_path_that_is_a_pipe_is_read_whole() {
    // A pipe reports no size; it is read up to the limit all the same.
    let text = "Kim Jong Un wrote to Donald Trump. ".repeat(2000);
    let out = gloss_stdin(&["text", "/dev/stdin"], text.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, text);
}
