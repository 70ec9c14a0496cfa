//! Keys and the keymap: key notation (`j`, `<C-d>`, `]e`), the default
//! bindings (embedded from `keymap.toml`), and resolving typed keys to
//! [`Command`]s, mode by mode.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::command::{Command, Mode};
use crate::document::sanitize::clean_line;

/// The default bindings: command name → keys.
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

    /// The key as a hint names it: a character as itself, else its
    /// [`Key::label`] without the brackets (`Esc`, `C-s`, `S-Tab`).
    pub fn short(self) -> String {
        match self.code {
            KeyCode::Char(c) if self.mods.is_empty() && c != ' ' => c.to_string(),
            _ => {
                let label = self.label();
                label
                    .strip_prefix('<')
                    .and_then(|l| l.strip_suffix('>'))
                    .map_or_else(|| label.clone(), str::to_owned)
            }
        }
    }

    /// The key as the help overlay shows it (arrows as arrows).
    pub fn label(self) -> String {
        match (self.code, self.mods.is_empty()) {
            (KeyCode::Down, true) => "↓".into(),
            (KeyCode::Up, true) => "↑".into(),
            (KeyCode::Left, true) => "←".into(),
            (KeyCode::Right, true) => "→".into(),
            (KeyCode::PageDown, true) => "PgDn".into(),
            (KeyCode::PageUp, true) => "PgUp".into(),
            (KeyCode::Enter, true) => "Enter".into(),
            (KeyCode::Backspace, true) => "Backspace".into(),
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

/// What is wrong with keys in vim notation.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// A `<` with no `>` after it (the rest of the keys from it).
    #[error("`{0}`: `<` opens a key name that is never closed (write `<lt>` for `<`)")]
    Unclosed(String),
    /// A name between `<` and `>` that names no key.
    #[error("`<{0}>` is not a key")]
    NotAKey(String),
}

/// What is wrong with a keymap file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    /// The file could not be read.
    #[error("{0}")]
    Read(String),
    /// The file is no TOML table of key lists.
    #[error("keymap: {0}")]
    Toml(String),
    /// A name that is no command's.
    #[error("keymap: `{0}` is not a command")]
    UnknownCommand(String),
    /// Keys of a command that are not keys.
    #[error("keymap: {0}: {1}")]
    Keys(&'static str, KeyError),
    /// An empty key sequence for a command.
    #[error("keymap: {0}: an empty key")]
    EmptyKey(&'static str),
}

/// Parses keys in vim notation: characters as themselves, `<Name>` for
/// named keys, `<C-x>` `<A-x>` `<S-x>` for modifiers, `<lt>` for `<`.
pub fn parse_keys(s: &str) -> Result<Vec<Key>, KeyError> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c != '<' {
            out.push(Key::char(c));
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let close = rest
            .find('>')
            .ok_or_else(|| KeyError::Unclosed(rest.to_owned()))?;
        let inner = &rest[1..close];
        out.push(parse_named(inner).ok_or_else(|| KeyError::NotAKey(inner.to_owned()))?);
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

/// What a typed key sequence means in a mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A complete binding.
    Command(Command),
    /// The start of one or more bindings; wait for more keys.
    Pending,
    /// Nothing is bound to it.
    Unbound,
}

/// A key sequence and the command it is bound to (in the command's mode).
type Binding = (Vec<Key>, Command);

/// Key sequences bound to commands, mode by mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    /// Bindings in the order of [`Command::ALL`].
    bindings: Vec<Binding>,
}

impl Keymap {
    /// The default keymap.
    pub fn default_keymap() -> Self {
        Self::from_toml(DEFAULT_KEYMAP).expect("the embedded keymap is valid (tested)")
    }

    /// Parses a keymap file: `command_name = ["keys", ...]`.
    pub fn from_toml(src: &str) -> Result<Self, KeymapError> {
        Ok(Self {
            bindings: parse_file(src)?.0,
        })
    }

    /// The default keymap with the keymap file `src` laid over it, and what
    /// is wrong with it. A command the file names gets exactly the file's
    /// keys, and a key the file binds in a mode leaves whatever command it
    /// had there by default. There is always a way out: [`QUIT_KEY`] quits
    /// whatever the file says, and if the file leaves `quit` without a key,
    /// it keeps its default keys. A key the file binds to two commands of
    /// one mode stays with the one listed first in the help, and a key that
    /// starts a longer sequence of its mode (or, while selecting, of the
    /// normal mode) hides it: both are reported, naming the commands.
    pub fn with_overrides(src: &str) -> Result<(Self, Vec<String>), KeymapError> {
        let (user, named) = parse_file(src)?;
        let same = |a: &Binding, seq: &[Key], c: Command| a.0 == seq && a.1.mode() == c.mode();
        let mut problems = Vec::new();
        let mut bindings: Vec<Binding> = Vec::new();
        for (seq, command) in user {
            match bindings.iter().find(|b| same(b, &seq, command)) {
                Some((_, first)) => problems.push(format!(
                    "{} is bound to both {} and {}; it stays {}",
                    notation(&seq),
                    first.name(),
                    command.name(),
                    first.name()
                )),
                None => bindings.push((seq, command)),
            }
        }
        let quit = parse_keys(QUIT_KEY).expect("valid notation");
        if let Some(i) = bindings.iter().position(|b| same(b, &quit, Command::Quit)) {
            let (_, other) = bindings.remove(i);
            if other != Command::Quit {
                problems.push(format!(
                    "{QUIT_KEY} always quits; it is not {}",
                    other.name()
                ));
            }
        }
        let quit_lost =
            named.contains(&Command::Quit) && !bindings.iter().any(|(_, c)| *c == Command::Quit);
        if quit_lost {
            problems.push("quit has no key; it keeps its default keys".to_owned());
        }
        let mut merged = bindings.clone();
        for (seq, command) in Self::default_keymap().bindings {
            let own = named.contains(&command) && !(command == Command::Quit && quit_lost);
            let taken = bindings.iter().any(|b| same(b, &seq, command));
            let quits = command.mode() == Mode::Normal && seq == quit;
            if !own && !taken && !quits {
                merged.push((seq, command));
            }
        }
        merged.push((quit, Command::Quit));
        for (seq, command) in &bindings {
            let hidden: Vec<String> = merged
                .iter()
                .filter(|(k, c)| {
                    command.mode().layers().contains(&c.mode())
                        && k.len() > seq.len()
                        && k.starts_with(seq)
                })
                .map(|(k, c)| format!("{} ({})", notation(k), c.name()))
                .collect();
            if !hidden.is_empty() {
                problems.push(format!(
                    "{} ({}) hides {}",
                    notation(seq),
                    command.name(),
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
        let shown = clean_line(&path.to_string_lossy()).into_owned();
        let loaded = std::fs::read_to_string(&path)
            .map_err(|e| KeymapError::Read(e.to_string()))
            .and_then(|src| Self::with_overrides(&src));
        match loaded {
            Ok((km, problems)) => (
                km,
                problems
                    .into_iter()
                    .map(|p| format!("{shown}: keymap: {}", clean_line(&p)))
                    .collect(),
            ),
            Err(e) => (
                Self::default_keymap(),
                vec![format!(
                    "{shown}: {} · using the default keys",
                    clean_line(&e.to_string())
                )],
            ),
        }
    }

    /// The bindings of `mode`.
    fn in_mode(&self, mode: Mode) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |(_, c)| c.mode() == mode)
    }

    /// What the keys `seq` mean in `mode`.
    pub fn resolve(&self, mode: Mode, seq: &[Key]) -> Resolved {
        if let Some((_, c)) = self.in_mode(mode).find(|(k, _)| k == seq) {
            return Resolved::Command(*c);
        }
        if self
            .in_mode(mode)
            .any(|(k, _)| k.len() > seq.len() && k.starts_with(seq))
        {
            return Resolved::Pending;
        }
        Resolved::Unbound
    }

    /// What the keys `seq` mean in the first of `modes` where they mean
    /// anything.
    pub fn resolve_in(&self, modes: &[Mode], seq: &[Key]) -> Resolved {
        modes
            .iter()
            .map(|&m| self.resolve(m, seq))
            .find(|r| *r != Resolved::Unbound)
            .unwrap_or(Resolved::Unbound)
    }

    /// The keys bound to `command`.
    pub fn keys_for(&self, command: Command) -> Vec<&[Key]> {
        self.bindings
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| k.as_slice())
            .collect()
    }

    /// The key a hint names for `command`: its first key, short
    /// (`Esc`, `C-s`, `]e`), or its name in brackets when it has none.
    pub fn hint(&self, command: Command) -> String {
        self.keys_for(command).first().map_or_else(
            || format!("[{}]", command.name()),
            |seq| seq.iter().map(|k| k.short()).collect(),
        )
    }

    /// `text` with each `{name}` of a command replaced by its [`Keymap::hint`].
    pub fn fill(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let command = after
                .find('}')
                .and_then(|close| Some((Command::from_name(&after[..close])?, close)));
            match command {
                Some((c, close)) => {
                    out.push_str(&self.hint(c));
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The bindings of the `modes` that continue the typed `prefix`: (next
    /// key, command).
    pub fn continuations(&self, modes: &[Mode], prefix: &[Key]) -> Vec<(Key, Command)> {
        self.bindings
            .iter()
            .filter(|(k, c)| {
                modes.contains(&c.mode()) && k.len() == prefix.len() + 1 && k.starts_with(prefix)
            })
            .map(|(k, c)| (k[prefix.len()], *c))
            .collect()
    }
}

/// Parses a keymap file: its bindings in the order of [`Command::ALL`], and
/// the commands it names (with an empty list too).
fn parse_file(src: &str) -> Result<(Vec<Binding>, Vec<Command>), KeymapError> {
    let table: BTreeMap<String, Vec<String>> =
        toml::from_str(src).map_err(|e| KeymapError::Toml(e.message().trim().to_owned()))?;
    if let Some(unknown) = table.keys().find(|k| Command::from_name(k).is_none()) {
        return Err(KeymapError::UnknownCommand(unknown.clone()));
    }
    let mut bindings = Vec::new();
    let mut named = Vec::new();
    for &command in Command::ALL {
        let name = command.name();
        let Some(list) = table.get(name) else {
            continue;
        };
        named.push(command);
        for keys in list {
            let seq = parse_keys(keys).map_err(|e| KeymapError::Keys(name, e))?;
            if seq.is_empty() {
                return Err(KeymapError::EmptyKey(name));
            }
            bindings.push((seq, command));
        }
    }
    Ok((bindings, named))
}

/// The key that always quits in the normal mode, whatever the user's keymap says.
pub const QUIT_KEY: &str = "<C-c>";

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
            km.resolve(Mode::Normal, &[Key::char('j')]),
            Resolved::Command(Command::ScrollDown)
        );
        assert_eq!(
            km.resolve(Mode::Normal, &[Key::char(']')]),
            Resolved::Pending
        );
        assert_eq!(
            km.resolve(Mode::Normal, &parse_keys("]e").unwrap()),
            Resolved::Command(Command::NextEntityMention)
        );
        assert_eq!(
            km.resolve(Mode::Normal, &[Key::char('z')]),
            Resolved::Unbound
        );
        assert_eq!(
            km.continuations(&[Mode::Normal], &[Key::char(']')]).len(),
            6
        );
        for &c in Command::ALL {
            assert!(!km.keys_for(c).is_empty(), "{} has no key", c.name());
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
            km.resolve(Mode::Normal, &[Key::char('x')]),
            Resolved::Command(Command::Quit)
        );
        assert_eq!(
            km.resolve(Mode::Normal, &[Key::char('q')]),
            Resolved::Unbound
        );
        assert_eq!(
            km.resolve(Mode::Normal, &[Key::char('j')]),
            Resolved::Command(Command::Search)
        );
        assert_eq!(km.keys_for(Command::ScrollDown).len(), 1);
        assert_eq!(
            km.resolve(Mode::Normal, &parse_keys("]e").unwrap()),
            Resolved::Command(Command::NextEntityMention)
        );
        assert!(Keymap::with_overrides("quit = [\"<Bad>\"]").is_err());
    }

    #[test]
    fn there_is_always_a_way_out() {
        let quit = || Resolved::Command(Command::Quit);
        let ctrl_c = parse_keys(QUIT_KEY).unwrap();
        // `q` taken by help: `<C-c>` still quits, and `q` is help.
        let (km, problems) = Keymap::with_overrides("help = [\"q\"]").unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(km.resolve(Mode::Normal, &ctrl_c), quit());
        assert_eq!(
            km.resolve(Mode::Normal, &[Key::char('q')]),
            Resolved::Command(Command::Help)
        );
        // `<C-c>` bound elsewhere: it quits all the same, and that is said.
        let (km, problems) =
            Keymap::with_overrides("help = [\"q\", \"<C-c>\"]\nquit = [\"x\"]").unwrap();
        assert_eq!(km.resolve(Mode::Normal, &ctrl_c), quit());
        assert_eq!(km.resolve(Mode::Normal, &[Key::char('x')]), quit());
        assert_eq!(problems, ["<C-c> always quits; it is not help"]);
        // Quit left without a key keeps its default keys.
        let (km, problems) = Keymap::with_overrides("quit = []").unwrap();
        assert_eq!(km.resolve(Mode::Normal, &[Key::char('q')]), quit());
        assert_eq!(problems, ["quit has no key; it keeps its default keys"]);
        // Quit's only key bound first to another action: the same.
        let (km, problems) = Keymap::with_overrides("help = [\"q\"]\nquit = [\"q\"]").unwrap();
        assert_eq!(km.resolve(Mode::Normal, &ctrl_c), quit());
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
        assert_eq!(
            km.resolve(Mode::Normal, &[Key::char('x')]),
            Resolved::Command(Command::Top)
        );
        let (_, problems) = Keymap::with_overrides("help = [\"]\"]").unwrap();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("] (help) hides ]e (next_entity_mention), ]c"),
            "{problems:?}"
        );
        // Another action can be left without keys on purpose.
        let (km, problems) = Keymap::with_overrides("search = []").unwrap();
        assert!(problems.is_empty());
        assert!(km.keys_for(Command::Search).is_empty());
    }

    #[test]
    fn unknown_actions_and_keys_are_reported() {
        assert!(
            Keymap::from_toml("fly = [\"f\"]")
                .unwrap_err()
                .to_string()
                .contains("`fly`")
        );
        assert!(
            Keymap::from_toml("quit = [\"<Foo>\"]")
                .unwrap_err()
                .to_string()
                .contains("<Foo>")
        );
    }

    #[test]
    fn conflicts_are_per_mode() {
        // `x` in the reader and in a prompt: two modes, no conflict.
        let (km, problems) =
            Keymap::with_overrides("top = [\"x\"]\nprompt_clear = [\"x\"]").unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            km.resolve(Mode::Prompt, &[Key::char('x')]),
            Resolved::Command(Command::PromptClear)
        );
        // Twice in the editor: the first keeps it, and both are named.
        let (_, problems) =
            Keymap::with_overrides("editor_save = [\"<C-x>\"]\neditor_cancel = [\"<C-x>\"]")
                .unwrap();
        assert_eq!(
            problems,
            ["<C-x> is bound to both editor_save and editor_cancel; it stays editor_save"]
        );
        // A selection key that starts a reading sequence hides it while selecting.
        let (_, problems) = Keymap::with_overrides("visual_word = [\"]\"]").unwrap();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("] (visual_word) hides ]e (next_entity_mention)"),
            "{problems:?}"
        );
        // A key taken from a command in one mode stays with it in the others.
        let (km, _) = Keymap::with_overrides("visual_word = [\"<Esc>\"]").unwrap();
        assert_eq!(
            km.resolve(Mode::Popup, &parse_keys("<Esc>").unwrap()),
            Resolved::Command(Command::PopupCancel)
        );
        assert_eq!(
            km.resolve_in(&[Mode::Visual, Mode::Normal], &parse_keys("<Esc>").unwrap()),
            Resolved::Command(Command::VisualWord)
        );
    }

    #[test]
    fn every_command_has_a_default_key_in_its_mode() {
        let km = Keymap::default_keymap();
        for &c in Command::ALL {
            for seq in km.keys_for(c) {
                assert_eq!(
                    km.resolve(c.mode(), seq),
                    Resolved::Command(c),
                    "{}",
                    c.name()
                );
            }
        }
    }

    #[test]
    fn hints_fill_in_the_bound_keys() {
        let km = Keymap::default_keymap();
        assert_eq!(km.hint(Command::EditorSave), "C-s");
        assert_eq!(km.hint(Command::PromptSubmit), "Enter");
        assert_eq!(km.hint(Command::NextEntityMention), "]e");
        assert_eq!(km.fill("{help} keys · {nope} · {"), "? keys · {nope} · {");
        let (km, _) = Keymap::with_overrides("search = []").unwrap();
        assert_eq!(km.hint(Command::Search), "[search]");
        // Every `{name}` in a help line names a command.
        for &c in Command::ALL {
            assert!(!km.fill(c.help()).contains('{'), "{}", c.name());
        }
    }

    #[test]
    fn the_readme_lists_every_default_key() {
        let readme = include_str!("../README.md");
        let tables: String = readme
            .lines()
            .filter(|l| l.starts_with("| `"))
            .collect::<Vec<_>>()
            .join("\n");
        let km = Keymap::default_keymap();
        for &c in Command::ALL {
            for seq in km.keys_for(c) {
                let forms = [
                    notation(seq),
                    seq.iter().map(|k| k.label()).collect(),
                    seq.iter().map(|k| k.short()).collect(),
                ];
                assert!(
                    forms.iter().any(|f| tables.contains(&format!("`{f}`"))),
                    "README's key tables lack {} ({})",
                    notation(seq),
                    c.name()
                );
            }
        }
    }

    #[test]
    fn a_bad_user_keymap_is_one_clean_line() {
        // The TOML string "fl\u001b[2Jy" holds an escape character.
        let err = Keymap::with_overrides(r#""fl\u001b[2Jy" = ["f"]"#).unwrap_err();
        let line = clean_line(&err.to_string()).into_owned();
        assert!(
            line.contains("is not a command") && line.contains('␛'),
            "{line}"
        );
        assert!(!line.contains('\n') && !line.contains('\u{1b}'));
        let err = Keymap::with_overrides("quit = [\"<C-\n>\"]").unwrap_err();
        assert!(!clean_line(&err.to_string()).contains('\n'), "{err}");
    }
}
