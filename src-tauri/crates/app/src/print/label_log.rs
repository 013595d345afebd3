//! The labels of a job being printed, kept in an unnamed temporary file as they are placed
//! (one JSON line each) and read back when the job is recorded in the print history: memory
//! stays flat however many labels a job has. The history itself is `history.rs`'s.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, Write};

use qrdesk_core::AppError;
use qrdesk_print::Placement;
use qrdesk_store::print_history::LabelRow;

/// Labels written so far; the first write error is kept and reported when the job is recorded.
pub struct LabelLog {
    file: BufWriter<File>,
    failed: Option<std::io::Error>,
}

impl LabelLog {
    pub fn new() -> Result<LabelLog, AppError> {
        let file = tempfile::tempfile().map_err(|e| {
            AppError::io(format!(
                "QR Desk could not make a temporary file for the job's labels: {e}"
            ))
        })?;
        Ok(LabelLog { file: BufWriter::new(file), failed: None })
    }

    /// Adds one placed label.
    pub fn push(&mut self, p: &Placement) {
        if self.failed.is_some() {
            return;
        }
        let line = (p.row, p.serial, p.page, p.slot, &p.payload, &p.caption, &p.frame, &p.fields);
        let written = serde_json::to_writer(&mut self.file, &line)
            .map_err(std::io::Error::other)
            .and_then(|()| self.file.write_all(b"\n"));
        if let Err(e) = written {
            self.failed = Some(e);
        }
    }

    /// The labels in the order they were placed.
    pub fn rows(self) -> Result<impl Iterator<Item = Result<LabelRow, AppError>>, AppError> {
        let trouble = |e: std::io::Error| {
            AppError::io(format!("QR Desk could not read back the job's labels: {e}"))
        };
        if let Some(e) = self.failed {
            return Err(trouble(e));
        }
        let mut file = self.file.into_inner().map_err(|e| trouble(e.into_error()))?;
        file.rewind().map_err(trouble)?;
        Ok(BufReader::new(file).lines().map(move |line| {
            let line = line.map_err(trouble)?;
            let (row, serial, page, slot, payload, caption, frame, fields) =
                serde_json::from_str(&line).map_err(|e| trouble(std::io::Error::other(e)))?;
            Ok(LabelRow { row, serial, page, slot, payload, caption, frame, fields })
        }))
    }
}
