//! The built-in layout library. Label sheets use Avery's published template geometry (the
//! figures are repeated in `label_geometry_matches_the_published_figures`, in
//! src-tauri/crates/print/tests/pdf_output.rs), stored in mm; US sheets are converted from inches.

use super::{Layout, LayoutKind};

const A4: (f64, f64) = (210.0, 297.0);
const A3: (f64, f64) = (297.0, 420.0);
const LETTER: (f64, f64) = (215.9, 279.4);
const LEGAL: (f64, f64) = (215.9, 355.6);
const IN: f64 = 25.4;

#[allow(clippy::too_many_arguments)]
fn sheet(
    name: &str,
    description: &str,
    page: (f64, f64),
    (columns, rows): (u32, u32),
    (label_width, label_height): (f64, f64),
    (left, top): (f64, f64),
    (pitch_x, pitch_y): (f64, f64),
) -> Layout {
    Layout {
        name: name.to_string(),
        description: description.to_string(),
        page_width: page.0,
        page_height: page.1,
        kind: LayoutKind::Sheet {
            columns,
            rows,
            label_width,
            label_height,
            left,
            top,
            pitch_x,
            pitch_y,
        },
        shape: super::LabelShape::Rectangle,
        catalogue: false,
    }
}

fn grid(name: &str, page_name: &str, page: (f64, f64)) -> Layout {
    Layout {
        name: name.to_string(),
        description: format!(
            "N-up grid on {page_name}: 45 × 50 mm cells (or sized to --size), 10 mm margins, \
             5 mm gutters"
        ),
        page_width: page.0,
        page_height: page.1,
        kind: LayoutKind::Grid { margin: 10.0, gutter: 5.0, cell_width: 45.0, cell_height: 50.0 },
        shape: super::LabelShape::Rectangle,
        catalogue: false,
    }
}

/// Every built-in layout, in listing order.
pub fn builtin_layouts() -> Vec<Layout> {
    vec![
        sheet(
            "avery-l7160",
            "Avery L7160 / J8160: 21 address labels (3 × 7) on A4",
            A4,
            (3, 7),
            (63.5, 38.1),
            (7.25, 15.15),
            (66.04, 38.1),
        ),
        sheet(
            "avery-l7161",
            "Avery L7161 / J8161: 18 labels (3 × 6) on A4",
            A4,
            (3, 6),
            (63.5, 46.6),
            (7.25, 8.7),
            (66.04, 46.6),
        ),
        sheet(
            "avery-l7163",
            "Avery L7163 / J8163: 14 labels (2 × 7) on A4",
            A4,
            (2, 7),
            (99.1, 38.1),
            (4.65, 15.15),
            (101.6, 38.1),
        ),
        sheet(
            "avery-l7165",
            "Avery L7165 / J8165: 8 labels (2 × 4) on A4",
            A4,
            (2, 4),
            (99.1, 67.7),
            (4.65, 13.1),
            (101.6, 67.7),
        ),
        sheet(
            "avery-l7651",
            "Avery L7651 / 8651: 65 mini labels (5 × 13) on A4",
            A4,
            (5, 13),
            (38.1, 21.2),
            (4.75, 10.7),
            (40.6, 21.2),
        ),
        sheet(
            "avery-5160",
            "Avery 5160 / 8160: 30 address labels (3 × 10) on Letter",
            LETTER,
            (3, 10),
            (2.625 * IN, IN),
            (0.1875 * IN, 0.5 * IN),
            (2.75 * IN, IN),
        ),
        sheet(
            "avery-5161",
            "Avery 5161: 20 labels (2 × 10) on Letter",
            LETTER,
            (2, 10),
            (4.0 * IN, IN),
            (0.15625 * IN, 0.5 * IN),
            (4.1875 * IN, IN),
        ),
        sheet(
            "avery-5163",
            "Avery 5163: 10 shipping labels (2 × 5) on Letter",
            LETTER,
            (2, 5),
            (4.0 * IN, 2.0 * IN),
            (0.15625 * IN, 0.5 * IN),
            (4.1875 * IN, 2.0 * IN),
        ),
        sheet(
            "avery-5164",
            "Avery 5164: 6 shipping labels (2 × 3) on Letter",
            LETTER,
            (2, 3),
            (4.0 * IN, 10.0 / 3.0 * IN),
            (0.15625 * IN, 0.5 * IN),
            (4.1875 * IN, 10.0 / 3.0 * IN),
        ),
        sheet(
            "avery-5167",
            "Avery 5167: 80 return-address labels (4 × 20) on Letter",
            LETTER,
            (4, 20),
            (1.75 * IN, 0.5 * IN),
            (0.28125 * IN, 0.5 * IN),
            (2.0625 * IN, 0.5 * IN),
        ),
        grid("grid-a4", "A4", A4),
        grid("grid-a3", "A3", A3),
        grid("grid-letter", "Letter", LETTER),
        grid("grid-legal", "Legal", LEGAL),
        Layout {
            name: "one-per-page".to_string(),
            description: "One code per page: the page is the trim size (--page, or the code \
                          and its caption) plus --bleed, with crop marks on request"
                .to_string(),
            page_width: 0.0,
            page_height: 0.0,
            kind: LayoutKind::OnePerPage,
            shape: super::LabelShape::Rectangle,
            catalogue: false,
        },
    ]
}
