package org.longbox.server.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.longbox.server.errors.ErrorBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a file the way downloads should be served: never buffered whole, with ETag and
 * Last-Modified for conditional requests, a single byte range (206/416) for resuming (guarded by
 * If-Range), and a Content-Disposition that survives any file name.
 */
public final class FileResponder {
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private FileResponder() {
    }

    /**
     * @param rangeHeader   the request's {@code Range}, or null
     * @param ifRangeHeader the request's {@code If-Range}, or null: when present, the range is served
     *                      only if it names the file as it is now, else the whole file is sent
     */
    public static Response serve(Request request, String rangeHeader, String ifRangeHeader, Path file, String contentType,
                                 String downloadName) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        EntityTag etag = new EntityTag(Long.toHexString(size) + "-" + Long.toHexString(modified));
        Date lastModified = new Date(modified / 1000 * 1000);
        Response notModified = ConditionalGet.evaluate(request, lastModified, etag);
        if (notModified != null) {
            return notModified;
        }
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (rangeHeader != null && !rangeHeader.isBlank() && ifRangeHolds(ifRangeHeader, etag, lastModified)) {
            Matcher m = RANGE.matcher(rangeHeader.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                // several ranges, or a unit we do not know: RFC 9110 lets us answer with the whole file
                partial = false;
            } else {
                if (m.group(1).isEmpty()) {
                    long suffix = position(m.group(2));
                    start = Math.max(0, size - suffix);
                } else {
                    start = position(m.group(1));
                    end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, position(m.group(2)));
                }
                if (start >= size || start > end) {
                    return Response.status(416).header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes")
                            .type("application/json").entity(new ErrorBody(416, "Range not satisfiable")).build();
                }
                partial = true;
            }
        }
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = out -> copy(file, from, length, out);
        Response.ResponseBuilder r = Response.status(partial ? 206 : 200).entity(body).type(contentType)
                .header("Accept-Ranges", "bytes").header("Content-Length", length).tag(etag).lastModified(lastModified)
                .header("Cache-Control", "private, max-age=0, must-revalidate");
        if (partial) {
            r.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        if (downloadName != null) {
            r.header("Content-Disposition", disposition(downloadName));
        }
        return r.build();
    }

    /** A position or length of digits only; past Long.MAX_VALUE it is Long.MAX_VALUE, which is past any file's end. */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * RFC 9110 §13.1.5: an entity tag must match ours by strong comparison (a weak one never does);
     * a date must equal Last-Modified exactly. Anything else, unparseable included, means the
     * client holds another version, so it gets the whole file rather than a piece of this one.
     */
    private static boolean ifRangeHolds(String ifRange, EntityTag etag, Date lastModified) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.trim();
        if (v.startsWith("W/")) {
            return false;
        }
        if (v.startsWith("\"")) {
            return v.equals("\"" + etag.getValue() + "\"");
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli() == lastModified.getTime();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266). */
    public static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static void copy(Path file, long from, long length, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
             InputStream in = Channels.newInputStream(ch.position(from))) {
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
