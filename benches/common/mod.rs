//! The news corpus the benchmarks share: the GUM dev texts
//! (`../shared/data/gum-news-dev/*.txt` beside the repository, CC-BY) when
//! they are there, else the articles in `sample/`, joined by blank lines and
//! repeated to a size.

use std::path::{Path, PathBuf};

/// One mebibyte.
pub const MB: usize = 1024 * 1024;

/// The `.txt` files in `dir`, sorted, or none when it cannot be read.
fn texts_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// `parts` joined by blank lines and repeated until at least `size` bytes.
pub fn repeat_to(parts: &[String], size: usize) -> String {
    let mut out = String::with_capacity(size + size / 4);
    while out.len() < size {
        for p in parts {
            out.push_str(p.trim());
            out.push_str("\n\n");
        }
    }
    out
}

/// The news corpus of at least `size` bytes, and where it came from.
pub fn corpus(size: usize) -> (String, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = texts_in(&root.join("../shared/data/gum-news-dev"));
    if dev.is_empty() {
        (
            repeat_to(&texts_in(&root.join("sample")), size),
            "sample/*.txt",
        )
    } else {
        (repeat_to(&dev, size), "gum-news-dev/*.txt")
    }
}

/// The repository file `name`.
#[allow(dead_code)] // used by one bench only
pub fn file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
