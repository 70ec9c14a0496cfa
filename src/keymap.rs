//! Keys and the keymap: key notation (`j`, `<C-d>`, `]e`), the default
//! bindings (embedded from `keymap.toml`), and resolving typed keys to
//! [`Action`]s.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, COMMANDS};

/// The default bindings: action name → keys.
const DEFAULT_KEYMAP: &str = include_str!("keymap.toml");

/// One key press: a key and its modifiers, normalised so that the same key
/// typed on a terminal and written in notation compare equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control, Alt; Shift only for keys that are not characters.
    pub mods: KeyModifiers,
}

impl Key {
    /// Builds a normalised key.
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            // The terminal already applied Shift to the character.
            KeyCode::Char(_) | KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                code
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, mods }
    }

    /// A plain character key.
    pub fn char(c: char) -> Self {
        Self::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// The key of a terminal event, or `None` for releases and repeats we ignore.
    pub fn from_event(ev: KeyEvent) -> Option<Self> {
        (ev.kind != KeyEventKind::Release).then(|| Self::new(ev.code, ev.modifiers))
    }

    /// The key in vim notation, as the keymap and `--keys` write it.
    pub fn notation(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char('<') => "lt".to_owned(),
            KeyCode::Char(c) if self.mods.is_empty() => return c.to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::BackTab => "S-Tab".to_owned(),
            code => NAMED
                .iter()
                .find(|(_, k)| *k == code)
                .map_or_else(|| format!("{code:?}"), |(n, _)| (*n).to_owned()),
        };
        let mut out = String::from("<");
        for (flag, p) in [
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            if self.mods.contains(flag) {
                out.push_str(p);
            }
        }
        out.push_str(&name);
        out.push('>');
        out
    }

    /// The key as the help overlay shows it (arrows as arrows).
    pub fn label(self) -> String {
        match (self.code, self.mods.is_empty()) {
            (KeyCode::Down, true) => "↓".into(),
            (KeyCode::Up, true) => "↑".into(),
            (KeyCode::PageDown, true) => "PgDn".into(),
            (KeyCode::PageUp, true) => "PgUp".into(),
            (KeyCode::Enter, true) => "Enter".into(),
            _ => self.notation(),
        }
    }
}

/// Named keys of the notation (matched case-insensitively).
const NAMED: &[(&str, KeyCode)] = &[
    ("CR", KeyCode::Enter),
    ("Enter", KeyCode::Enter),
    ("Return", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BS", KeyCode::Backspace),
    ("Backspace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("PageDown", KeyCode::PageDown),
    ("PageUp", KeyCode::PageUp),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("Del", KeyCode::Delete),
    ("Space", KeyCode::Char(' ')),
    ("lt", KeyCode::Char('<')),
    ("Bar", KeyCode::Char('|')),
];

/// Parses keys in vim notation: characters as themselves, `<Name>` for
/// named keys, `<C-x>` `<A-x>` `<S-x>` for modifiers, `<lt>` for `<`.
pub fn parse_keys(s: &str) -> Result<Vec<Key>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c != '<' {
            out.push(Key::char(c));
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let close = rest.find('>').ok_or_else(|| {
            format!("`{rest}`: `<` opens a key name that is never closed (write `<lt>` for `<`)")
        })?;
        let inner = &rest[1..close];
        out.push(parse_named(inner).ok_or_else(|| format!("`<{inner}>` is not a key"))?);
        rest = &rest[close + 1..];
    }
    Ok(out)
}

/// Parses the inside of `<...>`.
fn parse_named(inner: &str) -> Option<Key> {
    let mut mods = KeyModifiers::NONE;
    let mut name = inner;
    // Modifier prefixes: "C-", "A-", "M-", "S-"; "<C-->" is Control and '-'.
    while name.len() > 2 && name.as_bytes()[1] == b'-' {
        mods |= match name.as_bytes()[0].to_ascii_uppercase() {
            b'C' => KeyModifiers::CONTROL,
            b'A' | b'M' => KeyModifiers::ALT,
            b'S' => KeyModifiers::SHIFT,
            _ => return None,
        };
        name = &name[2..];
    }
    if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
        return Some(Key::new(*code, mods));
    }
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !mods.is_empty() => {
            let c = if mods.contains(KeyModifiers::SHIFT) {
                c.to_ascii_uppercase()
            } else {
                c
            };
            Some(Key::new(KeyCode::Char(c), mods))
        }
        _ => None,
    }
}

