//! The export menu (`e`): choose a format, edit where to write (beside the
//! article by default), confirm before replacing a file, write atomically.

use std::path::{Path, PathBuf};

use super::App;
use super::notes::home_relative;
use super::popup::{InputFor, MenuItem, Popup, Step};
use crate::document::Document;
use crate::export::{self, Format};
use crate::store::disk::OpenFiles;

/// `e`: the menu of formats.
pub(super) fn menu(app: &mut App) {
    app.popup = Some(Popup::Menu {
        title: "Export annotations and notes".into(),
        items: Format::ALL
            .iter()
            .map(|&f| MenuItem {
                key: menu_key(f),
                label: f.label().to_owned(),
                step: Step::AskExportPath(f),
            })
            .collect(),
    });
}

/// The key of `format` in the export menu.
const fn menu_key(format: Format) -> char {
    match format {
        Format::Markdown => 'm',
        Format::Json => 'j',
        Format::W3c => 'w',
        Format::Brat => 'b',
        Format::Csv => 'c',
    }
}

/// Asks where to write `format`, prefilled beside the article.
pub(super) fn ask_path(app: &mut App, format: Format) {
    let text = default_path(&app.doc, &app.open_files, format)
        .display()
        .to_string();
    ask(app, format, text);
}

/// Opens the prompt for the export path with `text` in it.
fn ask(app: &mut App, format: Format, text: String) {
    app.popup = Some(Popup::Input {
        title: format!("Export {} to", format.label()),
        text,
        purpose: InputFor::ExportPath(format),
    });
}

/// Where an export goes unless the reader says otherwise: beside the
/// article, named like it with the format's extension; for standard input
/// or the bundled sample, in the current folder. A name that would be one
/// of the `open` files (a Markdown report of a Markdown article, the text
/// copy of a brat export of a `.txt` article that is not UTF-8) gets
/// `.export` before the extension: `river-treaty.export.md`.
pub fn default_path(doc: &Document, open: &OpenFiles, format: Format) -> PathBuf {
    let source = Path::new(&doc.source);
    let base = if doc.source == "-" {
        PathBuf::from("stdin")
    } else if source.is_file() {
        source.to_path_buf()
    } else {
        source
            .file_name()
            .map_or_else(|| PathBuf::from("article"), PathBuf::from)
    };
    let plain = base.with_extension(format.extension());
    if clashes(doc, open, format, &plain) {
        base.with_extension(format!("export.{}", format.extension()))
    } else {
        plain
    }
}

/// True when an export of `format` to `path` would write one of the
/// `open` files (for brat, a text copy that is open is fine when it holds
/// the text already: nothing is written to it).
fn clashes(doc: &Document, open: &OpenFiles, format: Format, path: &Path) -> bool {
    if format != Format::Brat {
        return open.find(path).is_some();
    }
    let (ann, txt) = export::brat::file_pair(path);
    open.find(&ann).is_some()
        || (open.find(&txt).is_some()
            && std::fs::read(&txt).ok().as_deref() != Some(doc.text.as_bytes()))
}

/// The file an export to `path` writes (brat: the `.ann` of
/// [`export::brat::file_pair`]).
fn target_file(format: Format, path: &str) -> PathBuf {
    let p = PathBuf::from(path);
    if format == Format::Brat {
        export::brat::file_pair(&p).0
    } else {
        p
    }
}

/// The path was typed: one of the files gloss has open is refused (the
/// prompt stays, to choose another name); an existing file is replaced
/// only after asking; else the export is written.
pub(super) fn submit_path(app: &mut App, format: Format, path: &str) {
    let path = path.trim();
    if path.is_empty() {
        app.message = "export cancelled: no file named".into();
        return;
    }
    let file = target_file(format, path);
    if clashes(&app.doc, &app.open_files, format, &app.folder.join(path)) {
        app.message = format!(
            "{} is a file gloss has open (the article or its notes); choose another name",
            home_relative(&file)
        );
        ask(app, format, path.to_owned());
        return;
    }
    if app.folder.join(&file).exists() {
        app.popup = Some(Popup::Confirm {
            question: format!("{} exists. Replace it?", home_relative(&file)),
            yes: Step::Export(format, path.to_owned(), true),
            no: format!("not exported: {} is left as it was", home_relative(&file)),
        });
        return;
    }
    write(app, format, path, false);
}

/// Writes the export to `path` (relative to [`App::folder`]); `replace`:
/// the reader agreed to replace it.
pub(super) fn write(app: &mut App, format: Format, path: &str, replace: bool) {
    let ann = &app.ann;
    let notes = app.store.notes_json(ann);
    let doc = &app.doc;
    let out = format.render(doc, ann, notes);
    let file = target_file(format, path);
    let result = if format == Format::Brat {
        crate::write::brat(&app.folder.join(path), doc, &out, &app.open_files).map(drop)
    } else {
        let target = app.folder.join(&file);
        app.open_files
            .write(&target, replace, |w| w.write_all(out.as_bytes()))
            .map_err(|e| crate::write::WriteError::Io(file.clone(), e))
    };
    app.message = match result {
        Ok(()) if format == Format::Brat => format!(
            "exported to {} (text in {})",
            home_relative(&file),
            home_relative(&export::brat::file_pair(&file).1)
        ),
        Ok(()) => format!("exported to {}", home_relative(&file)),
        Err(e) => format!("export failed: {e}"),
    };
}
