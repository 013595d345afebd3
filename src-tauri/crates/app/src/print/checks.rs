//! The checks a print request from the window passes before anything is written or anyone is
//! asked where to save: limits from `qrdesk_core::rules::print`, the ink and the paper, column
//! names and selection size.

use qrdesk_core::rules::print::{
    MAX_BLEED_MM, MAX_CODE_MM, MAX_COLUMN_CHARS, MAX_OFFSET_MM, MAX_SELECTION, MIN_CODE_MM,
};
use qrdesk_core::AppError;
use qrdesk_print::Ink;

use crate::ipc::print::{PrintRequest, PrintSettings, PrintSource};

/// Refuses a request whose options or source are out of bounds.
pub fn check_request(request: &PrintRequest) -> Result<(), AppError> {
    check_settings(&request.options)?;
    match &request.source {
        PrintSource::Csv { mapping, .. }
            if std::iter::once(&mapping.content)
                .chain(&mapping.caption)
                .any(|c| c.chars().count() > MAX_COLUMN_CHARS) =>
        {
            Err(AppError::bad_input(format!(
                "A CSV column name is longer than {MAX_COLUMN_CHARS} characters; pick the column \
                 from the list"
            )))
        }
        PrintSource::Selection { codes } if codes.len() > MAX_SELECTION => {
            Err(AppError::bad_input(format!(
                "{} codes are selected; print at most {MAX_SELECTION} at a time",
                codes.len()
            )))
        }
        _ => Ok(()),
    }
}

fn check_settings(o: &PrintSettings) -> Result<(), AppError> {
    ink(&o.foreground)?;
    if !is_white(&o.background) {
        return Err(AppError::bad_input(
            "Light modules are left as paper; print on coloured stock instead of choosing a background colour",
        ));
    }
    let size_ok = o.size_mm == 0.0 || (MIN_CODE_MM..=MAX_CODE_MM).contains(&o.size_mm);
    if !size_ok || !(0.0..=MAX_BLEED_MM).contains(&o.bleed_mm) {
        return Err(AppError::bad_input(format!(
            "Choose a code size from {MIN_CODE_MM} to {MAX_CODE_MM} mm (or 0 for the largest that \
             fits) and a bleed up to {MAX_BLEED_MM} mm"
        )));
    }
    let offset_ok = |v: f64| v.is_finite() && v.abs() <= MAX_OFFSET_MM;
    if !offset_ok(o.offset_x_mm) || !offset_ok(o.offset_y_mm) {
        return Err(AppError::bad_input(format!(
            "A printer calibration offset moves the print by at most {MAX_OFFSET_MM} mm each way"
        )));
    }
    Ok(())
}

/// The ink of the dark modules from the screen's `#rrggbb` (black is 100 % K).
pub fn ink(foreground: &str) -> Result<Ink, AppError> {
    let hex = foreground.trim().trim_start_matches('#');
    if hex.eq_ignore_ascii_case("000000") {
        return Ok(Ink::default());
    }
    Ink::parse(&format!("rgb:#{hex}")).map_err(AppError::from)
}

fn is_white(colour: &str) -> bool {
    let c = colour.trim().trim_start_matches('#');
    c.is_empty() || c.eq_ignore_ascii_case("ffffff") || c.eq_ignore_ascii_case("fff")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::AppContext;
    use crate::ipc::print::{CaptionSource, ColumnMapping, EcLevel};
    use crate::print::check_print;
    use qrdesk_core::rules::print::MAX_CSV_BYTES;

    fn settings() -> PrintSettings {
        PrintSettings {
            layout: "avery-l7160".into(),
            size_mm: 0.0,
            ec: EcLevel::M,
            foreground: "#000000".into(),
            background: "#ffffff".into(),
            caption: CaptionSource::None,
            bleed_mm: 0.0,
            crop_marks: false,
            start_at: 1,
            offset_x_mm: 0.0,
            offset_y_mm: 0.0,
            style: None,
            printer_profile: None,
            design: None,
        }
    }

    fn csv(text: &str, column: &str) -> PrintSource {
        PrintSource::Csv {
            text: text.into(),
            mapping: ColumnMapping { content: column.into(), caption: None },
        }
    }

    fn refused(request: PrintRequest) -> String {
        let dir = tempfile::tempdir().unwrap();
        let ctx = AppContext::open(dir.path()).unwrap();
        match check_print(&ctx, &request) {
            Err(e) => {
                assert_eq!(e.kind, qrdesk_core::ErrorKind::BadInput);
                e.message
            }
            Ok(()) => panic!("accepted"),
        }
    }

    #[test]
    fn requests_from_the_window_are_checked_before_anything_is_written() {
        let ok = csv("url\nhttps://a.example/1\n", "url");
        let mut far = settings();
        far.offset_x_mm = 500.0;
        assert!(
            refused(PrintRequest { source: ok.clone(), options: far }).contains("at most 20 mm")
        );
        let mut nan = settings();
        nan.offset_y_mm = f64::NAN;
        assert!(refused(PrintRequest { source: ok, options: nan }).contains("at most 20 mm"));
        let long_column = "c".repeat(201);
        let text = format!("{long_column}\nhttps://a.example/1\n");
        assert!(refused(PrintRequest { source: csv(&text, &long_column), options: settings() })
            .contains("longer than 200 characters"));
        let many = PrintSource::Selection { codes: vec![1; MAX_SELECTION + 1] };
        assert!(refused(PrintRequest { source: many, options: settings() })
            .contains("print at most 1000000"));
        let huge = "url\n".to_string() + &"https://a.example/\n".repeat(MAX_CSV_BYTES / 18 + 1);
        assert!(refused(PrintRequest { source: csv(&huge, "url"), options: settings() })
            .contains("up to 100 MB"));
    }
}
