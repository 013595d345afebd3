-- QR Desk schema v9: the library's order (name, case-insensitively, then id) comes from indexes
-- instead of a sort of every cached code. The old per-account index compared names as bytes, so
-- no list could use it for that order: at 100,000 codes the first page of the library sorted all
-- of them (tens of ms per keystroke, half a second for one large account).
-- `codes_by_account` serves one account's list; `codes_by_name` the list over every account.
DROP INDEX codes_by_account;
CREATE INDEX codes_by_account ON codes (account_id, deleted, name COLLATE NOCASE, id);
CREATE INDEX codes_by_name ON codes (name COLLATE NOCASE, id) WHERE deleted = 0;
