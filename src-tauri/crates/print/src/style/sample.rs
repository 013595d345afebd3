//! A style's live proof for the Styles page and `qrdesk style show`: one code drawn by the print
//! renderer (SVG), the contrast of its inks, the guard rails' verdict and the decode proof at
//! the printed size.

use qrdesk_core::rules::print::MIN_MODULE_MM;

use super::proof;
use super::render::{module_in_box, svg};
use super::Style;
use crate::caption_template::CaptionTemplate;
use crate::symbol::{encode_matrix, EcLevel};

/// What the Styles page shows for a style.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleSample {
    /// The code (and frame) as a standalone SVG, `size_mm` square.
    pub svg: String,
    pub contrast: f32,
    pub scans: bool,
    /// The first guard rail the style breaks, as a sentence.
    pub problem: Option<String>,
    pub warnings: Vec<String>,
    pub ec: EcLevel,
}

/// The payload a proof uses when none is given: a typical short link.
pub const SAMPLE_PAYLOAD: &str = "https://qr.example.com/r/Ab3xK9pQ";

/// Draws `payload` in `style` at `size_mm` (quiet zone included) and decodes it back.
pub fn sample(style: &Style, payload: &str, size_mm: f64) -> StyleSample {
    let mut problem = style.check(false).err().map(|e| e.to_string());
    let ec = style.ec(None).ok().flatten().unwrap_or(EcLevel::M);
    let frame = style
        .frame
        .as_deref()
        .map(|t| match CaptionTemplate::parse(t, 1, None) {
            Ok(tpl) => tpl.render(1, 1, |f| (f == "name").then_some("Table 12")),
            Err(_) => t.to_string(),
        })
        .unwrap_or_default();
    let quiet = 4;
    let (svg_text, scans) = match encode_matrix(payload, ec) {
        Ok((_, matrix)) => {
            let module = module_in_box(style, matrix.n, quiet, size_mm);
            if module < MIN_MODULE_MM && problem.is_none() {
                problem = Some(format!(
                    "at {size_mm:.0} mm each module is {module:.2} mm, under the {MIN_MODULE_MM} mm \
                     a print needs; print it larger"
                ));
            }
            let scans = proof::scans(style, &matrix, quiet, size_mm, &frame, payload);
            if !scans && problem.is_none() {
                problem = Some(
                    "this style does not scan at this size: the proof could not read it back; use \
                     a smaller logo, plainer modules or stronger contrast"
                        .to_string(),
                );
            }
            (svg(style, &matrix, quiet, size_mm, &frame), scans)
        }
        Err(_) => {
            problem.get_or_insert_with(|| "this text is too long for one QR code".to_string());
            (String::new(), false)
        }
    };
    StyleSample {
        svg: svg_text,
        contrast: style.contrast(),
        scans: scans && problem.is_none(),
        problem,
        warnings: style.warnings(),
        ec,
    }
}
