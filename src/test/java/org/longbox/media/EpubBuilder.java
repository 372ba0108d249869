package org.longbox.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** EPUB fixtures: a stored mimetype first, container.xml, the OPF and whatever files are added. */
final class EpubBuilder {
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private boolean mimetype = true;

    EpubBuilder opf(String path, String xml) {
        files.put("META-INF/container.xml", ("""
                <?xml version="1.0"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                  <rootfiles><rootfile full-path="%s" media-type="application/oebps-package+xml"/></rootfiles>
                </container>""").formatted(path).getBytes(StandardCharsets.UTF_8));
        return add(path, xml);
    }

    EpubBuilder add(String path, String text) {
        return add(path, text.getBytes(StandardCharsets.UTF_8));
    }

    EpubBuilder add(String path, byte[] bytes) {
        files.put(path, bytes);
        return this;
    }

    EpubBuilder withoutMimetype() {
        mimetype = false;
        return this;
    }

    EpubBuilder remove(String path) {
        files.remove(path);
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (mimetype) {
                Fixtures.putStored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String xhtml(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
                <head><title>A page title that does not count as text</title><style>p { margin: 0 }</style></head>
                <body>%s</body></html>""".formatted(body);
    }
}
