//! Fitting a field's text into its box: `shrink` (one line, smaller down to the minimum size),
//! `wrap` (lines broken at spaces, at the field's size) and `shrink-wrap` (shrink down to the
//! minimum, wrapping at each size). Text that still does not fit is cut with an ellipsis and
//! marked, so the engine can warn with the row.
//!
//! Only measuring lives here (advances from the font's `hmtx`, no shaping, as for captions);
//! where the lines go on the label is [`super::place`]'s, drawing is the PDF page's.

use ttf_parser::Face;

use crate::font::advance;
use crate::length::MM_PER_PT;

/// How a field's text is made to fit its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Shrink,
    Wrap,
    ShrinkWrap,
}

/// Line height as a share of the font size.
pub const LINE_HEIGHT: f64 = 1.2;
/// Step between the sizes `shrink-wrap` tries (points).
const SIZE_STEP: f32 = 0.25;
/// Slack when comparing widths (mm): sizes are `f32`, so a line shrunk to fit exactly can
/// measure a few nanometres over its box.
const EPS: f64 = 1e-3;

/// One laid-out line: glyph ids with their characters, and its width in mm.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub glyphs: Vec<(u16, char)>,
    pub width_mm: f64,
}

/// A field's text laid out in its box.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub size_pt: f32,
    pub lines: Vec<Line>,
    /// The text was cut short.
    pub truncated: bool,
    /// Characters the font cannot show (left out).
    pub missing: Vec<char>,
}

impl Block {
    /// Distance between baselines (mm).
    pub fn line_height_mm(&self) -> f64 {
        f64::from(self.size_pt) * MM_PER_PT * LINE_HEIGHT
    }
}

fn line_h(size: f32) -> f64 {
    f64::from(size) * MM_PER_PT * LINE_HEIGHT
}

/// Lays `text` out in a `w` × `h` mm box, starting at `size` points and never under `min`
/// (unless the box is too low for even one line at `min`).
pub fn fit_block(face: &Face, text: &str, w: f64, h: f64, size: f32, min: f32, fit: Fit) -> Block {
    let mut glyphs = Vec::with_capacity(text.len());
    let mut missing = Vec::new();
    for c in text.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c.is_control() {
            continue;
        }
        match face.glyph_index(c) {
            Some(g) => glyphs.push((g.0, c)),
            None if !missing.contains(&c) => missing.push(c),
            None => {}
        }
    }
    // A box too low for one line at the minimum: the tallest size that fits, however small.
    let tallest = (h / (MM_PER_PT * LINE_HEIGHT)) as f32;
    let min = min.min(size).min(tallest.max(1.0));
    let size = size.min(tallest.max(min));
    let em = |gs: &[(u16, char)]| gs.iter().map(|(g, _)| advance(face, *g)).sum::<f64>();
    let mm = |s: f32| f64::from(s) * MM_PER_PT;
    let (size, lines, truncated) = match fit {
        Fit::Shrink => {
            let width = em(&glyphs);
            let fits = if width > 0.0 { (w / (width * mm(1.0))) as f32 } else { size };
            let s = size.min(fits).max(min);
            let (line, cut) = cut_line(face, glyphs.clone(), w, s);
            (s, vec![line.glyphs], cut)
        }
        Fit::Wrap => wrapped(face, &glyphs, w, h, size),
        Fit::ShrinkWrap => {
            let mut s = size;
            loop {
                let lines = wrap(face, &glyphs, w, s);
                if lines.len() <= max_lines(h, s) || s <= min {
                    break;
                }
                s = (s - SIZE_STEP).max(min);
            }
            wrapped(face, &glyphs, w, h, s)
        }
    };
    let lines = lines.into_iter().map(|g| line_of(face, g, size)).collect();
    Block { size_pt: size, lines, truncated, missing }
}

fn max_lines(h: f64, size: f32) -> usize {
    ((h + EPS) / line_h(size)).floor().max(1.0) as usize
}

