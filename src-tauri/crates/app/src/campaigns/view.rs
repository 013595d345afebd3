//! Looking at campaigns offline: each one's status and counts, and one campaign's rows with
//! their codes, short links and scans (as last synced), scans per day, and its best and worst
//! placements.

use qrdesk_core::AppError;
use qrdesk_store::campaigns::{self, CampaignLine};

use super::progress::{load, settings_of};
use crate::context::AppContext;
use crate::ipc::campaigns::{CampaignDay, CampaignDetails, CampaignRowView, CampaignSummary};

fn summary(
    row: &qrdesk_store::campaigns::CampaignRow,
    output: String,
    lines: &[CampaignLine],
) -> CampaignSummary {
    let codes = lines.iter().filter(|l| l.remote_id.is_some()).count() as u64;
    let good = lines.iter().filter(|l| l.code.is_some()).count() as u64;
    CampaignSummary {
        id: row.id,
        name: row.name.clone(),
        account: row.account,
        status: row.status.clone(),
        created_at: row.created_at.to_rfc3339(),
        rows: lines.len() as u64,
        codes,
        waiting: good - codes,
        failed: lines.iter().filter(|l| l.problem.is_some()).count() as u64,
        scans: lines.iter().filter_map(|l| l.scans_total).sum(),
        output,
    }
}

/// Every campaign, newest first.
pub fn list_campaigns(ctx: &AppContext) -> Result<Vec<CampaignSummary>, AppError> {
    let all = ctx.store().read(campaigns::list)?;
    all.iter()
        .map(|c| {
            let settings = settings_of(c)?;
            let lines = ctx.store().read(|conn| campaigns::lines(conn, c.id))?;
            Ok(summary(c, settings.output, &lines))
        })
        .collect()
}

/// Campaign `id` with its rows, scans per day and best and worst placements.
pub fn campaign_details(ctx: &AppContext, id: i64) -> Result<CampaignDetails, AppError> {
    let (row, settings) = load(ctx, id)?;
    let lines = ctx.store().read(|c| campaigns::lines(c, id))?;
    let days = ctx.store().read(|c| campaigns::scans_by_day(c, id))?;
    let mut ranked: Vec<(i64, u64)> = lines
        .iter()
        .filter(|l| l.remote_id.is_some())
        .map(|l| (l.scans_total.unwrap_or(0), l.row))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = ranked.iter().take(3).map(|r| r.1).collect();
    let worst = ranked.iter().rev().take(3).map(|r| r.1).collect();
    Ok(CampaignDetails {
        summary: summary(&row, settings.output, &lines),
        rows: lines
            .iter()
            .map(|l| CampaignRowView {
                row: l.row,
                serial: l.serial,
                name: l.name.clone(),
                destination: l.destination.clone(),
                code: l.code,
                short_link: l.short_link.clone(),
                scans: l.scans_total,
                problem: l.problem.clone(),
            })
            .collect(),
        scans_by_day: days.into_iter().map(|(day, scans)| CampaignDay { day, scans }).collect(),
        best,
        worst,
    })
}

/// The print job that printed campaign `id` (its reprints go through the print history).
pub fn campaign_print_job(ctx: &AppContext, id: i64) -> Result<i64, AppError> {
    let (row, _) = load(ctx, id)?;
    row.print_job.ok_or_else(|| {
        AppError::bad_input(format!(
            "Campaign #{id} has not printed yet; carry it on with qrdesk campaign resume {id}"
        ))
    })
}
