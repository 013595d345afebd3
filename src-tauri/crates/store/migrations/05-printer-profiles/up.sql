-- QR Desk schema v5: printer profiles. A shop measures a printer once with the calibration
-- sheet and keeps its offset (mm, right and down) and scale under a name.
CREATE TABLE printer_profiles (
    name       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    offset_x   REAL NOT NULL,
    offset_y   REAL NOT NULL,
    scale_x    REAL NOT NULL,
    scale_y    REAL NOT NULL,
    updated_at TEXT NOT NULL
);
