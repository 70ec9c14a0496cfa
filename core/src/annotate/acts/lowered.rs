//! The tokens' text with ASCII letters lowercased, as the act stages
//! compare words, without a lowercase copy of the whole text: most tokens
//! have no capital and are lowercase as they stand, so only the others are
//! copied (a long text of lowercase words costs a bit a token).

use crate::annotate::bits::Bits;
use crate::annotate::segment::Token;

/// The lowercased tokens of a text, for [`Lowered::get`].
#[derive(Debug, Default)]
pub struct Lowered {
    /// For each token, true when it has an ASCII capital.
    capital: Bits,
    /// For each token with a capital, in order, where in `text` its
    /// lowercased copy starts (the copy of the `k`th such token is found
    /// by its rank `k` among them, in constant time).
    starts: Vec<u32>,
    /// The tokens with an ASCII capital, lowercased, one after another.
    text: String,
}

impl Lowered {
    /// Lowercases the tokens `toks` of `text` that have an ASCII capital.
    pub fn new(text: &str, toks: &[Token]) -> Self {
        // One pass finds the tokens with a capital and measures their
        // copies; the copies are then made at their final size, so the
        // lists leave no outgrown copies behind on the heap.
        let mut capital = Bits::default();
        let mut len = 0;
        for t in toks {
            // Tokens lie on character boundaries: their bytes are read
            // without checking them.
            let w = text.as_bytes().get(t.start()..t.end()).unwrap_or(&[]);
            let has = w.iter().any(u8::is_ascii_uppercase);
            capital.push(has);
            if has {
                len += w.len();
            }
        }
        let mut starts = Vec::with_capacity(capital.rank(toks.len()));
        let mut lowered = String::with_capacity(len);
        for k in 0..toks.len().div_ceil(64) {
            let mut block = capital.block(k);
            while block != 0 {
                let t = toks[64 * k + block.trailing_zeros() as usize];
                starts.push(u32::try_from(lowered.len()).unwrap_or(u32::MAX));
                lowered.push_str(text.get(t.start()..t.end()).unwrap_or(""));
                block &= block - 1;
            }
        }
        lowered.make_ascii_lowercase();
        Lowered {
            capital,
            starts,
            text: lowered,
        }
    }

    /// The text of token `i` of `toks` (the tokens this was made of, over
    /// `text`) with its ASCII letters lowercased; empty when out of range.
    // Always inlined: the act stages ask for millions of words, most of
    // them lowercase as written, and the call cost as much as the look-up.
    #[inline(always)]
    pub fn get<'a>(&'a self, text: &'a str, toks: &[Token], i: usize) -> &'a str {
        let Some(&t) = toks.get(i) else {
            return "";
        };
        if !self.capital.get(i) {
            return text.get(t.start()..t.end()).unwrap_or("");
        }
        let at = self
            .starts
            .get(self.capital.rank(i))
            .map_or(0, |&at| at as usize);
        self.text.get(at..at + t.end() - t.start()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_token_reads_as_the_text_lowercased(
            text in "(Said|said|SAID|Über|É|u\\.S\\.|McDonald’s|, |\\. |\n| ){0,200}"
        ) {
            let toks = segment(&text);
            let lowered = Lowered::new(&text, &toks);
            let lower = text.to_ascii_lowercase();
            for (i, t) in toks.iter().enumerate() {
                prop_assert_eq!(lowered.get(&text, &toks, i), &lower[t.start()..t.end()]);
            }
            prop_assert_eq!(lowered.get(&text, &toks, toks.len()), "");
        }
    }

    #[test]
    fn only_tokens_with_a_capital_are_copied() {
        let text = "the minister said so to Kim Jong-un in PARIS.";
        let toks = segment(text);
        let lowered = Lowered::new(text, &toks);
        assert_eq!(lowered.text, "kimjong-unparis");
        let words: Vec<&str> = (0..toks.len())
            .map(|i| lowered.get(text, &toks, i))
            .collect();
        assert_eq!(
            words.join(" "),
            "the minister said so to kim jong-un in paris ."
        );
    }
}
