//! A preview's rows: the page it shows is drawn, every other row of the batch is only checked
//! (its problems still listed) and, with a style, one row of each QR version found only on
//! other pages is drawn for the style's scan proof. The whole job draws every row instead
//! (`run_pipeline`).

use rayon::prelude::*;

use super::{check_row, encode_row, Encoded, Plan};
use crate::error::RowProblem;

/// A row of a batch: drawn (`Some`), valid but not drawn (`None`), or its problem.
pub(super) type RowOutcome = Result<Option<Encoded>, RowProblem>;

/// A preview's batch of rows: every row is checked (its problems are listed), and only the rows
/// that land on page `only` are drawn; the others come back as `Ok(None)`. With a style, the
/// first row of each QR version found only on other pages is drawn too and returned apart, so
/// the style's scan proof covers the same versions as before. `slot` is where the batch's first
/// code goes. The Print page's preview of a 10,000-row CSV drew 2,048 codes to show 21 before.
pub(super) fn encode_page_rows(
    plan: &Plan,
    rows: Vec<crate::source::Row>,
    mut slot: u64,
    per_page: u32,
    only: u64,
) -> (Vec<RowOutcome>, Vec<RowOutcome>) {
    let checked: Vec<Result<u16, RowProblem>> =
        rows.par_iter().map(|r| check_row(plan, r)).collect();
    let styled = plan.job.options.style.is_some();
    let mut out = Vec::with_capacity(rows.len());
    let mut drawn = Vec::new();
    let mut versions = Vec::new();
    let mut witnesses = Vec::new();
    for (i, (row, check)) in rows.into_iter().zip(checked).enumerate() {
        match check {
            Err(p) => out.push(Err(p)),
            Ok(modules) => {
                let new_version = !versions.contains(&modules);
                if new_version {
                    versions.push(modules);
                }
                if slot / u64::from(per_page.max(1)) == only {
                    drawn.push((i, row));
                } else if styled && new_version {
                    witnesses.push(row);
                }
                out.push(Ok(None));
                slot += 1;
            }
        }
    }
    let encoded: Vec<(usize, Result<Encoded, RowProblem>)> =
        drawn.into_par_iter().map(|(i, row)| (i, encode_row(plan, row))).collect();
    for (i, e) in encoded {
        out[i] = e.map(Some);
    }
    let witnesses = witnesses.into_par_iter().map(|row| encode_row(plan, row).map(Some)).collect();
    (out, witnesses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Plan;
    use crate::layout::find_layout;
    use crate::options::{PrintJob, PrintOptions};
    use crate::source::{PrintItem, RowReader, Source, TextTemplates};
    use crate::style::Style;

    /// A styled preview of page 1 draws its 21 codes, checks the other rows without drawing
    /// them, and draws one row of each QR version that only other pages have (for the proof).
    #[test]
    fn a_preview_draws_its_page_and_one_row_per_version_found_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("style.toml");
        std::fs::write(&path, "modules = \"rounded\"\n").unwrap();
        let style = Style::from_file(&path).unwrap();
        let long = format!("https://a.example/{}", "x".repeat(120));
        let items = (1..=30)
            .map(|i| PrintItem {
                payload: if i == 25 || i == 28 {
                    long.clone()
                } else {
                    format!("https://a.example/{i}")
                },
                fields: Default::default(),
            })
            .collect();
        let job = PrintJob {
            source: Source::Items(items),
            layout: find_layout("avery-l7160").unwrap(),
            options: PrintOptions { style: Some(style), ..PrintOptions::default() },
        };
        let plan = Plan::new(&job).unwrap();
        let templates = TextTemplates { caption: None, frame: None, fields: &[] };
        let rows = RowReader::open(&job.source, &templates, 1)
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let (out, witnesses) = encode_page_rows(&plan, rows, 0, 21, 0);
        let drawn: Vec<u64> = out.iter().flatten().flatten().map(|e| e.row.number).collect();
        assert_eq!(drawn, (1..=21).collect::<Vec<u64>>());
        assert_eq!(out.iter().filter(|r| matches!(r, Ok(None))).count(), 9);
        let witnessed: Vec<u64> =
            witnesses.iter().flatten().flatten().map(|e| e.row.number).collect();
        assert_eq!(witnessed, vec![25], "one row of the longer payloads' version");
    }
}
