package io.cqlp.types;

import com.datastax.oss.driver.api.core.type.DataType;
import java.util.Objects;

/**
 * One column of the rows that flow between Cassandra and a file: its name, its CQL type and its
 * role in the table's primary key.
 *
 * <p>Values of such a column travel as the Java types the Cassandra Java driver's default codecs
 * use ({@code Long} for bigint, {@code java.time.Instant} for timestamp, {@code
 * java.nio.ByteBuffer} for blob, ...); {@code null} is a CQL NULL.
 *
 * @param name the column name as Cassandra stores it (case kept, never quoted); not null
 * @param type the CQL type; not null
 * @param kind partition key, clustering column, static or regular; not null
 */
public record ColumnSpec(String name, DataType type, ColumnKind kind) {

  /** Validates that no component is null. */
  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
  }

  /** A regular column of the given name and type. */
  public static ColumnSpec regular(String name, DataType type) {
    return new ColumnSpec(name, type, ColumnKind.REGULAR);
  }
}
