-- QR Desk schema v6: the print history. Every print job (command line or window) with what it
-- printed from, its settings (JSON, enough to print it again) and counts; and every label it
-- placed (row, serial, page, slot, payload, caption and frame text as printed), so lost or
-- damaged labels can be reprinted exactly.
CREATE TABLE print_jobs (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT    NOT NULL,
    source        TEXT    NOT NULL,
    source_sha256 TEXT,
    layout        TEXT    NOT NULL,
    style         TEXT,
    settings      TEXT    NOT NULL,
    rows          INTEGER NOT NULL,
    codes         INTEGER NOT NULL,
    pages         INTEGER NOT NULL,
    output        TEXT    NOT NULL
);

CREATE TABLE print_job_labels (
    job_id  INTEGER NOT NULL REFERENCES print_jobs (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    row     INTEGER NOT NULL,
    serial  INTEGER NOT NULL,
    page    INTEGER NOT NULL,
    slot    INTEGER NOT NULL,
    payload TEXT    NOT NULL,
    caption TEXT    NOT NULL,
    frame   TEXT    NOT NULL,
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
