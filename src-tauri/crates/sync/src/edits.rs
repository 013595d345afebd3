//! Local edits: applied to the cached copy at once and queued in the outbox in the same
//! transaction, so an edit is never applied without being queued (or queued without showing).
//! No network here: these work offline.

use chrono::Utc;
use qrdesk_core::outbox::OutboxId;
use qrdesk_core::{AccountId, AppError, CodeChanges, CodeId, CodeStatus, OutboxOp};
use qrdesk_store::codes::{self, CodeRecord};
use qrdesk_store::outbox::{self, NewEntry};
use qrdesk_store::{accounts, sync_rows, Store};

/// A code to create (one row of an import, or the create form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCodeInput {
    pub name: String,
    pub destination: String,
}

/// Changes a cached code and queues the change.
pub fn edit_code(store: &Store, code: CodeId, changes: &CodeChanges) -> Result<OutboxId, AppError> {
    let changes = clean_changes(changes)?;
    let now = Utc::now();
    store.transaction(|tx| -> Result<OutboxId, AppError> {
        let current = codes::get(tx, code)?;
        if current.deleted {
            return Err(AppError::bad_input(format!(
                "Code #{code} is deleted; it can no longer be edited"
            )));
        }
        sync_rows::apply_local_edit(tx, code, &changes, now)?;
        let entry = NewEntry {
            account: current.account,
            code,
            op: OutboxOp::Update,
            changes: changes.clone(),
            base_updated_at: current.remote_updated_at,
            client_ref: new_client_ref(),
        };
        Ok(outbox::enqueue(tx, &entry, now)?)
    })
}

/// Creates a code locally (no remote id until the service confirms) and queues the create.
pub fn create_code(
    store: &Store,
    account: AccountId,
    input: &NewCodeInput,
) -> Result<(CodeId, OutboxId), AppError> {
    let mut made = create_codes(store, account, std::slice::from_ref(input))?;
    made.pop().ok_or_else(|| AppError::storage("the new code was not recorded"))
}

/// Creates many codes in one transaction (a CSV import): all queued, or none.
pub fn create_codes(
    store: &Store,
    account: AccountId,
    inputs: &[NewCodeInput],
) -> Result<Vec<(CodeId, OutboxId)>, AppError> {
    let now = Utc::now();
    for (i, input) in inputs.iter().enumerate() {
        check_new(input).map_err(|e| {
            if inputs.len() > 1 {
                AppError::bad_input(format!("Row {}: {}", i + 1, e.message))
            } else {
                e
            }
        })?;
    }
    store.transaction(|tx| create_codes_in(tx, account, inputs, now))
}

/// [`create_codes`] inside the caller's transaction (a campaign writes its rows with them),
/// inputs already checked.
pub fn create_codes_in(
    tx: &rusqlite::Connection,
    account: AccountId,
    inputs: &[NewCodeInput],
    now: chrono::DateTime<Utc>,
) -> Result<Vec<(CodeId, OutboxId)>, AppError> {
    let acc = accounts::get(tx, account, now)?;
    if !acc.provider.capabilities().create {
        return Err(AppError::bad_input(format!(
            "{} has no QR codes to create",
            acc.provider.display_name()
        )));
    }
    let mut made = Vec::with_capacity(inputs.len());
    for input in inputs {
        let record = CodeRecord {
            remote_id: None,
            name: input.name.trim().to_string(),
            kind: "url".into(),
            destination: input.destination.trim().to_string(),
            status: CodeStatus::Active,
            ..CodeRecord::default()
        };
        let code = codes::insert(tx, account, &record, now)?;
        let entry = NewEntry {
            account,
            code,
            op: OutboxOp::Create,
            changes: CodeChanges {
                name: Some(record.name.clone()),
                destination: Some(record.destination.clone()),
                status: None,
            },
            base_updated_at: None,
            client_ref: new_client_ref(),
        };
        made.push((code, outbox::enqueue(tx, &entry, now)?));
    }
    Ok(made)
}

/// Marks a code deleted locally and queues the delete. A create that never reached the service
/// is simply forgotten.
pub fn delete_code(store: &Store, code: CodeId) -> Result<Option<OutboxId>, AppError> {
    let now = Utc::now();
    store.transaction(|tx| -> Result<Option<OutboxId>, AppError> {
        let current = codes::get(tx, code)?;
        if current.deleted {
            return Err(AppError::bad_input(format!("Code #{code} is already deleted")));
        }
        if current.remote_id.is_none() {
            let waiting = outbox::waiting_for_code(tx, code)?;
            if waiting.iter().any(|e| e.op == OutboxOp::Create) {
                sync_rows::forget_unsent(tx, code)?;
                return Ok(None);
            }
        }
        sync_rows::mark_deleted(tx, code, now)?;
        let entry = NewEntry {
            account: current.account,
            code,
            op: OutboxOp::Delete,
            changes: CodeChanges::default(),
            base_updated_at: current.remote_updated_at,
            client_ref: new_client_ref(),
        };
        Ok(Some(outbox::enqueue(tx, &entry, now)?))
    })
}

