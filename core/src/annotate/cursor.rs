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
        let lo = if key < self.key {
            0
        } else {
            self.at.min(slice.len())
        };
        // `before` holds for every element below `lo`.
        let at = lo + gallop(&slice[lo..], |x| before(x, key));
        *self = Cursor { at, key };
        at
    }
}

/// `slice.partition_point(pred)`, probing elements 0, 1, 3, 7, … until
/// `pred` fails and then searching the last stride: cheap when the point
/// is near the start.
pub fn gallop<T>(slice: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let (mut lo, mut step) = (0, 1);
    while let Some(x) = slice.get(lo + step - 1) {
        if !pred(x) {
            break;
        }
        lo += step;
        step *= 2;
    }
    let hi = (lo + step - 1).min(slice.len());
    lo + slice[lo..hi].partition_point(pred)
}

/// `slice.partition_point(pred)`, probing from the end (the last element,
/// then 2, 4, 8, … back) until `pred` holds: cheap when the point is near
/// the end.
pub fn gallop_back<T>(slice: &[T], pred: impl Fn(&T) -> bool) -> usize {
    // `pred` fails for every element from `hi` on.
    let (mut hi, mut step) = (slice.len(), 1);
    while hi > 0 {
        let k = hi.saturating_sub(step);
        if pred(&slice[k]) {
            return k + 1 + slice[k + 1..hi].partition_point(pred);
        }
        hi = k;
        step *= 2;
    }
    0
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
                prop_assert_eq!(gallop(&items, |&x| x < k), want);
                prop_assert_eq!(gallop_back(&items, |&x| x < k), want);
            }
        }
    }
}
