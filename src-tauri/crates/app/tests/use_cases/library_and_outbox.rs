//! The library and the outbox after a sync: pages, search, one code with its scans, an edit
//! queued and pushed, a discarded edit, creates and deletes.

use chrono::Duration;
use qrdesk_app::ipc::library::{AnalyticsQuery, CodeQuery, CodeSearch, SortKey};
use qrdesk_app::ipc::outbox::{EditCodeRequest, OutboxFilter};
use qrdesk_app::{edits, library, outbox, sync};
use qrdesk_core::{CodeChanges, OutboxState, ProviderKind};

use crate::support::World;

#[tokio::test]
async fn codes_are_listed_searched_edited_pushed_and_discarded() {
    let w = World::new().await;
    let account = w.account(ProviderKind::QrCodePro, "Shop").await;
    sync::sync_accounts(&w.ctx, vec![], 5, None).await.unwrap();

    let query =
        CodeQuery { filter: CodeSearch::default(), sort: SortKey::Name, offset: 0, limit: 4 };
    let page = library::list_codes(&w.ctx, &query).unwrap();
    assert_eq!((page.total, page.rows.len()), (6, 4));
    let first = page.rows[0].code.clone();
    let word = first.name.split_whitespace().next().unwrap().to_string();
    let found = library::find_codes(&w.ctx, &CodeSearch { search: word, ..CodeSearch::default() });
    assert!(found.unwrap().iter().any(|c| c.id == first.id));
    let (code, _) = library::code_with_recent_scans(&w.ctx, first.id).unwrap();
    let today = w.ctx.now().date_naive();
    let scans = library::refresh_code_analytics(
        &w.ctx,
        &AnalyticsQuery { code: code.id, from: today - Duration::days(4), to: today },
    )
    .await
    .unwrap();
    assert!(!scans.days.is_empty(), "analytics refreshed from the service");

    let changes = CodeChanges { name: Some("Renamed here".into()), ..CodeChanges::default() };
    let edited = edits::edit_code(&w.ctx, &EditCodeRequest { code: code.id, changes }).unwrap();
    assert_eq!(edited.name, "Renamed here");
    assert!(edited.pending);
    let waiting = outbox::list_outbox(&w.ctx, &OutboxFilter { account: None, code: Some(code.id) });
    let entry = waiting.unwrap().pop().expect("one entry");
    assert_eq!(entry.state, OutboxState::Pending);
    let pushed = outbox::retry(&w.ctx, entry.id).await.unwrap();
    assert!(pushed.entry.as_ref().is_none_or(|e| e.state == OutboxState::Done), "{pushed:?}");
    assert!(!library::get_code(&w.ctx, code.id).unwrap().pending);

    let (new_code, create) =
        edits::create_code(&w.ctx, account.id, "Poster".into(), "https://shop.example/p".into())
            .unwrap();
    assert_eq!(outbox::list_all(&w.ctx, false).unwrap().len(), 1);
    outbox::discard(&w.ctx, create).await.unwrap();
    assert!(outbox::list_all(&w.ctx, false).unwrap().is_empty());
    assert!(library::get_code(&w.ctx, new_code).is_err(), "a discarded create leaves no code");
    let err = edits::queue_edit(&w.ctx, code.id, &CodeChanges::default()).unwrap_err();
    assert!(err.message.contains("Nothing to change"), "{}", err.message);
}
