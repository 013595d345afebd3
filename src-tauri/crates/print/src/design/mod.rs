//! Label designs: the code and any number of text fields on one label, each field a template
//! over the row in its own box, font, size, alignment and fit. A design comes from a file
//! ([`DesignSpec`], TOML or JSON) or the library, is checked and has its fonts loaded once
//! ([`Design::resolve`]), and is then laid out for every label by the print engine.
//!
//! It owns: the design file's keys, the checks on them, the code's place and the field boxes
//! ([`place`]), fitting text into a box ([`fit`]). It leaves reading rows (templates are the
//! caption templates'), embedding fonts (the PDF writer) and storing designs (the app) to others.

pub mod fit;
pub mod place;
mod spec;

use std::path::Path;

use qrdesk_core::rules::design as limits;
use ttf_parser::Face;

use crate::error::PrintError;
use crate::font::{FontFile, BOLD, FIRST_FILE, REGULAR};
use crate::layout::Area;
use crate::length::MM_PER_PT;

pub use fit::{Block, Fit};
pub use place::LabelDesign;
pub use spec::{DesignSpec, FieldSpec};

/// Where the code sits on the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePosition {
    Left,
    Center,
    Top,
}

/// Horizontal alignment of a field's lines in their box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// Where a field's box is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldPlace {
    /// Label-relative mm.
    Box(Area),
    RightOfCode {
        width: Option<f64>,
        height: Option<f64>,
    },
    BelowCode {
        width: Option<f64>,
        height: Option<f64>,
    },
}

impl FieldPlace {
    pub fn is_right_of_code(&self) -> bool {
        matches!(self, FieldPlace::RightOfCode { .. })
    }
    pub fn is_below_code(&self) -> bool {
        matches!(self, FieldPlace::BelowCode { .. })
    }
    pub fn width(&self) -> Option<f64> {
        match *self {
            FieldPlace::Box(a) => Some(a.w),
            FieldPlace::RightOfCode { width, .. } | FieldPlace::BelowCode { width, .. } => width,
        }
    }
    pub fn height(&self) -> Option<f64> {
        match *self {
            FieldPlace::Box(a) => Some(a.h),
            FieldPlace::RightOfCode { height, .. } | FieldPlace::BelowCode { height, .. } => height,
        }
    }
}

/// One checked field.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub template: String,
    pub place: FieldPlace,
    pub size_pt: f32,
    pub min_pt: f32,
    pub align: Align,
    /// The document's font number ([`REGULAR`], [`BOLD`] or a design font).
    pub font: usize,
    pub fit: Fit,
}

/// A checked design with its fonts loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    pub name: String,
    /// The keys as written (for showing, storing and exporting).
    pub spec: DesignSpec,
    pub code_position: CodePosition,
    pub code_size: Option<f64>,
    pub fields: Vec<Field>,
    /// The font files the fields name, in font-number order from [`FIRST_FILE`].
    pub fonts: Vec<FontFile>,
}

fn bad(origin: &str, text: String) -> PrintError {
    PrintError::option(format!("the design {origin}: {text}"))
}

fn word<T: Copy>(
    value: Option<&str>,
    default: T,
    choices: &[(&str, T)],
    what: &str,
) -> Result<T, String> {
    let Some(v) = value else { return Ok(default) };
    let v = v.trim().to_ascii_lowercase();
    choices.iter().find(|(k, _)| *k == v).map(|(_, t)| *t).ok_or_else(|| {
        let names: Vec<&str> = choices.iter().map(|(k, _)| *k).collect();
        format!("{what} \"{v}\" is not one of {}", names.join(", "))
    })
}

fn length(v: Option<f64>, what: &str, n: usize) -> Result<Option<f64>, String> {
    match v {
        Some(x) if !(x.is_finite() && (0.0..=1000.0).contains(&x)) => {
            Err(format!("field {n}'s {what} must be between 0 and 1000 mm"))
        }
        other => Ok(other),
    }
}

