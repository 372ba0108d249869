/** OPDS 1.2 (Atom, PSE, OpenSearch) and OPDS 2.0 catalogs: feeds built from typed objects over the core services. */
package org.longbox.opds;
