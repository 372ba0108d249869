package org.longbox.library;

/** Stump's FileStatus, shared by libraries, series and books. */
public enum FileStatus { UNKNOWN, READY, UNSUPPORTED, ERROR, MISSING }
