//! `qrdesk design …`: label designs in the library — added from a design file (its fonts copied
//! in), listed, shown, removed, and exported as a file with its fonts next to it. Printing with
//! one is `qrdesk print --design NAME|FILE`.

use std::path::PathBuf;

use clap::Subcommand;
use qrdesk_app::designs::{self, DesignDetails};
use serde_json::{json, Value};

use crate::global_args::GlobalArgs;
use crate::output::{CommandResult, Outcome};

#[derive(Debug, Subcommand)]
#[command(
    after_help = "Examples:\n  qrdesk design add table-tent.toml\n  qrdesk design show \"Table tent\"\n  \
qrdesk design export \"Table tent\" -o shared/table-tent.toml\n  \
qrdesk print --csv tables.csv --layout avery-l7160 --design \"Table tent\" -o tents.pdf"
)]
pub enum DesignCommand {
    /// Add a design file (TOML or JSON) to the library, with its own copy of the fonts it names;
    /// a design of the same name is replaced.
    Add {
        /// The design file.
        file: PathBuf,
        /// Save it under this name instead of the file's `name` key.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// List the saved designs.
    List,
    /// Show a saved design: its keys and its fonts.
    Show { name: String },
    /// Remove a saved design.
    Remove { name: String },
    /// Write a saved design as a design file, with its fonts next to it.
    Export {
        name: String,
        /// The design file to write (TOML).
        #[arg(short = 'o', long = "output", value_name = "FILE.toml")]
        output: PathBuf,
    },
}

fn details_json(d: &DesignDetails) -> Value {
    let fonts: Vec<Value> = d.fonts.iter().map(|(f, n)| json!({ "file": f, "bytes": n })).collect();
    json!({ "name": d.name, "toml": d.toml, "fonts": fonts })
}

pub fn run(global: &GlobalArgs, cmd: DesignCommand) -> CommandResult {
    let (ctx, _) = super::open_context(global)?;
    match cmd {
        DesignCommand::Add { file, name } => {
            let d = designs::add_design_file(&ctx, &file, name.as_deref())?;
            let fonts = d.fonts.len();
            let human = format!(
                "Saved the label design \"{}\"{}.",
                d.name,
                if fonts > 0 { format!(" with {fonts} font file(s)") } else { String::new() }
            );
            Ok(Outcome::new(details_json(&d), human))
        }
        DesignCommand::List => {
            let all = designs::list_designs(&ctx)?;
            let human = if all.is_empty() {
                "No saved label designs yet: add one with `qrdesk design add FILE`.".to_string()
            } else {
                all.iter()
                    .map(|d| {
                        let position = format!("{:?}", d.code_position).to_lowercase();
                        format!("{}  (code {position}, {} field(s))", d.name, d.fields.len())
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let json = Value::Array(all.iter().map(|d| json!(d)).collect());
            Ok(Outcome::new(json, human))
        }
        DesignCommand::Show { name } => {
            let d = designs::show_design(&ctx, &name)?;
            let fonts: String = d
                .fonts
                .iter()
                .map(|(f, n)| format!("Font: {f} ({n} bytes, kept in the library)\n"))
                .collect();
            let human = format!("# {}\n{}\n{fonts}", d.name, d.toml.trim_end());
            Ok(Outcome::new(details_json(&d), human.trim_end()))
        }
        DesignCommand::Remove { name } => {
            designs::remove_design(&ctx, &name)?;
            Ok(Outcome::new(
                json!({ "removed": name }),
                format!("Removed the label design \"{name}\"."),
            ))
        }
        DesignCommand::Export { name, output } => {
            let written = designs::export_design(&ctx, &name, &output)?;
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
