//! Encode-only micro-benchmark on the benchmark's payloads: the three whole Rust QR encoders
//! against what the print engine does (`qrcode`'s building blocks + the bit-plane mask choice).
//!
//! `cargo run --release -p qrdesk-print --example encoder_bench [N]` encodes N (default 10,000)
//! 33-byte URLs like `https://qr.example.com/r/Ab3xK9pQ` at EC level M on one core with
//! `qrcode`, `qrcodegen`, `fast_qr` and `qrdesk` (the engine's `symbol::encode`, which also
//! merges the dark modules into the rectangles it draws), and prints µs per code for each. The
//! numbers decide how the print engine encodes (README.md, 'Where a crate named in the design
//! gave way').

use std::time::Instant;

fn payloads(n: usize) -> Vec<String> {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut state: u64 = 20240601;
    (0..n)
        .map(|_| {
            let slug: String = (0..8)
                .map(|_| {
                    state =
                        state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ALPHABET[((state >> 33) % 62) as usize] as char
                })
                .collect();
            format!("https://qr.example.com/r/{slug}")
        })
        .collect()
}

fn time(name: &str, urls: &[String], mut encode: impl FnMut(&str) -> usize) {
    let start = Instant::now();
    let dark: usize = urls.iter().map(|u| encode(u)).sum();
    let per = start.elapsed().as_secs_f64() * 1e6 / urls.len() as f64;
    println!("{name:10} {per:8.1} µs/code  ({dark} dark modules)");
}

fn main() {
    let n = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let urls = payloads(n);
    println!("{n} payloads of {} bytes, EC level M, one core", urls[0].len());
    for _round in 0..2 {
        time("qrcode", &urls, |u| {
            qrcode::QrCode::with_error_correction_level(u, qrcode::EcLevel::M)
                .map(|c| c.to_colors().iter().filter(|c| **c == qrcode::Color::Dark).count())
                .unwrap_or(0)
        });
        time("qrcodegen", &urls, |u| {
            qrcodegen::QrCode::encode_binary(u.as_bytes(), qrcodegen::QrCodeEcc::Medium)
                .map(|c| {
                    let s = c.size();
                    (0..s)
                        .flat_map(|y| (0..s).map(move |x| (x, y)))
                        .filter(|&(x, y)| c.get_module(x, y))
                        .count()
                })
                .unwrap_or(0)
        });
        time("fast_qr", &urls, |u| {
            fast_qr::QRBuilder::new(u.as_bytes())
                .ecl(fast_qr::ECL::M)
                .build()
                .map(|c| c.data[..c.size * c.size].iter().filter(|m| m.value()).count())
                .unwrap_or(0)
        });
        time("qrdesk", &urls, |u| {
            qrdesk_print::symbol::encode(u, qrdesk_print::EcLevel::M)
                .map(|s| s.rects.iter().map(|r| usize::from(r.w) * usize::from(r.h)).sum())
                .unwrap_or(0)
        });
    }
}
