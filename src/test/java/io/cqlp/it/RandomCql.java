package io.cqlp.it;

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
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.cqlp.types.CqlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random values of any CQL type, in the driver's Java types, from a seeded generator: the same seed
 * gives the same values. About one value in five is an edge value of its type (NaN, infinities,
 * -0.0, integer limits, dates and timestamps far from 1970, varints beyond 2^64, decimals with
 * scale 1000 or negative scales, astral-plane text, IPv6, empty collections, all-null user types
 * and tuples). Collections never hold nulls (CQL refuses them); fields of user types and tuples are
 * null one time in five.
 *
 * <p>With {@code duckSafe}, values stay within what DuckDB holds: timestamps and dates in years 1
 * to 9999, no NUL character in text. Otherwise dates and timestamps reach CQL's limits.
 */
final class RandomCql {
  private static final String[] ALPHABETS = {
    "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789",
    "'\"\\,;:{}[]()-_.!?\t\n\r%$",
    "éèüßñçøåÆŒ€£¥°µ",
    "東京日本語中文한국어",
    "\uD83D\uDE00\uD83D\uDE80\uD834\uDD1E\uD83C\uDF89",
  };
  private static final long DUCK_MIN_MILLIS = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
  private static final long DUCK_MAX_MILLIS =
      Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

  private final Random random;
  private final boolean duckSafe;

  RandomCql(long seed, boolean duckSafe) {
    this.random = new Random(seed);
    this.duckSafe = duckSafe;
  }

  /** The generator itself, for choices the caller makes. */
  Random random() {
    return random;
  }

  /** A value of the type, or null with the given chance. */
  Object valueOrNull(DataType type, double nullChance) {
    return random.nextDouble() < nullChance ? null : value(type);
  }

