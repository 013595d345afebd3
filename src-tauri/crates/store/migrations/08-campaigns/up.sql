-- QR Desk schema v8: campaigns. A campaign is one job over one account: rows in, one new dynamic
-- code per row (created through the outbox, so a retry or a crash never makes one twice), then
-- labels printed with the codes' short links. Each row keeps its code, so printed labels stay
-- linked to their scans. The rows, their codes and their outbox entries are written in one
-- transaction.
CREATE TABLE campaigns (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at   TEXT    NOT NULL,
    -- waiting (codes not all confirmed yet) | printed
    status       TEXT    NOT NULL,
    -- JSON: the print settings, the output path and the UTM template
    settings     TEXT    NOT NULL,
    print_job_id INTEGER REFERENCES print_jobs (id) ON DELETE SET NULL
);

CREATE TABLE campaign_rows (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    row         INTEGER NOT NULL,
    -- the label's serial (rows that cannot become codes have none)
    serial      INTEGER,
    name        TEXT    NOT NULL,
    destination TEXT    NOT NULL,
    code_id     INTEGER REFERENCES codes (id) ON DELETE SET NULL,
    -- why the row did not become a code (a bad destination …)
    problem     TEXT,
    PRIMARY KEY (campaign_id, row)
) WITHOUT ROWID;

CREATE INDEX campaign_rows_code ON campaign_rows (code_id);
