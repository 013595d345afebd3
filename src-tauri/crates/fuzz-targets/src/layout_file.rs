//! Layout files (TOML or JSON, or gLabels template XML with bit 5 of the first byte) as a user
//! might write them: parsed, resolved into an imposition with and without captions, bleed and
//! crop marks, and every label slot placed (inside the outline of round and oval labels). With
//! bit 6, the bytes are a label design file instead: checked, laid out on a built-in sheet and
//! every field's text fitted into its box.

use qrdesk_print::design::{fit::fit_block, line_origins, place, Design, DesignSpec};
use qrdesk_print::{
    auto_code_size, find_layout, parse_glabels_file, parse_layout_file, plan_label, Imposition,
    ResolveOptions,
};

fn design_file(choice: u8, file: &[u8]) {
    let Ok(text) = std::str::from_utf8(file) else { return };
    let Ok(spec) = DesignSpec::parse(text, "fuzz.toml") else { return };
    let Ok(design) = Design::resolve(&spec, Vec::new(), "fuzz.toml") else { return };
    let name = if choice & 1 != 0 { "avery-l7160" } else { "avery-l7651" };
    let Ok(layout) = find_layout(name) else { return };
    let Ok(imp) = Imposition::resolve(&layout, ResolveOptions::default()) else { return };
    let size = place::auto_code_size(&design, &imp);
    assert!(size.is_finite() && size >= 0.0);
    let laid = place::place(&design, &imp, size);
    let _ = place::check(&design, &imp, &laid);
    let Ok(face) = qrdesk_print::bundled_face() else { return };
    let sample = String::from_utf8_lossy(file);
    for (field, area) in design.fields.iter().zip(&laid.boxes) {
        let Some(area) = area else { continue };
        let block =
            fit_block(face, &sample, area.w, area.h, field.size_pt, field.min_pt, field.fit);
        let origins = line_origins(face, &block, *area, field.align);
        assert_eq!(origins.len(), block.lines.len());
    }
}

/// One input, as libFuzzer hands it over.
pub fn run(data: &[u8]) {
    let Some((&choice, file)) = data.split_first() else { return };
    if choice & 64 != 0 {
        return design_file(choice, file);
    }
    let parsed = if choice & 32 != 0 {
        parse_glabels_file(file, "fuzz.xml")
    } else {
        parse_layout_file(file, choice & 1 == 1, "fuzz.toml")
    };
    let Ok(layouts) = parsed else { return };
    for layout in layouts.iter().take(16) {
        let has_caption = choice & 2 != 0;
        let options = ResolveOptions {
            page: None,
            code_size: (choice & 4 != 0).then_some(f64::from(choice) / 4.0),
            has_caption,
            bleed: if choice & 8 != 0 { 3.0 } else { 0.0 },
            crop_marks: choice & 16 != 0,
        };
        let Ok(imp) = Imposition::resolve(layout, options) else { continue };
        let per_page = imp.per_page();
        assert!(per_page >= 1, "{} resolves to an empty page", layout.name);
        for slot in 0..per_page.min(1_000) {
            let (x, y) = imp.label_origin(slot);
            assert!(x.is_finite() && y.is_finite());
        }
        let size = auto_code_size(&imp, has_caption);
        if size.is_finite() && size > 0.0 {
            let _ = plan_label(&imp, size, has_caption);
        }
    }
}
