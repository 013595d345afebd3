//! Brand styles: the library of named styles (SQLite, each with its own copy of the logo), the
//! style file a team shares (added from and exported to TOML with the logo next to it), the
//! Styles page's live proof, and the style a print job or a download names.
//!
//! The print engine owns what a style means (parsing, drawing, the guard rails and the decode
//! proof); the store owns the table. Here: one file per step — the page's draft turned into a
//! style and back, the library's use cases, the proof.

mod draft;
mod library;
mod proof;

pub use draft::{draft_of, style_of_draft};
pub use library::{
    add_style_file, export_style, list_styles, load_style, remove_style, resolve_style_arg,
    save_style, show_style, style_arg_is_file, StyleDetails,
};
pub use proof::preview_style;
