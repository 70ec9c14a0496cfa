//! Commitments: what an actor pledged, intends, or demands.

use crate::model::{Annotations, Commitment};

/// Finds the commitments of `text`, given its sentences and entities.
pub fn find(_text: &str, _ann: &Annotations) -> Vec<Commitment> {
    Vec::new()
}
