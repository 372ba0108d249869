-- The format a book's content is (ZIP, RAR, EPUB or PDF), as its scan found it by its bytes: a RAR
-- named .cbz is a RAR, and is served and declared as one. Null until a scan has read the file
-- (rows from before: the next scan fills it in without re-reading the book), and for books that
-- could not be read.
ALTER TABLE media ADD COLUMN content_format VARCHAR(8);
