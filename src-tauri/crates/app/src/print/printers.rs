//! Printing a finished PDF straight to a printer through CUPS: the printers it offers (with each
//! one's default paper), and a job sent with copies and the sheet's own paper size asked for, so
//! the printer neither scales nor shifts the labels. Talks to CUPS through its own command-line
//! clients (`lpstat`, `lpoptions`, `lp` from cups-client), which honour the person's CUPS setup
//! (`CUPS_SERVER`, client.conf, network printers) without linking libcups; every call has a
//! time limit, so a stuck print system never hangs the app.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use qrdesk_core::AppError;

use crate::ipc::designs::{PrinterInfo, PrinterJob, PrinterList};

/// The longest a CUPS client may take.
const CUPS_TIMEOUT: Duration = Duration::from_secs(15);
/// Most copies one job asks for.
pub const MAX_COPIES: u32 = 99;

/// What a CUPS client printed, or why it could not run.
enum Ran {
    Ok(String),
    Failed(String),
    Missing,
}

fn run(program: &str, args: &[&str]) -> Ran {
    let child = Command::new(program)
        .args(args)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ran::Missing,
        Err(e) => return Ran::Failed(e.to_string()),
    };
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                let mut out = String::new();
                let mut err = String::new();
                if let Some(mut o) = child.stdout.take() {
                    let _ = o.read_to_string(&mut out);
                }
                if let Some(mut e) = child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                return if status.success() {
                    Ran::Ok(out)
                } else {
                    Ran::Failed(err.trim().into())
                };
            }
            Ok(None) if started.elapsed() > CUPS_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Ran::Failed(format!("{program} did not answer within 15 seconds"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Ran::Failed(e.to_string()),
        }
    }
}

const NO_CUPS: &str = "No printing system (CUPS) is installed on this computer, so QR Desk cannot \
                       send to a printer; install CUPS (the cups package) or print the PDF from \
                       your PDF viewer.";
const CUPS_DOWN: &str = "The printing system (CUPS) is not running, so QR Desk cannot send to a \
                         printer; start it (sudo systemctl start cups) or print the PDF from your \
                         PDF viewer.";

fn printing(why: &str) -> AppError {
    AppError::with_message(qrdesk_core::ErrorKind::Printing, why)
}

/// The printers CUPS offers, or why there are none to offer.
pub fn list_printers() -> PrinterList {
    let unavailable =
        |why: &str| PrinterList { printers: Vec::new(), unavailable: Some(why.into()) };
    match run("lpstat", &["-r"]) {
        Ran::Missing => return unavailable(NO_CUPS),
        Ran::Ok(s) if !s.contains("not running") => {}
        _ => return unavailable(CUPS_DOWN),
    }
    let names = match run("lpstat", &["-e"]) {
        Ran::Ok(s) => {
            s.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
        }
        _ => Vec::new(),
    };
    let default = match run("lpstat", &["-d"]) {
        Ran::Ok(s) => s.split_once("destination:").map(|(_, d)| d.trim().to_string()),
        _ => None,
    };
    let printers: Vec<PrinterInfo> = names
        .into_iter()
        .map(|name: String| PrinterInfo {
            is_default: default.as_deref() == Some(name.as_str()),
            media: default_media(&name),
            name,
        })
        .collect();
    if printers.is_empty() {
        return unavailable(
            "CUPS has no printers yet; add one in the system's printer settings, then try again.",
        );
    }
    PrinterList { printers, unavailable: None }
}

/// The printer's default paper (`A4`, `Letter` …) from its options.
fn default_media(printer: &str) -> Option<String> {
    let Ran::Ok(options) = run("lpoptions", &["-p", printer, "-l"]) else { return None };
    let line = options.lines().find(|l| l.starts_with("PageSize"))?;
    let chosen = line.split_whitespace().find_map(|w| w.strip_prefix('*'))?;
    Some(chosen.to_string())
}

