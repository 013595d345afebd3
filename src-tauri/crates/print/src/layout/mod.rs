//! Page layouts: label sheets (Avery …, built in or from the gLabels catalogue), N-up grids and
//! one code per page, all in millimetres with the origin at the page's top-left corner.
//! [`Imposition`] is a layout resolved for one job (page size, label grid, bleed);
//! [`plan_label`] places the code and its caption in a label (inside the outline of round and
//! oval labels).

mod builtin;
pub mod catalogue;
mod file;
pub mod glabels;
mod shape;

use serde::{Deserialize, Serialize};

pub use builtin::builtin_layouts;
pub use catalogue::{all_layouts, catalogue, search_layouts};
pub use file::{load_layout_file, parse_glabels_file, parse_layout_file};
pub use shape::LabelShape;

use crate::error::PrintError;

/// How labels are arranged on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LayoutKind {
    /// A fixed label sheet: `columns` × `rows` labels, first label's top-left at (`left`, `top`).
    Sheet {
        columns: u32,
        rows: u32,
        label_width: f64,
        label_height: f64,
        left: f64,
        top: f64,
        pitch_x: f64,
        pitch_y: f64,
    },
    /// As many cells of `cell_width` × `cell_height` as fit inside the margins, with gutters
    /// between them, centred on the page. `--size` changes the cell to fit the code.
    Grid { margin: f64, gutter: f64, cell_width: f64, cell_height: f64 },
    /// One code per page; the page is the trim size plus bleed (plus room for crop marks).
    OnePerPage,
}

/// A named layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Lower-case name used on the command line (`avery-l7160`).
    pub name: String,
    pub description: String,
    /// Page width and height in mm (for one-per-page: the default trim size, 0 = from the code).
    pub page_width: f64,
    pub page_height: f64,
    #[serde(flatten)]
    pub kind: LayoutKind,
    /// The labels' outline.
    #[serde(default, skip_serializing_if = "LabelShape::is_rectangle")]
    pub shape: LabelShape,
    /// Read from the gLabels catalogue (its sheets need not have symmetric margins).
    #[serde(skip)]
    pub catalogue: bool,
}

/// What `qrdesk print --layouts` and the UI list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayoutInfo {
    pub name: String,
    pub description: String,
    pub page: String,
    /// Labels per page (0 when it depends on the code size).
    pub per_page: u32,
    /// Label size in mm (`63.5 × 38.1 mm`), or how it is decided.
    pub label: String,
}

impl Layout {
    pub fn info(&self) -> LayoutInfo {
        let page = if self.page_width > 0.0 {
            format!("{} × {} mm", fmt(self.page_width), fmt(self.page_height))
        } else {
            "code size + bleed".to_string()
        };
        let (per_page, label) = match &self.kind {
            LayoutKind::Sheet { columns, rows, label_width, label_height, .. } => {
                (columns * rows, format!("{} × {} mm", fmt(*label_width), fmt(*label_height)))
            }
            LayoutKind::Grid { cell_width, cell_height, .. } => {
                (0, format!("{} × {} mm cells", fmt(*cell_width), fmt(*cell_height)))
            }
            LayoutKind::OnePerPage => (1, "the page".to_string()),
        };
        LayoutInfo {
            name: self.name.clone(),
            description: self.description.clone(),
            page,
            per_page,
            label,
        }
    }

