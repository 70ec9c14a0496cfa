//! A learned model: the weights of a multinomial logistic regression over
//! hashed features into `N` classes, its decision thresholds, and its
//! compact file format. The kind model ([`KINDS`], four [`Label`]s), the
//! part-of-speech tagger ([`TAGS`], see [`super::tagger`]) and the link
//! ranker ([`LINKS`], one class whose sums score each choice, see
//! [`super::links`]) are three of them.
//!
//! The file (little-endian): its magic bytes, a format version (u16),
//! two thresholds (u16 each, in thousandths; above 1000 never: for the
//! kind model, overriding the rules' kind and dropping a name as no actor;
//! for the link ranker, linking a case the rules left alone and overruling
//! the rules), a weight
//! scale (f32), the number of features (u32), then for each feature, in
//! increasing hash order, its hash (u32) and one weight per class (i16,
//! times the scale).

use std::borrow::Cow;

use thiserror::Error;

/// The magic bytes a kind model file starts with.
pub const KINDS: &[u8; 8] = b"GLOSSKND";
/// The magic bytes a part-of-speech model file starts with.
pub const TAGS: &[u8; 8] = b"GLOSSPOS";
/// The magic bytes a link model file starts with.
pub const LINKS: &[u8; 8] = b"GLOSSLNK";
/// The version of the file format this code reads and writes.
const VERSION: u16 = 1;
/// The size of the header: magic, version, two thresholds, scale, count.
const HEADER: usize = 8 + 2 + 2 + 2 + 4 + 4;
/// The size of one feature's entry for `n` classes: hash and one weight
/// per class.
const fn entry(n: usize) -> usize {
    4 + 2 * n
}

/// What a name's entity is, as the model decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// A person.
    Person,
    /// An organization.
    Organization,
    /// A place.
    Place,
    /// Not an actor: a work, law, event, product, language, ...
    NotActor,
}

impl Label {
    /// The number of labels.
    pub const COUNT: usize = 4;
    /// All labels, in the order of their weights.
    pub const ALL: [Label; Label::COUNT] = [
        Label::Person,
        Label::Organization,
        Label::Place,
        Label::NotActor,
    ];

    /// The position of the label's weight in each feature's row.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Why a model file could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    /// The file does not start with the magic bytes.
    #[error("not a gloss model of this kind (bad magic bytes)")]
    Magic,
    /// The file is of another format version.
    #[error("model format version {0}, expected {VERSION}")]
    Version(u16),
    /// The file is shorter or longer than its header says.
    #[error("model of {got} bytes, expected {expected}")]
    Length {
        /// The length the header implies.
        expected: usize,
        /// The file's length.
        got: usize,
    },
    /// The feature hashes are not strictly increasing.
    #[error("model features out of order at entry {0}")]
    Order(usize),
    /// The weight scale is not a positive finite number.
    #[error("model weight scale is not positive and finite")]
    Scale,
}

/// A trained model into `N` classes (by default the four kinds).
///
/// Its weights are read in place from the file's bytes (the embedded
/// models' weights are never copied); only the hashes are kept again, in
/// a table to find them.
#[derive(Clone, Debug, PartialEq)]
pub struct Model<const N: usize = { Label::COUNT }> {
    /// The file's entries: for each feature, in strictly increasing hash
    /// order, its hash and one weight per class (see the module's
    /// documentation).
    entries: Cow<'static, [u8]>,
    /// The number of entries.
    len: usize,
    /// An open-addressing table over the entries' hashes (a power of two,
    /// at least twice as many slots as entries): a hash's slot is found from
    /// its low bits, and holds the hash and a nonzero word for its entry
    /// (0: empty; see [`Model::slot_word`]). Looking a feature up is then
    /// one or two probes rather than a binary search.
    slots: Vec<[u32; 2]>,
    /// The size of a weight's step.
    scale: f32,
    /// The probability, in thousandths, from which the model's kind
    /// overrides the rules' (above 1000: never).
    pub override_at: u16,
    /// The probability, in thousandths, from which a name judged no actor
    /// is dropped (above 1000: never).
    pub drop_at: u16,
}

