//! Store integration tests against real SQLite files in temporary folders.

use chrono::{TimeZone, Utc};
use qrdesk_core::{
    AccountStatus, CodeChanges, CodeStatus, Environment, ErrorKind, OutboxOp, ProviderKind,
};
use qrdesk_store::accounts::{self, NewAccount};
use qrdesk_store::codes::{self, CodeFilter, CodeRecord};
use qrdesk_store::{outbox, Store, StoreError, LATEST_SCHEMA_VERSION};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap()
}

fn new_account(label: &str) -> NewAccount {
    NewAccount {
        provider: ProviderKind::QrCodePro,
        label: label.into(),
        base_url: "https://api.qrcodepro.io".into(),
        workspace: None,
        environment: Environment::Live,
        masked_key: "qrcp_live_…9f2a".into(),
        client_id: None,
        status: AccountStatus::Verified,
        last_verified_at: Some(now()),
        expires_at: None,
        key_lifetime_days: None,
        demo: false,
    }
}

fn code(name: &str, destination: &str, content: &str) -> CodeRecord {
    CodeRecord {
        remote_id: Some(format!("r-{name}")),
        name: name.into(),
        kind: "url".into(),
        destination: destination.into(),
        content: content.into(),
        status: CodeStatus::Active,
        ..Default::default()
    }
}

#[test]
fn migrates_from_empty_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let id = {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_SCHEMA_VERSION);
        store.transaction(|tx| accounts::insert(tx, &new_account("Shop"), now())).unwrap()
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_SCHEMA_VERSION);
    let a = store.read(|c| accounts::get(c, id, now())).unwrap();
    assert_eq!(a.label, "Shop");
    assert_eq!(a.status, AccountStatus::Verified);
    assert!(store.integrity_ok().unwrap());
    let mode: String =
        store.read(|c| Ok(c.query_row("PRAGMA journal_mode", [], |r| r.get(0))?)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 =
        store.read(|c| Ok(c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?)).unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    drop(Store::open(&path).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", LATEST_SCHEMA_VERSION + 1).unwrap();
    }
    let err = Store::open(&path).err().expect("newer schema refused");
    assert_eq!(err.kind, ErrorKind::Storage);
    assert!(err.message.contains("newer QR Desk"), "{}", err.message);
    // Nothing was changed.
    let c = rusqlite::Connection::open(&path).unwrap();
    let v: u32 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, LATEST_SCHEMA_VERSION + 1);
}

#[test]
fn refuses_a_file_that_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    std::fs::write(&path, b"this is not sqlite at all, just some text that is long enough")
        .unwrap();
    let err = Store::open(&path).err().expect("garbage refused");
    assert_eq!(err.kind, ErrorKind::Storage);
    assert!(err.message.contains("not a QR Desk database"), "{}", err.message);
}

#[test]
fn full_text_search_over_name_destination_and_short_url() {
    let store = Store::open_in_memory().unwrap();
    let acc = store.transaction(|tx| accounts::insert(tx, &new_account("A"), now())).unwrap();
    store
        .transaction(|tx| {
            codes::insert(
                tx,
                acc,
                &code("Spring menu", "https://cafe.example/spring", "https://qr.x/r/Ab3xK9"),
                now(),
            )?;
            codes::insert(
                tx,
                acc,
                &code("Table 12", "https://cafe.example/tables", "https://qr.x/r/Zz9"),
                now(),
            )?;
            codes::insert(
                tx,
                acc,
                &code("Café crème", "https://cafe.example/menu", "https://qr.x/r/Qq1"),
                now(),
            )
        })
        .unwrap();
    let search = |q: &str| {
        let f = CodeFilter { search: Some(q.into()), ..Default::default() };
        store.read(|c| codes::list(c, &f)).unwrap().into_iter().map(|c| c.name).collect::<Vec<_>>()
    };
    assert_eq!(search("spring"), vec!["Spring menu"]);
    assert_eq!(search("spring menu"), vec!["Spring menu"]);
    assert_eq!(search("spr"), vec!["Spring menu"], "prefix match");
    assert_eq!(search("tables"), vec!["Table 12"], "destination");
    assert_eq!(search("Ab3xK9"), vec!["Spring menu"], "short url");
    assert_eq!(search("creme"), vec!["Café crème"], "diacritics folded");
    assert_eq!(search("cafe.example"), vec!["Café crème", "Spring menu", "Table 12"]);
    assert!(search("\"unbalanced OR (").is_empty(), "operators typed by users are harmless");
    // Renames are indexed.
    store
        .transaction(|tx| -> Result<usize, StoreError> {
            Ok(tx.execute("UPDATE codes SET name = 'Table 99' WHERE name = 'Table 12'", [])?)
        })
        .unwrap();
    assert!(search("12").is_empty(), "old name no longer matches");
    assert_eq!(search("99"), vec!["Table 99"]);
}

#[test]
fn a_failed_transaction_leaves_nothing_behind() {
    let store = Store::open_in_memory().unwrap();
    let acc = store.transaction(|tx| accounts::insert(tx, &new_account("A"), now())).unwrap();
    let result: Result<(), StoreError> = store.transaction(|tx| {
        let id =
            codes::insert(tx, acc, &code("Half", "https://a.example", "https://qr.x/r/1"), now())?;
        outbox::enqueue(
            tx,
            &outbox::NewEntry {
                account: acc,
                code: id,
                op: OutboxOp::Create,
                changes: CodeChanges::default(),
                base_updated_at: None,
                client_ref: "ref-1".into(),
            },
            now(),
        )?;
        Err(StoreError::Invalid("simulated failure after two writes".into()))
    });
    assert!(result.is_err());
    let counts = store.counts().unwrap();
    assert_eq!((counts.codes, counts.outbox_waiting), (0, 0));
}

