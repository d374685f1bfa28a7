package io.cqlp.format.parquet;

/**
 * The keys cqlp writes into a Parquet file's footer key-value metadata (the Parquet spec's {@code
 * FileMetaData.key_value_metadata}), shared by the writer that puts them there and the readers that
 * look for them. Keys starting with {@code cqlp.} are cqlp's own; a user's KV_METADATA cannot set
 * them.
 */
public final class FooterKeys {
  /** The cqlp version that wrote the file, e.g. {@code 0.1.0}. */
  public static final String VERSION = "cqlp.version";

  /**
   * The {@link io.cqlp.types.SchemaJson} document of the file's columns: keyspace, table and each
   * column's name, CQL type and kind.
   */
  public static final String SCHEMA = "cqlp.schema";

  /**
   * In a part file of a Hive-style partitioned dataset: the {@link io.cqlp.types.SchemaJson}
   * document of the columns whose values are in the directory names instead of the file, with their
   * CQL types.
   */
  public static final String PATH_COLUMNS = "cqlp.path_columns";

  private FooterKeys() {}
}
