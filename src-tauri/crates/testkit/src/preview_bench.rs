//! How long the window's previews take to come back (issue 18: a change repaints within 50 ms
//! for a 21-label page): the Print page's page-1 preview of a CSV of `rows` rows on Avery
//! L7160 (21 labels, captions), the same with a brand style, the label-design editor's preview
//! of a three-field design, and the style editor's proof. Each request goes through
//! `qrdesk-app` exactly as the window's command does; p50/p95 of `runs` calls each, in ms. The
//! IPC hop and the image's paint in the window are not included (perf-ui measures the window).

use std::time::Instant;

use qrdesk_app::ipc::designs::DesignPreviewRequest;
use qrdesk_app::ipc::print::PrintRequest;
use qrdesk_app::ipc::styles::StylePreviewRequest;
use qrdesk_app::{designs, print, styles, AppContext};
use qrdesk_core::AppError;
use qrdesk_secrets::MemoryStore;
use serde::Deserialize;
use serde_json::{json, Value};

/// Runs the four previews `runs` times each in a new data folder under `dir`.
pub fn run(dir: &std::path::Path, rows: usize, runs: usize) -> Result<Value, AppError> {
    let ctx = AppContext::open_with(dir, Ok(Box::new(MemoryStore::new())))?;
    let csv: String = std::iter::once("id,name,url".to_string())
        .chain((1..=rows).map(|i| format!("{i},Table {i:04},https://qr.example.com/r/b{i:07}")))
        .collect::<Vec<_>>()
        .join("\n");
    let style = json!({
        "name": "Bench brand", "dark": "cmyk:100,72,0,18", "light": "paper",
        "modules": "rounded", "finder": "rounded", "finder_center": "circle",
        "finder_color": null, "logo": null, "logo_size": 0.22, "frame": "Scan me",
        "frame_position": "bottom", "frame_color": "k"
    });
    let print_request = |style: Value| -> Result<PrintRequest, AppError> {
        from(json!({
            "source": { "kind": "csv", "text": csv, "mapping": { "content": "url", "caption": "name" } },
            "options": {
                "layout": "avery-l7160", "size_mm": 30.0, "ec": "M", "foreground": "#000000",
                "background": "#ffffff", "caption": "column", "bleed_mm": 0.0, "crop_marks": false,
                "start_at": 1, "offset_x_mm": 0.0, "offset_y_mm": 0.0, "style": style,
                "printer_profile": null, "design": null
            }
        }))
    };
    let plain = print_request(Value::Null)?;
    let field = |text: &str, size: f64, bold: bool| {
        json!({ "text": text, "anchor": "right_of_code", "x_mm": null, "y_mm": null,
                "width_mm": null, "height_mm": null, "font_size": size, "min_font_size": null,
                "align": "left", "bold": bold, "fit": "shrink_wrap", "font": null })
    };
    let design: DesignPreviewRequest = from(json!({
        "draft": { "name": "", "code_position": "left", "code_size_mm": null, "fields": [
            field("{name}", 12.0, true), field("Scan for today's menu", 8.0, false),
            field("No. {serial:06}", 7.0, false)] },
        "layout": "avery-l7160"
    }))?;
    let proof: StylePreviewRequest =
        from(json!({ "style": style, "payload": null, "size_mm": 30.0 }))?;

    // A saved style for the styled print preview.
    styles::save_style(&ctx, &from(style.clone())?)?;
    let styled = print_request(json!("Bench brand"))?;

    let mut out = serde_json::Map::new();
    out.insert("rows".into(), json!(rows));
    out.insert("runs".into(), json!(runs));
    out.insert("print_page".into(), time(runs, || print::print_preview(&ctx, &plain).map(drop))?);
    out.insert(
        "print_page_styled".into(),
        time(runs, || print::print_preview(&ctx, &styled).map(drop))?,
    );
    out.insert(
        "design_editor".into(),
        time(runs, || designs::preview_design(&ctx, &design).map(drop))?,
    );
    out.insert("style_editor".into(), time(runs, || styles::preview_style(&proof).map(drop))?);
    Ok(Value::Object(out))
}

fn from<T: for<'de> Deserialize<'de>>(value: Value) -> Result<T, AppError> {
    serde_json::from_value(value).map_err(|e| AppError::bad_input(format!("bench request: {e}")))
}

/// p50 and p95 of `runs` calls, in milliseconds (one warm-up call first).
fn time(runs: usize, mut call: impl FnMut() -> Result<(), AppError>) -> Result<Value, AppError> {
    call()?;
    let mut ms: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            call().map(|()| start.elapsed().as_secs_f64() * 1e3)
        })
        .collect::<Result<_, _>>()?;
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| ms[((ms.len() - 1) as f64 * q).round() as usize];
    Ok(json!({ "p50_ms": at(0.5), "p95_ms": at(0.95) }))
}
