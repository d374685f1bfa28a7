package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
}
