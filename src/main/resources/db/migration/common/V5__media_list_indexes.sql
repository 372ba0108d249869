-- Lists of books are ordered by (column, id): indexes in exactly that order let the database read a
-- page of ids from the index alone instead of sorting every matching book (a 5,000-book series'
-- last page went from a full sort to an index walk).
DROP INDEX media_series_sort;
DROP INDEX media_library_sort;
CREATE INDEX media_series_sort ON media (series_id, sort_key, id);
CREATE INDEX media_library_sort ON media (library_id, sort_key, id);
CREATE INDEX media_sort ON media (sort_key, id);
CREATE INDEX media_created_desc ON media (created_at DESC, id DESC);
