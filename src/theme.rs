//! Colour themes: TOML files under `themes/`, embedded in the binary. They
//! belong to the drawing side: [`choose`] parses them once at start into
//! [`Themes`], which `ui::draw` holds; the reader's state knows them by name
//! only ([`ThemeChoice`]), and `t` moves it to the next.
//!
//! A theme names a [`Style`] for each part of the screen (ratatui's `serde`
//! feature reads `{ fg = "#e69f00", add_modifier = "BOLD" }`). The user
//! may add themes as `NAME.toml` files in [`user_dir`]. When the
//! `NO_COLOR` environment variable is set and not empty, the `monochrome`
//! theme is used and every colour is dropped, so emphasis comes only from
//! bold, italic, underline and reverse.

use std::path::{Path, PathBuf};

use ratatui::style::Style;
use serde::Deserialize;

use crate::app::{ThemeChoice, ThemeName};
use crate::model::EntityKind;

/// The built-in themes, in the order `t` cycles through them: (name, TOML).
const BUILT_IN: &[(&str, &str)] = &[
    ("dark", include_str!("../themes/dark.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
    ("monochrome", include_str!("../themes/monochrome.toml")),
];

/// The theme used when none is named.
pub const DEFAULT: &str = "dark";
/// The theme used when `NO_COLOR` is set.
pub const NO_COLOR_THEME: &str = "monochrome";

/// The styles of every part of the screen.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Styles {
    /// Article text.
    pub text: Style,
    /// Secondary text: counts, roles, hints, paragraph rules.
    pub muted: Style,
    /// Headings in the side pane.
    pub heading: Style,
    /// The article's title line.
    pub title: Style,
    /// Mentions of people.
    pub person: Style,
    /// Mentions of organizations.
    pub organization: Style,
    /// Mentions of places.
    pub place: Style,
    /// Added to every mention of the selected entity.
    pub selected: Style,
    /// Added to the mention under the cursor.
    pub cursor: Style,
    /// Added to a commitment or quote the cursor is on.
    pub target: Style,
    /// Added to search matches.
    pub search: Style,
    /// Added to the search match under the cursor.
    pub search_current: Style,
    /// The status line.
    pub status: Style,
    /// The file name in the status line.
    pub status_file: Style,
    /// Borders and separators.
    pub border: Style,
    /// Side pane tab labels.
    pub tab: Style,
    /// The open side pane tab.
    pub tab_active: Style,
    /// The selected item of the side pane when it has focus.
    pub item_selected: Style,
    /// The mention map's track.
    pub map_track: Style,
    /// The part of the mention map that is on screen.
    pub map_view: Style,
    /// Pledges.
    pub pledge: Style,
    /// Intents.
    pub intent: Style,
    /// Demands.
    pub demand: Style,
    /// Keys in the help overlay and popups.
    pub key: Style,
    /// Popups and the help overlay.
    pub popup: Style,
    /// Added to passages with a note (and every mention of a noted actor).
    pub note: Style,
    /// The note marker beside noted actors and notes in the side pane.
    pub note_mark: Style,
    /// Added to the text being selected (`v`).
    pub visual: Style,
    /// Headings inside a Markdown or HTML article.
    pub article_heading: Style,
    /// Emphasised text (`*x*`, `<em>`).
    pub emphasis: Style,
    /// Strongly emphasised text (`**x**`, `<strong>`).
    pub strong: Style,
    /// Inline code and code blocks.
    pub code: Style,
    /// Link text (the URL is not shown).
    pub link: Style,
    /// Block quotes: their text and the bar before each line.
    pub quote: Style,
}

/// What is wrong with a theme.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    /// Text that is no valid theme file: where (line and column, when
    /// known) and what is wrong.
    #[error("{}{message}", at.map_or(String::new(), |(l, c)| format!("line {l}, column {c}: ")))]
    Invalid {
        /// Line and column, from 1.
        at: Option<(usize, usize)>,
        /// The problem, on one line.
        message: String,
    },
    /// A name that is no theme's, with the valid names.
    #[error("no theme `{name}`; themes: {valid}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The themes there are, joined.
        valid: String,
    },
    /// A theme file (named as the message shows it) that could not be read.
    #[error("theme {0}: {1}")]
    Unreadable(String, String),
    /// A theme file (named as the message shows it) with a problem.
    #[error("theme {0}: {1}")]
    In(String, Box<ThemeError>),
}

/// A theme file.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Its name (`--theme NAME`).
    pub name: String,
    /// One line saying what it is for.
    pub description: String,
    /// Its styles.
    pub styles: Styles,
}

