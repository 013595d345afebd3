//! A whole PDF document written page by page: page objects and their (compressed) content go
//! out as soon as each page is made; the page tree, the fonts the pages used and the catalog
//! follow at the end.

use std::collections::BTreeMap;
use std::io::Write;

use pdf_writer::{Chunk, Filter, Name, Rect, Ref, TextStr};

use super::font_objects::{deflate, write_font};
use super::page::font_res;
use super::writer::ObjectWriter;
use crate::error::PrintError;
use crate::font::{self, FontFile};
use crate::ink::Ink;
use crate::layout::{Area, Imposition};
use crate::length::pt;
use crate::options::PrintOptions;
use crate::style::pdf_canvas::{spot_res, write_style_objects, StyleRefs, EYE_RES, LOGO_RES};

/// A glyph a page shows: font number, glyph id, and the character it stands for.
pub type UsedGlyph = (usize, u16, char);

/// A page ready to be written: its content (uncompressed) and the glyphs its text uses.
pub struct PageOut {
    pub content: Vec<u8>,
    pub glyphs: Vec<UsedGlyph>,
}

pub struct DocumentWriter<W: Write> {
    w: ObjectWriter<W>,
    pages: Ref,
    /// One object per font number (written only when a page used it).
    fonts: Vec<Ref>,
    /// The design's font files (after the bundled faces).
    font_files: Vec<FontFile>,
    /// Spot colour spaces in resource order (`CS0` …).
    spots: Vec<Ref>,
    style: Option<StyleRefs>,
    page_ids: Vec<Ref>,
    glyphs: Vec<BTreeMap<u16, char>>,
}

fn io(e: std::io::Error) -> PrintError {
    PrintError::io("write", std::path::Path::new("the PDF"), e)
}

/// Every spot ink of a job (plain ink and style inks), once each, in resource order.
pub fn spot_inks(o: &PrintOptions) -> Vec<(String, [f32; 4])> {
    let mut inks: Vec<&Ink> = match &o.style {
        Some(style) => style.inks(),
        None => vec![&o.ink],
    };
    inks.retain(|i| matches!(i, Ink::Spot { .. }));
    let mut out: Vec<(String, [f32; 4])> = Vec::new();
    for ink in inks {
        if let Ink::Spot { name, alternate } = ink {
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name.clone(), *alternate));
            }
        }
    }
    out
}

impl<W: Write> DocumentWriter<W> {
    /// Starts a document for a job with these options: spot colours and the style's eye and
    /// logo objects are written first, once.
    pub fn new(out: W, options: &PrintOptions) -> Result<Self, PrintError> {
        let mut w = ObjectWriter::new(out).map_err(io)?;
        let pages = w.alloc();
        let font_files = options.design.as_ref().map(|d| d.fonts.clone()).unwrap_or_default();
        let count = font::FIRST_FILE + font_files.len();
        let fonts = (0..count).map(|_| w.alloc()).collect();
        let mut spots = Vec::new();
        for (name, alternate) in spot_inks(options) {
            let id = w.alloc();
            let mut chunk = Chunk::new();
            {
                let mut sep = chunk.color_space(id).separation(Name(name.as_bytes()));
                sep.alternate_color_space().device_cmyk();
                sep.tint_exponential()
                    .domain([0.0, 1.0])
                    .range([0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0])
                    .c0([0.0, 0.0, 0.0, 0.0])
                    .c1(alternate)
                    .n(1.0);
            }
            w.put(id, &chunk).map_err(io)?;
            spots.push(id);
        }
        let style = options.style.as_ref().map(|s| write_style_objects(&mut w, s)).transpose()?;
        Ok(DocumentWriter {
            w,
            pages,
            fonts,
            font_files,
            spots,
            style,
            page_ids: Vec::new(),
            glyphs: vec![BTreeMap::new(); count],
        })
    }

    /// Compresses `content` for a page stream (done in the parallel stage by callers).
    pub fn compress(content: &[u8]) -> Vec<u8> {
        deflate(content)
    }

    /// Writes one page whose content is already compressed.
    pub fn add_page(
        &mut self,
        imp: &Imposition,
        compressed: &[u8],
        glyphs: &[UsedGlyph],
    ) -> Result<(), PrintError> {
        let content_id = self.w.alloc();
        let mut chunk = Chunk::new();
        chunk.stream(content_id, compressed).filter(Filter::FlateDecode);
        self.w.put(content_id, &chunk).map_err(io)?;

        let page_id = self.w.alloc();
        let h = imp.media_h;
        let to_rect = |a: Area| Rect::new(pt(a.x), pt(h - a.y - a.h), pt(a.x + a.w), pt(h - a.y));
        let mut chunk = Chunk::new();
        {
            let mut page = chunk.page(page_id);
            page.parent(self.pages)
                .media_box(Rect::new(0.0, 0.0, pt(imp.media_w), pt(h)))
                .bleed_box(to_rect(imp.bleed))
                .trim_box(to_rect(imp.trim))
                .contents(content_id);
            let mut res = page.resources();
            if !glyphs.is_empty() {
                let mut used: Vec<usize> = glyphs.iter().map(|g| g.0).collect();
                used.dedup();
                used.sort_unstable();
                used.dedup();
                let mut fonts = res.fonts();
                for f in used.into_iter().filter(|f| *f < self.fonts.len()) {
                    fonts.pair(Name(font_res(f).as_bytes()), self.fonts[f]);
                }
            }
            if !self.spots.is_empty() {
                let mut spaces = res.color_spaces();
                for (i, id) in self.spots.iter().enumerate() {
                    spaces.pair(Name(spot_res(i).as_bytes()), *id);
                }
            }
            if let Some(style) = self.style {
                let mut x = res.x_objects();
                x.pair(EYE_RES, style.eye);
                if let Some(logo) = style.logo {
                    x.pair(LOGO_RES, logo);
                }
            }
        }
        self.w.put(page_id, &chunk).map_err(io)?;
        self.page_ids.push(page_id);
        for (f, g, c) in glyphs {
            if let Some(map) = self.glyphs.get_mut(*f) {
                map.entry(*g).or_insert(*c);
            }
        }
        Ok(())
    }

    /// Writes the page tree, the font, the catalog and the xref table.
    pub fn finish(mut self, title: &str) -> Result<W, PrintError> {
        let mut chunk = Chunk::new();
        chunk
            .pages(self.pages)
            .kids(self.page_ids.iter().copied())
            .count(self.page_ids.len() as i32);
        self.w.put(self.pages, &chunk).map_err(io)?;
        let sources = font::sources(&self.font_files);
        for ((source, used), id) in sources.iter().zip(&self.glyphs).zip(&self.fonts) {
            if !used.is_empty() {
                write_font(&mut self.w, *id, source, used)?;
            }
        }
        let catalog = self.w.alloc();
        let mut chunk = Chunk::new();
        chunk
            .indirect(catalog)
            .dict()
            .pair(Name(b"Type"), Name(b"Catalog"))
            .pair(Name(b"Pages"), self.pages);
        self.w.put(catalog, &chunk).map_err(io)?;
        let info = self.w.alloc();
        let mut chunk = Chunk::new();
        chunk
            .indirect(info)
            .dict()
            .pair(Name(b"Title"), TextStr(title))
            .pair(Name(b"Producer"), TextStr("QR Desk"));
        self.w.put(info, &chunk).map_err(io)?;
        self.w.finish(catalog, info).map_err(io)
    }
}
