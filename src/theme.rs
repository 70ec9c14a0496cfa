//! Colour themes.

/// The list printed by `gloss themes`.
pub fn list() -> String {
    String::new()
}
