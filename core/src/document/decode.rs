//! Turning the bytes of a file into text, and naming the encoding they were in.
//!
//! The rules, in order:
//!
//! 1. A byte order mark decides: UTF-8, UTF-16LE or UTF-16BE (the mark is
//!    dropped). This comes first because UTF-16 text is full of NUL bytes.
//! 2. Without a mark, text whose every other byte is NUL (ASCII-range
//!    UTF-16, as some Windows tools write it) is read as UTF-16LE or BE with a
//!    warning; any other NUL byte means the file is binary, not an article.
//! 3. Valid UTF-8 is UTF-8 (plain ASCII included).
//! 4. An HTML page that declares its charset (`<meta charset>` or
//!    `http-equiv` Content-Type, within its first 1024 bytes) is read in it.
//! 5. Invalid UTF-8 with no valid multi-byte UTF-8 sequence at all, and none of
//!    the five bytes Windows-1252 leaves undefined, is a legacy single-byte
//!    file: it is read as windows-1252 (a superset of ISO-8859-1), with a
//!    warning.
//! 6. Anything else is UTF-8 with damage: each invalid sequence becomes
//!    U+FFFD, with a warning that counts them.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decoded text, the name of its encoding, and a warning when a guess or a
/// replacement happened.
#[derive(Debug)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// The encoding's name for the status line: `UTF-8`, `UTF-8 (BOM)`,
    /// `UTF-16LE`, `UTF-16BE`, `windows-1252`, ...
    pub encoding: &'static str,
    /// What the reader should know about the decoding, if anything.
    pub warning: Option<String>,
}

/// Why bytes could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes outside UTF-16: a binary file.
    Binary,
}

/// Decodes `bytes` read from `source`; `html` enables the charset
/// declaration rule. Valid UTF-8 keeps `bytes`' buffer as its text, without
/// a copy.
pub fn decode(bytes: Vec<u8>, source: &str, html: bool) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        let name = if encoding == UTF_8 {
            "UTF-8 (BOM)"
        } else {
            encoding.name()
        };
        let decoded = with(encoding, &bytes[bom_len..], source, name);
        if decoded.text.contains('\0') {
            return Err(DecodeError::Binary);
        }
        return Ok(decoded);
    }
    if bytes.contains(&0) {
        let Some(encoding) = unmarked_utf16(&bytes) else {
            return Err(DecodeError::Binary);
        };
        let mut decoded = with(encoding, &bytes, source, encoding.name());
        if decoded.text.contains('\0') {
            return Err(DecodeError::Binary);
        }
        decoded.warning.get_or_insert_with(|| {
            format!("{source}: no byte order mark; read as {}", encoding.name())
        });
        return Ok(decoded);
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding: "UTF-8",
                warning: None,
            });
        }
        Err(e) => e.into_bytes(),
    };
    if html
        && let Some(encoding) = declared_charset(&bytes)
        && encoding != UTF_8
    {
        return Ok(with(encoding, &bytes, source, encoding.name()));
    }
    if looks_single_byte(&bytes) {
        let mut decoded = with(WINDOWS_1252, &bytes, source, WINDOWS_1252.name());
        decoded.warning = Some(format!("{source}: not valid UTF-8; read as windows-1252"));
        return Ok(decoded);
    }
    Ok(with(UTF_8, &bytes, source, "UTF-8"))
}

/// Decodes `bytes` in the charset `label` a server declared for them (the
/// `charset` of an HTTP `Content-Type`), which comes before a page's own
/// `<meta>` as in browsers; a byte order mark still comes first. `None`
/// when there is a mark, the label names no encoding, or it names UTF-8:
/// then [`decode`]'s rules apply.
pub fn decode_declared(
    bytes: &[u8],
    source: &str,
    label: &str,
) -> Option<Result<Decoded, DecodeError>> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?.output_encoding();
    if encoding == UTF_8 || Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let decoded = with(encoding, bytes, source, encoding.name());
    Some(if decoded.text.contains('\0') {
        Err(DecodeError::Binary)
    } else {
        Ok(decoded)
    })
}

/// Decodes `bytes` (without a byte order mark) from `encoding`, warning
/// when malformed sequences were replaced.
fn with(encoding: &'static Encoding, bytes: &[u8], source: &str, name: &'static str) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| {
        let replaced = text.matches('\u{FFFD}').count();
        format!(
            "{source}: not valid {name}; {replaced} invalid byte sequence{} replaced with �",
            if replaced == 1 { "" } else { "s" }
        )
    });
    Decoded {
        text: text.into_owned(),
        encoding: name,
        warning,
    }
}

/// UTF-16LE or BE when `bytes` look like UTF-16 text without a byte order
/// mark: an even length, and in (up to) the first 4096 code units, the high
/// byte zero and the low byte a printable Latin-1 character or whitespace,
/// in at least 95% of the units.
fn unmarked_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) || bytes.is_empty() {
        return None;
    }
    let units: Vec<[u8; 2]> = bytes
        .chunks_exact(2)
        .take(4096)
        .map(|c| [c[0], c[1]])
        .collect();
    // A Latin-1 character: not a control, except whitespace.
    let texty = |low: u8, high: u8| {
        high == 0 && (low.is_ascii_whitespace() || low.is_ascii_graphic() || low >= 0xA0)
    };
    let share =
        |f: &dyn Fn(&[u8; 2]) -> bool| units.iter().filter(|u| f(u)).count() * 100 / units.len();
    if share(&|u| texty(u[0], u[1])) >= 95 {
        Some(encoding_rs::UTF_16LE)
    } else if share(&|u| texty(u[1], u[0])) >= 95 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// True when `bytes` hold no valid multi-byte UTF-8 sequence and none of the
