//! Where gloss looks for the user's own files: the keymap ([`crate::keymap`])
//! and themes ([`crate::theme`]) read them from one configuration folder.

use std::path::PathBuf;

/// gloss's configuration folder, for its keymap and themes: `gloss` in the
/// platform's configuration folder (`$XDG_CONFIG_HOME` when it is an
/// absolute path, else `~/.config`, as the XDG base directory rules say).
pub fn dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("gloss"))
}