impl Design {
    /// Checks `spec` and takes `fonts` (the files its fields name, as read). `origin` names the
    /// design in messages.
    pub fn resolve(
        spec: &DesignSpec,
        fonts: Vec<FontFile>,
        origin: &str,
    ) -> Result<Design, PrintError> {
        let err = |t: String| bad(origin, t);
        if spec.fields.len() > limits::MAX_FIELDS {
            return Err(err(format!(
                "it has {} fields; a label holds at most {}",
                spec.fields.len(),
                limits::MAX_FIELDS
            )));
        }
        let code_position = word(
            spec.code_position.as_deref(),
            CodePosition::Left,
            &[
                ("left", CodePosition::Left),
                ("center", CodePosition::Center),
                ("centre", CodePosition::Center),
                ("top", CodePosition::Top),
            ],
            "code_position",
        )
        .map_err(err)?;
        let code_size = match spec.code_size {
            Some(s)
                if !(s.is_finite() && s > 0.0 && s <= qrdesk_core::rules::print::MAX_CODE_MM) =>
            {
                return Err(err(format!(
                    "code_size must be more than 0 and at most {} mm",
                    qrdesk_core::rules::print::MAX_CODE_MM
                )))
            }
            s => s,
        };
        let mut fields = Vec::with_capacity(spec.fields.len());
        for (k, f) in spec.fields.iter().enumerate() {
            fields.push(field(f, k + 1, &fonts).map_err(err)?);
        }
        Ok(Design {
            name: spec.name.clone().unwrap_or_default(),
            spec: spec.clone(),
            code_position,
            code_size,
            fields,
            fonts,
        })
    }

