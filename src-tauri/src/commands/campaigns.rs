//! The Campaigns page's commands: the campaigns with their progress and placements, the preview
//! of a draft, making one (printing to where the person saves it) and carrying one on.

use qrdesk_app::campaigns;
use qrdesk_app::ipc::campaigns::{
    CampaignDetails, CampaignDraft, CampaignOutcome, CampaignPreview, CampaignSummary,
};
use tauri::{AppHandle, Manager, Runtime};

use super::{blocking, CmdResult};
use crate::save_path::ask_save_path;
use crate::state::DesktopState;

#[tauri::command]
pub async fn list_campaigns<R: Runtime>(app: AppHandle<R>) -> CmdResult<Vec<CampaignSummary>> {
    blocking(app, campaigns::list_campaigns).await
}

#[tauri::command]
pub async fn campaign_details<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
) -> CmdResult<CampaignDetails> {
    blocking(app, move |ctx| campaigns::campaign_details(ctx, id)).await
}

#[tauri::command]
pub async fn campaign_preview<R: Runtime>(
    app: AppHandle<R>,
    draft: CampaignDraft,
) -> CmdResult<CampaignPreview> {
    blocking(app, move |ctx| campaigns::campaign_preview(ctx, &draft)).await
}

/// Makes the campaign (after asking where its PDF goes), then carries it as far as the service
/// allows: printed, or waiting.
#[tauri::command]
pub async fn campaign_create<R: Runtime>(
    app: AppHandle<R>,
    draft: CampaignDraft,
) -> CmdResult<Option<CampaignOutcome>> {
    let checked = draft.clone();
    blocking(app.clone(), move |ctx| campaigns::campaign_preview(ctx, &checked).map(|_| ()))
        .await?;
    let Some(out) = ask_save_path(&app, "campaign-labels.pdf", "PDF", "pdf").await? else {
        return Ok(None);
    };
    let id =
        blocking(app.clone(), move |ctx| campaigns::create_from_draft(ctx, &draft, &out)).await?;
    campaign_resume(app, id).await.map(Some)
}

/// One step of a campaign: sync its account, print when every code is confirmed.
#[tauri::command]
pub async fn campaign_resume<R: Runtime>(app: AppHandle<R>, id: i64) -> CmdResult<CampaignOutcome> {
    let state = app.state::<DesktopState>();
    let ctx = state.ctx()?;
    let outcome = campaigns::advance_campaign(ctx, id).await?;
    if outcome.status == "printed" {
        ctx.jobs().remember_written(std::path::Path::new(&outcome.output));
    }
    Ok(outcome)
}

/// Writes the campaign's scans per code per day as CSV where the person saves it.
#[tauri::command]
pub async fn export_campaign_scans<R: Runtime>(
    app: AppHandle<R>,
    id: i64,
) -> CmdResult<Option<qrdesk_app::ipc::print::ExportResult>> {
    let Some(out) = ask_save_path(&app, &format!("campaign-{id}-scans.csv"), "CSV", "csv").await?
    else {
        return Ok(None);
    };
    blocking(app, move |ctx| {
        qrdesk_app::analytics_export::export_campaign_scans(ctx, id, &out)?;
        Ok(Some(qrdesk_app::ipc::print::ExportResult { path: out.display().to_string() }))
    })
    .await
}
