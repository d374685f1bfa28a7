package io.cqlp.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB in process, the reader that judges every file cqlp writes in the tests. Each instance is
 * one in-memory database in UTC.
 */
public final class DuckDb implements AutoCloseable {
  private final Connection connection;

  /** Opens an in-memory DuckDB with its time zone set to UTC. */
  public DuckDb() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    execute("SET TimeZone = 'UTC'");
  }

  /** Runs a statement that returns no rows. */
  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Every row of a query, each as a list of JDBC objects. */
  public List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int c = 1; c <= columns; c++) {
          row.add(result.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The single value of a one-row, one-column query. */
  public Object value(String sql) throws SQLException {
    List<List<Object>> rows = rows(sql);
    if (rows.size() != 1 || rows.get(0).size() != 1) {
      throw new IllegalStateException("expected one value from " + sql + ", got " + rows);
    }
    return rows.get(0).get(0);
  }

  /** The single value of a query, as a long. */
  public long longValue(String sql) throws SQLException {
    return ((Number) value(sql)).longValue();
  }

  /**
   * Column name to DuckDB type of a Parquet file, in file order, as {@code DESCRIBE} gives them
   * (e.g. {@code INTEGER[]}, {@code STRUCT(a INTEGER, b VARCHAR)}).
   */
  public Map<String, String> describe(Object parquetFile) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (List<Object> r :
        rows("DESCRIBE SELECT * FROM read_parquet(" + literal(parquetFile) + ")")) {
      types.put((String) r.get(0), (String) r.get(1));
    }
    return types;
  }

  /** The footer's key-value metadata of a Parquet file, as DuckDB reads it. */
  public Map<String, String> keyValues(Object parquetFile) throws SQLException {
    Map<String, String> kv = new LinkedHashMap<>();
    for (List<Object> r :
        rows(
            "SELECT decode(key), decode(value) FROM parquet_kv_metadata("
                + literal(parquetFile)
                + ")")) {
      kv.put((String) r.get(0), (String) r.get(1));
    }
    return kv;
  }

  /** A path as a SQL string literal. */
  public static String literal(Object path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
