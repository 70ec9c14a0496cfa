//! Partition points of a sorted slice for a series of keys that mostly
//! grow: each is found by galloping forward from the previous one, so keys
//! close together read a few neighbouring elements instead of binary
//! searching the whole slice (which misses the cache on a large document).

/// The position of the last partition point found, and its key.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cursor {
    /// The last partition point.
    at: usize,
    /// The key it was found for.
    key: usize,
}

impl Cursor {
    /// `slice.partition_point(|x| before(x, key))`, where `before(x, k)` is
    /// true for a prefix of `slice` and, holding for a key, holds for every
    /// larger key. A key smaller than the previous one searches from the
    /// start, so the answer is exact for keys in any order.
    pub fn seek<T>(
        &mut self,
        slice: &[T],
        key: usize,
        before: impl Fn(&T, usize) -> bool,
    ) -> usize {
        let mut lo = if key < self.key {
            0
        } else {
            self.at.min(slice.len())
        };
        // `before` holds for every element below `lo`; probe lo, lo + 1,
        // lo + 3, lo + 7, ... until it fails, then search the last stride.
        let mut step = 1;
        while let Some(x) = slice.get(lo + step - 1) {
            if !before(x, key) {
                break;
            }
            lo += step;
            step *= 2;
        }
        let hi = (lo + step - 1).min(slice.len());
        let at = lo + slice[lo..hi].partition_point(|x| before(x, key));
        *self = Cursor { at, key };
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_partition_point(
            mut items in proptest::collection::vec(0usize..500, 0..200),
            keys in proptest::collection::vec(0usize..520, 0..60),
        ) {
            items.sort_unstable();
            let mut c = Cursor::default();
            for k in keys {
                let want = items.partition_point(|&x| x < k);
                prop_assert_eq!(c.seek(&items, k, |&x, k| x < k), want);
            }
        }
    }
}
