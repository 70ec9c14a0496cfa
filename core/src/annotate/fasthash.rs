//! A small, fast, non-cryptographic hasher for the annotator's word maps.
//!
//! Keys are short words from the document or the built-in lists, never
//! chosen to collide, so the standard library's DoS-resistant SipHash buys
//! nothing here. This is the multiply-rotate scheme of Firefox's and rustc's
//! "Fx" hash, written for gloss.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hasher state.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The rest as a little-endian word padded with zero bytes,
            // gathered in at most three loads without a variable-length copy.
            let (mut word, mut shift, mut r) = (0u64, 0, rest);
            if let Some((four, tail)) = r.split_first_chunk::<4>() {
                word = u64::from(u32::from_le_bytes(*four));
                (shift, r) = (32, tail);
            }
            if let Some((two, tail)) = r.split_first_chunk::<2>() {
                word |= u64::from(u16::from_le_bytes(*two)) << shift;
                shift += 16;
                r = tail;
            }
            if let Some(&b) = r.first() {
                word |= u64::from(b) << shift;
            }
            self.add(word);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with the fast hasher.
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with the fast hasher.
pub type Set<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: Map<&str, u32> = Map::default();
        m.insert("Kim", 1);
        m.insert("Trump", 2);
        assert_eq!(m.get("Kim"), Some(&1));
        assert_eq!(m.get("Moon"), None);
        let h = |s: &str| {
            let mut f = FxHasher::default();
            f.write(s.as_bytes());
            f.finish()
        };
        assert_ne!(h("Kim"), h("Kin"));
        assert_ne!(h("abcdefgh1"), h("abcdefgh2"));
    }
}