/// The first page's size of a PDF in points (the MediaBox QR Desk writes).
fn pdf_page_size(path: &Path) -> Option<(f64, f64)> {
    let data = std::fs::read(path).ok()?;
    let at = data.windows(10).position(|w| w == b"/MediaBox ")?;
    let rest = std::str::from_utf8(&data[at + 10..(at + 80).min(data.len())]).ok()?;
    let inside = rest.trim_start().strip_prefix('[')?.split(']').next()?;
    let n: Vec<f64> = inside.split_whitespace().filter_map(|v| v.parse().ok()).collect();
    (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
}

/// CUPS's media name for a page of `w` × `h` points.
fn media_name((w, h): (f64, f64)) -> String {
    const SIZES: [(&str, f64, f64); 6] = [
        ("A4", 595.28, 841.89),
        ("Letter", 612.0, 792.0),
        ("Legal", 612.0, 1008.0),
        ("A3", 841.89, 1190.55),
        ("A5", 419.53, 595.28),
        ("A6", 297.64, 419.53),
    ];
    let (a, b) = (w.min(h), w.max(h));
    for (name, sw, sh) in SIZES {
        if (a - sw).abs() < 2.0 && (b - sh).abs() < 2.0 {
            return name.to_string();
        }
    }
    let mm = |v: f64| v * 25.4 / 72.0;
    format!("Custom.{:.0}x{:.0}mm", mm(w), mm(h))
}

/// Sends the PDF at `path` to `printer`, `copies` times, asking for the sheet's own paper.
pub fn send_pdf(path: &Path, printer: &str, copies: u32) -> Result<PrinterJob, AppError> {
    if !(1..=MAX_COPIES).contains(&copies) {
        return Err(AppError::bad_input(format!(
            "Copies must be between 1 and {MAX_COPIES}; print more in several jobs"
        )));
    }
    let list = list_printers();
    if let Some(why) = list.unavailable {
        return Err(printing(&why));
    }
    let Some(info) = list.printers.iter().find(|p| p.name == printer) else {
        let names: Vec<&str> = list.printers.iter().map(|p| p.name.as_str()).collect();
        return Err(AppError::bad_input(format!(
            "There is no printer called \"{printer}\"; the printers are: {}",
            names.join(", ")
        )));
    };
    let size = pdf_page_size(path).ok_or_else(|| {
        AppError::bad_input(format!(
            "{} is not a PDF QR Desk can send to a printer; print it again to a PDF first",
            path.display()
        ))
    })?;
    let media = media_name(size);
    let mut warnings = Vec::new();
    if let Some(paper) = info.media.as_deref().filter(|m| !m.eq_ignore_ascii_case(&media)) {
        warnings.push(format!(
            "{printer} usually prints on {paper}, but these labels are laid out for {}; QR Desk \
             asked for {} — load the label sheets before printing",
            media.trim_start_matches("Custom."),
            media.trim_start_matches("Custom.")
        ));
    }
    let copies_text = copies.to_string();
    let media_opt = format!("media={media}");
    let file = path.to_string_lossy();
    let args = [
        "-d",
        printer,
        "-n",
        &copies_text,
        "-o",
        &media_opt,
        "-o",
        "collate=true",
        "-o",
        "print-scaling=none",
        "-t",
        "QR Desk labels",
        "--",
        &file,
    ];
    match run("lp", &args) {
        Ran::Ok(out) => {
            let job =
                out.split_whitespace().skip_while(|w| *w != "is").nth(1).unwrap_or("").to_string();
            Ok(PrinterJob { job, printer: printer.to_string(), copies, warnings })
        }
        Ran::Missing => Err(printing(NO_CUPS)),
        Ran::Failed(why) => Err(printing(&format!(
            "The printer {printer} did not take the job ({why}); check it in the system's printer \
             settings, or print the PDF from your PDF viewer"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_sizes_map_to_cups_media_names() {
        assert_eq!(media_name((595.28, 841.89)), "A4");
        assert_eq!(media_name((612.0, 792.0)), "Letter");
        assert_eq!(media_name((283.46, 425.2)), "Custom.100x150mm");
    }
}
