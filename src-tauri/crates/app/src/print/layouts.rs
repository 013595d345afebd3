//! The sheets as the layout picker draws them (mm), with the paper each is made for: QR Desk's
//! built-in layouts first, then the gLabels catalogue installed on this computer.

use qrdesk_print::{
    all_layouts, search_layouts, Imposition, LabelShape as EngineShape, Layout, LayoutInfo,
    PrintJob, PrintOptions, SizeSpec, Source,
};

use crate::ipc::print::{LabelShape, PaperSize, SheetLayout};

/// Every layout the picker offers: the built-ins, then the catalogue's sheets.
pub fn list_layouts() -> Vec<SheetLayout> {
    all_layouts().iter().filter_map(sheet_layout).collect()
}

/// Sheets the gLabels catalogue of this computer adds to the built-ins.
pub fn catalogue_size() -> usize {
    all_layouts().iter().filter(|l| l.catalogue).count()
}

/// Built-in layouts and catalogue sheets matching a product code, brand or label size (`70x36`),
/// as `qrdesk print --layouts --search` lists them.
pub fn search_layout_infos(query: &str) -> Vec<LayoutInfo> {
    search_layouts(query).iter().map(Layout::info).collect()
}

fn sheet_layout(layout: &Layout) -> Option<SheetLayout> {
    let options = PrintOptions { size: SizeSpec::Symbol(30.0), ..PrintOptions::default() };
    let job = PrintJob { source: Source::Items(Vec::new()), layout: layout.clone(), options };
    let imp: Imposition = qrdesk_print::imposition(&job).ok()?;
    Some(SheetLayout {
        id: layout.name.clone(),
        name: layout.description.clone(),
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
        shape: match layout.shape {
            EngineShape::Rectangle => LabelShape::Rectangle,
            EngineShape::Round => LabelShape::Round,
            EngineShape::Ellipse => LabelShape::Ellipse,
        },
        catalogue: layout.catalogue,
    })
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
