package org.longbox.http.openapi;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.longbox.server.errors.ErrorWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Swagger UI from the webjar inside the WAR (no CDN), pointed at this deployment's spec by a
 * relative URL so it works under any context path and behind any proxy prefix.
 */
public final class SwaggerUiServlet extends HttpServlet {
    private static final Pattern FILE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8", "js", "text/javascript;charset=utf-8", "css", "text/css;charset=utf-8",
            "png", "image/png", "txt", "text/plain;charset=utf-8");
    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "../api-doc/openapi.json",
                dom_id: "#swagger-ui",
                deepLinking: true,
                persistAuthorization: true,
                withCredentials: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """;

    private final boolean enabled;
    private String root;

    public SwaggerUiServlet(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        Properties p = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new ServletException("The swagger-ui webjar is missing from the WAR");
            }
            p.load(in);
        } catch (IOException e) {
            throw new ServletException(e);
        }
        root = "META-INF/resources/webjars/swagger-ui/" + p.getProperty("version") + "/";
    }

    /**
     * GET and HEAD serve files, OPTIONS lists them; anything else is 405 as JSON. HttpServlet would
     * echo a TRACE back and answer an unknown method with a bare 501.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            ErrorWriter.write(response, 405, "Method not allowed: " + method + " " + request.getServletPath()
                    + (request.getPathInfo() == null ? "" : request.getPathInfo()));
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            ErrorWriter.write(response, 404, "Not found: Swagger UI is turned off (ENABLE_SWAGGER_UI=false)");
            return;
        }
        String info = request.getPathInfo();
        if (info == null) {
            // "/swagger-ui" -> "/swagger-ui/", relative so it survives proxies and context paths
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", request.getServletPath().substring(request.getServletPath().lastIndexOf('/') + 1) + "/");
            return;
        }
        String name = info.equals("/") ? "index.html" : info.substring(1);
        if (name.equals("swagger-initializer.js")) {
            send(response, "js", INITIALIZER.getBytes(StandardCharsets.UTF_8), "no-cache");
            return;
        }
        if (!FILE.matcher(name).matches()) {
            ErrorWriter.write(response, 404, "Not found");
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(root + name)) {
            if (in == null) {
                ErrorWriter.write(response, 404, "Not found");
                return;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            response.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
            response.setHeader("Cache-Control", name.equals("index.html") ? "no-cache" : "public, max-age=86400");
            response.setHeader("X-Content-Type-Options", "nosniff");
            in.transferTo(response.getOutputStream());
        }
    }

    private static void send(HttpServletResponse response, String ext, byte[] body, String cache) throws IOException {
        response.setContentType(TYPES.get(ext));
        response.setHeader("Cache-Control", cache);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
