//! The learner: multinomial logistic regression over hashed binary
//! features, trained by stochastic gradient descent in a fixed order, so
//! that the same examples always give the same model.

use std::collections::BTreeMap;

use super::model::{Model, softmax};

/// How a model is trained.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the examples.
    pub epochs: usize,
    /// The first step size.
    pub rate: f64,
    /// The strength of the L2 penalty on each weight an example touches.
    pub l2: f64,
    /// The seed of the order the examples are visited in.
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 30,
            rate: 0.2,
            l2: 1e-3,
            seed: 12,
        }
    }
}

/// One training example: its sorted features and the index of its class.
#[derive(Clone, Debug)]
pub struct Example {
    /// Feature hashes.
    pub features: Vec<u32>,
    /// The right answer: a class's index (below the model's class count).
    pub label: usize,
}

/// A xorshift generator: a fixed, portable order of the examples.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Shuffles `order` (Fisher–Yates with this generator).
    fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
}

/// The passes of stochastic gradient descent over `n` examples: each of
/// `options.epochs` passes visits every example once, in an order shuffled
/// by a generator seeded with `options.seed`, and `step(i, rate)` updates
/// the weights from example `i` with a step size that decays from
/// `options.rate` as examples are seen. Every learner of gloss trains
/// through this, so that the same examples always give the same model.
pub fn descend(n: usize, options: Options, mut step: impl FnMut(usize, f64)) {
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng(options.seed | 1);
    let mut seen = 0usize;
    for _ in 0..options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let rate = options.rate / (1.0 + seen as f64 / n.max(1) as f64);
            seen += 1;
            step(i, rate);
        }
    }
}

/// The weights learned from `examples`, as a model into `N` classes with
/// the given thresholds (in thousandths, see [`Model`]).
pub fn train<const N: usize>(
    examples: &[Example],
    options: Options,
    override_at: u16,
    drop_at: u16,
) -> Model<N> {
    let mut weights: BTreeMap<u32, [f64; N]> = BTreeMap::new();
    descend(examples.len(), options, |i, rate| {
        let ex = &examples[i];
        let mut score = [0f32; N];
        for f in &ex.features {
            if let Some(w) = weights.get(f) {
                score.iter_mut().zip(w).for_each(|(s, w)| *s += *w as f32);
            }
        }
        let p = softmax(score);
        let grad: [f64; N] = std::array::from_fn(|l| {
            let target = if l == ex.label { 1.0 } else { 0.0 };
            target - f64::from(p[l])
        });
        for f in &ex.features {
            let w = weights.entry(*f).or_insert([0.0; N]);
            for (w, g) in w.iter_mut().zip(grad) {
                *w += rate * (g - options.l2 * *w);
            }
        }
    });
    let kept = weights
        .into_iter()
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= 1e-3))
        .collect();
    Model::new(kept, override_at, drop_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::learn::model::{KINDS, Label};

    #[test]
    fn a_tiny_training_set_is_learned_exactly() {
        let ex = |features: &[u32], label| Example {
            features: features.to_vec(),
            label: Label::index(label),
        };
        // A shared bias feature (1) and one telling feature per label; the
        // last two share a feature but differ in another.
        let examples = [
            ex(&[1, 10], Label::Person),
            ex(&[1, 20], Label::Organization),
            ex(&[1, 30, 50], Label::Place),
            ex(&[1, 40, 50], Label::NotActor),
            ex(&[1, 10, 60], Label::Person),
        ];
        let options = Options {
            epochs: 300,
            rate: 1.0,
            ..Options::default()
        };
        let model: Model = train(&examples, options, 700, 800);
        for e in &examples {
            let (label, p) = model.best(&e.features);
            assert_eq!(label, e.label, "{:?}", e.features);
            assert!(p > 0.5);
        }
        // Deterministic: the same examples give the same bytes.
        let again: Model = train(&examples, options, 700, 800);
        assert_eq!(model.to_bytes(KINDS), again.to_bytes(KINDS));
        assert_eq!((model.override_at, model.drop_at), (700, 800));
    }
}
