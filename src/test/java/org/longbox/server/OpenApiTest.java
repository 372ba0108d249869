package org.longbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import io.swagger.v3.oas.annotations.Hidden;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.http.Public;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI document and Swagger UI, fetched over HTTP from a deployment at context path
 * /longbox. The list of endpoints the document must describe is read from the compiled resource
 * classes through Jersey's own model, not from the code that builds the document.
 */
class OpenApiTest {
    private static final String CONTEXT = "/longbox";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Resource methods left out of the document on purpose ({@code @Hidden}), each with its reason. */
    private static final Map<String, String> HIDDEN = Map.of(
            "GET /api-doc/openapi.json", "the document itself");
    private static final Pattern KEYED_OPDS = Pattern.compile("^/opds/\\{api_key}(/v(?:1\\.2|2\\.0)(?:/.*)?)$");

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().contextPath(CONTEXT).claimedBy("owner", "owner-pw").build();

    static JsonNode spec;
    /** The resource methods the document must describe. */
    static List<Endpoint> endpoints;
    /** The resource methods marked {@code @Hidden}. */
    static List<Endpoint> hidden;

    /** One resource method: HTTP method, full path template, whether it is declared public, whether it is hidden. */
    record Endpoint(String method, String path, boolean open, boolean hidden) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void fetch() throws Exception {
        Http.Res r = server.http().get("/api-doc/openapi.json").send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        spec = JSON.readTree(r.bytes());
        List<Endpoint> all = discoverEndpoints();
        endpoints = all.stream().filter(e -> !e.hidden()).toList();
        hidden = all.stream().filter(Endpoint::hidden).toList();
    }

    private static Http http() {
        return server.http();
    }

    // ---- the document ------------------------------------------------------------------------

    @Test
    void documentIsOpenApi3() {
        assertTrue(spec.path("openapi").asText().startsWith("3."), spec.path("openapi").toString());
        assertFalse(spec.path("info").path("title").asText().isBlank());
        assertFalse(spec.path("info").path("version").asText().isBlank());
        assertTrue(spec.path("paths").isObject() && spec.path("paths").size() > 0);
    }

    @Test
    void securitySchemesDescribeSessionCookieBearerAndBasic() {
        JsonNode schemes = spec.path("components").path("securitySchemes");
        JsonNode session = schemes.path("session");
        assertEquals("apiKey", session.path("type").asText(), session.toString());
        assertEquals("cookie", session.path("in").asText(), session.toString());
        assertEquals("stump_session", session.path("name").asText(), session.toString());
        JsonNode bearer = schemes.path("bearer");
        assertEquals("http", bearer.path("type").asText(), bearer.toString());
        assertEquals("bearer", bearer.path("scheme").asText().toLowerCase(Locale.ROOT), bearer.toString());
        JsonNode basic = schemes.path("basic");
        assertEquals("http", basic.path("type").asText(), basic.toString());
        assertEquals("basic", basic.path("scheme").asText().toLowerCase(Locale.ROOT), basic.toString());
    }

    @Test
    void resourceScanFindsTheKnownEndpoints() {
        // Guards the test below against an empty or broken scan.
        Set<String> found = new TreeSet<>();
        endpoints.forEach(e -> found.add(e.toString()));
        for (String expected : List.of("POST /api/v1/auth/login", "GET /api/v1/auth/me", "GET /api/v1/ping",
                "GET /api/v1/api-keys/{id}", "POST /api/v1/api-keys/{id}/regenerate-secret", "PUT /api/v1/users/{id}/lock",
                "GET /opds/v1.2/catalog", "GET /opds/v2.0/catalog", "GET /")) {
            assertTrue(found.contains(expected), expected + " not found among " + found);
        }
        assertFalse(found.stream().anyMatch(e -> e.contains("/api-doc")), "hidden resources are kept apart: " + found);
    }

