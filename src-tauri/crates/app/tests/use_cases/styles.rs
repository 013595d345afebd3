//! Brand styles as the Styles page and `qrdesk style` use them: saved with their own copy of the
//! logo, listed, proven live, printed and downloaded by name, added from and exported to a style
//! file, refused with a sentence when they cannot work.

use std::sync::atomic::AtomicBool;

use base64::Engine as _;
use qrdesk_app::ipc::library::CodeSearch;
use qrdesk_app::ipc::print::{EcLevel, ExportRequest, PrintRequest, PrintSource};
use qrdesk_app::ipc::styles::{
    FinderShape, FramePosition, LogoData, ModuleShape, StyleDraft, StylePreviewRequest,
};
use qrdesk_app::print::flags::{print_with_flags, PrintFlags};
use qrdesk_app::print::{self, EngineEcLevel};
use qrdesk_app::{styles, sync};
use qrdesk_core::ProviderKind;

use crate::support::{csv_flags, World};

const LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="18" fill="#e4572e"/></svg>"##;

fn draft(name: &str) -> StyleDraft {
    StyleDraft {
        name: name.into(),
        dark: "cmyk:100,72,0,18".into(),
        light: "paper".into(),
        modules: ModuleShape::Rounded,
        finder: FinderShape::Rounded,
        finder_center: FinderShape::Circle,
        finder_color: None,
        logo: Some(LogoData {
            file_name: "logo.svg".into(),
            data_base64: base64::engine::general_purpose::STANDARD.encode(LOGO),
        }),
        logo_size: 0.22,
        frame: Some("Scan me".into()),
        frame_position: FramePosition::Bottom,
        frame_color: "k".into(),
    }
}

fn proof(style: StyleDraft) -> qrdesk_app::ipc::styles::StyleProof {
    styles::preview_style(&StylePreviewRequest { style, payload: None, size_mm: 30.0 }).unwrap()
}

#[test]
fn the_live_proof_scans_and_names_what_is_wrong() {
    let ok = proof(draft("Autumn"));
    assert!(ok.scans && ok.problem.is_none(), "{ok:?}");
    assert_eq!(ok.ec, EcLevel::H, "a logo prints at level H");
    assert!(ok.svg.contains("<svg") && ok.contrast > 4.0);

    let pale = proof(StyleDraft { dark: "cmyk:0,0,0,15".into(), ..draft("Pale") });
    assert!(!pale.scans);
    assert!(pale.problem.unwrap().contains("low contrast"));

    let typo = proof(StyleDraft { dark: "navy".into(), ..draft("Typo") });
    assert!(typo.svg.is_empty() && !typo.scans);
    assert!(typo.problem.unwrap().contains("dark colour"), "names the field");

    let rgb = proof(StyleDraft { dark: "rgb:#1a4d8f".into(), ..draft("Screen") });
    assert!(rgb.scans && rgb.warnings.iter().any(|w| w.contains("RGB")), "{:?}", rgb.warnings);

    let err = styles::preview_style(&StylePreviewRequest {
        style: draft("x"),
        payload: None,
        size_mm: f64::NAN,
    })
    .unwrap_err();
    assert!(err.message.contains("between 10 and 2000 mm"), "{}", err.message);
}

#[tokio::test]
async fn a_saved_style_prints_and_downloads_by_name() {
    let w = World::new().await;
    w.account(ProviderKind::QrCodePro, "Shop").await;
    sync::sync_accounts(&w.ctx, vec![], 1, None).await.unwrap();

    let saved =
        styles::save_style(&w.ctx, &StyleDraft { name: "  Autumn  ".into(), ..draft("") }).unwrap();
    assert_eq!(saved.name, "Autumn", "trimmed");
    let listed = styles::list_styles(&w.ctx).unwrap();
    assert_eq!(listed, vec![saved.clone()], "listed as saved, logo included");
    // Saving under the same name in another case replaces it.
    styles::save_style(&w.ctx, &StyleDraft { name: "AUTUMN".into(), frame: None, ..draft("") })
        .unwrap();
    let listed = styles::list_styles(&w.ctx).unwrap();
    assert_eq!((listed.len(), listed[0].frame.as_deref()), (1, None));

    let mut request = PrintRequest {
        source: PrintSource::Search { query: CodeSearch::default() },
        options: crate::print::settings(),
    };
    request.options.style = Some("autumn".into());
    let preview = print::print_preview(&w.ctx, &request).unwrap();
    assert_eq!(preview.labels, 6);
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("styled.pdf");
    let result = print::print_run(&w.ctx, &request, &pdf, &|_| {}).unwrap();
    assert_eq!(result.labels, 6);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.windows(9).any(|w| w == b"/Subtype ") && bytes.starts_with(b"%PDF"));

    let code = qrdesk_app::library::find_codes(&w.ctx, &CodeSearch::default()).unwrap()[0].id;
    let svg = out.path().join("one.svg");
    let export = ExportRequest { code, format: "svg".into(), style: Some("Autumn".into()) };
    print::export_code(&w.ctx, &export, &svg).unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg") && text.contains("<path"), "drawn with the style's shapes");

    request.options.style = Some("Winter".into());
    let err = print::print_preview(&w.ctx, &request).unwrap_err();
    assert!(err.message.contains("No saved style is called \"Winter\""), "{}", err.message);
    let missing = out.path().join("missing.pdf");
    assert!(print::print_run(&w.ctx, &request, &missing, &|_| {}).is_err());
    assert!(!missing.exists(), "nothing written");

    styles::remove_style(&w.ctx, "autumn").unwrap();
    assert!(styles::list_styles(&w.ctx).unwrap().is_empty());
    let again = styles::remove_style(&w.ctx, "autumn").unwrap_err();
    assert!(again.message.contains("No saved style"));
}

