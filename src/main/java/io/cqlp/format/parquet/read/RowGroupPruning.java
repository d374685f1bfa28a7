package io.cqlp.format.parquet.read;

import io.cqlp.rows.RowFilter;
import io.cqlp.types.CqlScalar;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Which row groups of a Parquet file a WHERE ({@link RowFilter}) can skip unread: those where a
 * comparison cannot hold for any row, by the column chunk's min/max statistics (the Parquet spec's
 * {@code Statistics}, as parquet-java exposes them: absent when a writer's binary statistics are
 * not trusted), or whose chunk holds only NULLs.
 *
 * <p>Only plain columns with a known order are looked at: INT32/INT64 read as tinyint to bigint (no
 * annotation or a signed INTEGER), INT64 TIMESTAMP (MILLIS, MICROS, NANOS) read as timestamp, and
 * BINARY STRING read as text or ascii (compared byte-wise as UTF-8, the order of the statistics).
 * Any other column never causes a skip.
 */
public final class RowGroupPruning implements Predicate<BlockMetaData> {
  private final List<RowFilter.Condition> conditions;

  /**
   * @param filter the WHERE; its column names are the file's top-level column names
   */
  public RowGroupPruning(RowFilter filter) {
    this.conditions = filter.conditions();
  }

  @Override
  public boolean test(BlockMetaData block) {
    for (RowFilter.Condition c : conditions) {
      ColumnChunkMetaData chunk = chunk(block, c.name());
      if (chunk != null && cannotHold(c, chunk, block.getRowCount())) {
        return true;
      }
    }
    return false;
  }

  private static ColumnChunkMetaData chunk(BlockMetaData block, String name) {
    for (ColumnChunkMetaData chunk : block.getColumns()) {
      String[] path = chunk.getPath().toArray();
      if (path.length == 1 && path[0].equals(name)) {
        return chunk;
      }
    }
    return null;
  }

  private static boolean cannotHold(RowFilter.Condition c, ColumnChunkMetaData chunk, long rows) {
    Statistics<?> stats = chunk.getStatistics();
    if (stats == null || stats.isEmpty()) {
      return false;
    }
    if (stats.isNumNullsSet() && stats.getNumNulls() == rows) {
      return true; // NULL meets no comparison
    }
    if (!stats.hasNonNullValue()) {
      return false;
    }
    PrimitiveType type = chunk.getPrimitiveType();
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    int low;
    int high;
    switch (type.getPrimitiveTypeName()) {
      case INT32, INT64 -> {
        Long literal = longOf(c, a);
        if (literal == null) {
          return false;
        }
        low = Long.compare(((Number) stats.genericGetMin()).longValue(), literal);
        high = Long.compare(((Number) stats.genericGetMax()).longValue(), literal);
      }
      case BINARY -> {
        if (!(a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation)
            || (c.type() != CqlScalar.TEXT && c.type() != CqlScalar.ASCII)) {
          return false;
        }
        Binary literal = Binary.fromString((String) c.value());
        low = compareUnsigned((Binary) stats.genericGetMin(), literal);
        high = compareUnsigned((Binary) stats.genericGetMax(), literal);
      }
      default -> {
        return false;
      }
    }
    // low: min vs literal; high: max vs literal. The group cannot hold the comparison when:
    return switch (c.op()) {
      case "=" -> low > 0 || high < 0;
      case "<" -> low >= 0;
      case "<=" -> low > 0;
      case ">" -> high <= 0;
      default -> high < 0; // >=
    };
  }

  /** The literal in the column's stored units, or null when the column is not such a number. */
  private static Long longOf(RowFilter.Condition c, LogicalTypeAnnotation a) {
    if (c.value() instanceof Instant instant
        && a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
      return switch (t.getUnit()) {
        case MILLIS -> instant.toEpochMilli();
        case MICROS ->
            Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1_000;
        case NANOS ->
            Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L) + instant.getNano();
      };
    }
    boolean plainInteger =
        a == null
            || (a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned());
    if (plainInteger
        && (c.value() instanceof Long
            || c.value() instanceof Integer
            || c.value() instanceof Short
            || c.value() instanceof Byte)) {
      return ((Number) c.value()).longValue();
    }
    return null;
  }

  private static int compareUnsigned(Binary a, Binary b) {
    byte[] x = a.getBytes();
    byte[] y = b.getBytes();
    return java.util.Arrays.compareUnsigned(x, y);
  }
}
