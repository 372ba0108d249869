package org.longbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

/**
 * A plain HTTP client for tests: no cookie jar (cookies are passed by hand, so tests see exactly
 * what a client sends), no redirects followed. Requests go through JerseyTest's JAX-RS client
 * (see {@link LongboxServer}), whose connector is java.net.http.
 *
 * <p>Sent raw with java.net.http instead, because the JAX-RS client cannot send them as written:
 * <ul>
 *   <li>a body of unknown length ({@link Request#body(String, HttpRequest.BodyPublisher)} with e.g.
 *       {@code ofInputStream}): the client buffers every entity and sends it with Content-Length,
 *       so the request would no longer be chunked (ErrorsTest: chunkedBodyOverTheLimitIs413,
 *       bodyJustUnderTheLimitIsRead);</li>
 *   <li>a URI the JAX-RS UriBuilder would rewrite (its text differs after {@code client.target(uri)}).
 *       No test sends one today; the check keeps such a request from being changed silently.</li>
 * </ul>
 * Request targets no HTTP client sends as written (a raw backslash, {@code %zz}, {@code ..}
 * segments) go over a plain socket: {@link #raw}.
 */
public final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Only for the raw cases listed above. */
    private static final HttpClient RAW = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final URI base;
    private final Client client;

    Http(URI base, Client client) {
        this.base = base;
        this.client = client;
    }

    public URI base() {
        return base;
    }

    public Request get(String path) {
        return new Request(this, "GET", path);
    }

    public Request post(String path) {
        return new Request(this, "POST", path);
    }

    public Request put(String path) {
        return new Request(this, "PUT", path);
    }

    public Request delete(String path) {
        return new Request(this, "DELETE", path);
    }

    public Request method(String method, String path) {
        return new Request(this, method, path);
    }

    /**
     * Sends a request exactly as written, over a plain socket: for request targets no HTTP client
     * will send (a raw backslash, {@code %zz}, NUL), and to see the container's own answers.
     * {@code target} follows the base (context) path and may hold a query.
     *
     * @param headerLines further header lines, e.g. {@code "Cookie: stump_session=..."}
     */
    public Res raw(String method, String target, String... headerLines) {
        String requestTarget = base.getRawPath() + target;
        StringBuilder head = new StringBuilder(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return RawResponse.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + requestTarget + " failed", e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static final class Request {
        private final Http http;
        private final String method;
        private final String path;
        private final URI uri;
        private final List<String[]> headers = new ArrayList<>();
        private String contentType;
        private byte[] body;
        private HttpRequest.BodyPublisher publisher;

        Request(Http http, String method, String path) {
            this.http = http;
            this.method = method;
            this.path = path;
            this.uri = URI.create(http.base + path);
        }

        public Request header(String name, String value) {
            headers.add(new String[]{name, value});
            return this;
        }

        public Request cookie(String sessionToken) {
            return header("Cookie", "stump_session=" + sessionToken);
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request basic(String user, String password) {
            return header("Authorization", Http.basic(user, password));
        }

        /** A JSON body: a String is sent as is, anything else is serialised. */
        public Request json(Object value) {
            try {
                String text = value instanceof String s ? s : JSON.writeValueAsString(value);
                return body("application/json", text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public Request body(String contentType, byte[] bytes) {
            this.contentType = contentType;
            this.body = bytes;
            this.publisher = null;
            return this;
        }

        public Request body(String contentType, HttpRequest.BodyPublisher publisher) {
            this.contentType = contentType;
            this.body = null;
            this.publisher = publisher;
            return this;
        }

        public Res send() {
            if (publisher != null && publisher.contentLength() < 0) {
                return sendRaw(); // chunked: see the class comment
            }
            WebTarget target = http.client.target(uri);
            if (!target.getUri().toString().equals(uri.toString())) {
                return sendRaw(); // the client would rewrite the URI: see the class comment
            }
            Invocation.Builder builder = target.request();
            headers.forEach(h -> builder.header(h[0], h[1]));
            byte[] bytes = publisher != null ? drain(publisher) : body;
            try {
                Response r;
                if (contentType == null) {
                    r = builder.method(method);
                } else if (bytes.length == 0 && publisher != null) {
                    // BodyPublishers.noBody(): no entity, as before, but the Content-Type is still sent
                    r = builder.header("Content-Type", contentType).method(method);
                } else {
                    r = builder.method(method, Entity.entity(bytes, MediaType.valueOf(contentType)));
                }
                return Res.of(r);
            } catch (ProcessingException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            }
        }

        private Res sendRaw() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
            headers.forEach(h -> builder.header(h[0], h[1]));
            HttpRequest.BodyPublisher raw = HttpRequest.BodyPublishers.noBody();
            if (contentType != null) {
                builder.header("Content-Type", contentType);
                raw = publisher != null ? publisher : HttpRequest.BodyPublishers.ofByteArray(body);
            }
            try {
                HttpResponse<byte[]> r = RAW.send(builder.method(method, raw).build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Res(r.statusCode(), r.headers().map(), r.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The bytes of a body publisher of known length. */
    private static byte[] drain(HttpRequest.BodyPublisher publisher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP/1.1 response read off a socket: status line, headers, body (chunked or not). */
    private static final class RawResponse {
        static Res parse(byte[] bytes) {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (end < 0) {
                throw new IllegalStateException("no complete response head: " + new String(bytes, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
            List<String> te = headers.getOrDefault("Transfer-Encoding", List.of());
            if (te.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
                body = dechunk(body);
            }
            return new Res(status, headers, body);
        }

        private static byte[] dechunk(byte[] in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pos = 0;
            while (true) {
                int eol = indexOf(in, "\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
                String size = new String(in, pos, eol - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int n = Integer.parseInt(size, 16);
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(in, eol + 2, n);
                pos = eol + 2 + n + 2;
            }
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = from; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) continue outer;
                }
                return i;
            }
            return -1;
        }
    }

    /** A response, with helpers for what tests look at. */
    public static final class Res {
        private final int status;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final byte[] body;

        Res(int status, Map<String, List<String>> headers, byte[] body) {
            this.status = status;
            headers.forEach((name, values) -> this.headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
            this.body = body;
        }

        static Res of(Response r) {
            try (r) {
                byte[] body = r.hasEntity() ? r.readEntity(byte[].class) : new byte[0];
                return new Res(r.getStatus(), r.getStringHeaders(), body);
            }
        }

        public int status() {
            return status;
        }

        public String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return List.copyOf(headers.getOrDefault(name, List.of()));
        }

        public String contentType() {
            return header("Content-Type");
        }

        public byte[] bytes() {
            return body;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + text());
            }
        }

        /** The Set-Cookie value for stump_session, or null when none was sent. */
        public String setCookie() {
            return headers("Set-Cookie").stream().filter(c -> c.startsWith("stump_session=")).findFirst().orElse(null);
        }

        /** The session token the response set, or null (also null when the cookie was cleared). */
        public String sessionToken() {
            String c = setCookie();
            if (c == null) return null;
            String v = c.substring("stump_session=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            return v.isEmpty() ? null : v;
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
