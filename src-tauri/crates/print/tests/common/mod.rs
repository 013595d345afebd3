//! Test helpers: build jobs, render PDFs with poppler's `pdftoppm`, decode every code with rqrr or rxing
//! (an independent decoder, not the encoder under test), and read PDF facts with `pdfinfo`,
//! `pdffonts`, `pdfimages` and `pdftotext`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use qrdesk_print::{
    find_layout, run, CsvSource, PrintError, PrintJob, PrintOptions, PrintReport, Source,
};

/// `https://qr.example.com/r/XXXXXXXX` style URLs, 33 bytes, deterministic.
pub fn url(i: usize) -> String {
    const A: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut s = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let slug: String = (0..8)
        .map(|_| {
            s = s.rotate_left(7).wrapping_mul(31).wrapping_add(17);
            A[(s % 62) as usize] as char
        })
        .collect();
    format!("https://qr.example.com/r/{slug}")
}

/// Writes `id,name,url` rows to `dir/name`.
pub fn write_csv(dir: &Path, name: &str, rows: usize) -> PathBuf {
    let mut text = String::from("id,name,url\n");
    for i in 0..rows {
        text.push_str(&format!("{},Table {:04},{}\n", i + 1, i + 1, url(i)));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

pub fn csv_job(csv: &Path, layout: &str, options: PrintOptions) -> PrintJob {
    PrintJob {
        source: Source::Csv(CsvSource {
            path: csv.to_path_buf(),
            column: None,
            delimiter: None,
            quantity_column: None,
        }),
        layout: find_layout(layout).unwrap(),
        options,
    }
}

pub fn run_job(job: &PrintJob, out: &Path) -> Result<PrintReport, PrintError> {
    run(job, out, &|_| {}, &AtomicBool::new(false))
}

/// A grey page image.
pub struct Gray {
    pub w: usize,
    pub h: usize,
    pub px: Vec<u8>,
}

/// Renders every page of `pdf` at `dpi` with pdftoppm (grey PGM).
pub fn render(pdf: &Path, dpi: u32) -> Vec<Gray> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    let status = Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) must be installed");
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    // p-1.pgm, p-2.pgm … p-10.pgm: sort by the number.
    files.sort_by_key(|p| {
        let stem = p.file_stem().unwrap().to_string_lossy().to_string();
        stem.rsplit('-').next().unwrap().parse::<u32>().unwrap()
    });
    files.iter().map(|f| parse_pgm(&std::fs::read(f).unwrap())).collect()
}

fn parse_pgm(data: &[u8]) -> Gray {
    // "P5\n<w> <h>\n255\n" then bytes.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while data[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !data[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..i]).to_string());
    }
    i += 1;
    assert_eq!(fields[0], "P5");
    let w: usize = fields[1].parse().unwrap();
    let h: usize = fields[2].parse().unwrap();
    Gray { w, h, px: data[i..i + w * h].to_vec() }
}

/// A decoded code: its text, EC level (0 = M, 1 = L, 2 = H, 3 = Q as in the format bits) and
/// centre in pixels.
#[derive(Debug, Clone)]
pub struct Found {
    pub text: String,
    pub ecc: u16,
    pub cx: f64,
    pub cy: f64,
}

/// Decodes every QR code on a page image with rqrr; when rqrr finds none (its finder locator
/// needs the square corners that rounded and circular eyes lack), with ZXing's detector (rxing).
pub fn decode(img: &Gray) -> Vec<Found> {
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(img.w, img.h, |x, y| img.px[y * img.w + x]);
    let found: Vec<Found> = prepared
        .detect_grids()
        .into_iter()
        .filter_map(|g| {
            let b = g.bounds;
            let (text_meta, text) = g.decode().ok()?;
            let cx = b.iter().map(|p| f64::from(p.x)).sum::<f64>() / 4.0;
            let cy = b.iter().map(|p| f64::from(p.y)).sum::<f64>() / 4.0;
            Some(Found { text, ecc: text_meta.ecc_level, cx, cy })
        })
        .collect();
    if !found.is_empty() {
        return found;
    }
    decode_rxing(img).into_iter().collect()
}