    /// Checks that the geometry is usable: positive sizes, labels inside the page, pitches not
    /// smaller than labels, and margins that close to the page size (right ≈ left, bottom ≈ top
    /// within 1 mm) for sheets.
    pub fn check(&self) -> Result<(), PrintError> {
        let bad = |why: String| {
            PrintError::option(format!("layout \"{}\" is not usable: {why}", self.name))
        };
        if self.name.is_empty() || self.name != self.name.to_ascii_lowercase() {
            return Err(bad("its name must be lower case and not empty".into()));
        }
        let positive = |v: f64| v.is_finite() && v > 0.0;
        if let LayoutKind::OnePerPage = self.kind {
            return Ok(());
        }
        if !positive(self.page_width) || !positive(self.page_height) {
            return Err(bad("the page size must be positive".into()));
        }
        match &self.kind {
            LayoutKind::Sheet {
                columns,
                rows,
                label_width,
                label_height,
                left,
                top,
                pitch_x,
                pitch_y,
            } => {
                if *columns == 0
                    || *rows == 0
                    || !positive(*label_width)
                    || !positive(*label_height)
                {
                    return Err(bad("columns, rows and the label size must be positive".into()));
                }
                // gLabels templates round their figures (a label 0.1 pt taller than its pitch):
                // catalogue sheets get half a millimetre of slack, hand-written ones none.
                let slack = if self.catalogue { 0.5 } else { 0.0 };
                if pitch_x + slack < *label_width && *columns > 1
                    || pitch_y + slack < *label_height && *rows > 1
                {
                    return Err(bad("labels overlap (pitch smaller than the label)".into()));
                }
                let right =
                    self.page_width - (left + f64::from(columns - 1) * pitch_x + label_width);
                let bottom =
                    self.page_height - (top + f64::from(rows - 1) * pitch_y + label_height);
                let edge = -0.01 - 2.0 * slack;
                if *left < edge || *top < edge || right < edge || bottom < edge {
                    return Err(bad(format!(
                        "labels run off the page (margins left {} top {} right {} bottom {} mm)",
                        fmt(*left),
                        fmt(*top),
                        fmt(right),
                        fmt(bottom)
                    )));
                }
                if !self.catalogue && ((right - left).abs() > 1.0 || (bottom - top).abs() > 1.0) {
                    return Err(bad(format!(
                        "margins do not close to the page size (left {} right {}, top {} bottom \
                         {} mm); check the figures against the sheet's datasheet",
                        fmt(*left),
                        fmt(right),
                        fmt(*top),
                        fmt(bottom)
                    )));
                }
            }
            LayoutKind::Grid { margin, gutter, cell_width, cell_height } => {
                if *margin < 0.0
                    || *gutter < 0.0
                    || !positive(*cell_width)
                    || !positive(*cell_height)
                {
                    return Err(bad("margin, gutter and cell size must be positive".into()));
                }
                if cell_width + 2.0 * margin > self.page_width
                    || cell_height + 2.0 * margin > self.page_height
                {
                    return Err(bad("not even one cell fits inside the margins".into()));
                }
            }
            LayoutKind::OnePerPage => {}
        }
        Ok(())
    }
}

fn fmt(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Finds a layout by name among the built-ins and the gLabels catalogue, or loads it from a
/// `.toml`, `.json` or gLabels `.xml` file path.
pub fn find_layout(name: &str) -> Result<Layout, PrintError> {
    let lower = name.trim().to_ascii_lowercase();
    if [".toml", ".json", ".xml"].iter().any(|ext| lower.ends_with(ext)) {
        let mut layouts = load_layout_file(std::path::Path::new(name.trim()))?;
        if layouts.len() == 1 {
            return Ok(layouts.remove(0));
        }
        return Err(PrintError::option(format!(
            "{name} holds {} layouts; name one with --layout NAME --layout-file {name}",
            layouts.len()
        )));
    }
    if let Some(l) = builtin_layouts().into_iter().find(|l| l.name == lower) {
        return Ok(l);
    }
    if let Some(l) = catalogue().layouts.iter().find(|l| l.name == lower) {
        return Ok(l.clone());
    }
    let names: Vec<String> = builtin_layouts().into_iter().map(|l| l.name).collect();
    let sheets = all_layouts().iter().filter(|l| l.catalogue).count();
    let more = if sheets > 0 {
        format!(" or one of the {sheets} sheets of the gLabels catalogue")
    } else {
        " (install glabels-data for about 1,700 more sheets)".to_string()
    };
    Err(PrintError::option(format!(
        "there is no layout \"{name}\"; choose one of {}{more}; find one with qrdesk print \
         --layouts --search L7160 (or a label size like 70x36)",
        names.join(", ")
    )))
}

/// A rectangle in mm, origin at the page's top-left, y down.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Area {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A layout resolved for one job: concrete page, label grid and print boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct Imposition {
    /// MediaBox size in mm.
    pub media_w: f64,
    pub media_h: f64,
    /// TrimBox and BleedBox inside the media (both equal the media for sheets and grids).
    pub trim: Area,
    pub bleed: Area,
    pub columns: u32,
    pub rows: u32,
    pub label_w: f64,
    pub label_h: f64,
    pub left: f64,
    pub top: f64,
    pub pitch_x: f64,
    pub pitch_y: f64,
    /// Inset kept free around code and caption inside a label.
    pub inset: f64,
    /// Whether this is one code per page (crop marks at the trim corners).
    pub one_per_page: bool,
    /// The labels' outline: code and caption stay inside it.
    pub shape: LabelShape,
}

