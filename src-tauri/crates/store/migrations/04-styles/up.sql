-- QR Desk schema v4: brand styles. Each style keeps its file's keys as TOML text (as written,
-- so it exports unchanged) and its own copy of the logo, so it still works when the original
-- logo file moves.
CREATE TABLE styles (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    spec       TEXT NOT NULL,
    logo_name  TEXT,
    logo       BLOB,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((logo_name IS NULL) = (logo IS NULL))
);
