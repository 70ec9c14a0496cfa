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

/// Key sequences bound to actions.
#[derive(Clone, Debug)]
pub struct Keymap {
    /// Bindings in the order of [`COMMANDS`].
    bindings: Vec<(Vec<Key>, Action)>,
}

impl Keymap {
    /// The default keymap.
    pub fn default_keymap() -> Self {
        Self::from_toml(DEFAULT_KEYMAP).expect("the embedded keymap is valid (tested)")
    }

    /// Parses a keymap file: `action_name = ["keys", ...]`.
    pub fn from_toml(src: &str) -> Result<Self, String> {
        let table: BTreeMap<String, Vec<String>> =
            toml::from_str(src).map_err(|e| format!("keymap: {}", e.message().trim()))?;
        let mut bindings = Vec::new();
        for (action, name, _) in COMMANDS {
            for keys in table.get(*name).into_iter().flatten() {
                let seq = parse_keys(keys).map_err(|e| format!("keymap: {name}: {e}"))?;
                if seq.is_empty() {
                    return Err(format!("keymap: {name}: an empty key"));
                }
                bindings.push((seq, action.clone()));
            }
        }
        if let Some(unknown) = table.keys().find(|k| Action::from_name(k).is_none()) {
            return Err(format!("keymap: `{unknown}` is not an action"));
        }
        Ok(Self { bindings })
    }

    /// The default keymap with the keymap file `src` laid over it: an action
    /// the file names gets exactly the file's keys, and a key the file binds
    /// leaves whatever action it had by default.
    pub fn with_overrides(src: &str) -> Result<Self, String> {
        let user = Self::from_toml(src)?;
        let mut bindings = user.bindings.clone();
        for (seq, action) in Self::default_keymap().bindings {
            let renamed = user.bindings.iter().any(|(_, a)| *a == action);
            let taken = user.bindings.iter().any(|(k, _)| *k == seq);
            if !renamed && !taken {
                bindings.push((seq, action));
            }
        }
        Ok(Self { bindings })
    }

    /// The keymap of the reader: the default, with the user's keymap file
    /// ([`user_file`]) laid over it when there is one. A broken file gives
    /// the default keymap and a message saying what is wrong.
    pub fn load() -> (Self, Option<String>) {
        let Some(path) = user_file().filter(|p| p.is_file()) else {
            return (Self::default_keymap(), None);
        };
        let loaded = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|src| Self::with_overrides(&src));
        match loaded {
            Ok(km) => (km, None),
            Err(e) => (
                Self::default_keymap(),
                Some(format!("{}: {e} · using the default keys", path.display())),
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

/// The user's keymap file: `keymap.toml` in gloss's configuration folder.
pub fn user_file() -> Option<std::path::PathBuf> {
    crate::theme::config_dir().map(|d| d.join("keymap.toml"))
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
        let km = Keymap::with_overrides("quit = [\"x\"]\nsearch = [\"j\", \"/\"]").unwrap();
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
