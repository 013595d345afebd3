//! The shape vocabulary of a style: how data modules, finder rings and finder centres are drawn,
//! and where a frame's text sits. Parsing gives a sentence naming the accepted words.

use serde::{Deserialize, Serialize};

use crate::error::PrintError;

/// How dark data modules are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleShape {
    #[default]
    Square,
    Rounded,
    Dots,
    Diamond,
    Vertical,
    Horizontal,
}

/// How a finder eye's ring or its centre is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinderShape {
    #[default]
    Square,
    Rounded,
    Circle,
}

/// Where the frame's call-to-action band sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FramePosition {
    Top,
    #[default]
    Bottom,
}

fn unknown(key: &str, value: &str, words: &[&str]) -> PrintError {
    PrintError::option(format!(
        "the style's {key} \"{value}\" is not one QR Desk knows; use one of: {}",
        words.join(", ")
    ))
}

impl ModuleShape {
    pub const ALL: [ModuleShape; 6] = [
        ModuleShape::Square,
        ModuleShape::Rounded,
        ModuleShape::Dots,
        ModuleShape::Diamond,
        ModuleShape::Vertical,
        ModuleShape::Horizontal,
    ];

    pub fn word(self) -> &'static str {
        match self {
            ModuleShape::Square => "square",
            ModuleShape::Rounded => "rounded",
            ModuleShape::Dots => "dots",
            ModuleShape::Diamond => "diamond",
            ModuleShape::Vertical => "vertical",
            ModuleShape::Horizontal => "horizontal",
        }
    }

    pub fn parse(text: &str) -> Result<Self, PrintError> {
        let t = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|s| s.word() == t)
            .ok_or_else(|| unknown("modules", text, &Self::ALL.map(Self::word)))
    }
}

impl FinderShape {
    pub const ALL: [FinderShape; 3] =
        [FinderShape::Square, FinderShape::Rounded, FinderShape::Circle];

    pub fn word(self) -> &'static str {
        match self {
            FinderShape::Square => "square",
            FinderShape::Rounded => "rounded",
            FinderShape::Circle => "circle",
        }
    }

    pub fn parse(key: &str, text: &str) -> Result<Self, PrintError> {
        let t = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|s| s.word() == t)
            .ok_or_else(|| unknown(key, text, &Self::ALL.map(Self::word)))
    }
}

impl FramePosition {
    pub fn word(self) -> &'static str {
        match self {
            FramePosition::Top => "top",
            FramePosition::Bottom => "bottom",
        }
    }

    pub fn parse(text: &str) -> Result<Self, PrintError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "top" => Ok(FramePosition::Top),
            "bottom" => Ok(FramePosition::Bottom),
            _ => Err(unknown("frame_position", text, &["top", "bottom"])),
        }
    }
}
