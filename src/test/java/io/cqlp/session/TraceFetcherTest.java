package io.cqlp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceFetcherTest {

  @Test
  void should_read_the_time_of_a_time_based_uuid_to_the_microsecond() {
    // 100 ns intervals since 1582-10-15 of 2024-01-02T03:04:05.123456Z
    long unixMicros =
        Instant.parse("2024-01-02T03:04:05.123456Z").getEpochSecond() * 1_000_000L + 123_456L;
    long ticks = unixMicros * 10 + 0x01b21dd213814000L;
    long msb =
        ((ticks & 0xFFFFFFFFL) << 32)
            | (((ticks >>> 32) & 0xFFFFL) << 16)
            | 0x1000L
            | ((ticks >>> 48) & 0x0FFFL);
    UUID id = new UUID(msb, 0x8000000000000000L);
    assertThat(id.version()).isEqualTo(1);
    assertThat(TraceFetcher.timeOf(id)).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
  }
}
