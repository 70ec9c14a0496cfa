//! The reader's state holds no presentation: no file under `src/app/`
//! uses ratatui's styles or the colour themes. The state names its theme
//! ([`gloss::app::ThemeChoice`]); the ui holds the parsed themes and
//! draws the state in the one it names. The state's tests may draw frames,
//! so they are left out.

use std::path::{Path, PathBuf};

/// The Rust files under `dir`, at any depth.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

#[test]
fn the_app_uses_neither_styles_nor_themes() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let files = rust_files(&app);
    assert!(files.len() > 5, "{files:?}");
    let mut found = Vec::new();
    for file in files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "tests.rs" || name.ends_with("_tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a readable file");
        for (i, line) in text.lines().enumerate() {
            if line.contains("ratatui::style") || line.contains("crate::theme") {
                found.push(format!("{}:{}: {line}", file.display(), i + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "presentation in the app:\n{}",
        found.join("\n")
    );
}