/// The id a create is recognised by on retry (sent as `Idempotency-Key`).
fn new_client_ref() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Longest code name accepted (characters); services cap theirs at 100–255.
pub use qrdesk_core::rules::code::MAX_NAME_CHARS;

fn check_name_length(name: &str) -> Result<(), AppError> {
    let n = name.chars().count();
    if n > MAX_NAME_CHARS {
        return Err(AppError::bad_input(format!(
            "The name is {n} characters long; keep it under {MAX_NAME_CHARS}"
        )));
    }
    Ok(())
}

fn clean_changes(c: &CodeChanges) -> Result<CodeChanges, AppError> {
    let name = c.name.as_deref().map(str::trim).map(str::to_string);
    if name.as_deref() == Some("") {
        return Err(AppError::bad_input("The name cannot be empty"));
    }
    if let Some(n) = name.as_deref() {
        check_name_length(n)?;
    }
    let destination = c.destination.as_deref().map(str::trim).map(str::to_string);
    if let Some(d) = destination.as_deref() {
        check_url(d)?;
    }
    let cleaned = CodeChanges { name, destination, status: c.status };
    if cleaned.is_empty() {
        return Err(AppError::bad_input(
            "Nothing to change: give a new name, destination or status",
        ));
    }
    Ok(cleaned)
}

pub fn check_new(input: &NewCodeInput) -> Result<(), AppError> {
    check_name_length(input.name.trim())?;
    if input.name.trim().is_empty() {
        return Err(AppError::bad_input("The name is empty"));
    }
    check_url(input.destination.trim())
}

/// The longest destination accepted: browsers and QR services handle about this much.
pub use qrdesk_core::rules::code::MAX_DESTINATION_CHARS as MAX_URL_CHARS;

/// A destination must be a web address a phone can open.
pub fn check_url(url: &str) -> Result<(), AppError> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return Err(AppError::bad_input(format!(
            "\"{}\" is not a web address; the destination must start with https:// or http://",
            shorten(url)
        )));
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::bad_input(format!(
            "\"{}\" contains a space or an invisible control character; remove it, or write a \
             space as %20",
            shorten(&url.escape_default().to_string())
        )));
    }
    if rest.is_empty() || rest.starts_with(['/', '?', '#', ':', '@']) {
        return Err(AppError::bad_input(format!(
            "\"{}\" has no host name; write the full address, like https://example.com/page",
            shorten(url)
        )));
    }
    let chars = url.chars().count();
    if chars > MAX_URL_CHARS {
        return Err(AppError::bad_input(format!(
            "the destination \"{}\" is {chars} characters long; destinations can be at most \
             {MAX_URL_CHARS}, so use a shorter address",
            shorten(url)
        )));
    }
    Ok(())
}

/// The start of a long value, enough to recognise it in a message.
fn shorten(text: &str) -> String {
    const SHOWN: usize = 60;
    if text.chars().count() <= SHOWN {
        return text.to_string();
    }
    let head: String = text.chars().take(SHOWN).collect();
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_must_be_web_addresses() {
        let cases = [
            ("https://a.example/x", true),
            ("HTTP://A.EXAMPLE", true),
            ("https://", false),
            ("a.example", false),
            ("https://a.example/with space", false),
            ("", false),
            ("javascript:alert(1)", false),
            ("data:text/html,hi", false),
            ("https:///path-without-host", false),
            ("http://?q=1", false),
            ("https://a.example/\u{1}x", false),
            ("https://a.example/\u{0}x", false),
            ("https://bücher.example/", true),
        ];
        for (url, ok) in cases {
            assert_eq!(check_url(url).is_ok(), ok, "{url}");
        }
        let long = format!("https://a.example/{}", "x".repeat(MAX_URL_CHARS));
        let err = check_url(&long).unwrap_err();
        assert!(err.message.contains("characters long"), "{}", err.message);
        assert!(err.message.len() < 400, "a long URL is shortened in the message");
        let err = check_url("https://a.example/a b").unwrap_err();
        assert!(err.message.contains("contains a space"), "{}", err.message);
    }

    #[test]
    fn empty_edits_and_names_are_refused() {
        assert!(clean_changes(&CodeChanges::default()).is_err());
        let blank = CodeChanges { name: Some("  ".into()), ..Default::default() };
        assert!(clean_changes(&blank).is_err());
        let ok = CodeChanges { name: Some(" Menu ".into()), ..Default::default() };
        assert_eq!(clean_changes(&ok).unwrap().name.as_deref(), Some("Menu"));
    }
}
