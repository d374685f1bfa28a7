package io.cqlp.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3StagedFileTest {
  @Test
  void should_grow_parts_so_that_ten_thousand_of_them_hold_about_490_gib() {
    assertThat(S3StagedFile.partSize(1)).isEqualTo(8 << 20);
    assertThat(S3StagedFile.partSize(1000)).isEqualTo(8 << 20);
    assertThat(S3StagedFile.partSize(1001)).isEqualTo(16 << 20);
    assertThat(S3StagedFile.partSize(2001)).isEqualTo(32 << 20);
    assertThat(S3StagedFile.partSize(3001)).isEqualTo(64 << 20);
    assertThat(S3StagedFile.partSize(10_000)).isEqualTo(64 << 20);
    long total = 0;
    for (int n = 1; n <= 10_000; n++) {
      total += S3StagedFile.partSize(n);
    }
    assertThat(total / (1L << 30)).isEqualTo(492L);
  }
}
