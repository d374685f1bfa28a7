package io.cqlp.format.csv;

import com.datastax.oss.driver.api.core.ProtocolVersion;
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
import io.cqlp.types.CqlScalar;
import io.cqlp.types.CqlText;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of a CSV field back into a CQL value: the inverse of COPY TO's spelling ({@link
 * CsvOptions#formatter()}). Scalars go through {@link CqlText} after the CSV options are undone:
 * BOOLSTYLE words (and {@code true}/{@code false}), THOUSANDSSEP removed and DECIMALSEP read as
 * {@code .}, timestamps in DATETIMEFORMAT (else ISO-8601, else milliseconds since the epoch, as
 * cqlsh's COPY FROM accepts), blobs as {@code 0x} and hex digits, durations as CQL writes them
 * ({@code 1h30m}, ISO-8601 {@code PT1H30M}). Lists, sets, maps, user types, tuples and vectors are
 * CQL literals ({@code [1, 2]}, {@code {'a': 1}}, {@code {f: 'x'}}, {@code (1, 'a')}) whose
 * elements may be quoted with {@code '} ({@code ''} inside) and whose {@code null} elements are
 * NULL fields. Stateless besides its options; thread-safe.
 */
public final class CsvValueParser {
  private final CsvOptions options;
  private final CodecRegistry codecs = CodecRegistry.DEFAULT;

  /** Whether a comma can be part of a bare number, so that only ", " separates elements. */
  private final boolean commaInNumbers;

  /**
   * @param options the CSV options whose spelling is read; not null
   */
  public CsvValueParser(CsvOptions options) {
    this.options = options;
    this.commaInNumbers =
        options.decimalSeparator() == ',' || options.thousandsSeparator().contains(",");
  }

  /**
   * Parses one field.
   *
   * @param type the column's CQL type
   * @param text the field's text, not null (NULL fields are handled by the caller)
   * @return the value as the driver's Java type; {@code null} for a composite's literal {@code
   *     null}
   * @throws IllegalArgumentException with a short reason quoting the value when it is not a value
   *     of the type
   */
  public Object parse(DataType type, String text) {
    if (isComposite(type)) {
      Cursor c = new Cursor(text);
      c.skipSpace();
      Object value = composite(type, c);
      c.skipSpace();
      if (!c.atEnd()) {
        throw new IllegalArgumentException(
            "unexpected "
                + CqlText.quote(text.substring(c.pos))
                + " after the "
                + type.asCql(false, true)
                + " literal");
      }
      return value;
    }
    return scalar(type, text);
  }

  private static boolean isComposite(DataType type) {
    return type instanceof ListType
        || type instanceof SetType
        || type instanceof MapType
        || type instanceof UserDefinedType
        || type instanceof TupleType
        || type instanceof VectorType;
  }

  /** A scalar from its unquoted text. */
  Object scalar(DataType type, String text) {
    if (type.equals(DataTypes.BLOB)) {
      return blob(text);
    }
    if (type.equals(DataTypes.DURATION)) {
      try {
        return CqlDuration.from(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            CqlText.quote(text) + " is not a duration (e.g. 1h30m or PT1H30M)");
      }
    }
    CqlScalar scalar =
        CqlScalar.of(type)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "type " + type.asCql(false, true) + " cannot be read from CSV"));
    return switch (scalar) {
      case BOOLEAN -> bool(text);
      case TINYINT, SMALLINT, INT, BIGINT, COUNTER, VARINT ->
          CqlText.parse(scalar, withoutThousands(text));
      case FLOAT, DOUBLE, DECIMAL -> CqlText.parse(scalar, decimal(text));
      case TIMESTAMP -> timestamp(text);
      default -> CqlText.parse(scalar, text);
    };
  }

  private Boolean bool(String text) {
    String t = text.strip();
    if (t.equalsIgnoreCase(options.trueText()) || t.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (t.equalsIgnoreCase(options.falseText()) || t.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(
        CqlText.quote(text) + " is not " + options.trueText() + " or " + options.falseText());
  }

  private String withoutThousands(String text) {
    String sep = options.thousandsSeparator();
    return sep.isEmpty() ? text : text.replace(sep, "");
  }

  private String decimal(String text) {
    String t = withoutThousands(text);
    return options.decimalSeparator() == '.' ? t : t.replace(options.decimalSeparator(), '.');
  }

  private Instant timestamp(String text) {
    try {
      Instant instant = options.timestamps().parse(text, Instant::from);
      if (instant.getNano() % 1_000_000 != 0) {
        if (options.truncateSubMillis()) {
          return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }
        throw new IllegalArgumentException(
            CqlText.quote(text)
                + " has sub-millisecond digits; a CQL timestamp"
                + " holds milliseconds ("
                + CqlText.SUB_MILLIS_HINT
                + ")");
      }
      return instant;
    } catch (DateTimeParseException e) {
      // not in DATETIMEFORMAT: ISO-8601 or epoch milliseconds below
    }
    if (text.matches("-?\\d{1,19}") && !text.matches("\\d{4}")) {
      return Instant.ofEpochMilli(Long.parseLong(text));
    }
    return CqlText.parseTimestamp(text, options.truncateSubMillis());
  }

  private static ByteBuffer blob(String text) {
    if (!(text.startsWith("0x") || text.startsWith("0X")) || text.length() % 2 != 0) {
      throw new IllegalArgumentException(
          CqlText.quote(text) + " is not a blob (0x and hex digits)");
    }
    byte[] bytes = new byte[(text.length() - 2) / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(text.charAt(2 + 2 * i), 16);
      int lo = Character.digit(text.charAt(3 + 2 * i), 16);
      if (hi < 0 || lo < 0) {
        throw new IllegalArgumentException(
            CqlText.quote(text) + " is not a blob (0x and hex digits)");
      }
      bytes[i] = (byte) (hi << 4 | lo);
    }
    return ByteBuffer.wrap(bytes);
  }

  private Object composite(DataType type, Cursor c) {
    if (type instanceof ListType l) {
      return elements(l.getElementType(), c, '[', ']', new ArrayList<>());
    }
    if (type instanceof SetType s) {
      return elements(s.getElementType(), c, '{', '}', new LinkedHashSet<>());
    }
    if (type instanceof VectorType v) {
      List<Object> values = elements(v.getElementType(), c, '[', ']', new ArrayList<>());
      if (values.size() != v.getDimensions()) {
        throw new IllegalArgumentException(
            "a "
                + type.asCql(false, true)
                + " needs "
                + v.getDimensions()
                + " elements, not "
                + values.size());
      }
      return CqlVector.newInstance(values);
    }
    if (type instanceof MapType m) {
      return map(m, c);
    }
    if (type instanceof UserDefinedType u) {
      return udt(u, c);
    }
    return tuple((TupleType) type, c);
  }

  private <C extends java.util.Collection<Object>> C elements(
      DataType element, Cursor c, char open, char close, C out) {
    c.expect(open);
    c.skipSpace();
    if (c.take(close)) {
      return out;
    }
    do {
      Object v = element(element, c);
      if (v == null) {
        throw new IllegalArgumentException("a collection cannot hold null");
      }
      out.add(v);
      c.skipSpace();
    } while (c.take(','));
    c.expect(close);
    return out;
  }

  private Map<Object, Object> map(MapType type, Cursor c) {
    Map<Object, Object> out = new LinkedHashMap<>();
    c.expect('{');
    c.skipSpace();
    if (c.take('}')) {
      return out;
    }
    do {
      Object key = element(type.getKeyType(), c);
      c.skipSpace();
      c.expect(':');
      Object value = element(type.getValueType(), c);
      if (key == null || value == null) {
        throw new IllegalArgumentException("a map cannot hold null");
      }
      out.put(key, value);
      c.skipSpace();
    } while (c.take(','));
    c.expect('}');
    return out;
  }

  private UdtValue udt(UserDefinedType type, Cursor c) {
    UdtValue value = type.newValue();
    c.expect('{');
    c.skipSpace();
    if (c.take('}')) {
      return value;
    }
    do {
      c.skipSpace();
      String name = c.fieldName();
      int index =
          type.firstIndexOf(com.datastax.oss.driver.api.core.CqlIdentifier.fromInternal(name));
      if (index < 0) {
        index =
            type.firstIndexOf(
                com.datastax.oss.driver.api.core.CqlIdentifier.fromInternal(
                    name.toLowerCase(java.util.Locale.ROOT)));
      }
      if (index < 0) {
        throw new IllegalArgumentException(
            "user type " + type.getName().asCql(true) + " has no field " + CqlText.quote(name));
      }
      c.skipSpace();
      c.expect(':');
      DataType fieldType = type.getFieldTypes().get(index);
      value = value.setBytesUnsafe(index, encode(fieldType, element(fieldType, c)));
      c.skipSpace();
    } while (c.take(','));
    c.expect('}');
    return value;
  }

  private TupleValue tuple(TupleType type, Cursor c) {
    TupleValue value = type.newValue();
    List<DataType> types = type.getComponentTypes();
    c.expect('(');
    c.skipSpace();
    int i = 0;
    if (!c.take(')')) {
      do {
        if (i >= types.size()) {
          throw new IllegalArgumentException(
              "a " + type.asCql(false, true) + " has " + types.size() + " fields");
        }
        value = value.setBytesUnsafe(i, encode(types.get(i), element(types.get(i), c)));
        i++;
        c.skipSpace();
      } while (c.take(','));
      c.expect(')');
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private ByteBuffer encode(DataType type, Object value) {
    if (value == null) {
      return null;
    }
    TypeCodec<Object> codec = (TypeCodec<Object>) (TypeCodec<?>) codecs.codecFor(type);
    return codec.encode(value, ProtocolVersion.DEFAULT);
  }

  /** One element of a literal: a nested literal, a quoted text, {@code null} or a bare word. */
  private Object element(DataType type, Cursor c) {
    c.skipSpace();
    if (isComposite(type)) {
      if (c.takeWord("null")) {
        return null;
      }
      return composite(type, c);
    }
    if (c.peek() == '\'') {
      return scalar(type, c.quoted());
    }
    String word = c.bare(commaInNumbers);
    if (word.isEmpty() && type.equals(DataTypes.DURATION)) {
      return CqlDuration.newInstance(0, 0, 0); // cqlsh writes a zero duration as nothing
    }
    if (word.isEmpty()) {
      throw new IllegalArgumentException("a value is missing at position " + (c.pos + 1));
    }
    return word.equals("null") ? null : scalar(type, word);
  }

  /** A position in a literal's text. */
  private static final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(pos);
    }

    void skipSpace() {
      while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    boolean take(char ch) {
      if (peek() == ch) {
        pos++;
        return true;
      }
      return false;
    }

    boolean takeWord(String word) {
      if (text.startsWith(word, pos)) {
        int end = pos + word.length();
        if (end == text.length()
            || ",:]})".indexOf(text.charAt(end)) >= 0
            || Character.isWhitespace(text.charAt(end))) {
          pos = end;
          return true;
        }
      }
      return false;
    }

    void expect(char ch) {
      if (!take(ch)) {
        throw new IllegalArgumentException(
            "expected '" + ch + "' at position " + (pos + 1) + " of " + CqlText.quote(text));
      }
    }

    /** A {@code '...'} text with {@code ''} for a quote inside. */
    String quoted() {
      expect('\'');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw new IllegalArgumentException("unterminated quoted text in " + CqlText.quote(text));
        }
        char ch = text.charAt(pos++);
        if (ch == '\'') {
          if (peek() == '\'') {
            pos++;
          } else {
            return out.toString();
          }
        }
        out.append(ch);
      }
    }

    /**
     * A bare word up to the next element separator: {@code ]}, {@code \}}, {@code )}, a colon
     * followed by a space (a time of day holds colons), or a comma (only a comma followed by a
     * space when commas can be in numbers).
     */
    String bare(boolean commaInNumbers) {
      int start = pos;
      while (!atEnd()) {
        char ch = text.charAt(pos);
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        if (ch == ']'
            || ch == '}'
            || ch == ')'
            || (ch == ':' && Character.isWhitespace(next))
            || (ch == ',' && (!commaInNumbers || Character.isWhitespace(next)))) {
          break;
        }
        pos++;
      }
      return text.substring(start, pos).strip();
    }

    /** A user type field name, bare or in double quotes. */
    String fieldName() {
      if (take('"')) {
        int end = text.indexOf('"', pos);
        if (end < 0) {
          throw new IllegalArgumentException("unterminated field name in " + CqlText.quote(text));
        }
        String name = text.substring(pos, end);
        pos = end + 1;
        return name;
      }
      int start = pos;
      while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
        pos++;
      }
      return text.substring(start, pos);
    }
  }
}
