/**
 * The composition root. {@link org.longbox.app.LongboxListener}, the one class the container
 * instantiates, reads the settings and builds {@link org.longbox.app.Longbox} (database, services,
 * background work) with plain constructors; {@link org.longbox.app.WebComponents} registers the
 * filters and servlets and {@link org.longbox.app.LongboxApplication} the JAX-RS resources, each
 * handed its collaborators. Nothing imports this package.
 */
package org.longbox.app;
