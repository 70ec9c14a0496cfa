//! A yes-or-no fact per sentence in one bit, with the count of yeses
//! before any sentence in constant time: per-sentence facts cost next to
//! nothing even when a text has as many sentences as words.

/// Flags for the indices `0..len`, pushed in order.
#[derive(Clone, Debug, Default)]
pub struct Bits {
    /// The flags, 64 to a word.
    words: Vec<u64>,
    /// For each word, the number of flags set in the words before it.
    before: Vec<u32>,
    /// Number of flags pushed.
    len: usize,
    /// Number of flags set.
    set: u32,
}

impl Bits {
    /// Appends the flag of the next index.
    pub fn push(&mut self, on: bool) {
        let bit = self.len % 64;
        if bit == 0 {
            self.words.push(0);
            self.before.push(self.set);
        }
        if on {
            if let Some(w) = self.words.last_mut() {
                *w |= 1 << bit;
            }
            self.set += 1;
        }
        self.len += 1;
    }

    /// The flag of index `i` (false beyond the last pushed: a word's bits
    /// past the last pushed flag are never set).
    pub fn get(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// How many of the flags below index `i` are set.
    pub fn rank(&self, i: usize) -> usize {
        if i >= self.len {
            return self.set as usize;
        }
        let below = self.words[i / 64] & ((1u64 << (i % 64)) - 1);
        self.before[i / 64] as usize + below.count_ones() as usize
    }

    /// The flags of indices `64 * k..64 * k + 64`, index `64 * k` in the
    /// lowest bit (0 beyond the last pushed).
    pub fn block(&self, k: usize) -> u64 {
        self.words.get(k).copied().unwrap_or(0)
    }
}

impl FromIterator<bool> for Bits {
    fn from_iter<I: IntoIterator<Item = bool>>(flags: I) -> Self {
        let mut bits = Bits::default();
        for on in flags {
            bits.push(on);
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
            #[test]
            fn agrees_with_a_list_of_flags(flags in proptest::collection::vec(any::<bool>(), 0..300)) {
                let bits: Bits = flags.iter().copied().collect();
                for i in 0..flags.len() + 70 {
                    prop_assert_eq!(bits.get(i), flags.get(i).copied().unwrap_or(false));
                    let want = flags.iter().take(i).filter(|&&f| f).count();
                    prop_assert_eq!(bits.rank(i), want);
    let on = bits.block(i / 64) & (1 << (i % 64)) != 0;
                    prop_assert_eq!(on, bits.get(i));
                }
            }
        }
}
