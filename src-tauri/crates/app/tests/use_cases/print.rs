//! Printing from the window's requests: preview, the job (with its cancel flag and the record of
//! the file written), a download, and the CLI's flags.

use std::sync::atomic::AtomicBool;

use qrdesk_app::ipc::library::CodeSearch;
use qrdesk_app::ipc::print::{
    CaptionSource, EcLevel, ExportRequest, PrintRequest, PrintSettings, PrintSource,
};
use qrdesk_app::print;
use qrdesk_app::print::flags::{print_with_flags, PrintFlags};
use qrdesk_app::sync;
use qrdesk_core::ProviderKind;

use crate::support::{csv_flags, World};

pub(crate) fn settings() -> PrintSettings {
    PrintSettings {
        layout: "avery-l7160".into(),
        size_mm: 25.0,
        ec: EcLevel::M,
        foreground: "#000000".into(),
        background: "#ffffff".into(),
        caption: CaptionSource::Name,
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

#[tokio::test]
async fn a_search_is_previewed_printed_and_one_code_downloaded() {
    let w = World::new().await;
    w.account(ProviderKind::QrCodePro, "Shop").await;
    sync::sync_accounts(&w.ctx, vec![], 1, None).await.unwrap();
    let request = PrintRequest {
        source: PrintSource::Search { query: CodeSearch::default() },
        options: settings(),
    };
    let preview = print::print_preview(&w.ctx, &request).unwrap();
    assert_eq!((preview.labels, preview.pages), (6, 1));
    assert!(preview.page_image.starts_with("data:image/svg+xml;base64,"));

    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("labels.pdf");
    let result = print::print_run(&w.ctx, &request, &pdf, &|_| {}).unwrap();
    assert_eq!(result.labels, 6);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert_eq!(w.ctx.jobs().written_file(&pdf).unwrap(), pdf, "the window may open it");

    let code = qrdesk_app::library::find_codes(&w.ctx, &CodeSearch::default()).unwrap()[0].id;
    let export = ExportRequest { code, format: "SVG".into(), style: None };
    assert_eq!(print::export_file_name(&w.ctx, &export).unwrap(), format!("qr-code-{code}.svg"));
    let svg = out.path().join("one.svg");
    print::export_code(&w.ctx, &export, &svg).unwrap();
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    let bad = ExportRequest { code, format: "gif".into(), style: None };
    assert!(print::export_file_name(&w.ctx, &bad).unwrap_err().message.contains("not \"gif\""));
}

#[test]
fn the_cli_flags_print_a_csv_without_opening_a_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "name,url\nA,https://a.example/1\nB,https://a.example/2\n").unwrap();
    let out = dir.path().join("labels.pdf");
    let flags = PrintFlags {
        caption: Some("{name}".into()),
        offset: Some("25mm,0mm".into()),
        ..csv_flags(&csv, &out)
    };
    let never = AtomicBool::new(false);
    let err = print_with_flags(None, &flags, &|_| {}, &never).unwrap_err();
    assert!(err.message.contains("at most 20 mm"), "one offset limit for every front end");
    assert!(!out.exists(), "nothing written");
    let flags = PrintFlags { offset: None, ..flags };
    let report = print_with_flags(None, &flags, &|_| {}, &never).unwrap();
    assert_eq!((report.codes, report.pages), (2, 1));
}
