//! The Styles page's requests and answers: a brand style as the page edits it (the same keys
//! as the style file), and the live proof drawn and decoded by the print engine.

use serde::{Deserialize, Serialize};

/// How dark modules are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ModuleShape {
    Square,
    Rounded,
    Dots,
    Diamond,
    Vertical,
    Horizontal,
}

/// How a finder eye's ring or centre is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum FinderShape {
    Square,
    Rounded,
    Circle,
}

/// Where the call-to-action frame's text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum FramePosition {
    Top,
    Bottom,
}

/// A logo file's name and bytes (base64), as picked in the window or kept in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct LogoData {
    /// The file's name as picked (`logo.svg`); its extension says SVG, PNG or JPEG.
    pub file_name: String,
    pub data_base64: String,
}

/// A brand style: the keys of the style file. Colours are written as in the file: `k`,
/// `cmyk:C,M,Y,K`, `spot:NAME[:C,M,Y,K]`, `rgb:#rrggbb`; `light` may also be `paper`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StyleDraft {
    pub name: String,
    pub dark: String,
    pub light: String,
    pub modules: ModuleShape,
    pub finder: FinderShape,
    pub finder_center: FinderShape,
    /// Both finder parts, when different from `dark`.
    pub finder_color: Option<String>,
    pub logo: Option<LogoData>,
    /// Logo side as a fraction of the symbol's side (quiet zone excluded).
    pub logo_size: f64,
    /// Call-to-action text (`Scan me`, `{name}`); `None` = no frame.
    pub frame: Option<String>,
    pub frame_position: FramePosition,
    pub frame_color: String,
}

/// Asks for the live proof of a style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StylePreviewRequest {
    pub style: StyleDraft,
    /// What the proof encodes; `None` = a typical short link.
    pub payload: Option<String>,
    /// The printed side of the code, quiet zone included (mm); the proof is decoded at this size.
    pub size_mm: f64,
}

/// The style drawn by the print engine's renderer and decoded back at its printed size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct StyleProof {
    /// The styled code (frame included) as a standalone SVG, 1 unit = 1 mm. Empty when the
    /// style is refused before drawing.
    pub svg: String,
    /// Contrast of the dark ink against the light one (1 = none, 21 = black on white).
    pub contrast: f64,
    /// `true` when the proof decodes back to the payload.
    pub scans: bool,
    /// Why the style would be refused for printing, as a sentence; `None` when it is fine.
    pub problem: Option<String>,
    /// Things worth knowing that do not stop printing (RGB ink, low-resolution logo…).
    pub warnings: Vec<String>,
    /// The error correction level the style prints at (H when it has a logo).
    pub ec: super::print::EcLevel,
}
