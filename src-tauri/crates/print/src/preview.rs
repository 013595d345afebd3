//! The UI's live preview: one page of a job as SVG, laid out by the same engine that writes the
//! PDF (same imposition, same placements, same encoder and EC level), so what the preview shows
//! is where the codes will print. Text is drawn with the system's sans-serif font, which is the
//! one approximation: the PDF embeds DejaVu Sans.

use std::fmt::Write as _;
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use crate::engine::{run_pipeline, Placement, Plan};
use crate::error::{PrintError, RowProblem};
use crate::options::PrintJob;
use crate::pdf::document::DocumentWriter;
use crate::style::render::{self, StyledCode};
use crate::style::svg_canvas::SvgCanvas;
use crate::symbol::{encode, encode_matrix};

/// One previewed page and what the engine found on the way to it.
#[derive(Debug, Clone, Serialize)]
pub struct PreviewPage {
    /// A standalone SVG document, 1 user unit = 1 mm.
    pub svg: String,
    /// Codes on this page.
    pub labels: u64,
    /// Rows read up to and including this page.
    pub rows_read: u64,
    /// Rows that will not print, up to this page (row, value, reason, fix).
    pub problems: Vec<RowProblem>,
    /// Things worth knowing up to this page (text cut short, characters a font lacks …).
    pub warnings: Vec<String>,
}

/// Page `page_index` (from 0) of `job` as SVG. Invalid rows are reported, not fatal, so the
/// preview can list every problem before printing.
pub fn render_preview_svg(job: &PrintJob, page_index: u64) -> Result<PreviewPage, PrintError> {
    let mut lenient = job.clone();
    lenient.options.skip_invalid = true;
    lenient.options.verify = false;
    lenient.options.manifest = None;
    let plan = Plan::new(&lenient)?;
    let mut doc = DocumentWriter::new(std::io::sink(), &lenient.options)?;
    let never = AtomicBool::new(false);
    let mut placed: Vec<Placement> = Vec::new();
    let outcome = run_pipeline(&plan, &mut doc, 0, Some(page_index), &|_| {}, &never, &mut |p| {
        if p.page == page_index + 1 {
            placed.push(p.clone());
        }
        Ok(())
    })?;
    let imp = &plan.imp;
    let ink = lenient.options.ink.hex();
    let quiet = f64::from(lenient.options.quiet_zone);
    let mut svg = String::with_capacity(16 * 1024);
    let (w, h) = (imp.media_w, imp.media_h);
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.2} {h:.2}" width="{w:.2}mm" height="{h:.2}mm"><rect width="{w:.2}" height="{h:.2}" fill="#ffffff"/>"##
    );
    if !imp.one_per_page {
        for slot in 0..imp.per_page() {
            let (x, y) = imp.label_origin(slot);
            let _ = write!(
                svg,
                r##"<rect x="{x:.2}" y="{y:.2}" width="{:.2}" height="{:.2}" rx="1.5" fill="none" stroke="#c9ced6" stroke-width="0.2"/>"##,
                imp.label_w, imp.label_h
            );
        }
    } else {
        let t = imp.trim;
        let _ = write!(
            svg,
            r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="#c9ced6" stroke-width="0.2" stroke-dasharray="1 1"/>"##,
            t.x, t.y, t.w, t.h
        );
    }
    let mut styled = SvgCanvas::default();
    for p in &placed {
        if let Some(style) = &lenient.options.style {
            // Same payload, EC level, style and box as the PDF: the same drawing.
            let Ok((_, matrix)) = encode_matrix(&p.payload, plan.ec) else { continue };
            let q = lenient.options.quiet_zone;
            let code = StyledCode::new(style, &matrix);
            let placed = render::place(style, matrix.n, q, p.x, p.y, p.size);
            let text = render::frame_text(&placed, &p.frame);
            render::draw(&mut styled, style, &code, &placed, q, text.as_ref());
            svg.push_str(&std::mem::take(&mut styled.body));
            caption(&mut svg, p);
            continue;
        }
        // Same payload and EC as the PDF: the same symbol.
        let Ok(symbol) = encode(&p.payload, plan.ec) else { continue };
        let unit = p.size / (f64::from(symbol.modules) + 2.0 * quiet);
        let _ = write!(
            svg,
            r#"<g transform="translate({:.3} {:.3}) scale({unit:.5})" fill="{ink}" shape-rendering="crispEdges"><path d=""#,
            p.x + quiet * unit,
            p.y + quiet * unit
        );
        for r in &symbol.rects {
            let _ = write!(svg, "M{} {}h{}v{}h-{}z", r.x, r.y, r.w, r.h, r.w);
        }
        svg.push_str("\"/></g>");
        caption(&mut svg, p);
    }
    svg.push_str("</svg>");
    Ok(PreviewPage {
        svg,
        labels: placed.len() as u64,
        rows_read: outcome.rows,
        problems: outcome.skipped,
        warnings: outcome.warnings,
    })
}