#[test]
fn outbox_entries_block_account_removal_until_purged() {
    let store = Store::open_in_memory().unwrap();
    let acc = store.transaction(|tx| accounts::insert(tx, &new_account("A"), now())).unwrap();
    store
        .transaction(|tx| {
            let id =
                codes::insert(tx, acc, &code("X", "https://a.example", "https://qr.x/r/1"), now())?;
            outbox::enqueue(
                tx,
                &outbox::NewEntry {
                    account: acc,
                    code: id,
                    op: OutboxOp::Update,
                    changes: CodeChanges { name: Some("Y".into()), ..Default::default() },
                    base_updated_at: None,
                    client_ref: "ref-2".into(),
                },
                now(),
            )
        })
        .unwrap();
    let listed = store.read(|c| codes::list(c, &CodeFilter::default())).unwrap();
    assert!(listed[0].pending);
    let err = store
        .transaction(|tx| accounts::delete(tx, acc, false))
        .map_err(qrdesk_core::AppError::from);
    assert!(err.unwrap_err().message.contains("waiting in the outbox"));
    store.transaction(|tx| accounts::delete(tx, acc, true)).unwrap();
    assert_eq!(store.counts().unwrap().accounts, 0);
}

#[test]
fn bulk_passes_raise_the_page_cache_and_the_last_one_gives_it_back() {
    let store = Store::open_in_memory().unwrap();
    let cache = || {
        store.read(|c| Ok(c.query_row("PRAGMA cache_size", [], |r| r.get::<_, i64>(0))?)).unwrap()
    };
    assert_eq!(cache(), -qrdesk_store::IDLE_CACHE_MB * 1000);
    let first = store.bulk_mode();
    let second = store.bulk_mode();
    assert_eq!(cache(), -qrdesk_store::BULK_CACHE_MB * 1000);
    drop(first);
    assert_eq!(cache(), -qrdesk_store::BULK_CACHE_MB * 1000, "another pass still runs");
    drop(second);
    assert_eq!(cache(), -qrdesk_store::IDLE_CACHE_MB * 1000);
}

#[test]
fn styles_keep_their_logo_and_replace_by_name_in_any_case() {
    use qrdesk_store::styles::{self, StyleRow};
    let store = Store::open_in_memory().unwrap();
    let row = StyleRow {
        name: "Autumn brand".into(),
        spec: "dark = \"cmyk:100,72,0,18\"\n".into(),
        logo: Some(("logo.svg".into(), b"<svg/>".to_vec())),
        updated_at: now(),
    };
    store.read(|c| styles::save(c, &row, now())).unwrap();
    let plain =
        StyleRow { name: "Plain".into(), spec: String::new(), logo: None, updated_at: now() };
    store.read(|c| styles::save(c, &plain, now())).unwrap();
    assert_eq!(store.read(|c| styles::get(c, "autumn BRAND")).unwrap(), Some(row.clone()));
    // Saving under the same name in another case replaces it (and takes the new spelling).
    let renamed = StyleRow { name: "AUTUMN brand".into(), logo: None, ..row };
    store.read(|c| styles::save(c, &renamed, now())).unwrap();
    let all = store.read(styles::list).unwrap();
    assert_eq!(all.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["AUTUMN brand", "Plain"]);
    assert_eq!(all[0].logo, None);
    assert!(store.read(|c| styles::remove(c, "plain")).unwrap());
    assert!(!store.read(|c| styles::remove(c, "plain")).unwrap());
    assert_eq!(store.read(styles::list).unwrap().len(), 1);
}

#[test]
fn printer_profiles_replace_by_name_in_any_case() {
    use qrdesk_store::printer_profiles::{self, ProfileRow};
    let store = Store::open_in_memory().unwrap();
    let row = ProfileRow { name: "Shop laser".into(), offset: (0.5, -1.0), scale: (1.002, 0.998) };
    store.read(|c| printer_profiles::save(c, &row, now())).unwrap();
    assert_eq!(store.read(|c| printer_profiles::get(c, "SHOP LASER")).unwrap(), Some(row.clone()));
    let moved = ProfileRow { offset: (0.0, 0.0), ..row };
    store.read(|c| printer_profiles::save(c, &moved, now())).unwrap();
    assert_eq!(store.read(printer_profiles::list).unwrap(), vec![moved]);
    assert!(store.read(|c| printer_profiles::remove(c, "shop laser")).unwrap());
    assert!(store.read(printer_profiles::list).unwrap().is_empty());
}

#[test]
fn designs_keep_their_fonts_and_replace_by_name_in_any_case() {
    use qrdesk_store::designs::{self, DesignRow};
    let store = Store::open_in_memory().unwrap();
    let row = DesignRow {
        name: "Table tent".into(),
        spec: "code_position = \"left\"\n".into(),
        fonts: vec![("Brand.ttf".into(), b"font bytes".to_vec())],
        updated_at: now(),
    };
    store.transaction(|c| designs::save(c, &row, now())).unwrap();
    assert_eq!(store.read(|c| designs::get(c, "TABLE tent")).unwrap(), Some(row.clone()));
    let renamed = DesignRow { name: "TABLE TENT".into(), fonts: Vec::new(), ..row };
    store.transaction(|c| designs::save(c, &renamed, now())).unwrap();
    let all = store.read(designs::list).unwrap();
    assert_eq!((all.len(), all[0].name.as_str(), all[0].fonts.len()), (1, "TABLE TENT", 0));
    assert!(store.read(|c| designs::remove(c, "table tent")).unwrap());
    let fonts: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM design_fonts", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(fonts, 0);
}
