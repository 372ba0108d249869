/** The REST API under /api/v1: thin JAX-RS resources and their JSON DTOs. */
package org.longbox.api;
