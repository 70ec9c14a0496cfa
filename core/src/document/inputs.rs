//! Expanding the inputs of a batch command: a directory stands for the
//! articles in it.

use std::path::Path;

use super::LoadError;

/// Extensions of the files a directory contributes to a batch (lowercase).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Expands command-line inputs in order: a directory becomes the files
/// directly in it whose extension is in [`ARTICLE_EXTENSIONS`] (any case),
/// sorted by name (subdirectories are not entered); anything else — a file,
/// `-`, a path that does not exist — stays as named, for loading to judge.
/// A directory that cannot be listed or holds no article is an error in
/// its place, so the other inputs can go on.
pub fn expand_inputs(args: &[String]) -> Vec<Result<String, LoadError>> {
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        let path = Path::new(arg);
        if arg == "-" || !path.is_dir() {
            out.push(Ok(arg.clone()));
            continue;
        }
        match articles_in(path) {
            Ok(files) if files.is_empty() => out.push(Err(LoadError::NoArticles(arg.clone()))),
            Ok(files) => out.extend(files.into_iter().map(Ok)),
            Err(e) => out.push(Err(LoadError::Io(arg.clone(), e))),
        }
    }
    out
}

/// The article files directly in `dir`, sorted by name.
fn articles_in(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_article = path.extension().is_some_and(|e| {
            let e = e.to_string_lossy().to_ascii_lowercase();
            ARTICLE_EXTENSIONS.contains(&e.as_str())
        });
        if is_article && path.is_file() {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_expand_to_their_sorted_articles() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["b.md", "a.txt", "c.HTML", "notes.csv", "z.htm"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.path().join("sub.txt")).expect("mkdir");
        let d = dir.path().to_string_lossy().into_owned();
        let args = vec!["first.txt".to_owned(), d.clone(), "-".to_owned()];
        let got: Vec<String> = expand_inputs(&args)
            .into_iter()
            .map(|r| r.expect("expands"))
            .collect();
        let under = |n: &str| dir.path().join(n).to_string_lossy().into_owned();
        assert_eq!(
            got,
            [
                "first.txt".to_owned(),
                under("a.txt"),
                under("b.md"),
                under("c.HTML"),
                under("z.htm"),
                "-".to_owned()
            ]
        );
    }

    #[test]
    fn a_directory_without_articles_is_an_error_in_its_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path().to_string_lossy().into_owned();
        let got = expand_inputs(&[d.clone(), "x.txt".into()]);
        assert_eq!(
            got[0].as_ref().unwrap_err().to_string(),
            format!("{d}: no .txt, .md or .html files in this directory")
        );
        assert_eq!(got[1].as_ref().ok().map(String::as_str), Some("x.txt"));
    }
}
