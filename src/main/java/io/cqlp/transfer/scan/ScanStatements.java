package io.cqlp.transfer.scan;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cqlp.rows.TableSchema;
import io.cqlp.transfer.plan.ScanRange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The SELECTs of a table scan by token range: {@code SELECT <columns> FROM ks.t WHERE token(pk) > ?
 * AND token(pk) <= ?}, with one bound only for the ranges at the ring's ends and none for a
 * whole-ring scan, and the COPY's WHERE appended ({@link ScanFilter}). Each text is prepared once,
 * on first use, and bound with the range's tokens. Thread-safe.
 */
public final class ScanStatements {
  private final CqlSession session;
  private final String select;
  private final String token;
  private final String extra;
  private final String where;
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();

  /**
   * @param session prepares the statements
   * @param schema the table, its partition key and qualified name
   * @param selectList the quoted, comma-separated select list
   * @param where the COPY's WHERE condition without the word WHERE, or null for none
   */
  public ScanStatements(CqlSession session, TableSchema schema, String selectList, String where) {
    this.session = session;
    this.select = "SELECT " + selectList + " FROM " + schema.qualifiedName();
    this.token =
        "token("
            + schema.partitionKey().stream()
                .map(TableSchema::quote)
                .collect(Collectors.joining(", "))
            + ")";
    this.extra = ScanFilter.andCondition(where);
    this.where = ScanFilter.whereClause(where);
  }

  /**
   * The CQL text that scans {@code range}.
   *
   * @param range a token range; a null start or end is the ring's end
   * @return the SELECT with one marker per non-null bound, start first
   */
  public String text(ScanRange range) {
    if (range.start() != null && range.end() != null) {
      return select + " WHERE " + token + " > ? AND " + token + " <= ?" + extra;
    } else if (range.start() != null) {
      return select + " WHERE " + token + " > ?" + extra;
    } else if (range.end() != null) {
      return select + " WHERE " + token + " <= ?" + extra;
    }
    return select + where;
  }

  /**
   * The statement that scans {@code range}, its text prepared on first use.
   *
   * @throws com.datastax.oss.driver.api.core.servererrors.InvalidQueryException when the server
   *     refuses the text (a bad WHERE)
   */
  public BoundStatement bind(ScanRange range) {
    BoundStatement bound = prepared.computeIfAbsent(text(range), session::prepare).bind();
    if (range.start() != null) {
      bound = bound.setToken(0, range.start());
    }
    if (range.end() != null) {
      bound = bound.setToken(range.start() != null ? 1 : 0, range.end());
    }
    return bound;
  }
}
