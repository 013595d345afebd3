//! The Styles page's live proof: the draft drawn by the print engine's own renderer (so the
//! preview and the print cannot disagree), its contrast, the guard rails' verdict and the decode
//! proof at the printed size.

use qrdesk_core::rules::print::{MAX_CODE_MM, MIN_CODE_MM};
use qrdesk_core::AppError;
use qrdesk_print::style::{sample, StyleSample, SAMPLE_PAYLOAD};

use super::draft::style_of_draft;
use crate::ipc::print::EcLevel;
use crate::ipc::styles::{StylePreviewRequest, StyleProof};

/// Longest payload a proof encodes (a short link or a long destination).
const MAX_PROOF_PAYLOAD_CHARS: usize = 2048;

fn ec_of(ec: qrdesk_print::EcLevel) -> EcLevel {
    match ec {
        qrdesk_print::EcLevel::L => EcLevel::L,
        qrdesk_print::EcLevel::M => EcLevel::M,
        qrdesk_print::EcLevel::Q => EcLevel::Q,
        qrdesk_print::EcLevel::H => EcLevel::H,
    }
}

/// The engine's sample as the page shows it.
pub(crate) fn proof_of(s: &StyleSample) -> StyleProof {
    StyleProof {
        svg: s.svg.clone(),
        contrast: f64::from(s.contrast),
        scans: s.scans,
        problem: s.problem.clone(),
        warnings: s.warnings.clone(),
        ec: ec_of(s.ec),
    }
}

/// Draws and decodes the request's style. A style whose keys cannot be read answers with that
/// sentence as its problem (the page shows it beside the fields); a bad size is an error.
pub fn preview_style(request: &StylePreviewRequest) -> Result<StyleProof, AppError> {
    let size = request.size_mm;
    if !size.is_finite() || !(MIN_CODE_MM..=MAX_CODE_MM).contains(&size) {
        return Err(AppError::bad_input(format!(
            "A proof is drawn between {MIN_CODE_MM} and {MAX_CODE_MM} mm"
        )));
    }
    let payload = request.payload.as_deref().map(str::trim).filter(|p| !p.is_empty());
    if payload.is_some_and(|p| p.chars().count() > MAX_PROOF_PAYLOAD_CHARS) {
        return Err(AppError::bad_input(format!(
            "A proof encodes at most {MAX_PROOF_PAYLOAD_CHARS} characters"
        )));
    }
    let style = match style_of_draft(&request.style) {
        Ok(style) => style,
        Err(e) => {
            return Ok(StyleProof {
                svg: String::new(),
                contrast: 1.0,
                scans: false,
                problem: Some(e.message),
                warnings: Vec::new(),
                ec: if request.style.logo.is_some() { EcLevel::H } else { EcLevel::M },
            })
        }
    };
    let s = sample(&style, payload.unwrap_or(SAMPLE_PAYLOAD), size);
    Ok(proof_of(&s))
}
