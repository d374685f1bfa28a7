package io.cqlp.format.csv;

import static io.cqlp.format.csv.CsvTypes.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.cqlp.types.ColumnSpec;
import io.cqlp.types.ValueFormatter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvValueParserTest {
  private final CsvValueParser parser = new CsvValueParser(options());

  @Test
  void should_read_back_every_type_that_the_formatter_writes() {
    for (CsvOptions o :
        List.of(
            options(),
            options(
                "DECIMALSEP",
                ",",
                "THOUSANDSSEP",
                ".",
                "BOOLSTYLE",
                "yes,no",
                "DATETIMEFORMAT",
                "%d/%m/%Y %H:%M:%S.%f",
                "DOUBLEPRECISION",
                "17",
                "FLOATPRECISION",
                "9"))) {
      ValueFormatter formatter = o.formatter();
      CsvValueParser p = new CsvValueParser(o);
      Object[] row = CsvTypes.row();
      List<ColumnSpec> cols = CsvTypes.columns();
      for (int i = 0; i < row.length; i++) {
        String text = formatter.format(row[i]);
        Object back = p.parse(cols.get(i).type(), text);
        if (row[i] instanceof Float f) {
          assertThat((Float) back)
              .as(cols.get(i).name())
              .isCloseTo(f, org.assertj.core.data.Offset.offset(1e-5f));
        } else if (row[i] instanceof Double d) {
          assertThat((Double) back)
              .as(cols.get(i).name())
              .isCloseTo(d, org.assertj.core.data.Offset.offset(1e-11));
        } else if (row[i] instanceof UdtValue || row[i] instanceof TupleValue) {
          assertThat(formatter.format(back)).as(cols.get(i).name()).isEqualTo(text);
        } else {
          assertThat(back).as(cols.get(i).name() + " from " + text).isEqualTo(row[i]);
        }
      }
    }
  }

  @Test
  void should_read_cqlsh_text_of_scalars() {
    assertThat(parser.parse(DataTypes.BOOLEAN, "True")).isEqualTo(true);
    assertThat(parser.parse(DataTypes.BOOLEAN, "false")).isEqualTo(false);
    assertThat(parser.parse(DataTypes.TIMESTAMP, "2024-01-02 03:04:05.678+0000"))
        .isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
    assertThat(parser.parse(DataTypes.TIMESTAMP, "2024-01-02T03:04:05Z"))
        .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(parser.parse(DataTypes.TIMESTAMP, "1704164645678"))
        .isEqualTo(Instant.ofEpochMilli(1704164645678L));
    assertThat(parser.parse(DataTypes.BLOB, "0x00CAfe"))
        .isEqualTo(ByteBuffer.wrap(new byte[] {0, (byte) 0xca, (byte) 0xfe}));
    assertThat(parser.parse(DataTypes.BLOB, "0x")).isEqualTo(ByteBuffer.allocate(0));
    assertThat(parser.parse(DataTypes.TIME, "13:14:15.123456789"))
        .isEqualTo(LocalTime.of(13, 14, 15, 123456789));
    assertThat(parser.parse(DataTypes.DURATION, "1y2mo3d4h5m6s7ms8us9ns"))
        .isEqualTo(CqlDuration.from("1y2mo3d4h5m6s7ms8us9ns"));
    assertThat(parser.parse(DataTypes.DECIMAL, "1234.50")).isEqualTo(new BigDecimal("1234.50"));
    assertThat(parser.parse(DataTypes.DOUBLE, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void should_read_collection_user_type_and_tuple_literals() {
    assertThat(parser.parse(DataTypes.listOf(DataTypes.TEXT), "['a', 'b''c', 'x, y']"))
        .isEqualTo(List.of("a", "b'c", "x, y"));
    assertThat(parser.parse(DataTypes.setOf(DataTypes.INT), "{1, 2,3}")).isEqualTo(Set.of(1, 2, 3));
    assertThat(parser.parse(DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT), "{'a': 1, 'b': 2}"))
        .isEqualTo(Map.of("a", 1, "b", 2));
    assertThat(
            parser.parse(
                DataTypes.mapOf(DataTypes.TIME, DataTypes.BOOLEAN), "{13:14:15.000000000: True}"))
        .isEqualTo(Map.of(LocalTime.of(13, 14, 15), true));
    assertThat(parser.parse(DataTypes.listOf(DataTypes.listOf(DataTypes.INT)), "[[1], [2, 3], []]"))
        .isEqualTo(List.of(List.of(1), List.of(2, 3), List.of()));
    UdtValue address = (UdtValue) parser.parse(CsvTypes.ADDRESS, "{street: 'Elm', zip: 123}");
    assertThat(address.getString("street")).isEqualTo("Elm");
    assertThat(address.getInt("zip")).isEqualTo(123);
    UdtValue partial = (UdtValue) parser.parse(CsvTypes.ADDRESS, "{zip: null}");
    assertThat(partial.isNull("street")).isTrue();
    TupleValue pair = (TupleValue) parser.parse(CsvTypes.PAIR, "(7, 'it''s')");
    assertThat(pair.getInt(0)).isEqualTo(7);
    assertThat(pair.getString(1)).isEqualTo("it's");
    assertThat(parser.parse(DataTypes.vectorOf(DataTypes.FLOAT, 2), "[1.5, -2]"))
        .isEqualTo(com.datastax.oss.driver.api.core.data.CqlVector.newInstance(1.5f, -2f));
  }

  @Test
  void should_refuse_values_that_do_not_convert() {
    assertThatThrownBy(() -> parser.parse(DataTypes.INT, "12x"))
        .hasMessageContaining("'12x' is not an integer");
    assertThatThrownBy(() -> parser.parse(DataTypes.BOOLEAN, "maybe"))
        .hasMessageContaining("is not True or False");
    assertThatThrownBy(() -> parser.parse(DataTypes.BLOB, "cafe"))
        .hasMessageContaining("is not a blob");
    assertThatThrownBy(() -> parser.parse(DataTypes.listOf(DataTypes.INT), "[1, 2"))
        .hasMessageContaining("expected ']'");
    assertThatThrownBy(() -> parser.parse(DataTypes.listOf(DataTypes.INT), "[1, null]"))
        .hasMessageContaining("cannot hold null");
    assertThatThrownBy(() -> parser.parse(DataTypes.listOf(DataTypes.INT), "[1] x"))
        .hasMessageContaining("unexpected 'x'");
    assertThatThrownBy(() -> parser.parse(CsvTypes.ADDRESS, "{city: 'x'}"))
        .hasMessageContaining("has no field 'city'");
    assertThatThrownBy(() -> parser.parse(DataTypes.TIMESTAMP, "2024-01-02 03:04:05.678123+0000"))
        .hasMessageContaining("sub-millisecond")
        .hasMessageEndingWith("(PRECISION_LOSS='TRUNCATE' drops them)");
  }

  @Test
  void should_round_sub_millisecond_digits_down_with_precision_loss_truncate() {
    CsvValueParser truncating = new CsvValueParser(options("PRECISION_LOSS", "TRUNCATE"));
    assertThat(truncating.parse(DataTypes.TIMESTAMP, "2024-01-02 03:04:05.678999+0000"))
        .isEqualTo(java.time.Instant.parse("2024-01-02T03:04:05.678Z"));
    assertThat(truncating.parse(DataTypes.TIMESTAMP, "1969-12-31T23:59:59.9999999Z"))
        .isEqualTo(java.time.Instant.parse("1969-12-31T23:59:59.999Z"));
    assertThat(
            truncating.parse(
                DataTypes.listOf(DataTypes.TIMESTAMP), "['2024-01-02 03:04:05.000001+0000']"))
        .isEqualTo(List.of(java.time.Instant.parse("2024-01-02T03:04:05Z")));
  }
}
