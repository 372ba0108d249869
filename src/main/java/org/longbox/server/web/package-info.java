/** HTTP plumbing shared by every endpoint: JSON, public URLs, request paths, body limits, CORS. */
package org.longbox.server.web;
