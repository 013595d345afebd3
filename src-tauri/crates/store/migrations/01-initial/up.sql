-- QR Desk schema v1. Released migrations are never edited: add a new folder instead.
-- Timestamps are RFC 3339 UTC text; booleans are 0/1.

-- Accounts: metadata only. The secret lives in the OS keychain, never here.
CREATE TABLE accounts (
    id                 INTEGER PRIMARY KEY,
    provider           TEXT    NOT NULL CHECK (provider IN ('exaroutes', 'qr-v1', 'qrcodepro', 'iloveqr', 'exante')),
    label              TEXT    NOT NULL,
    base_url           TEXT    NOT NULL,
    workspace          TEXT,
    environment        TEXT    NOT NULL DEFAULT 'live' CHECK (environment IN ('live', 'test')),
    masked_key         TEXT    NOT NULL,
    client_id          TEXT,
    status             TEXT    NOT NULL DEFAULT 'unverified'
                               CHECK (status IN ('verified', 'unverified', 'error', 'expiring', 'expired', 'rotating')),
    last_error_kind    TEXT,
    last_error_message TEXT,
    created_at         TEXT    NOT NULL,
    key_created_at     TEXT    NOT NULL,
    last_verified_at   TEXT,
    expires_at         TEXT,
    -- Lifetime the current key was created with (Exante rotation reuses it), in days.
    key_lifetime_days  INTEGER,
    demo               INTEGER NOT NULL DEFAULT 0,
    -- Where the account's keys are filed in the keychain (a random reference, not a secret; the
    -- key is stored there before this row exists). NULL: `account-<id>`.
    keychain_ref       TEXT    UNIQUE
);

-- Cached QR codes, one row per code per account. `remote_id` is NULL for a create the service
-- has not confirmed yet.
CREATE TABLE codes (
    id                    INTEGER PRIMARY KEY,
    account_id            INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id             TEXT,
    name                  TEXT    NOT NULL DEFAULT '',
    kind                  TEXT    NOT NULL DEFAULT 'url',
    destination           TEXT    NOT NULL DEFAULT '',
    content               TEXT    NOT NULL DEFAULT '',
    status                TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'draft', 'archived')),
    scans_total           INTEGER,
    remote_created_at     TEXT,
    remote_updated_at     TEXT,
    updated_at            TEXT    NOT NULL,
    local_revision        INTEGER NOT NULL DEFAULT 0,
    deleted               INTEGER NOT NULL DEFAULT 0,
    -- The service's object as last seen, for fields QR Desk does not model.
    raw_json              TEXT,
    -- Analytics bookkeeping: when they were last fetched and the list's scan total then.
    analytics_fetched_at  TEXT,
    analytics_scans_total INTEGER,
    -- The sync run that last saw this code in the service's list (remote deletes).
    seen_in_run           INTEGER,
    UNIQUE (account_id, remote_id)
);
CREATE INDEX codes_by_account ON codes (account_id, deleted, name);

-- Daily scans and breakdowns per code.
CREATE TABLE scan_days (
    code_id      INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    day          TEXT    NOT NULL,
    scans        INTEGER NOT NULL,
    unique_scans INTEGER,
    PRIMARY KEY (code_id, day)
) WITHOUT ROWID;

CREATE TABLE scan_breakdowns (
    code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    label   TEXT    NOT NULL,
    scans   INTEGER NOT NULL,
    PRIMARY KEY (code_id, kind, label)
) WITHOUT ROWID;

-- Per-account sync progress: a checkpoint after every list page so an interrupted sync resumes.
CREATE TABLE sync_state (
    account_id         INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    run_id             INTEGER NOT NULL DEFAULT 0,
    -- Where the interrupted list pass stands: an opaque cursor or a page number (NULL = not running).
    cursor             TEXT,
    page               INTEGER,
    run_started_at     TEXT,
    last_success_at    TEXT,
    last_error_kind    TEXT,
    last_error_message TEXT
);

-- Outbox: local edits waiting for the service. Rows are never deleted while not `done`; a code
-- with waiting entries cannot be purged (RESTRICT).
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
    code_id         INTEGER NOT NULL REFERENCES codes (id) ON DELETE RESTRICT,
    op              TEXT    NOT NULL CHECK (op IN ('create', 'update', 'delete')),
    changes         TEXT    NOT NULL DEFAULT '{}',
    base_updated_at TEXT,
    client_ref      TEXT    NOT NULL UNIQUE,
    state           TEXT    NOT NULL DEFAULT 'pending'
                            CHECK (state IN ('pending', 'needs_confirmation', 'conflict', 'failed', 'done')),
    error_kind      TEXT,
    error_message   TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- The service's version of the code when a conflict was found (JSON), shown beside the local one.
    remote_version  TEXT,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX outbox_waiting ON outbox (state, code_id, id);
CREATE INDEX outbox_by_account ON outbox (account_id, id);
-- "Does this code have an edit waiting?" is asked for every listed code.
CREATE INDEX outbox_by_code ON outbox (code_id, state);

-- Key events. No foreign key: the log outlives a removed account. Never holds a secret.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    at         TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    detail     TEXT    NOT NULL
);
CREATE INDEX audit_by_account ON audit_log (account_id, id);

-- Key rotation in progress (one per account), resumable after a crash at any step. The row is
-- written in the same transaction as the audit note of each step and deleted when it finishes.
CREATE TABLE rotations (
    account_id         INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    -- The state machine's step name (`awaiting_new_key`, `switched`, ...).
    step               TEXT    NOT NULL,
    -- State-machine payload (JSON, no secrets): masked keys, remote key ids, lifetimes.
    state              TEXT    NOT NULL DEFAULT '{}',
    started_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    last_error_kind    TEXT,
    last_error_message TEXT
);

-- Full-text search over names, destinations and short URLs (external content = codes).
CREATE VIRTUAL TABLE codes_fts USING fts5 (
    name, destination, content,
    content = 'codes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER codes_fts_insert AFTER INSERT ON codes BEGIN
    INSERT INTO codes_fts (rowid, name, destination, content) VALUES (new.id, new.name, new.destination, new.content);
END;
CREATE TRIGGER codes_fts_delete AFTER DELETE ON codes BEGIN
    INSERT INTO codes_fts (codes_fts, rowid, name, destination, content) VALUES ('delete', old.id, old.name, old.destination, old.content);
END;
CREATE TRIGGER codes_fts_update AFTER UPDATE OF name, destination, content ON codes BEGIN
    INSERT INTO codes_fts (codes_fts, rowid, name, destination, content) VALUES ('delete', old.id, old.name, old.destination, old.content);
    INSERT INTO codes_fts (rowid, name, destination, content) VALUES (new.id, new.name, new.destination, new.content);
END;
