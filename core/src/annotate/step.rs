//! The steps of the pipeline, for a progress display: the stages report
//! them as they start, and the pipeline itself only passes them on.

/// A step of the pipeline, reported as it starts, for a progress display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Sentences and tokens.
    Segmenting,
    /// Proper names: capitalised runs, gazetteers, titles.
    Names,
    /// Linking name mentions into actors.
    Linking,
    /// Descriptions ("the North Korean leader") and pronouns.
    Describing,
    /// Quotes and their speakers.
    Quotes,
    /// Commitments and their actors.
    Commitments,
}

impl Step {
    /// About how much of the whole run is done when this step starts, in
    /// percent: the share of time the steps before it take on news text
    /// (measured on 50 MB of the GUM dev articles, see benches/README.md).
    pub fn percent(self) -> u8 {
        match self {
            Step::Segmenting => 0,
            Step::Names => 9,
            Step::Linking => 42,
            Step::Describing => 50,
            Step::Quotes => 72,
            Step::Commitments => 92,
        }
    }
}