/// Wraps at `size`; lines past the box's height are dropped and the last kept one is cut.
fn wrapped(
    face: &Face,
    glyphs: &[(u16, char)],
    w: f64,
    h: f64,
    size: f32,
) -> (f32, Vec<Vec<(u16, char)>>, bool) {
    let mut lines = wrap(face, glyphs, w, size);
    let keep = max_lines(h, size);
    let mut truncated = false;
    if lines.len() > keep {
        lines.truncate(keep);
        truncated = true;
        if let Some(last) = lines.pop() {
            let (line, _) = cut_line(face, last, w, size);
            // The ellipsis goes on even when the kept part happened to fit.
            let mut g = line.glyphs;
            if g.last().map(|(_, c)| *c) != Some('…') {
                if let Some(e) = face.glyph_index('…') {
                    while !g.is_empty() && width(face, &g, size) + glyph_w(face, e.0, size) > w {
                        g.pop();
                    }
                    g.push((e.0, '…'));
                }
            }
            lines.push(g);
        }
    } else {
        for line in &mut lines {
            if width(face, line, size) > w + EPS {
                let (l, _) = cut_line(face, std::mem::take(line), w, size);
                *line = l.glyphs;
                truncated = true;
            }
        }
    }
    (size, lines, truncated)
}

fn glyph_w(face: &Face, gid: u16, size: f32) -> f64 {
    advance(face, gid) * f64::from(size) * MM_PER_PT
}

fn width(face: &Face, glyphs: &[(u16, char)], size: f32) -> f64 {
    glyphs.iter().map(|(g, _)| glyph_w(face, *g, size)).sum()
}

fn line_of(face: &Face, glyphs: Vec<(u16, char)>, size: f32) -> Line {
    let width_mm = width(face, &glyphs, size);
    Line { glyphs, width_mm }
}

/// Cuts `glyphs` to `w` mm at `size`, ending in an ellipsis when anything was dropped.
fn cut_line(face: &Face, mut glyphs: Vec<(u16, char)>, w: f64, size: f32) -> (Line, bool) {
    if width(face, &glyphs, size) <= w + EPS {
        return (line_of(face, glyphs, size), false);
    }
    let ell = face.glyph_index('…').map(|g| g.0);
    let ell_w = ell.map_or(0.0, |g| glyph_w(face, g, size));
    while !glyphs.is_empty() && width(face, &glyphs, size) + ell_w > w {
        glyphs.pop();
    }
    if let Some(e) = ell {
        if ell_w <= w {
            glyphs.push((e, '…'));
        }
    }
    (line_of(face, glyphs, size), true)
}

