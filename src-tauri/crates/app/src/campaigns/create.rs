//! Making a campaign: the CSV read and every row checked (its destination with the UTM
//! parameters, as an edit's would be), the print settings checked before any code is made, and
//! the campaign, its rows, their codes and the outbox creates written in one transaction.

use std::path::{Path, PathBuf};

use chrono::Utc;
use qrdesk_core::{AccountId, AppError};
use qrdesk_print::{preview_csv, CsvSource};
use qrdesk_store::campaigns::{self, NewCampaignLine};
use qrdesk_sync::edits::{check_new, create_codes_in};
use qrdesk_sync::NewCodeInput;
use serde::{Deserialize, Serialize};

use super::utm::{add_utm, UtmTemplate};
use crate::context::AppContext;
use crate::designs::resolve_design_arg;
use crate::print::flags::layout_by_name;
use crate::styles::resolve_style_arg;

/// Most rows one campaign takes.
pub const MAX_CAMPAIGN_ROWS: usize = qrdesk_core::rules::campaign::MAX_ROWS;

/// What a campaign prints with (kept as JSON with the campaign, so a resumed campaign prints
/// exactly as asked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignSettings {
    pub layout: String,
    pub layout_file: Option<String>,
    /// A saved label design's name or a design file's path.
    pub design: Option<String>,
    /// A saved style's name or a style file's path.
    pub style: Option<String>,
    pub caption: Option<String>,
    pub start_at: u32,
    /// Where the PDF goes.
    pub output: String,
    pub utm: Option<String>,
    /// Where the rows came from, in words.
    pub source: String,
}

/// `qrdesk campaign create`'s request.
#[derive(Debug, Clone)]
pub struct CampaignRequest {
    pub account: AccountId,
    /// `None`: the CSV file's name.
    pub name: Option<String>,
    pub csv: PathBuf,
    pub name_column: String,
    pub destination_column: String,
    pub settings: CampaignSettings,
}

fn column(columns: &[String], wanted: &str, flag: &str, path: &Path) -> Result<usize, AppError> {
    columns.iter().position(|c| c.eq_ignore_ascii_case(wanted.trim())).ok_or_else(|| {
        AppError::bad_input(format!(
            "{} has no column \"{wanted}\" for {flag}; its columns are: {}",
            path.display(),
            columns.join(", ")
        ))
    })
}

/// Checks that the campaign can print before any code is made: the layout, design and style
/// exist and read.
fn check_print_settings(ctx: &AppContext, s: &CampaignSettings) -> Result<(), AppError> {
    layout_by_name(&s.layout, s.layout_file.as_deref().map(Path::new))?;
    if let Some(d) = &s.design {
        resolve_design_arg(Some(ctx), d)?;
    }
    if let Some(st) = &s.style {
        resolve_style_arg(Some(ctx), st)?;
    }
    if s.design.is_some() && s.caption.is_some() {
        return Err(AppError::bad_input(
            "A campaign prints either a caption or a label design; leave one out",
        ));
    }
    Ok(())
}

/// A campaign's rows as they will be made: each good row's code input, each bad row's reason.
pub(super) struct Planned {
    pub columns: Vec<String>,
    pub lines: Vec<NewCampaignLine>,
    pub inputs: Vec<NewCodeInput>,
}

/// Reads the CSV at `path` and checks every row (its destination with the UTM parameters, as
/// an edit's would be).
pub(super) fn plan(
    path: &Path,
    name_column: &str,
    destination_column: &str,
    utm: Option<&str>,
    campaign: &str,
) -> Result<Planned, AppError> {
    let source = CsvSource {
        path: path.to_path_buf(),
        column: None,
        delimiter: None,
        quantity_column: None,
    };
    let table = preview_csv(&source, MAX_CAMPAIGN_ROWS + 1).map_err(AppError::from)?;
    if table.row_count as usize > MAX_CAMPAIGN_ROWS {
        return Err(AppError::bad_input(format!(
            "{} has {} rows; a campaign takes at most {MAX_CAMPAIGN_ROWS}: split the file",
            path.display(),
            table.row_count
        )));
    }
    let name_col = column(&table.columns, name_column, "--name-column", path)?;
    let dest_col = column(&table.columns, destination_column, "--destination-column", path)?;
    let utm = utm
        .filter(|u| !u.trim().is_empty())
        .map(|u| UtmTemplate::parse(u, &table.columns))
        .transpose()?;
    let mut lines = Vec::with_capacity(table.rows.len());
    let mut inputs = Vec::new();
    let mut serial = 0u64;
    for (i, cells) in table.rows.iter().enumerate() {
        let row = i as u64 + 1;
        let cell = |k: usize| cells.get(k).map(|c| c.trim()).unwrap_or("");
        let field = |f: &str| {
            table.columns.iter().position(|c| c == f).and_then(|k| cells.get(k)).map(String::as_str)
        };
        let next = serial + 1;
        let destination = match &utm {
            Some(t) => add_utm(cell(dest_col), t, row, next, campaign, field),
            None => cell(dest_col).to_string(),
        };
        let input = NewCodeInput { name: cell(name_col).to_string(), destination };
        let problem = check_new(&input).err().map(|e| e.message);
        if problem.is_none() {
            serial = next;
            inputs.push(input.clone());
        }
        lines.push(NewCampaignLine {
            row,
            serial: problem.is_none().then_some(serial),
            name: input.name,
            destination: input.destination,
            code: None,
            problem,
        });
    }
    Ok(Planned { columns: table.columns, lines, inputs })
}

/// The campaign's name: as given, else the CSV file's name.
pub(super) fn campaign_name(given: Option<&str>, path: &Path) -> String {
    match given {
        Some(n) if !n.trim().is_empty() => n.trim().to_string(),
        _ => path.file_stem().map_or("Campaign".into(), |s| s.to_string_lossy().into_owned()),
    }
}

/// Makes the campaign and queues one create per good row; returns the campaign's id. Rows that
/// cannot become codes are kept with their reason (the others go on); a campaign with no good
/// row is refused.
pub fn create_campaign(ctx: &AppContext, request: &CampaignRequest) -> Result<i64, AppError> {
    check_print_settings(ctx, &request.settings)?;
    let path = &request.csv;
    let campaign = campaign_name(request.name.as_deref(), path);
    let Planned { mut lines, inputs, .. } = plan(
        path,
        &request.name_column,
        &request.destination_column,
        request.settings.utm.as_deref(),
        &campaign,
    )?;
    if inputs.is_empty() {
        let first = lines.iter().find_map(|l| l.problem.as_ref().map(|p| (l.row, p)));
        return Err(AppError::bad_input(match first {
            Some((row, why)) => format!("No row can become a code; row {row}: {why}"),
            None => format!("{} has no rows", path.display()),
        }));
    }
    let mut settings = request.settings.clone();
    if settings.source.is_empty() {
        settings.source = format!("CSV {}", path.display());
    }
    let settings = serde_json::to_string(&settings).unwrap_or_default();
    let now = Utc::now();
    ctx.store().transaction(|tx| -> Result<i64, AppError> {
        let made = create_codes_in(tx, request.account, &inputs, now)?;
        let mut codes = made.into_iter().map(|(code, _)| code);
        for line in lines.iter_mut().filter(|l| l.problem.is_none()) {
            line.code = codes.next();
        }
        Ok(campaigns::insert(tx, &campaign, request.account, &settings, &lines, now)?)
    })
}