  /** A non-null value of the type. */
  Object value(DataType type) {
    if (type instanceof ListType l) {
      List<Object> list = new ArrayList<>();
      for (int i = size(); i > 0; i--) {
        list.add(value(l.getElementType()));
      }
      return list;
    }
    if (type instanceof SetType s) {
      Set<Object> set = new LinkedHashSet<>();
      for (int i = size(); i > 0; i--) {
        set.add(value(s.getElementType()));
      }
      return set;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = size(); i > 0; i--) {
        map.put(value(m.getKeyType()), value(m.getValueType()));
      }
      return map;
    }
    if (type instanceof VectorType v) {
      List<Object> elements = new ArrayList<>(v.getDimensions());
      for (int i = 0; i < v.getDimensions(); i++) {
        elements.add(value(v.getElementType()));
      }
      return CqlVector.newInstance(elements);
    }
    if (type instanceof UserDefinedType u) {
      UdtValue value = u.newValue();
      boolean allNull = edge();
      for (int i = 0; i < u.getFieldTypes().size(); i++) {
        if (!allNull && random.nextInt(5) > 0) {
          value = value.set(i, value(u.getFieldTypes().get(i)), javaType(u.getFieldTypes().get(i)));
        }
      }
      return value;
    }
    if (type instanceof TupleType t) {
      TupleValue value = t.newValue();
      boolean allNull = edge();
      for (int i = 0; i < t.getComponentTypes().size(); i++) {
        if (!allNull && random.nextInt(5) > 0) {
          DataType c = t.getComponentTypes().get(i);
          value = value.set(i, value(c), javaType(c));
        }
      }
      return value;
    }
    if (DataTypes.DURATION.equals(type)) {
      return duration();
    }
    return scalar(
        CqlScalar.of(type)
            .orElseThrow(() -> new IllegalArgumentException("no generator for " + type)));
  }

  /** A collection size: empty one time in five, else 1 to 4. */
  private int size() {
    return edge() ? 0 : 1 + random.nextInt(4);
  }

  private boolean edge() {
    return random.nextInt(5) == 0;
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> javaType(DataType type) {
    if (type instanceof ListType) {
      return (Class<T>) List.class;
    }
    if (type instanceof SetType) {
      return (Class<T>) Set.class;
    }
    if (type instanceof MapType) {
      return (Class<T>) Map.class;
    }
    if (type instanceof VectorType) {
      return (Class<T>) CqlVector.class;
    }
    if (type instanceof UserDefinedType) {
      return (Class<T>) UdtValue.class;
    }
    if (type instanceof TupleType) {
      return (Class<T>) TupleValue.class;
    }
    if (DataTypes.DURATION.equals(type)) {
      return (Class<T>) CqlDuration.class;
    }
    return (Class<T>) CqlScalar.of(type).orElseThrow().javaType();
  }

  private Object scalar(CqlScalar s) {
    boolean edge = edge();
    switch (s) {
      case ASCII:
        return text(true);
      case TEXT:
        return text(false);
      case TINYINT:
        return edge ? pick(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0) : (byte) random.nextInt();
      case SMALLINT:
        return edge ? pick(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0) : (short) random.nextInt();
      case INT:
        return edge ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0) : random.nextInt();
      case BIGINT:
      case COUNTER:
        return edge ? pick(Long.MIN_VALUE, Long.MAX_VALUE, 0L) : random.nextLong();
      case VARINT:
        return edge
            ? pick(
                BigInteger.TWO.pow(64),
                BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE),
                BigInteger.TWO.pow(200))
            : new BigInteger(1 + random.nextInt(150), random).multiply(sign());
      case FLOAT:
        return edge
            ? pick(
                Float.NaN,
                Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY,
                -0.0f,
                Float.MIN_VALUE,
                Float.MAX_VALUE,
                -Float.MAX_VALUE)
            : finiteFloat();
      case DOUBLE:
        return edge
            ? pick(
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -0.0d,
                Double.MIN_VALUE,
                Double.MAX_VALUE)
            : finiteDouble();
      case DECIMAL:
        return edge
            ? pick(
                new BigDecimal(BigInteger.valueOf(random.nextInt(1000) + 1), 1000),
                new BigDecimal(BigInteger.valueOf(random.nextInt(1000) + 1), -20),
                new BigDecimal("-0.00"),
                new BigDecimal("1E+5"))
            : new BigDecimal(
                new BigInteger(1 + random.nextInt(120), random).multiply(sign()),
                random.nextInt(60) - 10);
      case BOOLEAN:
        return random.nextBoolean();
      case TIMESTAMP:
        return timestamp(edge);
      case DATE:
        return date(edge);
      case TIME:
        return edge
            ? pick(LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.ofNanoOfDay(1))
            : LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L));
      case UUID:
        return edge
            ? pick(new UUID(0, 0), new UUID(-1, -1))
            : new UUID(
                random.nextLong() & ~0xF000L | 0x4000L,
                random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
      case TIMEUUID:
        long millis = Math.floorMod(random.nextLong(), 4_000_000_000_000L);
        UUID start = Uuids.startOf(millis);
        return new UUID(
            start.getMostSignificantBits(),
            random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
      case BLOB:
        byte[] bytes = new byte[edge ? 0 : random.nextInt(64)];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
      case INET:
        return inet(edge || random.nextBoolean() ? 16 : 4);
      default:
        throw new IllegalArgumentException(s.name());
    }
  }

  private BigInteger sign() {
    return random.nextBoolean() ? BigInteger.ONE : BigInteger.ONE.negate();
  }

  private float finiteFloat() {
    float f;
    do {
      f = Float.intBitsToFloat(random.nextInt());
    } while (Float.isNaN(f) || Float.isInfinite(f));
    return f;
  }

  private double finiteDouble() {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (Double.isNaN(d) || Double.isInfinite(d));
    return d;
  }

  private Instant timestamp(boolean edge) {
    if (edge) {
      return duckSafe
          ? pick(
              Instant.ofEpochMilli(DUCK_MIN_MILLIS),
              Instant.ofEpochMilli(DUCK_MAX_MILLIS),
              Instant.ofEpochMilli(-1))
          : pick(
              Instant.ofEpochMilli(Long.MIN_VALUE),
              Instant.ofEpochMilli(Long.MAX_VALUE),
              Instant.ofEpochMilli(-1));
    }
    long span = DUCK_MAX_MILLIS - DUCK_MIN_MILLIS;
    return Instant.ofEpochMilli(DUCK_MIN_MILLIS + Math.floorMod(random.nextLong(), span));
  }

  private LocalDate date(boolean edge) {
    if (edge) {
      return duckSafe
          ? pick(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1969, 12, 31))
          : pick(
              LocalDate.ofEpochDay(Integer.MIN_VALUE),
              LocalDate.ofEpochDay(Integer.MAX_VALUE),
              LocalDate.of(-5000, 3, 1));
    }
    return LocalDate.of(1, 1, 1).plusDays(random.nextInt(3_652_058));
  }

  private CqlDuration duration() {
    int months = random.nextInt(1200);
    int days = random.nextInt(400);
    long nanos = Math.floorMod(random.nextLong(), 86_400_000_000_000L * 30);
    if (edge()) {
      return pick(
          CqlDuration.newInstance(0, 0, 0),
          CqlDuration.newInstance(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
          CqlDuration.newInstance(-months, -days, -nanos));
    }
    return CqlDuration.newInstance(months, days, nanos);
  }

  private InetAddress inet(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text of 0 to 19 code points from mixed alphabets, astral-plane ones included. */
  String text(boolean ascii) {
    int length = edge() ? 0 : 1 + random.nextInt(19);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (ascii) {
        int c = random.nextInt(128);
        b.append((char) (duckSafe && c == 0 ? 'x' : c));
      } else {
        String alphabet = ALPHABETS[random.nextInt(ALPHABETS.length)];
        int at =
            alphabet.offsetByCodePoints(
                0, random.nextInt(alphabet.codePointCount(0, alphabet.length())));
        b.appendCodePoint(alphabet.codePointAt(at));
      }
    }
    return b.toString();
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
