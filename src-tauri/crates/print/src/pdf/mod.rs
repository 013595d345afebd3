//! PDF output: a streaming object writer, page content, the document frame and the font.

pub mod document;
pub mod font_objects;
pub mod page;
pub mod writer;
