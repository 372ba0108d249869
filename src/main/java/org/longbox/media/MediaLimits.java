package org.longbox.media;

/**
 * Bounds on what reading one book may cost, so a zip bomb or a 400-megapixel page costs bounded
 * memory and time and ends in a {@link BookException}, never an OutOfMemoryError.
 *
 * @param maxEntries      entries an archive may list
 * @param maxEntryBytes   uncompressed bytes of one entry (a page, ComicInfo.xml, an OPF)
 * @param maxXmlBytes     uncompressed bytes of a metadata file (ComicInfo.xml, OPF, container.xml)
 * @param maxImagePixels  width x height a page image may have to be decoded (probing is always allowed)
 * @param pdfMaxEdge      the longer edge, in pixels, a PDF page is rendered at
 */
public record MediaLimits(int maxEntries, long maxEntryBytes, long maxXmlBytes, long maxImagePixels, int pdfMaxEdge) {
    public static final MediaLimits DEFAULT = new MediaLimits(20_000, 64L << 20, 4L << 20, 100_000_000L, 2400);
}
