//! The built-in sheets as the layout picker draws them (mm), with the paper each is made for.

use qrdesk_print::{
    find_layout, layouts as builtin, Imposition, PrintJob, PrintOptions, SizeSpec, Source,
};

use crate::ipc::print::{PaperSize, SheetLayout};

/// Every built-in layout, as the picker draws it.
pub fn list_layouts() -> Vec<SheetLayout> {
    builtin()
        .iter()
        .filter_map(|info| {
            let layout = find_layout(&info.name).ok()?;
            let options = PrintOptions { size: SizeSpec::Symbol(30.0), ..PrintOptions::default() };
            let job = PrintJob { source: Source::Items(Vec::new()), layout, options };
            let imp: Imposition = qrdesk_print::imposition(&job).ok()?;
            Some(SheetLayout {
                id: info.name.clone(),
                name: info.description.clone(),
                paper: paper_name(imp.media_w, imp.media_h),
                page_width_mm: imp.media_w,
                page_height_mm: imp.media_h,
                columns: imp.columns,
                rows: imp.rows,
                label_width_mm: imp.label_w,
                label_height_mm: imp.label_h,
                margin_top_mm: imp.top,
                margin_left_mm: imp.left,
                pitch_x_mm: imp.pitch_x,
                pitch_y_mm: imp.pitch_y,
            })
        })
        .collect()
}

fn paper_name(w: f64, h: f64) -> PaperSize {
    let near = |a: f64, b: f64| (a - b).abs() < 1.0;
    let (w, h) = if w > h { (h, w) } else { (w, h) };
    match () {
        _ if near(w, 210.0) && near(h, 297.0) => PaperSize::A4,
        _ if near(w, 297.0) && near(h, 420.0) => PaperSize::A3,
        _ if near(w, 215.9) && near(h, 279.4) => PaperSize::Letter,
        _ if near(w, 215.9) && near(h, 355.6) => PaperSize::Legal,
        _ => PaperSize::Custom,
    }
}
