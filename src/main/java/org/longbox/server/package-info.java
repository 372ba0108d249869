/** Start-up wiring, settings, database, errors, OpenAPI and the HTTP plumbing every endpoint shares. */
package org.longbox.server;
