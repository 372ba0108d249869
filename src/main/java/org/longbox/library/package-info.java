/** Libraries, series and books (media): their rows, the rules for changing them, scanning and jobs. */
package org.longbox.library;