/// Greedy word wrap at `size`: breaks at spaces; a word wider than the box is broken between
/// characters. Spaces at line ends are dropped.
fn wrap(face: &Face, glyphs: &[(u16, char)], w: f64, size: f32) -> Vec<Vec<(u16, char)>> {
    let mut lines: Vec<Vec<(u16, char)>> = Vec::new();
    let mut line: Vec<(u16, char)> = Vec::new();
    let mut line_w = 0.0;
    let space = face.glyph_index(' ').map(|g| g.0);
    let space_w = space.map_or(0.0, |g| glyph_w(face, g, size));
    for word in glyphs.split(|(_, c)| *c == ' ').filter(|w| !w.is_empty()) {
        let word_w = width(face, word, size);
        let gap = if line.is_empty() { 0.0 } else { space_w };
        if line_w + gap + word_w <= w + EPS {
            if let (false, Some(s)) = (line.is_empty(), space) {
                line.push((s, ' '));
            }
            line.extend_from_slice(word);
            line_w += gap + word_w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
        }
        for g in word {
            let gw = glyph_w(face, g.0, size);
            if line_w + gw > w + EPS && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            line.push(*g);
            line_w += gw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::face;

    fn text(b: &Block) -> Vec<String> {
        b.lines.iter().map(|l| l.glyphs.iter().map(|(_, c)| c).collect()).collect()
    }

    #[test]
    fn shrink_keeps_one_line_and_cuts_only_under_the_minimum() {
        let f = face().unwrap();
        let b = fit_block(f, "Table 12", 40.0, 5.0, 9.0, 5.0, Fit::Shrink);
        assert_eq!((b.size_pt, b.truncated, b.lines.len()), (9.0, false, 1));
        let b = fit_block(f, "A rather long table name here", 30.0, 5.0, 9.0, 5.0, Fit::Shrink);
        assert!(b.size_pt < 9.0 && b.size_pt >= 5.0 && !b.truncated);
        assert!(b.lines[0].width_mm <= 30.0 + EPS);
        let b = fit_block(f, &"W".repeat(80), 30.0, 5.0, 9.0, 5.0, Fit::Shrink);
        assert!(b.truncated && b.size_pt == 5.0 && text(&b)[0].ends_with('…'));
        assert!(b.lines[0].width_mm <= 30.0 + EPS);
    }

    /// Found by the window's end-to-end test: a name shrunk to fit its box exactly measured a
    /// few nanometres over it (the size is an `f32`) and was cut with an ellipsis.
    #[test]
    fn a_line_shrunk_to_fit_exactly_is_not_cut() {
        let sources = crate::font::sources(&[]);
        let faces = crate::font::faces(&sources).unwrap();
        let bold = &faces[crate::font::BOLD];
        for w in [30.0, 33.5, 33.517, 35.25, 40.1] {
            let b = fit_block(bold, "Blackcurrant jam", w, 4.234, 10.0, 5.0, Fit::Shrink);
            assert!(!b.truncated, "cut at {w} mm: {:?}", text(&b));
        }
    }

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_what_is_past_the_box() {
        let f = face().unwrap();
        let b = fit_block(f, "Fresh basil from the garden", 25.0, 20.0, 9.0, 5.0, Fit::Wrap);
        assert_eq!(b.size_pt, 9.0);
        assert!(b.lines.len() >= 2 && !b.truncated, "{:?}", text(&b));
        assert!(b.lines.iter().all(|l| l.width_mm <= 25.0 + EPS));
        assert_eq!(text(&b).join(" "), "Fresh basil from the garden");
        let b = fit_block(f, &"word ".repeat(40), 25.0, 8.0, 9.0, 5.0, Fit::Wrap);
        assert!(b.truncated && text(&b).last().unwrap().ends_with('…'));
        assert!(b.lines.len() as f64 * b.line_height_mm() <= 8.0 + EPS);
    }

    #[test]
    fn shrink_wrap_shrinks_before_cutting() {
        let f = face().unwrap();
        let t = "Fresh basil from the kitchen garden, picked this morning";
        let b = fit_block(f, t, 25.0, 10.0, 9.0, 5.0, Fit::ShrinkWrap);
        assert!(b.size_pt < 9.0 && !b.truncated, "{} {:?}", b.size_pt, text(&b));
        assert!(b.lines.len() as f64 * b.line_height_mm() <= 10.0 + EPS);
        let b = fit_block(f, &t.repeat(6), 25.0, 10.0, 9.0, 5.0, Fit::ShrinkWrap);
        assert!(b.truncated && b.size_pt == 5.0);
    }

    #[test]
    fn a_long_word_is_broken_and_missing_characters_are_reported() {
        let f = face().unwrap();
        let b =
            fit_block(f, "https://example.com/a/very/long/path", 15.0, 30.0, 9.0, 5.0, Fit::Wrap);
        assert!(b.lines.len() > 1 && b.lines.iter().all(|l| l.width_mm <= 15.0 + EPS));
        let b = fit_block(f, "Café 漢字", 40.0, 5.0, 9.0, 5.0, Fit::Shrink);
        assert_eq!(b.missing, vec!['漢', '字']);
    }
}
