//! The one error vocabulary of QR Desk.
//!
//! Every failure that reaches a person (CLI, desktop UI, sync report) is an [`AppError`]: a stable
//! machine-readable [`ErrorKind`] plus a message written for a non-developer that says what
//! happened and what to do next. Adapters (HTTP, SQLite, keychain, PDF) map their own errors onto
//! these kinds so the UI, the CLI and the sync engine never look at raw statuses.
//!
//! The kind names are part of the JSON output contract (`{"error": {"kind", "message"}}`) and of
//! docs/providers/README.md ('Errors'); never rename one.

use serde::{Deserialize, Serialize};

/// What kind of thing went wrong. The `snake_case` names are stable (JSON output, IPC, SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub enum ErrorKind {
    /// No key is stored for the account, or the request was sent without one.
    MissingCredentials,
    /// The service does not recognise the key.
    InvalidCredentials,
    /// The key was revoked on the service.
    KeyRevoked,
    /// The key passed its expiry date.
    KeyExpired,
    /// The plan or the key's permissions do not allow this.
    Forbidden,
    /// The key is not a member of the chosen workspace or organization.
    NotAMember,
    /// The service wants the change confirmed in its dashboard first (ExaRoutes step-up).
    StepUpRequired,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The service refused a value (the message names the field).
    Validation,
    /// The code changed on the service since it was edited here.
    Conflict,
    /// Too many requests: wait and retry (the message says when).
    RateLimited,
    /// The plan's quota is used up; retrying will not help until it resets.
    QuotaExhausted,
    /// The service had an internal error.
    ServerError,
    /// The service could not be reached, or did not answer in time.
    Network,
    /// The service answered with something that is not what its contract says.
    MalformedResponse,
    /// Something typed or given to QR Desk is not usable (a flag, a CSV row, a URL, a layout file).
    BadInput,
    /// A local file or folder could not be read or written.
    Io,
    /// The local database could not be opened or written.
    Storage,
    /// The OS keychain (Secret Service, Keychain, Credential Manager) is not reachable or locked.
    KeychainUnavailable,
    /// The printing system (CUPS) or the printer did not take a print job.
    Printing,
    /// The job was cancelled by the user.
    Cancelled,
}

impl ErrorKind {
    /// Every kind, in declaration order (for tables, docs and tests).
    pub const ALL: [ErrorKind; 21] = [
        ErrorKind::MissingCredentials,
        ErrorKind::InvalidCredentials,
        ErrorKind::KeyRevoked,
        ErrorKind::KeyExpired,
        ErrorKind::Forbidden,
        ErrorKind::NotAMember,
        ErrorKind::StepUpRequired,
        ErrorKind::NotFound,
        ErrorKind::Validation,
        ErrorKind::Conflict,
        ErrorKind::RateLimited,
        ErrorKind::QuotaExhausted,
        ErrorKind::ServerError,
        ErrorKind::Network,
        ErrorKind::MalformedResponse,
        ErrorKind::BadInput,
        ErrorKind::Io,
        ErrorKind::Storage,
        ErrorKind::KeychainUnavailable,
        ErrorKind::Printing,
        ErrorKind::Cancelled,
    ];

