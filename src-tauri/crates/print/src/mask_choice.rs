//! Choosing a QR symbol's data mask, fast: the eight masked candidates are built and scored as
//! bit planes, 64 modules per machine word, instead of module by module.
//!
//! Owns the mask patterns, the format information each mask writes (BCH(15,5), ISO/IEC 18004
//! §7.9) and the four penalty rules of §7.8.3 as ZXing scores them (N1 runs of five or more,
//! N2 2×2 blocks, N3 1:1:3:1:1 finder lookalikes with four light modules on one side inside the
//! symbol, N4 the dark proportion). Everything else (segments, codewords, error correction,
//! placement, function patterns) is the `qrcode` crate's: it draws the unmasked symbol once, and
//! this module masks its data modules. A symbol up to version 11 (61 modules) is one word per
//! row, up to version 27 two, beyond that three: the rules run on as many words as the symbol
//! needs. The tests check every mask of every version and level against `qrcode`'s own masking
//! and ZXing's (rxing's) penalty code, and decode the chosen symbols with rqrr.

use std::sync::OnceLock;

/// Words per row: 177 modules (version 40) fit in three.
const WORDS: usize = 3;
/// Widest symbol (version 40).
const MAX_N: usize = 177;

/// One row (or column) of modules, bit `x % 64` of word `x / 64` = module `x` is dark.
pub type Line = [u64; WORDS];

/// A symbol as bit rows, `n` × `n` modules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planes {
    pub n: usize,
    pub rows: Vec<Line>,
}

impl Planes {
    pub fn dark(&self, x: usize, y: usize) -> bool {
        self.rows[y][x / 64] >> (x % 64) & 1 == 1
    }
}

/// An unmasked symbol: the modules that do not change with the mask (function patterns) and
/// the data modules before masking, as `qrcode`'s canvas holds them before `apply_mask`.
pub struct Unmasked {
    n: usize,
    /// Function-pattern modules with their values, data modules unmasked.
    base: Vec<Line>,
    /// The data modules (the ones a mask flips).
    data: Vec<Line>,
    /// Error-correction level bits of the format information (L 01, M 00, Q 11, H 10).
    ecl_bits: u32,
}

impl Unmasked {
    /// From `qrcode`'s canvas after `draw_all_functional_patterns` and `draw_data`.
    pub fn from_canvas(canvas: &qrcode::canvas::Canvas, n: usize, ec: qrcode::EcLevel) -> Unmasked {
        use qrcode::canvas::Module;
        let mut base = vec![[0; WORDS]; n];
        let mut data = vec![[0; WORDS]; n];
        for y in 0..n {
            for x in 0..n {
                let module = canvas.get(x as i16, y as i16);
                let bit = 1 << (x % 64);
                if module.is_dark() {
                    base[y][x / 64] |= bit;
                }
                // Remainder bits are left empty: they are data too (light, then masked).
                if matches!(module, Module::Unmasked(_) | Module::Empty) {
                    data[y][x / 64] |= bit;
                }
            }
        }
        let ecl_bits = match ec {
            qrcode::EcLevel::L => 1,
            qrcode::EcLevel::M => 0,
            qrcode::EcLevel::Q => 3,
            qrcode::EcLevel::H => 2,
        };
        Unmasked { n, base, data, ecl_bits }
    }

    /// The symbol as it is with `mask` (0–7): data modules masked, format bits written.
    pub fn masked(&self, mask: u8) -> Planes {
        let table = &patterns().rows[usize::from(mask)];
        let mut rows: Vec<Line> =
            (0..self.n).map(|y| xor(self.base[y], and(table[y], self.data[y]))).collect();
        let bits = format_bits(self.ecl_bits, u32::from(mask));
        write_format(self.n, bits, |x, y, dark| set_bit(&mut rows[y], x, dark));
        Planes { n: self.n, rows }
    }

    /// The mask with the lowest penalty (the lowest-numbered one on a tie) and its symbol.
    pub fn best(&self) -> (u8, Planes) {
        let scores = self.scores();
        let lowest = scores.iter().min().copied().unwrap_or(0);
        let mask = scores.iter().position(|s| *s == lowest).unwrap_or(0) as u8;
        (mask, self.masked(mask))
    }

    /// The total penalty of each of the eight masks.
    pub fn scores(&self) -> [u32; 8] {
        match self.n {
            0..=64 => self.scores_in::<1>(),
            65..=128 => self.scores_in::<2>(),
            _ => self.scores_in::<3>(),
        }
    }

