package io.cqlp.types;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The small JSON document that describes the CQL table a file was exported from, stored with the
 * file (in Parquet, as the footer key-value entry {@code cqlp.schema}). It lets an import tell
 * apart what the file format alone cannot: timeuuid from uuid, varint or decimal text from plain
 * text, a set from a list.
 *
 * <p>Shape: {@code {"keyspace":"ks","table":"t","columns":[{"name":"id","cql_type":"bigint",
 * "kind":"partition_key"}, ...]}}, where {@code cql_type} is the driver's {@code
 * DataType.asCql(true, true)} (with {@code frozen<>}, which tells whether an empty collection is
 * distinct from null; user types as {@code keyspace.name}) and {@code kind} is one of {@code
 * partition_key}, {@code clustering}, {@code static}, {@code regular}, {@code writetime} or {@code
 * ttl} (see {@link ColumnKind}). Keyspace and table are JSON null when unknown. When a column's
 * type uses user-defined types, {@code "user_types"} lists them, inner types first, each as {@code
 * {"keyspace":"ks","name":"address","fields":[{"name":"street", "cql_type":"text"}, ...]}}: enough
 * to recreate them.
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
   * A user-defined type the columns use.
   *
   * @param keyspace its keyspace; not null
   * @param name its name; not null
   * @param fields its fields, in order, as name and CQL type; not null
   */
  public record UserType(String keyspace, String name, List<Field> fields) {}

  /**
   * A field of a user-defined type.
   *
   * @param name field name, case kept; not null
   * @param cqlType CQL type text, as for columns; not null
   */
  public record Field(String name, String cqlType) {}

  /**
   * The document.
   *
   * @param keyspace keyspace name, or null if unknown
   * @param table table name, or null if unknown
   * @param columns the columns in file order; not null
   * @param userTypes the user-defined types the columns use, inner ones first; empty if none
   */
  public record Document(
      String keyspace, String table, List<Column> columns, List<UserType> userTypes) {}

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
      col.put("cql_type", c.type().asCql(true, true));
      col.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
    }
    Map<String, UserDefinedType> udts = new LinkedHashMap<>();
    for (ColumnSpec c : columns) {
      collectUserTypes(c.type(), udts);
    }
    if (!udts.isEmpty()) {
      ArrayNode types = root.putArray("user_types");
      for (UserDefinedType u : udts.values()) {
        ObjectNode type = types.addObject();
        type.put("keyspace", u.getKeyspace().asInternal());
        type.put("name", u.getName().asInternal());
        ArrayNode fields = type.putArray("fields");
        for (int i = 0; i < u.getFieldNames().size(); i++) {
          fields
              .addObject()
              .put("name", u.getFieldNames().get(i).asInternal())
              .put("cql_type", u.getFieldTypes().get(i).asCql(true, true));
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the schema document", e);
    }
  }

  /** Adds the user types within a type to the map, inner types before the types using them. */
  private static void collectUserTypes(DataType type, Map<String, UserDefinedType> found) {
    if (type instanceof UserDefinedType u) {
      u.getFieldTypes().forEach(f -> collectUserTypes(f, found));
      found.putIfAbsent(u.getKeyspace().asInternal() + "." + u.getName().asInternal(), u);
    } else if (type instanceof ListType l) {
      collectUserTypes(l.getElementType(), found);
    } else if (type instanceof SetType s) {
      collectUserTypes(s.getElementType(), found);
    } else if (type instanceof MapType m) {
      collectUserTypes(m.getKeyType(), found);
      collectUserTypes(m.getValueType(), found);
    } else if (type instanceof TupleType t) {
      t.getComponentTypes().forEach(c -> collectUserTypes(c, found));
    } else if (type instanceof VectorType v) {
      collectUserTypes(v.getElementType(), found);
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
    List<UserType> userTypes = new ArrayList<>();
    for (JsonNode type : root.path("user_types")) {
      List<Field> fields = new ArrayList<>();
      for (JsonNode f : type.path("fields")) {
        fields.add(new Field(f.path("name").asText(), f.path("cql_type").asText()));
      }
      userTypes.add(
          new UserType(
              type.path("keyspace").asText(), type.path("name").asText(), List.copyOf(fields)));
    }
    return new Document(
        text(root, "keyspace"), text(root, "table"), List.copyOf(columns), List.copyOf(userTypes));
  }

  private static String text(JsonNode root, String field) {
    JsonNode n = root.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
