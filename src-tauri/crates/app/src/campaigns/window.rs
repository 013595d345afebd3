//! The Campaigns page's two steps before a campaign runs: the preview of what a draft will make
//! (its first destinations with the UTM parameters, the rows that will not become codes), and
//! making it from pasted rows (written to a private temporary file for the reader, as the Print
//! page's CSVs are).

use std::path::Path;

use qrdesk_core::AppError;

use super::create::{campaign_name, create_campaign, plan, CampaignRequest, CampaignSettings};
use crate::context::AppContext;
use crate::ipc::campaigns::{CampaignDraft, CampaignPreview, CampaignPreviewRow, CampaignProblem};
use crate::print::TempCsv;

/// Rows the preview shows.
const PREVIEW_ROWS: usize = 5;

fn name_of(draft: &CampaignDraft) -> String {
    let today = chrono::Utc::now().format("%Y-%m-%d");
    campaign_name(Some(draft.name.as_str()), Path::new(&format!("Campaign {today}")))
}

/// What `draft` will make: its first rows as they will be sent, and the rows that will not.
pub fn campaign_preview(
    ctx: &AppContext,
    draft: &CampaignDraft,
) -> Result<CampaignPreview, AppError> {
    let file = TempCsv::write(ctx.data_dir(), &draft.rows_text)?;
    let planned = plan(
        file.path(),
        &draft.name_column,
        &draft.destination_column,
        draft.utm.as_deref(),
        &name_of(draft),
    )?;
    Ok(CampaignPreview {
        columns: planned.columns,
        rows: planned.lines.len() as u64,
        first: planned
            .lines
            .iter()
            .filter(|l| l.problem.is_none())
            .take(PREVIEW_ROWS)
            .map(|l| CampaignPreviewRow {
                row: l.row,
                name: l.name.clone(),
                destination: l.destination.clone(),
            })
            .collect(),
        problems: planned
            .lines
            .iter()
            .filter_map(|l| l.problem.clone().map(|reason| CampaignProblem { row: l.row, reason }))
            .collect(),
    })
}

/// Makes the campaign `draft` describes, printing to `out`; returns its id.
pub fn create_from_draft(
    ctx: &AppContext,
    draft: &CampaignDraft,
    out: &Path,
) -> Result<i64, AppError> {
    let file = TempCsv::write(ctx.data_dir(), &draft.rows_text)?;
    let blank = |s: &Option<String>| s.clone().filter(|v| !v.trim().is_empty());
    let request = CampaignRequest {
        account: draft.account,
        name: Some(name_of(draft)),
        csv: file.path().to_path_buf(),
        name_column: draft.name_column.clone(),
        destination_column: draft.destination_column.clone(),
        settings: CampaignSettings {
            layout: draft.layout.clone(),
            layout_file: None,
            design: blank(&draft.design),
            style: blank(&draft.style),
            caption: blank(&draft.caption),
            start_at: draft.start_at.max(1),
            output: out.display().to_string(),
            utm: blank(&draft.utm),
            source: "rows pasted or chosen in the window".into(),
        },
    };
    create_campaign(ctx, &request)
}
