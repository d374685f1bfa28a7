package io.cqlp.types;

/** The role of a column in a CQL table, as Cassandra's schema tables name it. */
public enum ColumnKind {
  PARTITION_KEY,
  CLUSTERING,
  STATIC,
  REGULAR
}
