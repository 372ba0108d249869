package org.longbox.server.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * JAX-RS reads any text but "true" as false; here "maybe" is a 400 naming the parameter, and only
 * true/false (any case), 1/0 and yes/no are accepted.
 */
@Provider
public final class StrictBooleanParams implements ParamConverterProvider {
    private static final ParamConverter<Boolean> STRICT = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected true or false");
            };
        }

        @Override
        public String toString(Boolean value) {
            return String.valueOf(value);
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) STRICT;
        }
        return null;
    }
}
