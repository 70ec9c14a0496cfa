//! Which colour theme the reader shows. The reader knows the themes by name
//! only: their styles belong to the ui (`Themes` in the theme module, parsed once
//! at start), which draws with the one chosen here. `t` moves to the next.

/// A theme as the reader names it in the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeName {
    /// Its name (`--theme NAME`).
    pub name: String,
    /// One line saying what it is for.
    pub description: String,
}

/// The themes `t` cycles through, in order, and the one shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThemeChoice {
    /// The themes, in the order of the ui's list.
    names: Vec<ThemeName>,
    /// The index of the one shown.
    current: usize,
    /// True under `NO_COLOR`: the theme stays colourless.
    no_color: bool,
}

impl ThemeChoice {
    /// Theme `current` of `names` shown; under `no_color` it never changes.
    pub fn new(names: Vec<ThemeName>, current: usize, no_color: bool) -> Self {
        Self {
            current: current.min(names.len().saturating_sub(1)),
            names,
            no_color,
        }
    }

    /// The index of the theme shown, into the list the names came from.
    pub fn current(&self) -> usize {
        self.current
    }

    /// Moves to the next theme, after the last the first, and returns the
    /// status line's message saying which it is.
    pub fn cycle(&mut self) -> String {
        if self.no_color {
            return "NO_COLOR is set: colours stay off".into();
        }
        if self.names.is_empty() {
            return "no colour themes".into();
        }
        self.current = (self.current + 1) % self.names.len();
        let t = &self.names[self.current];
        format!("theme: {} · {}", t.name, t.description)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<ThemeName> {
        n.iter()
            .map(|&name| ThemeName {
                name: name.into(),
                description: format!("{name} ink"),
            })
            .collect()
    }

    #[test]
    fn cycle_goes_through_the_names_and_says_which() {
        let mut c = ThemeChoice::new(names(&["dark", "light", "sepia"]), 1, false);
        assert_eq!(c.cycle(), "theme: sepia · sepia ink");
        assert_eq!(c.current(), 2);
        assert_eq!(c.cycle(), "theme: dark · dark ink");
        assert_eq!(c.current(), 0);
    }

    #[test]
    fn no_color_keeps_the_theme() {
        let mut c = ThemeChoice::new(names(&["monochrome"]), 0, true);
        assert_eq!(c.cycle(), "NO_COLOR is set: colours stay off");
        assert_eq!(c.current(), 0);
        let mut none = ThemeChoice::new(Vec::new(), 3, false);
        assert_eq!(none.current(), 0);
        assert_eq!(none.cycle(), "no colour themes");
    }
}
