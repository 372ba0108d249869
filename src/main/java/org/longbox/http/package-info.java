/**
 * The HTTP edge the REST API and the OPDS catalogs both stand on: the filter that authenticates
 * every request once, the annotations and JAX-RS feature that authorize each resource method, the
 * session cookie, 401 challenges and the OPDS authentication document, thumbnail answers, and the
 * OpenAPI document with Swagger UI ({@code http.openapi}). It may use the core and {@code server};
 * the core never uses it.
 */
package org.longbox.http;
