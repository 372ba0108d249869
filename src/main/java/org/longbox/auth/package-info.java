/**
 * Authentication and authorization: sessions in the database, passwords, JWTs, API keys, HTTP
 * Basic for OPDS, login activity and lockout, the servlet filter and the per-endpoint checks.
 */
package org.longbox.auth;
