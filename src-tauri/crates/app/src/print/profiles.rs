//! Printer profiles: the offset and scale a calibration sheet showed for one printer, kept under
//! a name (`qrdesk print profile save|list|remove`, `--printer-profile NAME`), checked against
//! the same limits as `--offset` and `--scale`.

use qrdesk_core::rules::print::{
    MAX_OFFSET_MM, MAX_PROFILE_NAME_CHARS as MAX_NAME_CHARS, MAX_SCALE_DEVIATION,
};
use qrdesk_core::{AppError, ErrorKind};
use qrdesk_print::Calibration;
use qrdesk_store::printer_profiles::{self, ProfileRow};

use crate::context::AppContext;
use crate::ipc::print::PrinterProfile;

fn no_such(name: &str) -> AppError {
    AppError::with_message(
        ErrorKind::BadInput,
        format!(
            "No printer profile is called \"{name}\". `qrdesk print profile list` shows the saved \
             ones; save one with `qrdesk print profile save NAME --offset X,Y --scale S`."
        ),
    )
}

fn check(p: &PrinterProfile) -> Result<String, AppError> {
    let name = p.name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(AppError::bad_input(format!(
            "A printer profile needs a name of 1 to {MAX_NAME_CHARS} characters, like Shop laser"
        )));
    }
    let offset_ok = |v: f64| v.is_finite() && v.abs() <= MAX_OFFSET_MM;
    if !offset_ok(p.offset_x_mm) || !offset_ok(p.offset_y_mm) {
        return Err(AppError::bad_input(format!(
            "A printer offset moves the print by at most {MAX_OFFSET_MM} mm each way; measure \
             again on the calibration sheet"
        )));
    }
    let scale_ok = |v: f64| v.is_finite() && (v - 1.0).abs() <= MAX_SCALE_DEVIATION;
    if !scale_ok(p.scale_x) || !scale_ok(p.scale_y) {
        return Err(AppError::bad_input(format!(
            "A printer scale is between {} and {}, like 1.002",
            1.0 - MAX_SCALE_DEVIATION,
            1.0 + MAX_SCALE_DEVIATION
        )));
    }
    Ok(name.to_string())
}

fn of_row(r: ProfileRow) -> PrinterProfile {
    PrinterProfile {
        name: r.name,
        offset_x_mm: r.offset.0,
        offset_y_mm: r.offset.1,
        scale_x: r.scale.0,
        scale_y: r.scale.1,
    }
}

/// A profile from the command line's text: `--offset X,Y` (lengths) and `--scale X[,Y]`.
pub fn profile_from_flags(
    name: &str,
    offset: &str,
    scale: &str,
) -> Result<PrinterProfile, AppError> {
    let (offset_x_mm, offset_y_mm) = qrdesk_print::parse_pair(offset).map_err(AppError::from)?;
    let (scale_x, scale_y) = qrdesk_print::parse_scale(scale).map_err(AppError::from)?;
    Ok(PrinterProfile { name: name.to_string(), offset_x_mm, offset_y_mm, scale_x, scale_y })
}

/// Saves `profile`, replacing the one of the same name (any case).
pub fn save_printer_profile(
    ctx: &AppContext,
    profile: &PrinterProfile,
) -> Result<PrinterProfile, AppError> {
    let name = check(profile)?;
    let row = ProfileRow {
        name,
        offset: (profile.offset_x_mm, profile.offset_y_mm),
        scale: (profile.scale_x, profile.scale_y),
    };
    let now = ctx.now();
    ctx.store().transaction(|tx| printer_profiles::save(tx, &row, now).map_err(AppError::from))?;
    Ok(of_row(row))
}

/// Every saved profile, by name.
pub fn list_printer_profiles(ctx: &AppContext) -> Result<Vec<PrinterProfile>, AppError> {
    Ok(ctx.store().read(printer_profiles::list)?.into_iter().map(of_row).collect())
}

/// Removes the profile `name` (any case).
pub fn remove_printer_profile(ctx: &AppContext, name: &str) -> Result<(), AppError> {
    let gone = ctx
        .store()
        .transaction(|tx| printer_profiles::remove(tx, name.trim()).map_err(AppError::from))?;
    if gone {
        Ok(())
    } else {
        Err(no_such(name))
    }
}

/// The calibration a saved profile applies.
pub fn profile_calibration(ctx: &AppContext, name: &str) -> Result<Calibration, AppError> {
    let row = ctx
        .store()
        .read(|c| printer_profiles::get(c, name.trim()))?
        .ok_or_else(|| no_such(name))?;
    Ok(Calibration { offset: row.offset, scale: row.scale })
}