    /// Reads a design file and the font files it names (relative to the file's folder).
    pub fn read(path: &Path) -> Result<Design, PrintError> {
        let spec = DesignSpec::read(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let fonts = read_fonts(&spec, dir)?;
        let mut design = Design::resolve(&spec, fonts, &path.display().to_string())?;
        if design.name.is_empty() {
            design.name =
                path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        }
        Ok(design)
    }

    /// Fields placed by `wanted`, in the design's order.
    pub fn anchored(&self, wanted: fn(&FieldPlace) -> bool) -> Vec<usize> {
        (0..self.fields.len()).filter(|&i| wanted(&self.fields[i].place)).collect()
    }

    /// The field templates, in order.
    pub fn templates(&self) -> Vec<&str> {
        self.fields.iter().map(|f| f.template.as_str()).collect()
    }
}

/// The distinct font files `spec` names, read from `dir` (at most the size limit each).
pub fn read_fonts(spec: &DesignSpec, dir: &Path) -> Result<Vec<FontFile>, PrintError> {
    let mut fonts: Vec<FontFile> = Vec::new();
    for name in spec.fields.iter().filter_map(|f| f.font.as_deref()) {
        if fonts.iter().any(|f| f.file_name == name) {
            continue;
        }
        let path = dir.join(name);
        let meta = std::fs::metadata(&path).map_err(|e| PrintError::io("read", &path, e))?;
        if meta.len() > limits::MAX_FONT_BYTES as u64 {
            return Err(PrintError::option(format!(
                "the font {} is over {} MB; choose a smaller font file",
                path.display(),
                limits::MAX_FONT_BYTES / 1_000_000
            )));
        }
        let bytes = std::fs::read(&path).map_err(|e| PrintError::io("read", &path, e))?;
        fonts.push(FontFile::load(name, bytes)?);
    }
    Ok(fonts)
}

fn field(f: &FieldSpec, n: usize, fonts: &[FontFile]) -> Result<Field, String> {
    if f.text.chars().count() > limits::MAX_TEMPLATE_CHARS {
        return Err(format!(
            "field {n}'s text is longer than {} characters",
            limits::MAX_TEMPLATE_CHARS
        ));
    }
    crate::caption_template::CaptionTemplate::parse(&f.text, 1, None)
        .map_err(|e| format!("field {n}: {e}"))?;
    let size = f.font_size.unwrap_or(limits::DEFAULT_FONT_PT);
    let min = f.min_font_size.unwrap_or(limits::DEFAULT_MIN_FONT_PT.min(size));
    for (v, what) in [(size, "font_size"), (min, "min_font_size")] {
        if !(v.is_finite() && (limits::MIN_FONT_PT..=limits::MAX_FONT_PT).contains(&v)) {
            return Err(format!(
                "field {n}'s {what} must be between {} and {} points",
                limits::MIN_FONT_PT,
                limits::MAX_FONT_PT
            ));
        }
    }
    if min > size {
        return Err(format!(
            "field {n}'s min_font_size ({min}) is larger than its font_size ({size})"
        ));
    }
    let (x, y) = (length(f.x, "x", n)?, length(f.y, "y", n)?);
    let (width, height) = (length(f.width, "width", n)?, length(f.height, "height", n)?);
    if width == Some(0.0) || height == Some(0.0) {
        return Err(format!("field {n}'s box needs a width and height above 0 mm"));
    }
    let place = match f.anchor.as_deref().map(|a| a.trim().to_ascii_lowercase()) {
        Some(a) if x.is_some() || y.is_some() => {
            return Err(format!("field {n} has both anchor = \"{a}\" and x/y; keep one of them"))
        }
        Some(a) if a == "right-of-code" => FieldPlace::RightOfCode { width, height },
        Some(a) if a == "below-code" => FieldPlace::BelowCode { width, height },
        Some(a) => {
            return Err(format!("field {n}'s anchor \"{a}\" is not right-of-code or below-code"))
        }
        None => match (x, y, width, height) {
            (Some(x), Some(y), Some(w), Some(h)) => FieldPlace::Box(Area { x, y, w, h }),
            _ => {
                return Err(format!(
                    "field {n} needs a box: x, y, width and height in mm, or anchor = \
                     \"right-of-code\" or \"below-code\""
                ))
            }
        },
    };
    let align = word(
        f.align.as_deref(),
        Align::Left,
        &[
            ("left", Align::Left),
            ("center", Align::Center),
            ("centre", Align::Center),
            ("right", Align::Right),
        ],
        "align",
    )
    .map_err(|e| format!("field {n}'s {e}"))?;
    let fit = word(
        f.fit.as_deref(),
        Fit::Shrink,
        &[("shrink", Fit::Shrink), ("wrap", Fit::Wrap), ("shrink-wrap", Fit::ShrinkWrap)],
        "fit",
    )
    .map_err(|e| format!("field {n}'s {e}"))?;
    let font = match f.font.as_deref() {
        Some(name) => match fonts.iter().position(|x| x.file_name == name) {
            Some(i) => FIRST_FILE + i,
            None => return Err(format!("field {n}'s font {name} was not loaded")),
        },
        None if f.bold == Some(true) => BOLD,
        None => REGULAR,
    };
    Ok(Field {
        template: f.text.clone(),
        place,
        size_pt: size as f32,
        min_pt: min as f32,
        align,
        font,
        fit,
    })
}

/// Left end and baseline of every line of `block` in `area` (label-relative mm): lines from
/// the box's top, each aligned as the field says.
pub fn line_origins(face: &Face, block: &Block, area: Area, align: Align) -> Vec<(f64, f64)> {
    let size_mm = f64::from(block.size_pt) * MM_PER_PT;
    let em = f64::from(face.units_per_em());
    let ascent = f64::from(face.ascender()) / em * size_mm;
    let extent = f64::from(face.ascender() - face.descender()) / em * size_mm;
    let lh = block.line_height_mm();
    // Half the line gap above the first line keeps the ascenders inside the box.
    let top = area.y + (lh - extent).max(0.0) / 2.0;
    block
        .lines
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let x = match align {
                Align::Left => area.x,
                Align::Center => area.x + (area.w - line.width_mm) / 2.0,
                Align::Right => area.x + area.w - line.width_mm,
            };
            (x, top + ascent + k as f64 * lh)
        })
        .collect()
}
