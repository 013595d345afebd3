//! The Styles page's [`StyleDraft`] and the print engine's style, both ways: a draft becomes the
//! style file's keys (as text) plus the logo's bytes, and a stored style becomes a draft with
//! every key filled in.

use base64::Engine as _;
use qrdesk_core::AppError;
use qrdesk_print::style::{self as engine, Logo, Style, StyleSpec};

use crate::ipc::styles::{FinderShape, FramePosition, LogoData, ModuleShape, StyleDraft};

fn module_word(m: ModuleShape) -> &'static str {
    match m {
        ModuleShape::Square => "square",
        ModuleShape::Rounded => "rounded",
        ModuleShape::Dots => "dots",
        ModuleShape::Diamond => "diamond",
        ModuleShape::Vertical => "vertical",
        ModuleShape::Horizontal => "horizontal",
    }
}

fn module_of(m: engine::ModuleShape) -> ModuleShape {
    match m {
        engine::ModuleShape::Square => ModuleShape::Square,
        engine::ModuleShape::Rounded => ModuleShape::Rounded,
        engine::ModuleShape::Dots => ModuleShape::Dots,
        engine::ModuleShape::Diamond => ModuleShape::Diamond,
        engine::ModuleShape::Vertical => ModuleShape::Vertical,
        engine::ModuleShape::Horizontal => ModuleShape::Horizontal,
    }
}

fn finder_word(f: FinderShape) -> &'static str {
    match f {
        FinderShape::Square => "square",
        FinderShape::Rounded => "rounded",
        FinderShape::Circle => "circle",
    }
}

fn finder_of(f: engine::FinderShape) -> FinderShape {
    match f {
        engine::FinderShape::Square => FinderShape::Square,
        engine::FinderShape::Rounded => FinderShape::Rounded,
        engine::FinderShape::Circle => FinderShape::Circle,
    }
}

fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The draft as the style file's keys and its logo.
pub fn spec_of_draft(d: &StyleDraft) -> Result<(StyleSpec, Option<Logo>), AppError> {
    let logo = match &d.logo {
        None => None,
        Some(LogoData { file_name, data_base64 }) => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data_base64.trim())
                .map_err(|_| {
                    AppError::bad_input(format!(
                        "The logo {file_name} did not arrive whole; pick the file again"
                    ))
                })?;
            Some(Logo::load(file_name, bytes).map_err(AppError::from)?)
        }
    };
    let spec = StyleSpec {
        name: non_empty(&d.name),
        dark: non_empty(&d.dark),
        light: non_empty(&d.light),
        modules: Some(module_word(d.modules).into()),
        finder: Some(finder_word(d.finder).into()),
        finder_center: Some(finder_word(d.finder_center).into()),
        finder_color: d.finder_color.as_deref().and_then(non_empty),
        logo: logo.as_ref().map(|l| l.file_name.clone()),
        logo_size: Some(d.logo_size),
        frame: d.frame.as_deref().and_then(non_empty),
        frame_position: Some(
            match d.frame_position {
                FramePosition::Top => "top",
                FramePosition::Bottom => "bottom",
            }
            .into(),
        ),
        frame_color: non_empty(&d.frame_color),
    };
    Ok((spec, logo))
}

/// The draft resolved into a drawable style (its colours and words checked).
pub fn style_of_draft(d: &StyleDraft) -> Result<Style, AppError> {
    let (spec, logo) = spec_of_draft(d)?;
    Style::resolve(&spec, logo).map_err(AppError::from)
}

/// A resolved style as the page edits it: every key filled in, colours as written.
pub fn draft_of(style: &Style) -> StyleDraft {
    let spec = &style.spec;
    let text = |v: &Option<String>, default: &str| {
        v.as_deref().and_then(non_empty).unwrap_or_else(|| default.to_string())
    };
    StyleDraft {
        name: style.name.clone(),
        dark: text(&spec.dark, "k"),
        light: text(&spec.light, "paper"),
        modules: module_of(style.modules),
        finder: finder_of(style.finder),
        finder_center: finder_of(style.finder_center),
        finder_color: spec.finder_color.as_deref().and_then(non_empty),
        logo: style.logo.as_ref().map(|l| LogoData {
            file_name: l.file_name.clone(),
            data_base64: base64::engine::general_purpose::STANDARD.encode(&l.bytes),
        }),
        logo_size: style.logo_size,
        frame: style.frame.clone(),
        frame_position: match style.frame_position {
            engine::FramePosition::Top => FramePosition::Top,
            engine::FramePosition::Bottom => FramePosition::Bottom,
        },
        frame_color: text(&spec.frame_color, "k"),
    }
}
