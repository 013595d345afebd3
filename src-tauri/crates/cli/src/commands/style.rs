//! `qrdesk style …`: brand styles in the library — added from a style file (its logo copied in),
//! listed, shown with their decode proof, removed, and exported as a file with the logo next to
//! it. Printing with one is `qrdesk print --style NAME|FILE`.

use std::path::PathBuf;

use clap::Subcommand;
use qrdesk_app::ipc::styles::StyleProof;
use qrdesk_app::styles::{self, StyleDetails};
use serde_json::{json, Value};

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  qrdesk style add autumn.toml\n  qrdesk style show \"Autumn brand\"\n  \
qrdesk style export \"Autumn brand\" -o shared/autumn.toml\n  \
qrdesk print --csv codes.csv --layout avery-l7160 --style \"Autumn brand\" -o labels.pdf"
)]
pub enum StyleCommand {
    /// Add a style file (TOML or JSON) to the library, with its own copy of the logo; a style
    /// of the same name is replaced.
    Add {
        /// The style file.
        file: PathBuf,
        /// Save it under this name instead of the file's `name` key.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// List the saved styles.
    List,
    /// Show a saved style: its keys, its logo and whether it scans at a typical label size.
    Show { name: String },
    /// Remove a saved style.
    Remove { name: String },
    /// Write a saved style as a style file, with its logo next to it.
    Export {
        name: String,
        /// The style file to write (TOML).
        #[arg(short = 'o', long = "output", value_name = "FILE.toml")]
        output: PathBuf,
    },
}

pub fn run(global: &GlobalArgs, cmd: StyleCommand) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    match cmd {
        StyleCommand::Add { file, name } => {
            let d = styles::add_style_file(&ctx, &file, name.as_deref())?;
            let human = format!("Saved the style \"{}\".\n{}", d.name, verdict(&d));
            Ok(Outcome::new(details_json(&d), human))
        }
        StyleCommand::List => {
            let all = styles::list_styles(&ctx)?;
            let human = if all.is_empty() {
                "No saved styles yet: add one with `qrdesk style add FILE`.".to_string()
            } else {
                all.iter()
                    .map(|s| {
                        let logo = s
                            .logo
                            .as_ref()
                            .map_or(String::new(), |l| format!(", logo {}", l.file_name));
                        let modules = format!("{:?}", s.modules).to_lowercase();
                        format!("{}  (dark {}, {modules} modules{logo})", s.name, s.dark)
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let json = Value::Array(
                all.iter()
                    .map(|s| {
                        json!({
                            "name": s.name, "dark": s.dark, "light": s.light, "modules": s.modules,
                            "finder": s.finder, "finder_center": s.finder_center,
                            "logo": s.logo.as_ref().map(|l| &l.file_name),
                            "logo_size": s.logo_size, "frame": s.frame,
                        })
                    })
                    .collect(),
            );
            Ok(Outcome::new(json, human))
        }
        StyleCommand::Show { name } => {
            let d = styles::show_style(&ctx, &name)?;
            let logo = d.logo.as_ref().map_or(String::new(), |(f, n)| {
                format!("Logo: {f} ({n} bytes, kept in the library)\n")
            });
            let human = format!("# {}\n{}\n{logo}{}", d.name, d.toml.trim_end(), verdict(&d));
            Ok(Outcome::new(details_json(&d), human))
        }
        StyleCommand::Remove { name } => {
            styles::remove_style(&ctx, &name)?;
            Ok(Outcome::new(json!({ "removed": name }), format!("Removed the style \"{name}\".")))
        }
        StyleCommand::Export { name, output } => {
            let written = styles::export_style(&ctx, &name, &output)?;
            let human = written
                .iter()
                .map(|p| format!("Wrote {}", p.display()))
                .collect::<Vec<_>>()
                .join("\n");
            let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            Ok(Outcome::new(json!({ "files": files }), human))
        }
    }
}

/// The proof in words: scans or not at the checked size, the problem, the warnings.
fn verdict(d: &StyleDetails) -> String {
    let p: &StyleProof = &d.proof;
    let mut text = if p.scans {
        format!(
            "Scans: decoded back at {} mm (contrast {:.1}:1, error correction {:?}).",
            d.proof_mm, p.contrast, p.ec
        )
    } else {
        format!("Does not scan at {} mm.", d.proof_mm)
    };
    if let Some(problem) = &p.problem {
        text.push_str(&format!("\nproblem: {problem}"));
    }
    for w in &p.warnings {
        text.push_str(&format!("\nwarning: {w}"));
    }
    text
}

fn details_json(d: &StyleDetails) -> Value {
    json!({
        "name": d.name,
        "style_file": d.toml,
        "logo": d.logo.as_ref().map(|(f, n)| json!({ "file_name": f, "bytes": n })),
        "proof": {
            "size_mm": d.proof_mm,
            "scans": d.proof.scans,
            "contrast": d.proof.contrast,
            "ec": d.proof.ec,
            "problem": d.proof.problem,
            "warnings": d.proof.warnings,
        },
    })
}