/// The caption of `p`, if any, and its design's lines as SVG text (the lines where the PDF
/// puts them, at the size the engine fitted).
fn caption(svg: &mut String, p: &Placement) {
    for line in &p.lines {
        let _ = write!(
            svg,
            r##"<text x="{:.2}" y="{:.2}" font-family="DejaVu Sans, sans-serif" font-size="{:.3}" font-weight="{}" fill="#1f2430" xml:space="preserve">{}</text>"##,
            line.x,
            line.baseline,
            f64::from(line.size_pt) * crate::length::MM_PER_PT,
            if line.bold { "bold" } else { "normal" },
            xml_escape(&line.text)
        );
    }
    if let (Some(a), false) = (p.caption_area, p.caption.is_empty()) {
        let (text, size) = fit_caption(&p.caption, a.w, a.h);
        let _ = write!(
            svg,
            r##"<text x="{:.2}" y="{:.2}" font-family="sans-serif" font-size="{size:.2}" fill="#1f2430" text-anchor="middle" dominant-baseline="middle">{}</text>"##,
            a.x + a.w / 2.0,
            a.y + a.h / 2.0,
            xml_escape(&text)
        );
    }
}

/// Average advance of a sans-serif glyph, as a share of the font size.
const GLYPH_ADVANCE: f64 = 0.55;
/// The smallest caption the preview draws (mm); the PDF engine stops shrinking at 5 pt too.
const MIN_CAPTION_MM: f64 = 1.8;

/// Shrinks a caption to the box's width (like the PDF engine), and cuts it with "…" when even
/// the smallest size does not fit.
fn fit_caption(text: &str, width: f64, height: f64) -> (String, f64) {
    let chars = text.chars().count().max(1) as f64;
    let size = (height.min(4.0) * 0.8).min(width / (chars * GLYPH_ADVANCE));
    if size >= MIN_CAPTION_MM {
        return (text.to_string(), size);
    }
    let fits = ((width / (MIN_CAPTION_MM * GLYPH_ADVANCE)).floor() as usize).saturating_sub(1);
    let cut: String = text.chars().take(fits).collect();
    (format!("{cut}…"), MIN_CAPTION_MM)
}

fn xml_escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            c if c.is_control() => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::find_layout;
    use crate::options::PrintOptions;
    use crate::source::{PrintItem, Source};

    fn job(payloads: &[&str]) -> PrintJob {
        let items = payloads
            .iter()
            .map(|p| PrintItem {
                payload: p.to_string(),
                fields: [("name".to_string(), format!("<{p}>"))].into_iter().collect(),
            })
            .collect();
        PrintJob {
            source: Source::Items(items),
            layout: find_layout("avery-l7160").unwrap(),
            options: PrintOptions { caption: Some("{name}".into()), ..PrintOptions::default() },
        }
    }

    #[test]
    fn draws_every_code_of_the_page_and_escapes_captions() {
        let page =
            render_preview_svg(&job(&["https://a.example/1", "https://a.example/2"]), 0).unwrap();
        assert_eq!(page.labels, 2);
        assert!(page.problems.is_empty());
        assert!(page.svg.starts_with("<svg") && page.svg.ends_with("</svg>"));
        assert_eq!(page.svg.matches("<path").count(), 2, "one path per code");
        assert!(page.svg.contains("&lt;https://a.example/1&gt;"), "caption escaped");
        assert_eq!(page.svg.matches("stroke=\"#c9ced6\"").count(), 21, "all 21 label outlines");
    }

    #[test]
    fn long_captions_shrink_then_are_cut() {
        let (text, size) = fit_caption("Short", 40.0, 6.0);
        assert_eq!(text, "Short");
        assert!(size > 3.0);
        let long = "Autumn launch poster for the north entrance of store 32";
        let (text, size) = fit_caption(long, 30.0, 6.0);
        assert!(text.ends_with('…'), "{text}");
        assert!((text.chars().count() as f64) * size * GLYPH_ADVANCE <= 30.0 + size);
    }

    #[test]
    fn lists_bad_rows_instead_of_failing() {
        let long = "x".repeat(5000);
        let page = render_preview_svg(&job(&["https://a.example/1", "", &long]), 0).unwrap();
        assert_eq!(page.labels, 1);
        assert_eq!(page.problems.len(), 2);
        assert_eq!(page.problems[0].row, 2);
    }

    #[test]
    fn draws_only_its_page_but_lists_the_problems_of_the_rows_it_read() {
        // 60 rows; rows 3 (empty) and 40 (too long) will not print. Page 1 holds rows 1–2 and
        // 4–22; the problem on row 40, on page 2, is listed all the same.
        let long = "x".repeat(5000);
        let payloads: Vec<String> = (1..=60)
            .map(|i| match i {
                3 => String::new(),
                40 => long.clone(),
                _ => format!("https://a.example/{i}"),
            })
            .collect();
        let refs: Vec<&str> = payloads.iter().map(String::as_str).collect();
        let page = render_preview_svg(&job(&refs), 0).unwrap();
        assert_eq!(page.labels, 21);
        assert_eq!(page.problems.iter().map(|p| p.row).collect::<Vec<_>>(), vec![3, 40]);
        for i in (1..=22).filter(|i| *i != 3) {
            assert!(page.svg.contains(&format!("&lt;https://a.example/{i}&gt;")), "row {i}");
        }
        assert!(!page.svg.contains("&lt;https://a.example/23&gt;"), "row 23 is on page 2");

        let second = render_preview_svg(&job(&refs), 1).unwrap();
        assert_eq!(second.labels, 21);
        assert!(second.svg.contains("&lt;https://a.example/23&gt;"));
        assert!(!second.svg.contains("&lt;https://a.example/22&gt;"));
    }
}
