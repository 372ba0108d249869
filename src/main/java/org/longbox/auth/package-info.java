/**
 * Authentication: sessions in the database, password checks with their throttle and lockout, JWTs, API keys, HTTP
 * Basic for OPDS with its credential cache, and login activity. It checks credentials and knows no
 * HTTP: which credential a request may carry, and where, is decided by {@code http.AuthFilter}.
 */
package org.longbox.auth;
