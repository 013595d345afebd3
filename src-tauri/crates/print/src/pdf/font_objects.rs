//! A font's PDF objects, written once at the end of the document for every font a page used: a
//! Type0 font with Identity-H encoding whose CIDs are the original glyph ids, widths and a
//! ToUnicode CMap so text can be searched and copied. TrueType outlines are subset
//! (`subsetter`) with a CIDToGIDMap from original to subset ids; an OpenType file with CFF
//! outlines is embedded whole (FontFile3/OpenType), since a CFF CIDFont has no CIDToGIDMap and
//! the pages, written before the end, already name the original glyph ids.

use std::collections::BTreeMap;
use std::io::Write;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Filter, Name, Rect, Ref, Str};

use super::writer::ObjectWriter;
use crate::error::PrintError;
use crate::font::{self, FontSource};

/// Writes `source` under `type0` for the glyphs in `used` (glyph id → character).
pub fn write_font<W: Write>(
    w: &mut ObjectWriter<W>,
    type0: Ref,
    source: &FontSource,
    used: &BTreeMap<u16, char>,
) -> Result<(), PrintError> {
    let face = ttf_parser::Face::parse(source.data, 0).map_err(|_| {
        PrintError::option(format!(
            "the font {} could not be read; choose another font",
            source.name
        ))
    })?;
    let face = &face;
    let io = |e: std::io::Error| PrintError::io("write", std::path::Path::new("the PDF"), e);
    let cid = w.alloc();
    let descriptor = w.alloc();
    let file = w.alloc();
    let to_unicode = w.alloc();
    let cff = face.tables().cff.is_some();
    let cid_to_gid = if cff { None } else { Some(w.alloc()) };

    let mut remapper = subsetter::GlyphRemapper::new();
    remapper.remap(0);
    for gid in used.keys() {
        remapper.remap(*gid);
    }
    let subset = if cff {
        source.data.to_vec()
    } else {
        subsetter::subset(source.data, 0, &remapper).map_err(|e| {
            PrintError::option(format!(
                "the font {} could not be subset for the PDF ({e:?}); choose another font file",
                source.name
            ))
        })?
    };
    let tag = subset_tag(used);
    let base_font = format!("{tag}+{}", source.name);

    let mut chunk = Chunk::new();
    chunk
        .type0_font(type0)
        .base_font(Name(base_font.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(to_unicode);
    w.put(type0, &chunk).map_err(io)?;

    let mut chunk = Chunk::new();
    {
        let mut cid_font = chunk.cid_font(cid);
        cid_font
            .subtype(if cff { CidFontType::Type0 } else { CidFontType::Type2 })
            .base_font(Name(base_font.as_bytes()))
            .system_info(SystemInfo {
                registry: Str(b"Adobe"),
                ordering: Str(b"Identity"),
                supplement: 0,
            })
            .font_descriptor(descriptor)
            .default_width(font::width_1000(face, 0));
        if let Some(map) = cid_to_gid {
            cid_font.cid_to_gid_map_stream(map);
        }
        let mut widths = cid_font.widths();
        for gid in used.keys() {
            widths.consecutive(*gid, [font::width_1000(face, *gid)]);
        }
    }
    w.put(cid, &chunk).map_err(io)?;

    let upem = f32::from(face.units_per_em());
    let scale = |v: i16| f32::from(v) * 1000.0 / upem;
    let bbox = face.global_bounding_box();
    let mut chunk = Chunk::new();
    let mut desc = chunk.font_descriptor(descriptor);
    desc.name(Name(base_font.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(scale(bbox.x_min), scale(bbox.y_min), scale(bbox.x_max), scale(bbox.y_max)))
        .italic_angle(0.0)
        .ascent(scale(face.ascender()))
        .descent(scale(face.descender()))
        .cap_height(scale(face.capital_height().unwrap_or(face.ascender())))
        .stem_v(80.0);
    if cff {
        desc.font_file3(file);
    } else {
        desc.font_file2(file);
    }
    drop(desc);
    w.put(descriptor, &chunk).map_err(io)?;

    let compressed = deflate(&subset);
    let mut chunk = Chunk::new();
    {
        let mut stream = chunk.stream(file, &compressed);
        stream.filter(Filter::FlateDecode);
        if cff {
            stream.pair(Name(b"Subtype"), Name(b"OpenType"));
        } else {
            stream.pair(Name(b"Length1"), subset.len() as i32);
        }
    }
    w.put(file, &chunk).map_err(io)?;

    let Some(cid_to_gid) = cid_to_gid else {
        return write_cmap(w, to_unicode, used);
    };
    let max_cid = used.keys().next_back().copied().unwrap_or(0);
    let mut map = vec![0u8; (usize::from(max_cid) + 1) * 2];
    for gid in used.keys() {
        let new = remapper.get(*gid).unwrap_or(0);
        let i = usize::from(*gid) * 2;
        map[i..i + 2].copy_from_slice(&new.to_be_bytes());
    }
    let compressed = deflate(&map);
    let mut chunk = Chunk::new();
    chunk.stream(cid_to_gid, &compressed).filter(Filter::FlateDecode);
    w.put(cid_to_gid, &chunk).map_err(io)?;
    write_cmap(w, to_unicode, used)
}

/// The ToUnicode CMap: each glyph id (CID) to the character it shows.
fn write_cmap<W: Write>(
    w: &mut ObjectWriter<W>,
    to_unicode: Ref,
    used: &BTreeMap<u16, char>,
) -> Result<(), PrintError> {
    let io = |e: std::io::Error| PrintError::io("write", std::path::Path::new("the PDF"), e);
    let mut cmap = UnicodeCmap::new(
        Name(b"Custom"),
        SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"UCS"), supplement: 0 },
    );
    for (gid, c) in used {
        cmap.pair(*gid, *c);
    }
    let cmap = cmap.finish();
    let mut chunk = Chunk::new();
    chunk.cmap(to_unicode, &cmap);
    w.put(to_unicode, &chunk).map_err(io)?;
    Ok(())
}

/// Six upper-case letters derived from the glyph set (PDF subset naming convention).
fn subset_tag(used: &BTreeMap<u16, char>) -> String {
    let mut h: u32 = 2166136261;
    for gid in used.keys() {
        for b in gid.to_be_bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(16777619);
        }
    }
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8)).collect()
}

/// zlib-compresses a stream for `/FlateDecode`: zlib-rs (flate2's Rust port of zlib-ng) at
/// level 2. Measured on the benchmark's label pages (47 KB of content each): 301 µs and 9.0 KB
/// per page, against 821 µs and 8.1 KB for miniz_oxide at level 3 (README "Print benchmark").
pub fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 4),
        flate2::Compression::new(2),
    );
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}
