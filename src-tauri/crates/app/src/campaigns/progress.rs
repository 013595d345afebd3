//! Moving a campaign on: sync its account (the outbox sends the creates, paced as every sync
//! is; the list brings back each code's short link), and once every good row has its short
//! link, print the labels in row order — atomically, recorded in the print history — and mark
//! the campaign printed. Whatever stops it (no network, a kill), running it again carries on.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use qrdesk_core::{AppError, OutboxState};
use qrdesk_print::{run_with, PrintItem, PrintJob, PrintOptions, Source};
use qrdesk_store::campaigns::{self, CampaignLine, CampaignRow};
use qrdesk_store::outbox;

use super::create::CampaignSettings;
use crate::context::AppContext;
use crate::designs::resolve_design_arg;
use crate::ipc::campaigns::{CampaignOutcome, CampaignProblem};
use crate::print::flags::layout_by_name;
use crate::print::history::{label_row, record_job, JobSettings, JobSource};
use crate::styles::resolve_style_arg;

fn no_campaign(id: i64) -> AppError {
    AppError::bad_input(format!("There is no campaign #{id}. `qrdesk campaign list` lists them."))
}

pub(super) fn load(ctx: &AppContext, id: i64) -> Result<(CampaignRow, CampaignSettings), AppError> {
    let row = ctx.store().read(|c| campaigns::get(c, id))?.ok_or_else(|| no_campaign(id))?;
    let settings = settings_of(&row)?;
    Ok((row, settings))
}

/// The print settings a campaign keeps with it.
pub(super) fn settings_of(row: &CampaignRow) -> Result<CampaignSettings, AppError> {
    serde_json::from_str(&row.settings).map_err(|_| {
        AppError::storage(format!("The settings of campaign #{} cannot be read", row.id))
    })
}

/// Prints a campaign whose codes are all confirmed, marks it printed, and says so.
fn finish(
    ctx: &AppContext,
    row: &CampaignRow,
    settings: &CampaignSettings,
    lines: &[CampaignLine],
    refused: Vec<(u64, String)>,
) -> Result<CampaignOutcome, AppError> {
    let (job, pages) = print(ctx, row, settings, lines)?;
    ctx.store()
        .transaction(|tx| campaigns::mark_printed(tx, row.id, job).map_err(AppError::from))?;
    let (row, _) = load(ctx, row.id)?;
    Ok(outcome(&row, settings, lines, refused, pages, None))
}

/// Rows whose create the service refused for good, with its sentence.
fn refused(ctx: &AppContext, lines: &[CampaignLine]) -> Result<Vec<(u64, String)>, AppError> {
    let mut out = Vec::new();
    for l in lines.iter().filter(|l| l.remote_id.is_none()) {
        let Some(code) = l.code else { continue };
        let entries = ctx.store().read(|c| outbox::waiting_for_code(c, code))?;
        if let Some(e) = entries.iter().find(|e| e.state == OutboxState::Failed) {
            out.push((l.row, e.message.clone().unwrap_or_else(|| "the service refused it".into())));
        }
    }
    Ok(out)
}

fn outcome(
    row: &CampaignRow,
    settings: &CampaignSettings,
    lines: &[CampaignLine],
    refused: Vec<(u64, String)>,
    pages: u64,
    note: Option<String>,
) -> CampaignOutcome {
    let mut failed: Vec<(u64, String)> =
        lines.iter().filter_map(|l| l.problem.clone().map(|p| (l.row, p))).collect();
    failed.extend(refused.iter().cloned());
    failed.sort();
    let failed = failed.into_iter().map(|(row, reason)| CampaignProblem { row, reason }).collect();
    let good = lines.iter().filter(|l| l.code.is_some());
    let created = good.clone().filter(|l| l.remote_id.is_some()).count() as u64;
    let waiting = good.count() as u64 - created - refused.len() as u64;
    CampaignOutcome {
        id: row.id,
        name: row.name.clone(),
        status: row.status.clone(),
        rows: lines.len() as u64,
        codes_created: created,
        waiting,
        failed,
        pages,
        output: settings.output.clone(),
        print_job: row.print_job,
        note,
    }
}