/// Slug outside the bleed that holds crop marks on one-per-page output.
pub const MARK_SLUG: f64 = 8.0;
/// Safe inset inside a label: 2 mm kept free of code and caption on every side.
pub const SAFE_INSET: f64 = 2.0;
/// Height of the caption band under the code on one-per-page output without `--page`.
const ONE_PER_PAGE_CAPTION: f64 = 8.0;

/// Inputs that change how a layout resolves.
#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveOptions {
    /// `--page` (mm); for sheets it must be absent.
    pub page: Option<(f64, f64)>,
    /// Outer code size (incl. quiet zone) when known up front (`--size`).
    pub code_size: Option<f64>,
    pub has_caption: bool,
    pub bleed: f64,
    pub crop_marks: bool,
}

impl Imposition {
    pub fn resolve(layout: &Layout, opt: ResolveOptions) -> Result<Imposition, PrintError> {
        layout.check()?;
        match &layout.kind {
            LayoutKind::Sheet {
                columns,
                rows,
                label_width,
                label_height,
                left,
                top,
                pitch_x,
                pitch_y,
            } => {
                if opt.page.is_some() {
                    return Err(PrintError::option(format!(
                        "{} is a label sheet with a fixed page size; leave out --page",
                        layout.name
                    )));
                }
                let page = Area { x: 0.0, y: 0.0, w: layout.page_width, h: layout.page_height };
                Ok(Imposition {
                    media_w: page.w,
                    media_h: page.h,
                    trim: page,
                    bleed: page,
                    columns: *columns,
                    rows: *rows,
                    label_w: *label_width,
                    label_h: *label_height,
                    left: *left,
                    top: *top,
                    pitch_x: *pitch_x,
                    pitch_y: *pitch_y,
                    inset: SAFE_INSET,
                    one_per_page: false,
                    shape: layout.shape,
                })
            }
            LayoutKind::Grid { margin, gutter, cell_width, cell_height } => {
                let (pw, ph) = opt.page.unwrap_or((layout.page_width, layout.page_height));
                let (cw, ch) = match opt.code_size {
                    Some(s) => {
                        let band = if opt.has_caption { caption_band(s) + SAFE_INSET } else { 0.0 };
                        (s + 2.0 * SAFE_INSET, s + 2.0 * SAFE_INSET + band)
                    }
                    None => (*cell_width, *cell_height),
                };
                let fit = |avail: f64, cell: f64| {
                    ((avail - 2.0 * margin + gutter) / (cell + gutter)).floor()
                };
                let (cols, rows) = (fit(pw, cw), fit(ph, ch));
                if cols < 1.0 || rows < 1.0 {
                    return Err(PrintError::option(format!(
                        "a {} × {} mm cell does not fit on a {} × {} mm page with {} mm margins; \
                         choose a smaller --size or a larger --page",
                        fmt(cw),
                        fmt(ch),
                        fmt(pw),
                        fmt(ph),
                        fmt(*margin)
                    )));
                }
                let used_w = cols * cw + (cols - 1.0) * gutter;
                let used_h = rows * ch + (rows - 1.0) * gutter;
                let page = Area { x: 0.0, y: 0.0, w: pw, h: ph };
                Ok(Imposition {
                    media_w: pw,
                    media_h: ph,
                    trim: page,
                    bleed: page,
                    columns: cols as u32,
                    rows: rows as u32,
                    label_w: cw,
                    label_h: ch,
                    left: (pw - used_w) / 2.0,
                    top: (ph - used_h) / 2.0,
                    pitch_x: cw + gutter,
                    pitch_y: ch + gutter,
                    inset: SAFE_INSET,
                    one_per_page: false,
                    shape: LabelShape::Rectangle,
                })
            }
            LayoutKind::OnePerPage => {
                let (tw, th, inset) = match opt.page {
                    Some((w, h)) => (w, h, SAFE_INSET),
                    None => {
                        let s = opt.code_size.ok_or_else(|| {
                            PrintError::option(
                                "one-per-page needs the code size: give --size (like 30mm) or a \
                                 page with --page",
                            )
                        })?;
                        let band = if opt.has_caption { ONE_PER_PAGE_CAPTION } else { 0.0 };
                        (s, s + band, 0.0)
                    }
                };
                let slug = if opt.crop_marks { MARK_SLUG } else { 0.0 };
                let out = opt.bleed + slug;
                let trim = Area { x: out, y: out, w: tw, h: th };
                let bleed =
                    Area { x: slug, y: slug, w: tw + 2.0 * opt.bleed, h: th + 2.0 * opt.bleed };
                Ok(Imposition {
                    media_w: tw + 2.0 * out,
                    media_h: th + 2.0 * out,
                    trim,
                    bleed,
                    columns: 1,
                    rows: 1,
                    label_w: tw,
                    label_h: th,
                    left: out,
                    top: out,
                    pitch_x: tw,
                    pitch_y: th,
                    inset,
                    one_per_page: true,
                    shape: LabelShape::Rectangle,
                })
            }
        }
    }

