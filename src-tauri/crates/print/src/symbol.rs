//! QR encoding and the vector geometry drawn for one symbol. The `qrcode` crate's own building
//! blocks make the symbol (optimal segments, codewords and error correction, function patterns,
//! data placement); `mask_choice` masks it, scoring the eight candidates as bit planes. Measured
//! against whole encoders in `examples/encoder_bench.rs` (README "Print benchmark").
//!
//! The geometry is a list of rectangles in module units (x to the right, y down, origin at the
//! symbol's top-left corner without quiet zone): horizontal runs of dark modules, merged
//! downwards when the same run repeats on the next row. The PDF, SVG, PNG and `--verify`
//! paths all draw exactly this list.

use serde::{Deserialize, Serialize};

use crate::mask_choice::{Planes, Unmasked};

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

    fn to_qrcode(self) -> qrcode::EcLevel {
        match self {
            EcLevel::L => qrcode::EcLevel::L,
            EcLevel::M => qrcode::EcLevel::M,
            EcLevel::Q => qrcode::EcLevel::Q,
            EcLevel::H => qrcode::EcLevel::H,
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
        version_of(self.modules)
    }
}

/// The QR version (1–40) of a symbol `modules` modules wide.
pub fn version_of(modules: u16) -> u16 {
    modules.saturating_sub(17) / 4
}

/// Why a payload could not be encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodeError {
    Empty,
    TooLong { bytes: usize, max: usize },
}

/// The symbol for `payload` at `ec` (the smallest version that fits), masked.
fn build(payload: &str, ec: EcLevel) -> Result<Planes, EncodeError> {
    if payload.is_empty() {
        return Err(EncodeError::Empty);
    }
    let too_long = |_| EncodeError::TooLong { bytes: payload.len(), max: ec.max_bytes() };
    let level = ec.to_qrcode();
    let bits = segments(payload, level).map_err(too_long)?;
    let version = bits.version();
    let (data, ecc) =
        qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).map_err(too_long)?;
    let mut canvas = qrcode::canvas::Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ecc);
    let n = usize::try_from(version.width()).unwrap_or(0);
    let (_, planes) = Unmasked::from_canvas(&canvas, n, level).best();
    Ok(planes)
}

/// The data bits in the smallest version that holds them. ASCII payloads get `qrcode`'s optimal
/// mix of numeric, alphanumeric and byte segments. Anything else is one byte segment of its
/// UTF-8: the optimiser would read some UTF-8 sequences (a CJK character's E6 97 A5, say) as
/// Shift JIS kanji, and scanners would then show other characters.
fn segments(payload: &str, level: qrcode::EcLevel) -> qrcode::QrResult<qrcode::bits::Bits> {
    if payload.is_ascii() {
        return qrcode::bits::encode_auto(payload.as_bytes(), level);
    }
    for v in 1..=40 {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(v));
        // The terminator is where a version too small says so.
        if bits
            .push_byte_data(payload.as_bytes())
            .and_then(|()| bits.push_terminator(level))
            .is_ok()
        {
            return Ok(bits);
        }
    }
    Err(qrcode::types::QrError::DataTooLong)
}

/// The side in modules of the symbol [`encode`] would make for `payload` at `ec`, or why it
/// cannot be made, without drawing or masking it (a preview checks rows it does not draw).
pub fn modules_for(payload: &str, ec: EcLevel) -> Result<u16, EncodeError> {
    if payload.is_empty() {
        return Err(EncodeError::Empty);
    }
    let bits = segments(payload, ec.to_qrcode())
        .map_err(|_| EncodeError::TooLong { bytes: payload.len(), max: ec.max_bytes() })?;
    Ok(u16::try_from(bits.version().width()).unwrap_or(0))
}

