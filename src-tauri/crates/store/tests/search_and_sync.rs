//! Search over a large cache and the rows the sync engine writes.

use chrono::{TimeZone, Utc};
use qrdesk_core::{AccountStatus, CodeStatus, Environment, ProviderKind};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::codes::{self, CodeFilter, CodeRecord, SEARCH_SORTED_BY_NAME_UP_TO};
use qrdesk_store::{search_index, sync_rows, Store, StoreError};

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

fn names_matching(store: &Store, q: &str) -> Vec<String> {
    let f = CodeFilter { search: Some(q.into()), ..CodeFilter::default() };
    let mut names: Vec<String> =
        store.read(|c| codes::list(c, &f)).unwrap().into_iter().map(|c| c.name).collect();
    names.sort();
    names
}

fn fts_is_consistent(store: &Store) -> bool {
    store
        .read(|c| Ok(c.execute("INSERT INTO codes_fts (codes_fts) VALUES ('integrity-check')", [])))
        .unwrap()
        .is_ok()
}

#[test]
fn a_deferred_index_is_rebuilt_once_and_then_kept_current_again() {
    let store = Store::open_in_memory().unwrap();
    let acc = account(&store);
    store
        .transaction(|tx| -> Result<(), StoreError> {
            sync_rows::insert_pulled(tx, acc, &record(0, "Before import"), 1, now())?;
            search_index::defer(tx)?;
            for i in 1..=300 {
                sync_rows::insert_pulled(tx, acc, &record(i, &format!("Imported {i}")), 1, now())?;
            }
            // A row renamed and a row removed while the index is off.
            let ids: Vec<&str> = vec!["r0", "r7"];
            let locals = sync_rows::locals_by_remote_ids(tx, acc, &ids)?;
            sync_rows::overwrite_pulled(
                tx,
                locals["r0"].id,
                &record(0, "Renamed"),
                Some(1),
                now(),
            )?;
            tx.execute("DELETE FROM codes WHERE id = ?1", [locals["r7"].id])?;
            Ok(())
        })
        .unwrap();
    assert!(store.read(search_index::is_deferred).unwrap());
    assert!(names_matching(&store, "Imported").is_empty(), "the import is not indexed yet");

    assert!(store.transaction(|tx| search_index::finish_deferral(tx)).unwrap());
    assert!(!store.read(search_index::is_deferred).unwrap());
    assert!(fts_is_consistent(&store));
    assert_eq!(names_matching(&store, "Imported").len(), 299);
    assert_eq!(names_matching(&store, "Renamed"), vec!["Renamed".to_string()]);
    assert!(names_matching(&store, "Before").is_empty());

    // Maintained row by row again.
    store
        .transaction(|tx| -> Result<(), StoreError> {
            let locals = sync_rows::locals_by_remote_ids(tx, acc, &["r1"])?;
            sync_rows::overwrite_pulled(tx, locals["r1"].id, &record(1, "Moved"), Some(2), now())
        })
        .unwrap();
    assert_eq!(names_matching(&store, "Moved"), vec!["Moved".to_string()]);
    assert!(fts_is_consistent(&store));
    assert!(!store.transaction(|tx| search_index::finish_deferral(tx)).unwrap());
}

fn schema_sql(store: &Store) -> Vec<String> {
    store
        .read(|c| {
            let mut stmt = c.prepare(
                "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?.collect::<Result<Vec<String>, _>>()?;
            Ok(rows)
        })
        .unwrap()
}

#[test]
fn deferring_drops_the_index_triggers_and_name_indexes_and_finishing_restores_the_schema() {
    let store = Store::open_in_memory().unwrap();
    let before = schema_sql(&store);
    assert_eq!(before.iter().filter(|s| s.starts_with("trigger codes_fts_")).count(), 3);
    store.transaction(|tx| search_index::defer(tx)).unwrap();
    let deferred = schema_sql(&store);
    assert!(!deferred.iter().any(|s| s.starts_with("trigger ")), "{deferred:#?}");
    assert!(!deferred.iter().any(|s| s.contains("codes_by_")), "{deferred:#?}");
    // Deferring twice (two accounts importing at once) is harmless.
    store.transaction(|tx| search_index::defer(tx)).unwrap();
    assert!(store.transaction(|tx| search_index::finish_deferral(tx)).unwrap());
    assert_eq!(schema_sql(&store), before, "back as migrations 02 and 09 wrote them");
}

#[test]
fn opening_a_database_whose_import_was_killed_rebuilds_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        let acc = account(&store);
        store
            .transaction(|tx| -> Result<(), StoreError> {
                search_index::defer(tx)?;
                for i in 0..50 {
                    sync_rows::insert_pulled(
                        tx,
                        acc,
                        &record(i, &format!("Poster {i}")),
                        1,
                        now(),
                    )?;
                }
                Ok(())
            })
            .unwrap();
        // Dropped here without finishing, as a killed process would leave it.
    }
    let store = Store::open(&path).unwrap();
    assert!(!store.read(search_index::is_deferred).unwrap());
    assert_eq!(names_matching(&store, "poster").len(), 50);
    assert!(fts_is_consistent(&store));
}

#[test]
fn search_counts_agree_with_the_lists_with_deleted_codes_and_filters() {
    let store = Store::open_in_memory().unwrap();
    let acc = account(&store);
    let other = account(&store);
    store
        .transaction(|tx| -> Result<(), StoreError> {
            for i in 0..400 {
                let a = if i % 3 == 0 { other } else { acc };
                let name =
                    if i % 2 == 0 { format!("Menu card {i}") } else { format!("Poster {i}") };
                let id = sync_rows::insert_pulled(tx, a, &record(i, &name), 1, now())?;
                if i % 7 == 0 {
                    sync_rows::mark_deleted(tx, id, now())?;
                }
            }
            Ok(())
        })
        .unwrap();
    for search in ["menu", "poster", "shop", "card 1", "nothing"] {
        for (account, include_deleted) in [(None, false), (None, true), (Some(acc), false)] {
            let f = CodeFilter {
                search: Some(search.into()),
                account,
                include_deleted,
                ..CodeFilter::default()
            };
            let listed = store.read(|c| codes::list(c, &f)).unwrap().len() as u64;
            let counted = store.read(|c| codes::count(c, &f)).unwrap();
            assert_eq!(counted, listed, "{search:?} account={account:?} deleted={include_deleted}");
        }
    }
}
