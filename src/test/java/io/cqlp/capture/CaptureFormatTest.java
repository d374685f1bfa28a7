package io.cqlp.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CaptureFormatTest {

  @Test
  void should_follow_the_extension() {
    assertThat(CaptureFormat.fromPath("/tmp/x.parquet")).isEqualTo(CaptureFormat.PARQUET);
    assertThat(CaptureFormat.fromPath("x.PQ")).isEqualTo(CaptureFormat.PARQUET);
    assertThat(CaptureFormat.fromPath("x.jsonl")).isEqualTo(CaptureFormat.JSON);
    assertThat(CaptureFormat.fromPath("x.ndjson")).isEqualTo(CaptureFormat.JSON);
    assertThat(CaptureFormat.fromPath("x.csv")).isEqualTo(CaptureFormat.CSV);
    assertThat(CaptureFormat.fromPath("book.XLSX")).isEqualTo(CaptureFormat.XLSX);
    assertThat(CaptureFormat.fromPath("out.txt")).isEqualTo(CaptureFormat.TEXT);
    assertThat(CaptureFormat.fromPath("noext")).isEqualTo(CaptureFormat.TEXT);
  }

  @Test
  void should_list_the_formats_for_an_unknown_one() {
    assertThat(CaptureFormat.parse("json")).isEqualTo(CaptureFormat.JSON);
    assertThatThrownBy(() -> CaptureFormat.parse("xml"))
        .isInstanceOf(CaptureException.class)
        .hasMessage(
            "Unknown CAPTURE format 'xml'. Valid formats are: PARQUET, JSON, XLSX, CSV, TEXT.");
  }
}
