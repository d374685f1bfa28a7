package io.cqlp.transfer.dataset;

/**
 * What an export does when its target directory already holds something (the OVERWRITE and APPEND
 * options; the names are DuckDB's COPY options of the same meaning).
 */
public enum WriteMode {
  /** The default: a missing or empty target is written; anything else is an error. */
  ERROR_IF_NOT_EMPTY,
  /** OVERWRITE=true: the finished dataset replaces whatever was at the target. */
  OVERWRITE,
  /**
   * APPEND=true: the new files are added to the target directory's tree, numbered after the part
   * files already in each directory; nothing there is replaced.
   */
  APPEND
}
