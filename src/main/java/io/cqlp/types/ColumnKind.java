package io.cqlp.types;

/**
 * The role of a column: in a CQL table, as Cassandra's schema tables name it ({@link
 * #PARTITION_KEY}, {@link #CLUSTERING}, {@link #STATIC}, {@link #REGULAR}); or, in a file only, the
 * write time or TTL of another column's cells ({@link #WRITETIME}, {@link #TTL}), which an export
 * {@code WITH WRITETIME=true AND TTL=true} adds and an import applies.
 */
public enum ColumnKind {
  PARTITION_KEY,
  CLUSTERING,
  STATIC,
  REGULAR,
  /**
   * {@code writetime(c)}: microseconds since the epoch at which column {@code c}'s cell was written
   * (CQL's {@code WRITETIME(c)}); bigint in CQL, INT64 TIMESTAMP(MICROS, UTC) in Parquet.
   */
  WRITETIME,
  /**
   * {@code ttl(c)}: seconds column {@code c}'s cell had left to live at export; int, NULL when
   * none.
   */
  TTL
}
