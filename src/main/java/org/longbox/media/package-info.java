/**
 * Reading books: archive readers (ZIP/CBZ, RAR, EPUB, PDF), page extraction, metadata
 * (ComicInfo.xml, EPUB OPF, series.json), image probing, scaling and conversion. Nothing here
 * touches the database or HTTP; every input is treated as hostile: entry names are never used as
 * paths, and decompression and decoding are bounded by {@link MediaLimits}.
 */
package org.longbox.media;
