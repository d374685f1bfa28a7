package io.cqlp.types;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The CQL scalar types cqlp moves between tables and files, each with the Java type the Cassandra
 * Java driver's default codecs use for its values.
 *
 * <p>{@code varchar} is the same type as {@code text} (Cassandra and the driver treat it as an
 * alias), so it has no constant of its own. Collections, user types, tuples, vectors and {@code
 * duration} are not scalars of this enum; they are handled by the formats as composite types over
 * these scalars.
 */
public enum CqlScalar {
  ASCII(DataTypes.ASCII, String.class),
  TEXT(DataTypes.TEXT, String.class),
  TINYINT(DataTypes.TINYINT, Byte.class),
  SMALLINT(DataTypes.SMALLINT, Short.class),
  INT(DataTypes.INT, Integer.class),
  BIGINT(DataTypes.BIGINT, Long.class),
  COUNTER(DataTypes.COUNTER, Long.class),
  FLOAT(DataTypes.FLOAT, Float.class),
  DOUBLE(DataTypes.DOUBLE, Double.class),
  BOOLEAN(DataTypes.BOOLEAN, Boolean.class),
  TIMESTAMP(DataTypes.TIMESTAMP, Instant.class),
  DATE(DataTypes.DATE, LocalDate.class),
  TIME(DataTypes.TIME, LocalTime.class),
  UUID(DataTypes.UUID, java.util.UUID.class),
  TIMEUUID(DataTypes.TIMEUUID, java.util.UUID.class),
  BLOB(DataTypes.BLOB, ByteBuffer.class),
  INET(DataTypes.INET, InetAddress.class),
  DECIMAL(DataTypes.DECIMAL, BigDecimal.class),
  VARINT(DataTypes.VARINT, BigInteger.class);

  private final DataType dataType;
  private final Class<?> javaType;

  CqlScalar(DataType dataType, Class<?> javaType) {
    this.dataType = dataType;
    this.javaType = javaType;
  }

  /** The driver's data type of this scalar. */
  public DataType dataType() {
    return dataType;
  }

  /**
   * The Java type of values of this scalar (driver default codecs). Values may be of a subclass:
   * {@code java.net.Inet4Address}, a heap or direct {@code ByteBuffer}.
   */
  public Class<?> javaType() {
    return javaType;
  }

  /** The CQL name of the type, lower case ({@code "bigint"}, {@code "text"}, ...). */
  public String cqlName() {
    return dataType.asCql(false, true);
  }

  /**
   * The scalar of a driver data type.
   *
   * @param type any driver data type; not null
   * @return the scalar, or empty if {@code type} is not one of this enum (a collection, a user
   *     type, a tuple, a vector, duration or a custom type)
   */
  public static Optional<CqlScalar> of(DataType type) {
    for (CqlScalar s : values()) {
      if (s.dataType.equals(type)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