#[tokio::test]
async fn a_style_file_is_added_with_its_logo_and_exported_back() {
    let w = World::new().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mark.svg"), LOGO).unwrap();
    let file = dir.path().join("autumn.toml");
    std::fs::write(
        &file,
        "name = \"Autumn brand\"\ndark = \"spot:PANTONE 286 C:100,72,0,18\"\nmodules = \"dots\"\n\
         logo = \"mark.svg\"\nlogo_size = 0.2\nframe = \"{name}\"\n",
    )
    .unwrap();
    let added = styles::add_style_file(&w.ctx, &file, None).unwrap();
    assert_eq!(added.name, "Autumn brand");
    assert!(added.proof.scans, "{:?}", added.proof);
    assert_eq!(added.logo.as_ref().map(|(f, _)| f.as_str()), Some("mark.svg"));

    // The library keeps its own copy: the original logo can go.
    std::fs::remove_file(dir.path().join("mark.svg")).unwrap();
    let shown = styles::show_style(&w.ctx, "autumn brand").unwrap();
    assert!(shown.toml.contains("PANTONE 286 C") && shown.proof.scans);

    let out = dir.path().join("shared").join("team.toml");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let written = styles::export_style(&w.ctx, "Autumn brand", &out).unwrap();
    let logo = out.with_file_name("team-logo.svg");
    assert_eq!(written, vec![logo.clone(), out.clone()]);
    assert_eq!(std::fs::read_to_string(&logo).unwrap(), LOGO);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("logo = \"team-logo.svg\""), "{text}");

    // The exported file reads back to the same style (as a file for --style, too).
    let again = styles::resolve_style_arg(None, &out.display().to_string()).unwrap();
    assert_eq!(again.name, "Autumn brand");
    assert!(again.logo.is_some());
    styles::add_style_file(&w.ctx, &out, Some("Copy")).unwrap();
    assert_eq!(styles::list_styles(&w.ctx).unwrap().len(), 2);

    let folder = styles::export_style(&w.ctx, "Copy", dir.path()).unwrap_err();
    assert!(folder.message.contains("is a folder"));
    let unknown = styles::resolve_style_arg(Some(&w.ctx), "Nope").unwrap_err();
    assert!(unknown.message.contains("No saved style is called \"Nope\""));
}

#[test]
fn the_cli_flags_refuse_a_low_level_with_a_logo_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.svg"), LOGO).unwrap();
    let style = dir.path().join("brand.toml");
    std::fs::write(&style, "logo = \"logo.svg\"\nmodules = \"rounded\"\n").unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "name,url\nA,https://a.example/1\nB,https://a.example/2\n").unwrap();
    let out = dir.path().join("labels.pdf");
    let flags = PrintFlags {
        ec: EngineEcLevel::L,
        ec_chosen: true,
        style: Some(style.display().to_string()),
        verify: true,
        ..csv_flags(&csv, &out)
    };
    assert!(!flags.needs_library(), "a style file needs no data folder");
    let never = AtomicBool::new(false);
    let err = print_with_flags(None, &flags, &|_| {}, &never).unwrap_err();
    assert!(err.message.contains("only level H"), "{}", err.message);
    assert!(!out.exists());
    let flags = PrintFlags { ec_chosen: false, ..flags };
    let report = print_with_flags(None, &flags, &|_| {}, &never).unwrap();
    assert!(report.verified && report.codes == 2);
    let named = PrintFlags { style: Some("Autumn".into()), ..flags };
    assert!(named.needs_library(), "a saved style needs the library");
}
