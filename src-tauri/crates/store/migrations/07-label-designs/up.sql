-- QR Desk schema v7: label designs, and each printed label's design field texts.
-- A design keeps its file's keys as TOML text (as written, so it exports unchanged) and its own
-- copy of every font file it names, so it still prints when the original files move.
CREATE TABLE designs (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    spec       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE design_fonts (
    design    TEXT NOT NULL REFERENCES designs (name) ON DELETE CASCADE ON UPDATE CASCADE,
    file_name TEXT NOT NULL,
    data      BLOB NOT NULL,
    PRIMARY KEY (design, file_name)
) WITHOUT ROWID;

-- The design's field texts as printed (a JSON array of strings; empty without a design).
ALTER TABLE print_job_labels ADD COLUMN fields TEXT NOT NULL DEFAULT '[]';
