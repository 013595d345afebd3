//! The library's styles: saved from the Styles page or added from a style file, listed, shown,
//! removed, exported as a file with the logo next to it, and loaded by name (or read from a
//! file) for a print job. Each style keeps its own copy of the logo.

use std::path::{Path, PathBuf};

use qrdesk_core::rules::style as limits;
use qrdesk_core::AppError;
use qrdesk_print::style::{sample, Logo, Style, StyleSpec, SAMPLE_PAYLOAD};
use qrdesk_store::styles::{self, StyleRow};

use super::draft::{draft_of, spec_of_draft};
use super::proof::proof_of;
use crate::atomic_file::write_atomically;
use crate::context::AppContext;
use crate::ipc::styles::{StyleDraft, StyleProof};

/// Printed side of the proof `qrdesk style add|show` report (a typical label code, mm).
const SHOW_PROOF_MM: f64 = 25.0;

/// A style as `qrdesk style show` prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleDetails {
    pub name: String,
    /// The style file's keys, as TOML.
    pub toml: String,
    /// The logo's file name and size in bytes.
    pub logo: Option<(String, usize)>,
    /// The proof at [`SHOW_PROOF_MM`].
    pub proof: StyleProof,
    pub proof_mm: f64,
}

fn no_such(name: &str) -> AppError {
    AppError::with_message(
        qrdesk_core::ErrorKind::BadInput,
        format!(
            "No saved style is called \"{name}\". The Styles page (or `qrdesk style list`) shows \
             the saved ones; add one with `qrdesk style add FILE`."
        ),
    )
}

fn checked_name(name: &str) -> Result<String, AppError> {
    crate::saved_names::checked_name(name, "style", "Autumn brand", limits::MAX_NAME_CHARS)
}

/// Refuses what can never print: a logo above the cap.
fn check_saveable(style: &Style) -> Result<(), AppError> {
    if style.logo.is_some() && style.logo_size > limits::MAX_LOGO_FRACTION + 1e-9 {
        return Err(AppError::bad_input(format!(
            "The logo size is at most {:.0} % of the code's side (logo_size {}); larger logos \
             hide too much of the code to scan",
            limits::MAX_LOGO_FRACTION * 100.0,
            limits::MAX_LOGO_FRACTION
        )));
    }
    Ok(())
}

fn row_of(style: &Style, name: &str) -> StyleRow {
    let mut spec = style.spec.clone();
    spec.name = Some(name.to_string());
    spec.logo = style.logo.as_ref().map(|l| l.file_name.clone());
    StyleRow {
        name: name.to_string(),
        spec: spec.to_toml(),
        logo: style.logo.as_ref().map(|l| (l.file_name.clone(), l.bytes.clone())),
        updated_at: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
    }
}

fn style_of_row(row: &StyleRow) -> Result<Style, AppError> {
    let origin = format!("the saved style \"{}\"", row.name);
    let spec = StyleSpec::parse(&row.spec, &origin).map_err(AppError::from)?;
    let logo = match &row.logo {
        Some((file, bytes)) => Some(Logo::load(file, bytes.clone()).map_err(AppError::from)?),
        None => None,
    };
    let mut style = Style::resolve(&spec, logo).map_err(AppError::from)?;
    style.name = row.name.clone();
    Ok(style)
}

fn store_style(ctx: &AppContext, style: &Style, name: &str) -> Result<(), AppError> {
    check_saveable(style)?;
    let row = row_of(style, name);
    let now = ctx.now();
    ctx.store().transaction(|tx| styles::save(tx, &row, now).map_err(AppError::from))
}

/// Every saved style, by name, as the Styles page edits it.
pub fn list_styles(ctx: &AppContext) -> Result<Vec<StyleDraft>, AppError> {
    let rows = ctx.store().read(styles::list)?;
    rows.iter().map(|r| style_of_row(r).map(|s| draft_of(&s))).collect()
}

/// The saved style `name` (any case), ready to print.
pub fn load_style(ctx: &AppContext, name: &str) -> Result<Style, AppError> {
    let row = ctx.store().read(|c| styles::get(c, name.trim()))?.ok_or_else(|| no_such(name))?;
    style_of_row(&row)
}

