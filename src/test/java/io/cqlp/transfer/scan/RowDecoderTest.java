package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.datastax.oss.driver.internal.core.cql.DefaultRow;
import io.cqlp.types.ColumnSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDecoderTest {
  private static final ProtocolVersion V = ProtocolVersion.DEFAULT;

  @SuppressWarnings("unchecked")
  private static TypeCodec<Object> codec(TypeCodec<?> c) {
    return (TypeCodec<Object>) (TypeCodec<?>) c;
  }

  private static ByteBuffer utf8(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void asciiTextIsCopiedExactly() {
    assertThat(RowDecoder.text(utf8("JFK"), codec(TypeCodecs.TEXT), V)).isEqualTo("JFK");
    assertThat(RowDecoder.text(utf8(""), codec(TypeCodecs.TEXT), V)).isEqualTo("");
    String all = new String(new char[] {0, 1, '\t', 'a', 0x7f});
    assertThat(RowDecoder.text(utf8(all), codec(TypeCodecs.ASCII), V)).isEqualTo(all);
  }

  @Test
  void nonAsciiTextGoesThroughTheDriverCodec() {
    String s = "Zürich → 東京 \uD83D\uDE80";
    assertThat(RowDecoder.text(utf8(s), codec(TypeCodecs.TEXT), V)).isEqualTo(s);
  }

  @Test
  void readsOnlyTheBufferWindowAndLeavesItsPosition() {
    byte[] backing = "xxJFKyy".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer window = ByteBuffer.wrap(backing, 1, 5).slice();
    window.position(1).limit(4);
    assertThat(RowDecoder.text(window, codec(TypeCodecs.TEXT), V)).isEqualTo("JFK");
    assertThat(window.position()).isEqualTo(1);
    ByteBuffer direct = ByteBuffer.allocateDirect(3).put("LAX".getBytes(StandardCharsets.US_ASCII));
    direct.flip();
    assertThat(RowDecoder.text(direct, codec(TypeCodecs.TEXT), V)).isEqualTo("LAX");
  }

  @Test
  void malformedUtf8AndNonAsciiAsciiAreRefusedNotReplaced() {
    ByteBuffer bad = ByteBuffer.wrap(new byte[] {'a', (byte) 0xC3, 'b'});
    assertThatThrownBy(() -> RowDecoder.text(bad, codec(TypeCodecs.TEXT), V))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RowDecoder.text(utf8("é"), codec(TypeCodecs.ASCII), V))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final List<DataType> FIXED =
      List.of(
          DataTypes.BIGINT,
          DataTypes.COUNTER,
          DataTypes.TIMESTAMP,
          DataTypes.INT,
          DataTypes.DOUBLE);

  private static RowDecoder decoder(List<DataType> types) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      columns.add(ColumnSpec.regular("c" + i, types.get(i)));
    }
    return new RowDecoder(columns, CodecRegistry.DEFAULT, V);
  }

  /** A value's bytes at position 2 of a larger array, as values arrive in a result page. */
  private static ByteBuffer inPage(ByteBuffer value) {
    byte[] page = new byte[value.remaining() + 5];
    value.duplicate().get(page, 2, value.remaining());
    return ByteBuffer.wrap(page, 2, value.remaining());
  }

  @Test
  void fixedWidthValuesAreTheDriverCodecsOwn() {
    List<ByteBuffer> cells =
        Arrays.asList(
            inPage(TypeCodecs.BIGINT.encode(Long.MIN_VALUE, V)),
            inPage(TypeCodecs.COUNTER.encode(42L, V)),
            inPage(TypeCodecs.TIMESTAMP.encode(Instant.parse("1969-07-20T20:17:40.123Z"), V)),
            inPage(TypeCodecs.INT.encode(-7, V)),
            inPage(TypeCodecs.DOUBLE.encode(-0.0, V)));
    Object[] values = decoder(FIXED).decode(new DefaultRow(null, cells));
    assertThat(values)
        .containsExactly(Long.MIN_VALUE, 42L, Instant.parse("1969-07-20T20:17:40.123Z"), -7, -0.0);
    assertThat(cells.get(0).position()).isEqualTo(2);
  }

  @Test
  void emptyNullAndMalformedFixedWidthValuesGoToTheCodec() {
    List<ByteBuffer> empty = new ArrayList<>();
    List<ByteBuffer> nulls = new ArrayList<>();
    for (int i = 0; i < FIXED.size(); i++) {
      empty.add(ByteBuffer.allocate(0));
      nulls.add(null);
    }
    assertThat(decoder(FIXED).decode(new DefaultRow(null, empty))).containsOnlyNulls();
    assertThat(decoder(FIXED).decode(new DefaultRow(null, nulls))).containsOnlyNulls();
    for (DataType type : List.of(DataTypes.BIGINT, DataTypes.INT, DataTypes.DOUBLE)) {
      DefaultRow three = new DefaultRow(null, List.of(ByteBuffer.wrap(new byte[] {1, 2, 3})));
      assertThatThrownBy(() -> decoder(List.of(type)).decode(three))
          .as(type.toString())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
