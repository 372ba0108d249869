/** Typed errors and the exception mappers that turn every failure into {@code {status, message}}. */
package org.longbox.server.errors;