impl<const N: usize> Model<N> {
    /// A model from sparse weights (any order; duplicate hashes are summed)
    /// and its thresholds. Weights are kept as 16-bit steps of a fraction of
    /// the largest, so a model reads back from its bytes exactly.
    pub fn new(mut weights: Vec<(u32, [f64; N])>, override_at: u16, drop_at: u16) -> Model<N> {
        weights.sort_by_key(|&(k, _)| k);
        let mut merged: Vec<(u32, [f64; N])> = Vec::with_capacity(weights.len());
        for (k, w) in weights {
            match merged.last_mut() {
                Some((last, acc)) if *last == k => acc.iter_mut().zip(w).for_each(|(a, b)| *a += b),
                _ => merged.push((k, w)),
            }
        }
        let scale = scale_of(&merged);
        let keys = merged.iter().map(|&(k, _)| k).collect();
        let mut entries = Vec::with_capacity(entry(N) * merged.len());
        for (k, w) in merged {
            entries.extend_from_slice(&k.to_le_bytes());
            for x in w {
                entries.extend_from_slice(&quantize(x, f64::from(scale)).to_le_bytes());
            }
        }
        Model::indexed(Cow::Owned(entries), keys, scale, override_at, drop_at)
    }

    /// A model of these parts (entries in strictly increasing hash order,
    /// and their hashes), with its look-up table built.
    fn indexed(
        entries: Cow<'static, [u8]>,
        keys: Vec<u32>,
        scale: f32,
        override_at: u16,
        drop_at: u16,
    ) -> Model<N> {
        let size = (keys.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![[0u32; 2]; size];
        for (i, &k) in keys.iter().enumerate() {
            let mut s = k as usize & (size - 1);
            while slots[s][1] != 0 {
                s = (s + 1) & (size - 1);
            }
            slots[s] = [k, Self::slot_word(&entries, i)];
        }
        Model {
            entries,
            len: keys.len(),
            slots,
            scale,
            override_at,
            drop_at,
        }
    }

    /// What the look-up table holds for entry `i` of `entries`: for a
    /// one-class model (the link ranker, which looks up millions of
    /// features) its weight in the high 16 bits above a 1, read without a
    /// second look-up; for the others the entry's index plus one.
    fn slot_word(entries: &[u8], i: usize) -> u32 {
        if N == 1 {
            let at = i * entry(N) + 4;
            let weight = entries
                .get(at..at + 2)
                .map_or(0, |w| u16::from_le_bytes([w[0], w[1]]));
            (u32::from(weight) << 16) | 1
        } else {
            i as u32 + 1
        }
    }

    /// The look-up table's word for feature `key` (see
    /// [`Model::slot_word`]), if it has weights.
    fn find(&self, key: u32) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut s = key as usize & mask;
        loop {
            let [k, word] = *self.slots.get(s)?;
            if word == 0 {
                return None;
            }
            if k == key {
                return Some(word);
            }
            s = (s + 1) & mask;
        }
    }

    /// The same weights deciding at other thresholds (in thousandths).
    pub fn with_thresholds(self, override_at: u16, drop_at: u16) -> Model<N> {
        Model {
            override_at,
            drop_at,
            ..self
        }
    }

    /// The number of features with weights.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a model without a single weight (it always says "not sure").
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The summed weights of each class for `features`, in steps of the
    /// model's scale (the order of the classes' probabilities).
    pub fn scores(&self, features: &[u32]) -> [i32; N] {
        let mut sum = [0i32; N];
        for f in features {
            let Some(word) = self.find(*f) else {
                continue;
            };
            if N == 1 {
                // The weight, kept in the table (see `slot_word`).
                sum[0] += i32::from((word >> 16) as u16 as i16);
                continue;
            }
            // The entry's weights, read in place.
            let at = (word as usize - 1) * entry(N) + 4;
            if let Some(w) = self.entries.get(at..at + 2 * N) {
                sum.iter_mut()
                    .zip(w.chunks_exact(2))
                    .for_each(|(s, w)| *s += i32::from(i16::from_le_bytes([w[0], w[1]])));
            }
        }
        sum
    }

