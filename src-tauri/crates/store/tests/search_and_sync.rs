//! Search over a large cache and the rows the sync engine writes.

use chrono::{TimeZone, Utc};
use qrdesk_core::{AccountStatus, CodeStatus, Environment, ProviderKind};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::codes::{self, CodeFilter, CodeRecord, SEARCH_SORTED_BY_NAME_UP_TO};
use qrdesk_store::{sync_rows, Store, StoreError};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn account(store: &Store) -> i64 {
    let a = NewAccount {
        provider: ProviderKind::QrV1,
        label: "Shop".into(),
        base_url: "https://api.example".into(),
        workspace: None,
        environment: Environment::Live,
        masked_key: "qr_…abcd".into(),
        client_id: None,
        status: AccountStatus::Verified,
        last_verified_at: None,
        expires_at: None,
        key_lifetime_days: None,
        demo: false,
    };
    store.transaction(|tx| accounts::insert(tx, &a, now())).unwrap()
}

fn record(i: usize, name: &str) -> CodeRecord {
    CodeRecord {
        remote_id: Some(format!("r{i}")),
        name: name.into(),
        kind: "url".into(),
        destination: format!("https://shop.example/{i}"),
        content: format!("https://qr.example/s{i}"),
        status: CodeStatus::Active,
        ..CodeRecord::default()
    }
}

#[test]
fn narrow_searches_follow_the_order_and_broad_ones_come_newest_first() {
    let store = Store::open_in_memory().unwrap();
    let acc = account(&store);
    let n = SEARCH_SORTED_BY_NAME_UP_TO + 50;
    store
        .transaction(|tx| -> Result<(), StoreError> {
            for i in 0..n {
                let name = if i % 500 == 0 {
                    format!("Zeta poster {i}")
                } else {
                    format!("Alpha flyer {i}")
                };
                sync_rows::insert_pulled(tx, acc, &record(i, &name), 1, now())?;
            }
            Ok(())
        })
        .unwrap();
    let search = |q: &str| {
        let f = CodeFilter { search: Some(q.into()), limit: Some(10), ..CodeFilter::default() };
        store.read(|c| codes::list(c, &f)).unwrap()
    };
    let narrow: Vec<String> = search("poster").into_iter().map(|c| c.name).collect();
    assert_eq!(
        narrow,
        [
            "Zeta poster 0",
            "Zeta poster 1000",
            "Zeta poster 1500",
            "Zeta poster 2000",
            "Zeta poster 500"
        ]
    );
    let broad = search("shop");
    assert_eq!(broad.len(), 10);
    assert_eq!(broad[0].remote_id.as_deref(), Some(format!("r{}", n - 1).as_str()), "newest first");
    let f = CodeFilter { search: Some("shop".into()), ..CodeFilter::default() };
    assert_eq!(store.read(|c| codes::count(c, &f)).unwrap(), n as u64);
}

#[test]
fn a_pass_marks_unseen_codes_deleted_and_a_confirmed_create_folds_a_pulled_duplicate() {
    let store = Store::open_in_memory().unwrap();
    let acc = account(&store);
    let (kept, gone) = store
        .transaction(|tx| -> Result<(i64, i64), StoreError> {
            Ok((
                sync_rows::insert_pulled(tx, acc, &record(1, "Kept"), 1, now())?,
                sync_rows::insert_pulled(tx, acc, &record(2, "Gone"), 1, now())?,
            ))
        })
        .unwrap();
    let deleted = store
        .transaction(|tx| -> Result<u64, StoreError> {
            sync_rows::mark_seen(tx, kept, 2)?;
            sync_rows::mark_unseen_deleted(tx, acc, 2, now())
        })
        .unwrap();
    assert_eq!(deleted, 1);
    assert!(store.read(|c| codes::get(c, gone)).unwrap().deleted);
    assert!(!store.read(|c| codes::get(c, kept)).unwrap().deleted);

    // A local create whose code a list pass already cached as r9: confirming takes it over.
    let local = store
        .transaction(|tx| -> Result<i64, StoreError> {
            sync_rows::insert_pulled(tx, acc, &record(9, "Flyer"), 3, now())?;
            codes::insert(tx, acc, &CodeRecord { remote_id: None, ..record(0, "Flyer") }, now())
        })
        .unwrap();
    store
        .transaction(|tx| {
            sync_rows::confirm_remote(tx, local, acc, &record(9, "Flyer"), false, now())
        })
        .unwrap();
    let found = store.read(|c| codes::find_by_remote_id(c, acc, "r9")).unwrap().unwrap();
    assert_eq!(found.id, local);
    let f = CodeFilter { search: Some("Flyer".into()), ..CodeFilter::default() };
    assert_eq!(store.read(|c| codes::list(c, &f)).unwrap().len(), 1, "no duplicate left");
}