/// bytes Windows-1252 leaves undefined: the mark of a legacy 8-bit file.
fn looks_single_byte(bytes: &[u8]) -> bool {
    const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    if bytes.iter().any(|b| UNDEFINED.contains(b)) {
        return false;
    }
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => return valid.is_ascii(),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if !std::str::from_utf8(valid).is_ok_and(str::is_ascii) {
                    return false;
                }
                let skip = e.error_len().unwrap_or(after.len());
                rest = &after[skip..];
            }
        }
    }
}

/// The charset an HTML page declares in its first 1024 bytes, if any and
/// known. UTF-16 declarations count as UTF-8, as browsers do.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let head: String = head
        .iter()
        .map(|&b| b.to_ascii_lowercase() as char)
        .collect();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes()).map(Encoding::output_encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> Decoded {
        decode(bytes.to_vec(), "f", false).expect("decodes")
    }

    #[test]
    fn a_declared_charset_comes_after_the_mark_and_before_the_rules() {
        let d = decode_declared(b"caf\xE9", "u", "ISO-8859-1")
            .expect("known")
            .expect("ok");
        assert_eq!((d.text.as_str(), d.encoding), ("café", "windows-1252"));
        let d = decode_declared(b"\x82\xA0", "u", "shift_jis")
            .expect("known")
            .expect("ok");
        assert_eq!((d.text.as_str(), d.encoding), ("あ", "Shift_JIS"));
        assert!(decode_declared(b"caf\xC3\xA9", "u", "utf-8").is_none());
        assert!(decode_declared(b"\xEF\xBB\xBFx", "u", "latin1").is_none());
        assert!(decode_declared(b"x", "u", "klingon").is_none());
        assert!(matches!(
            decode_declared(b"a\0b", "u", "latin1"),
            Some(Err(DecodeError::Binary))
        ));
    }

    #[test]
    fn byte_order_marks_decide() {
        let d = ok(b"\xEF\xBB\xBFcaf\xC3\xA9");
        assert_eq!((d.text.as_str(), d.encoding), ("café", "UTF-8 (BOM)"));
        let d = ok(b"\xFF\xFEh\0i\0");
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16LE"));
        let d = ok(b"\xFE\xFF\0h\0i");
        assert_eq!((d.text.as_str(), d.encoding), ("hi", "UTF-16BE"));
        assert!(d.warning.is_none());
    }

    #[test]
    fn odd_utf16_is_replaced_with_a_warning() {
        let d = ok(b"\xFF\xFEh\0i");
        assert_eq!(d.text, "h\u{FFFD}");
        assert!(d.warning.expect("warns").contains("not valid UTF-16LE"));
    }

    #[test]
    fn nul_bytes_without_a_mark_are_binary() {
        assert_eq!(
            decode(b"ab\0c".to_vec(), "f", false).unwrap_err(),
            DecodeError::Binary
        );
        assert_eq!(
            decode(b"\xFF\xFEa\0\0\0".to_vec(), "f", false).unwrap_err(),
            DecodeError::Binary
        );
    }

    #[test]
    fn utf16_without_a_mark_is_recognised_by_its_zero_bytes() {
        let le: Vec<u8> = "Hi, Zoë.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = ok(&le);
        assert_eq!((d.text.as_str(), d.encoding), ("Hi, Zoë.\n", "UTF-16LE"));
        assert_eq!(
            d.warning.as_deref(),
            Some("f: no byte order mark; read as UTF-16LE")
        );
        let be: Vec<u8> = "Hi there"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(ok(&be).encoding, "UTF-16BE");
        // Binary data with NULs in it is still binary.
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), "f", false).is_err());
        assert!(decode(b"a\0b\0\0\0".to_vec(), "f", false).is_err());
    }

    #[test]
    fn legacy_bytes_read_as_windows_1252() {
        let d = ok(b"caf\xe9 \x93quoted\x94");
        assert_eq!(d.text, "café “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(
            d.warning.as_deref(),
            Some("f: not valid UTF-8; read as windows-1252")
        );
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let d = ok(b"caf\xC3\xA9 and \xff bad");
        assert_eq!(d.text, "café and \u{FFFD} bad");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.warning.as_deref(),
            Some("f: not valid UTF-8; 1 invalid byte sequence replaced with �")
        );
    }

    #[test]
    fn html_charset_declarations_are_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-2\"></head><p>\xb3\xf3d\xbc</p>";
        let d = decode(page.to_vec(), "p.html", true).expect("decodes");
        assert_eq!(d.encoding, "ISO-8859-2");
        assert!(d.text.contains("łódź"));
        // Valid UTF-8 wins over a wrong declaration.
        let page = "<meta charset=windows-1252><p>café</p>".as_bytes();
        assert_eq!(
            decode(page.to_vec(), "p.html", true)
                .expect("decodes")
                .encoding,
            "UTF-8"
        );
    }
}