/// What a typed key sequence means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A complete binding.
    Action(Action),
    /// The start of one or more bindings; wait for more keys.
    Pending,
    /// Nothing is bound to it.
    Unbound,
}

/// A key sequence and the action it is bound to.
type Binding = (Vec<Key>, Action);

/// Key sequences bound to actions.
#[derive(Clone, Debug)]
pub struct Keymap {
    /// Bindings in the order of [`COMMANDS`].
    bindings: Vec<Binding>,
}

impl Keymap {
    /// The default keymap.
    pub fn default_keymap() -> Self {
        Self::from_toml(DEFAULT_KEYMAP).expect("the embedded keymap is valid (tested)")
    }

    /// Parses a keymap file: `action_name = ["keys", ...]`.
    pub fn from_toml(src: &str) -> Result<Self, String> {
        Ok(Self {
            bindings: parse_file(src)?.0,
        })
    }

    /// The default keymap with the keymap file `src` laid over it, and what
    /// is wrong with it. An action the file names gets exactly the file's
    /// keys, and a key the file binds leaves whatever action it had by
    /// default. There is always a way out: [`QUIT_KEY`] quits whatever the
    /// file says, and if the file leaves `quit` without a key, it keeps its
    /// default keys. A key the file binds to two actions stays with the one
    /// listed first in the help, and a key that starts a longer sequence
    /// hides it: both are reported, naming the actions.
    pub fn with_overrides(src: &str) -> Result<(Self, Vec<String>), String> {
        let (user, named) = parse_file(src)?;
        let mut problems = Vec::new();
        let mut bindings: Vec<Binding> = Vec::new();
        for (seq, action) in user {
            match bindings.iter().find(|(k, _)| *k == seq) {
                Some((_, first)) => problems.push(format!(
                    "{} is bound to both {} and {}; it stays {}",
                    notation(&seq),
                    name(first),
                    name(&action),
                    name(first)
                )),
                None => bindings.push((seq, action)),
            }
        }
        let quit = parse_keys(QUIT_KEY).expect("valid notation");
        if let Some(i) = bindings.iter().position(|(k, _)| *k == quit) {
            let (_, other) = bindings.remove(i);
            if other != Action::Quit {
                problems.push(format!(
                    "{QUIT_KEY} always quits; it is not {}",
                    name(&other)
                ));
            }
        }
        let quit_lost =
            named.contains(&Action::Quit) && !bindings.iter().any(|(_, a)| *a == Action::Quit);
        if quit_lost {
            problems.push("quit has no key; it keeps its default keys".to_owned());
        }
        let mut merged = bindings.clone();
        for (seq, action) in Self::default_keymap().bindings {
            let own = named.contains(&action) && !(action == Action::Quit && quit_lost);
            let taken = bindings.iter().any(|(k, _)| *k == seq);
            if !own && !taken && seq != quit {
                merged.push((seq, action));
            }
        }
        merged.push((quit, Action::Quit));
        for (seq, action) in &bindings {
            let hidden: Vec<String> = merged
                .iter()
                .filter(|(k, _)| k.len() > seq.len() && k.starts_with(seq))
                .map(|(k, a)| format!("{} ({})", notation(k), name(a)))
                .collect();
            if !hidden.is_empty() {
                problems.push(format!(
                    "{} ({}) hides {}",
                    notation(seq),
                    name(action),
                    hidden.join(", ")
                ));
            }
        }
        Ok((Self { bindings: merged }, problems))
    }

