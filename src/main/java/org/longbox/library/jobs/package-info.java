/** Background jobs (scans, thumbnail generation): queued, run on a few worker threads, cancellable, recorded. */
package org.longbox.library.jobs;
