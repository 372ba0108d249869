-- The true type of each page, found by the scan: one letter a page (j JPEG, p PNG, g GIF, w WebP,
-- ? not looked at). Null for books scanned before, until their file changes.
ALTER TABLE media ADD COLUMN page_types VARCHAR(32000);
