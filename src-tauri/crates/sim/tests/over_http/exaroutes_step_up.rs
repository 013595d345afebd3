//! ExaRoutes step-up: destination edits and bulk replace need a grace window.

use std::time::Duration;

use qrdesk_core::ProviderKind;
use serde_json::json;

use crate::support::{account, auth, call, config, get, key, start};

#[tokio::test]
async fn destination_edits_need_step_up_until_grace_opens_and_after_it_closes() {
    let (sim, manifest) =
        start(qrdesk_sim::SimConfig { step_up_grace: Duration::from_millis(400), ..config(3) })
            .await;
    let control = sim.control();
    let base = sim.base_url(ProviderKind::ExaRoutes);
    let headers = [auth(ProviderKind::ExaRoutes, &key(&manifest, ProviderKind::ExaRoutes, 1))];
    let workspace = account(&manifest, ProviderKind::ExaRoutes, 1)["workspace"]
        .as_str()
        .expect("ws")
        .to_string();
    let id = control.code_ids(ProviderKind::ExaRoutes, Some(&workspace)).expect("ids")[0].clone();
    let edit_url = format!("{base}/api/qr/dynamic-qr");

    let refused = call(
        "PUT",
        &edit_url,
        &headers,
        Some(json!({ "uid": id, "data": "https://example.com/new" })),
    )
    .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json(), json!({ "error": "step_up_required", "tier": "standard" }));
    let renamed = call(
        "PUT",
        &edit_url,
        &headers,
        Some(json!({ "uid": id, "name": "Renamed", "status": "INACTIVE" })),
    )
    .await;
    assert_eq!(renamed.status, 200, "name and status edits need no step-up");
    assert_eq!(renamed.json()["name"], "Renamed");
    let bulk = format!("{base}/api/qr/workspace-bulk-replace");
    let body = json!({ "find": "https://", "replace": "https://" });
    assert_eq!(call("POST", &bulk, &headers, Some(body.clone())).await.status, 403);

    control.open_grace(&workspace).expect("grace");
    let moved = call(
        "PUT",
        &edit_url,
        &headers,
        Some(json!({ "uid": id, "data": "https://example.com/new" })),
    )
    .await;
    assert_eq!(moved.status, 200);
    assert_eq!(moved.json()["destination"], "https://example.com/new");
    let replaced = call(
        "POST",
        &bulk,
        &headers,
        Some(json!({ "find": "example.com/new", "replace": "example.org/newer" })),
    )
    .await;
    assert_eq!(replaced.json(), json!({ "updated": 1 }));
    let read = get(&format!("{base}/api/qr/codes/{id}"), &headers).await.json();
    assert_eq!(read["destination"], "https://example.org/newer");

    tokio::time::sleep(Duration::from_millis(450)).await;
    let again = call(
        "PUT",
        &edit_url,
        &headers,
        Some(json!({ "uid": id, "data": "https://example.com/late" })),
    )
    .await;
    assert_eq!(again.status, 403, "the grace window closed");
    let missing =
        call("PUT", &edit_url, &headers, Some(json!({ "uid": "nope0000", "name": "x" }))).await;
    assert_eq!(missing.status, 404);
    sim.shutdown().await;
}
