package io.cqlp.format.csv;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import io.cqlp.command.Options;
import io.cqlp.types.ColumnKind;
import io.cqlp.types.ColumnSpec;
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
import java.util.UUID;

/** Columns of every CQL type the CSV format carries, and one row of values for them. */
final class CsvTypes {
  private CsvTypes() {}

  static final UserDefinedType ADDRESS =
      new UserDefinedTypeBuilder("ks", "address")
          .withField("street", DataTypes.TEXT)
          .withField("zip", DataTypes.INT)
          .build();
  static final TupleType PAIR = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT);

  static CsvOptions options(String... pairs) {
    Options.Builder b = Options.builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.add(pairs[i], pairs[i + 1]);
    }
    return CsvOptions.from(b.build());
  }

  static ColumnSpec col(String name, DataType type) {
    return new ColumnSpec(name, type, ColumnKind.REGULAR);
  }

  static InetAddress inet(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every type, in the order of {@link #row()}. */
  static List<ColumnSpec> columns() {
    List<ColumnSpec> cols = new ArrayList<>();
    cols.add(col("k", DataTypes.INT));
    cols.add(col("a", DataTypes.ASCII));
    cols.add(col("t", DataTypes.TEXT));
    cols.add(col("ti", DataTypes.TINYINT));
    cols.add(col("si", DataTypes.SMALLINT));
    cols.add(col("bi", DataTypes.BIGINT));
    cols.add(col("vi", DataTypes.VARINT));
    cols.add(col("f", DataTypes.FLOAT));
    cols.add(col("d", DataTypes.DOUBLE));
    cols.add(col("dec", DataTypes.DECIMAL));
    cols.add(col("b", DataTypes.BOOLEAN));
    cols.add(col("ts", DataTypes.TIMESTAMP));
    cols.add(col("dt", DataTypes.DATE));
    cols.add(col("tm", DataTypes.TIME));
    cols.add(col("u", DataTypes.UUID));
    cols.add(col("tu", DataTypes.TIMEUUID));
    cols.add(col("bl", DataTypes.BLOB));
    cols.add(col("ip", DataTypes.INET));
    cols.add(col("du", DataTypes.DURATION));
    cols.add(col("l", DataTypes.listOf(DataTypes.TEXT)));
    cols.add(col("s", DataTypes.setOf(DataTypes.INT)));
    cols.add(col("m", DataTypes.mapOf(DataTypes.TEXT, DataTypes.TIMESTAMP)));
    cols.add(col("ud", ADDRESS));
    cols.add(col("tp", PAIR));
    cols.add(col("v", DataTypes.vectorOf(DataTypes.FLOAT, 2)));
    return cols;
  }

  static Object[] row() {
    UdtValue address = ADDRESS.newValue().setString(0, "1 Main St").setToNull(1);
    TupleValue pair = PAIR.newValue().setInt(0, 7).setString(1, "it's");
    Map<String, Instant> m = new LinkedHashMap<>();
    m.put("start", Instant.parse("2024-01-02T03:04:05.678Z"));
    return new Object[] {
      1,
      "plain",
      "say \"hi\",\nbye",
      (byte) -8,
      (short) 1234,
      1234567L,
      new BigInteger("-12345678901234567890"),
      3.1415927f,
      2.718281828459045,
      new BigDecimal("1234.50"),
      true,
      Instant.parse("2024-01-02T03:04:05.678Z"),
      LocalDate.of(2024, 2, 29),
      LocalTime.of(13, 14, 15, 123456789),
      UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
      UUID.fromString("fe2b4360-28c6-11e2-81c1-0800200c9a66"),
      ByteBuffer.wrap(new byte[] {0, (byte) 0xca, (byte) 0xfe}),
      inet("192.168.0.1"),
      CqlDuration.from("1h30m"),
      List.of("a", "b'c"),
      new LinkedHashSet<>(List.of(1, 2)),
      m,
      address,
      pair,
      com.datastax.oss.driver.api.core.data.CqlVector.newInstance(1.5f, -2.0f)
    };
  }
}