    /// Scores the eight candidates by rows and by columns. The columns are masked as columns
    /// (transposed patterns, format bits written across), so the symbol is transposed once,
    /// not once per candidate.
    fn scores_in<const W: usize>(&self) -> [u32; 8] {
        let n = self.n;
        let narrow = |lines: &[Line]| -> Vec<[u64; W]> {
            lines.iter().map(|l| std::array::from_fn(|w| l[w])).collect()
        };
        let (base, data) = (narrow(&self.base), narrow(&self.data));
        let (mut base_t, mut data_t) = (vec![[0; W]; n], vec![[0; W]; n]);
        transpose(&base, &mut base_t);
        transpose(&data, &mut data_t);
        let tables = patterns();
        let (mut rows, mut columns) = (vec![[0; W]; n], vec![[0; W]; n]);
        let mut scores = [0; 8];
        for mask in 0..8u8 {
            let m = usize::from(mask);
            for y in 0..n {
                let flip: [u64; W] = std::array::from_fn(|w| tables.rows[m][y][w]);
                rows[y] = xor(base[y], and(flip, data[y]));
                let flip: [u64; W] = std::array::from_fn(|w| tables.columns[m][y][w]);
                columns[y] = xor(base_t[y], and(flip, data_t[y]));
            }
            let bits = format_bits(self.ecl_bits, u32::from(mask));
            write_format(n, bits, |x, y, dark| set_bit(&mut rows[y], x, dark));
            write_format(n, bits, |x, y, dark| set_bit(&mut columns[x], y, dark));
            scores[m] = penalty_of(&rows, &columns, n).total();
        }
        scores
    }
}

fn set_bit<const W: usize>(line: &mut [u64; W], x: usize, dark: bool) {
    let (w, b) = (x / 64, x % 64);
    line[w] = (line[w] & !(1 << b)) | (u64::from(dark) << b);
}

/// The four penalties of one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Penalty {
    pub runs: u32,
    pub blocks: u32,
    pub finder_like: u32,
    pub balance: u32,
}

impl Penalty {
    pub fn total(&self) -> u32 {
        self.runs + self.blocks + self.finder_like + self.balance
    }
}

/// Scores a symbol by rows and by columns (the tests' way in; `scores` is the fast path).
#[cfg(test)]
pub fn penalty(planes: &Planes) -> Penalty {
    let mut columns = vec![[0; WORDS]; planes.n];
    transpose(&planes.rows, &mut columns);
    penalty_of(&planes.rows, &columns, planes.n)
}

fn penalty_of<const W: usize>(rows: &[[u64; W]], columns: &[[u64; W]], n: usize) -> Penalty {
    let full = ones::<W>(n);
    let mut p = Penalty::default();
    for line in rows.iter().chain(columns.iter()) {
        p.runs += runs(*line, n, full);
        p.finder_like += 40 * finder_like(*line, n);
    }
    let valid = ones::<W>(n - 1);
    for pair in rows.windows(2) {
        let both_dark = and(pair[0], pair[1]);
        let both_light = and(and(not(pair[0]), not(pair[1])), full);
        let blocks = popcount(and(and(both_dark, shr(both_dark, 1)), valid))
            + popcount(and(and(both_light, shr(both_light, 1)), valid));
        p.blocks += 3 * blocks;
    }
    let dark: u32 = rows.iter().map(|r| popcount(*r)).sum();
    let total = (n * n) as u64;
    let five_percent_steps = (2 * u64::from(dark)).abs_diff(total) * 10 / total;
    p.balance = 10 * five_percent_steps as u32;
    p
}

/// N1: 3 + (length − 5) for every run of five or more same-coloured modules.
fn runs<const W: usize>(line: [u64; W], n: usize, full: [u64; W]) -> u32 {
    let mut score = 0;
    for colour in [line, and(not(line), full)] {
        // Positions starting five of that colour in a row.
        let five = (1..5).fold(colour, |acc, k| and(acc, shr(colour, k)));
        let five = and(five, ones(n.saturating_sub(4)));
        // A run of length L has L − 4 such positions and one start: (L − 4) + 2 = L − 2.
        let starts = and(five, not(shl(five, 1)));
        score += popcount(five) + 2 * popcount(starts);
    }
    score
}

/// N3: 1011101 with four light modules before or after it, all inside the symbol.
fn finder_like<const W: usize>(line: [u64; W], n: usize) -> u32 {
    if n < 7 {
        return 0;
    }
    let at = |k: usize| shr(line, k);
    let pattern = [at(0), not(at(1)), at(2), at(3), at(4), not(at(5)), at(6)]
        .into_iter()
        .fold(ones(n - 6), and);
    let light_before =
        (1..=4).fold(and(ones(n), not(ones(4))), |acc, k| and(acc, not(shl(line, k))));
    let light_after =
        (7..=10).fold(ones(n.saturating_sub(10)), |acc, k| and(acc, not(shr(line, k))));
    popcount(and(pattern, or(light_before, light_after)))
}

