package io.cqlp.format.json;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import io.cqlp.types.JsonValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON value into the Java value of a CQL type, exactly or not at all: the inverse of
 * {@link JsonValues#write}. Accepted per type:
 *
 * <ul>
 *   <li>integers, varint: a JSON integer within the type's range; decimal: any JSON number, its
 *       digits and scale kept ({@code 1.50} stays 1.50); float, double: a JSON number (read as CQL
 *       reads a float literal) or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 *   <li>boolean: {@code true}/{@code false};
 *   <li>every scalar but blob also from a JSON string, parsed by {@link CqlText} (so {@code
 *       "12345678901234567890"} loads into a varint);
 *   <li>blob: a string {@code "0x..."} of hex digits; duration: a string in CQL's form ({@code
 *       "1mo2d3ns"}, ISO-8601 {@code "P1M2D"} too; {@code ""}, which the driver's text of a zero
 *       duration is, for zero);
 *   <li>list, set, vector, tuple: a JSON array (a vector of its exact dimension, a tuple of at most
 *       its fields); map: a JSON object whose keys are read as {@link JsonValues#keyText}; UDT: a
 *       JSON object whose keys are field names (a field missing is NULL).
 * </ul>
 *
 * JSON {@code null} is NULL at the top level and inside tuples and UDTs; a collection cannot hold
 * NULL (CQL's rule) and refuses it. Stateless; thread-safe.
 */
public final class JsonValueReader {
  private static final JsonFactory FACTORY = new JsonFactory();

  private static final JsonValueReader REJECTING = new JsonValueReader(false);
  private static final JsonValueReader TRUNCATING = new JsonValueReader(true);

  private final boolean truncateSubMillis;

  private JsonValueReader(boolean truncateSubMillis) {
    this.truncateSubMillis = truncateSubMillis;
  }

  /**
   * A reader that refuses timestamps with digits below the millisecond ({@link
   * io.cqlp.format.PrecisionLoss#REJECT}, what {@link #read} does) or rounds them down ({@link
   * io.cqlp.format.PrecisionLoss#TRUNCATE}).
   */
  public static JsonValueReader of(io.cqlp.format.PrecisionLoss loss) {
    return loss == io.cqlp.format.PrecisionLoss.TRUNCATE ? TRUNCATING : REJECTING;
  }

  /**
   * Reads the value at the parser's current token.
   *
   * @param json a parser whose current token starts a value; after the call it is on the value's
   *     last token
   * @param type the target CQL type
   * @return the value in the driver's Java types, or {@code null} for JSON null
   * @throws IllegalArgumentException if the value is not a value of {@code type}: a short reason
   *     quoting the value, to be prefixed with its location by the caller
   * @throws IOException if the JSON itself is malformed
   */
  public static Object read(JsonParser json, DataType type) throws IOException {
    return REJECTING.value(json, type);
  }

  /**
   * As {@link #read}, with this reader's handling of sub-millisecond timestamps.
   *
   * @throws IllegalArgumentException if the value is not a value of {@code type}
   * @throws IOException if the JSON itself is malformed
   */
  public Object value(JsonParser json, DataType type) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (type instanceof ListType list) {
      return elements(json, list.getElementType(), new ArrayList<>(), "list", type);
    }
    if (type instanceof SetType set) {
      return elements(json, set.getElementType(), new LinkedHashSet<>(), "set", type);
    }
    if (type instanceof VectorType vector) {
      List<Object> items =
          elements(json, vector.getElementType(), new ArrayList<>(), "vector", type);
      if (items.size() != vector.getDimensions()) {
        throw new IllegalArgumentException(
            "a "
                + cql(type)
                + " needs "
                + vector.getDimensions()
                + " elements, found "
                + items.size());
      }
      return CqlVector.newInstance(items);
    }
    if (type instanceof MapType map) {
      return map(json, map);
    }
    if (type instanceof UserDefinedType udt) {
      return udt(json, udt);
    }
    if (type instanceof TupleType tuple) {
      return tuple(json, tuple);
    }
    return scalar(json, type);
  }

  /**
   * Reads a map key's text (as {@link JsonValues#keyText} writes it) into a value of {@code type}.
   *
   * @throws IllegalArgumentException if the text is not a value of the type
   */
  public static Object readKey(String text, DataType type) throws IOException {
    return REJECTING.key(text, type);
  }

  private Object key(String text, DataType type) throws IOException {
    if (type == DataTypes.BLOB || type == DataTypes.DURATION || CqlScalar.of(type).isPresent()) {
      return fromString(text, type);
    }
    try (JsonParser key = FACTORY.createParser(text)) {
      key.nextToken();
      Object value = value(key, type);
      if (key.nextToken() != null) {
        throw new IllegalArgumentException(
            "map key " + CqlText.quote(text) + " is not a " + cql(type));
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "map key " + CqlText.quote(text) + " is not a " + cql(type));
    }
  }

  private Object scalar(JsonParser json, DataType type) throws IOException {
    JsonToken token = json.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return fromString(json.getText(), type);
    }
    CqlScalar scalar = CqlScalar.of(type).orElse(null);
    if (scalar == null || token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
      throw refused(json, type);
    }
    switch (scalar) {
      case TINYINT, SMALLINT, INT, BIGINT, COUNTER, VARINT:
        if (token != JsonToken.VALUE_NUMBER_INT) {
          throw refused(json, type);
        }
        return CqlText.parse(scalar, json.getText());
      case FLOAT, DOUBLE, DECIMAL:
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
          throw refused(json, type);
        }
        return CqlText.parse(scalar, json.getText());
      case BOOLEAN:
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
          return token == JsonToken.VALUE_TRUE;
        }
        throw refused(json, type);
      default:
        throw refused(json, type);
    }
  }

  private Object fromString(String text, DataType type) {
    if (type == DataTypes.BLOB) {
      return blob(text);
    }
    if (type == DataTypes.DURATION) {
      if (text.isEmpty()) {
        return CqlDuration.newInstance(0, 0, 0);
      }
      try {
        return CqlDuration.from(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            CqlText.quote(text) + " is not a duration (e.g. 1mo2d3h4m5s)");
      }
    }
    CqlScalar scalar =
        CqlScalar.of(type)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a string " + CqlText.quote(text) + " is not a " + cql(type)));
    return scalar == CqlScalar.TIMESTAMP
        ? CqlText.parseTimestamp(text, truncateSubMillis)
        : CqlText.parse(scalar, text);
  }

  private static ByteBuffer blob(String text) {
    if (!(text.startsWith("0x") || text.startsWith("0X")) || text.length() % 2 != 0) {
      throw new IllegalArgumentException(
          CqlText.quote(text) + " is not a blob (0x then hex digits)");
    }
    byte[] bytes = new byte[(text.length() - 2) / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(text.charAt(2 + 2 * i), 16);
      int lo = Character.digit(text.charAt(3 + 2 * i), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(
            CqlText.quote(text) + " is not a blob (0x then hex digits)");
      }
      bytes[i] = (byte) (hi << 4 | lo);
    }
    return ByteBuffer.wrap(bytes);
  }

  private <C extends java.util.Collection<Object>> C elements(
      JsonParser json, DataType element, C out, String what, DataType type) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw refused(json, type);
    }
    while (json.nextToken() != JsonToken.END_ARRAY) {
      Object value = value(json, element);
      if (value == null) {
        throw new IllegalArgumentException(
            "a " + what + " cannot hold null (element " + (out.size() + 1) + ")");
      }
      if (!out.add(value)) {
        throw new IllegalArgumentException(
            "a set cannot hold " + CqlText.quote(String.valueOf(value)) + " twice");
      }
    }
    return out;
  }

  private Map<Object, Object> map(JsonParser json, MapType type) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw refused(json, type);
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String keyText = json.currentName();
      Object key = key(keyText, type.getKeyType());
      json.nextToken();
      Object value = value(json, type.getValueType());
      if (value == null) {
        throw new IllegalArgumentException(
            "a map cannot hold a null value (key " + CqlText.quote(keyText) + ")");
      }
      if (out.put(key, value) != null) {
        throw new IllegalArgumentException("map key " + CqlText.quote(keyText) + " appears twice");
      }
    }
    return out;
  }

  private UdtValue udt(JsonParser json, UserDefinedType type) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw refused(json, type);
    }
    UdtValue out = type.newValue();
    Set<String> seen = new java.util.HashSet<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      int i = type.firstIndexOf(CqlIdentifier.fromInternal(name));
      if (i < 0) {
        throw new IllegalArgumentException(
            cql(type)
                + " has no field '"
                + name
                + "'; its fields are "
                + type.getFieldNames().stream().map(CqlIdentifier::asInternal).toList());
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("field '" + name + "' appears twice");
      }
      json.nextToken();
      DataType fieldType = type.getFieldTypes().get(i);
      Object value = field(json, fieldType, "field '" + name + "'");
      if (value != null) {
        out = out.set(i, value, codec(out.codecRegistry(), fieldType));
      }
    }
    return out;
  }

  private TupleValue tuple(JsonParser json, TupleType type) throws IOException {
    if (json.currentToken() != JsonToken.START_ARRAY) {
      throw refused(json, type);
    }
    TupleValue out = type.newValue();
    int i = 0;
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (i >= type.getComponentTypes().size()) {
        throw new IllegalArgumentException(
            "a "
                + cql(type)
                + " has "
                + type.getComponentTypes().size()
                + " fields; more were given");
      }
      DataType fieldType = type.getComponentTypes().get(i);
      Object value = field(json, fieldType, "tuple field " + (i + 1));
      if (value != null) {
        out = out.set(i, value, codec(out.codecRegistry(), fieldType));
      }
      i++;
    }
    return out;
  }

  private Object field(JsonParser json, DataType type, String where) throws IOException {
    try {
      return value(json, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static TypeCodec<Object> codec(CodecRegistry registry, DataType type) {
    return registry.codecFor(type);
  }

  private static IllegalArgumentException refused(JsonParser json, DataType type)
      throws IOException {
    JsonToken token = json.currentToken();
    String shown =
        switch (token) {
          case START_ARRAY -> "an array";
          case START_OBJECT -> "an object";
          case VALUE_STRING -> "the string " + CqlText.quote(json.getText());
          default -> CqlText.quote(json.getText());
        };
    return new IllegalArgumentException(shown + " is not a " + cql(type));
  }

  private static String cql(DataType type) {
    return type.asCql(false, true);
  }
}
