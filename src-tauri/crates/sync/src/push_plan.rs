//! Push planning, with no IO: which outbox entries may be sent now, whether the service's
//! version conflicts with an edit's base, and what a failure means for the entry.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use qrdesk_core::{CodeChanges, CodeId, ErrorKind, OutboxEntry, OutboxOp, OutboxState};
use qrdesk_providers::RemoteCode;

use crate::pull_plan::same_instant;

/// What to do with an entry, in outbox order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushStep {
    Send,
    /// An earlier entry of the same code is not confirmed and cannot go now (entries are sent
    /// in order per code).
    Blocked,
    /// Waits for the user (conflict, failed): not sent by a sync.
    Held,
}

/// One step per entry. `entries` are the account's unconfirmed entries, oldest first.
pub fn plan_push(entries: &[OutboxEntry]) -> Vec<PushStep> {
    let mut blocked: HashSet<CodeId> = HashSet::new();
    entries
        .iter()
        .map(|e| {
            if blocked.contains(&e.code) {
                return PushStep::Blocked;
            }
            match e.state {
                OutboxState::Pending | OutboxState::NeedsConfirmation => PushStep::Send,
                OutboxState::Done => PushStep::Held,
                OutboxState::Conflict | OutboxState::Failed => {
                    blocked.insert(e.code);
                    PushStep::Held
                }
            }
        })
        .collect()
}

/// The code changed on the service since the edit's base version. Without a base (a code the
/// service sent no `updated_at` for, or created offline) there is nothing to compare.
pub fn is_conflict(base: Option<DateTime<Utc>>, remote_updated_at: Option<DateTime<Utc>>) -> bool {
    base.is_some() && remote_updated_at.is_some() && !same_instant(base, remote_updated_at)
}

/// The service already shows exactly what the edit asks for (our own earlier send reached it but
/// its answer was lost): confirmed, not a conflict.
pub fn already_applied(changes: &CodeChanges, remote: &RemoteCode) -> bool {
    !changes.is_empty()
        && changes.name.as_ref().is_none_or(|n| *n == remote.name)
        && changes.destination.as_ref().is_none_or(|d| *d == remote.destination)
        && changes.status.is_none_or(|s| s == remote.status)
}

/// What a failed attempt means for the entry and for the rest of the account's push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The desired state already holds (deleting a code the service no longer has).
    Done,
    Conflict,
    NeedsConfirmation,
    /// Refused for good: the message says why; the user edits again or discards.
    Failed,
    /// Transient: stays pending; the rest of the account waits for the next sync.
    RetryLater,
    /// The key or the local machine is the problem: stays pending, the account reports it.
    StopAccount,
    Cancelled,
}