    @Test
    void theOnlyHiddenOperationsAreTheListedOnesAndEachExists() {
        // A resource method marked @Hidden must be listed in HIDDEN, and a listed one must still be
        // served and hidden: the list can neither let an endpoint go missing nor go stale.
        Set<String> found = new TreeSet<>();
        hidden.forEach(e -> found.add(e.toString()));
        assertEquals(new TreeSet<>(HIDDEN.keySet()), found, "@Hidden resource methods (each needs a reason in HIDDEN)");
        for (Endpoint e : hidden) {
            assertNull(operation(e.method(), e.path()), e + " is hidden (" + HIDDEN.get(e.toString()) + ") but in the document");
        }
        assertEquals(200, http().get("/api-doc/openapi.json").send().status(), "the hidden document is served");
    }

    @Test
    void theRootIsDocumentedAndPublic() {
        JsonNode root = operation("GET", "/");
        assertNotNull(root, spec.path("paths").toString());
        assertTrue(root.path("security").isArray() && root.path("security").isEmpty(), root.toString());
        assertTrue(root.path("responses").path("200").path("content").has("application/json"), root.toString());
        assertEquals("Longbox", http().get("/").send().json().path("name").asText());
    }

    @Test
    void everyResourceMethodIsInTheDocument() {
        List<String> missing = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (operation(e.method(), e.path()) == null) {
                missing.add(e.toString());
            }
        }
        assertTrue(missing.isEmpty(), "Not in /api-doc/openapi.json:\n  " + String.join("\n  ", missing));
    }

    @Test
    void everyDocumentedOperationExists() {
        Set<String> real = new TreeSet<>();
        endpoints.forEach(e -> real.add(e.toString()));
        List<String> phantom = new ArrayList<>();
        forEachOperation((method, path, op) -> {
            // /opds/{api_key}/v1.2/x is served by the resource method of /opds/v1.2/x (see keyed tests below)
            Matcher keyed = KEYED_OPDS.matcher(path);
            String served = keyed.matches() ? "/opds" + keyed.group(1) : path;
            if (!real.contains(method + " " + served)) phantom.add(method + " " + path);
        });
        assertTrue(phantom.isEmpty(), "Documented but not served:\n  " + String.join("\n  ", phantom));
    }

    @Test
    void publicOperationsNeedNoSecurity() {
        for (String[] op : new String[][]{{"POST", "/api/v1/auth/login"}, {"GET", "/api/v1/ping"}, {"GET", "/api/v1/claim"},
                {"POST", "/api/v1/auth/register"}, {"GET", "/opds/v2.0/auth"}}) {
            JsonNode security = operation(op[0], op[1]).get("security");
            assertNotNull(security, op[0] + " " + op[1] + " states its security");
            assertTrue(security.isArray() && security.isEmpty(), op[0] + " " + op[1] + ": " + security);
        }
    }

    @Test
    void registerDocumentsTheNewUserAsItsAnswer() {
        JsonNode responses = operation("POST", "/api/v1/auth/register").path("responses");
        assertEquals("#/components/schemas/User",
                responses.path("200").path("content").path("application/json").path("schema").path("$ref").asText(), responses.toString());
        assertFalse(responses.path("200").path("description").asText().isBlank(), responses.toString());
        assertTrue(spec.path("components").path("schemas").path("User").path("properties").has("is_server_owner"));
        for (String code : List.of("401", "403", "422")) {
            assertEquals("#/components/schemas/ApiError", errorRef(responses, code), code + " in " + responses);
        }
    }

    @Test
    void loginDocumentsWrongCredentialsAndLockedAccounts() {
        JsonNode responses = operation("POST", "/api/v1/auth/login").path("responses");
        assertTrue(responses.has("200"), responses.toString());
        for (String code : List.of("401", "403")) {
            assertEquals("#/components/schemas/ApiError", errorRef(responses, code), code + " in " + responses);
        }
        assertTrue(responses.path("401").path("description").asText().contains("wrong password"), responses.toString());
        assertTrue(responses.path("403").path("description").asText().contains("locked"), responses.toString());
        // and the server answers so
        assertEquals(401, http().post("/api/v1/auth/login").json(Map.of("username", "owner", "password", "wrong")).send().status());
        assertEquals(401, http().post("/api/v1/auth/login").json(Map.of("username", "nobody", "password", "x")).send().status());
    }

    @Test
    void everyOpdsOperationHasATwinWithTheApiKeyInThePath() {
        int twins = 0;
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (!e.path().startsWith("/opds/v1.2") && !e.path().startsWith("/opds/v2.0")) continue;
            String keyed = "/opds/{api_key}" + e.path().substring("/opds".length());
            JsonNode op = operation(e.method(), keyed);
            if (op == null) {
                wrong.add(e.method() + " " + keyed + ": missing");
                continue;
            }
            twins++;
            JsonNode key = null;
            for (JsonNode p : op.path("parameters")) {
                if (p.path("name").asText().equals("api_key")) key = p;
            }
            if (key == null || !key.path("in").asText().equals("path") || !key.path("required").asBoolean()) {
                wrong.add(e.method() + " " + keyed + ": no required api_key path parameter");
            }
            // the key in the path is the credential; cookies and Authorization headers are not looked at
            if (!op.path("security").isArray() || !op.path("security").isEmpty()) {
                wrong.add(e.method() + " " + keyed + ": security " + op.path("security"));
            }
            if (!"#/components/schemas/ApiError".equals(errorRef(op.path("responses"), "401"))) {
                wrong.add(e.method() + " " + keyed + ": no 401 for a bad key");
            }
            JsonNode original = operation(e.method(), e.path());
            for (String code : List.of("200", "204", "206", "304")) {
                if (original.path("responses").has(code) != op.path("responses").has(code)) {
                    wrong.add(e.method() + " " + keyed + ": not the same answers as " + e.path());
                }
            }
            if (original.path("operationId").asText().equals(op.path("operationId").asText())) {
                wrong.add(e.method() + " " + keyed + ": operationId repeats " + e.path());
            }
        }
        assertTrue(twins >= 20, "keyed twins: " + twins);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        Set<String> ids = new TreeSet<>();
        List<String> repeated = new ArrayList<>();
        forEachOperation((method, path, op) -> {
            if (op.has("operationId") && !ids.add(op.path("operationId").asText())) repeated.add(method + " " + path);
        });
        assertTrue(repeated.isEmpty(), "operationId used twice: " + repeated);
    }

    @Test
    void theKeyedOpdsPathsTheDocumentListsAreServed() {
        String key = http().post("/api/v1/api-keys").cookie(server.ownerSession())
                .json(Map.of("name", "openapi", "permissions", "inherit")).send().json().path("api_key").asText();
        int checked = 0;
        for (Iterator<String> it = spec.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            if (!KEYED_OPDS.matcher(path).matches() || path.indexOf('{', "/opds/{api_key}".length()) >= 0
                    || !spec.path("paths").path(path).has("get")) continue;
            String real = path.replace("{api_key}", key);
            assertEquals(200, http().get(real).send().status(), real);
            Http.Res bad = http().get(path.replace("{api_key}", "stump_bad_key")).send();
            assertEquals(401, bad.status(), path);
            checked++;
        }
        assertTrue(checked >= 10, "checked " + checked);
    }

    @Test
    void meRequiresSessionOrBearer() {
        Set<String> schemes = schemes(operation("GET", "/api/v1/auth/me"));
        assertEquals(Set.of("session", "bearer"), schemes);
    }

    @Test
    void opdsOperationsListBasic() {
        assertTrue(schemes(operation("GET", "/opds/v1.2/catalog")).contains("basic"));
        assertTrue(schemes(operation("GET", "/opds/v2.0/catalog")).contains("basic"));
    }

    @Test
    void everyOperationStatesSecurityMatchingItsDeclaration() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            JsonNode op = operation(e.method(), e.path());
            if (op == null) continue; // reported by everyResourceMethodIsInTheDocument
            JsonNode security = op.get("security");
            Set<String> schemes = schemes(op);
            boolean ok;
            if (e.open()) {
                ok = security != null && security.isArray() && security.isEmpty();
            } else if (e.path().startsWith("/opds")) {
                ok = schemes.containsAll(Set.of("basic", "session", "bearer"));
            } else {
                ok = schemes.equals(Set.of("session", "bearer"));
            }
            if (!ok) wrong.add(e + (e.open() ? " (public)" : "") + ": " + security);
        }
        assertTrue(wrong.isEmpty(), "Wrong security:\n  " + String.join("\n  ", wrong));
    }

    @Test
    void protectedOperationsDocument401() {
        List<String> without = new ArrayList<>();
        for (Endpoint e : endpoints) {
            JsonNode op = operation(e.method(), e.path());
            if (op != null && !e.open() && !op.path("responses").has("401")) without.add(e.toString());
        }
        assertTrue(without.isEmpty(), "No 401 documented:\n  " + String.join("\n  ", without));
    }

    @Test
    void userSchemaUsesSnakeCaseNames() {
        JsonNode props = spec.path("components").path("schemas").path("User").path("properties");
        assertTrue(props.isObject(), spec.path("components").path("schemas").toString());
        for (String name : List.of("id", "username", "is_server_owner", "avatar_url", "created_at", "last_login", "is_locked", "permissions")) {
            assertTrue(props.has(name), name + " in " + props);
        }
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertEquals(name.toLowerCase(Locale.ROOT), name, "camelCase property " + name);
        }
    }

    @Test
    void everyErrorResponseReferencesApiError() {
        JsonNode apiError = spec.path("components").path("schemas").path("ApiError").path("properties");
        assertEquals("integer", apiError.path("status").path("type").asText(), apiError.toString());
        assertEquals("string", apiError.path("message").path("type").asText(), apiError.toString());

        List<String> wrong = new ArrayList<>();
        int errors = 0;
        List<String[]> ops = new ArrayList<>();
        forEachOperation((method, path, op) -> ops.add(new String[]{method, path}));
        for (String[] o : ops) {
            JsonNode responses = operation(o[0], o[1]).path("responses");
            for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
                String code = it.next();
                if (code.equals("default") || Integer.parseInt(code) < 400) continue;
                errors++;
                String ref = responses.path(code).path("content").path("application/json").path("schema").path("$ref").asText();
                if (!ref.equals("#/components/schemas/ApiError")) wrong.add(o[0] + " " + o[1] + " " + code + ": " + responses.path(code));
            }
        }
        assertTrue(errors > 0, "no error responses documented at all");
        assertTrue(wrong.isEmpty(), "Error responses without ApiError:\n  " + String.join("\n  ", wrong));
        assertEquals("#/components/schemas/ApiError",
                operation("GET", "/api/v1/auth/me").path("responses").path("401").path("content").path("application/json")
                        .path("schema").path("$ref").asText());
    }

    @Test
    void everyResponseHasADescription() {
        // required by OpenAPI 3; validators and code generators reject the document without it
        List<String> without = new ArrayList<>();
        forEachOperation((method, path, op) -> op.path("responses").fields().forEachRemaining(r -> {
            if (r.getValue().path("description").asText().isBlank()) without.add(method + " " + path + " " + r.getKey());
        }));
        assertTrue(without.isEmpty(), "Responses without a description:\n  " + String.join("\n  ", without));
    }

    // ---- servers: where "Try it out" sends requests ------------------------------------------

    @Test
    void serverUrlIsTheContextPath() {
        assertEquals(CONTEXT, spec.path("servers").path(0).path("url").asText(), spec.path("servers").toString());
    }

    @Test
    void requestToTheServerUrlReachesTheApi() throws Exception {
        String url = spec.path("servers").path(0).path("url").asText();
        URI root = http().base().resolve("/");
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(root.resolve(url + "/api/v1/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("pong", r.body());
    }

    @Test
    void forwardedPrefixIsPutInFrontOfTheServerUrl() throws Exception {
        Http.Res r = http().get("/api-doc/openapi.json").header("X-Forwarded-Prefix", "/proxy").send();
        assertEquals(200, r.status());
        assertEquals("/proxy" + CONTEXT, JSON.readTree(r.bytes()).path("servers").path(0).path("url").asText());
    }

    @Test
    void forgedForwardedPrefixIsIgnored() throws Exception {
        for (String forged : List.of("https://evil.example", "//evil.example", "/a\"><script>", "javascript:alert(1)")) {
            Http.Res r = http().get("/api-doc/openapi.json").header("X-Forwarded-Prefix", forged).send();
            assertEquals(200, r.status(), forged);
            String url = JSON.readTree(r.bytes()).path("servers").path(0).path("url").asText();
            assertEquals(CONTEXT, url, "X-Forwarded-Prefix: " + forged);
        }
    }

    // ---- Swagger UI ---------------------------------------------------------------------------

    @Test
    void swaggerUiWithoutSlashRedirectsToTheDirectory() {
        Http.Res r = http().get("/swagger-ui").send();
        assertEquals(302, r.status(), r.toString());
        String location = r.header("Location");
        assertNotNull(location);
        URI resolved = http().base().resolve(CONTEXT + "/swagger-ui").resolve(location);
        assertEquals(CONTEXT + "/swagger-ui/", resolved.getPath(), "Location " + location);
    }

    @Test
    void swaggerUiPageIsServedFromTheWarWithoutExternalAssets() {
        Http.Res r = http().get("/swagger-ui/").send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String html = r.text();
        assertTrue(html.contains("Swagger UI"), html);
        Matcher external = Pattern.compile("<(script|link)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html);
        assertFalse(external.find(), "external asset: " + (external.find(0) ? external.group() : ""));
        // and the assets the page names are served
        Matcher local = Pattern.compile("<(?:script|link)\\b[^>]*\\b(?:src|href)\\s*=\\s*\"\\./([^\"]+)\"").matcher(html);
        int assets = 0;
        while (local.find()) {
            assets++;
            Http.Res asset = http().get("/swagger-ui/" + local.group(1)).send();
            assertEquals(200, asset.status(), local.group(1));
        }
        assertTrue(assets >= 3, "the page loads its bundle, preset and initializer: " + html);
    }

    @Test
    void swaggerUiBundleIsJavaScript() {
        Http.Res r = http().get("/swagger-ui/swagger-ui-bundle.js").send();
        assertEquals(200, r.status());
        assertTrue(r.contentType().matches("(text|application)/javascript.*"), r.contentType());
        assertTrue(r.bytes().length > 100_000, "the real bundle: " + r.bytes().length + " bytes");
        Http.Res css = http().get("/swagger-ui/swagger-ui.css").send();
        assertEquals(200, css.status());
        assertTrue(css.contentType().startsWith("text/css"), css.contentType());
    }

    @Test
    void initializerPointsAtTheSpecByARelativeUrlThatResolves() throws Exception {
        Http.Res r = http().get("/swagger-ui/swagger-initializer.js").send();
        assertEquals(200, r.status());
        assertTrue(r.contentType().matches("(text|application)/javascript.*"), r.contentType());
        Matcher url = Pattern.compile("url:\\s*\"([^\"]+)\"").matcher(r.text());
        assertTrue(url.find(), r.text());
        assertEquals("../api-doc/openapi.json", url.group(1));
        URI resolved = http().base().resolve(CONTEXT + "/swagger-ui/").resolve(url.group(1));
        HttpResponse<byte[]> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(resolved).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, doc.statusCode(), resolved.toString());
        assertEquals(spec.path("paths"), JSON.readTree(doc.body()).path("paths"));
    }

    @Test
    void unknownSwaggerUiFileIs404Json() {
        Http.Res r = http().get("/swagger-ui/nope.js").send();
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(404, r.json().path("status").asInt());
    }

    @Test
    void pathTraversalThroughSwaggerUiServesNoFile() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String origin = http().base().resolve("/").toString();
        origin = origin.substring(0, origin.length() - 1);
        for (String path : List.of("/swagger-ui/../../etc/passwd", "/swagger-ui/../WEB-INF/web.xml",
                "/swagger-ui/%2e%2e%2fWEB-INF%2fweb.xml", "/swagger-ui/%2e%2e/WEB-INF/web.xml", "/swagger-ui/..%2f..%2fetc%2fpasswd",
                "/swagger-ui/..%5cWEB-INF%5cweb.xml", "/swagger-ui/.%2e/.%2e/.%2e/etc/passwd", "/swagger-ui/index.html%00.js",
                "/swagger-ui/%252e%252e%252fWEB-INF%252fweb.xml",
                "/swagger-ui/nested/../../WEB-INF/web.xml", "/swagger-ui/..;/WEB-INF/web.xml", "/swagger-ui/WEB-INF/web.xml")) {
            // Sent raw. Jetty refuses most of these (ambiguous encodings) before the webapp sees them;
            // the rest reach the servlet or Jersey. Either way no file may come back.
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(origin + CONTEXT + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            boolean leaked = body.contains("root:") || body.contains("<web-app") || body.contains("org.longbox.server");
            assertFalse(leaked, path + " -> " + r.statusCode() + " " + body);
            if (!path.contains("index.html")) {
                assertNotEquals(200, r.statusCode(), path + " -> " + body);
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The operation for a method and path, or null. */
    private static JsonNode operation(String method, String path) {
        JsonNode item = spec.path("paths").get(path);
        return item == null ? null : item.get(method.toLowerCase(Locale.ROOT));
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode op);
    }

    private static void forEachOperation(OperationVisitor v) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
        for (Iterator<String> paths = spec.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            JsonNode item = spec.path("paths").path(path);
            for (Iterator<String> ms = item.fieldNames(); ms.hasNext(); ) {
                String m = ms.next();
                if (methods.contains(m)) v.visit(m.toUpperCase(Locale.ROOT), path, item.path(m));
            }
        }
    }

    /** The schema $ref of an error response's JSON body, or "" when there is none. */
    private static String errorRef(JsonNode responses, String code) {
        return responses.path(code).path("content").path("application/json").path("schema").path("$ref").asText();
    }

    /** The scheme names an operation's security requirements mention. */
    private static Set<String> schemes(JsonNode op) {
        Set<String> names = new TreeSet<>();
        for (JsonNode requirement : op.path("security")) {
            requirement.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    /** Every resource method of every {@code @Path} class under org.longbox, via Jersey's model; {@code @Hidden} ones marked. */
    private static List<Endpoint> discoverEndpoints() {
        List<Endpoint> out = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().acceptPackages("org.longbox").scan()) {
            for (Class<?> type : scan.getClassesWithAnnotation(jakarta.ws.rs.Path.class.getName()).loadClasses()) {
                walk(Resource.from(type), "", type, out);
            }
        }
        return out;
    }

    private static void walk(Resource resource, String parent, Class<?> type, List<Endpoint> out) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod m : resource.getResourceMethods()) {
            Method java = m.getInvocable().getDefinitionMethod();
            boolean open = java.isAnnotationPresent(Public.class) || type.isAnnotationPresent(Public.class);
            boolean hidden = java.isAnnotationPresent(Hidden.class) || type.isAnnotationPresent(Hidden.class);
            out.add(new Endpoint(m.getHttpMethod(), path.isEmpty() ? "/" : path, open, hidden));
        }
        if (resource.getResourceLocator() != null) {
            fail("sub-resource locator at " + path + " in " + type.getName() + ": extend this test to follow it");
        }
        for (Resource child : resource.getChildResources()) {
            walk(child, path, type, out);
        }
    }

    /** parent + "/" + segment, without doubled or trailing slashes, with {@code {x: regex}} as {@code {x}}. */
    static String join(String parent, String segment) {
        String s = withoutRegexes(segment == null ? "" : segment);
        StringBuilder b = new StringBuilder(parent);
        for (String part : s.split("/")) {
            if (!part.isEmpty()) b.append('/').append(part);
        }
        return b.toString();
    }

    /** Turns every {@code {name: regex}} (the regex may hold braces) into {@code {name}}. */
    static String withoutRegexes(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                if (template.charAt(end) == '{') depth++;
                if (template.charAt(end) == '}' && --depth == 0) break;
            }
            String inside = template.substring(i + 1, end);
            int colon = inside.indexOf(':');
            out.append('{').append((colon < 0 ? inside : inside.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }

    @Test
    void pathTemplatesLoseTheirRegexes() {
        // the helper the endpoint list depends on
        assertEquals("/a/{id}/b", join("/a", "{ id : [0-9]{1,5} }/b/"));
        assertEquals("/x/{name}", join("", "/x/{name}"));
    }
}