    /// The summed weights of each class for `features` (the scores a
    /// softmax turns into probabilities; a one-class model, the link
    /// ranker, compares them across choices).
    pub fn sums(&self, features: &[u32]) -> [f32; N] {
        self.scores(features).map(|s| s as f32 * self.scale)
    }

    /// The probability of each class for an example with `features`.
    pub fn probabilities(&self, features: &[u32]) -> [f32; N] {
        softmax(self.sums(features))
    }

    /// True when feature `key` has weights in the model.
    pub fn knows(&self, key: u32) -> bool {
        self.find(key).is_some()
    }

    /// The most probable class for `features` (its index), with its
    /// probability.
    pub fn best(&self, features: &[u32]) -> (usize, f32) {
        let p = self.probabilities(features);
        let best = argmax(&p);
        (best, p[best])
    }

    /// The model's file, starting with `magic`: see the module's
    /// documentation.
    pub fn to_bytes(&self, magic: &[u8; 8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.entries.len());
        out.extend_from_slice(magic);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.override_at.to_le_bytes());
        out.extend_from_slice(&self.drop_at.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.entries);
        out
    }

    /// Reads a model file that starts with `magic`, checking its every
    /// part, into a model of its own.
    pub fn from_bytes(bytes: &[u8], magic: &[u8; 8]) -> Result<Model<N>, ModelError> {
        let (keys, scale, override_at, drop_at) = check::<N>(bytes, magic)?;
        let entries = Cow::Owned(bytes[HEADER..].to_vec());
        Ok(Model::indexed(entries, keys, scale, override_at, drop_at))
    }

    /// [`Model::from_bytes`] of a file that lives as long as the program
    /// (an embedded model), read in place: its weights are not copied.
    pub fn from_static(bytes: &'static [u8], magic: &[u8; 8]) -> Result<Model<N>, ModelError> {
        let (keys, scale, override_at, drop_at) = check::<N>(bytes, magic)?;
        let entries = Cow::Borrowed(&bytes[HEADER..]);
        Ok(Model::indexed(entries, keys, scale, override_at, drop_at))
    }
}

/// What [`check`] reads of a model file: its entries' hashes, its weight
/// scale and its two thresholds.
type Checked = (Vec<u32>, f32, u16, u16);

/// Checks a model file that starts with `magic`, its every part.
fn check<const N: usize>(bytes: &[u8], magic: &[u8; 8]) -> Result<Checked, ModelError> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
    let u32_at =
        |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    if bytes.len() < HEADER {
        return Err(if bytes.starts_with(magic) || magic.starts_with(bytes) {
            ModelError::Length {
                expected: HEADER,
                got: bytes.len(),
            }
        } else {
            ModelError::Magic
        });
    }
    if &bytes[..8] != magic {
        return Err(ModelError::Magic);
    }
    if u16_at(8) != VERSION {
        return Err(ModelError::Version(u16_at(8)));
    }
    let scale = f32::from_bits(u32_at(14));
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ModelError::Scale);
    }
    let n = u32_at(18) as usize;
    let expected = n.checked_mul(entry(N)).and_then(|b| b.checked_add(HEADER));
    if expected != Some(bytes.len()) {
        return Err(ModelError::Length {
            expected: expected.unwrap_or(usize::MAX),
            got: bytes.len(),
        });
    }
    let keys: Vec<u32> = bytes[HEADER..]
        .chunks_exact(entry(N))
        .map(|e| u32::from_le_bytes([e[0], e[1], e[2], e[3]]))
        .collect();
    if let Some(i) = keys.windows(2).position(|w| w[0] >= w[1]) {
        return Err(ModelError::Order(i + 1));
    }
    Ok((keys, scale, u16_at(10), u16_at(12)))
}

impl Model {
    /// The most probable kind label for `features`, with its probability.
    pub fn predict(&self, features: &[u32]) -> (Label, f32) {
        let (best, p) = self.best(features);
        (Label::ALL[best], p)
    }
}

/// The index of the largest of `values`, the first among equals (0 when
/// there are none).
pub fn argmax<T: PartialOrd>(values: &[T]) -> usize {
    (1..values.len()).fold(0, |b, i| if values[i] > values[b] { i } else { b })
}

