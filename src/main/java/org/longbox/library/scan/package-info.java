/**
 * Scanning a library folder into series and books: walking the tree, telling new, changed,
 * unchanged and vanished files apart, reading books in parallel, writing in batches.
 */
package org.longbox.library.scan;
