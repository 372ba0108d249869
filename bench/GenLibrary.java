import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates a deterministic library of CBZ books for bench/library.sh (run with the JDK's source
 * launcher, no build needed):
 *
 * <pre>java bench/GenLibrary.java OUT_DIR BOOKS SERIES PAGES</pre>
 *
 * OUT_DIR gets SERIES folders "Series-0001" ... with BOOKS / SERIES books each (the first
 * BOOKS % SERIES folders one more), named "Series-0001-001.cbz" ... Each book holds PAGES JPEG
 * pages "page-001.jpg" ... and a ComicInfo.xml (Title, Series, Number, Writer, Genre, Year,
 * AgeRating), all entries STORED (no compression) as real CBZs usually are. The pages are a
 * handful of distinct JPEGs (comic-like panels, 360x540, about 5-15 KB each, encoded once with
 * ImageIO) whose bytes are reused: page p of the book numbered b overall is image (b + p) % 12.
 * Entry times are fixed, so the same arguments give byte-identical files (with the same JDK, whose
 * text rendering draws the captions). The library is written
 * to OUT_DIR.tmp-PID and renamed to OUT_DIR when complete, with a hidden marker file
 * ".longbox-bench-library" (the scanner skips hidden files) recording the arguments.
 */
public final class GenLibrary {
    static final int DISTINCT_IMAGES = 12;
    static final long ENTRY_TIME = 1704067200000L; // 2024-01-01T00:00:00Z
    static final String[] GENRES = {"Action", "Adventure", "Comedy", "Drama", "Fantasy", "Horror", "Mystery",
            "Romance", "Science Fiction", "Slice of Life", "Superhero", "Thriller"};
    static final String[] AGE_RATINGS = {"Everyone", "Everyone 10+", "Teen", "Mature 17+", "Adults Only 18+", "G",
            "PG", "Unknown"};

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java GenLibrary.java OUT_DIR BOOKS SERIES PAGES");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        int books = Integer.parseInt(args[1]);
        int series = Integer.parseInt(args[2]);
        int pages = Integer.parseInt(args[3]);
        if (books < 1 || series < 1 || series > books || pages < 1 || pages > 999) {
            throw new IllegalArgumentException("need 1 <= SERIES <= BOOKS and 1 <= PAGES <= 999");
        }
        if (Files.exists(out)) {
            throw new IllegalStateException(out + " exists already");
        }
        long t0 = System.nanoTime();
        List<Page> images = new ArrayList<>();
        for (int i = 0; i < DISTINCT_IMAGES; i++) {
            images.add(Page.of(jpeg(i)));
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.createDirectories(tmp);
        int perSeries = books / series;
        int extra = books % series;
        int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            int first = 0;
            for (int s = 1; s <= series; s++) {
                int n = perSeries + (s <= extra ? 1 : 0);
                int firstBook = first;
                int seriesNo = s;
                jobs.add(pool.submit(() -> {
                    writeSeries(tmp, seriesNo, firstBook, n, pages, images);
                    return null;
                }));
                first += n;
            }
            for (Future<?> f : jobs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Files.writeString(tmp.resolve(".longbox-bench-library"),
                "books=" + books + " series=" + series + " pages=" + pages + " generator=1\n");
        Files.move(tmp, out);
        long bytes;
        try (Stream<Path> all = Files.walk(out)) {
            bytes = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        int min = images.stream().mapToInt(p -> p.bytes.length).min().orElse(0);
        int max = images.stream().mapToInt(p -> p.bytes.length).max().orElse(0);
        System.out.printf("generated %d books in %d series (%d pages each, %d distinct JPEGs of %d-%d bytes), "
                        + "%.1f MiB, in %.1f s: %s%n", books, series, pages, DISTINCT_IMAGES, min, max,
                bytes / 1048576.0, (System.nanoTime() - t0) / 1e9, out);
    }

    record Page(byte[] bytes, long crc) {
        static Page of(byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return new Page(bytes, crc.getValue());
        }
    }

    static void writeSeries(Path root, int seriesNo, int firstBook, int count, int pages, List<Page> images)
            throws IOException {
        String seriesDir = String.format("Series-%04d", seriesNo);
        Path dir = root.resolve(seriesDir);
        Files.createDirectories(dir);
        for (int i = 1; i <= count; i++) {
            int bookNo = firstBook + i - 1;
            Path file = dir.resolve(String.format("%s-%03d.cbz", seriesDir, i));
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                 ZipOutputStream zip = new ZipOutputStream(os)) {
                for (int p = 1; p <= pages; p++) {
                    Page img = images.get((bookNo + p) % images.size());
                    stored(zip, String.format("page-%03d.jpg", p), img.bytes, img.crc);
                }
                byte[] xml = comicInfo(seriesNo, i, bookNo).getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(xml);
                stored(zip, "ComicInfo.xml", xml, crc.getValue());
            }
        }
    }

    static void stored(ZipOutputStream zip, String name, byte[] bytes, long crc) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        e.setCrc(crc);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String comicInfo(int seriesNo, int number, int bookNo) {
        String genres = GENRES[bookNo % GENRES.length] + ", " + GENRES[(bookNo / 7 + 3) % GENRES.length];
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<ComicInfo xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "  <Title>Bench Story " + bookNo + "</Title>\n"
                + "  <Series>Bench Series " + seriesNo + "</Series>\n"
                + "  <Number>" + number + "</Number>\n"
                + "  <Writer>Writer " + (seriesNo % 97) + ", Co-Writer " + (bookNo % 13) + "</Writer>\n"
                + "  <Genre>" + genres + "</Genre>\n"
                + "  <Year>" + (1960 + seriesNo % 65) + "</Year>\n"
                + "  <AgeRating>" + AGE_RATINGS[seriesNo % AGE_RATINGS.length] + "</AgeRating>\n"
                + "</ComicInfo>\n";
    }

    /** A comic-like page: a few panels with gradients, shapes and a caption. */
    static byte[] jpeg(int seed) throws IOException {
        Random r = new Random(0x5eed0000L + seed);
        int w = 360;
        int h = 540;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int rows = 3;
        int gap = 12;
        int rowH = (h - gap * (rows + 1)) / rows;
        for (int row = 0; row < rows; row++) {
            int cols = 1 + r.nextInt(2);
            int colW = (w - gap * (cols + 1)) / cols;
            for (int col = 0; col < cols; col++) {
                int x = gap + col * (colW + gap);
                int y = gap + row * (rowH + gap);
                Color a = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
                Color b = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
                g.setPaint(new GradientPaint(x, y, a, x + colW, y + rowH, b));
                g.fillRect(x, y, colW, rowH);
                for (int k = 0; k < 2; k++) {
                    g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
                    int sx = x + r.nextInt(colW - 40);
                    int sy = y + r.nextInt(rowH - 40);
                    g.fillOval(sx, sy, 20 + r.nextInt(Math.min(80, x + colW - sx - 20) + 1),
                            20 + r.nextInt(Math.min(80, y + rowH - sy - 20) + 1));
                }
                g.setColor(Color.WHITE);
                g.fillRoundRect(x + 8, y + 8, Math.min(colW - 16, 150), 28, 10, 10);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.drawString("PAGE " + seed + " PANEL " + (row * 2 + col + 1), x + 14, y + 27);
                g.setStroke(new BasicStroke(3));
                g.drawRect(x, y, colW, rowH);
            }
        }
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.35f);
            if (p instanceof JPEGImageWriteParam j) {
                j.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

}
