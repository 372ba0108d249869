/** Reading progress: where each user is in each book (active sessions) and when they finished it. */
package org.longbox.reading;
