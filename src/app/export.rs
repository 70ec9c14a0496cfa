//! The export menu (`e`): choose a format, edit where to write (beside the
//! article by default), confirm before replacing a file, write atomically.

use std::path::{Path, PathBuf};

use super::App;
use super::notes::home_relative;
use super::popup::{ExportFormat, InputFor, MenuItem, Popup, Step};
use crate::document::Document;
use crate::export;

/// `e`: the menu of formats.
pub(super) fn menu(app: &mut App) {
    app.popup = Some(Popup::Menu {
        title: "Export annotations and notes".into(),
        items: ExportFormat::ALL
            .iter()
            .map(|&f| MenuItem {
                key: f.key(),
                label: f.label().to_owned(),
                step: Step::AskExportPath(f),
            })
            .collect(),
    });
}

/// Asks where to write `format`, prefilled beside the article.
pub(super) fn ask_path(app: &mut App, format: ExportFormat) {
    app.popup = Some(Popup::Input {
        title: format!("Export {} to", format.label()),
        text: default_path(&app.doc, format).display().to_string(),
        purpose: InputFor::ExportPath(format),
    });
}

/// Where an export goes unless the reader says otherwise: beside the
/// article, named like it; for standard input or the bundled sample, in
/// the current folder.
pub fn default_path(doc: &Document, format: ExportFormat) -> PathBuf {
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
fn target_file(format: ExportFormat, path: &str) -> PathBuf {
    let p = PathBuf::from(path);
    if format == ExportFormat::Brat && p.extension().is_none_or(|e| e != "ann") {
        p.with_extension("ann")
    } else {
        p
    }
}

/// The path was typed: ask before replacing a file, else write.
pub(super) fn submit_path(app: &mut App, format: ExportFormat, path: &str) {
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
pub(super) fn write(app: &mut App, format: ExportFormat, path: &str, replace: bool) {
    let ann = &app.ann;
    let notes = app.store.notes_json(ann);
    let doc = &app.doc;
    let out = match format {
        ExportFormat::Markdown => export::markdown::export(doc, ann, &notes),
        ExportFormat::Json => export::json::to_string(doc, ann, notes),
        ExportFormat::W3c => export::w3c::export(doc, ann, &notes),
        ExportFormat::Brat => export::brat::export(doc, ann, &notes),
        ExportFormat::Csv => export::csv::export(doc, ann),
    };
    let file = target_file(format, path);
    let result = if format == ExportFormat::Brat {
        crate::cli::emit_brat(path, doc, &out).map_err(|f| f.message)
    } else {
        crate::store::disk::write_atomic(&file, out.as_bytes(), replace)
            .map_err(|e| format!("{}: {e}", file.display()))
    };
    app.message = match result {
        Ok(()) if format == ExportFormat::Brat => format!(
            "exported to {} (text in {})",
            home_relative(&file),
            home_relative(&file.with_extension("txt"))
        ),
        Ok(()) => format!("exported to {}", home_relative(&file)),
        Err(e) => format!("export failed: {e}"),
    };
}
