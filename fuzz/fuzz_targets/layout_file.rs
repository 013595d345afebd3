//! Layout files (TOML or JSON, or gLabels template XML with bit 5 of the first byte) as a user
//! might write them: parsed, resolved into an imposition with and without captions, bleed and
//! crop marks, and every label slot placed (inside the outline of round and oval labels).
#![no_main]

use libfuzzer_sys::fuzz_target;
use qrdesk_print::{
    auto_code_size, parse_glabels_file, parse_layout_file, plan_label, Imposition, ResolveOptions,
};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, file)) = data.split_first() else { return };
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
});