/// Saves the page's draft, replacing the saved style of the same name (any case).
pub fn save_style(ctx: &AppContext, draft: &StyleDraft) -> Result<StyleDraft, AppError> {
    let name = checked_name(&draft.name)?;
    let (spec, logo) = spec_of_draft(draft)?;
    let mut style = Style::resolve(&spec, logo).map_err(AppError::from)?;
    store_style(ctx, &style, &name)?;
    style.name = name;
    Ok(draft_of(&style))
}

/// Adds the style file at `path` (and its logo, copied into the library) under its `name` key,
/// `name` if given, or else the file's name.
pub fn add_style_file(
    ctx: &AppContext,
    path: &Path,
    name: Option<&str>,
) -> Result<StyleDetails, AppError> {
    let style = Style::from_file(path).map_err(AppError::from)?;
    let name = checked_name(name.unwrap_or(&style.name))?;
    store_style(ctx, &style, &name)?;
    show_style(ctx, &name)
}

/// The saved style `name`: its file, its logo and its proof at a typical label size.
pub fn show_style(ctx: &AppContext, name: &str) -> Result<StyleDetails, AppError> {
    let row = ctx.store().read(|c| styles::get(c, name.trim()))?.ok_or_else(|| no_such(name))?;
    let style = style_of_row(&row)?;
    let proof = proof_of(&sample(&style, SAMPLE_PAYLOAD, SHOW_PROOF_MM));
    Ok(StyleDetails {
        name: row.name.clone(),
        toml: row.spec.clone(),
        logo: row.logo.as_ref().map(|(f, b)| (f.clone(), b.len())),
        proof,
        proof_mm: SHOW_PROOF_MM,
    })
}

/// Removes the saved style `name` (any case).
pub fn remove_style(ctx: &AppContext, name: &str) -> Result<(), AppError> {
    let gone =
        ctx.store().transaction(|tx| styles::remove(tx, name.trim()).map_err(AppError::from))?;
    if gone {
        Ok(())
    } else {
        Err(no_such(name))
    }
}

/// Writes the saved style `name` as a style file at `out` (TOML) with its logo next to it
/// (`<file>-logo.<ext>`), each written whole or not at all. Returns the files written.
pub fn export_style(ctx: &AppContext, name: &str, out: &Path) -> Result<Vec<PathBuf>, AppError> {
    let row = ctx.store().read(|c| styles::get(c, name.trim()))?.ok_or_else(|| no_such(name))?;
    if out.is_dir() {
        return Err(AppError::bad_input(format!(
            "{} is a folder; give the style file's name, like {}/autumn.toml",
            out.display(),
            out.display()
        )));
    }
    let mut spec = StyleSpec::parse(&row.spec, &row.name).map_err(AppError::from)?;
    let mut written = Vec::new();
    if let Some((file, bytes)) = &row.logo {
        let stem =
            out.file_stem().map_or_else(|| "style".into(), |s| s.to_string_lossy().into_owned());
        let ext = Path::new(file)
            .extension()
            .map_or_else(String::new, |e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()));
        let logo_name = format!("{stem}-logo{ext}");
        let logo_path = out.with_file_name(&logo_name);
        write_atomically(&logo_path, bytes)?;
        spec.logo = Some(logo_name);
        written.push(logo_path);
    }
    spec.name = Some(row.name.clone());
    write_atomically(out, spec.to_toml().as_bytes())?;
    written.push(out.to_path_buf());
    Ok(written)
}

/// What `--style` names: a style file (a path that exists, or ends in `.toml` / `.json`), or
/// else a saved style (which needs the library).
pub fn resolve_style_arg(ctx: Option<&AppContext>, arg: &str) -> Result<Style, AppError> {
    if style_arg_is_file(arg) {
        return Style::from_file(Path::new(arg)).map_err(AppError::from);
    }
    match ctx {
        Some(ctx) => load_style(ctx, arg),
        None => Err(no_such(arg)),
    }
}

/// Whether `--style` names a file rather than a saved style.
pub fn style_arg_is_file(arg: &str) -> bool {
    crate::saved_names::arg_is_file(arg)
}
