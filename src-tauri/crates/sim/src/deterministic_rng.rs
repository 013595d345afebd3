//! Deterministic pseudo-randomness: SplitMix64 and stateless hashing of ids and days.
//!
//! Everything the simulator invents (keys, ids, names, scans, fault draws) comes from here, seeded
//! from `SimConfig::seed`, so two starts with the same seed serve the same data. Scans are never
//! stored: [`hash`] turns `(seed, code, day)` into the day's count on demand.

/// One SplitMix64 finalisation step: a bijection on `u64` with good avalanche.
pub fn mix64(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a sequence of numbers into one (order matters).
pub fn hash(parts: &[u64]) -> u64 {
    parts.iter().fold(SEED_BASE, |acc, part| mix64(acc ^ mix64(*part)))
}

/// Hashes a string (FNV-1a, then mixed).
pub fn hash_str(text: &str) -> u64 {
    let fnv = text.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |acc, byte| {
        (acc ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
    });
    mix64(fnv)
}

/// A value in `[0, 1)` taken from a hash.
pub fn unit(hash_value: u64) -> f64 {
    (hash_value >> 11) as f64 / (1u64 << 53) as f64
}

const SEED_BASE: u64 = 0x5EED_0F00_0000_0000;

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const HEX: &[u8] = b"0123456789abcdef";

/// A small sequential generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed ^ SEED_BASE }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix64(self.state)
    }

    /// A value in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        unit(self.next_u64())
    }

    /// A value in `0..bound` (`0` when `bound` is 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        if bound == 0 {
            0
        } else {
            self.next_u64() % bound
        }
    }

    /// True with probability `p` (clamped to 0..=1).
    pub fn chance(&mut self, p: f64) -> bool {
        self.next_f64() < p.clamp(0.0, 1.0)
    }

    /// One element of a non-empty slice (the first one for an empty slice is impossible: callers
    /// pass constant tables).
    pub fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        let index = self.below(items.len() as u64) as usize;
        items.get(index).copied().unwrap_or_default()
    }

    fn string_from(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| {
                let index = self.below(alphabet.len() as u64) as usize;
                char::from(alphabet.get(index).copied().unwrap_or(b'x'))
            })
            .collect()
    }

    /// Mixed-case letters and digits (`Ab3xK9pQ`).
    pub fn alnum(&mut self, len: usize) -> String {
        self.string_from(ALNUM, len)
    }

    /// Lower-case letters and digits (`x7k2m9`).
    pub fn lower_alnum(&mut self, len: usize) -> String {
        self.string_from(LOWER_ALNUM, len)
    }

    /// Lower-case hexadecimal digits.
    pub fn hex(&mut self, len: usize) -> String {
        self.string_from(HEX, len)
    }

    /// A UUID-shaped identifier (version-4 layout, from this generator).
    pub fn uuid(&mut self) -> String {
        let h = self.hex(32);
        format!("{}-{}-4{}-a{}-{}", &h[0..8], &h[8..12], &h[13..16], &h[17..20], &h[20..32])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(SplitMix64::new(8).next_u64(), xs[0]);
    }

    #[test]
    fn strings_have_the_asked_shape() {
        let mut rng = SplitMix64::new(1);
        let id = rng.alnum(8);
        assert_eq!(id.len(), 8);
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric()));
        let uuid = rng.uuid();
        assert_eq!(uuid.len(), 36);
        assert_eq!(uuid.matches('-').count(), 4);
        assert!(unit(u64::MAX) < 1.0);
    }
}
