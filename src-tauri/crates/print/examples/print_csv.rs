//! Prints a CSV to a PDF with default options: `print_csv IN.csv LAYOUT OUT.pdf [CAPTION]`.
//! A quick way to look at the engine's output without the CLI.

use std::sync::atomic::AtomicBool;

use qrdesk_print::{find_layout, run, CsvSource, PrintJob, PrintOptions, Source};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        return Err("usage: print_csv IN.csv LAYOUT OUT.pdf [CAPTION]".into());
    }
    let job = PrintJob {
        source: Source::Csv(CsvSource {
            path: args[1].clone().into(),
            column: None,
            delimiter: None,
            quantity_column: None,
        }),
        layout: find_layout(&args[2])?,
        options: PrintOptions { caption: args.get(4).cloned(), ..PrintOptions::default() },
    };
    let report = run(&job, args[3].as_ref(), &|_| {}, &AtomicBool::new(false))?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