/// ZXing's QR reader (rxing) on the whole image; the EC level mapped to format bits as rqrr does.
pub fn decode_rxing(img: &Gray) -> Option<Found> {
    use rxing::RXingResultMetadataType as T;
    use rxing::RXingResultMetadataValue as V;
    let r = rxing::helpers::detect_in_luma(
        img.px.clone(),
        img.w as u32,
        img.h as u32,
        Some(rxing::BarcodeFormat::QR_CODE),
    )
    .ok()?;
    let ecc = match r.getRXingResultMetadata().get(&T::ERROR_CORRECTION_LEVEL) {
        Some(V::ErrorCorrectionLevel(l)) => match l.as_str() {
            "L" => 1,
            "M" => 0,
            "Q" => 3,
            "H" => 2,
            _ => u16::MAX,
        },
        _ => u16::MAX,
    };
    let pts = r.getPoints();
    let n = pts.len().max(1) as f64;
    let cx = pts.iter().map(|p| f64::from(p.x)).sum::<f64>() / n;
    let cy = pts.iter().map(|p| f64::from(p.y)).sum::<f64>() / n;
    Some(Found { text: r.getText().to_string(), ecc, cx, cy })
}

impl Gray {
    /// The part of the image inside the rectangle (mm from the top-left, at `dpi`).
    pub fn crop_mm(&self, x: f64, y: f64, w: f64, h: f64, dpi: u32) -> Gray {
        let s = f64::from(dpi) / 25.4;
        let x0 = ((x * s).floor().max(0.0) as usize).min(self.w);
        let y0 = ((y * s).floor().max(0.0) as usize).min(self.h);
        let x1 = (((x + w) * s).ceil() as usize).min(self.w);
        let y1 = (((y + h) * s).ceil() as usize).min(self.h);
        let mut px = Vec::with_capacity((x1 - x0) * (y1 - y0));
        for row in y0..y1 {
            px.extend_from_slice(&self.px[row * self.w + x0..row * self.w + x1]);
        }
        Gray { w: x1 - x0, h: y1 - y0, px }
    }
}

/// Decodes the single code inside each label slot of a rendered page (slot order).
pub fn decode_slots(
    img: &Gray,
    imp: &qrdesk_print::Imposition,
    count: usize,
    dpi: u32,
) -> Vec<Vec<Found>> {
    (0..count as u32)
        .map(|slot| {
            let (x, y) = imp.label_origin(slot);
            decode(&img.crop_mm(x, y, imp.label_w, imp.label_h, dpi))
        })
        .collect()
}

pub fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name).args(args).arg(pdf).output().unwrap();
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The text of the PDF (`pdftotext PDF -`).
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// `pdfinfo -box` of page `page`: (MediaBox, BleedBox, TrimBox) as [x1, y1, x2, y2] in pt.
pub fn boxes(pdf: &Path, page: u32) -> ([f64; 4], [f64; 4], [f64; 4]) {
    let p = page.to_string();
    let info = tool("pdfinfo", &["-box", "-f", &p, "-l", &p], pdf);
    let get = |name: &str| -> [f64; 4] {
        let line = info
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} missing in {info}"));
        let nums: Vec<f64> = line
            .split(':')
            .nth(1)
            .unwrap()
            .split_whitespace()
            .map(|v| v.parse().unwrap())
            .collect();
        [nums[0], nums[1], nums[2], nums[3]]
    };
    (get("MediaBox"), get("BleedBox"), get("TrimBox"))
}

pub fn page_count(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[], pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

/// Every content stream of the PDF, inflated.
pub fn content_streams(pdf: &Path) -> Vec<String> {
    let data = std::fs::read(pdf).unwrap();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(pos) = find(&data[at..], b"stream\n") {
        let start = at + pos + 7;
        let Some(end) = find(&data[start..], b"\nendstream") else { break };
        let body = &data[start..start + end];
        if let Ok(raw) = miniz_oxide::inflate::decompress_to_vec_zlib(body) {
            out.push(String::from_utf8_lossy(&raw).to_string());
        }
        at = start + end + b"\nendstream".len();
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

pub const PT_PER_MM: f64 = 72.0 / 25.4;
