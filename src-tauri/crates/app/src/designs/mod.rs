//! Label designs: the library of named designs (SQLite, each with its own copy of the font files
//! it names), the design file a team shares (added from and exported to TOML with the fonts next
//! to it), the Designs page's draft and live preview, and the design a print job names.
//!
//! The print engine owns what a design means (keys, checks, layout, fitting text, embedding
//! fonts); the store owns the tables. Here: the page's draft turned into a design and back, the
//! library's use cases, the preview.

mod draft;
mod library;
mod preview;

pub use draft::{draft_of, spec_of_draft};
pub use library::{
    add_design_file, design_arg_is_file, export_design, list_designs, load_design, remove_design,
    resolve_design_arg, save_design, show_design, DesignDetails,
};
pub use preview::preview_design;
