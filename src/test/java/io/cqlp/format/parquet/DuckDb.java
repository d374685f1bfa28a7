package io.cqlp.format.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory DuckDB, the test oracle for what other tools see in a Parquet file. */
final class DuckDb implements AutoCloseable {
  private final Connection connection;

  private DuckDb(Connection connection) {
    this.connection = connection;
  }

  static DuckDb open() throws SQLException {
    return new DuckDb(DriverManager.getConnection("jdbc:duckdb:"));
  }

  /** A path as a SQL string literal. */
  static String lit(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  void exec(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  List<Object[]> rows(String sql) throws SQLException {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<Object[]> out = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = rs.getObject(i + 1);
        }
        out.add(row);
      }
      return out;
    }
  }

  Object value(String sql) throws SQLException {
    return rows(sql).get(0)[0];
  }

  /** Column name to DuckDB type of a Parquet file, in file order. */
  Map<String, String> describe(Path file) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (Object[] r : rows("DESCRIBE SELECT * FROM read_parquet(" + lit(file) + ")")) {
      types.put((String) r[0], (String) r[1]);
    }
    return types;
  }

  /** The footer's key-value metadata as DuckDB reads it. */
  Map<String, String> keyValues(Path file) throws SQLException {
    Map<String, String> kv = new LinkedHashMap<>();
    for (Object[] r : rows("SELECT decode(key), decode(value) FROM parquet_kv_metadata("
        + lit(file) + ")")) {
      kv.put((String) r[0], (String) r[1]);
    }
    return kv;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