impl Theme {
    /// Parses a theme file.
    pub fn from_toml(src: &str) -> Result<Theme, ThemeError> {
        toml::from_str(src).map_err(|e| {
            let at = e.span().map(|span| {
                let before = &src[..span.start.min(src.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line, column)
            });
            ThemeError::Invalid {
                at,
                message: e.message().trim().replace('\n', "; "),
            }
        })
    }

    /// The built-in theme called `name`, or an error naming the valid ones.
    pub fn named(name: &str) -> Result<Theme, ThemeError> {
        let (_, src) =
            BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or_else(|| ThemeError::Unknown {
                    name: name.to_owned(),
                    valid: names().join(", "),
                })?;
        Theme::from_toml(src).map_err(|e| ThemeError::In(format!("`{name}`"), Box::new(e)))
    }

    /// The style of mentions of `kind`.
    pub fn kind(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.styles.person,
            EntityKind::Organization => self.styles.organization,
            EntityKind::Place => self.styles.place,
        }
    }

    /// The same theme with every colour removed, for `NO_COLOR`.
    pub fn without_colors(mut self) -> Theme {
        for s in self.styles.all_mut() {
            s.fg = None;
            s.bg = None;
        }
        self
    }
}

impl Styles {
    /// Every style, to change them all at once.
    pub fn all_mut(&mut self) -> [&mut Style; 34] {
        [
            &mut self.text,
            &mut self.muted,
            &mut self.heading,
            &mut self.title,
            &mut self.person,
            &mut self.organization,
            &mut self.place,
            &mut self.selected,
            &mut self.cursor,
            &mut self.target,
            &mut self.search,
            &mut self.search_current,
            &mut self.status,
            &mut self.status_file,
            &mut self.border,
            &mut self.tab,
            &mut self.tab_active,
            &mut self.item_selected,
            &mut self.map_track,
            &mut self.map_view,
            &mut self.pledge,
            &mut self.intent,
            &mut self.demand,
            &mut self.key,
            &mut self.popup,
            &mut self.note,
            &mut self.note_mark,
            &mut self.visual,
            &mut self.article_heading,
            &mut self.emphasis,
            &mut self.strong,
            &mut self.code,
            &mut self.link,
            &mut self.quote,
        ]
    }
}

/// True when the `NO_COLOR` environment variable is set and not empty.
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The folder of the user's own themes: `themes` in [`crate::config::dir`].
pub fn user_dir() -> Option<PathBuf> {
    crate::config::dir().map(|d| d.join("themes"))
}

/// The user's theme file called `name`, if the name is a plain file name
/// and the file exists.
fn user_file(name: &str) -> Option<PathBuf> {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let path = user_dir()?.join(format!("{name}.toml"));
    (plain && path.is_file()).then_some(path)
}

/// Reads a user theme file; its name is the file's.
fn read_user(name: &str, path: &Path) -> Result<Theme, ThemeError> {
    let file = format!("{name}.toml");
    let src = std::fs::read_to_string(path)
        .map_err(|e| ThemeError::Unreadable(file.clone(), e.to_string()))?;
    let mut theme = Theme::from_toml(&src).map_err(|e| ThemeError::In(file, Box::new(e)))?;
    theme.name = name.to_owned();
    Ok(theme)
}

/// The themes the reader may show, parsed once at start, in the order `t`
/// cycles through them: the built-in ones, then the user's theme when one
/// was chosen; under `NO_COLOR`, the monochrome theme without colours only.
/// Never empty.
#[derive(Clone, Debug)]
pub struct Themes {
    /// The themes.
    list: Vec<Theme>,
    /// The index of the one to start with.
    start: usize,
    /// True under `NO_COLOR`.
    no_color: bool,
}

impl Themes {
    /// The reader's side of the themes: their names, the one to start
    /// with, and whether colours are off.
    pub fn choice(&self) -> ThemeChoice {
        let names = self
            .list
            .iter()
            .map(|t| ThemeName {
                name: t.name.clone(),
                description: t.description.clone(),
            })
            .collect();
        ThemeChoice::new(names, self.start, self.no_color)
    }

    /// The theme `choice` shows (made by [`Themes::choice`]).
    pub fn shown(&self, choice: &ThemeChoice) -> &Theme {
        &self.list[choice.current().min(self.list.len() - 1)]
    }
}

/// Every built-in theme, parsed.
fn built_in() -> Result<Vec<Theme>, ThemeError> {
    BUILT_IN
        .iter()
        .map(|(name, _)| Theme::named(name))
        .collect()
}

