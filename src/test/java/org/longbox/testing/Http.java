package org.longbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A plain HTTP client for tests: no cookie jar (cookies are passed by hand, so tests see exactly
 * what a client sends), no redirects followed.
 */
public final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    Http(URI base) {
        this.base = base;
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

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static final class Request {
        private final Http http;
        private final String method;
        private final String path;
        private final HttpRequest.Builder builder;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Request(Http http, String method, String path) {
            this.http = http;
            this.method = method;
            this.path = path;
            this.builder = HttpRequest.newBuilder(URI.create(http.base + path)).timeout(Duration.ofSeconds(30));
        }

        public Request header(String name, String value) {
            builder.header(name, value);
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
                builder.header("Content-Type", "application/json");
                body = HttpRequest.BodyPublishers.ofString(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public Request body(String contentType, byte[] bytes) {
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        public Request body(String contentType, HttpRequest.BodyPublisher publisher) {
            builder.header("Content-Type", contentType);
            body = publisher;
            return this;
        }

        public Res send() {
            try {
                HttpResponse<byte[]> r = CLIENT.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Res(r);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response, with helpers for what tests look at. */
    public static final class Res {
        private final HttpResponse<byte[]> r;

        Res(HttpResponse<byte[]> r) {
            this.r = r;
        }

        public int status() {
            return r.statusCode();
        }

        public String header(String name) {
            return r.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return r.headers().allValues(name);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public byte[] bytes() {
            return r.body();
        }

        public String text() {
            return new String(r.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(r.body());
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
