/**
 * Infrastructure every layer may use, and which knows no feature: settings ({@code config}), the
 * database and its transactions ({@code database}), typed errors and their mappers ({@code errors}),
 * JSON, paging, server events, the version, and HTTP plumbing with no feature knowledge ({@code web}).
 */
package org.longbox.server;