/// Encodes `payload` (bytes of its UTF-8) at `ec`, choosing the smallest version that fits.
pub fn encode(payload: &str, ec: EcLevel) -> Result<Symbol, EncodeError> {
    let planes = build(payload, ec)?;
    let n = planes.n;
    Ok(Symbol { modules: n as u16, rects: merge_runs(n, |x, y| planes.dark(x, y)) })
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
    let planes = build(payload, ec)?;
    let n = planes.n;
    let dark = |x: usize, y: usize| planes.dark(x, y);
    let symbol = Symbol { modules: n as u16, rects: merge_runs(n, dark) };
    let roles = roles(n);
    let cells = (0..n * n).map(|i| roles[i] | u8::from(planes.dark(i % n, i / n))).collect();
    Ok((symbol, ModuleMatrix { n: n as u16, cells }))
}

/// Every module's role for a symbol `n` modules wide, worked out once per version.
fn roles(n: usize) -> &'static [u8] {
    static ROLES: [std::sync::OnceLock<Vec<u8>>; 40] = [const { std::sync::OnceLock::new() }; 40];
    let version = (n.saturating_sub(17) / 4).clamp(1, 40);
    ROLES[version - 1].get_or_init(|| {
        let centres = alignment_centres(n);
        (0..n * n).map(|i| role(n, &centres, i % n, i / n)).collect()
    })
}

/// What a module is for styled drawing: [`FINDER`] inside the three 7 × 7 eyes, [`PATTERN`] on
/// a timing or alignment pattern, 0 otherwise (data, separators, format and version areas).
fn role(n: usize, centres: &[usize], x: usize, y: usize) -> u8 {
    let in_corner = |k: usize| (x < k || x >= n - k) && y < k || x < k && y >= n - k;
    if in_corner(7) {
        return FINDER;
    }
    if in_corner(8) {
        return 0; // separator
    }
    if x == 6 || y == 6 {
        return PATTERN; // timing
    }
    let format = (y == 8 && (x < 9 || x >= n - 8)) || (x == 8 && (y < 9 || y >= n - 8));
    let version =
        n >= 45 && ((x < 6 && y >= n - 11 && y < n - 8) || (y < 6 && x >= n - 11 && x < n - 8));
    if format || version {
        return 0;
    }
    let on_alignment = centres.iter().any(|&cy| {
        centres.iter().any(|&cx| {
            let in_eye_corner = in_corner_at(n, cx, cy);
            !in_eye_corner && x.abs_diff(cx) <= 2 && y.abs_diff(cy) <= 2
        })
    });
    if on_alignment {
        PATTERN
    } else {
        0
    }
}

/// An alignment centre that would overlap a finder eye is not drawn.
fn in_corner_at(n: usize, cx: usize, cy: usize) -> bool {
    (cx < 9 || cx >= n - 9) && cy < 9 || cx < 9 && cy >= n - 9
}

/// Row/column coordinates of the alignment pattern centres (ISO/IEC 18004 Annex E).
fn alignment_centres(n: usize) -> Vec<usize> {
    let version = (n - 17) / 4;
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let step = if version == 32 { 26 } else { (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2 };
    let mut centres: Vec<usize> = (0..count - 1).map(|i| n - 7 - i * step).collect();
    centres.push(6);
    centres.reverse();
    centres
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
    fn module_roles_match_fast_qr_on_every_version() {
        use fast_qr::ModuleType;
        #[rustfmt::skip]
        let versions = {
            use fast_qr::Version::*;
            [V01, V02, V03, V04, V05, V06, V07, V08, V09, V10, V11, V12, V13, V14, V15, V16, V17,
             V18, V19, V20, V21, V22, V23, V24, V25, V26, V27, V28, V29, V30, V31, V32, V33, V34,
             V35, V36, V37, V38, V39, V40]
        };
        for version in versions {
            let code = fast_qr::QRBuilder::new("x").version(version).build().unwrap();
            let n = code.size;
            for y in 0..n {
                for x in 0..n {
                    let eye = (x < 7 || x >= n - 7) && y < 7 || x < 7 && y >= n - 7;
                    let expected = match code.data[y * n + x].module_type() {
                        _ if eye => FINDER,
                        ModuleType::Alignment | ModuleType::Timing => PATTERN,
                        _ => 0,
                    };
                    assert_eq!(
                        roles(n)[y * n + x],
                        expected,
                        "module {x},{y} of a {n}-module symbol"
                    );
                }
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
