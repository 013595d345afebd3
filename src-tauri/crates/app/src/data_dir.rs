//! Where QR Desk keeps its data: `--data-dir`, else `QRDESK_DATA_DIR`, else the platform's
//! app-data folder (`~/.local/share/qrdesk` on Linux, `~/Library/Application Support/dev.qrdesk.desktop`
//! on macOS, `%APPDATA%\qrdesk\QR Desk\data` on Windows).

use std::path::{Path, PathBuf};

use qrdesk_core::AppError;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "QRDESK_DATA_DIR";

/// Why this data folder was chosen (shown by `qrdesk info`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataDirSource {
    Flag,
    Environment,
    Platform,
}

/// Resolves the data folder from an explicit choice, the environment, or the platform default.
pub fn resolve_data_dir(explicit: Option<&Path>) -> Result<(PathBuf, DataDirSource), AppError> {
    if let Some(dir) = explicit {
        return Ok((dir.to_path_buf(), DataDirSource::Flag));
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
        return Ok((PathBuf::from(dir), DataDirSource::Environment));
    }
    directories::ProjectDirs::from("dev", "qrdesk", "qrdesk")
        .map(|d| (d.data_dir().to_path_buf(), DataDirSource::Platform))
        .ok_or_else(|| {
            AppError::io(format!(
                "Could not find a home folder for QR Desk's data; set {DATA_DIR_ENV} or pass --data-dir"
            ))
        })
}

/// Creates the data folder (and parents) if needed, refusing a path that is a file. The folder
/// itself is private to its owner (0700 on Unix; an existing one is tightened).
pub fn ensure_dir(dir: &Path) -> Result<(), AppError> {
    if dir.exists() && !dir.is_dir() {
        return Err(AppError::io(format!(
            "The data folder {} is a file, not a folder. Choose another --data-dir",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        AppError::io(format!("Could not create the data folder {}: {e}", dir.display()))
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let private = std::fs::Permissions::from_mode(0o700);
        let mode = std::fs::metadata(dir).map(|m| m.permissions().mode() & 0o777).unwrap_or(0);
        if mode != 0o700 {
            std::fs::set_permissions(dir, private).map_err(|e| {
                AppError::io(format!(
                    "Could not make the data folder {} private to you: {e}",
                    dir.display()
                ))
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_flag_wins() {
        let (dir, src) = resolve_data_dir(Some(Path::new("/tmp/x"))).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/x"));
        assert_eq!(src, DataDirSource::Flag);
    }

    #[cfg(unix)]
    #[test]
    fn the_data_folder_is_private_and_an_existing_one_is_tightened() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("qrdesk");
        ensure_dir(&dir).unwrap();
        let mode = |d: &Path| std::fs::metadata(d).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        ensure_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
    }

    #[test]
    fn refuses_a_file_as_data_dir() {
        let f = tempfile::NamedTempFile::new().unwrap();
        let err = ensure_dir(f.path()).unwrap_err();
        assert_eq!(err.kind, qrdesk_core::ErrorKind::Io);
        assert!(err.message.contains("is a file"));
    }
}
