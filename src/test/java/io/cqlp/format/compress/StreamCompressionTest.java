package io.cqlp.format.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cqlp.format.FileFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamCompressionTest {

  @Test
  void should_name_the_compression_by_the_last_extension() {
    assertThat(StreamCompression.fromPath("rows.csv.gz")).isEqualTo(StreamCompression.GZIP);
    assertThat(StreamCompression.fromPath("rows.JSONL.ZST")).isEqualTo(StreamCompression.ZSTD);
    assertThat(StreamCompression.fromPath("rows.jsonl.zstd")).isEqualTo(StreamCompression.ZSTD);
    assertThat(StreamCompression.fromPath("rows.csv")).isEqualTo(StreamCompression.NONE);
    assertThat(StreamCompression.stripExtension("a/rows.csv.gz")).isEqualTo("a/rows.csv");
    assertThat(StreamCompression.stripExtension("rows.csv")).isEqualTo("rows.csv");
  }

  @Test
  void should_read_the_format_through_the_compression_extension() {
    assertThat(FileFormat.fromPath("rows.jsonl.zst")).isEqualTo(FileFormat.JSON);
    assertThat(FileFormat.fromPath("rows.csv.gz")).isEqualTo(FileFormat.CSV);
    assertThat(FileFormat.fromPath("rows.parquet")).isEqualTo(FileFormat.PARQUET);
  }

  @Test
  void should_round_trip_bytes_through_every_compression() throws IOException {
    byte[] text = "id,name\n1,\"a\nb\"\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
    for (StreamCompression c : StreamCompression.values()) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      try (OutputStream out = c.compress(sink)) {
        out.write(text);
      }
      if (c != StreamCompression.NONE) {
        assertThat(sink.size()).isLessThan(text.length / 10);
      }
      try (InputStream in = c.decompress(new ByteArrayInputStream(sink.toByteArray()))) {
        assertThat(in.readAllBytes()).isEqualTo(text);
      }
    }
  }

  @Test
  void should_refuse_a_stream_that_is_not_gzip() {
    assertThatThrownBy(
            () ->
                StreamCompression.GZIP.decompress(
                    new ByteArrayInputStream("plain".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class);
  }
}
