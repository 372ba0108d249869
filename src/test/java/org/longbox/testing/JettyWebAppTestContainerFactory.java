package org.longbox.testing;

import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.test.DeploymentContext;
import org.glassfish.jersey.test.ServletDeploymentContext;
import org.glassfish.jersey.test.spi.TestContainer;
import org.glassfish.jersey.test.spi.TestContainerException;
import org.glassfish.jersey.test.spi.TestContainerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JerseyTest container: the real WAR directory (web.xml, its one listener and everything that
 * registers) in a Jetty 12 {@link WebAppContext}. The stock Jersey providers cannot host it: Grizzly
 * has no {@code <error-page>} and swallows a listener that fails at start, the Jetty provider has no
 * servlet layer and pulls an older Jetty.
 *
 * <p>From the {@link ServletDeploymentContext} it takes the context path and context params; it
 * refuses one that asks for a servlet, filter or listener of its own, since web.xml declares those.
 * Attributes (the test clock) are set on the context before it starts, so the listener sees them.
 */
public final class JettyWebAppTestContainerFactory implements TestContainerFactory {
    private final Path warDir;
    private final Map<String, Object> attributes;
    private final boolean lenientUris;
    private final int sendBufferSize;

    /**
     * @param lenientUris    let ambiguous and suspicious paths through to the webapp (see {@link LongboxServer.Builder#lenientUris()})
     * @param sendBufferSize SO_SNDBUF of every accepted connection; 0 leaves it to the system
     */
    public JettyWebAppTestContainerFactory(Path warDir, Map<String, Object> attributes, boolean lenientUris, int sendBufferSize) {
        this.warDir = warDir;
        this.attributes = Map.copyOf(attributes);
        this.lenientUris = lenientUris;
        this.sendBufferSize = sendBufferSize;
    }

    @Override
    public TestContainer create(URI baseUri, DeploymentContext context) {
        if (!(context instanceof ServletDeploymentContext servlet)) {
            throw new IllegalArgumentException("a WAR deployment needs a ServletDeploymentContext, not " + context.getClass());
        }
        if (servlet.getServletClass() != null || servlet.getServletInstance() != null
                || notEmpty(servlet.getFilters()) || notEmpty(servlet.getListeners())) {
            throw new IllegalArgumentException("web.xml declares the servlets, filters and listeners; the deployment context may not add any");
        }
        return new WebAppContainer(baseUri, servlet);
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty(); // null when the builder was given none
    }

    private final class WebAppContainer implements TestContainer {
        private final Server server = new Server();
        private final ServerConnector connector;
        private final String contextPath;
        private URI baseUri;

        WebAppContainer(URI baseUri, ServletDeploymentContext deployment) {
            String cp = deployment.getContextPath();
            this.contextPath = cp.isEmpty() || cp.equals("/") ? "/" : (cp.startsWith("/") ? cp : "/" + cp);
            this.baseUri = baseUri;
            HttpConfiguration http = new HttpConfiguration();
            if (lenientUris) {
                http.setUriCompliance(UriCompliance.UNSAFE);
            }
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(baseUri.getHost());
            connector.setPort(baseUri.getPort());
            if (sendBufferSize > 0) {
                connector.setAcceptedSendBufferSize(sendBufferSize);
            }
            server.addConnector(connector);
            WebAppContext webapp = new WebAppContext();
            webapp.setContextPath(contextPath);
            webapp.setWar(warDir.toAbsolutePath().toString());
            // the test classpath is the webapp's classpath (no WEB-INF/lib in src/main/webapp)
            webapp.setParentLoaderPriority(true);
            webapp.setThrowUnavailableOnStartupException(true);
            if (deployment.getContextParams() != null) {
                deployment.getContextParams().forEach(webapp::setInitParameter);
            }
            attributes.forEach(webapp::setAttribute);
            if (lenientUris) {
                webapp.getServletHandler().setDecodeAmbiguousURIs(true);
            }
            server.setHandler(webapp);
        }

        @Override
        public ClientConfig getClientConfig() {
            return null; // JerseyTest makes one and passes it to configureClient()
        }

        @Override
        public URI getBaseUri() {
            return UriBuilder.fromUri(baseUri).replacePath(contextPath).build();
        }

        @Override
        public void start() {
            try {
                server.start();
            } catch (Exception e) {
                try {
                    server.stop();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new TestContainerException("the webapp did not start", e);
            }
            // port 0 asks for a free port; the client must use the one bound
            baseUri = UriBuilder.fromUri(baseUri).port(connector.getLocalPort()).build();
        }

        @Override
        public void stop() {
            try {
                server.stop();
            } catch (Exception e) {
                throw new TestContainerException("the webapp did not stop", e);
            }
        }
    }
}
