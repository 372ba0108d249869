package org.longbox.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Book files for tests, generated on the spot: CBZ with real images and ComicInfo.xml, EPUB, PNG pages. */
public final class Books {
    private Books() {
    }

    /** A small PNG of the given size, filled with a colour derived from {@code seed}. */
    public static byte[] png(int width, int height, int seed) {
        return image(width, height, seed, "png");
    }

    public static byte[] jpeg(int width, int height, int seed) {
        return image(width, height, seed, "jpg");
    }

    private static byte[] image(int width, int height, int seed, String format) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color((seed * 70) % 256, (seed * 130) % 256, (seed * 200) % 256));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString(Integer.toString(seed), 2, Math.min(height - 2, 12));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A CBZ builder: entries in the order added. */
    public static Cbz cbz() {
        return new Cbz();
    }

    public static final class Cbz {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private boolean stored;

        /** Entries stored uncompressed, as most real CBZs are (the default is deflated). */
        public Cbz stored() {
            stored = true;
            return this;
        }

        public Cbz page(String name, byte[] image) {
            entries.put(name, image);
            return this;
        }

        /** {@code n} PNG pages named page-1.png ... page-n.png, each 60x90. */
        public Cbz pages(int n) {
            for (int i = 1; i <= n; i++) {
                page("page-" + i + ".png", png(60, 90, i));
            }
            return this;
        }

        public Cbz entry(String name, String text) {
            entries.put(name, text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Cbz comicInfo(String title, String series, String number, String writer, String ageRating) {
            StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<ComicInfo>");
            if (title != null) x.append("<Title>").append(title).append("</Title>");
            if (series != null) x.append("<Series>").append(series).append("</Series>");
            if (number != null) x.append("<Number>").append(number).append("</Number>");
            if (writer != null) x.append("<Writer>").append(writer).append("</Writer>");
            if (ageRating != null) x.append("<AgeRating>").append(ageRating).append("</AgeRating>");
            x.append("<Genre>Action, Drama</Genre><Year>2021</Year><Publisher>Longbox Press</Publisher>");
            x.append("<Summary>A test book.</Summary></ComicInfo>");
            return entry("ComicInfo.xml", x.toString());
        }

        public Path write(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            try (OutputStream fos = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(fos)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(stored ? storedEntry(e.getKey(), e.getValue()) : new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return file;
        }
    }

    /** An EPUB 3 with an OPF (title, author, series) and {@code chapters} XHTML chapters. */
    public static Path epub(Path file, String title, String author, int chapters) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream fos = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(fos)) {
            byte[] m = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            zip.putNextEntry(storedEntry("mimetype", m));
            zip.write(m);
            zip.closeEntry();
            put(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                    + "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
            StringBuilder manifest = new StringBuilder();
            StringBuilder spine = new StringBuilder();
            for (int i = 1; i <= chapters; i++) {
                manifest.append("<item id=\"c").append(i).append("\" href=\"c").append(i).append(".xhtml\" media-type=\"application/xhtml+xml\"/>");
                spine.append("<itemref idref=\"c").append(i).append("\"/>");
                put(zip, "OEBPS/c" + i + ".xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>"
                        + i + "</title></head><body><p>Chapter " + i + "</p></body></html>");
            }
            put(zip, "OEBPS/content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"id\">"
                    + "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">urn:test:" + title.hashCode() + "</dc:identifier>"
                    + "<dc:title>" + title + "</dc:title><dc:creator>" + author + "</dc:creator><dc:language>en</dc:language>"
                    + "<dc:description>&lt;p&gt;An &lt;b&gt;EPUB&lt;/b&gt; for tests.&lt;/p&gt;</dc:description>"
                    + "<meta property=\"dcterms:modified\">2024-01-01T00:00:00Z</meta></metadata>"
                    + "<manifest>" + manifest + "</manifest><spine>" + spine + "</spine></package>");
        }
        return file;
    }

    /** A ZIP entry to be written uncompressed (STORED): its size and CRC must be known before the data. */
    public static ZipEntry storedEntry(String name, byte[] data) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        return entry;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
