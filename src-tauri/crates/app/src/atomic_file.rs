//! Writing a file whole or not at all: a temporary file in the same folder, synced, then renamed
//! over the target (exports of styles and label designs).

use std::path::Path;

use qrdesk_core::AppError;

/// Writes `bytes` to `target` atomically.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let failed =
        |e: std::io::Error| AppError::io(format!("Could not write {}: {e}", target.display()));
    let mut tmp = tempfile::NamedTempFile::new_in(parent).map_err(failed)?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(failed)?;
    tmp.as_file().sync_all().map_err(failed)?;
    tmp.persist(target).map_err(|e| failed(e.error))?;
    Ok(())
}
