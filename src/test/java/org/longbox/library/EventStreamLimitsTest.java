package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Books;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STUMP_MAX_EVENT_STREAMS=2: the third stream is refused with 503, and a listener that stops reading
 * is dropped (its place freed) while the scan that floods it runs at full speed.
 */
class EventStreamLimitsTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw")
            .setting("STUMP_MAX_EVENT_STREAMS", "2").sendBufferSize(4096).build();
    @TempDir
    static Path root;

    @Test
    void streamsAreBoundedAndOneThatStopsReadingIsDroppedWithoutSlowingAScan() throws Exception {
        // 2,500 books make about 400 KB of events: far more than the stalled connection's buffers hold
        // (4 KB each way here) plus the 512 events a listener may fall behind by.
        String owner = server.ownerSession();
        Path many = Files.createDirectories(root.resolve("many"));
        for (int i = 0; i < 2500; i++) {
            Books.cbz().pages(1).write(many.resolve("S" + (i % 10) + "/B" + i + ".cbz"));
        }
        String lib = Scans.library(server.http(), owner, "Many", many, Map.of("watch", false));
        URI base = server.http().base();
        try (Socket stalled = new Socket()) {
            // a client that asks for the stream and never reads a byte of it
            stalled.setReceiveBufferSize(2048);
            stalled.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET " + base.getPath() + "/sse HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: text/event-stream\r\nCookie: stump_session=" + owner + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            EventStreamTest.Listener reading = EventStreamTest.listen(base, "Cookie", "stump_session=" + owner);
            assertEquals(200, reading.status);

            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/sse"))
                    .header("Cookie", "stump_session=" + owner).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, refused.statusCode(), "two streams are open already");
            assertEquals("10", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.body().contains("\"status\":503"), refused.body());

            long start = System.nanoTime();
            JsonNode job = Scans.scan(server.http(), owner, lib);
            assertTrue(job.get("output_data").asText().contains("books added 2500"), job.toString());
            assertTrue(System.nanoTime() - start < 60_000_000_000L, "the scan was not held up by the stalled stream");
            EventStreamTest.waitFor(() -> reading.has("\"__typename\":\"JobOutput\""), "a listener that reads hears the scan end");

            EventStreamTest.Listener another = EventStreamTest.listen(base, "Cookie", "stump_session=" + owner);
            assertEquals(200, another.status, "the stalled stream fell too far behind and was dropped, freeing its place");
        } finally {
            EventStreamTest.open.forEach(java.util.stream.Stream::close);
            EventStreamTest.open.clear();
        }
    }
}
