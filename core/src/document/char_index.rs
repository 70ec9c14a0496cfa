//! Conversion between byte offsets and code-point offsets.

/// Bytes per checkpoint block.
const BLOCK: usize = 256;

/// A sparse index over a text that converts byte offsets to code-point
/// offsets and back in O(BLOCK) time with O(n / BLOCK) memory.
///
/// A code point starts at every byte that is not a UTF-8 continuation byte,
/// so the code-point offset of byte `b` is the number of such bytes before it.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// Code points before byte `k * BLOCK`, for every block.
    checkpoints: Vec<usize>,
    /// Copy of the text's bytes is not kept; the length is.
    byte_len: usize,
    /// Total code points.
    char_len: usize,
}

const fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The number of UTF-8 continuation bytes (`0b10xx_xxxx`) in `bytes`,
/// counted eight at a time.
fn continuation_bytes(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        let x = u64::from_le_bytes(b);
        // Bit 7 set and bit 6 clear, in each byte.
        n += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    n + words
        .remainder()
        .iter()
        .filter(|&&b| !is_char_start(b))
        .count()
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0;
        for chunk in bytes.chunks(BLOCK) {
            checkpoints.push(count);
            count += chunk.len() - continuation_bytes(chunk);
        }
        Self {
            checkpoints,
            byte_len: bytes.len(),
            char_len: count,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// The code-point offset of byte offset `byte` in `text` (the text this
    /// index was built from). Offsets past the end map to the end.
    pub fn to_char(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(self.byte_len);
        if byte == self.byte_len {
            return self.char_len;
        }
        let block = byte / BLOCK;
        let base = self.checkpoints[block];
        let from = block * BLOCK;
        // A whole block of single-byte characters (ASCII): no count needed.
        let next = self.checkpoints.get(block + 1).copied();
        if next == Some(base + BLOCK) {
            return base + (byte - from);
        }
        base + text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count()
    }

    /// The byte offset of code-point offset `ch` in `text`, or `None` when it
    /// lies past the end.
    pub fn to_byte(&self, text: &str, ch: usize) -> Option<usize> {
        if ch > self.char_len {
            return None;
        }
        if ch == self.char_len {
            return Some(self.byte_len);
        }
        let block = self.checkpoints.partition_point(|&c| c <= ch) - 1;
        let mut count = self.checkpoints[block];
        for (i, &b) in text.as_bytes()[block * BLOCK..].iter().enumerate() {
            if is_char_start(b) {
                if count == ch {
                    return Some(block * BLOCK + i);
                }
                count += 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_and_multibyte() {
        let text = "a“b”c€d";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_len(), 7);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.to_char(text, bi), ci);
            assert_eq!(idx.to_byte(text, ci), Some(bi));
        }
        assert_eq!(idx.to_char(text, text.len()), 7);
        assert_eq!(idx.to_byte(text, 7), Some(text.len()));
        assert_eq!(idx.to_byte(text, 8), None);
    }

    #[test]
    fn ascii_blocks_beside_multibyte_ones() {
        let text = format!("{}é€{}“x", "a".repeat(600), "b".repeat(300));
        let idx = CharIndex::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.to_char(&text, bi), ci);
        }
        assert_eq!(idx.to_char(&text, text.len()), text.chars().count());
    }

    #[test]
    fn empty_text() {
        let idx = CharIndex::new("");
        assert_eq!(idx.to_char("", 0), 0);
        assert_eq!(idx.to_byte("", 0), Some(0));
    }

    proptest! {
        #[test]
        fn round_trips_on_any_text(text in "\\PC{0,700}") {
            let idx = CharIndex::new(&text);
            prop_assert_eq!(idx.char_len(), text.chars().count());
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(idx.to_char(&text, bi), ci);
                prop_assert_eq!(idx.to_byte(&text, ci), Some(bi));
            }
        }
    }
}