    /// The stable name used in JSON output (`"key_revoked"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::MissingCredentials => "missing_credentials",
            ErrorKind::InvalidCredentials => "invalid_credentials",
            ErrorKind::KeyRevoked => "key_revoked",
            ErrorKind::KeyExpired => "key_expired",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotAMember => "not_a_member",
            ErrorKind::StepUpRequired => "step_up_required",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Validation => "validation",
            ErrorKind::Conflict => "conflict",
            ErrorKind::RateLimited => "rate_limited",
            ErrorKind::QuotaExhausted => "quota_exhausted",
            ErrorKind::ServerError => "server_error",
            ErrorKind::Network => "network",
            ErrorKind::MalformedResponse => "malformed_response",
            ErrorKind::BadInput => "bad_input",
            ErrorKind::Io => "io",
            ErrorKind::Storage => "storage",
            ErrorKind::KeychainUnavailable => "keychain_unavailable",
            ErrorKind::Printing => "printing",
            ErrorKind::Cancelled => "cancelled",
        }
    }

    /// Parses a stable name back (used when reading the store).
    pub fn parse(name: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The sentence a non-developer reads: what happened and what to do next.
    pub fn sentence(self) -> &'static str {
        match self {
            ErrorKind::MissingCredentials => "No API key is stored for this account. Add the key again under Accounts.",
            ErrorKind::InvalidCredentials => "The service does not recognise this API key. Check that it was copied completely, or create a new key in the service's dashboard and add it again.",
            ErrorKind::KeyRevoked => "This API key was revoked on the service. Create a new key in the service's dashboard and enter it with \"Rotate key\".",
            ErrorKind::KeyExpired => "This API key has expired. Create a new key in the service's dashboard and enter it with \"Rotate key\".",
            ErrorKind::Forbidden => "The service refused this request: your plan or the key's permissions do not allow it. Check the plan and the key's scopes in the service's dashboard.",
            ErrorKind::NotAMember => "This key has no access to the chosen workspace or organization. Pick another one, or ask its owner to invite you.",
            ErrorKind::StepUpRequired => "The service wants this change confirmed. Confirm it in the service's dashboard, then retry within 5 minutes.",
            ErrorKind::NotFound => "The service no longer has this item. It may have been deleted elsewhere; sync to refresh the list.",
            ErrorKind::Validation => "The service refused a value. Correct the field named in the message and try again.",
            ErrorKind::Conflict => "This code was changed on the service since you edited it here. Open the outbox, compare both versions and keep one.",
            ErrorKind::RateLimited => "The service asked QR Desk to slow down. It will retry by itself; nothing is lost.",
            ErrorKind::QuotaExhausted => "The plan's request quota is used up. Retrying will not help until the quota resets; upgrade the plan or wait.",
            ErrorKind::ServerError => "The service had an internal problem. QR Desk will retry later; nothing is lost.",
            ErrorKind::Network => "The service could not be reached. Check the internet connection; your changes wait safely in the outbox.",
            ErrorKind::MalformedResponse => "The service answered with something QR Desk does not understand. Try again later; if it persists, the service may have changed.",
            ErrorKind::BadInput => "Something given to QR Desk is not usable. Correct the value named in the message and try again.",
            ErrorKind::Io => "A file or folder could not be read or written. Check that it exists, that you may write there and that the disk is not full.",
            ErrorKind::Storage => "The local database could not be used. Check free disk space and that no other program holds the data folder.",
            ErrorKind::KeychainUnavailable => "The system keychain is not available, so API keys cannot be stored or read. Unlock the keychain (or start a desktop session with a keyring) and try again.",
            ErrorKind::Printing => "The printer did not take the job. Check it in the system's printer settings, or print the PDF from your PDF viewer.",
            ErrorKind::Cancelled => "The job was cancelled. Nothing was written.",
        }
    }

    /// Whether retrying the same request later may succeed without the user doing anything.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorKind::RateLimited
                | ErrorKind::ServerError
                | ErrorKind::Network
                | ErrorKind::MalformedResponse
        )
    }

    /// Whether the key itself is the problem (the account needs the user's attention).
    pub fn is_key_problem(self) -> bool {
        matches!(
            self,
            ErrorKind::MissingCredentials
                | ErrorKind::InvalidCredentials
                | ErrorKind::KeyRevoked
                | ErrorKind::KeyExpired
        )
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error as a person sees it: a stable kind and a message that says what to do.
///
/// `message` never contains a secret: constructors are given masked forms only, and the
/// providers crate's leak tests check every error it produces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[error("{message}")]
pub struct AppError {
    pub kind: ErrorKind,
    pub message: String,
}

impl AppError {
    /// An error whose message is `detail` followed by the kind's standard advice.
    pub fn new(kind: ErrorKind, detail: impl AsRef<str>) -> Self {
        let detail = detail.as_ref().trim();
        let message = if detail.is_empty() {
            kind.sentence().to_string()
        } else {
            let sep = if detail.ends_with(['.', '!', '?']) { " " } else { ". " };
            format!("{detail}{sep}{}", kind.sentence())
        };
        AppError { kind, message }
    }

    /// An error with exactly this message (when the detail already says what to do).
    pub fn with_message(kind: ErrorKind, message: impl Into<String>) -> Self {
        AppError { kind, message: message.into() }
    }

    /// The kind's standard sentence alone.
    pub fn of(kind: ErrorKind) -> Self {
        AppError { kind, message: kind.sentence().to_string() }
    }

    pub fn bad_input(detail: impl AsRef<str>) -> Self {
        AppError::new(ErrorKind::BadInput, detail)
    }

    pub fn io(detail: impl AsRef<str>) -> Self {
        AppError::new(ErrorKind::Io, detail)
    }

    pub fn storage(detail: impl AsRef<str>) -> Self {
        AppError::new(ErrorKind::Storage, detail)
    }

    /// The JSON document printed by the CLI with `--json` on failure.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "error": { "kind": self.kind, "message": self.message } })
    }
}

pub type Result<T, E = AppError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for kind in ErrorKind::ALL {
            assert_eq!(ErrorKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()), "serde name of {kind:?}");
            assert!(kind.sentence().ends_with('.'), "{kind:?} sentence is a full sentence");
        }
    }

    #[test]
    fn new_joins_detail_and_advice() {
        let e = AppError::new(ErrorKind::BadInput, "Row 3: the URL is empty");
        assert_eq!(e.kind, ErrorKind::BadInput);
        assert!(e.message.starts_with("Row 3: the URL is empty. Something given"));
        let j = e.to_json();
        assert_eq!(j["error"]["kind"], "bad_input");
    }

    #[test]
    fn provider_readme_kinds_are_all_present() {
        let readme_kinds = [
            "missing_credentials",
            "invalid_credentials",
            "key_revoked",
            "key_expired",
            "forbidden",
            "not_a_member",
            "step_up_required",
            "not_found",
            "validation",
            "conflict",
            "rate_limited",
            "quota_exhausted",
            "server_error",
            "network",
            "malformed_response",
            "bad_input",
            "io",
        ];
        for name in readme_kinds {
            assert!(ErrorKind::parse(name).is_some(), "{name} missing");
        }
    }
}