/// One step of campaign `id`: sync its account if codes are still to be confirmed, then print
/// when all are. A campaign already printed is reported as it is.
pub async fn advance_campaign(ctx: &AppContext, id: i64) -> Result<CampaignOutcome, AppError> {
    let (row, settings) = load(ctx, id)?;
    let lines = ctx.store().read(|c| campaigns::lines(c, id))?;
    if row.status == "printed" {
        return Ok(outcome(&row, &settings, &lines, Vec::new(), 0, None));
    }
    let mut note = None;
    if lines.iter().any(|l| l.code.is_some() && l.short_link.is_empty()) {
        match crate::sync::push_and_list(ctx, row.account).await {
            Ok(report) => {
                if let Some(issue) = report.errors.first() {
                    note = Some(format!("waiting for the service: {}", issue.message));
                }
            }
            Err(e) => note = Some(format!("waiting for the service: {}", e.message)),
        }
    }
    let lines = ctx.store().read(|c| campaigns::lines(c, id))?;
    let refused = refused(ctx, &lines)?;
    // Rows the service refused for good are reported, not waited for.
    if !ready(&lines, &refused) {
        return Ok(outcome(&row, &settings, &lines, refused, 0, note));
    }
    finish(ctx, &row, &settings, &lines, refused)
}

/// Prints the campaign's labels (each row's short link, in row order) and records the job.
fn print(
    ctx: &AppContext,
    row: &CampaignRow,
    s: &CampaignSettings,
    lines: &[CampaignLine],
) -> Result<(i64, u64), AppError> {
    let items: Vec<PrintItem> = lines
        .iter()
        .filter(|l| !l.short_link.is_empty())
        .map(|l| PrintItem {
            payload: l.short_link.clone(),
            fields: BTreeMap::from([
                ("name".to_string(), l.name.clone()),
                ("destination".to_string(), l.destination.clone()),
                ("short_url".to_string(), l.short_link.clone()),
                ("campaign".to_string(), row.name.clone()),
            ]),
        })
        .collect();
    let options = PrintOptions {
        design: s.design.as_deref().map(|d| resolve_design_arg(Some(ctx), d)).transpose()?,
        style: s.style.as_deref().map(|st| resolve_style_arg(Some(ctx), st)).transpose()?,
        caption: s.caption.clone(),
        start_at: s.start_at.max(1),
        title: row.name.clone(),
        ..PrintOptions::default()
    };
    let layout = layout_by_name(&s.layout, s.layout_file.as_deref().map(Path::new))?;
    let job = PrintJob { source: Source::Items(items), layout, options };
    let out = Path::new(&s.output);
    let mut placed = Vec::new();
    let never = AtomicBool::new(false);
    let report = run_with(&job, out, &|_| {}, &never, &mut |p| placed.push(p.clone()))
        .map_err(AppError::from)?;
    // The labels keep their campaign rows and serials.
    let printed: Vec<&CampaignLine> = lines.iter().filter(|l| !l.short_link.is_empty()).collect();
    for (p, l) in placed.iter_mut().zip(&printed) {
        p.row = l.row;
        p.serial = l.serial.unwrap_or(p.serial);
    }
    let settings = JobSettings::of(
        &s.layout,
        s.layout_file.as_deref().map(Path::new),
        s.style.as_deref(),
        s.design.as_deref(),
        &job.options,
    );
    let source = JobSource::described(format!("campaign #{} \"{}\"", row.id, row.name));
    let job_id =
        record_job(ctx, &source, &settings, &report, placed.iter().map(|p| Ok(label_row(p))))?;
    Ok((job_id, report.pages))
}

/// Prints every waiting campaign whose codes the service has all confirmed (after a sync that
/// did not come from a campaign's own step), without syncing again.
pub fn print_ready_campaigns(ctx: &AppContext) -> Result<Vec<CampaignOutcome>, AppError> {
    let waiting: Vec<CampaignRow> =
        ctx.store().read(campaigns::list)?.into_iter().filter(|c| c.status == "waiting").collect();
    let mut done = Vec::new();
    for c in waiting {
        let lines = ctx.store().read(|conn| campaigns::lines(conn, c.id))?;
        let refused = refused(ctx, &lines)?;
        if !ready(&lines, &refused) {
            continue;
        }
        let settings = settings_of(&c)?;
        done.push(finish(ctx, &c, &settings, &lines, refused)?);
    }
    Ok(done)
}

/// Whether every good row the service did not refuse has its short link.
fn ready(lines: &[CampaignLine], refused: &[(u64, String)]) -> bool {
    lines
        .iter()
        .filter(|l| l.code.is_some() && !refused.iter().any(|(r, _)| *r == l.row))
        .all(|l| !l.short_link.is_empty())
}
