//! Campaigns against the simulator, on each of the four services that make codes: rows in, one
//! new code per row with its UTM'd destination, the labels printed with the short links in row
//! order and decoded back; offline, then resumed, with no code made twice; a bad destination
//! reported with its row while the others go on.

use std::path::Path;

use qrdesk_app::campaigns::{
    advance_campaign, campaign_details, create_campaign, list_campaigns, CampaignRequest,
    CampaignSettings,
};
use qrdesk_core::ProviderKind;
use qrdesk_sim::{Fault, FaultKind};
use qrdesk_testkit::pdf_labels::l7160_codes;

use crate::support::World;

const UTM: &str = "utm_source=print&utm_medium=label&utm_campaign={campaign}&utm_content={serial}";

fn write_rows(dir: &Path, rows: usize, bad_row: Option<usize>) -> std::path::PathBuf {
    let mut csv = String::from("table,where,url\n");
    for i in 1..=rows {
        let url = if Some(i) == bad_row {
            "ftp://not-a-web-address.example/".to_string()
        } else {
            format!("https://cafe.example/menu?t={i}")
        };
        csv.push_str(&format!("Table {i},Patio,{url}\n"));
    }
    let path = dir.join("tables.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

fn request(account: i64, csv: &Path, out: &Path) -> CampaignRequest {
    CampaignRequest {
        account,
        name: Some("Spring tables".into()),
        csv: csv.to_path_buf(),
        name_column: "table".into(),
        destination_column: "url".into(),
        settings: CampaignSettings {
            layout: "avery-l7160".into(),
            layout_file: None,
            design: None,
            style: None,
            caption: Some("{name}".into()),
            start_at: 1,
            output: out.display().to_string(),
            utm: Some(UTM.into()),
            source: String::new(),
        },
    }
}

fn remote_count(w: &World, provider: ProviderKind) -> usize {
    w.sim.control().code_ids(provider, None).map(|ids| ids.len()).unwrap_or(0)
}

#[tokio::test]
async fn a_25_row_campaign_makes_25_codes_on_each_service_and_prints_their_short_links() {
    for provider in [
        ProviderKind::QrV1,
        ProviderKind::QrCodePro,
        ProviderKind::IloveQr,
        ProviderKind::ExaRoutes,
    ] {
        let w = World::new().await;
        let account = w.account(provider, "Cafe").await;
        let before = remote_count(&w, provider);
        let dir = tempfile::tempdir().unwrap();
        let csv = write_rows(dir.path(), 25, None);
        let out = dir.path().join("tables.pdf");
        let id = create_campaign(&w.ctx, &request(account.id, &csv, &out)).unwrap();
        let done = advance_campaign(&w.ctx, id).await.unwrap();
        assert_eq!(done.status, "printed", "{provider:?}: {done:?}");
        assert_eq!((done.codes_created, done.waiting, done.pages), (25, 0, 2), "{provider:?}");
        assert_eq!(remote_count(&w, provider), before + 25, "{provider:?}: one code per row");
        let details = campaign_details(&w.ctx, id).unwrap();
        let links: Vec<String> = details.rows.iter().map(|r| r.short_link.clone()).collect();
        assert!(links.iter().all(|l| l.starts_with("http")), "{provider:?}: {links:?}");
        assert_eq!(
            details.rows[4].destination,
            "https://cafe.example/menu?t=5&utm_source=print&utm_medium=label\
             &utm_campaign=Spring+tables&utm_content=5",
            "{provider:?}"
        );
        assert_eq!(l7160_codes(&out, 1, 21), links[..21].to_vec(), "{provider:?}: row order");
        assert_eq!(l7160_codes(&out, 2, 4), links[21..].to_vec(), "{provider:?}: page 2");
        // Advancing a printed campaign changes nothing.
        let again = advance_campaign(&w.ctx, id).await.unwrap();
        assert_eq!((again.status.as_str(), again.codes_created), ("printed", 25));
        assert_eq!(remote_count(&w, provider), before + 25, "{provider:?}: nothing made twice");
    }
}

#[tokio::test]
async fn offline_the_campaign_waits_and_a_resume_finishes_it_without_duplicates() {
    let w = World::new().await;
    let provider = ProviderKind::QrCodePro;
    let account = w.account(provider, "Cafe").await;
    let before = remote_count(&w, provider);
    let dir = tempfile::tempdir().unwrap();
    let csv = write_rows(dir.path(), 25, Some(7));
    let out = dir.path().join("tables.pdf");
    w.sim.control().inject_fault(Fault::probability(FaultKind::DropConnection, 1.0));
    let id = create_campaign(&w.ctx, &request(account.id, &csv, &out)).unwrap();
    let waiting = advance_campaign(&w.ctx, id).await.unwrap();
    assert_eq!(waiting.status, "waiting");
    assert_eq!((waiting.codes_created, waiting.waiting), (0, 24), "{waiting:?}");
    assert!(waiting.note.as_deref().is_some_and(|n| n.starts_with("waiting for the service")));
    assert_eq!(waiting.failed.len(), 1);
    assert_eq!(waiting.failed[0].row, 7, "the bad row is named: {:?}", waiting.failed);
    assert!(!out.exists(), "nothing printed while waiting");
    w.sim.control().clear_faults();
    let done = advance_campaign(&w.ctx, id).await.unwrap();
    assert_eq!((done.status.as_str(), done.codes_created, done.waiting), ("printed", 24, 0));
    assert_eq!(remote_count(&w, provider), before + 24, "each code made once");
    let links: Vec<String> = campaign_details(&w.ctx, id)
        .unwrap()
        .rows
        .iter()
        .filter(|r| r.problem.is_none())
        .map(|r| r.short_link.clone())
        .collect();
    assert_eq!(l7160_codes(&out, 1, 21), links[..21].to_vec());
    assert_eq!(l7160_codes(&out, 2, 3), links[21..].to_vec());
    let listed = list_campaigns(&w.ctx).unwrap();
    assert_eq!((listed[0].id, listed[0].codes, listed[0].failed), (id, 24, 1));
    // Labels of a printed campaign are reprinted through the print history, by campaign row.
    let job = qrdesk_app::campaigns::campaign_print_job(&w.ctx, id).unwrap();
    let again = dir.path().join("again.pdf");
    let choice = qrdesk_app::print::history::ReprintChoice {
        rows: Some("8-9".into()),
        serials: None,
        start_at: 1,
    };
    let (_, report) =
        qrdesk_app::print::history::reprint_job(&w.ctx, job, &choice, &again).unwrap();
    assert_eq!(report.codes, 2);
    // Rows 8 and 9 are the 7th and 8th codes (row 7 did not become one).
    assert_eq!(l7160_codes(&again, 1, 2), links[6..8].to_vec());
}

#[tokio::test]
async fn scans_per_placement_agree_with_the_service_after_scans_grow_and_a_sync() {
    use qrdesk_app::analytics_export::{export_analytics, ExportScope};
    use qrdesk_sync::Connector;
    let w = World::new().await;
    let account = w.account(ProviderKind::QrCodePro, "Cafe").await;
    let dir = tempfile::tempdir().unwrap();
    let csv = write_rows(dir.path(), 5, None);
    let out = dir.path().join("tables.pdf");
    let id = create_campaign(&w.ctx, &request(account.id, &csv, &out)).unwrap();
    assert_eq!(advance_campaign(&w.ctx, id).await.unwrap().status, "printed");
    w.sim.control().grow_scans(40);
    qrdesk_app::sync::sync_accounts(&w.ctx, vec![account.id], 7, None).await.unwrap();

    let today = chrono::Utc::now().date_naive();
    let from = today - chrono::Duration::days(6);
    let details = campaign_details(&w.ctx, id).unwrap();
    // The service's own per-day numbers, asked over HTTP for every code of the campaign.
    let provider = w.ctx.connector().connect(&account).unwrap();
    let mut service: std::collections::BTreeMap<String, i64> = Default::default();
    let mut service_total = 0;
    for row in &details.rows {
        let remote =
            w.ctx.store().read(|c| qrdesk_store::codes::get(c, row.code.unwrap())).unwrap();
        let series =
            provider.analytics(remote.remote_id.as_deref().unwrap(), from, today).await.unwrap();
        for d in series.days {
            *service.entry(d.date.to_string()).or_default() += d.scans;
            service_total += d.scans;
        }
    }
    assert!(service_total > 0, "the service reports scans");
    let shown: std::collections::BTreeMap<String, i64> = details
        .scans_by_day
        .iter()
        .filter(|d| d.day.as_str() >= from.to_string().as_str())
        .map(|d| (d.day.clone(), d.scans))
        .collect();
    assert_eq!(shown, service, "campaign show's days are the service's");
    let file = dir.path().join("scans.csv");
    let report = export_analytics(&w.ctx, &ExportScope::Campaign(id), from, today, &file).unwrap();
    assert_eq!(report.codes, 5);
    let text = std::fs::read_to_string(&file).unwrap();
    let mut exported: std::collections::BTreeMap<String, i64> = Default::default();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let n = cells.len();
        *exported.entry(cells[n - 3].to_string()).or_default() +=
            cells[n - 2].parse::<i64>().unwrap();
        assert!(!cells[4].is_empty() && !cells[5].is_empty(), "campaign row and serial: {line}");
    }
    assert_eq!(exported, service, "the export's days are the service's");
    assert!(text.starts_with(
        "code_id,name,short_link,destination,campaign_row,serial,day,scans,unique_scans"
    ));
}