fn transpose<const W: usize>(rows: &[[u64; W]], columns: &mut [[u64; W]]) {
    columns.iter_mut().for_each(|c| *c = [0; W]);
    for (y, row) in rows.iter().enumerate() {
        for (w, &word) in row.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let x = w * 64 + bits.trailing_zeros() as usize;
                columns[x][y / 64] |= 1 << (y % 64);
                bits &= bits - 1;
            }
        }
    }
}

/// The 15 format bits for an error-correction level and mask: BCH(15,5), then XOR 0x5412.
fn format_bits(ecl_bits: u32, mask: u32) -> u32 {
    let data = (ecl_bits << 3) | mask;
    let mut rem = data;
    for _ in 0..10 {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    ((data << 10) | (rem & 0x3ff)) ^ 0x5412
}

/// Both copies of the format information and the always-dark module (ISO/IEC 18004 §7.9.1),
/// each module handed to `set(x, y, dark)`.
fn write_format(n: usize, bits: u32, mut set: impl FnMut(usize, usize, bool)) {
    let bit = |i: u32| bits >> i & 1 == 1;
    for i in 0..=5 {
        set(8, i as usize, bit(i));
    }
    set(8, 7, bit(6));
    set(8, 8, bit(7));
    set(7, 8, bit(8));
    for i in 9..15 {
        set(14 - i as usize, 8, bit(i));
    }
    for i in 0..8 {
        set(n - 1 - i as usize, 8, bit(i));
    }
    for i in 8..15 {
        set(8, n - 15 + i as usize, bit(i));
    }
    set(8, n - 8, true);
}

/// The eight mask patterns over the widest symbol, as rows (`rows[m][i]` bit `j`) and as
/// columns (`columns[m][j]` bit `i`), for row `i` and column `j`.
struct Patterns {
    rows: [Vec<Line>; 8],
    columns: [Vec<Line>; 8],
}

fn patterns() -> &'static Patterns {
    static TABLE: OnceLock<Patterns> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Written as ISO/IEC 18004 Table 10 writes them.
        #[allow(clippy::manual_is_multiple_of)]
        let flip = |mask: usize, i: usize, j: usize| match mask {
            0 => (i + j) % 2 == 0,
            1 => i % 2 == 0,
            2 => j % 3 == 0,
            3 => (i + j) % 3 == 0,
            4 => (i / 2 + j / 3) % 2 == 0,
            5 => (i * j) % 2 + (i * j) % 3 == 0,
            6 => ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            _ => ((i + j) % 2 + (i * j) % 3) % 2 == 0,
        };
        let table = |cell: &dyn Fn(usize, usize, usize) -> bool| -> [Vec<Line>; 8] {
            std::array::from_fn(|mask| {
                (0..MAX_N)
                    .map(|a| {
                        let mut line = [0; WORDS];
                        for b in 0..MAX_N {
                            line[b / 64] |= u64::from(cell(mask, a, b)) << (b % 64);
                        }
                        line
                    })
                    .collect()
            })
        };
        Patterns { rows: table(&|m, i, j| flip(m, i, j)), columns: table(&|m, j, i| flip(m, i, j)) }
    })
}

fn and<const W: usize>(a: [u64; W], b: [u64; W]) -> [u64; W] {
    std::array::from_fn(|w| a[w] & b[w])
}

fn or<const W: usize>(a: [u64; W], b: [u64; W]) -> [u64; W] {
    std::array::from_fn(|w| a[w] | b[w])
}

fn xor<const W: usize>(a: [u64; W], b: [u64; W]) -> [u64; W] {
    std::array::from_fn(|w| a[w] ^ b[w])
}

fn not<const W: usize>(a: [u64; W]) -> [u64; W] {
    std::array::from_fn(|w| !a[w])
}

fn popcount<const W: usize>(a: [u64; W]) -> u32 {
    a.iter().map(|w| w.count_ones()).sum()
}

/// The lowest `k` bits set.
fn ones<const W: usize>(k: usize) -> [u64; W] {
    std::array::from_fn(|w| match k.saturating_sub(w * 64) {
        0 => 0,
        r if r >= 64 => u64::MAX,
        r => (1u64 << r) - 1,
    })
}

/// Bit `x` of the result = bit `x + k` of `a` (0 ≤ k < 64).
fn shr<const W: usize>(a: [u64; W], k: usize) -> [u64; W] {
    if k == 0 {
        return a;
    }
    std::array::from_fn(|w| a[w] >> k | a.get(w + 1).map_or(0, |next| next << (64 - k)))
}

/// Bit `x` of the result = bit `x − k` of `a` (0 < k < 64), zero below `k`.
fn shl<const W: usize>(a: [u64; W], k: usize) -> [u64; W] {
    std::array::from_fn(|w| a[w] << k | if w == 0 { 0 } else { a[w - 1] >> (64 - k) })
}

#[cfg(test)]
#[path = "mask_choice_tests.rs"]
mod tests;
