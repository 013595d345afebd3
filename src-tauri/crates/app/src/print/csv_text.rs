//! CSV text typed or chosen in the window: it arrives as text, is checked against the window's
//! size limit, and is written to a private temporary file in the data folder for the engine
//! (which streams files), removed when the job is done. Also the preview of its first rows.

use std::io::Write as _;
use std::path::Path;

use qrdesk_core::rules::print::MAX_CSV_BYTES;
use qrdesk_core::AppError;
use qrdesk_print::{preview_csv, CsvSource};

use crate::context::AppContext;
use crate::ipc::print::{ColumnMapping, CsvPreview};

/// The first rows of a CSV the person chose or pasted, with a guess at the columns.
pub fn csv_preview(ctx: &AppContext, text: &str) -> Result<CsvPreview, AppError> {
    let file = TempCsv::write(ctx.data_dir(), text)?;
    let source = CsvSource {
        path: file.path().to_path_buf(),
        column: None,
        delimiter: None,
        quantity_column: None,
    };
    let table = preview_csv(&source, 10).map_err(AppError::from)?;
    let content = table
        .payload_column
        .clone()
        .or_else(|| {
            // No telltale column name: the first column whose first cell looks like a link.
            let first = table.rows.first()?;
            let i =
                first.iter().position(|c| c.starts_with("http://") || c.starts_with("https://"))?;
            table.columns.get(i).cloned()
        })
        .unwrap_or_else(|| table.columns.first().cloned().unwrap_or_default());
    let caption = ["name", "caption", "title", "label"]
        .iter()
        .find_map(|n| table.columns.iter().find(|c| c.eq_ignore_ascii_case(n)).cloned());
    Ok(CsvPreview {
        columns: table.columns,
        rows: table.rows,
        row_count: table.row_count,
        suggested: ColumnMapping { content, caption },
    })
}

/// CSV text in a private temporary file (removed on drop).
pub(crate) struct TempCsv(tempfile::NamedTempFile);

impl TempCsv {
    pub(crate) fn write(dir: &Path, text: &str) -> Result<TempCsv, AppError> {
        if text.trim().is_empty() {
            return Err(AppError::bad_input(
                "The CSV is empty; the first line must name the columns, like name,url",
            ));
        }
        if text.len() > MAX_CSV_BYTES {
            return Err(AppError::bad_input(format!(
                "The CSV is {} MB; the window takes files up to {} MB. Split it, or print it \
                 with `qrdesk print --csv`, which has no limit",
                text.len() / 1_000_000,
                MAX_CSV_BYTES / 1_000_000
            )));
        }
        let mut f = tempfile::Builder::new()
            .prefix("print-")
            .suffix(".csv")
            .tempfile_in(dir)
            .map_err(|e| AppError::io(format!("Could not write in the data folder: {e}")))?;
        f.write_all(text.as_bytes())
            .map_err(|e| AppError::io(format!("Could not write in the data folder: {e}")))?;
        Ok(TempCsv(f))
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.path()
    }
}
