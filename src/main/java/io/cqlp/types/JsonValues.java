package io.cqlp.types;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.GettableByIndex;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.cqlp.format.json.JsonValueReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Writes CQL values as typed JSON:
 *
 * <ul>
 *   <li>integers, varint, decimal, float and double as JSON numbers (exact digits; NaN and
 *       ±Infinity, which JSON cannot hold, as the strings {@code "NaN"}, {@code "Infinity"}, {@code
 *       "-Infinity"});
 *   <li>boolean as {@code true}/{@code false}; NULL as {@code null};
 *   <li>text, ascii, uuid, timeuuid and inet as strings;
 *   <li>timestamp as ISO-8601 UTC ({@code "2024-01-02T03:04:05.678Z"}), date as {@code
 *       "2024-01-02"}, time as {@code "12:34:56.123456789"}, duration as CQL's {@code "1mo2d3ns"};
 *   <li>blob as a {@code "0x..."} hex string, as CQL writes blob literals;
 *   <li>list, set, vector and tuple as arrays; map and UDT as objects, map keys as {@link
 *       #keyText}.
 * </ul>
 *
 * <p>{@link JsonValueReader} reads every value written here back to the same CQL value.
 *
 * <p>Stateless.
 */
public final class JsonValues {
  private static final ValueFormatter TEXT = new ValueFormatter();
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /**
   * Writes one value.
   *
   * @param json the generator, positioned where a value may go
   * @param value a value in the driver's Java types, or {@code null}
   * @throws IOException if the generator's output fails
   */
  public static void write(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
      json.writeNumber(((Number) value).intValue());
    } else if (value instanceof Long l) {
      json.writeNumber(l);
    } else if (value instanceof BigInteger i) {
      json.writeNumber(i);
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d.toString());
    } else if (value instanceof Float f) {
      writeFloating(json, f.doubleValue(), Float.toString(f));
    } else if (value instanceof Double d) {
      writeFloating(json, d, Double.toString(d));
    } else if (value instanceof Instant i) {
      json.writeString(i.toString());
    } else if (value instanceof LocalDate
        || value instanceof LocalTime
        || value instanceof CqlDuration) {
      json.writeString(TEXT.format(value));
    } else if (value instanceof UUID u) {
      json.writeString(CqlText.format(u));
    } else if (value instanceof InetAddress a) {
      json.writeString(CqlText.format(a));
    } else if (value instanceof ByteBuffer b) {
      json.writeString(ValueFormatter.hex(b));
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName(keyText(e.getKey()));
        write(json, e.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof Collection<?> items) {
      json.writeStartArray();
      for (Object item : items) {
        write(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof CqlVector<?> vector) {
      json.writeStartArray();
      for (Object item : vector) {
        write(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof UdtValue udt) {
      UserDefinedType type = udt.getType();
      json.writeStartObject();
      for (int i = 0; i < udt.size(); i++) {
        json.writeFieldName(type.getFieldNames().get(i).asInternal());
        write(json, field(udt, i));
      }
      json.writeEndObject();
    } else if (value instanceof TupleValue tuple) {
      json.writeStartArray();
      for (int i = 0; i < tuple.size(); i++) {
        write(json, field(tuple, i));
      }
      json.writeEndArray();
    } else {
      json.writeString(value.toString());
    }
  }

  /**
   * The text of a map key, which JSON must hold as a string: the key's JSON value text, its quotes
   * dropped when it is a string (a text, uuid, timestamp or blob key as {@link #write} writes it,
   * e.g. {@code 2024-01-02T03:04:05.678Z}; a number with all its digits, {@code NaN}; {@code
   * true}); a collection, tuple or UDT key (frozen) as its compact JSON text ({@code [1,2]}).
   *
   * @param key a non-null key in the driver's Java types
   * @return the key's text, never null
   */
  public static String keyText(Object key) {
    if (key instanceof String s) {
      return s;
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(json, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = out.toString();
    if (text.startsWith("\"")) {
      try (JsonParser parser = FACTORY.createParser(text)) {
        parser.nextToken();
        return parser.getText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text;
  }

  /** A field's value, null when its bytes are (getObject gives an empty collection then). */
  private static Object field(GettableByIndex value, int i) {
    return value.isNull(i) ? null : value.getObject(i);
  }

  private static void writeFloating(JsonGenerator json, double value, String exact)
      throws IOException {
    if (Double.isNaN(value)) {
      json.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      json.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      json.writeNumber(exact);
    }
  }
}
