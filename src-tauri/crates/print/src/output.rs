//! Writing results safely: every file goes to a temporary file in the target folder and is
//! renamed into place only when the job succeeded, so a failed or cancelled job leaves nothing.
//! A process killed mid-job (power cut, kill -9) leaves only its hidden temporary file,
//! `.<name>.<pid>.<random>.part`; the next job writing the same file removes those of dead
//! processes.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::engine::Placement;
use crate::error::PrintError;

/// A temporary file next to `target`, persisted by [`SafeFile::commit`].
pub struct SafeFile {
    target: PathBuf,
    writer: BufWriter<NamedTempFile>,
}

fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

impl SafeFile {
    pub fn create(target: &Path) -> Result<Self, PrintError> {
        let dir = folder_of(target);
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        remove_dead_parts(dir, &name);
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}.{}.", std::process::id()))
            .suffix(".part")
            .tempfile_in(dir)
            .map_err(|e| PrintError::io("write in", dir, e))?;
        Ok(SafeFile {
            target: target.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 18, tmp),
        })
    }

    pub fn writer(&mut self) -> &mut BufWriter<NamedTempFile> {
        &mut self.writer
    }

    /// Flushes and renames the file into place; returns its size in bytes.
    pub fn commit(self) -> Result<u64, PrintError> {
        commit_writer(&self.target, self.writer)
    }
}

/// Removes `.<name>.<pid>.*.part` files in `dir` left by processes that no longer run.
/// Best effort: a file that cannot be removed is left for the next job.
fn remove_dead_parts(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        if !rest.ends_with(".part") {
            continue;
        }
        let Some(pid) = rest.split('.').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !process_is_running(pid, &entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(target_os = "linux")]
fn process_is_running(pid: u32, _part: &std::fs::DirEntry) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Without /proc: a temporary file untouched for a day belongs to no running job.
#[cfg(not(target_os = "linux"))]
fn process_is_running(_pid: u32, part: &std::fs::DirEntry) -> bool {
    let age = part.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    age.is_none_or(|a| a < std::time::Duration::from_secs(24 * 3600))
}

/// Flushes `writer` and renames its temporary file to `target`.
pub fn commit_writer(target: &Path, writer: BufWriter<NamedTempFile>) -> Result<u64, PrintError> {
    let tmp = writer.into_inner().map_err(|e| PrintError::io("write", target, e.into_error()))?;
    let bytes = tmp.as_file().metadata().map_err(|e| PrintError::io("write", target, e))?.len();
    tmp.as_file().sync_all().map_err(|e| PrintError::io("write", target, e))?;
    // Temporary files are private (0600); a finished PDF is an ordinary document, with the
    // mode any new file of this user gets (0666 less the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::Permissions::from_mode(0o666 & !process_umask());
        tmp.as_file().set_permissions(perms).map_err(|e| PrintError::io("write", target, e))?;
    }
    tmp.persist(target).map_err(|e| PrintError::io("write", target, e.error))?;
    Ok(bytes)
}

/// The process's file-mode creation mask, read from `/proc/self/status` (Linux 4.7+; reading it
/// through `umask(2)` would change it). Elsewhere the common default, 022.
#[cfg(unix)]
pub fn process_umask() -> u32 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("Umask:"))?;
            u32::from_str_radix(line.trim_start_matches("Umask:").trim(), 8).ok()
        })
        .unwrap_or(0o022)
}

/// The manifest CSV: one line per placed code.
pub struct Manifest {
    file: SafeFile,
}

impl Manifest {
    pub fn create(target: &Path) -> Result<Self, PrintError> {
        let mut file = SafeFile::create(target)?;
        file.writer()
            .write_all(b"row,serial,line,page,slot,column,label_row,x_mm,y_mm,size_mm,payload\n")
            .map_err(|e| PrintError::io("write", target, e))?;
        Ok(Manifest { file })
    }

    pub fn add(&mut self, p: &Placement) -> Result<(), PrintError> {
        let target = self.file.target.clone();
        let w = self.file.writer();
        let payload = csv_field(&p.payload);
        writeln!(
            w,
            "{},{},{},{},{},{},{},{:.2},{:.2},{:.2},{payload}",
            p.row, p.serial, p.line, p.page, p.slot, p.column, p.label_row, p.x, p.y, p.size
        )
        .map_err(|e| PrintError::io("write", &target, e))
    }

    pub fn commit(self) -> Result<u64, PrintError> {
        self.file.commit()
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Makes sure `target`'s folder exists and the path is not a folder.
pub fn check_target(target: &Path) -> Result<(), PrintError> {
    if target.is_dir() {
        return Err(PrintError::option(format!(
            "{} is a folder; give a file name like labels.pdf",
            target.display()
        )));
    }
    let dir = folder_of(target);
    if !dir.is_dir() {
        return Err(PrintError::io(
            "write in",
            dir,
            std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_removes_parts_left_by_killed_processes_of_the_same_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("labels.pdf");
        let dead = dir.path().join(".labels.pdf.999999999.AbC123.part");
        let other_file = dir.path().join(".other.pdf.999999999.AbC123.part");
        let own = dir.path().join(format!(".labels.pdf.{}.Live01.part", std::process::id()));
        for f in [&dead, &other_file, &own] {
            std::fs::write(f, b"%PDF-1.7 half").unwrap();
        }
        let mut file = SafeFile::create(&target).unwrap();
        file.writer().write_all(b"%PDF-1.7 whole").unwrap();
        assert_eq!(file.commit().unwrap(), 14);
        assert!(!dead.exists(), "a dead process's part is removed");
        assert!(other_file.exists() && own.exists(), "others are left alone");
        assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-1.7 whole");
    }

    #[cfg(unix)]
    #[test]
    fn a_finished_file_gets_the_users_usual_mode_not_a_forced_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("labels.pdf");
        let mut file = SafeFile::create(&target).unwrap();
        file.writer().write_all(b"%PDF-1.7").unwrap();
        file.commit().unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        let umask = process_umask();
        assert_eq!(mode, 0o666 & !umask, "umask {umask:o}");
        // The mask read is the real one: an ordinary new file gets the same mode.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        assert_eq!(std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777, mode);
    }
}
