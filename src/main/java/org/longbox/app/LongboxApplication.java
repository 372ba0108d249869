package org.longbox.app;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.longbox.api.ApiKeyResource;
import org.longbox.api.AuthResource;
import org.longbox.api.EpubResource;
import org.longbox.api.EventsResource;
import org.longbox.api.FilesystemResource;
import org.longbox.api.JobResource;
import org.longbox.api.LibraryContentResource;
import org.longbox.api.LibraryResource;
import org.longbox.api.MediaFileResource;
import org.longbox.api.MediaResource;
import org.longbox.api.MediaViews;
import org.longbox.api.ProgressResource;
import org.longbox.api.RootResource;
import org.longbox.api.SeriesResource;
import org.longbox.api.ServerResource;
import org.longbox.api.UserApiKeyResource;
import org.longbox.api.UserDocumentResource;
import org.longbox.api.UserResource;
import org.longbox.http.AuthorizationFeature;
import org.longbox.http.UnauthorizedResponseFilter;
import org.longbox.http.openapi.OpenApiResource;
import org.longbox.http.openapi.OpenApiSpec;
import org.longbox.opds.Opds1Catalog;
import org.longbox.opds.Opds2Catalog;
import org.longbox.opds.OpdsMedia;
import org.longbox.opds.OpdsV12BookResource;
import org.longbox.opds.OpdsV12Resource;
import org.longbox.opds.OpdsV2BookResource;
import org.longbox.opds.OpdsV2Resource;
import org.longbox.server.errors.ApiExceptionMapper;
import org.longbox.server.errors.CatchAllMapper;
import org.longbox.server.errors.JsonErrorMapper;
import org.longbox.server.errors.WebApplicationExceptionMapper;
import org.longbox.server.web.BodyLimitFilter;
import org.longbox.server.web.JsonProvider;
import org.longbox.server.web.JsonWriter;
import org.longbox.server.web.OpdsKeyPathFilter;
import org.longbox.server.web.StrictBooleanParams;

import java.util.List;

/**
 * The JAX-RS application, served on {@code /*} ({@link WebComponents}). Resources are built here,
 * once, from the services {@link Longbox} made; every path is written out in full on the resource,
 * so the OpenAPI paths are the real ones.
 */
final class LongboxApplication extends ResourceConfig {

    LongboxApplication(Longbox s) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);

        register(JacksonFeature.withoutExceptionMappers());
        register(JsonProvider.class);
        register(JsonWriter.class);
        register(StrictBooleanParams.class);
        register(new BodyLimitFilter(s.settings.maxRequestBody()));
        register(OpdsKeyPathFilter.class);
        register(AuthorizationFeature.class);
        register(UnauthorizedResponseFilter.class);
        register(ApiExceptionMapper.class);
        register(WebApplicationExceptionMapper.class);
        register(JsonErrorMapper.class);
        register(CatchAllMapper.class);

        MediaViews views = new MediaViews(s.progress);
        Opds1Catalog opds1 = new Opds1Catalog(s.libraries, s.series, s.media, s.progress, s.startedAt);
        Opds2Catalog opds2 = new Opds2Catalog(s.libraries, s.series, s.media);
        OpdsMedia opdsMedia = new OpdsMedia(s.media, s.bookFiles, s.thumbnails, s.progress, s.limits);
        List<Object> resources = List.of(
                new ServerResource(s.users, s.version),
                new AuthResource(s.logins, s.users, s.clock),
                new UserResource(s.users, s.loginActivity, s.sessions),
                new UserDocumentResource(s.userDocuments),
                new ApiKeyResource(s.apiKeys),
                new UserApiKeyResource(s.apiKeys),
                new LibraryResource(s.libraries, s.userDocuments),
                new LibraryContentResource(s.libraries, s.series, s.media, s.scans, s.jobs, views, s.thumbnails),
                new MediaFileResource(s.media, s.bookFiles, s.thumbnails),
                new MediaResource(s.media, s.series, views),
                new ProgressResource(s.progress),
                new EpubResource(s.progress),
                new SeriesResource(s.series, s.media, views, s.thumbnails),
                new JobResource(s.jobs, s.scheduler),
                new FilesystemResource(s.folders),
                new EventsResource(s.eventStreams, s.credentialCheck),
                new OpdsV12Resource(opds1),
                new OpdsV12BookResource(opdsMedia),
                new OpdsV2Resource(opds2, s.media),
                new OpdsV2BookResource(opdsMedia, s.media, s.progress),
                new RootResource(s.version.semver(), s.settings.swaggerEnabled()));
        resources.forEach(this::register);
        List<Class<?>> documented = resources.stream().<Class<?>>map(Object::getClass).toList();
        register(new OpenApiResource(new OpenApiSpec(documented, s.version.semver()), s.settings.swaggerEnabled()));
    }
}