/// The themes, starting with the one called `name`, and a warning for the
/// status line when a user theme file was broken (the default theme is
/// used then). `name` may be a built-in theme or a user theme file; an
/// unknown name is an error naming the valid ones. Under `no_color`, the
/// monochrome theme without colours.
pub fn choose(name: Option<&str>, no_color: bool) -> Result<(Themes, Option<String>), ThemeError> {
    let name = name.unwrap_or(DEFAULT);
    let mut list = built_in()?;
    let position = |n: &str| BUILT_IN.iter().position(|(b, _)| *b == n);
    let (start, warning) = if let Some(i) = position(name) {
        (i, None)
    } else if let Some(path) = user_file(name) {
        match read_user(name, &path) {
            Ok(t) => {
                list.push(t);
                (list.len() - 1, None)
            }
            Err(e) => (
                position(DEFAULT).unwrap_or(0),
                Some(format!("{e} · using the {DEFAULT} theme")),
            ),
        }
    } else {
        let mut valid = names().join(", ");
        for user in user_names() {
            valid += &format!(", {user}");
        }
        return Err(ThemeError::Unknown {
            name: name.to_owned(),
            valid,
        });
    };
    let themes = if no_color {
        Themes {
            list: vec![Theme::named(NO_COLOR_THEME)?.without_colors()],
            start: 0,
            no_color,
        }
    } else {
        Themes {
            list,
            start,
            no_color,
        }
    };
    Ok((themes, warning))
}

/// The names of the built-in themes.
pub fn names() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(n, _)| *n).collect()
}

/// The names of the user's theme files, sorted.
fn user_names() -> Vec<String> {
    let Some(entries) = user_dir().and_then(|d| std::fs::read_dir(d).ok()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| {
            let path = e.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_owned();
            (path.extension()? == "toml" && user_file(&stem).is_some()).then_some(stem)
        })
        .filter(|n| !BUILT_IN.iter().any(|(b, _)| b == n))
        .collect();
    names.sort();
    names
}

/// The list printed by `gloss themes`: one line per theme, name and description.
pub fn list() -> String {
    let mut out = String::new();
    for (name, src) in BUILT_IN {
        let desc =
            Theme::from_toml(src).map_or_else(|e| format!("(broken: {e})"), |t| t.description);
        let mark = if *name == DEFAULT { " (default)" } else { "" };
        out += &format!("{name:<14} {desc}{mark}\n");
    }
    for name in user_names() {
        let desc = user_file(&name)
            .ok_or_else(|| ThemeError::Unreadable(format!("{name}.toml"), "gone".to_owned()))
            .and_then(|p| read_user(&name, &p))
            .map_or_else(|e| format!("(broken: {e})"), |t| t.description);
        let desc = crate::document::sanitize::clean_line(&desc).into_owned();
        out += &format!("{name:<14} {desc} (user theme)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_parses_and_is_named_after_its_file() {
        for (name, src) in BUILT_IN {
            let t = Theme::from_toml(src).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&t.name, name);
            assert_ne!(t.styles.person, t.styles.organization, "{name}");
            assert_ne!(t.styles.organization, t.styles.place, "{name}");
            assert_ne!(t.styles.cursor, Style::default(), "{name}");
            assert_ne!(t.styles.selected, Style::default(), "{name}");
        }
    }

    #[test]
    fn unknown_names_list_the_valid_ones() {
        let e = Theme::named("neon").unwrap_err().to_string();
        assert!(e.contains("dark, light, high-contrast, monochrome"), "{e}");
    }

    #[test]
    fn no_color_means_no_colours_but_emphasis_remains() {
        let colorless = |mut t: Theme| {
            t.styles
                .all_mut()
                .iter()
                .all(|s| s.fg.is_none() && s.bg.is_none())
        };
        let shown = |name: Option<&str>, no_color: bool| {
            let (themes, _) = choose(name, no_color).unwrap();
            themes.shown(&themes.choice()).clone()
        };
        let t = shown(Some("dark"), true);
        assert!(colorless(t.clone()));
        assert!(!t.styles.cursor.add_modifier.is_empty());
        assert!(!colorless(shown(None, false)));
    }

    #[test]
    fn themes_are_parsed_once_and_the_choice_picks_among_them() {
        let (themes, warning) = choose(Some("light"), false).unwrap();
        assert!(warning.is_none());
        let mut choice = themes.choice();
        assert_eq!(themes.shown(&choice).name, "light");
        let message = choice.cycle();
        assert!(message.starts_with("theme: high-contrast · "), "{message}");
        assert_eq!(themes.shown(&choice).name, "high-contrast");
        choice.cycle();
        choice.cycle();
        assert_eq!(themes.shown(&choice).name, "dark");
        let (colourless, _) = choose(Some("light"), true).unwrap();
        let mut choice = colourless.choice();
        assert_eq!(choice.cycle(), "NO_COLOR is set: colours stay off");
        assert_eq!(colourless.shown(&choice).name, NO_COLOR_THEME);
    }

    #[test]
    fn broken_theme_files_get_a_clear_message() {
        let e =
            Theme::from_toml("name = \"x\"\ndescription = \"y\"\n[styles]\nperson = { fg = 3.5 }")
                .unwrap_err()
                .to_string();
        assert!(e.starts_with("line 4, column 17: "), "{e}");
    }

    #[test]
    fn themes_list_names_each_theme() {
        let l = list();
        assert_eq!(l.lines().count(), BUILT_IN.len());
        assert!(l.contains("high-contrast"));
    }
}
