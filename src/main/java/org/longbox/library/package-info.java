/**
 * Libraries, series and books (media): the rules for changing them, finding them for a viewer,
 * their files, pages and thumbnails, scanning ({@code scan}) and background jobs ({@code jobs}).
 * Rows and mappers stay inside; callers get domain records ({@link org.longbox.library.Media},
 * {@link org.longbox.library.Series}, {@link org.longbox.library.Library}).
 */
package org.longbox.library;
