//! The export menu (`e`): choose a format, edit where to write (beside the
//! article by default), confirm before replacing a file, write atomically.

use std::path::{Path, PathBuf};

use super::App;
use super::notes::home_relative;
use super::popup::{InputFor, MenuItem, Popup, Step};
use crate::document::Document;
use crate::export::{self, Format};

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
    app.popup = Some(Popup::Input {
        title: format!("Export {} to", format.label()),
        text: default_path(&app.doc, format).display().to_string(),
        purpose: InputFor::ExportPath(format),
    });
}

/// Where an export goes unless the reader says otherwise: beside the
/// article, named like it; for standard input or the bundled sample, in
/// the current folder.
pub fn default_path(doc: &Document, format: Format) -> PathBuf {
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
    base.with_extension(format.extension())
}

/// The file an export to `path` writes (brat: `.ann` is added when missing).
fn target_file(format: Format, path: &str) -> PathBuf {
    let p = PathBuf::from(path);
    if format == Format::Brat {
        export::brat::ann_path(&p)
    } else {
        p
    }
}

/// The path was typed: ask before replacing a file, else write.
pub(super) fn submit_path(app: &mut App, format: Format, path: &str) {
    let path = path.trim();
    if path.is_empty() {
        app.message = "export cancelled: no file named".into();
        return;
    }
    let file = target_file(format, path);
    if file.exists() {
        app.popup = Some(Popup::Confirm {
            question: format!("{} exists. Replace it?", home_relative(&file)),
            yes: Step::Export(format, path.to_owned(), true),
            no: format!("not exported: {} is left as it was", home_relative(&file)),
        });
        return;
    }
    write(app, format, path, false);
}

/// Writes the export to `path`; `replace`: the reader agreed to replace it.
pub(super) fn write(app: &mut App, format: Format, path: &str, replace: bool) {
    let ann = &app.ann;
    let notes = app.store.notes_json(ann);
    let doc = &app.doc;
    let out = format.render(doc, ann, notes);
    let file = target_file(format, path);
    let result = if format == Format::Brat {
        export::brat::write_files(&file, doc, &out).map(drop)
    } else {
        crate::store::disk::write_atomic(&file, out.as_bytes(), replace)
            .map_err(|e| format!("{}: {e}", file.display()))
    };
    app.message = match result {
        Ok(()) if format == Format::Brat => format!(
            "exported to {} (text in {})",
            home_relative(&file),
            home_relative(&file.with_extension("txt"))
        ),
        Ok(()) => format!("exported to {}", home_relative(&file)),
        Err(e) => format!("export failed: {e}"),
    };
}
