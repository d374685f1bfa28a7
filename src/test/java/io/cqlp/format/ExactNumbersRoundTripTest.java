package io.cqlp.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.command.Options;
import io.cqlp.format.csv.CsvOptions;
import io.cqlp.format.csv.CsvRowReader;
import io.cqlp.format.csv.CsvRowWriter;
import io.cqlp.format.json.JsonRowSink;
import io.cqlp.format.json.JsonRowSource;
import io.cqlp.storage.Location;
import io.cqlp.types.ColumnSpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test: random floats, doubles (every bit pattern class: normal, subnormal, ±0.0, NaN,
 * ±Infinity, MIN_VALUE, MAX_VALUE, MIN_NORMAL), decimals and varints written to CSV and JSON with
 * default options read back with the same bits (NaN as NaN; a CQL NaN has no payload).
 */
class ExactNumbersRoundTripTest {
  private static final int ROWS = 10_000;
  private static final List<ColumnSpec> COLUMNS =
      List.of(
          ColumnSpec.regular("f", DataTypes.FLOAT),
          ColumnSpec.regular("d", DataTypes.DOUBLE),
          ColumnSpec.regular("dec", DataTypes.DECIMAL),
          ColumnSpec.regular("v", DataTypes.VARINT));
  private static final float[] FLOATS = {
    0.0f,
    -0.0f,
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    Float.MIN_NORMAL,
    Math.nextDown(Float.MIN_NORMAL),
    3.1415927f,
    0.1f,
    1e-5f,
    1e16f,
    123456789f
  };
  private static final double[] DOUBLES = {
    0.0,
    -0.0,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Math.nextDown(Double.MIN_NORMAL),
    2.718281828459045,
    0.1 + 0.2,
    1e-5,
    1e16,
    9007199254740993.0,
    1e23,
    2e-3
  };

  @TempDir Path dir;

  private static List<Object[]> rows(long seed) {
    Random random = new Random(seed);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      float f =
          i < FLOATS.length
              ? FLOATS[i]
              : switch (i % 3) {
                case 0 -> Float.intBitsToFloat(random.nextInt());
                case 1 ->
                    Float.intBitsToFloat(
                        random.nextInt(0x0080_0000) | (random.nextBoolean() ? 0x8000_0000 : 0));
                default -> (float) (random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
              };
      double d =
          i < DOUBLES.length
              ? DOUBLES[i]
              : switch (i % 3) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 ->
                    Double.longBitsToDouble(
                        (random.nextLong() & 0x000F_FFFF_FFFF_FFFFL)
                            | (random.nextBoolean() ? Long.MIN_VALUE : 0));
                default -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
              };
      BigInteger unscaled = new BigInteger(1 + random.nextInt(300), random);
      BigDecimal dec =
          new BigDecimal(
              random.nextBoolean() ? unscaled : unscaled.negate(), random.nextInt(80) - 20);
      rows.add(new Object[] {f, d, dec, random.nextBoolean() ? unscaled : unscaled.negate()});
    }
    return rows;
  }

  private static void assertSame(Object[] expected, Object[] back, int row) {
    assertThat(back).as("row %d", row).hasSize(4);
    assertThat(Float.floatToIntBits((Float) back[0]))
        .as("float of row %d: %s", row, expected[0])
        .isEqualTo(Float.floatToIntBits((Float) expected[0]));
    assertThat(Double.doubleToLongBits((Double) back[1]))
        .as("double of row %d: %s", row, expected[1])
        .isEqualTo(Double.doubleToLongBits((Double) expected[1]));
    BigDecimal dec = (BigDecimal) back[2];
    assertThat(dec.unscaledValue())
        .as("decimal of row %d", row)
        .isEqualTo(((BigDecimal) expected[2]).unscaledValue());
    assertThat(dec.scale())
        .as("decimal scale of row %d", row)
        .isEqualTo(((BigDecimal) expected[2]).scale());
    assertThat(back[3]).as("varint of row %d", row).isEqualTo(expected[3]);
  }

  @Test
  void should_round_trip_floats_doubles_decimals_and_varints_through_csv_bit_for_bit()
      throws IOException {
    for (String[] pairs :
        List.of(new String[0], new String[] {"DECIMALSEP", ",", "THOUSANDSSEP", "."})) {
      Options.Builder b = Options.builder();
      for (int i = 0; i < pairs.length; i += 2) {
        b.add(pairs[i], pairs[i + 1]);
      }
      CsvOptions options = CsvOptions.from(b.build());
      List<Object[]> rows = rows(pairs.length);
      Path file = dir.resolve("numbers" + pairs.length + ".csv");
      try (CsvRowWriter w = CsvRowWriter.open(Location.local(file), COLUMNS, options)) {
        for (Object[] row : rows) {
          w.write(row);
        }
        w.commit();
      }
      try (CsvRowReader r = CsvRowReader.open(Location.local(file), COLUMNS, options)) {
        for (int i = 0; i < rows.size(); i++) {
          assertSame(rows.get(i), r.next(), i);
        }
        assertThat(r.next()).isNull();
      }
    }
  }

  @Test
  void should_round_trip_floats_doubles_decimals_and_varints_through_json_bit_for_bit()
      throws IOException {
    List<Object[]> rows = rows(7);
    Path file = dir.resolve("numbers.jsonl");
    try (JsonRowSink sink = JsonRowSink.open(Location.local(file), COLUMNS, false)) {
      for (Object[] row : rows) {
        sink.write(row);
      }
      sink.commit();
    }
    try (JsonRowSource source = JsonRowSource.open(Location.local(file), COLUMNS, false)) {
      for (int i = 0; i < rows.size(); i++) {
        assertSame(rows.get(i), source.next(), i);
      }
      assertThat(source.next()).isNull();
    }
  }

  @Test
  void should_write_the_shortest_text_cqlsh_reads() throws IOException {
    Path file = dir.resolve("few.csv");
    try (CsvRowWriter w =
        CsvRowWriter.open(Location.local(file), COLUMNS, CsvOptions.from(Options.empty()))) {
      w.write(
          new Object[] {
            3.1415927f, 2.718281828459045, new BigDecimal("1234.50"), BigInteger.TEN.pow(30)
          });
      w.write(
          new Object[] {
            Float.MIN_VALUE, Double.MAX_VALUE, new BigDecimal("1E+10"), BigInteger.ONE
          });
      w.write(new Object[] {-0.0f, 0.1 + 0.2, null, null});
      w.write(new Object[] {1e-5f, 100.0, null, null});
      w.commit();
    }
    assertThat(Files.readString(file))
        .isEqualTo(
            "3.1415927,2.718281828459045,1234.50,1000000000000000000000000000000\r\n"
                + "1.4e-45,1.7976931348623157e+308,1E+10,1\r\n"
                + "-0,0.30000000000000004,,\r\n"
                + "1e-05,100,,\r\n");
  }
}
