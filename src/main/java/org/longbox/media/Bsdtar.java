package org.longbox.media;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Unpacks one entry of a compressed RAR with libarchive's bsdtar (BSD-2-Clause, Debian package
 * libarchive-tools) in a child process: no shell, a time limit and an output cap. Longbox has no
 * RAR decompressor of its own (the open ones are not open-source licensed).
 *
 * <p>The entry name goes to bsdtar as an inclusion pattern on standard input, NUL-terminated
 * ({@code --null -T /dev/stdin}; bsdtar 3.6 reads "-" as a file name there), so the JVM's locale
 * never mangles it and no name can be taken for an option. libarchive patterns are globs, so every pattern character is backslash-escaped and the
 * pattern is anchored at both ends ({@code ^...$}); {@code -q} stops at the first match.
 */
final class Bsdtar {
    static final String MISSING = "compressed RAR needs bsdtar (libarchive-tools)";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int STDERR_KEPT = 2048;
    private static final Bsdtar ON_PATH = new Bsdtar(find(), TIMEOUT);

    private final Path executable;
    private final Duration timeout;

    Bsdtar(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** bsdtar as found on the PATH when Longbox started, possibly absent. */
    static Bsdtar onPath() {
        return ON_PATH;
    }

    static Bsdtar absent() {
        return new Bsdtar(null, TIMEOUT);
    }

    boolean available() {
        return executable != null;
    }

    /** The entry's bytes, at most {@code max} of them. */
    byte[] extract(Path archive, String name, long max) throws BookException {
        if (executable == null) {
            throw new BookException(MISSING);
        }
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-x", "-O", "-q", "--null", "-T", "/dev/stdin",
                "-f", archive.toAbsolutePath().toString());
        // libarchive converts names to the locale's charset before matching
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new BookException("cannot run bsdtar: " + e.getMessage(), e);
        }
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(pattern(name).getBytes(StandardCharsets.UTF_8));
                stdin.write(0);
            } catch (IOException e) {
                // it exited before reading the pattern: its exit status and stderr say why
            }
            return collect(process, name, max);
        } catch (IOException e) {
            throw new BookException("bsdtar failed on " + name + ": " + e.getMessage(), e);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Reads stdout and stderr by polling, so the time limit holds without a watchdog thread
     * (this runs inside a servlet container, where stray threads are a liability).
     */
    private byte[] collect(Process process, String name, long max) throws IOException, BookException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream out = process.getInputStream();
        InputStream err = process.getErrorStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream(64 * 1024);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (true) {
            boolean alive = process.isAlive();
            int moved = move(out, data, buf, Long.MAX_VALUE) + move(err, errors, buf, STDERR_KEPT);
            if (data.size() > max) {
                throw Bounded.tooLarge("entry " + name, max);
            }
            if (!alive && moved == 0) {
                break;
            }
            if (moved == 0) {
                if (System.nanoTime() > deadline) {
                    throw new BookException("bsdtar took longer than " + timeout.toSeconds() + " s on " + name);
                }
                sleep();
            }
        }
        int exit = process.exitValue();
        if (exit != 0) {
            String message = errors.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
            throw new BookException("bsdtar could not extract " + name + " (exit " + exit + ": " + message + ")");
        }
        return data.toByteArray();
    }

    /** Moves what is available now without blocking; drops stderr beyond {@code keep} bytes. */
    private static int move(InputStream in, ByteArrayOutputStream to, byte[] buf, long keep) throws IOException {
        int available = in.available();
        if (available <= 0) {
            return 0;
        }
        int n = in.read(buf, 0, Math.min(available, buf.length));
        if (n > 0 && to.size() < keep) {
            to.write(buf, 0, (int) Math.min(n, keep - to.size()));
        }
        return Math.max(n, 0);
    }

    private static void sleep() throws BookException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BookException("interrupted while reading a compressed RAR entry");
        }
    }

    /** The name as a libarchive pattern matching exactly that name. */
    static String pattern(String name) {
        StringBuilder p = new StringBuilder("^");
        for (char c : name.toCharArray()) {
            if ("\\*?[]$^".indexOf(c) >= 0) {
                p.append('\\');
            }
            p.append(c);
        }
        return p.append('$').toString();
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "bsdtar");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