pub fn verdict(op: OutboxOp, kind: ErrorKind) -> Verdict {
    match kind {
        ErrorKind::NotFound if op == OutboxOp::Delete => Verdict::Done,
        ErrorKind::StepUpRequired => Verdict::NeedsConfirmation,
        ErrorKind::Conflict => Verdict::Conflict,
        ErrorKind::Validation
        | ErrorKind::BadInput
        | ErrorKind::Forbidden
        | ErrorKind::NotFound
        | ErrorKind::NotAMember => Verdict::Failed,
        ErrorKind::RateLimited
        | ErrorKind::ServerError
        | ErrorKind::Network
        | ErrorKind::MalformedResponse
        | ErrorKind::QuotaExhausted => Verdict::RetryLater,
        ErrorKind::MissingCredentials
        | ErrorKind::InvalidCredentials
        | ErrorKind::KeyRevoked
        | ErrorKind::KeyExpired
        | ErrorKind::KeychainUnavailable
        | ErrorKind::Io
        | ErrorKind::Storage
        | ErrorKind::Printing => Verdict::StopAccount,
        ErrorKind::Cancelled => Verdict::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use qrdesk_core::CodeStatus;

    fn entry(id: i64, code: i64, state: OutboxState) -> OutboxEntry {
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        OutboxEntry {
            id,
            account: 1,
            code,
            remote_id: Some(format!("r{code}")),
            op: OutboxOp::Update,
            changes: CodeChanges::default(),
            base_updated_at: None,
            client_ref: format!("ref-{id}"),
            state,
            kind: None,
            message: None,
            attempts: 0,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn entries_go_in_order_per_code_and_held_ones_block_their_code() {
        use OutboxState::*;
        let cases: [(&str, Vec<OutboxEntry>, Vec<PushStep>); 4] = [
            (
                "all pending",
                vec![entry(1, 1, Pending), entry(2, 1, Pending)],
                vec![PushStep::Send, PushStep::Send],
            ),
            (
                "conflict blocks later edits of the same code only",
                vec![entry(1, 1, Conflict), entry(2, 1, Pending), entry(3, 2, Pending)],
                vec![PushStep::Held, PushStep::Blocked, PushStep::Send],
            ),
            (
                "failed blocks",
                vec![entry(1, 5, Failed), entry(2, 5, NeedsConfirmation)],
                vec![PushStep::Held, PushStep::Blocked],
            ),
            (
                "needs confirmation is retried",
                vec![entry(1, 1, NeedsConfirmation)],
                vec![PushStep::Send],
            ),
        ];
        for (name, entries, want) in cases {
            assert_eq!(plan_push(&entries), want, "{name}");
        }
    }

    #[test]
    fn conflicts_need_both_versions_and_a_difference() {
        let a = Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap();
        let b = a + chrono::Duration::seconds(5);
        let cases = [
            ("unchanged", Some(a), Some(a), false),
            ("changed", Some(a), Some(b), true),
            ("no base", None, Some(b), false),
            ("service sends no timestamp", Some(a), None, false),
        ];
        for (name, base, remote, want) in cases {
            assert_eq!(is_conflict(base, remote), want, "{name}");
        }
    }

    #[test]
    fn an_edit_the_service_already_shows_is_not_a_conflict() {
        let remote = RemoteCode {
            remote_id: "r1".into(),
            name: "Menu".into(),
            kind: "url".into(),
            destination: "https://a.example".into(),
            content: "https://qr.example/r/1".into(),
            status: CodeStatus::Paused,
            scans_total: None,
            created_at: None,
            updated_at: None,
            raw: serde_json::Value::Null,
        };
        let change = |name: Option<&str>, status: Option<CodeStatus>| CodeChanges {
            name: name.map(str::to_string),
            destination: None,
            status,
        };
        let cases = [
            ("same name", change(Some("Menu"), None), true),
            ("same name and status", change(Some("Menu"), Some(CodeStatus::Paused)), true),
            ("other name", change(Some("Drinks"), None), false),
            ("other status", change(None, Some(CodeStatus::Active)), false),
            ("empty edit", change(None, None), false),
        ];
        for (name, changes, want) in cases {
            assert_eq!(already_applied(&changes, &remote), want, "{name}");
        }
    }

    #[test]
    fn failures_map_to_entry_states() {
        use ErrorKind as K;
        let cases = [
            (OutboxOp::Update, K::StepUpRequired, Verdict::NeedsConfirmation),
            (OutboxOp::Update, K::Validation, Verdict::Failed),
            (OutboxOp::Update, K::NotFound, Verdict::Failed),
            (OutboxOp::Delete, K::NotFound, Verdict::Done),
            (OutboxOp::Create, K::Network, Verdict::RetryLater),
            (OutboxOp::Create, K::ServerError, Verdict::RetryLater),
            (OutboxOp::Update, K::RateLimited, Verdict::RetryLater),
            (OutboxOp::Update, K::KeyRevoked, Verdict::StopAccount),
            (OutboxOp::Update, K::Conflict, Verdict::Conflict),
            (OutboxOp::Update, K::Cancelled, Verdict::Cancelled),
        ];
        for (op, kind, want) in cases {
            assert_eq!(verdict(op, kind), want, "{op:?} {kind:?}");
        }
        for kind in ErrorKind::ALL {
            if kind.is_transient() {
                assert_eq!(verdict(OutboxOp::Update, kind), Verdict::RetryLater, "{kind:?}");
            }
        }
    }
}
