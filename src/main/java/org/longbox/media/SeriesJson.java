package org.longbox.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A series folder's Mylar {@code series.json}: {"version": "1.0.2", "metadata": {...}}. */
public final class SeriesJson {
    public static final String FILE_NAME = "series.json";
    private static final long MAX_BYTES = 1L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeriesJson() {
    }

    /** Empty when the file is absent, larger than 1 MiB, malformed or has no "metadata" object. */
    public static Optional<SeriesMetadata> read(Path seriesDir) {
        Path file = seriesDir.resolve(FILE_NAME);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        JsonNode m;
        try {
            m = JSON.readTree(bytes).path("metadata");
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!m.isObject()) {
            return Optional.empty();
        }
        String summary = text(m, "description_text");
        return Optional.of(new SeriesMetadata(text(m, "type"), text(m, "name"),
                summary != null ? summary : OpfMetadata.plainText(text(m, "description_formatted")),
                text(m, "publisher"), text(m, "imprint"), integer(m, "comicid"), integer(m, "volume"),
                text(m, "booktype"), text(m, "age_rating"), text(m, "status")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** Mylar writes some numbers as strings ("comicid": "12345"). */
    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v != null && v.canConvertToInt() && v.isIntegralNumber()) {
            return v.intValue();
        }
        return MetadataBuilder.parseInt(text(node, field));
    }
}
