//! The library's label designs: saved from the Designs page or added from a design file, listed,
//! shown, removed, exported as a file with its fonts next to it, and loaded by name (or read from
//! a file) for a print job. Each design keeps its own copy of the font files it names.

use std::path::{Path, PathBuf};

use qrdesk_core::rules::design as limits;
use qrdesk_core::AppError;
use qrdesk_print::design::{Design, DesignSpec};
use qrdesk_print::FontFile;
use qrdesk_store::designs::{self, DesignRow};

use super::draft::{draft_of, spec_of_draft};
use crate::atomic_file::write_atomically;
use crate::context::AppContext;
use crate::ipc::designs::DesignDraft;

/// A design as `qrdesk design show` prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct DesignDetails {
    pub name: String,
    /// The design file's keys, as TOML.
    pub toml: String,
    /// The font files it carries: name and size in bytes.
    pub fonts: Vec<(String, usize)>,
}

fn no_such(name: &str) -> AppError {
    AppError::with_message(
        qrdesk_core::ErrorKind::BadInput,
        format!(
            "No saved label design is called \"{name}\". The Designs page (or `qrdesk design \
             list`) shows the saved ones; add one with `qrdesk design add FILE`."
        ),
    )
}

fn checked_name(name: &str) -> Result<String, AppError> {
    crate::saved_names::checked_name(name, "design", "Table tent", limits::MAX_NAME_CHARS)
}

fn row_of(design: &Design, name: &str) -> DesignRow {
    let mut spec = design.spec.clone();
    spec.name = Some(name.to_string());
    DesignRow {
        name: name.to_string(),
        spec: spec.to_toml(),
        fonts: design.fonts.iter().map(|f| (f.file_name.clone(), f.bytes.to_vec())).collect(),
        updated_at: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
    }
}

fn design_of_row(row: &DesignRow) -> Result<Design, AppError> {
    let origin = format!("\"{}\"", row.name);
    let spec = DesignSpec::parse(&row.spec, &origin).map_err(AppError::from)?;
    let fonts = row
        .fonts
        .iter()
        .map(|(file, bytes)| FontFile::load(file, bytes.clone()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(AppError::from)?;
    let mut design = Design::resolve(&spec, fonts, &origin).map_err(AppError::from)?;
    design.name = row.name.clone();
    Ok(design)
}

fn store_design(ctx: &AppContext, design: &Design, name: &str) -> Result<(), AppError> {
    let row = row_of(design, name);
    let now = ctx.now();
    ctx.store().transaction(|tx| designs::save(tx, &row, now).map_err(AppError::from))
}

/// Every saved design, by name, as the Designs page edits it.
pub fn list_designs(ctx: &AppContext) -> Result<Vec<DesignDraft>, AppError> {
    let rows = ctx.store().read(designs::list)?;
    rows.iter().map(|r| design_of_row(r).map(|d| draft_of(&d))).collect()
}

/// The saved design `name` (any case), ready to print.
pub fn load_design(ctx: &AppContext, name: &str) -> Result<Design, AppError> {
    let row = ctx.store().read(|c| designs::get(c, name.trim()))?.ok_or_else(|| no_such(name))?;
    design_of_row(&row)
}

/// Saves the page's draft, replacing the saved design of the same name (any case). Font files
/// the saved design already carries stay with it.
pub fn save_design(ctx: &AppContext, draft: &DesignDraft) -> Result<DesignDraft, AppError> {
    let name = checked_name(&draft.name)?;
    let spec = spec_of_draft(draft);
    let kept = ctx.store().read(|c| designs::get(c, &name))?.map(|r| r.fonts).unwrap_or_default();
    let fonts = kept
        .into_iter()
        .filter(|(file, _)| spec.fields.iter().any(|f| f.font.as_deref() == Some(file)))
        .map(|(file, bytes)| FontFile::load(&file, bytes))
        .collect::<Result<Vec<_>, _>>()
        .map_err(AppError::from)?;
    let origin = format!("\"{name}\"");
    let mut design = Design::resolve(&spec, fonts, &origin).map_err(AppError::from)?;
    store_design(ctx, &design, &name)?;
    design.name = name;
    Ok(draft_of(&design))
}

/// Adds the design file at `path` (and its fonts, copied into the library) under its `name`
/// key, `name` if given, or else the file's name.
pub fn add_design_file(
    ctx: &AppContext,
    path: &Path,
    name: Option<&str>,
) -> Result<DesignDetails, AppError> {
    let design = Design::read(path).map_err(AppError::from)?;
    let name = checked_name(name.unwrap_or(&design.name))?;
    store_design(ctx, &design, &name)?;
    show_design(ctx, &name)
}

/// The saved design `name`: its file and its fonts.
pub fn show_design(ctx: &AppContext, name: &str) -> Result<DesignDetails, AppError> {
    let row = ctx.store().read(|c| designs::get(c, name.trim()))?.ok_or_else(|| no_such(name))?;
    Ok(DesignDetails {
        name: row.name.clone(),
        toml: row.spec.clone(),
        fonts: row.fonts.iter().map(|(f, b)| (f.clone(), b.len())).collect(),
    })
}

/// Removes the saved design `name` (any case).
pub fn remove_design(ctx: &AppContext, name: &str) -> Result<(), AppError> {
    let gone =
        ctx.store().transaction(|tx| designs::remove(tx, name.trim()).map_err(AppError::from))?;
    if gone {
        Ok(())
    } else {
        Err(no_such(name))
    }
}

/// Writes the saved design `name` as a design file at `out` (TOML) with its fonts next to it
/// (under the names the design uses), each written whole or not at all. Returns the files.
pub fn export_design(ctx: &AppContext, name: &str, out: &Path) -> Result<Vec<PathBuf>, AppError> {
    let row = ctx.store().read(|c| designs::get(c, name.trim()))?.ok_or_else(|| no_such(name))?;
    if out.is_dir() {
        return Err(AppError::bad_input(format!(
            "{} is a folder; give the design file's name, like {}/table-tent.toml",
            out.display(),
            out.display()
        )));
    }
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut written = Vec::new();
    for (file, bytes) in &row.fonts {
        // Fonts go beside the design file under their own file names.
        let target = dir.join(Path::new(file).file_name().unwrap_or_default());
        write_atomically(&target, bytes)?;
        written.push(target);
    }
    let mut spec = DesignSpec::parse(&row.spec, &row.name).map_err(AppError::from)?;
    for f in &mut spec.fields {
        if let Some(font) = &f.font {
            let base = Path::new(font).file_name().map(|n| n.to_string_lossy().into_owned());
            f.font = base.or(Some(font.clone()));
        }
    }
    spec.name = Some(row.name.clone());
    write_atomically(out, spec.to_toml().as_bytes())?;
    written.push(out.to_path_buf());
    Ok(written)
}

/// `--design NAME|FILE`: a design file when it is one, else a saved design.
pub fn resolve_design_arg(ctx: Option<&AppContext>, arg: &str) -> Result<Design, AppError> {
    if design_arg_is_file(arg) {
        return Design::read(Path::new(arg)).map_err(AppError::from);
    }
    match ctx {
        Some(ctx) => load_design(ctx, arg),
        None => Err(no_such(arg)),
    }
}

/// Whether `--design` names a file rather than a saved design.
pub fn design_arg_is_file(arg: &str) -> bool {
    crate::saved_names::arg_is_file(arg)
}
