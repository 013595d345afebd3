//! The bit-plane mask choice against independent code: `qrcode`'s own masking and format
//! information, ZXing's penalty rules (rxing's `mask_util`), rqrr's decoder, and fast_qr's
//! module roles, on every version 1–40 at every error-correction level.

use super::*;
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{EcLevel, Version};
use rxing::common::cpp_essentials::ByteMatrix;
use rxing::qrcode::encoder::mask_util;

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

const LEVELS: [EcLevel; 4] = [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H];

/// A payload that fits version `v` (1–40) at level H, longer for larger versions.
fn payload(v: usize, ec: EcLevel) -> String {
    let head = format!("{v:02}{ec:?}");
    let len = if v < 5 { 5 } else { v * 8 };
    (0..len).map(|i| head.chars().nth(i).unwrap_or(char::from(b'a' + (i * 7 % 26) as u8))).collect()
}

/// `qrcode`'s unmasked canvas for `payload` at version `v`.
fn canvas(v: usize, ec: EcLevel, payload: &str) -> Canvas {
    let version = Version::Normal(v as i16);
    let mut bits = qrcode::bits::Bits::new(version);
    bits.push_byte_data(payload.as_bytes()).expect("fits");
    bits.push_terminator(ec).expect("fits");
    let (data, ecc) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, ec).unwrap();
    let mut canvas = Canvas::new(version, ec);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ecc);
    canvas
}

fn planes_of(canvas: &Canvas, n: usize) -> Planes {
    let mut rows = vec![[0; WORDS]; n];
    for (y, row) in rows.iter_mut().enumerate() {
        for x in 0..n {
            if canvas.get(x as i16, y as i16).is_dark() {
                row[x / 64] |= 1 << (x % 64);
            }
        }
    }
    Planes { n, rows }
}

fn zxing_penalty(planes: &Planes) -> Penalty {
    let n = planes.n as u32;
    let mut m = ByteMatrix::new(n, n);
    for y in 0..planes.n {
        for x in 0..planes.n {
            m.set(x as u32, y as u32, u8::from(planes.dark(x, y)));
        }
    }
    Penalty {
        runs: mask_util::applyMaskPenaltyRule1(&m),
        blocks: mask_util::applyMaskPenaltyRule2(&m),
        finder_like: mask_util::applyMaskPenaltyRule3(&m),
        balance: mask_util::applyMaskPenaltyRule4(&m),
    }
}

#[test]
fn every_mask_of_every_version_matches_qrcode_and_scores_as_zxing_does() {
    for v in 1..=40 {
        let n = 17 + 4 * v;
        for ec in LEVELS {
            let unmasked_canvas = canvas(v, ec, &payload(v, ec));
            let unmasked = Unmasked::from_canvas(&unmasked_canvas, n, ec);
            for (k, &mask) in MASKS.iter().enumerate() {
                let ours = unmasked.masked(k as u8);
                let mut theirs = unmasked_canvas.clone();
                theirs.apply_mask(mask);
                assert_eq!(ours, planes_of(&theirs, n), "version {v} {ec:?} mask {k}");
                assert_eq!(penalty(&ours), zxing_penalty(&ours), "version {v} {ec:?} mask {k}");
            }
        }
    }
}

#[test]
fn the_chosen_mask_has_the_lowest_penalty_and_the_symbol_decodes() {
    for v in 1..=40 {
        let n = 17 + 4 * v;
        for ec in LEVELS {
            let payload = payload(v, ec);
            let unmasked = Unmasked::from_canvas(&canvas(v, ec, &payload), n, ec);
            let (mask, planes) = unmasked.best();
            let scores: Vec<u32> =
                (0..8).map(|k| zxing_penalty(&unmasked.masked(k)).total()).collect();
            assert_eq!(unmasked.scores().to_vec(), scores, "version {v} {ec:?}");
            let lowest = *scores.iter().min().unwrap();
            assert_eq!(scores.iter().position(|s| *s == lowest), Some(usize::from(mask)));
            let grid = rqrr::SimpleGrid::from_func(n, |x, y| planes.dark(x, y));
            let (meta, text) = rqrr::Grid::new(grid).decode().expect("decodes");
            assert_eq!(text, payload, "version {v} {ec:?}");
            assert_eq!(meta.version.0, v);
            assert_eq!(meta.mask, u16::from(mask));
        }
    }
}

#[test]
fn bit_helpers_cross_word_boundaries() {
    let mut line = [0u64; WORDS];
    line[0] = 1 << 63;
    assert_eq!(shr(line, 1)[0], 1 << 62);
    assert_eq!(shl(line, 1)[1], 1);
    assert_eq!(ones::<3>(130), [u64::MAX, u64::MAX, 0b11]);
    assert_eq!(ones::<3>(0), [0; WORDS]);
}
