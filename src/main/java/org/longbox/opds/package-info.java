/** OPDS 1.2 (Atom, PSE, OpenSearch) and OPDS 2.0 catalogs, and the authentication document. */
package org.longbox.opds;
