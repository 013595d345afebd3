//! Printing: the Print screen (layouts, CSV preview, live page preview, the job), one code's
//! downloads, and `qrdesk print` (its flags turned into the same engine job), over the
//! `qrdesk-print` engine. Each file holds one step: the request's checks, building the job,
//! previewing it, running it, exporting one code, the cache as print rows, the CLI's flags, the
//! layouts offered (built-in and gLabels catalogue), the calibration sheet, printer profiles and
//! the print history with reprints.

mod cache_rows;
mod calibration;
mod checks;
mod csv_text;
mod export;
pub mod flags;
pub mod history;
mod history_view;
mod job;
mod label_log;
mod layouts;
mod preview;
pub mod printers;
mod profiles;
mod run;

pub use cache_rows::{cached_items, print_item, read_ids_file, CacheSelection};
pub use calibration::print_calibration;
pub use csv_text::csv_preview;
pub(crate) use csv_text::TempCsv;
pub use export::{check_export, export_code, export_file_name, export_to};
pub use history_view::{list_print_jobs, reprint_request, send_to_printer, HISTORY_LIMIT};
pub use job::{prepare, PreparedJob};
pub use layouts::{catalogue_size, list_layouts, search_layout_infos};
pub use preview::print_preview;
pub use profiles::{
    list_printer_profiles, profile_calibration, profile_from_flags, remove_printer_profile,
    save_printer_profile,
};
pub use run::{check_print, print_cancel, print_run};

/// The engine's types the CLI names (flag values, the report it prints, progress).
pub use qrdesk_print::{
    layouts as layout_catalogue, CalibrationSheet, EachFormat, EcLevel as EngineEcLevel,
    PrintReport, Progress,
};
