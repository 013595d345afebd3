//! QR encoding (via `fast_qr`, the fastest of the three Rust encoders measured, see
//! `examples/encoder_bench.rs`) and the vector geometry drawn for one symbol.
//!
//! The geometry is a list of rectangles in module units (x to the right, y down, origin at the
//! symbol's top-left corner without quiet zone): horizontal runs of dark modules, merged
//! downwards when the same run repeats on the next row. The PDF, SVG, PNG and `--verify`
//! paths all draw exactly this list.

use serde::{Deserialize, Serialize};

/// QR error correction level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EcLevel {
    L,
    #[default]
    M,
    Q,
    H,
}

impl EcLevel {
    pub fn parse(text: &str) -> Option<EcLevel> {
        match text.trim().to_ascii_uppercase().as_str() {
            "L" => Some(EcLevel::L),
            "M" => Some(EcLevel::M),
            "Q" => Some(EcLevel::Q),
            "H" => Some(EcLevel::H),
            _ => None,
        }
    }

    /// Largest byte-mode payload of a version-40 symbol at this level.
    pub fn max_bytes(self) -> usize {
        match self {
            EcLevel::L => 2953,
            EcLevel::M => 2331,
            EcLevel::Q => 1663,
            EcLevel::H => 1273,
        }
    }

    fn to_fast_qr(self) -> fast_qr::ECL {
        match self {
            EcLevel::L => fast_qr::ECL::L,
            EcLevel::M => fast_qr::ECL::M,
            EcLevel::Q => fast_qr::ECL::Q,
            EcLevel::H => fast_qr::ECL::H,
        }
    }
}

/// A dark rectangle in module units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModuleRect {
    pub x: u16,
    pub y: u16,
    pub w: u16,
    pub h: u16,
}

/// An encoded symbol: its side in modules and the dark rectangles to draw.
#[derive(Debug, Clone)]
pub struct Symbol {
    /// Modules per side, without quiet zone (21 for version 1 … 177 for version 40).
    pub modules: u16,
    pub rects: Vec<ModuleRect>,
}

impl Symbol {
    /// QR version (1–40).
    pub fn version(&self) -> u16 {
        (self.modules - 17) / 4
    }
}

/// Why a payload could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    Empty,
    TooLong { bytes: usize, max: usize },
}

/// The encoder's symbol for `payload` at `ec` (the smallest version that fits).
fn build(payload: &str, ec: EcLevel) -> Result<fast_qr::QRCode, EncodeError> {
    if payload.is_empty() {
        return Err(EncodeError::Empty);
    }
    let max = ec.max_bytes();
    fast_qr::QRBuilder::new(payload.as_bytes())
        .ecl(ec.to_fast_qr())
        .build()
        .map_err(|_| EncodeError::TooLong { bytes: payload.len(), max })
}

/// Encodes `payload` (bytes of its UTF-8) at `ec`, choosing the smallest version that fits.
pub fn encode(payload: &str, ec: EcLevel) -> Result<Symbol, EncodeError> {
    let code = build(payload, ec)?;
    let n = code.size;
    let dark = |x: usize, y: usize| code.data[y * n + x].value();
    Ok(Symbol { modules: n as u16, rects: merge_runs(n, dark) })
}

/// Every module of a symbol with what it is, for styled drawing (see `style::geometry`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleMatrix {
    pub n: u16,
    /// Per module, row by row: [`DARK`] | [`FINDER`] | [`PATTERN`] bits.
    pub cells: Vec<u8>,
}

/// The module is dark.
pub const DARK: u8 = 1;
/// The module belongs to a finder eye or its separator.
pub const FINDER: u8 = 2;
/// The module belongs to a timing or alignment pattern (never reshaped or cleared).
pub const PATTERN: u8 = 4;

impl ModuleMatrix {
    pub fn at(&self, x: u16, y: u16) -> u8 {
        self.cells[usize::from(y) * usize::from(self.n) + usize::from(x)]
    }
}

/// Encodes like [`encode`] and also returns the module matrix with each module's role.
pub fn encode_matrix(payload: &str, ec: EcLevel) -> Result<(Symbol, ModuleMatrix), EncodeError> {
    let code = build(payload, ec)?;
    let n = code.size;
    let dark = |x: usize, y: usize| code.data[y * n + x].value();
    let symbol = Symbol { modules: n as u16, rects: merge_runs(n, dark) };
    let in_eye = |x: usize, y: usize| (x < 7 || x >= n - 7) && y < 7 || x < 7 && y >= n - 7;
    let cells = (0..n * n)
        .map(|i| {
            let m = code.data[i];
            let (x, y) = (i % n, i / n);
            let role = if in_eye(x, y) {
                FINDER
            } else {
                match m.module_type() {
                    fast_qr::ModuleType::Alignment | fast_qr::ModuleType::Timing => PATTERN,
                    _ => 0,
                }
            };
            role | u8::from(m.value())
        })
        .collect();
    Ok((symbol, ModuleMatrix { n: n as u16, cells }))
}

/// Horizontal runs of dark modules per row, each merged with identical runs directly below.
pub fn merge_runs(n: usize, dark: impl Fn(usize, usize) -> bool) -> Vec<ModuleRect> {
    let mut done = Vec::new();
    // Rectangles still growing downwards, keyed by their (x, w), in row order.
    let mut open: Vec<ModuleRect> = Vec::new();
    let mut row_runs: Vec<(u16, u16)> = Vec::with_capacity(n / 2);
    for y in 0..n {
        row_runs.clear();
        let mut x = 0;
        while x < n {
            if dark(x, y) {
                let start = x;
                while x < n && dark(x, y) {
                    x += 1;
                }
                row_runs.push((start as u16, (x - start) as u16));
            } else {
                x += 1;
            }
        }
        let mut next_open = Vec::with_capacity(row_runs.len());
        for &(x, w) in &row_runs {
            if let Some(i) = open.iter().position(|r| r.x == x && r.w == w) {
                let mut r = open.swap_remove(i);
                r.h += 1;
                next_open.push(r);
            } else {
                next_open.push(ModuleRect { x, y: y as u16, w, h: 1 });
            }
        }
        done.append(&mut open);
        open = next_open;
    }
    done.append(&mut open);
    done.sort_by_key(|r| (r.y, r.x));
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let pattern = |x: usize, y: usize| (x * 7 + y * 3) % 5 < 2 || (x < 7 && y < 7);
        let rects = merge_runs(25, pattern);
        let mut grid = vec![false; 25 * 25];
        for r in &rects {
            for y in r.y..r.y + r.h {
                for x in r.x..r.x + r.w {
                    assert!(!grid[y as usize * 25 + x as usize], "overlap at {x},{y}");
                    grid[y as usize * 25 + x as usize] = true;
                }
            }
        }
        for y in 0..25 {
            for x in 0..25 {
                assert_eq!(grid[y * 25 + x], pattern(x, y), "module {x},{y}");
            }
        }
    }

    #[test]
    fn benchmark_url_is_version_3_at_m() {
        let s = encode("https://qr.example.com/r/Ab3xK9pQ", EcLevel::M).unwrap();
        assert_eq!(s.modules, 29);
        assert_eq!(s.version(), 3);
        assert_eq!(encode("", EcLevel::M).unwrap_err(), EncodeError::Empty);
        let long = "x".repeat(1300);
        assert!(matches!(encode(&long, EcLevel::H), Err(EncodeError::TooLong { .. })));
    }
}
