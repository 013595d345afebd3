//! Caption templates as typed by a user, rendered against arbitrary column values.

use qrdesk_print::CaptionTemplate;

/// One input, as libFuzzer hands it over.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // "template\ncolumn=value\ncolumn=value..."
    let mut lines = text.split('\n');
    let template = lines.next().unwrap_or_default();
    let fields: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let columns: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
    let serial_start = u64::from(data.len() as u32).wrapping_mul(0x9E37_79B9);
    for known in [None, Some(columns.as_slice())] {
        if let Ok(t) = CaptionTemplate::parse(template, serial_start, known) {
            // Row and label differ when rows are printed several times (a quantity column).
            for (row, label) in [(1, 1), (2, 5), (u64::MAX, u64::MAX), (3, u64::MAX)] {
                let out = t.render(row, label, |name| {
                    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
                });
                // Each placeholder adds at most the longest value or a 20-digit number.
                let longest = fields.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
                let bound = template.len() * (longest.max(20) + 1);
                assert!(out.len() <= bound, "caption of {} bytes", out.len());
            }
        }
    }
}