    pub fn per_page(&self) -> u32 {
        self.columns * self.rows
    }

    /// Top-left corner of label `slot` (row-major: across, then down).
    pub fn label_origin(&self, slot: u32) -> (f64, f64) {
        let col = slot % self.columns;
        let row = slot / self.columns;
        (self.left + f64::from(col) * self.pitch_x, self.top + f64::from(row) * self.pitch_y)
    }
}

/// Height of the caption band below a code of outer size `s` mm.
fn caption_band(s: f64) -> f64 {
    (s * 0.2).clamp(4.0, 10.0)
}

/// Where the caption goes relative to the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CaptionPlace {
    Beside,
    Below,
}

/// Code and caption placed inside one label (label-relative mm).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelPlan {
    /// Outer square of the code, quiet zone included.
    pub code: Area,
    pub caption: Option<(Area, CaptionPlace)>,
}

/// The outer code size the label allows when no size is given: the largest square that fits
/// with the safe inset, leaving room for a caption beside (wide labels, w/h > 1.6) or below.
pub fn auto_code_size(imp: &Imposition, has_caption: bool) -> f64 {
    let (_, _, w, h) = imp.shape.content(imp.label_w, imp.label_h);
    let i = imp.inset;
    if !has_caption {
        return (w.min(h) - 2.0 * i).max(0.0);
    }
    if w / h > 1.6 {
        (h - 2.0 * i).min(w - 3.0 * i - 10.0).max(0.0)
    } else {
        let s0 = (w - 2.0 * i).min(h - 2.0 * i);
        let band = caption_band(s0);
        (w - 2.0 * i).min(h - 3.0 * i - band).max(0.0)
    }
}

/// Places a code of outer size `s` (and its caption) in a label of the imposition.
pub fn plan_label(imp: &Imposition, s: f64, has_caption: bool) -> LabelPlan {
    let (ox, oy, w, h) = imp.shape.content(imp.label_w, imp.label_h);
    let shift = |a: Area| Area { x: a.x + ox, y: a.y + oy, ..a };
    let plan = plan_in(w, h, imp.inset, s, has_caption);
    LabelPlan { code: shift(plan.code), caption: plan.caption.map(|(a, p)| (shift(a), p)) }
}

/// [`plan_label`] in a `w` × `h` rectangle with inset `i`.
fn plan_in(w: f64, h: f64, i: f64, s: f64, has_caption: bool) -> LabelPlan {
    let centre = |avail: f64| ((avail - s) / 2.0).max(0.0);
    if !has_caption {
        return LabelPlan {
            code: Area { x: (w - s) / 2.0, y: (h - s) / 2.0, w: s, h: s },
            caption: None,
        };
    }
    if w / h > 1.6 {
        let x = if s + 2.0 * i <= w { i } else { centre(w) };
        let cx = x + s + i.max(1.0);
        let caption = (w - i - cx > 1.0)
            .then_some((Area { x: cx, y: i, w: w - i - cx, h: h - 2.0 * i }, CaptionPlace::Beside));
        LabelPlan { code: Area { x, y: (h - s) / 2.0, w: s, h: s }, caption }
    } else {
        let y = if s + 2.0 * i <= h { i } else { centre(h) };
        let cy = y + s;
        let caption = (h - i - cy > 1.0)
            .then_some((Area { x: i, y: cy, w: w - 2.0 * i, h: h - i - cy }, CaptionPlace::Below));
        LabelPlan { code: Area { x: (w - s) / 2.0, y, w: s, h: s }, caption }
    }
}