    /// The keymap of the reader: the default, with the user's keymap file
    /// ([`user_file`]) laid over it when there is one, and what is wrong
    /// with the file, one line each naming it. A broken file gives the
    /// default keymap.
    pub fn load() -> (Self, Vec<String>) {
        let Some(path) = user_file().filter(|p| p.is_file()) else {
            return (Self::default_keymap(), Vec::new());
        };
        let shown = crate::document::sanitize::clean_line(&path.to_string_lossy()).into_owned();
        let loaded = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|src| Self::with_overrides(&src));
        match loaded {
            Ok((km, problems)) => (
                km,
                problems
                    .into_iter()
                    .map(|p| format!("{shown}: keymap: {p}"))
                    .collect(),
            ),
            Err(e) => (
                Self::default_keymap(),
                vec![format!("{shown}: {e} · using the default keys")],
            ),
        }
    }

    /// What the keys `seq` mean.
    pub fn resolve(&self, seq: &[Key]) -> Resolved {
        if let Some((_, a)) = self.bindings.iter().find(|(k, _)| k == seq) {
            return Resolved::Action(a.clone());
        }
        if self
            .bindings
            .iter()
            .any(|(k, _)| k.len() > seq.len() && k.starts_with(seq))
        {
            return Resolved::Pending;
        }
        Resolved::Unbound
    }

    /// The keys bound to `action`.
    pub fn keys_for(&self, action: &Action) -> Vec<&[Key]> {
        self.bindings
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| k.as_slice())
            .collect()
    }

    /// The bindings that continue the typed `prefix`: (next key, action).
    pub fn continuations(&self, prefix: &[Key]) -> Vec<(Key, &Action)> {
        self.bindings
            .iter()
            .filter(|(k, _)| k.len() == prefix.len() + 1 && k.starts_with(prefix))
            .map(|(k, a)| (k[prefix.len()], a))
            .collect()
    }
}

/// Parses a keymap file: its bindings in the order of [`COMMANDS`], and the
/// actions it names (with an empty list too).
fn parse_file(src: &str) -> Result<(Vec<Binding>, Vec<Action>), String> {
    let table: BTreeMap<String, Vec<String>> =
        toml::from_str(src).map_err(|e| format!("keymap: {}", e.message().trim()))?;
    if let Some(unknown) = table.keys().find(|k| Action::from_name(k).is_none()) {
        return Err(format!("keymap: `{unknown}` is not an action"));
    }
    let mut bindings = Vec::new();
    let mut named = Vec::new();
    for (action, name, _) in COMMANDS {
        let Some(list) = table.get(*name) else {
            continue;
        };
        named.push(action.clone());
        for keys in list {
            let seq = parse_keys(keys).map_err(|e| format!("keymap: {name}: {e}"))?;
            if seq.is_empty() {
                return Err(format!("keymap: {name}: an empty key"));
            }
            bindings.push((seq, action.clone()));
        }
    }
    Ok((bindings, named))
}

/// The key that always quits, whatever the user's keymap says.
pub const QUIT_KEY: &str = "<C-c>";

/// The name of a bindable action, as the keymap file writes it.
fn name(action: &Action) -> &'static str {
    COMMANDS
        .iter()
        .find(|(a, _, _)| a == action)
        .map_or("?", |(_, n, _)| n)
}

/// The user's keymap file: `keymap.toml` in gloss's configuration folder.
pub fn user_file() -> Option<std::path::PathBuf> {
    crate::config::dir().map(|d| d.join("keymap.toml"))
}

