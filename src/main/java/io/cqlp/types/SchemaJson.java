package io.cqlp.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small JSON document that describes the CQL table a file was exported from, stored with the
 * file (in Parquet, as the footer key-value entry {@code cqlp.schema}). It lets an import tell
 * apart what the file format alone cannot: timeuuid from uuid, varint or decimal text from plain
 * text, a set from a list.
 *
 * <p>Shape: {@code {"keyspace":"ks","table":"t","columns":[{"name":"id","cql_type":"bigint",
 * "kind":"partition_key"}, ...]}}, where {@code cql_type} is the driver's {@code
 * DataType.asCql(false, true)} (no {@code frozen<>}, user types by name) and {@code kind} is one
 * of {@code partition_key}, {@code clustering}, {@code static}, {@code regular}. Keyspace and
 * table are JSON null when unknown.
 */
public final class SchemaJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One column as the document states it.
   *
   * @param name column name, case kept; not null
   * @param cqlType CQL type text, e.g. {@code bigint} or {@code map<text, int>}; not null
   * @param kind the column's role; not null
   */
  public record Column(String name, String cqlType, ColumnKind kind) {}

  /**
   * The document.
   *
   * @param keyspace keyspace name, or null if unknown
   * @param table table name, or null if unknown
   * @param columns the columns in file order; not null
   */
  public record Document(String keyspace, String table, List<Column> columns) {}

  private SchemaJson() {}

  /**
   * Writes the document for the given columns.
   *
   * @param keyspace keyspace name, or null if unknown
   * @param table table name, or null if unknown
   * @param columns the columns in file order; not null
   * @return compact JSON text
   */
  public static String write(String keyspace, String table, List<ColumnSpec> columns) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("keyspace", keyspace);
    root.put("table", table);
    ArrayNode cols = root.putArray("columns");
    for (ColumnSpec c : columns) {
      ObjectNode col = cols.addObject();
      col.put("name", c.name());
      col.put("cql_type", c.type().asCql(false, true));
      col.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema document", e);
    }
  }

  /**
   * Reads a document written by {@link #write}.
   *
   * @param json the JSON text; not null
   * @return the document
   * @throws IllegalArgumentException if the text is not such a document (one-line reason)
   */
  public static Document parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the cqlp schema document is not valid JSON");
    }
    if (root == null || !root.isObject() || !root.path("columns").isArray()) {
      throw new IllegalArgumentException("the cqlp schema document has no \"columns\" array");
    }
    List<Column> columns = new ArrayList<>();
    for (JsonNode col : root.get("columns")) {
      String name = col.path("name").asText(null);
      String type = col.path("cql_type").asText(null);
      String kind = col.path("kind").asText("regular");
      if (name == null || type == null) {
        throw new IllegalArgumentException(
            "a column of the cqlp schema document lacks \"name\" or \"cql_type\"");
      }
      ColumnKind k;
      try {
        k = ColumnKind.valueOf(kind.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "column '" + name + "' of the cqlp schema document has an unknown kind '" + kind + "'");
      }
      columns.add(new Column(name, type, k));
    }
    return new Document(text(root, "keyspace"), text(root, "table"), List.copyOf(columns));
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
