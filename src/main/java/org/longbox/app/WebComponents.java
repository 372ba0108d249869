package org.longbox.app;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.glassfish.jersey.servlet.ServletContainer;
import org.longbox.api.PageFilter;
import org.longbox.http.AuthFilter;
import org.longbox.http.openapi.SwaggerUiServlet;
import org.longbox.server.errors.ErrorPageServlet;
import org.longbox.server.web.AllowedOrigins;
import org.longbox.server.web.AmbiguousPathFilter;
import org.longbox.server.web.CorsFilter;
import org.longbox.server.web.CrossSiteCheck;

import java.util.EnumSet;

/**
 * The filters and servlets of a deployment, each built with its collaborators and registered on the
 * servlet context in the order requests meet them: CORS, the refusal of ambiguous paths,
 * authentication (every request, once), the
 * short way to pages, then JAX-RS for everything, Swagger UI, and the JSON error page that web.xml's
 * {@code <error-page>} names.
 */
final class WebComponents {
    /** The error page's path; web.xml's {@code <error-page>} points here. */
    static final String ERROR_PAGE = "/.longbox-error";

    private WebComponents() {
    }

    static void register(ServletContext context, Longbox longbox) {
        AllowedOrigins origins = new AllowedOrigins(longbox.settings.allowedOrigins());
        filter(context, "cors", new CorsFilter(origins), "/*");
        // before authentication: the auth filter and JAX-RS must read the same path
        filter(context, "paths", new AmbiguousPathFilter(), "/*");
        filter(context, "auth", new AuthFilter(longbox.authenticator, new CrossSiteCheck(origins), longbox.clock), "/*");
        // the usual page request answered before JAX-RS; everything else passes through
        filter(context, "pages", new PageFilter(longbox.pages), "/api/v1/media/*");

        servlet(context, "jaxrs", new ServletContainer(new LongboxApplication(longbox)), 1, true, "/*");
        servlet(context, "swagger-ui", new SwaggerUiServlet(longbox.settings.swaggerEnabled()), 2, false,
                "/swagger-ui", "/swagger-ui/*");
        servlet(context, "error-page", new ErrorPageServlet(), -1, false, ERROR_PAGE);
    }

    private static void filter(ServletContext context, String name, Filter filter, String... paths) {
        FilterRegistration.Dynamic r = context.addFilter(name, filter);
        r.setAsyncSupported(true);
        r.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, paths);
    }

    private static void servlet(ServletContext context, String name, Servlet servlet, int loadOnStartup, boolean async,
                                String... paths) {
        ServletRegistration.Dynamic r = context.addServlet(name, servlet);
        r.setAsyncSupported(async);
        r.setLoadOnStartup(loadOnStartup);
        r.addMapping(paths);
    }
}
