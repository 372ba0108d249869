/** The generated OpenAPI document and the Swagger UI that shows it. */
package org.longbox.http.openapi;

