-- QR Desk schema v3: services whose list carries no scan total (ExaRoutes) get one from their
-- synced daily analytics: `scans_total` is then the sum over the synced window, and
-- `scans_window_days` says how many days that window has (NULL: the service's all-time total).
ALTER TABLE codes ADD COLUMN scans_window_days INTEGER;
