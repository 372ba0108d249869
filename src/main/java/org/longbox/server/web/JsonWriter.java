package org.longbox.server.web;

import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.longbox.server.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes every JSON response with the one {@link Json} configuration, straight to the stream.
 * Jackson's JAX-RS provider does the same with per-request annotation and view lookups we never
 * use; measured on {@code GET /api/v1/auth/me} they were a fifth of the request (bench/auth.sh).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(1)
public final class JsonWriter implements MessageBodyWriter<Object> {
    private static final ObjectWriter WRITER = Json.MAPPER.writer();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != byte[].class && !java.io.InputStream.class.isAssignableFrom(type)
                && !jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type)
                && mediaType != null && (mediaType.getSubtype().equals("json") || mediaType.getSubtype().endsWith("+json"));
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        WRITER.writeValue(new NonClosing(out), value);
    }

    /** JAX-RS owns the entity stream; Jackson closes what it writes to unless told otherwise. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
