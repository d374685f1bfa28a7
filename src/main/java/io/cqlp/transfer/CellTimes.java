package io.cqlp.transfer;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.cqlp.command.Options;
import io.cqlp.rows.TableSchema;
import io.cqlp.rows.TransferException;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each cell's write time and time to live, carried through a file: COPY TO {@code WITH
 * WRITETIME=true AND TTL=true} exports, after the table's columns, for each regular and static
 * column {@code c} (in table order) a column {@code writetime(c)} (bigint: microseconds since the
 * epoch, as CQL's {@code WRITETIME}; {@link ColumnKind#WRITETIME}, INT64 TIMESTAMP(MICROS, UTC) in
 * Parquet) and a column {@code ttl(c)} (int: seconds left at export, NULL when the cell does not
 * expire; {@link ColumnKind#TTL}), named as DSBulk names them. COPY FROM reads those columns when
 * the file has them (found by name: Parquet and JSON always, CSV with HEADER=true; WRITETIME=true
 * forces them, WRITETIME=false ignores them) and writes each row with {@code USING TIMESTAMP ? AND
 * TTL ?}, the cells of one row that have different write times or TTLs in separate statements, as
 * DSBulk does; a cell without a write time gets the write's own time, one without a TTL none. A TTL
 * is thus re-applied as the time that was left at export.
 *
 * <p>What cannot be kept is refused with one line, never dropped: a counter has no write time in
 * CQL; a non-frozen collection or user type has one write time per element (Cassandra 5.0's {@code
 * WRITETIME(c)} returns them as a list), which one INSERT restores only when they are all equal, so
 * an export fails on the first such value whose elements differ in write time or TTL. A frozen
 * collection or user type is one cell and is always kept.
 */
public final class CellTimes {
  /** The option naming write times. */
  public static final String WRITETIME = "WRITETIME";

  /** The option naming TTLs (on COPY FROM, a number is cqlsh's TTL for every row instead). */
  public static final String TTL = "TTL";

  private final int[] keyColumns;
  private final int[] cells;
  private final int[] writetimes;
  private final int[] ttls;

  private CellTimes(List<ColumnSpec> columns) {
    List<Integer> keys = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      if (c.kind() == ColumnKind.PARTITION_KEY || c.kind() == ColumnKind.CLUSTERING) {
        keys.add(i);
      } else if (!isTimeColumn(c)) {
        values.add(i);
      }
    }
    keyColumns = keys.stream().mapToInt(Integer::intValue).toArray();
    cells = values.stream().mapToInt(Integer::intValue).toArray();
    writetimes = new int[cells.length];
    ttls = new int[cells.length];
    for (int j = 0; j < cells.length; j++) {
      String name = columns.get(cells[j]).name();
      writetimes[j] = indexOf(columns, writetimeName(name));
      ttls[j] = indexOf(columns, ttlName(name));
    }
  }

  /** {@code writetime(c)}. */
  public static String writetimeName(String column) {
    return "writetime(" + column + ")";
  }

  /** {@code ttl(c)}. */
  public static String ttlName(String column) {
    return "ttl(" + column + ")";
  }

  /**
   * Whether a column is a {@code writetime(c)} or {@code ttl(c)} column, by its kind or its name.
   */
  public static boolean isTimeColumn(ColumnSpec column) {
    if (column.kind() == ColumnKind.WRITETIME || column.kind() == ColumnKind.TTL) {
      return true;
    }
    String n = column.name().toLowerCase(Locale.ROOT);
    return (n.startsWith("writetime(") || n.startsWith("ttl(")) && n.endsWith(")");
  }

  private static int indexOf(List<ColumnSpec> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether an option is given as a boolean flag ({@code true}/{@code false}, any case).
   *
   * @param options the command's options; not null
   * @param name WRITETIME or TTL
   */
  public static boolean flag(Options options, String name) {
    String v = options.getString(name, null);
    return v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"));
  }

  /**
   * Whether WRITETIME=false is given (and TTL is not true): an import then ignores time columns.
   */
  public static boolean refused(Options options) {
    return flag(options, WRITETIME) && !options.getBoolean(WRITETIME, false) && !requested(options);
  }

  /**
   * Whether rows read from a source may hold time columns, found by their names: Parquet (the
   * footer names the columns) and JSON (the keys) always; a CSV file only with HEADER=true and a
   * header naming a {@code writetime(c)} or {@code ttl(c)} column, since CSV fields are the table's
   * columns by position (as in cqlsh) and the table's columns come first in an export.
   *
   * @param source the source path as typed, or {@code STDIN}
   * @param input the resolved source, or null for STDIN
   * @param options the COPY FROM or VERIFY options
   * @throws TransferException when the CSV header cannot be read
   */
  public static boolean mayHoldTimes(String source, FileSources input, Options options) {
    io.cqlp.format.FileFormat format;
    try {
      format = io.cqlp.format.Formats.format(options, source);
    } catch (TransferException e) {
      return false;
    }
    if (format != io.cqlp.format.FileFormat.CSV) {
      return true;
    }
    if (input == null || input.dataset() || !options.getBoolean("HEADER", false)) {
      return false;
    }
    try {
      return io.cqlp.format.csv.CsvRowReader.firstRecord(
              input.location(), io.cqlp.format.csv.CsvOptions.from(options))
          .stream()
          .anyMatch(name -> isTimeColumn(ColumnSpec.regular(name, DataTypes.TEXT)));
    } catch (java.io.IOException e) {
      throw new TransferException(e.getMessage(), e);
    }
  }

  /** Whether WRITETIME=true or TTL=true is given. */
  public static boolean requested(Options options) {
    return (flag(options, WRITETIME) && options.getBoolean(WRITETIME, false))
        || (flag(options, TTL) && options.getBoolean(TTL, false));
  }

  /**
   * The columns an export with write times and TTLs writes: the table's, then {@code writetime(c)}
   * and {@code ttl(c)} for each regular and static column.
   *
   * @param columns the selected table columns; not null
   * @return the file's columns
   * @throws TransferException for a counter column
   */
  public static List<ColumnSpec> exportColumns(List<ColumnSpec> columns) {
    return withTimes(columns, true, false);
  }

  /**
   * The columns the scan of {@link #selectList} returns: as {@link #exportColumns}, but a
   * non-frozen collection's or user type's write times and TTLs are lists (one per element, as
   * Cassandra 5.0 returns them); {@link #collapse} makes them single values.
   */
  public static List<ColumnSpec> scanColumns(List<ColumnSpec> columns) {
    return withTimes(columns, true, true);
  }

  /**
   * The CQL select list of {@link #scanColumns}: the table's quoted columns then {@code
   * WRITETIME("c"), TTL("c")} for each regular and static column.
   */
  public static String selectList(List<ColumnSpec> columns) {
    StringBuilder out = new StringBuilder();
    for (ColumnSpec c : columns) {
      out.append(out.length() == 0 ? "" : ", ").append(TableSchema.quote(c.name()));
    }
    for (ColumnSpec c : columns) {
      if ((c.kind() == ColumnKind.REGULAR || c.kind() == ColumnKind.STATIC)
          && c.type() != DataTypes.COUNTER) {
        String q = TableSchema.quote(c.name());
        out.append(", WRITETIME(").append(q).append("), TTL(").append(q).append(')');
      }
    }
    return out.toString();
  }

  /**
   * The columns a file read with write times may hold: as {@link #exportColumns}, without those of
   * counter columns (which have none).
   */
  public static List<ColumnSpec> importColumns(List<ColumnSpec> columns) {
    return withTimes(columns, false, false);
  }

  private static List<ColumnSpec> withTimes(
      List<ColumnSpec> columns, boolean refuseCounters, boolean lists) {
    List<ColumnSpec> out = new ArrayList<>(columns);
    for (ColumnSpec c : columns) {
      if (c.kind() != ColumnKind.REGULAR && c.kind() != ColumnKind.STATIC) {
        continue;
      }
      if (c.type() == DataTypes.COUNTER) {
        if (refuseCounters) {
          throw new TransferException(
              "Column "
                  + c.name()
                  + " is a counter, which has no write time;"
                  + " export it without WRITETIME and TTL, or name the other columns.");
        }
        continue;
      }
      boolean many = lists && isMultiCell(c.type());
      out.add(
          new ColumnSpec(
              writetimeName(c.name()),
              many ? DataTypes.listOf(DataTypes.BIGINT) : DataTypes.BIGINT,
              ColumnKind.WRITETIME));
      out.add(
          new ColumnSpec(
              ttlName(c.name()),
              many ? DataTypes.listOf(DataTypes.INT) : DataTypes.INT,
              ColumnKind.TTL));
    }
    return out;
  }

  /**
   * Turns a scanned row ({@link #scanColumns}) into an exported one ({@link #exportColumns}) in
   * place: each list of element write times or TTLs becomes its one value (null for an empty or
   * null list).
   *
   * @param columns the table columns the scan selected (before the time columns); not null
   * @param row a row of {@link #scanColumns}; changed
   * @return {@code row}
   * @throws TransferException when a value's elements were written at different times or have
   *     different TTLs: one INSERT cannot restore them
   */
  public static Object[] collapse(List<ColumnSpec> columns, Object[] row) {
    int at = columns.size();
    for (ColumnSpec c : columns) {
      if ((c.kind() != ColumnKind.REGULAR && c.kind() != ColumnKind.STATIC)
          || c.type() == DataTypes.COUNTER) {
        continue;
      }
      if (isMultiCell(c.type())) {
        row[at] = single(columns, row, c, row[at], "written at different times");
        row[at + 1] = single(columns, row, c, row[at + 1], "with different TTLs");
      }
      at += 2;
    }
    return row;
  }

  private static Object single(
      List<ColumnSpec> columns, Object[] row, ColumnSpec c, Object value, String why) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    Object first = list.get(0);
    for (Object o : list) {
      if (!java.util.Objects.equals(o, first)) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
          ColumnKind k = columns.get(i).kind();
          if (k == ColumnKind.PARTITION_KEY || k == ColumnKind.CLUSTERING) {
            key.append(key.length() == 0 ? "" : ", ")
                .append(columns.get(i).name())
                .append('=')
                .append(row[i]);
          }
        }
        throw new TransferException(
            "Column "
                + c.name()
                + " ("
                + c.type().asCql(true, true)
                + ") of the row ("
                + key
                + ") holds elements "
                + why
                + " "
                + list
                + "; one INSERT restores a single write time and TTL"
                + " per value. Export without WRITETIME and TTL, or name the other columns.");
      }
    }
    return first;
  }

  /**
   * Whether values of a type are stored as one cell per element: a non-frozen list, set, map or
   * user type (Cassandra returns NULL for an empty one, and one write time per element).
   */
  public static boolean isMultiCell(DataType t) {
    return (t instanceof ListType l && !l.isFrozen())
        || (t instanceof SetType s && !s.isFrozen())
        || (t instanceof MapType m && !m.isFrozen())
        || (t instanceof UserDefinedType u && !u.isFrozen());
  }

  /**
   * A splitter for rows read with {@link #importColumns}.
   *
   * @param columns the columns of the rows as read (a file may lack some); not null
   */
  public static CellTimes forRows(List<ColumnSpec> columns) {
    return new CellTimes(columns);
  }

  /** The table columns among {@code columns}: those that are not write time or TTL columns. */
  public static List<ColumnSpec> tableColumns(List<ColumnSpec> columns) {
    return columns.stream().filter(c -> !isTimeColumn(c)).toList();
  }

  /**
   * One write of a row: the row with only some cells set, and their write time and TTL.
   *
   * @param values the row's values: keys, and the cells of this write; the others null
   * @param writetime microseconds since the epoch, or null for the write's own time
   * @param ttl seconds, or null for none
   */
  public record Write(Object[] values, Long writetime, Integer ttl) {}

  /**
   * Splits a row into writes, one per distinct (write time, TTL) of its non-null cells, in the
   * order their first cells appear; a row without non-null cells is one write of its keys.
   *
   * @throws TransferException for a negative TTL
   */
  public List<Write> split(Object[] row) {
    Map<List<Object>, Object[]> groups = new LinkedHashMap<>();
    for (int j = 0; j < cells.length; j++) {
      Object value = row[cells[j]];
      if (value == null) {
        continue;
      }
      Long writetime = writetimes[j] < 0 ? null : (Long) row[writetimes[j]];
      Integer ttl = ttls[j] < 0 ? null : (Integer) row[ttls[j]];
      Object[] values = groups.computeIfAbsent(Arrays.asList(writetime, ttl), k -> keysOf(row));
      values[cells[j]] = value;
    }
    if (groups.isEmpty()) {
      return List.of(new Write(keysOf(row), null, null));
    }
    List<Write> writes = new ArrayList<>(groups.size());
    groups.forEach((k, v) -> writes.add(new Write(v, (Long) k.get(0), (Integer) k.get(1))));
    return writes;
  }

  private Object[] keysOf(Object[] row) {
    Object[] values = new Object[row.length];
    for (int k : keyColumns) {
      values[k] = row[k];
    }
    return values;
  }
}