/// A key sequence in notation, keys joined.
pub fn notation(seq: &[Key]) -> String {
    seq.iter().map(|k| k.notation()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keymap_parses() {
        let km = Keymap::from_toml(DEFAULT_KEYMAP).unwrap();
        assert_eq!(
            km.resolve(&[Key::char('j')]),
            Resolved::Action(Action::ScrollDown)
        );
        assert_eq!(km.resolve(&[Key::char(']')]), Resolved::Pending);
        assert_eq!(
            km.resolve(&parse_keys("]e").unwrap()),
            Resolved::Action(Action::NextEntityMention)
        );
        assert_eq!(km.resolve(&[Key::char('z')]), Resolved::Unbound);
        assert_eq!(km.continuations(&[Key::char(']')]).len(), 4);
        for (action, name, _) in COMMANDS {
            assert!(!km.keys_for(action).is_empty(), "{name} has no key");
        }
    }

    #[test]
    fn notation_parses_and_prints() {
        let keys = parse_keys("a<CR><C-d><S-Tab><lt><Space><A-Left>G").unwrap();
        assert_eq!(notation(&keys), "a<CR><C-d><S-Tab><lt><Space><A-Left>G");
        assert_eq!(keys[3], Key::new(KeyCode::BackTab, KeyModifiers::NONE));
        assert_eq!(
            Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::char('G')
        );
        assert!(parse_keys("<Nope>").is_err());
        assert!(parse_keys("ab<C-d").is_err());
        assert!(parse_keys("<>").is_err());
    }

    #[test]
    fn user_keys_replace_an_actions_keys_and_take_theirs_from_others() {
        let (km, problems) =
            Keymap::with_overrides("quit = [\"x\"]\nsearch = [\"j\", \"/\"]").unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            km.resolve(&[Key::char('x')]),
            Resolved::Action(Action::Quit)
        );
        assert_eq!(km.resolve(&[Key::char('q')]), Resolved::Unbound);
        assert_eq!(
            km.resolve(&[Key::char('j')]),
            Resolved::Action(Action::Search)
        );
        assert_eq!(km.keys_for(&Action::ScrollDown).len(), 1);
        assert_eq!(
            km.resolve(&parse_keys("]e").unwrap()),
            Resolved::Action(Action::NextEntityMention)
        );
        assert!(Keymap::with_overrides("quit = [\"<Bad>\"]").is_err());
    }

    #[test]
    fn there_is_always_a_way_out() {
        let quit = || Resolved::Action(Action::Quit);
        let ctrl_c = parse_keys(QUIT_KEY).unwrap();
        // `q` taken by help: `<C-c>` still quits, and `q` is help.
        let (km, problems) = Keymap::with_overrides("help = [\"q\"]").unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(km.resolve(&ctrl_c), quit());
        assert_eq!(
            km.resolve(&[Key::char('q')]),
            Resolved::Action(Action::Help)
        );
        // `<C-c>` bound elsewhere: it quits all the same, and that is said.
        let (km, problems) =
            Keymap::with_overrides("help = [\"q\", \"<C-c>\"]\nquit = [\"x\"]").unwrap();
        assert_eq!(km.resolve(&ctrl_c), quit());
        assert_eq!(km.resolve(&[Key::char('x')]), quit());
        assert_eq!(problems, ["<C-c> always quits; it is not help"]);
        // Quit left without a key keeps its default keys.
        let (km, problems) = Keymap::with_overrides("quit = []").unwrap();
        assert_eq!(km.resolve(&[Key::char('q')]), quit());
        assert_eq!(problems, ["quit has no key; it keeps its default keys"]);
        // Quit's only key bound first to another action: the same.
        let (km, problems) = Keymap::with_overrides("help = [\"q\"]\nquit = [\"q\"]").unwrap();
        assert_eq!(km.resolve(&ctrl_c), quit());
        assert_eq!(
            problems,
            [
                "q is bound to both help and quit; it stays help",
                "quit has no key; it keeps its default keys"
            ]
        );
    }

    #[test]
    fn conflicts_name_both_actions() {
        let (km, problems) =
            Keymap::with_overrides("top = [\"x\"]\nbottom = [\"x\", \"G\"]").unwrap();
        assert_eq!(
            problems,
            ["x is bound to both top and bottom; it stays top"]
        );
        assert_eq!(km.resolve(&[Key::char('x')]), Resolved::Action(Action::Top));
        let (_, problems) = Keymap::with_overrides("help = [\"]\"]").unwrap();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("] (help) hides ]e (next_entity_mention), ]c"),
            "{problems:?}"
        );
        // Another action can be left without keys on purpose.
        let (km, problems) = Keymap::with_overrides("search = []").unwrap();
        assert!(problems.is_empty());
        assert!(km.keys_for(&Action::Search).is_empty());
    }

    #[test]
    fn unknown_actions_and_keys_are_reported() {
        assert!(
            Keymap::from_toml("fly = [\"f\"]")
                .unwrap_err()
                .contains("`fly`")
        );
        assert!(
            Keymap::from_toml("quit = [\"<Foo>\"]")
                .unwrap_err()
                .contains("<Foo>")
        );
    }
}
