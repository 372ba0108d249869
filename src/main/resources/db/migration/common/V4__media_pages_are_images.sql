-- False for EPUBs whose pages are text (chapters), which cannot be streamed as images.
ALTER TABLE media ADD COLUMN pages_are_images BOOLEAN DEFAULT TRUE NOT NULL;
