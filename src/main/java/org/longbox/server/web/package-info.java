/**
 * HTTP plumbing with no feature knowledge: JSON providers, public URLs and request paths, file and
 * conditional image answers, body limits and CORS.
 */
package org.longbox.server.web;
