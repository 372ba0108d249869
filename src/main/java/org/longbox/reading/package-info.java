/** Reading progress: active reading sessions, finished readings, and what the next book is. */
package org.longbox.reading;