/// The step of the 16-bit weights: the largest weight is `i16::MAX` steps.
fn scale_of<const N: usize>(weights: &[(u32, [f64; N])]) -> f32 {
    let max = weights
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(0f64, |m, w| m.max(w.abs()));
    let scale = (max / f64::from(i16::MAX)) as f32;
    if scale > 0.0 && scale.is_finite() {
        scale
    } else {
        1.0
    }
}

/// A weight in steps of `scale`.
fn quantize(x: f64, scale: f64) -> i16 {
    (x / scale)
        .round()
        .clamp(-f64::from(i16::MAX), f64::from(i16::MAX)) as i16
}

/// Scores to probabilities.
pub fn softmax<const N: usize>(score: [f32; N]) -> [f32; N] {
    let max = score.iter().fold(f32::NEG_INFINITY, |m, &s| m.max(s));
    let e = score.map(|s| (s - max).exp());
    let sum: f32 = e.iter().sum();
    e.map(|x| x / sum)
}

/// The model a measuring knob chooses: the file the environment variable
/// `var` names, none when it is `off`, else the `embedded` file; either
/// must start with `magic`. A file that fails to load is said once on
/// stderr (naming the `what` model) and not used.
pub fn chosen<const N: usize>(
    var: &str,
    embedded: &'static [u8],
    magic: &[u8; 8],
    what: &str,
) -> Option<Model<N>> {
    let chosen = match std::env::var_os(var) {
        None => Model::from_static(embedded, magic).map_err(|e| e.to_string()),
        Some(v) if v == "off" => return None,
        Some(path) => std::fs::read(&path)
            .map_err(|e| format!("{}: {e}", path.to_string_lossy()))
            .and_then(|bytes| Model::from_bytes(&bytes, magic).map_err(|e| e.to_string())),
    };
    match chosen {
        Ok(model) => Some(model),
        Err(e) => {
            #[expect(
                clippy::print_stderr,
                reason = "a measuring knob: the one place the annotator can say its model file was not used"
            )]
            {
                eprintln!("gloss: {what} model not used: {e}");
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Model {
        Model::new(
            vec![
                (7, [1.5, -0.25, 0.0, 0.125]),
                (3, [0.0, 2.0, -1.0, 0.5]),
                (7, [0.5, 0.0, 0.0, 0.0]),
            ],
            750,
            1001,
        )
    }

    #[test]
    fn a_model_reads_back_from_its_bytes() {
        let m = sample();
        assert_eq!(m.len(), 2);
        let bytes = m.to_bytes(KINDS);
        assert_eq!(bytes.len(), HEADER + 2 * entry(Label::COUNT));
        let back = Model::from_bytes(&bytes, KINDS).expect("reads");
        assert_eq!(back, m);
        assert_eq!(back.to_bytes(KINDS), bytes);
        assert_eq!(back.predict(&[7]).0, Label::Person);
        assert_eq!(back.predict(&[3, 99]).0, Label::Organization);
    }

    #[test]
    fn a_broken_file_is_an_error() {
        let bytes = sample().to_bytes(KINDS);
        let read = |b: &[u8]| Model::<4>::from_bytes(b, KINDS);
        assert_eq!(read(b"nonsense"), Err(ModelError::Magic));
        assert_eq!(Model::<4>::from_bytes(&bytes, TAGS), Err(ModelError::Magic));
        assert_eq!(
            read(&bytes[..5]),
            Err(ModelError::Length {
                expected: HEADER,
                got: 5
            })
        );
        assert!(matches!(
            read(&bytes[..bytes.len() - 1]),
            Err(ModelError::Length { .. })
        ));
        let mut old = bytes.clone();
        old[8] = 9;
        assert_eq!(read(&old), Err(ModelError::Version(9)));
        let mut swapped = bytes.clone();
        swapped[HEADER..HEADER + 4].copy_from_slice(&100u32.to_le_bytes());
        assert_eq!(read(&swapped), Err(ModelError::Order(1)));
    }
}
